"""A small HTTP API and web chat page for :class:`careerbot.CareerBot` (standard library only).

Endpoints:

- ``POST /ask`` with a JSON body ``{"text": "...", "session_id": "..."}`` (``session_id``
  optional, default ``"web"``) returns :meth:`careerbot.Reply.to_dict` as JSON;
- ``GET /health`` returns ``{"status": "ok"}``;
- ``GET /`` serves the single-page chat (``careerbot/ui/web/index.html``, shipped in the package).

Every error is JSON ``{"error": "..."}`` with a fitting status: 400 (bad JSON, wrong types,
missing ``text``), 404 (unknown path), 405 (wrong method), 411 (no ``Content-Length``),
413 (body over :data:`MAX_BODY_BYTES`), 500 (unexpected failure; the server keeps running).
Request text is never logged. The server binds to loopback unless told otherwise.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import re
import socket
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from ..bot import CareerBot
    from .cli import Environment

__all__ = [
    "DEFAULT_SESSION_ID",
    "MAX_BODY_BYTES",
    "MAX_SESSION_ID_CHARS",
    "CareerBotHTTPServer",
    "CareerBotRequestHandler",
    "load_page",
    "make_server",
    "serve",
]

#: Largest accepted request body; larger ones get 413 without being read.
MAX_BODY_BYTES = 64 * 1024
#: Longest accepted ``session_id``.
MAX_SESSION_ID_CHARS = 200
#: Session used when a request names none (all such clients share it).
DEFAULT_SESSION_ID = "web"
#: Seconds a connection may stay idle while sending its request.
REQUEST_TIMEOUT = 30.0
#: Oversized bodies up to this size are read and dropped before the 413, so the client sees it.
_MAX_DRAIN_BYTES = 1024 * 1024

_JSON_TYPE = "application/json; charset=utf-8"
_ROUTES: dict[str, tuple[str, ...]] = {"/": ("GET", "HEAD"), "/health": ("GET", "HEAD"), "/ask": ("POST",)}
_INLINE = re.compile(rb"<(script|style)>(.*?)</\1>", re.DOTALL)


def load_page() -> bytes:
    """The web chat page shipped in the package (``careerbot/ui/web/index.html``)."""
    return (resources.files("careerbot.ui") / "web" / "index.html").read_bytes()


def _content_security_policy(page: bytes) -> str:
    """A strict policy allowing only the page's own inline script and style (by hash)."""
    hashes: dict[bytes, list[str]] = {b"script": [], b"style": []}
    for match in _INLINE.finditer(page):
        digest = base64.b64encode(hashlib.sha256(match.group(2)).digest()).decode("ascii")
        hashes[match.group(1)].append(f"'sha256-{digest}'")
    script = " ".join(hashes[b"script"]) or "'none'"
    style = " ".join(hashes[b"style"]) or "'none'"
    return (
        f"default-src 'none'; script-src {script}; style-src {style}; connect-src 'self'; "
        "img-src data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


class _BadRequest(Exception):
    """A client error, turned into a JSON error response."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class CareerBotHTTPServer(ThreadingHTTPServer):
    """A threaded HTTP server holding one shared :class:`CareerBot` (thread-safe)."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], bot: CareerBot) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.bot = bot
        self.page = load_page()
        self.page_policy = _content_security_policy(self.page)
        super().__init__(address, CareerBotRequestHandler)

    @property
    def url(self) -> str:
        """``http://host:port/`` of the bound socket."""
        host, port = self.server_address[:2]
        shown = str(host)
        if ":" in shown:
            shown = f"[{shown}]"
        return f"http://{shown}:{port}/"

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Connection-level failures (client hung up, ...) are not worth a traceback."""


class CareerBotRequestHandler(BaseHTTPRequestHandler):
    """Routes requests to the bot. JSON errors everywhere; never logs request content."""

    server: CareerBotHTTPServer
    server_version = "careerbot"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    timeout = REQUEST_TIMEOUT

    # -- plumbing -----------------------------------------------------------------------

    def version_string(self) -> str:
        return self.server_version

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: request lines can carry user text (``/?q=...``), so nothing is logged."""

    def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _send_json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        # ensure_ascii: lone surrogates from the request survive as \\ud800 escapes.
        body = json.dumps(payload, ensure_ascii=True).encode("ascii")
        self._send(status, body, _JSON_TYPE, headers)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Errors found by the stdlib itself (bad request line, huge headers, ...) as JSON too."""
        try:
            phrase = HTTPStatus(code).phrase
        except ValueError:
            phrase = "error"
        self.close_connection = True
        if not hasattr(self, "command") or self.command is None:
            self.command = ""
        headers = {"Connection": "close"}
        if code == HTTPStatus.METHOD_NOT_ALLOWED:
            allowed = _ROUTES.get(urlsplit(getattr(self, "path", "") or "").path)
            if allowed:
                headers["Allow"] = ", ".join(allowed)
        self._send_json(code, {"error": message or phrase}, headers)

    # -- routing ------------------------------------------------------------------------

    def _route(self) -> None:
        path = urlsplit(self.path).path
        allowed = _ROUTES.get(path)
        if allowed is None:
            self.send_error(HTTPStatus.NOT_FOUND, f"no such path: {path[:100]}")
            return
        if self.command not in allowed:
            self.send_error(HTTPStatus.METHOD_NOT_ALLOWED, f"{self.command} is not allowed on {path}")
            return
        if path == "/":
            self._send(
                HTTPStatus.OK, self.server.page, "text/html; charset=utf-8",
                {"Content-Security-Policy": self.server.page_policy, "X-Frame-Options": "DENY"},
            )
        elif path == "/health":
            self._send_json(HTTPStatus.OK, {"status": "ok"})
        else:
            self._ask()

    do_GET = _route
    do_HEAD = _route
    do_POST = _route
    do_PUT = _route
    do_DELETE = _route
    do_PATCH = _route
    do_OPTIONS = _route

    # -- POST /ask ----------------------------------------------------------------------

    def handle_expect_100(self) -> bool:
        """Answer ``Expect: 100-continue`` with the final error when the body would be refused."""
        length = self._content_length()
        if length is not None and length > MAX_BODY_BYTES:
            self.send_error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY_BYTES} bytes")
            return False
        return super().handle_expect_100()

    def _content_length(self) -> int | None:
        try:
            return int((self.headers.get("Content-Length") or "").strip())
        except ValueError:
            return None

    def _discard(self, length: int) -> None:
        left = length
        while left > 0:
            chunk = self.rfile.read(min(left, 65536))
            if not chunk:
                break
            left -= len(chunk)

    def _read_body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            raise _BadRequest(HTTPStatus.LENGTH_REQUIRED, "chunked bodies are not supported; send Content-Length")
        raw = self.headers.get("Content-Length")
        if raw is None:
            raise _BadRequest(HTTPStatus.LENGTH_REQUIRED, "Content-Length header required")
        try:
            length = int(raw.strip())
        except ValueError:
            raise _BadRequest(HTTPStatus.BAD_REQUEST, "Content-Length must be an integer") from None
        if length < 0:
            raise _BadRequest(HTTPStatus.BAD_REQUEST, "Content-Length must not be negative")
        if length > MAX_BODY_BYTES:
            if length <= _MAX_DRAIN_BYTES:
                self._discard(length)
            raise _BadRequest(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY_BYTES} bytes"
            )
        body = self.rfile.read(length) if length else b""
        if len(body) != length:
            raise _BadRequest(HTTPStatus.BAD_REQUEST, "request body shorter than Content-Length")
        return body

    @staticmethod
    def _parse(body: bytes) -> tuple[str, str]:
        try:
            payload = json.loads(body.decode("utf-8"))
        except UnicodeDecodeError:
            raise _BadRequest(HTTPStatus.BAD_REQUEST, "request body is not UTF-8") from None
        except (ValueError, RecursionError):
            raise _BadRequest(HTTPStatus.BAD_REQUEST, "request body is not valid JSON") from None
        if not isinstance(payload, dict):
            raise _BadRequest(HTTPStatus.BAD_REQUEST, 'body must be a JSON object like {"text": "hello"}')
        if "text" not in payload:
            raise _BadRequest(HTTPStatus.BAD_REQUEST, "'text' is required")
        text = payload["text"]
        if not isinstance(text, str):
            raise _BadRequest(HTTPStatus.BAD_REQUEST, "'text' must be a string")
        session_id = payload.get("session_id", DEFAULT_SESSION_ID)
        if session_id is None:
            session_id = DEFAULT_SESSION_ID
        if not isinstance(session_id, str):
            raise _BadRequest(HTTPStatus.BAD_REQUEST, "'session_id' must be a string")
        if not session_id or len(session_id) > MAX_SESSION_ID_CHARS:
            raise _BadRequest(
                HTTPStatus.BAD_REQUEST, f"'session_id' must have 1 to {MAX_SESSION_ID_CHARS} characters"
            )
        return text, session_id

    def _ask(self) -> None:
        try:
            body = self._read_body()
            text, session_id = self._parse(body)
        except _BadRequest as exc:
            if exc.status != HTTPStatus.BAD_REQUEST:
                self.close_connection = True  # the unread body must not be taken as a next request
            self.send_error(exc.status, exc.message)
            return
        try:
            reply = self.server.bot.ask(text, session_id=session_id)
            payload = reply.to_dict()
        except Exception:  # the bot should never raise here; if it does, keep serving
            self.send_error(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error while answering")
            return
        self._send_json(HTTPStatus.OK, payload)


def make_server(bot: CareerBot, host: str = "127.0.0.1", port: int = 8000) -> CareerBotHTTPServer:
    """Bind (but do not start) a server for ``bot``; ``port=0`` picks a free port.

    Run it with ``server.serve_forever()`` (e.g. in a thread) and stop it with
    ``server.shutdown()`` then ``server.server_close()``; ``server.url`` is its address.
    """
    return CareerBotHTTPServer((host, port), bot)


def _is_loopback(host: str) -> bool:
    return host in {"localhost", "::1"} or host.startswith("127.")


def serve(bot: CareerBot, host: str = "127.0.0.1", port: int = 8000, env: Environment | None = None) -> int:
    """Serve until Ctrl-C; prints the URL. Returns 0, or 1 when the address cannot be bound."""
    out: TextIO = env.stdout if env is not None else sys.stdout
    err: TextIO = env.stderr if env is not None else sys.stderr
    try:
        server = make_server(bot, host, port)
    except OSError as exc:
        print(f"careerbot: cannot listen on {host}:{port}: {exc.strerror or exc}", file=err)
        return 1
    except OverflowError:
        print(f"careerbot: invalid port {port}", file=err)
        return 1
    with server:
        if not _is_loopback(host):
            print(
                f"careerbot: warning: listening on {host}, reachable from other machines; "
                "there is no authentication",
                file=err,
            )
        print(f"careerbot: serving on {server.url} (POST /ask, GET /health); Ctrl-C to stop", file=out)
        out.flush()
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
        print("careerbot: stopped", file=out)
    return 0
