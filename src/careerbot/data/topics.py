"""The topics of the knowledge base: what a role file covers, and how each topic is titled."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["POINT_TOPICS", "ROLE_TOPICS", "THING_KINDS", "THING_TOPICS", "TOPIC_TITLES"]

#: Topics every role file covers, either with facts or with a recorded silence.
ROLE_TOPICS: tuple[str, ...] = (
    "definition",
    "responsibilities",
    "skills",
    "education",
    "tools",
    "industries",
    "outlook",
    "getting_started",
    "works_with",
    "projects",
    "differences",
)

#: Topics whose entries are links to named things (``things:`` in a role file).
THING_TOPICS: tuple[str, ...] = ("tools", "skills", "education", "industries")

#: Topics whose entries are distinct points (``points:`` in a role file). ``tools`` has none:
#: tools are named things only.
POINT_TOPICS: tuple[str, ...] = tuple(t for t in ROLE_TOPICS if t != "tools")

#: What a named thing is.
THING_KINDS: tuple[str, ...] = ("tool", "language", "skill", "field", "degree", "certification", "industry")

#: Human titles for every topic, including ``salary`` (which comes from postings).
TOPIC_TITLES: Mapping[str, str] = MappingProxyType(
    {
        "definition": "Overview",
        "responsibilities": "Responsibilities",
        "skills": "Required skills",
        "education": "Education",
        "tools": "Tools",
        "industries": "Industries",
        "outlook": "Job outlook",
        "getting_started": "How to get started",
        "works_with": "Who they work with",
        "projects": "Typical projects",
        "differences": "Key differences",
        "salary": "Salary (featured job postings)",
    }
)
