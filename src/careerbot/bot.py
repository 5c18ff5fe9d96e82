""":class:`CareerBot`: reads each message (``nlu``), lets the policy answer it (``dialogue``) and keeps sessions."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .build_cache import BuildCache
from .data.intents import IntentSet
from .data.knowledge import TOPIC_TITLES, KnowledgeBase
from .data.validate import load_data
from .data.yamlio import bundled_dir
from .dialogue.policy import Policy
from .dialogue.state import Context
from .dialogue.stores import DEFAULT_MAX_SESSIONS, MemorySessionStore, SessionStore, check_session_id
from .matcher import IntentMatcher
from .nlu.normalize import MAX_INPUT_CHARS, truncate
from .nlu.parse import Reader
from .nlu.understand import Thresholds, Understanding
from .reply import Reply
from .skills.wording import TEMPLATES

__all__ = ["CareerBot", "Thresholds", "Understanding"]


def _build(
    knowledge_dir: str | Path | None, intents_dir: str | Path | None, thresholds: Thresholds,
    cache_dir: str | Path | None,
) -> tuple[KnowledgeBase, IntentSet, Reader, Policy]:
    """The data, reader and policy: read back from ``cache_dir`` when nothing changed, else built."""
    cache = BuildCache(cache_dir) if cache_dir is not None else None
    key = None
    if cache is not None:
        dirs = tuple(Path(d) if d is not None else bundled_dir(name)
                     for d, name in ((knowledge_dir, "knowledge"), (intents_dir, "intents")))
        key = cache.key(dirs, repr(thresholds))
        cached = cache.load(key) if key is not None else None
        if (isinstance(cached, tuple) and len(cached) == 4 and isinstance(cached[0], KnowledgeBase)
                and isinstance(cached[1], IntentSet) and isinstance(cached[2], Reader)
                and isinstance(cached[3], Policy)):
            return cached
    kb, intents = load_data(knowledge_dir, intents_dir)
    reader, policy = Reader(kb, intents, thresholds), Policy(kb, intents, thresholds)
    if cache is not None and key is not None:
        reader.prepare()
        policy.prepare()
        cache.save(key, (kb, intents, reader, policy))
    return kb, intents, reader, policy


class CareerBot:
    """A career chatbot over a knowledge base. One instance is safe to share across threads.

    ``CareerBot()`` loads the bundled data; ``CareerBot(knowledge_dir=..., intents_dir=...)``
    loads and validates other data and raises :class:`careerbot.DataError` (listing every
    problem as ``path:line: message``) when it is broken.

    With ``cache_dir``, what was built is kept there and read back on the next start while
    nothing it was built from has changed (see :mod:`careerbot.build_cache`); the command line
    uses this for one-off questions.

    Each message is read once by the :class:`~careerbot.nlu.parse.Reader` into a ``Parse``; the
    :class:`~careerbot.dialogue.policy.Policy` alone decides the answer and the next session state.
    """

    def __init__(
        self,
        knowledge_dir: str | Path | None = None,
        intents_dir: str | Path | None = None,
        *,
        max_sessions: int = DEFAULT_MAX_SESSIONS,
        thresholds: Thresholds | None = None,
        sessions: SessionStore | None = None,
        cache_dir: str | Path | None = None,
    ) -> None:
        if sessions is not None and not isinstance(sessions, SessionStore):
            raise TypeError("sessions must be a careerbot.dialogue.stores.SessionStore")
        built = _build(knowledge_dir, intents_dir, thresholds or Thresholds(), cache_dir)
        self._kb, self._intents, self._nlu, self._policy = built
        # Sessions: the given store (SQLite, Redis, ...), else a bounded in-memory LRU store.
        self._sessions = sessions if sessions is not None else MemorySessionStore(max_sessions)

    # -- public API -------------------------------------------------------------------------

    def with_thresholds(self, thresholds: Thresholds) -> CareerBot:
        """A bot sharing this one's data and models but using other thresholds (and its own sessions)."""
        clone = copy.copy(self)
        clone._nlu = self._nlu.with_thresholds(thresholds)
        clone._policy = self._policy.with_thresholds(thresholds)
        clone._sessions = MemorySessionStore(getattr(self._sessions, "max_sessions", DEFAULT_MAX_SESSIONS))
        return clone

    @property
    def knowledge(self) -> KnowledgeBase:
        """The (read-only) knowledge base."""
        return self._kb

    @property
    def intents(self) -> IntentSet:
        """The (read-only) intent definitions."""
        return self._intents

    @property
    def matcher(self) -> IntentMatcher:
        return self._nlu.understander.matcher

    @property
    def sessions(self) -> SessionStore:
        return self._sessions

    def understand(self, text: str, *, context_roles: Sequence[str] = ()) -> Understanding:
        """How ``text`` is read (see :meth:`careerbot.nlu.understand.Understander.understand`)."""
        return self._nlu.understander.understand(text, context_roles=context_roles)

    def ask(self, text: str, session_id: str = "default") -> Reply:
        """Answer ``text`` in the conversation ``session_id``.

        The turn is one atomic update of the session store: concurrent turns of one session
        are applied one after the other, none is lost.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        check_session_id(session_id)
        clipped, truncated = truncate(text)

        def turn(data: dict[str, Any] | None) -> tuple[dict[str, Any], Reply]:
            ctx = self._context_of(data)
            reply, new_ctx = self._policy.respond(self._nlu.read(clipped, context_roles=ctx.roles), ctx)
            return new_ctx.evolve(turns=ctx.turns + 1).to_dict(), reply

        reply = self._sessions.update(session_id, turn)
        if truncated:
            note = TEMPLATES["truncated"].safe_substitute(limit=MAX_INPUT_CHARS)
            reply = Reply(**{**reply.__dict__, "text": f"{reply.text}\n\n{note}", "truncated": True})
        return reply

    def _context_of(self, data: Mapping[str, Any] | None) -> Context:
        """The context of stored session data; a damaged or tampered entry starts afresh."""
        if data is None:
            return Context()
        try:
            return Context.from_dict(data, role_ids=self._kb.roles, topics=TOPIC_TITLES)
        except ValueError:
            return Context()

    def reset(self, session_id: str = "default") -> None:
        """Forget the conversation ``session_id``."""
        self._sessions.delete(check_session_id(session_id))

    def export_session(self, session_id: str = "default") -> dict[str, Any]:
        """The session's state as a plain dict (store it, then :meth:`restore_session`)."""
        return self._context_of(self._sessions.get(check_session_id(session_id))).to_dict()

    def restore_session(self, session_id: str, data: Mapping[str, Any]) -> None:
        """Restore a session from :meth:`export_session` output (``ValueError`` if malformed or too big)."""
        check_session_id(session_id)
        ctx = Context.from_dict(data, role_ids=self._kb.roles, topics=TOPIC_TITLES)
        self._sessions.set(session_id, ctx.to_dict())
