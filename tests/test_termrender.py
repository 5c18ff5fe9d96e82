"""Laying out replies for the terminal: widths, tables, styles."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from prompt_toolkit.utils import get_cwidth

from careerbot import CareerBot, Reply
from careerbot.ui.termrender import (
    MIN_COLUMN_WIDTH,
    Doc,
    comparison_table,
    render_reply,
    reply_to_text,
    to_plain,
    wrap,
)

WIDTHS = [39, 40, 60, 80, 120, 200]


def widest(text: str) -> int:
    return max((get_cwidth(line) for line in text.splitlines()), default=0)


def words(text: str) -> list[str]:
    return re.findall(r"[\w%$.+-]+", text)


def comparison(columns: list[str], rows: list[tuple[str, list[list[str]]]], title: str = "Compared") -> Reply:
    data = {
        "kind": "comparison", "topic": None, "title": title, "columns": columns,
        "rows": [{"topic": topic, "cells": cells} for topic, cells in rows],
    }
    return Reply(text="(text version)", intent="compare", confidence=1.0, data=data,
                 sources=("An article with a rather long title: A Comprehensive Comparison",))


# -- wrapping --------------------------------------------------------------------------------


def test_wrap_keeps_words_and_hangs_the_indent() -> None:
    lines = wrap("Programming languages: Python, Java, Scala and SQL", 21, indent="- ", subsequent="  ")
    assert lines == ["- Programming", "  languages: Python,", "  Java, Scala and SQL"]


def test_wrap_splits_words_longer_than_the_line() -> None:
    lines = wrap("x" * 25, 10)
    assert lines == ["x" * 10, "x" * 10, "x" * 5]


def test_wrap_counts_wide_characters_in_cells() -> None:
    lines = wrap("数据工程师 数据工程师 数据工程师", 12)
    assert all(get_cwidth(line) <= 12 for line in lines) and len(lines) == 3


def test_control_characters_never_reach_the_terminal() -> None:
    text = reply_to_text(Reply(text="plumbers\x1b[2J\x07 ok", intent="fallback", confidence=0.0), 40)
    assert "\x1b" not in text and "\x07" not in text and "plumbers" in text


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(exclude_categories=["Cs"]), max_size=300), st.integers(2, 130))
def test_wrap_never_overflows(text: str, width: int) -> None:
    for line in wrap(text, width, indent="- ", subsequent="  "):
        assert get_cwidth(line) <= width


# -- reply text ------------------------------------------------------------------------------


TOOLS = Reply(
    text="Data Engineer: Tools\n- Programming languages: Python, Java, Scala\n- Data pipeline tools: Airflow, NiFi\n\n"
         "These are example job postings featured with the articles, not salary statistics.",
    intent="ask_tools", confidence=0.9, roles=("data_engineer",), topic="tools",
    sources=("Data Engineer vs. Machine Learning Software Engineer: A Comprehensive Comparison",),
)


def test_headings_bullets_and_dim_sources_are_styled() -> None:
    fragments = render_reply(TOOLS, 120)
    styles = {text: style for style, text, *_ in fragments}
    assert styles["Data Engineer: Tools"] == "class:heading"
    assert styles["- "] == "class:bullet"
    assert styles["Programming languages:"] == "class:label"
    assert styles["Source:"] == "class:source.label"
    assert styles["Data Engineer vs. Machine Learning Software Engineer: A Comprehensive Comparison"] == "class:source"


def test_plain_text_keeps_the_reply_format() -> None:
    text = reply_to_text(TOOLS, 80)
    assert text.splitlines()[:3] == [
        "Data Engineer: Tools", "- Programming languages: Python, Java, Scala", "- Data pipeline tools: Airflow, NiFi",
    ]
    assert "\n\nSource:\n  Data Engineer vs." in text and "\x1b" not in text


def test_no_sources_option() -> None:
    assert "Source" not in reply_to_text(TOOLS, 80, sources=False)


def test_fallback_shows_suggestions_once() -> None:
    uncovered = Reply(text="I don't have information about plumbers.", intent="fallback", confidence=0.1,
                      suggestions=("What tools does a Data Engineer use?", "Data Engineer vs Data Science Engineer"),
                      data={"kind": "uncovered"})
    text = reply_to_text(uncovered, 40)
    assert "You could ask:\n- What tools does a Data Engineer use?" in text
    listed = Reply(text="Sorry.\nYou could ask:\n- What tools does a Data Engineer use?", intent="fallback",
                   confidence=0.1, suggestions=("What tools does a Data Engineer use?",))
    assert reply_to_text(listed, 40).count("What tools does a Data Engineer use?") == 1
    answered = Reply(text="Data Engineer: Tools\n- SQL", intent="ask_tools", confidence=1.0,
                     suggestions=("What skills does a Data Engineer need?",))
    assert "You could ask" not in reply_to_text(answered, 40)


# -- comparison tables -----------------------------------------------------------------------


TWO = comparison(
    ["Data Engineer", "Machine Learning Engineer"],
    [
        ("Overview", [["Designs, builds and maintains data pipelines and the infrastructure for analytics."],
                      ["Builds and deploys machine learning models into production."]]),
        ("Tools", [["Programming languages: Python, Java, Scala", "Workflow: Airflow"],
                   ["Frameworks: TensorFlow, PyTorch, scikit-learn"]]),
    ],
)


@pytest.mark.parametrize("width", WIDTHS)
def test_two_roles_side_by_side_at_every_width(width: int) -> None:
    text = reply_to_text(TWO, width)
    assert widest(text) <= width
    rows = [line for line in text.splitlines() if "\u2502" in line]
    assert rows and len({line.index("\u2502") for line in rows}) == 1  # the border is one straight column
    header = rows[0].split("\u2502")
    assert header[0].strip().startswith("Data") and header[1].strip().startswith("Machine")
    for cell in ("Designs", "pipelines", "TensorFlow", "scikit-learn", "Airflow"):
        assert cell in text
    assert "Overview" in text and "Tools" in text


def test_table_cells_keep_every_word() -> None:
    text = reply_to_text(TWO, 40)
    body = " ".join(part.strip() for line in text.splitlines() for part in line.split("\u2502"))
    for row in TWO.data["rows"]:
        for cell in row["cells"]:
            for line in cell:
                for word in words(line):
                    assert word in body


def test_lines_shared_by_every_role_are_shown_once() -> None:
    reply = comparison(["A", "B"], [("Key differences", [["Same sentence.", "A only."], ["Same sentence.", "B only."]])])
    text = reply_to_text(reply, 60)
    assert text.count("Same sentence.") == 1 and "Both roles:" in text
    assert re.search(r"- A only\.\s+\u2502 - B only\.", text)


def test_many_roles_at_40_columns_become_several_tables() -> None:
    names = ["Data Engineer", "Data Science Engineer", "Machine Learning Engineer",
             "Machine Learning Research Engineer", "Machine Learning Software Engineer"]
    reply = comparison(names, [("Overview", [[f"{n} does things with data and models."] for n in names])])
    text = reply_to_text(reply, 40)
    assert widest(text) <= 40
    for name in names:
        assert name.split()[-2] in text
    rules = [line for line in text.splitlines() if set(line) <= {"\u2500", "\u253c"} and line]
    assert len({line for line in rules}) >= 2  # more than one table
    at_120 = reply_to_text(reply, 120)
    assert widest(at_120) <= 120 and at_120.splitlines()[2].count("\u2502") == 4  # all five side by side


def test_single_column_when_even_two_do_not_fit() -> None:
    lines = comparison_table(["A", "B"], [("T", [["alpha beta"], ["gamma"]])], MIN_COLUMN_WIDTH + 5)
    text = to_plain(f for line in lines for f in [*line, ("", "\n")])
    assert "\u2502" not in text and "alpha beta" in text and "gamma" in text


def test_ascii_tables() -> None:
    text = reply_to_text(TWO, 60, unicode=False)
    assert " | " in text and "-+-" in text and "\u2502" not in text


def test_malformed_comparison_data_falls_back_to_text() -> None:
    broken = Reply(text="A: Tools\n- SQL", intent="compare", confidence=1.0,
                   data={"kind": "comparison", "columns": ["A", "B"], "rows": [{"topic": "T", "cells": [["x"]]}]})
    assert reply_to_text(broken, 40).startswith("A: Tools\n- SQL")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=6),
    st.lists(st.text(max_size=120), max_size=4),
    st.integers(1, 160),
)
def test_tables_never_overflow(columns: list[str], lines: list[str], width: int) -> None:
    reply = comparison(columns, [("Topic", [lines for _ in columns]), ("Other", [lines[:1] for _ in columns])])
    assert widest(reply_to_text(reply, width)) <= max(width, 2)


# -- the real bot ----------------------------------------------------------------------------


QUESTIONS = [
    "what does a data engineer do?",
    "data engineer vs ml engineer",
    "compare all five roles",
    "ML research engineer vs data engineer tools",
    "how much does a data science engineer earn?",
    "where does the information come from?",
    "what is the weather like",
    "help",
]


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("width", [40, 120])
def test_real_answers_fit(bot: CareerBot, question: str, width: int) -> None:
    reply = bot.ask(question, session_id=f"render-{question}")
    text = reply_to_text(reply, width)
    assert text.strip() and widest(text) <= width


def test_doc_has_no_leading_or_double_blank_lines() -> None:
    doc = Doc(30)
    doc.blank()
    doc.heading("Title")
    doc.blank()
    doc.blank()
    doc.paragraph("text")
    doc.blank()
    assert doc.plain() == "Title\n\ntext"
