"""Where typo correction looks: the vocabulary bucketed by first or last letter and length."""

from __future__ import annotations

__all__ = ["_typo_buckets"]


def _typo_buckets(known: frozenset[str], min_length: int) -> dict[tuple[bool, str, int], tuple[str, ...]]:
    """Vocabulary words by ``(True, first letter, length)`` and ``(False, last letter, length)``.

    A bucket for length ``n`` holds the words of length ``n - 1`` to ``n + 1``,
    so a typo (one substitution, insertion, deletion or transposition) that
    keeps either the first or the last letter finds its word in a short list.
    """
    buckets: dict[tuple[bool, str, int], list[str]] = {}
    for tok in sorted(known):
        if not tok.isalpha() or len(tok) < min_length - 1:
            continue
        for size in (len(tok) - 1, len(tok), len(tok) + 1):
            buckets.setdefault((True, tok[0], size), []).append(tok)
            buckets.setdefault((False, tok[-1], size), []).append(tok)
    return {key: tuple(words) for key, words in buckets.items()}
