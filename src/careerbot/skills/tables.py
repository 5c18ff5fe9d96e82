"""Comparison tables: roles (columns) by topics (rows), from the knowledge base only.

The table itself is :func:`careerbot.skills.compare.render_table` (the main points, one line per
role and topic); this module adds the salary row from the featured postings.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..data.knowledge import TOPIC_TITLES, KnowledgeBase
from .answer import Answer
from .compare import MAIN_TOPICS, render_table
from .postings import posting_line
from .wording import say

__all__ = ["compare_table", "salary_cell"]


def compare_table(kb: KnowledgeBase, role_ids: Sequence[str], topics: Sequence[str] = ()) -> Answer:
    """A table of roles (columns) by topics (rows); no roles = every role, no topics = the main
    points (:data:`~careerbot.skills.compare.MAIN_TOPICS`, salary included). ``data`` is
    :class:`~careerbot.skills.data_types.ComparisonData` (``kind``, ``topic``, ``title``, ``columns``,
    ``rows``, ...)."""
    roles = [r for r in dict.fromkeys(role_ids) if r in kb.roles] or list(kb.roles)
    wanted = [tp for tp in dict.fromkeys(topics) if tp in TOPIC_TITLES] or list(MAIN_TOPICS)
    return render_table(kb, roles, wanted, salary=lambda rid: salary_cell(kb, rid))


def salary_cell(kb: KnowledgeBase, role_id: str) -> tuple[str, list[str], tuple[str, ...]]:
    """One role's salary cell: the line shown, the cell's lines (its closest featured postings) and
    their sources."""
    mine = [p for p in kb.postings if p.closest_role == role_id]
    lines = [posting_line(kb, p, closest=False) for p in mine] or [say("post_role_none", name=kb.roles[role_id].name)]
    sources = tuple(dict.fromkeys(s for p in mine for s in p.sources))
    return "; ".join(lines), lines, sources
