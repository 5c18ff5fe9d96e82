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
        best = process.extractOne(
            token, self._long, scorer=OSA.distance, score_cutoff=max_typos(len(token))
        )
        return None if best is None else best[0]

    def split(self, token: str, *, parts: int = 4) -> tuple[str, ...] | None:
        """Split a run-together token into up to ``parts`` vocabulary words
        (``dataengineer``, ``machinelearningengineer``)."""
        if not 6 <= len(token) <= MAX_SPLIT_LENGTH or token in self._vocab or token in self._keep or not token.isalpha():
            return None
        for cut in range(2, len(token) - 3):
            head, tail = token[:cut], token[cut:]
            if head not in self._vocab:
                continue
            fixed = self.correct(tail)
            if fixed is not None:
                return head, fixed
            if parts > 2:
                rest = self.split(tail, parts=parts - 1)
                if rest is not None:
                    return (head, *rest)
        return None
