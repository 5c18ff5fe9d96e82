"""Conversation state: what each session is talking about (stores are in :mod:`.stores`)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

__all__ = ["MAX_FIELD_CHARS", "MAX_LIST_ITEMS", "MAX_SESSION_KEYS", "MAX_TURNS", "Context", "Profile"]

#: Bounds on what :meth:`Context.from_dict` accepts (a stored or restored session is untrusted).
MAX_SESSION_KEYS = 64
MAX_LIST_ITEMS = 64
MAX_FIELD_CHARS = 200
MAX_TURNS = 10**12
#: Bounds on what a session remembers about the person (and accepts from restored data).
MAX_PROFILE_ITEMS = 40
MAX_STATEMENTS = 8
MAX_STATEMENT_CHARS = 600
MAX_ITEM_CHARS = 80
#: Bounds on the ids a session keeps of the last answer (postings shown, roles listed).
MAX_LAST_ITEMS = 20


def _bounded(items: Iterable[str], limit: int, chars: int) -> tuple[str, ...]:
    """Unique items, the newest ``limit`` of them, each at most ``chars`` long."""
    unique = list(dict.fromkeys(i[:chars] for i in items if i))
    return tuple(unique[-limit:])


@dataclass(frozen=True)
class Profile:
    """What the person said about themselves in this conversation.

    ``known``/``not_known``: canonical names of things they have or said they lack; ``background``:
    jobs or fields they come from; ``current``/``targets``: role ids they hold or aim at;
    ``statements``: their self-descriptions as said (bounded), re-read by recommendations and gaps;
    ``likes``: things they said they like or love.
    """

    known: tuple[str, ...] = ()
    not_known: tuple[str, ...] = ()
    background: tuple[str, ...] = ()
    current: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    statements: tuple[str, ...] = ()
    likes: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.known or self.not_known or self.background or self.current or self.targets or self.likes)

    def merged(
        self, *, known: Iterable[str] = (), not_known: Iterable[str] = (), background: Iterable[str] = (),
        current: Iterable[str] = (), targets: Iterable[str] = (), statement: str | None = None,
        likes: Iterable[str] = (),
    ) -> Profile:
        """This profile plus a new self-description; what is said later wins over what it contradicts."""
        known, not_known = tuple(known), tuple(not_known)
        n, chars = MAX_PROFILE_ITEMS, MAX_ITEM_CHARS
        return Profile(
            known=_bounded([k for k in self.known if k not in not_known] + list(known), n, chars),
            not_known=_bounded([k for k in self.not_known if k not in known] + list(not_known), n, chars),
            background=_bounded([*self.background, *background], n, chars),
            current=_bounded([*self.current, *current], n, chars),
            targets=_bounded([*self.targets, *targets], n, chars),
            statements=_bounded(
                [*self.statements, *([statement] if statement else [])], MAX_STATEMENTS, MAX_STATEMENT_CHARS
            ),
            likes=_bounded([*self.likes, *likes], n, chars),
        )

    def to_dict(self) -> dict[str, list[str]]:
        return {
            "known": list(self.known), "not_known": list(self.not_known), "background": list(self.background),
            "current": list(self.current), "targets": list(self.targets), "statements": list(self.statements),
            "likes": list(self.likes),
        }

    @classmethod
    def from_dict(cls, data: Any, *, role_ids: Collection[str] | None = None) -> Profile:
        """Rebuild from :meth:`to_dict`; wrong types or sizes raise ``ValueError``."""
        if data is None:
            return cls()
        if not isinstance(data, Mapping):
            raise ValueError("session 'profile' must be a mapping")
        fields: dict[str, tuple[str, ...]] = {}
        for key in ("known", "not_known", "background", "current", "targets", "statements", "likes"):
            value = data.get(key)
            if value is None or (type(value) is list and not value):
                fields[key] = ()  # the common case: nothing said of this kind
                continue
            limit = MAX_STATEMENTS if key == "statements" else MAX_PROFILE_ITEMS
            chars = MAX_STATEMENT_CHARS if key == "statements" else MAX_ITEM_CHARS
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"session profile {key!r} must be a list of strings")
            if len(value) > limit or any(len(v) > chars for v in value):
                raise ValueError(f"session profile {key!r} is too long")
            if key in ("current", "targets") and role_ids is not None:
                value = [v for v in value if v in role_ids]
            fields[key] = tuple(dict.fromkeys(value))
        return cls(**fields)


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
    profile: Profile = field(default_factory=Profile)
    #: Ids of the postings the last answer showed ("is that one remote?").
    postings: tuple[str, ...] = ()
    #: Role ids of the last list shown (a comparison, a recommendation's ranking), in order, for
    #: "the second one", "the other one", "the two".
    options: tuple[str, ...] = ()
    #: Role ids the conversation was about, most recent first, for "the two" after two answers.
    recent: tuple[str, ...] = ()
    #: The kind of the last reply when it was a fallback, so the same block is not repeated.
    last_fallback: str | None = None
    #: Ids of the named things the last answer was asked about ("do they use Jenkins?"), for "same for MLREs".
    things: tuple[str, ...] = ()
    #: The self-descriptions of the message being answered (the newest of ``profile.statements``):
    #: what the person says now, which counts more than what they said before. Set anew for each
    #: message and not part of :meth:`to_dict`.
    said_now: tuple[str, ...] = ()

    @property
    def pair(self) -> tuple[str, ...]:
        """The two roles "them two", "which of them" and "the difference between them" mean: those of
        the last answer, or else the last two talked about in turn; ``()`` when there are not two."""
        if len(self.roles) >= 2:
            return self.roles[:2]
        # (in the order they were talked about: "DE?" "and the MLE?" "the two" is DE, then MLE)
        return tuple(reversed(self.recent[:2])) if len(self.recent) >= 2 else ()

    def evolve(self, **changes: Any) -> Context:
        """This state with ``changes`` (field names and new values), like :func:`dataclasses.replace`
        without re-running ``__init__`` (a turn makes several)."""
        unknown = changes.keys() - _CONTEXT_FIELDS
        if unknown:
            raise TypeError(f"Context has no field {sorted(unknown)[0]!r}")
        new = object.__new__(Context)
        new.__dict__.update(self.__dict__, **changes)
        return new

    def to_dict(self) -> dict[str, Any]:
        """A plain, JSON-ready dict (see :meth:`from_dict`)."""
        return {
            "roles": list(self.roles),
            "topic": self.topic,
            "pending_topic": self.pending_topic,
            "intent": self.intent,
            "recommended": list(self.recommended),
            "turns": self.turns,
            "profile": self.profile.to_dict(),
            "postings": list(self.postings),
            "options": list(self.options),
            "recent": list(self.recent),
            "last_fallback": self.last_fallback,
            "things": list(self.things),
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
        def ids_of(key: str, what: str) -> tuple[str, ...]:
            value = data.get(key)
            if value is None:
                return ()
            if not isinstance(value, (list, tuple)) or len(value) > MAX_LAST_ITEMS:
                raise ValueError(f"session {key!r} must be a list of at most {MAX_LAST_ITEMS} {what}")
            return tuple(dict.fromkeys(text_of(key, v, f"a list of {what}") for v in value))

        postings = ids_of("postings", "posting ids")
        things = ids_of("things", "thing ids")
        last_fallback = data.get("last_fallback")
        if last_fallback is not None:
            last_fallback = text_of("last_fallback", last_fallback, "a string or null")
        return cls(
            roles=roles_of("roles"),
            topic=topic_of("topic"),
            pending_topic=topic_of("pending_topic"),
            intent=intent,
            recommended=roles_of("recommended"),
            turns=turns,
            profile=Profile.from_dict(data.get("profile"), role_ids=role_ids),
            postings=postings,
            options=roles_of("options"),
            recent=roles_of("recent"),
            last_fallback=last_fallback,
            things=things,
        )


#: The field names of :class:`Context` (for :meth:`Context.evolve`).
_CONTEXT_FIELDS = frozenset(f.name for f in fields(Context))
