"""Answers that combine the roles: which roles the articles list a thing for, and rankings the
articles don't make ("which role needs the least education?")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..data.knowledge import TOPIC_TITLES, KnowledgeBase
from .responses import Answer, render_topic
from .wording import TEMPLATES, join_names

__all__ = ["render_ranking", "render_roles_with"]


def render_roles_with(
    kb: KnowledgeBase, things: Sequence[tuple[tuple[str, ...], str]], words: Mapping[str, frozenset[str]]
) -> tuple[Answer, tuple[str, ...]]:
    """Which roles the articles list each named thing for ("which roles use Python?").

    ``words`` maps role id -> the words of its tools and skills. Returns the answer and the roles
    that have at least one of the things."""
    lines: list[str] = []
    having: list[str] = []
    data_things: list[dict[str, object]] = []
    for tokens, name in things:
        with_it = [rid for rid in kb.roles if set(tokens) <= words.get(rid, frozenset())]
        without = [rid for rid in kb.roles if rid not in with_it]
        having.extend(r for r in with_it if r not in having)
        data_things.append({"name": name, "roles": with_it})
        if not with_it:
            lines.append(TEMPLATES["roles_with_none"].safe_substitute(thing=name))
        elif not without:
            lines.append(TEMPLATES["roles_with_all"].safe_substitute(thing=name))
        else:
            lines.append(TEMPLATES["roles_with"].safe_substitute(
                thing=name,
                roles=join_names([kb.roles[r].plural for r in with_it]),
                others=join_names([kb.roles[r].plural for r in without], "or"),
            ))
    sources = tuple(dict.fromkeys(s for r in having for s in kb.roles[r].sources_for("tools")))
    data = {"kind": "roles_with", "things": data_things}
    return Answer("\n".join(lines), data, sources), tuple(having)


def render_ranking(kb: KnowledgeBase, topic: str, role_ids: Sequence[str]) -> Answer:
    """"Which role needs the least education?": no article ranks the roles, so say that and set
    what each says side by side."""
    title = TOPIC_TITLES.get(topic, topic).lower()
    body = render_topic(kb, role_ids, topic)
    note = TEMPLATES["no_ranking"].safe_substitute(title=title)
    return Answer(f"{note}\n\n{body.text}", {**body.data, "ranked": False}, body.source_ids)
