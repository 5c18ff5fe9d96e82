"""Reading one message: role mentions, keyword hits, the intent ranking and the accepted intent.

:class:`Understander` is built once from the knowledge base and the intents; :meth:`Understander.understand`
reads a text into an :class:`Understanding` that every later step reads.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from ..data.intents import IntentSet
from ..data.knowledge import KnowledgeBase
from ..matcher import IntentMatcher
from .cues import (
    asks_for_help,
    at_an_age,
    counts_jobs,
    own_task,
    recommends_a_thing,
    within_a_time,
    worries_about_age,
)
from .entities import Analysis, RoleFinder
from .keys import word_key
from .normalize import tokenize
from .phrases import PhraseIndex
from .words import (
    CONTEXT_ADVICE,
    CONTEXT_KEYWORDED,
    CONVERSATIONAL,
    FILLER,
    JOB_WORDS,
    NOT_COVERED,
    PARTING,
    PROFILE_ADVICE,
    QUESTION_WORDS,
    REFERRING,
    SELF_WORDS,
    SHORT_MESSAGE,
    WEATHER_WORDS,
    WH_WORDS,
    asks_all,
    discourse_spans,
)

__all__ = ["Thresholds", "Understander", "Understanding", "posting_keywords"]


@dataclass(frozen=True)
class Understanding:
    """What :meth:`Understander.understand` makes of one message."""

    analysis: Analysis
    intent: str | None
    score: float
    ranking: tuple[tuple[str, float], ...]
    keyword_intents: frozenset[str]
    #: The intents named by a keyword phrase of two words or more ("still be jobs"): more than
    #: one word that happens to be a keyword ("team" in "a recipe for a team lunch").
    phrased: frozenset[str] = frozenset()



@dataclass(frozen=True)
class Thresholds:
    """Decision thresholds (tuned on data, see ``benchmarks/tune_thresholds.py``).

    ``accept``: minimum top intent score; ``margin``: minimum gap to the runner-up
    intent (as in Rasa's FallbackClassifier) when nothing but wording supports the best one
    (no role named, none of its keywords); ``with_role``: a lower bar used when the
    question names a covered role (the role itself is strong evidence of scope);
    ``keyword_boost``: added to an intent whose keywords appear in the question.
    """

    accept: float = 0.6
    margin: float = 0.15
    with_role: float = 0.3
    keyword_boost: float = 0.3


#: A sum of money as people type it: "100k", "120000", "$90k".
_MONEY = re.compile(r"^\d{2,3}k$|^\d{2,3}000$")



#: Goodbyes typed short that mean nothing else ("gtg break over").
_PARTING_SHORTHAND = frozenset("gtg cya ttyl gnight gnite".split())

#: Intents about what careerbot knows; their keywords count in a question up to this long.
ABOUT_BOT = frozenset({"list_roles", "ask_sources", "help"})
ABOUT_BOT_MESSAGE = 14


#: Words a message may open with before what it is ("ok thank u", "oh hi there").
_OPENING_NOISE = frozenset({"ok", "okay", "oh", "ah", "well", "alright", "aight", "wow", "omg"})


def posting_keywords(kb: KnowledgeBase) -> list[str]:
    """Company names and place names of the featured postings, as keywords for postings questions."""
    words: list[str] = []
    for posting in kb.postings:
        words.append(re.sub(r"\.(com|org|net|io|ai)$", "", posting.company))  # "Amazon.com" -> "Amazon"
        for part in posting.location.replace("(", ",").replace(")", ",").split(","):
            place = part.strip()
            if len(place) >= 4 and place.casefold() not in {"remote", "anywhere in the u.s."}:
                words.append(place)
    return list(dict.fromkeys(words))


#: What "recommendation" names when these follow it ("recommendation engines").
_SYSTEMS = frozenset((w,) for w in (
    "engine engines system systems systemes model models algorithm algorithms stuff feature features tool tools app "
    "apps project projects are were get built"  # (and "Spotify-style recommendations are built by ...")
).split())
#: Whose job it is ("their job", "his job"): the work itself, not openings.
_OWNERS = frozenset((w,) for w in "their his her its".split())
#: The words of a bare "how much" about a role ("how much does a DE get?").
_HOW_MUCH = frozenset("how much do does they a an the for is are get gets".split())
_APPRECIATE_LATER = re.compile(r"\b(?:i'd|id|i would|would|will|i'll) (?:really )?appreciate\b")
_THANKS = frozenset("thanks thank thx ty cheers".split())
#: Words that make a message a request ("thanks, can you help with my CV?").
_REQUEST_WORDS = WH_WORDS | frozenset("can could would will pls please".split())


def _requests(analysis: Analysis) -> bool:
    return analysis.question_mark or not _REQUEST_WORDS.isdisjoint(analysis.tokens)


#: Words that ask which role is nearest to the person ("what's the closest of these roles to what I do?").
_NEAREST = frozenset("closest closer nearest nearer".split())
#: Intents about no role: a role named in the message does not make them likelier.
_ROLELESS = frozenset({"profile", "help", "greet", "goodbye"})
class Understander:
    """Role finder, intent matcher and keyword index over one knowledge base and intent set.

    Immutable after construction; safe to share across threads.
    """

    def __init__(self, kb: KnowledgeBase, intents: IntentSet, thresholds: Thresholds) -> None:
        self._intents = intents
        self.thresholds = thresholds
        posting_words = posting_keywords(kb)
        keywords = [k for spec in intents.intents.values() for k in spec.keywords] + posting_words
        # The knowledge base's named things are words too ("Informatica" is not "information").
        thing_names = [s for thing in kb.things.values() for s in thing.spellings]
        self.finder = RoleFinder(
            {r.id: (r.name, r.plural, *r.aliases) for r in kb.roles.values()},
            other_occupations=intents.lookups.get("other_occupation", ()),
            extra_vocabulary=keywords + thing_names,
            synonyms=intents.synonyms,
            plain_words={t for spec in intents.intents.values() for e in spec.examples for t in tokenize(e)},
            english_words=intents.lookups.get("plain_word", ()),
        )
        examples = {
            name: tuple(self.finder.mask(e) for e in spec.examples)
            for name, spec in intents.intents.items()
        }
        # refine_epochs=0: CareerBot() and `careerbot ask` stay fast and never import numpy; the bot's
        # keywords and role rules already cover what refining adds to the matcher alone.
        self.matcher = IntentMatcher(examples, refine_epochs=0)
        # (phrase, intent, strong): a strong keyword is the intent's own word ("internships");
        # a weak one only hints (company and place names of the postings: "Berlin", "Amazon").
        salary_intent = intents.intent_for_topic("salary")
        self._salary_intent = salary_intent
        keyword_lists = [(name, k, True) for name, spec in intents.intents.items() for k in spec.keywords]
        if salary_intent is not None:
            keyword_lists += [(salary_intent, k, False) for k in posting_words]
        # The keys of the words people use most, worked out once ("jobs" -> "job").
        common = {t for _, keyword, _ in keyword_lists for t in tokenize(keyword)} | self.finder.speller.vocabulary
        self._key_of: Mapping[str, str] = MappingProxyType({t: word_key(t) for t in common})
        # ... and of other words as they come (bounded; lru_cache is thread-safe).
        self._other_key = lru_cache(maxsize=8192)(word_key)
        self._phrases = PhraseIndex(
            (tuple(self._key_of[t] for t in tokenize(keyword)), name, strong) for name, keyword, strong in keyword_lists
        )

    # Pickled (by the start-up cache) without the memo of other words' keys, which is made anew.
    def __getstate__(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k != "_other_key"}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._other_key = lru_cache(maxsize=8192)(word_key)

    def with_thresholds(self, thresholds: Thresholds) -> Understander:
        """The same models with other thresholds."""
        import copy

        clone = copy.copy(self)
        clone.thresholds = thresholds
        return clone

    def _keyword_hits(self, analysis: Analysis) -> tuple[dict[str, bool], set[str], frozenset[str]]:
        """Intents whose keywords appear (each with whether a strong, own keyword did), and the
        intents that the message consists of: every word is filler, a role name or one of that
        intent's keywords ("any internships?", "compensation for an MLRE")."""
        # Words inside a role mention ("software" in "ML software engineer") are not keywords.
        inside = {i for m in analysis.mentions for i in range(m.start, m.end)}
        inside |= discourse_spans(analysis.tokens)  # nor is "switching" in "switching topic, ..."
        key_of, other_key = self._key_of, self._other_key
        stem_of = {t: key_of.get(t) or other_key(t) for t in set(analysis.tokens)}  # each distinct word once
        # Phrases are matched with the role mentions left out: "remote DSE jobs" has "remote jobs".
        at = [i for i in range(len(analysis.tokens)) if i not in inside]
        stems = tuple(stem_of[analysis.tokens[i]] for i in at)
        found: dict[str, bool] = {}
        spans: dict[str, set[int]] = {}
        phrased: set[str] = set()
        # A posting's town or company hints at postings in a short message ("anything in Berlin?"),
        # not in a longer one about something else ("the weather in Seattle is awful").
        hints = (len(analysis.tokens) <= SHORT_MESSAGE or not JOB_WORDS.isdisjoint(analysis.tokens)) and (
            WEATHER_WORDS.isdisjoint(analysis.tokens)  # (not "lol is it cold in berlin rn")
        )
        hits: list[tuple[int, int, str, bool]] = []
        for i, (phrase, name, strong) in self._phrases.found(stems):
            if not strong and not hints:
                continue
            if name in ("ask_works_with", NOT_COVERED) and len(phrase) == 1 and i and stems[i - 1] in ("my", "our"):
                continue  # the person's own team or Kaggle work ("for my team", "with my kaggle stuff")
            if name == self._salary_intent and phrase[0] == "job" and (
                at[i] - 1 in inside or analysis.tokens[at[i] - 1 : at[i]] in _OWNERS
            ):
                # "the data engineer job in one paragraph", "whats their job in a nutshell": the
                # role itself, not openings
                continue
            if name == "recommend_role" and len(phrase) == 1 and analysis.tokens[at[i] + 1 : at[i] + 2] in _SYSTEMS:
                continue  # "recommendation engines": a kind of project, not advice asked for
            if name == "goodbye" and analysis.tokens[at[i + len(phrase) - 1] + 1 : at[i + len(phrase) - 1] + 2] == ("of",):
                continue  # "do data engineers take care of data quality?": not a farewell
            if name == "ask_industries" and _workplace(analysis.tokens, at[i], at[i + len(phrase) - 1] + 1):
                continue  # "I'm a hiring manager at a fintech startup": where they work, not a question
            hits.append((i, i + len(phrase), name, strong))
        for start, end, name, strong in hits:
            if any(
                s <= start and end <= e and e - s > end - start and other != name
                for s, e, other, _ in hits
            ):
                continue  # inside another intent's longer phrase: "all day" in "screen all day"
            found[name] = found.get(name, False) or strong
            spans.setdefault(name, set()).update(at[start:end])
            if end - start > 1 and strong:
                phrased.add(name)
        if NOT_COVERED in found and ("ask_education" in found or "ask_industries" in found) and all(
            stems[start] == "count" for start, _, name, _ in hits if name == NOT_COVERED
        ) and "experience" not in analysis.tokens:
            # "would my architecture degree count for anything?", "does fintech count as finance?":
            # whether the articles list it (not "does a postdoc count as work experience?")
            del found[NOT_COVERED]
            phrased.discard(NOT_COVERED)
        if (
            NOT_COVERED in self._intents.intents and "learning_path" not in found and "ask_outlook" not in found
            and (within_a_time(analysis.tokens) or at_an_age(analysis.tokens) or worries_about_age(analysis.tokens))
        ):  # (not "will there still be jobs in ten years' time?": the outlook; but "can I start at 42?")
            # "can I switch to ML engineering in 6 months?": no article says how long (a plan for
            # six months is still a plan).
            found[NOT_COVERED] = True
        if NOT_COVERED in self._intents.intents and any(
            analysis.tokens[max(0, m.start - 2) : m.start] == ("how", "many")
            and JOB_WORDS.isdisjoint(analysis.tokens[m.end : m.end + 1])  # (not "how many MLE openings are there?")
            for m in analysis.mentions
        ):
            found[NOT_COVERED] = True  # "how many DSEs does a typical bank employ?": a headcount
        if NOT_COVERED in self._intents.intents and counts_jobs(analysis.tokens):
            found[NOT_COVERED] = True  # "and how many of those jobs even exist?"
        if analysis.tokens == ("by",) and "goodbye" in self._intents.intents:
            found["goodbye"] = True  # "by": "bye" typed short
        if "help" in found and own_task(analysis.tokens):
            del found["help"]  # "can u help w my chem homework": help with their task, not with careerbot
        elif "help" in found and not asks_for_help(analysis.tokens) and any(n not in CONVERSATIONAL for n in found):
            del found["help"]  # "do bootcamps actually help for getting in?": "help" as a verb of another question
        if "list_roles" in found and analysis.other_occupations:
            del found["list_roles"]  # "can you tell me about nursing careers too?": another job, not the list
        if "recommend_role" in found and recommends_a_thing(analysis.tokens):
            del found["recommend_role"]  # "can you recommend a good pizza place?": no role asked for
        if "thanks" in found and _APPRECIATE_LATER.search(" ".join(analysis.tokens)) and _THANKS.isdisjoint(analysis.tokens):
            del found["thanks"]  # "I'd appreciate precise answers": a wish, not thanks
        if "help" in phrased and "ask_definition" in found and not analysis.mentions:
            # "might you kindly explain what you are able to assist me with?": careerbot explained
            del found["ask_definition"]
        if self._salary_intent and analysis.mentions and "much" in analysis.tokens and {
            t for i, t in enumerate(analysis.tokens) if i not in inside
        } <= _HOW_MUCH:
            found[self._salary_intent] = True  # "HOW MUCH $$ DE", "how much for an MLE?": the pay
        if self._salary_intent and any(_MONEY.match(t) for t in analysis.tokens):
            found[self._salary_intent] = True  # "is 100k realistic?", "80000 usd"
        rest = {
            i for i, t in enumerate(analysis.tokens)
            if i not in inside and t not in FILLER and t not in QUESTION_WORDS
        }
        only = {name for name, covered in spans.items() if analysis.tokens and rest <= covered}
        return found, only, frozenset(phrased)

    def _starts_with(self, analysis: Analysis, intent: str) -> bool:
        """Whether the message opens with one of ``intent``'s keywords ("good evening, hope ...")."""
        tokens = analysis.tokens
        while tokens and tokens[0] in _OPENING_NOISE:
            tokens = tokens[1:]  # ("ok thank u this made me less stressed")
        keys = [self._key_of.get(t) or self._other_key(t) for t in tokens[:4]]
        return bool(keys) and any(
            name == intent and tuple(keys[: len(phrase)]) == phrase for phrase, name, _ in self._phrases.opening(keys[0])
        )

    def _ends_with(self, analysis: Analysis, intent: str) -> bool:
        """Whether the message ends with one of ``intent``'s keyword phrases of two words or more
        ("..., see ya"; not "translate good night into Spanish")."""
        keys = [self._key_of.get(t) or self._other_key(t) for t in analysis.tokens[-4:]]
        return any(
            name == intent and len(phrase) > 1 and tuple(keys[i:]) == phrase
            for i in range(len(keys)) for phrase, name, _ in self._phrases.opening(keys[i])
        )

    def _rank(self, analysis: Analysis, keyword_intents: Mapping[str, bool]) -> list[tuple[str, float]]:
        masked = analysis.masked
        words = masked.split()
        spans = discourse_spans(words)
        if spans and len(spans) < len(words):
            # "ok switching gears, what do ML engineers need to know?": ranked without the marker
            masked = " ".join(w for i, w in enumerate(words) if i not in spans)
        ranking = dict(self.matcher.rank(masked, limit=5)) if masked else {}
        if masked and any(n not in ranking for n in keyword_intents):
            # An intent named by its keyword but outside the five best ("what do they get paid")
            # starts from its own score, not from nothing.
            ranking = dict(self.matcher.rank(masked, limit=len(self.matcher.intents)))
        short = len(analysis.tokens) <= SHORT_MESSAGE
        # Conversational keywords ("help", "thanks") count in short messages, unless a topic's own
        # keyword is there too ("what certifications help?").
        topical = any(n not in CONVERSATIONAL for n in keyword_intents)
        # Thanks and goodbyes count in long messages too ("This has been so helpful, thank you ...!").
        # ... and so do questions about careerbot itself that name no role ("are your answers based
        # on some articles or what").
        about_bot = (
            len(analysis.tokens) <= ABOUT_BOT_MESSAGE and not analysis.mentions
            and not {"you", "your", "yours"}.isdisjoint(analysis.tokens)
            and "know" not in analysis.tokens  # "do you know if pharmacy informatics is a real career?"
        )
        boosted = [
            n for n in keyword_intents
            if n not in CONVERSATIONAL or (not topical and (
                short or (n in PARTING and not analysis.mentions)
                or (n in ABOUT_BOT and about_bot and (n != "help" or asks_for_help(analysis.tokens)))
            ))
        ]
        for name in boosted:
            # Weak keywords (places, companies) only hint: half the boost.
            boost = self.thresholds.keyword_boost * (1.0 if keyword_intents[name] else 0.5)
            ranking[name] = min(1.0, ranking.get(name, 0.0) + boost)
        if "thanks" in ranking and "help" in boosted and "thanks" in boosted and not _requests(analysis):
            # "cheers for the help", "thx, this helped heaps": help thanked for, not asked for.
            ranking["thanks"] = max(ranking["thanks"], ranking["help"] + 1e-3)
        if (
            "thanks" in keyword_intents and not analysis.mentions and not _requests(analysis)
            and self._starts_with(analysis, "thanks")
        ):
            # "Thanks, that's a good overview.", "Thank you so much, ... this is the most structured
            # advice I've had": thanks first, and nothing asked
            ranking["thanks"] = max(ranking.get("thanks", 0.0), max(ranking.values(), default=0.0) + 1e-3)
        if len(analysis.roles) == 1 and ranking.get("profile", 0.0) == max(ranking.values(), default=0.0):
            # "given what I told you about my background, what would I need to learn for the ML
            # software engineer route?": advice on a role, resting on what was told, not the profile itself.
            advice = max(sorted(PROFILE_ADVICE), key=lambda n: ranking.get(n, 0.0))
            if ranking.get(advice, 0.0) >= self.thresholds.with_role:
                ranking[advice] = ranking["profile"] + 1e-3
        for name in boosted:
            # A more specific intent named by its keywords wins over the general one it overrides.
            beaten = [ranking[o] for o in self._intents.intents[name].overrides if o in ranking]
            if beaten and max(beaten) >= ranking[name]:
                ranking[name] = min(1.0, max(beaten) + 1e-3)
        return sorted(ranking.items(), key=lambda kv: -kv[1])

    def mentions(self, text: str) -> Understanding:
        """Only the role mentions, other jobs and keyword hits of ``text``, no intent ranking (for a
        sentence about the person, which asks nothing)."""
        analysis = self.finder.find(text)
        keyword_intents, _, phrased = self._keyword_hits(analysis)
        return Understanding(analysis, None, 0.0, (), frozenset(keyword_intents), phrased)

    def understand(
        self, text: str, *, context_roles: Sequence[str] = (), message_roles: Sequence[str] = ()
    ) -> Understanding:
        """How ``text`` is read: role mentions, intent ranking, keyword hits and the accepted intent.

        ``context_roles`` are the roles the conversation is about; a message that refers to
        them ("which one earns more?") is held to the same, lower bar as one naming a role.
        ``message_roles`` are roles named elsewhere in the same message (this text is one part of
        it: "what does a DSE do and which degree do they have?"); they count as named here.
        """
        analysis = self.finder.find(text)
        keyword_intents, made_of, phrased = self._keyword_hits(analysis)
        ranking = self._rank(analysis, keyword_intents)
        accepted: str | None = None
        score = ranking[0][1] if ranking else 0.0
        spelled_out = [
            name for name, _ in ranking if keyword_intents.get(name) and name in made_of
        ]
        if spelled_out and self._intents.intents[spelled_out[0]].topic is not None:
            # "compensation for an MLRE", "DS engineer skills": nothing but a role and a topic's own
            # keyword, whatever the examples' wording suggests.
            return Understanding(
                analysis, spelled_out[0], max(score, self.thresholds.with_role), tuple(ranking),
                frozenset(keyword_intents), phrased,
            )
        if ranking:
            best = ranking[0][0]
            runner_up = ranking[1][1] if len(ranking) > 1 else 0.0
            t = self.thresholds
            refers = bool(context_roles) and not REFERRING.isdisjoint(analysis.tokens)
            # In a conversation about a role, a topic question without one is about that role
            # ("ok and what would I actually do all day?"): the same, lower bar.
            spec = self._intents.intents.get(best)
            topical = spec is not None and (
                spec.topic is not None or best in CONTEXT_ADVICE
                or (best in CONTEXT_KEYWORDED and keyword_intents.get(best, False))
            )
            in_context = bool(context_roles) and topical and (not analysis.other_occupations or refers)
            refers = refers or in_context
            # A message made only of one intent's own keywords ("any internships?", "salary?").
            keyword_only = keyword_intents.get(best, False) and best in made_of
            # "all five roles" names the roles as well as a role name does.
            # (A role named is no evidence for an intent about no role: "do you remember what the
            # MLE does?" asks about the MLE, not about the person's profile.)
            roleless = best in _ROLELESS
            named = not roleless and (bool(analysis.mentions or message_roles) or asks_all(analysis.tokens))
            # Thanks and goodbyes said with their own words ("Muchas gracias!") need no more.
            # ... and so do short requests in a small-talk intent's own words ("could you assist me
            # with something?", "ok ty cya", "what do you remember about me?").
            # The bare word "help" is no such request ("would hackathons help me get in?"), and a
            # goodbye needs its thanks or "bye" ("ok ty cya", not "translate good night into Spanish").
            parting = keyword_intents.get(best, False) and (
                best == "thanks"
                or (best == "profile" and (len(analysis.tokens) <= 12 or best in phrased))
                or (best == "help" and asks_for_help(analysis.tokens) and len(analysis.tokens) <= 16)
                or (best == "goodbye" and (
                    "thanks" in keyword_intents or not {"bye", "goodbye"}.isdisjoint(analysis.tokens)
                    or analysis.tokens[-1:] == ("by",)  # "gtg, by": "bye" typed short
                    or self._ends_with(analysis, "goodbye")  # "alright I'm heading off, see ya"
                    # "gotta go, break's over" (not "have to go to uni for that?")
                    or (self._starts_with(analysis, "goodbye") and (
                        best in phrased or not _PARTING_SHORTHAND.isdisjoint(analysis.tokens[:3])  # "gtg break over"
                    ) and not analysis.question_mark
                        and not analysis.mentions and len(analysis.tokens) <= SHORT_MESSAGE)
                ))
                # "good evening, hope you're doing alright": a short greeting in its own words
                or (best == "greet" and len(analysis.tokens) <= SHORT_MESSAGE and not analysis.mentions
                    and self._starts_with(analysis, "greet"))  # (not "translate hello into Spanish")
                # "what's on the menu career-wise?": the roles, in a phrase of its own
                or (best == "list_roles" and best in phrased and not analysis.mentions)
            )
            # "i kno python n some c++ which 1 fits me": a fit asked for in its own words.
            # ... or "closest" ("what's the closest of these roles to what I already do?"), or a
            # phrase of its own ("what career path makes sense from helpdesk?").
            own_words = best == "recommend_role" and keyword_intents.get(best, False) and (
                "which" in analysis.tokens or not _NEAREST.isdisjoint(analysis.tokens) or best in phrased
            )
            # "is there an age limit for these tech jobs?": what the articles don't say, about jobs.
            own_words = own_words or (
                best == NOT_COVERED and keyword_intents.get(best, False) and not JOB_WORDS.isdisjoint(analysis.tokens)
            ) or (  # "Which careers, precisely, are you acquainted with?": careerbot's own roles (not
                # "do you know if pharmacy informatics is a real career?", "which of your careers lines up with that?")
                best == "list_roles" and keyword_intents.get(best, False) and not analysis.mentions
                and not analysis.other_occupations and not {"you", "u"}.isdisjoint(analysis.tokens)
                and SELF_WORDS.isdisjoint(analysis.tokens) and {"know", "that", "if"}.isdisjoint(analysis.tokens)
            ) or (  # "do any of them pay like 100k": an amount of pay
                best == self._salary_intent and any(_MONEY.match(t) for t in analysis.tokens)
            ) or (  # "is there a manager-type posting among the featured jobs?": postings, in their words
                best == self._salary_intent and best in phrased and not JOB_WORDS.isdisjoint(analysis.tokens)
            ) or (  # "where does all this come from?" (not "can you fix my latex bibliography")
                best == "ask_sources" and keyword_intents.get(best, False) and "my" not in analysis.tokens
            )
            bar = t.with_role if named or refers or keyword_only or parting or own_words else t.accept
            # The ambiguity margin guards guesses that rest on wording alone: a named role or the
            # best intent's own keyword is evidence enough to settle a near tie.
            # ... and so is the role the conversation is about, for a topic question ("what would I do all day?").
            evidence = (bool(analysis.mentions or message_roles) and not roleless) or keyword_intents.get(best, False) or in_context
            if score >= bar and (evidence or score - runner_up >= t.margin):
                accepted = best
        return Understanding(analysis, accepted, score, tuple(ranking), frozenset(keyword_intents), phrased)


#: Nouns of a workplace after its sector ("a fintech startup", "a healthcare company").
_WORKPLACES = frozenset("startup startups company firm shop agency bank business org organisation organization".split())


def _workplace(tokens: Sequence[str], start: int, end: int) -> bool:
    """Whether the words ``tokens[start:end]`` name the sector of someone's workplace ("at a fintech
    startup", "for a healthcare company"), not a sector asked about."""
    return tokens[max(0, start - 2) : start] in (("at", "a"), ("at", "an"), ("for", "a"), ("for", "an")) and (
        end < len(tokens) and tokens[end] in _WORKPLACES
    )

