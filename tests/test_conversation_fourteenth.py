"""Conversations as people hold them (issue 11, fourteenth pass), through the public ``CareerBot().ask``."""

from __future__ import annotations

import uuid

import pytest

from careerbot import CareerBot


@pytest.fixture
def sid() -> str:
    return f"fourteenth-{uuid.uuid4().hex}"


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("do they use Snowflake?", "Snowflake"),
        ("do they use Snowflake too?", "Snowflake"),
        ("do they use dbt or looker?", "dbt and looker"),
    ],
)
def test_a_tool_the_articles_never_name_asked_of_the_role_in_focus(
    bot: CareerBot, sid: str, question: str, names: str
) -> None:
    bot.ask("what do data engineers do?", session_id=sid)
    reply = bot.ask(question, session_id=sid)
    assert (reply.intent, reply.roles) == ("ask_tools", ("data_engineer",))
    assert reply.text.startswith(f"The articles don't say anything about {names} for Data Engineers")


@pytest.mark.parametrize("question", ["do they use charting tools?", "do they wear a disguise?"])
def test_a_kind_of_tool_or_an_unknown_word_about_the_role_in_focus_is_no_unlisted_tool(
    bot: CareerBot, sid: str, question: str
) -> None:
    bot.ask("what do data engineers do?", session_id=sid)
    assert "don't say anything about" not in bot.ask(question, session_id=sid).text
