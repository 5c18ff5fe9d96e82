"""The built bot kept on disk for the command line (careerbot.build_cache)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import careerbot.bot
from careerbot import CareerBot, DataError
from careerbot.build_cache import KEEP, BuildCache, default_cache_dir
from careerbot.ui.cli import Environment, ExitStatus, main

from .conftest import ROOT

#: A conversation touching every part the cache holds: the matcher, spellers, point index, advisor.
TURNS = (
    "hi, I'm a backend dev, 6 years of Java and SQL",
    "what am I missing for ML engineering?",
    "DE vs MLE",
    "do data engineers deal with data security?",
    "which one fits me?",
    "any remote internships?",
    "wat toolz does a dse use",
    "how many data engineers are there?",
    "and their pay?",
)


def _conversation(bot: CareerBot, session: str) -> list[tuple[str, str | None, tuple[str, ...], object]]:
    out = []
    for text in TURNS:
        reply = bot.ask(text, session_id=session)
        out.append((reply.text, reply.intent, reply.roles, reply.to_dict()["data"]))
    return out


def _builds(tmp_path: Path) -> list[Path]:
    return sorted(tmp_path.glob("bot-*.pickle"))


def _count_loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = careerbot.bot.load_data

    def counting(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(careerbot.bot, "load_data", counting)
    return calls


def test_a_bot_read_back_answers_exactly_like_a_built_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    CareerBot(cache_dir=tmp_path)  # builds and saves
    assert len(_builds(tmp_path)) == 1
    calls = _count_loads(monkeypatch)
    cached = CareerBot(cache_dir=tmp_path)
    assert calls == []  # read back: no YAML read at all
    assert _conversation(cached, "a") == _conversation(CareerBot(), "a")


def test_without_cache_dir_nothing_is_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    CareerBot()
    assert list(tmp_path.iterdir()) == []


def test_a_changed_data_file_is_read_again(tmp_path: Path) -> None:
    kdir, idir = tmp_path / "knowledge", tmp_path / "intents"
    shutil.copytree(ROOT / "knowledge", kdir)
    shutil.copytree(ROOT / "intents", idir)
    cache = tmp_path / "cache"
    question = "what tools does a data engineer use?"
    assert "Airflow" in CareerBot(kdir, idir, cache_dir=cache).ask(question).text
    for path in kdir.glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("Airflow", "Airflux"), encoding="utf-8")
    after = CareerBot(kdir, idir, cache_dir=cache).ask(question).text
    assert "Airflux" in after and "Airflow" not in after and len(_builds(cache)) == 2


def test_other_thresholds_are_another_build(tmp_path: Path) -> None:
    CareerBot(cache_dir=tmp_path)
    CareerBot(cache_dir=tmp_path, thresholds=careerbot.bot.Thresholds(accept=0.55))
    assert len(_builds(tmp_path)) == 2


def test_a_broken_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    CareerBot(cache_dir=tmp_path)
    (build,) = _builds(tmp_path)
    build.write_bytes(build.read_bytes()[:1000])  # truncated
    calls = _count_loads(monkeypatch)
    bot = CareerBot(cache_dir=tmp_path)
    assert calls == [1] and "Spark" in bot.ask("what tools does a data engineer use?").text
    build.write_bytes(b"\x80\x05not a pickle at all")
    assert "Spark" in CareerBot(cache_dir=tmp_path).ask("what tools does a data engineer use?").text
    assert len(calls) == 2


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file modes are POSIX")
def test_a_file_others_may_write_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    CareerBot(cache_dir=tmp_path)
    (build,) = _builds(tmp_path)
    assert build.stat().st_mode & 0o077 == 0  # written private
    build.chmod(0o666)
    calls = _count_loads(monkeypatch)
    CareerBot(cache_dir=tmp_path)
    assert calls == [1]
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    CareerBot(cache_dir=shared)  # a directory anyone may write to is not used at all
    assert _builds(shared) == []


def test_broken_data_raises_and_caches_nothing(tmp_path: Path) -> None:
    kdir = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", kdir)
    (kdir / "broken.yaml").write_text("roles: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"broken\.yaml:"):
        CareerBot(kdir, cache_dir=tmp_path / "cache")
    assert not (tmp_path / "cache").exists() or _builds(tmp_path / "cache") == []


def test_old_builds_are_pruned(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path)
    for n in range(KEEP + 3):
        cache.save(f"{n:040d}", {"n": n})
        os.utime(tmp_path / f"bot-{n:040d}.pickle", (n, n))
    assert len(_builds(tmp_path)) == KEEP
    assert cache.load(f"{KEEP + 2:040d}") == {"n": KEEP + 2}
    assert cache.load("0" * 40) is None


def test_an_unwritable_cache_dir_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    bot = CareerBot(cache_dir=blocker / "cache")
    assert bot.ask("hello").intent == "greet"


def test_default_cache_dir() -> None:
    assert default_cache_dir({"CAREERBOT_CACHE_DIR": "/x/y"}) == Path("/x/y")
    assert default_cache_dir({"CAREERBOT_CACHE_DIR": "", "HOME": "/h"}) is None
    assert default_cache_dir({"XDG_CACHE_HOME": "/c", "HOME": "/h"}) == Path("/c/careerbot")
    assert default_cache_dir({"HOME": "/h"}) == Path("/h/.cache/careerbot")
    assert default_cache_dir({}) is None


def test_cli_keeps_its_build_in_the_cache_dir(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdin=io.StringIO(), stdout=out, stderr=err, environ={"CAREERBOT_CACHE_DIR": str(tmp_path)})
    assert main(["ask", "what tools does a data engineer use?"], env) == ExitStatus.OK
    assert len(_builds(tmp_path)) == 1 and "Spark" in out.getvalue()
    env = Environment(stdin=io.StringIO(), stdout=out, stderr=err, environ={"CAREERBOT_CACHE_DIR": ""})
    assert main(["ask", "hi"], env) == ExitStatus.OK


def test_a_real_process_reads_the_cache_back(tmp_path: Path) -> None:
    env = {**os.environ, "CAREERBOT_CACHE_DIR": str(tmp_path)}
    command = [sys.executable, "-m", "careerbot", "ask", "--json", "DE vs MLE"]
    first = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=True)
    build = _builds(tmp_path)
    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=True)
    assert first.stdout == second.stdout and '"compare"' in first.stdout
    assert _builds(tmp_path) == build  # read back, not written again
