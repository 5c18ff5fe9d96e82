"""Session data for the fields issue 11 added (the profile, the postings and list last shown, the
roles in focus, the last fallback): tampered data is refused by ``restore_session``, and a damaged
stored session starts afresh instead of crashing ``ask``."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from careerbot import CareerBot
from careerbot.dialogue.state import (
    MAX_FIELD_CHARS,
    MAX_ITEM_CHARS,
    MAX_PROFILE_ITEMS,
    MAX_STATEMENT_CHARS,
    MAX_STATEMENTS,
)
from careerbot.dialogue.stores import MemorySessionStore, SessionStore, SQLiteSessionStore

INTRO = "backend developer here, six years of Java, Python and SQL"
TEN_MB = "x" * 10_000_000


@pytest.fixture(scope="module")
def exported(bot: CareerBot) -> dict[str, Any]:
    """A real session with every new field filled: a profile, a comparison's options, postings shown."""
    sid = f"tamper-{uuid.uuid4().hex}"
    for turn in (INTRO, "DE vs MLE", "any jobs in Berlin?"):
        bot.ask(turn, session_id=sid)
    data = bot.export_session(sid)
    assert data["profile"]["known"] and data["profile"]["statements"]
    assert data["options"] and data["postings"] and data["recent"]
    return data


def _set(path: tuple[str, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


TAMPERED: dict[str, Callable[[dict[str, Any]], None]] = {
    # profile lists too long
    "known over the limit": _set(("profile", "known"), [f"tool{i}" for i in range(MAX_PROFILE_ITEMS + 1)]),
    "background over the limit": _set(("profile", "background"), [f"job{i}" for i in range(MAX_PROFILE_ITEMS + 1)]),
    "targets over the limit": _set(("profile", "targets"), ["data_engineer"] * (MAX_PROFILE_ITEMS + 1)),
    "statements over the limit": _set(("profile", "statements"), [f"s{i}" for i in range(MAX_STATEMENTS + 1)]),
    # wrong types
    "profile a list": _set(("profile",), ["Java"]),
    "profile a string": _set(("profile",), "Java"),
    "profile a number": _set(("profile",), 7),
    "known a string": _set(("profile", "known"), "Java, Python"),
    "known numbers": _set(("profile", "known"), [1, 2]),
    "known nested": _set(("profile", "known"), [["Java"]]),
    "not_known a mapping item": _set(("profile", "not_known"), [{"name": "Java"}]),
    "targets a number": _set(("profile", "targets"), 3),
    "current with null": _set(("profile", "current"), [None]),
    "statements a number": _set(("profile", "statements"), 12),
    "postings a string": _set(("postings",), "abc"),
    "postings numbers": _set(("postings",), [1, 2]),
    "postings too many": _set(("postings",), [f"p{i}" for i in range(21)]),
    "options a string": _set(("options",), "data_engineer"),
    "options numbers": _set(("options",), [1]),
    "options repeated": _set(("options",), ["data_engineer", "data_engineer"]),
    "recent too many": _set(("recent",), [f"r{i}" for i in range(65)]),
    "last_fallback a number": _set(("last_fallback",), 3),
    # strings over their bounds, and 10 MB strings
    "known item too long": _set(("profile", "known"), ["j" * (MAX_ITEM_CHARS + 1)]),
    "statement too long": _set(("profile", "statements"), ["s" * (MAX_STATEMENT_CHARS + 1)]),
    "20 KB background": _set(("profile", "background"), ["b" * 20_000]),
    "last_fallback too long": _set(("last_fallback",), "f" * (MAX_FIELD_CHARS + 1)),
    "10 MB known": _set(("profile", "known"), [TEN_MB]),
    "10 MB background": _set(("profile", "background"), [TEN_MB]),
    "10 MB target": _set(("profile", "targets"), [TEN_MB]),
    "10 MB statement": _set(("profile", "statements"), [TEN_MB]),
    "10 MB posting id": _set(("postings",), [TEN_MB]),
    "10 MB option": _set(("options",), [TEN_MB]),
    "10 MB recent": _set(("recent",), [TEN_MB]),
    "10 MB last_fallback": _set(("last_fallback",), TEN_MB),
}


@pytest.mark.parametrize("name", list(TAMPERED))
def test_restore_session_rejects_tampered_new_fields(bot: CareerBot, exported: dict[str, Any], name: str) -> None:
    data = copy.deepcopy(exported)
    TAMPERED[name](data)
    sid = f"tamper-{uuid.uuid4().hex}"
    with pytest.raises(ValueError):
        bot.restore_session(sid, data)
    # Nothing was stored: the session is as new.
    assert bot.export_session(sid)["turns"] == 0
    assert not any(bot.export_session(sid)["profile"].values())


def test_restore_session_accepts_the_untampered_export(bot: CareerBot, exported: dict[str, Any]) -> None:
    sid = f"tamper-{uuid.uuid4().hex}"
    bot.restore_session(sid, copy.deepcopy(exported))
    assert bot.export_session(sid) == exported


def test_unknown_role_ids_never_reach_the_session(bot: CareerBot, exported: dict[str, Any]) -> None:
    """Unknown ids in the role lists are dropped (the documented contract of ``Context.from_dict``:
    "unknown ids are dropped, bad types raise ValueError"), never kept or used."""
    data = copy.deepcopy(exported)
    data["profile"]["targets"] = ["astronaut", "data_engineer"]
    data["profile"]["current"] = ["wizard"]
    data["options"] = ["astronaut", "ml_engineer"]
    data["recent"] = ["wizard"]
    sid = f"tamper-{uuid.uuid4().hex}"
    bot.restore_session(sid, data)
    restored = bot.export_session(sid)
    assert restored["profile"]["targets"] == ["data_engineer"]
    assert restored["profile"]["current"] == []
    assert restored["options"] == ["ml_engineer"]
    assert restored["recent"] == []
    reply = bot.ask("what am I missing?", session_id=sid)
    assert reply.intent == "skill_gap"
    assert reply.roles == ("data_engineer",)


def test_unknown_keys_in_the_profile_are_not_kept(bot: CareerBot, exported: dict[str, Any]) -> None:
    data = copy.deepcopy(exported)
    data["profile"]["password"] = ["hunter2"]
    sid = f"tamper-{uuid.uuid4().hex}"
    bot.restore_session(sid, data)
    assert "password" not in bot.export_session(sid)["profile"]


@pytest.mark.parametrize("value", [0, False, "", {}])
def test_restore_session_rejects_falsy_wrong_types(bot: CareerBot, exported: dict[str, Any], value: Any) -> None:
    data = copy.deepcopy(exported)
    data["profile"]["known"] = value
    with pytest.raises(ValueError):
        bot.restore_session(f"tamper-{uuid.uuid4().hex}", data)


# -- damaged stored sessions -----------------------------------------------------------------


#: Damage that fits in a store (stores refuse to write over MAX_SESSION_BYTES; see the raw SQLite test).
DAMAGED = ["known over the limit", "profile a string", "known numbers", "statement too long", "20 KB background",
           "postings too many", "options repeated", "last_fallback too long"]


def _stores(tmp_path: Path) -> list[SessionStore]:
    return [MemorySessionStore(), SQLiteSessionStore(tmp_path / "sessions.sqlite3")]


@pytest.mark.parametrize("name", DAMAGED)
def test_damaged_stored_session_starts_afresh(exported: dict[str, Any], tmp_path: Path, name: str) -> None:
    for store in _stores(tmp_path):
        with store:
            bot = CareerBot(sessions=store)
            data = copy.deepcopy(exported)
            TAMPERED[name](data)
            store.set("damaged", data)
            reply = bot.ask("what does a data engineer do?", session_id="damaged")
            assert reply.intent == "ask_definition"
            assert reply.roles == ("data_engineer",)
            after = bot.export_session("damaged")
            assert after["turns"] == 1  # started afresh, then one turn
            assert not any(after["profile"].values())
            assert after["roles"] == ["data_engineer"]


def test_damaged_stored_session_does_not_answer_from_the_old_profile(
    exported: dict[str, Any], tmp_path: Path
) -> None:
    store = MemorySessionStore()
    bot = CareerBot(sessions=store)
    data = copy.deepcopy(exported)
    data["profile"]["background"] = ["b" * 20_000]  # damaged; the rest ("known": Java, Python, SQL) is lost too
    store.set("damaged", data)
    reply = bot.ask("what do you know about me?", session_id="damaged")
    assert reply.intent == "profile"
    assert not any(reply.data["profile"].values())
    assert "Java" not in reply.text


def test_export_of_a_damaged_stored_session_is_a_fresh_one(exported: dict[str, Any]) -> None:
    store = MemorySessionStore()
    bot = CareerBot(sessions=store)
    data = copy.deepcopy(exported)
    data["profile"] = "not a mapping"
    store.set("damaged", data)
    fresh = bot.export_session("damaged")
    assert fresh["turns"] == 0
    assert not any(fresh["profile"].values())


@pytest.mark.parametrize("raw", ["{not json", "[1, 2, 3]", "null", "TENMB"])
def test_damaged_sqlite_row_starts_afresh(exported: dict[str, Any], tmp_path: Path, raw: str) -> None:
    """A row damaged outside careerbot (bad JSON, not an object, a 10 MB profile) starts afresh."""
    import json
    import sqlite3

    path = tmp_path / "sessions.sqlite3"
    with SQLiteSessionStore(path) as store:
        bot = CareerBot(sessions=store)
        bot.ask(INTRO, session_id="damaged")
        if raw == "TENMB":
            data = copy.deepcopy(exported)
            data["profile"]["statements"] = [TEN_MB]
            raw = json.dumps(data)
        with sqlite3.connect(path) as db:
            db.execute("UPDATE sessions SET data = ? WHERE id = ?", (raw, "damaged"))
        reply = bot.ask("what do you know about me?", session_id="damaged")
        assert reply.intent == "profile"
        assert not any(reply.data["profile"].values())
        assert bot.export_session("damaged")["turns"] == 1
