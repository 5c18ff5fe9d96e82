"""Learning paths: an ordered plan per role, built once from the articles' tips, tools and skills.

Phases, in order: foundations, core tools, projects and portfolio, then certifications,
networking and staying current. A tip or skill goes to the phase its words name; tool groups are
merged by name and items already shown are not repeated. Nothing here reads raw text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from ..data.knowledge import KnowledgeBase, Role
from ..nlu.kbwords import KbWords, tool_key
from ..nlu.keys import GENERIC, keyset, norm_text, prepare
from ..nlu.normalize import tokenize
from .cite import Citations
from .data_types import LearningPathData, LearningPathsData, PathStepData
from .responses import Answer
from .wording import fact_line, say, topic_question

__all__ = ["PHASES", "PathPlanner", "Step"]

#: Learning-plan phases, in order: (title, keys that put a tip or skill there).
PHASES: tuple[tuple[str, frozenset[str]], ...] = (
    ("Foundations", keyset(
        "foundation foundations math statistics sql programming database databases linear algebra calculus "
        "probability data structures warehousing"
    )),
    ("Core tools", frozenset()),
    ("Projects and portfolio", keyset(
        "project projects portfolio internship internships hackathon hackathons open source real-world"
    )),
    ("Certifications, networking and staying current", keyset(
        "certification certifications certified network networking conferences meetups linkedin "
        "communities community updated update news"
    )),
)
_FOUNDATION_GROUP_KEYS = keyset("programming")


@dataclass(frozen=True)
class Step:
    """One phase of a plan: its title and (text, source ids) items."""

    title: str
    items: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def sources(self) -> tuple[str, ...]:
        """Source ids of the items, in first-seen order."""
        return tuple(dict.fromkeys(s for _, srcs in self.items for s in srcs))


class PathPlanner:
    """Learning paths for one knowledge base. Immutable after construction, safe to share."""

    def __init__(self, kb: KnowledgeBase, words: KbWords) -> None:
        self._kb = kb
        self._words = words
        self._cite = Citations(kb)
        self._paths: Mapping[str, tuple[Step, ...]] = MappingProxyType(
            {rid: self._build(role) for rid, role in kb.roles.items()}
        )

    def steps(self, role_id: str) -> tuple[Step, ...]:
        """The plan of ``role_id``."""
        return self._paths[role_id]

    def _build(self, role: Role) -> tuple[Step, ...]:
        w = self._words
        buckets: list[list[tuple[str, tuple[str, ...]]]] = [[] for _ in PHASES]
        covered: set[str] = set()

        def add(phase: int, text: str, sources: tuple[str, ...], keys: Iterable[str]) -> None:
            if any(norm_text(text) == norm_text(t) for bucket in buckets for t, _ in bucket):
                return
            buckets[phase].append((text, sources))
            covered.update(keys)

        tips = sorted(
            enumerate(role.topic("getting_started")), key=lambda p: (p[1].step is None, p[1].step or 0, p[0])
        )
        for _, tip in tips:
            keys = w.keys_of(tip.words())
            tools = w.tools_in(tokenize(prepare(tip.words())))
            add(_phase_of(keys), tip.text or fact_line(tip), tip.sources, (keys - GENERIC) | tools)
        # tools, merged by group name; items already shown are not repeated
        groups: dict[str, tuple[list[str], list[str], set[str]]] = {}
        shown_tools: set[str] = set()
        for fact in role.topic("tools"):
            name = fact.group or "Tools"
            items, group_sources, tool_keys = groups.setdefault(name, ([], [], set()))
            added = False
            for item in fact.items:
                key, _ = tool_key(item)
                if key not in shown_tools:
                    shown_tools.add(key)
                    items.append(item)
                    tool_keys.add(key)
                    added = True
            if added:  # cite only the articles whose items are shown
                group_sources.extend(fact.sources)
        for name, (items, group_sources, tool_keys) in groups.items():
            # Tools a tip already names are not listed again ("ETL tools such as Apache Airflow").
            fresh = [item for item in items if tool_key(item)[0] not in covered]
            if not fresh:
                continue
            group_keys = w.keys_of(name)
            phase = 0 if group_keys & _FOUNDATION_GROUP_KEYS else 1
            line = say("group", group=name, items=", ".join(fresh))
            add(phase, line, tuple(dict.fromkeys(group_sources)), tool_keys | group_keys)
        def seen(fact_words: str) -> tuple[bool, frozenset[str]]:
            """Whether a point mostly repeats what the plan already says, and its keys (the tools it
            names count: "ETL tools such as Apache Airflow or Apache NiFi" after those tools)."""
            tools = frozenset(w.tools_in(tokenize(prepare(fact_words))))
            keys = frozenset(w.keys_of(fact_words) - GENERIC) | tools
            return not keys or len(keys & covered) / len(keys) >= 0.6 or (bool(tools) and tools <= covered), keys

        # skills not already covered by a tip or a tool group
        for fact in role.topic("skills"):
            repeated, keys = seen(fact.words())
            if not repeated:
                add(0 if keys & PHASES[0][1] else 1, fact.text or fact_line(fact), fact.sources, keys)
        projects = role.topic("projects")
        if projects:
            # One line for the typical projects, not one "Typical projects:" per project.
            text = _joined([fact.text or fact_line(fact) for fact in projects])
            add(2, say("path_project", text=text), tuple(dict.fromkeys(s for f in projects for s in f.sources)), ())
        for fact in role.topic("education"):
            repeated, keys = seen(fact.words())
            if "certif" in w.keys_of(fact.words()) and not repeated:
                add(3, fact.text or fact_line(fact), fact.sources, keys)
        return tuple(Step(title, tuple(items)) for (title, _), items in zip(PHASES, buckets) if items)

    # -- answers ---------------------------------------------------------------------------------

    def path(self, role_id: str) -> tuple[Answer, tuple[str, ...]]:
        """An ordered plan (foundations -> core tools -> projects -> certifications/networking)."""
        text, data, sources, suggestions = self._render(role_id)
        return Answer(text, dict(data), sources, suggestions), (role_id,)

    def _render(self, role_id: str) -> tuple[str, LearningPathData, tuple[str, ...], tuple[str, ...]]:
        kb = self._kb
        cite = self._cite
        role = kb.roles[role_id]
        steps = self._paths[role_id]
        lines = [say("path_heading", name=role.name)]
        sources: list[str] = []
        step_data: list[PathStepData] = []
        for n, step in enumerate(steps, start=1):
            lines.append("")
            lines.append(say("path_step", n=n, title=step.title, refs=cite.refs(step.sources)).rstrip())
            for text, srcs in step.items:
                lines.append(say("item", text=text, refs=cite.refs(srcs)).rstrip())
            sources.extend(step.sources)
            step_data.append({
                "title": step.title,
                "items": [text for text, _ in step.items],
                "sources": list(kb.source_titles(step.sources)),
                "source_ids": list(step.sources),
            })
        if not steps:
            lines.append(say("path_none", plural=role.plural))
        elif "projects" in role.silent and not any(s.title == PHASES[2][0] for s in steps):
            lines.append("")
            lines.append(say("path_silent_projects", plural=role.plural))
        if sources:
            lines.append("")
            lines.append(cite.legend(sources))
        data: LearningPathData = {"kind": "learning_path", "role": role.id, "steps": step_data}
        suggestions = (
            topic_question("tools", role),
            f"I know Python, what else do I need to become a {role.name}?",
            topic_question("salary", role),
        )
        return "\n".join(lines), data, tuple(dict.fromkeys(sources)), suggestions

    def paths(self, role_ids: Sequence[str]) -> tuple[Answer, tuple[str, ...]]:
        """Learning paths for several roles, one after the other (``data["paths"]``)."""
        ids = [r for r in dict.fromkeys(role_ids) if r in self._kb.roles]
        if len(ids) == 1:
            return self.path(ids[0])
        parts = [self._render(r) for r in ids]
        text = "\n\n".join(part[0] for part in parts)
        data: LearningPathsData = {"kind": "learning_paths", "paths": [part[1] for part in parts]}
        sources = tuple(dict.fromkeys(s for part in parts for s in part[2]))
        return Answer(text, dict(data), sources, parts[0][3] if parts else ()), tuple(ids)


def _joined(sentences: Sequence[str]) -> str:
    """Sentences as one: "Creating ...; designing ...; preparing ... ." (an acronym keeps its capital)."""
    parts = [s.strip().rstrip(".") for s in sentences if s.strip()]
    parts = [p if i == 0 or p[1:2].isupper() else p[:1].lower() + p[1:] for i, p in enumerate(parts)]
    return "; ".join(parts) + "."


def _phase_of(keys: frozenset[str]) -> int:
    for index in (3, 2, 0):
        if keys & PHASES[index][1]:
            return index
    return 1
