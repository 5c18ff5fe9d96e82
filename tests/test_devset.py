"""The labelled development set (written apart from intents/) through `careerbot eval`."""

from __future__ import annotations

from careerbot import CareerBot
from careerbot.data.validate import load_data
from careerbot.evaluate import evaluate_file, format_report, load_cases

from .conftest import DATA

#: Floors CI enforces; measured numbers are in README.
OVERALL_FLOOR = 0.98
CATEGORY_FLOOR = 0.9


def test_devset_is_large_and_apart_from_intents() -> None:
    cases = load_cases(DATA / "devset.yaml")
    singles = [c for c in cases if c.dialogue is None]
    assert len(singles) >= 300 and len({c.dialogue for c in cases if c.dialogue}) >= 15
    _, intents = load_data()
    examples = {e.strip().casefold() for spec in intents.intents.values() for e in spec.examples}
    # Only one- and two-word utterances ("hi", "thanks!") may coincide; anything longer is kept apart.
    overlap = [c.text for c in cases if c.text.strip().casefold() in examples and len(c.text.split()) > 2]
    assert overlap == []


def test_devset_accuracy(bot: CareerBot) -> None:
    report = evaluate_file(bot, DATA / "devset.yaml")
    text = format_report(report)
    assert report.accuracy >= OVERALL_FLOOR, text
    for category, (ok, n) in report.by_category().items():
        assert ok / n >= CATEGORY_FLOOR, (category, text)
