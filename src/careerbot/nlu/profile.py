"""What a person says about themselves: the things they know, their background, the role they aim at.

:func:`read_profile` reads one part of a message that tells about the person ("backend developer
here, six years of Java, Python and SQL", "I'm a database administrator and want to become a
data engineer") into a :class:`ProfileReading`; the dialogue keeps the readings of a
conversation in its :class:`~careerbot.dialogue.state.Profile`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from ..data.knowledge import Thing
from .entities import Analysis
from .normalize import tokenize
from .words import WH_WORDS, likes_at

__all__ = ["ProfileReading", "read_profile", "stated"]

#: Words before a role that make it the person's aim ("want to become a DE", "switch to ML").
_AIM = frozenset(
    "become becoming want wants wanted wanna like love dream someday eventually aim aiming switch switching move moving "
    "transition transitioning pivot "
    "pivoting into towards toward interested interesting considering thinking target targeting goal dream hoping "
    "wondering exploring "
    "hope plan planning get getting break".split()
)
#: Words before a role that make it a hire, not the person's aim ("we need a DE", "hiring an MLE").
_HIRING = frozenset("hire hiring hired recruit recruiting we".split())
#: Words before a role that make it the person's current or past job ("I'm a DE", "worked as").
_NOW = frozenset("am i'm im as currently work working worked been was".split())
#: Negation before a thing ("no Java", "never used Spark", "not a data engineer").
#: Words before a thing the person wants, not has ("learn PyTorch", "study statistics").
_LEARNING = frozenset("learn learning study studying pick master improve".split())
#: Words before what a person does ("I run a fintech startup", "was a QA tester").
_BACKGROUND_CUES = tuple(
    tuple(c.split()) for c in (
        "i run", "i own", "i manage", "i work at", "i work in", "i work for", "i'm in", "im in", "i am in", "was a",
        "was an", "worked as", "work as", "working as", "i'm a", "im a", "i am a", "i'm an", "i am an",
        "background in", "experience in", "retired", "im an", "studied", "studying", "degree in", "major in",
        "majoring in", "majored in", "degree is in", "major is", "major is in", "background is in",
    )
)
#: Cues after which a name is where the person is ("I am in Brazil"), not what they do.
_BEING_IN = frozenset({("i'm", "in"), ("im", "in"), ("i", "am", "in")})
_CUES_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {
    first: tuple(c for c in _BACKGROUND_CUES if c[0] == first) for first in {c[0] for c in _BACKGROUND_CUES}
}
#: Words after which "in" goes on with what the person studies ("student in linguistics").
_STUDY_WORDS = frozenset("student undergrad graduate grad degree major phd masters bachelor bachelors".split())
#: "4th", "2nd", "first": when, before what the person does ("a 4th-year PhD student").
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|final|last")
#: Words opening when something happened, not what the person does ("I retired last spring").
_WHEN_STARTS = frozenset("last this next early late recently spring summer autumn fall winter year month week ago".split())
#: Words that end a background phrase.
_PHRASE_STOP = frozenset(
    "for and with at in who that but so since from of to by on i my me or because where which mostly mainly".split()
)
#: Words after which an unknown word is something the person uses ("mostly SQL and Power BI").
_TOOL_CUES = frozenset(
    "use uses using used know knows knew with of mostly plus some bit little lots learned learning "
    "learnt tried trying experience proficient familiar skilled fluent in stack".split()
)
#: Cues after which even a lowercase word is a tool ("I use dbt"); after the others ("a bit of", "in",
#: "with") only a name written like one is ("courses in deep learning" names no tool, "a bit of VBA" does).
_STRONG_TOOL_CUES = frozenset("use uses using used know knows knew learned learnt tried proficient fluent".split())
#: Words after which an unknown word is a name or a place ("I'm Dana", "from Cairo").
_NAMING = frozenset("name name's named called i'm im am from at near live lives living based moved".split())
_LIST_WORDS = frozenset({"and", "or", "plus", ","})
_NEGATION = frozenset("no not never without don't dont didn't haven't havent hate dislike".split())


@dataclass(frozen=True)
class ProfileReading:
    """What one self-description says: things known (canonical names), background, roles aimed at."""

    known: tuple[str, ...] = ()
    not_known: tuple[str, ...] = ()
    background: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    current: tuple[str, ...] = ()
    likes: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.known or self.not_known or self.background or self.targets or self.current or self.likes)


def read_profile(
    analysis: Analysis, things: Sequence[tuple[int, Thing]], unknown: Sequence[tuple[int, str]] = (),
    *, ends: Collection[str] = (),
) -> ProfileReading:
    """Read a self-description. ``things`` are the named things it mentions and ``unknown`` the
    words careerbot takes for names (position, as written): words it does not know, or written with
    a capital inside the sentence. After "use", "know", "with", ... those are the person's own
    tools ("I use Excel and some VBA"), not their name or town. ``ends``: words a comma follows
    in the text, which end a name ("JavaScript, React")."""
    tokens = analysis.tokens
    has, lacks = stated(tokens, things)
    likes = [
        t.name for p, t in things if any(likes_at(tokens, q) for q in range(max(0, p - 3), p)) and t not in has
    ]
    # ("maintenance tech" knows no industry "Technology"; an "engineering manager" no field "Engineering")
    in_jobs = {p for p, _ in things if any(tokens[p] in occ.split() for occ in analysis.other_occupations)}
    known = [t.name for p, t in things if t in has and t.kind != "industry" and not (t.kind == "field" and p in in_jobs)]
    not_known = [t.name for t in lacks if t.kind != "industry"]  # ("basically zero tech companies")
    known.extend(_own_tools(tokens, things, unknown, ends))
    targets: list[str] = []
    current: list[str] = []
    for mention in analysis.mentions:
        before = set(tokens[max(0, mention.start - 4) : mention.start])
        if before & _NEGATION:
            continue  # "I'm not a data engineer"
        if before & _HIRING:
            continue  # "some want to hire a data engineer, others say we need an MLRE": the team's need
        if before & _AIM or tokens[mention.start - 1 : mention.start] in (("for",), ("4",), ("into",), ("to",)):
            targets.append(mention.role)  # (also "wat am i missin 4 de": the role asked for)
        elif before & _NOW:
            current.append(mention.role)
        else:
            targets.append(mention.role)
    # "I want to be a data scientist": a job they aim at is not their background.
    background = [o for o in analysis.other_occupations if not _aimed_at(tokens, o)]
    # "I am in Brazil": a name after "in" is where they are, not what they do ("I'm in logistics").
    places = {i for i, surface in unknown if surface[:1].isupper()}
    background.extend(
        b for b in _background_phrases(tokens, analysis, places) if not any(b in o or o in b for o in background)
    )
    return ProfileReading(
        _unique(known), _unique(n for n in not_known if n not in known), _unique(background),
        _unique(targets), _unique(current), _unique(likes),
    )


#: Words that end a negation's reach going back from a thing ("never used Docker but I know Spark").
_CLAUSE_BREAKS = frozenset("but though although however yet while i i'm im".split())
#: How far back from a thing a negation reaches ("I have never deployed a model or worked with a
#: real data warehouse").
_NEGATION_REACH = 12


#: Words that make what follows in their clause a plan, not something had.
_PLANNING = frozenset("thinking considering planning plan plans hoping would might someday eventually".split())


def _planned_at(tokens: Sequence[str], position: int) -> bool:
    """Whether a word of planning in the same clause comes before ``position``."""
    return _in_clause_before(tokens, position, _PLANNING)


def _negated_at(tokens: Sequence[str], position: int) -> bool:
    """Whether a negation in the same clause comes before ``position`` ("zero" and "nothing" right
    before it: "zero coding", "I know nothing about Spark"; not "none of those except Java")."""
    return _in_clause_before(tokens, position, _NEGATION) or not _NONE_OF.isdisjoint(tokens[max(0, position - 2) : position])


#: Words that say the person has none of the thing right after them ("zero coding").
_NONE_OF = frozenset({"zero", "nothing"})


def _in_clause_before(tokens: Sequence[str], position: int, words: frozenset[str]) -> bool:
    """Whether one of ``words`` comes before ``position`` in its clause (within :data:`_NEGATION_REACH`)."""
    for t in reversed(tokens[max(0, position - _NEGATION_REACH) : position]):
        if t in words:
            return True
        if t in _CLAUSE_BREAKS:
            return False
    return False
    return False


#: Words of something only wondered about, heard or read of, not had.
_WONDERING = frozenset("wondered wonder wondering curious heard read reading seen saw".split())


def stated(tokens: Sequence[str], things: Sequence[tuple[int, Thing]]) -> tuple[tuple[Thing, ...], tuple[Thing, ...]]:
    """The named things a person says they have, and those they say they lack ("no PyTorch",
    "never used Spark": a negation up to three words before the thing). Things they aim at or
    want to learn ("move into ML research", "learn PyTorch") are neither."""
    has: list[Thing] = []
    lacks: list[Thing] = []
    for position, thing in things:
        before = tokens[max(0, position - 3) : position]
        liked = any(likes_at(tokens, q) for q in range(max(0, position - 3), position))
        if not (_AIM.isdisjoint(before) and _LEARNING.isdisjoint(before)) or liked:
            continue  # "move into ML research", "learn PyTorch", "I love maths": not something had
        if not WH_WORDS.isdisjoint(tokens[max(0, position - 2) : position]):
            continue  # "which cloud platforms should I know?": asked about, not had
        if _planned_at(tokens, position):
            continue  # "thinking of retraining through a part-time master's": planned, not had
        if not _WONDERING.isdisjoint(tokens[max(0, position - 4) : position]):
            continue  # "I've always wondered: the AI that auto-tags faces ...", "I read about PyTorch"
        (lacks if _negated_at(tokens, position) else has).append(thing)
    return tuple(has), tuple(t for t in lacks if t not in has)


def _own_tools(
    tokens: Sequence[str], things: Sequence[tuple[int, Thing]], unknown: Sequence[tuple[int, str]],
    ends: Collection[str] = (),
) -> list[str]:
    """Unknown words that name what the person uses: after a cue ("use", "of", "with"), or after
    "and" / a comma following a known thing; runs of such words are one name ("Power BI"), up to a
    word in ``ends`` (a comma follows it)."""
    thing_at = {p for p, _ in things}
    words = dict(unknown)
    names: list[str] = []
    i = 0
    while i < len(tokens):
        if i not in words:
            i += 1
            continue
        start = i
        while i in words and (i == start or tokens[i - 1] not in ends):
            i += 1
        before = tokens[max(0, start - 3) : start]
        prev = tokens[start - 1] if start else ""
        listed = (prev in _LIST_WORDS and (start - 2 in thing_at or start - 2 in words)) or (
            prev in ends and (start - 1 in thing_at or start - 1 in words)  # "JavaScript, React"
        )
        name_like = _written_as_name(words[start]) or not _STRONG_TOOL_CUES.isdisjoint(before)
        # (not letters alone: "A/B tests" names no tool)
        whole = i - start == 1 or all(len(words[j]) > 1 for j in range(start, i))
        if ((not _TOOL_CUES.isdisjoint(before) and _NAMING.isdisjoint(before)) or listed) and name_like and whole:
            names.append(" ".join(words[j] for j in range(start, i)))
    return names


def _written_as_name(surface: str) -> bool:
    """"Excel", "VBA", "k8s", "C#": written like a product's name, not like a plain word ("tables")."""
    return surface[:1].isupper() or any(c.isdigit() or c in "#+." for c in surface)


def _aimed_at(tokens: Sequence[str], occupation: str) -> bool:
    """Whether the words just before ``occupation`` say the person wants to become it."""
    words = tokenize(occupation)
    for i in range(len(tokens) - len(words) + 1):
        here = list(tokens[i : i + len(words)])
        if words and here[:-1] == words[:-1] and here[-1].startswith(words[-1]):
            before = set(tokens[max(0, i - 5) : i])  # ("my mom wants me to be a dentist")
            if tokens[i + len(words) : i + len(words) + 1] in (("job",), ("jobs",), ("posting",), ("position",), ("opening",)):
                return True  # "I saw something about a professor job": a job they read about
            return bool(before & _AIM) and not before & _NOW - {"i'm", "im"}
    return False


def _background_phrases(tokens: Sequence[str], analysis: Analysis, places: Collection[int] = ()) -> list[str]:
    """What the person does or did, in their words: "I run a fintech startup", "was a QA tester for
    6 years", "I work in logistics" (not a covered role, which is their current role)."""
    inside = {i for m in analysis.mentions for i in range(m.start, m.end)}
    out: list[str] = []
    for i in range(len(tokens)):
        for cue in _CUES_BY_FIRST.get(tokens[i], ()):
            n = len(cue)
            if tuple(tokens[i : i + n]) != cue:
                continue
            j = i + n
            while j < len(tokens) and (
                tokens[j] in ("a", "an", "the") or tokens[j].isdigit() or _ORDINAL.fullmatch(tokens[j])
                or (tokens[j] in ("year", "yr") and j > i + n)
            ):
                j += 1  # "I run a 6-person fintech startup", "I'm a 4th-year PhD student"
            if cue in _BEING_IN and j in places:
                continue
            if _negated_at(tokens, i):
                continue  # "I don't have a technical background in either area"
            retired_from = cue == ("retired",) and "from" in tokens[j : j + 1]
            j += retired_from  # "retired from teaching"
            phrase: list[str] = []
            while j < len(tokens) and len(phrase) < 7 and not tokens[j].isdigit() and (
                (tokens[j] not in _PHRASE_STOP and tokens[j] not in _WHEN_STARTS and len(phrase) < 4)
                # "a PhD student in computational linguistics": what they study goes with it.
                or (tokens[j] == "in" and phrase[-1:] and phrase[-1] in _STUDY_WORDS)
                or ("in" in (phrase[-1:] + phrase[-2:-1]) and tokens[j] not in _PHRASE_STOP)
            ):
                if j in inside:
                    phrase = []
                    break
                phrase.append(tokens[j])
                j += 1
            if cue == ("retired",):
                # "I retired last spring" (retired, not "spring"), "retired from teaching"
                phrase = ["retired", *(["from"] if retired_from and phrase else []), *phrase]
            if phrase and phrase[0] not in _WHEN_STARTS:  # (not "moved here last year")
                out.append(" ".join(phrase))
    if not out:
        out.extend(_who_phrases(tokens, inside))
    return out


#: Nouns that say someone studies, whose words before them say what ("2nd year comp sci student").
_STUDENT_HEADS = frozenset("student undergrad undergraduate postdoc degree diploma".split())
#: Job nouns that, opening a sentence, say what the person does ("maintenance tech at a car parts plant").
_JOB_HEADS = frozenset(
    "tech technician mechanic operator clerk analyst developer dev manager designer consultant administrator "
    "admin tester programmer specialist officer coordinator assistant".split()
)
#: Words before such a noun that say when, not what ("final year", "2nd year").
_WHEN_WORDS = frozenset("first second third fourth final last year years yr phd-year".split())


def _who_phrases(tokens: Sequence[str], inside: Collection[int]) -> list[str]:
    """"2nd year comp sci student", "final year stats undergrad": the noun with up to three words
    before it that say what is studied, and "in ..." after it ("student in linguistics"); and a job
    opening a sentence ("mechanical maintenance tech at a car parts plant")."""
    out: list[str] = []
    for i, token in enumerate(tokens):
        job = token in _JOB_HEADS and i <= 3 and tokens[i + 1 : i + 2] in (("at",), ("for",), ("in",), ())
        if (token not in _STUDENT_HEADS and not job) or i in inside or i > 8:
            continue  # (who the speaker is comes early: not "my friend, a former student of mine")
        k = i
        while k > 0 and i - k < 3 and k - 1 not in inside and not tokens[k - 1][:1].isdigit() and (
            tokens[k - 1] not in _PHRASE_STOP and tokens[k - 1] not in _WHEN_WORDS
            and tokens[k - 1] not in ("a", "an", "the", "im", "i'm", "am", "here")
        ):
            k -= 1
        phrase = list(tokens[k : i + 1])
        if not job and i + 1 < len(tokens) and tokens[i + 1] == "in":
            studied = []
            for word in tokens[i + 2 : i + 4]:
                if word in _PHRASE_STOP or word[:1].isdigit():
                    break
                studied.append(word)
            phrase.extend(["in", *studied] if studied else [])
        if len(phrase) > 1:
            out.append(" ".join(phrase))
    return out


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
