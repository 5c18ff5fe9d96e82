"""Follow-ups that compare with the role before, references to the pair or the last role, jobs in
places no posting is in, languages named among skills, introductions without "I" (issue 11,
fourth pass), through the public ``CareerBot().ask``."""

from __future__ import annotations

import uuid

import pytest

from careerbot import CareerBot
from careerbot.nlu.parts import split_parts

from .conftest import DE, DSE, MLE, MLRE, MLSWE, part_intents, talk


@pytest.fixture
def sid() -> str:
    return f"fourth-{uuid.uuid4().hex}"


# -- a role, then "how is it different": compared with the role before ---------------------------


@pytest.mark.parametrize(
    ("first", "then", "pair"),
    [
        ("what make a data engineer in the day?", "and the machine learning research engineer, is very different from this?", (DE, MLRE)),
        ("what would an ML engineer study?", "And the research engineer version of it, what's the difference?", (MLE, MLRE)),
    ],
)
def test_a_role_then_its_difference_compares_it_with_the_role_before(
    bot: CareerBot, sid: str, first: str, then: str, pair: tuple[str, str]
) -> None:
    reply = talk(bot, sid, [first, then])
    assert reply.intent == "compare" and reply.roles == pair
    # ... and "the second one" is the role turned to.
    assert talk(bot, sid, ["which studies need the second one?"]).roles == (pair[1],)


def test_that_one_after_two_roles_is_the_one_talked_about_last(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what would an ML engineer study?", "And the research engineer version of it, what's the difference?",
                            "Does that one need a doctorate?"])
    assert reply.intent == "ask_education" and reply.roles == (MLRE,)


def test_the_2_is_the_pair(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["wat does a mle do", "same 4 ml swe", "whats diff between the 2"])
    assert reply.intent == "compare" and set(reply.roles) == {MLE, MLSWE}


def test_the_ml_engineer_ones_then_a_question_is_one_question(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["whats a data engineer fr", "ok and the ML engineer ones, what do they do all day"])
    assert reply.intent == "ask_responsibilities" and reply.roles == (MLE,)


def test_the_software_one_is_read_with_the_role_named(bot: CareerBot, sid: str) -> None:
    # "software" is a tools keyword, but here it names the ML Software Engineer.
    reply = talk(bot, sid, ["what does the software one do?"])
    assert reply.intent == "ask_definition" and reply.roles == (MLSWE,)


# -- questions across the roles -------------------------------------------------------------------


def test_do_any_of_these_roles_use_a_tool(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["do any of these roles use C++?"])
    assert reply.intent == "ask_tools" and set(reply.roles) == {MLE, MLSWE}
    # ... but "any diversity stats" names no roles to ask across.
    other = talk(bot, sid, ["do you have any diversity stats, like what share of these engineers are women?"])
    assert other.intent != "ask_skills"


# -- parts --------------------------------------------------------------------------------------


def test_then_opens_a_part_that_asks(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["Tell me what a machine learning engineer does. Then tell me how to get started."])
    assert part_intents(reply) == ["ask_definition", "ask_getting_started"]


def test_three_words_after_a_plus_are_a_part() -> None:
    parts = split_parts("ok and what kind of companies hire DSEs + is demand growing")
    assert [p.text for p in parts] == ["ok and what kind of companies hire DSEs", "is demand growing"]


# -- postings in a place no posting is in -----------------------------------------------------------


@pytest.mark.parametrize("text", ["there is jobs for this in Kenya?", "are there data engineer openings in India right now?"])
def test_jobs_in_a_place_without_postings_say_the_articles_dont_say(bot: CareerBot, sid: str, text: str) -> None:
    reply = talk(bot, sid, ["what does a data engineer do?", text])
    assert reply.intent == "ask_salary"
    assert reply.text.startswith("The articles don't say anything about jobs in ")


def test_a_place_with_other_postings_is_not_said_to_be_silent(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["any internships in Berlin?"])
    assert "don't say" not in reply.text.split("\n")[0]


# -- tools and skills ---------------------------------------------------------------------------------


def test_a_tools_answer_names_the_languages_its_skills_name(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what are a DSE's responsibilities and which programming languages do they use"])
    assert part_intents(reply) == ["ask_responsibilities", "ask_tools"]
    assert "Languages named among its skills: Python, R" in reply.text
    assert "The articles list Programming" not in reply.text  # "programming languages" is no skill


def test_a_tool_the_skills_name_asked_with_need_is_a_skills_question(bot: CareerBot, sid: str) -> None:
    assert talk(bot, sid, ["do data science engineers need to know Tableau?"]).intent == "ask_skills"
    assert talk(bot, sid, ["do data science engineers use Tableau?"]).intent == "ask_tools"


# -- introductions and small talk -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "noted"),
    [
        ("hii im maya, 2nd year comp sci student", "background: comp science student"),
        ("student in computational linguistics, love python", "background: student in computational linguistics"),
        ("former barista, currently halfway through a python bootcamp :)", "background: barista"),
        ("devops eng, 7 yrs. k8s, docker, terraform, jenkins, AWS. looking at ML-adjacent roles", "background: devops engineer"),
    ],
)
def test_introductions_without_i_are_noted(bot: CareerBot, sid: str, text: str, noted: str) -> None:
    reply = talk(bot, sid, [text])
    assert reply.intent == "greet" and noted in reply.text
    assert "farmer" not in reply.text  # "former" is a word, not a typo of "farmer"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("peace", "goodbye"),
        ("what have I told you about myself so far?", "profile"),
        ("i kno python n some c++ which 1 fits me", "recommend_role"),
        ("im 16 and kinda cracked at math and gaming, which one should i do", "recommend_role"),
        ("for what role is better a person like me? i have excel, SQL and little python", "recommend_role"),
        ("is there some kind of age limit for getting into these tech jobs?", "not_covered"),
        ("which industries would hire me as an MLRE", "ask_industries"),
        ("who would I be sitting in meetings with if I worked as a data engineer", "ask_works_with"),
    ],
)
def test_wordings_read_right(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert talk(bot, sid, [text]).intent == intent


def test_steps_in_order_after_a_gap_is_that_roles_path(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what am i missing for ML software engineer", "steps in order please"])
    assert reply.intent == "learning_path" and reply.roles == (MLSWE,)


def test_not_covered_in_a_conversation_says_so(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what degree does a DE need", "which colleges have the best programs for it?"])
    assert reply.intent == "not_covered" and "don't say" in reply.text and reply.roles == (DE,)
    assert DSE not in reply.roles


@pytest.mark.parametrize("text", ["can u help w my chem homework", "Can you help me with my tax return?", "Can you help me file my taxes?"])
def test_help_with_ones_own_task_is_out_of_scope(bot: CareerBot, sid: str, text: str) -> None:
    assert talk(bot, sid, [text]).intent == "fallback"


def test_help_with_a_career_choice_is_still_advice(bot: CareerBot, sid: str) -> None:
    assert talk(bot, sid, ["can you help me?"]).intent == "help"
    assert talk(bot, sid, ["can you help me with my career choice? I like maths"]).intent == "recommend_role"


@pytest.mark.parametrize("text", ["do sports teams hire them?", "do they work in insurance at all?"])
def test_a_sector_the_articles_do_not_name_is_said_so(bot: CareerBot, sid: str, text: str) -> None:
    reply = talk(bot, sid, ["what does an MLE do", text])
    assert reply.intent == "ask_industries" and reply.roles == (MLE,)
    assert reply.text.startswith("The articles don't say whether Machine Learning Engineers work in that sector")
    assert "Finance" in reply.text  # ... and the ones they do name


def test_a_sector_they_name_is_yes(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what does an MLE do", "do they work in finance?"])
    assert reply.text.startswith("Yes")
    assert "don't say" not in talk(bot, sid, ["which companies hire them?"]).text


def test_the_two_asked_in_turn_are_in_the_order_asked(bot: CareerBot, sid: str) -> None:
    talk(bot, sid, ["What's a data engineer, in simple words?", "and the machine learning engineer?"])
    reply = talk(bot, sid, ["what am I missing for the first one? I know Excel and SQL"])
    assert reply.intent == "skill_gap" and reply.roles == (DE,)


def test_is_that_the_same_thing_compares_with_the_role_before(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["What would he need to study to be a machine learning engineer?",
                            "He also mentioned 'data engineer'. Is that the same thing?"])
    assert reply.intent == "compare" and reply.roles == (MLE, DE)


def test_a_role_picked_by_a_word_of_its_name_then_questions_about_it(bot: CareerBot, sid: str) -> None:
    talk(bot, sid, ["What would he need to study to be a machine learning engineer?",
                    "He also mentioned 'data engineer'. Is that the same thing?"])
    reply = talk(bot, sid, ["And the machine learning one, what would he do all day, and who would he be working with?"])
    assert part_intents(reply) == ["ask_responsibilities", "ask_works_with"] and reply.roles == (MLE,)
    # ... and an in-domain question about it the articles do not answer says so, about that role.
    reply = talk(bot, sid, ["Does he need to be very good at writing English for it? He's dyslexic, you see"])
    assert reply.intent == "not_covered" and reply.roles == (MLE,) and "don't say" in reply.text


@pytest.mark.parametrize(
    ("text", "intents"),
    [
        ("1) typical projects for an MLE 2) the frameworks they use", ["ask_projects", "ask_tools"]),
        ("1) what degree for a DSE 2) what's the outlook", ["ask_education", "ask_outlook"]),
        ("skills for an MLRE / which industries / any internships going?", ["ask_skills", "ask_industries", "ask_salary"]),
    ],
)
def test_numbered_and_slashed_lists_are_one_question_each(bot: CareerBot, sid: str, text: str, intents: list[str]) -> None:
    assert part_intents(talk(bot, sid, [text])) == intents


def test_a_number_in_brackets_is_no_list_item() -> None:
    parts = split_parts("hi there, mum of twins (age 4) here, used to be a junior analyst before kids, some SQL and tableau")
    assert len(parts) == 1 and parts[0].kind == "self"
    assert len(split_parts("I use Unity/C# daily")) == 1


@pytest.mark.parametrize("text", ["Which maths do they lean on?", "which maths would I need to brush up on for research engineering"])
def test_which_maths_asks_for_the_skills(bot: CareerBot, sid: str, text: str) -> None:
    reply = talk(bot, sid, ["what does an ML research engineer do?", text])
    assert reply.intent == "ask_skills" and reply.roles == (MLRE,) and "linear algebra" in reply.text.casefold()


def test_an_introduction_with_a_background_word_is_noted(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["hi, Hannah, corporate lawyer, no coding background but very curious about machine learning"])
    assert reply.intent == "greet"
    assert "likes: Machine learning" in reply.text and "background: lawyer" in reply.text
    assert talk(bot, sid, ["what do you do exactly?"]).intent == "help"


def test_a_reference_keeps_its_role_when_the_articles_are_silent(bot: CareerBot, sid: str) -> None:
    talk(bot, sid, ["what is the difference between ML engineer and ML research engineer?"])
    reply = talk(bot, sid, ["Research one is making publication? or only coding?"])
    assert reply.roles == (MLRE,)
    assert talk(bot, sid, ["Which frameworks they are using mostly?"]).roles == (MLRE,)


@pytest.mark.parametrize(
    ("word", "role"),
    [("dataengineer", DE), ("machinelearningengineer", MLE), ("mlengineer", MLE), ("mlresearchengineer", MLRE),
     ("datascienceengineer", DSE)],
)
def test_run_together_role_names_still_name_the_role(bot: CareerBot, word: str, role: str) -> None:
    assert bot.understand(f"what does a {word} do").analysis.roles == (role,)


@pytest.mark.parametrize("text", ["I'm designing dashboards", "we're redesigning the curriculum", "overall, which pays more?",
                                  "got an invitation from a defender of removing meetings"])
def test_english_words_are_not_split_into_careerbot_words(bot: CareerBot, text: str) -> None:
    analysis = bot.understand(text).analysis
    assert analysis.roles == () and "de" not in analysis.tokens and "aviation" not in analysis.tokens
    assert not {"over", "re", "moving"} & set(analysis.tokens)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("byeee", "goodbye"),
        ("do DEs usually move into management later on?", "not_covered"),
        ("ok. what skill i miss for ML software engineer, i have java python data structures", "skill_gap"),
        ("which one is closest to infrastructure work like mine?", "recommend_role"),
        ("will they hire a trucker with no college tho, for real", "not_covered"),
        ("Where does all this information come from, by the way?", "ask_sources"),
        ("btw can you fix my latex bibliography, biber keeps crashing lol", "fallback"),
    ],
)
def test_more_wordings_read_right(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert talk(bot, sid, ["what does a data engineer do?", text]).intent == intent


def test_an_aside_about_this_weekend_is_out_of_scope(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what does a data engineer do?", "random but do u know the weather in lisbon this weekend lol"])
    assert reply.intent == "fallback"
    assert talk(bot, sid, ["and their tools?"]).roles == (DE,)  # the conversation keeps its role


def test_what_else_do_they_need_is_their_skills_but_a_candidates_gap_is_a_gap(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["does a data science engineer do data visualization?", "what else do they need to know"])
    assert reply.intent == "ask_skills" and reply.roles == (DSE,)
    reply = talk(bot, sid, ["Our best candidate knows SQL and Python but has never touched cloud. What are they missing for the DE role?"])
    assert reply.intent == "skill_gap"


@pytest.mark.parametrize(
    ("text", "intent"),
    [("which one have more job in future?", "ask_outlook"),
     ("what could I do right now as a student to prepare for the research engineer path?", "ask_getting_started")],
)
def test_future_jobs_and_preparing(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert talk(bot, sid, ["DE vs MLE", text]).intent == intent


def test_that_compared_with_two_named_roles_is_all_three(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what does a data science engineer do?", "how is that diff from a data engineer and an ML engineer"])
    assert reply.intent == "compare" and reply.roles == (DSE, DE, MLE)


def test_an_industry_is_named_as_its_article_names_it(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["which industries hire ML SWEs?"])
    assert "- Finance and banking [" in reply.text


def test_both_use_a_tool_is_answered_for_the_pair_in_one_line(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["MLE vs MLSWE", "both use C++?"])
    assert reply.intent == "ask_tools" and set(reply.roles) == {MLE, MLSWE}
    assert reply.text.startswith(
        "Yes: the articles list C++ for Machine Learning Engineers and Machine Learning Software Engineers."
    )


@pytest.mark.parametrize(("text", "intent"), [("Tchau!", "goodbye"), ("Asante sana, this is helping me a lot", "thanks"),
                                               ("wat shud i learn 1st then 2nd", "learning_path")])
def test_greetings_thanks_and_shorthand(bot: CareerBot, sid: str, text: str, intent: str) -> None:
    assert talk(bot, sid, ["what does a data engineer do?", text]).intent == intent


@pytest.mark.parametrize(
    ("text", "title"),
    [("I saw something about a professor job, what does that one pay?", "Professor"),
     ("Are any of the openings aimed at veterans?", "Student Veteran Opportunity")],
)
def test_a_posting_named_by_a_word_of_its_title(bot: CareerBot, sid: str, text: str, title: str) -> None:
    reply = talk(bot, sid, ["what does an MLRE do", text])
    assert reply.intent == "ask_salary" and title in reply.text
    shown = reply.data["postings"]
    assert len(shown) == 1
    assert "background: professor" not in reply.text  # a job they read about is not their background


def test_a_student_asking_for_internships_sees_all_of_them(bot: CareerBot, sid: str) -> None:
    assert len(talk(bot, sid, ["I'm a student, any internships?"]).data["postings"]) == 3


def test_a_kind_of_tool_as_a_follow_up_is_that_line(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what etl tools do DEs use", "and cloud?"])
    assert reply.intent == "ask_tools" and reply.roles == (DE,)
    assert reply.text.startswith("- Data Engineer: Cloud: AWS") and "Big data" not in reply.text
    reply = talk(bot, sid, ["visualization?"])
    assert reply.text.startswith("The articles list no visualization tools for Data Engineers.")


def test_id_like_to_know_and_also_whether_are_two_parts(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["I'd like to know what a DSE is and also whether it pays well"])
    assert part_intents(reply) == ["ask_definition", "ask_salary"] and reply.roles == (DSE,)


@pytest.mark.parametrize("text", ["how many data engineers are on the job market in Ohio?",
                                  "is there any stat on how many career changers actually make it into DE?"])
def test_headcounts_are_not_covered(bot: CareerBot, sid: str, text: str) -> None:
    reply = talk(bot, sid, [text])
    assert reply.intent == "not_covered" and "don't say" in reply.text and "USD" not in reply.text


def test_which_of_them_does_more_compares_the_two(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["hi, civil engineer here, I'm interested in the data side. what does a DE do?", "and tools?",
                            "how's that different from a data science engineer?", "which of them does more of the actual analysis?"])
    assert reply.intent == "compare" and reply.roles == (DE, DSE)


def test_a_question_about_a_job_not_covered_says_so(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["I want to be a data scientist, what skills do I need?"])
    assert reply.intent == "fallback" and "data scientists" in reply.text


def test_a_thing_neither_role_has_is_one_line(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["DSE vs DE", "both use C++?"])
    assert reply.text.startswith("The articles don't list C++ for Data Science Engineers or Data Engineers; they list it for ")
    assert reply.text.count("don't list C++") == 1


@pytest.mark.parametrize("text", ["how many DSEs does a typical bank employ?", "How many applicants should I expect per posting?"])
def test_how_many_of_a_role_or_applicants_is_not_covered(bot: CareerBot, sid: str, text: str) -> None:
    reply = talk(bot, sid, ["what does a data science engineer do?", text])
    assert reply.intent == "not_covered" and "USD" not in reply.text


def test_is_a_thing_i_know_useful_is_a_yes_or_no_not_a_gap(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["I know already Java, is useful for data engineer?"])
    assert reply.intent == "ask_skills" and "Yes: the articles list Java for Data Engineers." in reply.text
    assert talk(bot, sid, ["I know Java and SQL, what am I missing for data engineer?"]).intent == "skill_gap"


def test_a_yes_no_part_about_a_thing_is_answered(bot: CareerBot, sid: str) -> None:
    reply = talk(bot, sid, ["what ETL tools do DEs use, and is building data warehouses part of their job?"])
    assert len(part_intents(reply)) == 2 and "Building and maintaining data warehouses" in reply.text
