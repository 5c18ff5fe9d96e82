"""Typo-tolerant mapping of user tokens onto a small known vocabulary (rapidfuzz)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

__all__ = ["MAX_SPLIT_LENGTH", "Speller", "max_typos"]

#: Longer tokens are never split into words (bounds the work on hostile input).
MAX_SPLIT_LENGTH = 48


def max_typos(length: int) -> int:
    """How many edits a word of ``length`` letters may have and still count as a typo of another.

    Words of up to five letters must be exact (``de`` is not ``dse``, ``code`` is not ``come``,
    ``terms`` is not ``teams``); six or seven letters one edit
    (``salery``, ``enginer``); longer words two (``responsibilites``). Edits are
    optimal-string-alignment edits, so swapped letters (``sceince``) count once.
    """
    if length < 6:
        return 0
    return 1 if length <= 7 else 2


class Speller:
    """Corrects tokens to the closest word of a fixed vocabulary. Immutable; thread-safe.

    Run-together words (``machinelearning``, ``dataengineer``) are split into two
    vocabulary words.
    """

    def __init__(self, vocabulary: Iterable[str], *, min_length: int = 4, keep: Iterable[str] = ()) -> None:
        self._vocab = frozenset(w for w in vocabulary if w)
        #: Words that are right as typed although near a vocabulary word ("actually" is not "actuary").
        self._keep = frozenset(w for w in keep if w) - self._vocab
        self._long = tuple(sorted(w for w in self._vocab if len(w) >= min_length))
        self._min_length = min_length
        # A bounded per-instance memo (functools.lru_cache is thread-safe).
        self._lookup = lru_cache(maxsize=8192)(self._closest)

    # Pickled (by the start-up cache) without its memo, which is made anew.
    def __getstate__(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k != "_lookup"}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._lookup = lru_cache(maxsize=8192)(self._closest)

    @property
    def vocabulary(self) -> frozenset[str]:
        return self._vocab

    def correct(self, token: str) -> str | None:
        """The vocabulary word ``token`` stands for, or ``None``."""
        if token in self._vocab or token in self._keep:
            return token
        if len(token) < self._min_length or not token.isalpha():
            return None
        return self._lookup(token)

    def _closest(self, token: str) -> str | None:
        # A plural's "s" adds no room for typos: "meetings" is no more "greetings" than "meeting" is.
        stem = len(token) - 1 if token.endswith("s") and not token.endswith("ss") else len(token)
        best = process.extractOne(token, self._long, scorer=OSA.distance, score_cutoff=max_typos(stem))
        return None if best is None else best[0]

    def split(self, token: str, *, parts: int = 4) -> tuple[str, ...] | None:
        """Split a run-together token into up to ``parts`` vocabulary words
        (``dataengineer``, ``machinelearningengineer``)."""
        if not 6 <= len(token) <= MAX_SPLIT_LENGTH or token in self._vocab or token in self._keep or not token.isalpha():
            return None
        best = self._best_split(token, parts)
        return best[1] if best is not None else None

    def _best_split(self, token: str, parts: int) -> tuple[tuple[int, int], tuple[str, ...]] | None:
        """The split of ``token`` into at most ``parts`` words with the fewest typo fixes, then the
        fewest words ("machine learning engineer", not "machine learn in engineer"), with its cost."""
        best: tuple[tuple[int, int], tuple[str, ...]] | None = None
        for cut in range(2, len(token) - 1):
            head, tail = token[:cut], token[cut:]
            if head not in self._vocab:
                continue
            options: list[tuple[tuple[int, int], tuple[str, ...]]] = []
            if tail in self._vocab:
                options.append(((0, 2), (head, tail)))
            elif len(tail) >= 4:
                fixed = self.correct(tail)
                # (a word kept as typed is no vocabulary word: "removing" is not "re moving")
                if fixed is not None and fixed in self._vocab:
                    options.append(((1, 2), (head, fixed)))
            if parts > 2 and len(tail) >= 4:
                rest = self._best_split(tail, parts - 1)
                # (not two fragments in a row: "redefine" is not "re de fine")
                if rest is not None and not (len(head) <= 2 and len(rest[1][0]) <= 2):
                    (fixes, count), words = rest
                    options.append(((fixes, count + 1), (head, *words)))
            for option in options:
                if best is None or option[0] < best[0]:
                    best = option
        return best
