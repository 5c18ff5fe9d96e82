"""How a message's roles stand to the roles the conversation is about: a pronoun for the role in
focus before another role is named, or one role named to weigh against the one in focus."""

from __future__ import annotations

from collections.abc import Sequence

from ..nlu.cues import asks_if_same, asks_which_fits, opens_versus, weighs_against
from ..nlu.parse import PartReading
from .state import Context

__all__ = ["against_focus", "answered_apart", "focus_then_named"]

#: Pronouns that point at the role in focus ("what do they do all day?").
_PRONOUNS = frozenset("they them their he she his her".split())


def focus_then_named(questions: Sequence[PartReading], ctx: Context) -> bool:
    """Whether the first question points at the role in focus with a pronoun and names none, and
    a later one names another role ("what do they do all day? and what do data engineers do?")."""
    if not ctx.roles or not questions:
        return False
    first = questions[0].understanding.analysis
    # (a later part that only names the role says who "they" are: "... they typically have? the DE I mean")
    return not first.roles and not _PRONOUNS.isdisjoint(first.tokens) and any(
        (named := (*q.understanding.analysis.roles, *_side_role(q))) and ctx.roles[0] not in named
        and (q.understanding.intent is not None or "same" in q.understanding.analysis.tokens)  # ("same question for ...")
        and q.part.kind == "question"
        for q in questions[1:]
    )


def against_focus(tokens: Sequence[str], named: Sequence[str], ctx: Context) -> bool:
    """Whether a message naming one role (``named``) asks if it is the same as, or weighs it against,
    the role the conversation is about."""
    return (
        len(named) == 1 and bool(ctx.roles) and ctx.roles[0] not in named
        and (asks_if_same(tokens) or weighs_against(tokens) or opens_versus(tokens))
        and not asks_which_fits(tokens)  # ("compared with a plain data engineer, which one fits me better?")
    )


def answered_apart(questions: Sequence[PartReading], understood: Sequence[PartReading], ctx: Context) -> bool:
    """Whether the parts of a message that all ask one thing (``understood``: those whose intent is
    clear) are still answered one by one: a pronoun for the role in focus, then another role
    (:func:`focus_then_named`); a reference back beside a role named; a thing asked about after the
    first part ("which industries hire them? is retail one of them?": the list, then the one asked)."""
    named = any(q.understanding.analysis.roles for q in understood)
    return (
        focus_then_named(questions, ctx)
        or any(q.things for q in understood[1:])
        or (named and any(q.reference and not q.understanding.analysis.roles for q in understood))
    )


def _side_role(reading: PartReading) -> tuple[str, ...]:
    ref = reading.reference
    return (ref.role,) if ref is not None and ref.kind == "side" and ref.role is not None else ()
