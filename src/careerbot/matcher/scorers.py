"""Prototype scores of an encoded query against every intent: packed big-integer rows or sparse rows."""

from __future__ import annotations

import heapq
import math
import sys
from array import array
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from .features import _Parts

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["_PackedRows", "_Scorer", "_SparseRows"]


class _Scorer(Protocol):
    """Prototype scores of an encoded query against every intent."""

    def top(self, parts: _Parts, k: int) -> list[tuple[int, float]]:
        """The ``k`` intents with the highest prototype score, best first."""
        ...


class _PackedRows:
    """Per-feature rows of ``idf * prototype`` packed into one Python ``int`` each.

    Every intent gets a 64-bit lane holding a fixed-point weight (shifted by
    ``offset`` to be non-negative), so scoring a query is a few big-integer
    additions and multiplications in C instead of ``features x intents``
    float operations.  The fixed-point precision is chosen so that no lane
    can overflow for the largest query the matcher accepts.
    """

    __slots__ = ("_n", "_nbytes", "_offset", "_rows", "_scale")

    #: Bits of a query's per-group factor (factors are at most 1).
    _FACTOR_BITS = 20

    def __init__(self, rows: tuple[int, ...], n_intents: int, weight_bits: int, offset: float) -> None:
        self._rows = rows
        self._n = n_intents
        self._nbytes = 8 * n_intents
        # The offset as the packer rounded it, so a feature weight of 0 scores exactly 0.
        self._offset = round(offset * float(1 << weight_bits))
        self._scale = 1.0 / float(1 << (weight_bits + self._FACTOR_BITS))

    @classmethod
    def from_columns(
        cls, columns: Sequence[Mapping[int, float]], n_features: int, weight_bits: int
    ) -> _PackedRows:
        """Pack per-intent sparse columns ``{feature id: weight}``."""
        n_intents = len(columns)
        offset = max(0.0, -min((min(c.values(), default=0.0) for c in columns), default=0.0))
        scale = float(1 << weight_bits)
        lanes = array("Q", [round(offset * scale)]) * (n_features * n_intents)
        for intent, column in enumerate(columns):
            for fid, w in column.items():
                lanes[fid * n_intents + intent] = round((w + offset) * scale)
        if sys.byteorder != "little":
            lanes.byteswap()
        raw = memoryview(lanes.tobytes())
        size = 8 * n_intents
        packed = tuple(int.from_bytes(raw[i : i + size], "little") for i in range(0, len(raw), size))
        return cls(packed, n_intents, weight_bits, offset)

    @classmethod
    def from_matrix(cls, matrix: NDArray[np.float64], weight_bits: int) -> _PackedRows:
        """Pack a dense ``features x intents`` numpy matrix."""
        import numpy as np

        offset = max(0.0, -float(matrix.min()))
        lanes = np.rint((matrix + offset) * float(1 << weight_bits)).astype("<u8")
        packed = tuple(int.from_bytes(row.tobytes(), "little") for row in lanes)
        return cls(packed, int(matrix.shape[1]), weight_bits, offset)

    @classmethod
    def weight_bits(cls, max_weight: float, max_features: int) -> int:
        """Fixed-point bits that keep every lane below ``2**63``.

        A lane sums, over at most three feature groups (2 bits), a factor of at
        most ``2**FACTOR_BITS`` (``FACTOR_BITS + 1`` bits) times at most
        ``max_features`` weights below ``max_weight + 1``.
        """
        headroom = 62 - (cls._FACTOR_BITS + 1) - 2 - max(1, math.ceil(math.log2(max_weight + 1.0)))
        return headroom - max(1, math.ceil(math.log2(max_features + 1)))

    def top(self, parts: _Parts, k: int) -> list[tuple[int, float]]:
        get = self._rows.__getitem__
        one = 1 << self._FACTOR_BITS
        total = 0
        count = 0
        for fids, factor in parts:
            q = round(factor * one)
            total += q * sum(map(get, fids))
            count += q * len(fids)
        lanes = array("Q", total.to_bytes(self._nbytes, "little"))
        if sys.byteorder != "little":
            lanes.byteswap()
        scale = self._scale
        base = count * self._offset
        acc = [(lane - base) * scale for lane in lanes]
        if self._n <= 64:
            best = sorted(range(self._n), key=acc.__getitem__, reverse=True)[:k]
        else:
            best = heapq.nlargest(k, range(self._n), key=acc.__getitem__)
        return [(i, acc[i]) for i in best]


class _SparseRows:
    """Per-feature sparse rows ``[(intent, idf * prototype)]``: many intents, no numpy."""

    __slots__ = ("_n", "_rows")

    def __init__(self, rows: Sequence[Sequence[tuple[int, float]]], n_intents: int) -> None:
        self._rows = tuple(tuple(row) for row in rows)
        self._n = n_intents

    def top(self, parts: _Parts, k: int) -> list[tuple[int, float]]:
        acc = [0.0] * self._n
        rows = self._rows
        for fids, factor in parts:
            for fid in fids:
                for i, x in rows[fid]:
                    acc[i] += factor * x
        best = heapq.nlargest(k, range(self._n), key=acc.__getitem__)
        return [(i, acc[i]) for i in best]
