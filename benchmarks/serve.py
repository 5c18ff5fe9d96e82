"""Load and fault benchmark of ``careerbot serve`` on loopback (bounded in count and time; not a test).

    python benchmarks/serve.py [--workers 2] [--sessions sqlite:///tmp/x.db | redis://127.0.0.1:6379/0] [--quick]

Starts ``careerbot serve --port 0`` (needs ``pip install ".[web]"``), then measures with an asyncio
client on raw sockets (standard library only):

1. one client, keep-alive, one request at a time (the latency a page sees);
2. 50 / 200 / 500 concurrent clients, each request on a new connection, then each client on one
   keep-alive connection: errors (resets, timeouts, non-200), p50, p99, slowest, requests/s;
3. slowloris: 300 connections sending their headers one byte every 2 s for 60 s, while a probe
   client asks every 0.25 s (its errors and slowest answer), then 300 connections flooding headers
   (up to 1 MB each, which must be cut off);
4. 50,000 sessions, one turn each, then 30 of them asked a follow-up that needs their context;
5. peak RSS of the server (the supervisor and its workers) in each phase.

Every phase has a fixed number of requests and a deadline; everything targets 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
REQUEST_TIMEOUT = 30.0
QUESTIONS = (
    ("what does a data engineer do?", "data_engineer"),
    ("tell me about machine learning engineers", "ml_engineer"),
    ("explain the ML software engineer role", "ml_software_engineer"),
    ("what is a machine learning research engineer?", "ml_research_engineer"),
    ("what does a data science engineer do?", "data_science_engineer"),
)
FOLLOW_UP = "what tools do they use?"


# -- the server ---------------------------------------------------------------------------------


class Server:
    def __init__(self, workers: int, sessions: str, data_home: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "XDG_DATA_HOME": str(data_home)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "careerbot", "serve", "--port", "0", "--workers", str(workers),
             "--sessions", sessions],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            self.proc.kill()
            raise SystemExit(f"serve did not start: {line!r} {self.proc.communicate()[1]}")
        self.port = int(match.group(1))
        self.peak_rss = 0
        self._sampling = True
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()

    def rss(self) -> int:
        """Bytes resident in the server and its worker processes now."""
        pids = [self.proc.pid]
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == self.proc.pid:
                        pids.append(int(entry.name))
                except (OSError, ValueError, IndexError):
                    continue
        total = 0
        for pid in pids:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            except OSError:
                continue
        return total

    def _sample(self) -> None:
        while self._sampling:
            self.peak_rss = max(self.peak_rss, self.rss())
            time.sleep(0.2)

    def reset_peak(self) -> None:
        self.peak_rss = self.rss()

    def stop(self) -> None:
        self._sampling = False
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.communicate()


# -- a small HTTP/1.1 client --------------------------------------------------------------------


def request_bytes(text: str, session: str) -> bytes:
    body = json.dumps({"text": text, "session_id": session}).encode()
    return (f"POST /ask HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    body = await reader.readexactly(length) if length else b""
    return status, body


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    wrong: int = 0
    started: float = 0.0
    ended: float = 0.0

    def row(self, name: str) -> str:
        lat = sorted(self.latencies)
        n = len(lat)
        p50 = lat[n // 2] * 1000 if n else float("nan")
        p99 = lat[min(n - 1, int(n * 0.99))] * 1000 if n else float("nan")
        worst = lat[-1] * 1000 if n else float("nan")
        rate = n / (self.ended - self.started) if self.ended > self.started else 0.0
        total = n + self.errors
        return (f"| {name:<46} | {total:>8} | {self.errors + self.wrong:>6} | {p50:>8.1f} | {p99:>8.1f} | "
                f"{worst:>8.1f} | {rate:>7.0f} |")


HEADER = (f"| {'scenario':<46} | requests | errors | p50 ms   | p99 ms   | max ms   | req/s   |\n"
          f"|{'-' * 48}|----------|--------|----------|----------|----------|---------|")


async def one_request(port: int, payload: bytes, stats: Stats, check: Callable[[bytes], bool] | None = None) -> None:
    started = time.perf_counter()
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), REQUEST_TIMEOUT)
        try:
            writer.write(payload)
            status, body = await asyncio.wait_for(read_response(reader), REQUEST_TIMEOUT)
        finally:
            writer.close()
    except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError):
        stats.errors += 1
        return
    stats.latencies.append(time.perf_counter() - started)
    if status != 200 or (check is not None and not check(body)):
        stats.wrong += 1


def _roles_are(role: str) -> Callable[[bytes], bool]:
    return lambda body: json.loads(body).get("roles") == [role]


async def client_new_connections(port: int, n: int, requests: int, stats: Stats, prefix: str) -> None:
    question, role = QUESTIONS[n % len(QUESTIONS)]
    session = f"{prefix}-{n}"
    for i in range(requests):
        text = question if i == 0 else FOLLOW_UP
        await one_request(port, request_bytes(text, session), stats, _roles_are(role))


async def client_keep_alive(port: int, n: int, requests: int, stats: Stats, prefix: str) -> None:
    question, role = QUESTIONS[n % len(QUESTIONS)]
    session = f"{prefix}-{n}"
    check = _roles_are(role)
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None
    for i in range(requests):
        started = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), REQUEST_TIMEOUT)
            assert reader is not None
            writer.write(request_bytes(question if i == 0 else FOLLOW_UP, session))
            status, body = await asyncio.wait_for(read_response(reader), REQUEST_TIMEOUT)
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError):
            stats.errors += 1
            if writer is not None:
                writer.close()
            reader = writer = None
            continue
        stats.latencies.append(time.perf_counter() - started)
        if status != 200 or not check(body):
            stats.wrong += 1
    if writer is not None:
        writer.close()


async def concurrent(port: int, clients: int, requests: int, keep_alive: bool, prefix: str) -> Stats:
    stats = Stats()
    stats.started = time.perf_counter()
    run = client_keep_alive if keep_alive else client_new_connections
    await asyncio.gather(*(run(port, n, requests, stats, prefix) for n in range(clients)))
    stats.ended = time.perf_counter()
    return stats


# -- faults -------------------------------------------------------------------------------------


async def slow_client(port: int, until: float, interval: float, counts: dict[str, int]) -> None:
    """Opens a connection and sends a request's headers one byte every ``interval`` seconds."""
    data = (b"POST /ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-Pad: "
            + b"a" * 4000)
    try:
        _, writer = await asyncio.open_connection(HOST, port)
    except OSError:
        counts["refused"] += 1
        return
    counts["open"] += 1
    try:
        for byte in data:
            if time.monotonic() > until:
                break
            writer.write(bytes([byte]))
            await writer.drain()
            await asyncio.sleep(interval)
    except OSError:
        counts["closed_by_server"] += 1
    finally:
        writer.close()


async def flood_client(port: int, limit: int, counts: dict[str, int]) -> None:
    """Sends header bytes without end (up to ``limit``); the server must cut the connection off."""
    try:
        reader, writer = await asyncio.open_connection(HOST, port)
    except OSError:
        counts["refused"] += 1
        return
    sent = 0
    chunk = b"X-Flood: " + b"b" * 1000 + b"\r\n"
    try:
        writer.write(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        while sent < limit:
            writer.write(chunk)
            await asyncio.wait_for(writer.drain(), 10)
            sent += len(chunk)
            if reader.at_eof():
                break
            await asyncio.sleep(0)
        answer = await asyncio.wait_for(reader.read(200), 10)
        counts["cut_off" if answer.startswith(b"HTTP/1.1 4") or not answer else "answered"] += 1
    except (OSError, asyncio.TimeoutError):
        counts["cut_off"] += 1
    finally:
        writer.close()
    counts["bytes_sent"] += sent


async def probe(port: int, until: float, stats: Stats) -> None:
    n = 0
    while time.monotonic() < until:
        await one_request(port, request_bytes("what tools does a data engineer use?", f"probe-{n}"), stats)
        n += 1
        await asyncio.sleep(0.25)


async def slowloris(server: Server, connections: int, seconds: float) -> tuple[Stats, dict[str, int]]:
    counts = {"open": 0, "refused": 0, "closed_by_server": 0}
    until = time.monotonic() + seconds
    stats = Stats()
    stats.started = time.perf_counter()
    slow = [asyncio.create_task(slow_client(server.port, until, 2.0, counts)) for _ in range(connections)]
    await asyncio.sleep(1.0)  # let them all connect
    await probe(server.port, until, stats)
    await asyncio.gather(*slow)
    stats.ended = time.perf_counter()
    return stats, counts


async def header_flood(server: Server, connections: int, limit: int) -> dict[str, int]:
    counts = {"refused": 0, "cut_off": 0, "answered": 0, "bytes_sent": 0}
    await asyncio.gather(*(flood_client(server.port, limit, counts) for _ in range(connections)))
    return counts


async def many_sessions(port: int, total: int, clients: int) -> Stats:
    stats = Stats()
    stats.started = time.perf_counter()
    per_client = total // clients

    async def run(c: int) -> None:
        reader, writer = await asyncio.open_connection(HOST, port)
        try:
            for i in range(per_client):
                n = c * per_client + i
                question, _ = QUESTIONS[n % len(QUESTIONS)]
                started = time.perf_counter()
                try:
                    writer.write(request_bytes(question, f"many-{n}"))
                    status, _ = await asyncio.wait_for(read_response(reader), REQUEST_TIMEOUT)
                except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError):
                    stats.errors += 1
                    writer.close()
                    reader, writer = await asyncio.open_connection(HOST, port)
                    continue
                stats.latencies.append(time.perf_counter() - started)
                if status != 200:
                    stats.wrong += 1
        finally:
            writer.close()

    await asyncio.gather(*(run(c) for c in range(clients)))
    stats.ended = time.perf_counter()
    return stats


async def follow_ups(port: int, sample: list[int]) -> int:
    """How many of the sampled sessions answer a follow-up about their own role."""
    good = Stats()
    for n in sample:
        _, role = QUESTIONS[n % len(QUESTIONS)]
        await one_request(port, request_bytes(FOLLOW_UP, f"many-{n}"), good, _roles_are(role))
    return len(good.latencies) - good.wrong


def mib(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MiB"


async def main_async(args: argparse.Namespace, server: Server) -> None:
    print(f"careerbot serve --workers {args.workers} --sessions {args.sessions}  (Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs)\n")
    print(HEADER)
    warm = await concurrent(server.port, 10, 5, True, "warm")  # load the advisor etc. in every worker
    del warm
    server.reset_peak()
    single = await concurrent(server.port, 1, 200 if not args.quick else 50, True, "single")
    print(single.row("1 client, keep-alive, sequential"), flush=True)
    peaks: dict[str, int] = {}
    budget = args.requests
    for clients in (50, 200, 500):
        per = max(2, budget // clients)
        for keep_alive in (False, True):
            server.reset_peak()
            stats = await concurrent(server.port, clients, per, keep_alive, f"c{clients}-{keep_alive}")
            name = f"{clients} clients, {'keep-alive' if keep_alive else 'new connection each'} ({per} each)"
            print(stats.row(name), flush=True)
            peaks[name] = server.peak_rss
    server.reset_peak()
    seconds = 15.0 if args.quick else 60.0
    slow_stats, slow_counts = await slowloris(server, 300, seconds)
    print(slow_stats.row(f"probe during slowloris (300 x {seconds:.0f} s)"), flush=True)
    slow_peak = server.peak_rss
    server.reset_peak()
    flood = await header_flood(server, 300, 1024 * 1024)
    flood_peak = server.peak_rss
    server.reset_peak()
    total = 5_000 if args.quick else 50_000
    many = await many_sessions(server.port, total, 50)
    print(many.row(f"{total:,} sessions, one turn each (50 clients)"), flush=True)
    many_peak = server.peak_rss
    sample = list(range(0, total, total // 30))[:30]
    kept = await follow_ups(server.port, sample)
    print()
    print(f"- slowloris: {slow_counts['open']} slow connections opened, {slow_counts['refused']} refused, "
          f"{slow_counts['closed_by_server']} closed by the server (header deadline); probe errors {slow_stats.errors + slow_stats.wrong}, "
          f"slowest probe answer {max(slow_stats.latencies, default=float('nan')) * 1000:.0f} ms")
    print(f"- header flood: 300 connections sending up to 1 MiB of headers each: {flood['cut_off']} cut off, "
          f"{flood['answered']} answered, {flood['refused']} refused, {flood['bytes_sent'] / 1024 / 1024:.0f} MiB sent in all")
    print(f"- {total:,} sessions: {kept} of {len(sample)} sampled sessions kept their context for a follow-up")
    print(f"- peak RSS (server + workers): load {mib(max(peaks.values()))}, slowloris {mib(slow_peak)}, "
          f"header flood {mib(flood_peak)}, {total:,} sessions {mib(many_peak)}")
    lat = single.latencies
    if lat:
        print(f"- 1 client keep-alive: mean {statistics.mean(lat) * 1000:.2f} ms (no Nagle delay)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sessions", help="store URL (default: SQLite in a temporary directory)")
    parser.add_argument("--requests", type=int, default=2000, help="requests per concurrency scenario (default 2000)")
    parser.add_argument("--quick", action="store_true", help="smaller run (15 s slowloris, 5,000 sessions)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        args.sessions = args.sessions or f"sqlite://{Path(tmp) / 'sessions.sqlite3'}"
        server = Server(args.workers, args.sessions, Path(tmp))
        try:
            deadline = time.monotonic() + 60
            while True:
                stats = Stats()
                asyncio.run(one_request(server.port, b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", stats))
                if stats.latencies and not stats.wrong:
                    break
                if time.monotonic() > deadline:
                    raise SystemExit("server not ready")
                time.sleep(0.2)
            asyncio.run(asyncio.wait_for(main_async(args, server), 900))
        finally:
            server.stop()


if __name__ == "__main__":
    main()
