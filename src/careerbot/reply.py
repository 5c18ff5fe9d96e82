"""The :class:`Reply` value returned by :meth:`careerbot.CareerBot.ask`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["FALLBACK", "REFERENCES_LABEL", "Reply"]

#: The intent of every out-of-scope reply.
FALLBACK = "fallback"
#: How an answer's own list of articles starts ("References: [1] Title; [2] Title").
REFERENCES_LABEL = "References:"


@dataclass(frozen=True)
class Reply:
    """One answer.

    ``text`` is plain text (headings, ``- `` bullets); ``intent`` is ``"fallback"``
    when the question is out of scope; ``confidence`` is in [0, 1]; ``roles`` are the
    canonical ids the answer is about (best first for recommendations); ``topic`` is a
    topic id or ``None``; ``sources`` are the titles of the articles behind the answer;
    ``suggestions`` are questions the user could ask next; ``data`` holds structured
    results (tables, postings, scores) for apps that render their own views;
    ``truncated`` is true when the input was cut to the matching limit.
    """

    text: str
    intent: str
    confidence: float
    roles: tuple[str, ...] = ()
    topic: str | None = None
    sources: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    data: Mapping[str, Any] = field(default_factory=dict)
    truncated: bool = False

    @property
    def lists_references(self) -> bool:
        """Whether :attr:`text` ends with its own list of articles, so a front end need not add one."""
        lines = self.text.rstrip().splitlines()
        return bool(lines) and lines[-1].startswith(REFERENCES_LABEL)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of every field."""
        return {
            "text": self.text,
            "intent": self.intent,
            "confidence": round(float(self.confidence), 4),
            "roles": list(self.roles),
            "topic": self.topic,
            "sources": list(self.sources),
            "suggestions": list(self.suggestions),
            "data": _plain(self.data),
            "truncated": self.truncated,
        }


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
