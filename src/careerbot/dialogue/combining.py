"""One reply of a message's several parts' replies ("what does a DSE do and which degree do they have?")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..reply import FALLBACK, Reply

__all__ = ["combined", "plain_fallback"]


def combined(replies: Sequence[Reply]) -> Reply:
    """One reply of several parts' replies, in order (the first answered one gives the intent)."""
    answered = [r for r in replies if r.intent != FALLBACK]
    first = answered[0]
    return Reply(
        text=_once(r.text for r in replies),
        intent=first.intent,
        confidence=min(r.confidence for r in answered),
        roles=tuple(dict.fromkeys(role for r in answered for role in r.roles)),
        topic=first.topic,
        sources=tuple(dict.fromkeys(s for r in replies for s in r.sources)),
        suggestions=replies[-1].suggestions,
        data={
            "kind": "parts",
            "parts": [
                {"intent": r.intent, "roles": list(r.roles), "topic": r.topic, "data": r.data}
                for r in replies
            ],
        },
    )


def plain_fallback(reply: Reply) -> bool:
    """Whether a reply is the out-of-scope fallback (not "I don't have information about lawyers")."""
    return reply.intent == FALLBACK and reply.data.get("kind") == "fallback"


def _once(texts: Iterable[str]) -> str:
    """The parts' texts one after the other, each paragraph once: a later part that repeats a block
    already shown ("which industries hire them? is retail one of them?": the industries list, then
    "Yes: ... Retail" and the same list) keeps only what is new."""
    seen: set[str] = set()
    out: list[str] = []
    for text in texts:
        for block in text.split("\n\n"):
            if block not in seen:
                seen.add(block)
                out.append(block)
    return "\n\n".join(out)

