"""Answers that combine the roles: which roles the articles list a thing for, and rankings the
articles don't make ("which role needs the least education?")."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from ..data.knowledge import TOPIC_TITLES, KnowledgeBase, Point, Role, Thing, ThingLink
from ..nlu.cues import asks_as_skill
from ..nlu.keys import EDU_CUES
from ..nlu.normalize import tokenize
from ..nlu.words import NEED_WORDS, USE_WORDS
from .responses import Answer, render_topic
from .wording import TEMPLATES, join_names

__all__ = ["CERTIFICATION_WORDS", "LISTED_KINDS", "points_naming", "render_kind_elsewhere", "render_listed", "render_ranking", "render_roles_with", "render_unlisted", "thing_topic", "topic_of_kind"]


#: Kinds of named things a role "uses" or "needs" (not industries, which are where roles work).
LISTED_KINDS = frozenset({"tool", "language", "skill", "field", "degree", "certification"})
#: The topic each kind of thing is listed under.
_TOPIC_OF_KIND = {
    "tool": "tools", "language": "tools", "skill": "skills", "field": "education", "degree": "education",
    "certification": "education", "industry": "industries",
}


#: Words asking about certifications in general ("are certifications worth it?").
CERTIFICATION_WORDS = frozenset("certification certifications certificate certificates cert certs certified".split())


def points_naming(
    role: Role, wanted: Callable[[Sequence[str]], bool], *, skip: Collection[str]
) -> list[tuple[str, Point]]:
    """``role``'s points whose named things ``wanted`` accepts, with their topics (topics in ``skip`` left out)."""
    return [(t, point) for t, points in role.points.items() if t not in skip for point in points if wanted(point.things)]


def render_kind_elsewhere(
    kb: KnowledgeBase, role_ids: Sequence[str], kind: str, label: str, topic: str
) -> tuple[str, tuple[str, ...]]:
    """What the articles say about things of ``kind`` (certifications) outside ``topic``, for the
    roles whose ``topic`` names none: their points under other topics ("Consider certifications"
    among the tips), or that the articles name none. Returns the lines and their source ids;
    nothing when every role's ``topic`` names some already."""
    def of_kind(ids: Sequence[str]) -> bool:
        return any(t in kb.things and kb.things[t].kind == kind for t in ids)

    lines: list[str] = []
    sources: list[str] = []
    lacking: list[str] = []
    for rid in role_ids:
        role = kb.roles[rid]
        if of_kind(role.thing_ids(topic)):
            continue
        elsewhere = points_naming(role, of_kind, skip=(topic,))
        if not elsewhere:
            lacking.append(rid)
            continue
        for t, point in elsewhere:
            lines.append(TEMPLATES["kind_elsewhere"].safe_substitute(
                kind=label, plural=role.plural, title=TOPIC_TITLES.get(t, t), text=point.text
            ))
            sources.extend(point.sources)
    if lacking:
        plural = join_names([kb.roles[r].plural for r in lacking])
        others = [kb.roles[r].plural for r in kb.roles if r not in role_ids and of_kind(kb.roles[r].thing_ids())]
        if others:
            lines.append(TEMPLATES["kind_none_elsewhere"].safe_substitute(kind=label, plural=plural, others=join_names(others)))
        else:
            lines.append(TEMPLATES["kind_none"].safe_substitute(kind=label, plural=plural))
    return "\n".join(lines), tuple(dict.fromkeys(sources))


#: The topics where a role's named things are what it uses, needs or where it works (not the
#: differences, where "data engineers focus more on SQL" is said in the ML engineer's file too).
_LISTING_TOPICS = ("tools", "skills", "education", "industries", "getting_started", "responsibilities")


def _roles_listing(kb: KnowledgeBase, thing_id: str) -> list[str]:
    """The roles whose articles list ``thing_id`` as something they use, need or work in (also as
    the use of an industry: "Automotive (self-driving cars)" lists self-driving cars)."""
    return [rid for rid in kb.roles if _lists(kb, rid, thing_id) or _use_link(kb, rid, thing_id)]


def _lists(kb: KnowledgeBase, role_id: str, thing_id: str) -> bool:
    """Whether the role's articles name ``thing_id`` under a topic that lists things."""
    return any(thing_id in kb.roles[role_id].thing_ids(t) for t in _LISTING_TOPICS)


def _listed_as(kb: KnowledgeBase, role_id: str, thing: Thing) -> str:
    """How the articles list ``thing`` for the role: its name, or the industry whose use it is
    ("Automotive (self-driving cars)")."""
    if _lists(kb, role_id, thing.id):
        return thing.name
    used = _use_link(kb, role_id, thing.id)
    return used.quotes[0].text if used is not None and used.quotes else thing.name


def _use_link(kb: KnowledgeBase, role_id: str, thing_id: str) -> ThingLink | None:
    """The role's industry link whose use the article words as one of the thing's spellings."""
    links = kb.roles[role_id].things.get("industries", ())
    if not any(lk.uses for lk in links):
        return None
    spellings = {tuple(tokenize(s)) for s in kb.things[thing_id].spellings}
    return next((lk for lk in links if any(tuple(tokenize(u)) in spellings for u in lk.uses)), None)


def topic_of_kind(kind: str) -> str:
    """The topic a kind of named thing is listed under (tools for a tool, education for a degree)."""
    return _TOPIC_OF_KIND.get(kind, "tools")


#: Words weighing a thing beside the need words ("is SQL a big deal for them?", "is Java useless there?").
_WEIGHED = frozenset("useless enough worth".split())


def thing_topic(kb: KnowledgeBase, words: Sequence[str], thing: Thing, roles: Sequence[str] = ()) -> str:
    """The topic a question (its ``words``) about ``thing`` asks: where it is listed, except that a language the
    role needs is a skill ("does a DE need to know Scala?", "is Python obligatory?"), and so is a
    tool its skills name ("do DSEs need to know Tableau?"), while one they use or work with is a
    tool ("do they code in Python?")."""
    topic = topic_of_kind(thing.kind)
    if thing.kind == "skill" and not EDU_CUES.isdisjoint(words):
        return "education"  # "would a stats or physics grad be acceptable?": what they studied
    if thing.kind == "skill" and any(w in USE_WORDS and nxt == "for" for w, nxt in zip(words, words[1:])):
        return "tools"  # "what do they use for testing and CI?": the tools they use for it
    if thing.kind == "field" and any(w in ("work", "works", "working") and nxt == "in" for w, nxt in zip(words, words[1:])):
        return "industries"  # "do DSEs work in sports analytics?": a sector, not what they study
    if thing.kind == "field" and asks_as_skill(words) and any(
        lk.thing == thing.id for role in kb.roles.values() for lk in role.things.get("skills", ())
    ):
        # "is maths important for ML engineers?", "do u gotta be crazy good at math": a skill
        # (some role's skills name it), not a degree
        return "skills"
    weighed = not NEED_WORDS.isdisjoint(words) or not _WEIGHED.isdisjoint(words) or any(
        a == "big" and b == "deal" for a, b in zip(words, words[1:])
    )
    if not weighed or not USE_WORDS.isdisjoint(words):
        return topic
    if thing.kind == "language" or (thing.kind == "tool" and any(
        lk.thing == thing.id for r in roles if r in kb.roles for lk in kb.roles[r].things.get("skills", ())
    )):
        return "skills"
    return topic


def render_listed(kb: KnowledgeBase, role_ids: Sequence[str], things: Sequence[Thing], *, yes: bool = True) -> str:
    """Per role, the things the question names that the articles list for it (one line, "Yes: ..."
    when ``yes``, for a yes/no question), then one line per thing they don't (and for whom they do)."""
    lines: list[str] = []
    listing = {t.id: _roles_listing(kb, t.id) for t in things}
    # Roles the same things are listed for share one line ("... C++ for MLEs and ML SWEs").
    groups: dict[tuple[str, ...], list[str]] = {}
    for rid in role_ids:
        listed = tuple(_listed_as(kb, rid, t) for t in things if rid in listing[t.id])
        if listed:
            groups.setdefault(listed, []).append(kb.roles[rid].plural)
    template = TEMPLATES["term_yes" if yes else "term_listed"]
    for listed, plurals in groups.items():
        lines.append(template.safe_substitute(term=join_names(list(listed)), plural=join_names(plurals)))
    for thing in things:
        having = listing[thing.id]
        # (one line for all the roles it is not listed for: "... for DSEs or DEs; they list it for ...")
        missing = [kb.roles[rid].plural for rid in role_ids if rid not in having]
        if missing:
            others = [kb.roles[o].plural for o in having]
            template = TEMPLATES["term_no_elsewhere" if others else "term_no"]
            lines.append(template.safe_substitute(term=thing.name, plural=join_names(missing, "or"), others=join_names(others)))
    return "\n".join(lines)


def render_unlisted(kb: KnowledgeBase, role_ids: Sequence[str], names: Sequence[str]) -> str:
    """"The articles don't list Snowflake for Data Engineers." for names the articles never use."""
    plural = join_names([kb.roles[r].plural for r in role_ids])
    return TEMPLATES["unlisted"].safe_substitute(names=join_names(list(names)), plural=plural)


def render_roles_with(
    kb: KnowledgeBase, things: Sequence[Thing], *, among: Sequence[str] = ()
) -> tuple[Answer, tuple[str, ...], str]:
    """Which roles the articles list each named thing for ("which roles use Python?"); ``among``:
    only these roles ("which of them would know Kafka?").

    Returns the answer, the roles that have at least one of the things, and the topic asked about
    (tools for a tool, education for a degree, ...)."""
    pool = [r for r in kb.roles if not among or r in among]
    lines: list[str] = []
    having: list[str] = []
    others: list[str] = []  # roles outside ``among`` that have a thing none of ``among`` has
    data_things: list[dict[str, object]] = []
    sources: list[str] = []
    for thing in things:
        with_it = [r for r in _roles_listing(kb, thing.id) if r in pool]
        without = [rid for rid in pool if rid not in with_it]
        having.extend(r for r in with_it if r not in having)
        data_things.append({"id": thing.id, "name": thing.name, "roles": with_it})
        said: dict[str, tuple[str, str]] = {}  # role -> (topic, the first sentence that lists it)
        for rid in with_it:
            for topic in kb.roles[rid].things:
                link = kb.roles[rid].link(topic, thing.id)
                if link is not None:
                    sources.extend(link.sources)
                    said.setdefault(rid, (topic, link.quotes[0].text if link.quotes else ""))
            used = None if rid in said else _use_link(kb, rid, thing.id)
            if used is not None:
                sources.extend(used.sources)
                said[rid] = ("industries", used.quotes[0].text if used.quotes else "")
        if not with_it and among:
            # "which of the two needs distributed computing?": neither; say who does.
            elsewhere = [r for r in _roles_listing(kb, thing.id) if r not in pool]
            others.extend(r for r in elsewhere if r not in others)
            lines.append(TEMPLATES["roles_with_none_among"].safe_substitute(
                thing=thing.name, roles=join_names([kb.roles[r].plural for r in pool], "or"),
                elsewhere=TEMPLATES["roles_with_elsewhere"].safe_substitute(
                    roles=join_names([kb.roles[r].plural for r in elsewhere])
                ) if elsewhere else "",
            ))
        elif not with_it:
            lines.append(TEMPLATES["roles_with_none"].safe_substitute(thing=thing.name))
        elif not without and not among:
            lines.append(TEMPLATES["roles_with_all"].safe_substitute(thing=thing.name))
        elif not without and len(with_it) == 1:
            lines.append(TEMPLATES["roles_with_one"].safe_substitute(thing=thing.name, roles=kb.roles[with_it[0]].plural))
        elif not without:
            lines.append(TEMPLATES["roles_with_both"].safe_substitute(
                thing=thing.name, roles=join_names([kb.roles[r].plural for r in with_it])
            ))
        else:
            # Roles the articles say nothing about on that topic are not "without" it: "they name
            # no industries for Data Engineers".
            topic_of = topic_of_kind(thing.kind)
            silent = [r for r in without if topic_of in kb.roles[r].silent]
            listing = [r for r in without if r not in silent]
            line = TEMPLATES["roles_with"].safe_substitute(
                thing=thing.name,
                roles=join_names([kb.roles[r].plural for r in with_it]),
                others=join_names([kb.roles[r].plural for r in listing], "or"),
            ) if listing else TEMPLATES["roles_with_only"].safe_substitute(
                thing=thing.name, roles=join_names([kb.roles[r].plural for r in with_it])
            )
            if silent:
                line += " " + TEMPLATES["roles_with_silent"].safe_substitute(
                    topic=TOPIC_TITLES[topic_of].lower(), roles=join_names([kb.roles[r].plural for r in silent])
                )
                sources.extend(s for r in silent for s in kb.roles[r].silent[topic_of].sources)
            lines.append(line)
        if 0 < len(with_it) <= 2 and len(things) == 1:
            # Where each article says it, when few roles have it ("which one needs more math?": the
            # research engineer's "Strong mathematical foundation ...").
            lines.extend(_where_said(kb, rid, thing.id, said.get(rid)) for rid in with_it)
    topic = topic_of_kind(things[0].kind) if things else "tools"
    data = {"kind": "roles_with", "topic": topic, "things": data_things, "elsewhere": others}
    return Answer("\n".join(lines), data, tuple(dict.fromkeys(sources))), tuple(having), topic


def _where_said(kb: KnowledgeBase, role_id: str, thing_id: str, linked: tuple[str, str] | None) -> str:
    """One line: where the articles list ``thing_id`` for the role, and under which topic: the first
    quote of its link (``linked``), else the first of its points that names it ("Build a Strong
    Mathematical Foundation: ... calculus" is a getting-started tip, linked nowhere)."""
    role = kb.roles[role_id]
    if linked is None:
        linked = next(
            (t, p.text) for t in _LISTING_TOPICS for p in role.points.get(t, ()) if thing_id in p.things
        )
    topic, quote = linked
    return TEMPLATES["roles_with_quote"].safe_substitute(plural=role.plural, title=TOPIC_TITLES.get(topic, topic), quote=quote)


def render_ranking(kb: KnowledgeBase, topic: str, role_ids: Sequence[str]) -> Answer:
    """"Which role needs the least education?": no article ranks the roles, so say that and set
    what each says side by side."""
    title = TOPIC_TITLES.get(topic, topic).lower()
    body = render_topic(kb, role_ids, topic)
    note = TEMPLATES["no_ranking"].safe_substitute(title=title)
    return Answer(f"{note}\n\n{body.text}", {**body.data, "ranked": False}, body.source_ids)
