"""The words careerbot knows: those of its intents' examples and of everything in the knowledge base.

A word outside them in a question about a role is something the articles never mention ("do data
engineers use Snowflake?", "I use Excel and some VBA"): :meth:`Vocabulary.unknown` finds such words
so the bot can say plainly that the articles don't list them, and note them about the person.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..data.intents import IntentSet
from ..data.knowledge import KnowledgeBase
from .keys import STOPWORDS, word_key
from .normalize import tokenize

__all__ = ["Vocabulary"]


def _kb_texts(kb: KnowledgeBase) -> Iterable[str]:
    for source in kb.sources.values():
        yield source.title
    for thing in kb.things.values():
        yield from thing.spellings
    for role in kb.roles.values():
        yield from (role.name, role.plural, role.summary, *role.aliases)
        for points in role.points.values():
            for point in points:
                yield point.text
                yield from (q.text for q in point.quotes)
        for links in role.things.values():
            for link in links:
                yield from (q.text for q in link.quotes)
        yield from (s.note for s in role.silent.values())
    for posting in kb.postings:
        yield from (posting.title, posting.company, posting.location, posting.level, posting.contract)


class Vocabulary:
    """Known words (and their word keys). Immutable; safe to share across threads."""

    def __init__(self, kb: KnowledgeBase, intents: IntentSet) -> None:
        words: set[str] = set(STOPWORDS)
        for spec in intents.intents.values():
            for text in (*spec.examples, *spec.keywords):
                words.update(tokenize(text))
        for values in intents.lookups.values():
            for text in values:
                words.update(tokenize(text))
        for text in _kb_texts(kb):
            words.update(tokenize(text))
        self._words = frozenset(words)
        self._keys = frozenset(word_key(w) for w in words)

    def knows(self, token: str) -> bool:
        return token in self._words or word_key(token) in self._keys

    def unknown(self, tokens: Sequence[str], *, skip: Iterable[int] = ()) -> tuple[int, ...]:
        """Positions of the alphabetic words of ``tokens`` (two letters or more) it does not know."""
        skipped = set(skip)
        return tuple(
            i for i, t in enumerate(tokens)
            if i not in skipped and len(t) >= 2 and any(c.isalpha() for c in t) and not self.knows(t)
        )
