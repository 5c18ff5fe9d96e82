"""The typed, read-only records of the knowledge base: sources, things, points, roles, postings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .topics import ROLE_TOPICS

__all__ = [
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
]


@dataclass(frozen=True)
class Source:
    """One article the knowledge comes from."""

    id: str
    title: str
    file: str
    date: str | None = None
    roles: tuple[str, ...] = ()
    note: str | None = None


def alias_key(text: str) -> str:
    """How names and aliases are compared: case-insensitive, whitespace collapsed, ’ read as '."""
    return " ".join(text.replace("\u2019", "'").casefold().split())


@dataclass(frozen=True)
class Thing:
    """A named thing the articles mention: a tool, language, skill area, field, degree, ..."""

    id: str
    name: str
    category: str
    kind: str
    aliases: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        """The canonical name first, then every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Quote:
    """A verbatim sentence or bullet from one article; ``label`` is the article's own group label."""

    source: str
    text: str
    label: str | None = None


@dataclass(frozen=True)
class QuoteSite:
    """Where a quote is written in the knowledge files (for checking it against the articles)."""

    path: str
    line: int
    quote: Quote
    role: str = ""


@dataclass(frozen=True)
class ThingLink:
    """A role's link to a named thing under one topic, with the sources and quotes that say so."""

    thing: str
    sources: tuple[str, ...]
    quotes: tuple[Quote, ...]
    uses: tuple[str, ...] = ()


@dataclass(frozen=True)
class Point:
    """One distinct point, written concisely, with the verbatim quotes that support it."""

    text: str
    quotes: tuple[Quote, ...]
    things: tuple[str, ...] = ()
    vs: str | None = None
    step: int | None = None
    figure: str | None = None
    period: str | None = None
    scope: str | None = None

    @property
    def sources(self) -> tuple[str, ...]:
        """Source ids of the quotes, in first-seen order."""
        return tuple(dict.fromkeys(q.source for q in self.quotes))


@dataclass(frozen=True)
class Fact:
    """The older, flat view of one statement: a point's text, or a group of items.

    Derived from the points and links (see :attr:`Role.facts`).
    """

    sources: tuple[str, ...]
    text: str | None = None
    group: str | None = None
    items: tuple[str, ...] = ()
    vs: str | None = None
    figure: str | None = None
    period: str | None = None
    scope: str | None = None
    step: int | None = None
    #: The articles' own group labels behind a tools fact ("ETL Tools", "SQL-based systems"): searched, not shown.
    labels: tuple[str, ...] = ()

    def words(self) -> str:
        """All the words of the fact, for searching."""
        parts = [self.group or "", " ".join(self.items), self.text or "", " ".join(self.labels)]
        return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class Silence:
    """A topic the articles announce or imply but say nothing about, for one role."""

    topic: str
    note: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    """A role: its points and thing links per topic, the derived facts, and recorded silences."""

    id: str
    name: str
    plural: str
    aliases: tuple[str, ...]
    summary: str
    summary_sources: tuple[str, ...]
    facts: Mapping[str, tuple[Fact, ...]] = field(default_factory=lambda: MappingProxyType({}))
    silent: Mapping[str, Silence] = field(default_factory=lambda: MappingProxyType({}))
    points: Mapping[str, tuple[Point, ...]] = field(default_factory=lambda: MappingProxyType({}))
    things: Mapping[str, tuple[ThingLink, ...]] = field(default_factory=lambda: MappingProxyType({}))

    def thing_ids(self, topic: str | None = None) -> tuple[str, ...]:
        """Ids of the things this role links or its points name (under ``topic``, or any topic):
        links first, in first-seen order."""
        topics = (topic,) if topic is not None else ROLE_TOPICS
        linked = (link.thing for t in topics for link in self.things.get(t, ()))
        named = (thing for t in topics for point in self.points.get(t, ()) for thing in point.things)
        return tuple(dict.fromkeys((*linked, *named)))

    def link(self, topic: str, thing_id: str) -> ThingLink | None:
        """This role's link to ``thing_id`` under ``topic``, if any."""
        return next((lk for lk in self.things.get(topic, ()) if lk.thing == thing_id), None)

    def topic(self, topic: str) -> tuple[Fact, ...]:
        """Facts for ``topic`` (empty when the articles are silent)."""
        return self.facts.get(topic, ())

    def sources_for(self, topic: str) -> tuple[str, ...]:
        """Source ids behind ``topic`` for this role (facts or recorded silence)."""
        ids: list[str] = []
        for fact in self.topic(topic):
            ids.extend(fact.sources)
        if topic in self.silent:
            ids.extend(self.silent[topic].sources)
        return tuple(dict.fromkeys(ids))


@dataclass(frozen=True)
class Salary:
    """A posting's salary range."""

    currency: str
    min: int
    max: int
    text: str


@dataclass(frozen=True)
class Posting:
    """A featured job posting shown with an article."""

    id: str
    title: str
    company: str
    location: str
    remote: bool
    contract: str
    internship: bool
    level: str
    salary: Salary
    closest_role: str | None
    sources: tuple[str, ...]

    @property
    def contract_label(self) -> str:
        """The contract as the posting shows it ("Full Time Internship")."""
        if self.internship and "intern" not in self.contract.casefold():
            return f"{self.contract} Internship"
        return self.contract


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything careerbot knows. Read-only."""

    sources: Mapping[str, Source]
    roles: Mapping[str, Role]
    postings: tuple[Posting, ...]
    postings_note: str = ""
    things: Mapping[str, Thing] = field(default_factory=lambda: MappingProxyType({}))
    quote_sites: tuple[QuoteSite, ...] = field(default=(), compare=False, repr=False)
    _by_alias: Mapping[str, Thing] = field(
        default_factory=lambda: MappingProxyType({}), init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        index: dict[str, Thing] = {}
        for thing in self.things.values():
            for spelling in thing.spellings:
                index.setdefault(alias_key(spelling), thing)
        object.__setattr__(self, "_by_alias", MappingProxyType(index))

    def thing_by_alias(self, text: str) -> Thing | None:
        """The named thing ``text`` spells (its name or an alias, case-insensitive), if any."""
        return self._by_alias.get(alias_key(text))

    def roles_with(self, thing_id: str, topic: str | None = None) -> tuple[str, ...]:
        """Ids of the roles that link ``thing_id`` or name it in a point (under ``topic``, or any
        topic), in role order."""
        return tuple(rid for rid, role in self.roles.items() if thing_id in role.thing_ids(topic))

    def source_titles(self, ids: Iterable[str]) -> tuple[str, ...]:
        """Titles for source ids, in first-seen order, skipping unknown ids."""
        seen = dict.fromkeys(i for i in ids if i in self.sources)
        return tuple(self.sources[i].title for i in seen)
