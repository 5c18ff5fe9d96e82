"""The :class:`Answer` every ``render_*`` function returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Answer"]


@dataclass(frozen=True)
class Answer:
    """Rendered text plus structured data and the source ids it rests on."""

    text: str
    data: dict[str, Any] = field(default_factory=dict)
    source_ids: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
