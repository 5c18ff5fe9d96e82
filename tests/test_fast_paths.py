"""The twelfth pass's fast paths give what the general code gives, on every message of the labelled sets.

Each fast path skips work where it cannot change the result (a regex over a text with nowhere to
match, a template scanned again on every answer); these tests hold each one to the code it stands in for.
"""

from __future__ import annotations

from pathlib import Path
from string import Template
from typing import Any

import pytest
import yaml

from careerbot.nlu import parts
from careerbot.nlu.normalize import tokenize
from careerbot.skills.wording import ADVISOR_TEMPLATES, TEMPLATES, TOPIC_QUESTIONS, Wording

DATA = Path(__file__).parent / "data"


def _texts(node: Any, out: list[str]) -> list[str]:
    if isinstance(node, dict):
        if isinstance(node.get("text"), str):
            out.append(node["text"])
        for value in node.values():
            _texts(value, out)
    elif isinstance(node, list):
        for value in node:
            _texts(value, out)
    return out


@pytest.fixture(scope="module")
def messages() -> list[str]:
    found: list[str] = []
    for path in sorted(DATA.glob("*.yaml")):
        _texts(yaml.safe_load(path.read_text(encoding="utf-8")), found)
    assert len(found) > 10_000
    return found


_EDGES = [
    "", " ", "a\n", "what?\n", "what? ", "x - what", "a/b c", "really?!", "ok: what is it", "hi.", "x\u2014 y",
    "1) tools 2) skills", "what?what", "tools; skills", "a \u2013 how", "why.", "?", "\n\n",
]


def test_sentences_are_cut_as_the_sentence_regex_cuts(messages: list[str]) -> None:
    texts = [*messages, *_EDGES, *(m + " " for m in messages[:300]), *(m[: len(m) // 2] for m in messages)]
    for text in texts:
        assert parts._sentences(text) == parts._SENTENCE_END.split(text), text


@pytest.mark.parametrize("head", [["backend", "dev", "here"], ["chemist", "by", "training"], ["i", "was", "there"]])
def test_here_is_found_as_the_regex_finds_it(head: list[str]) -> None:
    assert parts._says_here(head) == bool(parts._HERE.search(" ".join(head)))


def test_tokenising_skips_nothing_a_message_needs(messages: list[str]) -> None:
    # The ASCII path against the general one, which every non-ASCII text takes.
    for text in messages:
        if text.isascii():
            assert tokenize(text + " \u00e9") == [*tokenize(text), "\u00e9"], text


def _all_templates() -> list[tuple[str, Template]]:
    return [(k, t) for table in (TEMPLATES, ADVISOR_TEMPLATES, TOPIC_QUESTIONS) for k, t in table.items()]


def test_every_template_is_a_wording() -> None:
    assert all(isinstance(t, Wording) for _, t in _all_templates())


@pytest.mark.parametrize(("key", "template"), _all_templates())
def test_a_wording_fills_in_as_a_template_does(key: str, template: Template) -> None:
    plain = Template(template.template)
    names = template.get_identifiers()
    for values in ({}, {n: f"<{n} $x ${{y}}>" for n in names}, {n: 7 for n in names[:1]}):
        assert template.safe_substitute(values) == plain.safe_substitute(values)
        assert template.safe_substitute(**values) == plain.safe_substitute(**values)
        assert template.safe_substitute(values, extra="1") == plain.safe_substitute(values, extra="1")


@pytest.mark.parametrize("text", ["$$ a $b ${c} $ d $", "x $ y", "$1 costs $$5", "${a}b$a$$$a", "", "no names", "$"])
def test_a_wording_keeps_what_it_cannot_fill(text: str) -> None:
    for values in ({}, {"a": "A", "b": "{0.__class__}", "c": "$b"}):
        assert Wording(text).safe_substitute(values) == Template(text).safe_substitute(values)


def test_user_words_in_a_wording_are_never_read_as_a_template() -> None:
    filled = Wording("You said: $said").safe_substitute(said="${x} $said {0.__class__} %s")
    assert filled == "You said: ${x} $said {0.__class__} %s"
