"""Typo-tolerant mapping of user tokens onto a small known vocabulary (rapidfuzz)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz, process

__all__ = ["Speller"]


class Speller:
    """Corrects tokens to the closest word of a fixed vocabulary. Immutable; thread-safe.

    Tokens shorter than ``min_length`` are only accepted verbatim (so ``de`` is never
    "corrected" to ``dse``); longer ones are mapped to the best vocabulary word whose
    :func:`rapidfuzz.fuzz.ratio` reaches ``score_cutoff``. Run-together words
    (``machinelearning``) are split into two vocabulary words.
    """

    def __init__(
        self, vocabulary: Iterable[str], *, score_cutoff: float = 84.0, min_length: int = 4
    ) -> None:
        self._vocab = frozenset(w for w in vocabulary if w)
        self._choices = tuple(sorted(self._vocab))
        self._long = tuple(w for w in self._choices if len(w) >= min_length)
        self._cutoff = score_cutoff
        self._min_length = min_length
        # A bounded per-instance memo (functools.lru_cache is thread-safe).
        self._lookup = lru_cache(maxsize=8192)(self._closest)

    @property
    def vocabulary(self) -> frozenset[str]:
        return self._vocab

    def correct(self, token: str) -> str | None:
        """The vocabulary word ``token`` stands for, or ``None``."""
        if token in self._vocab:
            return token
        if len(token) < self._min_length or not token.isalpha():
            return None
        return self._lookup(token)

    def _closest(self, token: str) -> str | None:
        cutoff = self._cutoff if len(token) >= 6 else max(self._cutoff, 88.0)
        best = process.extractOne(token, self._long, scorer=fuzz.ratio, score_cutoff=cutoff)
        return None if best is None else best[0]

    def split(self, token: str) -> tuple[str, str] | None:
        """Split a run-together token into two vocabulary words (``dataengineer``)."""
        if len(token) < 4 or token in self._vocab:
            return None
        for cut in range(2, len(token) - 1):
            head, tail = token[:cut], token[cut:]
            if head in self._vocab:
                fixed = self.correct(tail)
                if fixed is not None:
                    return head, fixed
        return None

    def correct_all(self, tokens: Iterable[str]) -> list[str]:
        """Correct every token it can, splitting run-together words; leaves the rest as they are."""
        out: list[str] = []
        for token in tokens:
            fixed = self.correct(token)
            if fixed is not None:
                out.append(fixed)
                continue
            parts = self.split(token)
            if parts is not None:
                out.extend(parts)
            else:
                out.append(token)
        return out
