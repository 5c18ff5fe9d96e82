"""Comparisons of roles, from their distinct points and named things.

- Two roles (:func:`render_compare`, at most :data:`MAX_PAIR_LINES` lines): the article that compares
  exactly that pair first, with the differences it states (or the plain note that no article compares
  them), each role in one line, then what the two share and what only one has for skills, tools,
  education and industries, computed from the named things.
- Several roles on one topic (:func:`render_topic_compare`): two roles share / only-one for the
  topics of named things and each role's points otherwise; three to five at most
  :data:`MAX_TABLE_LINES` lines.
- Three to five roles (:func:`render_table`): one table of the main points (``data["columns"]`` /
  ``data["rows"]``), one line per role and topic, and an offer of detail.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from ..data.knowledge import TOPIC_TITLES, KnowledgeBase, Point, Role, ThingLink, alias_key
from .answer import Answer
from .cite import Citations
from .data_types import ComparisonData, PointData, RowData, SharedThingsData, ThingData
from .facts import Item, bullet, grouped_items, point_data, role_items, source_refs, tell, thing_data
from .wording import join_names

__all__ = [
    "MAIN_TOPICS",
    "MAX_PAIR_LINES",
    "MAX_TABLE_LINES",
    "THING_ROWS",
    "SalaryCell",
    "held_things",
    "pair_articles",
    "render_compare",
    "render_table",
    "render_topic_compare",
    "stated_differences",
]

MAX_PAIR_LINES = 30
MAX_TABLE_LINES = 45
#: The rows of a table of the main points, when no topics are asked for.
MAIN_TOPICS: tuple[str, ...] = ("definition", "skills", "tools", "education", "industries", "salary")
#: Which kinds of named things each comparison row holds (a thing is in one row only).
THING_ROWS: tuple[tuple[str, frozenset[str]], ...] = (
    ("skills", frozenset({"skill"})),
    ("tools", frozenset({"tool", "language"})),
    ("education", frozenset({"field", "degree", "certification"})),
    ("industries", frozenset({"industry"})),
)
_KINDS: Mapping[str, frozenset[str]] = MappingProxyType(dict(THING_ROWS))
_ANY_KIND = frozenset(k for _, kinds in THING_ROWS for k in kinds)
#: The topics whose things a comparison row collects, tools first (their order is the tools answer's).
_ALL_THING_TOPICS = ("tools", "skills", "education", "industries")

#: A salary cell of a table for one role: the line shown, the cell's lines, the postings' sources.
SalaryCell = Callable[[str], tuple[str, list[str], tuple[str, ...]]]


@dataclass(frozen=True)
class _Held:
    """A role's named thing, merged over the topics that link it."""

    thing: str
    sources: tuple[str, ...]
    uses: tuple[str, ...]


def held_things(kb: KnowledgeBase, role: Role, kinds: frozenset[str], topics: Sequence[str]) -> dict[str, _Held]:
    """The things of ``kinds`` that ``role`` links under ``topics``, each once with all its sources."""
    sources: dict[str, dict[str, None]] = {}
    uses: dict[str, dict[str, None]] = {}
    for topic in topics:
        for link in role.things.get(topic, ()):
            thing = kb.things.get(link.thing)
            if thing is None or thing.kind not in kinds:
                continue
            sources.setdefault(thing.id, {}).update(dict.fromkeys(link.sources))
            if link.uses:
                uses.setdefault(thing.id, {}).update(dict.fromkeys(link.uses))
    return {t: _Held(t, tuple(srcs), tuple(uses.get(t, ()))) for t, srcs in sources.items()}


def pair_articles(kb: KnowledgeBase, role_ids: Sequence[str]) -> list[str]:
    """Ids of the articles that compare exactly these roles."""
    wanted = set(role_ids)
    return [s.id for s in kb.sources.values() if set(s.roles) == wanted]


def stated_differences(kb: KnowledgeBase, role_ids: Sequence[str]) -> list[Point]:
    """The differences points the roles' files state against each other, each text once."""
    seen: set[str] = set()
    out: list[Point] = []
    for rid in role_ids:
        for point in kb.roles[rid].points.get("differences", ()):
            key = alias_key(point.text)
            if point.vs in role_ids and point.vs != rid and key not in seen:
                seen.add(key)
                out.append(point)
    return out


def _names(kb: KnowledgeBase, things: Sequence[_Held]) -> str:
    return ", ".join(kb.things[h.thing].name for h in things)


def _sources(*groups: Sequence[_Held]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s for group in groups for h in group for s in h.sources))


def _data(kb: KnowledgeBase, things: Sequence[_Held]) -> list[ThingData]:
    return [thing_data(kb, h.thing, h.sources, h.uses) for h in things]


def _split(
    kb: KnowledgeBase, roles: Sequence[str], topic: str, every: Mapping[str, dict[str, _Held]], kinds: frozenset[str]
) -> tuple[dict[str, dict[str, _Held]], list[_Held], list[str], SharedThingsData]:
    """Each role's things of ``kinds`` (out of ``every``, its held things), the things all roles
    share (with every role's sources), the silent roles, and the row's data."""
    held = {r: {t: h for t, h in every[r].items() if kb.things[t].kind in kinds} for r in roles}
    silent = [r for r in roles if not held[r] and topic in kb.roles[r].silent]
    speaking = [r for r in roles if r not in silent]
    shared = [t for t in held[speaking[0]] if all(t in held[r] for r in speaking)] if len(speaking) > 1 else []
    merged = [
        _Held(t, tuple(dict.fromkeys(s for r in speaking for s in held[r][t].sources)),
              tuple(dict.fromkeys(u for r in speaking for u in held[r][t].uses)))
        for t in shared
    ]
    data: SharedThingsData = {
        "topic": topic, "title": TOPIC_TITLES.get(topic, topic), "shared": _data(kb, merged),
        "only": {r: _data(kb, [h for t, h in held[r].items() if t not in shared]) for r in speaking},
        "silent": silent,
    }
    return held, merged, silent, data


def _legend(cite: Citations, lines: list[str], sources: Sequence[str]) -> None:
    if sources:
        lines.append(cite.legend(sources))


def _comparison(
    kb: KnowledgeBase, roles: Sequence[str], topic: str | None, title: str, rows: list[RowData],
    *, compared_by: Sequence[str] = (), differences: Sequence[Point] = (),
    things: Sequence[SharedThingsData] = (), points: dict[str, list[PointData]] | None = None,
    sources: Sequence[str] = (), cite: Citations,
) -> dict[str, object]:
    data: ComparisonData = {
        "kind": "comparison", "topic": topic, "title": title, "roles": list(roles),
        "columns": [kb.roles[r].name for r in roles], "rows": rows, "compared_by": list(compared_by),
        "differences": [point_data(p) for p in differences], "things": list(things),
        "points": points or {}, "sources": source_refs(kb, cite, sources),
    }
    return dict(data)


# -- two roles --------------------------------------------------------------------------------


def render_compare(
    kb: KnowledgeBase, role_ids: Sequence[str], topics: Sequence[str] = (), *, brief: bool = False
) -> Answer:
    """Two roles compared (see the module docstring); three or more: :func:`render_table`.

    ``topics`` is what the caller asked to cover; the pair comparison always has the overview, the
    stated differences and the shared / only-one things for skills, tools, education and industries.
    ``brief`` ("the main difference?"): the text stops after the overview (``data`` is the same).
    """
    roles = [r for r in dict.fromkeys(role_ids) if r in kb.roles]
    if len(roles) != 2:
        return render_table(kb, roles, ())
    cite = Citations(kb)
    a, b = (kb.roles[r] for r in roles)
    title = tell("compare_heading", names=join_names([a.name, b.name], versus=True))
    lines = [title]
    sources: list[str] = []
    focus = pair_articles(kb, roles)
    diffs = [p for p in stated_differences(kb, roles) if not focus or set(p.sources) & set(focus)]
    if focus and diffs:
        lines.append(tell("cmp_pair", title=kb.sources[focus[0]].title, refs=cite.refs(focus)))
        lines.extend(bullet(cite, p.text, p.sources) for p in diffs[:6])
        sources.extend(s for p in diffs[:6] for s in p.sources)
        diff_cells = [p.text for p in diffs]
    else:
        # An article that compares the pair but states no differences is still named.
        note = (tell("cmp_pair_only", title=kb.sources[focus[0]].title, refs=cite.refs(focus)) if focus
                else tell("cmp_no_pair", plurals=join_names([a.plural, b.plural])))
        lines.append(note)
        sources.extend(focus)
        diff_cells = [note]
    lines.append(tell("cmp_short"))
    for role in (a, b):
        lines.append(tell("cmp_role", name=role.name, text=role.summary, refs=cite.refs(role.summary_sources)).rstrip())
        sources.extend(role.summary_sources)
    short, short_sources = len(lines), len(sources)
    rows: list[RowData] = [
        {"topic": TOPIC_TITLES["definition"], "cells": [[a.summary], [b.summary]]},
        {"topic": TOPIC_TITLES["differences"], "cells": [diff_cells, diff_cells]},
    ]
    shares: list[SharedThingsData] = []
    every = {r: held_things(kb, kb.roles[r], _ANY_KIND, _ALL_THING_TOPICS) for r in roles}
    for topic, kinds in THING_ROWS:
        held, both, silent, data = _split(kb, roles, topic, every, kinds)
        if not silent and not any(held.values()):
            continue  # neither role names anything of this kind (their points may say more)
        shared = {h.thing for h in both}
        shares.append(data)
        lines.append(TOPIC_TITLES[topic])
        if not silent:
            lines.append(bullet(cite, tell("cmp_both", items=_names(kb, both) or tell("cmp_nothing")), _sources(both)))
            sources.extend(_sources(both))
        cells: list[list[str]] = []
        for role in (a, b):
            if role.id in silent:
                lines.append("- " + tell("cmp_silent", plural=role.plural) + ".")
                sources.extend(role.silent[topic].sources)
                cells.append([tell("cell_silent")])
                continue
            own = [h for t, h in held[role.id].items() if t not in shared]
            items = _names(kb, own) or tell("cmp_nothing")
            lines.append(bullet(cite, tell("cmp_only", plural=role.plural, items=items), _sources(own)))
            sources.extend(_sources(own))
            cells.append([tell("cell_shared", items=_names(kb, both) or tell("cmp_nothing")),
                          tell("cell_only", items=items)])
        rows.append({"topic": TOPIC_TITLES[topic], "cells": cells})
    if brief:
        del lines[short:]
        del sources[short_sources:]
        lines.append(tell("cmp_offer_brief"))
    else:
        lines.append(tell("cmp_offer", example=f"{a.name} vs {b.name} tools"))
    _legend(cite, lines, sources)
    data_out = _comparison(
        kb, roles, None, title, rows, compared_by=focus, differences=diffs, things=shares,
        sources=sources, cite=cite,
    )
    return Answer("\n".join(lines), data_out, tuple(cite.ordered(sources)))


# -- several roles, one topic ----------------------------------------------------------------


def _fit(sections: list[tuple[str, list[str]]], room: int) -> list[str]:
    """Section headings and lines within ``room`` lines: the longest sections are cut first, each
    cut section ending with a "+N more" line."""
    keep = max((len(lines) for _, lines in sections), default=0)
    def size(k: int) -> int:
        return sum(1 + min(len(ls), k) + (1 if len(ls) > k else 0) for _, ls in sections)
    while keep > 1 and size(keep) > room:
        keep -= 1
    out: list[str] = []
    for heading, lines in sections:
        out.append(heading)
        out.extend(lines[:keep])
        if len(lines) > keep:
            out.append(tell("more_items", n=len(lines) - keep))
    return out


def _cells(kb: KnowledgeBase, role: Role, topic: str) -> list[str]:
    """A role's cell in a table row: its lines on the topic, or the recorded silence."""
    if topic == "definition" and role.summary:
        return [role.summary]
    lines = [i.text for i in role_items(kb, role, topic)]
    return lines or [tell("cell_silent")]


def render_topic_compare(kb: KnowledgeBase, role_ids: Sequence[str], topic: str) -> Answer:
    """Several roles on one topic (see the module docstring)."""
    roles = [r for r in dict.fromkeys(role_ids) if r in kb.roles]
    if topic == "differences":
        return render_compare(kb, roles) if len(roles) == 2 else render_table(kb, roles, ("definition", "differences"))
    cite = Citations(kb)
    limit = MAX_PAIR_LINES if len(roles) <= 2 else MAX_TABLE_LINES
    title = TOPIC_TITLES.get(topic, topic)
    names = [kb.roles[r].name for r in roles]
    lines = [tell("cmp_title", names=join_names(names, versus=True), title=title)]
    sources: list[str] = []
    sections: list[tuple[str, list[str]]] = []
    shares: list[SharedThingsData] = []
    points: dict[str, list[PointData]] = {}
    plural = {r: kb.roles[r].plural for r in roles}
    all_of = tell("cmp_both_heading") if len(roles) == 2 else tell("cmp_all_heading", n=len(roles))
    # Education for three or more roles is each role's own wording ("which needs the least?").
    if topic in _KINDS and not (topic == "education" and len(roles) > 2):
        every = {r: held_things(kb, kb.roles[r], _ANY_KIND, (topic,)) for r in roles}
        held, both, silent, data = _split(kb, roles, topic, every, _ANY_KIND)
        shared = {h.thing for h in both}
        shares.append(data)
        speaking = [r for r in roles if r not in silent]
        if both:
            sections.append((all_of, [bullet(cite, i.text, i.sources) for i in _group(kb, both, topic)]))
            sources.extend(_sources(both))
        elif len(speaking) > 1:
            nothing = tell("cmp_nothing")
            lines.append((tell("cmp_both", items=nothing) if len(roles) == 2
                          else tell("cmp_all", n=len(roles), items=nothing)) + ".")
        for r in roles:
            if r in silent:
                sections.append((tell("cmp_silent", plural=plural[r]) + ".", []))
                sources.extend(kb.roles[r].silent[topic].sources)
                continue
            own = [h for t, h in held[r].items() if t not in shared]
            if own:
                heading = (tell("cmp_only_heading", plural=plural[r]) if len(roles) == 2
                           else tell("cmp_also_heading" if both else "cmp_role_heading", name=kb.roles[r].name))
                sections.append((heading, [bullet(cite, i.text, i.sources) for i in _group(kb, own, topic)]))
                sources.extend(_sources(own))
    else:
        items = {r: role_items(kb, kb.roles[r], topic) for r in roles}
        common = [i for i in items[roles[0]] if all(any(alias_key(i.text) == alias_key(j.text) for j in items[r]) for r in roles)]
        keys = {alias_key(i.text) for i in common}
        if common and len(roles) > 1:
            sections.append((all_of, [bullet(cite, i.text, i.sources) for i in common]))
            sources.extend(s for i in common for s in i.sources)
        for r in roles:
            role = kb.roles[r]
            points[r] = [point_data(p) for p in role.points.get(topic, ())]
            rest = [i for i in items[r] if alias_key(i.text) not in keys]
            if not items[r]:
                silence = role.silent.get(topic)
                sections.append((tell("cmp_silent", plural=role.plural) + ".", []))
                if silence is not None:
                    sources.extend(silence.sources)
                continue
            if rest:
                sections.append((tell("cmp_role_heading", name=role.name), [bullet(cite, i.text, i.sources) for i in rest]))
                sources.extend(s for i in rest for s in i.sources)
    lines.extend(_fit(sections, limit - len(lines) - 1))
    _legend(cite, lines, sources)
    rows: list[RowData] = [{"topic": title, "cells": [_cells(kb, kb.roles[r], topic) for r in roles]}]
    data_out = _comparison(kb, roles, topic, title, rows, things=shares, points=points, sources=sources, cite=cite)
    return Answer("\n".join(lines), data_out, tuple(cite.ordered(sources)))


def _group(kb: KnowledgeBase, things: Sequence[_Held], topic: str) -> list[Item]:
    """Things as lines: by careerbot's category (industries in one line, with no label)."""
    links = [ThingLink(h.thing, h.sources, (), h.uses) for h in things]
    if topic == "industries":
        return grouped_items(kb, links, labels=False)
    return grouped_items(kb, links)


# -- three to five roles: the main points in one table ---------------------------------------


def _table_line(kb: KnowledgeBase, role: Role, topic: str) -> tuple[str, tuple[str, ...]]:
    """A role's main point on a topic, in one line, and its sources."""
    if topic == "definition" and role.summary:
        return role.summary, role.summary_sources
    if topic in _KINDS:
        held = list(held_things(kb, role, _KINDS[topic], _ALL_THING_TOPICS).values())
        if held:
            return _names(kb, held), _sources(held)
    else:
        items = role_items(kb, role, topic)
        if items:
            first = items[0].text
            text = tell("table_more", text=first, n=len(items) - 1) if len(items) > 1 else first
            return text, items[0].sources
    silence = role.silent.get(topic)
    return tell("cell_silent"), silence.sources if silence is not None else ()


def render_table(
    kb: KnowledgeBase, role_ids: Sequence[str], topics: Sequence[str], *, salary: SalaryCell | None = None
) -> Answer:
    """The roles (columns) by topics (rows), main points only: one line per role and topic, then an
    offer of detail. No topics: :data:`MAIN_TOPICS` (salary only when ``salary`` renders it). At most
    :data:`MAX_TABLE_LINES` lines (:data:`MAX_PAIR_LINES` for two roles): topics beyond that are left
    out, and the offer names the first of them."""
    roles = [r for r in dict.fromkeys(role_ids) if r in kb.roles]
    wanted = [t for t in dict.fromkeys(topics) if t in TOPIC_TITLES] or list(MAIN_TOPICS)
    wanted = [t for t in wanted if t != "salary" or salary is not None]
    # Within the line budget (a title, a heading and one line per role per topic, an offer and the
    # article list): topics that do not fit are left for the offer of detail.
    limit = MAX_PAIR_LINES if len(roles) <= 2 else MAX_TABLE_LINES
    fits = max(1, (limit - 3) // (1 + max(1, len(roles))))
    left = wanted[fits:]
    wanted = wanted[:fits]
    cite = Citations(kb)
    names = [kb.roles[r].name for r in roles]
    title = tell("table_title", names=join_names(names))
    lines = [title]
    rows: list[RowData] = []
    sources: list[str] = []
    for topic in wanted:
        lines.append(TOPIC_TITLES[topic])
        cells: list[list[str]] = []
        for rid in roles:
            role = kb.roles[rid]
            if topic == "salary" and salary is not None:
                text, cell, srcs = salary(rid)
            else:
                text, srcs = _table_line(kb, role, topic)
                cell = _cells(kb, role, topic)
            lines.append(tell("cmp_role", name=role.name, text=text, refs=cite.refs(srcs)).rstrip())
            sources.extend(srcs)
            cells.append(cell)
        rows.append({"topic": TOPIC_TITLES[topic], "cells": cells})
    if len(roles) > 1:
        pair = f"{names[0]} vs {names[1]}"
        other = next((t for t in (*left, "outlook", "responsibilities", "getting_started") if t not in wanted), "tools")
        lines.append(tell("table_offer", example=f"compare their {TOPIC_TITLES[other].lower()}", pair=pair))
    _legend(cite, lines, sources)
    single = len(wanted) == 1
    data_out = _comparison(
        kb, roles, wanted[0] if single else None, TOPIC_TITLES[wanted[0]] if single else title, rows,
        compared_by=pair_articles(kb, roles), sources=sources, cite=cite,
    )
    return Answer("\n".join(lines), data_out, tuple(cite.ordered(sources)))
