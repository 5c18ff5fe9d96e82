"""What the articles never speak of, pay for a role no posting is closest to, and requests joined to
questions (issue 11), through the public ``CareerBot().ask``: intents, roles and key words only."""

from __future__ import annotations

import uuid

import pytest

from careerbot import CareerBot


@pytest.fixture
def sid() -> str:
    return f"uncov-{uuid.uuid4().hex}"


@pytest.mark.parametrize(
    "text",
    [
        "how long does it realistically take to switch from teaching into ML software engineering?",
        "do data engineers get visa sponsorship?",
        "what's the work-life balance like for ML engineers?",
        "are MLREs on call at weekends?",
        "what's the usual notice period for a data science engineer?",
    ],
)
def test_questions_on_things_no_article_covers_say_so(bot: CareerBot, sid: str, text: str) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "not_covered", reply.text
    assert "don't say" in reply.text
    assert "USD" not in reply.text and "Featured job postings" not in reply.text


def test_uncovered_question_in_a_conversation_keeps_its_role(bot: CareerBot, sid: str) -> None:
    bot.ask("any data engineer jobs at murmuration?", session_id=sid)
    reply = bot.ask("whats the work-life balance like at murmuration?", session_id=sid)
    assert reply.intent == "not_covered"
    assert reply.roles == ("data_engineer",)
    assert "USD" not in reply.text


@pytest.mark.parametrize("text", ["how long does it take to cook rice?", "do I need a visa for Spain?"])
def test_the_same_words_outside_careers_stay_out_of_scope(bot: CareerBot, sid: str, text: str) -> None:
    assert bot.ask(text, session_id=sid).intent == "fallback"


def test_covered_topics_keep_their_intent(bot: CareerBot, sid: str) -> None:
    # "cost" of a hire is pay; a certification question is education.
    assert bot.ask("what would a mid-level DE cost me?", session_id=sid).intent == "ask_salary"
    assert bot.ask("which certifications help a data engineer?", session_id=sid).intent == "ask_education"


def test_pay_of_a_role_no_posting_is_closest_to(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("how much does a data science engineer earn?", session_id=sid)
    assert reply.intent == "ask_salary" and reply.roles == ("data_science_engineer",)
    assert "don't say what a Data Science Engineer earns" in reply.text
    assert reply.data["postings"] == [] and "USD" not in reply.text  # no other role's postings
    # A role with postings still gets them.
    assert "USD" in bot.ask("and a DE?", session_id=sid).text


def test_a_filter_word_around_a_role_name_still_filters_postings(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("what about remote DE jobs?", session_id=sid)
    assert reply.intent == "ask_salary"
    assert reply.data["filters"]["remote"] is True and reply.data["filters"]["roles"] == ["data_engineer"]


@pytest.mark.parametrize(
    ("text", "intents"),
    [
        ("skills for an ML software engineer + which industries hire them", ["ask_skills", "ask_industries"]),
        ("what industries do data engineers work in, and what's their outlook?", ["ask_industries", "ask_outlook"]),
    ],
)
def test_a_request_or_a_short_question_joined_on_is_a_part(
    bot: CareerBot, sid: str, text: str, intents: list[str]
) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.data["kind"] == "parts", reply.text
    assert [p["intent"] for p in reply.data["parts"]] == intents


@pytest.mark.parametrize(
    ("text", "role", "name"),
    [
        ("is Redshift used by data science engineers", "data_science_engineer", "Amazon Redshift"),
        ("data science engineer is using Tableau or not?", "data_science_engineer", "Tableau"),
        ("do ML software engineers write C++?", "ml_software_engineer", "C++"),
    ],
)
def test_whether_a_role_uses_a_named_tool(bot: CareerBot, sid: str, text: str, role: str, name: str) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "ask_tools" and reply.roles == (role,)
    assert reply.text.startswith(f"Yes: the articles list {name}")


def test_words_before_a_job_word_are_not_another_job(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("do DEs work with analysts or just engineers?", session_id=sid)
    assert "I don't have information" not in reply.text
    assert reply.roles == ("data_engineer",)


@pytest.mark.parametrize(
    "text", ["what fills a data engineer's week?", "what keeps an ML software engineer busy from 9 to 5?"]
)
def test_the_working_day_in_other_words_is_responsibilities(bot: CareerBot, sid: str, text: str) -> None:
    assert bot.ask(text, session_id=sid).intent == "ask_responsibilities"


def test_a_relative_clause_in_the_background_is_not_a_question(bot: CareerBot, sid: str) -> None:
    reply = bot.ask(
        "I'm a data analyst. I help our data engineer debug a broken overnight job, which is honestly the part "
        "of the week I like most. I only know a little Python from a weekend course. "
        "What am I missing to become a data engineer?",
        session_id=sid,
    )
    assert reply.intent == "skill_gap" and reply.roles == ("data_engineer",)


def test_chat_shorthand_is_read_as_the_full_words(bot: CareerBot, sid: str) -> None:
    bot.ask("DE vs MLE", session_id=sid)
    reply = bot.ask("diff btwn thm", session_id=sid)
    assert reply.intent == "compare" and set(reply.roles) == {"data_engineer", "ml_engineer"}


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("put all five roles side by side for me", "compare"),
        ("from where you take this informations?", "ask_sources"),
        ("pls forget everything i told you", "profile"),
        ("ok later", "goodbye"),
        ("I will decide later", "fallback"),
    ],
)
def test_small_talk_in_other_words(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert bot.ask(text, session_id=sid).intent == intent


@pytest.mark.parametrize(
    ("text", "noted"),
    [
        ("Hello, I am Oksana from Ukraine, I am working like SQL developer 5 years in bank", "SQL developer"),
        ("Hello, I am Hoang. I am working like software tester since 4 years, I know Java and Selenium.", "Java"),
    ],
)
def test_working_like_a_job_is_an_introduction_not_a_liking(bot: CareerBot, sid: str, text: str, noted: str) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "greet" and reply.text.startswith("Noted:")
    assert noted in reply.text
    assert not bot.export_session(sid)["profile"].get("likes")


def test_certifications_said_under_the_tips_answer_an_education_question(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("are DSE certifications worth getting?", session_id=sid)
    assert reply.intent == "ask_education"
    assert "Earning certifications in machine learning or data science" in reply.text
    other = bot.ask("what certifications does a ML research engineer need?", session_id=sid)
    assert "The articles name no certifications for Machine Learning Research Engineers" in other.text


def test_which_one_after_a_comparison_chooses_between_the_two(bot: CareerBot, sid: str) -> None:
    reply = bot.ask(
        "compare DE and MLSWE for me, and then tell me which one I should pick if I love maths", session_id=sid
    )
    parts = reply.data["parts"]
    assert [p["intent"] for p in parts] == ["compare", "recommend_role"]
    assert parts[1]["roles"][0] in ("data_engineer", "ml_software_engineer")


def test_languages_they_code_in_are_tools_and_their_background_is_education(bot: CareerBot, sid: str) -> None:
    reply = bot.ask(
        "which languages does an ML software engineer code in, and what's their usual background?", session_id=sid
    )
    assert [p["intent"] for p in reply.data["parts"]] == ["ask_tools", "ask_education"]


def test_a_part_the_articles_do_not_answer_is_answered_as_such(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("how long is a usual workday for MLREs, and where does your info come from?", session_id=sid)
    assert [p["intent"] for p in reply.data["parts"]] == ["not_covered", "ask_sources"]
    assert "don't say" in reply.text


def test_which_ones_for_another_role_keeps_the_topic(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("Which tools should I put in the DE ad? And which ones for the MLRE?", session_id=sid)
    assert [(p["intent"], p["roles"]) for p in reply.data["parts"]] == [
        ("ask_tools", ["data_engineer"]), ("ask_tools", ["ml_research_engineer"])
    ]


def test_we_use_it_at_work_is_not_the_roles_responsibilities(bot: CareerBot, sid: str) -> None:
    bot.ask("what does an ML software engineer do?", session_id=sid)
    assert bot.ask("do they use jenkins? we use it at work", session_id=sid).intent == "ask_tools"


@pytest.mark.parametrize(
    ("text", "noted"),
    [
        ("hi! first year MSc CS student, have to pick a thesis topic soon. did courses in deep learning", "Master"),
        ("Hey, founder of a 12-person fintech startup. Our data is a mess of postgres tables", "PostgreSQL"),
        ("Hi - DevOps engineer, 7 years. Kubernetes, Terraform, AWS, Jenkins, bash, a bit of Python.", "Kubernetes"),
        ("hi, my son is 16 and really into computers and maths.", "Mathematics"),
        ("Hello! I'm a PhD student in computational linguistics, I do NLP in Python", "computational linguistics"),
    ],
)
def test_introductions_without_i_are_noted(bot: CareerBot, sid: str, text: str, noted: str) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "greet", reply.text
    assert "Noted:" in reply.text and noted in reply.text
    assert "tables" not in reply.text.split("\n")[0]  # a plain word is no tool of theirs


@pytest.mark.parametrize("text", ["is being a teacher a good career", "data engineer salary"])
def test_questions_naming_a_person_are_not_introductions(bot: CareerBot, sid: str, text: str) -> None:
    assert bot.ask(text, session_id=sid).intent != "greet"


@pytest.mark.parametrize(
    "aside",
    [
        "unrelated but what's the best payroll software for a tiny startup?",
        "btw how do I clear a stuck terraform state lock",
        "lol also need a recipe for a team lunch for 20 people, anything easy?",
        "sorry random one, my kid's school asked parents to bake something for a fundraiser, any recipe ideas?",
    ],
)
def test_an_aside_in_a_conversation_is_out_of_scope_and_keeps_the_context(
    bot: CareerBot, sid: str, aside: str
) -> None:
    bot.ask("what tools does a data engineer use?", session_id=sid)
    assert bot.ask(aside, session_id=sid).intent == "fallback"
    after = bot.ask("and their pay?", session_id=sid)
    assert after.intent == "ask_salary" and after.roles == ("data_engineer",)


def test_by_the_way_about_them_is_no_aside(bot: CareerBot, sid: str) -> None:
    bot.ask("what tools does a data engineer use?", session_id=sid)
    reply = bot.ask("by the way, what about their education?", session_id=sid)
    assert reply.intent == "ask_education" and reply.roles == ("data_engineer",)


@pytest.mark.parametrize(
    "text",
    [
        "Honestly, will employers care that I'm 45?",
        "do postdoc years count as industry experience when they hire?",
        "what share of data science engineers are women?",
        "how many weeks should a bootcamp be to get someone job-ready as a DE?",
    ],
)
def test_hiring_and_headcount_questions_are_not_covered(bot: CareerBot, sid: str, text: str) -> None:
    bot.ask("what does a data engineer do?", session_id=sid)
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "not_covered" and "don't say" in reply.text


def test_a_question_after_a_colon_is_a_part(bot: CareerBot, sid: str) -> None:
    reply = bot.ask(
        "Hello, I'm a tech journalist writing a piece on AI jobs. Before anything else: where does your "
        "information come from?",
        session_id=sid,
    )
    assert reply.intent == "ask_sources"
    assert bot.ask("outlook comparison please: data engineers versus ML research engineers", session_id=sid).data[
        "kind"
    ] == "comparison"


def test_remote_in_other_words_filters_postings(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("have job for data engineer with remote?", session_id=sid)
    assert reply.intent == "ask_salary" and reply.data["filters"]["remote"] is True


def test_each_of_them_is_the_roles_in_focus(bot: CareerBot, sid: str) -> None:
    bot.ask("compare ML SWE and MLE", session_id=sid)
    reply = bot.ask("what degrees do each of them usually have?", session_id=sid)
    assert set(reply.roles) == {"ml_software_engineer", "ml_engineer"}


def test_a_tool_named_after_a_question_makes_it_a_tools_question(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("back to MLE for a sec: what do they deploy with? docker?", session_id=sid)
    assert ("ask_tools", ("ml_engineer",)) in [(reply.intent, reply.roles)] + [
        (p["intent"], tuple(p["roles"])) for p in reply.data.get("parts", ())
    ]
    assert "the articles list docker" in reply.text.casefold()


def test_a_part_asked_in_other_words_is_answered(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("what does a DSE do day to day, and who would I be working with?", session_id=sid)
    assert [p["intent"] for p in reply.data["parts"]] == ["ask_responsibilities", "ask_works_with"]
    pay = bot.ask("how do i get into ML engineering and what do they get paid", session_id=sid)
    assert [p["intent"] for p in pay.data["parts"]] == ["ask_getting_started", "ask_salary"]


def test_a_named_tool_beats_work_with(bot: CareerBot, sid: str) -> None:
    assert bot.ask("is Talend something data engineers work with?", session_id=sid).intent == "ask_tools"
    assert bot.ask("what r MLRE responsibilities", session_id=sid).intent == "ask_responsibilities"


def test_run_together_role_names_split_into_the_fewest_words(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("dataengineer vs machinelearningengineer diffrences", session_id=sid)
    assert set(reply.roles) == {"data_engineer", "ml_engineer"}


def test_monitoring_after_deployment_is_the_monitoring_point(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("do MLEs keep monitoring models after they're deployed?", session_id=sid)
    assert reply.intent == "ask_responsibilities" and reply.data["kind"] == "points"
    assert "Monitor" in reply.text


def test_a_plain_word_the_articles_lack_is_no_unlisted_tool(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("is keeping an eye on model performance over time part of an MLE's job?", session_id=sid)
    assert "don't say anything about eye" not in reply.text
    assert "don't say anything about Snowflake" in bot.ask("does a DE need Snowflake", session_id=sid).text


@pytest.mark.parametrize("text", ["show me jobs", "any jobs?", "show me ML jobs", "what jobs are there"])
def test_jobs_in_plain_words_are_the_postings(bot: CareerBot, sid: str, text: str) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "ask_salary" and reply.data["postings"]


def test_a_posting_named_by_its_title_after_postings(bot: CareerBot, sid: str) -> None:
    bot.ask("tell me how data engineers differ from ML research engineers", session_id=sid)
    bot.ask("which of those pays more?", session_id=sid)
    reply = bot.ask("is the research engineer one remote?", session_id=sid)
    assert reply.intent == "ask_salary" and reply.roles == ("ml_research_engineer",)
    assert reply.data["filters"]["remote"] is True


def test_pay_follow_ups_for_a_role_without_postings(bot: CareerBot, sid: str) -> None:
    first = bot.ask("how much does a DSE earn?", session_id=sid)
    assert "not salary statistics" not in first.text  # no postings shown, no note about them
    reply = bot.ask("is that one remote?", session_id=sid)
    assert reply.intent == "ask_salary"
    assert "None of the featured postings is closest to Data Science Engineer" in reply.text
    assert all(p["remote"] for p in reply.data["postings"])


def test_thanks_and_bye_in_one_message(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("thanks, bye", session_id=sid)
    assert "welcome" in reply.text.casefold() and "goodbye" in reply.text.casefold()


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("can I become a data engineer within a year?", "not_covered"),
        ("plan of study to become data engineer in 6 months", "learning_path"),
        ("what will DE demand look like in five years?", "ask_outlook"),
    ],
)
def test_how_long_it_takes_is_not_covered_but_a_plan_for_a_time_is_a_plan(
    bot: CareerBot, sid: str, text: str, intent: str
) -> None:
    assert bot.ask(text, session_id=sid).intent == intent


def test_a_reference_in_the_sentence_before_the_question(bot: CareerBot, sid: str) -> None:
    bot.ask("what's the difference between a DE and an MLE anyway?", session_id=sid)
    reply = bot.ask("ok the first one sounds more like me. what tools would I need to learn?", session_id=sid)
    assert reply.intent == "ask_tools" and reply.roles == ("data_engineer",)


def test_the_x_one_switches_role_keeping_the_topic(bot: CareerBot, sid: str) -> None:
    bot.ask("What skills should go in the data engineer ad?", session_id=sid)
    reply = bot.ask("And for the DSE one?", session_id=sid)
    assert reply.intent == "ask_skills" and reply.roles == ("data_science_engineer",)


def test_an_introduction_naming_roles_is_no_request(bot: CareerBot, sid: str) -> None:
    reply = bot.ask(
        "Hi - I'm a hiring manager at a mid-size retailer. I need to write two job ads, one for a data engineer "
        "and one for a data science engineer.",
        session_id=sid,
    )
    assert reply.intent == "greet" and "Noted:" in reply.text
    assert bot.ask("I need a rundown of the frameworks an MLRE uses", session_id=sid).intent == "ask_tools"


def test_a_postings_town_in_a_sentence_about_something_else(bot: CareerBot, sid: str) -> None:
    bot.ask("show me remote jobs", session_id=sid)
    assert bot.ask("my cousin says the weather in seattle is awful, is it?", session_id=sid).intent == "fallback"
    assert bot.ask("any jobs in Seattle?", session_id=sid).intent == "ask_salary"
    assert bot.ask("and in Berlin?", session_id=sid).data["filters"]["places"]


def test_them_two_is_the_pair_in_focus(bot: CareerBot, sid: str) -> None:
    bot.ask("what does a data engineer do?", session_id=sid)
    bot.ask("and an ML software engineer?", session_id=sid)
    reply = bot.ask("whats the diffrence betwen them two", session_id=sid)
    assert set(reply.roles) == {"data_engineer", "ml_software_engineer"}


def test_a_tool_named_in_a_conversation_about_a_role(bot: CareerBot, sid: str) -> None:
    bot.ask("For data engineer, which tools are used most?", session_id=sid)
    reply = bot.ask("Postgres is in the list? I use it every day", session_id=sid)
    assert reply.intent == "ask_tools" and "Yes: the articles list PostgreSQL" in reply.text


def test_thanks_and_goodbye_are_two_parts(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("thanks, and bye!", session_id=sid)
    assert [p["intent"] for p in reply.data["parts"]] == ["thanks", "goodbye"]


def test_the_plain_ml_engineer_is_a_bare_role(bot: CareerBot, sid: str) -> None:
    bot.ask("what does an ML research engineer do?", session_id=sid)
    reply = bot.ask("and the other one, the normal ML engineer?", session_id=sid)
    assert reply.roles == ("ml_engineer",) and reply.intent == "ask_definition"


def test_what_level_is_that_one_after_postings(bot: CareerBot, sid: str) -> None:
    bot.ask("any data engineer jobs?", session_id=sid)
    reply = bot.ask("what level is that one", session_id=sid)
    assert reply.intent == "ask_salary" and "Mid-level" in reply.text
    sources = bot.ask("where did you get all this info, and what else can you do?", session_id=sid)
    assert [p["intent"] for p in sources.data["parts"]] == ["ask_sources", "help"]
