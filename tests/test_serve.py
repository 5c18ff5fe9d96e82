"""``careerbot serve`` as real processes on uvicorn: workers sharing sessions, restarts, SIGTERM."""

from __future__ import annotations

import http.client
import io
import json
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from careerbot.ui.cli import Environment, main

from .conftest import ROOT

ROLE_QUESTIONS = {
    "data_engineer": "what does a data engineer do?",
    "ml_engineer": "tell me about machine learning engineers",
    "ml_software_engineer": "explain the ML software engineer role",
    "ml_research_engineer": "what is a machine learning research engineer?",
    "data_science_engineer": "what does a data science engineer do?",
}


class Served:
    """One ``careerbot serve`` process; ``port`` is where it listens."""

    def __init__(self, tmp: Path, *args: str) -> None:
        env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "XDG_DATA_HOME": str(tmp / "xdg"),
               "HOME": str(tmp)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "careerbot", "serve", "--port", "0", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
        )
        assert self.proc.stdout is not None
        self.first_line = self.proc.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", self.first_line)
        if not match:
            self.proc.kill()
            _, err = self.proc.communicate(timeout=30)
            pytest.fail(f"serve did not start: {self.first_line!r} {err}")
        self.port = int(match.group(1))
        deadline = time.monotonic() + 120
        while True:  # the URL is printed once the socket listens; workers may still be loading
            try:
                if self.request("GET", "/health")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.stop()
                pytest.fail("serve did not answer /health")
            time.sleep(0.1)

    def request(self, method: str, path: str, payload: Any = None) -> tuple[int, dict[str, str], Any]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            body = json.dumps(payload).encode() if payload is not None else None
            conn.request(method, path, body=body, headers={"Content-Type": "application/json"} if body else {})
            resp = conn.getresponse()
            headers = {k.lower(): v for k, v in resp.getheaders()}
            raw = resp.read()
            return resp.status, headers, json.loads(raw) if "json" in headers.get("content-type", "") else raw
        finally:
            conn.close()

    def ask(self, text: str, session_id: str) -> dict[str, Any]:
        status, _, data = self.request("POST", "/ask", {"text": text, "session_id": session_id})
        assert status == 200, data
        assert isinstance(data, dict)
        return data

    def stop(self, sig: int = signal.SIGTERM) -> tuple[str, str]:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        out, err = self.proc.communicate(timeout=60)
        return self.first_line + out, err

    def wait(self) -> tuple[str, str]:
        """Wait for the server to end by itself (it was already signalled); no second signal."""
        out, err = self.proc.communicate(timeout=60)
        return self.first_line + out, err


@pytest.fixture
def tmp(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path


def worker_pids(pid: int) -> list[int]:
    """Child processes of ``pid`` (Linux /proc)."""
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                children.append(int(entry.name))
    return children


def test_serve_answers_stops_on_sigterm_and_logs_no_text(tmp: Path) -> None:
    served = Served(tmp, "--sessions", "memory")
    try:
        reply = served.ask("what tools does a data engineer use? SECRET-WORDS", "cmd")
        assert "Airflow" in reply["text"]
        status, _, _ = served.request("GET", "/?q=SECRET-QUERY")
        assert status == 200
    finally:
        out, err = served.stop()
    assert served.proc.returncode == 0, err
    assert "stopped" in out and "1 worker" in out
    assert "SECRET" not in out + err and "Traceback" not in err  # user text is not logged


def test_default_sessions_are_sqlite_under_the_user_data_dir(tmp: Path) -> None:
    served = Served(tmp)
    try:
        served.ask("tell me about data engineers", "default-store")
    finally:
        out, _ = served.stop()
    path = tmp / "xdg" / "careerbot" / "sessions.sqlite3"
    assert f"sqlite://{path}" in out and path.exists()


@pytest.mark.parametrize("kind", ["sqlite", "redis"])
def test_a_restart_keeps_every_session(tmp: Path, kind: str, request: pytest.FixtureRequest) -> None:
    url = f"sqlite://{tmp / 'sessions.db'}" if kind == "sqlite" else request.getfixturevalue("redis_url")
    served = Served(tmp, "--sessions", url)
    sessions = {f"restart-{kind}-{i}": role for i, role in enumerate(list(ROLE_QUESTIONS) * 6)}
    try:
        for sid, role in sessions.items():
            assert served.ask(ROLE_QUESTIONS[role], sid)["roles"] == [role]
    finally:
        served.stop(signal.SIGKILL)  # not even a clean shutdown
    served = Served(tmp, "--sessions", url)
    try:
        for sid, role in sessions.items():
            reply = served.ask("and their salary?", sid)
            assert reply["roles"] == [role], (sid, reply["roles"])
    finally:
        served.stop()


def _users_with_follow_ups(served: Served, prefix: str, users: int) -> list[str]:
    """``users`` concurrent users, each a question then a follow-up on new connections; the problems."""
    problems: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(users)
    roles = list(ROLE_QUESTIONS)

    def user(n: int) -> None:
        role, sid = roles[n % len(roles)], f"{prefix}-{n}"
        try:
            barrier.wait()
            first = served.ask(ROLE_QUESTIONS[role], sid)
            follow = served.ask("what tools do they use?", sid)
            if first["roles"] != [role] or follow["roles"] != [role] or follow["topic"] != "tools":
                raise AssertionError(f"{sid}: {first['roles']} then {follow['roles']} {follow['topic']}")
        except BaseException as exc:
            with lock:
                problems.append(repr(exc))

    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return problems


@pytest.mark.parametrize("kind", ["sqlite", "redis"])
def test_two_workers_share_sessions(tmp: Path, kind: str, request: pytest.FixtureRequest) -> None:
    """With two worker processes, a follow-up keeps its context whichever worker answers it."""
    url = f"sqlite://{tmp / 'sessions.db'}" if kind == "sqlite" else request.getfixturevalue("redis_url")
    served = Served(tmp, "--workers", "2", "--sessions", url)
    try:
        assert len(worker_pids(served.proc.pid)) >= 2
        assert _users_with_follow_ups(served, f"workers-{kind}", 60) == []
    finally:
        out, err = served.stop()
    assert served.proc.returncode == 0, err
    assert "2 workers" in out


def test_follow_up_on_another_server_process(tmp: Path) -> None:
    """Deterministic version: two servers on one SQLite file, turns alternating between them."""
    url = f"sqlite://{tmp / 'shared.db'}"
    first, second = Served(tmp, "--sessions", url), Served(tmp, "--sessions", url)
    try:
        for n, (role, question) in enumerate(ROLE_QUESTIONS.items()):
            sid = f"alternate-{n}"
            assert first.ask(question, sid)["roles"] == [role]
            follow = second.ask("what tools do they use?", sid)
            assert follow["roles"] == [role] and follow["topic"] == "tools"
            assert first.ask("and their education?", sid)["topic"] == "education"
    finally:
        first.stop()
        second.stop()


def test_concurrent_turns_on_one_session_are_all_counted(tmp: Path) -> None:
    url = f"sqlite://{tmp / 'count.db'}"
    served = Served(tmp, "--workers", "2", "--sessions", url)
    try:
        def turns() -> None:
            for _ in range(10):
                served.ask("what tools does a data engineer use?", "one-session")

        threads = [threading.Thread(target=turns) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        served.stop()
    from careerbot.dialogue.stores import SQLiteSessionStore

    with SQLiteSessionStore(tmp / "count.db") as store:
        data = store.get("one-session")
    assert data is not None and data["turns"] == 80


def test_sigterm_lets_the_request_in_flight_finish(tmp: Path) -> None:
    served = Served(tmp, "--sessions", "memory")
    body = json.dumps({"text": "what does a data engineer do?", "session_id": "inflight"}).encode()
    with socket.create_connection(("127.0.0.1", served.port), timeout=60) as sock:
        sock.sendall(b"POST /ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body[:10])
        time.sleep(0.5)  # the request has started; now ask the server to stop
        served.proc.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        sock.sendall(body[10:])
        answer = sock.makefile("rb").read()
    assert answer.startswith(b"HTTP/1.1 200 ") and b"data_engineer" in answer
    # The SIGTERM above stops it: a second one could reach it after it restored the default handler.
    out, err = served.wait()
    assert served.proc.returncode == 0 and "stopped" in out, err
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", served.port), timeout=5).close()


# -- the command line, in process ---------------------------------------------------------------------


def run_cli(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdin=io.StringIO(), stdout=out, stderr=err, environ={"XDG_DATA_HOME": "/nonexistent-xdg"})
    code = main(args, env)
    return code, out.getvalue(), err.getvalue()


def test_serve_reports_a_port_in_use() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = run_cli(["serve", "--port", str(port), "--sessions", "memory"])
    assert code == 1 and "cannot listen" in err


def test_serve_reports_a_bad_session_url(tmp: Path) -> None:
    from .conftest import free_port

    code, _, err = run_cli(["serve", "--sessions", "postgres://x"])
    assert code == 1 and "unknown session store" in err
    code, _, err = run_cli(["serve", "--sessions", f"redis://127.0.0.1:{free_port()}/0"])
    assert code == 1 and "Redis does not answer" in err


@pytest.mark.parametrize("module", ["uvicorn", "starlette"])
def test_serve_without_the_web_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch, module: str) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # as if not installed: importing it raises ImportError
    code, out, err = run_cli(["serve", "--sessions", "memory"])
    assert code == 1 and out == ""
    assert err == f'careerbot serve needs {module}: pip install "careerbot[web]"\n'


def test_redis_sessions_without_the_client_say_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "redis", None)
    code, _, err = run_cli(["serve", "--sessions", "redis://127.0.0.1:6379/0"])
    assert code == 1 and 'pip install "careerbot[redis]"' in err


@pytest.mark.parametrize("workers", ["0", "-1", "two"])
def test_serve_workers_must_be_positive(workers: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run_cli(["serve", "--workers", workers])
    assert code == 2
    assert "--workers" in capsys.readouterr().err


def test_serve_help_describes_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["serve", "--help"])[0] == 0
    text = capsys.readouterr().out
    for option in ("--host", "--port", "--workers", "--sessions", "--allow-host"):
        assert option in text
    assert "sqlite:///PATH" in text and "redis://HOST:PORT/DB" in text and "careerbot[web]" in text



def test_the_listening_socket_is_tcp_so_asyncio_turns_nagle_off() -> None:
    """With proto 0, asyncio leaves Nagle on and every keep-alive answer waits for a delayed ACK."""
    from careerbot.ui.serve import _bind

    with _bind("127.0.0.1", 0) as sock:
        assert sock.proto == socket.IPPROTO_TCP
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
