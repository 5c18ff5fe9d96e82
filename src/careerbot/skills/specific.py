"""Answers to specific questions: the one or two points that answer them, not a whole topic."""

from __future__ import annotations

from collections.abc import Sequence

from ..data.knowledge import TOPIC_TITLES, KnowledgeBase
from .responses import Answer
from .retrieve import Hit
from .wording import TEMPLATES, topic_question

__all__ = ["render_specific"]


def render_specific(
    kb: KnowledgeBase, role_id: str, hits: Sequence[Hit], *, yes: bool, lead: str | None = None
) -> Answer:
    """The matching points for one role; ``yes`` (a yes/no question the points affirm) says so first;
    ``lead``: another first line ("Yes: the articles list Scala for Data Engineers.")."""
    role = kb.roles[role_id]
    if lead is None:
        lead = TEMPLATES["specific_yes" if yes else "specific"].safe_substitute(plural=role.plural)
    lines = [lead, *(f"- {h.point.text}" for h in hits)]
    topic = hits[0].topic
    lines.append(TEMPLATES["specific_more"].safe_substitute(
        title=TOPIC_TITLES.get(topic, topic).lower(), question=topic_question(topic, role)
    ))
    sources = tuple(dict.fromkeys(s for h in hits for s in h.point.sources))
    data = {
        "kind": "points",
        "topic": topic,
        "role": role_id,
        "points": [
            {"text": h.point.text, "topic": h.topic, "sources": list(h.point.sources), "score": round(h.score, 3)}
            for h in hits
        ],
    }
    return Answer("\n".join(lines), data, sources, (topic_question(topic, role),))
