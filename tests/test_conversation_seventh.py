"""Long messages that name two roles and then ask about "the two", comparisons worded with
"explain", and introductions that talk about hiring (issue 11, seventh pass), through the public
``CareerBot().ask``."""

from __future__ import annotations

import uuid

import pytest

from careerbot import CareerBot

from .conftest import DE, DSE, MLE, MLRE, MLSWE, talk


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


def test_the_side_of_it_keeps_the_question(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what degree do ML engineers usually have?", "what about the research flavour of it"])
    assert reply.intent == "ask_education" and reply.roles == (MLRE,)


def test_a_posting_named_by_its_company_is_found_when_not_shown(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["any ML software engineer type jobs in the listings?", "is the Allora research engineer one remote?"])
    assert reply.intent == "ask_salary" and reply.text.startswith("Yes") and "Allora" in reply.text


def test_the_weather_in_a_posting_town_is_out_of_scope(bot: CareerBot, sid: str) -> None:
    talk(bot, sid, ["any jobs in Berlin?"])
    assert bot.ask("lol is it cold in berlin rn", session_id=sid).intent == "fallback"
    # and the postings are still what "that one" means
    assert bot.ask("is that one remote?", session_id=sid).intent == "ask_salary"


@pytest.mark.parametrize("text", ["gotta go, break's over", "Cheerio."])
def test_more_goodbyes(bot: CareerBot, sid: str, text: str) -> None:
    assert bot.ask(text, session_id=sid).intent == "goodbye"


@pytest.mark.parametrize("text", ["have to go to uni for DE?", "have to go back to school for this?"])
def test_have_to_go_in_a_question_is_no_goodbye(bot: CareerBot, sid: str, text: str) -> None:
    talk(bot, sid, ["what does a data engineer do?"])
    assert bot.ask(text, session_id=sid).intent != "goodbye"


def test_which_of_the_two_fits_my_background_recommends_between_them(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["hi, I'm a librarian, lots of metadata and some SQL", "DE vs DSE",
                            "Which of the two fits my background better, do you think?"])
    assert reply.intent == "recommend_role" and set(reply.roles) <= {DE, DSE}


def test_what_a_role_goes_for_in_the_market_is_pay(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("what does a data engineer go for in the market?", session_id=sid)
    assert reply.intent == "ask_salary" and reply.roles == (DE,)


def test_they_first_then_a_named_role_answers_both(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what do ML research engineers do?", "what do they do all day? and what do data engineers do all day"])
    assert reply.data["kind"] == "parts" and reply.roles == (MLRE, DE)


def test_they_then_the_role_it_means_is_one_question(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what do DSEs do?", "what degrees do they typically have? the DE I mean"])
    assert reply.intent == "ask_education" and reply.roles == (DE,)


@pytest.mark.parametrize(
    ("turns", "roles"),
    [
        (["what does an ML software engineer do?", "between that and a plain ML engineer, which fits a web dev better?"],
         {MLSWE, MLE}),
        (["what do ML research engineers and data engineers do?", "what tools do the research ones use",
          "which one fits me better, i like math way more than databases"], {MLRE, DE}),
        (["DSE vs DE", "Which is the better fit for me? I love dashboards and statistics"], {DSE, DE}),
    ],
)
def test_a_recommendation_between_two_is_about_both(bot: CareerBot, sid: str, turns: list[str], roles: set[str]) -> None:
    reply = talk(bot, sid, turns)
    assert reply.intent == "recommend_role" and set(reply.roles) == roles


def test_which_roles_can_you_talk_about(bot: CareerBot, sid: str) -> None:
    assert bot.ask("Which roles can you talk about?", session_id=sid).intent == "list_roles"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("what abilities should a research-minded ML engineer bring to the table?", MLRE),
        ("what did most research-focused machine learning engineers study at university?", MLRE),
        ("what does a research ML engineer do", MLRE),
    ],
)
def test_a_flavour_word_before_a_role_names_the_fuller_role(bot: CareerBot, sid: str, text: str, role: str) -> None:
    assert bot.ask(text, session_id=sid).roles == (role,)


def test_sir_before_what_about_a_role_leads_to_the_question(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what do ML engineers do?", "Sir what about data engineer, what type of projects they are doing"])
    assert reply.intent == "ask_projects" and reply.roles == (DE,)


def test_n_joins_two_questions(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what does an MLE do?", "do u need a degree for it or nah, n who do they work with"])
    assert [p["intent"] for p in reply.data["parts"]] == ["ask_education", "ask_works_with"]


def test_recommendation_engines_are_projects_not_advice(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("our customers always ask about recommendation engines, do ML engineers build those?", session_id=sid)
    assert reply.intent != "recommend_role" and reply.roles == (MLE,)


def test_i_want_to_know_two_roles_then_the_difference(bot: CareerBot, sid: str) -> None:
    reply = bot.ask(
        "I want to know machine learning research engineer and machine learning engineer, what is difference?",
        session_id=sid,
    )
    assert reply.intent == "compare" and set(reply.roles) == {MLRE, MLE}


def test_the_number_for_another_role_keeps_the_topic(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["how fast is hiring for DSEs supposed to grow?", "And what's the number for data engineers?"])
    assert reply.intent == "ask_outlook" and reply.roles == (DE,) and "22%" in reply.text


def test_a_range_to_offer_is_pay(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("What's a realistic range to offer the data engineer?", session_id=sid)
    assert reply.intent == "ask_salary" and "100K" in reply.text


def test_a_yes_no_question_two_of_whose_words_a_point_has_gets_yes(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("are machine learning engineers responsible for monitoring models after they're deployed?", session_id=sid)
    assert reply.text.startswith("Yes") and "Monitor" in reply.text


def test_an_either_or_question_gets_no_yes(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("do data science engineers analyze datasets themselves or only prep them for others?", session_id=sid)
    assert reply.roles == (DSE,) and not reply.text.startswith("Yes")


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("would my architecture degree count for anything or do they want computer science", "ask_education"),
        ("does fintech count as finance in the industries list?", "ask_industries"),
        ("does a postdoc count as work experience?", "not_covered"),
    ],
)
def test_what_counts_as_a_listed_thing_is_that_topic(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    talk(bot, sid, ["what does a data science engineer do?"])
    assert bot.ask(text, session_id=sid).intent == intent


def test_am_i_too_old_is_not_covered(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what does a data science engineer do?", "am i too old to start at 34"])
    assert reply.intent == "not_covered" and "don't say" in reply.text


def test_forget_the_details_forgets(bot: CareerBot, sid: str) -> None:
    talk(bot, sid, ["hi, I work at a bank, mostly SQL and Excel"])
    reply = bot.ask("Please forget the details about my bank, I shouldn't have shared them.", session_id=sid)
    assert reply.intent == "profile"
    assert "bank" not in bot.ask("what do you know about me?", session_id=sid).text


@pytest.mark.parametrize(
    "text", ["Are the hours flexible? I need to pick up the kids at 3.", "They must fix production in night when something breaks?"]
)
def test_working_hours_questions_are_not_covered(bot: CareerBot, sid: str, text: str) -> None:
    reply = talk(bot, sid, ["what does a data engineer do?", text])
    assert reply.intent == "not_covered" and reply.roles == (DE,)


def test_a_field_inside_a_job_title_is_not_noted_as_known(bot: CareerBot, sid: str) -> None:
    assert "Noted: Engineering" not in bot.ask("I'm an engineering manager at a logistics company", session_id=sid).text
    assert "Engineering" in bot.ask("I studied engineering and I know SQL", session_id=f"{sid}-2").text


def test_that_in_a_short_question_is_the_thing_named_before(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what does an ML research engineer do?", "He also likes maths very much. Is that useful for them?"])
    assert reply.roles == (MLRE,) and reply.text.startswith("Yes") and "Mathematics" in reply.text


@pytest.mark.parametrize("text", ["how do i bake bread", "how do i fix my car", "how do i learn piano"])
def test_how_do_i_about_something_else_is_out_of_scope_mid_conversation(bot: CareerBot, sid: str, text: str) -> None:
    reply = talk(bot, sid, ["what does a DE earn?", text])
    assert reply.intent == "fallback"
    assert bot.ask("how do i get started?", session_id=sid).roles == (DE,)  # the conversation goes on
