"""Load your own knowledge and intents directories.

The data in ``examples/custom_data/`` is SAMPLE data, invented to show the file format.
It is not fact and not career advice. Check your own files first with:

    careerbot validate --knowledge examples/custom_data/knowledge --intents examples/custom_data/intents
"""

from __future__ import annotations

import sys
from pathlib import Path

from careerbot import CareerBot, DataError

DATA = Path(__file__).resolve().parent / "custom_data"

QUESTIONS = [
    "which roles do you know?",
    "what does an analytics engineer do?",
    "what tools do they use?",
    "and BI developers?",
    "what is the difference between analytics engineers and BI developers?",
    "where does this come from?",
]


def main() -> int:
    try:
        bot = CareerBot(knowledge_dir=DATA / "knowledge", intents_dir=DATA / "intents")
    except DataError as exc:  # every problem, as path:line: message
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    print("NOTE: answers below come from SAMPLE data made up for this example, not from facts.\n")
    for question in QUESTIONS:
        reply = bot.ask(question, session_id="demo")
        print(f"> {question}")
        print(reply.text)
        if reply.sources:
            print("Sources:", "; ".join(reply.sources))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
