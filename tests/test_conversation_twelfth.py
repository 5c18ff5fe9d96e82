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


def test_a_topic_guessed_from_wording_gives_way_to_the_thing_named(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("how heavy is the maths side of things for machine learning engineers?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_skills", ("ml_engineer",))
    assert "Statistics" in reply.text


@pytest.mark.parametrize(
    "turns",
    [
        ["do ML software engineers work on autonomous vehicles?"],
        ["what do ML software engineers do?", "do they work on autonomous vehicles? that sounds close to game physics"],
    ],
)
def test_working_on_an_industry_asks_the_industries(bot: CareerBot, sid: str, turns: list[str]) -> None:
    for text in turns:
        reply = bot.ask(text, session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_industries", ("ml_software_engineer",))
    assert reply.text.startswith("Yes: the articles list Autonomous vehicles for Machine Learning Software Engineers.")


def test_working_with_people_is_not_an_industry(bot: CareerBot, sid: str) -> None:
    bot.ask("what does a data science engineer do?", session_id=sid)
    assert bot.ask("do they work with doctors or just tech people?", session_id=sid).intent == "ask_works_with"


def test_a_thing_after_an_industries_answer_is_still_looked_up(bot: CareerBot, sid: str) -> None:
    bot.ask("Do DSEs work in finance?", session_id=sid)
    reply = bot.ask("Is Spark a must for a DSE or is SQL enough?", session_id=sid)
    assert reply.text.startswith("Yes: the articles list Apache Spark and SQL for Data Science Engineers.")


def test_a_gap_asked_on_the_ground_of_what_was_told_is_the_gap(bot: CareerBot, sid: str) -> None:
    bot.ask("hi, I'm a game developer, C++ and C#, some Python", session_id=sid)
    reply = bot.ask(
        "given what I told you about my background, what would I need to learn for the ML software engineer route?",
        session_id=sid,
    )
    assert (reply.intent, reply.roles) == ("skill_gap", ("ml_software_engineer",))
    assert "You have: Python, C++" in reply.text
    # two roles named on that ground are still a choice between them
    reply = bot.ask("given what i told you, de or dse?", session_id=sid)
    assert reply.intent == "recommend_role" and set(reply.roles) == {"data_engineer", "data_science_engineer"}


def test_and_for_the_other_role_keeps_the_question(bot: CareerBot, sid: str) -> None:
    bot.ask("how do I start as a data engineer?", session_id=sid)
    reply = bot.ask("and for the research engineer role?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_getting_started", ("ml_research_engineer",))
    assert bot.ask("what skills do they need?", session_id=sid).roles == ("ml_research_engineer",)


def test_a_role_one_too_after_postings_looks_for_that_roles_postings(bot: CareerBot, sid: str) -> None:
    bot.ask("is there a data engineer job in your list and what does it pay?", session_id=sid)
    reply = bot.ask("is there a research engineer one too?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_salary", ("ml_research_engineer",))
    assert "Allora Labs" in reply.text and "none of the postings just shown" not in reply.text
    # ... while "the research engineer one" is one of those shown
    bot.ask("show me the featured postings", session_id=f"{sid}-2")
    reply = bot.ask("is the research engineer one remote?", session_id=f"{sid}-2")
    assert reply.data["kind"] == "postings" and reply.data["postings"][0]["company"] == "Allora Labs"


@pytest.mark.parametrize("then", ["and vs the ML software engineer one?", "ok versus an ML software engineer?"])
def test_vs_another_role_after_a_comparison_weighs_the_first_against_it(bot: CareerBot, sid: str, then: str) -> None:
    bot.ask("how is an ML research engineer different from a plain ML engineer?", session_id=sid)
    reply = bot.ask(then, session_id=sid)
    assert (reply.intent, reply.roles) == ("compare", ("ml_research_engineer", "ml_software_engineer"))


def test_a_posting_asked_for_by_a_filter_none_shown_has_is_looked_for_among_all(bot: CareerBot, sid: str) -> None:
    bot.ask("can you show me some job postings for ML software engineer type roles?", session_id=sid)
    reply = bot.ask("the intern one, which company is that?", session_id=sid)
    assert "Occam AI" in reply.text and "none of the postings just shown" not in reply.text
    # "pay there" is the pay of the postings just shown
    assert "USD 60K - 96K" in bot.ask("what about pay there", session_id=sid).text
    # a yes/no question about those shown is still answered for them
    bot.ask("can you show me some job postings for ML software engineer type roles?", session_id=f"{sid}-2")
    assert bot.ask("is that one an internship?", session_id=f"{sid}-2").text.startswith("No: none of the postings just shown")


def test_a_place_no_posting_names_beside_one_they_do(bot: CareerBot, sid: str) -> None:
    bot.ask("show me data engineer jobs", session_id=sid)
    reply = bot.ask("this job is in Manila also or only in US?", session_id=sid)
    assert "murmuration" in reply.text and "No featured posting is in US" not in reply.text


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("what does an ML engineer typically build?", "ask_projects"),
        ("ok thank u this made me less stressed", "thanks"),
        ("could I do something like music recommendation stuff? is that what ML engineers build?", "ask_projects"),
        ("what if im bad at math, is math a big deal for the research engineer one?", "ask_skills"),
    ],
)
def test_twelfth_pass_wordings(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert bot.ask(text, session_id=sid).intent == intent


@pytest.mark.parametrize("text", ["Any growth figure for data engineers I can quote?", "is demand for data engineers growing?"])
def test_the_outlook_is_shown_with_every_figure_and_its_scope(bot: CareerBot, sid: str, text: str) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "ask_outlook"
    assert "22% growth, 2020–2030, for data engineers" in reply.text
    assert "11% growth, 2019–2029, for all computer and information technology occupations" in reply.text


def test_what_a_job_ad_asks_for_is_not_what_the_person_knows(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("Ad #1 asks for Airflow and NiFi. Normal for a DE?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_tools", ("data_engineer",))
    assert reply.text.startswith("Yes: the articles list Apache Airflow and Apache NiFi for Data Engineers.")
    assert "Apache Airflow" not in bot.ask("what do you know about me?", session_id=sid).text


def test_is_that_right_after_a_claim_asks_the_claim(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("My nephew says data engineers are in demand. Is that right?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_outlook", ("data_engineer",))


def test_short_typed_follow_ups(bot: CareerBot, sid: str) -> None:
    bot.ask("what degree does a DE need?", session_id=sid)
    reply = bot.ask("wat abt data scince engneers", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_education", ("data_science_engineer",))
    assert bot.ask("by", session_id=sid).intent == "goodbye"


@pytest.mark.parametrize(
    ("first", "then", "roles"),
    [
        ("what do ML software engineers do?", "ok what industries hire them, and same question for the research ones?",
         ("ml_software_engineer", "ml_research_engineer")),
        ("what does an ML research engineer do?", "And is demand growing for them? Same question for data engineers.",
         ("ml_research_engineer", "data_engineer")),
    ],
)
def test_a_question_for_them_then_the_same_for_another_role(
    bot: CareerBot, sid: str, first: str, then: str, roles: tuple[str, ...]
) -> None:
    bot.ask(first, session_id=sid)
    reply = bot.ask(then, session_id=sid)
    assert reply.roles == roles and reply.data["kind"] == "parts"


@pytest.mark.parametrize("text", ["I'm 46, is that a problem?", "Would a 68-year-old get hired, realistically?", "im 52, too old?"])
def test_a_worry_about_age_is_what_the_articles_dont_say(bot: CareerBot, sid: str, text: str) -> None:
    bot.ask("what does an ML engineer do?", session_id=sid)
    reply = bot.ask(text, session_id=sid)
    assert (reply.intent, reply.roles) == ("not_covered", ("ml_engineer",))
    assert "don't say" in reply.text


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("What practical first steps could a 16-year-old take toward data science engineering?", "ask_getting_started"),
        ("im 23 and know python, which role fits?", "recommend_role"),
    ],
)
def test_an_age_said_in_passing_is_no_worry(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert bot.ask(text, session_id=sid).intent == intent


def test_the_role_an_introduction_names_is_the_one_the_next_questions_are_about(bot: CareerBot, sid: str) -> None:
    bot.ask("Kenji here, tech recruiter in Tokyo. Hiring for an ML software engineer.", session_id=sid)
    assert bot.ask("Key skills to screen for?", session_id=sid).roles == ("ml_software_engineer",)
    assert bot.ask("Typical degrees?", session_id=sid).roles == ("ml_software_engineer",)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("I'm 46, is that a problem?", "don't say anything about age"),
        ("can I switch in 6 months?", "don't say anything about how long it takes to get there"),
        ("how many MLE jobs are there?", "don't say anything about how many such jobs there are"),
    ],
)
def test_what_the_articles_dont_say_is_named(bot: CareerBot, sid: str, text: str, said: str) -> None:
    bot.ask("what does an ML engineer do?", session_id=sid)
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "not_covered"
    assert reply.text.startswith(f"The articles on Machine Learning Engineers {said}.")
