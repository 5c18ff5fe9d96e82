"""Conversation state: what each session is talking about, and a bounded store of sessions."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from typing import Any

__all__ = ["DEFAULT_MAX_SESSIONS", "Context", "SessionStore"]

DEFAULT_MAX_SESSIONS = 10_000


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

        def roles_of(key: str) -> tuple[str, ...]:
            value = data.get(key) or []
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"session {key!r} must be a list of role ids")
            return tuple(v for v in value if role_ids is None or v in role_ids)

        def topic_of(key: str) -> str | None:
            value = data.get(key)
            if value is None:
                return None
            if not isinstance(value, str):
                raise ValueError(f"session {key!r} must be a topic id or null")
            return value if topics is None or value in topics else None

        intent = data.get("intent")
        turns = data.get("turns", 0)
        if intent is not None and not isinstance(intent, str):
            raise ValueError("session 'intent' must be a string or null")
        if not isinstance(turns, int) or isinstance(turns, bool) or turns < 0:
            raise ValueError("session 'turns' must be a non-negative integer")
        return cls(
            roles=roles_of("roles"),
            topic=topic_of("topic"),
            pending_topic=topic_of("pending_topic"),
            intent=intent,
            recommended=roles_of("recommended"),
            turns=turns,
        )


class SessionStore:
    """Contexts by session id, least-recently-used first out once ``max_sessions`` is reached.

    All methods are thread-safe.
    """

    def __init__(self, max_sessions: int = DEFAULT_MAX_SESSIONS) -> None:
        if not isinstance(max_sessions, int) or max_sessions < 1:
            raise ValueError("max_sessions must be a positive integer")
        self._max = max_sessions
        self._data: OrderedDict[str, Context] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def max_sessions(self) -> int:
        return self._max

    def get(self, session_id: str) -> Context:
        """The session's context (a fresh one for an unknown id)."""
        with self._lock:
            ctx = self._data.get(session_id)
            if ctx is None:
                return Context()
            self._data.move_to_end(session_id)
            return ctx

    def put(self, session_id: str, ctx: Context) -> None:
        with self._lock:
            self._data[session_id] = ctx
            self._data.move_to_end(session_id)
            while len(self._data) > self._max:
                self._data.popitem(last=False)

    def reset(self, session_id: str) -> bool:
        """Forget a session; ``True`` if it existed."""
        with self._lock:
            return self._data.pop(session_id, None) is not None

    def __contains__(self, session_id: object) -> bool:
        with self._lock:
            return session_id in self._data

    def __len__(self) -> int:
        with self._lock:
            return len(self._data)
