"""Conversations as people hold them (issue 11, fourteenth pass), through the public ``CareerBot().ask``."""

from __future__ import annotations

import uuid

import pytest

from careerbot import CareerBot


@pytest.fixture
def sid() -> str:
    return f"fourteenth-{uuid.uuid4().hex}"


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("do they use Snowflake?", "Snowflake"),
        ("do they use Snowflake too?", "Snowflake"),
        ("do they use dbt or looker?", "dbt and looker"),
    ],
)
def test_a_tool_the_articles_never_name_asked_of_the_role_in_focus(
    bot: CareerBot, sid: str, question: str, names: str
) -> None:
    bot.ask("what do data engineers do?", session_id=sid)
    reply = bot.ask(question, session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_tools", ("data_engineer",))
    assert reply.text.startswith(f"The articles don't say anything about {names} for Data Engineers")


@pytest.mark.parametrize("question", ["do they use charting tools?", "do they wear a disguise?"])
def test_a_kind_of_tool_or_an_unknown_word_about_the_role_in_focus_is_no_unlisted_tool(
    bot: CareerBot, sid: str, question: str
) -> None:
    bot.ask("what do data engineers do?", session_id=sid)
    assert "don't say anything about" not in bot.ask(question, session_id=sid).text


@pytest.mark.parametrize("question", ["which one needs more maths", "which of those needs more maths?"])
def test_which_one_more_after_two_roles_in_turn_weighs_the_two(bot: CareerBot, sid: str, question: str) -> None:
    bot.ask("what does a data engineer do?", session_id=sid)
    bot.ask("and a ML research engineer?", session_id=sid)
    reply = bot.ask(question, session_id=sid)
    assert set(reply.roles) == {"data_engineer", "ml_research_engineer"}
    assert "not for Data Engineers" in reply.text


def test_which_one_suits_me_after_two_roles_is_still_a_recommendation(bot: CareerBot, sid: str) -> None:
    bot.ask("I know SQL and Python", session_id=sid)
    bot.ask("what does a data engineer do?", session_id=sid)
    bot.ask("and an ML engineer?", session_id=sid)
    assert bot.ask("which 1 suits me better then", session_id=sid).intent == "recommend_role"


def test_projected_growth_is_the_outlook_not_projects(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("Out of curiosity, what's the projected growth for data engineers?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_outlook", ("data_engineer",))
    assert "22%" in reply.text


def test_advice_given_what_was_told_uses_the_profile(bot: CareerBot, sid: str) -> None:
    bot.ask("my daughter has a statistics degree and wants to be an ML research engineer", session_id=sid)
    gap = bot.ask("Given what I told you about her statistics degree, what should she still learn?", session_id=sid)
    assert (gap.intent, gap.roles) == ("skill_gap", ("ml_research_engineer",))
    fit = bot.ask("given what I told you, which role fits me?", session_id=sid)
    assert fit.intent == "recommend_role"
    assert bot.ask("what did I tell you?", session_id=sid).intent == "profile"


@pytest.mark.parametrize("text", ["what are the jobs you know", "wat r the jobs u know"])
def test_the_jobs_careerbot_knows(bot: CareerBot, sid: str, text: str) -> None:
    assert bot.ask(text, session_id=sid).intent == "list_roles"


def test_an_opening_ordinal_then_a_pronoun_picks_that_role(bot: CareerBot, sid: str) -> None:
    bot.ask("What is the difference between data engineer and data science engineer?", session_id=sid)
    reply = bot.ask("The second, he uses which tools?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_tools", ("data_science_engineer",))


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("are DSEs in demand in healthcare?", "Yes: the articles list Healthcare for Data Science Engineers."),
        ("are data engineers in demand in finance?", "The articles don't list Finance for Data Engineers"),
    ],
)
def test_demand_in_a_sector_is_whether_the_articles_list_that_sector(
    bot: CareerBot, sid: str, question: str, opening: str
) -> None:
    reply = bot.ask(question, session_id=sid)
    assert reply.intent == "ask_industries"
    assert reply.text.startswith(opening)


def test_demand_in_the_sector_about_the_role_in_focus(bot: CareerBot, sid: str) -> None:
    bot.ask("what do DSEs do", session_id=sid)
    reply = bot.ask("In the finance, they are demanded?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_industries", ("data_science_engineer",))
    assert reply.text.startswith("Yes: the articles list Finance")


def test_layoffs_in_a_sector_in_a_long_outlook_question_stay_the_outlook(bot: CareerBot, sid: str) -> None:
    text = (
        "So I've been reading a lot of doom posts lately about layoffs in tech. I'm halfway through a master's "
        "program and I was planning to apply for machine learning engineer positions next spring. Is demand for "
        "machine learning engineers actually growing, or am I walking into a shrinking field?"
    )
    assert bot.ask(text, session_id=sid).intent == "ask_outlook"


def test_an_application_asked_of_the_role_in_focus(bot: CareerBot, sid: str) -> None:
    bot.ask("what do DSEs do", session_id=sid)
    reply = bot.ask("do they work on fraud detection?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_industries", ("data_science_engineer",))
    assert "Finance: risk assessment, fraud detection, algorithmic trading" in reply.text


def test_the_size_of_a_team_at_a_startup_is_no_application(bot: CareerBot, sid: str) -> None:
    bot.ask("what do ML engineers do?", session_id=sid)
    reply = bot.ask("how big should a team of them be at a startup our size?", session_id=sid)
    assert reply.intent == "not_covered"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Please, what is making a data engineer in his job every day?", "ask_responsibilities"),
        ("In what branches of economy the data science engineer can find the work?", "ask_industries"),
    ],
)
def test_non_native_wordings_of_duties_and_sectors(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert bot.ask(text, session_id=sid).intent == intent


def test_zero_or_nothing_right_before_a_skill_is_not_known(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("im Carla, social worker, zero coding experience, just having a look around", session_id=sid)
    assert "not yet: Programming" in reply.text
    other = bot.ask("I know nothing about Spark but I know SQL", session_id=f"{sid}-2")
    assert "Noted: SQL; not yet: Apache Spark" in other.text


def test_none_of_those_except_keeps_what_they_know(bot: CareerBot, sid: str) -> None:
    bot.ask("I want to be an ML software engineer", session_id=sid)
    reply = bot.ask("I know none of those except a bit of Java lol. what else am I missing?", session_id=sid)
    assert "You have: Java" in reply.text


def test_a_sector_is_never_noted_as_something_the_person_lacks(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("I live in a small town where there are basically zero tech companies. Any remote data engineer jobs?", session_id=sid)
    assert "not yet: Technology" not in reply.text


@pytest.mark.parametrize("text", ["Is there also job offers in Germany in your articles?", "Do you have some job offers for data engineer?"])
def test_job_offers_are_the_featured_postings(bot: CareerBot, sid: str, text: str) -> None:
    assert bot.ask(text, session_id=sid).intent == "ask_salary"


def test_grinding_through_videos_is_no_working_life_question(bot: CareerBot, sid: str) -> None:
    bot.ask("what do ML engineers do?", session_id=sid)
    assert bot.ask("do u need college for it or can i just grind youtube", session_id=sid).intent == "ask_education"


@pytest.mark.parametrize("question", ["who's the company?", "what company?"])
def test_the_company_right_after_postings_is_theirs(bot: CareerBot, sid: str, question: str) -> None:
    bot.ask("show me data engineer postings", session_id=sid)
    reply = bot.ask(question, session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_salary", ("data_engineer",))
    assert "murmuration" in reply.text


def test_the_company_out_of_the_blue_is_not_understood(bot: CareerBot, sid: str) -> None:
    bot.ask("what do DEs do", session_id=sid)
    assert bot.ask("what company?", session_id=sid).intent == "fallback"


def test_what_careerbot_can_answer_is_help(bot: CareerBot, sid: str) -> None:
    assert bot.ask("what kind of stuff can you answer?", session_id=sid).intent == "help"


def test_someones_homework_is_out_of_scope_in_a_conversation_about_a_role(bot: CareerBot, sid: str) -> None:
    bot.ask("what do ML engineers do", session_id=sid)
    text = "lol my roommate wants help with his calculus homework, can you solve an integral for me?"
    reply = bot.ask(text, session_id=sid)
    assert (reply.intent, reply.roles) == ("fallback", ())


def test_engineers_typed_without_vowels(bot: CareerBot, sid: str) -> None:
    first = bot.ask("wat do ml sw engnrs do", session_id=sid)
    assert (first.intent, first.roles) == ("ask_definition", ("ml_software_engineer",))
    assert bot.ask("n wat tools", session_id=sid).roles == ("ml_software_engineer",)
