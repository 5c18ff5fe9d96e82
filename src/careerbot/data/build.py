"""Building the knowledge base from parsed documents: every file read, cross-references checked."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import PurePath
from types import MappingProxyType

from .checker import _Checker, _Refs
from .list_files import _read_postings, _read_sources, _read_things
from .model import Fact, KnowledgeBase, Posting, Role, Source, Thing
from .roles_file import _read_role
from .schema import K_ID, K_NOTE, K_POSTINGS, K_SOURCES, K_THINGS
from .topics import ROLE_TOPICS
from .yamlio import Document, LineDict, Problem, line_of

__all__ = ["build_knowledge"]


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
