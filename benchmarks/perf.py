"""careerbot speed and memory benchmark (run on demand; not part of the test suite).

    python benchmarks/perf.py [--quick]

Prints: CareerBot() load time; ask latency p50/p99 over the development set's questions and
dialogues (follow-ups included); whole-process time of `careerbot ask "..."`; the same load and
latency with a generated knowledge base 20x larger; IntentMatcher build and rank latency with the
CLINC150 training set (15,000 examples; read from ../shared/benchmarks/clinc150 — that part is
skipped when the data is absent); memory growth over 30,000 one-off sessions; a 2,000-character
message (the input limit: a long self-introduction with questions inside); and a 1 MB input.

Run it in a virtual environment with a regular (non-editable) install, as users get it:

    python3 -m venv /tmp/venv-perf && /tmp/venv-perf/bin/pip install . && /tmp/venv-perf/bin/python benchmarks/perf.py
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

import yaml

from careerbot import CareerBot
from careerbot.evaluate import load_cases
from careerbot.matcher import IntentMatcher

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "data" / "devset.yaml"
CLINC = ROOT.parent / "shared" / "benchmarks" / "clinc150" / "clinc150_full_train_val.json"


def pct(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def ask_latency(bot: CareerBot, rounds: int) -> tuple[float, float, int]:
    cases = load_cases(DEVSET)
    samples: list[float] = []
    for r in range(rounds):
        for i, case in enumerate(cases):
            session = f"d{r}-{case.dialogue}" if case.dialogue else f"q{r}-{i}"
            start = time.perf_counter()
            bot.ask(case.text, session_id=session)
            samples.append(time.perf_counter() - start)
    return pct(samples, 0.5) * 1e3, pct(samples, 0.99) * 1e3, len(samples)


def process_time(runs: int, *, cached: bool) -> float:
    """Median wall time of ``careerbot ask``: with its build cache in a fresh directory, filled by a
    first run that is not counted (``cached``), or with the cache off (every run builds)."""
    # The console script installed next to this interpreter (a venv's bin/), as a user runs it.
    script = Path(sys.executable).parent / "careerbot"
    cmd = [str(script)] if script.is_file() else [sys.executable, "-m", "careerbot"]
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "CAREERBOT_CACHE_DIR": cache if cached else ""}

        def ask() -> None:
            subprocess.run([*cmd, "ask", "what tools does a data engineer use?"], check=True, capture_output=True, env=env)

        if cached:
            ask()
        times = [timed(ask) for _ in range(runs)]
    return statistics.median(times) * 1e3


LONG_SENTENCES = (
    "Hi, I'm a backend developer with six years of Java, Python and SQL behind me.",
    "I studied economics, then moved into software, mostly APIs and a bit of database administration.",
    "Lately I have been reading about machine learning and I like the idea of building data pipelines.",
    "I enjoy maths and statistics, but I dislike endless meetings and I am not a researcher at heart.",
    "My team uses PostgreSQL, Kafka and Docker every day, and I wrote some Airflow jobs last year.",
)
LONG_QUESTION = "What does a data engineer do, and what else would I need to become one?"


def long_message(size: int = 2000) -> str:
    """A message of exactly ``size`` characters: whole sentences of background, the question at the end."""
    body: list[str] = []
    i = 0
    while len(" ".join([*body, LONG_SENTENCES[i % len(LONG_SENTENCES)], LONG_QUESTION])) <= size:
        body.append(LONG_SENTENCES[i % len(LONG_SENTENCES)])
        i += 1
    filler = iter("Outside work I like hiking chess cooking photography cycling music and reading".split() * 20)
    while len(" ".join([*body, LONG_QUESTION])) < size - 12:
        body.append(next(filler))
    text = " ".join([*body, LONG_QUESTION])
    return text + "!" * (size - len(text))


def long_message_latency(bot: CareerBot, runs: int) -> tuple[float, float, int]:
    text = long_message()
    samples = [timed(lambda i=i: bot.ask(text, session_id=f"long-{i}")) for i in range(runs)]
    return statistics.median(samples) * 1e3, max(samples) * 1e3, len(text)


def big_knowledge(target: Path, factor: int) -> None:
    """Copy the shipped data, cloning every role ``factor`` times under new ids and names."""
    shutil.copytree(ROOT / "knowledge", target / "knowledge")
    shutil.copytree(ROOT / "intents", target / "intents")
    roles_dir = target / "knowledge" / "roles"
    for path in sorted(roles_dir.glob("*.yaml")):
        role = yaml.safe_load(path.read_text(encoding="utf-8"))
        for n in range(2, factor + 1):
            clone = dict(role)
            clone["id"] = f"{role['id']}_{n}"
            clone["name"] = f"{role['name']} {n}"
            clone["plural"] = f"{role['plural']} {n}"
            clone["aliases"] = [f"{a} {n}" for a in role.get("aliases", [])]
            # points and thing links are kept as they are (their 'vs' name the original roles)
            (roles_dir / f"{clone['id']}.yaml").write_text(yaml.safe_dump(clone, sort_keys=False), encoding="utf-8")
    # the clones cite the same articles, so the articles cover them too
    sources_path = target / "knowledge" / "sources.yaml"
    sources = yaml.safe_load(sources_path.read_text(encoding="utf-8"))
    for source in sources["sources"]:
        roles = source.get("roles") or []
        source["roles"] = roles + [f"{r}_{n}" for r in roles for n in range(2, factor + 1)]
    sources_path.write_text(yaml.safe_dump(sources, sort_keys=False), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    args = parser.parse_args()
    rounds = 2 if args.quick else 10
    rows: list[tuple[str, str]] = []

    load = [timed(CareerBot) for _ in range(3 if args.quick else 7)]
    rows.append(("CareerBot() load (median)", f"{statistics.median(load) * 1e3:.0f} ms"))
    bot = CareerBot()
    p50, p99, n = ask_latency(bot, rounds)
    rows.append((f"ask latency, shipped data ({n} asks)", f"p50 {p50:.3f} ms, p99 {p99:.3f} ms"))
    runs = 3 if args.quick else 9
    rows.append(("`careerbot ask` whole process, build cached (median)", f"{process_time(runs, cached=True):.0f} ms"))
    rows.append(("`careerbot ask` whole process, no cache (median)", f"{process_time(runs, cached=False):.0f} ms"))

    with tempfile.TemporaryDirectory() as tmp:
        big_knowledge(Path(tmp), 20)
        start = time.perf_counter()
        big = CareerBot(knowledge_dir=Path(tmp) / "knowledge", intents_dir=Path(tmp) / "intents")
        rows.append((f"CareerBot() load, 20x knowledge ({len(big.knowledge.roles)} roles)",
                     f"{(time.perf_counter() - start) * 1e3:.0f} ms"))
        p50, p99, n = ask_latency(big, max(1, rounds // 2))
        rows.append((f"ask latency, 20x knowledge ({n} asks)", f"p50 {p50:.3f} ms, p99 {p99:.3f} ms"))

    if CLINC.is_file():
        data = json.loads(CLINC.read_text(encoding="utf-8"))
        examples: dict[str, list[str]] = {}
        for text, label in data["train"]:
            examples.setdefault(label, []).append(text)
        start = time.perf_counter()
        matcher = IntentMatcher(examples)
        rows.append(("IntentMatcher build, CLINC150 train (15,000)", f"{(time.perf_counter() - start) * 1e3:.0f} ms"))
        queries = [t for t, _ in data["val"]][: 600 if args.quick else 3000]
        samples = []
        for q in queries:
            s = time.perf_counter()
            matcher.rank(q, limit=1)
            samples.append(time.perf_counter() - s)
        rows.append((f"IntentMatcher.rank, CLINC150 ({len(samples)} val queries)",
                     f"p50 {pct(samples, .5) * 1e3:.3f} ms, p99 {pct(samples, .99) * 1e3:.3f} ms"))
    else:
        rows.append(("IntentMatcher, CLINC150", f"skipped: {CLINC} not found"))

    fresh = CareerBot()
    fresh.ask("hello", session_id="warm-up")
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(30_000):
        fresh.ask("what tools does a data engineer use?", session_id=f"one-off-{i}")
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    rows.append(("memory growth, 30,000 one-off sessions", f"{(after - before) / 2**20:.1f} MiB"))
    med, worst, size = long_message_latency(fresh, 20 if args.quick else 100)
    rows.append((f"ask with a {size:,}-character message", f"median {med:.1f} ms, max {worst:.1f} ms"))
    big_text = "what tools does a data engineer use? " * (1_000_000 // 37)
    rows.append(("ask with a 1 MB input", f"{timed(lambda: fresh.ask(big_text)) * 1e3:.1f} ms"))

    width = max(len(r[0]) for r in rows)
    print(f"| {'measure':<{width}} | result |")
    print(f"|{'-' * (width + 2)}|--------|")
    for name, value in rows:
        print(f"| {name:<{width}} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
