"""Machine instructions per ``ask`` (run on demand; not part of the test suite).

    python benchmarks/instructions.py [--steady] [PYTHON ...]

Wall-clock latency on a shared 2-core machine moves by a third from one run to the next and by two
times from one machine to another, so passes are also compared by what does not move: the number of
machine instructions an answer takes, counted by valgrind's callgrind (repeatable for the same
binary, inputs and environment). Each PYTHON (default: this interpreter) runs the development set's
questions and dialogues once, after building the bot; a second run only builds the bot; the
difference, divided by the number of asks, is the cost of one answer. Needs ``valgrind`` (Debian:
``apt-get install valgrind``); says so and exits 2 without it.

Compare the code at the start of a pass with the current code by giving two interpreters, each with
its own (non-editable) install:

    python benchmarks/instructions.py /tmp/venv-head/bin/python /tmp/venv-perf/bin/python

The parts built on first use (the advisor, the point index, the vocabulary of unknown words) are
built during the counted asks, so this figure carries their build spread over the dev set. With
``--steady`` both runs first answer the whole dev set once, uncounted, and the counted run answers it
again in new sessions: the cost of an answer once everything is built, which is what the median
latency of a long-running bot measures.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DEVSET = Path(__file__).resolve().parent.parent / "tests" / "data" / "devset.yaml"

# Run under valgrind: build the bot and answer five questions (with "steady": the whole dev set, so
# that everything built on first use is built), then, with "asks", answer every case of the dev set.
_CHILD = """
import sys
from careerbot import CareerBot
from careerbot.evaluate import load_cases
cases = load_cases(sys.argv[1])
bot = CareerBot()
if sys.argv[3] == "steady":
    for i, case in enumerate(cases):
        bot.ask(case.text, session_id=f"w-{case.dialogue}" if case.dialogue else f"w{i}")
else:
    for case in cases[:5]:
        bot.ask(case.text, session_id="warm-up")
if sys.argv[2] == "asks":
    for i, case in enumerate(cases):
        bot.ask(case.text, session_id=f"d-{case.dialogue}" if case.dialogue else f"q{i}")
print(len(cases))
"""


def instructions(python: str, mode: str, *, steady: bool = False) -> tuple[int, int]:
    """Instructions callgrind counts for one run of ``_CHILD`` in ``mode``, and the cases it read."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", python, "-c", _CHILD, str(DEVSET), mode, "steady" if steady else "first"],
            capture_output=True, text=True, check=True,
        )
    found = re.search(r"Collected\s*:\s*(\d+)", done.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found.group(1)), int(done.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian: apt-get install valgrind)", file=sys.stderr)
        return 2
    steady = "--steady" in argv
    pythons = [a for a in argv if a != "--steady"]
    for python in pythons or [sys.executable]:
        built, _ = instructions(python, "load", steady=steady)
        total, cases = instructions(python, "asks", steady=steady)
        per_ask = (total - built) / cases
        print(f"{python}: {per_ask / 1e6:.2f} M instructions per ask ({cases} asks), {built / 1e6:.0f} M to build the bot"
              + (" and answer the dev set once" if steady else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
