"""Session stores with the real parts: memory, SQLite (shared by processes) and a real redis-server."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from careerbot import CareerBot
from careerbot.dialogue.state import Context
from careerbot.dialogue.stores import (
    MAX_SESSION_BYTES,
    MAX_SESSION_ID_CHARS,
    MemorySessionStore,
    RedisSessionStore,
    SessionStore,
    SQLiteSessionStore,
    default_sqlite_path,
    open_store,
)

from .conftest import ROOT

StoreFactory = Callable[[], SessionStore]


@pytest.fixture(params=["memory", "sqlite", "redis"])
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreFactory]:
    """Opens stores of one kind that all see the same sessions (one file, one Redis database)."""
    opened: list[SessionStore] = []
    prefix = f"test:{request.node.name}:{time.monotonic_ns()}:"
    shared_memory = MemorySessionStore()

    def make() -> SessionStore:
        store: SessionStore
        if request.param == "memory":
            store = shared_memory
        elif request.param == "sqlite":
            store = SQLiteSessionStore(tmp_path / "sessions.sqlite3")
        else:
            url = request.getfixturevalue("redis_url")
            store = RedisSessionStore.from_url(url, prefix=prefix)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


def test_set_get_delete(make_store: StoreFactory) -> None:
    store = make_store()
    assert store.get("a") is None and "a" not in store
    store.set("a", {"roles": ["data_engineer"], "turns": 3})
    assert store.get("a") == {"roles": ["data_engineer"], "turns": 3} and "a" in store
    assert len(store) == 1
    assert make_store().get("a") == {"roles": ["data_engineer"], "turns": 3}  # another handle sees it
    assert store.delete("a") is True and store.delete("a") is False
    assert store.get("a") is None


def test_oversized_session_is_refused(make_store: StoreFactory) -> None:
    with pytest.raises(ValueError, match="over"):
        make_store().set("big", {"x": "y" * MAX_SESSION_BYTES})


def test_bot_keeps_context_in_the_store_across_bots(make_store: StoreFactory) -> None:
    """Two bots on one store (as two worker processes): a follow-up keeps its context on either."""
    first, second = CareerBot(sessions=make_store()), CareerBot(sessions=make_store())
    assert first.ask("what does a machine learning research engineer do?", "s1").roles == ("ml_research_engineer",)
    reply = second.ask("what tools do they use?", "s1")
    assert reply.roles == ("ml_research_engineer",) and reply.topic == "tools"
    assert first.export_session("s1")["turns"] == 2
    second.reset("s1")
    assert first.ask("what tools do they use?", "s1").roles == ()


def test_concurrent_turns_of_one_session_are_all_counted(make_store: StoreFactory) -> None:
    bots = [CareerBot(sessions=make_store()) for _ in range(2)]
    threads, per_thread, errors = 8, 15, []
    barrier = threading.Barrier(threads)

    def work(n: int) -> None:
        try:
            barrier.wait()
            for _ in range(per_thread):
                bots[n % 2].ask("what tools does a data engineer use?", "shared")
        except BaseException as exc:
            errors.append(exc)

    workers = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert errors == []
    assert bots[0].export_session("shared")["turns"] == threads * per_thread


def test_update_is_atomic_for_any_function(make_store: StoreFactory) -> None:
    stores = [make_store() for _ in range(3)]

    def add(data: dict[str, Any] | None) -> tuple[dict[str, Any], int]:
        count = (data or {}).get("n", 0) + 1
        return {"n": count}, count

    results: list[int] = []
    lock = threading.Lock()

    def work(store: SessionStore) -> None:
        for _ in range(40):
            value = store.update("counter", add)
            with lock:
                results.append(value)

    workers = [threading.Thread(target=work, args=(stores[i % 3],)) for i in range(6)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert sorted(results) == list(range(1, 241))  # every update saw the one before it
    assert stores[0].get("counter") == {"n": 240}


def test_a_failing_update_changes_nothing(make_store: StoreFactory) -> None:
    store = make_store()
    store.set("k", {"n": 1})

    def boom(data: dict[str, Any] | None) -> tuple[dict[str, Any], None]:
        raise RuntimeError("no")

    with pytest.raises(RuntimeError):
        store.update("k", boom)
    assert store.get("k") == {"n": 1}
    assert store.update("k", lambda d: ({"n": 2}, None)) is None and store.get("k") == {"n": 2}


def test_damaged_stored_session_starts_fresh(make_store: StoreFactory) -> None:
    """A tampered entry in the store (3,000 copies of a role) is not trusted: the turn starts afresh."""
    store = make_store()
    bot = CareerBot(sessions=store)
    store.set("t", {"roles": ["data_engineer"] * 3_000, "topic": "tools", "turns": 1})
    started = time.monotonic()
    reply = bot.ask("what tools do they use?", "t")
    assert time.monotonic() - started < 30  # (a bound against hanging, not a timing assertion)
    assert reply.roles == () and bot.export_session("t")["turns"] == 1
    store.set("t2", {"turns": 10**30})
    assert bot.ask("hello", "t2").intent == "greet" and bot.export_session("t2")["turns"] == 1


# -- bounds on restored sessions and ids ------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"roles": ["data_engineer"] * 20_000}, "more than"),
        ({"roles": ["data_engineer", "data_engineer"]}, "repeats"),
        ({"recommended": ["ml_engineer"] * 3}, "repeats"),
        ({"roles": ["x"] * 1_000_000}, "more than"),
        ({"topic": "t" * 10_000_000}, "over"),
        ({"intent": "i" * 1000}, "over"),
        ({"roles": ["r" * 1000]}, "over"),
        ({"turns": 10**400}, "'turns'"),
        ({"turns": -1}, "'turns'"),
        ({"turns": True}, "'turns'"),
        ({"turns": 1.5}, "'turns'"),
        ({"roles": False}, "list of role ids"),
        ({"roles": "data_engineer"}, "list of role ids"),
        ({"roles": [1]}, "list of role ids"),
        ({"topic": 3}, "topic id"),
        ({"intent": ["x"]}, "string or null"),
        ({f"k{i}": 1 for i in range(1000)}, "keys"),
        (["roles"], "mapping"),
    ],
    ids=lambda v: str(v)[:40],
)
def test_restore_rejects_tampered_sessions(bot: CareerBot, data: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        bot.restore_session("tampered", data)
    assert "tampered" not in bot.sessions


def test_restore_accepts_its_own_export_and_drops_unknown_ids(bot: CareerBot) -> None:
    bot.restore_session("r1", {"roles": ["data_engineer", "no_such_role"], "topic": "no_topic", "turns": 4})
    assert bot.export_session("r1") == {**Context(roles=("data_engineer",), turns=4).to_dict()}


def test_session_ids_are_bounded(bot: CareerBot) -> None:
    long_id = "s" * (MAX_SESSION_ID_CHARS + 1)
    for call in (lambda: bot.ask("hi", long_id), lambda: bot.reset(long_id),
                 lambda: bot.export_session(long_id), lambda: bot.restore_session(long_id, {})):
        with pytest.raises(ValueError, match="at most"):
            call()
    with pytest.raises(TypeError):
        bot.ask("hi", 7)  # type: ignore[arg-type]
    assert bot.ask("hi", "s" * MAX_SESSION_ID_CHARS).intent == "greet"


def test_sessions_must_be_a_store() -> None:
    with pytest.raises(TypeError, match="SessionStore"):
        CareerBot(sessions={})  # type: ignore[arg-type]


# -- SQLite ------------------------------------------------------------------------------------------


def test_sqlite_uses_wal_and_expires(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    store = SQLiteSessionStore(path, ttl=0.2)
    store.set("old", {"n": 1})
    assert store.get("old") == {"n": 1}
    time.sleep(0.3)
    assert store.get("old") is None and len(store) == 0 and "old" not in store
    assert store.purge() == 1
    store.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_sqlite_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with SQLiteSessionStore(path) as store:
        CareerBot(sessions=store).ask("tell me about data science engineers", "keep")
    with SQLiteSessionStore(path) as store:
        reply = CareerBot(sessions=store).ask("and their education?", "keep")
    assert reply.roles == ("data_science_engineer",) and reply.topic == "education"


_WORKER = """
import sys
from careerbot import CareerBot
from careerbot.dialogue.stores import open_store
bot = CareerBot(sessions=open_store(sys.argv[1]))
sys.stdout.write("ready\\n"); sys.stdout.flush()
sys.stdin.readline()
for _ in range(int(sys.argv[2])):
    bot.ask("what skills does a data engineer need?", "both")
"""


def _run_workers(url: str, count: int, turns: int) -> None:
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    procs = [
        subprocess.Popen([sys.executable, "-c", _WORKER, url, str(turns)], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for _ in range(count)
    ]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline() == "ready\n"
    for p in procs:  # start together
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    for p in procs:
        _, err = p.communicate(timeout=240)
        assert p.returncode == 0, err


def test_sqlite_shared_by_two_processes_counts_every_turn(tmp_path: Path) -> None:
    url = f"sqlite://{tmp_path / 'shared.db'}"
    _run_workers(url, 2, 60)
    with SQLiteSessionStore(tmp_path / "shared.db") as store:
        data = store.get("both")
    assert data is not None and data["turns"] == 120 and data["roles"] == ["data_engineer"]


def test_redis_shared_by_two_processes_counts_every_turn(redis_url: str) -> None:
    _run_workers(redis_url, 2, 60)
    store = RedisSessionStore.from_url(redis_url)
    try:
        data = store.get("both")
        assert data is not None and data["turns"] == 120
        assert store._redis.ttl("careerbot:session:both") > 0  # expires
    finally:
        store.delete("both")
        store.close()


def test_redis_ttl(redis_url: str) -> None:
    store = RedisSessionStore.from_url(redis_url, ttl=1, prefix="ttl-test:")
    try:
        store.set("x", {"n": 1})
        assert store.get("x") == {"n": 1}
        time.sleep(1.6)
        assert store.get("x") is None
    finally:
        store.close()


# -- URLs -------------------------------------------------------------------------------------------


def test_open_store_urls(tmp_path: Path, redis_url: str) -> None:
    assert isinstance(open_store("memory", max_sessions=5), MemorySessionStore)
    sqlite_store = open_store(f"sqlite://{tmp_path / 'a.db'}?ttl=60")
    assert isinstance(sqlite_store, SQLiteSessionStore) and sqlite_store.ttl == 60
    assert sqlite_store.path == tmp_path / "a.db"
    sqlite_store.close()
    redis_store = open_store(redis_url)
    assert isinstance(redis_store, RedisSessionStore)
    redis_store.close()
    with pytest.raises(ValueError, match="unknown session store"):
        open_store("postgres://x")
    assert default_sqlite_path({"XDG_DATA_HOME": "/data"}) == Path("/data/careerbot/sessions.sqlite3")


def test_unreachable_redis_is_a_clear_error() -> None:
    from careerbot.dialogue.stores import StoreUnavailable

    from .conftest import free_port

    with pytest.raises(StoreUnavailable, match="Redis does not answer"):
        open_store(f"redis://127.0.0.1:{free_port()}/0")


def test_stored_json_is_the_context_dict(tmp_path: Path) -> None:
    with SQLiteSessionStore(tmp_path / "j.db") as store:
        CareerBot(sessions=store).ask("what does a data engineer do?", "j")
    with sqlite3.connect(tmp_path / "j.db") as db:
        raw = db.execute("SELECT data FROM sessions WHERE id = 'j'").fetchone()[0]
    assert Context.from_dict(json.loads(raw)).roles == ("data_engineer",)


@pytest.mark.parametrize("kind", ["sqlite", "redis"])
def test_update_redoes_a_turn_when_another_process_wrote_in_between(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Compare-and-set: the turn computed on stale data is recomputed on the newer session."""
    if kind == "sqlite":
        first: SessionStore = SQLiteSessionStore(tmp_path / "cas.db")
        second: SessionStore = SQLiteSessionStore(tmp_path / "cas.db")
    else:
        url = request.getfixturevalue("redis_url")
        first, second = RedisSessionStore.from_url(url, prefix="cas:"), RedisSessionStore.from_url(url, prefix="cas:")
    try:
        first.set("k", {"n": 0})
        seen: list[int] = []

        def add_one(data: dict[str, Any] | None) -> tuple[dict[str, Any], str]:
            assert data is not None
            seen.append(data["n"])
            if len(seen) == 1:  # someone else's turn lands while this one is being computed
                second.update("k", lambda d: ({"n": (d or {"n": 0})["n"] + 10}, None))
            return {"n": data["n"] + 1}, "done"

        assert first.update("k", add_one) == "done"
        assert seen == [0, 10] and first.get("k") == {"n": 11}
    finally:
        first.close()
        second.close()
