"""An asyncio app: ``CareerBot.ask`` is synchronous CPU work, so it runs in worker threads.

``asyncio.to_thread`` keeps the event loop free (here a ticker keeps running while
answers are computed). One bot is shared by all tasks; it is thread-safe.
"""

from __future__ import annotations

import asyncio

from careerbot import CareerBot, Reply

USERS = {
    "ana": ["What does a data science engineer do?", "What skills do they need?"],
    "ben": ["Tell me about ML software engineers", "What skills do they need?"],
    "cho": ["data engineer vs ml engineer", "how much do they earn?"],
}


async def ask(bot: CareerBot, text: str, session_id: str) -> Reply:
    """Answer without blocking the event loop."""
    return await asyncio.to_thread(bot.ask, text, session_id)


async def chat(bot: CareerBot, user: str, questions: list[str]) -> list[str]:
    lines = []
    for question in questions:
        reply = await ask(bot, question, session_id=user)
        lines.append(f"[{user}] {question} -> roles={', '.join(reply.roles) or '-'} topic={reply.topic}")
    return lines


async def ticker(stop: asyncio.Event) -> int:
    """Runs on the event loop while the bot works in threads."""
    ticks = 0
    while not stop.is_set():
        ticks += 1
        await asyncio.sleep(0.001)
    return ticks


async def main() -> None:
    bot = await asyncio.to_thread(CareerBot)  # loading the data is blocking work too
    stop = asyncio.Event()
    ticks = asyncio.create_task(ticker(stop))
    results = await asyncio.gather(*(chat(bot, user, qs) for user, qs in USERS.items()))
    stop.set()
    for lines in results:
        print("\n".join(lines))
    print(f"event loop stayed responsive: ticker ran {await ticks} times while answering")


if __name__ == "__main__":
    asyncio.run(main())
