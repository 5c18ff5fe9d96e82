"""The constructor options of :class:`~careerbot.matcher.IntentMatcher`: defaults and range checks."""

from __future__ import annotations

from .features import _MAX_TOKEN_CHARS

__all__ = ["_MANY_LEAD_WEIGHT", "_MANY_RATIO_WEIGHT", "_MAX_LEAD_WEIGHT", "_check_options"]

#: ``ratio_weight`` and ``lead_weight`` when they are ``None`` and there are ``many_intents``.
_MANY_RATIO_WEIGHT = 0.2
_MANY_LEAD_WEIGHT = 1.0
#: Largest accepted ``lead_weight``.
_MAX_LEAD_WEIGHT = 10.0


def _check_options(
    *,
    max_chars: int,
    max_tokens: int,
    ngram_range: tuple[int, int],
    weights: tuple[float, float, float],
    ratio_weight: float | None,
    token_sort_weight: float,
    rescore: int,
    lead_weight: float | None,
    many_intents: int,
    typo_cutoff: float | None,
    typo_min_length: int,
    max_corrections: int,
    refine_epochs: int | None,
    refine_margin: float,
) -> None:
    """Raise :class:`ValueError` for an option out of its range."""
    if max_chars < 1 or max_tokens < 1:
        raise ValueError("max_chars and max_tokens must be at least 1")
    lo, hi = ngram_range
    if not 1 <= lo <= hi <= _MAX_TOKEN_CHARS:
        raise ValueError(
            f"ngram_range must be (lo, hi) with 1 <= lo <= hi <= {_MAX_TOKEN_CHARS}, not {ngram_range!r}"
        )
    if min(weights) < 0 or max(weights) <= 0:
        raise ValueError("word_weight, bigram_weight and char_weight must be >= 0 and not all 0")
    ratio = 0.0 if ratio_weight is None else ratio_weight
    if ratio < 0 or not 0 <= token_sort_weight <= 1 or ratio + token_sort_weight > 1:
        raise ValueError("ratio_weight and token_sort_weight must be >= 0 and sum to at most 1")
    if rescore < 1:
        raise ValueError("rescore must be at least 1")
    if lead_weight is not None and not 0 <= lead_weight <= _MAX_LEAD_WEIGHT:
        raise ValueError(f"lead_weight must be in [0, {_MAX_LEAD_WEIGHT}]")
    if many_intents < 0:
        raise ValueError("many_intents must be >= 0")
    if typo_cutoff is not None and not 0 < typo_cutoff <= 100:
        raise ValueError("typo_cutoff must be in (0, 100] or None")
    if typo_min_length < 1 or max_corrections < 0:
        raise ValueError("typo_min_length must be at least 1 and max_corrections at least 0")
    if refine_epochs is not None and refine_epochs < 0:
        raise ValueError("refine_epochs must be >= 0 or None")
    if refine_margin < 0:
        raise ValueError("refine_margin must be >= 0")
