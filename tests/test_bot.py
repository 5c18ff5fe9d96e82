"""Behaviour of CareerBot.ask on real questions and the real data."""

from __future__ import annotations

import dataclasses
import json

import pytest

from careerbot import CareerBot, Reply


def ask(bot: CareerBot, text: str, session: str = "t") -> Reply:
    return bot.ask(text, session_id=session)


@pytest.mark.parametrize(
    ("question", "roles", "facts"),
    [
        ("what tools does a data engineer use?", ("data_engineer",), ["Airflow"]),
        ("Which frameworks do machine learning engineers work with", ("ml_engineer",), ["TensorFlow"]),
        ("do ML research engineers need a PhD?", ("ml_research_engineer",), ["Ph.D."]),
        ("data engineer salary", ("data_engineer",), ["100K"]),
        ("what industries hire data science engineers", ("data_science_engineer",), ["fraud detection"]),
        ("job outlook for data engineers", ("data_engineer",), ["22%"]),
        ("what skills does an ML software engineer need", ("ml_software_engineer",), ["distributed computing"]),
    ],
)
def test_topic_questions(bot: CareerBot, question: str, roles: tuple[str, ...], facts: list[str]) -> None:
    reply = ask(bot, question, session=question)
    assert reply.roles == roles
    for fact in facts:
        assert fact.casefold() in reply.text.casefold()
    assert reply.sources and reply.intent != "fallback"


def test_comparison_names_both_roles(bot: CareerBot) -> None:
    reply = ask(bot, "data engineer vs ml engineer", "cmp")
    assert set(reply.roles) == {"data_engineer", "ml_engineer"}
    assert reply.data["kind"] == "comparison"


def test_silence_is_said_plainly(bot: CareerBot) -> None:
    reply = ask(bot, "which industries employ data engineers?", "silent")
    assert reply.roles == ("data_engineer",)
    assert "say nothing" in reply.text or "none" in reply.text.lower()


def test_follow_ups_keep_context(fresh_bot: CareerBot) -> None:
    assert ask(fresh_bot, "what does a data engineer do?").roles == ("data_engineer",)
    tools = ask(fresh_bot, "what tools do they use?")
    assert tools.roles == ("data_engineer",) and tools.topic == "tools"
    switched = ask(fresh_bot, "and ML engineers?")
    assert switched.roles == ("ml_engineer",) and switched.topic == "tools"
    pay = ask(fresh_bot, "how much do they earn?")
    assert pay.roles == ("ml_engineer",) and pay.topic == "salary"


def test_out_of_scope_turn_keeps_context(fresh_bot: CareerBot) -> None:
    ask(fresh_bot, "tell me about data science engineers")
    assert ask(fresh_bot, "what's the weather like in paris today?").intent == "fallback"
    assert ask(fresh_bot, "what about their education?").roles == ("data_science_engineer",)


def test_clarify_then_bare_role(fresh_bot: CareerBot) -> None:
    first = ask(fresh_bot, "what tools are used?")
    assert first.roles == () and "Data Engineer" in first.text
    second = ask(fresh_bot, "data engineer")
    assert second.roles == ("data_engineer",) and second.topic == "tools"


@pytest.mark.parametrize("text", ["what's the weather tomorrow", "asdf qwer zxcv", "12345", "what is 2+2"])
def test_out_of_scope_is_fallback(bot: CareerBot, text: str) -> None:
    reply = ask(bot, text, session=f"oos-{text}")
    assert reply.intent == "fallback" and reply.roles == () and reply.suggestions


@pytest.mark.parametrize("text", ["what does a civil engineer do", "how much does a nurse earn", "pilot training"])
def test_other_jobs_are_not_covered_roles(bot: CareerBot, text: str) -> None:
    reply = ask(bot, text, session=f"other-{text}")
    assert reply.intent == "fallback" and reply.roles == ()
    assert "Data Engineer" in reply.text


@pytest.mark.parametrize(("text", "intent"), [("hello", "greet"), ("thanks a lot", "thanks"), ("bye", "goodbye"),
                                              ("what can you do?", "help"), ("which roles do you know", "list_roles")])
def test_small_talk(bot: CareerBot, text: str, intent: str) -> None:
    assert ask(bot, text, session=f"st-{text}").intent == intent


def test_reply_contract(bot: CareerBot) -> None:
    reply = ask(bot, "DE vs MLE", "contract")
    assert dataclasses.is_dataclass(reply)
    with pytest.raises(dataclasses.FrozenInstanceError):
        reply.text = "x"  # type: ignore[misc]
    assert 0.0 <= reply.confidence <= 1.0
    json.dumps(reply.to_dict())
    assert set(reply.to_dict()) >= {"text", "intent", "confidence", "roles", "topic", "sources", "suggestions"}


@pytest.mark.parametrize("bad", [None, 42, b"hello", ["x"]])
def test_non_str_raises_type_error(bot: CareerBot, bad: object) -> None:
    with pytest.raises(TypeError):
        bot.ask(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   ", "{0.__class__}", "{{7*7}}", "%s%n", "\x00\x01", "\ud800", "😀" * 50,
                                  "!!python/object:os.system", "<script>alert(1)</script>", "x" * 1_000_000])
def test_hostile_input_gets_a_reply(bot: CareerBot, text: str) -> None:
    reply = ask(bot, text, "hostile")
    assert isinstance(reply.text, str) and reply.text
    assert "__class__" not in reply.text and "49" not in reply.text


def test_long_input_is_truncated_and_said(bot: CareerBot) -> None:
    reply = ask(bot, "what tools does a data engineer use " * 10_000, "long")
    assert reply.truncated and "first" in reply.text


def test_sessions_are_separate(fresh_bot: CareerBot) -> None:
    ask(fresh_bot, "tell me about data engineers", "a")
    ask(fresh_bot, "tell me about ML research engineers", "b")
    assert ask(fresh_bot, "what tools do they use", "a").roles == ("data_engineer",)
    assert ask(fresh_bot, "what tools do they use", "b").roles == ("ml_research_engineer",)


def test_export_restore_and_reset(fresh_bot: CareerBot) -> None:
    ask(fresh_bot, "what does an ML engineer do", "x")
    state = fresh_bot.export_session("x")
    json.dumps(state)
    other = CareerBot()
    other.restore_session("y", state)
    assert ask(other, "and their tools?", "y").roles == ("ml_engineer",)
    fresh_bot.reset("x")
    assert ask(fresh_bot, "what tools do they use", "x").roles == ()
    with pytest.raises(ValueError):
        other.restore_session("z", {"roles": "nope"})


@pytest.mark.parametrize(
    ("text", "roles"),
    [("data sci eng industries", ("data_science_engineer",)), ("ml eng tools", ("ml_engineer",)),
     ("ML sw eng skills", ("ml_software_engineer",)), ("what are DSE's typical projects", ("data_science_engineer",))],
)
def test_short_forms_and_possessives_name_roles(bot: CareerBot, text: str, roles: tuple[str, ...]) -> None:
    assert ask(bot, text, session=f"short-{text}").roles == roles


@pytest.mark.parametrize("text", ["internships", "any internships?", "Any openings at Amazon?"])
def test_keyword_only_postings_questions(bot: CareerBot, text: str) -> None:
    reply = ask(bot, text, session=f"kw-{text}")
    assert reply.intent == "ask_salary" and reply.data["kind"] == "postings"
    assert "Intern" in reply.text


@pytest.mark.parametrize("text", ["weather in berlin", "translate hello into spanish", "how many calories in a banana"])
def test_single_keywords_in_other_questions_do_not_answer(bot: CareerBot, text: str) -> None:
    assert ask(bot, text, session=f"nokw-{text}").intent == "fallback"


def test_uncovered_side_of_a_comparison_is_named(bot: CareerBot) -> None:
    reply = ask(bot, "what's the difference between a data scientist and a data engineer", "half")
    assert reply.roles == ("data_engineer",) and "data scientists" in reply.text


def test_comparison_of_an_article_pair_quotes_that_article(bot: CareerBot) -> None:
    reply = ask(bot, "data engineer vs ml software engineer", "pair")
    rows = {row["topic"]: row["cells"] for row in reply.data["rows"]}
    assert set(rows) >= {"Overview", "Key differences", "Required skills", "Tools"}
    de_tools = " ".join(rows["Tools"][0])
    assert "Airflow" in de_tools
    title = "Data Engineer vs. Machine Learning Software Engineer: A Comprehensive Comparison"
    assert title in reply.sources and reply.data["compared_by"] == ["de_vs_mlswe"]
    # The article that compares exactly this pair comes first, with the differences it states.
    lines = reply.text.splitlines()
    assert lines[1] == f'The article "{title}" [2] compares exactly these two; the differences it states:'
    assert lines[2].startswith("- Both deal with data and software") and lines[2].endswith(" [2]")
    assert [d["sources"] for d in reply.data["differences"]] == [["de_vs_mlswe"], ["de_vs_mlswe"]]
    # What each has comes from the named things of every article, each line marked with the articles
    # behind it: Talend and Kafka are named only by the DE vs MLRE and the MLE vs DE articles.
    tools = next(t for t in reply.data["things"] if t["topic"] == "tools")
    talend = next(t for t in tools["only"]["data_engineer"] if t["name"] == "Talend")
    kafka = next(t for t in tools["only"]["data_engineer"] if t["name"] == "Kafka")
    assert talend["sources"] == ["de_vs_mlre"] and kafka["sources"] == ["mle_vs_de"]


def test_same_label_lists_are_merged_and_sources_are_those_shown(bot: CareerBot) -> None:
    reply = ask(bot, "what tools does a data engineer use", "merge")
    assert reply.text.count("ETL and orchestration:") == 1  # careerbot's category, all three articles merged
    assert "Apache Airflow, Apache NiFi, Talend, Informatica" in reply.text


def test_internship_contract_shown_as_posted(bot: CareerBot) -> None:
    assert "Full Time Internship" in ask(bot, "any internships?", "intern").text


@pytest.mark.parametrize(
    ("text", "first_line"),
    [
        ("do DEs use Tableau?", "The articles don't list Tableau for Data Engineers; they list it for Data Science Engineers."),
        ("does a data engineer need to know Scala?", "Yes: the articles list Scala for Data Engineers."),
        ("Does a data science engineer use Spark?", "Yes: the articles list Apache Spark for Data Science Engineers."),
    ],
)
def test_yes_no_tool_questions_are_answered_first(bot: CareerBot, text: str, first_line: str) -> None:
    assert ask(bot, text, session=f"yn-{text}").text.splitlines()[0] == first_line


def test_interests_without_asking_get_a_recommendation(bot: CareerBot) -> None:
    reply = ask(bot, "I like building dashboards and visualizations", "likes")
    assert reply.intent == "recommend_role" and reply.roles[0] == "data_science_engineer"
    assert ask(bot, "I like pizza", "pizza").intent == "fallback"


def test_runner_up_after_a_recommendation(fresh_bot: CareerBot) -> None:
    best = ask(fresh_bot, "I love maths and research, which role fits me?")
    assert best.roles[0] == "ml_research_engineer"
    second = ask(fresh_bot, "what about the runner-up?")
    assert second.roles and second.roles[0] != "ml_research_engineer" and second.intent != "fallback"
    assert ask(fresh_bot, "what degree would I need for that?").roles == second.roles
