"""References back to the conversation: "the second one", "the other one", "the two", "both of
them", "the research side", "that one" (a posting shown before).

:func:`find_reference` only says what the words refer to; the dialogue policy resolves it
against the session (the roles last listed, the postings last shown).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

__all__ = ["NAMED_NOUNS", "Reference", "ReferenceKind", "distinctive_role_words", "find_reference"]

ReferenceKind = Literal["ordinal", "other", "pair", "side", "named", "posting"]

_ORDINALS: Mapping[str, int] = {
    "first": 0, "1st": 0, "one": 0, "second": 1, "2nd": 1, "two": 1, "third": 2, "3rd": 2, "three": 2,
    "fourth": 3, "4th": 3, "four": 3, "fifth": 4, "5th": 4, "five": 4, "last": -1, "latter": -1, "former": 0,
    "runner": 1, "runnerup": 1,
}
#: Nouns after an ordinal or "other" that name an item of a list ("the second option").
_ITEM_NOUNS = frozenset("one ones option options role roles choice choices path paths suggestion pick job career".split())
_NUMBERS = frozenset({"one", "two", "three", "four", "five"})
#: Words that may follow "the second" when it stands alone ("and the second?", "the last please").
_AFTER_ORDINAL = frozenset({"", "please", "pls", "then", "again", "too", "instead", "is", "does", "do", "up", "of"})
#: Words after "those three" that end the reference ("which of those three needs ...").
_AFTER_THREE = _ITEM_NOUNS | _AFTER_ORDINAL | {"need", "needs", "pays", "has"}
#: Words that may follow a message's opening "the second" ("the second, which tools he use?", "the second, he uses which tools?").
#: It may open after one of _OPENING_LEADS ("for the second, which languages must he know?").
_OPENING_ORDINAL_NEXT = frozenset("which what how who where why when can could would will are has have he she they it".split())
_OPENING_LEADS = frozenset({"for", "and", "about", "so", "ok", "okay", "now"})
_PAIR = frozenset({
    ("the", "two"), ("these", "two"), ("those", "two"), ("them", "two"), ("both",), ("both", "of", "them"),
    ("the", "2"), ("these", "2"), ("those", "2"),
    ("either",), ("these", "people"), ("those", "people"), ("these", "guys"), ("those", "guys"),
    ("for", "each"), ("in", "each"), ("each", "of", "them"), ("each", "of", "those"), ("them", "both"),
    ("the", "pair"), ("this", "pair"), ("that", "pair"), ("the", "duo"),
    ("between", "two"), ("two", "job"), ("two", "jobs"), ("two", "roles"), ("two", "careers"), ("two", "of", "them"),
})
#: The pairs by their first word (each token is looked up once).
_PAIR_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {
    first: tuple(p for p in _PAIR if p[0] == first) for first in {p[0] for p in _PAIR}
}
_SIDE_NOUNS = frozenset(
    "side one ones track path route role roles job jobs position positions option end flavour flavor kind type "
    "folks people guys crowd types".split()
)
#: Nouns after words of role names that make "the machine learning one", "the data track".
NAMED_NOUNS = frozenset("one ones role roles side option track path folks people person guy guys crowd hire".split())
#: Words that end a role's name: "the data engineer job" names the role itself.
_TITLE_WORDS = frozenset("engineer engineers engineering scientist scientists".split())
_POSTING_NOUNS = frozenset("posting postings job jobs one offer opening position listing ad role".split())
_THAT = frozenset({"that", "this", "the"})
#: Words without one of which no reference is found (besides role and company words).
_TRIGGERS = (
    frozenset(_ORDINALS) | {"3", "other", "another", "option", "options", "both", "either", "runner", "people", "guys", "each", "2", "pair", "duo"}
    | _POSTING_NOUNS | NAMED_NOUNS
)


@dataclass(frozen=True)
class Reference:
    """What the message points back at, and the token span ``[start, end)`` that does it.

    ``kind``: ``ordinal`` (``index`` into the last list; -1 for the last), ``other`` (the item
    not in focus), ``pair`` (the two in focus; ``index`` 3 for "those three": the last three listed), ``side`` (``role``: a role named by its one
    distinctive word, "the research side"), ``named`` (words that several roles' names share,
    "the machine learning one", "the data track": the one of the roles in question whose name has
    them), ``posting`` (``name``: a company word, or ``None`` for "that one" after postings).
    """

    kind: ReferenceKind
    start: int
    end: int
    index: int = 0
    role: str | None = None
    name: str | None = None


def distinctive_role_words(names: Mapping[str, str]) -> dict[str, str]:
    """Words of role names that belong to one role only ("research" -> the ML research engineer)."""
    owners: dict[str, set[str]] = {}
    for role, name in names.items():
        for word in name.casefold().split():
            owners.setdefault(word, set()).add(role)
    return {w: next(iter(r)) for w, r in owners.items() if len(r) == 1}


def find_reference(
    tokens: Sequence[str], *, role_words: Mapping[str, str], company_words: Mapping[str, str] | None = None,
    name_words: frozenset[str] = frozenset(),
) -> Reference | None:
    """The first reference back in ``tokens`` (lower-cased), or ``None``. ``role_words``: words of
    one role's name only; ``name_words``: the words of every role's names."""
    words = set(tokens)
    if words.isdisjoint(_TRIGGERS) and words.isdisjoint(role_words) and words.isdisjoint(company_words or ()):
        return None  # nothing that could point back: the common case, decided at once
    n = len(tokens)
    later: Reference | None = None  # "that one", "the job": unless something more definite follows
    for i, token in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < n else ""
        prev = tokens[i - 1] if i else ""
        if token in ("other", "another") and (nxt in _ITEM_NOUNS or prev == "the"):
            return Reference("other", i, i + (2 if nxt in _ITEM_NOUNS else 1))
        # "option one", "option 2" (also as the speller may read it: "options one")
        if token in ("option", "options") and nxt in _ORDINALS:
            return Reference("ordinal", i, i + 2, index=_ORDINALS[nxt])
        if token in ("option", "options") and nxt.isdigit() and 0 < int(nxt) <= 9:
            return Reference("ordinal", i, i + 2, index=int(nxt) - 1)
        # "the second one", "your first suggestion", "the last" (but not "the first step").
        opening = i == 1 or (i == 2 and tokens[0] in _OPENING_LEADS)
        ends = nxt in _ITEM_NOUNS or nxt in _AFTER_ORDINAL or (opening and nxt in _OPENING_ORDINAL_NEXT)
        if token in _ORDINALS and token not in _NUMBERS and (
            (ends and prev in ("the", "your", "ur", "that")) or nxt in _ITEM_NOUNS or token in ("runnerup", "runner")
            or (token in ("latter", "former") and prev == "the")  # "who do the latter work with?"
        ):
            end = i + (2 if nxt in _ITEM_NOUNS else 1)
            return Reference("ordinal", i, end, index=_ORDINALS[token])
        if token in ("three", "3") and prev in ("the", "those", "these", "all") and nxt in _AFTER_THREE:
            return Reference("pair", i - 1, i + 1, index=3)  # "which of those three needs the most maths?"
        for pair in _PAIR_BY_FIRST.get(token, ()):
            if tuple(tokens[i : i + len(pair)]) == pair:
                return Reference("pair", i, i + len(pair))
        role = role_words.get(token)
        if role is not None and (nxt in _SIDE_NOUNS or prev in ("the", "on")) and nxt not in ("engineer", "engineers"):
            # (also "the ML research folks")
            # ("ML research roles": "ML" is part of the name, not the field)
            start = i - 1 if prev == "ml" else i
            return Reference("side", start, i + (2 if nxt in _SIDE_NOUNS else 1), role=role)
        if prev in _THAT and token in name_words and token not in _TITLE_WORDS:
            end = i
            while end < n and tokens[end] in name_words and tokens[end] not in _TITLE_WORDS:
                end += 1
            if end < n and tokens[end] in NAMED_NOUNS:
                own = {role_words[t] for t in tokens[i:end] if t in role_words}
                if len(own) == 1:  # "the ml research folks": a word of one role's name says which
                    return Reference("side", i, end + 1, role=own.pop())
                return Reference("named", i, end + 1)  # "the machine learning one", "the data track"
        if company_words and token in company_words and nxt in _POSTING_NOUNS:
            return Reference("posting", i, i + 2, name=company_words[token])
        if token in _THAT and nxt in _POSTING_NOUNS and nxt != "role" and later is None:
            later = Reference("posting", i, i + 2)
    # ("the job outlook for both of them": "both of them" is what it points at, not "the job")
    return later
