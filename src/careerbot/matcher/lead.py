"""The lead: an intent's margin over its best rivals, added to its score."""

from __future__ import annotations

__all__ = ["_LEAD_RIVALS", "_with_lead"]

#: The lead of an intent is measured against this many best other intents (their mean score).
_LEAD_RIVALS = 2


def _with_lead(
    scored: list[tuple[float, int]], weight: float, pool: list[tuple[float, int]] | None = None
) -> list[tuple[float, int]]:
    """Add to each ``(score, intent)`` ``weight`` times its lead over its best rivals, clipped to 1.

    An intent's rivals are the ``_LEAD_RIVALS`` best *other* intents of ``pool``
    (``scored`` itself by default; sorted best first; missing ones count as 0),
    and its lead is ``max(0, score - mean(rival scores))``.  A higher score never
    gets a smaller lead, so the order is kept and only the scale changes: a
    clear winner is pushed up, a near tie is not, which makes one threshold on
    the top score a better out-of-scope test than the similarity alone.
    """
    if pool is None:
        pool = sorted(scored, key=lambda item: (-item[0], item[1]))
    head = pool[: _LEAD_RIVALS + 1] + [(0.0, -1)] * (_LEAD_RIVALS + 1 - len(pool[: _LEAD_RIVALS + 1]))
    out: list[tuple[float, int]] = []
    for score, idx in scored:
        rivals = [s for s, i in head if i != idx][:_LEAD_RIVALS]
        lead = score - sum(rivals) / _LEAD_RIVALS
        out.append((min(1.0, score + weight * lead) if lead > 0.0 else score, idx))
    return out
