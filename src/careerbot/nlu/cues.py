"""Word patterns that adjust what a message's keywords say: help with one's own task, a length of
time, help asked of careerbot, something recommended that is no role, a headcount of jobs; which
role suits what someone has (see :mod:`.clauses` for where a question's words are)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .words import COMPARATIVE_WORDS, REFERRING, ROLE_NOUNS

if TYPE_CHECKING:
    from ..data.knowledge import Thing

__all__ = [
    "asks_a_need",
    "asks_after_preposition",
    "asks_against",
    "asks_as_skill",
    "asks_best_use",
    "asks_for_help",
    "asks_if_same",
    "asks_not_knowing",
    "asks_which",
    "asks_which_fits",
    "at_an_age",
    "comparative",
    "confirms_claim",
    "counts_jobs",
    "credential_at",
    "has_to",
    "hearsay",
    "opens_versus",
    "others_named",
    "own_task",
    "recommends_a_thing",
    "reports_other",
    "sectors_worked_in",
    "speakers_own",
    "unsaid_subject",
    "weighs_against",
    "within_a_time",
    "worries_about_age",
]


_NUMBER_WORDS = frozenset("a an one two three four five six seven eight nine ten twelve few couple".split())
_SPANS = frozenset("week weeks month months year years".split())


#: "help (me) with my ...", "help me file my ...": what follows "help" before the person's own task.
_TASK_VERBS = frozenset("with w file do fix write finish".split())


def own_task(tokens: Sequence[str]) -> bool:
    """Whether the message asks for help with the person's own task ("can you help me with my tax
    return?"), which is not a question about what careerbot does."""
    for i, t in enumerate(tokens):
        if t != "help":
            continue
        rest = list(tokens[i + 1 : i + 4])
        if rest[:1] in (["me"], ["us"]):
            rest = rest[1:]
        if len(rest) >= 2 and rest[0] in _TASK_VERBS and rest[1] in ("my", "our"):
            return True
    return False


def within_a_time(tokens: Sequence[str]) -> bool:
    """"in 6 months", "within a year", "in two years": how long something takes."""
    return any(
        t in ("in", "within") and (n.isdigit() or n in _NUMBER_WORDS) and span in _SPANS
        for t, n, span in zip(tokens, tokens[1:], tokens[2:])
    )


#: Words of starting a career, with which "at 42" is an age ("realistic to switch into either at 42?").
_STARTING = frozenset(
    "switch switching start starting begin beginning change changing transition become becoming retrain "
    "retraining realistic late pivot get getting break".split()
)
#: Words after a number that make it no age ("at 9 am", "at 40 percent", "at 100k").
_NOT_AGE = frozenset("am pm percent k hours hour an a per".split())


def at_an_age(tokens: Sequence[str]) -> bool:
    """"switch into either of these at 42?", "start at 50": whether a career can be begun at an age."""
    # (not "what can he do now at 15 to get started?": what to do at that age)
    return not _STARTING.isdisjoint(tokens) and tokens[:1] not in (("what",), ("which",)) and any(
        t == "at" and n.isdigit() and 15 <= int(n) <= 80 and after not in _NOT_AGE and before != "now"
        for before, t, n, after in zip(("", *tokens), tokens, tokens[1:], (*tokens[2:], ""))
    )


#: Words of a worry about one's age ("I'm 46, is that a problem?", "would a 68-year-old get hired?").
_AGE_WORRIES = frozenset("problem problems late older age ageism hired hire issue chance chances realistic realistically barrier matter matters".split())


def worries_about_age(tokens: Sequence[str]) -> bool:
    """"I'm 46, is that a problem?", "Would a 68-year-old get hired, realistically?": whether one's
    age stands in the way, which no article says (not "I'm 23 and know Python, which role fits?")."""
    for i, n in enumerate(tokens):
        if n.isdigit() and 15 <= int(n) <= 90 and (
            (i > 0 and tokens[i - 1] in ("i'm", "im", "am"))
            or tuple(tokens[i + 1 : i + 3]) in (("year", "old"), ("years", "old")) or tuple(tokens[i + 1 : i + 2]) == ("yo",)
        ):
            return not _AGE_WORRIES.isdisjoint(tokens) or any(a == "too" and b == "old" for a, b in zip(tokens, tokens[1:]))
    return False


#: Words that may follow "help" in a request for careerbot's help ("what can you help me with?").
_AFTER_HELP = frozenset("me us with out please pls plz here now today".split())


#: Auxiliaries before "help" that ask whether something helps ("do bootcamps help").
_HELP_AUXILIARIES = frozenset("do does did would will might could can".split())
#: Words that make the helper careerbot ("can you help", "can this bot help").
_HELPERS = frozenset("you u ya bot careerbot this".split())


def asks_for_help(tokens: Sequence[str]) -> bool:
    """Whether "help" (if said at all) asks for careerbot's help: nothing but "me", "with" or "please"
    follows it ("what are you able to help me with?"), not a task ("help me fix my brakes") or a verb
    ("would hackathons help me get in?")."""
    if "help" not in tokens:
        return True
    last = len(tokens) - 1 - list(reversed(tokens)).index("help")
    for j in range(max(0, last - 3), last):
        if tokens[j] in _HELP_AUXILIARIES and _HELPERS.isdisjoint(tokens[j + 1 : last]):
            return False  # "do bootcamps help, ...?", "would a master's help": whether something is useful
    return _AFTER_HELP.issuperset(tokens[last + 1 :])


#: What may be recommended besides a role ("recommend a career path").
_CAREER_NOUNS = frozenset("career careers field fields direction directions fit match".split())


def recommends_a_thing(tokens: Sequence[str]) -> bool:
    """"recommend a good pizza place": something recommended that is no role, career or path; "those
    things that recommend films": something that recommends."""
    for i, t in enumerate(tokens):
        if t in ("recommend", "recommends", "suggest", "suggests") and i and tokens[i - 1] in ("that", "which") and (
            "me" not in tokens[i + 1 : i + 2]  # (not "which would you recommend me")
        ) and tokens[i - 2 : i - 1] not in (("you",), ("would",), ("do",)):
            return True
        if t in ("recommend", "suggest") and tokens[i + 1 : i + 2] in (("a",), ("an",), ("some",), ("any",)):
            return ROLE_NOUNS.isdisjoint(tokens[i + 1 : i + 6]) and _CAREER_NOUNS.isdisjoint(tokens[i + 1 : i + 6])
    return False


#: Words that, a few words after "how many", count jobs or people: a headcount no article gives
#: ("how many of those jobs even exist?"; not "how many postings do you have?").
_COUNTED = frozenset(
    "jobs positions people engineers roles workers professionals employees changers switchers teachers "
    "grads graduates students".split()
)


def counts_jobs(tokens: Sequence[str]) -> bool:
    return any(
        t == "how" and tokens[i + 1 : i + 2] == ("many",)
        and any(w in _COUNTED or w.endswith(("ians", "ists")) for w in tokens[i + 2 : i + 6])
        for i, t in enumerate(tokens)
    )


def asks_which(tokens: Sequence[str]) -> bool:
    """"do they analyse the data or only build pipelines?": which of two, not yes or no ("or not" is
    still yes or no)."""
    return any(w == "or" and tokens[i + 1 : i + 2] != ("not",) for i, w in enumerate(tokens))


#: Words after "same" that ask whether two roles are one ("is that the same thing?", "the same as").
_SAME_AS = frozenset("thing things as job role work".split())


def weighs_against(tokens: Sequence[str]) -> bool:
    """"is it cooler than being an ML software engineer?", "is it more fun than ...": this role
    weighed against the one named (a comparative before "than"; not "more than 100k")."""
    return any(
        t == "than" and i > 0 and tokens[i + 1 : i + 2] and not tokens[i + 1][:1].isdigit() and (
            (tokens[i - 1].endswith("er") and len(tokens[i - 1]) > 3) or (i > 1 and tokens[i - 2] in ("more", "less"))
        )
        for i, t in enumerate(tokens)
    )


def opens_versus(tokens: Sequence[str]) -> bool:
    """"and vs the ML software engineer one?", "ok versus an MLE?": the role in focus weighed against
    the one named next."""
    i = 0
    while i < len(tokens) and tokens[i] in _BEFORE_VERSUS:
        i += 1
    return i < len(tokens) and tokens[i] in ("vs", "versus")


#: Words a message may open with before "vs" ("and vs ...", "what about vs ...").
_BEFORE_VERSUS = frozenset("and ok okay so now what about how then".split())


def asks_if_same(tokens: Sequence[str]) -> bool:
    """"is that the same thing?", "is it the same as a DE?", "the same thing with a fancier title?"
    (not "same question for DSEs", nor "what about DSEs, same thing?": the last question for them)."""
    for i, t in enumerate(tokens[:-1]):
        if t == "same" and tokens[i + 1] in _SAME_AS:
            rest = tokens[i + 2 :]
            if tokens[i + 1] == "as" or (rest and rest[0] in ("as", "with")) or tokens[0] in ("is", "are", "isn't"):
                return True
            return bool(rest) and not REFERRING.isdisjoint(tokens[:i])
    return False


def comparative(word: str) -> bool:
    """"more", "harder", "cooler": a word that compares (an "-er" adjective of a short stem)."""
    return word in COMPARATIVE_WORDS or (word.endswith("er") and 5 <= len(word) <= 7 and word not in _NOT_COMPARATIVE)


#: Words ending in "-er" that compare nothing ("after", "other", "career").
_NOT_COMPARATIVE = frozenset(
    "after other others never either neither rather whether ever under over water career paper answer number "
    "offer order power worker tester member".split()
)


#: What opens the speaker's own job ("I'm a retired accountant", "I work as a nurse").
_I_AM = frozenset({("i", "am"), ("i'm",), ("im",), ("i", "was"), ("i", "work", "as"), ("i", "worked", "as")})
_JOB_FLAVOURS = frozenset("a an retired former ex senior junior qualified trained".split())


def speakers_own(tokens: Sequence[str], occupations: Sequence[str]) -> bool:
    """Whether every occupation named is the speaker's own job ("I'm a retired accountant trying to
    figure out what my grandson might study"), not one asked about ("what does a lawyer earn?")."""
    return bool(occupations) and not others_named(tokens, occupations, people=False)


_POSSESSIVES = frozenset("my our".split())


def _someone_known(words: Sequence[str], j: int) -> bool:
    """Whether the job at ``j`` is that of someone the speaker knows ("my teacher", "my bootcamp
    teacher", "my friend, a nurse"): a person, not a job asked about."""
    before = words[max(0, j - 3) : j]
    return any(w in _POSSESSIVES for w in before[-2:]) or (
        len(before) == 3 and before[0] in _POSSESSIVES and before[2] in ("a", "an")
    )


def others_named(tokens: Sequence[str], occupations: Sequence[str], *, people: bool = True) -> tuple[str, ...]:
    """The occupations named that are not the speaker's own job, nor (with ``people``) that of
    someone they know ("my teacher said ..."): "lawyer" in "I'm a nurse, what does a lawyer earn?"."""
    words = list(tokens)
    others: list[str] = []
    for occupation in occupations:
        first = occupation.split()[0].casefold()
        own = False
        for i in (i for i, t in enumerate(words) if t == first or t == first + "s"):
            j = i
            while j > 0 and words[j - 1] in _JOB_FLAVOURS:
                j -= 1
            if any(tuple(words[max(0, j - len(p)) : j]) == p for p in _I_AM) or (people and _someone_known(words, j)):
                own = True
        if not own:
            others.append(occupation)
    return tuple(others)


#: Words that ask which of some roles suits the speaker ("fits me", "for me", "where I fit").
_FITS_ME = frozenset({
    ("fit", "me"), ("fits", "me"), ("suit", "me"), ("suits", "me"), ("suited",), ("i", "fit"), ("for", "me"),
    ("match", "me"), ("matches", "me"), ("should", "i", "pick"), ("should", "i", "choose"), ("should", "i", "go"),
    ("i", "told"), ("i", "said"), ("i", "mentioned"),  # "given what i told you, de or dse?"
    ("my", "background"), ("my", "profile"), ("my", "experience"), ("my", "skills"),  # "so with my background, which one?"
})
#: Words of a choice between them ("which", "or", "better").
_CHOICE = frozenset("which or better best more".split())
_COMPARING = frozenset("compare comparison difference differences differ".split())


def asks_which_fits(tokens: Sequence[str]) -> bool:
    """Whether a message asks which of the roles it names suits the speaker ("Where I fit better,
    data engineer or data science engineer?", "given everything I said, DE or DSE for me?"), not
    about one of them ("what tools are best for me to learn for DE?" names one)."""
    if _CHOICE.isdisjoint(tokens):
        return False
    said = {p for i in range(len(tokens)) for p in _FITS_ME if tokens[i] == p[0] and tuple(tokens[i : i + len(p)]) == p}
    # ("Compare MLRE and MLSWE for me. Which is more research-heavy?" asks for the comparison)
    return bool(said - {("for", "me")}) or (bool(said) and _COMPARING.isdisjoint(tokens))


#: The person's own, and those asked for ("her maths", "my statistics").
_OWNERS = frozenset("my her his our".split())
#: Verbs of a role drawing on what someone has ("make the most use of her maths", "reuse my skills").
_USING = frozenset("use uses usage reuse reuses leverage leverages draw draws build builds".split())
_MOST = frozenset("most more best".split())


def asks_best_use(tokens: Sequence[str]) -> bool:
    """"Which of these jobs would make the most use of her maths?", "which of your roles would reuse
    most of my skills?", "is there one of these roles that uses more of my numbers brain?": which
    role suits what the person (or the one asked for) has."""
    choosing = next(
        (i for i, t in enumerate(tokens) if t == "which" or (t == "one" and "of" in tokens[i + 1 : i + 2])), None
    )
    if choosing is None or _MOST.isdisjoint(tokens):
        return False
    # (the verb after the choice: not "we use BigQuery. Last year my company ..." before it)
    return any(
        t in _USING and not _OWNERS.isdisjoint(tokens[i + 1 : i + 4]) for i, t in enumerate(tokens) if i > choosing
    )


#: Words asking whether a thing is of no use ("is Java kinda useless for them?", "is SQL dead?").
_AGAINST = frozenset("useless pointless dead obsolete outdated unnecessary irrelevant overrated".split())


def asks_against(tokens: Sequence[str]) -> bool:
    """Whether a yes/no question asks that a thing is of no use ("so is java kinda useless for that
    path?"): its answer is then no "Yes", only what the articles list."""
    return not _AGAINST.isdisjoint(tokens)


#: Verbs by which a sentence reports what someone else says ("my teacher said SQL is dead").
_REPORTING = frozenset("said says told tells thinks reckons claims insists keeps swears mentioned warned".split())
#: Those spoken for, whose words tell about the person asked for ("my son says he loves maths").
_SPOKEN_FOR = frozenset("son daughter kid kids child children nephew niece grandson granddaughter".split())


_SPEAKER = frozenset("i i'm im i'd id i've ive me my myself".split())


def reports_other(tokens: Sequence[str]) -> bool:
    """"my bootcamp teacher said SQL is dead", "our CTO keeps saying ...": someone else's words, not
    the speaker's own background or skills (but "my son says he loves maths" tells about the son,
    and "my professor says I should ..." about the speaker)."""
    if tokens[:1] not in (["my"], ["our"]):
        return False
    for i, token in enumerate(tokens[1:5], start=1):
        if token in _REPORTING:
            # (not "my professor says I should get an internship": what is said of the speaker)
            said = tokens[i + 2 :] if tokens[i + 1 : i + 2] in (["me"], ["us"]) else tokens[i + 1 :]
            return _SPOKEN_FOR.isdisjoint(tokens[1:i]) and _SPEAKER.isdisjoint(said)
    return False


#: "... but I don't really get what an ML software engineer is": a question, told as not knowing.
_NOT_KNOWING = re.compile(r"\bi (?:don't|dont|do not) (?:really |quite |fully |even )?(?:get|understand|know) (?:what|how|why|which)\b")
#: Openings of what the speaker heard or read, not about themselves ("I heard recommendations are built by MLEs").
_HEARSAY = [["i", "heard"], ["i", "read"], ["ive", "heard"], ["i've", "heard"], ["i've", "read"], ["ive", "read"]]
#: "I also need a salary band.": something to be told, asked for outright.
_NEED_ASKING = re.compile(
    r"^i (also |still |really )?need (a|an|the|some) (salary|pay|list|overview|summary|breakdown|rundown|roadmap)\b"
)


def asks_not_knowing(text: str) -> bool:
    """Whether a sentence (lower case) asks by saying what the speaker doesn't get."""
    return ("get" in text or "know" in text or "understand" in text) and bool(_NOT_KNOWING.search(text))


def asks_a_need(text: str) -> bool:
    """Whether a sentence (lower case) asks by saying what the speaker needs to be told."""
    return text.startswith("i ") and bool(_NEED_ASKING.match(text))


def hearsay(tokens: Sequence[str]) -> bool:
    """Whether a sentence tells what the speaker heard or read ("I heard ...")."""
    return list(tokens[:2]) in _HEARSAY


def asks_after_preposition(tokens: Sequence[str]) -> bool:
    """"In what order should I learn that stuff", "at what age do they ...": a question word after
    a preposition."""
    return tokens[:1] in (["in"], ["at"], ["by"], ["from"], ["on"]) and tokens[1:2] in (
        ["what"], ["which"], ["how"]
    )


def has_to(tokens: Sequence[str]) -> bool:
    """"do they have to be good at public speaking?", "has he got to know ...": a need, in other words."""
    return "gotta" in tokens or any(a in ("have", "has", "got") and b == "to" for a, b in zip(tokens, tokens[1:]))


#: How a skill is asked about ("is maths important", "good at math", "math-wise", "heavy maths").
_SKILL_ASKED = frozenset(
    "need needs needed require required important necessary essential obligatory good strong heavy crazy lot "
    "lots much wise skill skills focus matter matters useful level deal".split()
)
#: Words about studying a field, not being good at it ("a maths degree", "I majored in physics"),
#: or about how much more one needs than another ("more math than that?").
_STUDIED = frozenset(
    "degree degrees major majored study studied studying bachelor bachelors master masters phd diploma "
    "background graduate graduated course courses class classes school university college than".split()
)


def asks_as_skill(tokens: Sequence[str]) -> bool:
    """Whether a field is asked about as something to be good at ("is maths important for ML
    engineers?", "do u gotta be crazy good at math"), not as a degree ("is a maths degree useful?")."""
    return not _SKILL_ASKED.isdisjoint(tokens) and _STUDIED.isdisjoint(tokens)


#: Nouns of a credential ("PMP certification", "actuarial exams", "HIPAA training").
_CREDENTIALS = frozenset(
    "certification certifications certificate certificates cert certs exam exams training trainings license "
    "licence licenses licences".split()
)


def credential_at(tokens: Sequence[str]) -> tuple[int, ...]:
    """The positions of the words right before a credential's noun ("pmp" in "is the PMP
    certification worth it?"), for the caller to check against the words it knows."""
    return tuple(i - 1 for i in range(1, len(tokens)) if tokens[i] in _CREDENTIALS)


#: Words before an industry that make a question about working in it ("work on", "in", "for").
_SECTOR_LEADS = frozenset({"on", "in", "for", "into"})


def sectors_worked_in(tokens: Sequence[str], things: Sequence[tuple[int, Thing]]) -> list[tuple[int, Thing]]:
    """Industries worked on or in ("do they work on autonomous vehicles?"), not people worked with
    ("do they work with doctors?") nor what is made ("would it be robots?"); ``things`` (and the
    result) at their token positions."""
    return [
        (i, t) for i, t in things
        if t.kind == "industry" and 0 < i <= len(tokens) and (
            tokens[i - 1] in _SECTOR_LEADS or (i > 1 and tokens[i - 1] == "the" and tokens[i - 2] in _SECTOR_LEADS)
        )  # ("in the finance, they are demanded?")
    ]


#: The words of a question that only asks whether what was just said is so ("Is that right?").
_CONFIRMING = frozenset("is that it this so right true correct accurate really actually even the case for about of".split())


def confirms_claim(tokens: Sequence[str]) -> bool:
    """"My nephew says data engineers are in demand. Is that right?": the claim before is the question
    (``tokens`` without role names: "is that actually true for ML research engineers?")."""
    return bool(tokens) and _CONFIRMING.issuperset(tokens) and not {"right", "true", "correct", "accurate", "case"}.isdisjoint(tokens)


def unsaid_subject(tokens: Sequence[str]) -> str | None:
    """What a question the articles don't answer is about, when a cue says it: ``"age"`` ("I'm 46, is
    that a problem?"), ``"time"`` ("can I switch in 6 months?"), ``"count"`` ("how many DE jobs are
    there?"); ``None`` otherwise."""
    if worries_about_age(tokens) or at_an_age(tokens):
        return "age"
    if within_a_time(tokens):
        return "time"
    return "count" if counts_jobs(tokens) else None
