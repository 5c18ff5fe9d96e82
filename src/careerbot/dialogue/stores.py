"""Session stores: where conversations live between turns.

A store maps a session id to the JSON dict of :meth:`careerbot.dialogue.state.Context.to_dict`
(the store treats it as opaque) and updates one session atomically with :meth:`SessionStore.update`,
so two turns of one session at the same moment are both counted.

- :class:`MemorySessionStore`: in this process, bounded, least recently used out first (the default);
- :class:`SQLiteSessionStore`: one SQLite file (WAL), shared by the processes of one host, with expiry;
- :class:`RedisSessionStore`: a Redis server (redis-py, ``pip install "careerbot[redis]"``), shared by
  processes and hosts, with expiry; updates use ``WATCH``/``MULTI`` compare-and-set.

:func:`open_store` builds one from a URL: ``memory``, ``sqlite:///PATH`` or ``redis://HOST:PORT/DB``.
"""

from __future__ import annotations

import abc
import contextlib
import json
import os
import sqlite3
import threading
import time
import zlib
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import parse_qs, urlsplit

if TYPE_CHECKING:
    import redis

__all__ = [
    "DEFAULT_MAX_SESSIONS",
    "DEFAULT_TTL_SECONDS",
    "MAX_SESSION_BYTES",
    "MAX_SESSION_ID_CHARS",
    "MemorySessionStore",
    "RedisSessionStore",
    "SQLiteSessionStore",
    "SessionStore",
    "StoreUnavailable",
    "check_session_id",
    "default_sqlite_path",
    "open_store",
]

T = TypeVar("T")
SessionData = dict[str, Any]
#: ``update`` callbacks get the stored dict (``None`` for a new session) and return the new dict and a result.
Updater = Callable[[SessionData | None], tuple[SessionData, T]]

DEFAULT_MAX_SESSIONS = 10_000
#: Sessions untouched this long are forgotten by the SQLite and Redis stores (30 days).
DEFAULT_TTL_SECONDS = 30 * 24 * 3600
#: Longest session id accepted anywhere (library, HTTP).
MAX_SESSION_ID_CHARS = 200
#: Largest stored session (its JSON); a bigger one is refused with ``ValueError``.
MAX_SESSION_BYTES = 64 * 1024
#: Stripes of per-session locks of the in-memory store.
_LOCK_STRIPES = 64


class StoreUnavailable(RuntimeError):
    """The store cannot be reached or used (missing client library, server down, bad URL)."""


def check_session_id(session_id: object) -> str:
    """``session_id`` if it is a ``str`` of at most :data:`MAX_SESSION_ID_CHARS` characters.

    ``TypeError`` for a non-``str``, ``ValueError`` for a longer one.
    """
    if not isinstance(session_id, str):
        raise TypeError(f"session_id must be str, not {type(session_id).__name__}")
    if len(session_id) > MAX_SESSION_ID_CHARS:
        raise ValueError(f"session_id must have at most {MAX_SESSION_ID_CHARS} characters")
    return session_id


#: How session data is written (one encoder, made once; it keeps no state between calls).
_JSON = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"), allow_nan=False)


def _encode(data: SessionData) -> str:
    if not isinstance(data, dict):
        raise ValueError("session data must be a dict")
    text = _JSON.encode(data)
    if len(text) > MAX_SESSION_BYTES:
        raise ValueError(f"session data over {MAX_SESSION_BYTES} bytes")
    return text


def _decode(text: str | bytes | None) -> SessionData | None:
    """The stored dict, or ``None`` when absent or unreadable (a damaged entry starts fresh)."""
    if text is None or len(text) > MAX_SESSION_BYTES:
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


class SessionStore(abc.ABC):
    """Session dicts by id. Implementations are thread-safe."""

    @abc.abstractmethod
    def get(self, session_id: str) -> SessionData | None:
        """The stored dict, or ``None`` for an unknown (or expired) session."""

    @abc.abstractmethod
    def set(self, session_id: str, data: SessionData) -> None:
        """Store ``data`` (JSON-ready; ``ValueError`` if over :data:`MAX_SESSION_BYTES`)."""

    @abc.abstractmethod
    def update(self, session_id: str, fn: Updater[T]) -> T:
        """Atomically replace the session by ``fn(old)[0]`` and return ``fn(old)[1]``.

        No other update of the same session, in this process or another, happens in between.
        ``fn`` may be called more than once (compare-and-set stores retry on a conflict).
        """

    @abc.abstractmethod
    def delete(self, session_id: str) -> bool:
        """Forget a session; ``True`` if it existed."""

    @abc.abstractmethod
    def __len__(self) -> int:
        """How many sessions are stored (may include expired ones not yet purged)."""

    def __contains__(self, session_id: object) -> bool:
        return isinstance(session_id, str) and self.get(session_id) is not None

    def reset(self, session_id: str) -> bool:
        """Same as :meth:`delete`."""
        return self.delete(session_id)

    def close(self) -> None:  # noqa: B027 - optional hook, nothing to release by default
        """Release connections (the store is unusable afterwards)."""

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class MemorySessionStore(SessionStore):
    """In this process only; at most ``max_sessions``, least recently used out first."""

    def __init__(self, max_sessions: int = DEFAULT_MAX_SESSIONS) -> None:
        if not isinstance(max_sessions, int) or isinstance(max_sessions, bool) or max_sessions < 1:
            raise ValueError("max_sessions must be a positive integer")
        self._max = max_sessions
        self._data: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()
        self._stripes = tuple(threading.Lock() for _ in range(_LOCK_STRIPES))

    @property
    def max_sessions(self) -> int:
        return self._max

    def get(self, session_id: str) -> SessionData | None:
        with self._lock:
            text = self._data.get(session_id)
            if text is None:
                return None
            self._data.move_to_end(session_id)
        return _decode(text)

    def set(self, session_id: str, data: SessionData) -> None:
        text = _encode(data)
        with self._lock:
            self._data[session_id] = text
            self._data.move_to_end(session_id)
            while len(self._data) > self._max:
                self._data.popitem(last=False)

    def update(self, session_id: str, fn: Updater[T]) -> T:
        # One lock per stripe of sessions: turns of one session queue, other sessions go on.
        with self._stripes[zlib.crc32(session_id.encode("utf-8", "surrogatepass")) % _LOCK_STRIPES]:
            new, result = fn(self.get(session_id))
            self.set(session_id, new)
            return result

    def delete(self, session_id: str) -> bool:
        with self._lock:
            return self._data.pop(session_id, None) is not None

    def __contains__(self, session_id: object) -> bool:
        with self._lock:
            return session_id in self._data

    def __len__(self) -> int:
        with self._lock:
            return len(self._data)


def default_sqlite_path(environ: Any = None) -> Path:
    """``$XDG_DATA_HOME/careerbot/sessions.sqlite3`` (default ``~/.local/share/careerbot/...``)."""
    env = os.environ if environ is None else environ
    base = env.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "careerbot" / "sessions.sqlite3"


class SQLiteSessionStore(SessionStore):
    """Sessions in one SQLite file (WAL journal), safe to share between threads and processes.

    An update is a compare-and-set: read the session and its version, compute the new one
    without holding any lock, then write it in a ``BEGIN IMMEDIATE`` transaction only if the
    version is still the same (else read again and retry), so processes compute turns in
    parallel and hold the write lock only to write. Sessions not touched for ``ttl`` seconds
    are expired (purged now and then).
    """

    _SCHEMA = (
        "CREATE TABLE IF NOT EXISTS sessions ("
        " id TEXT PRIMARY KEY, data TEXT NOT NULL, expires REAL NOT NULL,"
        " version INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID"
    )
    _PURGE_EVERY = 500
    MAX_RETRIES = 100

    def __init__(self, path: str | os.PathLike[str], *, ttl: float = DEFAULT_TTL_SECONDS,
                 timeout: float = 30.0) -> None:
        if not isinstance(ttl, (int, float)) or isinstance(ttl, bool) or ttl <= 0:
            raise ValueError("ttl must be a positive number of seconds")
        self.path = Path(path)
        self.ttl = float(ttl)
        self._lock = threading.Lock()
        self._writes = 0
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Autocommit mode: transactions are explicit (BEGIN IMMEDIATE ... COMMIT).
            self._db = sqlite3.connect(
                str(self.path), timeout=timeout, isolation_level=None, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as exc:
            raise StoreUnavailable(f"cannot open SQLite sessions at {self.path}: {exc}") from exc
        deadline = time.monotonic() + timeout
        while True:
            # Switching to WAL needs a moment alone with the file: processes starting together
            # (workers) can get "database is locked" without SQLite's busy wait, so retry.
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.execute(self._SCHEMA)
                break
            except sqlite3.OperationalError as exc:
                if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() > deadline:
                    self._db.close()
                    raise StoreUnavailable(f"cannot open SQLite sessions at {self.path}: {exc}") from exc
                time.sleep(0.02)
            except sqlite3.Error as exc:
                self._db.close()
                raise StoreUnavailable(f"cannot open SQLite sessions at {self.path}: {exc}") from exc

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _read(self, db: sqlite3.Connection, session_id: str) -> SessionData | None:
        return self._read_versioned(db, session_id)[0]

    def _read_versioned(self, db: sqlite3.Connection, session_id: str) -> tuple[SessionData | None, int | None]:
        """The live session (``None`` if absent or expired) and the row's version (``None`` if no row)."""
        row = db.execute("SELECT data, expires, version FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            return None, None
        return (_decode(row[0]) if row[1] > time.time() else None), int(row[2])

    def _version(self, db: sqlite3.Connection, session_id: str) -> int | None:
        row = db.execute("SELECT version FROM sessions WHERE id = ?", (session_id,)).fetchone()
        return None if row is None else int(row[0])

    def _write(self, db: sqlite3.Connection, session_id: str, text: str) -> None:
        now = time.time()
        db.execute(
            "INSERT INTO sessions (id, data, expires, version) VALUES (?, ?, ?, 1) "
            "ON CONFLICT(id) DO UPDATE SET data = excluded.data, expires = excluded.expires,"
            " version = sessions.version + 1",
            (session_id, text, now + self.ttl),
        )
        self._writes += 1
        if self._writes % self._PURGE_EVERY == 0:
            db.execute("DELETE FROM sessions WHERE expires <= ?", (now,))

    def get(self, session_id: str) -> SessionData | None:
        with self._lock:
            return self._read(self._db, session_id)

    def set(self, session_id: str, data: SessionData) -> None:
        text = _encode(data)
        with self._transaction() as db:
            self._write(db, session_id, text)

    def update(self, session_id: str, fn: Updater[T]) -> T:
        for _ in range(self.MAX_RETRIES):
            with self._lock:
                old, version = self._read_versioned(self._db, session_id)
            new, result = fn(old)  # no lock held: other processes and threads go on
            text = _encode(new)
            with self._transaction() as db:
                if self._version(db, session_id) != version:
                    continue  # another turn of this session landed first: read it and redo this one
                self._write(db, session_id, text)
                return result
        raise StoreUnavailable(f"session update kept conflicting ({self.MAX_RETRIES} tries)")

    def delete(self, session_id: str) -> bool:
        with self._transaction() as db:
            return db.execute("DELETE FROM sessions WHERE id = ?", (session_id,)).rowcount > 0

    def purge(self) -> int:
        """Delete expired sessions now; returns how many."""
        with self._transaction() as db:
            return db.execute("DELETE FROM sessions WHERE expires <= ?", (time.time(),)).rowcount

    def __len__(self) -> int:
        with self._lock:
            row = self._db.execute("SELECT COUNT(*) FROM sessions WHERE expires > ?", (time.time(),)).fetchone()
            return int(row[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()


class RedisSessionStore(SessionStore):
    """Sessions in Redis under ``prefix + id``, each expiring ``ttl`` seconds after its last turn.

    Updates are optimistic: ``WATCH`` the key, read, compute, ``MULTI``/``SET``/``EXEC``;
    when another client changed the key in between, the update is retried.
    """

    MAX_RETRIES = 100

    def __init__(self, client: redis.Redis, *, ttl: int = DEFAULT_TTL_SECONDS,
                 prefix: str = "careerbot:session:") -> None:
        if not isinstance(ttl, int) or isinstance(ttl, bool) or ttl <= 0:
            raise ValueError("ttl must be a positive number of seconds")
        self._redis = client
        self.ttl = ttl
        self.prefix = prefix

    @classmethod
    def from_url(cls, url: str, **kwargs: Any) -> RedisSessionStore:
        try:
            import redis
        except ImportError:
            raise StoreUnavailable(
                'Redis sessions need the redis client: pip install "careerbot[redis]"'
            ) from None
        client = redis.Redis.from_url(url, socket_timeout=10, socket_connect_timeout=10)
        return cls(client, **kwargs)

    def _key(self, session_id: str) -> str:
        return self.prefix + session_id

    def ping(self) -> None:
        """Raise :class:`StoreUnavailable` unless the server answers."""
        import redis

        try:
            self._redis.ping()
        except redis.RedisError as exc:
            raise StoreUnavailable(f"Redis does not answer: {exc}") from exc

    def get(self, session_id: str) -> SessionData | None:
        raw: Any = self._redis.get(self._key(session_id))
        return _decode(raw)

    def set(self, session_id: str, data: SessionData) -> None:
        self._redis.set(self._key(session_id), _encode(data), ex=self.ttl)

    def update(self, session_id: str, fn: Updater[T]) -> T:
        import redis

        key = self._key(session_id)
        with self._redis.pipeline(transaction=True) as typed_pipe:
            pipe: Any = typed_pipe  # redis-py's pipeline methods are not all annotated
            for _ in range(self.MAX_RETRIES):
                try:
                    pipe.watch(key)
                    raw: Any = pipe.get(key)
                    new, result = fn(_decode(raw))
                    text = _encode(new)
                    pipe.multi()
                    pipe.set(key, text, ex=self.ttl)
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue  # someone else's turn of this session landed first: read again
                finally:
                    pipe.reset()
        raise StoreUnavailable(f"session update kept conflicting ({self.MAX_RETRIES} tries)")

    def delete(self, session_id: str) -> bool:
        return bool(self._redis.delete(self._key(session_id)))

    def __contains__(self, session_id: object) -> bool:
        return isinstance(session_id, str) and bool(self._redis.exists(self._key(session_id)))

    def __len__(self) -> int:
        pattern = "".join("\\" + c if c in "*?[]\\^" else c for c in self.prefix) + "*"
        return sum(1 for _ in self._redis.scan_iter(match=pattern, count=1000))

    def close(self) -> None:
        self._redis.close()


def open_store(url: str, *, max_sessions: int = DEFAULT_MAX_SESSIONS, ttl: int = DEFAULT_TTL_SECONDS) -> SessionStore:
    """A store from a URL.

    - ``memory``: :class:`MemorySessionStore` (``max_sessions``);
    - ``sqlite:///PATH``: :class:`SQLiteSessionStore` at ``/PATH`` (``sqlite://`` alone: :func:`default_sqlite_path`);
    - ``redis://HOST:PORT/DB`` (or ``rediss://``, ``unix://``): :class:`RedisSessionStore`.

    ``?ttl=SECONDS`` sets the expiry of the SQLite and Redis stores.
    ``ValueError`` for an unknown scheme, :class:`StoreUnavailable` when it cannot be opened.
    """
    if url == "memory":
        return MemorySessionStore(max_sessions)
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    if "ttl" in query:
        try:
            ttl = int(query["ttl"][-1])
        except ValueError:
            raise ValueError("ttl must be a whole number of seconds") from None
    if parts.scheme == "sqlite":
        path = url[len("sqlite://"):].split("?", 1)[0]
        return SQLiteSessionStore(path or default_sqlite_path(), ttl=ttl)
    if parts.scheme in ("redis", "rediss", "unix"):
        base = url.split("?", 1)[0] if "ttl" in query else url
        store = RedisSessionStore.from_url(base, ttl=ttl)
        store.ping()
        return store
    raise ValueError(f"unknown session store {url!r}: use memory, sqlite:///PATH or redis://HOST:PORT/DB")
