"""What a person says about themselves: the things they know, their background, the role they aim at.

:func:`read_profile` reads one part of a message that tells about the person ("backend developer
here, six years of Java, Python and SQL", "I'm a database administrator and want to become a
data engineer") into a :class:`ProfileReading`; the dialogue keeps the readings of a
conversation in its :class:`~careerbot.dialogue.state.Profile`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..data.knowledge import Thing
from .entities import Analysis

__all__ = ["ProfileReading", "read_profile"]

#: Words before a role that make it the person's aim ("want to become a DE", "switch to ML").
_AIM = frozenset(
    "become becoming want wanna aim aiming switch switching move moving transition transitioning pivot "
    "pivoting into towards toward interested considering thinking target targeting goal dream hoping "
    "hope plan planning get getting break".split()
)
#: Words before a role that make it the person's current or past job ("I'm a DE", "worked as").
_NOW = frozenset("am i'm im as currently work working worked been was".split())
#: Negation before a thing ("no Java", "never used Spark", "not a data engineer").
_NEGATION = frozenset("no not never without don't dont didn't haven't havent hate dislike".split())


@dataclass(frozen=True)
class ProfileReading:
    """What one self-description says: things known (canonical names), background, roles aimed at."""

    known: tuple[str, ...] = ()
    not_known: tuple[str, ...] = ()
    background: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    current: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.known or self.not_known or self.background or self.targets or self.current)


def read_profile(analysis: Analysis, things: Sequence[tuple[int, Thing]]) -> ProfileReading:
    """Read a self-description; ``things`` are the named things it mentions, with their positions."""
    tokens = analysis.tokens
    known: list[str] = []
    not_known: list[str] = []
    for position, thing in things:
        negated = not _NEGATION.isdisjoint(tokens[max(0, position - 3) : position])
        (not_known if negated else known).append(thing.name)
    targets: list[str] = []
    current: list[str] = []
    for mention in analysis.mentions:
        before = set(tokens[max(0, mention.start - 4) : mention.start])
        if before & _AIM:
            targets.append(mention.role)
        elif before & _NOW and not before & _NEGATION:
            current.append(mention.role)
        else:
            targets.append(mention.role)
    background = list(analysis.other_occupations)
    return ProfileReading(
        _unique(known), _unique(n for n in not_known if n not in known), _unique(background),
        _unique(targets), _unique(current),
    )


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
