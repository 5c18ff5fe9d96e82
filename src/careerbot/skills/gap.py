"""Skill gap on named things: which of the things the articles list for a role the person has.

A role's requirements are its named things under skills, tools and education (tools and languages,
skill areas, fields of study, degree levels, certifications), each once with its sources. What the
person has is a set of thing ids (what they said, read by :mod:`careerbot.nlu`, and what their
current role's articles list); nothing here reads raw text.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from types import MappingProxyType

from ..data.knowledge import KnowledgeBase, Role
from .cite import Citations
from .data_types import SkillGapData
from .responses import Answer
from .wording import join_names, pct, say, topic_question

__all__ = ["GAP_TOPICS", "GapFinder"]

#: A skill had by whoever has a thing of a kind: a programming language is programming (a query
#: language alone is not: SQL).
_IMPLIED_BY_KIND: Mapping[str, str] = MappingProxyType({"language": "programming"})
_NOT_IMPLYING = frozenset({"sql"})
#: The topics whose named things a role asks for, in the order the gap lists them.
GAP_TOPICS = ("skills", "tools", "education")


class GapFinder:
    """Skill gaps against one knowledge base. Immutable after construction, safe to share."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._cite = Citations(kb)
        self._needs: Mapping[str, Mapping[str, tuple[str, ...]]] = MappingProxyType(
            {rid: MappingProxyType(self._build(role)) for rid, role in kb.roles.items()}
        )
        self._thing_sources: Mapping[str, Mapping[str, tuple[str, ...]]] = MappingProxyType(
            {rid: MappingProxyType(self._build_sources(role)) for rid, role in kb.roles.items()}
        )

    def _build(self, role: Role) -> dict[str, tuple[str, ...]]:
        """The role's things under skills, tools and education, each once, grouped by what they are
        (TensorFlow named in a skills sentence is still a tool)."""
        ids = dict.fromkeys(t for topic in GAP_TOPICS for t in role.thing_ids(topic) if t in self._kb.things)
        return {topic: tuple(t for t in ids if _KIND_TOPIC.get(self._kb.things[t].kind) == topic) for topic in GAP_TOPICS}

    def needs(self, role_id: str) -> tuple[str, ...]:
        """Every thing id the articles list for the role under skills, tools and education."""
        return tuple(t for topic in GAP_TOPICS for t in self._needs[role_id][topic])

    def _sources(self, role: Role, thing_id: str) -> tuple[str, ...]:
        return self._thing_sources[role.id].get(thing_id, ())

    def _build_sources(self, role: Role) -> dict[str, tuple[str, ...]]:
        """The articles behind each of the role's things: its links and the points naming it."""
        ids: dict[str, list[str]] = {}
        for topic in GAP_TOPICS:
            for link in role.things.get(topic, ()):
                ids.setdefault(link.thing, []).extend(link.sources)
        for points in role.points.values():
            for point in points:
                for thing_id in point.things:
                    ids.setdefault(thing_id, []).extend(point.sources)
        return {t: tuple(dict.fromkeys(s)) for t, s in ids.items()}

    def gap(
        self, have: Collection[str], lacks: Collection[str], target_roles: Sequence[str],
        current_roles: Sequence[str] = (), *, unlisted: Sequence[str] = (),
    ) -> tuple[Answer, tuple[str, ...]]:
        """What the person has and lacks for the first of ``target_roles``.

        ``have``/``lacks``: thing ids they said they have or lack; the things the articles list for
        ``current_roles`` count as had too. Returns the answer and the roles it is about (the target,
        then the current roles). Without a target, the answer asks for one (``kind == "clarify"``).
        """
        kb = self._kb
        names = kb.things
        targets = [r for r in target_roles if r in kb.roles]
        current = [r for r in current_roles if r in kb.roles and r not in targets[:1]]
        if not targets:
            example = next(iter(kb.roles.values()))
            text = say(
                "gap_no_target", roles=join_names([r.name for r in kb.roles.values()]),
                example=f"I know Python and SQL, what do I need to become a {example.name}?",
            )
            return Answer(text, {"kind": "clarify", "topic": "skills"}, ()), tuple(current)
        target = kb.roles[targets[0]]
        said = [t for t in dict.fromkeys(have) if t in names and t not in set(lacks)]
        implied = [
            skill for kind, skill in _IMPLIED_BY_KIND.items()
            if skill in names and skill not in said and skill not in lacks and any(names[t].kind == kind and t not in _NOT_IMPLYING for t in said)
        ]  # (someone who writes Python can program)
        from_role = {t for rid in current for t in self.needs(rid)} - set(lacks)
        needed = self.needs(target.id)
        mine = [t for t in needed if t in said] + [t for t in implied if t in needed]
        theirs = [t for t in needed if t in from_role and t not in mine]
        missing = {topic: [t for t in self._needs[target.id][topic] if t not in mine and t not in theirs]
                   for topic in GAP_TOPICS}
        extra = [t for t in said if t not in needed]
        covered = len(mine) + len(theirs)
        share = covered / len(needed) if needed else 0.0

        cite = self._cite
        sources: list[str] = []

        def line(ids: Sequence[str]) -> str:
            refs = [s for t in ids for s in self._sources(target, t)]
            sources.extend(refs)
            return say("gap_things", names=", ".join(names[t].name for t in ids), refs=cite.refs(refs)).rstrip()

        current_names = join_names([kb.roles[r].name for r in current])
        lines = [say("gap_heading_from" if current else "gap_heading", current=current_names, name=target.name)]
        if not said and not current and unlisted:
            # "I know a bit of Excel": noted, but nothing the articles list for any role
            lines.append(say("gap_unlisted", plural=target.plural, names=join_names(list(unlisted))))
        elif not said and not current:
            lines.append(say("gap_unknown", plural=target.plural))
        else:
            lines.append(say("gap_overlap", have=covered, total=len(needed), plural=target.plural, pct=pct(share)))
        if mine:
            lines.append(say("gap_you_have", things=line(mine)))
        if theirs:
            lines.append(say("gap_from_role", current=current_names, things=line(theirs)))
        if any(missing.values()):
            lines.append(say("gap_missing"))
            for topic in GAP_TOPICS:
                if missing[topic]:
                    lines.append(say("gap_missing_topic", topic=_TOPIC_LABELS[topic], things=line(missing[topic])))
        else:
            lines.append(say("gap_nothing_missing", plural=target.plural))
        if extra:
            lines.append(say("gap_extra", plural=target.plural, extra=", ".join(names[t].name for t in extra)))
        if len(targets) > 1:
            lines.append(say("gap_other_targets", others=join_names([kb.roles[r].name for r in targets[1:]])))
        if sources:
            lines.append(cite.legend(sources))
        data: SkillGapData = {
            "kind": "skill_gap",
            "target": target.id,
            "current": list(current),
            "have": [names[t].name for t in (*mine, *theirs)],
            "have_from_role": [names[t].name for t in theirs],
            "missing": [names[t].name for topic in GAP_TOPICS for t in missing[topic]],
            "missing_by_topic": {
                "skills": [names[t].name for t in missing["skills"]],
                "tools": [names[t].name for t in missing["tools"]],
                "education": [names[t].name for t in missing["education"]],
            },
            "extra": [names[t].name for t in extra],
            "have_count": covered,
            "total": len(needed),
            "overlap": round(share, 3),
        }
        suggestions = (
            f"Roadmap to become a {target.name}", topic_question("education", target),
            topic_question("salary", target),
        )
        return Answer("\n".join(lines), dict(data), tuple(dict.fromkeys(sources)), suggestions), (target.id, *current)


_TOPIC_LABELS = {"skills": "Skills", "tools": "Tools", "education": "Education"}
#: Where each kind of named thing is listed in a gap.
_KIND_TOPIC = {
    "skill": "skills", "tool": "tools", "language": "tools",
    "field": "education", "degree": "education", "certification": "education",
}
