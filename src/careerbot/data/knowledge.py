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

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from types import MappingProxyType
from typing import Any

from .yamlio import Document, LineDict, Problem, line_of

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

# Keys, as constants, so the schema is written down in one place.
K_SOURCES, K_POSTINGS, K_ID, K_NAME = "sources", "postings", "id", "name"
K_TITLE, K_DATE, K_FILE, K_ROLES, K_NOTE = "title", "date", "file", "roles", "note"
K_PLURAL, K_ALIASES, K_SUMMARY, K_SUMMARY_SOURCES = "plural", "aliases", "summary", "summary_sources"
K_FACTS, K_SILENT, K_THINGS, K_POINTS = "facts", "silent", "things", "points"
K_THING, K_QUOTES, K_USES, K_SOURCE, K_LABEL = "thing", "quotes", "uses", "source", "label"
K_CATEGORY, K_KIND = "category", "kind"
K_TEXT, K_GROUP, K_ITEMS, K_VS = "text", "group", "items", "vs"
K_FIGURE, K_PERIOD, K_SCOPE, K_STEP = "figure", "period", "scope", "step"
POINT_KEYS = frozenset({K_TEXT, K_QUOTES, K_THINGS, K_VS, K_STEP, K_FIGURE, K_PERIOD, K_SCOPE})
LINK_KEYS = frozenset({K_THING, K_SOURCES, K_QUOTES, K_USES})
QUOTE_KEYS = frozenset({K_SOURCE, K_TEXT, K_LABEL})
THING_KEYS = frozenset({K_ID, K_NAME, K_ALIASES, K_CATEGORY, K_KIND, K_NOTE})
SOURCE_KEYS = frozenset({K_ID, K_TITLE, K_DATE, K_FILE, K_ROLES, K_NOTE})
ROLE_KEYS = frozenset(
    {K_ID, K_NAME, K_PLURAL, K_ALIASES, K_SUMMARY, K_SUMMARY_SOURCES, K_THINGS, K_POINTS, K_SILENT}
)
POSTING_KEYS = frozenset(
    {
        K_ID, K_TITLE, "company", "location", "remote", "contract", "internship",
        "level", "salary", "closest_role", K_SOURCES,
    }
)
SALARY_KEYS = frozenset({"currency", "min", "max", K_TEXT})


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


class _Checker:
    """Collects problems while reading one document's data."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems

    def add(self, where: object, message: str) -> None:
        line = where if isinstance(where, int) else line_of(where)
        self.problems.append(Problem(self.path, line, message))

    def entries(
        self, data: LineDict, key: str, what: str, allowed: frozenset[str], *, non_empty: bool = True
    ) -> list[LineDict]:
        """The mappings of the list under ``key`` (each "a <what>" with only ``allowed`` keys);
        what is not a mapping, or a missing or empty list, is reported and skipped."""
        items = data.get(key)
        if not isinstance(items, list) or (non_empty and not items):
            self.add(data, f"'{key}' must be a {'non-empty ' if non_empty else ''}list")
            return []
        out: list[LineDict] = []
        for item in items:
            entry = self.mapping(item, f"a {what}", items)
            if entry is not None:
                self.keys(entry, allowed, f"a {what}")
                out.append(entry)
        return out

    def mapping(self, value: object, what: str, where: object) -> LineDict | None:
        if isinstance(value, dict):
            return value if isinstance(value, LineDict) else _as_linedict(value)
        self.add(where, f"{what} must be a mapping, got {_kind(value)}")
        return None

    def keys(self, data: LineDict, allowed: frozenset[str], what: str) -> None:
        for key in data:
            if key not in allowed:
                self.add(data, f"unknown key {key!r} in {what} (allowed: {', '.join(sorted(allowed))})")

    def string(self, data: LineDict, key: str, what: str, *, required: bool = True) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                self.add(data, f"{what} is missing {key!r}")
            return None
        if not isinstance(value, str) or not value.strip():
            self.add(data, f"{what}: {key!r} must be a non-empty string, got {_kind(value)}")
            return None
        return value.strip()

    def strings(self, data: LineDict, key: str, what: str, *, required: bool = True) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            if required:
                self.add(data, f"{what} is missing {key!r}")
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.add(value if isinstance(value, list) else data,
                     f"{what}: {key!r} must be a list of non-empty strings")
            return ()
        return tuple(v.strip() for v in value)


def _as_linedict(value: dict[Any, Any]) -> LineDict:
    out = LineDict((str(k), v) for k, v in value.items())
    return out


def _kind(value: object) -> str:
    return "nothing" if value is None else type(value).__name__


def build_knowledge(
    documents: Iterable[Document], directory: str = "knowledge"
) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Build the knowledge base from parsed documents; returns it (or ``None``) and all problems.

    ``directory`` names the knowledge directory in problems that belong to no single file.
    """
    problems: list[Problem] = []
    sources: dict[str, Source] = {}
    roles: dict[str, Role] = {}
    postings: list[Posting] = []
    things: dict[str, Thing] = {}
    thing_owners: dict[str, str] = {}
    thing_sites: dict[str, tuple[_Checker, object]] = {}
    note = ""
    source_refs: list[tuple[_Checker, object, str]] = []
    role_refs: list[tuple[_Checker, object, str]] = []
    refs = _Refs(source_refs, role_refs)
    role_docs: list[tuple[_Checker, LineDict]] = []
    posting_docs: list[tuple[_Checker, LineDict]] = []
    # Ids that a broken file probably defines (roles/<id>.yaml): references to them are not
    # reported again as "unknown role id", so the file's own problem is not buried.
    unusable: set[str] = set()
    sources_seen = things_seen = False

    for doc in documents:
        problems.extend(doc.problems)
        if doc.data is None:
            unusable.add(PurePath(doc.path).stem)
            continue
        check = _Checker(doc.path, problems)
        data = check.mapping(doc.data, "a knowledge file", 1)
        if data is None:
            continue
        if K_SOURCES in data and K_ID not in data:
            sources_seen = True
            check.keys(data, frozenset({K_SOURCES}), "a sources file")
            _read_sources(check, data, sources, role_refs)
        elif K_THINGS in data and K_ID not in data:
            things_seen = True
            check.keys(data, frozenset({K_THINGS, K_NOTE}), "a things file")
            _read_things(check, data, things, thing_owners, thing_sites)
        elif K_POSTINGS in data:
            check.keys(data, frozenset({K_POSTINGS, K_NOTE}), "a postings file")
            note = check.string(data, K_NOTE, "postings file", required=False) or note
            posting_docs.append((check, data))
        elif K_ID in data:
            role_docs.append((check, data))
        else:
            check.add(data, "unknown knowledge file: expected top-level 'sources:', 'things:', 'postings:' or a role with 'id:' and 'name:'")

    for check, data in role_docs:
        before = len(problems)
        role = _read_role(check, data, refs)
        if role is None or len(problems) > before:
            unusable.add(str(data.get(K_ID) or PurePath(check.path).stem))
        if role is None:
            continue
        if role.id in roles:
            check.add(data, f"duplicate role id {role.id!r}")
            continue
        roles[role.id] = role
    seen_postings: dict[str, str] = {}
    for check, data in posting_docs:
        for posting, entry in _read_postings(check, data, source_refs, role_refs):
            first = seen_postings.setdefault(posting.id, f"{check.path}:{line_of(entry)}")
            if first != f"{check.path}:{line_of(entry)}":
                check.add(entry, f"duplicate posting id {posting.id!r} (first defined at {first})")
                continue
            postings.append(posting)
    # A broken (unparsable) file that was probably the sources or things file is reported once;
    # the references to what it would have defined are not all reported again.
    sources_lost = not sources_seen and bool(unusable)
    things_lost = not things_seen and (bool(unusable) or bool(refs.things))
    for check, where, ref in source_refs:
        if ref not in sources and not sources_lost:
            check.add(where, f"unknown source id {ref!r} (known: {', '.join(sorted(sources)) or 'none'})")
    for check, where, ref in role_refs:
        if ref not in roles and ref not in unusable:
            check.add(where, f"unknown role id {ref!r} (known: {', '.join(sorted(roles)) or 'none'})")
    for site in refs.quote_sites:
        source = sources.get(site.quote.source)
        if source is not None and source.roles and site.role and site.role not in source.roles:
            problems.append(Problem(site.path, site.line, f"quote from {source.id!r} in role {site.role!r}, "
                                                          f"but that source covers only: {', '.join(source.roles)}"))
    linked: set[str] = set()
    for check, where, ref in refs.things:
        linked.add(ref)
        if ref not in things and not things_lost:
            check.add(where, f"unknown thing id {ref!r} (not in things.yaml)")
    for tid, (check, where) in thing_sites.items():
        if tid not in linked and not unusable:
            check.add(where, f"thing {tid!r} is not linked by any role or point; link it or remove it")
    _check_aliases(roles, role_docs, problems)
    if not role_docs and not unusable:
        problems.append(Problem(directory, 1, "no role files found: expected YAML files with 'id:' and 'name:' (e.g. roles/<id>.yaml)"))
    if not things_seen and refs.things and not unusable:
        problems.append(Problem(directory, 1, "no things file found: role files link named things, expected a YAML file with a top-level 'things:' list (things.yaml)"))
    if not sources_seen and "sources" not in unusable:
        problems.append(Problem(directory, 1, "no sources file found: expected a YAML file with a top-level 'sources:' list (sources.yaml)"))
    if problems:
        return None, problems
    kb = KnowledgeBase(
        sources=MappingProxyType(sources),
        roles=MappingProxyType({rid: _derive_facts(r, things) for rid, r in roles.items()}),
        postings=tuple(postings),
        postings_note=note,
        things=MappingProxyType(things),
        quote_sites=tuple(refs.quote_sites),
    )
    return kb, problems


def _read_sources(
    check: _Checker, data: LineDict, out: dict[str, Source], role_refs: list[tuple[_Checker, object, str]]
) -> None:
    for entry in check.entries(data, K_SOURCES, "source", SOURCE_KEYS):
        sid = check.string(entry, K_ID, "source")
        title = check.string(entry, K_TITLE, "source")
        file = check.string(entry, K_FILE, "source")
        date = check.string(entry, K_DATE, "source", required=False)
        if date is not None and not _valid_date(date):
            check.add(entry.line_of_key(K_DATE), f"source date {date!r} is not a real ISO date (YYYY-MM-DD)")
            date = None
        if sid is None or title is None or file is None:
            continue
        if sid in out:
            check.add(entry, f"duplicate source id {sid!r}")
            continue
        source_roles = check.strings(entry, K_ROLES, "source", required=False)
        role_refs.extend((check, entry, r) for r in source_roles)
        out[sid] = Source(
            id=sid, title=title, file=file, date=date,
            roles=source_roles,
            note=check.string(entry, K_NOTE, "source", required=False),
        )


def _valid_date(text: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _scalar_str(value: object) -> str | None:
    return None if value is None else str(value)


@dataclass
class _Refs:
    """Cross-references collected while reading, checked once everything is read."""

    sources: list[tuple[_Checker, object, str]]
    roles: list[tuple[_Checker, object, str]]
    things: list[tuple[_Checker, object, str]] = field(default_factory=list)
    quote_sites: list[QuoteSite] = field(default_factory=list)
    role: str = ""


def _read_quotes(check: _Checker, entry: LineDict, what: str, refs: _Refs) -> tuple[Quote, ...]:
    raw = entry.get(K_QUOTES)
    if not isinstance(raw, list) or not raw:
        check.add(entry, f"{what} needs 'quotes': a non-empty list of {{source, text}} from the articles")
        return ()
    quotes: list[Quote] = []
    for item in raw:
        q = check.mapping(item, f"a quote in {what}", raw)
        if q is None:
            continue
        check.keys(q, QUOTE_KEYS, f"a quote in {what}")
        source = check.string(q, K_SOURCE, f"a quote in {what}")
        text = check.string(q, K_TEXT, f"a quote in {what}")
        label = check.string(q, K_LABEL, f"a quote in {what}", required=False)
        if source is None or text is None:
            continue
        if label is not None and alias_key(label) not in alias_key(text):
            check.add(q.line_of_key(K_LABEL), f"label {label!r} is not in its quote: the label is the article's own words")
        quote = Quote(source=source, text=" ".join(text.split()), label=label)
        if any(quote.source == o.source and quote.text == o.text for o in quotes):
            check.add(q, f"duplicate quote in {what}: {text[:60]!r}")
            continue
        refs.sources.append((check, q, source))
        refs.quote_sites.append(QuoteSite(check.path, q.line_of_key(K_TEXT), quote, refs.role))
        quotes.append(quote)
    return tuple(quotes)


def _read_point(check: _Checker, item: object, where: object, topic: str, refs: _Refs) -> Point | None:
    what = f"a {topic} point"
    entry = check.mapping(item, what, where)
    if entry is None:
        return None
    check.keys(entry, POINT_KEYS, what)
    text = check.string(entry, K_TEXT, what)
    quotes = _read_quotes(check, entry, what, refs)
    things = check.strings(entry, K_THINGS, what, required=False)
    refs.things.extend((check, entry, t) for t in things)
    if len(set(things)) != len(things):
        check.add(entry, f"{what} names a thing twice in 'things'")
    vs = check.string(entry, K_VS, what, required=False)
    if vs is not None:
        refs.roles.append((check, entry, vs))
    if (vs is not None) != (topic == "differences"):
        check.add(entry, f"{what}: 'vs' (the other role) is required in 'differences' and allowed nowhere else")
    step = entry.get(K_STEP)
    if step is not None and (not isinstance(step, int) or isinstance(step, bool) or step < 1):
        check.add(entry, f"{what}: 'step' must be a positive integer")
        step = None
    if step is not None and topic != "getting_started":
        check.add(entry, f"{what}: 'step' is only allowed in 'getting_started'")
    outlook = {k: _scalar_str(entry.get(k)) for k in (K_FIGURE, K_PERIOD, K_SCOPE)}
    if topic != "outlook" and any(outlook.values()):
        check.add(entry, f"{what}: 'figure', 'period' and 'scope' are only allowed in 'outlook'")
    if text is None or not quotes:
        return None
    return Point(
        text=text, quotes=quotes, things=things, vs=vs, step=step,
        figure=outlook[K_FIGURE], period=outlook[K_PERIOD], scope=outlook[K_SCOPE],
    )


def _read_link(check: _Checker, item: object, where: object, topic: str, refs: _Refs) -> ThingLink | None:
    what = f"a {topic} link"
    entry = check.mapping(item, what, where)
    if entry is None:
        return None
    check.keys(entry, LINK_KEYS, what)
    thing = check.string(entry, K_THING, what)
    srcs = check.strings(entry, K_SOURCES, what)
    quotes = _read_quotes(check, entry, what, refs)
    uses = check.strings(entry, K_USES, what, required=False)
    if uses and topic != "industries":
        check.add(entry, f"{what}: 'uses' is only allowed in 'industries'")
    refs.sources.extend((check, entry, s) for s in srcs)
    if thing is not None:
        refs.things.append((check, entry, thing))
    quoted = {q.source for q in quotes}
    if len(set(srcs)) != len(srcs):
        check.add(entry, f"{what} ({thing}) lists a source twice")
    for s in srcs:
        if quotes and s not in quoted:
            check.add(entry, f"{what} ({thing}) lists source {s!r} but quotes nothing from it")
    for s in sorted(quoted - set(srcs)):
        check.add(entry, f"{what} ({thing}) quotes source {s!r} but does not list it in 'sources'")
    if thing is None or not srcs or not quotes:
        return None
    return ThingLink(thing=thing, sources=srcs, quotes=quotes, uses=uses)


def _read_points(check: _Checker, items: list[Any], topic: str, refs: _Refs) -> tuple[Point, ...]:
    kept: list[Point] = []
    for item in items:
        point = _read_point(check, item, items, topic, refs)
        if point is None:
            continue
        if any(alias_key(point.text) == alias_key(p.text) for p in kept):
            check.add(item, f"duplicate {topic} point {point.text[:60]!r}: merge the quotes into one point")
            continue
        kept.append(point)
    return tuple(kept)


def _read_links(check: _Checker, items: list[Any], topic: str, refs: _Refs) -> tuple[ThingLink, ...]:
    kept: list[ThingLink] = []
    for item in items:
        link = _read_link(check, item, items, topic, refs)
        if link is None:
            continue
        if any(lk.thing == link.thing for lk in kept):
            check.add(item, f"thing {link.thing!r} is linked twice under {topic!r}: "
                            "list it once with all its sources and quotes")
            continue
        kept.append(link)
    return tuple(kept)


def _topic_table(check: _Checker, data: LineDict, key: str, allowed: tuple[str, ...]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    raw = data.get(key)
    if raw is None:
        return out
    table = check.mapping(raw, f"{key!r}", data)
    if table is None:
        return out
    for topic, items in table.items():
        if topic not in allowed:
            check.add(table.line_of_key(topic), f"unknown topic {topic!r} in {key!r} (allowed: {', '.join(allowed)})")
        elif not isinstance(items, list):
            check.add(table.line_of_key(topic), f"{key} for {topic!r} must be a list")
        else:
            out[topic] = items
    return out


def _read_role(check: _Checker, data: LineDict, refs: _Refs) -> Role | None:
    check.keys(data, ROLE_KEYS, "a role file")
    if K_FACTS in data:
        check.add(data.line_of_key(K_FACTS), "'facts' was replaced by 'points' and 'things' (see knowledge/README.md)")
    rid = check.string(data, K_ID, "role")
    name = check.string(data, K_NAME, "role")
    if rid is None or name is None:
        return None
    plural = check.string(data, K_PLURAL, "role", required=False) or name + "s"
    aliases = check.strings(data, K_ALIASES, "role", required=False)
    summary = check.string(data, K_SUMMARY, "role", required=False) or ""
    summary_sources = check.strings(data, K_SUMMARY_SOURCES, "role", required=False)
    refs.sources.extend((check, data, s) for s in summary_sources)
    refs.role = rid
    points = {t: _read_points(check, items, t, refs)
              for t, items in _topic_table(check, data, K_POINTS, POINT_TOPICS).items()}
    things = {t: _read_links(check, items, t, refs)
              for t, items in _topic_table(check, data, K_THINGS, THING_TOPICS).items()}
    silent: dict[str, Silence] = {}
    raw_silent = data.get(K_SILENT) or LineDict()
    silent_map = check.mapping(raw_silent, "'silent'", data)
    if silent_map is not None:
        for topic, entry in silent_map.items():
            if topic not in ROLE_TOPICS:
                check.add(silent_map, f"unknown topic {topic!r} in 'silent'")
                continue
            m = check.mapping(entry, f"silent {topic!r}", silent_map)
            if m is None:
                continue
            check.keys(m, frozenset({K_NOTE, K_SOURCES}), f"silent {topic!r}")
            note = check.string(m, K_NOTE, f"silent {topic!r}") or ""
            srcs = check.strings(m, K_SOURCES, f"silent {topic!r}", required=False)
            refs.sources.extend((check, m, s) for s in srcs)
            silent[topic] = Silence(topic, note, srcs)
    for topic in silent:
        if points.get(topic) or things.get(topic):
            check.add(silent_map.line_of_key(topic) if silent_map is not None else data,
                      f"topic {topic!r} has points or things and is also recorded under 'silent'")
    for topic in ROLE_TOPICS:
        if not points.get(topic) and not things.get(topic) and topic not in silent:
            check.add(data, f"role {rid!r} has nothing for topic {topic!r}; "
                            "add points or things, or record it under 'silent'")
    return Role(
        id=rid, name=name, plural=plural, aliases=aliases, summary=summary,
        summary_sources=summary_sources, silent=MappingProxyType(silent),
        points=MappingProxyType(points), things=MappingProxyType(things),
    )


def _derive_facts(role: Role, things: Mapping[str, Thing]) -> Role:
    """The role with ``facts`` filled in from its points and thing links (the older, flat view)."""
    facts: dict[str, tuple[Fact, ...]] = {}
    for topic in ROLE_TOPICS:
        out = [
            Fact(sources=p.sources, text=p.text, vs=p.vs, figure=p.figure, period=p.period,
                 scope=p.scope, step=p.step)
            for p in role.points.get(topic, ())
        ]
        links = [lk for lk in role.things.get(topic, ()) if lk.thing in things]
        if topic == "tools":
            # One fact per (category, source), so an answer limited to one article shows only
            # that article's tools; answers merge facts with the same group into one line.
            groups: dict[str, dict[str, tuple[list[str], list[str]]]] = {}
            for link in links:
                thing = things[link.thing]
                per_source = groups.setdefault(thing.category, {})
                for source in link.sources:
                    names, labels = per_source.setdefault(source, ([], []))
                    names.append(thing.name)
                    labels.extend(q.label for q in link.quotes if q.source == source and q.label)
            out.extend(
                Fact(sources=(source,), group=category[:1].upper() + category[1:], items=tuple(names),
                     labels=tuple(dict.fromkeys(labels)))
                for category, per_source in groups.items()
                for source, (names, labels) in per_source.items()
            )
        elif topic == "industries":
            out.extend(Fact(sources=lk.sources, group=things[lk.thing].name, items=lk.uses) for lk in links)
        if out:
            facts[topic] = tuple(out)
    return replace(role, facts=MappingProxyType(facts))


def _read_things(
    check: _Checker, data: LineDict, out: dict[str, Thing], owners: dict[str, str],
    sites: dict[str, tuple[_Checker, object]],
) -> None:
    for entry in check.entries(data, K_THINGS, "thing", THING_KEYS):
        tid = check.string(entry, K_ID, "thing")
        name = check.string(entry, K_NAME, "thing")
        category = check.string(entry, K_CATEGORY, "thing")
        kind = check.string(entry, K_KIND, "thing")
        aliases = check.strings(entry, K_ALIASES, "thing", required=False)
        if kind is not None and kind not in THING_KINDS:
            check.add(entry.line_of_key(K_KIND), f"thing kind {kind!r} is not one of: {', '.join(THING_KINDS)}")
            continue
        if tid is None or name is None or category is None or kind is None:
            continue
        if tid in out:
            check.add(entry, f"duplicate thing id {tid!r}")
            continue
        for spelling in (name, *aliases):
            other = owners.setdefault(alias_key(spelling), tid)
            if other != tid:
                check.add(entry, f"spelling {spelling!r} of thing {tid!r} is also a spelling of {other!r}")
        sites[tid] = (check, entry)
        out[tid] = Thing(id=tid, name=name, category=category, kind=kind,
                         aliases=tuple(dict.fromkeys(a for a in aliases if alias_key(a) != alias_key(name))))


def _read_postings(
    check: _Checker, data: LineDict,
    source_refs: list[tuple[_Checker, object, str]],
    role_refs: list[tuple[_Checker, object, str]],
) -> list[tuple[Posting, LineDict]]:
    out: list[tuple[Posting, LineDict]] = []
    for entry in check.entries(data, K_POSTINGS, "posting", POSTING_KEYS, non_empty=False):
        fields = {k: check.string(entry, k, "posting") for k in (K_ID, K_TITLE, "company", "location", "contract", "level")}
        salary_raw = check.mapping(entry.get("salary"), "posting 'salary'", entry)
        salary = None
        if salary_raw is not None:
            check.keys(salary_raw, SALARY_KEYS, "a salary")
            lo, hi = salary_raw.get("min"), salary_raw.get("max")
            cur = check.string(salary_raw, "currency", "salary")
            text = check.string(salary_raw, K_TEXT, "salary")
            if not isinstance(lo, int) or not isinstance(hi, int) or lo > hi:
                check.add(salary_raw, "salary needs integer 'min' <= 'max'")
            elif cur and text:
                salary = Salary(cur, lo, hi, text)
        srcs = check.strings(entry, K_SOURCES, "posting")
        source_refs.extend((check, entry, s) for s in srcs)
        closest = entry.get("closest_role")
        if closest is not None:
            if isinstance(closest, str):
                role_refs.append((check, entry, closest))
            else:
                check.add(entry, "'closest_role' must be a role id or null")
                closest = None
        flags = {}
        for flag in ("remote", "internship"):
            value = entry.get(flag, False)
            if not isinstance(value, bool):
                check.add(entry, f"posting {flag!r} must be true or false")
                value = False
            flags[flag] = value
        if salary is None or not srcs or any(v is None for v in fields.values()):
            continue
        out.append((
            Posting(
                id=str(fields[K_ID]), title=str(fields[K_TITLE]), company=str(fields["company"]),
                location=str(fields["location"]), remote=flags["remote"],
                contract=str(fields["contract"]), internship=flags["internship"],
                level=str(fields["level"]), salary=salary, closest_role=closest, sources=srcs,
            ),
            entry,
        ))
    return out


def _check_aliases(
    roles: Mapping[str, Role], role_docs: list[tuple[_Checker, LineDict]], problems: list[Problem]
) -> None:
    owner: dict[str, str] = {}
    by_id = {str(d.get(K_ID)): c for c, d in role_docs}
    for role in roles.values():
        for alias in (role.name, role.plural, *role.aliases):
            key = " ".join(alias.casefold().split())
            other = owner.setdefault(key, role.id)
            if other != role.id:
                by_id[role.id].add(1, f"alias {alias!r} of {role.id!r} is also used by {other!r}")
