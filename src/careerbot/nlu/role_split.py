"""Which roles a person *has* (current) and which they *want* (target), from cues around role names."""

from __future__ import annotations

from collections.abc import Sequence

from .entities import RoleMention
from .keys import wordset
from .normalize import tokenize

__all__ = ["SKIP", "cue_before", "split_roles"]


_CURRENT_CUES = wordset("i'm im am from currently current was were been existing former formerly")
_TARGET_CUES = wordset(
    "become becoming be into to for towards toward want wanna pivot transition switch switching move "
    "moving get land target targeting aspiring reach"
)
#: Cues whose meaning depends on what comes before them ("as a DE, ..." vs "what do I need as a DE").
_AMBIGUOUS_CUES = frozenset({"as", "being", "work", "working"})
_TARGET_BEFORE = wordset("want wanna to need would could become like hope plan planning aim aiming dream how")
#: Words skipped while looking backwards for a cue.
SKIP = wordset(
    "a an the my our your some any one senior junior lead entry level mid experienced professional "
    "full time job position role"
)
_CURRENT_AFTER = frozenset({"here", "by", "currently"})
_DISTANCE = frozenset({"far", "away", "distance"})


def split_roles(
    text: str | Sequence[str], mentions: Sequence[RoleMention]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Which mentioned roles the person *has* (current) and which they *want* (target).

    ``text`` is the token sequence the mentions index into (``Analysis.tokens``) or, for
    convenience, the raw text (then tokenised with :func:`careerbot.nlu.normalize.tokenize`).
    Cues are read backwards from each mention: "I'm a", "as a" (at the start), "from",
    "been" mark the current role; "become", "move into", "to", "for", "want" the target.
    Without cues, two roles read as "from the first to the second" and one role is the target.
    """
    tokens = tokenize(text) if isinstance(text, str) else [str(t) for t in text]
    labels: list[str | None] = []
    previous_end = 0
    for mention in mentions:
        label: str | None = None
        start = max(previous_end, mention.start - 6)
        j = mention.start - 1
        while j >= start:
            word = tokens[j] if j < len(tokens) else ""
            if word in _CURRENT_CUES:
                # "how far am I from an MLE" names the goal, "from a DE" the starting point
                far = word == "from" and not _DISTANCE.isdisjoint(tokens[max(0, j - 4) : j])
                label = "target" if far else "current"
                break
            if word in _TARGET_CUES:
                label = "target"
                break
            if word in _AMBIGUOUS_CUES:
                before = set(tokens[max(0, j - 4) : j])
                # "how far am I from being a DSE" names the goal too.
                far = "from" in before and not _DISTANCE.isdisjoint(tokens[max(0, j - 5) : j])
                label = "target" if before & _TARGET_BEFORE or far else "current"
                break
            if word not in SKIP:
                break
            j -= 1
        if label is None and mention.end < len(tokens) and tokens[mention.end] in _CURRENT_AFTER:
            label = "current"
        labels.append(label)
        previous_end = mention.end
    if labels and all(label is None for label in labels) and len({m.role for m in mentions}) >= 2:
        labels = ["current", *(["target"] * (len(labels) - 1))]
    elif any(label == "target" for label in labels):
        labels = [label or "current" for label in labels]
    else:
        labels = [label or "target" for label in labels]
    current = tuple(dict.fromkeys(m.role for m, lab in zip(mentions, labels) if lab == "current"))
    target = tuple(dict.fromkeys(m.role for m, lab in zip(mentions, labels) if lab == "target"))
    return tuple(r for r in current if r not in target), target


def cue_before(tokens: Sequence[str], index: int) -> bool:
    """A current or target cue ("become", "from", ...) comes before ``index`` (skipping filler)."""
    j = index - 1
    while j >= 0 and tokens[j] in SKIP:
        j -= 1
    return j >= 0 and (tokens[j] in _TARGET_CUES or tokens[j] in _CURRENT_CUES)
