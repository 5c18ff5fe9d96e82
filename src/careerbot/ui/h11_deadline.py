"""uvicorn's h11 protocol with a deadline for each request's headers (against slowloris).

uvicorn closes idle keep-alive connections, but not one that trickles its headers a byte at a
time, nor a new connection that sends nothing. :class:`DeadlineH11Protocol` gives every request
:data:`HEADER_SECONDS` for its headers, counted from the connection (or the previous response);
then the connection is closed. Once the headers are in, the request has no such deadline (the
app bounds the body: :data:`careerbot.ui.web.BODY_SECONDS`). Imported only with uvicorn installed.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = ["HEADER_SECONDS", "DeadlineH11Protocol", "with_header_deadline"]

#: Seconds a connection has to send a request's headers.
HEADER_SECONDS = 10.0


class DeadlineH11Protocol(H11Protocol):
    """:class:`H11Protocol` that closes a connection whose request headers take over ``header_seconds``."""

    header_seconds: float = HEADER_SECONDS
    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def handle_events(self) -> None:
        super().handle_events()
        if self._in_flight():
            self._disarm()  # the headers are in: the request is being answered

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()  # the next request's headers get the same time

    def _in_flight(self) -> bool:
        cycle = getattr(self, "cycle", None)
        return cycle is not None and not getattr(cycle, "response_complete", True)

    def _arm(self) -> None:
        self._disarm()
        self._deadline = asyncio.get_running_loop().call_later(self.header_seconds, self._too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        if not self._in_flight() and not self.transport.is_closing():
            self.transport.close()


def with_header_deadline(seconds: float) -> type[DeadlineH11Protocol]:
    """A :class:`DeadlineH11Protocol` with another deadline (for tests; not picklable for workers)."""
    return type("DeadlineH11Protocol", (DeadlineH11Protocol,), {"header_seconds": seconds})
