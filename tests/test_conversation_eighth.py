"""Multi-part messages with a part careerbot cannot answer (issue 11, eighth pass), through the
public ``CareerBot().ask``."""

from __future__ import annotations

import uuid

import pytest

from careerbot import CareerBot

from .conftest import DE, DSE, MLE


@pytest.fixture
def sid() -> str:
    return f"eighth-{uuid.uuid4().hex}"


@pytest.mark.parametrize(
    ("text", "role", "quoted"),
    [
        ("what's the weather in Nairobi, and also what does a DSE do?", DSE, "what's the weather in Nairobi"),
        ("what does a DE earn? also how do i bake bread?", DE, "how do i bake bread"),
        ("hi! what does an MLE do? and can you recommend a good pizza place?", MLE, "can you recommend a good pizza place"),
    ],
)
def test_an_out_of_scope_part_is_named_in_one_line_not_dropped(
    bot: CareerBot, sid: str, text: str, role: str, quoted: str
) -> None:
    reply = bot.ask(text, session_id=sid)
    assert reply.intent != "fallback" and reply.roles == (role,)
    assert f'I can\'t answer "{quoted}" from the articles' in reply.text
    assert "Sorry, I didn't get that" not in reply.text  # (not the whole fallback block)
    parts = reply.data["parts"]
    assert [p["intent"] == "fallback" for p in parts] == [quoted.startswith("what's"), not quoted.startswith("what's")]
    assert {"kind": "skipped", "part": quoted} in [p["data"] for p in parts]


def test_a_statement_not_understood_inside_a_long_message_gets_no_line(bot: CareerBot, sid: str) -> None:
    text = (
        "So a bit of background: I spent eleven years as a line cook and then a kitchen manager, which mostly "
        "meant spreadsheets for inventory, ordering and scheduling. How would someone like me get started as a "
        "data engineer?"
    )
    reply = bot.ask(text, session_id=sid)
    assert reply.intent == "ask_getting_started" and reply.roles == (DE,)
    assert "I can't answer" not in reply.text and "Sorry, I didn't get that" not in reply.text


def test_a_follow_up_part_next_to_the_question_is_not_called_out_of_scope(bot: CareerBot, sid: str) -> None:
    # "lots of late nights?" goes on about the question next to it (the articles don't say).
    reply = bot.ask("what's the work-life balance like for ML engineers? lots of late nights?", session_id=sid)
    assert "I can't answer" not in reply.text and reply.roles == (MLE,)
