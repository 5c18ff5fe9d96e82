"""The ASGI app (careerbot.ui.web), through real requests to uvicorn on an ephemeral loopback port."""

from __future__ import annotations

import http.client
import json
import re
import socket
import threading
import time
from typing import Any

import pytest

from careerbot import CareerBot, Reply
from careerbot.ui.web import MAX_BODY_BYTES, MAX_SESSION_ID_CHARS, create_app, load_page, render_page

from .conftest import ServedApp

Response = tuple[int, dict[str, str], bytes]


def request(
    srv: ServedApp, method: str, path: str, body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    host, port = srv.server_address[:2]
    conn = http.client.HTTPConnection(str(host), port, timeout=30)
    if body is not None and not any(k.lower() == "content-type" for k in headers or {}):
        headers = {**(headers or {}), "Content-Type": "application/json"}
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()

def raw_exchange(server: ServedApp, data: bytes, *, half_close: bool = False) -> bytes:
    """Send raw bytes on a new connection and read everything the server answers."""
    host, port = server.server_address[:2]
    with socket.create_connection((str(host), port), timeout=30) as sock:
        sock.sendall(data)
        if half_close:
            sock.shutdown(socket.SHUT_WR)
        return sock.makefile("rb").read()


def post_json(srv: ServedApp, payload: Any, path: str = "/ask") -> tuple[int, Any]:
    body = json.dumps(payload).encode()
    status, headers, data = request(srv, "POST", path, body, {"Content-Type": "application/json"})
    assert headers["content-type"].startswith("application/json")
    return status, json.loads(data)


def ask(srv: ServedApp, text: str, session_id: str) -> dict[str, Any]:
    status, data = post_json(srv, {"text": text, "session_id": session_id})
    assert status == 200, data
    assert isinstance(data, dict)
    return data


def assert_alive(srv: ServedApp) -> None:
    status, _, body = request(srv, "GET", "/health")
    assert status == 200 and json.loads(body) == {"status": "ok"}


# -- good requests -----------------------------------------------------------------------------


def test_health(server: ServedApp) -> None:
    status, headers, body = request(server, "GET", "/health")
    assert status == 200 and json.loads(body) == {"status": "ok"}
    assert headers["content-type"] == "application/json; charset=utf-8"


def test_ask_returns_the_reply_as_json(server: ServedApp, bot: CareerBot) -> None:
    data = ask(server, "what tools does a data engineer use?", "http-tools")
    expected = bot.ask("what tools does a data engineer use?", session_id="http-tools-direct").to_dict()
    assert data == expected
    assert data["roles"] == ["data_engineer"] and data["topic"] == "tools" and "Airflow" in data["text"]
    assert set(data) == {f for f in Reply.__dataclass_fields__}


def test_session_id_is_optional(server: ServedApp) -> None:
    status, data = post_json(server, {"text": "hello"})
    assert status == 200 and data["intent"] == "greet"
    status, data = post_json(server, {"text": "hello", "session_id": None})
    assert status == 200 and data["intent"] == "greet"


def test_comparison_and_postings_data(server: ServedApp) -> None:
    compared = ask(server, "data engineer vs ml engineer", "http-cmp")
    assert compared["data"]["kind"] == "comparison"
    assert compared["data"]["columns"] == ["Data Engineer", "Machine Learning Engineer"]
    assert all(len(row["cells"]) == 2 for row in compared["data"]["rows"])
    pay = ask(server, "how much does a data engineer earn?", "http-pay")
    assert pay["data"]["kind"] == "postings" and pay["data"]["postings"][0]["salary"].startswith("USD")


def test_unicode_and_odd_text_are_answered(server: ServedApp) -> None:
    for text in ["", "   ", "ü🙂 \u202e\u0000 data engineer?", "x" * 5000, "\ud800 lone surrogate"]:
        body = json.dumps({"text": text, "session_id": "http-odd"}).encode()  # \ud800 stays escaped
        status, _, data = request(server, "POST", "/ask", body)
        assert status == 200, data
        assert isinstance(json.loads(data)["text"], str)
    reply = ask(server, "x" * 5000, "http-long")
    assert reply["truncated"] is True


def test_page_is_served(server: ServedApp, bot: CareerBot) -> None:
    status, headers, body = request(server, "GET", "/")
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert body == render_page(bot) and b"<form" in body and body != load_page()
    assert b"&quot;data_engineer&quot;: &quot;Data Engineer&quot;" in body  # role names for the page
    csp = headers["content-security-policy"]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp and "unsafe" not in csp
    # No external assets: nothing is loaded from another origin.
    assert not re.search(rb"""(src|href)\s*=\s*["']?(https?:)?//""", body)
    status, _, body = request(server, "GET", "/?q=hello")
    assert status == 200 and body == render_page(bot)
    status, headers, body = request(server, "HEAD", "/")
    assert status == 200 and body == b"" and int(headers["content-length"]) == len(render_page(bot))


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
def test_bad_bodies_get_400_json(server: ServedApp, body: bytes, message: str) -> None:
    status, headers, data = request(server, "POST", "/ask", body, {"Content-Type": "application/json"})
    assert status == 400
    assert headers["content-type"].startswith("application/json")
    assert message in json.loads(data)["error"]
    assert_alive(server)


@pytest.mark.parametrize("size", [MAX_BODY_BYTES + 10, 1_000_000, 5_000_000])
def test_huge_body_gets_413(server: ServedApp, size: int) -> None:
    """The client is still sending when the server refuses: it must get the 413, not a reset."""
    body = json.dumps({"text": "x" * size}).encode()
    for _ in range(3):
        status, _, data = request(server, "POST", "/ask", body)
        assert status == 413 and "error" in json.loads(data)
    assert_alive(server)


def test_declared_huge_body_is_refused_without_reading_it(server: ServedApp) -> None:
    raw = raw_exchange(server, b"POST /ask HTTP/1.1\r\n" + JSON_HEAD.encode() + b"Content-Length: 999999999999\r\n\r\n{")
    assert raw.startswith(b"HTTP/1.1 413 ")
    assert_alive(server)


def test_expect_continue_with_huge_body_gets_413_first(server: ServedApp) -> None:
    raw = raw_exchange(server, b"POST /ask HTTP/1.1\r\n" + JSON_HEAD.encode() + b"Expect: 100-continue\r\nContent-Length: 10000000\r\n\r\n")
    assert raw.startswith(b"HTTP/1.1 413 ")


JSON_HEAD = "Host: 127.0.0.1\r\nContent-Type: application/json\r\n"


@pytest.mark.parametrize(
    ("head", "status"),
    [
        ("Content-Length: abc\r\n", 400),
        ("Content-Length: -5\r\n", 400),
        ("Content-Length: 1_5\r\n", 400),  # the stdlib server read this as 15
        ("Content-Length: 15\r\nContent-Length: 16\r\n", 400),  # two different lengths
        ("", 400),  # no body at all: not JSON
    ],
)
def test_bad_lengths(server: ServedApp, head: str, status: int) -> None:
    raw = raw_exchange(server, f"POST /ask HTTP/1.1\r\n{JSON_HEAD}{head}Connection: close\r\n\r\n".encode())
    assert raw.startswith(f"HTTP/1.1 {status} ".encode()), raw[:200]
    assert_alive(server)


def test_chunked_body_is_read_and_limited(server: ServedApp) -> None:
    body = json.dumps({"text": "hello", "session_id": "chunked"}).encode()
    chunked = f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n"
    raw = raw_exchange(server, f"POST /ask HTTP/1.1\r\n{JSON_HEAD}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n".encode() + chunked)
    assert raw.startswith(b"HTTP/1.1 200 ") and b'"greet"' in raw
    big = b"x" * 40_000
    chunks = b"".join(f"{len(big):x}\r\n".encode() + big + b"\r\n" for _ in range(3)) + b"0\r\n\r\n"
    raw = raw_exchange(server, f"POST /ask HTTP/1.1\r\n{JSON_HEAD}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n".encode() + chunks)
    assert raw.startswith(b"HTTP/1.1 413 ") and b'{"error": ' in raw
    assert_alive(server)


def test_body_shorter_than_declared(server: ServedApp) -> None:
    raw = raw_exchange(server, f"POST /ask HTTP/1.1\r\n{JSON_HEAD}Content-Length: 100\r\n\r\n".encode() + b'{"text": "hi"}', half_close=True)
    assert not raw.startswith(b"HTTP/1.1 200")
    assert_alive(server)


def test_garbage_and_http09_requests_get_no_page(server: ServedApp) -> None:
    raw = raw_exchange(server, b"THIS IS NOT HTTP\r\n\r\n")
    assert raw.startswith(b"HTTP/1.1 400 ")
    raw = raw_exchange(server, b"GET /\r\n\r\n")  # HTTP/0.9: no fallback that serves the page without its CSP
    assert b"<html" not in raw and raw.startswith(b"HTTP/1.1 400 ")
    assert_alive(server)


@pytest.mark.parametrize(
    "host", ["evil.example", "127.0.0.1.evil.example", "localhost.evil", "", "127.0.0.1, evil.example"]
)
def test_hosts_outside_the_allow_list_are_refused(server: ServedApp, host: str) -> None:
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 must not reach the API."""
    raw = raw_exchange(server, f"POST /ask HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
                               "Content-Length: 15\r\nConnection: close\r\n\r\n{\"text\": \"hi\"}".encode())
    assert raw.startswith(b"HTTP/1.1 400 ") and b"Host header" in raw


def test_allowed_host_names_with_ports(server: ServedApp) -> None:
    for host in ("127.0.0.1:8000", "localhost", "LOCALHOST:1", "[::1]:8000"):
        raw = raw_exchange(server, f"GET /health HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        assert raw.startswith(b"HTTP/1.1 200 "), host


@pytest.mark.parametrize(
    "content_type", [None, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                     "application/json; charset=latin-1", "application/jsonp"],
)
def test_ask_needs_a_json_content_type(server: ServedApp, content_type: str | None) -> None:
    """A cross-site form or text/plain POST (no CORS preflight) cannot write into a session."""
    headers = {"Content-Type": content_type} if content_type else {"Content-Type": ""}
    status, resp_headers, data = request(server, "POST", "/ask", b'{"text": "hi"}', headers)
    assert status == 415 and "application/json" in json.loads(data)["error"]
    assert resp_headers["content-type"].startswith("application/json")


def test_json_content_type_with_charset_is_accepted(server: ServedApp) -> None:
    status, _, _ = request(server, "POST", "/ask", b'{"text": "hi"}', {"Content-Type": "application/json; charset=UTF-8"})
    assert status == 200


def test_openapi_describes_ask(server: ServedApp) -> None:
    status, _, body = request(server, "GET", "/openapi.json")
    schema = json.loads(body)
    assert status == 200 and schema["openapi"].startswith("3.")
    ask_op = schema["paths"]["/ask"]["post"]
    assert set(ask_op["responses"]) >= {"200", "400", "413", "415"}
    reply_schema = schema["components"]["schemas"]["Reply"]
    assert set(reply_schema["required"]) == set(Reply.__dataclass_fields__)
    assert schema["components"]["schemas"]["AskRequest"]["properties"]["session_id"]["maxLength"] == MAX_SESSION_ID_CHARS


def test_session_header_tells_whether_the_server_knew_the_conversation(server: ServedApp) -> None:
    body = json.dumps({"text": "what does a data engineer do?", "session_id": "http-known"}).encode()
    assert request(server, "POST", "/ask", body)[1]["careerbot-session"] == "new"
    assert request(server, "POST", "/ask", body)[1]["careerbot-session"] == "known"


def test_every_response_has_safety_headers(server: ServedApp) -> None:
    for method, path in (("GET", "/health"), ("GET", "/nope"), ("GET", "/")):
        _, headers, _ = request(server, method, path)
        assert headers["x-content-type-options"] == "nosniff" and headers["cache-control"] == "no-store"
        assert "server" not in headers


@pytest.mark.parametrize("path", ["/nope", "/ask/extra", "/index.html", "/../etc/passwd", "/health/"])
def test_unknown_paths_get_404_json(server: ServedApp, path: str) -> None:
    for method in ("GET", "POST"):
        status, headers, data = request(server, method, path, b"{}" if method == "POST" else None)
        assert status == 404 and "error" in json.loads(data)
        assert headers["content-type"].startswith("application/json")


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [("GET", "/ask", "POST"), ("PUT", "/ask", "POST"), ("DELETE", "/ask", "POST"),
     ("POST", "/health", "GET, HEAD"), ("POST", "/", "GET, HEAD"), ("OPTIONS", "/ask", "POST")],
)
def test_wrong_method_gets_405(server: ServedApp, method: str, path: str, allow: str) -> None:
    status, headers, data = request(server, method, path, b"{}" if method in {"POST", "PUT"} else None)
    assert status == 405 and headers["content-type"].startswith("application/json")
    assert status == 405 and headers["allow"] == allow and "error" in json.loads(data)


def test_unsupported_method_gets_json(server: ServedApp) -> None:
    status, _, data = request(server, "BREW", "/ask")
    assert status == 405 and "error" in json.loads(data)


def test_bot_failure_is_a_500_and_the_server_lives_on(bot: CareerBot) -> None:
    class Broken:
        def ask(self, text: str, session_id: str = "default") -> Reply:
            raise RuntimeError("boom")

    srv = ServedApp(create_app(Broken()))  # type: ignore[arg-type]
    try:
        status, data = post_json(srv, {"text": "hi"})
        assert status == 500 and data == {"error": "internal error while answering"}
        assert_alive(srv)
    finally:
        srv.close()


def test_keep_alive_serves_several_requests_on_one_connection(server: ServedApp) -> None:
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(str(host), port, timeout=30)
    try:
        for text in ("hello", "what does a data engineer do?", "what tools do they use?"):
            conn.request("POST", "/ask", body=json.dumps({"text": text, "session_id": "http-ka"}),
                         headers={"Content-Type": "application/json"})
            resp = conn.getresponse()
            data = json.loads(resp.read())
            assert resp.status == 200
        assert data["roles"] == ["data_engineer"] and data["topic"] == "tools"
    finally:
        conn.close()


# -- sessions over HTTP -------------------------------------------------------------------------


def test_concurrent_sessions_keep_their_own_context(server: ServedApp) -> None:
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


# -- deadlines ---------------------------------------------------------------------------------------


def test_a_trickled_body_is_cut_off_with_408(bot: CareerBot) -> None:
    srv = ServedApp(create_app(bot, body_seconds=1.0))
    try:
        host, port = srv.server_address
        with socket.create_connection((host, port), timeout=30) as sock:
            sock.sendall(b"POST /ask HTTP/1.1\r\n" + JSON_HEAD.encode() + b"Content-Length: 40\r\n\r\n{\"text\"")
            answer = sock.makefile("rb").read()  # nothing more is sent: the server gives up after 1 s
        assert answer.startswith(b"HTTP/1.1 408 ") and b"not received within 1 s" in answer
        assert_alive(srv)
    finally:
        srv.close()


def test_slow_headers_are_cut_off_and_normal_requests_are_not(bot: CareerBot) -> None:
    import pickle

    from careerbot.ui.h11_deadline import DeadlineH11Protocol, with_header_deadline
    from careerbot.ui.serve import deadline_protocol

    assert deadline_protocol() is DeadlineH11Protocol  # what careerbot serve runs
    assert pickle.loads(pickle.dumps(DeadlineH11Protocol)) is DeadlineH11Protocol  # workers get it by name
    srv = ServedApp(create_app(bot), http=with_header_deadline(1.0))
    try:
        host, port = srv.server_address
        with socket.create_connection((host, port), timeout=30) as slow, \
                socket.create_connection((host, port), timeout=30) as silent:
            slow.sendall(b"GET /health HTTP/1.1\r\nHo")  # slowloris: headers never finish
            started = time.monotonic()
            assert slow.recv(100) == b"" and silent.recv(100) == b""  # both closed by the server
            assert time.monotonic() - started < 20  # (a bound against hanging, not a timing check)
        conn = http.client.HTTPConnection(host, port, timeout=30)
        try:  # a keep-alive connection that asks again within the deadline is served
            for _ in range(3):
                conn.request("GET", "/health")
                assert conn.getresponse().read() == b'{"status": "ok"}'
                time.sleep(0.3)
        finally:
            conn.close()
    finally:
        srv.close()
