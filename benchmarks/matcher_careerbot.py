"""``IntentMatcher`` alone on careerbot's own intents: intent accuracy on the labelled question sets.

The matcher is built from the ``intents/*.yaml`` examples exactly as :class:`careerbot.CareerBot`
builds it: every example and every question has its role mentions masked by a
:class:`careerbot.nlu.entities.RoleFinder` (same aliases, other occupations, extra vocabulary and
synonyms as the bot), so "tools of a data engineer" is matched as "tools of a <role>".  Nothing else
of the bot is used: no keyword boosts, no role rules, no dialogue state.

A question is predicted as its top intent, or as ``fallback`` when the top score is below the
threshold.  The threshold is chosen on the *tuning half* of ``tests/data/devset.yaml``
(even-numbered single questions, the split ``benchmarks/tune_thresholds.py`` uses) by the best
accuracy; the held-apart (odd) half and the other files are only measured.
``unseen_heldout.yaml`` and ``final_heldout.yaml`` are never tuned on: their 350 single questions
are the comparison of issue 13 (Rasa 3.6 DIET: 82.3 %).

    python benchmarks/matcher_careerbot.py [--detail] [--refine-epochs N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

try:
    from careerbot.data.validate import load_data
except ModuleNotFoundError:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from careerbot.data.validate import load_data

from careerbot.data.knowledge import KnowledgeBase
from careerbot.evaluate import Case, load_cases
from careerbot.matcher import IntentMatcher
from careerbot.nlu.entities import RoleFinder

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
FALLBACK = "fallback"
REPORTED = ("devset.yaml", "heldout.yaml", "advisor_heldout.yaml")
HELDOUT = ("unseen_heldout.yaml", "final_heldout.yaml")


def posting_keywords(kb: KnowledgeBase) -> list[str]:
    """Company and place names of the postings (the bot's extra RoleFinder vocabulary)."""
    words: list[str] = []
    for posting in kb.postings:
        words.append(re.sub(r"\.(com|org|net|io|ai)$", "", posting.company))
        for part in posting.location.replace("(", ",").replace(")", ",").split(","):
            place = part.strip()
            if len(place) >= 4 and place.casefold() not in {"remote", "anywhere in the u.s."}:
                words.append(place)
    return list(dict.fromkeys(words))


def build(**options: object) -> tuple[RoleFinder, IntentMatcher, float]:
    """The bot's RoleFinder and an IntentMatcher on the masked intent examples; build seconds."""
    kb, intents = load_data()
    keywords = [k for spec in intents.intents.values() for k in spec.keywords] + posting_keywords(kb)
    finder = RoleFinder(
        {r.id: (r.name, r.plural, *r.aliases) for r in kb.roles.values()},
        other_occupations=intents.lookups.get("other_occupation", ()),
        extra_vocabulary=keywords,
        synonyms=intents.synonyms,
    )
    examples = {
        name: tuple(finder.find(e, correct=False).masked for e in spec.examples)
        for name, spec in intents.intents.items()
    }
    start = time.perf_counter()
    matcher = IntentMatcher(examples, **options)  # type: ignore[arg-type]
    return finder, matcher, time.perf_counter() - start


def singles(name: str) -> list[Case]:
    """The single questions (no dialogue turns) of a labelled file."""
    return [c for c in load_cases(DATA / name) if c.dialogue is None]


def scored(finder: RoleFinder, matcher: IntentMatcher, cases: Sequence[Case]) -> list[tuple[Case, str, float]]:
    """``(case, top intent or fallback, top score)`` for every case."""
    out = []
    for case in cases:
        masked = finder.find(case.text).masked
        best = matcher.match(masked) if masked else None
        out.append((case, best[0] if best else FALLBACK, best[1] if best else 0.0))
    return out


def predicted(intent: str, score: float, threshold: float) -> str:
    return intent if score >= threshold else FALLBACK


def choose_threshold(rows: Sequence[tuple[Case, str, float]]) -> float:
    """The threshold with the best accuracy on ``rows`` (ties: the middle of the best run)."""
    candidates = sorted({0.0, *(s for _, _, s in rows), 1.0 + 1e-9})
    accs = [sum(predicted(i, s, t) == c.intent for c, i, s in rows) for t in candidates]
    best = max(accs)
    run = [t for t, a in zip(candidates, accs) if a == best]
    # The first run of best thresholds; its middle is the most robust choice.
    first = candidates.index(run[0])
    end = first
    while end + 1 < len(candidates) and accs[end + 1] == best:
        end += 1
    return (candidates[first] + candidates[end]) / 2


def report(name: str, rows: Sequence[tuple[Case, str, float]], threshold: float, detail: bool) -> float:
    """Print accuracy (overall, OOS recall, per category); return the accuracy."""
    ok = [predicted(i, s, threshold) == c.intent for c, i, s in rows]
    acc = sum(ok) / len(ok)
    by_cat: dict[str, list[bool]] = defaultdict(list)
    for (c, _, _), good in zip(rows, ok):
        by_cat[c.category].append(good)
    oos = [good for (c, _, _), good in zip(rows, ok) if c.intent == FALLBACK]
    cats = ", ".join(f"{k} {100 * sum(v) / len(v):.0f}" for k, v in sorted(by_cat.items()))
    oos_text = f", OOS recall {100 * sum(oos) / len(oos):.1f}" if oos else ""
    print(f"{name:<40} {100 * acc:5.1f}% of {len(rows):3d}{oos_text}")
    if detail:
        print(f"    {cats}")
    return acc


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--detail", action="store_true", help="per-category accuracy")
    parser.add_argument(
        "--refine-epochs", type=int, default=None,
        help="IntentMatcher(refine_epochs=N); the default (None) refines (6 passes) when numpy is installed, "
        "0 is what CareerBot uses",
    )
    args = parser.parse_args(argv)

    finder, matcher, build_s = build(refine_epochs=args.refine_epochs)
    print(f"IntentMatcher alone on intents/: {matcher!r}, build {1000 * build_s:.0f} ms")
    dev = singles("devset.yaml")
    tune = dev[0::2]
    hold = dev[1::2]
    threshold = choose_threshold(scored(finder, matcher, tune))
    print(f"threshold (best accuracy on the devset tuning half, {len(tune)} questions): {threshold:.4f}")
    report("devset tuning half", scored(finder, matcher, tune), threshold, args.detail)
    report("devset held-apart half", scored(finder, matcher, hold), threshold, args.detail)
    for name in REPORTED[1:]:
        report(name, scored(finder, matcher, singles(name)), threshold, args.detail)
    both: list[tuple[Case, str, float]] = []
    for name in HELDOUT:
        rows = scored(finder, matcher, singles(name))
        report(f"{name} (never tuned on)", rows, threshold, args.detail)
        both += rows
    report("unseen + final held-out", both, threshold, args.detail)

    texts = [finder.find(c.text).masked for c in dev]
    texts = [t for t in texts if t]
    for t in texts[:50]:
        matcher.rank(t)
    times = []
    for t in texts:
        start = time.perf_counter()
        matcher.rank(t)
        times.append(1000 * (time.perf_counter() - start))
    print(f"rank p50 {statistics.median(times):.3f} ms (masked questions; masking not timed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
