"""The knowledge base: typed, read-only knowledge about the roles, built from parsed YAML.

Files in ``knowledge/`` are of four kinds, told apart by their top-level keys:
``sources:`` (the articles), ``things:`` (named things: tools, languages, skills, fields,
degrees, certification areas, industries), ``postings:`` (featured job postings) and role
files (``id:`` + ``name:``). A role holds *distinct points* per topic (each with the verbatim
quotes that support it) and *links* to named things per topic. :func:`build_knowledge`
checks their shape and cross-references and collects *all* problems, each with ``path:line``.

``Role.facts`` (and :class:`Fact`) is the older, flatter view, derived from the points and
links: one fact per point, one per tool category and one per industry.
"""

from __future__ import annotations

from .build import build_knowledge
from .model import (
    Fact,
    KnowledgeBase,
    Point,
    Posting,
    Quote,
    QuoteSite,
    Role,
    Salary,
    Silence,
    Source,
    Thing,
    ThingLink,
    alias_key,
)
from .topics import POINT_TOPICS, ROLE_TOPICS, THING_KINDS, THING_TOPICS, TOPIC_TITLES

__all__ = [
    "POINT_TOPICS",
    "ROLE_TOPICS",
    "THING_KINDS",
    "THING_TOPICS",
    "TOPIC_TITLES",
    "Fact",
    "KnowledgeBase",
    "Point",
    "Posting",
    "Quote",
    "QuoteSite",
    "Role",
    "Salary",
    "Silence",
    "Source",
    "Thing",
    "ThingLink",
    "alias_key",
    "build_knowledge",
]
