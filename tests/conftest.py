from __future__ import annotations

import shutil
import subprocess
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from careerbot import CareerBot, Reply
from careerbot.data.knowledge import KnowledgeBase
from careerbot.data.validate import load_data
from careerbot.skills.advisor import Advisor

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


#: The five role ids, for tests.
DE, MLE, MLSWE, MLRE, DSE = (
    "data_engineer",
    "ml_engineer",
    "ml_software_engineer",
    "ml_research_engineer",
    "data_science_engineer",
)


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The shipped knowledge base, loaded once."""
    return load_data()[0]


@pytest.fixture(scope="session")
def advisor(kb: KnowledgeBase) -> Advisor:
    return Advisor(kb)


@pytest.fixture(scope="session")
def bot() -> CareerBot:
    """One shared bot, as an app would have; tests use their own session ids."""
    return CareerBot()


@pytest.fixture
def fresh_bot() -> CareerBot:
    return CareerBot()


class ServedApp:
    """An ASGI app on a real uvicorn server on an ephemeral loopback port, serving in a thread."""

    def __init__(self, app: Any, **config: Any) -> None:
        import socket

        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(2048)
        self.server_address: tuple[str, int] = self.sock.getsockname()[:2]
        options: dict[str, Any] = {"http": "h11", "access_log": False, "log_level": "warning",
                                   "server_header": False, "lifespan": "on", **config}
        self.server = uvicorn.Server(uvicorn.Config(app, **options))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.01)

    @property
    def url(self) -> str:
        host, port = self.server_address
        return f"http://{host}:{port}/"

    def close(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
        self.sock.close()


@pytest.fixture(scope="module")
def server(bot: CareerBot) -> Iterator[ServedApp]:
    """careerbot's ASGI app on uvicorn on an ephemeral loopback port, serving in a thread."""
    from careerbot.ui.web import create_app

    served = ServedApp(create_app(bot))
    yield served
    served.close()


def free_port() -> int:
    """A TCP port on loopback that nothing listens on (right now)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


REDIS_SERVER = shutil.which("redis-server")


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real redis-server on a free loopback port, for the whole test run (skips when not installed)."""
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed (Debian: apt-get install redis-server); .ci/run installs it")
    redis = pytest.importorskip("redis", reason='the redis client is missing: pip install -e ".[test]"')
    workdir = tmp_path_factory.mktemp("redis")
    port = free_port()
    proc = subprocess.Popen(
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(workdir), "--protected-mode", "yes"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("redis-server did not start")
                time.sleep(0.05)
        yield url
    finally:
        client.close()
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(autouse=True, scope="session")
def _private_build_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Processes the tests start keep their build cache in a temporary directory, not in ~/.cache."""
    patch = pytest.MonkeyPatch()
    patch.setenv("CAREERBOT_CACHE_DIR", str(tmp_path_factory.mktemp("build-cache")))
    yield
    patch.undo()


def talk(bot: CareerBot, sid: str, turns: Sequence[str]) -> Reply:
    """The reply to the last of ``turns``, asked in order in session ``sid``."""
    reply = None
    for text in turns:
        reply = bot.ask(text, session_id=sid)
    assert reply is not None
    return reply


def part_intents(reply: Reply) -> list[str]:
    """The intent of each part a reply answers (one for a single answer)."""
    if reply.data.get("kind") != "parts":
        return [reply.intent]
    parts = reply.data["parts"]
    assert isinstance(parts, list)
    return [str(p["intent"]) for p in parts]
