"""Conversations as people hold them (issue 11, twelfth pass), through the public ``CareerBot().ask``."""

from __future__ import annotations

import uuid

import pytest

from careerbot import CareerBot


@pytest.fixture
def sid() -> str:
    return f"twelfth-{uuid.uuid4().hex}"


@pytest.mark.parametrize(
    ("text", "companies"),
    [
        ("jobs in San Francisco or New York?", ("Cere Network", "Occam AI")),
        ("any jobs in new york or berlin", ("Occam AI", "Vara")),
    ],
)
def test_places_named_together_are_alternatives(bot: CareerBot, sid: str, text: str, companies: tuple[str, ...]) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.data["kind"] == "postings"
    assert [p["company"] for p in reply.data["postings"]] == list(companies)
    assert "No featured posting" not in reply.text


def test_places_are_named_in_the_order_asked_and_as_the_postings_write_them(bot: CareerBot, sid: str) -> None:
    assert "(in New York or San Francisco)" in bot.ask("jobs in New York or San Francisco?", session_id=sid).text
    assert "in Rochester or NY," in bot.ask("jobs in rochester ny", session_id=f"{sid}-2").text
