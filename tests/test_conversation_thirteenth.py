"""Conversations as people hold them (issue 11, thirteenth pass), through the public ``CareerBot().ask``."""

from __future__ import annotations

import uuid

import pytest

from careerbot import CareerBot


@pytest.fixture
def sid() -> str:
    return f"thirteenth-{uuid.uuid4().hex}"


@pytest.mark.parametrize(
    "text",
    [
        "is sql a big deal for data engineers?",
        "so is java kinda useless for data engineers?",
        "is R enough for data science engineers?",
    ],
)
def test_a_language_weighed_for_a_role_is_a_skill(bot: CareerBot, sid: str, text: str) -> None:
    reply = bot.ask(text, session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_skills", (reply.roles[0],))
    assert "the articles list" in reply.text.casefold()


def test_no_yes_to_a_question_whether_a_thing_is_useless(bot: CareerBot, sid: str) -> None:
    useless = bot.ask("so is java kinda useless for data engineers?", session_id=sid).text
    assert useless.startswith("The articles list Java for Data Engineers.")
    assert bot.ask("is java useful for data engineers?", session_id=f"{sid}-2").text.startswith("Yes: ")


def test_what_someone_else_says_is_not_the_persons_own_background(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("my bootcamp teacher said SQL is dead. is it important for data engineers?", session_id=sid)
    assert reply.intent == "ask_skills"
    assert "Noted" not in reply.text
    assert "information about teachers" not in reply.text
    assert bot.export_session(sid)["profile"].get("known", []) == []


def test_what_is_said_of_the_speaker_is_still_theirs(bot: CareerBot, sid: str) -> None:
    reply = bot.ask(
        "I'm in the last year of a biology master's, all my statistics in R. My supervisor says I have a knack "
        "for modelling, and a friend told me research engineering in machine learning might fit me. "
        "What degrees do machine learning research engineers have?",
        session_id=sid,
    )
    assert reply.intent == "ask_education"
    assert "aiming at: Machine Learning Research Engineer" in reply.text


def test_a_job_asked_about_beside_the_own_is_still_named(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("I'm a nurse, what does a lawyer earn?", session_id=sid)
    assert "information about lawyers" in reply.text
    assert "information about nurses" not in reply.text
    hiring = bot.ask("Hello - I'm a hiring manager at a fintech startup. What does a DSE do?", session_id=f"{sid}-2")
    assert "information about hiring managers" not in hiring.text


def test_an_aside_naming_someone_elses_job_stays_out_of_scope(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("my sound engineer friend says my mixing desk is wired wrong, how do I fix it?", session_id=sid)
    assert reply.intent == "fallback"


@pytest.mark.parametrize(
    ("text", "role", "named"),
    [
        ("do data science engineers do customer segmentation or churn?", "data_science_engineer", "churn prediction"),
        ("do MLEs do churn prediction?", "ml_engineer", "churn prediction"),
        ("do ml engineers work on fraud detection?", "ml_engineer", "fraud detection"),
        ("do DSEs build recommendation systems?", "data_science_engineer", "recommendation systems"),
    ],
)
def test_an_application_the_articles_name_in_a_sector_is_answered_with_that_sector(
    bot: CareerBot, sid: str, text: str, role: str, named: str
) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.roles == (role,)
    assert reply.intent in ("ask_projects", "ask_industries")
    assert named in reply.text.splitlines()[0]
    assert "don't say" not in reply.text


def test_an_application_asked_with_they_is_about_the_role_in_focus(bot: CareerBot, sid: str) -> None:
    bot.ask("what does a DSE do?", session_id=sid)
    reply = bot.ask("do they do stuff like customer segmentation or churn?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_projects", ("data_science_engineer",))
    assert "Telecommunications" in reply.text


def test_a_point_of_the_role_itself_answers_before_the_sectors(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("do machine learning engineers work on recommendation systems?", session_id=sid)
    assert reply.intent == "ask_projects"
    assert "Creating algorithms for tasks like image recognition" in reply.text


@pytest.mark.parametrize("text", ["is there a risk of AI replacing data engineers?", "I'm a hiring manager at a fintech startup, what does a DSE do?"])
def test_a_word_of_an_application_alone_does_not_make_the_question_about_it(bot: CareerBot, sid: str, text: str) -> None:
    assert "among the industries where" not in bot.ask(text, session_id=sid).text


def test_is_there_a_role_that_uses_a_thing_asks_which_roles_do(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("Is there a role here that actually uses Tableau?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_tools", ("data_science_engineer",))
    assert reply.data["kind"] == "roles_with"


@pytest.mark.parametrize("text", ["gtg break over", "ok gtg, lunch is over", "bb"])
def test_short_goodbyes(bot: CareerBot, sid: str, text: str) -> None:
    assert bot.ask(text, session_id=sid).intent == "goodbye"


def test_what_the_articles_show_for_a_role_is_about_the_role_not_the_sources(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("what do the articles show for data engineers?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_definition", ("data_engineer",))
    assert bot.ask("which articles do you use for data engineers?", session_id=f"{sid}-2").intent == "ask_sources"


def test_a_need_said_outright_is_asked(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("I also need a salary band. what do the articles show for data engineers?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_salary", ("data_engineer",))
    assert "100K" in reply.text


def test_not_getting_what_a_role_is_asks_what_it_is(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("I work with engineers all the time but I don't really get what an ML software engineer is", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_definition", ("ml_software_engineer",))


def test_same_question_at_the_end_asks_the_last_question_again(bot: CareerBot, sid: str) -> None:
    bot.ask("I know SQL, Python and Tableau. what am I missing for data science engineer?", session_id=sid)
    reply = bot.ask("and if I went for data engineer instead, same question", session_id=sid)
    assert (reply.intent, reply.roles) == ("skill_gap", ("data_engineer",))


@pytest.mark.parametrize(
    "text",
    [
        "do DSEs usually have a fixed 9 to 5?",
        "do companies that hire MLEs offer decent parental leave?",
        "would a data engineer have to move to a big city?",
    ],
)
def test_working_conditions_the_articles_do_not_cover(bot: CareerBot, sid: str, text: str) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "not_covered"
    assert "don't say" in reply.text


def test_what_the_speaker_heard_is_not_a_role_they_aim_at(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("I heard Spotify-style recommendations are built by machine learning engineers, is that true?", session_id=sid)
    assert reply.intent != "recommend_role"
    assert "aiming at" not in reply.text


def test_a_question_opening_with_a_preposition_is_a_part_of_its_own(bot: CareerBot, sid: str) -> None:
    bot.ask("what does a data engineer do?", session_id=sid)
    reply = bot.ask("OK. In what order should I learn that stuff, and are certifications worth it?", session_id=sid)
    assert [p["intent"] for p in reply.data["parts"]] == ["learning_path", "ask_education"]
    assert reply.roles == ("data_engineer",)


def test_alike_and_where_they_split_is_a_comparison(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("in what ways are data engineers and ML research engineers alike, and where do they split?", session_id=sid)
    assert reply.intent == "compare"
    assert set(reply.roles) == {"data_engineer", "ml_research_engineer"}


def test_coming_from_a_field_asks_the_education(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("Do ML software engineers ever come from physics?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_education", ("ml_software_engineer",))
    assert "physics" in reply.text.casefold()
    assert bot.ask("where does your info on data engineers come from?", session_id=f"{sid}-2").intent == "ask_sources"


def test_what_a_hire_would_own_is_their_responsibilities(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("What should I expect a data science engineer to own on my team?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_responsibilities", ("data_science_engineer",))


@pytest.mark.parametrize(("text", "intent"), [("what can this bot do?", "help"), ("Which roles can you cover?", "list_roles")])
def test_what_the_bot_does_and_covers(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert bot.ask(text, session_id=sid).intent == intent


def test_banks_are_the_finance_sector(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("Do banks hire MLREs, or is it all tech companies?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_industries", ("ml_research_engineer",))
    assert reply.text.startswith("Yes: the articles list Finance")


def test_a_short_do_question_after_and_is_a_part_of_its_own(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("what does a data science engineer do day to day, and do certifications help?", session_id=sid)
    assert [p["intent"] for p in reply.data["parts"]] == ["ask_responsibilities", "ask_education"]


@pytest.mark.parametrize("text", ["How many candidates typically apply per data engineer opening?"])
def test_applicant_numbers_are_not_covered(bot: CareerBot, sid: str, text: str) -> None:
    assert bot.ask(text, session_id=sid).intent == "not_covered"


def test_a_verb_after_its_subject_is_no_job(bot: CareerBot, sid: str) -> None:
    bot.ask("what does a DSE do?", session_id=sid)
    reply = bot.ask("and do they analyse data themselves or just build pipelines?", session_id=sid)
    assert "information about" not in reply.text
    assert reply.roles == ("data_science_engineer",)


def test_what_the_person_manages_is_their_background_and_a_relative_which_asks_nothing(bot: CareerBot, sid: str) -> None:
    reply = bot.ask(
        "Good morning. I manage a small vineyard and collect lots of soil sensor data, which is how I got into all this.",
        session_id=sid,
    )
    assert reply.intent == "greet"
    assert "background: small vineyard" in reply.text
