"""Intent prototypes from the unit example vectors: plain centroids, or refined with numpy."""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import accumulate, chain, repeat
from operator import add, mul
from typing import TYPE_CHECKING

from .features import _Parts

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["_centroid_prototypes", "_numpy_available", "_refined_prototypes"]


def _centroid_prototypes(
    parts: Sequence[_Parts], labels: Sequence[int], idf: Sequence[float], n_intents: int
) -> list[dict[int, float]]:
    """Per-intent columns ``{feature id: idf * normalised centroid}`` of the unit example vectors (no numpy)."""
    # A feature's weight in an example vector is idf * factor: sum the factors, apply idf at the end.
    columns: list[dict[int, float]] = [{} for _ in range(n_intents)]
    for doc, label in zip(parts, labels):
        acc = columns[label]
        get = acc.get
        for fids, factor in doc:
            acc.update(zip(fids, map(add, map(get, fids, repeat(0.0)), repeat(factor))))
    for acc in columns:
        fids = list(acc)
        weights = list(map(mul, acc.values(), map(idf.__getitem__, fids)))
        inv = 1.0 / (math.sqrt(sum(map(mul, weights, weights))) or 1.0)
        acc.update(zip(fids, map(mul, map(mul, weights, map(idf.__getitem__, fids)), repeat(inv))))
    return columns


def _numpy_available() -> bool:
    """Whether numpy can be imported (without importing it)."""
    from importlib.util import find_spec

    return find_spec("numpy") is not None


def _refined_prototypes(
    parts: Sequence[_Parts],
    labels: Sequence[int],
    idf: Sequence[float],
    n_intents: int,
    epochs: int,
    margin: float,
    seed: int,
) -> NDArray[np.float64]:
    """``idf * prototype`` as a ``features x intents`` matrix after ``epochs`` refinement passes.

    Starts from the normalised centroids of the unit example vectors; each
    pass visits the examples in a seeded random order and, when the best wrong
    intent scores within ``margin`` of the right one, moves both prototypes by
    the passive-aggressive step (capped at 1).  The result is the average of
    the prototypes over all steps, which is much more stable than the last one.
    """
    try:
        import numpy as np
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("IntentMatcher(refine_epochs > 0) needs numpy: pip install numpy") from exc

    idf_arr = np.asarray(idf, dtype=np.float64)
    # All example vectors as one flat (feature id, value) array, then a view per example.
    lengths = [sum(len(fids) for fids, _ in doc) for doc in parts]
    flat_idx = np.fromiter(
        chain.from_iterable(fids for doc in parts for fids, _ in doc), dtype=np.intp, count=sum(lengths)
    )
    flat_val = np.repeat(
        np.fromiter((factor for doc in parts for _, factor in doc), dtype=np.float64),
        [len(fids) for doc in parts for fids, _ in doc],
    )
    flat_val *= idf_arr[flat_idx]
    bounds = [0, *accumulate(lengths)]
    xs = [(flat_idx[a:b], flat_val[a:b]) for a, b in zip(bounds, bounds[1:])]
    # The prototypes and the running sum of the averaging trick, one after the other in one buffer,
    # so that a single fancy-indexed addition on the flat buffer updates both.
    both = np.zeros((2, len(idf), n_intents), dtype=np.float64)
    weights: NDArray[np.float64] = both[0]
    shifted: NDArray[np.float64] = both[1]
    for (idx, val), label in zip(xs, labels):
        weights[idx, label] += val
    norms = np.linalg.norm(weights, axis=0)
    norms[norms == 0] = 1.0
    weights /= norms
    if n_intents > 1:
        # Averaged updates with the usual trick: average = weights - shifted / step.
        step = 1.0
        rng = np.random.default_rng(seed)
        ys = list(labels)
        # 1 / (2 |x|^2), the passive-aggressive step size per unit of loss.
        inv_norms = [0.5 / float(val @ val) for _, val in xs]
        # Offsets of each example's feature rows in the flat buffer.
        rows = [(idx * n_intents)[:, None] for idx, _ in xs]
        flat = both.reshape(-1)
        plane = weights.size
        neg_inf = -np.inf
        take = weights.take
        offsets = np.empty(4, dtype=np.intp)
        signs = np.empty(4, dtype=np.float64)
        for _ in range(epochs):
            for n in rng.permutation(len(xs)).tolist():
                idx, val = xs[n]
                y = ys[n]
                scores = val @ take(idx, axis=0)
                right = float(scores[y])
                scores[y] = neg_inf
                wrong = int(scores.argmax())
                loss = margin - (right - float(scores[wrong]))
                if loss > 0.0:
                    # weights[idx, y] += delta, weights[idx, wrong] -= delta, and the same times
                    # step for shifted.
                    offsets[:] = (y, wrong, plane + y, plane + wrong)
                    signs[:] = (1.0, -1.0, step, -step)
                    flat[rows[n] + offsets] += (min(1.0, loss * inv_norms[n]) * val)[:, None] * signs
                step += 1.0
        weights -= shifted / step
    weights *= idf_arr[:, None]
    return weights
