"""``careerbot serve``: the ASGI app (:mod:`careerbot.ui.web`) on uvicorn, one or more worker processes.

Every worker builds its own bot from the environment (:func:`careerbot.ui.web.app_from_env`) and
shares the sessions through the store named by ``--sessions`` (SQLite by default, or Redis), so a
follow-up keeps its context whichever worker answers it, and across restarts. SIGTERM (or Ctrl-C)
stops accepting connections and lets requests in flight finish.
"""

from __future__ import annotations

import inspect
import os
import signal
import socket
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from .cli import Environment

__all__ = ["GRACEFUL_SHUTDOWN_SECONDS", "INSTALL_WEB", "deadline_protocol",
           "missing_web_dependencies", "serve"]

INSTALL_WEB = 'pip install "careerbot[web]"'
INSTALL_REDIS = 'pip install "careerbot[redis]"'
#: Seconds requests in flight get to finish after SIGTERM.
GRACEFUL_SHUTDOWN_SECONDS = 20
#: Pending connections the kernel queues before accepting (the stdlib server had 5).
BACKLOG = 2048
#: Largest header block (and incomplete event) a connection may buffer (h11).
MAX_HEADER_BYTES = 16 * 1024
KEEP_ALIVE_SECONDS = 5


def deadline_protocol() -> Any:
    """uvicorn's h11 protocol with a deadline for each request's headers
    (:class:`careerbot.ui.h11_deadline.DeadlineH11Protocol`), or plain ``"h11"`` if it cannot be had."""
    try:
        from .h11_deadline import DeadlineH11Protocol
    except ImportError:
        return "h11"
    return DeadlineH11Protocol


def missing_web_dependencies() -> list[str]:
    """Names of the web extra's packages that cannot be imported."""
    missing = []
    for name in ("starlette", "uvicorn"):
        try:
            __import__(name)
        except ImportError:
            missing.append(name)
    return missing


def _is_loopback(host: str) -> bool:
    return host in {"localhost", "::1"} or host.startswith("127.")


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto IPPROTO_TCP, not 0: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on sockets
    # that say they are TCP, and accepted connections inherit it; with 0, every keep-alive
    # response waits ~40 ms for the client's delayed ACK (headers and body are two writes).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((host, port))
        sock.listen(BACKLOG)
        sock.set_inheritable(True)
    except BaseException:
        sock.close()
        raise
    return sock


def _url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in str(host) else str(host)
    return f"http://{shown}:{port}/"


def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 1,
    sessions: str,
    allowed_hosts: Sequence[str] = (),
    knowledge_dir: str | None = None,
    intents_dir: str | None = None,
    env: Environment | None = None,
) -> int:
    """Serve until SIGTERM or Ctrl-C; prints the URL. Returns 0, or 1 when it cannot start."""
    out: TextIO = env.stdout if env is not None else sys.stdout
    err: TextIO = env.stderr if env is not None else sys.stderr
    missing = missing_web_dependencies()
    if missing:
        print(f"careerbot serve needs {' and '.join(missing)}: {INSTALL_WEB}", file=err)
        return 1
    import uvicorn

    from ..dialogue.stores import StoreUnavailable, open_store
    from . import web

    try:  # open the store once here, so a bad URL or a server that is down is reported before forking
        open_store(sessions).close()
    except (StoreUnavailable, ValueError) as exc:
        print(f"careerbot: cannot use sessions {sessions!r}: {exc}", file=err)
        return 1
    hosts = list(allowed_hosts) or list(web.DEFAULT_ALLOWED_HOSTS)
    if not allowed_hosts and host not in ("0.0.0.0", "::", "") and not _is_loopback(host):
        hosts.append(host)
    os.environ.update({web.ENV_SESSIONS: sessions, web.ENV_ALLOWED_HOSTS: ",".join(hosts)})
    for name, value in ((web.ENV_KNOWLEDGE, knowledge_dir), (web.ENV_INTENTS, intents_dir)):
        if value:
            os.environ[name] = os.path.abspath(value)
        else:
            os.environ.pop(name, None)
    try:
        sock = _bind(host, port)
    except OSError as exc:
        print(f"careerbot: cannot listen on {host}:{port}: {exc.strerror or exc}", file=err)
        return 1
    except OverflowError:
        print(f"careerbot: invalid port {port}", file=err)
        return 1
    config = uvicorn.Config(
        "careerbot.ui.web:app_from_env", factory=True, workers=workers, http=deadline_protocol(), loop="asyncio",
        lifespan="on", access_log=False,  # request lines can carry user text (/?q=...): never logged
        log_level="warning", server_header=False, proxy_headers=False, backlog=BACKLOG,
        timeout_keep_alive=KEEP_ALIVE_SECONDS, timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
    )
    with sock:
        if not _is_loopback(host):
            print(f"careerbot: warning: listening on {host}, reachable from other machines; there is no "
                  f"authentication (Host names answered: {', '.join(hosts)})", file=err)
        if sessions == "memory" and workers > 1:
            print("careerbot: warning: --sessions memory with several workers splits conversations "
                  "between them; use sqlite:///PATH or redis://", file=err)
        print(f"careerbot: serving on {_url(sock)} (POST /ask, GET /health, GET /openapi.json) with "
              f"{workers} worker{'s' if workers != 1 else ''}, sessions {sessions}; Ctrl-C to stop", file=out)
        out.flush()
        # uvicorn shuts down gracefully on SIGTERM/SIGINT, then raises the signal again for the
        # handler in place before it: a no-op for SIGTERM, so the command ends normally (status 0).
        previous = signal.signal(signal.SIGTERM, lambda signum, frame: None)
        try:
            _run(uvicorn, config, sock, workers)
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGTERM, previous)
        print("careerbot: stopped", file=out)
    return 0


def _run(uvicorn: Any, config: Any, sock: socket.socket, workers: int) -> None:
    if workers > 1:
        from uvicorn.supervisors import Multiprocess

        kwargs: dict[str, Any] = {"sockets": [sock]}
        if "target" in inspect.signature(Multiprocess).parameters:  # uvicorn < 0.30
            kwargs["target"] = uvicorn.Server(config).run
        Multiprocess(config, **kwargs).run()
    else:
        uvicorn.Server(config).run(sockets=[sock])
