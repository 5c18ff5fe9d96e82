""":class:`CareerBot`: ties entities, matcher, dialogue state and responses together."""

from __future__ import annotations

import copy
import dataclasses
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .data.intents import IntentSet
from .data.knowledge import TOPIC_TITLES, KnowledgeBase
from .data.validate import load_data
from .dialogue.state import Context
from .dialogue.stores import DEFAULT_MAX_SESSIONS, MemorySessionStore, SessionStore, check_session_id
from .matcher import IntentMatcher
from .nlu.entities import PLACEHOLDER, Analysis, RoleFinder
from .nlu.normalize import MAX_INPUT_CHARS, tokenize, truncate
from .reply import FALLBACK, Reply
from .skills.responses import (
    TEMPLATES,
    Answer,
    render_clarify,
    render_compare,
    render_fallback,
    render_list_roles,
    render_mentions,
    render_small_talk,
    render_sources,
    render_topic,
    render_uncovered,
    role_words,
    tool_terms,
    topic_question,
)

if TYPE_CHECKING:
    from .skills.advisor import Advisor

__all__ = ["CareerBot", "Thresholds", "Understanding"]

SMALL_TALK = frozenset({"greet", "thanks", "goodbye", "help"})
COMPARE = "compare"
#: Topics shown when two roles are compared without a topic.
COMPARE_TOPICS: tuple[str, ...] = ("definition", "differences", "skills", "tools")
#: Topics shown when three or more roles are compared without a topic.
WIDE_COMPARE_TOPICS: tuple[str, ...] = ("definition", "skills", "tools", "education", "salary")
#: Words asking for a full table ("compare everything", "all topics", "full table").
EVERYTHING_WORDS = frozenset({"table", "everything", "topics", "full", "detail", "detailed"})
#: Words that carry no question of their own ("and ML engineers?", "what about DE").
FILLER = frozenset(
    "and or what about how so ok okay then also too the a an for of in on with please pls tell me more "
    "same question again now instead regarding re as well hmm um thanks alright right sure yes yeah "
    "cool nice great i see".split()
)
#: Intents about the conversation itself; their keywords ("help", "thanks") only count in short messages.
CONVERSATIONAL = frozenset({"greet", "thanks", "goodbye", "help", "list_roles", "ask_sources"})
SHORT_MESSAGE = 8
#: Words that only make a keyword into a question ("any internships?", "are there openings?").
QUESTION_WORDS = frozenset({"any", "are", "is", "there", "some", "do", "does", "you", "have", "got", "at"})
#: Words of someone choosing ("which role should I pick?").
CHOOSING_WORDS = frozenset({"which", "what", "should", "pick", "choose", "fit", "fits", "suit", "suits", "best"})
#: Words pointing at the second role of a recommendation ("and the runner-up?").
RUNNER_UP_WORDS = frozenset({"second", "runner", "runnerup"})
#: Words of someone telling what they like ("I enjoy building dashboards").
INTEREST_WORDS = frozenset({"like", "love", "enjoy", "interested", "passionate", "into", "fascinated"})
#: Words offering a choice between named roles ("X or Y?").
CHOICE_WORDS = frozenset({"or", "vs", "versus", "between"})
#: Intents answered by careerbot.skills.advisor.
ADVISOR_INTENTS = frozenset({"recommend_role", "skill_gap", "learning_path", "ask_salary"})
#: After these, a bare role ("and for ML engineers?") gets the same kind of answer.
ADVISOR_FOLLOW_UPS = frozenset({"learning_path", "ask_salary"})
#: Words that point back at what the conversation is about ("what do they earn?").
REFERRING = frozenset(
    "they them their theirs it its one ones that this those these both either he she his her".split()
)
#: Words asking about every role at once.
ALL_WORDS = frozenset({"all", "every", "each", "five"})
#: Words that refer to the roles in general ("what's the difference between these roles?").
GENERIC_ROLE_WORDS = frozenset(
    "role roles job jobs career careers position positions path paths option options them these those "
    "they both profession professions suit suits fit fits".split()
)


@dataclass(frozen=True)
class Understanding:
    """What :meth:`CareerBot.understand` makes of one message."""

    analysis: Analysis
    intent: str | None
    score: float
    ranking: tuple[tuple[str, float], ...]
    keyword_intents: frozenset[str]


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


def _posting_keywords(kb: KnowledgeBase) -> list[str]:
    """Company names and place names of the featured postings, as keywords for postings questions."""
    words: list[str] = []
    for posting in kb.postings:
        words.append(re.sub(r"\.(com|org|net|io|ai)$", "", posting.company))  # "Amazon.com" -> "Amazon"
        for part in posting.location.replace("(", ",").replace(")", ",").split(","):
            place = part.strip()
            if len(place) >= 4 and place.casefold() not in {"remote", "anywhere in the u.s."}:
                words.append(place)
    return list(dict.fromkeys(words))


def _stem(token: str) -> str:
    for suffix in ("ies", "es", "s", "ing", "ed"):
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            return token[: -len(suffix)]
    return token


class CareerBot:
    """A career chatbot over a knowledge base. One instance is safe to share across threads.

    ``CareerBot()`` loads the bundled data; ``CareerBot(knowledge_dir=..., intents_dir=...)``
    loads and validates other data and raises :class:`careerbot.DataError` (listing every
    problem as ``path:line: message``) when it is broken.
    """

    def __init__(
        self,
        knowledge_dir: str | Path | None = None,
        intents_dir: str | Path | None = None,
        *,
        max_sessions: int = DEFAULT_MAX_SESSIONS,
        thresholds: Thresholds | None = None,
        sessions: SessionStore | None = None,
    ) -> None:
        if sessions is not None and not isinstance(sessions, SessionStore):
            raise TypeError("sessions must be a careerbot.dialogue.stores.SessionStore")
        kb, intents = load_data(knowledge_dir, intents_dir)
        self._kb = kb
        self._intents = intents
        self._thresholds = thresholds or Thresholds()
        posting_words = _posting_keywords(kb)
        keywords = [k for spec in intents.intents.values() for k in spec.keywords] + posting_words
        self._finder = RoleFinder(
            {r.id: (r.name, r.plural, *r.aliases) for r in kb.roles.values()},
            other_occupations=intents.lookups.get("other_occupation", ()),
            extra_vocabulary=keywords,
            synonyms=intents.synonyms,
        )
        examples = {
            name: tuple(self._finder.find(e, correct=False).masked for e in spec.examples)
            for name, spec in intents.intents.items()
        }
        self._matcher = IntentMatcher(examples)
        # (phrase, intent, strong): a strong keyword is the intent's own word ("internships");
        # a weak one only hints (company and place names of the postings: "Berlin", "Amazon").
        index: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
        salary_intent = intents.intent_for_topic("salary")
        self._salary_intent = salary_intent
        keyword_lists = [(name, k, True) for name, spec in intents.intents.items() for k in spec.keywords]
        if salary_intent is not None:
            keyword_lists += [(salary_intent, k, False) for k in posting_words]
        for name, keyword, strong in keyword_lists:
            phrase = tuple(_stem(t) for t in tokenize(keyword))
            if phrase:
                index.setdefault(phrase[0], []).append((phrase, name, strong))
        self._keywords: dict[str, tuple[tuple[tuple[str, ...], str, bool], ...]] = {
            k: tuple(v) for k, v in index.items()
        }
        # Sessions: the given store (SQLite, Redis, ...), else a bounded in-memory LRU store.
        self._sessions = sessions if sessions is not None else MemorySessionStore(max_sessions)
        self._tool_terms = tool_terms(kb)
        self._role_words = role_words(kb)
        # The advisor is built on first use (recommendations, skill gaps, paths, postings, tables),
        # so a one-off `careerbot ask` about a topic does not pay for it.
        self._advisor_instance: Advisor | None = None
        self._advisor_lock = threading.Lock()

    @property
    def _advisor(self) -> Advisor:
        advisor = self._advisor_instance
        if advisor is None:
            with self._advisor_lock:
                if self._advisor_instance is None:
                    from .skills.advisor import Advisor  # imported on first use, like it is built

                    self._advisor_instance = Advisor(self._kb)
                advisor = self._advisor_instance
        return advisor

    # -- public API -------------------------------------------------------------------------

    def with_thresholds(self, thresholds: Thresholds) -> CareerBot:
        """A bot sharing this one's data and models but using other thresholds (and its own sessions)."""
        clone = copy.copy(self)
        clone._thresholds = thresholds
        clone._sessions = MemorySessionStore(getattr(self._sessions, "max_sessions", DEFAULT_MAX_SESSIONS))
        return clone

    @property
    def knowledge(self) -> KnowledgeBase:
        """The (read-only) knowledge base."""
        return self._kb

    @property
    def intents(self) -> IntentSet:
        """The (read-only) intent definitions."""
        return self._intents

    @property
    def matcher(self) -> IntentMatcher:
        return self._matcher

    @property
    def sessions(self) -> SessionStore:
        return self._sessions

    def ask(self, text: str, session_id: str = "default") -> Reply:
        """Answer ``text`` in the conversation ``session_id``.

        The turn is one atomic update of the session store: concurrent turns of one session
        are applied one after the other, none is lost.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        check_session_id(session_id)
        clipped, truncated = truncate(text)

        def turn(data: dict[str, Any] | None) -> tuple[dict[str, Any], Reply]:
            ctx = self._context_of(data)
            reply, new_ctx = self._respond(clipped, ctx)
            return new_ctx.evolve(turns=ctx.turns + 1).to_dict(), reply

        reply = self._sessions.update(session_id, turn)
        if truncated:
            note = TEMPLATES["truncated"].safe_substitute(limit=MAX_INPUT_CHARS)
            reply = Reply(**{**reply.__dict__, "text": f"{reply.text}\n\n{note}", "truncated": True})
        return reply

    def _context_of(self, data: Mapping[str, Any] | None) -> Context:
        """The context of stored session data; a damaged or tampered entry starts afresh."""
        if data is None:
            return Context()
        try:
            return Context.from_dict(data, role_ids=self._kb.roles, topics=TOPIC_TITLES)
        except ValueError:
            return Context()

    def reset(self, session_id: str = "default") -> None:
        """Forget the conversation ``session_id``."""
        self._sessions.delete(check_session_id(session_id))

    def export_session(self, session_id: str = "default") -> dict[str, Any]:
        """The session's state as a plain dict (store it, then :meth:`restore_session`)."""
        return self._context_of(self._sessions.get(check_session_id(session_id))).to_dict()

    def restore_session(self, session_id: str, data: Mapping[str, Any]) -> None:
        """Restore a session from :meth:`export_session` output (``ValueError`` if malformed or too big)."""
        check_session_id(session_id)
        ctx = Context.from_dict(data, role_ids=self._kb.roles, topics=TOPIC_TITLES)
        self._sessions.set(session_id, ctx.to_dict())

    # -- understanding ----------------------------------------------------------------------

    def _keyword_hits(self, analysis: Analysis) -> tuple[dict[str, bool], set[str]]:
        """Intents whose keywords appear (each with whether a strong, own keyword did), and the
        intents that the message consists of: every word is filler, a role name or one of that
        intent's keywords ("any internships?", "compensation for an MLRE")."""
        # Words inside a role mention ("software" in "ML software engineer") are not keywords.
        inside = {i for m in analysis.mentions for i in range(m.start, m.end)}
        stems = tuple("" if i in inside else _stem(t) for i, t in enumerate(analysis.tokens))
        found: dict[str, bool] = {}
        spans: dict[str, set[int]] = {}
        for i, stem in enumerate(stems):
            for phrase, name, strong in self._keywords.get(stem, ()):
                if stems[i : i + len(phrase)] == phrase:
                    found[name] = found.get(name, False) or strong
                    spans.setdefault(name, set()).update(range(i, i + len(phrase)))
        if self._salary_intent and any(_MONEY.match(t) for t in analysis.tokens):
            found[self._salary_intent] = True  # "is 100k realistic?", "80000 usd"
        rest = {
            i for i, t in enumerate(analysis.tokens)
            if i not in inside and t not in FILLER and t not in QUESTION_WORDS
        }
        only = {name for name, covered in spans.items() if analysis.tokens and rest <= covered}
        return found, only

    def _rank(self, analysis: Analysis, keyword_intents: Mapping[str, bool]) -> list[tuple[str, float]]:
        ranking = dict(self._matcher.rank(analysis.masked, limit=5)) if analysis.masked else {}
        short = len(analysis.tokens) <= SHORT_MESSAGE
        boosted = [n for n in keyword_intents if short or n not in CONVERSATIONAL]
        for name in boosted:
            # Weak keywords (places, companies) only hint: half the boost.
            boost = self._thresholds.keyword_boost * (1.0 if keyword_intents[name] else 0.5)
            ranking[name] = min(1.0, ranking.get(name, 0.0) + boost)
        for name in boosted:
            # A more specific intent named by its keywords wins over the general one it overrides.
            beaten = [ranking[o] for o in self._intents.intents[name].overrides if o in ranking]
            if beaten and max(beaten) >= ranking[name]:
                ranking[name] = min(1.0, max(beaten) + 1e-3)
        return sorted(ranking.items(), key=lambda kv: -kv[1])

    def understand(self, text: str, *, context_roles: Sequence[str] = ()) -> Understanding:
        """How ``text`` is read: role mentions, intent ranking, keyword hits and the accepted intent.

        ``context_roles`` are the roles the conversation is about; a message that refers to
        them ("which one earns more?") is held to the same, lower bar as one naming a role.
        """
        analysis = self._finder.find(text)
        keyword_intents, made_of = self._keyword_hits(analysis)
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
                analysis, spelled_out[0], max(score, self._thresholds.with_role), tuple(ranking),
                frozenset(keyword_intents),
            )
        if ranking:
            best = ranking[0][0]
            runner_up = ranking[1][1] if len(ranking) > 1 else 0.0
            t = self._thresholds
            refers = bool(context_roles) and not REFERRING.isdisjoint(analysis.tokens)
            # A message made only of one intent's own keywords ("any internships?", "salary?").
            keyword_only = keyword_intents.get(best, False) and best in made_of
            bar = t.with_role if analysis.mentions or refers or keyword_only else t.accept
            # The ambiguity margin guards guesses that rest on wording alone: a named role or the
            # best intent's own keyword is evidence enough to settle a near tie.
            evidence = bool(analysis.mentions) or keyword_intents.get(best, False)
            if score >= bar and (evidence or score - runner_up >= t.margin):
                accepted = best
        return Understanding(analysis, accepted, score, tuple(ranking), frozenset(keyword_intents))

    # -- answering --------------------------------------------------------------------------

    def _reply(
        self, answer: Answer, intent: str, confidence: float, roles: Sequence[str],
        topic: str | None, suggestions: Sequence[str] = (),
    ) -> Reply:
        return Reply(
            text=answer.text,
            intent=intent,
            confidence=max(0.0, min(1.0, float(confidence))),
            roles=tuple(roles),
            topic=topic,
            sources=self._kb.source_titles(answer.source_ids),
            suggestions=tuple(answer.suggestions or suggestions),
            data=answer.data,
        )

    def _topic_suggestions(self, roles: Sequence[str], topic: str) -> tuple[str, ...]:
        role = self._kb.roles[roles[0]]
        next_topics = [t for t in ("tools", "skills", "education", "salary", "outlook") if t != topic]
        out = [topic_question(t, role) for t in next_topics[:2]]
        other = next((r for r in self._kb.roles.values() if r.id not in roles), None)
        if other is not None:
            out.append(topic_question(topic, other))
        return tuple(out)

    def _named_tools(self, tokens: Sequence[str]) -> list[tuple[tuple[str, ...], str]]:
        """Tools of the knowledge base that the question names ("do DEs use Tableau?")."""
        found: dict[str, tuple[str, ...]] = {}
        for i in range(len(tokens)):
            for n in (3, 2, 1):
                key = tuple(tokens[i : i + n])
                name = self._tool_terms.get(key)
                if len(key) == n and name is not None:
                    found.setdefault(name, key)
                    break
        return [(key, name) for name, key in found.items()]

    def _answer_topic(
        self, intent: str, topic: str, roles: Sequence[str], confidence: float, ctx: Context,
        *, tokens: Sequence[str] = (),
    ) -> tuple[Reply, Context]:
        answer = render_topic(self._kb, roles, topic)
        named = self._named_tools(tokens) if topic in ("tools", "skills") else []
        if named:
            # A yes/no question about a tool gets its answer first, then the list.
            answer = dataclasses.replace(
                answer, text=render_mentions(self._kb, roles, named, self._role_words) + "\n\n" + answer.text
            )
        reply = self._reply(answer, intent, confidence, roles, topic, self._topic_suggestions(roles, topic))
        return reply, ctx.evolve(roles=tuple(roles), topic=topic, pending_topic=None, intent=intent)

    def _answer_compare(
        self, roles: Sequence[str], confidence: float, ctx: Context, *, everything: bool = False
    ) -> tuple[Reply, Context]:
        """Two roles: overview and key differences. Three or more: a table of the main topics.
        ``everything`` (a table, all topics, all five roles): every topic, salary included."""
        if everything:
            answer = self._advisor.compare_table(roles, ())
        elif len(roles) > 2:
            answer = self._advisor.compare_table(roles, WIDE_COMPARE_TOPICS)
        else:
            answer = render_compare(self._kb, roles, COMPARE_TOPICS)
        reply = self._reply(answer, COMPARE, confidence, roles, "differences")
        return reply, ctx.evolve(roles=tuple(roles), topic="differences", pending_topic=None, intent=COMPARE)

    def _with_uncovered_note(self, reply: Reply, analysis: Analysis) -> Reply:
        """Prefix a reply about covered roles with a note on the other jobs the question named."""
        note = render_uncovered(self._kb, analysis.other_occupations).text
        return dataclasses.replace(reply, text=f"{note}\n\n{reply.text}")

    def _fallback(self, ctx: Context, analysis: Analysis, score: float) -> tuple[Reply, Context]:
        if analysis.other_occupations:
            answer = render_uncovered(self._kb, analysis.other_occupations)
        else:
            answer = render_fallback(self._kb, empty=not analysis.tokens)
        # An out-of-scope turn keeps the conversation's context.
        return self._reply(answer, FALLBACK, 1.0 - score, (), None), ctx

    def _topic_from_keywords(self, u: Understanding) -> str | None:
        """The topic intent a keyword names ("skills" in "compare X and Y in terms of skills")."""
        named = [
            name for name, _ in u.ranking
            if name in u.keyword_intents and self._intents.intents[name].topic not in (None, "differences")
        ]
        return named[0] if named else None

    def _advise(
        self, intent: str, text: str, u: Understanding, score: float, ctx: Context
    ) -> tuple[Reply, Context]:
        """Recommendation, skill gap, learning path and postings (``careerbot.skills.advisor``)."""
        analysis = u.analysis
        roles, tokens = analysis.roles, analysis.tokens
        all_roles = tuple(self._kb.roles)
        wants_all = bool(ALL_WORDS & set(tokens))
        if intent == "recommend_role":
            candidates = roles if len(roles) > 1 else ()
            answer, best = self._advisor.recommend(text, tokens, candidates=candidates)
            if not best and not roles and GENERIC_ROLE_WORDS.isdisjoint(tokens):
                # "recommend me a good movie": nothing about careers at all.
                return self._fallback(ctx, analysis, score)
            return self._recommendation(answer, best, score, ctx)
        if intent == "skill_gap":
            current, target = self._advisor.split_roles(tokens, analysis.mentions)
            if not target:
                target = tuple(r for r in ctx.roles if r not in current)[:1]
            answer, about = self._advisor.skill_gap(text, tokens, target, current)
            reply = self._reply(answer, intent, score, about[:1] if target else (), "skills")
            if not target:
                return reply, ctx.evolve(pending_topic="skills", topic="skills", intent=intent)
            return reply, ctx.evolve(roles=about[:1], topic="skills", pending_topic=None, intent=intent)
        if intent == "learning_path":
            chosen = roles or self._advisor.field_roles(tokens) or (all_roles if wants_all else ctx.roles)
            if not chosen:
                answer = render_clarify(self._kb, "getting_started")
                reply = self._reply(answer, intent, score, (), "getting_started")
                return reply, ctx.evolve(pending_topic="getting_started", topic="getting_started", intent=intent)
            answer, about = self._advisor.learning_paths(chosen)
            reply = self._reply(answer, intent, score, about, "getting_started")
            return reply, ctx.evolve(roles=about, topic="getting_started", pending_topic=None, intent=intent)
        # ask_salary: featured postings, filtered and ranked
        if not roles and ctx.roles and not REFERRING.isdisjoint(tokens):
            roles = ctx.roles  # "which one earns more?"
        answer = self._advisor.postings(
            text, tokens, roles or (all_roles if wants_all else ()), context_roles=ctx.roles
        )
        used = tuple(answer.data["filters"]["roles"])
        reply = self._reply(answer, intent, score, used, "salary")
        return reply, ctx.evolve(roles=used or ctx.roles, topic="salary", pending_topic=None, intent=intent)

    def _recommendation(
        self, answer: Answer, best: tuple[str, ...], score: float, ctx: Context
    ) -> tuple[Reply, Context]:
        intent = "recommend_role"
        reply = self._reply(answer, intent, score, best, None)
        if not best:
            return reply, ctx.evolve(pending_topic=None, intent=intent)
        # Follow-ups ("what degree would I need for that?") are about the best role; the whole
        # ranking is kept for "and the runner-up?".
        scores: Mapping[str, float] = answer.data.get("scores") or {}
        ranked = tuple(sorted((r for r in scores if scores[r] > 0), key=lambda r: -scores[r])) or best
        return reply, ctx.evolve(roles=best[:1], recommended=ranked, topic=None, pending_topic=None, intent=intent)

    def _respond(self, text: str, ctx: Context) -> tuple[Reply, Context]:
        u = self.understand(text, context_roles=ctx.roles)
        reply, new_ctx = self._decide(text, u, ctx)
        others = u.analysis.other_occupations
        if others and reply.roles and reply.intent not in ADVISOR_INTENTS and reply.intent != FALLBACK:
            # "is being a doctor better than being a DE?": answer the covered role, name the other job.
            reply = self._with_uncovered_note(reply, u.analysis)
        return reply, new_ctx

    def _decide(self, text: str, u: Understanding, ctx: Context) -> tuple[Reply, Context]:
        """Choose and render the answer for an understood message."""
        analysis, intent, score = u.analysis, u.intent, u.score
        roles = analysis.roles
        if not roles and len(ctx.recommended) > 1 and RUNNER_UP_WORDS & set(analysis.tokens):
            # "and the runner-up?", "what about the second one?" after a recommendation.
            roles = ctx.recommended[1:2]
            if intent is None or not [t for t in analysis.masked.split() if t not in FILLER | RUNNER_UP_WORDS | REFERRING]:
                return self._answer_topic("ask_definition", "definition", roles, max(score, 0.5), ctx)
        all_roles = tuple(self._kb.roles)
        content = [t for t in analysis.masked.split() if t != PLACEHOLDER and t not in FILLER]

        if roles and not content:
            # A bare role answers a pending advisor question or continues a roadmap or pay answer.
            if ctx.intent in ADVISOR_INTENTS and (
                ctx.pending_topic is not None or ctx.intent in ADVISOR_FOLLOW_UPS
            ):
                return self._advise(ctx.intent, text, u, 0.9, ctx)
            # A bare role: answers a pending question, or switches role keeping the topic.
            topic = ctx.pending_topic or ctx.topic
            if topic is not None and (topic != "differences" or len(roles) > 1):
                intent_name = self._intents.intent_for_topic(topic) or COMPARE
                if topic == "differences":
                    return self._answer_compare(roles, 0.9, ctx)
                return self._answer_topic(intent_name, topic, roles, 0.9, ctx)
            if len(roles) > 1:
                return self._answer_compare(roles, 0.9, ctx)
            return self._answer_topic("ask_definition", "definition", roles, 0.9, ctx)

        if intent is None and roles and u.ranking and score >= self._thresholds.with_role:
            # A named role makes the question in scope; an ambiguous intent is settled towards a topic:
            # "how do X and Y compare in terms of skills" is a comparison of skills.
            top = [name for name, value in u.ranking if value >= score - self._thresholds.margin]
            topical = [n for n in top if self._intents.intents[n].topic not in (None, "differences")]
            intent = topical[0] if topical and COMPARE in top else top[0]

        if intent is None:
            if roles:
                topic = ctx.topic if ctx.topic and ctx.topic != "differences" else None
                if len(roles) > 1 and topic is None:
                    return self._answer_compare(roles, score, ctx)
                topic = topic or "definition"
                return self._answer_topic(self._intents.intent_for_topic(topic) or "ask_definition", topic, roles, score, ctx)
            words = set(analysis.tokens)
            choosing = bool(GENERIC_ROLE_WORDS & words and CHOOSING_WORDS & words)
            interests = "i" in words and bool(INTEREST_WORDS & words)
            if (choosing or interests) and not analysis.other_occupations and "recommend_role" in self._intents.intents:
                # "Docker and Kubernetes excite me, which role should I pick?", "I like building
                # dashboards": worded unlike the examples, but it asks for a role or tells what the
                # person likes, and names things the roles are known for.
                answer, best = self._advisor.recommend(text, analysis.tokens)
                if best:
                    return self._recommendation(answer, best, score, ctx)
            return self._fallback(ctx, analysis, score)

        if intent in SMALL_TALK:
            return self._reply(render_small_talk(self._kb, intent), intent, score, (), None), ctx
        if intent == "list_roles":
            return self._reply(render_list_roles(self._kb), intent, score, (), None), ctx
        if intent == "ask_sources":
            return self._reply(render_sources(self._kb), intent, score, (), None), ctx

        # "I'm a data analyst, which role fits me?" is a recommendation, not an uncovered job.
        if intent == "recommend_role":
            return self._advise(intent, text, u, score, ctx)

        if not roles and analysis.other_occupations:
            return self._fallback(ctx, analysis, score)

        if intent in ADVISOR_INTENTS:
            return self._advise(intent, text, u, score, ctx)

        tokens = set(analysis.tokens)
        if len(roles) > 1 and intent in ("ask_definition", "ask_getting_started") and CHOICE_WORDS & tokens:
            intent = COMPARE  # "should I become a DE or an MLE?"
        if intent == "ask_definition" and not roles and not ctx.roles and GENERIC_ROLE_WORDS.isdisjoint(tokens):
            # "what's the meaning of life": a definition of nothing careerbot knows.
            return self._fallback(ctx, analysis, score)

        wants_all = bool(ALL_WORDS & tokens)
        if intent == COMPARE and len(roles) == 1 and analysis.other_occupations and not ctx.roles:
            # "data scientist vs data engineer": only one side is covered; describe it (the note is added above).
            return self._answer_topic("ask_definition", "definition", roles, score, ctx)
        if intent == COMPARE:
            chosen = roles
            if wants_all:
                chosen = all_roles
            elif len(roles) == 1 and ctx.roles:
                chosen = tuple(dict.fromkeys((*ctx.roles, *roles)))
            elif not roles:
                chosen = ctx.roles
            if not chosen and not GENERIC_ROLE_WORDS & tokens:
                # "difference between git merge and rebase": a comparison of nothing careerbot knows.
                return self._fallback(ctx, analysis, score)
            if len(chosen) < 2:
                chosen = tuple(dict.fromkeys((*chosen, *all_roles)))
            topic_intent = self._topic_from_keywords(u)
            if topic_intent is None and len(roles) == 1 and ctx.topic not in (None, "definition", "differences"):
                # "compare that with a data science engineer" compares the last answer's topic.
                topic_intent = self._intents.intent_for_topic(str(ctx.topic))
            if topic_intent is not None:
                topic = self._intents.intents[topic_intent].topic
                return self._answer_topic(topic_intent, str(topic), chosen, score, ctx)
            everything = bool(EVERYTHING_WORDS & tokens) or (wants_all and len(chosen) == len(all_roles))
            return self._answer_compare(chosen, score, ctx, everything=everything)

        spec = self._intents.intents[intent]
        topic = spec.topic
        if topic is None:
            topic = "definition"
        chosen = roles or (all_roles if wants_all else ctx.roles)
        if not chosen:
            answer = render_clarify(self._kb, topic)
            reply = self._reply(answer, intent, score, (), topic)
            return reply, ctx.evolve(pending_topic=topic, topic=topic, intent=intent)
        return self._answer_topic(intent, topic, chosen, score, ctx, tokens=analysis.tokens)
