"""Lists inside one message: a numbered list of questions ("1) typical projects for an MLE 2) the
frameworks they use") and a list of topics ("DE pay n tools", "tools + skills for that?").

:mod:`careerbot.nlu.parts` cuts a message at these lists, one part per item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .normalize import tokenize

__all__ = ["numbered_items", "topic_heads", "topic_items"]

#: Where an item of a numbered list starts ("1) ...", "(2) ...", "3. ..."), after a space, a
#: colon or at the start.
_ITEM_MARK = re.compile(r"(?:^|(?<=[\s:]))\(?([1-9])[).](?=\s)")
#: A joiner in a list of topics ("DE pay n tools", "tools + skills for that?", "the responsibilities,
#: the tools they use, and the kind of projects").
_LIST_JOINER = re.compile(r"\s*,\s*(?:and\s+|plus\s+|also\s+)?|\s+(?:and|n|&|\+|plus|also)\s+", re.IGNORECASE)
#: Words that may come before the topic word that opens the next item of a list.
_LIST_LEAD = frozenset(
    "the their its his her what wat whats what's which any some typical usual main kind kinds type types sort of "
    "also".split()
)
#: Topic keywords that do not open a list item ("and start", "and a week").
_NOT_LIST_HEADS = frozenset(
    "week busy start begin future growing study responsible team teams money intern paid earn earns pays "
    "software language stack domains demand advice explain describe explanation description".split()
)


def topic_heads(keywords: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """The one-word topic keywords that can open an item of a list of topics, each with its intent:
    ``keywords`` maps each topic intent to its keywords."""
    heads: dict[str, str] = {}
    for intent, words in keywords.items():
        for word in words:
            if " " not in word and word.isalpha() and word not in _NOT_LIST_HEADS:
                heads.setdefault(word, intent)
    return heads


def topic_items(text: str, heads: Mapping[str, str]) -> list[str]:
    """A question naming topics of different intents in a list, cut before each new topic ("k wat
    bout DE pay n tools" asks for pay, then tools); ``[]`` when it lists none."""
    pieces: list[str] = []
    start = 0
    for m in _LIST_JOINER.finditer(text):
        left = tokenize(text[start : m.start()])
        right = tokenize(text[m.end() : m.end() + 80])  # its first words are enough
        seen = {heads[t] for t in left if t in heads}
        i = 0
        while i < len(right) and right[i] in _LIST_LEAD:
            i += 1
        # "plus the getting-started tips": the topic word may come a word or two in.
        head = next((heads[t] for t in right[i : i + 3] if t in heads), None)
        if head is None or not seen or head in seen:
            continue
        pieces.append(text[start : m.start()].strip(" ,;"))
        start = m.end()
    if not pieces:
        return []
    pieces.append(text[start:].strip(" ,;"))
    return pieces


def numbered_items(text: str) -> list[str]:
    """``text`` cut before each item of a numbered list that counts 1, 2, ...; else ``[text]``."""
    marks = [m for m in _ITEM_MARK.finditer(text)]
    starts: list[int] = []
    expected = 1
    for m in marks:
        if int(m.group(1)) == expected:
            starts.append(m.start())
            expected += 1
    if len(starts) < 2:
        return [text]
    cuts = ([0] if starts[0] > 0 else []) + starts + [len(text)]
    return [text[a:b].strip(" ,;") for a, b in zip(cuts, cuts[1:]) if text[a:b].strip(" ,;:")]
