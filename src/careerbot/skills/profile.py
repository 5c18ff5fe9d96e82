"""Answers about the person: what was noted from a self-introduction, and what is remembered."""

from __future__ import annotations

from collections.abc import Sequence

from ..data.knowledge import KnowledgeBase
from ..dialogue.state import Profile
from ..nlu.profile import ProfileReading
from .responses import Answer
from .wording import TEMPLATES, join_names

__all__ = ["render_introduced", "render_noted", "render_profile"]


def _summary(
    kb: KnowledgeBase | None, *, known: Sequence[str], not_known: Sequence[str], background: Sequence[str],
    current: Sequence[str], targets: Sequence[str], likes: Sequence[str] = (),
) -> str:
    def names(ids: Sequence[str]) -> list[str]:
        return [kb.roles[r].name if kb is not None and r in kb.roles else r for r in ids]

    pieces = [
        (TEMPLATES["noted_known"], list(known)),
        (TEMPLATES["noted_not_known"], list(not_known)),
        (TEMPLATES["noted_likes"], list(likes)),
        (TEMPLATES["noted_background"], list(background)),
        (TEMPLATES["noted_current"], names(current)),
        (TEMPLATES["noted_targets"], names(targets)),
    ]
    return "; ".join(t.safe_substitute(items=join_names(items)) for t, items in pieces if items)


def _reading_summary(kb: KnowledgeBase | None, readings: Sequence[ProfileReading]) -> str:
    def all_of(attr: str) -> list[str]:
        return list(dict.fromkeys(x for r in readings for x in getattr(r, attr)))

    return _summary(
        kb, known=all_of("known"), not_known=all_of("not_known"), background=all_of("background"),
        current=all_of("current"), targets=all_of("targets"), likes=all_of("likes"),
    )


def render_noted(readings: Sequence[ProfileReading], kb: KnowledgeBase | None = None) -> str:
    """One line saying what was understood about the person ("Noted: you know Java and SQL.")."""
    what = _reading_summary(kb, readings)
    return TEMPLATES["noted"].safe_substitute(what=what) if what else ""


def render_introduced(kb: KnowledgeBase, readings: Sequence[ProfileReading], profile: Profile) -> Answer:
    """The reply to a self-introduction: what was noted, then what the person can ask next."""
    lines = [render_noted(readings, kb)]
    targets = [kb.roles[r] for r in profile.targets[-1:] if r in kb.roles]
    if targets:
        lines.append(TEMPLATES["intro_next_target"].safe_substitute(plural=targets[0].plural))
        suggestions = (f"What am I missing for {targets[0].name}?", f"How do I become a {targets[0].name}?")
    else:
        example = next((r for r in kb.roles.values() if r.id not in profile.current), next(iter(kb.roles.values())))
        lines.append(TEMPLATES["intro_next"].safe_substitute(example=example.name))
        suggestions = ("Which role fits me?", f"What am I missing for {example.name}?")
    data = {"kind": "profile", "profile": _public(profile)}
    return Answer("\n".join(line for line in lines if line), data, (), suggestions)


def render_profile(kb: KnowledgeBase, profile: Profile | None) -> Answer:
    """What the conversation remembers about the person; ``None`` after forgetting it."""
    if profile is None:
        return Answer(TEMPLATES["profile_forgotten"].safe_substitute(), {"kind": "profile", "profile": None})
    what = _summary(
        kb, known=profile.known, not_known=profile.not_known, background=profile.background,
        current=profile.current, targets=profile.targets, likes=profile.likes,
    )
    text = TEMPLATES["profile"].safe_substitute(what=what) if what else TEMPLATES["profile_empty"].safe_substitute()
    return Answer(text, {"kind": "profile", "profile": _public(profile)})


def _public(profile: Profile) -> dict[str, list[str]]:
    """The profile as shown to apps (the person's own statements stay in the session)."""
    data = profile.to_dict()
    data.pop("statements", None)
    return data
