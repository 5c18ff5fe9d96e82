"""The HTTP API, through real requests to a server on an ephemeral loopback port."""

from __future__ import annotations

import http.client
import io
import json
import re
import socket
import subprocess
import sys
import threading
from typing import Any

import pytest

from careerbot import CareerBot, Reply
from careerbot.ui.cli import Environment, main
from careerbot.ui.server import (
    MAX_BODY_BYTES,
    MAX_SESSION_ID_CHARS,
    CareerBotHTTPServer,
    load_page,
    make_server,
)

from .conftest import ROOT

Response = tuple[int, dict[str, str], bytes]


def request(
    srv: CareerBotHTTPServer, method: str, path: str, body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    host, port = srv.server_address[:2]
    conn = http.client.HTTPConnection(str(host), port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()

def raw_exchange(server: CareerBotHTTPServer, data: bytes, *, half_close: bool = False) -> bytes:
    """Send raw bytes on a new connection and read everything the server answers."""
    host, port = server.server_address[:2]
    with socket.create_connection((str(host), port), timeout=30) as sock:
        sock.sendall(data)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        return sock.makefile("rb").read()



def post_json(srv: CareerBotHTTPServer, payload: Any, path: str = "/ask") -> tuple[int, Any]:
    body = json.dumps(payload).encode()
    status, headers, data = request(srv, "POST", path, body, {"Content-Type": "application/json"})
    assert headers["content-type"].startswith("application/json")
    return status, json.loads(data)


def ask(srv: CareerBotHTTPServer, text: str, session_id: str) -> dict[str, Any]:
    status, data = post_json(srv, {"text": text, "session_id": session_id})
    assert status == 200, data
    assert isinstance(data, dict)
    return data


def assert_alive(srv: CareerBotHTTPServer) -> None:
    status, _, body = request(srv, "GET", "/health")
    assert status == 200 and json.loads(body) == {"status": "ok"}


# -- good requests -----------------------------------------------------------------------------


def test_health(server: CareerBotHTTPServer) -> None:
    status, headers, body = request(server, "GET", "/health")
    assert status == 200 and json.loads(body) == {"status": "ok"}
    assert headers["content-type"] == "application/json; charset=utf-8"


def test_ask_returns_the_reply_as_json(server: CareerBotHTTPServer, bot: CareerBot) -> None:
    data = ask(server, "what tools does a data engineer use?", "http-tools")
    expected = bot.ask("what tools does a data engineer use?", session_id="http-tools-direct").to_dict()
    assert data == expected
    assert data["roles"] == ["data_engineer"] and data["topic"] == "tools" and "Airflow" in data["text"]
    assert set(data) == {f for f in Reply.__dataclass_fields__}


def test_session_id_is_optional(server: CareerBotHTTPServer) -> None:
    status, data = post_json(server, {"text": "hello"})
    assert status == 200 and data["intent"] == "greet"
    status, data = post_json(server, {"text": "hello", "session_id": None})
    assert status == 200 and data["intent"] == "greet"


def test_comparison_and_postings_data(server: CareerBotHTTPServer) -> None:
    compared = ask(server, "data engineer vs ml engineer", "http-cmp")
    assert compared["data"]["kind"] == "comparison"
    assert compared["data"]["columns"] == ["Data Engineer", "Machine Learning Engineer"]
    assert all(len(row["cells"]) == 2 for row in compared["data"]["rows"])
    pay = ask(server, "how much does a data engineer earn?", "http-pay")
    assert pay["data"]["kind"] == "postings" and pay["data"]["postings"][0]["salary"].startswith("USD")


def test_unicode_and_odd_text_are_answered(server: CareerBotHTTPServer) -> None:
    for text in ["", "   ", "ü🙂 \u202e\u0000 data engineer?", "x" * 5000, "\ud800 lone surrogate"]:
        body = json.dumps({"text": text, "session_id": "http-odd"}).encode()  # \ud800 stays escaped
        status, _, data = request(server, "POST", "/ask", body)
        assert status == 200, data
        assert isinstance(json.loads(data)["text"], str)
    reply = ask(server, "x" * 5000, "http-long")
    assert reply["truncated"] is True


def test_page_is_served(server: CareerBotHTTPServer) -> None:
    status, headers, body = request(server, "GET", "/")
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert body == load_page() and b"<form" in body
    csp = headers["content-security-policy"]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp and "unsafe" not in csp
    # No external assets: nothing is loaded from another origin.
    assert not re.search(rb"""(src|href)\s*=\s*["']?(https?:)?//""", body)
    status, _, body = request(server, "GET", "/?q=hello")
    assert status == 200 and body == load_page()
    status, headers, body = request(server, "HEAD", "/")
    assert status == 200 and body == b"" and int(headers["content-length"]) == len(load_page())


# -- bad requests -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{bad json", "not valid JSON"),
        (b"", "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"[1, 2]", "JSON object"),
        (b'"just a string"', "JSON object"),
        (b"{}", "'text' is required"),
        (b'{"session_id": "x"}', "'text' is required"),
        (b'{"text": 42}', "'text' must be a string"),
        (b'{"text": null}', "'text' must be a string"),
        (b'{"text": ["hi"]}', "'text' must be a string"),
        (b'{"text": "hi", "session_id": 7}', "'session_id' must be a string"),
        (b'{"text": "hi", "session_id": ""}', "'session_id' must have"),
        (b'{"text": "hi", "session_id": "' + b"s" * (MAX_SESSION_ID_CHARS + 1) + b'"}', "'session_id' must have"),
        (b"[" * 50_000, "not valid JSON"),
        (b'{"text": 1' + b"0" * 5000 + b"}", "not valid JSON"),  # over Python's int digit limit
    ],
    ids=lambda v: repr(v[:30]) if isinstance(v, bytes) else "",
)
def test_bad_bodies_get_400_json(server: CareerBotHTTPServer, body: bytes, message: str) -> None:
    status, headers, data = request(server, "POST", "/ask", body, {"Content-Type": "application/json"})
    assert status == 400
    assert headers["content-type"].startswith("application/json")
    assert message in json.loads(data)["error"]
    assert_alive(server)


def test_huge_body_gets_413(server: CareerBotHTTPServer) -> None:
    body = json.dumps({"text": "x" * (MAX_BODY_BYTES + 10)}).encode()
    status, _, data = request(server, "POST", "/ask", body)
    assert status == 413 and "error" in json.loads(data)
    assert_alive(server)


def test_declared_huge_body_is_refused_without_reading_it(server: CareerBotHTTPServer) -> None:
    raw = raw_exchange(server, b"POST /ask HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999999\r\n\r\n{")
    assert raw.startswith(b"HTTP/1.1 413 ")
    assert_alive(server)


def test_expect_continue_with_huge_body_gets_413_first(server: CareerBotHTTPServer) -> None:
    raw = raw_exchange(server, b"POST /ask HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 10000000\r\n\r\n")
    assert raw.startswith(b"HTTP/1.1 413 ")


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"Content-Length": "abc"}, 400),
        ({"Content-Length": "-5"}, 400),
        ({"Transfer-Encoding": "chunked"}, 411),
        ({}, 411),
    ],
)
def test_bad_lengths(server: CareerBotHTTPServer, headers: dict[str, str], status: int) -> None:
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    raw = raw_exchange(server, f"POST /ask HTTP/1.1\r\nHost: x\r\n{head}Connection: close\r\n\r\n".encode())
    assert raw.startswith(f"HTTP/1.1 {status} ".encode())
    assert b'{"error": ' in raw
    assert_alive(server)


def test_body_shorter_than_declared(server: CareerBotHTTPServer) -> None:
    raw = raw_exchange(server, b"POST /ask HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"text\": \"hi\"}", half_close=True)
    assert raw.startswith(b"HTTP/1.1 400 ")
    assert_alive(server)


def test_garbage_request_line_gets_json_error(server: CareerBotHTTPServer) -> None:
    raw = raw_exchange(server, b"THIS IS NOT HTTP\r\n\r\n")
    # No HTTP version means an HTTP/0.9-style answer: the body alone.
    assert b'{"error": "Bad request' in raw
    assert_alive(server)


@pytest.mark.parametrize("path", ["/nope", "/ask/extra", "/index.html", "/../etc/passwd", "/health/"])
def test_unknown_paths_get_404_json(server: CareerBotHTTPServer, path: str) -> None:
    for method in ("GET", "POST"):
        status, headers, data = request(server, method, path, b"{}" if method == "POST" else None)
        assert status == 404 and "error" in json.loads(data)
        assert headers["content-type"].startswith("application/json")


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [("GET", "/ask", "POST"), ("PUT", "/ask", "POST"), ("DELETE", "/ask", "POST"),
     ("POST", "/health", "GET, HEAD"), ("POST", "/", "GET, HEAD"), ("OPTIONS", "/ask", "POST")],
)
def test_wrong_method_gets_405(server: CareerBotHTTPServer, method: str, path: str, allow: str) -> None:
    status, headers, data = request(server, method, path, b"{}" if method in {"POST", "PUT"} else None)
    assert status == 405 and headers["allow"] == allow and "error" in json.loads(data)


def test_unsupported_method_gets_json(server: CareerBotHTTPServer) -> None:
    status, _, data = request(server, "BREW", "/ask")
    assert status == 501 and "error" in json.loads(data)


def test_bot_failure_is_a_500_and_the_server_lives_on(bot: CareerBot) -> None:
    class Broken:
        def ask(self, text: str, session_id: str = "default") -> Reply:
            raise RuntimeError("boom")

    srv = make_server(Broken(), "127.0.0.1", 0)  # type: ignore[arg-type]
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        status, data = post_json(srv, {"text": "hi"})
        assert status == 500 and data == {"error": "internal error while answering"}
        assert_alive(srv)
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join()


def test_keep_alive_serves_several_requests_on_one_connection(server: CareerBotHTTPServer) -> None:
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(str(host), port, timeout=30)
    try:
        for text in ("hello", "what does a data engineer do?", "what tools do they use?"):
            conn.request("POST", "/ask", body=json.dumps({"text": text, "session_id": "http-ka"}))
            resp = conn.getresponse()
            data = json.loads(resp.read())
            assert resp.status == 200
        assert data["roles"] == ["data_engineer"] and data["topic"] == "tools"
    finally:
        conn.close()


# -- sessions over HTTP -------------------------------------------------------------------------


def test_concurrent_sessions_keep_their_own_context(server: CareerBotHTTPServer) -> None:
    users = {
        "http-alice": ("tell me about data engineers", "data_engineer"),
        "http-bob": ("what does a machine learning research engineer do?", "ml_research_engineer"),
        "http-carol": ("what is a data science engineer?", "data_science_engineer"),
        "http-dave": ("explain the ML software engineer role", "ml_software_engineer"),
    }
    for session, (question, role) in users.items():
        assert ask(server, question, session)["roles"] == [role]

    results: dict[str, list[dict[str, Any]]] = {s: [] for s in users}
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(users))

    def follow_up(session: str) -> None:
        try:
            barrier.wait()
            for _ in range(5):
                results[session].append(ask(server, "what tools do they use?", session))
        except BaseException as exc:  # reported below, in the test thread
            errors.append(exc)

    threads = [threading.Thread(target=follow_up, args=(s,)) for s in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    for session, (_, role) in users.items():
        assert len(results[session]) == 5
        for reply in results[session]:
            assert reply["roles"] == [role] and reply["topic"] == "tools"


# -- the command ------------------------------------------------------------------------------


def test_serve_reports_a_port_in_use(bot: CareerBot) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        out, err = io.StringIO(), io.StringIO()
        env = Environment(stdin=io.StringIO(), stdout=out, stderr=err, environ={})
        assert main(["serve", "--port", str(port)], env) == 1
    assert "cannot listen" in err.getvalue()


def test_careerbot_serve_command_answers_over_http() -> None:
    """``careerbot serve --port 0`` as a real process: prints its URL, answers, stops on Ctrl-C."""
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "careerbot", "serve", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, line
        conn = http.client.HTTPConnection("127.0.0.1", int(match.group(1)), timeout=30)
        conn.request("POST", "/ask", body=json.dumps({"text": "what tools does a data engineer use?"}))
        resp = conn.getresponse()
        assert resp.status == 200 and "Airflow" in json.loads(resp.read())["text"]
        conn.close()
    finally:
        proc.send_signal(2)  # SIGINT, as Ctrl-C
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "stopped" in out
    assert "what tools" not in err and "Traceback" not in err  # user text is not logged
