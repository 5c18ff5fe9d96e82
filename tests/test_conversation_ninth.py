"""Conversations as people hold them (issue 11, ninth pass), through the public ``CareerBot().ask``."""

from __future__ import annotations

import uuid

import pytest

from careerbot import CareerBot
from careerbot.nlu.cues import others_named
from careerbot.nlu.normalize import tokenize


@pytest.fixture
def sid() -> str:
    return f"ninth-{uuid.uuid4().hex}"


@pytest.mark.parametrize(
    ("text", "own", "asked"),
    [
        ("I'm a nurse. what does a lawyer earn?", "nurse", "lawyers"),
        ("i'm a nurse and i want to be a doctor, what skills do i need?", "nurse", "doctors"),
    ],
)
def test_another_job_asked_about_after_ones_own_is_not_dropped(
    bot: CareerBot, sid: str, text: str, own: str, asked: str
) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "fallback" and reply.data["kind"] == "uncovered"
    assert f"Noted: background: {own}." in reply.text
    assert f"I don't have information about {asked}." in reply.text  # (only the job asked about)
    assert own not in reply.text.split("Noted:")[1].split("\n", 1)[1]
    assert own in bot.ask("what do you know about me?", session_id=sid).text


def test_ones_own_job_with_a_vague_wish_is_an_introduction(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("I'm a retired accountant trying to figure out what my grandson might study.", session_id=sid)
    assert reply.intent == "greet" and "Sorry, I didn't get that" not in reply.text
    assert bot.ask("I'm a data analyst, which role fits me?", session_id=sid).intent == "recommend_role"


@pytest.mark.parametrize(
    ("text", "others"),
    [("i'm a nurse and what does a lawyer do", ("lawyer",)), ("i was a senior nurse", ()),
     ("what does a lawyer or a nurse earn", ("lawyer", "nurse"))],
)
def test_others_named(text: str, others: tuple[str, ...]) -> None:
    occupations = [w for w in ("lawyer", "nurse") if w in text]
    assert others_named(tokenize(text), occupations) == others
