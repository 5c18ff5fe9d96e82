"""The typed shapes of ``Reply.data`` for advisor answers (documented in docs/API.md, "Reply").

Each answer kind's ``data`` is a plain JSON-ready dict with exactly these keys; apps, the terminal and
the web page can render postings, pay comparisons, recommendations, skill gaps and learning paths from
it without parsing text. ``kind`` tells them apart.
"""

from __future__ import annotations

from typing import Literal, TypedDict

__all__ = [
    "GapMissingData",
    "LearningPathData",
    "LearningPathsData",
    "PathStepData",
    "PayComparisonData",
    "PayComparisonItem",
    "PostingData",
    "PostingFiltersData",
    "PostingsData",
    "RecommendationData",
    "SkillGapData",
]


class PostingData(TypedDict):
    """One featured posting (``salary`` is the printed range, e.g. ``"USD 100K - 130K"``)."""

    id: str
    title: str
    company: str
    location: str
    remote: bool
    contract: str
    internship: bool
    level: str
    currency: str
    min: int
    max: int
    salary: str
    closest_role: str | None


class PostingFiltersData(TypedDict):
    """The filters a postings answer applied (``None`` / empty = not filtered on)."""

    roles: list[str]
    places: list[str]
    regions: list[str]
    unknown_places: list[str]
    remote: bool | None
    levels: list[str]
    internship: bool | None
    currency: str | None
    companies: list[str]
    sort: Literal["max", "min"] | None
    every: bool


class PayComparisonItem(TypedDict):
    """The posting with the highest top of range for one role, in one currency."""

    role: str
    posting: str
    level: str
    max: int


class PayComparisonData(TypedDict):
    """A pay comparison across roles within one currency (ranges in other currencies are not ranked)."""

    currency: str
    compared: list[PayComparisonItem]
    top_roles: list[str]
    levels_differ: bool


class PostingsData(TypedDict):
    """``kind == "postings"``: featured postings, filtered and ranked."""

    kind: Literal["postings"]
    topic: Literal["salary"]
    postings: list[PostingData]
    filters: PostingFiltersData
    matched: bool
    note: str
    #: Where the featured postings in scope are (``"location (count)"``), when a place matched none.
    places: list[str]
    #: Pay comparisons across the roles asked about, one per currency shared by two or more roles.
    comparison: list[PayComparisonData]
    #: Ids of postings that could not be ranked against the others (another currency).
    unranked: list[str]


class RecommendationData(TypedDict):
    """``kind == "recommendation"``: which role fits what the person said."""

    kind: Literal["recommendation"]
    recommended: list[str]
    scores: dict[str, float]
    raw_scores: dict[str, float]
    matches: dict[str, list[str]]
    avoid: list[str]


class GapMissingData(TypedDict):
    """What the target role asks for that the person lacks, per kind of requirement."""

    skills: list[str]
    tools: list[str]
    education: list[str]


class SkillGapData(TypedDict):
    """``kind == "skill_gap"``: what the person has and lacks for ``target``, as canonical names of
    the named things the articles list for it (``knowledge/things.yaml``)."""

    kind: Literal["skill_gap"]
    target: str
    current: list[str]
    #: Things listed for the target that the person has (said, or from their current role).
    have: list[str]
    have_from_role: list[str]
    #: Things listed for the target that the person lacks, skills then tools then education.
    missing: list[str]
    missing_by_topic: GapMissingData
    #: Things the person named that the articles don't list for the target.
    extra: list[str]
    have_count: int
    total: int
    #: have_count / total
    overlap: float


class PathStepData(TypedDict):
    """One step of a learning path: its title, items and the articles they come from."""

    title: str
    items: list[str]
    sources: list[str]
    source_ids: list[str]


class LearningPathData(TypedDict):
    """``kind == "learning_path"``: the ordered steps for one role."""

    kind: Literal["learning_path"]
    role: str
    steps: list[PathStepData]


class LearningPathsData(TypedDict):
    """``kind == "learning_paths"``: learning paths for several roles, in order."""

    kind: Literal["learning_paths"]
    paths: list[LearningPathData]


