"""The knowledge base: typed, read-only facts about the roles, built from parsed YAML.

Files in ``knowledge/`` are of three kinds, told apart by their top-level keys:
``sources:`` (the articles), ``postings:`` (featured job postings) and role files
(``id:`` + ``name:``). :func:`build_knowledge` checks their shape and cross-references
and collects *all* problems, each with ``path:line``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePath
from types import MappingProxyType
from typing import Any

from .yamlio import Document, LineDict, Problem, line_of

__all__ = [
    "ROLE_TOPICS",
    "TOPIC_TITLES",
    "Fact",
    "KnowledgeBase",
    "Posting",
    "Role",
    "Salary",
    "Silence",
    "Source",
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
K_FACTS, K_SILENT = "facts", "silent"
K_TEXT, K_GROUP, K_ITEMS, K_VS = "text", "group", "items", "vs"
K_FIGURE, K_PERIOD, K_SCOPE, K_STEP = "figure", "period", "scope", "step"
FACT_KEYS = frozenset(
    {K_SOURCES, K_TEXT, K_GROUP, K_ITEMS, K_VS, K_FIGURE, K_PERIOD, K_SCOPE, K_STEP}
)
SOURCE_KEYS = frozenset({K_ID, K_TITLE, K_DATE, K_FILE, K_ROLES, K_NOTE})
ROLE_KEYS = frozenset(
    {K_ID, K_NAME, K_PLURAL, K_ALIASES, K_SUMMARY, K_SUMMARY_SOURCES, K_FACTS, K_SILENT}
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


@dataclass(frozen=True)
class Fact:
    """One statement from the articles: a sentence, a labelled group of items, or both."""

    sources: tuple[str, ...]
    text: str | None = None
    group: str | None = None
    items: tuple[str, ...] = ()
    vs: str | None = None
    figure: str | None = None
    period: str | None = None
    scope: str | None = None
    step: int | None = None

    def words(self) -> str:
        """All the words of the fact, for searching."""
        parts = [self.group or "", " ".join(self.items), self.text or ""]
        return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class Silence:
    """A topic the articles announce or imply but say nothing about, for one role."""

    topic: str
    note: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    """A role with its facts per topic."""

    id: str
    name: str
    plural: str
    aliases: tuple[str, ...]
    summary: str
    summary_sources: tuple[str, ...]
    facts: Mapping[str, tuple[Fact, ...]] = field(default_factory=lambda: MappingProxyType({}))
    silent: Mapping[str, Silence] = field(default_factory=lambda: MappingProxyType({}))

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
    note = ""
    source_refs: list[tuple[_Checker, object, str]] = []
    role_refs: list[tuple[_Checker, object, str]] = []
    role_docs: list[tuple[_Checker, LineDict]] = []
    posting_docs: list[tuple[_Checker, LineDict]] = []
    # Ids that a broken file probably defines (roles/<id>.yaml): references to them are not
    # reported again as "unknown role id", so the file's own problem is not buried.
    unusable: set[str] = set()
    sources_seen = False

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
        elif K_POSTINGS in data:
            check.keys(data, frozenset({K_POSTINGS, K_NOTE}), "a postings file")
            note = check.string(data, K_NOTE, "postings file", required=False) or note
            posting_docs.append((check, data))
        elif K_ID in data:
            role_docs.append((check, data))
        else:
            check.add(data, "unknown knowledge file: expected top-level 'sources:', 'postings:' or a role with 'id:' and 'name:'")

    for check, data in role_docs:
        before = len(problems)
        role = _read_role(check, data, source_refs, role_refs)
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
    for check, where, ref in source_refs:
        if ref not in sources:
            check.add(where, f"unknown source id {ref!r} (known: {', '.join(sorted(sources)) or 'none'})")
    for check, where, ref in role_refs:
        if ref not in roles and ref not in unusable:
            check.add(where, f"unknown role id {ref!r} (known: {', '.join(sorted(roles)) or 'none'})")
    _check_aliases(roles, role_docs, problems)
    if not role_docs and not unusable:
        problems.append(Problem(directory, 1, "no role files found: expected YAML files with 'id:' and 'name:' (e.g. roles/<id>.yaml)"))
    if not sources_seen and "sources" not in unusable:
        problems.append(Problem(directory, 1, "no sources file found: expected a YAML file with a top-level 'sources:' list (sources.yaml)"))
    if problems:
        return None, problems
    kb = KnowledgeBase(
        sources=MappingProxyType(sources),
        roles=MappingProxyType(roles),
        postings=tuple(postings),
        postings_note=note,
    )
    return kb, problems


def _read_sources(
    check: _Checker, data: LineDict, out: dict[str, Source], role_refs: list[tuple[_Checker, object, str]]
) -> None:
    items = data.get(K_SOURCES)
    if not isinstance(items, list) or not items:
        check.add(data, "'sources' must be a non-empty list")
        return
    for item in items:
        entry = check.mapping(item, "a source", items)
        if entry is None:
            continue
        check.keys(entry, SOURCE_KEYS, "a source")
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


def _read_fact(
    check: _Checker, item: object, where: object, what: str,
    source_refs: list[tuple[_Checker, object, str]],
    role_refs: list[tuple[_Checker, object, str]],
) -> Fact | None:
    entry = check.mapping(item, what, where)
    if entry is None:
        return None
    check.keys(entry, FACT_KEYS, what)
    text = check.string(entry, K_TEXT, what, required=False)
    group = check.string(entry, K_GROUP, what, required=False)
    items = check.strings(entry, K_ITEMS, what, required=False)
    if text is None and group is None:
        check.add(entry, f"{what} needs 'text' or 'group' + 'items'")
        return None
    srcs = check.strings(entry, K_SOURCES, what)
    if not srcs:
        check.add(entry, f"{what} must name at least one source")
        return None
    source_refs.extend((check, entry, s) for s in srcs)
    vs = check.string(entry, K_VS, what, required=False)
    if vs is not None:
        role_refs.append((check, entry, vs))
    step = entry.get(K_STEP)
    if step is not None and (not isinstance(step, int) or isinstance(step, bool)):
        check.add(entry, f"{what}: 'step' must be an integer")
        step = None
    return Fact(
        sources=srcs, text=text, group=group, items=items, vs=vs,
        figure=_scalar_str(entry.get(K_FIGURE)), period=_scalar_str(entry.get(K_PERIOD)),
        scope=_scalar_str(entry.get(K_SCOPE)), step=step,
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


def _read_role(
    check: _Checker, data: LineDict,
    source_refs: list[tuple[_Checker, object, str]],
    role_refs: list[tuple[_Checker, object, str]],
) -> Role | None:
    check.keys(data, ROLE_KEYS, "a role file")
    rid = check.string(data, K_ID, "role")
    name = check.string(data, K_NAME, "role")
    if rid is None or name is None:
        return None
    plural = check.string(data, K_PLURAL, "role", required=False) or name + "s"
    aliases = check.strings(data, K_ALIASES, "role", required=False)
    summary = check.string(data, K_SUMMARY, "role", required=False) or ""
    summary_sources = check.strings(data, K_SUMMARY_SOURCES, "role", required=False)
    source_refs.extend((check, data, s) for s in summary_sources)
    facts: dict[str, tuple[Fact, ...]] = {}
    raw_facts = data.get(K_FACTS) or LineDict()
    fact_map = check.mapping(raw_facts, "'facts'", data)
    if fact_map is not None:
        for topic, items in fact_map.items():
            if topic not in ROLE_TOPICS:
                check.add(fact_map, f"unknown topic {topic!r} (known: {', '.join(ROLE_TOPICS)})")
                continue
            if not isinstance(items, list):
                check.add(fact_map, f"facts for {topic!r} must be a list")
                continue
            read = (
                _read_fact(check, item, items, f"a {topic} fact", source_refs, role_refs)
                for item in items
            )
            facts[topic] = tuple(f for f in read if f is not None)
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
            source_refs.extend((check, m, s) for s in srcs)
            silent[topic] = Silence(topic, note, srcs)
    for topic in ROLE_TOPICS:
        if not facts.get(topic) and topic not in silent:
            check.add(data, f"role {rid!r} has no facts for topic {topic!r}; add facts or record it under 'silent'")
    return Role(
        id=rid, name=name, plural=plural, aliases=aliases, summary=summary,
        summary_sources=summary_sources, facts=MappingProxyType(facts),
        silent=MappingProxyType(silent),
    )


def _read_postings(
    check: _Checker, data: LineDict,
    source_refs: list[tuple[_Checker, object, str]],
    role_refs: list[tuple[_Checker, object, str]],
) -> list[tuple[Posting, LineDict]]:
    items = data.get(K_POSTINGS)
    if not isinstance(items, list):
        check.add(data, "'postings' must be a list")
        return []
    out: list[tuple[Posting, LineDict]] = []
    for item in items:
        entry = check.mapping(item, "a posting", items)
        if entry is None:
            continue
        check.keys(entry, POSTING_KEYS, "a posting")
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
