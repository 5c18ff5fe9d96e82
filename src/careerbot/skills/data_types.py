"""The typed shapes of ``Reply.data`` (documented in docs/API.md, "Reply").

Each answer kind's ``data`` is a plain JSON-ready dict with exactly these keys; apps, the terminal and
the web page can render topic answers, comparisons, quotes, postings, pay comparisons,
recommendations, skill gaps and learning paths from it without parsing text. ``kind`` tells them apart.
"""

from __future__ import annotations

from typing import Literal, TypedDict

__all__ = [
    "ComparisonData",
    "GapMissingData",
    "LearningPathData",
    "LearningPathsData",
    "PathStepData",
    "PayComparisonData",
    "PayComparisonItem",
    "PointData",
    "PostingData",
    "PostingFiltersData",
    "PostingsData",
    "QuoteData",
    "QuotesArticleData",
    "QuotesData",
    "RecommendationData",
    "RowData",
    "SharedThingsData",
    "SkillGapData",
    "SourceRefData",
    "ThingData",
    "TopicData",
]


class SourceRefData(TypedDict):
    """An article an answer cites: ``n`` is its marker number (``[n]`` in the text)."""

    id: str
    n: int
    title: str


class PointData(TypedDict):
    """One distinct point as shown, with the articles behind it (``vs``, ``step``, ``figure``,
    ``period`` and ``scope`` are ``None`` where they do not apply)."""

    text: str
    sources: list[str]
    vs: str | None
    step: int | None
    figure: str | None
    period: str | None
    scope: str | None


class ThingData(TypedDict):
    """A named thing a role links to: canonical ``name``, careerbot's own ``category``, its ``kind``
    (tool, language, skill, field, degree, certification, industry), the articles that name it for
    the role and, for industries, the use cases given."""

    id: str
    name: str
    category: str
    kind: str
    sources: list[str]
    uses: list[str]


class RowData(TypedDict):
    """A table row: ``topic`` (a title) and one list of lines per column."""

    topic: str
    cells: list[list[str]]


class TopicData(TypedDict):
    """``kind == "topic"``: one role on one topic. ``rows`` holds the shown lines as a one-column
    table; ``points`` and ``things`` are what the lines come from; ``silent`` is the recorded note
    when the articles say nothing on the topic for the role."""

    kind: Literal["topic"]
    topic: str
    title: str
    role: str
    columns: list[str]
    rows: list[RowData]
    points: list[PointData]
    things: list[ThingData]
    silent: str | None
    sources: list[SourceRefData]


class SharedThingsData(TypedDict):
    """What the compared roles share and what only one has, for one kind of thing (``topic`` is
    ``skills``, ``tools``, ``education`` or ``industries``). ``only`` maps each role id to the
    things only it has; ``silent`` lists the roles the articles say nothing about here."""

    topic: str
    title: str
    shared: list[ThingData]
    only: dict[str, list[ThingData]]
    silent: list[str]


class ComparisonData(TypedDict):
    """``kind == "comparison"``: several roles. ``topic`` is ``None`` for a general comparison;
    ``columns`` are role names and ``rows`` the table (one row per topic). ``compared_by`` lists the
    articles that compare exactly these roles and ``differences`` the differences they state;
    ``things`` the shared / only-one things; ``points`` each role's points on the topic."""

    kind: Literal["comparison"]
    topic: str | None
    title: str
    roles: list[str]
    columns: list[str]
    rows: list[RowData]
    compared_by: list[str]
    differences: list[PointData]
    things: list[SharedThingsData]
    points: dict[str, list[PointData]]
    sources: list[SourceRefData]


class QuoteData(TypedDict):
    """One verbatim sentence from an article, with the roles it was quoted for."""

    text: str
    roles: list[str]


class QuotesArticleData(TypedDict):
    """The quotes from one article."""

    id: str
    n: int
    title: str
    quotes: list[QuoteData]


class QuotesData(TypedDict):
    """``kind == "quotes"``: the last answer expanded to the articles' own sentences, per article."""

    kind: Literal["quotes"]
    topic: str
    roles: list[str]
    articles: list[QuotesArticleData]
    total: int
    shown: int


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


