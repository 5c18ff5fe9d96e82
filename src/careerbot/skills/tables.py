"""Comparison tables: roles (columns) by topics (rows), from the knowledge base only."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..data.knowledge import ROLE_TOPICS, TOPIC_TITLES, KnowledgeBase
from .postings import posting_line
from .responses import Answer, render_rows
from .wording import TEMPLATES as RESPONSE_TEMPLATES
from .wording import join_names, say

__all__ = ["compare_table", "salary_row"]


def compare_table(kb: KnowledgeBase, role_ids: Sequence[str], topics: Sequence[str] = ()) -> Answer:
    """A table of roles (columns) by topics (rows); no roles = every role, no topics = every topic
    with salary. ``data`` is ``{"kind": "comparison", "topic", "title", "columns", "rows"}``."""
    roles = [r for r in dict.fromkeys(role_ids) if r in kb.roles] or list(kb.roles)
    wanted = [tp for tp in dict.fromkeys(topics) if tp in TOPIC_TITLES] or [*ROLE_TOPICS, "salary"]
    names = [kb.roles[r].name for r in roles]
    heading = say("table_heading", names=join_names(names, versus=True))
    texts, rows, sources = render_rows(kb, roles, wanted, salary=lambda rs: salary_row(kb, rs))
    single = len(wanted) == 1
    data: dict[str, Any] = {
        "kind": "comparison",
        "topic": wanted[0] if single else None,
        "title": TOPIC_TITLES[wanted[0]] if single else heading,
        "columns": names,
        "rows": rows,
    }
    return Answer("\n\n".join([heading, *texts]), data, tuple(dict.fromkeys(sources)))


def salary_row(kb: KnowledgeBase, roles: Sequence[str]) -> Answer:
    """The salary row of a table: each role's closest featured postings."""
    title = TOPIC_TITLES["salary"]
    blocks: list[str] = []
    cells: list[list[str]] = []
    sources: list[str] = []
    for rid in roles:
        role = kb.roles[rid]
        mine = [p for p in kb.postings if p.closest_role == rid]
        lines = [posting_line(kb, p, closest=False) for p in mine] or [say("post_role_none", name=role.name)]
        heading = RESPONSE_TEMPLATES["topic_heading"].safe_substitute(role=role.name, title=title)
        blocks.append(heading + "\n" + "\n".join(f"- {line}" for line in lines))
        cells.append(lines)
        sources.extend(s for p in mine for s in p.sources)
    blocks.append(RESPONSE_TEMPLATES["salary_note"].safe_substitute())
    data = {"rows": [{"topic": title, "cells": cells}]}
    return Answer("\n\n".join(blocks), data, tuple(dict.fromkeys(sources)))
