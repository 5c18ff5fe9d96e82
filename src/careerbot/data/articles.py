"""Checking the knowledge's quotes against the article texts they come from.

The scraped articles contain mojibake (UTF-8 read as Windows-874/1252: ``โ€™`` for an
apostrophe, ``ยท`` for a middle dot) and ragged whitespace. :func:`clean_text` repairs both,
the same way for an article and for a quote, so a quote is *verbatim* when its cleaned text
occurs in the cleaned article.
"""

from __future__ import annotations

import re
from pathlib import Path

from .knowledge import KnowledgeBase
from .yamlio import MAX_FILE_BYTES, Problem

__all__ = ["check_quotes", "clean_text", "fix_mojibake"]

_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_PUNCTUATION = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def _as_byte(char: str) -> bytes | None:
    for codec in ("cp874", "cp1252"):
        try:
            return char.encode(codec)
        except UnicodeEncodeError:
            continue
    return None


def _repair(match: re.Match[str]) -> str:
    run = match.group()
    raw = [_as_byte(c) for c in run]
    if any(b is None for b in raw):
        return run
    try:
        return b"".join(b for b in raw if b is not None).decode("utf-8")
    except UnicodeDecodeError:
        return run


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as Windows-874 or Windows-1252 (``โ€™`` -> ``’``)."""
    return _NON_ASCII_RUN.sub(_repair, text)


def clean_text(text: str) -> str:
    """Mojibake fixed, curly quotes made straight, whitespace collapsed to single spaces."""
    return " ".join(fix_mojibake(text).translate(_PUNCTUATION).split())


def check_quotes(kb: KnowledgeBase, articles_dir: Path | str) -> list[Problem]:
    """Every quote in ``kb`` checked against its source's article file in ``articles_dir``.

    Problems: ``path:line: quote not found in <article file>`` at the quote, and a problem at
    the sources file's directory for an article file that is missing or unreadable.
    """
    directory = Path(articles_dir)
    problems: list[Problem] = []
    if not directory.is_dir():
        return [Problem(str(directory), 1, "articles directory not found")]
    texts: dict[str, str | None] = {}
    for source in kb.sources.values():
        path = directory / source.file
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise OSError(f"file is too large ({path.stat().st_size} bytes)")
            texts[source.id] = clean_text(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            problems.append(Problem(str(path), 1, f"cannot read the article of source {source.id!r}: {reason}"))
            texts[source.id] = None
    for site in kb.quote_sites:
        article = texts.get(site.quote.source)
        if article is None:
            continue
        if clean_text(site.quote.text) not in article:
            name = kb.sources[site.quote.source].file
            problems.append(Problem(site.path, site.line, f"quote not found in {name}: {site.quote.text[:70]!r}"))
    return problems
