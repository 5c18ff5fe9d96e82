"""One parse per message: every later step reads the :class:`Parse`, none reads the text again.

The :class:`Reader` runs the steps in order, each adding to what the previous ones found:

1. parts (:mod:`.parts`): the questions a message asks and what it says about the person;
2. per part, the understanding (:mod:`.understand`): corrected tokens, role mentions, other jobs,
   keyword hits, the intent ranking and the accepted intent;
3. per part, the named things (:mod:`.things`), references back to the conversation
   (:mod:`.references`) and, for parts about the person, the profile reading (:mod:`.profile`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial

from ..data.intents import IntentSet
from ..data.knowledge import KnowledgeBase, Thing
from ..lazy import Lazy
from .lists import topic_heads
from .normalize import tokenize
from .parts import MessagePart, split_parts
from .profile import ProfileReading, read_profile
from .references import Reference, distinctive_role_words, find_reference
from .things import ThingFinder
from .understand import Thresholds, Understander, Understanding
from .vocabulary import Vocabulary
from .words import is_aside

__all__ = ["Parse", "PartReading", "Reader", "is_asked", "out_of_scope"]


@dataclass(frozen=True)
class PartReading:
    """One part of a message, read."""

    part: MessagePart
    understanding: Understanding
    #: The knowledge base's named things the part names, with their token positions.
    things: tuple[tuple[int, Thing], ...]
    profile: ProfileReading | None = None
    reference: Reference | None = None
    vocabulary: Lazy[Vocabulary] | None = field(default=None, compare=False, repr=False)
    #: The part says it is an aside ("unrelated, but ..."): read without the conversation's roles.
    aside: bool = False

    @cached_property
    def unknown(self) -> tuple[int, ...]:
        """Positions of words careerbot does not know (not in its intents or knowledge base): names
        of things the articles never mention ("Snowflake"), or of the person's own tools ("VBA").
        Read on first use (most messages never need it)."""
        if self.vocabulary is None:
            return ()
        analysis = self.understanding.analysis
        inside = {i for m in analysis.mentions for i in range(m.start, m.end)}
        return self.vocabulary.get().unknown(analysis.tokens, skip=inside)

    @cached_property
    def spellings(self) -> dict[str, str]:
        """Each word of the part (as tokenised) -> how the person wrote it (their capitals)."""
        return _surfaces(self.part.text)

    def surface(self, position: int) -> str:
        """The word at ``position`` as the person wrote it (their capitals), or as read."""
        token = self.understanding.analysis.tokens[position]
        return self.spellings.get(token, token)

    @property
    def text(self) -> str:
        return self.part.text


@dataclass(frozen=True)
class Parse:
    """A message, read once: the whole text's reading and, when it has several, each part's."""

    text: str
    whole: PartReading
    parts: tuple[PartReading, ...]

    @property
    def questions(self) -> tuple[PartReading, ...]:
        return tuple(p for p in self.parts if p.part.kind != "self")

    @property
    def about_self(self) -> tuple[PartReading, ...]:
        return tuple(p for p in self.parts if p.part.kind == "self")

    @property
    def self_readings(self) -> tuple[ProfileReading, ...]:
        """What the parts about the person say, where they say anything."""
        return tuple(p.profile for p in self.about_self if p.profile is not None and not p.profile.empty)

    @property
    def roles(self) -> tuple[str, ...]:
        """Every covered role the message names, in order."""
        return tuple(dict.fromkeys(r for p in (self.whole, *self.parts) for r in p.understanding.analysis.roles))


#: The first word of each sentence after the first ("... a bank. That was dull.").
_SENTENCE_START = re.compile(r"[.!?;]\s+([A-Za-z][\w']*)")
#: A word a comma or a semicolon follows ("JavaScript, React and Node": three names, not one).
_BEFORE_COMMA = re.compile(r"([^\W_]+)\s*[,;]")
#: Words as the tokenizer finds them (letters and digits, inner apostrophes), with their capitals.
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*", re.UNICODE)
#: Words people capitalise that are not names of tools ("I", "I'm").
_NOT_NAMES = frozenset({"i", "i'm", "i've", "i'd", "i'll"})


def _surfaces(text: str) -> dict[str, str]:
    """Each word of ``text`` (lower-cased, as tokenised) -> its first spelling in ``text``, in one pass."""
    out: dict[str, str] = {}
    for m in _WORD.finditer(text):
        out.setdefault(m.group(0).casefold(), m.group(0))
    return out


#: Words of a sentence that weighs or asks about things rather than listing what the person has.
_NOT_LISTING = frozenset("vs versus or which what how compare comparison difference better than they them their".split())
#: Openings of a sentence about something else than the speaker ("Ad #1 asks for Airflow and NiFi").
_NOT_MINE = frozenset("ad ads advert job posting listing the this that these those it".split())
#: Words by which an aside still refers to the roles in focus ("unrelated, but do they earn well?").
_ROLE_PRONOUNS = frozenset("they them their theirs it its those these both either he she his her".split())


class Reader:
    """The understanding pipeline over one knowledge base. Immutable; safe to share across threads."""

    def __init__(self, kb: KnowledgeBase, intents: IntentSet, thresholds: Thresholds) -> None:
        self.understander = Understander(kb, intents, thresholds)
        self.things = ThingFinder(kb)
        self._vocabulary: Lazy[Vocabulary] = Lazy(partial(Vocabulary, kb, intents))  # built on first use
        # "tools + skills for that?": one-word topic keywords that open an item of a list of topics.
        self._topic_heads = topic_heads({
            name: spec.keywords for name, spec in intents.intents.items()
            if spec.topic is not None and spec.topic != "differences"
        })
        self._role_names = {r.id: r.name for r in kb.roles.values()}
        self._role_words = distinctive_role_words(self._role_names)
        self._name_words = frozenset(t for r in kb.roles.values() for name in (r.name, *r.aliases) for t in tokenize(name))
        # "the Occam one": the first word of each featured posting's company.
        self._company_words = {
            tokenize(p.company)[0]: p.company for p in kb.postings if tokenize(p.company)
        }

    def prepare(self) -> None:
        """Build now what is otherwise built on first use (before the bot is cached)."""
        self._vocabulary.get()

    def with_thresholds(self, thresholds: Thresholds) -> Reader:
        import copy

        clone = copy.copy(self)
        clone.understander = self.understander.with_thresholds(thresholds)
        return clone

    def _read_part(
        self, part: MessagePart, context_roles: Sequence[str], message_roles: Sequence[str] = (),
        *, aside: bool = False, rank: bool = True, only: bool = False,
    ) -> PartReading:
        # An aside ("unrelated, but ...") is not about the roles in focus, unless it refers to them.
        # ("this weekend" refers to no role: only pronouns for them count)
        aside = aside and _ROLE_PRONOUNS.isdisjoint(tokenize(part.text))
        if aside:
            context_roles = ()
        if not rank:
            u = self.understander.mentions(part.text)  # a sentence about the person asks nothing
        else:
            u = self.understander.understand(part.text, context_roles=context_roles, message_roles=message_roles)
        inside = {i for m in u.analysis.mentions for i in range(m.start, m.end)}
        reference = find_reference(
            u.analysis.tokens, role_words=self._role_words, company_words=self._company_words, name_words=self._name_words
        )
        if reference is not None and reference.kind in ("side", "named"):
            inside |= set(range(reference.start, reference.end))  # ("ML research roles": no field "ML")
        things = self.things.find(u.analysis.tokens, skip=inside)
        profile = None
        if only and reference is not None and reference.kind == "side" and reference.role in self._role_names:
            # "what does the software one do?": read with the role named, so that its name's word
            # ("software") is not read as a topic's keyword.
            tokens = u.analysis.tokens
            named_text = " ".join((*tokens[: reference.start], self._role_names[reference.role], *tokens[reference.end :]))
            u = self.understander.understand(named_text, context_roles=context_roles, message_roles=message_roles)
            inside = {i for m in u.analysis.mentions for i in range(m.start, m.end)}
            things = self.things.find(u.analysis.tokens, skip=inside)
            reference = None
        reading = PartReading(part, u, things, reference=reference, vocabulary=self._vocabulary, aside=aside)
        if part.kind == "self":
            unknown = reading.unknown
            thing_at = {i for i, _ in things}
            spelled = reading.spellings
            # A capital only marks a name inside a sentence ("That was dull." opens one).
            opening = {m.group(1).casefold() for m in _SENTENCE_START.finditer(part.text)}
            names = [
                # (a capital opening a sentence marks no name: "Kindly guide me.")
                (i, surface.casefold() if surface.casefold() in opening else surface)
                for i in range(len(u.analysis.tokens))
                if i not in inside and i not in thing_at
                for surface in (spelled.get(u.analysis.tokens[i], u.analysis.tokens[i]),)
                if i in unknown or (
                    i > 0 and surface[:1].isupper() and surface.casefold() not in _NOT_NAMES
                    and surface.casefold() not in opening
                )
            ]
            listed = frozenset(m.group(1).casefold() for m in _BEFORE_COMMA.finditer(part.text))
            profile = read_profile(u.analysis, things, names, ends=listed)
            if any(w.upper() in spelled.values() for b in profile.background for w in b.split()):
                # "I have an IT degree": a word written in capitals is kept so ("IT degree", not "it degree").
                upper = {w.casefold(): w for w in spelled.values() if w.isupper() and len(w) > 1}
                background = tuple(" ".join(upper.get(w, w) for w in b.split()) for b in profile.background)
                profile = dataclasses.replace(profile, background=background)
            return dataclasses.replace(reading, profile=profile)
        return reading

    def _listing_skills(self, part: MessagePart) -> MessagePart:
        """A sentence that asks nothing and lists skills or tools tells what the person has ("lots
        of python, some pytorch, a ton of stats"); not "Spark vs Hadoop" or "Python or R?"."""
        if part.kind != "other" or part.text.rstrip().endswith("?"):
            return part
        tokens = tokenize(part.text)
        if not _NOT_LISTING.isdisjoint(tokens) or (bool(tokens) and tokens[0] in _NOT_MINE):
            return part  # (nor "Ad #1 asks for Airflow and NiFi.": what a job ad asks)
        kinds = [t.kind for _, t in self.things.find(tokens)]
        if sum(k in ("tool", "language", "skill") for k in kinds) >= 2 and not self.understander.finder.find(part.text).mentions:
            return MessagePart(part.text, "self")  # (not "python and sql for DE")
        return part

    def read(self, text: str, *, context_roles: Sequence[str] = ()) -> Parse:
        """Read ``text`` (already cut to the input limit) in a conversation about ``context_roles``."""
        parts = tuple(self._listing_skills(p) for p in split_parts(text, topics=self._topic_heads))
        aside = is_aside(tokenize(text))
        if len(parts) == 1:
            only = self._read_part(MessagePart(text, parts[0].kind), context_roles, aside=aside, only=True)
            return Parse(text, only, (only,))
        whole = self._read_part(MessagePart(text, "question"), context_roles, aside=aside)
        # Roles named anywhere in the message count as context for each part ("what does a DSE do
        # and which degree do they have?": the second part is about the DSE too).
        named = whole.understanding.analysis.roles
        roles = tuple(dict.fromkeys((*context_roles, *named)))
        readings = tuple(self._read_part(p, roles, named, aside=aside, rank=p.kind != "self") for p in parts)
        return Parse(text, whole, readings)


#: The end of a sentence.
_SENTENCE_END = re.compile(r"[.!?]")


def is_asked(reading: PartReading, text: str) -> bool:
    """Whether a part of ``text`` is asked: its sentence ends with "?" ("what's the weather in Nairobi,
    and what does a DSE do?"), or it opens with a question word in a message without stops ("how do i
    bake bread"); not "..., which mostly meant spreadsheets." nor "Oh, how wonderful."."""
    at = text.find(reading.text)
    stop = _SENTENCE_END.search(text, at + len(reading.text) - 1) if at >= 0 else None
    if stop is not None:
        return stop.group() == "?"
    return reading.part.explicit


def out_of_scope(reading: PartReading, text: str) -> bool:
    """Whether a part asks outright about nothing careerbot knows: no role, reference, named
    thing or intent of its own, and two words or more that no intent or article uses ("what's
    the weather in Nairobi?", "also how do I bake bread"; not "lots of late nights?", "anything
    with audio?", which go on about the question next to them)."""
    u = reading.understanding
    return (
        reading.part.explicit and u.intent is None and not u.keyword_intents
        and not u.analysis.mentions and not u.analysis.other_occupations and reading.reference is None
        and not reading.things and len(reading.unknown) >= 2
        and is_asked(reading, text)
    )
