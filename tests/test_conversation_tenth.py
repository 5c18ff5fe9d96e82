"""Conversations as people hold them (issue 11, tenth pass), through the public ``CareerBot().ask``."""

from __future__ import annotations

import uuid

import pytest

from careerbot import CareerBot
from careerbot.nlu.parts import split_parts


@pytest.fixture
def sid() -> str:
    return f"tenth-{uuid.uuid4().hex}"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("gtg, by", "goodbye"),
        ("What exactly can this tool help me with?", "help"),
        ("which roles exist?", "list_roles"),
        ("Honestly I don't know what any of these jobs are. Which ones can you tell me about?", "list_roles"),
    ],
)
def test_small_talk_in_its_own_words(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert bot.ask(text, session_id=sid).intent == intent


def test_by_at_the_end_of_a_question_is_no_goodbye(bot: CareerBot, sid: str) -> None:
    assert bot.ask("what does a data engineer do by", session_id=sid).intent == "ask_definition"


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("what does a DSE do?", "Real talk, is it a high pressure gig? stress levels?"),
        ("what does an MLE do?", "Is it bad for the eyes, sitting in front of the computer all day long in that job?"),
        ("what is an ML software engineer?", "Is possible to work remote from Vietnam for this role?"),
        ("what does an MLRE do?", "do they get to publish papers?"),
    ],
)
def test_working_life_the_articles_do_not_describe(bot: CareerBot, sid: str, first: str, then: str) -> None:
    role = bot.ask(first, session_id=sid).roles
    reply = bot.ask(then, session_id=sid)
    assert reply.intent == "not_covered" and reply.roles == role
    assert "don't say" in reply.text


def test_remote_postings_are_still_postings(bot: CareerBot, sid: str) -> None:
    assert bot.ask("there is jobs in remote?", session_id=sid).intent == "ask_salary"


@pytest.mark.parametrize(
    "text",
    [
        "hello, i work data entry at a hospital billing office for 4 years. I type fast and i know excel pretty "
        "good, vlookups and pivot tables",
        "Hello dear. I am asking for my grandson Liam, he is 19 and very clever with computers, his mother and I "
        "don't understand half of what he says...",
    ],
)
def test_a_greeting_and_who_they_are_asks_nothing_yet(bot: CareerBot, sid: str, text: str) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "greet", reply.text
    assert "Featured job postings" not in reply.text and "Sorry, I didn't get that" not in reply.text


def test_which_of_these_jobs_with_one_role_in_focus_asks_across_the_roles(bot: CareerBot, sid: str) -> None:
    bot.ask("what industries hire DSEs?", session_id=sid)
    reply = bot.ask("which of these jobs get hired by hospitals / healthcare?", session_id=sid)
    assert reply.data["kind"] == "roles_with"
    assert set(reply.roles) == {"data_science_engineer", "ml_engineer", "ml_research_engineer", "ml_software_engineer"}
    # The articles give no industries for data engineers: not "not for Data Engineers".
    assert "They give no industries for Data Engineers." in reply.text
    assert "not for Data Engineers" not in reply.text


def test_a_roles_with_answer_names_a_role_without_the_thing_when_it_lists_the_topic(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("which roles use Java?", session_id=sid)
    assert "not for" in reply.text and "They give no" not in reply.text


def test_one_word_after_a_slash_is_no_question_of_its_own() -> None:
    assert len(split_parts("which of these jobs get hired by hospitals / healthcare?")) == 1
    assert len(split_parts("skills for an MLRE / which industries / any internships going?")) == 3


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("any postings for AI engineers?", "Occam AI"),
        ("The job posting have some for AI engineer?", "Occam AI"),
        ("any jobs for cloud consultants?", "Amazon"),
    ],
)
def test_postings_titled_with_a_job_none_of_the_roles_is(bot: CareerBot, sid: str, text: str, company: str) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "ask_salary" and reply.data["kind"] == "postings"
    assert company in reply.text and "I don't have information" not in reply.text


def test_a_job_named_in_a_long_message_is_no_postings_title_search(bot: CareerBot, sid: str) -> None:
    reply = bot.ask(
        "Our team recently started adding a recommendation feature and I've been pairing with the data scientists "
        "on it. I'd like to move into a machine learning software engineer position within the next year or so. "
        "What am I missing for that?",
        session_id=sid,
    )
    assert reply.data["kind"] != "postings"


def test_ordinary_words_are_not_taken_for_typos_of_the_articles_words(bot: CareerBot, sid: str) -> None:
    # "freaking" was read as "creating" and "sorry in advance" as "advance" (the MLRE's "advance the field").
    bot.ask(
        "hi um sorry in advance, I'm a second year stats major and I'm kind of freaking out about what to do "
        "after graduation",
        session_id=sid,
    )
    reply = bot.ask(
        "so I like stats and I'm okay at Python, I did one class in R, but I'm not great at building big software "
        "things and I honestly don't think I'm smart enough for research... which of these jobs would suit me?",
        session_id=sid,
    )
    assert reply.intent == "recommend_role"
    mentioned = reply.text.split("(", 1)[1].split(")", 1)[0]
    assert "creating" not in mentioned and "advance" not in mentioned
    assert reply.roles[0] != "ml_research_engineer"  # (not smart enough for research, they say)


def test_recommendation_stuff_is_a_kind_of_project(bot: CareerBot, sid: str) -> None:
    bot.ask("what do ML engineers do", session_id=sid)
    reply = bot.ask("what kind of projects? could it be recommendation stuff, spotify-style?", session_id=sid)
    assert reply.intent == "ask_projects" and reply.roles == ("ml_engineer",)
    assert "best fit" not in reply.text


@pytest.mark.parametrize(
    "text",
    ["is maths important for ML engineers?", "does an ML engineer need heavy maths? I dropped calculus in college lol"],
)
def test_maths_asked_as_a_skill_gets_the_skills(bot: CareerBot, sid: str, text: str) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "ask_skills" and reply.roles == ("ml_engineer",)
    assert "Statistics" in reply.text  # (their skills name statistics and probability, not "mathematics")


def test_a_maths_degree_is_still_education(bot: CareerBot, sid: str) -> None:
    assert bot.ask("is a maths degree useful for MLEs?", session_id=sid).intent == "ask_education"


def test_the_other_option_after_or_is_that_does_not_hide_the_question(bot: CareerBot, sid: str) -> None:
    bot.ask("what does a DE do", session_id=sid)
    reply = bot.ask("Do they also own data quality, or is that somebody else's problem?", session_id=sid)
    assert reply.intent == "ask_responsibilities" and "data quality" in reply.text


def test_which_one_of_the_two_in_focus_does_a_task(bot: CareerBot, sid: str) -> None:
    bot.ask("DE vs DSE", session_id=sid)
    reply = bot.ask("Which one builds the pipelines?", session_id=sid)
    assert reply.data["kind"] == "points_across"
    assert set(reply.roles) == {"data_engineer", "data_science_engineer"} and "pipelines" in reply.text


def test_which_of_the_two_is_more_is_still_a_comparison(bot: CareerBot, sid: str) -> None:
    bot.ask("DE vs DSE", session_id=sid)
    assert bot.ask("Which of the two involves more analysing of the data itself?", session_id=sid).data["kind"] != "points_across"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("To start simply: what exactly is a machine learning research engineer?", "ask_definition"),
        ("Let's start with data engineers. What tools should I expect to see on a strong candidate's CV?", "ask_tools"),
        ("tbh data engineering might suit me more since i already do infra-ish stuff. whats their job in a nutshell",
         "ask_definition"),
    ],
)
def test_start_as_a_way_of_speaking_and_their_job_as_the_work(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert bot.ask(text, session_id=sid).intent == intent


def test_where_to_start_is_still_getting_started(bot: CareerBot, sid: str) -> None:
    assert bot.ask("where should I start with data engineering?", session_id=sid).intent == "ask_getting_started"


def test_a_plan_then_bye_is_a_goodbye(bot: CareerBot, sid: str) -> None:
    bot.ask("what does an MLSWE do", session_id=sid)
    assert bot.ask("Let me go and start applying. Bye bye", session_id=sid).intent == "goodbye"
    assert bot.ask("ok thank you!! byeee", session_id=sid).intent == "thanks"  # (thanks and bye: both said)


def test_sidebar_is_an_aside(bot: CareerBot, sid: str) -> None:
    bot.ask("what does a DE do", session_id=sid)
    reply = bot.ask("Sidebar, can you help me build a DCF model for my corporate finance class?", session_id=sid)
    assert reply.intent == "fallback" and "Finance" not in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "is the PMP certification worth getting for machine learning engineers?",
        "Do data engineers need HIPAA training or some healthcare compliance certification?",
    ],
)
def test_a_credential_the_articles_never_name_is_not_covered(bot: CareerBot, sid: str, text: str) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "not_covered" and "don't say" in reply.text


@pytest.mark.parametrize("text", ["DE certs worth getting?", "Exist certification for data engineer?"])
def test_certifications_in_general_are_education(bot: CareerBot, sid: str, text: str) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "ask_education" and "certifications" in reply.text


def test_after_two_compared_the_better_fit_comes_first(bot: CareerBot, sid: str) -> None:
    bot.ask("Bonjour ! I am data analyst in Lyon since 3 years, I use SQL, Power BI and a little of Python.", session_id=sid)
    bot.ask("What is the difference between data engineer and data science engineer ?", session_id=sid)
    reply = bot.ask("With my profile, which one is more adapted for me ?", session_id=sid)
    assert reply.roles[0] == "data_science_engineer"
    assert bot.ask("What I am missing for this role ? I never used Spark for example", session_id=sid).roles == (
        "data_science_engineer",
    )


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("oye que hace un data engineer exactamente?", "ask_definition"),
        ("que carrera estudian normalmente los MLE?", "ask_education"),
        ("y cuanto pagan los data engineers?", "ask_salary"),
    ],
)
def test_spanish_question_words(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert bot.ask(text, session_id=sid).intent == intent


def test_for_a_role_doing_something_then_the_question_is_one_question(bot: CareerBot, sid: str) -> None:
    bot.ask("what do MLEs do", session_id=sid)
    reply = bot.ask("And for an ML engineer doing medical imaging, which frameworks should candidates know?", session_id=sid)
    assert reply.intent == "ask_tools" and "TensorFlow" in reply.text


def test_for_a_role_what_then_and_what_is_two_questions() -> None:
    assert len(split_parts("for a DE, what tools matter and what do they earn?")) == 2


def test_something_wondered_about_is_not_something_had(bot: CareerBot, sid: str) -> None:
    reply = bot.ask(
        "something I've always wondered: the AI that auto-tags faces in my photo library, is that the kind of "
        "thing ML engineers build?",
        session_id=sid,
    )
    assert "Noted" not in reply.text
    assert bot.ask("I've been reading about PyTorch and I know SQL", session_id=sid).text.startswith("Noted: SQL.")


def test_comp_is_pay(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("What comp should I benchmark for MLEs?", session_id=sid)
    assert reply.intent == "ask_salary" and "don't say what a Machine Learning Engineer earns" in reply.text


def test_which_should_i_pick_from_someone_not_understood_asks_what_they_enjoy(bot: CareerBot, sid: str) -> None:
    bot.ask("what does a data engineer do?", session_id=sid)
    reply = bot.ask("So, given everything I've told you, which should I pick, and what am I missing?", session_id=sid)
    assert reply.intent == "recommend_role" and "I can't answer" not in reply.text
    assert "What do you enjoy?" in reply.text and "Skill gap for Data Engineer" in reply.text


@pytest.mark.parametrize("text", ["Muito obrigado! Tchau tchau", "Thank you kindly. Cheerio!", "gnight"])
def test_more_goodbyes(bot: CareerBot, sid: str, text: str) -> None:
    assert bot.ask(text, session_id=sid).intent in ("goodbye", "thanks")
    assert "Sorry, I didn't get that" not in bot.ask(text, session_id=sid).text
