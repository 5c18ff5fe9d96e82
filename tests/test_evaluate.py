"""The scorer behind ``careerbot eval``, on the real bot and small labelled files."""

from __future__ import annotations

from pathlib import Path

from careerbot import CareerBot
from careerbot.evaluate import evaluate_file


def _score(bot: CareerBot, tmp_path: Path, body: str) -> list[bool]:
    path = tmp_path / "set.yaml"
    path.write_text('version: "1"\nquestions:\n' + body, encoding="utf-8")
    return [r.ok for r in evaluate_file(bot, path).results]


def test_a_comparison_answer_meets_the_label_compare(bot: CareerBot, tmp_path: Path) -> None:
    body = (
        '  - {text: "compare the tools DSEs and DEs use", category: comparison, intent: compare,'
        " roles: [data_science_engineer, data_engineer]}\n"
        '  - {text: "compare the tools DSEs and DEs use", category: comparison, intent: ask_tools,'
        " roles: [data_science_engineer, data_engineer]}\n"
        # Not a comparison: the label compare is not met.
        '  - {text: "what tools does a DE use?", category: plain, intent: compare, roles: [data_engineer]}\n'
    )
    assert _score(bot, tmp_path, body) == [True, True, False]


def test_two_questions_on_one_topic_may_share_one_answer(bot: CareerBot, tmp_path: Path) -> None:
    body = (
        '  - {text: "which ETL tools should a DE learn? and is Kafka worth it?", category: multi_part,'
        " intent: ask_tools, roles: [data_engineer],"
        " parts: [{intent: ask_tools, roles: [data_engineer]}, {intent: ask_tools, roles: [data_engineer],"
        " expect_text: [Kafka]}]}\n"
        # ... but what each part must say is still checked.
        '  - {text: "which ETL tools should a DE learn? and is Kafka worth it?", category: multi_part,'
        " intent: ask_tools, roles: [data_engineer],"
        " parts: [{intent: ask_tools, roles: [data_engineer]}, {intent: ask_tools, roles: [data_engineer],"
        " expect_text: [Snowflake]}]}\n"
    )
    assert _score(bot, tmp_path, body) == [True, False]


def test_which_roles_use_a_thing_meets_the_label_compare(bot: CareerBot, tmp_path: Path) -> None:
    body = (
        '  - {text: "which roles use Spark?", category: comparison, intent: compare,'
        " roles: [data_engineer, data_science_engineer]}\n"
        '  - {text: "which roles use Spark?", category: comparison, intent: ask_tools,'
        " roles: [data_engineer, data_science_engineer]}\n"
    )
    assert _score(bot, tmp_path, body) == [True, True]
