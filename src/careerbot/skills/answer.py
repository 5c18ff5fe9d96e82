"""The :class:`Answer` every ``render_*`` function returns."""

from __future__ import annotations

import marshal
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

__all__ = ["Answer"]


@dataclass(frozen=True)
class Answer:
    """Rendered text plus structured data and the source ids it rests on."""

    text: str
    data: dict[str, Any] = field(default_factory=dict)
    source_ids: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()

    def copied_data(self) -> dict[str, Any]:
        """A copy of ``data`` (dicts and lists anew), so no reply shares it with another (answers
        are cached). Answer data is plain values (dicts, lists, tuples, strings, numbers), which
        ``marshal`` copies in C, several times faster than walking it; anything else is walked."""
        frozen = self._marshalled
        if frozen is None:
            return _walked(self.data)  # type: ignore[no-any-return]
        copied: dict[str, Any] = marshal.loads(frozen)
        return copied

    @cached_property
    def _marshalled(self) -> bytes | None:
        """``data`` marshalled once (a cached answer is copied for every reply), or ``None`` when
        it holds a value ``marshal`` cannot write."""
        try:
            return marshal.dumps(self.data)
        except ValueError:
            return None


def _walked(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _walked(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_walked(v) for v in value]
    return value
