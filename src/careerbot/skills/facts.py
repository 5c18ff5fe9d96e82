"""Topic answers built from distinct points and named things, and their quotes.

One role on one topic (:func:`render_role_topic`): a heading and a one-line lead, then each point
or named thing once (tools grouped by careerbot's own categories; a skill with the tools the
article names for it), each line followed by the markers of the articles behind it (``[1][2]``),
and the article list at the end: at most :data:`MAX_TOPIC_LINES` lines, the article list included.
Outlook figures carry their period, scope and article; silences say "the articles don't say".

:func:`render_quotes` expands an answer to the articles' own sentences, per article.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..data.knowledge import TOPIC_TITLES, KnowledgeBase, Point, Quote, Role, ThingLink, alias_key
from .answer import Answer
from .cite import Citations
from .data_types import (
    PointData,
    QuoteData,
    QuotesArticleData,
    QuotesData,
    SourceRefData,
    ThingData,
    TopicData,
)
from .wording import TEMPLATES, count, join_names

__all__ = [
    "MAX_QUOTES",
    "MAX_TOPIC_LINES",
    "TOOL_KINDS",
    "Item",
    "bullet",
    "category_label",
    "grouped_items",
    "industry_line",
    "point_data",
    "render_category",
    "render_quotes",
    "render_role_topic",
    "role_items",
    "source_refs",
    "tell",
    "thing_data",
]

#: The longest one role x one topic answer, in lines, the article list included.
MAX_TOPIC_LINES = 14
#: Lines of a topic answer that are not items: heading, lead and article list.
_FRAME = 3
#: Quotes shown at most when an answer is expanded.
MAX_QUOTES = 40
#: Kinds of named things that are tools (the rest are skill areas, fields, degrees, ...).
TOOL_KINDS = frozenset({"tool", "language"})


def tell(name: str, /, **values: object) -> str:
    """The template ``name`` of :data:`~careerbot.skills.wording.TEMPLATES`, filled with ``values``."""
    return TEMPLATES[name].safe_substitute(**{k: str(v) for k, v in values.items()})


@dataclass(frozen=True)
class Item:
    """One line of an answer: its text, the articles behind it and the things it names."""

    text: str
    sources: tuple[str, ...]
    things: tuple[str, ...] = ()


def category_label(category: str) -> str:
    """A category as a line label ("big data" -> "Big data")."""
    return category[:1].upper() + category[1:]


def _union(groups: Iterable[Iterable[str]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s for group in groups for s in group))


def grouped_items(kb: KnowledgeBase, links: Sequence[ThingLink], *, labels: bool = True) -> list[Item]:
    """Links grouped by their thing's category, first-seen order: "Big data: Apache Hadoop, Kafka"
    (without the label when ``labels`` is false)."""
    groups: dict[str, list[ThingLink]] = {}
    for link in links:
        thing = kb.things.get(link.thing)
        if thing is not None:
            groups.setdefault(thing.category, []).append(link)
    out: list[Item] = []
    for category, members in groups.items():
        all_names = [kb.things[lk.thing].name for lk in members]
        # A thing named like its category ("Version control") is named by the label itself.
        key = alias_key(category)
        names = [n for n in all_names if n.casefold() != key] if labels else all_names
        if not labels:
            text = ", ".join(names)
        elif names:
            text = f"{category_label(category)}: {', '.join(names)}"
        else:
            text = all_names[0]
        out.append(Item(text, _union(lk.sources for lk in members), tuple(lk.thing for lk in members)))
    return out


def _skill_items(kb: KnowledgeBase, role: Role) -> list[Item]:
    """Each skill point as the skills it names, then the tools the article gives for them
    ("ETL: Apache Airflow, Apache NiFi"); every thing once; links no point names at the end."""
    links = {lk.thing: lk for lk in role.things.get("skills", ())}
    shown: set[str] = set()
    out: list[Item] = []
    for point in role.points.get("skills", ()):
        if not point.things:
            out.append(Item(point.text, point.sources))
            continue
        ids = [t for t in point.things if t in kb.things and t not in shown]
        if not ids:
            continue
        shown.update(ids)
        skills = [kb.things[t].name for t in ids if kb.things[t].kind not in TOOL_KINDS]
        tools = [kb.things[t].name for t in ids if kb.things[t].kind in TOOL_KINDS]
        # Tools the point names with no skill area: labelled by careerbot's category, as in tools answers.
        label = ", ".join(skills) or category_label(kb.things[ids[0]].category)
        text = f"{label}: {', '.join(tools)}" if tools else label
        sources = _union(links[t].sources if t in links else point.sources for t in ids)
        out.append(Item(text, sources, tuple(ids)))
    out.extend(grouped_items(kb, [lk for t, lk in links.items() if t not in shown]))
    return out


def _figure_text(kb: KnowledgeBase, role: Role, point: Point) -> str:
    titles = "; ".join(kb.source_titles(point.sources))
    return tell("figure", figure=point.figure, period=point.period or "", scope=point.scope or role.plural,
                title=titles).strip()


def _point_items(kb: KnowledgeBase, role: Role, topic: str) -> list[Item]:
    points = list(role.points.get(topic, ()))
    if topic == "getting_started":
        points.sort(key=lambda p: (p.step is None, p.step or 0))
    out: list[Item] = []
    for point in points:
        if point.figure is not None:
            text = _figure_text(kb, role, point)
        elif point.vs is not None:
            other = kb.roles[point.vs].plural if point.vs in kb.roles else point.vs
            text = tell("vs_point", other=other, text=point.text)
        else:
            text = point.text
        out.append(Item(text, point.sources, point.things))
    return out


def _tool_items(kb: KnowledgeBase, role: Role) -> list[Item]:
    """The tools grouped by category, then the programming languages the role's skills name that
    its tools do not ("Strong programming skills in Python or R" among a DSE's skills)."""
    links = role.things.get("tools", ())
    items = grouped_items(kb, links)
    listed = {lk.thing for lk in links}
    languages = [
        lk for lk in role.things.get("skills", ())
        if lk.thing not in listed and lk.thing in kb.things and kb.things[lk.thing].kind == "language"
    ]
    if languages:
        names = ", ".join(kb.things[lk.thing].name for lk in languages)
        items.append(Item(
            tell("skill_languages", names=names), _union(lk.sources for lk in languages),
            tuple(lk.thing for lk in languages),
        ))
    return items


def industry_line(kb: KnowledgeBase, link: ThingLink) -> str:
    """A sector's line in a role's industries ("Finance: risk assessment, fraud detection, ..."):
    the article's own name for it when that says more ("Finance and banking"), then what the role
    does there."""
    thing = kb.things[link.thing]
    name = next((q.label for q in link.quotes if q.label and thing.name.casefold() in q.label.casefold()), thing.name)
    return f"{name}: {', '.join(link.uses)}" if link.uses else name


def _industry_items(kb: KnowledgeBase, role: Role) -> list[Item]:
    return [
        Item(industry_line(kb, link), link.sources, (link.thing,))
        for link in role.things.get("industries", ()) if link.thing in kb.things
    ]


def role_items(kb: KnowledgeBase, role: Role, topic: str) -> list[Item]:
    """The lines of ``role``'s answer on ``topic``, each point or named thing once (empty when the
    articles are silent)."""
    if topic == "tools":
        return _tool_items(kb, role)
    if topic == "skills":
        return _skill_items(kb, role)
    if topic == "industries":
        return [*_point_items(kb, role, topic), *_industry_items(kb, role)]
    return _point_items(kb, role, topic)


def _lead(kb: KnowledgeBase, role: Role, topic: str, items: Sequence[Item]) -> str:
    articles = count(len(_union(i.sources for i in items)), "article")
    if topic in ("tools", "skills"):
        things = [kb.things[t] for i in items for t in i.things if t in kb.things]
        if topic == "tools":
            languages = any(t.kind == "language" for t in things)
            noun = f"{len(things)} tools and languages" if languages else count(len(things), "tool")
            return tell("lead_tools", n=noun, articles=articles)
        tools = any(t.kind in TOOL_KINDS for t in things)
        noun = f"{len(things)} skills and tools" if tools else count(len(things), "skill")
        return tell("lead_skills", n=noun, articles=articles)
    figures = {(p.figure, p.period, p.scope) for p in role.points.get(topic, ()) if p.figure is not None}
    if len(figures) > 1:
        return tell("lead_figures", n=len(figures), articles=articles)
    return tell("lead_points", n=count(len(items), "point"), articles=articles)


def point_data(point: Point) -> PointData:
    """A point as plain data."""
    return {
        "text": point.text, "sources": list(point.sources), "vs": point.vs, "step": point.step,
        "figure": point.figure, "period": point.period, "scope": point.scope,
    }


def thing_data(kb: KnowledgeBase, thing_id: str, sources: Iterable[str], uses: Iterable[str] = ()) -> ThingData:
    """A role's named thing as plain data."""
    thing = kb.things[thing_id]
    return {
        "id": thing.id, "name": thing.name, "category": thing.category, "kind": thing.kind,
        "sources": list(dict.fromkeys(sources)), "uses": list(uses),
    }


def source_refs(kb: KnowledgeBase, cite: Citations, source_ids: Iterable[str]) -> list[SourceRefData]:
    """The articles cited, in marker order."""
    return [{"id": s, "n": cite.number(s) or 0, "title": kb.sources[s].title} for s in cite.ordered(source_ids)]


def bullet(cite: Citations, text: str, sources: Iterable[str]) -> str:
    """``- text [1][2]`` (joined directly: this runs for every line of every answer)."""
    refs = cite.refs(sources)
    return f"- {text} {refs}" if refs else f"- {text}"


def render_role_topic(kb: KnowledgeBase, role_id: str, topic: str) -> Answer:
    """One role on one topic, at most :data:`MAX_TOPIC_LINES` lines (see the module docstring)."""
    role = kb.roles[role_id]
    cite = Citations(kb)
    title = TOPIC_TITLES.get(topic, topic)
    lines = [tell("topic_heading", role=role.name, title=title)]
    items = role_items(kb, role, topic)
    silence = role.silent.get(topic) if not items else None
    room = MAX_TOPIC_LINES - _FRAME
    shown = items if len(items) <= room else items[: room - 1]
    if items:
        lines.append(_lead(kb, role, topic, items))
        lines.extend(bullet(cite, i.text, i.sources) for i in shown)
        if len(shown) < len(items):
            lines.append(tell("more_items", n=len(items) - len(shown)))
        cells = [i.text for i in items]
        sources = _union(i.sources for i in shown)
    elif silence is not None:
        lines.append(tell("silent", plural=role.plural, note=silence.note, title=title.lower()).strip())
        cells, sources = lines[1:], silence.sources
    else:
        lines.append(tell("no_facts", plural=role.plural, title=title.lower()))
        cells, sources = lines[1:], ()
    if sources:
        lines.append(cite.legend(sources))
    data: TopicData = {
        "kind": "topic", "topic": topic, "title": title, "role": role.id, "columns": [role.name],
        "rows": [{"topic": title, "cells": [cells]}],
        "points": [point_data(p) for p in role.points.get(topic, ())],
        "things": [thing_data(kb, lk.thing, lk.sources, lk.uses) for lk in role.things.get(topic, ())
                   if lk.thing in kb.things],
        "silent": silence.note if silence is not None else None,
        "sources": source_refs(kb, cite, sources),
    }
    return Answer("\n".join(lines), dict(data), tuple(cite.ordered(sources)))


def render_category(kb: KnowledgeBase, role_ids: Sequence[str], category: str) -> Answer | None:
    """One kind of tool for each role, as its tools answer has it ("and cloud?" after the ETL tools:
    "- Data Engineer: Cloud: AWS, Microsoft Azure [1]"); ``None`` when no role's articles list one."""
    cite = Citations(kb)
    lines: list[str] = []
    sources: list[str] = []
    things: list[ThingData] = []
    cells: list[list[str]] = []
    for rid in role_ids:
        role = kb.roles[rid]
        cell: list[str] = []
        for item in _tool_items(kb, role):
            if any(t in kb.things and kb.things[t].category == category for t in item.things):
                lines.append(bullet(cite, f"{role.name}: {item.text}", item.sources))
                cell.append(item.text)
                sources.extend(item.sources)
                things.extend(thing_data(kb, t, item.sources) for t in item.things if t in kb.things)
        cells.append(cell)
    if not lines:
        return None
    title = TOPIC_TITLES["tools"]
    lines.append(cite.legend(sources))
    data: TopicData = {
        "kind": "topic", "topic": "tools", "title": title, "role": role_ids[0], "columns": [kb.roles[r].name for r in role_ids],
        "rows": [{"topic": title, "cells": cells}], "points": [], "things": things,
        "silent": None, "sources": source_refs(kb, cite, sources),
    }
    return Answer("\n".join(lines), dict(data), tuple(cite.ordered(sources)))


def _quotes(role: Role, topic: str, others: Sequence[str]) -> list[Quote]:
    points = role.points.get(topic, ())
    if topic == "differences" and others:
        points = tuple(p for p in points if p.vs in others)
    quotes = [q for p in points for q in p.quotes]
    quotes.extend(q for lk in role.things.get(topic, ()) for q in lk.quotes)
    return quotes


def render_quotes(kb: KnowledgeBase, role_ids: Sequence[str], topic: str) -> Answer:
    """The answer on ``topic`` for ``role_ids`` expanded to the sentences behind it, per article
    (each sentence once, with the roles it was quoted for when there are several). A comparison
    (``differences``) shows what the articles say sets the roles apart, or, when no article compares
    them, what each says the roles are (``data["topic"]`` is then ``definition``). At most
    :data:`MAX_QUOTES` quotes."""
    roles = [r for r in dict.fromkeys(role_ids) if r in kb.roles]
    cite = Citations(kb)
    topics = [topic]
    if topic == "differences" and len(roles) > 1:
        topics.append("definition")
    per_source: dict[str, dict[str, list[str]]] = {}
    texts: dict[str, str] = {}
    used = topic
    for t in topics:
        used = t
        for rid in roles:
            others = [r for r in roles if r != rid]
            for quote in _quotes(kb.roles[rid], t, others):
                key = alias_key(quote.text)
                texts.setdefault(key, quote.text)
                who = per_source.setdefault(quote.source, {}).setdefault(key, [])
                if rid not in who:
                    who.append(rid)
        if per_source:
            break  # the differences the articles state; the definitions only when there are none
    title = TOPIC_TITLES.get(used, used)
    subject = join_names([kb.roles[r].name for r in roles])
    lines = [tell("quotes_heading", subject=subject, title=title)]
    articles: list[QuotesArticleData] = []
    total = sum(len(v) for v in per_source.values())
    shown = 0
    for sid in cite.ordered(per_source):
        if shown >= MAX_QUOTES:
            break
        n = cite.number(sid) or 0
        lines.append(tell("quotes_article", n=n, title=kb.sources[sid].title))
        quotes: list[QuoteData] = []
        for key, who in per_source[sid].items():
            if shown >= MAX_QUOTES:
                break
            shown += 1
            if len(who) < len(roles):  # said of some of the roles only: say which
                plurals = join_names([kb.roles[r].plural for r in who])
                lines.append(tell("quote_roles", text=texts[key], roles=plurals))
            else:
                lines.append(tell("quote", text=texts[key]))
            quotes.append({"text": texts[key], "roles": list(who)})
        articles.append({"id": sid, "n": n, "title": kb.sources[sid].title, "quotes": quotes})
    if not per_source:
        lines.append(tell("quotes_none"))
    elif shown < total:
        lines.append(tell("quotes_more", n=total - shown))
    data: QuotesData = {
        "kind": "quotes", "topic": used, "roles": roles, "articles": articles, "total": total, "shown": shown,
    }
    return Answer("\n".join(lines), dict(data), tuple(a["id"] for a in articles))
