"""Answers people can read: topic answers and comparisons built from distinct points and named things
(skills/facts.py, skills/compare.py), checked on ``reply.text`` (the article list included) and
``reply.data``."""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
from collections import Counter
from types import MappingProxyType
from typing import Any, get_type_hints

import pytest

from careerbot import CareerBot, Reply
from careerbot.data.knowledge import ROLE_TOPICS, KnowledgeBase
from careerbot.skills.compare import MAIN_TOPICS, render_compare
from careerbot.skills.data_types import ComparisonData, QuotesData, TopicData
from careerbot.skills.facts import MAX_QUOTES, render_quotes
from careerbot.skills.responses import render_topic
from careerbot.skills.tables import compare_table

DE, MLE, MLSWE, MLRE, DSE = (
    "data_engineer", "ml_engineer", "ml_software_engineer", "ml_research_engineer", "data_science_engineer"
)
TOPICS = list(ROLE_TOPICS)


@pytest.fixture(scope="module")
def kb(bot: CareerBot) -> KnowledgeBase:
    return bot.knowledge


def ask(bot: CareerBot, text: str, session: str | None = None) -> Reply:
    return bot.ask(text, session_id=session or f"answers-{text}")


def lines(text: str) -> list[str]:
    return text.splitlines()


def tool_counts(kb: KnowledgeBase, text: str) -> Counter[str]:
    """How often each tool or language is named, whole words, every spelling counted as its thing
    ("Spark" and "Apache Spark" are one tool; "AWS SageMaker" is SageMaker, not AWS)."""
    spellings = {s.casefold(): t.id for t in kb.things.values() if t.kind in ("tool", "language") for s in t.spellings}
    pattern = re.compile(
        r"(?<![\w+])(" + "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True)) + r")(?![\w+])",
        re.IGNORECASE,
    )
    return Counter(spellings[m.group(1).casefold()] for m in pattern.finditer(text))


def body(text: str) -> str:
    """The answer without its article list (titles name roles, not tools, but keep counts clean)."""
    return "\n".join(line for line in lines(text) if not line.startswith("References: "))


# =============================================================================================
# One role x one topic
# =============================================================================================


@pytest.mark.parametrize("topic", TOPICS)
def test_every_single_topic_answer_fits_fourteen_lines(kb: KnowledgeBase, topic: str) -> None:
    for rid in kb.roles:
        answer = render_topic(kb, [rid], topic)
        assert 2 <= len(lines(answer.text)) <= 14, (rid, topic, answer.text)
        assert answer.data["kind"] == "topic" and answer.data["role"] == rid


@pytest.mark.parametrize("topic", ["tools", "skills", "education", "industries", "responsibilities", "definition"])
def test_each_tool_named_at_most_once(kb: KnowledgeBase, topic: str) -> None:
    for rid in kb.roles:
        counts = tool_counts(kb, body(render_topic(kb, [rid], topic).text))
        assert all(n == 1 for n in counts.values()), (rid, topic, counts)


def test_data_engineer_tools_grouped_with_markers_and_one_article_list(bot: CareerBot) -> None:
    reply = ask(bot, "what tools does a data engineer use?")
    text = lines(reply.text)
    assert text[0] == "Data Engineer: Tools" and len(text) <= 14
    assert "careerbot's own categories" in text[1]
    assert "- Big data: Apache Hadoop, Apache Spark, Kafka [1][4]" in text
    assert "- Cloud: AWS, Microsoft Azure, Google Cloud Platform [2][4]" in text
    counts = tool_counts(bot.knowledge, reply.text)
    assert counts["spark"] == 1 and counts["azure"] == 1 and counts["mysql"] == 1 and counts["airflow"] == 1
    items = [line for line in text if line.startswith("- ")]
    assert items and all(re.search(r"(\[\d\])+$", line) for line in items)
    assert text[-1].startswith("References: [1] Machine learning engineers vs. data engineers")
    assert "; [2] Data Engineer vs. Machine Learning Software Engineer" in text[-1]
    assert sum(1 for line in text if line.startswith("References:")) == 1
    assert reply.data["columns"] == ["Data Engineer"] and reply.data["rows"][0]["topic"] == "Tools"
    names = [t["name"] for t in reply.data["things"]]
    assert len(names) == len(set(names)) == 19 and "Apache Spark" in names
    spark = next(t for t in reply.data["things"] if t["id"] == "spark")
    assert spark["category"] == "big data" and spark["sources"] == ["mle_vs_de", "de_vs_mlre"]
    assert [s["n"] for s in reply.data["sources"]] == [1, 2, 4]


def test_ml_engineer_tools_name_sagemaker_once(bot: CareerBot) -> None:
    reply = ask(bot, "what tools do ML engineers use?")
    assert tool_counts(bot.knowledge, reply.text)["sagemaker"] == 1


def test_data_engineer_skills_name_sql_and_etl_once(bot: CareerBot) -> None:
    reply = ask(bot, "what skills does a data engineer need?")
    assert len(lines(reply.text)) <= 14
    assert tool_counts(bot.knowledge, reply.text)["sql"] == 1
    assert len(re.findall(r"\bETL\b", body(reply.text))) == 1
    assert "- ETL: Apache Airflow, Apache NiFi [1][2][4]" in reply.text
    assert "- Programming: Python, Java, Scala [1][2][4]" in reply.text
    assert "SQL [1][2][4]" in reply.text  # under the databases skill it belongs to, once


def test_data_engineer_responsibilities_each_point_once(bot: CareerBot) -> None:
    reply = ask(bot, "what are the responsibilities of a data engineer?")
    text = lines(reply.text)
    assert len(text) <= 14
    assert reply.text.casefold().count("data quality") == 1
    items = [line.rsplit(" [", 1)[0] for line in text if line.startswith("- ")]
    assert len(items) == len(set(items)) == len(reply.data["points"]) == 8


def test_outlook_figures_with_period_scope_and_article(bot: CareerBot) -> None:
    reply = ask(bot, "what is the job outlook for data engineers?")
    text = reply.text
    assert len(lines(text)) <= 14
    assert ("- 11% growth, 2019–2029, for all computer and information technology occupations (article: "
            "Data Engineer vs. Machine Learning Software Engineer: A Comprehensive Comparison) [2]") in text
    assert ("- 22% growth, 2020–2030, for data engineers (article: "
            "Data Engineer vs. Machine Learning Research Engineer: A Comprehensive Comparison) [4]") in text
    # Article 001 says the outlooks differ, then gives one shared figure: said, not hidden.
    assert "outlooks differ, yet gives one shared outlook and a single figure (11%)" in text
    assert "not one measure" in lines(text)[1]
    figures = {(p["figure"], p["period"], p["scope"]) for p in reply.data["points"] if p["figure"]}
    assert figures == {("11%", "2019–2029", "all computer and information technology occupations"),
                       ("22%", "2020–2030", "data engineers")}


def test_silences_say_the_articles_dont_say(bot: CareerBot, kb: KnowledgeBase) -> None:
    reply = ask(bot, "which industries hire data engineers?")
    assert "The articles don't say" in reply.text and reply.data["silent"]
    assert reply.data["things"] == [] and len(lines(reply.text)) <= 14
    for rid, role in kb.roles.items():
        for topic in role.silent:
            answer = render_topic(kb, [rid], topic)
            assert "don't say" in answer.text, (rid, topic)
    pair = render_compare(kb, [DE, MLE])
    assert "- Data Engineers: the articles don't say." in pair.text


# =============================================================================================
# Comparisons
# =============================================================================================


def test_every_pair_comparison_fits_thirty_lines(kb: KnowledgeBase) -> None:
    for pair in itertools.permutations(kb.roles, 2):
        assert len(lines(render_compare(kb, list(pair)).text)) <= 30, pair
        for topic in TOPICS:
            assert len(lines(render_topic(kb, list(pair), topic).text)) <= 30, (pair, topic)


def test_three_to_five_roles_fit_forty_five_lines(kb: KnowledgeBase) -> None:
    for k in (3, 4, 5):
        for combo in itertools.combinations(kb.roles, k):
            table = compare_table(kb, list(combo), ())
            assert len(lines(table.text)) <= 45, combo
            assert table.data["rows"][0]["topic"] == "Overview"
            for topic in TOPICS:
                assert len(lines(render_topic(kb, list(combo), topic).text)) <= 45, (combo, topic)


def test_all_five_is_one_table_and_an_offer(bot: CareerBot) -> None:
    reply = ask(bot, "compare all five roles")
    assert reply.data["kind"] == "comparison" and len(reply.data["columns"]) == 5
    assert len(lines(reply.text)) <= 45
    assert len(reply.data["rows"]) == len(MAIN_TOPICS)
    assert "For detail, ask about one topic" in reply.text


def test_pair_with_its_article_states_its_differences_first(bot: CareerBot) -> None:
    reply = ask(bot, "DE vs MLE")
    text = lines(reply.text)
    assert len(text) <= 30 and reply.data["compared_by"] == ["mle_vs_de"]
    assert text[1].startswith('The article "Machine learning engineers vs. data engineers (untitled article)" [1]')
    assert text[2].startswith("- Machine learning engineers focus on algorithms and models")
    assert all(d["sources"] == ["mle_vs_de"] for d in reply.data["differences"])
    for title in ("Required skills", "Tools", "Education", "Industries"):
        assert title in text


def test_de_and_dse_share_and_differ(bot: CareerBot) -> None:
    reply = ask(bot, "what do DEs and DSEs have in common?")
    assert reply.intent == "compare" and set(reply.roles) == {DE, DSE}
    data = reply.data
    assert data["compared_by"] == [] and "No article compares Data Engineers and Data Science Engineers" in reply.text
    rows = {t["topic"]: t for t in data["things"]}
    tools = rows["tools"]
    shared = {t["name"] for t in tools["shared"]}
    assert {"Apache Spark", "Apache Hadoop", "SQL", "Python", "Amazon Redshift"} <= shared
    only_de = {t["name"] for t in tools["only"][DE]}
    only_dse = {t["name"] for t in tools["only"][DSE]}
    assert {"Kafka", "Apache Airflow", "Microsoft Azure"} <= only_de and {"Tableau", "Pandas"} <= only_dse
    assert not shared & only_de and not shared & only_dse and not only_de & only_dse
    assert {t["name"] for t in rows["skills"]["shared"]} >= {"Big data technologies", "Data warehousing"}
    assert rows["industries"]["silent"] == [DE]
    # Said in the text too: the shared things on a "Both:" line, each tool once in the whole answer.
    both_tools = next(line for line in lines(reply.text) if line.startswith("- Both: Apache Hadoop"))
    assert "Apache Spark" in both_tools and "Kafka" not in both_tools
    assert "- Only Data Science Engineers: Pandas" in reply.text
    assert all(n == 1 for n in tool_counts(bot.knowledge, body(reply.text)).values())


def test_topic_comparison_of_two_roles_shares_and_differs(bot: CareerBot) -> None:
    reply = ask(bot, "tools of a data engineer compared to a machine learning engineer")
    text = lines(reply.text)
    assert len(text) <= 30 and text[0] == "Data Engineer vs Machine Learning Engineer: Tools"
    assert "Both:" in text and "Only Data Engineers:" in text and "Only Machine Learning Engineers:" in text
    assert "- Programming languages: Python, Java [2][3]" in text
    assert all(n == 1 for n in tool_counts(bot.knowledge, body(reply.text)).values())
    (tools,) = reply.data["things"]
    assert {t["name"] for t in tools["shared"]} == {"Python", "Java"}


def test_least_education_sets_each_roles_wording_side_by_side(bot: CareerBot) -> None:
    reply = ask(bot, "which role needs the least education?")
    assert "No article ranks the roles by education" in reply.text
    assert "often preferred" in reply.text and "is essential" in reply.text and "typically required" in reply.text
    assert len(lines(reply.text)) <= 45


# =============================================================================================
# "more": the last answer's quotes
# =============================================================================================


def test_render_quotes_gives_every_supporting_sentence_once_per_article(kb: KnowledgeBase) -> None:
    answer = render_quotes(kb, [DE], "skills")
    role = kb.roles[DE]
    expected = {(q.source, q.text) for p in role.points["skills"] for q in p.quotes}
    expected |= {(q.source, q.text) for lk in role.things["skills"] for q in lk.quotes}
    data = answer.data
    got = [(a["id"], q["text"]) for a in data["articles"] for q in q_list(a)]
    assert len(got) == len(set(got)) and set(got) == expected and data["total"] == len(expected)
    assert [a["n"] for a in data["articles"]] == [1, 2, 4]
    text = lines(answer.text)
    assert text[0] == "Data Engineer: Required skills, in the articles' own words"
    assert text[1] == "[1] Machine learning engineers vs. data engineers (untitled article):"
    assert f'- "{role.things["skills"][0].quotes[0].text}"' in text
    assert answer.source_ids == ("mle_vs_de", "de_vs_mlswe", "de_vs_mlre")


def q_list(article: Any) -> list[Any]:
    return list(article["quotes"])


def test_render_quotes_of_a_comparison(kb: KnowledgeBase) -> None:
    pair = render_quotes(kb, [DE, MLE], "differences")
    assert pair.data["topic"] == "differences" and [a["id"] for a in pair.data["articles"]] == ["mle_vs_de"]
    assert "(on " not in pair.text  # every quote is about both roles
    none = render_quotes(kb, [DE, DSE], "differences")  # no article compares them: what each is
    assert none.data["topic"] == "definition" and "(on Data Engineers)" in none.text
    many = render_quotes(kb, list(kb.roles), "differences")
    assert many.data["shown"] <= MAX_QUOTES and len(lines(many.text)) <= MAX_QUOTES + 6


def test_more_expands_the_last_answer(fresh_bot: CareerBot) -> None:
    assert ask(fresh_bot, "tell me more", "more").intent == "fallback"  # nothing to expand yet
    ask(fresh_bot, "what skills does a data engineer need?", "more")
    for text in ("more", "tell me more", "details", "show the quotes", "can you give more detail on that?"):
        reply = ask(fresh_bot, text, "more")
        assert reply.data["kind"] == "quotes", text
        assert reply.roles == (DE,) and reply.topic == "skills" and reply.intent == "ask_skills"
        assert '"Knowledge of databases and Data Warehousing"' in reply.text
    ask(fresh_bot, "DE vs MLRE", "more")
    quotes = ask(fresh_bot, "show the quotes", "more")
    assert quotes.data["kind"] == "quotes" and set(quotes.roles) == {DE, MLRE}
    assert "[4] Data Engineer vs. Machine Learning Research Engineer" in quotes.text
    # A question that names a role is a question, not a request for more.
    assert ask(fresh_bot, "tell me more about ML engineers", "more").data["kind"] != "quotes"


# =============================================================================================
# Reply.data shapes
# =============================================================================================


def test_data_has_exactly_the_typed_keys(bot: CareerBot) -> None:
    topic = ask(bot, "what tools does a data engineer use?").data
    pair = ask(bot, "DE vs DSE").data
    one_topic = ask(bot, "skills: DE vs DSE").data
    table = ask(bot, "compare all five roles").data
    assert set(topic) == set(get_type_hints(TopicData))
    for data in (pair, one_topic, table):
        assert set(data) == set(get_type_hints(ComparisonData))
    fresh = CareerBot()
    fresh.ask("what do ML engineers do?", session_id="q")
    quotes = fresh.ask("more", session_id="q").data
    assert set(quotes) == set(get_type_hints(QuotesData))
    for data in (topic, pair, one_topic, table, quotes):
        json.dumps(data)
    # The terminal and the web page draw tables from columns and rows.
    for data in (pair, one_topic, table):
        assert all(len(row["cells"]) == len(data["columns"]) for row in data["rows"])


# =============================================================================================
# Line budgets hold for any knowledge base
# =============================================================================================


def test_long_topics_are_cut_with_an_offer_of_more(kb: KnowledgeBase) -> None:
    role = kb.roles[DE]
    base = role.points["responsibilities"][0]
    many = tuple(dataclasses.replace(base, text=f"Point number {i}.") for i in range(40))
    big = dataclasses.replace(role, points=MappingProxyType({**role.points, "responsibilities": many}))
    small = dataclasses.replace(kb, roles=MappingProxyType({**kb.roles, DE: big}))
    answer = render_topic(small, [DE], "responsibilities")
    text = lines(answer.text)
    assert len(text) == 14 and 'ask "more"' in text[-2] and text[-1].startswith("References: ")
    assert len(answer.data["rows"][0]["cells"][0]) == 40  # the data keeps every point
    pair = render_topic(small, [DE, MLE], "responsibilities")
    assert len(lines(pair.text)) <= 30 and "more" in pair.text


def test_a_table_of_every_topic_keeps_within_budget(kb: KnowledgeBase) -> None:
    everything = [*ROLE_TOPICS, "salary"]
    table = compare_table(kb, list(kb.roles), everything)
    assert len(lines(table.text)) <= 45
    shown = [r["topic"] for r in table.data["rows"]]
    assert shown and len(shown) < len(everything)
    assert "For detail, ask about one topic" in table.text
    assert len(lines(compare_table(kb, [DE, MLE], everything).text)) <= 30


def test_no_role_asks_which_one(kb: KnowledgeBase) -> None:
    assert render_topic(kb, [], "tools").data["kind"] == "clarify"
