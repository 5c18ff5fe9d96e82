"""Skill gap: what a person has and lacks for a target role, from a :class:`~careerbot.nlu.said.Said`.

Each role's requirements are built once: one per skill fact (dropping facts whose specific words
another fact covers), one per tool, one per education fact. A skill requirement is split into
*slots* of alternatives (tools of one kind and the word for that kind), all of which must be
covered. Nothing here reads raw text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from ..data.knowledge import TOPIC_TITLES, KnowledgeBase, Role
from ..nlu.kbwords import KbWords, tool_key
from ..nlu.keys import GENERIC, norm_text, prepare
from ..nlu.normalize import tokenize
from ..nlu.said import Said
from .cite import Citations
from .data_types import SkillGapData
from .responses import Answer
from .wording import dedupe_ci, display, fact_line, join_names, pct, say, topic_question

__all__ = ["GapFinder", "Requirement"]


@dataclass(frozen=True)
class Requirement:
    """One thing a role asks for. ``slots`` are groups of alternatives; all must be covered."""

    kind: str
    label: str
    keys: frozenset[str]
    sources: tuple[str, ...]
    tool: str | None = None
    slots: tuple[frozenset[str], ...] = ()

    def covered_by(self, keys: Iterable[str]) -> tuple[int, int]:
        """(slots covered, slots) for what someone has."""
        have = set(keys)
        slots = self.slots or (self.keys,)
        return sum(1 for slot in slots if slot & have), len(slots)


class GapFinder:
    """Skill gaps against one knowledge base. Immutable after construction, safe to share."""

    def __init__(self, kb: KnowledgeBase, words: KbWords) -> None:
        self._kb = kb
        self._words = words
        self._cite = Citations(kb)
        self._requirements: Mapping[str, tuple[Requirement, ...]] = MappingProxyType(
            {rid: self._build(role) for rid, role in kb.roles.items()}
        )
        self._requirement_keys = frozenset(
            k for reqs in self._requirements.values() for r in reqs for k in r.keys
        )

    def known_keys(self, *, education: bool = False) -> frozenset[str]:
        """Keys any role's requirements use (only education requirements with ``education``)."""
        if not education:
            return self._requirement_keys
        return frozenset(k for reqs in self._requirements.values() for r in reqs if r.kind == "education" for k in r.keys)

    def requirements(self, role_id: str) -> tuple[Requirement, ...]:
        """What ``role_id`` asks for (skills, then tools, then education)."""
        return self._requirements[role_id]

    # -- construction ----------------------------------------------------------------------------

    def _build(self, role: Role) -> tuple[Requirement, ...]:
        w = self._words
        out: list[Requirement] = []
        skills: list[tuple[str, tuple[str, ...], frozenset[str], frozenset[str]]] = []
        for fact in role.topic("skills"):
            tools = w.tools_in(tokenize(prepare(fact.words())))
            keys = w.content_keys(fact.words()) | tools
            if keys:
                skills.append((fact.text or fact_line(fact), fact.sources, frozenset(keys), tools))
        for i, (label, sources, keys, tools) in enumerate(skills):
            covered = any(
                keys < other or (keys == other and j < i) for j, (_, _, other, _) in enumerate(skills) if j != i
            )
            if not covered:
                out.append(Requirement("skills", label, keys, sources, slots=self._slots(keys, tools)))
        seen: set[str] = set()
        for fact in role.topic("tools"):
            for item in fact.items:
                key, _ = tool_key(item)
                if key in seen:
                    continue
                seen.add(key)
                sources = tuple(
                    dict.fromkeys(
                        s for f in role.topic("tools") for s in f.sources
                        if any(tool_key(i)[0] == key for i in f.items)
                    )
                )
                out.append(Requirement("tools", w.tools[key].name, frozenset({key}), sources, tool=key))
        seen_edu: set[str] = set()
        for fact in role.topic("education"):
            keys = w.keys_of(fact.words()) - GENERIC
            text = fact.text or fact_line(fact)
            if not keys or norm_text(text) in seen_edu:
                continue
            seen_edu.add(norm_text(text))
            out.append(Requirement("education", text, frozenset(keys), fact.sources))
        return tuple(out)

    def _slots(self, keys: frozenset[str], tools: frozenset[str]) -> tuple[frozenset[str], ...]:
        """Group a requirement's keys into alternatives: tools of one kind and the word for that kind."""
        catalogue = self._words.tools
        parent = {k: k for k in keys}

        def find(k: str) -> str:
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        def union(a: str, b: str) -> None:
            parent[find(a)] = find(b)

        for tool in tools:
            groups = catalogue[tool].group_keys
            for key in keys:
                if key in groups:
                    union(tool, key)
            for other in tools:
                if other != tool and groups & catalogue[other].group_keys:
                    union(tool, other)
        slots: dict[str, set[str]] = {}
        for key in sorted(keys):
            slots.setdefault(find(key), set()).add(key)
        return tuple(frozenset(v) for v in slots.values())

    # -- the answer ------------------------------------------------------------------------------

    def gap(
        self, said: Said, target_roles: Sequence[str], current_roles: Sequence[str] = ()
    ) -> tuple[Answer, tuple[str, ...]]:
        """What the person has and lacks for the first of ``target_roles``.

        What they have comes from ``said`` (skills, tools, degrees) and from the requirements of
        ``current_roles``. Returns the answer and the roles it is about: the target, then the current
        role(s). Without a target, the answer asks for one (``data["kind"] == "clarify"``).
        """
        kb = self._kb
        tools = self._words.tools
        targets = [r for r in target_roles if r in kb.roles]
        current = [r for r in current_roles if r in kb.roles and r not in targets[:1]]
        if not targets:
            example_role = next(iter(kb.roles.values()))
            text_out = say(
                "gap_no_target",
                roles=join_names([r.name for r in kb.roles.values()]),
                example=f"I know Python and SQL, what do I need to become a {example_role.name}?",
            )
            return Answer(text_out, {"kind": "clarify", "topic": "skills"}, ()), tuple(current)
        target = kb.roles[targets[0]]
        msg_keys = set(said.has) - set(said.lacks)
        msg_tools = set(said.tools)
        for key in said.tools:
            if key in tools:
                msg_keys |= tools[key].group_keys | self._words.keys_of(tools[key].name)
        role_keys: set[str] = set()
        role_tools: set[str] = set()
        for rid in current:
            for req in self._requirements[rid]:
                if req.kind == "skills":
                    role_keys |= req.keys
                elif req.kind == "tools" and req.tool is not None:
                    role_tools.add(req.tool)
                    role_keys |= tools[req.tool].group_keys | {req.tool}

        have: list[tuple[Requirement, bool]] = []
        missing: dict[str, list[Requirement]] = {"skills": [], "tools": [], "education": []}
        partly: dict[str, list[str]] = {}
        requirements = self._requirements[target.id]
        for req in requirements:
            if req.kind == "tools":
                mine = req.tool in msg_tools
                theirs = req.tool in role_tools
            elif req.kind == "skills":
                got, slots = req.covered_by(msg_keys | role_keys)
                mine_got, _ = req.covered_by(msg_keys)
                mine = mine_got == slots
                theirs = got == slots
                if 0 < got < slots:
                    partly[req.label] = self._have_terms(req, msg_keys | role_keys, said)
            else:
                mine = bool(req.keys & said.degrees)
                theirs = False
            if mine or theirs:
                have.append((req, mine))
            else:
                missing[req.kind].append(req)
        total = len(requirements)
        overlap = len(have) / total if total else 0.0

        def typed(key: str) -> bool:
            return (key in said.direct and key in self._requirement_keys and key not in GENERIC
                    and "_" not in key and key not in tools and key in said.surfaces)

        known_names = [tools[k].name for k in said.tools if k in tools]
        known_names += [display(said.surfaces[k]) for k in said.has if typed(k)]
        known_names = dedupe_ci(known_names)
        needed = {r.tool for r in requirements if r.tool is not None}
        needed_keys = {k for r in requirements if r.kind != "tools" for k in r.keys}
        extra = [tools[k].name for k in said.tools if k in tools and k not in needed]
        extra += [
            display(said.surfaces[k]) for k in said.has
            if typed(k) and k not in needed_keys
            and not any(k in tools[tk].group_keys for tk in said.tools if tk in tools)
        ]
        extra = dedupe_ci(extra)

        cite = self._cite
        current_names = join_names([kb.roles[r].name for r in current])
        lines: list[str] = []
        if current:
            lines.append(say("gap_heading_from", current=current_names, name=target.name))
        else:
            lines.append(say("gap_heading", name=target.name))
        if known_names:
            lines.append(say("gap_known", known=", ".join(known_names)))
        if current:
            lines.append(say("gap_background", current=current_names, plural=target.plural))
        if not known_names and not current:
            lines.append(say("gap_unknown", plural=target.plural))
        else:
            lines.append(say("gap_overlap", have=len(have), total=total, plural=target.plural, pct=pct(overlap)))
        sources: list[str] = []
        if have:
            lines.append("")
            lines.append(say("gap_have"))
            for req, mine in have:
                label = req.label if mine or not current else say(
                    "gap_from_background", item=req.label, current=current_names
                )
                lines.append(say("item", text=label, refs=cite.refs(req.sources)).rstrip())
                sources.extend(req.sources)
        lines.append("")
        if any(missing.values()):
            lines.append(say("gap_missing"))
            for kind in ("skills", "tools", "education"):
                reqs = missing[kind]
                if not reqs:
                    continue
                lines.append(f"{TOPIC_TITLES[kind] if kind != 'skills' else 'Skills'}:")
                if kind == "tools":
                    refs = cite.refs(s for r in reqs for s in r.sources)
                    lines.append(say("item", text=", ".join(r.label for r in reqs), refs=refs))
                else:
                    for req in reqs:
                        label = req.label
                        if partly.get(req.label):
                            label = say("gap_partly", item=label, terms=", ".join(partly[req.label]))
                        lines.append(say("item", text=label, refs=cite.refs(req.sources)))
                sources.extend(s for r in reqs for s in r.sources)
        else:
            lines.append(say("gap_nothing_missing", plural=target.plural))
        if extra:
            lines.append("")
            lines.append(say("gap_extra", plural=target.plural, extra=", ".join(extra)))
        if len(targets) > 1:
            lines.append(say("gap_other_targets", others=join_names([kb.roles[r].name for r in targets[1:]])))
        if sources:
            lines.append("")
            lines.append(cite.legend(sources))
        data: SkillGapData = {
            "kind": "skill_gap",
            "target": target.id,
            "current": list(current),
            "known": known_names,
            "have": [req.label for req, _ in have],
            "have_from_role": [req.label for req, mine in have if not mine],
            "missing": {
                "skills": [r.label for r in missing["skills"]],
                "tools": [r.label for r in missing["tools"]],
                "education": [r.label for r in missing["education"]],
            },
            "partly": partly,
            "extra": extra,
            "have_count": len(have),
            "total": total,
            "overlap": round(overlap, 3),
        }
        suggestions = (
            f"Roadmap to become a {target.name}",
            topic_question("education", target),
            topic_question("salary", target),
        )
        about = (target.id, *current)
        return Answer("\n".join(lines), dict(data), tuple(dict.fromkeys(sources)), suggestions), about

    def _have_terms(self, req: Requirement, keys: set[str], said: Said) -> list[str]:
        """The covered parts of a requirement, in the person's words (tool names for tools)."""
        tools = self._words.tools
        out: list[str] = []
        for key in sorted(req.keys & keys):
            if key in tools:
                out.append(tools[key].name)
            elif key in said.surfaces and key in said.direct:
                out.append(display(said.surfaces[key]))
            else:
                out.extend(tools[t].name for t in said.tools if t in tools and key in tools[t].group_keys)
        return dedupe_ci(out)
