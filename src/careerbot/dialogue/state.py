"""Conversation state: what each session is talking about (stores are in :mod:`.stores`)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from typing import Any

__all__ = ["MAX_FIELD_CHARS", "MAX_LIST_ITEMS", "MAX_SESSION_KEYS", "MAX_TURNS", "Context"]

#: Bounds on what :meth:`Context.from_dict` accepts (a stored or restored session is untrusted).
MAX_SESSION_KEYS = 64
MAX_LIST_ITEMS = 64
MAX_FIELD_CHARS = 200
MAX_TURNS = 10**12


@dataclass(frozen=True)
class Context:
    """The state of one conversation (immutable; each turn makes a new one).

    ``roles`` and ``topic`` are what the last answer was about (for follow-ups);
    ``pending_topic`` is set when the bot asked "which role?"; ``recommended`` holds
    the roles of the last recommendation.
    """

    roles: tuple[str, ...] = ()
    topic: str | None = None
    pending_topic: str | None = None
    intent: str | None = None
    recommended: tuple[str, ...] = ()
    turns: int = 0

    def evolve(self, **changes: Any) -> Context:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """A plain, JSON-ready dict (see :meth:`from_dict`)."""
        return {
            "roles": list(self.roles),
            "topic": self.topic,
            "pending_topic": self.pending_topic,
            "intent": self.intent,
            "recommended": list(self.recommended),
            "turns": self.turns,
        }

    @classmethod
    def from_dict(
        cls,
        data: Mapping[str, Any],
        *,
        role_ids: Collection[str] | None = None,
        topics: Collection[str] | None = None,
    ) -> Context:
        """Rebuild a context from :meth:`to_dict` output; unknown ids are dropped, bad types raise ``ValueError``."""
        if not isinstance(data, Mapping):
            raise ValueError("session data must be a mapping")
        if len(data) > MAX_SESSION_KEYS:
            raise ValueError(f"session data has more than {MAX_SESSION_KEYS} keys")

        def text_of(key: str, value: object, what: str) -> str:
            if not isinstance(value, str):
                raise ValueError(f"session {key!r} must be {what}")
            if len(value) > MAX_FIELD_CHARS:
                raise ValueError(f"session {key!r} has a value over {MAX_FIELD_CHARS} characters")
            return value

        def roles_of(key: str) -> tuple[str, ...]:
            value = data.get(key)
            if value is None:
                return ()
            if not isinstance(value, (list, tuple)):
                raise ValueError(f"session {key!r} must be a list of role ids")
            if len(value) > MAX_LIST_ITEMS:
                raise ValueError(f"session {key!r} has more than {MAX_LIST_ITEMS} items")
            items = [text_of(key, v, "a list of role ids") for v in value]
            if len(set(items)) != len(items):
                raise ValueError(f"session {key!r} repeats a role id")
            return tuple(v for v in items if role_ids is None or v in role_ids)

        def topic_of(key: str) -> str | None:
            value = data.get(key)
            if value is None:
                return None
            text = text_of(key, value, "a topic id or null")
            return text if topics is None or text in topics else None

        intent = data.get("intent")
        turns = data.get("turns", 0)
        if intent is not None:
            intent = text_of("intent", intent, "a string or null")
        if not isinstance(turns, int) or isinstance(turns, bool) or not 0 <= turns <= MAX_TURNS:
            raise ValueError(f"session 'turns' must be an integer from 0 to {MAX_TURNS}")
        return cls(
            roles=roles_of("roles"),
            topic=topic_of("topic"),
            pending_topic=topic_of("pending_topic"),
            intent=intent,
            recommended=roles_of("recommended"),
            turns=turns,
        )
