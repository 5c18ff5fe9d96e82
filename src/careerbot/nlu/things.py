"""Named things of the knowledge base in user text: tools, languages, skills, fields, degrees, industries.

:class:`ThingFinder` is built once from the knowledge base's named things (``knowledge/things.yaml``:
each canonical name and every spelling people and articles use); :meth:`ThingFinder.find` lists
the things a message names, longest spelling first ("Apache Spark" before "Spark"), each once.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from types import MappingProxyType

from ..data.knowledge import KnowledgeBase, Thing
from .normalize import tokenize

__all__ = ["ThingFinder"]


#: Nouns after which a thing's name names a kind of thing ("programming languages", "ML frameworks").
_KIND_NOUNS = frozenset({"language", "languages"})
#: Nouns after which a field's name names a kind of job ("which of these ML roles uses Docker?").
_JOB_NOUNS = frozenset("role roles job jobs career careers position positions folks people person guy guys track hire".split())

class ThingFinder:
    """Finds the knowledge base's named things in tokens. Immutable; safe to share across threads."""

    def __init__(self, kb: KnowledgeBase) -> None:
        table: dict[tuple[str, ...], Thing] = {}
        for thing in kb.things.values():
            for spelling in thing.spellings:
                key = tuple(tokenize(spelling))
                if key:
                    table.setdefault(key, thing)
                    if len(key[-1]) > 3 and not key[-1].endswith("s"):
                        table.setdefault((*key[:-1], key[-1] + "s"), thing)  # "databases", "PhDs"
                    if len(key) > 1 and len(key[-1]) > 4 and key[-1].endswith("s") and not key[-1].endswith("ss"):
                        table.setdefault((*key[:-1], key[-1][:-1]), thing)  # "an autonomous vehicle company"
        self._table = MappingProxyType(table)
        self._longest = max((len(k) for k in table), default=1)
        #: First words of every spelling: a token that starts none is skipped at once.
        self._starts = frozenset(k[0] for k in table)

    def find(self, tokens: Sequence[str], *, skip: Collection[int] = ()) -> tuple[tuple[int, Thing], ...]:
        """``(position, thing)`` of each thing named, in order of first mention; tokens at
        ``skip`` positions (role names: "ML" in "ML engineer") are not read."""
        found: dict[str, tuple[int, Thing]] = {}
        i = 0
        while i < len(tokens):
            if i in skip or tokens[i] not in self._starts:
                i += 1
                continue
            for n in range(min(self._longest, len(tokens) - i), 0, -1):
                if any(j in skip for j in range(i, i + n)):
                    continue
                thing = self._table.get(tuple(tokens[i : i + n]))
                if thing is not None and i + n < len(tokens) and (
                    tokens[i + n] in _KIND_NOUNS or (thing.kind == "field" and tokens[i + n] in _JOB_NOUNS)
                ):
                    # "which programming languages": a kind of thing, not the skill "Programming"
                    # (nor "ML roles" the field).
                    i += n
                    break
                if thing is not None and n == 1 and len(tokens[i]) == 1 and tokens[i + 1 : i + 2] in (["you"], ["u"], ("you",), ("u",)):
                    i += 1  # "wat r u even": "are you", not the R language
                    break
                if thing is not None:
                    found.setdefault(thing.id, (i, thing))
                    i += n
                    break
            else:
                i += 1
        return tuple(found.values())
