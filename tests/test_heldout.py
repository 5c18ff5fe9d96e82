"""Further labelled sets, each written by a separate session that never saw intents/, the dev set or the
code: general questions (heldout.yaml), the advisor features (advisor_heldout.yaml) and a last mixed set
(final_heldout.yaml), and one written at the very end and not tuned on at all (unseen_heldout.yaml).
Then the conversation sets of issue 11, written the same way: every kind of message people send
(conv_tune.yaml ... conv_tune5.yaml), 9-12 turn conversations (conv_long.yaml ... conv_long5.yaml),
and sets measured once before any change they prompted (conv_untouched.yaml at the end of the first
pass, conv_fresh.yaml at the end of the second, conv_final.yaml last in the second). CI keeps floors.

First measurements, before any change prompted by them: 97.4%, 76.3%, 94.3% and 95.5%; for the
conversation sets 64.1%, 67.8%, 70.7%, 85.2% (untouched), 86.2% (tune3), 81.9% (long2), 87.4% (fresh),
85.7% (final), and in the third pass 92.2% (tune4), 84.9% (long3), 82.1% (long4), 94.6% (tune5) and
90.1% (long5), 90.4% (long6, written last); conv_holdout.yaml, kept out of all tuning of the third pass, 93.8% when measured once.
Fourth pass: 92.5% (long7), 90.6% (long8), 84.1% (long9), 93.5% (long10), 90.1% (long11); conv_holdout2.yaml,
written first and untouched until the end, 90.7% at the start and 93.0% at the end; conv_holdout3.yaml,
written late and measured once at the end, 95.2% (the code at the start of the pass: 93.4%); conv_holdout4.yaml,
written after the last tuning and measured once, 92.0% (the code at the start of the pass: 89.7%).
Fifth pass: 86.2% (long12), 92.0% (long13), 91.0% (long14), 93.1% (long15), 89.4% (long16), 89.8% (long17),
95.1% (holdout5, tuned on afterwards), 85.4% (long18, paraphrases); conv_holdout6.yaml, written first and untouched until the end, 94.9%
(the code at the start of the pass: 93.2%); conv_holdout7.yaml, written late and measured once, 94.3% (the
code at the start of the pass: 94.3%).
Thirteenth pass: 88.7% (long55), 93.4% (long56), 93.7% (long57), 92.6% (long58), 91.0% (long59);
conv_holdout16.yaml, kept out of the repository until the end, 93.9% when measured once (the code
at the start of the pass scores the same).
Fourteenth pass: 88.8% (long60), 87.7% (long61), 92.9% (long62); conv_holdout17.yaml, kept out of the
repository until the end, 91.2% when measured once (the code at the start of the pass scores the same).
Fifteenth pass: 97.2% (long63), 87.9% (long64), 86.9% (long65).
Sixteenth pass: 92.3% (long66), 90.2% (long67), 85.8% (long68), 91.3% (long69), 91.8% (long70);
conv_holdout18.yaml, kept out of the repository until the end, 91.1% when measured once (the code at
the start of the pass: 90.7%); conv_holdout19.yaml, written late and measured once after the last
change, 92.7% (the code at the start of the pass: 93.1%).
The README has the current numbers.
"""

from __future__ import annotations

import pytest

from careerbot import CareerBot
from careerbot.evaluate import evaluate_file, format_report

from .conftest import DATA

FLOORS = {
    # file: (overall floor, per-category floor)
    "heldout.yaml": (0.97, 0.9),
    "advisor_heldout.yaml": (0.95, 0.85),
    "final_heldout.yaml": (0.96, 0.85),
    "unseen_heldout.yaml": (0.96, 0.9),
    "conv_tune.yaml": (0.95, 0.75),
    "conv_tune2.yaml": (0.94, 0.8),
    "conv_long.yaml": (0.93, 0.93),
    "conv_untouched.yaml": (0.93, 0.8),
    "conv_tune3.yaml": (0.95, 0.9),
    "conv_long2.yaml": (0.94, 0.94),
    "conv_fresh.yaml": (0.95, 0.88),
    "conv_final.yaml": (0.95, 0.93),
    "conv_tune4.yaml": (0.96, 0.9),
    "conv_long3.yaml": (0.96, 0.96),
    "conv_long4.yaml": (0.92, 0.92),
    "conv_tune5.yaml": (0.96, 0.85),
    "conv_long5.yaml": (0.92, 0.75),
    "conv_holdout.yaml": (0.93, 0.85),
    "conv_long6.yaml": (0.9, 0.8),
    # fourth pass: tuned on long7-long11; holdout2 kept untouched until the end, holdout3 written last
    "conv_long7.yaml": (0.96, 0.85),
    "conv_long8.yaml": (0.97, 0.95),
    "conv_long9.yaml": (0.93, 0.9),
    "conv_long10.yaml": (0.95, 0.85),
    "conv_long11.yaml": (0.95, 0.85),
    "conv_holdout2.yaml": (0.92, 0.8),
    "conv_holdout3.yaml": (0.94, 0.75),
    "conv_holdout4.yaml": (0.91, 0.75),
    # fifth pass: tuned on long12-long17 and holdout5 (its failures were seen after its first
    # measurement); holdout6 kept untouched until the end, holdout7 written late and measured once
    "conv_long12.yaml": (0.93, 0.8),
    "conv_long13.yaml": (0.95, 0.9),
    "conv_long14.yaml": (0.96, 0.7),
    "conv_long15.yaml": (0.95, 0.9),
    "conv_long16.yaml": (0.93, 0.7),
    "conv_long17.yaml": (0.94, 0.8),
    "conv_holdout5.yaml": (0.98, 0.95),
    "conv_holdout6.yaml": (0.93, 0.65),
    "conv_holdout7.yaml": (0.92, 0.5),
    "conv_long18.yaml": (0.9, 0.75),
    # sixth pass: tuned on long19-long23 (and later sets); holdout8 kept untouched until the end,
    # holdout9 written during the pass and measured once at the end
    "conv_long19.yaml": (0.92, 0.85),
    "conv_long20.yaml": (0.97, 0.9),
    "conv_long21.yaml": (0.95, 0.85),
    "conv_long22.yaml": (0.94, 0.9),
    "conv_long23.yaml": (0.97, 0.9),
    "conv_long24.yaml": (0.95, 0.8),
    "conv_long25.yaml": (0.97, 0.8),
    "conv_long26.yaml": (0.92, 0.75),
    "conv_long27.yaml": (0.94, 0.85),
    "conv_long28.yaml": (0.95, 0.85),
    "conv_long29.yaml": (0.95, 0.8),
    "conv_long30.yaml": (0.93, 0.8),
    "conv_long31.yaml": (0.94, 0.8),
    "conv_holdout8.yaml": (0.94, 0.8),
    "conv_holdout9.yaml": (0.94, 0.8),
    # seventh pass: tuned on long32-long35; holdout10 kept untouched until the end
    "conv_long32.yaml": (0.93, 0.55),
    "conv_long33.yaml": (0.89, 0.7),
    "conv_long34.yaml": (0.92, 0.8),
    "conv_long35.yaml": (0.93, 0.75),
    "conv_holdout10.yaml": (0.9, 0.7),
    # eighth pass: tuned on long36-long38; holdout11 kept out of the repository until the end
    "conv_long36.yaml": (0.92, 0.7),
    "conv_long37.yaml": (0.94, 0.75),
    "conv_long38.yaml": (0.95, 0.85),
    "conv_holdout11.yaml": (0.89, 0.55),
    # ninth pass: tuned on long39-long42; holdout12 kept out of the repository until the end
    "conv_long39.yaml": (0.94, 0.6),
    "conv_long40.yaml": (0.93, 0.6),
    "conv_long41.yaml": (0.91, 0.85),
    "conv_long42.yaml": (0.94, 0.8),
    "conv_holdout12.yaml": (0.93, 0.75),
    # tenth pass: tuned on long43-long45 (long46 and long47 written late: first measured, little
    # tuning); holdout13 kept out of the repository until the end
    "conv_long43.yaml": (0.94, 0.7),
    "conv_long44.yaml": (0.89, 0.6),
    "conv_long45.yaml": (0.9, 0.85),
    "conv_long46.yaml": (0.83, 0.75),
    "conv_long47.yaml": (0.9, 0.8),
    "conv_holdout13.yaml": (0.83, 0.7),
    # eleventh pass: tuned on long48-long51; holdout14 kept out of the repository until the end
    "conv_long48.yaml": (0.85, 0.5),
    "conv_long50.yaml": (0.87, 0.8),
    "conv_holdout14.yaml": (0.86, 0.79),
    # twelfth pass: tuned on long52-long54; holdout15 kept out of the repository until the end
    "conv_long52.yaml": (0.93, 0.85),
    "conv_long53.yaml": (0.92, 0.8),
    "conv_long54.yaml": (0.92, 0.85),
    "conv_holdout15.yaml": (0.89, 0.83),
    # thirteenth pass: tuned on long55-long57 (long58, long59 written late: first measured, little
    # tuning); holdout16 kept out of the repository until the end
    "conv_long55.yaml": (0.92, 0.65),
    "conv_long56.yaml": (0.95, 0.9),
    "conv_long57.yaml": (0.94, 0.85),
    "conv_long58.yaml": (0.93, 0.85),
    "conv_long59.yaml": (0.91, 0.7),
    "conv_holdout16.yaml": (0.93, 0.8),
    # fourteenth pass: tuned on long60-long62; holdout17 kept out of the repository until the end
    "conv_long60.yaml": (0.9, 0.75),
    "conv_long61.yaml": (0.89, 0.75),
    "conv_long62.yaml": (0.95, 0.85),
    "conv_holdout17.yaml": (0.94, 0.85),
    # fifteenth pass: tuned on long63-long65
    "conv_long63.yaml": (0.97, 0.85),
    "conv_long64.yaml": (0.92, 0.85),
    "conv_long65.yaml": (0.93, 0.85),
    # sixteenth pass: tuned on long66-long70
    "conv_long66.yaml": (0.95, 0.6),
    "conv_long67.yaml": (0.93, 0.85),
    "conv_long68.yaml": (0.91, 0.75),
    "conv_long69.yaml": (0.92, 0.85),
    "conv_long70.yaml": (0.95, 0.85),
    # holdout18 kept out of the repository until the end of the sixteenth pass, measured once
    "conv_holdout18.yaml": (0.91, 0.7),
    # holdout19 written late in the sixteenth pass and measured once, after the last change
    "conv_holdout19.yaml": (0.92, 0.75),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_heldout_accuracy(bot: CareerBot, name: str) -> None:
    overall, per_category = FLOORS[name]
    report = evaluate_file(bot, DATA / name)
    text = format_report(report)
    assert report.accuracy >= overall, text
    for category, (ok, n) in report.by_category().items():
        assert ok / n >= per_category, (category, text)
