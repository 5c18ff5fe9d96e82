"""Pure text functions shared by the matcher, the entity extractor and the bot.

Nothing here reads files or keeps state; every function is safe on any ``str``
(control characters, lone surrogates, emoji, right-to-left text, combining marks).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "MAX_INPUT_CHARS",
    "clean_text",
    "default_process",
    "tokenize",
    "truncate",
]

#: Longest piece of user text that is matched; the rest is ignored (and the reply says so).
MAX_INPUT_CHARS = 2000

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_WORD_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)*#?", re.UNICODE)
#: _WORD_RE for lower-cased ASCII text.
_ASCII_WORD_RE = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*#?")
#: _ASCII_WORD_RE for text with no apostrophe and no "#" (the same tokens, found faster).
_ASCII_PLAIN_RE = re.compile(r"[a-z0-9]+")
_SPACE_RE = re.compile(r"\s+")
_ASCII_CONTROLS: dict[int, str | None] = {c: (" " if chr(c).isspace() else None) for c in (*range(32), 127)}
_ASCII_CONTROLS[ord("`")] = "'"


#: A letter typed three or more times in a row ("byeee", "sooo", "thxxx"); no English word has one.
_ELONGATED = re.compile(r"([a-z])\1\1+")  # (written so, sre tries each letter faster than with {2,})


def truncate(text: str, limit: int = MAX_INPUT_CHARS) -> tuple[str, bool]:
    """Return ``text`` cut to at most ``limit`` characters and whether it was cut."""
    if len(text) <= limit:
        return text, False
    return text[:limit], True


def clean_text(text: str) -> str:
    """Make text safe and comparable without changing its words.

    Lone surrogates and control/format characters are dropped, the text is
    NFKC-normalised, typographic apostrophes become ``'`` and runs of
    whitespace become one space.
    """
    if not text:
        return ""
    if text.isascii():
        # Fast path: only ASCII control characters can need removing.
        return _SPACE_RE.sub(" ", text.translate(_ASCII_CONTROLS)).strip()
    # Lone surrogates cannot be encoded; drop them rather than fail.
    text = text.encode("utf-8", "ignore").decode("utf-8", "ignore")
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    kept = [
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch)[0] != "C"
    ]
    return _SPACE_RE.sub(" ", "".join(kept)).strip()


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens of ``text`` (letters and digits; ``c++`` becomes ``cpp``; keeps ``c#``,
    ``don't``; a letter typed three times or more counts once: ``byeee`` is ``bye``)."""
    if text.isascii():
        # The common case, in fewer steps: spaces need no tidying to be split on, and ASCII
        # lower-cases as it case-folds.
        # (Printable text without a backquote has nothing to translate.)
        low = text.lower() if text.isprintable() and "`" not in text else text.translate(_ASCII_CONTROLS).lower()
        if "c++" in low:
            low = low.replace("c++", "cpp")
        if _ELONGATED.search(low):
            low = _ELONGATED.sub(r"\1", low)
        return (_ASCII_WORD_RE if "'" in low or "#" in low else _ASCII_PLAIN_RE).findall(low)
    return _WORD_RE.findall(_ELONGATED.sub(r"\1", clean_text(text).casefold().replace("c++", "cpp")))


def default_process(text: str) -> str:
    """The default ``processor=`` for matching: clean, case-fold, keep word tokens only."""
    return " ".join(tokenize(text))
