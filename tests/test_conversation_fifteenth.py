"""Conversations as people hold them (issue 11, fifteenth pass), through the public ``CareerBot().ask``
and the message reader it uses."""

from __future__ import annotations

import uuid

import pytest

from careerbot import CareerBot
from careerbot.nlu.cues import asks_for_help
from careerbot.nlu.normalize import tokenize
from careerbot.nlu.parts import split_parts


@pytest.fixture
def sid() -> str:
    return f"fifteenth-{uuid.uuid4().hex}"


def test_an_opening_did_without_a_question_mark_is_the_persons_own_account() -> None:
    parts = split_parts("did data journalism on the side: spreadsheets, a bit of R. which role would fit me?")
    assert [p.kind for p in parts] == ["self", "question"]
    # A question that opens with "did" is still a question.
    assert [p.kind for p in split_parts("did you know SQL is old? what do DEs use")] == ["question", "question"]


@pytest.mark.parametrize(
    "text", ["what skills do data engineers need? which ones?", "what tools do DSEs use? like what?"]
)
def test_which_ones_after_a_question_belongs_to_it(text: str) -> None:
    assert [p.text for p in split_parts(text)] == [text]


@pytest.mark.parametrize(
    ("text", "for_help"),
    [
        ("do bootcamps help?", False),
        ("would a master's help me get in?", False),
        ("can you help me?", True),
        ("could this bot help me?", True),
        ("help please", True),
    ],
)
def test_whether_something_helps_is_not_a_request_for_help(text: str, for_help: bool) -> None:
    assert asks_for_help(tokenize(text)) is for_help


def test_do_bootcamps_help_asks_how_to_get_in(bot: CareerBot, sid: str) -> None:
    bot.ask("what does a data engineer do?", session_id=sid)
    reply = bot.ask("do bootcamps help?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_getting_started", ("data_engineer",))


def test_a_tool_named_by_its_short_name_is_noted_in_the_articles_words(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("I use Postgres every day and love it", session_id=sid)
    assert reply.text.startswith("Noted: PostgreSQL.")
    assert "PostgreSQL" in bot.ask("what do you know about me?", session_id=sid).text


def test_a_misspelt_role_name_is_the_target_not_something_the_person_likes(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("I want to be a data sience enginer, I know SQL", session_id=sid)
    assert reply.roles == ("data_science_engineer",)
    profile = bot.ask("what do you know about me?", session_id=sid).text
    assert "aiming at: Data Science Engineer" in profile
    assert "enginer" not in profile.casefold()


def test_what_the_person_says_now_counts_more_than_what_they_said_before(bot: CareerBot, sid: str) -> None:
    bot.ask("I'm a teacher, did a stats refresher, halfway through a Python course", session_id=sid)
    reply = bot.ask("I loved the theory and proofs side of maths most. which one would fit me best?", session_id=sid)
    assert (reply.intent, reply.roles) == ("recommend_role", ("ml_research_engineer",))


def test_what_seniority_after_postings_is_about_those_postings(bot: CareerBot, sid: str) -> None:
    bot.ask("show me the postings", session_id=sid)
    reply = bot.ask("what seniority is it?", session_id=sid)
    assert reply.data.get("kind") == "postings"
    assert "Senior-level" in reply.text
