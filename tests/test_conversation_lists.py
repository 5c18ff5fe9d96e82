"""Lists of topics, comparisons that refer back, introductions that ask nothing, and pay for roles
no posting is titled after (issue 11, third pass), through the public ``CareerBot().ask``."""

from __future__ import annotations

import uuid

import pytest

from careerbot import CareerBot
from careerbot.nlu.lists import topic_heads
from careerbot.nlu.parts import split_parts

from .conftest import part_intents, talk


@pytest.fixture
def sid() -> str:
    return f"lists-{uuid.uuid4().hex}"


# -- a list of topics is one question per topic --------------------------------------------------

HEADS = topic_heads({"ask_tools": ["tools", "tool stack"], "ask_skills": ["skills"], "ask_salary": ["pay"]})


def test_topic_heads_are_one_word_keywords() -> None:
    assert HEADS == {"tools": "ask_tools", "skills": "ask_skills", "pay": "ask_salary"}


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("k wat bout DE pay n tools", ["k wat bout DE pay", "tools"]),
        ("ok and tools + skills for that?", ["ok and tools", "skills for that?"]),
        ("the skills, the tools they use, and their pay", ["the skills", "the tools they use", "their pay"]),
    ],
)
def test_a_list_of_topics_is_cut_before_each_new_topic(text: str, pieces: list[str]) -> None:
    parts = split_parts(text, topics=HEADS)
    assert [p.text for p in parts] == pieces
    assert all(p.kind == "question" for p in parts)


@pytest.mark.parametrize("text", ["what tools and frameworks do they use", "I know Python and SQL", "tools and pay"])
def test_no_cut_without_two_topics_in_a_list(text: str) -> None:
    # One topic twice, no topic at all, or (without the map) nothing to go by.
    topics = HEADS if text != "tools and pay" else None
    assert len(split_parts(text, topics=topics)) == 1


@pytest.mark.parametrize(
    ("text", "intents"),
    [
        ("what skills and tools does a DSE need?", ["ask_skills", "ask_tools"]),
        ("definition, skills and tools of an ML software engineer", ["ask_definition", "ask_skills", "ask_tools"]),
        (
            "tell me the responsibilities of a machine learning engineer, the tools they use, and the kind of "
            "projects they work on",
            ["ask_responsibilities", "ask_tools", "ask_projects"],
        ),
        ("wat tools n wat certs for a DE", ["ask_tools", "ask_education"]),
    ],
)
def test_each_listed_topic_is_answered_in_order(bot: CareerBot, sid: str, text: str, intents: list[str]) -> None:
    reply = bot.ask(text, session_id=sid)
    assert part_intents(reply) == intents, reply.text


def test_a_list_after_a_role_keeps_the_role(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what does an ML software engineer do?", "ok and tools + skills for that?"])
    assert part_intents(reply) == ["ask_tools", "ask_skills"]
    assert reply.roles == ("ml_software_engineer",)


# -- comparisons that refer back -----------------------------------------------------------------


def test_different_from_compares_with_the_role_in_focus(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what does an ML software engineer do?", "how's that different from a plain ML engineer?"])
    assert reply.intent == "compare"
    assert set(reply.roles) == {"ml_software_engineer", "ml_engineer"}


def test_a_bare_role_then_that_comparison_is_one_comparison(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what tools does an MLE use?", "what about DE, how is that different from DSE"])
    assert reply.intent == "compare"
    assert set(reply.roles) == {"data_engineer", "data_science_engineer"}


def test_a_role_in_the_sentence_before_is_what_that_compares(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, [
        "What does a data engineer do?",
        "He also mentioned machine learning engineers. How is that different from a data engineer?",
    ])
    assert reply.intent == "compare"
    assert set(reply.roles) == {"data_engineer", "ml_engineer"}


def test_compare_that_role_compares_roles_not_the_last_topic(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what degree does an MLRE need?", "compare that role to a data engineer then"])
    assert reply.intent == "compare" and reply.data.get("kind") == "comparison"
    tools = talk(bot, f"{sid}-t", ["what tools does a data engineer use", "compare that with a DSE"])
    assert tools.intent == "ask_tools" and set(tools.roles) == {"data_engineer", "data_science_engineer"}


def test_these_people_are_the_two_in_focus(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["DE vs MLE", "Is there actually work out there for these people?"])
    assert reply.intent == "ask_outlook"
    assert set(reply.roles) == {"data_engineer", "ml_engineer"}


# -- the role in focus ---------------------------------------------------------------------------


def test_a_yes_no_about_the_role_in_focus_finds_its_point(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what does a DE do?", "Do they do data quality checks too?"])
    assert reply.intent == "ask_responsibilities" and reply.roles == ("data_engineer",)
    assert reply.text.startswith("Yes") and "quality" in reply.text
    assert bot.ask("do they go to the gym", session_id=sid).intent == "fallback"


def test_what_all_asks_about_the_role_in_focus(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what degree does an ML engineer need?", "What all tools they are using?"])
    assert reply.intent == "ask_tools" and reply.roles == ("ml_engineer",)
    assert bot.ask("Kindly tell which all roles you are having information about?", session_id=sid).intent == (
        "list_roles"
    )


def test_how_far_from_being_a_role_aims_at_it(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("with tableau and sql under my belt, how far am I from being a DSE?", session_id=sid)
    assert reply.intent == "skill_gap" and reply.roles == ("data_science_engineer",)


# -- introductions that ask nothing --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "yo im 16 and i like coding little games in python",
        "hi, my son is 17 and loves computers, I'm trying to help him choose a path",
        "hey, data analyst at a grocery chain. SQL daily, excel, power bi, learning python",
        "me: 35, ex-chef, finished a python bootcamp last month",
    ],
)
def test_an_introduction_without_a_question_is_noted(bot: CareerBot, sid: str, text: str) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "greet", reply.text
    assert "which role fits me" in reply.text


def test_likes_alone_still_ask_which_role_fits(bot: CareerBot, sid: str) -> None:
    assert bot.ask("I like building dashboards and visualizations", session_id=sid).intent == "recommend_role"


def test_a_job_someone_wants_to_become_is_not_their_background(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("I want to be a data scientist, what's that job like?", session_id=sid)
    assert reply.intent == "fallback" and "data scientist" in reply.text
    assert "background" not in bot.ask("what do you know about me?", session_id=sid).text


# -- pay -----------------------------------------------------------------------------------------


def test_pay_for_a_role_no_posting_is_titled_after_says_the_articles_dont_say(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("what does an MLE earn?", session_id=sid)
    assert reply.intent == "ask_salary"
    assert "don't say what a Machine Learning Engineer earns" in reply.text and "Occam AI" in reply.text
    de = bot.ask("and a data engineer?", session_id=sid)
    assert "don't say" not in de.text and "100K" in de.text
    jobs = bot.ask("remote MLRE jobs", session_id=sid)
    assert "don't say" not in jobs.text and "Allora" in jobs.text


# -- a role, then a question about it; advice again; asides ----------------------------------------


def test_a_role_then_a_question_referring_to_it_is_that_question(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, [
        "what does an MLE do", "What about the research engineer track, which degrees do they look for?",
    ])
    assert reply.intent == "ask_education" and reply.roles == ("ml_research_engineer",)
    both = talk(bot, f"{sid}-2", ["what does an MLE do", "and for MLSWE? which tools do they use?"])
    assert part_intents(both) == ["ask_definition", "ask_tools"]


def test_a_hypothetical_route_after_a_skill_gap_is_that_gap(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["i know sql and a bit of python, whats missing for DSE", "and if i went the MLE route instead?"])
    assert reply.intent == "skill_gap" and reply.roles[:1] == ("ml_engineer",)
    assert "Skill gap for Machine Learning Engineer" in reply.text


def test_an_aside_with_a_sentence_about_oneself_stays_out_of_scope(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, [
        "how do i become a DE",
        "sorry, unrelated, but do you have any tips for sleeping better? I've been up half the night worrying about this",
    ])
    assert reply.intent == "fallback"
    assert bot.ask("and what tools do they use?", session_id=sid).roles == ("data_engineer",)


# -- topic words that decide ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Does a data engineer need to know Scala?", "ask_skills"),  # a language they need
        ("do data engineers code in Python?", "ask_tools"),
        ("are machine learning engineers going to stay in demand over the next years?", "ask_outlook"),
        ("are machine learning engineers still going to be wanted in a few years?", "ask_outlook"),
        ("do data engineers need a degree or is a bootcamp enough", "ask_education"),
        ("Which studies I must to do for become machine learning research engineer?", "ask_education"),
        ("certs worth getting as a DE?", "ask_education"),
        ("are your answers based on some articles or what", "ask_sources"),
        ("which jobs are you able to tell me about?", "list_roles"),
    ],
)
def test_the_word_that_names_the_topic_decides(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert bot.ask(text, session_id=sid).intent == intent


def test_questions_about_roles_in_focus_are_not_about_careerbot(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["DE vs DSE", "is it normal for those roles to be fully remote? my bank wants 3 days in office"])
    assert reply.intent == "not_covered"


# -- references in long conversations ----------------------------------------------------------------


def test_them_after_two_roles_asked_in_turn_is_those_two(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["DE tools?", "and MLE?", "main difference between them?"])
    assert reply.intent == "compare" and set(reply.roles) == {"data_engineer", "ml_engineer"}


def test_the_other_one_is_the_other_role_they_aim_at(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, [
        "hi, I'm Sam, junior analyst, I know SQL and a bit of Pandas. totally torn between ML engineer and data "
        "science engineer",
        "and with just sql + pandas what am I missing for ML engineering?",
        "ok but for the other one?",
    ])
    assert reply.intent == "skill_gap" and reply.roles[:1] == ("data_science_engineer",)


def test_any_of_these_roles_asks_about_all_five(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("do any of these roles actually work in robotics?", session_id=sid)
    assert reply.intent == "ask_industries" and "Robotics" in reply.text


def test_an_example_word_for_word_is_its_intent(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["hmm, the DSE sounds more like me. what do they do?"])
    assert reply.intent == "ask_definition" and reply.roles == ("data_science_engineer",)


# -- requests worded politely or as a bare topic ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intents"),
    [
        ("responsibilities of a DSE. and who do they collaborate with?", ["ask_responsibilities", "ask_works_with"]),
        ("tell me the tools an MLSWE uses, then how I'd get started", ["ask_tools", "ask_getting_started"]),
        (
            "I should be most grateful if you could describe the role of a Data Science Engineer, and indicate which "
            "academic qualifications are customary.",
            ["ask_definition", "ask_education"],
        ),
    ],
)
def test_requests_in_other_words_are_each_answered(bot: CareerBot, sid: str, text: str, intents: list[str]) -> None:
    assert part_intents(bot.ask(text, session_id=sid)) == intents


def test_same_question_for_another_role_repeats_the_topic(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what degree should a DE have?", "same question for an ML engineer we'd hire later"])
    assert reply.intent == "ask_education" and reply.roles == ("ml_engineer",)


def test_a_single_word_in_common_with_a_point_finds_it_unless_the_topic_is_named(bot: CareerBot, sid: str) -> None:
    security = bot.ask("do data engineers deal with security?", session_id=sid)
    assert security.intent == "ask_responsibilities" and "security" in security.text
    analysts = bot.ask("do DEs work with analysts or just engineers?", session_id=sid)
    assert analysts.intent == "ask_works_with"


def test_each_and_both_of_them_are_the_two_in_focus(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["DE vs DSE", "what degree does a DE need?", "What qualifications should I ask for in each?"])
    assert set(reply.roles) == {"data_engineer", "data_science_engineer"}


def test_the_second_one_of_two_named_in_a_message(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, [
        "I'm torn between data science engineer and ML research engineer. What does a DSE do?", "and the second one?",
    ])
    assert reply.intent == "ask_definition" and reply.roles == ("ml_research_engineer",)


def test_which_of_them_after_two_roles_in_turn(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, [
        "tell me what a data engineer does", "now an ML research engineer",
        "which of them needs the stronger math background?",
    ])
    assert set(reply.roles) == {"data_engineer", "ml_research_engineer"}


def test_a_keyword_inside_a_longer_keyword_of_another_intent_does_not_count(bot: CareerBot, sid: str) -> None:
    # "all day" (responsibilities) is part of "screen all day" (tools).
    reply = bot.ask("what software would be open on a data science engineer's screen all day", session_id=sid)
    assert reply.intent == "ask_tools"
    assert bot.ask("what does a DSE do all day?", session_id=sid).intent == "ask_responsibilities"


def test_the_order_to_learn_things_in_is_a_plan(bot: CareerBot, sid: str) -> None:
    assert bot.ask("in which order should I pick up skills for an MLE career?", session_id=sid).intent == (
        "learning_path"
    )


# -- postings follow-ups ---------------------------------------------------------------------------------


def test_a_region_after_postings_filters_them_and_where_they_live_is_not_a_filter(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["remote DE jobs?", "only in US? I am in Brazil"])
    assert reply.intent == "ask_salary" and "murmuration" in reply.text
    assert "Brazil" not in reply.text and "background" not in reply.text


def test_another_posting_of_the_same_company(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["any senior jobs in new york?", "what does it pay", "and the intern one from the same company?"])
    assert reply.intent == "ask_salary" and "AI Engineer Intern" in reply.text and "60K" in reply.text
    assert bot.ask("is that one remote?", session_id=sid).text.startswith("No")


def test_a_question_after_a_dash_is_a_part_of_its_own(bot: CareerBot, sid: str) -> None:
    reply = bot.ask(
        "I know python and SQL - what am I missing for data engineering, and are there any entry level jobs?",
        session_id=sid,
    )
    assert part_intents(reply) == ["skill_gap", "ask_salary"]


def test_a_plural_adds_no_room_for_typos(bot: CareerBot, sid: str) -> None:
    # "meetings" is not a typo of "greetings".
    reply = bot.ask("do data engineers have a lot of meetings", session_id=sid)
    assert reply.intent == "not_covered" and reply.roles == ("data_engineer",)
    assert bot.ask("what do data enginers earn?", session_id=sid).roles == ("data_engineer",)


def test_tell_me_about_a_role_then_a_question_about_it(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("Tell me about the data engineer then. What are the main duties?", session_id=sid)
    assert reply.intent == "ask_responsibilities" and reply.roles == ("data_engineer",)
    compared = talk(bot, f"{sid}-c", ["what does an MLE do?", "and the DSE one? how's that different from a data engineer"])
    assert compared.intent == "compare" and set(compared.roles) == {"data_science_engineer", "data_engineer"}


# -- answers that say each thing once ---------------------------------------------------------------


def test_a_learning_path_names_each_tool_and_certification_once(bot: CareerBot, sid: str) -> None:
    text = bot.ask("give me a plan, step by step, for becoming a DE", session_id=sid).text
    assert text.count("Apache Airflow") == 1 and text.count("Typical projects") == 1
    assert text.count("cloud computing") <= 1


def test_named_tools_in_a_wh_question_are_listed_without_yes(bot: CareerBot, sid: str) -> None:
    text = bot.ask("whats hadoop and spark used for by data engineers", session_id=sid).text
    assert text.startswith("The articles list Apache Hadoop and Apache Spark for Data Engineers.")
    assert bot.ask("do DEs use Spark and Kafka?", session_id=sid).text.startswith("Yes: the articles list")


def test_an_idiom_finds_the_point_in_plain_words(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("do ML engineers keep an eye on models after they're deployed?", session_id=sid)
    assert reply.intent == "ask_responsibilities" and "Monitor" in reply.text


def test_yes_no_without_a_question_word(bot: CareerBot, sid: str) -> None:
    assert bot.ask("DEs use Kafka?", session_id=sid).text.startswith("Yes: the articles list Kafka")
    talk(bot, f"{sid}-p", ["DE pay?"])
    remote = bot.ask("is that remote?", session_id=f"{sid}-p")
    assert remote.text.startswith("Yes (") and "murmuration" in remote.text
    assert bot.ask("is it senior?", session_id=f"{sid}-p").text.startswith("No")


def test_the_main_difference_is_the_gist_of_a_comparison(bot: CareerBot, sid: str) -> None:
    brief = talk(bot, sid, ["DE tools?", "and MLE?", "main difference between them?"])
    assert brief.intent == "compare" and "In short" in brief.text
    assert "Only Data Engineers" not in brief.text and "compare them in detail" in brief.text
    full = bot.ask("compare them in detail", session_id=sid)
    assert full.intent == "compare" and len(full.text) > len(brief.text)
    assert "Only Data Engineers" in bot.ask("DE vs MLE", session_id=f"{sid}-2").text


def test_which_one_in_a_conversation_asks_for_a_fit_even_when_nothing_matches(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["hello there", "what jobs do you know about?", "which one is the most friendly for someone like me"])
    assert reply.intent == "recommend_role" and "What do you enjoy?" in reply.text
    assert bot.ask("recommend me a good movie", session_id=f"{sid}-2").intent == "fallback"


def test_where_they_work_is_their_industries(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("ok fine :) what are the first steps to become a DSE + where do they work", session_id=sid)
    assert part_intents(reply) == ["ask_getting_started", "ask_industries"]
