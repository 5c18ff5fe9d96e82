"""Behaviour of :class:`careerbot.matcher.IntentMatcher` and of the CLINC150 benchmark helpers."""

from __future__ import annotations

import importlib.util
import math
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerbot.matcher import IntentMatcher, light_stem

ROOT = Path(__file__).resolve().parent.parent
CLINC_PATH = ROOT.parent / "shared" / "benchmarks" / "clinc150" / "clinc150_full_train_val.json"

EXAMPLES: dict[str, list[str]] = {
    "greet": ["hello", "hi there", "good morning", "hey, how are you?", "howdy"],
    "thanks": ["thank you", "thanks a lot", "many thanks for the help", "cheers, that was useful"],
    "goodbye": ["bye", "goodbye", "see you later", "talk to you soon", "i have to go now"],
    "ask_salary": [
        "how much does a data engineer earn",
        "what is the salary of a machine learning engineer",
        "what's the pay like",
        "average salary for this job",
        "how well paid is this role",
    ],
    "ask_tools": [
        "what tools does a data engineer use",
        "which software and frameworks do they work with",
        "what technologies are used in this job",
        "do they use spark or airflow",
        "which programming tools are needed",
    ],
    "ask_skills": [
        "what skills do i need",
        "which skills are required to become a data scientist",
        "what abilities should a machine learning engineer have",
        "key competencies for this role",
    ],
    "ask_education": [
        "what degree do i need",
        "which education is required",
        "do i need a masters or a phd",
        "what should i study at university",
    ],
}


@pytest.fixture(scope="module")
def matcher() -> IntentMatcher:
    return IntentMatcher(EXAMPLES)


def _numpy_installed() -> bool:
    return importlib.util.find_spec("numpy") is not None


# ---------------------------------------------------------------- construction


def test_intents_keep_the_order_of_examples(matcher: IntentMatcher) -> None:
    assert matcher.intents == tuple(EXAMPLES)


@pytest.mark.parametrize(
    ("examples", "message"),
    [
        ({}, "at least one intent"),
        ({"greet": []}, "'greet' has no examples"),
        ({"greet": ["hello"], "empty": ()}, "'empty' has no examples"),
        ({"greet": ["hello"], "noise": ["!!!", "   ", ""]}, "'noise' has no usable examples"),
    ],
)
def test_missing_examples_raise_value_error(examples: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        IntentMatcher(examples)


@pytest.mark.parametrize(
    "examples",
    [
        [("greet", ["hello"])],  # not a mapping
        {"greet": "hello"},  # a str is not a list of examples
        {"greet": ["hello", 3]},
        {1: ["hello"]},
        {"greet": None},
    ],
)
def test_wrong_example_types_raise_type_error(examples: Any) -> None:
    with pytest.raises(TypeError):
        IntentMatcher(examples)


@pytest.mark.parametrize(
    "options",
    [
        {"max_tokens": 0},
        {"ngram_range": (4, 3)},
        {"word_weight": 0.0, "bigram_weight": 0.0, "char_weight": 0.0},
        {"ratio_weight": 0.7, "token_sort_weight": 0.7},
        {"rescore": 0},
        {"lead_weight": -0.5},
        {"lead_weight": 11.0},
        {"many_intents": -1},
        {"ratio_weight": -0.1},
        {"token_sort_weight": 1.5},
        {"typo_cutoff": 0},
        {"refine_epochs": -1},
    ],
)
def test_bad_options_raise_value_error(options: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        IntentMatcher(EXAMPLES, **options)


def test_matcher_is_immutable(matcher: IntentMatcher) -> None:
    with pytest.raises(AttributeError):
        matcher.extra = 1  # type: ignore[attr-defined]


# ---------------------------------------------------------------- matching


@pytest.mark.parametrize(
    ("text", "intent"), [(text, intent) for intent, texts in EXAMPLES.items() for text in texts]
)
def test_every_example_matches_its_own_intent(matcher: IntentMatcher, text: str, intent: str) -> None:
    best = matcher.match(text)
    assert best is not None
    assert best[0] == intent
    assert best[1] > 0.5


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("helo there", "greet"),
        ("good mornin!", "greet"),
        ("thx a lot, that was usefull", "thanks"),
        ("thank yuo so much", "thanks"),
        ("ok bye, see ya later", "goodbye"),
        ("how much do data engineers earn?", "ask_salary"),
        ("wht is the sallary of an ml engineer", "ask_salary"),
        ("which tools do data engineers use", "ask_tools"),
        ("what technolgies and frameworks are used", "ask_tools"),
        ("what skils are required", "ask_skills"),
        ("do i need a phd or a mastrs degree", "ask_education"),
        ("WHAT DEGREE DO I NEED???", "ask_education"),
    ],
)
def test_paraphrases_and_typos_find_the_intent(matcher: IntentMatcher, text: str, intent: str) -> None:
    best = matcher.match(text, score_cutoff=0.3)
    assert best is not None, matcher.rank(text)
    assert best[0] == intent


@pytest.mark.parametrize(
    "text",
    [
        "purple elephants dance quietly",
        "zxqv plonk wibble",
        "the quick brown fox jumps over the lazy dog",
        "1234 5678",
        "🙂🙂🙂",
    ],
)
def test_unrelated_text_is_below_the_cutoff(matcher: IntentMatcher, text: str) -> None:
    assert matcher.match(text, score_cutoff=0.3) is None


@pytest.mark.parametrize("text", ["", "   ", "!!!", "?.,;", "\x00\x01", "qqqqqqq"])
def test_text_sharing_nothing_gives_empty_rank_and_no_match(matcher: IntentMatcher, text: str) -> None:
    assert matcher.rank(text) == []
    assert matcher.match(text) is None


def test_match_is_the_head_of_rank(matcher: IntentMatcher) -> None:
    for text in ["hello", "salary of a data engineer", "what do i study", "tools and skills"]:
        ranked = matcher.rank(text, limit=5)
        assert matcher.match(text) == ranked[0]
        assert matcher.match(text, score_cutoff=ranked[0][1]) == ranked[0]
        assert matcher.match(text, score_cutoff=math.nextafter(ranked[0][1], 2.0)) is None


@pytest.mark.parametrize("limit", [1, 2, 3, 5, 7, 100])
@pytest.mark.parametrize("text", ["hello", "what skills and tools do data engineers need", "bye thanks"])
def test_rank_is_sorted_bounded_and_respects_limit(matcher: IntentMatcher, text: str, limit: int) -> None:
    ranked = matcher.rank(text, limit=limit)
    assert 1 <= len(ranked) <= min(limit, len(EXAMPLES))
    scores = [score for _, score in ranked]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert len({intent for intent, _ in ranked}) == len(ranked)
    assert all(intent in EXAMPLES for intent, _ in ranked)


@pytest.mark.parametrize("limit", [0, -1])
def test_non_positive_limit_gives_empty_list(matcher: IntentMatcher, limit: int) -> None:
    assert matcher.rank("hello", limit=limit) == []


@pytest.mark.parametrize("value", [None, 42, 3.5, b"hello", ["hello"], {"text": "hello"}])
@pytest.mark.parametrize("method", ["rank", "match"])
def test_non_str_raises_type_error(matcher: IntentMatcher, value: Any, method: str) -> None:
    with pytest.raises(TypeError):
        getattr(matcher, method)(value)


@pytest.mark.parametrize(
    "text",
    [
        "\ud800",
        "hello \udfff there",
        "a\x00b\x1bc\u200bd",
        "\u202ehello\u202c",
        "hello" * 200_000,  # 1 MB
        "thanks " * 150_000,
        "e\u0301\u0301\u0301 hi",
        "😀 hello 😀",
        "\n\t\r hello \x0b",
        "x" * 100_000,
        "مرحبا hello 你好",
    ],
)
def test_hostile_strings_return_a_list(matcher: IntentMatcher, text: str) -> None:
    ranked = matcher.rank(text)
    assert isinstance(ranked, list)
    assert all(0.0 <= s <= 1.0 for _, s in ranked)


def test_a_long_query_only_matches_its_start(matcher: IntentMatcher) -> None:
    long = "what degree do i need " + "bye " * 10_000
    best = matcher.match(long)
    assert best is not None and best[0] == "ask_education"


def test_processor_none_uses_text_as_is() -> None:
    m = IntentMatcher({"upper": ["HELLO WORLD"], "lower": ["goodbye moon"]}, processor=None)
    best = m.match("HELLO WORLD")
    assert best is not None and best[0] == "upper" and best[1] == pytest.approx(1.0)
    assert m.match("hello world") is None or m.match("hello world", score_cutoff=0.9) is None
    assert all(0.0 <= s <= 1.0 for _, s in m.rank("\ud800 \x00 HELLO"))


def test_custom_processor_is_applied_to_examples_and_queries() -> None:
    m = IntentMatcher({"a": ["alpha"], "b": ["beta"]}, processor=lambda s: s.replace("-", " ").lower())
    best = m.match("AL-PHA")
    assert best is not None and best[0] == "a"


def test_scores_are_deterministic_and_thread_safe(matcher: IntentMatcher) -> None:
    texts = [text for texts in EXAMPLES.values() for text in texts] + ["helo", "salary?", "nonsense words"]
    expected = [matcher.rank(t) for t in texts]
    results: dict[int, list[list[tuple[str, float]]]] = {}

    def work(n: int) -> None:
        results[n] = [matcher.rank(t) for t in texts * 5][: len(texts)]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results.values())


def test_fuzzy_rescoring_off_gives_pure_prototype_scores() -> None:
    m = IntentMatcher(EXAMPLES, token_sort_weight=0.0, typo_cutoff=None, lead_weight=0.0)
    best = m.match("thank you")
    assert best is not None and best[0] == "thanks"
    # Without rapidfuzz rescoring an exact example is still a cosine, not 1.
    assert 0.3 < best[1] < 1.0


def test_typo_correction_uses_the_vocabulary(matcher: IntentMatcher) -> None:
    assert matcher._correct(["sallary", "enginer", "zzzzzz"]) == ["salary", "engineer", "zzzzzz"]


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("salaries", "salary"),
        ("engineers", "engineer"),
        ("booking", "book"),
        ("booked", "book"),
        ("using", "using"),
        ("boxes", "box"),
        ("is", "is"),
    ],
)
def test_light_stem(word: str, stem: str) -> None:
    assert light_stem(word) == stem


@pytest.mark.skipif(not _numpy_installed(), reason="prototype refinement needs numpy, which is not installed")
def test_refined_prototypes_still_match_and_stay_in_range() -> None:
    m = IntentMatcher(EXAMPLES, refine_epochs=4)
    for intent, texts in EXAMPLES.items():
        for text in texts:
            best = m.match(text)
            assert best is not None and best[0] == intent
    for text in ["helo", "purple elephants", "what skills and tools"]:
        assert all(0.0 <= s <= 1.0 for _, s in m.rank(text, limit=10))


@pytest.mark.skipif(not _numpy_installed(), reason="prototype refinement needs numpy, which is not installed")
def test_the_default_refines_a_small_set_when_numpy_is_installed() -> None:
    import careerbot.matcher.intent_matcher as matcher_module

    calls: list[int] = []
    real = matcher_module._refined_prototypes

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[4])  # epochs
        return real(*args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(matcher_module, "_refined_prototypes", spy)
        IntentMatcher(EXAMPLES)
        assert calls == [6]
        IntentMatcher(EXAMPLES, refine_epochs=0)
        IntentMatcher(EXAMPLES, refine_min_examples=10_000)
        assert calls == [6]


def test_careerbot_builds_its_matcher_without_numpy() -> None:
    """The bot passes ``refine_epochs=0``: loading it and answering never imports numpy."""
    import subprocess

    code = (
        "import sys\n"
        "from careerbot import CareerBot\n"
        "bot = CareerBot()\n"
        "bot.ask('what does a data engineer earn?')\n"
        "print('numpy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "False"


def test_without_numpy_the_default_skips_refinement(monkeypatch: pytest.MonkeyPatch) -> None:
    import careerbot.matcher.intent_matcher as matcher_module

    monkeypatch.setattr(matcher_module, "_numpy_available", lambda: False)
    monkeypatch.setitem(sys.modules, "numpy", None)  # any "import numpy" now fails
    m = IntentMatcher(EXAMPLES, refine_min_examples=1)
    best = m.match("how much does a data engineer earn")
    assert best is not None and best[0] == "ask_salary"
    with pytest.raises(ImportError, match="needs numpy"):
        IntentMatcher(EXAMPLES, refine_epochs=2)


@pytest.mark.parametrize("epochs", [0, None])
def test_many_intents_use_sparse_rows_with_the_same_results(
    monkeypatch: pytest.MonkeyPatch, epochs: int | None
) -> None:
    import careerbot.matcher.intent_matcher as matcher_module

    packed = IntentMatcher(EXAMPLES, refine_epochs=epochs)
    monkeypatch.setattr(matcher_module, "_PACKED_MAX_LANES", 0)
    sparse = IntentMatcher(EXAMPLES, refine_epochs=epochs)
    assert type(sparse._scorer).__name__ == "_SparseRows"
    for text in ["hello", "how much do they earn", "tools and skills", "what degree"]:
        a, b = packed.rank(text, limit=7), sparse.rank(text, limit=7)
        assert [i for i, _ in a] == [i for i, _ in b]
        # Fixed-point lanes vs floats; the lead (weight 1) can double the difference.
        assert [s for _, s in a] == pytest.approx([s for _, s in b], abs=1e-5)


def _many_intents() -> dict[str, list[str]]:
    """60 synthetic intents: each a distinct word pair, so the intent count crosses ``many_intents``."""
    words = [f"{a}{b}" for a in ("bra", "clo", "dri", "fen", "glu", "hom") for b in ("vak", "tep", "mor", "sul", "qin",
                                                                                   "lar", "dox", "wen", "pij", "zub")]
    return {f"intent{i}": [f"please {w} now", f"{w} {words[(i + 1) % len(words)]} thing"] for i, w in enumerate(words)}


def test_lead_keeps_the_order_and_lifts_a_clear_winner() -> None:
    examples = _many_intents()
    plain = IntentMatcher(examples, lead_weight=0.0)
    lead = IntentMatcher(examples, lead_weight=1.0)
    for text in ["please bravak now", "bravak thing", "clotep please", "hello there"]:
        a, b = plain.rank(text, limit=10), lead.rank(text, limit=10)
        assert [i for i, _ in a] == [i for i, _ in b]
        assert all(sb >= sa - 1e-12 for (_, sa), (_, sb) in zip(a, b))
        assert all(0.0 <= s <= 1.0 for _, s in b)
    # "please bravak now" is one intent's example: its lead over the rest is added.
    (intent_a, score_a), (intent_b, score_b) = plain.rank("bravak", limit=1)[0], lead.rank("bravak", limit=1)[0]
    assert intent_a == intent_b == "intent0" and score_b > score_a


def test_lead_and_ratio_defaults_depend_on_the_intent_count(matcher: IntentMatcher) -> None:
    assert matcher._lead_weight == 0.0 and matcher._ratio_weight == 0.0  # 7 intents
    many = IntentMatcher(_many_intents())
    assert many._lead_weight == 1.0 and many._ratio_weight == pytest.approx(0.2)
    assert IntentMatcher(EXAMPLES, many_intents=5)._lead_weight == 1.0
    assert IntentMatcher(_many_intents(), lead_weight=0.0, ratio_weight=0.0)._lead_weight == 0.0
    # The automatic ratio weight never pushes the fuzzy weights above 1.
    capped = IntentMatcher(_many_intents(), token_sort_weight=0.9)
    assert capped._ratio_weight == pytest.approx(0.1)
    assert capped._proto_weight == pytest.approx(0.0, abs=1e-12)


def test_with_lead_uses_the_mean_of_the_two_best_rivals() -> None:
    from careerbot.matcher.lead import _with_lead

    out = _with_lead([(0.6, 0), (0.4, 1), (0.2, 2), (0.1, 3)], 1.0)
    # 0.6 leads (0.4 + 0.2) / 2 by 0.3; 0.4 trails (0.6 + 0.2) / 2; the rest trail too.
    assert [i for _, i in out] == [0, 1, 2, 3]
    assert [s for s, _ in out] == pytest.approx([0.9, 0.4, 0.2, 0.1])
    assert _with_lead([(0.7, 5)], 1.0) == [(1.0, 5)]  # no rivals: capped at 1
    assert _with_lead([(0.5, 1), (0.5, 2)], 2.0) == [(0.5 + 2.0 * 0.25, 1), (0.5 + 2.0 * 0.25, 2)]


# ---------------------------------------------------------------- properties

_TEXT = st.text(
    alphabet=st.characters(codec=None, exclude_categories=()),  # includes surrogates and controls
    max_size=300,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXT, limit=st.integers(min_value=-2, max_value=12))
def test_any_text_gives_a_sorted_bounded_list(matcher: IntentMatcher, text: str, limit: int) -> None:
    ranked = matcher.rank(text, limit=limit)
    assert isinstance(ranked, list)
    assert len(ranked) <= max(0, limit)
    scores = [s for _, s in ranked]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)
    best = matcher.match(text)
    assert best is None or (best[0] in EXAMPLES and 0.0 < best[1] <= 1.0)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(
        st.sampled_from(sorted({w for ts in EXAMPLES.values() for t in ts for w in t.split()})), max_size=12
    )
)
def test_vocabulary_word_salads_are_scored_in_range(matcher: IntentMatcher, words: list[str]) -> None:
    ranked = matcher.rank(" ".join(words), limit=3)
    assert len(ranked) <= 3
    assert all(0.0 <= s <= 1.0 for _, s in ranked)


@settings(max_examples=60, deadline=None)
@given(
    examples=st.dictionaries(
        keys=st.text(min_size=1, max_size=8),
        values=st.lists(
            st.text(alphabet="abcdefgh xyz", min_size=1, max_size=30).filter(str.strip),
            min_size=1,
            max_size=5,
        ),
        min_size=1,
        max_size=6,
    ),
    query=st.text(max_size=60),
)
def test_any_valid_example_set_builds_and_ranks(examples: dict[str, list[str]], query: str) -> None:
    m = IntentMatcher(examples)
    assert m.intents == tuple(examples)
    ranked = m.rank(query, limit=10)
    assert all(intent in examples and 0.0 <= s <= 1.0 for intent, s in ranked)
    # Every example matches some intent that has an example with the same processed text.
    for texts in examples.values():
        for text in texts:
            assert m.rank(text)  # shares at least its own words with the examples


# ---------------------------------------------------------------- CLINC150 benchmark


def _load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("clinc150_benchmark", ROOT / "benchmarks" / "clinc150.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses need the module registered
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _load_benchmark()


def test_benchmark_default_path_is_shared_next_to_the_repo(bench: ModuleType) -> None:
    assert bench.default_data_path() == CLINC_PATH


def test_benchmark_skips_cleanly_without_data(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope.json"
    assert bench.main(["--data", str(missing)]) == 0
    assert f"skipped: CLINC150 data not found at {missing}" in capsys.readouterr().out


def test_benchmark_options_are_python_literals(bench: ModuleType) -> None:
    import argparse

    assert bench.parse_option("ngram_range=(1, 4)") == ("ngram_range", (1, 4))
    assert bench.parse_option(" refine_epochs = 12") == ("refine_epochs", 12)
    assert bench.parse_option("typo_cutoff=None") == ("typo_cutoff", None)
    assert bench.parse_option("name=word") == ("name", "word")
    for bad in ("refine_epochs", "=3", "not a name=1"):
        with pytest.raises(argparse.ArgumentTypeError):
            bench.parse_option(bad)


def test_threshold_choice_follows_the_paper_rule(bench: ModuleType) -> None:
    P: Callable[..., Any] = bench.Prediction
    preds = [
        P("a", "a", 0.9),
        P("a", "a", 0.6),
        P("b", "a", 0.5),  # wrong either way
        P("b", "b", 0.35),
        P("oos", "a", 0.3),
        P("oos", "b", 0.2),
        P("oos", None, 0.0),
    ]
    t = bench.choose_threshold(preds)
    # Best: keep 0.35 in scope, reject 0.3 and below -> 3 in-scope right + 3 oos right.
    assert 0.3 < t <= 0.35
    s = bench.score(preds, t)
    assert s.in_scope_accuracy == pytest.approx(3 / 4)
    assert s.oos_recall == pytest.approx(1.0)


@pytest.mark.skipif(not CLINC_PATH.is_file(), reason=f"CLINC150 data not found at {CLINC_PATH}")
def test_clinc150_subset_smoke(bench: ModuleType) -> None:
    data = bench.load(CLINC_PATH)
    train, val = bench.small_subset(data, n_intents=15, n_examples=40, seed=3)
    matcher, seconds = bench.build_matcher(train)
    assert len(matcher.intents) == 15 and seconds >= 0
    predictions = bench.predict(matcher, [*val, *data["oos_val"][:40]])
    threshold = bench.choose_threshold(predictions)
    scores = bench.score(predictions, threshold)
    assert 0.0 <= threshold <= 1.0
    assert scores.n_in_scope == len(val) and scores.n_oos == 40
    assert scores.in_scope_accuracy >= 0.85
    assert scores.oos_recall >= 0.4
    p50, p99 = bench.latency_ms(matcher, [t for t, _ in val[:50]])
    assert 0.0 < p50 <= p99


def test_benchmark_auroc_and_oos_precision(bench: ModuleType) -> None:
    P: Callable[..., Any] = bench.Prediction
    preds = [P("a", "a", 0.9), P("a", "b", 0.4), P("oos", "a", 0.5), P("oos", None, 0.0)]
    # In-scope above oos in 3 of 4 pairs.
    assert bench.auroc(preds) == pytest.approx(0.75)
    assert bench.auroc([P("a", "a", 0.5), P("oos", "a", 0.5)]) == pytest.approx(0.5)
    s = bench.score(preds, 0.6)
    # Called oos: the 0.4 in-scope query and both oos queries.
    assert s.oos_recall == pytest.approx(1.0) and s.oos_precision == pytest.approx(2 / 3)


def test_benchmark_bootstrap_thresholds_are_sorted_and_within_the_scores(bench: ModuleType) -> None:
    P: Callable[..., Any] = bench.Prediction
    preds = [P("a", "a", 0.9), P("a", "a", 0.7), P("b", "b", 0.6), P("oos", "a", 0.3), P("oos", None, 0.0)]
    spread = bench.bootstrap_thresholds(preds, rounds=30, seed=1)
    assert len(spread) == 30 and spread == sorted(spread)
    assert all(0.0 <= t <= 0.9 for t in spread)
    assert spread == bench.bootstrap_thresholds(preds, rounds=30, seed=1)  # seeded


def test_with_many_intents_match_is_still_the_head_of_rank() -> None:
    m = IntentMatcher(_many_intents())
    for text in ["please bravak now", "bravak clotep thing", "thing now please", "glumor", "zzz hello"]:
        ranked = m.rank(text, limit=10)
        assert (m.match(text) is None) == (not ranked)
        if ranked:
            assert m.match(text) == ranked[0] == m.rank(text, limit=1)[0]
            assert m.rank(text, limit=3) == ranked[:3]


@pytest.mark.skipif(not CLINC_PATH.is_file(), reason=f"CLINC150 data not found at {CLINC_PATH}")
def test_clinc150_many_intents_subset_with_the_lead(bench: ModuleType) -> None:
    data = bench.load(CLINC_PATH)
    train, val = bench.small_subset(data, n_intents=60, n_examples=25, seed=5)
    matcher, _ = bench.build_matcher(train)
    assert matcher._lead_weight == 1.0  # 60 intents: on by default
    predictions = bench.predict(matcher, [*val, *data["oos_val"]])
    scores = bench.score(predictions, bench.choose_threshold(predictions))
    assert scores.in_scope_accuracy >= 0.85
    assert scores.oos_recall >= 0.5
    assert bench.auroc(predictions) >= 0.9
