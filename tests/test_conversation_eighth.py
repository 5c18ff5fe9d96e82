"""Multi-part messages with a part careerbot cannot answer (issue 11, eighth pass), through the
public ``CareerBot().ask``."""

from __future__ import annotations

import uuid

import pytest

from careerbot import CareerBot
from careerbot.nlu.cues import speakers_own
from careerbot.nlu.normalize import tokenize
from careerbot.nlu.references import find_reference
from careerbot.skills.crossrole import render_roles_with

from .conftest import DE, DSE, MLE, MLRE, talk


@pytest.fixture
def sid() -> str:
    return f"eighth-{uuid.uuid4().hex}"


@pytest.mark.parametrize(
    ("text", "role", "quoted"),
    [
        ("what's the weather in Nairobi, and also what does a DSE do?", DSE, "what's the weather in Nairobi"),
        ("what does a DE earn? also how do i bake bread?", DE, "how do i bake bread"),
        ("hi! what does an MLE do? and can you recommend a good pizza place?", MLE, "can you recommend a good pizza place"),
    ],
)
def test_an_out_of_scope_part_is_named_in_one_line_not_dropped(
    bot: CareerBot, sid: str, text: str, role: str, quoted: str
) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent != "fallback" and reply.roles == (role,)
    assert f'I can\'t answer "{quoted}" from the articles' in reply.text
    assert "Sorry, I didn't get that" not in reply.text  # (not the whole fallback block)
    parts = reply.data["parts"]
    assert [p["intent"] == "fallback" for p in parts] == [quoted.startswith("what's"), not quoted.startswith("what's")]
    assert {"kind": "skipped", "part": quoted} in [p["data"] for p in parts]


def test_a_statement_not_understood_inside_a_long_message_gets_no_line(bot: CareerBot, sid: str) -> None:
    text = (
        "So a bit of background: I spent eleven years as a line cook and then a kitchen manager, which mostly "
        "meant spreadsheets for inventory, ordering and scheduling. How would someone like me get started as a "
        "data engineer?"
    )
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "ask_getting_started" and reply.roles == (DE,)
    assert "I can't answer" not in reply.text and "Sorry, I didn't get that" not in reply.text


def test_a_follow_up_part_next_to_the_question_is_not_called_out_of_scope(bot: CareerBot, sid: str) -> None:
    # "lots of late nights?" goes on about the question next to it (the articles don't say).
    reply = bot.ask("what's the work-life balance like for ML engineers? lots of late nights?", session_id=sid)
    assert "I can't answer" not in reply.text and reply.roles == (MLE,)


NAME_WORDS = frozenset("machine learning engineer data science software research ml".split())


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("to get started on the machine learning one?", "machine learning one"),
        ("and the data track, what does it pay?", "data track"),
        ("what about that ML role", "ml role"),
    ],
)
def test_words_several_role_names_share_before_one_are_a_reference(text: str, span: str) -> None:
    tokens = tokenize(text)
    found = find_reference(tokens, role_words={}, name_words=NAME_WORDS)
    assert found is not None and found.kind == "named" and " ".join(tokens[found.start : found.end]) == span


@pytest.mark.parametrize("text", ["and the data engineer job, what do they study?", "the machine learning engineer"])
def test_a_whole_role_name_is_no_named_reference(text: str) -> None:
    found = find_reference(tokenize(text), role_words={}, name_words=NAME_WORDS)
    assert found is None or found.kind != "named"


@pytest.mark.parametrize(
    "last",
    [
        "what can he do now, while still in school, to get started on the machine learning one?",
        "and what about the machine learning one?",
    ],
)
def test_the_machine_learning_one_is_the_one_talked_about_before(bot: CareerBot, sid: str, last: str) -> None:
    reply = talk(bot, sid, ["What is a machine learning engineer, in simple terms?", "and the data engineer job, what do they study?", last])
    assert reply.roles == (MLE,)
    assert reply.intent == ("ask_getting_started" if "started" in last else "ask_education")


def test_long_hours_is_a_question_the_articles_do_not_answer(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what do ML engineers do?", "Do they work long hours? I worry about that."])
    assert reply.intent == "not_covered" and reply.roles == (MLE,) and "don't say" in reply.text


def test_things_that_recommend_films_ask_for_no_recommendation(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what do machine learning engineers do?", "Do they make those things that recommend films on the telly?"])
    assert reply.intent != "recommend_role" and "best fit" not in reply.text
    assert bot.ask("which role would you recommend for me?", session_id=sid).intent == "recommend_role"


def test_what_that_one_involves_after_a_recommendation(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, [
        "Hey! Marketing analyst here. I live in SQL and Tableau, run A/B tests, and do a bit of Python with Pandas.",
        "Which of your roles is closest to what I already do?",
        "what does that one actually involve?",
    ])
    assert reply.intent == "ask_responsibilities" and len(reply.roles) == 1
    assert list(reply.roles) == bot.export_session(sid)["recommended"][:1]


def test_take_care_of_is_a_duty_not_a_farewell(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("Do data engineers take care of data quality?", session_id=sid)
    assert reply.intent == "ask_responsibilities" and reply.roles == (DE,) and reply.text.startswith("Yes")
    assert bot.ask("ok take care", session_id=sid).intent == "goodbye"


@pytest.mark.parametrize(("text", "intent"), [("Have a good evening.", "goodbye"), ("good evening!", "greet")])
def test_have_a_good_evening_is_goodbye(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert bot.ask(text, session_id=sid).intent == intent


def test_the_bag_is_the_pay(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("wats the bag like for data engineers 💰", session_id=sid)
    assert reply.intent == "ask_salary" and reply.roles == (DE,)


def test_a_tie_with_the_role_talked_about_keeps_it_in_focus(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, [
        "Hello. I'm asking on behalf of my daughter, she's 16 and very strong in math and physics. She wants to work in AI one day.",
        "What would she need to study at university to become a machine learning research engineer?",
        "Given her strengths, is this the right role for her or would another one fit better?",
    ])
    assert reply.intent == "recommend_role" and reply.roles[0] == MLRE and len(reply.roles) == 2
    after = bot.ask("What can she start doing now, while she's still in high school?", session_id=sid)
    assert after.intent == "ask_getting_started" and after.roles == (MLRE,)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("how does their outlook stack up against data engineers'?", "outlook"),
        ("how does their pay compare to data engineers?", "salary"),
    ],
)
def test_their_topic_against_a_named_role_weighs_the_role_talked_about(bot: CareerBot, sid: str, text: str, topic: str) -> None:
    reply = talk(bot, sid, ["what do ML research engineers do?", text])
    assert reply.roles == (MLRE, DE) and reply.topic == topic


def test_a_clause_of_time_is_no_question_of_its_own(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("when I pitch to a data engineer, what are they actually busy with all day?", session_id=sid)
    assert reply.intent == "ask_responsibilities" and reply.roles == (DE,)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("so what's a data engineer's bread and butter, really?", "ask_responsibilities"),
        ("whats a DSE's typical workload", "ask_responsibilities"),
        ("is there a lot of travel for data engineers?", "not_covered"),
        ("who do data engineers report to?", "not_covered"),
        ("which jobs do you actually know about?", "list_roles"),
    ],
)
def test_more_wordings(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert bot.ask(text, session_id=sid).intent == intent


def test_a_list_then_a_yes_no_about_one_of_its_items_answers_both_once(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what do DSEs do?", "which industries hire them? is retail one of them?"])
    assert reply.data["kind"] == "parts" and reply.roles == (DSE,)
    assert "Yes: the articles list Retail for Data Science Engineers." in reply.text
    assert reply.text.count("Telecommunications") == 1  # (the list once, not again under the yes)


def test_the_weather_in_a_conversation_about_a_role_is_out_of_scope(bot: CareerBot, sid: str) -> None:
    assert talk(bot, sid, ["what do DSEs do?", "Is it going to rain for the garden this weekend?"]).intent == "fallback"
    assert bot.ask("is it stressful?", session_id=sid).intent == "not_covered"


@pytest.mark.parametrize(
    "text",
    ["hey there, 23 y/o, just finished a web dev bootcamp", "Hey, self-taught dev here. 3 years of Python, built a few Flask apps, no degree."],
)
def test_introductions_in_fragments_are_introductions(bot: CareerBot, sid: str, text: str) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "greet" and "Which role do you mean" not in reply.text


def test_which_roles_list_a_thing_shows_where_when_few_do(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["compare DE and MLRE", "which one needs more math?"])
    assert reply.roles == (DE, MLRE) or reply.roles == (MLRE, DE)
    assert 'Machine Learning Research Engineers (Required skills): "Strong mathematical foundation' in reply.text
    many = bot.ask("which roles use python?", session_id=sid)
    assert many.text == "The articles list Python for all five roles."  # (no quote lines for all five)


def test_one_role_asked_about_a_thing_it_has_is_no_each_of_them(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what do DSEs do?", "which of them uses Tableau?"])
    assert reply.text.startswith("Yes: the articles list Tableau for Data Science Engineers.")
    assert "each of them" not in reply.text


@pytest.mark.parametrize(
    ("turns", "intent"),
    [
        (["I know SQL and Excel.", "what am I missing for data engineering?", "and in what order should I pick up the stuff I'm missing?"], "learning_path"),
        (["lol ok. what should i do this summer to build toward the research engineer thing?"], "ask_getting_started"),
        (["what background should I look for in candidates for an ML engineer?"], "ask_education"),
    ],
)
def test_order_build_toward_and_background(bot: CareerBot, sid: str, turns: list[str], intent: str) -> None:
    assert talk(bot, sid, turns).intent == intent


def test_graduates_best_prepared_for_a_role_asks_for_a_recommendation(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("Which of your roles would our statistics graduates be best prepared for?", session_id=sid)
    assert reply.intent == "recommend_role" and "posting" not in reply.text.lower()


def test_a_degree_in_an_introduction_does_not_make_the_question_about_education(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("Hi I'm Mei, I have a PhD in statistics. what do data science engineers actually do?", session_id=sid)
    assert reply.intent == "ask_definition" and reply.roles == (DSE,)
    # (what the person has still makes a question about it: whether the articles list it)
    assert bot.ask("I know already Java, is useful for data engineer?", session_id=sid).intent == "ask_skills"


def test_a_close_point_of_what_the_role_does_answers_before_what_it_is(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("do ML engineers test their models too or is that someone else's problem?", session_id=sid)
    assert reply.intent == "ask_responsibilities" and "testing" in reply.text


def test_the_speakers_own_job_is_no_uncovered_job(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("Good morning. I'm a retired accountant trying to figure out what my grandson might study.", session_id=sid)
    assert reply.intent == "greet" and "I don't have information about accountants" not in reply.text
    other = bot.ask("what does a lawyer earn?", session_id=sid)
    assert other.intent == "fallback" and "I don't have information about lawyers" in other.text


@pytest.mark.parametrize(
    ("text", "own"),
    [("i'm a retired accountant trying to figure it out", True), ("i was a senior nurse", True),
     ("what does a lawyer earn", False), ("i'm a nurse and what does a lawyer do", False)],
)
def test_speakers_own(text: str, own: bool) -> None:
    occupations = [w for w in ("accountant", "nurse", "lawyer") if w in text]
    assert speakers_own(tokenize(text), occupations) is own


def test_the_sector_of_ones_workplace_is_no_industries_question(bot: CareerBot, sid: str) -> None:
    text = "Hello - I'm a hiring manager at a fintech startup and I need to understand what a DSE does before I write a job ad."
    assert bot.ask(text, session_id=sid).intent == "ask_definition"
    assert bot.ask("do DSEs work in fintech?", session_id=sid).intent == "ask_industries"


def test_which_roles_list_any_thing_answers_for_every_thing(bot: CareerBot, sid: str) -> None:
    kb = bot.knowledge
    for thing in kb.things.values():  # (a thing a point names but no link lists once crashed it)
        for among in [(), *[(r,) for r in kb.roles]]:
            answer, _, _ = render_roles_with(kb, [thing], among=among)
            assert answer.text
    reply = bot.ask("which roles need calculus?", session_id=sid)
    assert reply.roles == (MLRE,) and '(How to get started): "Build a Strong Mathematical Foundation' in reply.text
