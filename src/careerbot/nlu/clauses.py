"""Where the question in a message's words is: whether it asks yes or no, the two options of a
choice ("do they analyze the data or just move it around?"), and the words before the other option
it offers ("..., or is that somebody else's job?") or before the person's own comparison ("...,
rather like I check catalogue records?")."""

from __future__ import annotations

from collections.abc import Sequence

from .words import SOFT_OPENERS, WH_WORDS, YES_NO_OPENERS

__all__ = ["asks_yes_no", "before_like_me", "before_or_else", "either_or"]


#: "... or is that somebody else's job?", "... or is it all Python?": the other option.
_OR_IS = frozenset((a, b) for a in ("is", "are", "was") for b in ("that", "it", "this", "they"))


def before_or_else(tokens: Sequence[str]) -> Sequence[str] | None:
    """The words before an "or is that ..." that offers the other option ("Do they also own data
    quality, or is that somebody else's problem?"), or ``None`` without one."""
    cut = next((i for i in range(len(tokens) - 2) if tokens[i] == "or" and tuple(tokens[i + 1 : i + 3]) in _OR_IS), None)
    return None if cut is None else tokens[:cut]


def asks_yes_no(tokens: Sequence[str], *, question_mark: bool) -> bool:
    """"do DEs handle data security?" asks yes or no; "can you tell me ..." asks for more."""
    words = [t for t in tokens if t not in SOFT_OPENERS]
    if any(a == "or" and b == "not" for a, b in zip(words, words[1:])):
        return True  # "data science engineer is using Tableau or not?"
    # The first question word decides, after a role or a "for a DSE," put first.
    for i, word in enumerate(words[:6]):
        if word in WH_WORDS:
            return False
        if word in YES_NO_OPENERS:
            return words[i + 1 : i + 2] not in (["you"], ["u"])
    # "DEs use Kafka?", "SQL needed for MLEs?": a question without a question word.
    return question_mark and WH_WORDS.isdisjoint(words)


#: Words that open the person's own comparison at the end of a question ("..., rather like I check
#: catalogue records?", "..., like I do in the field?").
_LIKE_ME = frozenset((a, b) for a in ("like", "as") for b in ("i", "we", "i'm", "im", "my", "mine"))


def before_like_me(tokens: Sequence[str]) -> Sequence[str] | None:
    """The words before the person's own comparison ("do data engineers check the quality of the
    data, rather like I check catalogue records?"), or ``None`` without one."""
    cut = next((i for i in range(3, len(tokens) - 1) if (tokens[i], tokens[i + 1]) in _LIKE_ME), None)
    return None if cut is None else tokens[: cut - 1 if tokens[cut - 1] in ("rather", "just", "much") else cut]


def either_or(tokens: Sequence[str]) -> tuple[Sequence[str], Sequence[str]] | None:
    """The two options of a question offering a choice ("do they analyze the data themselves or
    just prepare it for others?"), or ``None`` without one (nor for "or is that ..." and "or not")."""
    cut = next((i for i in range(1, len(tokens) - 1) if tokens[i] == "or"), None)
    if cut is None or tuple(tokens[cut + 1 : cut + 3]) in _OR_IS or tokens[cut + 1] == "not":
        return None
    return tokens[:cut], tokens[cut + 1 :]
