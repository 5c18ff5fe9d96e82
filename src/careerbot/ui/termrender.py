"""Turn a :class:`~careerbot.reply.Reply` into terminal output.

Everything is laid out for a given width (in terminal cells) and never goes past it:
long words are split, table columns wrap inside their cell, and comparisons with more
roles than fit side by side are shown as several narrower tables.

The result is prompt_toolkit formatted text (a list of ``(style, text)`` fragments,
styled with the classes of :data:`STYLE`); :func:`to_plain` drops the styles for plain
output (``NO_COLOR``, ``--no-color``, output that is not a terminal).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from prompt_toolkit.formatted_text import FormattedText, StyleAndTextTuples
from prompt_toolkit.styles import Style
from prompt_toolkit.utils import get_cwidth

from ..reply import FALLBACK, Reply

__all__ = [
    "MAX_PROSE_WIDTH",
    "MIN_COLUMN_WIDTH",
    "STYLE",
    "Doc",
    "Line",
    "comparison_table",
    "render_reply",
    "reply_to_text",
    "text_width",
    "to_plain",
    "wrap",
]

#: One output line: ``(style, text)`` fragments without newlines.
Line = list[tuple[str, str]]

#: Narrowest table column; fewer roles are put side by side when columns would be narrower.
MIN_COLUMN_WIDTH = 18
#: Widest table column (very wide terminals get a table that does not span them).
MAX_COLUMN_WIDTH = 60
#: Running text is wrapped at this width at most, for readability on wide terminals.
MAX_PROSE_WIDTH = 100

#: Styles of the classes used in the fragments.
STYLE = Style.from_dict(
    {
        "title": "bold underline",
        "heading": "bold",
        "label": "bold",
        "bullet": "ansicyan",
        "text": "",
        "source": "ansibrightblack",
        "source.label": "ansibrightblack italic",
        "suggestion.heading": "ansigreen bold",
        "suggestion": "ansigreen",
        "table.border": "ansibrightblack",
        "table.header": "bold ansicyan",
        "table.topic": "bold",
        "notice": "ansiyellow",
        "error": "ansired bold",
        "command": "bold ansicyan",
        "meta": "ansibrightblack",
        "example": "italic",
        "prompt": "bold ansigreen",
        "bottom-toolbar": "noreverse bg:#303030 #bbbbbb",
        "bottom-toolbar.key": "bold",
    }
)

_BULLET_RE = re.compile(r"^[-*\u2022]\s+")
_LABEL_RE = re.compile(r"^([^:.!?]{1,40}):\s+(\S.*)$")
_BLOCKS_RE = re.compile(r"\n[ \t]*\n")
_SUGGESTING_KINDS = frozenset({"fallback", "uncovered", "clarify"})


def text_width(text: str) -> int:
    """Width of ``text`` in terminal cells."""
    return int(get_cwidth(text))


def _clean(text: str) -> str:
    """Control characters (escape sequences) become spaces: nothing reaches the terminal raw."""
    if text.isprintable():
        return text
    return "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)


def _split_word(word: str, room: int) -> tuple[str, str]:
    """The longest head of ``word`` fitting ``room`` cells (at least one character)."""
    used = 0
    for i, char in enumerate(word):
        used += text_width(char)
        if used > room:
            return (word[:i], word[i:]) if i else (word[:1], word[1:])
    return word, ""


def _line_width(line: Line) -> int:
    return sum(text_width(text) for _, text in line)


def _wrap_fragments(
    fragments: Iterable[tuple[str, str]], width: int, *, indent: tuple[str, str] = ("", ""),
    subsequent: tuple[str, str] | None = None,
) -> list[Line]:
    """Word-wrap styled words into lines of at most ``width`` cells.

    ``indent`` starts the first line and ``subsequent`` the others (``(style, text)``);
    an indent leaving no room for text is dropped. Words wider than the line are split.
    Widths below 2 are taken as 2 (room for one double-width character).
    """
    width = max(2, width)
    subsequent = subsequent if subsequent is not None else indent
    words = [(style, word) for style, text in fragments for word in _clean(text).split()]
    lines: list[Line] = []
    prefix = indent
    line: Line = []
    used = 0

    def start() -> int:
        nonlocal line
        pre = prefix if text_width(prefix[1]) <= width - 2 else ("", "")
        line = [pre] if pre[1] else []
        return text_width(pre[1])

    used = start()
    base = used
    for style, word in words:
        while word:
            size = text_width(word)
            gap = 1 if used > base else 0
            if used + gap + size <= width:
                if gap and line[-1][0] == style:
                    line[-1] = (style, line[-1][1] + " " + word)
                else:
                    if gap:
                        line.append(("", " "))
                    line.append((style, word))
                used += gap + size
                word = ""
            elif used > base:
                lines.append(line)
                prefix = subsequent
                used = base = start()
            else:
                head, word = _split_word(word, width - used)
                line.append((style, head))
                lines.append(line)
                prefix = subsequent
                used = base = start()
    if used > base or not lines:
        lines.append([(s, t.rstrip()) for s, t in line] if used == base else line)
    return lines


def wrap(text: str, width: int, *, indent: str = "", subsequent: str | None = None) -> list[str]:
    """Word-wrap plain ``text`` to ``width`` cells (whitespace is collapsed)."""
    sub = indent if subsequent is None else subsequent
    lines = _wrap_fragments([("", text)], width, indent=("", indent), subsequent=("", sub))
    return ["".join(t for _, t in line) for line in lines]


def _rstrip(line: Line) -> Line:
    out = list(line)
    while out and not out[-1][1].rstrip():
        out.pop()
    if out:
        style, text = out[-1]
        out[-1] = (style, text.rstrip())
    return out


def _label_fragments(text: str, style: str) -> list[tuple[str, str]]:
    """``"Languages: Python, SQL"`` -> the label bold, the rest plain."""
    match = _LABEL_RE.match(text)
    if match is None or len(match.group(1).split()) > 5:
        return [(style, text)]
    return [("class:label", match.group(1) + ":"), (style, match.group(2))]


class Doc:
    """Lines of styled text being laid out for one terminal width."""

    def __init__(self, width: int, *, unicode: bool = True) -> None:
        self.width = max(1, int(width))
        self.unicode = unicode
        self.lines: list[Line] = []

    @property
    def prose_width(self) -> int:
        """Width for running text."""
        return min(self.width, MAX_PROSE_WIDTH)

    # -- building --------------------------------------------------------------------------

    def blank(self) -> None:
        """One empty line (never two in a row, never at the start)."""
        if self.lines and self.lines[-1]:
            self.lines.append([])

    def add(self, fragments: Iterable[tuple[str, str]], *, indent: str = "", subsequent: str | None = None,
            width: int | None = None, indent_style: str = "") -> None:
        """Wrapped styled text; ``indent`` starts the first line, ``subsequent`` the others."""
        self.lines.extend(
            _wrap_fragments(
                fragments, width or self.prose_width, indent=(indent_style, indent),
                subsequent=("", indent if subsequent is None else subsequent),
            )
        )

    def paragraph(self, text: str, style: str = "class:text", *, indent: str = "") -> None:
        self.add([(style, text)], indent=indent)

    def heading(self, text: str, style: str = "class:heading") -> None:
        self.add([(style, text)])

    def bullet(self, fragments: Iterable[tuple[str, str]] | str, *, indent: str = "",
               style: str = "class:text") -> None:
        """A ``- `` list item; continuation lines are indented under its text."""
        frags = _label_fragments(fragments, style) if isinstance(fragments, str) else list(fragments)
        self.lines.extend(
            _wrap_fragments(
                frags, self.prose_width, indent=("class:bullet", indent + "- "),
                subsequent=("", indent + "  "),
            )
        )

    def extend(self, lines: Iterable[Line]) -> None:
        self.lines.extend(lines)

    def reply_text(self, text: str) -> None:
        """Reply text: blocks separated by blank lines; a line followed by bullets is a heading."""
        blocks = [b for b in _BLOCKS_RE.split(text.strip()) if b.strip()]
        for block in blocks:
            self.blank()
            lines = [ln.strip() for ln in block.splitlines() if ln.strip()]
            for i, line in enumerate(lines):
                if _BULLET_RE.match(line):
                    self.bullet(_BULLET_RE.sub("", line, count=1))
                elif i + 1 < len(lines) and _BULLET_RE.match(lines[i + 1]):
                    self.heading(line)
                else:
                    self.paragraph(line)

    def table(self, columns: Sequence[str], rows: Sequence[tuple[str, Sequence[Sequence[str]]]], *,
              show_topics: bool = True) -> None:
        """Side-by-side columns (see :func:`comparison_table`)."""
        self.extend(comparison_table(columns, rows, self.width, show_topics=show_topics, unicode=self.unicode))

    # -- output ----------------------------------------------------------------------------

    def formatted(self) -> FormattedText:
        """The lines as prompt_toolkit formatted text (no trailing newline)."""
        out: StyleAndTextTuples = []
        lines = self.lines
        while lines and not lines[-1]:
            lines = lines[:-1]
        for i, line in enumerate(lines):
            if i:
                out.append(("", "\n"))
            out.extend(_rstrip(line))
        return FormattedText(out)

    def plain(self) -> str:
        """The lines as plain text."""
        return to_plain(self.formatted())


def to_plain(fragments: Iterable[tuple[Any, ...]]) -> str:
    """Formatted text without its styles."""
    return "".join(str(fragment[1]) for fragment in fragments)


def comparison_table(
    columns: Sequence[str], rows: Sequence[tuple[str, Sequence[Sequence[str]]]], width: int, *,
    show_topics: bool = True, unicode: bool = True,
) -> list[Line]:
    """Roles side by side: a header of role names, then one section per topic.

    ``rows`` are ``(topic title, cells)`` with one list of lines per column. Columns are
    at least :data:`MIN_COLUMN_WIDTH` cells wide; when they do not all fit, the roles
    are shown in several tables of fewer columns. No line is wider than ``width``.
    """
    width = max(1, width)
    bar, rule, cross = ("\u2502", "\u2500", "\u253c") if unicode else ("|", "-", "+")
    sep = f" {bar} "
    n = len(columns)
    if n == 0:
        return []
    fit = max(1, (width + len(sep)) // (MIN_COLUMN_WIDTH + len(sep)))
    groups = math.ceil(n / fit)
    size = math.ceil(n / groups)
    split = [_split_common(cells, n) for _, cells in rows]
    everyone = "Both roles:" if n == 2 else f"All {n} roles:"
    out: list[Line] = []
    for start in range(0, n, size):
        idx = list(range(start, min(n, start + size)))
        k = len(idx)
        col = max(1, min(MAX_COLUMN_WIDTH, (width - len(sep) * (k - 1)) // k))
        span = min(width, col * k + len(sep) * (k - 1))
        if start:
            out.append([])
        if k > 1:
            sep_frag = ("class:table.border", sep)
            rule_line: Line = [("class:table.border", (rule + cross + rule).join(rule * col for _ in idx))]
        else:
            sep_frag = ("", "")
            rule_line = [("class:table.border", rule * col)]
        header = [_wrap_fragments([("class:table.header", columns[i])], col) for i in idx]
        out.extend(_side_by_side(header, col, sep_frag))
        out.append(rule_line)
        for r, ((topic, _), (common, own)) in enumerate(zip(rows, split)):
            if r:
                out.append(rule_line)
            if show_topics and topic:
                out.extend(_wrap_fragments([("class:table.topic", topic)], span))
            cell_lines = [_bullets(own[i], col) for i in idx]
            if any(cell_lines):
                out.extend(_side_by_side(cell_lines, col, sep_frag))
            if common and n > 1:
                if start == 0:
                    out.extend(_wrap_fragments([("class:label", everyone)], span))
                    out.extend(_bullets(common, span))
                elif not any(cell_lines):
                    out.extend(_wrap_fragments([("class:meta", "(the same for all roles, see above)")], span))
    return out


def _split_common(cells: Sequence[Sequence[str]], n: int) -> tuple[list[str], list[list[str]]]:
    """Lines found in every cell (shown once), and what is left of each cell."""
    full = [list(cells[i]) if i < len(cells) else [] for i in range(n)]
    if n < 2:
        return [], full

    def key(line: str) -> str:
        return " ".join(line.casefold().split())

    shared = set.intersection(*({key(line) for line in cell} for cell in full))
    common = [line for line in full[0] if key(line) in shared]
    return common, [[line for line in cell if key(line) not in shared] for cell in full]


def _bullets(items: Iterable[str], width: int) -> list[Line]:
    lines: list[Line] = []
    for item in items:
        lines.extend(
            _wrap_fragments(
                _label_fragments(item, "class:text"), width,
                indent=("class:bullet", "- "), subsequent=("", "  "),
            )
        )
    return lines


def _side_by_side(cells: Sequence[Sequence[Line]], col: int, sep: tuple[str, str]) -> list[Line]:
    height = max((len(c) for c in cells), default=0)
    out: list[Line] = []
    for row in range(height):
        line: Line = []
        for c, cell in enumerate(cells):
            part = cell[row] if row < len(cell) else []
            if c:
                line.append(sep)
            line.extend(part)
            if c < len(cells) - 1:
                line.append(("", " " * (col - _line_width(part))))
        out.append(_rstrip(line))
    return out


def _comparison_rows(data: Mapping[str, Any]) -> tuple[list[str], list[tuple[str, list[list[str]]]]] | None:
    """Columns and rows of ``reply.data`` when it is a well-formed comparison."""
    if data.get("kind") != "comparison":
        return None
    columns = data.get("columns")
    rows = data.get("rows")
    if not isinstance(columns, (list, tuple)) or not columns or not isinstance(rows, (list, tuple)):
        return None
    if not all(isinstance(c, str) for c in columns):
        return None
    out: list[tuple[str, list[list[str]]]] = []
    for row in rows:
        if not isinstance(row, Mapping):
            return None
        cells = row.get("cells")
        if not isinstance(cells, (list, tuple)) or len(cells) != len(columns):
            return None
        if not all(isinstance(c, (list, tuple)) and all(isinstance(x, str) for x in c) for c in cells):
            return None
        out.append((str(row.get("topic") or ""), [list(c) for c in cells]))
    return list(columns), out


def _comparison_title(data: Mapping[str, Any], columns: Sequence[str], rows: Sequence[tuple[str, Any]]) -> str:
    title = str(data.get("title") or "")
    names = " vs ".join(columns)
    if len(rows) == 1 and rows[0][0] == title:
        return f"{names}: {title}" if title else names
    return title or names


def render_reply(reply: Reply, width: int, *, unicode: bool = True, sources: bool = True) -> FormattedText:
    """The reply laid out for ``width`` cells: answer, suggestions (after a fallback), sources."""
    doc = Doc(width, unicode=unicode)
    table = _comparison_rows(reply.data)
    if table is not None:
        columns, rows = table
        doc.heading(_comparison_title(reply.data, columns, rows), "class:title")
        doc.blank()
        doc.table(columns, rows, show_topics=len(rows) > 1)
        if reply.truncated:
            doc.blank()
            doc.paragraph(_BLOCKS_RE.split(reply.text.strip())[-1].strip())
    else:
        doc.reply_text(reply.text)
    kind = reply.data.get("kind") if isinstance(reply.data, Mapping) else None
    if reply.intent == FALLBACK or kind in _SUGGESTING_KINDS:
        missing = [s for s in reply.suggestions if s not in reply.text]
        if missing:
            doc.blank()
            doc.heading("You could ask:", "class:suggestion.heading")
            for suggestion in missing:
                doc.bullet([("class:suggestion", suggestion)])
    if sources and reply.sources and not reply.lists_references:
        doc.blank()
        doc.heading("Sources:" if len(reply.sources) > 1 else "Source:", "class:source.label")
        for title in reply.sources:
            doc.add([("class:source", title)], indent="  ", subsequent="    ")
    return doc.formatted()


def reply_to_text(reply: Reply, width: int = 80, *, unicode: bool = True, sources: bool = True) -> str:
    """:func:`render_reply` as plain text."""
    return to_plain(render_reply(reply, width, unicode=unicode, sources=sources))
