"""The HTTP API and web chat page as an ASGI app (Starlette; ``pip install "careerbot[web]"``).

``from careerbot.ui.web import create_app``; ``create_app(bot)`` is a Starlette app with:

- ``POST /ask`` ``{"text": "...", "session_id": "..."}`` -> :meth:`careerbot.Reply.to_dict` as JSON
  (header ``Careerbot-Session: known`` or ``new``: whether the server had the conversation before this turn);
- ``GET /health`` -> ``{"status": "ok"}``;
- ``GET /`` -> the chat page (``careerbot/ui/web/index.html``) under a strict Content-Security-Policy;
- ``GET /openapi.json`` -> an OpenAPI 3.1 description of the API.

Every error is JSON ``{"error": "..."}``: 400 (bad JSON or types, a ``Host`` not allowed), 404, 405
(with ``Allow``), 408 (body not in within :data:`BODY_SECONDS`), 413 (body over :data:`MAX_BODY_BYTES`),
415 (``Content-Type`` not JSON), 500.
Request text is never logged. It mounts inside another Starlette or FastAPI app
(``Mount("/careerbot", app=create_app(bot))``): the page calls the API by relative URLs.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import html
import json
import logging
import os
import re
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..dialogue.stores import MAX_SESSION_ID_CHARS, SessionStore, open_store

if TYPE_CHECKING:
    from ..bot import CareerBot

__all__ = [
    "DEFAULT_ALLOWED_HOSTS",
    "DEFAULT_SESSION_ID",
    "MAX_BODY_BYTES",
    "MAX_DRAIN_BYTES",
    "MAX_SESSION_ID_CHARS",
    "ROUTES",
    "HostAllowListMiddleware",
    "JSONBodyMiddleware",
    "app_from_env",
    "content_security_policy",
    "create_app",
    "load_page",
    "openapi_schema",
    "render_page",
]

#: Largest accepted request body; a larger one gets 413 without being read.
MAX_BODY_BYTES = 64 * 1024
#: An oversized body up to this size is read and dropped before the 413 (within :data:`DRAIN_SECONDS`),
#: so that the client, still sending, gets the answer instead of a connection reset.
MAX_DRAIN_BYTES = 16 * 1024 * 1024
DRAIN_SECONDS = 10.0
#: Seconds a client has to send a request body (a body trickled a byte at a time is cut off with 408).
BODY_SECONDS = 30.0
#: Session used when a request names none (all such clients share it; the page sends its own).
DEFAULT_SESSION_ID = "web"
#: Host names answered by default (any port): loopback only, against DNS rebinding.
DEFAULT_ALLOWED_HOSTS: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")

#: The API as a table: path, methods, endpoint name (a method of :class:`_Endpoints`), JSON body.
ROUTES: tuple[tuple[str, tuple[str, ...], str, bool], ...] = (
    ("/", ("GET",), "page", False),
    ("/health", ("GET",), "health", False),
    ("/ask", ("POST",), "ask", True),
    ("/openapi.json", ("GET",), "openapi", False),
)

_LOG = logging.getLogger("careerbot.web")
_INLINE = re.compile(rb"<(script|style)>(.*?)</\1>", re.DOTALL)
_JSON_TYPE = "application/json; charset=utf-8"
_COMMON_HEADERS = (
    (b"cache-control", b"no-store"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)


def load_page() -> bytes:
    """The web chat page shipped in the package (``careerbot/ui/web/index.html``)."""
    return (resources.files("careerbot.ui") / "web" / "index.html").read_bytes()


_ROLES_META = b'<meta name="careerbot-roles" content="{}">'


def render_page(bot: Any) -> bytes:
    """The page for ``bot``: :func:`load_page` with the bot's role names (id -> name) in a ``<meta>``,
    so answers are rendered from ``Reply.data`` with the names of its role ids."""
    page = load_page()
    knowledge = getattr(bot, "knowledge", None)
    roles = getattr(knowledge, "roles", None) or {}
    names = {role_id: getattr(role, "name", role_id) for role_id, role in roles.items()}
    content = html.escape(json.dumps(names, ensure_ascii=True), quote=True).encode("ascii")
    return page.replace(_ROLES_META, b'<meta name="careerbot-roles" content="' + content + b'">', 1)


def content_security_policy(page: bytes) -> str:
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


def json_response(status: int, payload: Any, headers: dict[str, str] | None = None) -> Response:
    # ensure_ascii: lone surrogates from a request survive as \\ud800 escapes.
    body = json.dumps(payload, ensure_ascii=True).encode("ascii")
    return Response(body, status_code=status, headers=headers, media_type=_JSON_TYPE)


async def _send_error(send: Send, status: int, message: str) -> None:
    body = json.dumps({"error": message}).encode("ascii")
    await send({
        "type": "http.response.start", "status": status,
        "headers": [(b"content-type", _JSON_TYPE.encode()), (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"), *_COMMON_HEADERS],
    })
    await send({"type": "http.response.body", "body": body})


def _header(scope: Scope, name: bytes) -> list[str]:
    return [v.decode("latin-1") for k, v in scope.get("headers", ()) if k == name]


def _host_name(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):  # [::1]:8000
        return host[1:host.find("]")] if "]" in host else host
    if host.count(":") == 1:
        return host.split(":", 1)[0]
    return host


class HostAllowListMiddleware:
    """Answers only requests whose ``Host`` is allowed (``*`` allows any, ``*.example.org`` subdomains);
    adds ``no-store``/``nosniff``/``no-referrer`` headers to every response."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str] = DEFAULT_ALLOWED_HOSTS) -> None:
        self.app = app
        self.allowed = frozenset(_host_name(h) for h in allowed_hosts)
        self.any = "*" in self.allowed
        self.suffixes = tuple(h[1:] for h in self.allowed if h.startswith("*."))

    def allows(self, host: str) -> bool:
        name = _host_name(host)
        return bool(name) and (self.any or name in self.allowed or any(name.endswith(s) for s in self.suffixes))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        hosts = _header(scope, b"host")
        if len(hosts) != 1 or not self.allows(hosts[0]):
            await _send_error(send, 400, "Host header missing or not allowed")
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", ())}
                extra = [(k, v) for k, v in _COMMON_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", ()), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _BodyTooLarge(Exception):
    pass


class _BodyTooSlow(Exception):
    pass


async def _drain(receive: Receive, already: int) -> None:
    """Read and drop the rest of a refused body (bounded in bytes and time)."""
    import anyio

    with anyio.move_on_after(DRAIN_SECONDS):
        total = already
        while total <= MAX_DRAIN_BYTES:
            message = await receive()
            if message["type"] != "http.request":
                return
            total += len(message.get("body", b""))
            if not message.get("more_body", False):
                return


class JSONBodyMiddleware:
    """For a route taking JSON: ``Content-Type: application/json`` required (415; a cross-site
    form or ``text/plain`` POST cannot send it without a preflight), body at most ``max_bytes`` (413)."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES, body_seconds: float = BODY_SECONDS) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.body_seconds = body_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        types = _header(scope, b"content-type")
        media = types[0].split(";", 1)[0].strip().lower() if len(types) == 1 else ""
        params = types[0].split(";", 1)[1].replace(" ", "").lower() if len(types) == 1 and ";" in types[0] else ""
        if media != "application/json" or params not in ("", "charset=utf-8"):
            await _send_error(send, 415, "Content-Type must be application/json")
            return
        lengths = _header(scope, b"content-length")
        if lengths and lengths[0].isdigit() and int(lengths[0]) > self.max_bytes:
            # Refused from its Content-Length, without keeping any of it. A client waiting for
            # "100 Continue" has sent nothing yet; one already sending a few MB is drained first.
            expects = any(v.strip().lower() == "100-continue" for v in _header(scope, b"expect"))
            if not expects and int(lengths[0]) <= MAX_DRAIN_BYTES:
                await _drain(receive, 0)
            await _send_error(send, 413, f"request body over {self.max_bytes} bytes")
            return
        import anyio

        received = 0
        started = False
        body_done = False
        deadline = anyio.current_time() + self.body_seconds

        async def limited_receive() -> Message:
            nonlocal received, body_done
            try:
                with anyio.fail_after(max(0.0, deadline - anyio.current_time())):
                    message = await receive()
            except TimeoutError:
                raise _BodyTooSlow from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                body_done = not message.get("more_body", False)
                if received > self.max_bytes:
                    raise _BodyTooLarge
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, watched_send)
        except _BodyTooLarge:
            if started:
                raise
            if not body_done:  # the rest of the body is still coming: drop it first
                await _drain(receive, received)
            await _send_error(send, 413, f"request body over {self.max_bytes} bytes")
        except _BodyTooSlow:
            if started:
                raise
            await _send_error(send, 408, f"request body not received within {self.body_seconds:g} s")


class _BadRequest(Exception):
    pass


def _parse(body: bytes) -> tuple[str, str]:
    try:
        payload = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise _BadRequest("request body is not UTF-8") from None
    except (ValueError, RecursionError):
        raise _BadRequest("request body is not valid JSON") from None
    if not isinstance(payload, dict):
        raise _BadRequest('body must be a JSON object like {"text": "hello"}')
    if "text" not in payload:
        raise _BadRequest("'text' is required")
    text = payload["text"]
    if not isinstance(text, str):
        raise _BadRequest("'text' must be a string")
    session_id = payload.get("session_id")
    if session_id is None:
        session_id = DEFAULT_SESSION_ID
    if not isinstance(session_id, str):
        raise _BadRequest("'session_id' must be a string")
    if not session_id or len(session_id) > MAX_SESSION_ID_CHARS:
        raise _BadRequest(f"'session_id' must have 1 to {MAX_SESSION_ID_CHARS} characters")
    return text, session_id


def openapi_schema() -> dict[str, Any]:
    """The OpenAPI 3.1 description served at ``/openapi.json``."""
    error = {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}

    def err(description: str) -> dict[str, Any]:
        return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}

    strings = {"type": "array", "items": {"type": "string"}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "careerbot", "version": _version(),
                 "description": "Questions and answers about data and machine-learning careers."},
        "paths": {
            "/ask": {"post": {
                "summary": "Answer one message in a conversation",
                "operationId": "ask",
                "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AskRequest"}}}},
                "responses": {
                    "200": {"description": "The reply",
                            "headers": {"Careerbot-Session": {"description": "`known` if the server had this conversation before the turn, else `new`",
                                                              "schema": {"type": "string", "enum": ["known", "new"]}}},
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Reply"}}}},
                    "400": err("Bad JSON, wrong types, missing text, bad session id, or a Host not allowed"),
                    "413": err(f"Body over {MAX_BODY_BYTES} bytes"),
                    "415": err("Content-Type is not application/json"),
                    "500": err("Unexpected failure"),
                },
            }},
            "/health": {"get": {"summary": "Liveness", "operationId": "health", "responses": {"200": {
                "description": "Serving", "content": {"application/json": {"schema": {
                    "type": "object", "properties": {"status": {"const": "ok"}}}}}}}}},
        },
        "components": {"schemas": {
            "Error": error,
            "AskRequest": {"type": "object", "required": ["text"], "properties": {
                "text": {"type": "string", "description": "The message; only the first 2000 characters are read"},
                "session_id": {"type": ["string", "null"], "minLength": 1, "maxLength": MAX_SESSION_ID_CHARS,
                               "description": f"The conversation (default {DEFAULT_SESSION_ID!r}, shared by every client that sends none)"},
            }},
            "Reply": {"type": "object", "required": ["text", "intent", "confidence", "roles", "topic", "sources",
                                                     "suggestions", "data", "truncated"], "properties": {
                "text": {"type": "string"}, "intent": {"type": "string", "description": "`fallback` when out of scope"},
                "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                "roles": strings, "topic": {"type": ["string", "null"]}, "sources": strings, "suggestions": strings,
                "data": {"type": "object", "description": "Structured results; `kind` is comparison, postings, recommendation, skill_gap or learning_path"},
                "truncated": {"type": "boolean"},
            }},
        }},
    }


def _version() -> str:
    from .. import __version__

    return __version__


class _Endpoints:
    def __init__(self, bot: CareerBot) -> None:
        self.bot = bot
        self.page_bytes = render_page(bot)
        self.page_headers = {
            "Content-Security-Policy": content_security_policy(self.page_bytes),
            "X-Frame-Options": "DENY",
        }
        self.schema = json.dumps(openapi_schema()).encode("ascii")

    async def page(self, request: Request) -> Response:
        return Response(self.page_bytes, media_type="text/html; charset=utf-8", headers=self.page_headers)

    async def health(self, request: Request) -> Response:
        return json_response(200, {"status": "ok"})

    async def openapi(self, request: Request) -> Response:
        return Response(self.schema, media_type=_JSON_TYPE)

    async def ask(self, request: Request) -> Response:
        try:
            text, session_id = _parse(await request.body())
        except _BadRequest as exc:
            return json_response(400, {"error": str(exc)})
        try:
            known, payload = await run_in_threadpool(self._answer, text, session_id)
        except Exception as exc:  # the bot should never raise here; if it does, keep serving
            _LOG.error("internal error while answering: %s", type(exc).__name__)  # never the text
            return json_response(500, {"error": "internal error while answering"})
        return json_response(200, payload, {"Careerbot-Session": "known" if known else "new"})

    def _answer(self, text: str, session_id: str) -> tuple[bool, dict[str, Any]]:
        sessions = getattr(self.bot, "sessions", None)
        known = sessions is not None and session_id in sessions
        return known, self.bot.ask(text, session_id=session_id).to_dict()


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    path = request.url.path[:100]
    if exc.status_code == 404:
        return json_response(404, {"error": f"no such path: {path}"})
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        order = ["GET", "HEAD", "POST"]
        allowed = sorted((m.strip() for m in headers.get("Allow", "").split(",") if m.strip()),
                         key=lambda m: (order.index(m) if m in order else len(order), m))
        headers["Allow"] = ", ".join(allowed)
        return json_response(405, {"error": f"{request.method} is not allowed on {path}"}, headers)
    return json_response(exc.status_code, {"error": str(exc.detail)}, headers)


async def _server_error(request: Request, exc: Exception) -> Response:
    _LOG.error("internal error: %s", type(exc).__name__)
    return json_response(500, {"error": "internal error"})


def create_app(
    bot: CareerBot | None = None,
    *,
    sessions: SessionStore | str | None = None,
    allowed_hosts: Sequence[str] = DEFAULT_ALLOWED_HOSTS,
    max_body_bytes: int = MAX_BODY_BYTES,
    body_seconds: float = BODY_SECONDS,
    knowledge_dir: str | None = None,
    intents_dir: str | None = None,
) -> Starlette:
    """The careerbot ASGI app.

    ``bot``: the :class:`CareerBot` to serve; by default one is built from ``knowledge_dir``/``intents_dir``
    (bundled data) with ``sessions`` (a store, or a URL for :func:`careerbot.dialogue.stores.open_store`;
    default in memory). A store opened here from a URL is closed when the app shuts down.
    ``allowed_hosts``: ``Host`` names answered (default loopback; ``["*"]`` for any).
    ``max_body_bytes`` and ``body_seconds`` bound the ``/ask`` body (413, 408).
    """
    owned: SessionStore | None = None
    if bot is None:
        from ..bot import CareerBot

        store = open_store(sessions) if isinstance(sessions, str) else sessions
        owned = store if isinstance(sessions, str) else None
        bot = CareerBot(knowledge_dir=knowledge_dir, intents_dir=intents_dir, sessions=store)
    elif sessions is not None:
        raise ValueError("pass sessions to the CareerBot, not to create_app, when giving a bot")
    endpoints = _Endpoints(bot)
    routes: list[BaseRoute] = [
        Route(path, getattr(endpoints, name), methods=list(methods), name=name,
              middleware=[Middleware(JSONBodyMiddleware, max_bytes=max_body_bytes, body_seconds=body_seconds)]
              if json_body else None)
        for path, methods, name, json_body in ROUTES
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            if owned is not None:
                owned.close()

    handlers: dict[Any, Callable[[Request, Exception], Any]] = {HTTPException: _http_error, 500: _server_error}
    app = Starlette(
        routes=routes,
        middleware=[Middleware(HostAllowListMiddleware, allowed_hosts=allowed_hosts)],
        exception_handlers=handlers,
        lifespan=lifespan,
    )
    app.router.redirect_slashes = False  # "/health/" is a 404, as every unknown path
    app.state.bot = bot
    return app


#: Environment variables read by :func:`app_from_env` (set by ``careerbot serve`` for its workers).
ENV_SESSIONS = "CAREERBOT_SESSIONS"
ENV_ALLOWED_HOSTS = "CAREERBOT_ALLOWED_HOSTS"
ENV_KNOWLEDGE = "CAREERBOT_KNOWLEDGE"
ENV_INTENTS = "CAREERBOT_INTENTS"


def app_from_env() -> Starlette:
    """The app configured by ``CAREERBOT_SESSIONS`` (store URL, default ``memory``),
    ``CAREERBOT_ALLOWED_HOSTS`` (comma-separated), ``CAREERBOT_KNOWLEDGE`` and ``CAREERBOT_INTENTS``:
    the factory each ``careerbot serve`` worker process runs (``uvicorn --factory careerbot.ui.web:app_from_env``)."""
    hosts = [h.strip() for h in os.environ.get(ENV_ALLOWED_HOSTS, "").split(",") if h.strip()]
    return create_app(
        sessions=os.environ.get(ENV_SESSIONS) or "memory",
        allowed_hosts=hosts or DEFAULT_ALLOWED_HOSTS,
        knowledge_dir=os.environ.get(ENV_KNOWLEDGE) or None,
        intents_dir=os.environ.get(ENV_INTENTS) or None,
    )
