"""Conversations as people hold them (issue 11, sixteenth pass), through the public ``CareerBot().ask``
and the message reader it uses."""

from __future__ import annotations

import uuid

import pytest

from careerbot import CareerBot
from careerbot.nlu.clauses import either_or
from careerbot.nlu.cues import asks_best_use
from careerbot.nlu.normalize import tokenize
from careerbot.nlu.references import find_reference


@pytest.fixture
def sid() -> str:
    return f"sixteenth-{uuid.uuid4().hex}"


@pytest.mark.parametrize(
    ("text", "index"),
    [("for the second, which languages must he know?", 1), ("and the first, what does it pay?", 0)],
)
def test_an_opening_ordinal_may_follow_a_lead_word(text: str, index: int) -> None:
    ref = find_reference(tokenize(text), role_words={})
    assert ref is not None and (ref.kind, ref.index) == ("ordinal", index)
    # ("for the first time" names no item of a list)
    assert find_reference(tokenize("for the first time, what do they use?"), role_words={}) is None


def test_for_the_second_after_a_comparison_is_the_second_role(bot: CareerBot, sid: str) -> None:
    bot.ask("What is exactly the difference between data engineer and machine learning software engineer?", session_id=sid)
    reply = bot.ask("For the second, which langages of programmation he must know?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_tools", ("ml_software_engineer",))
    assert "C++" in reply.text


def test_a_choice_between_two_duties_is_answered_from_either(bot: CareerBot, sid: str) -> None:
    bot.ask("what does a data science engineer use for visualization?", session_id=sid)
    reply = bot.ask("Do they analyze the data themselves or just prepare it for others?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_responsibilities", ("data_science_engineer",))
    assert "Analyzing large datasets to extract insights and trends." in reply.text


def test_either_or_keeps_or_is_that_and_or_not_out() -> None:
    assert either_or(tokenize("do they build models or deploy them?")) == (["do", "they", "build", "models"], ["deploy", "them"])
    assert either_or(tokenize("do they own data quality, or is that someone else's job?")) is None
    assert either_or(tokenize("is SQL needed or not?")) is None


def test_what_they_are_responsible_for_on_a_team_is_their_duties(bot: CareerBot, sid: str) -> None:
    bot.ask("Does an ML research engineer need a PhD?", session_id=sid)
    reply = bot.ask("What are they responsible for on a typical team?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_responsibilities", ("ml_research_engineer",))
    # How many people a team has is still a question the articles don't answer.
    assert bot.ask("how many ML SWEs are on a typical team?", session_id=sid).intent == "not_covered"


def test_is_x_something_a_role_does_asks_about_its_duties(bot: CareerBot, sid: str) -> None:
    reply = bot.ask(
        "Is pulling data together from different sources something a data engineer does?", session_id=sid
    )
    assert (reply.intent, reply.roles) == ("ask_responsibilities", ("data_engineer",))
    assert "different sources" in reply.text


def test_working_together_on_projects_is_who_they_work_with(bot: CareerBot, sid: str) -> None:
    bot.ask("How does a machine learning engineer differ from a data engineer?", session_id=sid)
    reply = bot.ask("Do the two roles work together on projects?", session_id=sid)
    assert reply.intent == "ask_works_with"
    assert set(reply.roles) == {"ml_engineer", "data_engineer"}


def test_names_a_comma_separates_are_noted_one_by_one(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("yo, self-taught web dev here. mostly JavaScript, React and Node, plus a little Python", session_id=sid)
    assert reply.text.startswith("Noted: Python, JavaScript, React and Node.")


def test_a_stack_names_the_persons_tools(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("Hey, I'm a BI analyst. My daily stack is Power BI, SQL and Excel.", session_id=sid)
    assert reply.text.startswith("Noted: SQL, Power BI and Excel; background: BI analyst.")


def test_a_year_of_study_is_left_out_and_the_field_kept(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("Hi, I'm a 4th-year PhD student in computational neuroscience. Lots of Python.", session_id=sid)
    assert "background: phd student in computational neuroscience." in reply.text


@pytest.mark.parametrize("text", ["Tchau, until the next!", "ok until next time"])
def test_until_next_time_is_goodbye(bot: CareerBot, sid: str, text: str) -> None:
    assert bot.ask(text, session_id=sid).intent == "goodbye"


def test_what_exactly_can_you_do_for_me_asks_for_help(bot: CareerBot, sid: str) -> None:
    assert bot.ask("What exactly can you do for me?", session_id=sid).intent == "help"


def test_a_job_someone_else_wants_for_the_person_is_not_their_background(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("lol my mom wants me to be a dentist", session_id=sid)
    assert "background" not in reply.text
    assert "dentist" not in bot.ask("what do you know about me?", session_id=sid).text


def test_what_they_do_with_the_data_is_their_duties(bot: CareerBot, sid: str) -> None:
    bot.ask("what does a DSE do?", session_id=sid)
    reply = bot.ask("And data engineers, what do they actually do with the data?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_responsibilities", ("data_engineer",))


def test_him_refers_to_the_role_in_focus(bot: CareerBot, sid: str) -> None:
    bot.ask("What degree should I ask for in an ML software engineer posting?", session_id=sid)
    reply = bot.ask("What subjects would be best for him to study there?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_education", ("ml_software_engineer",))


def test_candidates_are_the_role_asked_about(bot: CareerBot, sid: str) -> None:
    bot.ask("What degree should I ask for in an ML software engineer posting?", session_id=sid)
    reply = bot.ask("What certifications might candidates come with?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_education", ("ml_software_engineer",))


def test_a_grad_in_a_subject_asks_about_education(bot: CareerBot, sid: str) -> None:
    bot.ask("What degree should I ask for in an ML software engineer posting?", session_id=sid)
    reply = bot.ask("would a stats or physics grad be acceptable too?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_education", ("ml_software_engineer",))
    assert "Physics" in reply.text


def test_ml_roles_names_jobs_not_the_field(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("which of these ML roles uses Docker and Kubernetes?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_tools", ("ml_engineer",))
    assert "Machine learning" not in reply.text


def test_is_that_true_for_a_role_asks_about_the_claim_before(bot: CareerBot, sid: str) -> None:
    reply = bot.ask(
        "People keep saying research roles have a much worse work-life balance. "
        "Is that actually true for ML research engineers?", session_id=sid,
    )
    assert (reply.intent, reply.roles) == ("not_covered", ("ml_research_engineer",))
    assert "don't say" in reply.text


def test_which_job_makes_most_use_of_her_maths_is_a_recommendation(bot: CareerBot, sid: str) -> None:
    bot.ask("I'm asking on behalf of my niece, she's 17 and wonderful at maths.", session_id=sid)
    reply = bot.ask("Which of these jobs would make the most use of her maths?", session_id=sid)
    assert reply.intent == "recommend_role" and len(reply.roles) >= 1
    # The conversation goes on about the one recommended, not about every role that lists maths.
    assert bot.ask("What would she need to study at university for that?", session_id=sid).roles == reply.roles[:1]


def test_u_think_asks_and_my_sql_is_not_mysql(bot: CareerBot, sid: str) -> None:
    bot.ask("what does a data engineer do?", session_id=sid)
    reply = bot.ask("u think i could do that w my sql n python or wat am i missing", session_id=sid)
    assert (reply.intent, reply.roles) == ("skill_gap", ("data_engineer",))
    assert "You have: Python, SQL, Programming" in reply.text
    assert "MySQL" not in reply.text.split("Still missing")[0]


def test_a_category_of_tools_with_its_own_nouns_is_that_category(bot: CareerBot, sid: str) -> None:
    bot.ask("what tools do data engineers use?", session_id=sid)
    reply = bot.ask("and the cloud part, which providers?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_tools", ("data_engineer",))
    assert "AWS" in reply.text and "Kafka" not in reply.text


def test_the_ds_ones_are_the_data_science_engineers(bot: CareerBot, sid: str) -> None:
    bot.ask("are DSEs the same as data engineers", session_id=sid)
    reply = bot.ask("ok wat tools do the ds ones use pls", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_tools", ("data_science_engineer",))


def test_what_more_i_have_to_learn_for_this_role_is_a_skill_gap(bot: CareerBot, sid: str) -> None:
    bot.ask("Hello sir, myself Rahul. I am knowing Java and little bit Python only. Kindly guide me.", session_id=sid)
    bot.ask("Which all skills are required for machine learning software engineer?", session_id=sid)
    reply = bot.ask("As per my knowledge which I told, what more I have to learn for this role?", session_id=sid)
    assert (reply.intent, reply.roles) == ("skill_gap", ("ml_software_engineer",))
    # A capital opening a sentence ("Kindly guide me.") names no tool.
    assert "Kindly" not in bot.ask("what do you know about me?", session_id=sid).text


def test_a_verb_after_its_subject_and_an_adverb_is_no_job(bot: CareerBot, sid: str) -> None:
    bot.ask("what does a data science engineer do?", session_id=sid)
    reply = bot.ask("so do they actually analyse data or do they just move it around?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_responsibilities", ("data_science_engineer",))
    assert "analysts" not in reply.text.split("\n")[0]


def test_no_idea_what_they_do_asks_what_the_role_is(bot: CareerBot, sid: str) -> None:
    reply = bot.ask(
        "Marketing specialist here (6 yrs, Google Analytics, loads of A/B tests). Our company just hired a "
        "'data science engineer' and tbh I have no idea what they do lol", session_id=sid,
    )
    assert (reply.intent, reply.roles) == ("ask_definition", ("data_science_engineer",))
    assert "A B" not in reply.text


def test_i_meant_the_other_role_asks_the_last_question_again(bot: CareerBot, sid: str) -> None:
    bot.ask("what tools do ML engineers use?", session_id=sid)
    reply = bot.ask("sorry no, I meant the research one", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_tools", ("ml_research_engineer",))
    # ... but "the DE I mean" after a question is part of that question.
    bot.ask("what does a DSE do?", session_id=sid)
    assert bot.ask("what degrees do they typically have? the DE I mean", session_id=sid).roles == ("data_engineer",)


def test_the_best_route_in_is_how_to_get_started(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("ok so for DSE, what's the best route in? would a bootcamp work?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_getting_started", ("data_science_engineer",))


def test_whether_every_role_uses_a_thing_is_answered_for_each(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("Is Python used in all five roles?", session_id=sid)
    assert reply.intent == "ask_tools" and len(reply.roles) == 5
    assert reply.text.startswith("The articles list Python for all five roles.")
    sql = bot.ask("do all the roles need SQL?", session_id=sid)
    assert set(sql.roles) == {"data_engineer", "data_science_engineer"} and "not for Machine Learning Engineers" in sql.text


def test_whether_three_roles_in_focus_use_a_thing_is_that_answer_alone(bot: CareerBot, sid: str) -> None:
    bot.ask("compare DE, MLE and DSE", session_id=sid)
    reply = bot.ask("do all three use Python?", session_id=sid)
    assert set(reply.roles) == {"data_engineer", "ml_engineer", "data_science_engineer"}
    assert reply.text == (
        "Yes: the articles list Python for Data Engineers, Machine Learning Engineers and Data Science Engineers."
    )


def test_a_tool_the_articles_name_is_never_spelled_into_another_word(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("do data engineers use Talend or Informatica?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_tools", ("data_engineer",))
    assert "Informatica" in reply.text.split("\n")[0]
    # ... nor does a word split into two of them ("interesting" is not "in testing").
    assert bot.ask("I am interesting for machine learning software engineer. What is this job exactly?",
                   session_id=f"{sid}-2").intent == "ask_definition"


def test_a_hiring_managers_follow_ups(bot: CareerBot, sid: str) -> None:
    bot.ask("Should I hire a data engineer or an ML engineer first?", session_id=sid)
    cost = bot.ask("and what does one cost, ballpark?", session_id=sid)
    assert cost.intent == "ask_salary" and "100K" in cost.text
    reply = bot.ask("Later on, who would the ML person be working with?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_works_with", ("ml_engineer",))
    assert bot.ask("legend, ta", session_id=sid).intent == "thanks"


@pytest.mark.parametrize(
    "text",
    [
        "which of your roles would reuse most of my skills?",
        "honestly, is there one of these roles that uses more of my numbers brain? analysis rather than plumbing",
    ],
)
def test_which_role_draws_most_on_what_i_have_is_a_recommendation(bot: CareerBot, sid: str, text: str) -> None:
    bot.ask("I'm an accountant, I automate Excel with VBA macros and love statistics.", session_id=sid)
    assert bot.ask(text, session_id=sid).intent == "recommend_role"


def test_what_someone_uses_before_a_later_choice_is_no_best_use_question() -> None:
    assert not asks_best_use(tokenize("we use BigQuery. Last year my company sent me on a course, which I loved more"))
    assert not asks_best_use(tokenize("which roles use Python the most?"))


def test_when_none_of_the_roles_asked_about_has_it_the_conversation_goes_on_with_those_that_do(
    bot: CareerBot, sid: str
) -> None:
    bot.ask("He builds robots and writes Python. Which of these jobs would be good for him?", session_id=sid)
    reply = bot.ask("Do any of them work for robotics companies?", session_id=sid)
    assert reply.roles == ("ml_research_engineer",) and "Robotics" in reply.text
    assert bot.ask("What would he have to study at university for that one?", session_id=sid).roles == (
        "ml_research_engineer",
    )


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("I flew commercial jets for 31 years and retired last spring.", "background: retired."),
        ("I retired from teaching last year", "background: retired from teaching."),
    ],
)
def test_when_someone_retired_is_not_what_they_did(bot: CareerBot, sid: str, text: str, background: str) -> None:
    assert background in bot.ask(text, session_id=sid).text


def test_a_thing_asked_again_for_another_role_with_too_is_that_thing(bot: CareerBot, sid: str) -> None:
    bot.ask("R is fine for data science engineers right?", session_id=sid)
    reply = bot.ask("what about MLEs, R too?", session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_tools", ("ml_engineer",))
    assert reply.text.startswith("The articles list R for Machine Learning Engineers.")


def test_your_featured_listings_are_all_of_them(bot: CareerBot, sid: str) -> None:
    bot.ask("what's the difference between an ML engineer and an ML research engineer?", session_id=sid)
    reply = bot.ask("Which companies show up in your featured job listings?", session_id=sid)
    assert "murmuration" in reply.text and "Occam AI" in reply.text
    top = bot.ask("What's the highest salary range among those postings?", session_id=sid)
    assert "192K" in top.text


def test_who_does_something_among_the_two_in_focus_is_what_each_article_says(bot: CareerBot, sid: str) -> None:
    bot.ask("We want a product recommendation engine. Who builds that, an ML engineer or a data engineer?", session_id=sid)
    reply = bot.ask("And who builds the pipelines that feed it?", session_id=sid)
    assert reply.intent != "fallback" and "data_engineer" in reply.roles
    assert "pipelines that feed" in reply.text


def test_the_persons_own_comparison_after_a_question_is_not_what_it_asks(bot: CareerBot, sid: str) -> None:
    reply = bot.ask(
        "Do data engineers actually check the quality of the data, rather like I check catalogue records?",
        session_id=sid,
    )
    assert (reply.intent, reply.roles) == ("ask_responsibilities", ("data_engineer",))
    assert "quality" in reply.text


def test_a_one_letter_language_asked_again_with_there_too(bot: CareerBot, sid: str) -> None:
    bot.ask("Do ML research engineers use R at all, or is it all Python?", session_id=sid)
    reply = bot.ask("What about data science engineers - R there too?", session_id=sid)
    assert reply.roles == ("data_science_engineer",) and reply.intent in ("ask_tools", "ask_skills")
    assert "R" in reply.text.split("\n")[0]


def test_a_sensible_order_to_learn_the_tools_is_a_learning_path(bot: CareerBot, sid: str) -> None:
    bot.ask("what tools do data science engineers use?", session_id=sid)
    reply = bot.ask("What's a sensible order to learn the tools in?", session_id=sid)
    assert (reply.intent, reply.roles) == ("learning_path", ("data_science_engineer",))


def test_a_gap_for_someone_whose_tools_the_articles_never_list_says_so(bot: CareerBot, sid: str) -> None:
    bot.ask("hi, I'm a chef, 12 years, thinking about tech. I know a bit of Excel", session_id=sid)
    reply = bot.ask("what would I be missing for data science engineer?", session_id=sid)
    assert (reply.intent, reply.roles) == ("skill_gap", ("data_science_engineer",))
    assert "The articles list none of what you told me (Excel) for Data Science Engineers" in reply.text
    assert "didn't recognise" not in reply.text


def test_what_background_people_have_academically_is_education(bot: CareerBot, sid: str) -> None:
    reply = bot.ask(
        "Academically speaking, what background do people usually have before they become machine learning engineers?",
        session_id=sid,
    )
    assert (reply.intent, reply.roles) == ("ask_education", ("ml_engineer",))
    # ("my background" in an introduction is still the person's own)
    assert bot.ask("my background is in marketing", session_id=f"{sid}-2").intent == "greet"


def test_a_maximum_age_is_not_covered(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("Is there a maximum age to start out as a machine learning engineer?", session_id=sid)
    assert (reply.intent, reply.roles) == ("not_covered", ("ml_engineer",))
    assert "don't say" in reply.text
