"""Long messages that name two roles and then ask about "the two", comparisons worded with
"explain", and introductions that talk about hiring (issue 11, seventh pass), through the public
``CareerBot().ask``."""

from __future__ import annotations

import uuid

import pytest

from careerbot import CareerBot

from .conftest import DE, MLE, MLRE, talk


@pytest.fixture
def sid() -> str:
    return f"seventh-{uuid.uuid4().hex}"


OFFERS = (
    "I'm wrapping up a computer science degree and have two offers on the table: one is a junior data "
    "engineer position at a logistics company, the other is a machine learning research engineer track at "
    "a robotics startup. I enjoyed my databases course a lot. Can you lay out how the two roles differ?"
)
HIRING = (
    "I'm an engineering manager at a logistics company and we're restructuring our data team. Some people "
    "want to hire a data engineer next, others argue we need a machine learning research engineer. I don't "
    "have a deep technical background in either area. Can you explain how these two roles differ?"
)


@pytest.mark.parametrize("text", [OFFERS, HIRING])
def test_the_two_in_a_long_message_are_the_two_it_names(bot: CareerBot, sid: str, text: str) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "compare" and set(reply.roles) == {DE, MLRE}


def test_a_team_hiring_is_not_what_the_person_aims_at_nor_a_negated_background(bot: CareerBot, sid: str) -> None:
    reply = bot.ask(HIRING, session_id=sid)
    assert "either area" not in reply.text
    assert "aiming at" not in reply.text
    known = bot.ask("what do you know about me?", session_id=sid).text
    assert "engineering manager" in known and "either area" not in known


@pytest.mark.parametrize("then", ["can you explain how they differ?", "explain the difference between them"])
def test_explain_how_they_differ_is_a_comparison(bot: CareerBot, sid: str, then: str) -> None:
    reply = talk(bot, sid, ["DE vs MLE", then])
    assert reply.intent == "compare" and set(reply.roles) == {DE, MLE}
