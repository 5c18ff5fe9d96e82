"""Conversations as people hold them (issue 11, eleventh pass), through the public ``CareerBot().ask``."""

from __future__ import annotations

import uuid

import pytest

from careerbot import CareerBot


@pytest.fixture
def sid() -> str:
    return f"eleventh-{uuid.uuid4().hex}"


def test_the_ml_guys_after_one_role_is_the_ml_engineer_and_keeps_the_pay_question(bot: CareerBot, sid: str) -> None:
    bot.ask("whats a data engineer paid", session_id=sid)
    reply = bot.ask("and the ml guys, same?", session_id=sid)
    assert reply.intent == "ask_salary" and reply.roles == ("ml_engineer",)
    # the pay asked again: the articles give no MLE pay, the postings shown carry other titles
    assert "don't say what a Machine Learning Engineer earns" in reply.text


def test_the_machine_learning_folks_after_one_role_keeps_the_topic(bot: CareerBot, sid: str) -> None:
    bot.ask("what tools do DEs use", session_id=sid)
    reply = bot.ask("what about the machine learning folks?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_tools", ("ml_engineer",))


@pytest.mark.parametrize("text", ["How heavy is the maths? I'd assume my background covers it.", "is the maths heavy?"])
def test_a_short_question_about_a_thing_alone_is_about_the_role_in_focus(bot: CareerBot, sid: str, text: str) -> None:
    bot.ask("what do ML research engineers do?", session_id=sid)
    reply = bot.ask(text, session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_skills", ("ml_research_engineer",))
    assert "Mathematics" in reply.text


@pytest.mark.parametrize("text", ["whats a good laptop for ML", "can u do my maths homework lol"])
def test_a_short_question_mostly_about_other_things_is_not(bot: CareerBot, sid: str, text: str) -> None:
    bot.ask("what do ML research engineers do?", session_id=sid)
    assert bot.ask(text, session_id=sid).intent == "fallback"


def test_working_together_means_the_two_talked_about(bot: CareerBot, sid: str) -> None:
    bot.ask("DE vs MLE", session_id=sid)
    bot.ask("what tools should the data engineer know?", session_id=sid)
    reply = bot.ask("Do they work together directly, or is there usually a data scientist in between?", session_id=sid)
    assert reply.intent == "ask_works_with" and set(reply.roles) == {"data_engineer", "ml_engineer"}
    # the data scientist is someone they work with, not a job asked about
    assert "don't have information about data scientists" not in reply.text


def test_a_budget_for_a_role_is_its_pay_also_in_two_parts(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("What should I budget for the data engineer? And what about the ML engineer?", session_id=sid)
    assert [p["intent"] for p in reply.data["parts"]] == ["ask_salary", "ask_salary"]


def test_a_role_named_in_a_statement_is_compared_with_the_one_in_focus(bot: CareerBot, sid: str) -> None:
    bot.ask("What is a machine learning engineer?", session_id=sid)
    reply = bot.ask("His friend wants to be a data engineer. How is that different from what Luca wants?", session_id=sid)
    assert reply.intent == "compare" and set(reply.roles) == {"ml_engineer", "data_engineer"}


def test_wanting_to_keep_doing_research_points_at_the_research_engineer_first(bot: CareerBot, sid: str) -> None:
    bot.ask(
        "Hi. I'm finishing a PhD in computational neuroscience: lots of MATLAB, some Python, two papers on "
        "spiking network models.", session_id=sid,
    )
    reply = bot.ask("I want to keep doing research, but in industry. Which role should I look at?", session_id=sid)
    assert reply.intent == "recommend_role" and reply.roles[0] == "ml_research_engineer"
    # "keep", "look", "finish" are no interests to repeat back
    assert "keep" not in reply.text.split("\n")[0]


def test_both_in_one_part_and_another_role_in_the_next_are_answered_apart(bot: CareerBot, sid: str) -> None:
    bot.ask("How does a data science engineer differ from a machine learning engineer?", session_id=sid)
    reply = bot.ask("What's the growth projection for both? And is it the same figure for data engineers?", session_id=sid)
    parts = [(p["intent"], set(p["roles"])) for p in reply.data["parts"]]
    assert parts == [("ask_outlook", {"data_science_engineer", "ml_engineer"}), ("ask_outlook", {"data_engineer"})]


@pytest.mark.parametrize(
    ("first", "then", "intent"),
    [
        ("what's an MLRE", "does it need even more maths?", "ask_skills"),
        ("DSE vs MLE", "Given my background, which of the two is the better fit?", "recommend_role"),
    ],
)
def test_ways_of_asking_in_a_conversation(bot: CareerBot, sid: str, first: str, then: str, intent: str) -> None:
    bot.ask(first, session_id=sid)
    assert bot.ask(then, session_id=sid).intent == intent
