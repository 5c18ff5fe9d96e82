"""Answers to specific questions: the one or two points that answer them, not a whole topic."""

from __future__ import annotations

from collections.abc import Sequence

from ..data.knowledge import TOPIC_TITLES, KnowledgeBase
from .responses import Answer
from .retrieve import Application, Hit
from .wording import TEMPLATES, join_names, topic_question

__all__ = ["render_applications", "render_specific", "render_specific_across"]


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


def render_specific_across(
    kb: KnowledgeBase, found: Sequence[tuple[str, Sequence[Hit]]], silent: Sequence[str]
) -> Answer:
    """A specific question asked across roles ("do any of these roles work on natural language
    processing?"): the points that answer it, for each role ``found`` has them for, then the roles
    (``silent``) whose articles say nothing like it."""
    lines: list[str] = []
    for role_id, hits in found:
        lines.append(TEMPLATES["specific"].safe_substitute(plural=kb.roles[role_id].plural))
        lines.extend(f"- {h.point.text}" for h in hits)
    if silent:
        names = join_names([kb.roles[r].plural for r in silent])
        lines.append(TEMPLATES["specific_silent"].safe_substitute(plurals=names))
    sources = tuple(dict.fromkeys(s for _, hits in found for h in hits for s in h.point.sources))
    data = {
        "kind": "points_across",
        "roles": [r for r, _ in found],
        "silent": list(silent),
        "points": [
            {"role": r, "text": h.point.text, "topic": h.topic, "sources": list(h.point.sources), "score": round(h.score, 3)}
            for r, hits in found for h in hits
        ],
    }
    first_role, first_hits = found[0]
    question = topic_question(first_hits[0].topic, kb.roles[first_role])
    return Answer("\n".join(lines), data, sources, (question,))


def render_applications(kb: KnowledgeBase, role_id: str, found: Sequence[Application], topic: str) -> Answer:
    """What the articles name for a role in the sectors it is in demand in, for a question naming
    one of those applications ("do they do churn prediction?"), as the answer on ``topic``."""
    role = kb.roles[role_id]
    uses = join_names([use for a in found for use in a.uses])
    sectors = join_names([kb.things[a.hit.point.things[0]].name for a in found])
    lines = [TEMPLATES["applications"].safe_substitute(uses=uses, sectors=sectors, plural=role.plural)]
    lines.extend(f"- {a.hit.point.text}" for a in found)
    lines.append(TEMPLATES["specific_more"].safe_substitute(
        title=TOPIC_TITLES["industries"].lower(), question=topic_question("industries", role)
    ))
    sources = tuple(dict.fromkeys(s for a in found for s in a.hit.point.sources))
    data = {
        "kind": "points",
        "topic": topic,
        "role": role_id,
        "points": [
            {"text": a.hit.point.text, "topic": "industries", "sources": list(a.hit.point.sources), "score": 1.0}
            for a in found
        ],
    }
    return Answer("\n".join(lines), data, sources, (topic_question("industries", role),))
