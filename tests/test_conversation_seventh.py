"""Long messages that name two roles and then ask about "the two", comparisons worded with
"explain", and introductions that talk about hiring (issue 11, seventh pass), through the public
``CareerBot().ask``."""

from __future__ import annotations

import uuid

import pytest

from careerbot import CareerBot

from .conftest import DE, DSE, MLE, MLRE, talk


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


def test_the_second_opening_a_question_points_into_the_comparison(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["difference between data engineer and data science engineer?", "the second, which tools he use?"])
    assert reply.intent == "ask_tools" and reply.roles == (DSE,)


def test_does_this_role_fit_me_is_about_that_role(bot: CareerBot, sid: str) -> None:
    talk(bot, sid, ["Hello. I'm finishing a PhD in computational chemistry, mostly Python, NumPy and some PyTorch."])
    reply = bot.ask("Would an ML research engineer role make sense for someone like me?", session_id=sid)
    assert reply.intent == "recommend_role" and reply.roles == (MLRE,)
    assert reply.text.startswith("Machine Learning Research Engineer") or reply.text.startswith("Yes")
    # and the conversation goes on about it
    assert bot.ask("Which frameworks do they rely on?", session_id=sid).roles == (MLRE,)


def test_does_this_role_fit_me_says_so_when_nothing_is_known(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("would the data engineer role suit me?", session_id=sid)
    assert reply.intent == "recommend_role" and reply.roles == (DE,)
    assert "can't tell yet" in reply.text


def test_ones_own_role_is_not_the_one_asked_to_fit(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("I'm a data engineer, which role fits me if I love maths and research papers?", session_id=sid)
    assert reply.intent == "recommend_role" and DE not in reply.roles


@pytest.mark.parametrize("adverb", ["typically", "usually", "normally"])
def test_what_do_they_typically_do_is_their_work(bot: CareerBot, sid: str, adverb: str) -> None:
    reply = talk(bot, sid, ["tell me about ML research engineers", f"What do they {adverb} do?"])
    assert reply.intent == "ask_responsibilities" and reply.roles == (MLRE,)
