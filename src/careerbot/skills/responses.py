"""Answer templates, filled from the knowledge base: small talk, clarifications, fallbacks, sources
and the entry points of topic answers (:mod:`careerbot.skills.facts`) and comparisons
(:mod:`careerbot.skills.compare`).

Templates are :class:`string.Template` strings written here, never user text; values
(which may include words the user typed, such as an occupation name) are substituted
with ``safe_substitute``, which never interprets them. Each ``render_*`` function
returns an :class:`Answer`: text, structured data and the source ids behind it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..data.knowledge import TOPIC_TITLES, KnowledgeBase, Posting
from .answer import Answer
from .compare import render_compare, render_topic_compare
from .facts import render_role_topic
from .wording import TEMPLATES, TOPIC_QUESTIONS, UNSAID_SUBJECTS, count, join_names, topic_question

__all__ = [
    "Answer",
    "render_clarify",
    "render_compare",
    "render_fallback",
    "render_list_roles",
    "render_not_covered",
    "render_salary",
    "render_skipped",
    "render_small_talk",
    "render_sources",
    "render_topic",
    "render_uncovered",
]


def render_topic(kb: KnowledgeBase, role_ids: Sequence[str], topic: str) -> Answer:
    """The answer on ``topic`` for one role (:func:`careerbot.skills.facts.render_role_topic`) or
    several (:func:`careerbot.skills.compare.render_topic_compare`); ``salary``: featured postings."""
    if topic == "salary":
        return render_salary(kb, role_ids)
    roles = [r for r in dict.fromkeys(role_ids) if r in kb.roles]
    if not roles:
        return render_clarify(kb, topic)
    if len(roles) > 1:
        return render_topic_compare(kb, roles, topic)
    return render_role_topic(kb, roles[0], topic)


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


def render_not_covered(
    kb: KnowledgeBase, role_ids: Sequence[str], nearest: str | None, *, subject: str | None = None
) -> Answer:
    """An in-domain question the articles don't answer: say so, then what they do cover.

    ``nearest`` is the topic the question comes closest to, if any; ``subject`` (a key of
    :data:`UNSAID_SUBJECTS`) what it is about, when that is known ("age")."""
    roles = [kb.roles[r] for r in role_ids if r in kb.roles]
    if roles and subject in UNSAID_SUBJECTS:
        lines = [TEMPLATES["not_covered_about"].safe_substitute(
            subject=UNSAID_SUBJECTS[str(subject)], plural=join_names([r.plural for r in roles])
        )]
    elif roles:
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


#: Words that join a part to the one before ("and", "also, ..."), left out when the part is quoted.
_CONNECTIVE = re.compile(r"^(?:(?:and|also|plus|but|so|oh|btw|anyway)\b[\s,]*)+", re.IGNORECASE)


def render_skipped(part: str) -> Answer:
    """One line for an out-of-scope question asked next to others ("what's the weather in Nairobi,
    and what does a DSE do?"): it is not answered, and the reply says so instead of dropping it."""
    text = _CONNECTIVE.sub("", " ".join(part.split())).rstrip("?!.,; ")
    if len(text) > 80:
        text = text[:77].rstrip() + "..."
    return Answer(TEMPLATES["skipped_part"].safe_substitute(part=text), {"kind": "skipped", "part": text}, ())


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

