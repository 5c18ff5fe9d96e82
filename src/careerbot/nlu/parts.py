"""The parts of a message: each question it asks, and what the person says about themselves.

"what does a DSE do and which degree do they have?" asks two things; "I've been a teacher for
ten years. I love statistics. Which role suits me?" tells two things and asks one. Parts are
found from sentence ends and from "and"/"also"/";" joining a new question; each part is then
read like a message of its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from .cues import asks_a_need, asks_after_preposition, asks_not_knowing, hearsay, reports_other
from .lists import numbered_items, topic_items
from .normalize import tokenize
from .words import discourse_spans

__all__ = ["MessagePart", "PartKind", "introduces_speaker", "split_parts"]

PartKind = Literal["question", "self", "other"]

#: Words that open a question ("which degree do they need", "tell me about their pay").
QUESTION_OPENERS = frozenset(
    "what whats what's which who whom whose where when why how hows how's do does did is are can could "
    "should would will shall may might tell explain show list compare give describe recommend any "
    "anything wat wht wut waht whta hwat wich whcih whihc hw hwo whether".split()
)
#: Openers that only ask when the message is a question already ("is", "are", "can", ...), as opposed
#: to "what"/"which"/"how", which open a question anywhere.
_STRONG_OPENERS = frozenset(
    "what whats what's which who whose where when why how hows how's wat wht wut waht whta hwat wich whcih whihc hw hwo".split()
)
#: Words that open a part going on from the one before ("and any tips?", "also their pay").
_FOLLOW_ON = frozenset({
    "and", "also", "plus", "additionally", "moreover", "besides", "then", "next", "finally", "lastly", "firstly",
    "secondly", "thirdly",
})
#: Words that make a sentence about the speaker ("I know SQL", "name's Aisha").
_FIRST_PERSON = frozenset("i i'm im i've ive i'd id name's myself".split())  # ("myself Arjun from Pune")
#: Words that open a sentence about the speaker with the "I" left out ("been coding Python for years").
_IMPLIED_I = frozenset(
    "been just finished did worked studied graduated spent coding built done currently recently got "
    "retired former formerly looking self came moved switched working finishing completing studying".split()
)
#: Words that open a message without asking anything ("hi there", "good morning").
_GREETINGS = frozenset(
    "hi hello hey heya hiya yo howdy greetings there good morning afternoon evening ok okay so well fine alright cool "
    "wait hmm hm um umm uh oh btw anyway anyways honestly sorry sir madam maam dear".split()
)
#: "my background is ...", "my skills: ..." (but not "my code segfaults").
_MY_SELF = frozenset("name background experience skills skillset degree major job career education studies cv resume".split())
#: Words after which a question word opens an indirect question ("I'd love to know what ...").
_ASKING_VERBS = frozenset(
    "know wonder wondering curious understand ask asking explain tell picture figure decide sure idea "
    "learn clarify".split()
)
#: Question words that open an indirect question (not "who", which mostly starts a relative clause).
_INDIRECT = frozenset("what which how where why whether if".split())
#: "backend developer here", "data analyst by trade".
_HERE = re.compile(r"\b(here|by trade|by training)\b")
#: Nouns that say who the speaker is and never name a covered role ("first year MSc CS student",
#: "founder of a fintech startup", "junior web dev").
_PERSON_NOUNS = frozenset(
    "student students founder cofounder co-founder graduate grad undergrad undergraduate dev teacher pm "
    "postdoc intern freelancer recruiter retiree mom mum dad parent mother father bootcamper cto ceo cfo coo "
    "cio vp mba".split()
)
#: Job nouns that say who the speaker is only with their years ("DevOps engineer, 7 years").
_JOB_NOUNS = frozenset(
    "engineer developer analyst scientist manager designer consultant administrator admin architect "
    "tester programmer dba lead eng tech technician mechanic operator clerk specialist officer coordinator "
    "assistant trader accountant nurse teacher lawyer paralegal pharmacist photographer journalist librarian "
    "electrician plumber driver chef barista cashier banker actuary auditor sre swe sde qa pm dev devops recruiter "
    "researcher postdoc professor lecturer".split()
)
_YEARS = frozenset("years yrs year yr".split())
#: "did you ...", "did they ...": a question, not courses the speaker did.
_PRONOUN_NEXT = tuple([w] for w in "you u they he she it i we a an the data ml".split())
#: "my son is 16 and ...": someone the speaker asks for.
_RELATIVES = frozenset("son daughter kid kids child children partner husband wife brother sister friend nephew niece".split())
#: Phrases that ask although the sentence starts with "I": "I want to know", "I wonder".
_SELF_ASKING = re.compile(
    r"^(i|i'd|id|i would) (want to know|want know|wanna know|would like to know|would like know|wonder|am wondering|'m wondering|"
    r"was wondering|need to know|like to know|need help|want to understand)\b"
    r"|^(i'd|id|i would) like (the|some|info|information|details|an overview|a list|a summary|to see|to hear)\b"
    r"|^(i'd|id|i would|i should) (be )?(most |very |really )?(appreciate|grateful|thankful)\b"
    r"|^i'?m (wondering|curious)\b|^(i|im|i'm) not sure (what|which|how|if|whether)\b"
)
#: Of those, the ones that ask outright ("I'd like to know what a DSE is", not "I'm curious how ...").
_KNOW_ASKING = re.compile(
    r"^(i|i'd|id|i would) (want to know|want know|wanna know|would like to know|would like know|need to know|need know|like to know)\b"
)  # (also as learners write it: "I want know the tools for ...")
_SENTENCE_END = re.compile(
    r"(?<=[?!.;])\s+|\n+|(?<=\?)(?=\S)"
    # "Before anything else: where does your information come from?" (not "outlook comparison: DE vs MLE")
    r"|(?<=:)\s+(?=(?:what|whats|what's|where|which|how|who|why|when|do|does|is|are|can|could|should)\b)"
    # "I know python and SQL - what am I missing for data engineering?"
    r"|\s+[-\u2013\u2014]+\s+(?=(?:what|whats|what's|where|which|how|who|why|when|do|does|can|could|should)\b)"
    # "skills for an MLRE / which industries / any internships going?" (not "hired by hospitals /
    # healthcare?": one word after it is another name for the same thing)
    r"|\s+/\s+(?!\S+\s*$)",
    re.IGNORECASE,
)
#: Every character at which :data:`_SENTENCE_END` can cut (before the last character of a text).
_SENTENCE_MARKS = re.compile("[?!.;:\n/\u2013\u2014-]")
#: A digit, which an age said in passing (:data:`_AGE`) needs.
_DIGIT = re.compile(r"\d")


def _sentences(text: str) -> list[str]:
    """``_SENTENCE_END.split(text)``, without running it over a text with nowhere to cut (most
    questions: no mark before a last "?")."""
    if not text[-1:].isspace() and _SENTENCE_MARKS.search(text, 0, len(text) - 1) is None:
        return [text]
    return _SENTENCE_END.split(text)


def _says_here(tokens: Sequence[str]) -> bool:
    """"backend developer here", "a chemist by training": who the speaker is, in the first words."""
    head = " ".join(tokens[:10])
    return ("here" in head or "by tra" in head) and _HERE.search(head) is not None


#: Words a question may open with before its question word ("ok what industries hire them").
_OPENING_FILLERS = frozenset({"ok", "okay", "so", "alright", "well", "right", "hmm", "um"})
#: A numbered item of a list of questions ("2) the frameworks they use").
_LIST_ITEM = re.compile(r"^\s*\(?\d[).]\s")
#: "..., and which degree do they have", "; also what do they earn", "... plus how much they earn".
_JOINED_QUESTION = re.compile(
    r"\s*(?:,\s*|\s)(?:and|also|plus|&|\+|but|then|n|nd)\s+(?:also\s+|then\s+|with\s+)?"
    r"(?:roughly\s+|approximately\s+|exactly\s+|generally\s+|typically\s+|usually\s+)?(?=(?:what|whats|what's|wat|wht|wut|waht|whta|which|wich|how|hw|hwo|who|where|why|when|"
    r"do|does|is|are|can|could|should|would|will|tell|give|list|show|indicate|explain|describe|name|whether|"
    r"say\s+(?:what|which|how|who|where|why|whether)|same\s+(?:question|q|thing)\s+for)\b)"
    r"|\s*,\s*(?=(?:what|whats|what's|wat|wht|wut|waht|whta|which|wich|how|hw|hwo|who|where|why|should|could|can|would|do|does|is|are)\b)"
    # "..., curious what ML software engineers actually do"
    r"|\s*,\s*(?=(?:curious|wondering)\s+(?:what|which|how|who|why|whether|if|about)\b)",
    re.IGNORECASE,
)
#: Words that follow "do" in a question ("do they ...", "do data engineers ...").
_SUBJECTS = frozenset("i you u they we he she it its any the a an data ml machine these those people most all you'd".split())
#: Words after which "which" opens a relative clause, not a question ("..., which is the part I like").
_RELATIVE_VERBS = frozenset("is was are were has have had makes made means i i'm we".split())
#: A tail that only asks whether the same goes for a role ("..., is it the same?", "..., same there?").
_SAME_TAIL = frozenset("is are it that this same true there here the too also as well for them they".split())
_YES_NO_OPENERS = frozenset("are is do does can".split())
_MODALS = frozenset("would will could might may should can".split())
#: Most questions a message is split into; one asking more is read whole.
MAX_PARTS = 6
#: Most sentences a message is split into; a longer one is read whole.
MAX_SENTENCES = 40


@dataclass(frozen=True)
class MessagePart:
    """One part of a message: its text and whether it asks, tells about the person, or neither."""

    text: str
    kind: PartKind
    #: A request joined to a question ("skills for an MLE + which industries hire them"): asked outright.
    joined: bool = False

    @property
    def explicit(self) -> bool:
        """A question asked outright (ending with "?" or opening with a question word), not one
        inside something said about oneself ("I'm trying to figure out which internships ...")."""
        if self.kind != "question":
            return False
        tokens = _without_greeting(tokenize(self.text))
        while tokens[:1] and tokens[0] in _OPENING_FILLERS:
            tokens = tokens[1:]  # ("ok what industries hire them")
        if tokens[:1] == ["same"] and len(tokens) <= 6:
            return True  # "Same question for data engineers.": the question before, asked again
        return self.joined or self.text.rstrip().endswith("?") or bool(_LIST_ITEM.match(self.text)) or (
            bool(tokens) and (tokens[0] in QUESTION_OPENERS or tokens[0] in _FOLLOW_ON or asks_after_preposition(tokens))
        ) or bool(_KNOW_ASKING.match(said := " ".join(tokens)) or asks_a_need(said))  # "I'd like to know ..."


#: Words before "I meant" in a correction ("sorry no, I meant the research one").
_CORRECTING = frozenset("sorry no nope oops oh wait ah actually um er hmm ok okay".split())


def _kind(text: str) -> PartKind:
    tokens = _without_greeting(tokenize(text))
    if not tokens:
        return "other"
    if _LIST_ITEM.match(text):
        return "question"  # "1) typical projects for an MLE 2) the frameworks they use": items asked for
    if tokens[0] in _FOLLOW_ON and len(tokens) > 1:
        # "... and any tips for getting started": a part that goes on from the one before asks too.
        rest = _kind(" ".join(tokens[1:]) + ("?" if text.rstrip().endswith("?") else ""))
        return "self" if rest == "self" else "question"
    low = " ".join(tokens)
    first = tokens[0]
    if tokens[-2:] in (["same", "question"], ["same", "questions"], ["same", "q"]):
        return "question"  # "and if I went for data engineer instead, same question": the last one again
    meant = next((k for k in range(len(tokens) - 1) if tokens[k] == "i" and tokens[k + 1] in ("meant", "mean")), None)
    if meant is not None and _CORRECTING.issuperset(tokens[:meant]) and len(tokens) <= 10:
        return "question"  # "sorry no, I meant the research one": the question before, corrected
    if tokens[:2] == ["am", "i"] or tokens[:2] in (["u", "think"], ["you", "think"], ["ya", "think"]):
        # "am i too old to start at 34", "u think i could do that w my sql": asked, without its question mark
        return "question"
    if _DIGIT.search(low) and _AGE.search(low) and not text.rstrip().endswith("?"):
        return "self"  # "hey there, 23 y/o, just finished a web dev bootcamp"
    if first in ("when", "whenever") and tokens[1:2] and tokens[1] in _CLAUSE_SUBJECTS and not text.rstrip().endswith("?"):
        return "other"  # "when I pitch to a data engineer, what are they busy with?": when, not a question
    if reports_other(tokens) or (hearsay(tokens) and not text.rstrip().endswith("?")):
        return "other"  # "my bootcamp teacher said SQL is dead", "I heard ...": what someone else says
    if not text.rstrip().endswith("?") and (first not in QUESTION_OPENERS or first == "did") and _introduces(tokens):
        return "self"
    if first == "did" and tokens[1:2] and tokens[1] not in _DID_ASKS and not text.rstrip().endswith("?"):
        return "self"  # "did data journalism on the side: spreadsheets, a bit of R": what they did
    if (
        text.rstrip().endswith("?") or first in QUESTION_OPENERS
        or _SELF_ASKING.search(low) or asks_a_need(low) or asks_not_knowing(low)
    ):
        return "question"
    if _indirect_question(tokens) or any(t in _STRONG_OPENERS for t in tokens[:4]):
        return "question"
    if first == "same" and len(tokens) <= 6:
        return "question"  # "same question", "same for DSEs": the last question again
    if tokens[:2] == ["let", "me"] and tokens[2:3] and tokens[2] in _TELLING:
        return "self"  # "let me give you some context before I ask anything"
    mine = any(t == "my" and nxt in _MY_SELF for t, nxt in zip(tokens, tokens[1:]))
    if first == "got" and tokens[1:2] in (["any"], ["anything"], ["some"]):
        return "question"  # "got any pointers for becoming a DE?" ("got my degree in May" tells)
    if first in _IMPLIED_I or (first == "me" and len(tokens) > 2):
        # "just finished a data bootcamp", "been coding Python for 4 years", "me: 35, ex-chef"
        return "self"
    # About the speaker when they are the subject early on ("final year stats student, I know
    # Python"), not when they only appear late ("my C++ code segfaults when i free a pointer").
    if not _FIRST_PERSON.isdisjoint(tokens[:5]) or mine or _says_here(tokens):
        return "self"
    return "other"


#: Short questions that ask for the items of the question before them ("... programs? Which ones?").
_WHICH_ONES = frozenset(
    tuple(q.split()) for q in (
        "which ones", "what ones", "which", "like what", "such as", "what are they", "which are they",
        "name them", "examples", "any examples", "for example", "for instance", "which of them",
    )
)
#: Words by which a question points at the thing named just before it.
_POINTING = frozenset("that it this those".split())
#: An age said in passing ("23 y/o", "29yo", "41 years old").
_AGE = re.compile(r"\b\d{1,2} ?(?:y o|yo|yrs old|yr old|years old|year old)\b")
#: Subjects after an opening "when" that make it a clause of time ("when I pitch to a DE, ...").
_CLAUSE_SUBJECTS = frozenset("i we you he she they my our his her their it".split())
#: Words after an opening "did" that make it a question without its mark ("did they ever ...").
_DID_ASKS = _CLAUSE_SUBJECTS | frozenset("you u any anyone anybody people those these the that this".split())
#: Verbs after "let me" that open what the person tells about themselves ("let me give you some context").
_TELLING = frozenset("give tell introduce start share describe explain sketch".split())
#: Past events of a working life that, early in a sentence without a question, say who the speaker is.
_LIFE_EVENTS = frozenset("retired flew served".split())
#: Words before a person noun that make it someone else ("some students", "their manager").
_OTHERS = frozenset("some many most other others these those his her their the all several few".split())


def introduces_speaker(text: str) -> bool:
    """Whether ``text`` says who the speaker is without "I" ("CTO at a 10-person fintech startup
    here", "former barista, 29"); see :func:`_introduces`."""
    tokens = _without_greeting(tokenize(text))
    return bool(tokens) and (_introduces(tokens) or _says_here(tokens))


def _introduces(tokens: list[str]) -> bool:
    """Whether a sentence without "I" says who the speaker is: a person noun early on ("first year
    MSc CS student", "founder of a 12-person startup"), a job with its years ("DevOps engineer, 7
    years"), someone they speak for ("my son is 16"), or courses done ("did courses in deep learning")."""
    head = tokens[:6]
    if _STRONG_OPENERS.isdisjoint(head) and any(
        t in _PERSON_NOUNS and (i == 0 or head[i - 1] not in _OTHERS) for i, t in enumerate(head)
    ):
        return True  # (not "some students confuse ML engineers with ...": other people)
    if not _JOB_NOUNS.isdisjoint(head) and not _YEARS.isdisjoint(tokens[:8]) and _STRONG_OPENERS.isdisjoint(tokens):
        return True
    if _STRONG_OPENERS.isdisjoint(tokens) and any(
        t in _JOB_NOUNS and nxt in ("at", "for") for t, nxt in zip(head[:4], tokens[1:5])
    ):
        return True  # "data analyst at a grocery chain", "PM at a SaaS company"
    if tokens[:1] in (["my"], ["our"]) and tokens[1:2] and tokens[1] in _RELATIVES:
        return True
    if _STRONG_OPENERS.isdisjoint(tokens) and not _LIFE_EVENTS.isdisjoint(tokens[:10]):
        return True  # "Hank, 20 years USAF, flew C-130s, now retired and looking for a second career"
    if _STRONG_OPENERS.isdisjoint(tokens) and not {"background", "experience"}.isdisjoint(tokens[:12]):
        return True  # "Hannah, corporate lawyer, no coding background but very curious about ML"
    return tokens[:1] == ["did"] and tokens[1:2] not in _PRONOUN_NEXT


def _without_greeting(tokens: list[str]) -> list[str]:
    """Tokens after an opening greeting ("hi there, I'm Tomasz" -> "I'm Tomasz")."""
    i = 0
    while i < len(tokens) and (tokens[i] in _GREETINGS or (i == 0 and tokens[i].isdigit() and len(tokens[i]) == 1)):
        i += 1  # (and a list item's number: "2) the frameworks they use")
    return tokens[i:]


def _indirect_question(tokens: list[str]) -> bool:
    """"I'd love to know what an MLRE does", "I'm not sure which role fits me"."""
    return not _ASKING_VERBS.isdisjoint(tokens) and any(
        t in _ASKING_VERBS and any(w in _INDIRECT for w in tokens[i + 1 : i + 4])
        for i, t in enumerate(tokens)
    )


def _stands_alone(text: str) -> bool:
    """Whether the text before a joined question is a part of its own: something said about the
    person, or a question that opens like one ("what does a DSE do", not "based on what you know")."""
    kind = _kind(text)
    if kind != "question":
        return kind == "self"
    tokens = _without_greeting(tokenize(text))
    lead = tokens[1:] if tokens[:1] in (["and"], ["so"], ["ok"], ["okay"]) else tokens
    if (lead[:1] in (["for"], ["regarding"]) or lead[:2] == ["as", "for"]) and len(lead) > 5:
        # "And for an ML engineer doing medical imaging, which frameworks ...?": one question (but
        # "for a DE, what tools matter" asks, and is cut from "and what do they earn?"; "And for ML
        # engineers," only names the role for the question after it)
        return bool(re.search(r",\s*(?:what|which|how|who|where|why|when|do|does|is|are)\b", text, re.IGNORECASE))
    return bool(tokens) and (
        tokens[0] in QUESTION_OPENERS or tokens[0] in _FOLLOW_ON or text.rstrip().endswith("?")
        or asks_after_preposition(tokens)
        or bool(_SELF_ASKING.search(" ".join(tokens)))  # "I'd be grateful if you could describe ..."
    )


def _clauses(sentence: str) -> list[MessagePart]:
    """A sentence cut before each joined question ("... and which degree ...")."""
    pieces: list[MessagePart] = []
    start = 0
    for m in _JOINED_QUESTION.finditer(sentence):
        left = sentence[start : m.start()].strip(" ,;")
        # Only cut where the left side is a part of its own: a question, or something said about oneself
        # ("I know SQL, what else do I need?"); "compare DE and MLE" is one question.
        right = tokenize(sentence[m.end() :])
        # ... and where the right side is more than a tail ("and the ML engineer, is the same?"):
        # four words, or three opening with a question word ("..., and what's their outlook?").
        # ... or three after a plus ("what kind of companies hire DSEs + is demand growing").
        joiner = m.group().strip(" ,").casefold()
        plus = joiner in {"&", "+", "plus"}
        # ... or three asking yes or no at the end ("Should he be doing internships, and are any listed?").
        whole_question = len(right) >= 4 or (len(right) == 3 and (
            right[0] in _STRONG_OPENERS or plus
            # (and "..., and do certifications help?")
            or (right[0] in _YES_NO_OPENERS and right[1] in ("any", "there", "it", "they", "that") and sentence.rstrip().endswith("?"))
            or (right[0] in ("do", "does") and sentence.rstrip().endswith("?"))
        ))
        # A request without a question word ("skills for an MLE + which industries hire them") is
        # a part too when a conjunction joins a question word to it.
        joined = joiner in _FOLLOW_ON | {"&", "+"} and bool(right) and right[0] in _STRONG_OPENERS
        if not (left and len(tokenize(left)) >= 2 and whole_question):
            continue
        if (
            tokenize(left)[:2] in (["what", "about"], ["how", "about"]) and right[0] in ("which", "who")
            and not _POINTING.isdisjoint(right)
        ):
            continue  # "What about distributed computing, which of the two needs that?": one question
        if right[:2] == ["which", "ones"] and not joiner:
            # "the tools for ML software engineers, which ones they are using?": the same question
            # (not "..., and which ones does a DE need?")
            continue
        if right[:2] == ["what", "i"] and right[2:3] and right[2] in ("said", "told", "mentioned", "wrote"):
            continue  # "with a PhD in computational biology plus what I said, what am I missing?"
        if "same" in right and _SAME_TAIL.issuperset(right):
            continue  # "and the data science engineer, is it the same?": the last question, for them
        # (an adverb may come first: "..., which honestly is the part I like")
        after = right[2:] if right[1:2] and right[1].endswith("ly") else right[1:]
        if right[0] == "which" and after and (
            after[0] in _RELATIVE_VERBS or (after[0] in _MODALS and after[1:2] and after[1] not in _SUBJECTS)
        ) and not sentence.rstrip().endswith("?"):
            # "..., which is honestly the part I like most.", "..., which would cost me a lot of money.":
            # a relative clause (not "..., which would you pick?")
            continue
        if (
            right[0] in ("do", "does", "did") and right[1:2] and right[1] not in _SUBJECTS
            and not sentence.rstrip().endswith("?") and _kind(left) == "self"
        ):
            continue  # "I write a lot of Python and do pretty heavy stats.": what they do, not a question
        if _stands_alone(left):
            pieces.append(MessagePart(left, _kind(left)))
            start = m.end()
        elif joined and _kind(left) == "other":
            pieces.append(MessagePart(left, "question", joined=True))
            start = m.end()
    rest = sentence[start:].strip(" ,;")
    if rest:
        pieces.append(MessagePart(rest, _kind(rest)))
    return pieces


def _topic_list(part: MessagePart, heads: Mapping[str, str]) -> list[MessagePart]:
    """A question naming topics of different intents in a list, one part per topic (see
    :func:`~careerbot.nlu.lists.topic_items`); the part itself when it lists none."""
    if part.kind == "self" or not heads:
        return [part]
    items = topic_items(part.text, heads)
    return [MessagePart(item, "question", joined=True) for item in items] if items else [part]


def _only_marker(text: str) -> bool:
    tokens = tokenize(text)
    return bool(tokens) and len(discourse_spans(tokens)) == len(tokens)


def split_parts(text: str, *, topics: Mapping[str, str] | None = None) -> tuple[MessagePart, ...]:
    """The parts of ``text`` in order; one part (the whole text) when it asks one thing.

    ``topics`` (from :func:`topic_heads`) lets a list of topics ("tools + skills for that?") be
    cut into one question per topic."""
    # "1) typical projects for an MLE 2) the frameworks they use": a numbered list, one item each.
    # (a lead-in before the first item is a part too: "three quick ones about MLEs: 1) what skills
    # 2) what degrees"; a lone number in brackets is no list: "twins (age 4)").
    items = numbered_items(text)
    sentences = [s for item in items for s in _sentences(item) if s and s.strip(" .!?;")]
    if len(sentences) > MAX_SENTENCES:
        return (MessagePart(text.strip(), _kind(text)),)
    pieces = [c for s in sentences for c in _clauses(s)]
    if len(pieces) > 1:
        # "different q: what's a DE, ...", "switching topic. ...": a marker of a new question asks nothing
        pieces = [p for p in pieces if not _only_marker(p.text)] or pieces
    if len(pieces) > 1 and all(p.kind == "other" and len(tokenize(p.text)) <= 2 for p in pieces) and sum(
        any(t in (topics or {}) for t in tokenize(p.text)) for p in pieces
    ) <= 1:
        # "DE. tools": fragments of one question (not "mle skills. mle education.": two)
        return (MessagePart(text.strip(), _kind(text)),)
    if topics:
        # (not a sentence that goes on about the person: "Hey, self-taught dev here. 3 years of
        # Python, built a few Flask apps, no degree.")
        telling = any(p.kind == "self" for p in pieces)
        pieces = [p for c in pieces for p in (_topic_list(c, topics) if c.kind == "question" or not telling else [c])]
    if len(pieces) == 1 and len(sentences) == 1:
        return (MessagePart(text.strip(), pieces[0].kind),)  # its kind is already read
    if len(pieces) <= 1:
        return (MessagePart(text.strip(), _kind(text)),)
    parts = pieces
    # Parts that neither ask nor tell about the person ("Data engineering seems fun.") stay with
    # the part before them, so a question keeps its own context.
    merged: list[MessagePart] = []
    for part in parts:
        if part.kind == "other" and merged and merged[-1].kind == "self" and not reports_other(
            _without_greeting(tokenize(part.text))
        ):  # (not "My professor says the first prepares you for DE": someone else's words)
            merged[-1] = MessagePart(f"{merged[-1].text}. {part.text}", merged[-1].kind)
        elif merged and merged[-1].kind == "question" and tuple(tokenize(part.text)) in _WHICH_ONES:
            # "must they know visualisation programs? Which ones?": the items of the question before
            merged[-1] = MessagePart(f"{merged[-1].text} {part.text}", "question", joined=merged[-1].joined)
        else:
            merged.append(part)
    # "I am 34. I live in Lyon. I studied economics. ... What tools does a DE use?": any number of
    # sentences about the person, but a message asking more than MAX_PARTS things is read whole.
    if sum(p.kind == "question" for p in merged) > MAX_PARTS:
        return (MessagePart(text.strip(), _kind(text)),)
    return tuple(merged)
