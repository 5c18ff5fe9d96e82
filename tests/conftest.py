from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from careerbot import CareerBot
from careerbot.ui.server import CareerBotHTTPServer, make_server

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def bot() -> CareerBot:
    """One shared bot, as an app would have; tests use their own session ids."""
    return CareerBot()


@pytest.fixture
def fresh_bot() -> CareerBot:
    return CareerBot()


@pytest.fixture(scope="module")
def server(bot: CareerBot) -> Iterator[CareerBotHTTPServer]:
    """careerbot's HTTP server on an ephemeral loopback port, serving in a thread."""
    srv = make_server(bot, "127.0.0.1", 0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join()
