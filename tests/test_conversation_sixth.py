"""Thanks for the help, follow-ups in new words ("now do DSEs", "the pair of them", "the equivalent
list for ..."), discourse markers, posting aspects and plain-words keywords (issue 11, sixth pass),
through the public ``CareerBot().ask``."""

from __future__ import annotations

import uuid

import pytest

from careerbot import CareerBot
from careerbot.nlu.parts import split_parts

from .conftest import DE, DSE, MLE, MLRE, MLSWE, part_intents, talk


@pytest.fixture
def sid() -> str:
    return f"sixth-{uuid.uuid4().hex}"


# -- small talk -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("cheers for the help", "thanks"),
        ("thx a ton, this helped heaps", "thanks"),
        ("thanks, what else can you help with?", "help"),  # a request after the thanks
        ("alright, that's all for today, have a good one", "goodbye"),
    ],
)
def test_help_thanked_for_is_thanks(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert bot.ask(text, session_id=sid).intent == intent


# -- follow-ups in new words ------------------------------------------------------------------------


def test_now_do_a_role_repeats_the_last_question(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what sectors hire ML software engineers?", "now do DSEs"])
    assert reply.intent == "ask_industries" and reply.roles == (DSE,)


def test_what_do_they_do_is_not_a_repeat(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what skills does an ML engineer need?", "what do DSEs do?"])
    assert reply.intent == "ask_definition" and reply.roles == (DSE,)


@pytest.mark.parametrize(
    ("first", "then", "intent", "roles"),
    [
        ("what skills does an ML engineer need?", "how about the research flavour of that job?", "ask_skills", (MLRE,)),
        ("Which sectors employ ML research engineers?", "And the equivalent list for machine learning engineers?",
         "ask_industries", (MLE,)),
    ],
)
def test_a_role_with_words_that_only_point_back_keeps_the_topic(
    bot: CareerBot, sid: str, first: str, then: str, intent: str, roles: tuple[str, ...]
) -> None:
    reply = talk(bot, sid, [first, then])
    assert reply.intent == intent and reply.roles == roles


def test_the_pair_of_them_is_both(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, [
        "who do MLEs usually team up with?", "and ML research engineers?",
        "the pair of them, what do they typically study?",
    ])
    assert reply.intent == "ask_education" and set(reply.roles) == {MLE, MLRE}


def test_that_one_in_an_office_asks_about_the_posting_shown(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["And what do DEs get paid? Any actual postings?", "does that one need you in an office?"])
    assert reply.intent == "ask_salary" and "Remote" in reply.text


# -- parts and markers ----------------------------------------------------------------------------------


def test_and_then_say_what_is_a_second_question(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("Could you define what a machine learning engineer is, and then say what they usually studied?", session_id=sid)
    assert part_intents(reply) == ["ask_definition", "ask_education"]


def test_switching_topic_is_no_career_switch(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, [
        "hi, I'm a DevOps engineer", "switching topic, what do data engineers use to run their pipelines?",
    ])
    assert reply.intent == "ask_tools" and reply.roles == (DE,)


# -- wordings ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intent", "roles"),
    [
        ("What tech should I screen DE candidates for?", "ask_tools", (DE,)),
        ("do i actually need uni for ML engineer or can i skip it", "ask_education", (MLE,)),
        ("What range should I offer a mid-level data engineer?", "ask_salary", (DE,)),
        ("is ML software engineering a sinking ship or is the tide still rising?", "ask_outlook", (MLSWE,)),
        ("sir what is the scope of MLE in coming years", "ask_outlook", (MLE,)),
        ("who's in the trenches with a DSE on a normal workday?", "ask_works_with", (DSE,)),
        ("what do ML SWEs spend their working hours wrestling with?", "ask_responsibilities", (MLSWE,)),
        ("what about ML software engineers, where do they get hired?", "ask_industries", (MLSWE,)),
    ],
)
def test_topic_in_other_words(bot: CareerBot, sid: str, text: str, intent: str, roles: tuple[str, ...]) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == intent and reply.roles == roles


def test_what_to_add_to_my_skillset_is_a_gap(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["I know SQL and Excel", "what would i have to add to my skillset to become a DSE?"])
    assert reply.intent == "skill_gap" and reply.roles == (DSE,)


@pytest.mark.parametrize(
    "text",
    [
        "Would an employer usually pay for my certifications?",
        "in general do ML SWE teams let people go fully remote?",
        "how is the work culture for data engineers, the teams are relaxed?",
        "how many bootcamp grads actually land these jobs?",
    ],
)
def test_what_the_articles_do_not_say(bot: CareerBot, sid: str, text: str) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "not_covered" and "don't say" in reply.text


def test_high_school_is_no_evidence_for_a_role(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, [
        "Hi there! I'm Linda. I taught high school math for 15 years.",
        "What would fit someone who loves statistics and explaining charts to people?",
    ])
    assert reply.intent == "recommend_role" and "high" not in reply.text.split("the best fit")[0]


# -- second round: relative clauses, role names said again, "same" tails, "de", introductions ------


@pytest.mark.parametrize(
    "text",
    [
        "I'm 29, working in IT support, and thinking of a part-time master's, which would cost me a lot of money. "
        "Is demand for data engineers actually expected to grow?",
        "I've been automating my reports with python scripts, which honestly is the part of the job I enjoy most. "
        "Is demand for data engineers actually growing, or is that just hype?",
    ],
)
def test_a_relative_clause_is_no_question(bot: CareerBot, sid: str, text: str) -> None:
    reply = bot.ask(text, session_id=sid)
    assert part_intents(reply) == ["ask_outlook"] and reply.roles == (DE,)


def test_which_would_you_is_still_a_question() -> None:
    parts = split_parts("I know SQL and Python, which would you pick for me?")
    assert [p.kind for p in parts] == ["self", "question"]


def test_the_role_name_said_again_keeps_the_topic(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what do ML research engineers need to study", "what about the software engineering flavour, ML SWE?"])
    assert reply.intent == "ask_education" and reply.roles == (MLSWE,)


def test_a_learning_path_for_the_software_one_is_a_path(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what do MLEs earn?", "ok give me a learning path for the ML software one then"])
    assert reply.intent == "learning_path" and reply.roles == (MLSWE,)


def test_is_it_the_same_after_a_role_repeats_the_question(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, [
        "what would she need to study in college to be a machine learning engineer",
        "and the data science engineer, is it the same?",
    ])
    assert reply.intent == "ask_education" and reply.roles == (DSE,)


def test_remote_ones_after_another_topic_are_postings(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["WHAT TOOLS DE USE", "R THERE REMOTE 1S"])
    assert reply.intent == "ask_salary" and "Remote" in reply.text


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("empresas de telecom hire DSE?", (DSE,)),
        ("what tools does a de use", (DE,)),  # no capitals: "de" is the role
        ("DE vs DSE, which de job pays more", (DE, DSE)),
    ],
)
def test_lower_case_de_beside_capitals_is_a_word(bot: CareerBot, sid: str, text: str, roles: tuple[str, ...]) -> None:
    assert set(bot.ask(text, session_id=sid).roles) == set(roles)


@pytest.mark.parametrize(
    "text",
    [
        "Senior SRE, 15 yrs, Kubernetes and Terraform all day. Let's see if you're any use.",
        "olá! sou João, do Brasil, trabalho com análise de dados em Python e SQL",
    ],
)
def test_introductions_without_i(bot: CareerBot, sid: str, text: str) -> None:
    assert bot.ask(text, session_id=sid).intent == "greet"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("where are you getting these answers from?", "ask_sources"),
        ("Where's your data from? Random blog posts?", "ask_sources"),
        ("what jobs like that do you know about", "list_roles"),
        ("is possible work for american company from Brazil as DSE?", "not_covered"),
    ],
)
def test_more_wordings(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert bot.ask(text, session_id=sid).intent == intent


# -- third round -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Might you kindly explain what you are able to assist me with?", "help"),
        ("wat r u even lol wat can u do", "help"),
        ("can you help me fix the brakes on my car", "fallback"),  # help with their own task
        ("list the jobs u cover", "list_roles"),
        ("Which careers, precisely, are you acquainted with?", "list_roles"),
        ("btw do you know if pharmacy informatics is a real career path?", "fallback"),
        ("goodnight", "goodbye"),
        ("where are you even getting this", "ask_sources"),
        ("is there a manager-type posting among the featured jobs?", "ask_salary"),
        ("got any pointers for becoming a data engineer from scratch", "ask_getting_started"),
        ("are data engineers usually in a union?", "not_covered"),
    ],
)
def test_third_round_wordings(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert bot.ask(text, session_id=sid).intent == intent


def test_what_is_a_role_after_another_topic_is_its_definition(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what tools do DEs use", "what about DSEs?", "what's a MLE"])
    assert reply.intent == "ask_definition" and reply.roles == (MLE,)


def test_a_marker_of_a_new_question_is_no_part(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, [
        "and for charts, is tableau a thing for DSEs?",
        "different q: what's a data engineer, and who do they work with?",
    ])
    assert part_intents(reply) == ["ask_definition", "ask_works_with"] and reply.roles == (DE,)


@pytest.mark.parametrize(
    "text",
    [
        "Hello sir, myself Arjun from Pune, working as software tester since 4 years, manual plus some selenium",
        "hey, Chloe, first-year MBA, came from strategy consulting",
        "hello, I do Kaggle comps on weekends (expert tier), day job is accounts payable",
    ],
)
def test_more_introductions(bot: CareerBot, sid: str, text: str) -> None:
    assert bot.ask(text, session_id=sid).intent == "greet"


def test_a_thing_named_in_the_singular(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("are ML SWEs hired at autonomous vehicle companies?", session_id=sid)
    assert reply.intent == "ask_industries" and reply.text.startswith("Yes")


# -- fourth round --------------------------------------------------------------------------------


def test_tell_me_about_a_role_and_how_to_start_is_two_questions(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("tell me about the data science engineer then, and how I'd get started", session_id=sid)
    assert part_intents(reply) == ["ask_definition", "ask_getting_started"]


def test_tell_me_about_a_role_then_its_duties_is_one_question(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("Tell me about the data engineer then. What are the main duties?", session_id=sid)
    assert reply.intent == "ask_responsibilities" and reply.roles == (DE,)


def test_a_yes_no_tail_is_a_second_question(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["my son wants to be a data engineer", "Should he be doing internships, and are any listed?"])
    assert part_intents(reply) == ["ask_getting_started", "ask_salary"]


def test_least_of_something_is_what_they_would_avoid(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("which one's least math heavy for a guy like me", session_id=sid)
    assert reply.intent == "recommend_role" and MLRE not in reply.roles and "avoid" in reply.text


def test_a_sentence_listing_skills_tells_what_they_have(bot: CareerBot, sid: str) -> None:
    first = talk(bot, sid, ["hi. finishing a PhD in computational neuroscience. lots of python, some pytorch, a ton of stats"])
    assert first.intent == "greet" and all(w in first.text for w in ("Python", "PyTorch", "Statistics"))
    reply = bot.ask("ML research engineer seems like the natural fit for me, agree?", session_id=sid)
    assert reply.intent == "recommend_role" and reply.roles[:1] == (MLRE,)
    gap = bot.ask("what am I likely missing for that path", session_id=sid)
    assert gap.intent == "skill_gap" and gap.roles == (MLRE,)


@pytest.mark.parametrize("text", ["Spark vs Hadoop", "python and sql for DE"])
def test_things_weighed_or_asked_about_are_no_introduction(bot: CareerBot, sid: str, text: str) -> None:
    assert bot.ask(text, session_id=sid).intent != "greet"


def test_the_last_one_with_a_role_is_the_last_question(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what tools do DSEs use", "last one, ML software engineers?"])
    assert reply.intent == "ask_tools" and reply.roles == (MLSWE,)


def test_better_than_between_two_roles_compares(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("Would an ML engineer be a better first hire than a DE? Our data is a mess right now.", session_id=sid)
    assert reply.intent == "compare" and set(reply.roles) == {MLE, DE}


def test_which_programs_to_learn_is_the_roles_tools(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, [
        "I'm a statistician", "what does a data science engineer do",
        "and which programs I must to learn? I know R only a little",
    ])
    assert reply.intent == "ask_tools" and reply.roles == (DSE,) and "Tableau" in reply.text


def test_a_role_named_software_engineer_is_no_kind_of_tool(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["I know Python and SQL", "what would I need to add to become an ML software engineer?"])
    assert reply.intent == "skill_gap" and reply.roles == (MLSWE,)


# -- fifth round (long24, long25) --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("what programs the ML research engineer is use in his job?", "ask_tools"),
        ("what separates an ML engineer from an ML research engineer?", "compare"),
        ("What are you basing all this on, by the way?", "ask_sources"),
        ("what do you have on me so far?", "profile"),
        ("please wipe whatever I told you earlier", "profile"),
        ("Would you be so kind as to recount what you have learned of me thus far?", "profile"),
        ("Which university degree is good for this job?", "ask_education"),
        ("Would he get a good pension with these jobs?", "not_covered"),
        ("how big is the average data engineering team at a mid-size company?", "not_covered"),
        ("useless. what can u even do", "help"),
        ("DE. tools", "ask_tools"),
        ("I bid you good evening.", "goodbye"),
        ("can you recommend a good pizza place while you're at it", "fallback"),
        ("ok switching gears, what do ML engineers need to know?", "ask_skills"),
        ("What abilities separate a competent data engineer from the rest?", "ask_skills"),
    ],
)
def test_fifth_round_wordings(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert bot.ask(text, session_id=sid).intent == intent


def test_fragments_naming_two_topics_stay_two_questions(bot: CareerBot, sid: str) -> None:
    assert part_intents(bot.ask("mle skills. mle education.", session_id=sid)) == ["ask_skills", "ask_education"]


def test_a_place_opening_the_question_is_a_place(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("In Japan, data engineer salary is how much?", session_id=sid)
    assert reply.intent == "ask_salary" and "don't say" in reply.text and "Japan" in reply.text


@pytest.mark.parametrize(
    ("first", "then", "roles"),
    [
        ("what does a data engineer do", "is that the same thing as a machine learning engineer", (DE, MLE)),
        ("what does an ML engineer do", "wow, riveting. and an ML SWE is what, the same thing with a fancier title?", (MLE, MLSWE)),
        ("what does a data engineer do", "And Machine Learning Software Engineer, it is more difficult than data engineer?", (MLSWE, DE)),
    ],
)
def test_the_same_thing_as_another_role_compares(
    bot: CareerBot, sid: str, first: str, then: str, roles: tuple[str, ...]
) -> None:
    reply = talk(bot, sid, [first, then])
    assert reply.intent == "compare" and set(reply.roles) == set(roles)


def test_the_plain_role_then_a_topic_after_a_roadmap(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, [
        "roadmap please for the ML research engineer role", "what about the plain ML engineer, how's the outlook there",
    ])
    assert reply.intent == "ask_outlook" and reply.roles == (MLE,)


@pytest.mark.parametrize(
    "text",
    [
        "hi, I'm Priya, 5 years as a backend dev in Java and SQL, what am I missing for ML engineering?",
        "C++ and C# and `quoted`, byeeee\tthx\x00x __init__ a_b don't it's 100k",
        "", "   ", "DE. tools",
    ],
)
def test_ascii_text_is_tokenised_like_any_other(text: str) -> None:
    from careerbot.nlu.normalize import tokenize

    # a non-ASCII word at the end takes the general path; the words before it are the same
    assert tokenize(text + " é") == [*tokenize(text), "é"]


# -- sixth round (long26, long27) --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("good evening, hope you're doing alright", "greet"),
        ("translate hello into spanish", "fallback"),
        ("alright I'm heading off, see ya", "goodbye"),
        ("Translate good night into Spanish", "fallback"),
        ("what's on the menu career-wise?", "list_roles"),
        ("Good morning. I'm Ingrid, a quality auditor; I'd appreciate precise answers.", "greet"),
        ("xin chao, I am Linh from Da Nang, I study information technology in university, final year", "greet"),
        ("got a good recipe for banana bread", "fallback"),
        ("Which version control systems are named for ML engineers?", "ask_tools"),
        ("what's the deal with ML engineers, what do they actually do", "ask_definition"),
        ("is it a fun job tho? like do people enjoy it", "not_covered"),
        ("just pick for me: I like SQL, dashboards and a bit of python", "recommend_role"),
        ("wait what did I say I liked again?", "profile"),
    ],
)
def test_sixth_round_wordings(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert bot.ask(text, session_id=sid).intent == intent


@pytest.mark.parametrize("text", ["waht skils does a dat enginer need", "what skills does a dta engineer need"])
def test_a_role_name_typed_one_edit_off(bot: CareerBot, sid: str, text: str) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "ask_skills" and reply.roles == (DE,)


def test_help_as_a_verb_of_another_question(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what does a DSE do", "do bootcamps actually help for getting in?"])
    assert reply.intent == "ask_getting_started" and reply.roles == (DSE,)


def test_same_thing_after_what_about_a_role_is_the_last_question(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what sectors hire MLSWEs", "what about data science engineers, same thing?"])
    assert reply.intent == "ask_industries" and reply.roles == (DSE,)


def test_between_two_jobs_is_the_pair(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what do data engineers do", "and ML engineers?", "what is different between two job? i confuse"])
    assert reply.intent == "compare" and set(reply.roles) == {DE, MLE}


def test_ml_research_roles_name_the_role_not_the_field(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["Which industries hire MLREs - is finance among them?", "Is the outlook good for ML research roles?"])
    assert reply.intent == "ask_outlook" and reply.roles == (MLRE,)


def test_a_yes_no_question_after_also_is_a_part(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what does a data engineer do", "ok and what degree, also is it growing?"])
    assert part_intents(reply) == ["ask_education", "ask_outlook"]


def test_the_first_one_listed_after_the_list_of_roles(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["can you list the roles you've got info on?", "tell me more about the first one you listed"])
    assert reply.intent == "ask_definition" and reply.roles == (DE,)


def test_the_first_of_the_two_roles(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["compare DE and MLRE", "going back to that comparison, which industries hire the first of the two roles?"])
    assert reply.intent == "ask_industries" and reply.roles == (DE,)


def test_an_adverb_before_the_second_question(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("Which industries employ data engineers, and roughly what do they get paid?", session_id=sid)
    assert part_intents(reply) == ["ask_industries", "ask_salary"]


def test_what_is_a_role_then_after_another_topic(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, [
        "Which sectors would take an ML research engineer on?",
        "Her brother likes computers but not maths so much. What's a data engineer then?",
    ])
    assert reply.intent == "ask_definition" and reply.roles == (DE,)


def test_a_plan_is_not_something_had(bot: CareerBot, sid: str) -> None:
    reply = bot.ask("I'm 29, working in IT support, and thinking of retraining into data engineering through a part-time master's.", session_id=sid)
    assert "Master" not in reply.text.split("\n")[0]


# -- seventh round (long29, long30) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Thanks, that's a good overview.", "thanks"),
        ("Where did you get all this, by the way?", "ask_sources"),
        ("ok. DSE, one line", "ask_definition"),
        ("what does the ML SWE toolchain look like", "ask_tools"),
        ("do MLSWEs tend to change employer every couple of years?", "not_covered"),
    ],
)
def test_seventh_round_wordings(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert bot.ask(text, session_id=sid).intent == intent


def test_a_comparative_against_another_role_compares(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what does an ML research engineer do", "is it cooler than being a ML software engineer"])
    assert reply.intent == "compare" and set(reply.roles) == {MLRE, MLSWE}


def test_an_amount_of_pay_asks_about_pay(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["which jobs do u know", "do any of them pay like 100k"])
    assert reply.intent == "ask_salary"


def test_the_weather_in_a_conversation_is_out_of_scope(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what frameworks do MLEs use?", "whats the weather gonna be tomorrow lol my station is offline"])
    assert reply.intent == "fallback"


def test_an_aside_answered_by_small_talk_keeps_the_role(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, [
        "what does a DSE do?", "where's all this from btw", "what's the work culture like, is it creative at all?",
    ])
    assert reply.intent == "not_covered" and reply.roles == (DSE,)


def test_another_career_is_not_the_list_of_roles(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what does a DSE do?", "Can you tell me about nursing careers too, like becoming a nurse practitioner?"])
    assert reply.intent == "fallback"


@pytest.mark.parametrize(("text", "intent"), [("HOW MUCH $$ DE", "ask_salary"), ("how much math does a DE need", "ask_skills")])
def test_a_bare_how_much_about_a_role_is_its_pay(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert bot.ask(text, session_id=sid).intent == intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("do MLEs touch Kubernetes at all?", "ask_tools"),
        ("why would someone pick ML engineering instead of data engineering?", "compare"),
        ("do data engineers get 4-day work weeks?", "not_covered"),
    ],
)
def test_last_round_wordings(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert bot.ask(text, session_id=sid).intent == intent
