"""The intents' keyword phrases, as word keys, looked up by the words a phrase opens with."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

__all__ = ["Phrase", "PhraseIndex"]

#: (the phrase's word keys, its intent, whether it is strong: the intent's own word, not a hint).
Phrase = tuple[tuple[str, ...], str, bool]


class PhraseIndex:
    """Keyword phrases by their first word, and by their first two words (a phrase of one word by
    its word alone): "what" opens 70 phrases, "what tools" only a few. Read-only once built."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        by_first: dict[str, list[Phrase]] = {}
        for phrase in phrases:
            if phrase[0]:
                by_first.setdefault(phrase[0][0], []).append(phrase)
        self._by_first = {k: tuple(v) for k, v in by_first.items()}
        heads: dict[tuple[str, ...], list[Phrase]] = {}
        for entries in by_first.values():
            for entry in entries:
                heads.setdefault(entry[0][:2], []).append(entry)
        self._heads = {k: tuple(v) for k, v in heads.items()}
        # Where each phrase stands among those of its first word (the order they were given in).
        self._order = {entry: n for entries in by_first.values() for n, entry in enumerate(entries)}

    def opening(self, key: str) -> tuple[Phrase, ...]:
        """Every phrase that opens with the word key ``key``, in the order given."""
        return self._by_first.get(key, ())

    def found(self, keys: Sequence[str]) -> Iterator[tuple[int, Phrase]]:
        """Every phrase found in ``keys`` with where it starts, in the order of the keys (and at one
        place in the order given)."""
        heads, order = self._heads, self._order
        n = len(keys)
        for i in range(n):
            one = heads.get((keys[i],), ())
            two = heads.get(tuple(keys[i : i + 2]), ()) if i + 1 < n else ()
            for phrase in (one or two) if not one or not two else sorted(one + two, key=order.__getitem__):
                if len(phrase[0]) <= 2 or tuple(keys[i : i + len(phrase[0])]) == phrase[0]:
                    yield i, phrase
