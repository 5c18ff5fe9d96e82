"""Intent definitions (Rasa-like YAML in ``intents/``): typed and checked.

A file holds ``version: "1"`` and a list under ``nlu:``; each entry is either an
intent (``intent:``, ``examples:``, optional ``topic:``, ``keywords:``,
``description:``, ``overrides:``), a lookup table (``lookup:`` + ``examples:``) or a synonym
(``synonym:`` full word + ``examples:`` of one-word short forms). Examples are a
``|`` block of ``- `` lines; role mentions may be annotated ``[text](role_id)``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .yamlio import Document, LineDict, Problem, line_of

__all__ = ["IntentSet", "IntentSpec", "build_intents", "strip_annotations"]

K_VERSION, K_NLU, K_INTENT, K_LOOKUP = "version", "nlu", "intent", "lookup"
K_SYNONYM = "synonym"
K_EXAMPLES, K_TOPIC, K_KEYWORDS, K_DESCRIPTION = "examples", "topic", "keywords", "description"
K_OVERRIDES = "overrides"
INTENT_KEYS = frozenset({K_INTENT, K_EXAMPLES, K_TOPIC, K_KEYWORDS, K_DESCRIPTION, K_OVERRIDES})
LOOKUP_KEYS = frozenset({K_LOOKUP, K_EXAMPLES})
SYNONYM_KEYS = frozenset({K_SYNONYM, K_EXAMPLES})
RESERVED_INTENTS = frozenset({"fallback"})

_ANNOTATION = re.compile(r"\[([^\[\]]+)\]\(([^()]+)\)")


def strip_annotations(example: str) -> tuple[str, tuple[str, ...]]:
    """``"tools of [DE](data_engineer)"`` -> ``("tools of DE", ("data_engineer",))``."""
    ids = tuple(m.group(2).strip() for m in _ANNOTATION.finditer(example))
    return _ANNOTATION.sub(lambda m: m.group(1), example), ids


@dataclass(frozen=True)
class IntentSpec:
    """One intent: its examples (annotations removed) and what it is about."""

    name: str
    examples: tuple[str, ...]
    topic: str | None = None
    keywords: tuple[str, ...] = ()
    description: str = ""
    #: Intents this one wins over when its keywords appear ("step by step" makes a
    #: getting-started question a learning path).
    overrides: tuple[str, ...] = ()


@dataclass(frozen=True)
class IntentSet:
    """All intents and lookup tables. Read-only."""

    intents: Mapping[str, IntentSpec]
    lookups: Mapping[str, tuple[str, ...]]
    #: Short forms and their full word, as Rasa's ``synonym:`` entries: ``{"eng": "engineer"}``.
    synonyms: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def examples(self) -> dict[str, tuple[str, ...]]:
        """``{intent: examples}``, the input of :class:`careerbot.matcher.IntentMatcher`."""
        return {name: spec.examples for name, spec in self.intents.items()}

    def intent_for_topic(self, topic: str) -> str | None:
        """The intent that answers ``topic``, if any."""
        for spec in self.intents.values():
            if spec.topic == topic:
                return spec.name
        return None


def _examples(
    path: str, entry: Mapping[str, Any], role_ids: Collection[str] | None, problems: list[Problem]
) -> tuple[str, ...]:
    raw = entry.get(K_EXAMPLES)
    base = entry.line_of_key(K_EXAMPLES) if isinstance(entry, LineDict) else line_of(entry)
    if isinstance(raw, list):
        lines = [str(x) for x in raw]
        prefixed = False
    elif isinstance(raw, str):
        lines = raw.splitlines()
        prefixed = True
    else:
        problems.append(Problem(path, base, "'examples' must be a '|' block of '- ' lines or a list"))
        return ()
    out: list[str] = []
    for offset, line in enumerate(lines, start=1):
        text = line.strip()
        if not text:
            continue
        if prefixed:
            if not text.startswith("- "):
                problems.append(Problem(path, base + offset, f"example must start with '- ': {text[:40]!r}"))
                continue
            text = text[2:].strip()
        plain, ids = strip_annotations(text)
        if role_ids is not None:
            for rid in ids:
                if rid not in role_ids:
                    problems.append(Problem(path, base + offset, f"unknown role id {rid!r} in example {text[:60]!r}"))
        if plain:
            out.append(plain)
    if not out:
        problems.append(Problem(path, base, "no examples"))
    return tuple(out)


def build_intents(
    documents: Iterable[Document],
    *,
    role_ids: Collection[str] | None = None,
    topics: Collection[str] | None = None,
) -> tuple[IntentSet | None, list[Problem]]:
    """Build the intent set; checks shapes, duplicates, role ids and topics. Collects all problems."""
    problems: list[Problem] = []
    intents: dict[str, IntentSpec] = {}
    lookups: dict[str, tuple[str, ...]] = {}
    override_refs: list[tuple[str, int, str, str]] = []
    synonyms: dict[str, str] = {}
    for doc in documents:
        problems.extend(doc.problems)
        if doc.data is None:
            continue
        path = doc.path
        data = doc.data
        if not isinstance(data, dict) or not isinstance(data.get(K_NLU), list):
            problems.append(Problem(path, line_of(data), "an intents file needs a top-level 'nlu:' list"))
            continue
        for key in data:
            if key not in (K_VERSION, K_NLU):
                problems.append(Problem(path, line_of(data), f"unknown top-level key {key!r}"))
        for entry in data[K_NLU]:
            if not isinstance(entry, dict):
                problems.append(Problem(path, line_of(data[K_NLU]), "each 'nlu' entry must be a mapping"))
                continue
            line = line_of(entry)
            if K_SYNONYM in entry:
                target = entry.get(K_SYNONYM)
                for key in entry:
                    if key not in SYNONYM_KEYS:
                        problems.append(Problem(path, line, f"unknown key {key!r} in a synonym"))
                if not isinstance(target, str) or not target.strip():
                    problems.append(Problem(path, line, "'synonym' must be the full word"))
                    continue
                for short in _examples(path, entry, None, problems):
                    key = " ".join(short.casefold().split())
                    if " " in key:
                        problems.append(Problem(path, line, f"synonym {short!r} must be one word"))
                    elif synonyms.setdefault(key, target.strip()) != target.strip():
                        problems.append(Problem(path, line, f"{short!r} is a synonym of two words"))
                continue
            if K_LOOKUP in entry:
                name = entry.get(K_LOOKUP)
                for key in entry:
                    if key not in LOOKUP_KEYS:
                        problems.append(Problem(path, line, f"unknown key {key!r} in a lookup"))
                if not isinstance(name, str) or not name:
                    problems.append(Problem(path, line, "'lookup' must be a name"))
                    continue
                lookups[name] = lookups.get(name, ()) + _examples(path, entry, None, problems)
                continue
            name = entry.get(K_INTENT)
            if not isinstance(name, str) or not name.strip():
                problems.append(Problem(path, line, "entry needs 'intent: <name>' or 'lookup: <name>'"))
                continue
            for key in entry:
                if key not in INTENT_KEYS:
                    problems.append(Problem(path, line, f"unknown key {key!r} in intent {name!r}"))
            if name in RESERVED_INTENTS:
                problems.append(Problem(path, line, f"intent name {name!r} is reserved"))
                continue
            if name in intents:
                problems.append(Problem(path, line, f"duplicate intent {name!r}"))
                continue
            topic = entry.get(K_TOPIC)
            if topic is not None and (not isinstance(topic, str) or (topics is not None and topic not in topics)):
                problems.append(Problem(path, line, f"unknown topic {topic!r} in intent {name!r}"))
                topic = None
            keywords = entry.get(K_KEYWORDS) or []
            if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
                problems.append(Problem(path, line, f"'keywords' of {name!r} must be a list of strings"))
                keywords = []
            description = entry.get(K_DESCRIPTION) or ""
            if not isinstance(description, str):
                problems.append(Problem(path, line, f"'description' of {name!r} must be a string"))
                description = ""
            overrides = entry.get(K_OVERRIDES) or []
            if not isinstance(overrides, list) or not all(isinstance(o, str) for o in overrides):
                problems.append(Problem(path, line, f"'overrides' of {name!r} must be a list of intent names"))
                overrides = []
            override_refs.extend((path, line, name, o) for o in overrides)
            intents[name] = IntentSpec(
                name=name,
                examples=_examples(path, entry, role_ids, problems),
                topic=topic,
                keywords=tuple(k.strip() for k in keywords if k.strip()),
                description=description,
                overrides=tuple(overrides),
            )
    for path, line, name, other in override_refs:
        if other not in intents:
            problems.append(Problem(path, line, f"intent {name!r} overrides unknown intent {other!r}"))
    if not intents and not problems:
        problems.append(Problem("intents", 1, "no intents found"))
    if problems:
        return None, problems
    return IntentSet(MappingProxyType(intents), MappingProxyType(lookups), MappingProxyType(synonyms)), problems
