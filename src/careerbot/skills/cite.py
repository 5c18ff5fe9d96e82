"""Source markers for advisor answers: ``[1][3]`` after a line and a ``References:`` legend."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

from ..data.knowledge import KnowledgeBase
from .wording import say

__all__ = ["Citations"]


class Citations:
    """Numbers the knowledge base's sources in their order (1, 2, ...). Read-only."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._no: Mapping[str, int] = MappingProxyType({sid: i + 1 for i, sid in enumerate(kb.sources)})

    def number(self, source_id: str) -> int | None:
        """The marker number of ``source_id`` (``None`` for an unknown id)."""
        return self._no.get(source_id)

    def ordered(self, source_ids: Iterable[str]) -> list[str]:
        """The known sources among ``source_ids``, once each, in marker order."""
        return sorted({s for s in source_ids if s in self._no}, key=lambda s: self._no[s])

    def refs(self, source_ids: Iterable[str]) -> str:
        """``[1][2]`` for the known sources among ``source_ids``."""
        nums = sorted({self._no[s] for s in source_ids if s in self._no})
        return "".join(f"[{n}]" for n in nums)

    def legend(self, source_ids: Iterable[str]) -> str:
        """``References: [1] title; [2] title`` for the known sources among ``source_ids``."""
        refs = "; ".join(
            say("source_ref", n=self._no[s], title=self._kb.sources[s].title) for s in self.ordered(source_ids)
        )
        return say("sources", refs=refs)
