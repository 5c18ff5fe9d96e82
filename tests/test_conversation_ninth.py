"""Conversations as people hold them (issue 11, ninth pass), through the public ``CareerBot().ask``."""

from __future__ import annotations

import uuid

import pytest

from careerbot import CareerBot
from careerbot.nlu.cues import others_named
from careerbot.nlu.normalize import tokenize
from careerbot.nlu.references import find_reference


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


@pytest.mark.parametrize(
    ("turns", "among"),
    [
        (["Where I fit better, data engineer or data science engineer?"], {"data_engineer", "data_science_engineer"}),
        (["I'm a bank analyst with SQL and Excel", "given everything I said, DE or DSE for me?"],
         {"data_engineer", "data_science_engineer"}),
        (["what does a DSE do?", "ok. compared with a plain data engineer, which one fits me better?"],
         {"data_engineer", "data_science_engineer"}),
    ],
)
def test_which_of_the_roles_named_fits_me_is_a_recommendation_among_them(
    bot: CareerBot, sid: str, turns: list[str], among: set[str]
) -> None:
    for text in turns:
        reply = bot.ask(text, session_id=sid)
    assert reply.intent == "recommend_role" and set(reply.roles) == among


def test_comparing_for_me_is_still_a_comparison(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("Compare MLRE and MLSWE for me. Which is more research-heavy?", session_id=sid)
    assert reply.intent == "compare"


@pytest.mark.parametrize(
    ("text", "noted"),
    [("I have an IT degree", "background: IT degree"), ("my degree is in history", "background: history"),
     ("I got a chemistry degree and I'm wondering about DE", "aiming at: Data Engineer")],
)
def test_a_degree_said_is_the_persons_background(bot: CareerBot, sid: str, text: str, noted: str) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "greet" and noted in reply.text


@pytest.mark.parametrize("text", ["Auf Wiedersehen!", "hasta luego amigo", "arrivederci"])
def test_goodbyes_in_other_languages(bot: CareerBot, sid: str, text: str) -> None:
    assert bot.ask(text, session_id=sid).intent == "goodbye"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("Is it realistic to switch into data engineering at 42?", "not_covered"),
     ("can people still switch into data engineering at 38?", "not_covered"),
     ("Is 17 too young to get a data engineering internship?", "not_covered"),
     ("what can he do now at 15 to get started in data engineering?", "ask_getting_started")],
)
def test_whether_one_can_start_at_an_age_is_not_in_the_articles(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == intent and reply.roles == ("data_engineer",)
    assert ("don't say" in reply.text) is (intent == "not_covered")


def test_postings_in_a_place_for_other_roles_are_shown_when_none_is_for_the_role(bot: CareerBot, sid: str) -> None:
    in_place = [p for p in bot.knowledge.postings if p.location == "New York"]
    assert in_place and all(p.closest_role != "ml_software_engineer" for p in in_place)
    bot.ask("does an ML software engineer use C++ at all?", session_id=sid)
    reply = bot.ask("any of those featured jobs in New York?", session_id=sid)
    assert "is in New York; the featured postings there are for other roles:" in reply.text
    assert [p["id"] for p in reply.data["postings"]] == [p.id for p in in_place]


def test_which_of_the_two_asks_among_the_two(bot: CareerBot, sid: str) -> None:
    bot.ask("what do DEs do?", session_id=sid)
    bot.ask("and DSEs?", session_id=sid)
    reply = bot.ask("which of the two needs distributed computing?", session_id=sid)
    assert set(reply.roles) == {"data_engineer", "data_science_engineer"}
    assert reply.text.startswith(
        "The articles don't list Distributed computing for Data Engineers or Data Science Engineers; "
        "they list it for Machine Learning Software Engineers."
    )


def test_what_about_a_thing_then_which_needs_that_is_one_question(bot: CareerBot, sid: str) -> None:
    bot.ask("what do MLSWEs do?", session_id=sid)
    bot.ask("and MLREs?", session_id=sid)
    reply = bot.ask("What about distributed computing, which of the two needs that?", session_id=sid)
    assert reply.data["kind"] == "roles_with" and "parts" not in reply.data
    assert "for Machine Learning Software Engineers, not for Machine Learning Research Engineers" in reply.text


def test_which_of_these_jobs_after_the_list_of_roles_is_every_role(bot: CareerBot, sid: str) -> None:
    bot.ask("which roles do you cover?", session_id=sid)
    reply = bot.ask("which of these jobs has something to do with robots?", session_id=sid)
    assert reply.intent == "ask_industries" and reply.data["kind"] == "roles_with"
    assert reply.text.startswith("The articles list Robotics for Machine Learning Research Engineers, not for")


def test_a_use_of_an_industry_counts_as_listed_and_is_quoted(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("Do any of these roles work on self-driving cars?", session_id=sid)
    assert set(reply.roles) == {"ml_research_engineer", "ml_software_engineer"}
    assert 'Machine Learning Research Engineers (Industries): "Automotive (self-driving cars)"' in reply.text
    one = bot.ask("do MLREs work on self-driving cars?", session_id=f"{sid}-2")
    assert one.text.startswith("Yes: the articles list Automotive (self-driving cars) for Machine Learning Research Engineers.")


def test_given_what_i_told_you_x_or_y_recommends_among_them(bot: CareerBot, sid: str) -> None:
    bot.ask("I work nights as a security guard and I like tinkering with SQL and spreadsheets", session_id=sid)
    reply = bot.ask("given what i told you, de or dse?", session_id=sid)
    assert reply.intent == "recommend_role" and set(reply.roles) == {"data_engineer", "data_science_engineer"}


def test_what_i_said_inside_a_question_is_no_part_of_its_own(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("with a PhD in computational biology plus what I said, what am I missing for MLRE?", session_id=sid)
    assert reply.intent == "skill_gap" and reply.roles == ("ml_research_engineer",)


def test_working_in_a_field_asks_for_a_sector(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("do DSEs work in sports analytics?", session_id=sid)
    assert reply.intent == "ask_industries"
    assert reply.text.startswith("The articles don't say whether Data Science Engineers work in that sector")
    assert "Yes" not in reply.text.split("\n", 1)[0]


def test_a_sector_question_for_data_engineers_says_the_silence_once(bot: CareerBot, sid: str) -> None:
    text = bot.ask("do DEs work in insurance?", session_id=sid).text
    assert "they give no industries for Data Engineers" in text and "the industries they name" not in text


def test_which_role_works_on_a_thing_only_a_point_names(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("Which role is working on natural language processing?", session_id=sid)
    assert reply.roles == ("ml_engineer",) and reply.data["kind"] == "points_across"
    assert "natural language processing" in reply.text


def test_have_to_in_a_second_part_is_a_need_the_articles_do_not_state(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("what do data engineers do all day and do they have to be good at public speaking?", session_id=sid)
    assert [p["topic"] for p in reply.data["parts"]] == ["responsibilities", "skills"]
    assert "The articles don't say whether Data Engineers need that" in reply.text


def test_what_about_a_role_then_what_am_i_missing_there_is_the_gap_for_it(bot: CareerBot, sid: str) -> None:
    bot.ask("I know Python", session_id=sid)
    bot.ask("what is a DE?", session_id=sid)
    reply = bot.ask("what about ML software eng, what would I be missing there", session_id=sid)
    assert reply.intent == "skill_gap" and reply.roles == ("ml_software_engineer",)
    assert "Overview" not in reply.text


def test_a_gap_asked_without_a_question_mark_for_the_role_named(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("i only kno excel n a bit of sql wat am i missin 4 de", session_id=sid)
    assert reply.intent == "skill_gap" and reply.roles == ("data_engineer",)
    assert "now: Data Engineer" not in reply.text
    assert bot.export_session(sid)["profile"]["targets"] == ["data_engineer"]


def test_the_ml_folks_is_the_one_role_talked_about_with_ml_in_its_name(bot: CareerBot, sid: str) -> None:
    bot.ask("who do MLEs work with?", session_id=sid)
    bot.ask("And the data engineers?", session_id=sid)
    reply = bot.ask("What kind of projects would the ML folks usually own? And are those common in finance?", session_id=sid)
    assert reply.roles == ("ml_engineer",) and [p["topic"] for p in reply.data["parts"]] == ["projects", "industries"]


def test_on_the_other_roles_side_then_a_question_is_about_that_role(bot: CareerBot, sid: str) -> None:
    bot.ask("what do MLEs do day to day?", session_id=sid)
    reply = bot.ask("and on the data engineer side, is their stack cloud heavy?", session_id=sid)
    assert reply.intent == "ask_tools" and reply.roles == ("data_engineer",)


def test_a_named_span_with_one_roles_own_word_is_that_role() -> None:
    ref = find_reference(
        tokenize("and the ml research folks"), role_words={"research": "ml_research_engineer"},
        name_words=frozenset({"ml", "machine", "learning", "research", "engineer"}),
    )
    assert ref is not None and ref.kind == "side" and ref.role == "ml_research_engineer"


def test_academic_jobs_are_the_postings_titled_professor(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("are there any academic jobs in the postings you have?", session_id=sid)
    shown = reply.data["postings"]
    assert shown and all("Professor" in p["title"] for p in shown)
    assert 'titled with "professor"' in reply.text


@pytest.mark.parametrize("ask", ["so with my background, which one fits better?", "so with my background which one?"])
def test_with_my_background_which_one_recommends_among_the_two_talked_about(bot: CareerBot, sid: str, ask: str) -> None:
    bot.ask("I'm a claims adjuster, lots of Excel and some SQL", session_id=sid)
    bot.ask("what does a data science engineer do?", session_id=sid)
    bot.ask("and a plain data engineer?", session_id=sid)
    reply = bot.ask(ask, session_id=sid)
    assert reply.intent == "recommend_role" and reply.roles and set(reply.roles) <= {"data_engineer", "data_science_engineer"}


def test_a_terse_hours_question_is_not_in_the_articles(bot: CareerBot, sid: str) -> None:
    bot.ask("what does an MLRE do?", session_id=sid)
    reply = bot.ask("hours?", session_id=sid)
    assert reply.intent == "not_covered" and reply.roles == ("ml_research_engineer",) and "don't say" in reply.text


def test_what_someone_says_about_a_role_is_context_not_a_question(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("My grandson says data engineering is the future. What is a data engineer, in simple terms?", session_id=sid)
    assert reply.intent == "ask_definition" and reply.data["kind"] == "topic"
    first = bot.ask("first, what are DSE responsibilities; second, how do they compare to ML engineers?", session_id=f"{sid}-2")
    assert [p["intent"] for p in first.data["parts"]] == ["ask_responsibilities", "compare"]


@pytest.mark.parametrize(
    ("text", "having"),
    [("between DSEs and MLREs, which one needs Tableau?", ("data_science_engineer",)),
     ("DE or DSE, which needs more SQL?", ("data_engineer", "data_science_engineer"))],
)
def test_which_of_the_roles_named_lists_a_thing(bot: CareerBot, sid: str, text: str, having: tuple[str, ...]) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.data["kind"] == "roles_with"
    assert reply.data["things"][0]["roles"] == list(having)


def test_what_they_use_to_deploy_is_their_tools(bot: CareerBot, sid: str) -> None:
    assert bot.ask("what do ML engineers use to actually deploy stuff?", session_id=sid).intent == "ask_tools"


def test_those_three_are_the_three_roles_talked_about(bot: CareerBot, sid: str) -> None:
    for text in ("who do ML engineers typically work with?", "and the data engineers?", "What does a data science engineer do?"):
        bot.ask(text, session_id=sid)
    reply = bot.ask("which of those three needs the most maths?", session_id=sid)
    assert set(reply.roles) == {"ml_engineer", "data_engineer", "data_science_engineer"}


def test_one_short_common_word_is_no_specific_match(bot: CareerBot, sid: str) -> None:
    bot.ask("what will a data engineer do all day?", session_id=sid)
    reply = bot.ask("He also plays video games all night, is that bad for him?", session_id=sid)
    assert "differ" not in reply.text and reply.intent != "compare"
    research = bot.ask("what does an MLRE do?", session_id=f"{sid}-2")
    assert research.roles == ("ml_research_engineer",)
    reply = bot.ask("do they put stuff into production or is it pure research", session_id=f"{sid}-2")
    assert reply.intent == "ask_responsibilities" and "production" in reply.text


def test_the_two_stay_in_focus_after_which_of_the_two_needs_a_thing(bot: CareerBot, sid: str) -> None:
    bot.ask("compare data engineers and ML research engineers for me", session_id=sid)
    bot.ask("which of the two needs more maths?", session_id=sid)
    reply = bot.ask("and their outlook?", session_id=sid)
    assert reply.intent == "ask_outlook" and set(reply.roles) == {"data_engineer", "ml_research_engineer"}


def test_i_want_know_is_asking_and_which_ones_goes_on_with_it(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("I want know the tools for machine learning software engineer, which ones they are using?", session_id=sid)
    assert reply.intent == "ask_tools" and reply.data["kind"] == "topic" and "Industries" not in reply.text
    two = bot.ask("which programming languages does an ML SWE need, and which ones does a DE need?", session_id=f"{sid}-2")
    assert [p["roles"] for p in two.data["parts"]] == [["ml_software_engineer"], ["data_engineer"]]


def test_another_job_asked_about_in_a_conversation_about_a_role(bot: CareerBot, sid: str) -> None:
    bot.ask("what does a DE do", session_id=sid)
    reply = bot.ask("I'm a nurse. what does a lawyer earn?", session_id=sid)
    assert reply.data["kind"] == "uncovered" and "I don't have information about lawyers." in reply.text
