"""The speller's plain-word list is current: every common English word it would take for a typo
of one of careerbot's own words, or split into two of them, is listed.

New keywords grow the speller's vocabulary; one new word ("sign") can make a common word a
"typo" ("design" -> "de sign", which reads as the DE role). The list is written by
``scripts/plain_words.py``; this test fails when the data and the list disagree, naming the words.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "plain_words.py"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("plain_words_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_plain_word_list_is_current() -> None:
    pytest.importorskip("wordfreq", reason="the word list check needs wordfreq (the test extra)")
    pytest.importorskip("english_words", reason="the word list check needs english-words (the test extra)")
    expected = _script().plain_words()
    data = yaml.safe_load((ROOT / "intents" / "plain_words.yaml").read_text(encoding="utf-8"))
    listed = [line.removeprefix("- ").strip() for line in data["nlu"][0]["examples"].splitlines() if line.strip()]
    missing = sorted(set(expected) - set(listed))
    stale = sorted(set(listed) - set(expected))
    assert not missing and not stale, (
        f"intents/plain_words.yaml is out of date (run python scripts/plain_words.py): "
        f"missing {missing[:20]}, no longer needed {stale[:20]}"
    )
