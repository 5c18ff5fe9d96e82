"""Short small-talk requests, shorthand question words, "the two" after a role named in the same
message, jobs by trade, headcounts, and what someone who has said nothing they know should learn
(issue 11, fifth pass), through the public ``CareerBot().ask``."""

from __future__ import annotations

import uuid

import pytest

from careerbot import CareerBot
from careerbot.nlu.parts import split_parts

from .conftest import DE, DSE, MLE, MLRE, MLSWE, part_intents, talk


@pytest.fixture
def sid() -> str:
    return f"fifth-{uuid.uuid4().hex}"


# -- small talk in its own words ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("could you assist me with something?", "help"),
        ("what kinds of questions can I throw at you?", "help"),
        ("what do you remember about me?", "profile"),
        ("What you remember from me?", "profile"),
        ("what roles do you actually know about?", "list_roles"),
        ("which jobs do you have info on?", "list_roles"),
        ("Signing off.", "goodbye"),
    ],
)
def test_short_small_talk_in_its_own_words(bot: CareerBot, text: str, intent: str) -> None:
    assert bot.ask(text).intent == intent


def test_thanks_and_bye_in_shorthand_is_both(bot: CareerBot) -> None:
    reply = bot.ask("ok ty cya")
    assert reply.intent == "thanks" and "welcome" in reply.text and "Goodbye" in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "would doing hackathons actually help me get in?",  # "help" as a verb
        "can you help me fix the brakes on my car",
        "Translate good night into Spanish",
        "do you remember what the MLE does?",
    ],
)
def test_a_small_talk_word_inside_another_question_is_not_small_talk(bot: CareerBot, text: str) -> None:
    assert bot.ask(text).intent not in ("help", "goodbye", "profile")


# -- parts: shorthand question words and fillers ---------------------------------------------------


def test_shorthand_question_word_after_a_comma_opens_a_question(bot: CareerBot) -> None:
    parts = split_parts("im 16 n kinda into coding, wat jobs u got")
    assert [p.kind for p in parts] == ["self", "question"]
    assert bot.ask("im 16 n kinda into coding, wat jobs u got").intent == "list_roles"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("waht degre do i need for machin lerning reserch engineer", "ask_education"),
        ("wait do i need a phd or is a bachelors enough for an MLRE", "ask_education"),
    ],
)
def test_a_filler_or_misspelt_question_word_still_asks(bot: CareerBot, text: str, intent: str) -> None:
    assert bot.ask(text).intent == intent


def test_other_people_early_in_a_sentence_are_not_the_speaker(bot: CareerBot) -> None:
    text = "Also, some students confuse ML engineers with ML software engineers. What's the difference?"
    assert split_parts(text)[0].kind != "self"
    reply = bot.ask(text)
    assert reply.intent == "compare" and set(reply.roles) == {MLE, MLSWE}
    assert "Noted" not in reply.text


# -- "the two" after a role named in the same message ----------------------------------------------


def test_the_two_pairs_the_role_named_now_with_the_one_before(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, [
        "what is a machine learning engineer?",
        "his best friend wants to do data engineering instead. what's the difference between the two?",
    ])
    assert reply.intent == "compare" and set(reply.roles) == {MLE, DE}


# -- jobs by trade and headcounts ------------------------------------------------------------------


@pytest.mark.parametrize("text", ["How do I become a dental hygienist?", "i want to be an electrician"])
def test_a_person_by_trade_is_another_job(bot: CareerBot, text: str) -> None:
    reply = bot.ask(text)
    assert reply.intent == "fallback" and "don't have information" in reply.text


def test_a_specialist_is_not_another_job(bot: CareerBot) -> None:
    reply = bot.ask("is a data engineer a specialist?")
    assert reply.roles == (DE,) and "don't have information" not in reply.text


def test_how_many_of_those_jobs_exist_is_not_covered(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what does a data science engineer do?", "And how many of those jobs even exist?"])
    assert reply.intent == "not_covered" and "don't say" in reply.text and "USD" not in reply.text


# -- what to know, from someone who has said nothing they know ------------------------------------


def test_which_languages_should_i_know_is_the_tools_answer(bot: CareerBot) -> None:
    reply = bot.ask(
        "What are the responsibilities of an ML software engineer? Also which programming languages should I know for it?"
    )
    assert part_intents(reply) == ["ask_responsibilities", "ask_tools"]
    assert "Python" in reply.text and "Skill gap" not in reply.text


def test_what_am_i_missing_is_still_a_gap(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["I know python. what am I missing for DE?"])
    assert reply.intent == "skill_gap" and "You have" in reply.text


def test_a_gap_asked_again_for_another_role_stays_a_gap(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["so what am i missing for DSE", "and for ML engineer?"])
    assert reply.intent == "skill_gap" and reply.roles == (MLE,)


def test_interesting_in_a_role_is_an_aim_not_a_job(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, [
        "Hello, I am Kenji from Japan, I work as embedded C++ programmer since 8 years.",
        "I am interesting in machine learning software engineer. What is this job exactly?",
        "My C++ is good, so what I am missing for this job?",
    ])
    assert reply.intent == "skill_gap" and reply.roles == (MLSWE,)


# -- keywords read like retrieval words ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intent", "roles"),
    [
        ("is the ml software engineer thing still on the way up or has that ship sailed", "ask_outlook", (MLSWE,)),
        ("how would somebody wiggle their way into data engineering without knowing anyone", "ask_getting_started", (DE,)),
        ("What does a data engineer do to keep the quality of data up?", "ask_responsibilities", (DE,)),
        ("are ML software engineering teams mostly men or is it more balanced these days?", "not_covered", (MLSWE,)),
        ("Is there a lot of business travel involved for data science engineers?", "not_covered", (DSE,)),
        ("are your answers sourced from somewhere?", "ask_sources", ()),
        ("what would an MLRE need to study?", "ask_education", (MLRE,)),
    ],
)
def test_wordings_from_fresh_sets(bot: CareerBot, text: str, intent: str, roles: tuple[str, ...]) -> None:
    reply = bot.ask(text)
    assert reply.intent == intent and reply.roles == roles


# -- numbered lists, chat fillers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intents"),
    [
        ("(1) what do ML engineers usually study at uni (2) what's the job outlook for them", ["ask_education", "ask_outlook"]),
        ("three quick ones about MLEs: 1) what skills 2) what degrees 3) is demand growing",
         ["ask_skills", "ask_education", "ask_outlook"]),
    ],
)
def test_numbered_lists_after_a_lead_in_or_in_brackets(bot: CareerBot, text: str, intents: list[str]) -> None:
    reply = bot.ask(text)
    assert part_intents(reply) == intents and reply.roles == (MLE,)


def test_a_number_in_brackets_is_no_list() -> None:
    parts = split_parts("I have twins (age 4) and a job. what does a DE do?")
    assert [p.kind for p in parts] == ["self", "question"]


def test_same_q_in_chat_shorthand_keeps_the_topic(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["wait wats an MLE even", "do u need college for dat", "bruh ok wat bout DEs tho same q"])
    assert reply.intent == "ask_education" and reply.roles == (DE,)


def test_r_before_you_is_not_the_r_language(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what tools does an MLE use?", "wat r u even lol wat can u do"])
    assert "The articles list R" not in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "um, sorry to bother you, but what exactly are you able to help me with?",
        "ok robot, how do i use you",
    ],
)
def test_polite_or_odd_help_requests(bot: CareerBot, text: str) -> None:
    assert bot.ask(text).intent == "help"


# -- a specific question across roles; a role's own job is not its openings ------------------------


def test_a_specific_question_across_roles_names_the_roles_whose_articles_say_it(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["do any of these roles work on natural language processing?"])
    assert reply.roles == (MLE,) and "natural language processing" in reply.text
    assert "say nothing like it about Data Engineers" in reply.text
    assert reply.data["kind"] == "points_across" and reply.data["silent"]
    # ... and the conversation goes on with the role that has it.
    assert talk(bot, sid, ["what degree do they need?"]).roles == (MLE,)


def test_one_word_in_common_is_no_answer_across_roles(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["DE vs MLE", "Does MATLAB show up in either of their tool lists?"])
    assert "shows your skills" not in reply.text


@pytest.mark.parametrize(
    "text", ["Give me the data engineer job in one paragraph.", "what's the data science engineer's job in plain words"]
)
def test_the_role_s_job_is_the_role_not_its_openings(bot: CareerBot, text: str) -> None:
    reply = bot.ask(text)
    assert reply.intent == "ask_definition" and "posting" not in reply.text


def test_a_role_s_job_in_a_place_is_still_openings(bot: CareerBot) -> None:
    assert bot.ask("any data engineer job in Berlin?").intent == "ask_salary"


def test_x_or_y_for_me_recommends_among_them(bot: CareerBot) -> None:
    reply = bot.ask(
        "I'd rather write solid production code than run experiments all day - ML software engineer or ML research engineer for me?"
    )
    # the answer weighs the two named, the better fit first
    assert reply.intent == "recommend_role" and reply.roles == (MLSWE, MLRE)


def test_an_introduction_without_i_and_nothing_noted_is_an_introduction(bot: CareerBot) -> None:
    reply = bot.ask("CTO at a 10-person fintech startup here. we're about to make our first data hire.")
    assert reply.intent == "greet"
    assert bot.ask("I will decide later").intent == "fallback"


# -- what the person says they lack; context before a question -------------------------------------


@pytest.mark.parametrize(
    ("text", "known", "not_known"),
    [
        ("I have never worked with a data warehouse", [], ["Data warehousing"]),
        ("I have never used Docker or worked with Spark", [], ["Docker", "Apache Spark"]),
        ("I have never used Docker but I know Spark", ["Apache Spark"], ["Docker"]),
        ("I'm comfortable with Git, but I have never deployed a model to production or worked with a real data warehouse.",
         ["Git"], ["Data warehousing"]),
    ],
)
def test_a_negation_reaches_to_the_end_of_its_clause(
    bot: CareerBot, sid: str, text: str, known: list[str], not_known: list[str]
) -> None:
    talk(bot, sid, [text])
    profile = bot.ask("what do you know about me?", session_id=sid).data["profile"]
    assert sorted(profile["known"]) == sorted(known) and sorted(profile["not_known"]) == sorted(not_known)


def test_let_me_give_you_context_is_about_the_person(bot: CareerBot) -> None:
    reply = bot.ask(
        "Hello, let me give you some context before I ask anything. I studied physics, then spent three years "
        "writing C++ simulation code. I'm comfortable with Git and Linux."
    )
    assert reply.intent == "greet" and "C++" in reply.text


def test_my_own_kaggle_work_does_not_make_a_gap_question_uncovered(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["whats the diff between an MLE and an ML research engineer", "do i need a degree for the first one?",
                            "what am i missing for it with my kaggle stuff"])
    assert reply.intent == "skill_gap" and reply.roles == (MLE,)


def test_both_of_them_wins_over_the_job(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["DE tools?", "and for MLSWE?", "what's the job outlook for both of them"])
    assert reply.intent == "ask_outlook" and set(reply.roles) == {DE, MLSWE}


def test_the_closest_role_to_what_i_do_is_a_recommendation(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["cloud engineer here, 6 yrs AWS, terraform, k8s, docker, some python",
                            "what's the closest of these roles to what I already do?"])
    assert reply.intent == "recommend_role"


def test_a_kept_answer_is_not_shared_between_replies(bot: CareerBot) -> None:
    # Topic answers are rendered once and kept; an app changing one reply's data changes no other.
    first = bot.ask("what tools does a data engineer use?", session_id="keep-a")
    first.data.clear()  # type: ignore[attr-defined]
    second = bot.ask("what tools does a data engineer use?", session_id="keep-b")
    assert second.data and second.text == first.text


def test_the_latter_and_the_former(bot: CareerBot, sid: str) -> None:
    talk(bot, sid, ["DE vs MLE"])
    assert talk(bot, sid, ["who do the latter work with?"]).roles == (MLE,)
    assert talk(bot, sid, ["and the former?"]).roles == (DE,)


def test_jobs_in_ten_years_is_the_outlook(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what does an ml research engineer do?", "Will there still be jobs in ten years' time?"])
    assert reply.intent == "ask_outlook" and reply.roles == (MLRE,)


def test_a_greeting_then_who_they_are_is_an_introduction(bot: CareerBot) -> None:
    reply = bot.ask("Afternoon. Hank, 20 years USAF, flew C-130s, now retired and looking for a second career. "
                    "Some Python from a night class.")
    assert reply.intent == "greet" and "Python" in reply.text


@pytest.mark.parametrize(
    "text",
    ["Is age a problem? I'm 46.", "Could their jobs be automated too, eventually?", "Must I speak perfect English in this job?"],
)
def test_more_things_the_articles_do_not_say(bot: CareerBot, sid: str, text: str) -> None:
    reply = talk(bot, sid, ["what does a data science engineer do?", text])
    assert reply.intent == "not_covered" and "don't say" in reply.text


def test_sorry_for_my_english_is_no_question_of_its_own(bot: CareerBot) -> None:
    assert bot.ask("what is data engineer exactly? sorry for my english").intent == "ask_definition"


def test_which_cloud_platforms_should_i_know_is_not_a_cloud_skill_had(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["are certifications useful for data engineering? and which cloud platforms should I know"])
    assert part_intents(reply) == ["ask_education", "ask_tools"] and "You have" not in reply.text


def test_the_second_one_after_a_choice_between_named_roles_is_the_second_named(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, [
        "Hi. Omar here, supply-chain analyst at a logistics firm. Daily work is SQL queries, Tableau dashboards and a lot of Excel.",
        "Between a data engineer and a data science engineer, which fits me better?",
        "what's the actual difference between the two?",
        "What tools does the second one use?",
    ])
    assert reply.intent == "ask_tools" and reply.roles == (DSE,)


def test_that_or_a_named_role_for_me_chooses_between_the_two(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["Hi, I'm Tomás, an agronomist. I analyse crop yield data in R and do some GIS mapping.",
                            "what does a DSE do exactly?", "so which fits me better, that or ML engineer?"])
    assert reply.intent == "recommend_role" and reply.roles[0] in (DSE, MLE)
    assert "compared the roles you named" in reply.text


def test_which_is_cooler_compares_the_pair(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["wut does a data enginer even do", "ok n the ml enginer", "wich is cooler tbh"])
    assert reply.intent == "compare" and set(reply.roles) == {DE, MLE}


def test_a_choice_between_two_with_nothing_known_asks_and_compares(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what does a DSE do exactly?", "so which fits me better, that or ML engineer?"])
    assert reply.intent == "recommend_role" and set(reply.roles) == {DSE, MLE}
    assert "tell me what you enjoy" in reply.text and "compared" in reply.text


@pytest.mark.parametrize(
    ("text", "role"),
    [("How about the ML research folks, do they do autonomous aircraft?", MLRE),
     ("is there going to be much hiring for ML software folks in the next few years?", MLSWE)],
)
def test_the_research_folks_is_the_research_engineer(bot: CareerBot, sid: str, text: str, role: str) -> None:
    assert talk(bot, sid, ["what does a data engineer do?", text]).roles == (role,)


def test_a_job_noun_opening_a_sentence_introduces(bot: CareerBot) -> None:
    reply = bot.ask("quant trader at a prop shop. C++, python, stochastic calc. bored of markets")
    assert reply.intent == "greet" and "C++" in reply.text


def test_same_question_after_forgetting_asks_the_last_question_again(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what am I missing to become a DSE?", "forget what I told you",
                            "ok fresh start: I only know Excel. same question"])
    assert reply.intent == "skill_gap" and reply.roles == (DSE,)
    assert talk(bot, sid, ["same question"]).intent == "skill_gap"


def test_a_plan_asked_for_in_its_own_words_beside_who_they_are(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["roadmap for MLE please, I'm starting from zero"])
    assert reply.intent == "learning_path" and reply.roles == (MLE,)


def test_which_data_warehouses_is_a_tools_question(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["Which data warehouses do data science engineers work with?"])
    assert reply.intent == "ask_tools" and "Redshift" in reply.text


def test_how_about_a_role_instead_then_its_difference_is_one_comparison(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what does a data engineer do?",
                            "How about a DSE instead - how is that role different from a data engineer?"])
    assert reply.intent == "compare" and set(reply.roles) == {DSE, DE} and reply.data["kind"] != "parts"


def test_the_two_of_them_work_with_and_the_going_rate(bot: CareerBot, sid: str) -> None:
    talk(bot, sid, ["DE vs MLE"])
    assert talk(bot, sid, ["who would the two of them work with day to day"]).intent == "ask_works_with"
    assert talk(bot, sid, ["what's the going rate for a data engineer, roughly"]).intent == "ask_salary"


def test_a_need_the_articles_never_speak_of_says_so_before_the_list(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["does a DSE need to be good at public speaking?"])
    assert reply.intent == "ask_skills" and reply.text.startswith("The articles don't say whether Data Science Engineers need")
    # ... but a need they do list is a yes.
    assert talk(bot, sid, ["do MLREs need strong math skills?"]).text.startswith("Yes")


@pytest.mark.parametrize(
    ("text", "intent", "role"),
    [
        ("what apps and libraries would a DSE have open on their laptop all day", "ask_tools", DSE),
        ("which corners of the economy are hungry for data science engineers right now?", "ask_industries", DSE),
        ("will ML software engineering still be a safe bet a decade from now?", "ask_outlook", MLSWE),
        ("is the DSE pie getting bigger or smaller", "ask_outlook", DSE),
        ("what kind of cash are data engineers bringing home these days?", "ask_salary", DE),
        ("what lands on an ML SWE's plate from the moment they log on", "ask_responsibilities", MLSWE),
        ("break down ML research engineering for me, I've never worked in tech", "ask_definition", MLRE),
    ],
)
def test_idioms_for_a_topic(bot: CareerBot, sid: str, text: str, intent: str, role: str) -> None:
    reply = talk(bot, sid, [text])
    assert reply.intent == intent and reply.roles == (role,)


def test_same_deal_there_keeps_the_topic_for_the_role_named(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what degree does an ML research engineer need?", "ok and ML software engineer, same deal there?"])
    assert reply.intent == "ask_education" and reply.roles == (MLSWE,)


def test_curious_what_after_an_introduction_asks(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["hiya, sam here, ex-game dev (C++ mostly), curious what ML software engineers actually do"])
    assert reply.intent == "ask_definition" and reply.roles == (MLSWE,) and "C++" in reply.text


def test_one_role_similar_to_something_else_is_what_the_role_is(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what is data engineer doing exactly, it is similar like backend?"])
    assert reply.intent == "ask_definition" and reply.roles == (DE,)
    # ... and the conversation stays with that one role.
    assert talk(bot, sid, ["ok, which tools they are using?"]).roles == (DE,)


def test_a_need_in_a_longer_message_is_no_silence(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what does a data engineer do?",
                            "do I need a degree for it, and is it a job I could do from France for an American company?"])
    assert "don't say whether Data Engineers need that" not in reply.text


def test_a_short_topic_follow_up_with_one_unknown_word_is_the_topic(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what does an ML software engineer do?", "which frameworks specifically"])
    assert reply.intent == "ask_tools" and reply.roles == (MLSWE,)
