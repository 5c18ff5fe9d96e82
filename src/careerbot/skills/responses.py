"""Answer templates, filled from the knowledge base.

Templates are :class:`string.Template` strings written here, never user text; values
(which may include words the user typed, such as an occupation name) are substituted
with ``safe_substitute``, which never interprets them. Each ``render_*`` function
returns an :class:`Answer`: text, structured data and the source ids behind it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..data.knowledge import TOPIC_TITLES, Fact, KnowledgeBase, Posting, Role
from .wording import TEMPLATES, TOPIC_QUESTIONS, count, join_names, topic_question

__all__ = [
    "Answer",
    "merge_facts",
    "render_clarify",
    "render_compare",
    "render_fallback",
    "render_list_roles",
    "render_not_covered",
    "render_overview",
    "render_rows",
    "render_salary",
    "render_small_talk",
    "render_sources",
    "render_topic",
    "render_uncovered",
]




@dataclass(frozen=True)
class Answer:
    """Rendered text plus structured data and the source ids it rests on."""

    text: str
    data: dict[str, Any] = field(default_factory=dict)
    source_ids: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()










def merge_facts(facts: Iterable[Fact]) -> tuple[list[str], list[str]]:
    """Lines for facts, with lists under the same label merged ("ETL tools: Apache Airflow,
    Apache NiFi" and "ETL tools: Apache NiFi, Talend" become one line) and repeated sentences
    dropped; plus the source ids of everything shown."""
    merged: dict[str, tuple[str | None, list[str], str | None]] = {}
    sources: list[str] = []
    for fact in facts:
        if fact.group is not None:
            key = "group:" + " ".join(fact.group.casefold().split())
            _, items, _ = merged.setdefault(key, (fact.group, [], None))
            known = {i.casefold() for i in items}
            items.extend(i for i in fact.items if i.casefold() not in known)
        else:
            key = "text:" + " ".join((fact.text or "").casefold().split())
            merged.setdefault(key, (None, [], fact.text))
        sources.extend(fact.sources)
    lines = [
        (f"{group}: {', '.join(items)}" if items else group) if group is not None else (text or "")
        for group, items, text in merged.values()
    ]
    return [line for line in lines if line], list(dict.fromkeys(sources))


def _role_facts(role: Role, topic: str, others: Sequence[str]) -> tuple[list[Fact], str | None]:
    facts = list(role.topic(topic))
    if topic == "differences" and others:
        focused = [f for f in facts if f.vs in others]
        facts = focused or facts
    if topic == "getting_started":
        facts.sort(key=lambda f: (f.step is None, f.step or 0))
    note = role.silent[topic].note if topic in role.silent and not facts else None
    return facts, note


def render_topic(
    kb: KnowledgeBase, role_ids: Sequence[str], topic: str, *, focus: Collection[str] = ()
) -> Answer:
    """Facts on ``topic`` for one or more roles (several roles = a side-by-side comparison).

    ``focus``: source ids to prefer; each role's facts are narrowed to them when that leaves some
    (a comparison of two roles quotes the article that compares those two).
    """
    if topic == "salary":
        return render_salary(kb, role_ids)
    title = TOPIC_TITLES.get(topic, topic)
    blocks: list[str] = []
    cells: dict[str, list[str]] = {}
    sources: list[str] = []
    for rid in role_ids:
        role = kb.roles[rid]
        others = [r for r in role_ids if r != rid]
        facts, note = _role_facts(role, topic, others)
        focused = [f for f in facts if focus and set(f.sources) & set(focus)]
        lines, fact_sources = merge_facts(focused or facts)
        heading = TEMPLATES["topic_heading"].safe_substitute(role=role.name, title=title)
        if lines:
            body = "\n".join(f"- {line}" for line in lines)
        elif note:
            body = TEMPLATES["silent"].safe_substitute(plural=role.plural, note=note, title=title.lower())
            lines = [body]
        else:
            body = TEMPLATES["no_facts"].safe_substitute(plural=role.plural, title=title.lower())
            lines = [body]
        blocks.append(f"{heading}\n{body}")
        cells[rid] = lines
        # Cite the articles behind what is shown (or behind the recorded silence).
        sources.extend(fact_sources if facts else role.sources_for(topic))
    if len(role_ids) > 1:
        blocks = _merge_shared(kb, role_ids, title, cells) or blocks
    data: dict[str, Any] = {
        "kind": "comparison" if len(role_ids) > 1 else "topic",
        "topic": topic,
        "title": title,
        "columns": [kb.roles[r].name for r in role_ids],
        "rows": [{"topic": title, "cells": [cells[r] for r in role_ids]}],
    }
    return Answer("\n\n".join(blocks), data, tuple(dict.fromkeys(sources)))


def _merge_shared(
    kb: KnowledgeBase, role_ids: Sequence[str], title: str, cells: Mapping[str, list[str]]
) -> list[str]:
    """Text blocks where lines every role shares (the articles often state a difference once,
    for both roles) are written once, under all the roles' names. Empty if nothing is shared."""
    def key(line: str) -> str:
        return " ".join(line.casefold().split())

    shared = set.intersection(*({key(line) for line in cells[r]} for r in role_ids))
    if not shared:
        return []
    blocks: list[str] = []
    for rid in role_ids:
        own = [line for line in cells[rid] if key(line) not in shared]
        if own:
            heading = TEMPLATES["topic_heading"].safe_substitute(role=kb.roles[rid].name, title=title)
            blocks.append(heading + "\n" + "\n".join(f"- {line}" for line in own))
    first = cells[role_ids[0]]
    names = join_names([kb.roles[r].name for r in role_ids])
    heading = TEMPLATES["topic_heading"].safe_substitute(role=names, title=title)
    blocks.append(heading + "\n" + "\n".join(f"- {line}" for line in first if key(line) in shared))
    return blocks


def render_overview(kb: KnowledgeBase, role_ids: Sequence[str]) -> Answer:
    """One summary sentence per role, for comparisons."""
    title = TOPIC_TITLES["definition"]
    lines = [f"- {kb.roles[r].name}: {kb.roles[r].summary}" for r in role_ids]
    cells = [[kb.roles[r].summary] for r in role_ids]
    sources = [s for r in role_ids for s in kb.roles[r].summary_sources]
    data = {"rows": [{"topic": title, "cells": cells}]}
    return Answer(f"{title}\n" + "\n".join(lines), data, tuple(dict.fromkeys(sources)))


def render_compare(kb: KnowledgeBase, role_ids: Sequence[str], topics: Sequence[str]) -> Answer:
    """A comparison of roles over several topics (overview + key differences by default).

    The overview is each role's one-line summary; other topics list the facts.
    """
    names = [kb.roles[r].name for r in role_ids]
    heading = TEMPLATES["compare_heading"].safe_substitute(names=join_names(names, versus=True))
    parts = [heading]
    direct = any(
        f.vs in role_ids for r in role_ids for f in kb.roles[r].topic("differences") if f.vs != r
    )
    if "differences" in topics and not direct and len(role_ids) > 1:
        # No article compares these roles with each other: set their skills and tools side by side.
        parts.append(TEMPLATES["no_direct"].safe_substitute(names=join_names(names)))
        topics = list(dict.fromkeys([*(t for t in topics if t != "differences"), "skills", "tools"]))
    # The article(s) comparing exactly these roles, if any: their side-by-side facts come first.
    focus = [s.id for s in kb.sources.values() if set(role_ids) <= set(s.roles)]
    texts, rows, sources = render_rows(kb, role_ids, topics, focus=focus)
    data = {"kind": "comparison", "topic": None, "title": heading, "columns": names, "rows": rows}
    return Answer("\n\n".join(parts + texts), data, sources)


def render_rows(
    kb: KnowledgeBase,
    role_ids: Sequence[str],
    topics: Sequence[str],
    *,
    salary: Callable[[Sequence[str]], Answer] | None = None,
    focus: Collection[str] = (),
) -> tuple[list[str], list[dict[str, Any]], tuple[str, ...]]:
    """Each topic for the roles: its text block, its table row, and all source ids.

    The overview row is each role's one-line summary; ``salary`` renders the salary row when given.
    """
    texts: list[str] = []
    rows: list[dict[str, Any]] = []
    sources: list[str] = []
    for topic in topics:
        if topic == "salary" and salary is not None:
            answer = salary(role_ids)
        elif topic == "definition" and all(kb.roles[r].summary for r in role_ids):
            answer = render_overview(kb, role_ids)
        else:
            answer = render_topic(kb, role_ids, topic, focus=focus)
        texts.append(answer.text)
        rows.extend(answer.data["rows"])
        sources.extend(answer.source_ids)
    return texts, rows, tuple(dict.fromkeys(sources))


def _posting_line(p: Posting) -> str:
    return f"{p.title} @ {p.company} ({p.location}) - {p.contract_label}, {p.level}, {p.salary.text}"


def posting_dict(p: Posting) -> dict[str, Any]:
    """A posting as plain data."""
    return {
        "id": p.id, "title": p.title, "company": p.company, "location": p.location,
        "remote": p.remote, "contract": p.contract, "internship": p.internship, "level": p.level,
        "currency": p.salary.currency, "min": p.salary.min, "max": p.salary.max,
        "salary": p.salary.text, "closest_role": p.closest_role,
    }


def render_salary(kb: KnowledgeBase, role_ids: Sequence[str]) -> Answer:
    """Featured postings closest to each role (all postings when no role is given)."""
    note = TEMPLATES["salary_note"].safe_substitute()
    blocks: list[str] = []
    chosen: list[Posting] = []
    if role_ids:
        for rid in role_ids:
            role = kb.roles[rid]
            mine = [p for p in kb.postings if p.closest_role == rid]
            heading = TEMPLATES["topic_heading"].safe_substitute(
                role=role.name, title=TOPIC_TITLES["salary"]
            )
            if mine:
                body = "\n".join(f"- {_posting_line(p)}" for p in mine)
            else:
                body = TEMPLATES["salary_none"].safe_substitute(name=role.name)
            blocks.append(f"{heading}\n{body}")
            chosen.extend(mine)
    else:
        chosen = list(kb.postings)
        blocks.append("Featured job postings:\n" + "\n".join(f"- {_posting_line(p)}" for p in chosen))
    blocks.append(note)
    sources = [s for p in chosen for s in p.sources] or [s for p in kb.postings for s in p.sources]
    data = {
        "kind": "postings",
        "topic": "salary",
        "postings": [posting_dict(p) for p in chosen],
    }
    return Answer("\n\n".join(blocks), data, tuple(dict.fromkeys(sources)))


def _all_roles(kb: KnowledgeBase) -> str:
    return join_names([r.name for r in kb.roles.values()])


def render_clarify(kb: KnowledgeBase, topic: str) -> Answer:
    """Ask which role a topic question is about."""
    first = next(iter(kb.roles.values()))
    text = TEMPLATES["clarify"].safe_substitute(
        title=TOPIC_TITLES.get(topic, topic).lower(), roles=_all_roles(kb), example=first.name
    )
    suggestions = tuple(topic_question(topic, r) for r in kb.roles.values())[:3]
    return Answer(text, {"kind": "clarify", "topic": topic}, (), suggestions)


def render_not_covered(kb: KnowledgeBase, role_ids: Sequence[str], nearest: str | None) -> Answer:
    """An in-domain question the articles don't answer: say so, then what they do cover.

    ``nearest`` is the topic the question comes closest to, if any."""
    roles = [kb.roles[r] for r in role_ids if r in kb.roles]
    if roles:
        lines = [TEMPLATES["not_covered"].safe_substitute(plural=join_names([r.plural for r in roles]))]
    else:
        lines = [TEMPLATES["not_covered_any"].safe_substitute()]
    example = roles[0] if roles else next(iter(kb.roles.values()))
    if nearest is not None and nearest in TOPIC_QUESTIONS:
        lines.append(TEMPLATES["not_covered_nearest"].safe_substitute(
            title=TOPIC_TITLES.get(nearest, nearest).lower(), question=topic_question(nearest, example)
        ))
    else:
        topics = [TOPIC_TITLES[t].lower() for t in ("skills", "education", "tools", "industries", "outlook")]
        what = f"what {roles[0].plural} do" if len(roles) == 1 else f"what the roles ({_all_roles(kb)}) do"
        lines.append(TEMPLATES["not_covered_covers"].safe_substitute(what=what, topics=", ".join(topics)))
    suggestions = tuple(topic_question(t, example) for t in ("definition", "skills", "outlook") if t != nearest)
    data = {"kind": "not_covered", "roles": list(role_ids), "nearest": nearest}
    return Answer(" ".join(lines), data, (), suggestions[:3])


def _suggestions(
    kb: KnowledgeBase, role_ids: Sequence[str] = (), asked: Sequence[str] = ()
) -> tuple[str, ...]:
    """Questions to suggest: about the conversation's roles and topics not yet asked, when there are some."""
    roles = [kb.roles[r] for r in role_ids if r in kb.roles] or list(kb.roles.values())
    topics = [t for t in ("tools", "salary", "education", "skills", "outlook") if t not in asked]
    out = [topic_question(t, roles[i % len(roles)]) for i, t in enumerate(topics[:3])]
    others = [r for r in kb.roles.values() if r not in roles[:1]]
    if others:
        out.append(f"{roles[0].name} vs {others[0].name}")
    return tuple(out)


def render_fallback(
    kb: KnowledgeBase, *, empty: bool = False, repeated: bool = False,
    role_ids: Sequence[str] = (), asked: Sequence[str] = (),
) -> Answer:
    """Out of scope (or nothing to read, with ``empty``): one line on what the bot covers and two
    suggested questions from the conversation so far; ``repeated`` (the last reply was a fallback
    too) gives a shorter line and other suggestions, never the same block twice in a row."""
    suggestions = _suggestions(kb, role_ids, asked)
    if repeated:
        suggestions = suggestions[2:] + suggestions[:2]
    key = "empty" if empty else ("fallback_again" if repeated else "fallback")
    text = TEMPLATES[key].safe_substitute(
        roles=_all_roles(kb), first=suggestions[0], second=suggestions[1 % len(suggestions)]
    )
    return Answer(text, {"kind": "fallback"}, (), suggestions)


def render_uncovered(kb: KnowledgeBase, others: Sequence[str]) -> Answer:
    """The user asked about jobs careerbot does not cover."""
    plural = [o if o.endswith("s") else o + "s" for o in others]
    text = TEMPLATES["uncovered"].safe_substitute(others=join_names(plural), roles=_all_roles(kb))
    suggestions = _suggestions(kb)
    return Answer(text, {"kind": "uncovered", "others": list(others)}, (), suggestions)


def render_list_roles(kb: KnowledgeBase) -> Answer:
    lines = "\n".join(f"- {r.name}: {r.summary}" for r in kb.roles.values())
    text = TEMPLATES["list_roles"].safe_substitute(n=count(len(kb.roles), "role"), lines=lines)
    srcs = [s for r in kb.roles.values() for s in r.summary_sources]
    data = {"kind": "roles", "roles": [{"id": r.id, "name": r.name} for r in kb.roles.values()]}
    return Answer(text, data, tuple(dict.fromkeys(srcs)))


def render_sources(kb: KnowledgeBase) -> Answer:
    lines = []
    for s in kb.sources.values():
        date = f" ({s.date})" if s.date else ""
        lines.append(f"- {s.title}{date}")
    text = TEMPLATES["sources"].safe_substitute(n=count(len(kb.sources), "article"), lines="\n".join(lines))
    data = {
        "kind": "sources",
        "sources": [{"id": s.id, "title": s.title, "date": s.date, "file": s.file} for s in kb.sources.values()],
    }
    return Answer(text, data, tuple(kb.sources))


def render_small_talk(kb: KnowledgeBase, intent: str) -> Answer:
    """greet / thanks / goodbye / help."""
    roles = list(kb.roles.values())
    if intent == "help":
        examples = "\n".join(f"- {s}" for s in _suggestions(kb))
        topics = ", ".join(t.lower() for t in TOPIC_TITLES.values())
        text = TEMPLATES["help"].safe_substitute(
            roles=_all_roles(kb), topics=topics, examples=examples,
            n_sources=count(len(kb.sources), "article"),
        )
        return Answer(text, {"kind": "help"}, (), _suggestions(kb))
    template = TEMPLATES.get(intent, TEMPLATES["greet"])
    short = "data and ML careers" if len(roles) > 1 else roles[0].name
    text = template.safe_substitute(roles=_all_roles(kb), short=short)
    return Answer(text, {"kind": intent}, (), _suggestions(kb) if intent == "greet" else ())

