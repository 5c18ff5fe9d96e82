"""Write intents/plain_words.yaml: English words that careerbot's speller would otherwise take for a typo
or split into two of its own words.

The role finder corrects words of six letters or more that are one or two edits from one of its own
words ("enginer" -> "engineer"), and so does the advisor for what people say about themselves
("pyhton" -> "python"). Real words that close are not typos: "coming" is not "coding",
"actually" is not "actuary"; "overall" is not "over all" and "designing" is not "DE signing". This
script lists them once: words of the ``english-words`` package's web2
list that are common in English (``wordfreq`` Zipf frequency of at least 3: "coming", not "machin")
and are not a form of careerbot's own word ("source" of "sources"). Both packages are development
tools only (``pip install english-words wordfreq``); careerbot reads the YAML this writes.

    python scripts/plain_words.py        # from the repository root
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Words at least this common (Zipf scale: 3 = once per million words).
MIN_ZIPF = 3.0


def plain_words(intents_dir: Path = ROOT / "intents", knowledge_dir: Path = ROOT / "knowledge") -> list[str]:
    """The plain words for the data in ``intents_dir`` and ``knowledge_dir``, sorted (needs the two
    development packages; raises ``ImportError`` without them)."""
    from english_words import get_english_words_set
    from wordfreq import top_n_list, zipf_frequency

    sys.path.insert(0, str(ROOT / "src"))
    from careerbot import CareerBot
    from careerbot.nlu.kbwords import KbWords
    from careerbot.nlu.spelling import Speller

    bot = CareerBot(knowledge_dir=knowledge_dir, intents_dir=intents_dir)
    finder = bot._nlu.understander.finder  # the role finder's own words
    vocabulary = finder.speller.vocabulary
    plain = Speller(vocabulary)
    # ... and the advisor's (skills, tools, places): "freaking" is not "creating" either.
    advisor_vocabulary = KbWords(bot.knowledge).speller.vocabulary
    advisor = Speller(advisor_vocabulary, min_length=5)
    def a_form_of_own_word(word: str) -> bool:
        # "sources" of "source", "coded" of "code", "coding" of "cod"... but not "former" of "for".
        stems = {word[: -len(end)] for end in ("s", "es", "d", "ed", "ing") if word.endswith(end)}
        stems |= {word[:-3] + "y" for end in ("ied", "ies") if word.endswith(end)}  # "studied" of "study"
        return bool((stems | {word + e for e in ("s", "es", "ed", "ing", "d")}) & (vocabulary | advisor_vocabulary))

    # Words the speller would take for a typo ("coming" for "coding"), or split into two of its own
    # words ("overall" into "over all", "designing" into "de signing", which reads as a role).
    # (web2 has few inflected forms, so wordfreq's most common words are read too: "designing")
    candidates = get_english_words_set(["web2"], lower=True, alpha=True) | {
        w for w in top_n_list("en", 60000) if w.isalpha() and w.isascii()
    }
    words = sorted(
        w for w in candidates
        if len(w) >= 6 and w not in vocabulary and zipf_frequency(w, "en") >= MIN_ZIPF
        and (
            (plain.correct(w) is not None and not a_form_of_own_word(w)) or plain.split(w) is not None
            or (w not in advisor_vocabulary and advisor.correct(w) is not None and not a_form_of_own_word(w))
        )
    )
    return words


def main() -> int:
    try:
        words = plain_words()
    except ImportError:
        print("needs two development packages: pip install english-words wordfreq", file=sys.stderr)
        return 1
    lines = [
        "# careerbot lookup table: English words that are not typos of careerbot's own words.",
        "# Written by scripts/plain_words.py (english-words web2, wordfreq); do not edit by hand.",
        'version: "1"',
        "nlu:",
        "  - lookup: plain_word",
        "    examples: |",
        *(f"      - {w}" for w in words),
        "",
    ]
    (ROOT / "intents" / "plain_words.yaml").write_text("\n".join(lines), encoding="utf-8")
    print(f"{len(words)} plain words written to intents/plain_words.yaml")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
