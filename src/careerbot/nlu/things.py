"""Named things of the knowledge base in user text: tools, languages and other listed items.

:class:`ThingFinder` is built once from the knowledge base; :meth:`ThingFinder.find` lists the things a
message names, longest name first ("Apache Spark" before "Spark"), each once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from ..data.knowledge import KnowledgeBase
from .normalize import tokenize

__all__ = ["ThingFinder", "tool_terms"]


#: Words in tool names that are not a tool on their own ("Apache", "Google", "data").
_TERM_STOP = frozenset(
    "apache google amazon microsoft platform platforms services service ai data cloud learning machine "
    "version control tools tool and or of the".split()
)


def tool_terms(kb: KnowledgeBase) -> dict[tuple[str, ...], str]:
    """Tool names from the knowledge base as token tuples -> display name ("spark" -> "Apache Spark").

    Each multi-word name also answers to its distinctive words ("Apache Spark" to "spark")."""
    terms: dict[tuple[str, ...], str] = {}
    for role in kb.roles.values():
        for fact in role.topic("tools"):
            for item in fact.items:
                words = tuple(tokenize(item))
                if not words:
                    continue
                terms.setdefault(words, item)
                for word in words:
                    if word not in _TERM_STOP and len(word) > 1:
                        terms.setdefault((word,), item)
    return terms


class ThingFinder:
    """Finds the knowledge base's named things in tokens. Immutable; safe to share across threads."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.terms: Mapping[tuple[str, ...], str] = MappingProxyType(tool_terms(kb))
        self._longest = max((len(k) for k in self.terms), default=1)

    def find(self, tokens: Sequence[str]) -> tuple[tuple[tuple[str, ...], str], ...]:
        """``(tokens, canonical name)`` of each thing named, in order of first mention."""
        found: dict[str, tuple[str, ...]] = {}
        for i in range(len(tokens)):
            for n in range(min(self._longest, len(tokens) - i), 0, -1):
                key = tuple(tokens[i : i + n])
                name = self.terms.get(key)
                if name is not None:
                    found.setdefault(name, key)
                    break
        return tuple((key, name) for name, key in found.items())
