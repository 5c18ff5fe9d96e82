"""Many users, one bot: each ``session_id`` keeps its own conversation.

Run: ``python examples/multi_user.py``. Sessions live in memory (least recently used
dropped after ``max_sessions``); ``export_session``/``restore_session`` move one between
processes, e.g. through your own database.
"""

from __future__ import annotations

import json

from careerbot import CareerBot

TURNS = [
    ("alice", "What does a data engineer do?"),
    ("bob", "Tell me about machine learning research engineers"),
    ("alice", "What tools do they use?"),
    ("bob", "What tools do they use?"),
    ("bob", "And how much do they earn?"),
    ("carol", "What tools do they use?"),
]


def main() -> None:
    bot = CareerBot(max_sessions=1_000)
    for user, text in TURNS:
        reply = bot.ask(text, session_id=user)
        about = ", ".join(reply.roles) or "-"
        print(f"[{user}] {text}")
        print(f"    -> intent={reply.intent} roles={about} topic={reply.topic}")
        print(f"       {reply.text.splitlines()[0]}")

    # Save alice's conversation (plain JSON-ready dict) and continue it in another bot.
    saved = json.dumps(bot.export_session("alice"))
    print("saved alice:", saved)
    other = CareerBot()
    other.restore_session("alice", json.loads(saved))
    reply = other.ask("and their education?", session_id="alice")
    print(f"[alice, restored] and their education? -> roles={', '.join(reply.roles)} topic={reply.topic}")

    bot.reset("bob")  # forget bob
    print("bob after reset:", bot.export_session("bob"))


if __name__ == "__main__":
    main()
