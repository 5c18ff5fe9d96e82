"""The policy for one question: which answer it gets, and how the conversation's state moves on.

:class:`Questions` is the half of the policy that answers a single question (a whole message or
one part of it): it resolves references back to the conversation ("they", "the second one"),
chooses the kind of answer (topic, comparison, advice, postings, small talk, "the articles don't
say", fallback) and calls the skill that renders it. :class:`~careerbot.dialogue.policy.Policy`
is the other half, for the message as a whole.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..data.intents import IntentSet
from ..data.knowledge import ROLE_TOPICS, KnowledgeBase, Thing
from ..lazy import Lazy
from ..nlu.entities import PLACEHOLDER, Analysis
from ..nlu.keys import word_key
from ..nlu.normalize import tokenize
from ..nlu.parse import PartReading
from ..nlu.profile import stated
from ..nlu.understand import Thresholds, Understanding
from ..nlu.words import (
    ADVISOR_FOLLOW_UPS,
    ADVISOR_INTENTS,
    CHOICE_WORDS,
    CHOOSING_WORDS,
    COMPARATIVE_WORDS,
    COMPARE,
    COMPARE_TOPICS,
    DIFFERENCE_WORDS,
    EVERYTHING_WORDS,
    EXPAND_FILLER,
    EXPAND_WORDS,
    FILLER,
    FOLLOW_UP_FILLER,
    FORGET_WORDS,
    GENERIC_ROLE_WORDS,
    JOB_WORDS,
    NOT_COVERED,
    PROFILE_ADVICE,
    QUESTION_WORDS,
    REFERRING,
    ROLE_NOUNS,
    SAME_FILLER,
    SELF_WORDS,
    SMALL_TALK,
    SOFT_OPENERS,
    SUPERLATIVE_WORDS,
    TOOL_VERBS,
    WH_WORDS,
    WIDE_COMPARE_TOPICS,
    YES_NO_OPENERS,
    asks_all,
    says_likes,
)
from ..reply import FALLBACK, Reply
from ..skills.crossrole import (
    KIND_WORDS,
    LISTED_KINDS,
    render_kind_elsewhere,
    render_listed,
    render_ranking,
    render_roles_with,
    render_unlisted,
    topic_of_kind,
)
from ..skills.facts import render_quotes
from ..skills.profile import render_profile
from ..skills.responses import (
    Answer,
    render_clarify,
    render_compare,
    render_fallback,
    render_list_roles,
    render_not_covered,
    render_small_talk,
    render_sources,
    render_topic,
    render_uncovered,
)
from ..skills.retrieve import PointIndex, content_keys
from ..skills.specific import render_specific
from ..skills.wording import topic_question
from .state import Context, Profile

if TYPE_CHECKING:
    from ..skills.advisor import Advisor

__all__ = ["Questions"]


#: Words that leave "anything in Berlin?" a question about postings there.
_BARE = frozenset({"anything", "something", "any", "what", "whats", "there", "near", "around"})
#: The share of a role question's content words the articles never use that makes it one they
#: don't answer (when no intent is clear).
UNKNOWN_SHARE = 0.6
#: How close to the "articles don't say" examples a question in a conversation about a role must be
#: (when nothing else fits and the articles use none of its words) to be answered that way.
NEAR_NOT_COVERED = 0.2


def _advisor(kb: KnowledgeBase) -> Advisor:
    from ..skills.advisor import Advisor  # imported on first use, like it is built

    return Advisor(kb)


class Questions:
    """Answers one question. Immutable after construction; safe to share across threads."""

    def __init__(self, kb: KnowledgeBase, intents: IntentSet, thresholds: Thresholds) -> None:
        self._kb = kb
        self._intents = intents
        self._thresholds = thresholds
        # Built on first use, so a one-off `careerbot ask` pays only for what it needs: the points
        # for specific questions, the advisor for recommendations, gaps, paths, postings and tables.
        self._point_index: Lazy[PointIndex] = Lazy(lambda: PointIndex(kb))
        self._advisor_lazy: Lazy[Advisor] = Lazy(lambda: _advisor(kb))
        # The words of each role's name and short names ("ml", "research", "data"), for "the ML one".
        self._name_words = {
            rid: frozenset(t for name in (role.name, *role.aliases) for t in tokenize(name)) for rid, role in kb.roles.items()
        }
        # Words that name a topic ("skills", "responsibilities"): a question made of them asks the topic.
        self._topic_keys = frozenset(
            word_key(k.casefold()) for spec in intents.intents.values() if spec.topic
            for k in spec.keywords if len(tokenize(k)) == 1
        )

    @property
    def _advisor(self) -> Advisor:
        return self._advisor_lazy.get()

    @property
    def _points(self) -> PointIndex:
        return self._point_index.get()

    def with_thresholds(self, thresholds: Thresholds) -> Questions:
        """The same policy with other thresholds (sharing the advisor once built)."""
        import copy

        clone = copy.copy(self)
        clone._thresholds = thresholds
        return clone

    # -- the message as a whole ---------------------------------------------------------------

    def _not_covered(self, u: Understanding, ctx: Context) -> tuple[Reply, Context]:
        """A question about the roles that the articles don't answer: say so, and what is nearest."""
        roles = u.analysis.roles or ctx.roles
        nearest = next(
            (
                self._intents.intents[name].topic for name, value in u.ranking[1:]
                if self._intents.intents[name].topic not in (None, "differences")
                and value >= self._thresholds.with_role
            ),
            None,
        )
        answer = render_not_covered(self._kb, roles, nearest)
        return self.reply(answer, NOT_COVERED, u.score, roles, None), ctx.evolve(
            roles=roles or ctx.roles, pending_topic=None, intent=NOT_COVERED
        )

    def _profile(self, u: Understanding, ctx: Context) -> tuple[Reply, Context]:
        """"What do you know about me?" and "forget what I told you"."""
        if FORGET_WORDS & set(u.analysis.tokens):
            answer = render_profile(self._kb, None)
            return self.reply(answer, "profile", u.score, (), None), ctx.evolve(profile=Profile())
        return self.reply(render_profile(self._kb, ctx.profile), "profile", u.score, (), None), ctx

    # -- one question ---------------------------------------------------------------------------

    def greet(self, ctx: Context) -> tuple[Reply, Context]:
        """The greeting small talk (for a greeting the matcher missed, "hi, I'm Dana")."""
        return self.reply(render_small_talk(self._kb, "greet"), "greet", 0.5, (), None), ctx

    def _resolve(self, reading: PartReading, ctx: Context) -> tuple[tuple[str, ...], frozenset[str]]:
        """The roles a reference back points at ("the second one", "the two", "the research side"),
        and the words that made the reference; nothing when the question names its roles."""
        ref = reading.reference
        if reading.understanding.analysis.roles:
            return (), frozenset()
        if ref is None:
            return self._option_named(reading, ctx), frozenset()
        words = frozenset(reading.understanding.analysis.tokens[ref.start : ref.end])
        options = ctx.options or ctx.roles
        roles: tuple[str, ...] = ()
        if ref.kind == "side" and ref.role is not None:
            roles = (ref.role,)
        elif ref.kind == "pair":
            # "the two": the top two of a recommendation, the two just compared, or the last two asked about.
            if ctx.intent == "recommend_role" and len(ctx.options) >= 2:
                roles = ctx.options[:2]
            else:
                roles = ctx.roles[:2] if len(ctx.roles) >= 2 else ctx.recent[:2] if len(ctx.recent) >= 2 else ()
        elif ref.kind == "ordinal" and -len(options) <= ref.index < len(options):
            roles = (options[ref.index],)
        elif ref.kind == "other":
            rest = [r for r in options if r not in ctx.roles[:1]]
            roles = tuple(rest[:1])
        return roles, words

    def _expand_last(self, reading: PartReading, text: str, ctx: Context) -> tuple[Reply, Context] | None:
        """"more", "tell me more", "details", "show the quotes": the last topic answer or comparison
        (``ctx.roles`` / ``ctx.topic``) expanded to its supporting quotes per article; ``None`` when
        the message asks something else or there is no such answer to expand. The words as typed
        are read too, since typo correction may turn "detail" into another word."""
        if not ctx.roles or ctx.topic not in ROLE_TOPICS or reading.understanding.analysis.roles:
            return None
        for words in (set(tokenize(text)), set(reading.understanding.analysis.tokens)):
            if words & EXPAND_WORDS and words <= EXPAND_WORDS | EXPAND_FILLER:
                answer = render_quotes(self._kb, ctx.roles, str(ctx.topic))
                return self.reply(answer, ctx.intent or COMPARE, 0.9, ctx.roles, ctx.topic), ctx
        return None

    def single(self, reading: PartReading, text: str, ctx: Context) -> tuple[Reply, Context]:
        """The answer to one question (a whole message, or one part of it)."""
        expanded = self._expand_last(reading, text, ctx)
        if expanded is not None:
            return expanded
        u = reading.understanding
        ref = reading.reference
        if (
            ctx.postings and ctx.intent == "ask_salary" and u.intent in (None, "ask_salary")
            and not u.analysis.roles
            and ((ref is not None and ref.kind == "posting") or not REFERRING.isdisjoint(u.analysis.tokens))
        ):
            # "is that one remote?", "is the Occam one remote?": about the postings just shown.
            return self._advise(
                "ask_salary", text, u, max(u.score, self._thresholds.with_role), ctx, among=ctx.postings
            )
        if u.intent is None and not u.analysis.roles and self._asks_postings(text, u, ctx):
            # "remote?", "senior ones only", "anything in Berlin?": a filter on the featured postings
            # (on those just shown, when the message refers back to them).
            among = ctx.postings if not REFERRING.isdisjoint(u.analysis.tokens) else ()
            return self._advise(
                "ask_salary", text, u, max(u.score, self._thresholds.with_role), ctx, roles=ctx.roles, among=among
            )
        referred, ref_words = self._resolve(reading, ctx)
        # Words careerbot does not know matter only for a yes/no tool question about a role
        # ("do DEs use Snowflake?"); the vocabulary is not even built otherwise.
        asks_tool = bool(u.analysis.roles) and not reading.things and self._yes_no(u)
        unknown = tuple(dict.fromkeys(reading.surface(i) for i in reading.unknown)) if asks_tool else ()
        reply, new_ctx = self._decide(
            text, u, ctx, things=reading.things, referred=referred, ref_words=ref_words, unknown=unknown
        )
        others = u.analysis.other_occupations
        if others and reply.roles and reply.intent not in ADVISOR_INTENTS and reply.intent != FALLBACK:
            # "is being a doctor better than being a DE?": answer the covered role, name the other job.
            reply = self._with_uncovered_note(reply, u.analysis)
        return reply, new_ctx

    def reply(
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

    def _unlisted(
        self, names: Sequence[str], roles: Sequence[str], score: float, ctx: Context
    ) -> tuple[Reply, Context]:
        """"do DEs use Snowflake?": the articles don't list it; here is what they list."""
        answer = render_topic(self._kb, roles, "tools")
        note = render_unlisted(self._kb, roles, names)
        answer = dataclasses.replace(answer, text=f"{note}\n\n{answer.text}", data={**answer.data, "unlisted": list(names)})
        reply = self.reply(answer, "ask_tools", max(score, self._thresholds.with_role), roles, "tools")
        return reply, ctx.evolve(roles=tuple(roles), topic="tools", pending_topic=None, intent="ask_tools")

    def _asks_postings(self, text: str, u: Understanding, ctx: Context) -> bool:
        """Whether a message the matcher did not place filters the featured postings: a place or
        company of a posting, or (right after postings were shown) remote, a level or internships."""
        query = self._advisor.read_postings_query(text, u.analysis.tokens, (), context_roles=ctx.roles)
        after_postings = ctx.intent == "ask_salary" and bool(ctx.postings)
        if query.places or query.companies:
            # "anything in Berlin?", "is anything open at Occam AI?" (not "will it snow in Berlin?")
            tokens = u.analysis.tokens
            place_words = {w for p in (*query.places, *query.companies) for w in p.casefold().split()}
            bare = all(w in place_words or w in FILLER or w in QUESTION_WORDS or w in _BARE for w in tokens)
            return after_postings or bare or not JOB_WORDS.isdisjoint(tokens)
        filters = query.remote is not None or bool(query.levels) or query.internship is not None
        # "remote?" right after postings; "mid-level jobs only please" at any time.
        return filters and (after_postings or not JOB_WORDS.isdisjoint(u.analysis.tokens))

    def _option_named(self, reading: PartReading, ctx: Context) -> tuple[str, ...]:
        """"the ML one", "the data one": the one role of the last list whose name has that word."""
        tokens = reading.understanding.analysis.tokens
        options = ctx.options or ctx.roles
        if len(options) < 2:
            return ()
        for i, token in enumerate(tokens[:-1]):
            if tokens[i + 1] not in ("one", "role", "side", "option", "track", "path"):
                continue
            having = [r for r in options if token in self._name_words.get(r, ())]
            if len(having) == 1:
                return (having[0],)
        return ()

    @staticmethod
    def _yes_no(u: Understanding) -> bool:
        """"do DEs handle data security?" asks yes or no; "can you tell me ..." asks for more."""
        words = [t for t in u.analysis.tokens if t not in SOFT_OPENERS]
        if any(a == "or" and b == "not" for a, b in zip(words, words[1:])):
            return True  # "data science engineer is using Tableau or not?"
        # The first question word decides, after a role or a "for a DSE," put first.
        for i, word in enumerate(words[:6]):
            if word in WH_WORDS:
                return False
            if word in YES_NO_OPENERS:
                return words[i + 1 : i + 2] not in (["you"], ["u"])
        return False

    def _content(self, u: Understanding) -> list[str]:
        """The question's content words (keys), without role names, topic words and framing."""
        tokens = u.analysis.tokens
        inside = {t for m in u.analysis.mentions for t in tokens[m.start : m.end]}
        if all(k in self._topic_keys for k in content_keys(tokens, inside)):
            return []  # "what tools does a DE use?": nothing to look up (and no index to build)
        return [k for k in self._points.content(tokens, skip=inside) if k not in self._topic_keys]

    def _unanswerable(self, u: Understanding, things: Sequence[tuple[int, Thing]], share: float = 1.0) -> bool:
        """Whether at least ``share`` of the question's content words are words no point of the
        articles uses ("visa", "sponsorship", "weekends")."""
        content = self._content(u)
        return bool(content) and not things and len(self._points.unknown(content)) >= share * len(content)

    def _specific(
        self, u: Understanding, intent: str, role: str
    ) -> tuple[str, str, Answer] | None:
        """The points that answer a specific question about one role ("do DEs deal with data
        security?"), with the intent and topic they answer; ``None`` when the question is general."""
        content = self._content(u)
        if not content:
            return None
        yes_no = self._yes_no(u)
        # The question names its topic ("demand" is the outlook), or its intent was clear.
        keyword = intent in u.keyword_intents or u.intent == intent
        if not yes_no and u.intent is not None:
            return None  # "what skills does a DSE need?": the topic, not a point
        hits = self._points.search((role,), content, limit=2, min_score=0.55 if yes_no else 0.7)
        if not hits:
            return None
        best = hits[0]
        hits = [h for h in hits if h.score >= best.score - 0.15]
        topic = best.topic
        if keyword and self._intents.intents[intent].topic is not None:
            # Only that topic's points answer it.
            named = str(self._intents.intents[intent].topic)
            in_topic = [h for h in hits if h.topic == named]
            if not in_topic and best.score < 0.9:
                return None
            # A near-certain point elsewhere ("do DEs deal with data security?" is matched to
            # "who they work with" by "deal with") answers better than the whole topic.
            hits = in_topic or hits
            topic = hits[0].topic
        answer = render_specific(self._kb, role, hits, yes=yes_no and best.score >= 0.75)
        return self._intents.intent_for_topic(topic) or intent, topic, answer

    def _answer_topic(
        self, intent: str, topic: str, roles: Sequence[str], confidence: float, ctx: Context,
        *, things: Sequence[tuple[int, Thing]] = (), u: Understanding | None = None,
    ) -> tuple[Reply, Context]:
        listed = [thing for _, thing in things if thing.kind in LISTED_KINDS]
        if (
            u is not None and listed and topic not in ("tools", "skills", "education") and self._yes_no(u)
            and intent not in u.keyword_intents
        ):
            # "is SQL a big deal for data engineering?": whether the articles list SQL for them.
            topic = topic_of_kind(listed[0].kind)
            intent = self._intents.intent_for_topic(topic) or intent
        if u is not None and len(roles) == 1 and topic != "salary" and not things:
            found = self._specific(u, intent, roles[0])
            if found is not None:
                intent, topic, specific = found
                reply = self.reply(specific, intent, confidence, roles, topic, specific.suggestions)
                return reply, ctx.evolve(roles=tuple(roles), topic=topic, pending_topic=None, intent=intent)
        answer = render_topic(self._kb, roles, topic)
        kinds = LISTED_KINDS if topic in ("tools", "skills") else {"industry"} if topic == "industries" else set()
        named = [thing for _, thing in things if thing.kind in kinds]
        if named:
            # A yes/no question about a tool gets its answer first, then the list.
            answer = dataclasses.replace(answer, text=render_listed(self._kb, roles, named) + "\n\n" + answer.text)
        elif u is not None and topic == "education" and not KIND_WORDS["certification"].isdisjoint(u.analysis.tokens):
            # "are certifications worth getting?" for a role whose articles name none: say so first.
            said, sources = render_kind_elsewhere(self._kb, roles, "certification", "certifications", topic)
            if said:
                answer = dataclasses.replace(
                    answer, text=f"{said}\n\n{answer.text}",
                    source_ids=tuple(dict.fromkeys((*answer.source_ids, *sources))),
                )
        reply = self.reply(answer, intent, confidence, roles, topic, self._topic_suggestions(roles, topic))
        return reply, ctx.evolve(roles=tuple(roles), topic=topic, pending_topic=None, intent=intent)

    def answer_compare(
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
        reply = self.reply(answer, COMPARE, confidence, roles, "differences")
        return reply, ctx.evolve(roles=tuple(roles), topic="differences", pending_topic=None, intent=COMPARE)

    def _with_uncovered_note(self, reply: Reply, analysis: Analysis) -> Reply:
        """Prefix a reply about covered roles with a note on the other jobs the question named."""
        note = render_uncovered(self._kb, analysis.other_occupations).text
        return dataclasses.replace(reply, text=f"{note}\n\n{reply.text}")

    def _fallback(self, ctx: Context, analysis: Analysis, score: float) -> tuple[Reply, Context]:
        if analysis.other_occupations:
            answer = render_uncovered(self._kb, analysis.other_occupations)
        else:
            answer = render_fallback(
                self._kb, empty=not analysis.tokens, repeated=ctx.last_fallback is not None,
                role_ids=ctx.roles, asked=(ctx.topic,) if ctx.topic else (),
            )
        # An out-of-scope turn keeps the conversation's context.
        return self.reply(answer, FALLBACK, 1.0 - score, (), None), ctx

    def _topic_from_keywords(self, u: Understanding) -> str | None:
        """The topic intent a keyword names ("skills" in "compare X and Y in terms of skills")."""
        named = [
            name for name, _ in u.ranking
            if name in u.keyword_intents and self._intents.intents[name].topic not in (None, "differences")
        ]
        return named[0] if named else None

    def _advise(
        self, intent: str, text: str, u: Understanding, score: float, ctx: Context,
        *, roles: tuple[str, ...] = (), things: Sequence[tuple[int, Thing]] = (), among: Sequence[str] = (),
    ) -> tuple[Reply, Context]:
        """Recommendation, skill gap, learning path and postings (``careerbot.skills.advisor``).

        ``roles``: the roles named or referred to."""
        analysis = u.analysis
        tokens = analysis.tokens
        all_roles = tuple(self._kb.roles)
        wants_all = asks_all(tokens)
        told = self._told(text, ctx)
        if intent == "recommend_role":
            candidates = roles if len(roles) > 1 else ()
            if not candidates and len(ctx.roles) > 1 and {"one", "them", "both", "either", "two"} & set(tokens):
                candidates = ctx.roles  # "DE vs MLSWE ... which one should I pick if I love maths?"
            answer, best = self._advisor.recommend(told, tokens, candidates=candidates)
            if not best and not roles and GENERIC_ROLE_WORDS.isdisjoint(tokens):
                # "recommend me a good movie": nothing about careers at all.
                return self._fallback(ctx, analysis, score)
            return self._recommendation(answer, best, score, ctx)
        if intent == "skill_gap":
            current, target = self._advisor.split_roles(tokens, analysis.mentions)
            if not analysis.mentions and roles:
                target = roles[:1]  # "what am I missing for the second one?"
            current = tuple(dict.fromkeys((*current, *ctx.profile.current)))
            if not target:
                # "what am I missing for it?": the role in focus; otherwise the one they aim at.
                refers = not REFERRING.isdisjoint(tokens)
                order = (*ctx.roles, *ctx.profile.targets[-1:]) if refers else (*ctx.profile.targets[-1:], *ctx.roles)
                target = tuple(r for r in order if r not in current)[:1]
            # What they have: what they told about themselves (the profile, this message included)
            # and the named things this question states ("... if I know Python?").
            has, lacks = stated(tokens, things)
            kb_things = self._kb.thing_by_alias
            have = [t.id for t in has] + [x.id for n in ctx.profile.known if (x := kb_things(n)) is not None]
            lack = [t.id for t in lacks] + [x.id for n in ctx.profile.not_known if (x := kb_things(n)) is not None]
            answer, about = self._advisor.gap_for(have, lack, target, current)
            reply = self.reply(answer, intent, score, about[:1] if target else (), "skills")
            if not target:
                return reply, ctx.evolve(pending_topic="skills", topic="skills", intent=intent)
            return reply, ctx.evolve(roles=about[:1], topic="skills", pending_topic=None, intent=intent)
        if intent == "learning_path":
            chosen = roles or self._advisor.field_roles(tokens) or (all_roles if wants_all else ctx.roles)
            if not chosen:
                answer = render_clarify(self._kb, "getting_started")
                reply = self.reply(answer, intent, score, (), "getting_started")
                return reply, ctx.evolve(pending_topic="getting_started", topic="getting_started", intent=intent)
            answer, about = self._advisor.learning_paths(chosen)
            reply = self.reply(answer, intent, score, about, "getting_started")
            return reply, ctx.evolve(roles=about, topic="getting_started", pending_topic=None, intent=intent)
        # ask_salary: featured postings, filtered and ranked
        if not roles and ctx.roles and not REFERRING.isdisjoint(tokens):
            roles = ctx.roles  # "which one earns more?"
        if among:
            # About the postings just shown: no role filter on top, the conversation keeps its roles.
            answer = self._advisor.postings(text, tokens, (), among=among)
        else:
            answer = self._advisor.postings(
                text, tokens, roles or (all_roles if wants_all else ()), context_roles=ctx.roles
            )
        used = tuple(answer.data["filters"]["roles"]) or (ctx.roles if among else ())
        reply = self.reply(answer, intent, score, used, "salary")
        shown = tuple(str(p["id"]) for p in answer.data.get("postings", ()))
        return reply, ctx.evolve(
            roles=used or ctx.roles, topic="salary", pending_topic=None, intent=intent, postings=shown[:20]
        )

    def _across_roles(
        self, u: Understanding, ctx: Context, roles: Sequence[str],
        things: Sequence[tuple[int, Thing]],
    ) -> tuple[Reply, Context] | None:
        """Questions about the five roles at once: "which roles use Python?", "which role needs the
        least education?". ``None`` when the question is not one of those."""
        tokens = set(u.analysis.tokens)
        if roles or u.intent in PROFILE_ADVICE or not SELF_WORDS.isdisjoint(tokens):
            return None
        if not CHOOSING_WORDS.isdisjoint(tokens - {"which", "what"}):
            return None  # "which job fits someone who loves ETL?"
        among = ctx.roles if ctx.roles and not REFERRING.isdisjoint(tokens) else ()
        if among and not things:
            return None  # "which of them needs more schooling?": the roles in focus
        words = u.analysis.tokens
        # "which roles use Python?", "which of them ...", "who uses Spark?", "what jobs need a PhD?"
        # (not "what tools do they use?").
        asks_which = "who" in tokens or any(
            (w == "which" and (nxt in ROLE_NOUNS or nxt == "of")) or (w == "what" and nxt in ROLE_NOUNS)
            for w, nxt in zip(words, words[1:])
        ) or ("which" in tokens and not ROLE_NOUNS.isdisjoint(tokens))
        if not asks_which:
            return None
        all_roles = tuple(self._kb.roles)
        if things and u.intent != "ask_salary":
            # "which roles use Python?", "which roles need a PhD?": a topic question across the roles.
            answer, having, topic = render_roles_with(self._kb, [thing for _, thing in things], among=among)
            intent = self._intents.intent_for_topic(topic) or COMPARE
            # "which of them needs a PhD?" is about the roles in focus, whichever the answer names.
            reply = self.reply(answer, intent, max(u.score, 0.5), among or having, topic)
            return reply, ctx.evolve(roles=having or ctx.roles, topic=topic, pending_topic=None, intent=intent)
        topic_intent = self._topic_from_keywords(u)
        if topic_intent is not None and topic_intent != "ask_salary" and not SUPERLATIVE_WORDS.isdisjoint(tokens):
            topic = str(self._intents.intents[topic_intent].topic)
            answer = render_ranking(self._kb, topic, all_roles)
            reply = self.reply(answer, COMPARE, max(u.score, 0.5), all_roles, topic)
            return reply, ctx.evolve(roles=all_roles, topic=topic, pending_topic=None, intent=COMPARE)
        return None

    @staticmethod
    def _told(text: str, ctx: Context) -> str:
        """What the person said about themselves earlier, read with what they say now (statements
        from this very message are in ``text`` already and are not read twice)."""
        earlier = [s for s in ctx.profile.statements if s not in text]
        return " . ".join((*earlier, text)) if earlier else text

    def _recommendation(
        self, answer: Answer, best: tuple[str, ...], score: float, ctx: Context
    ) -> tuple[Reply, Context]:
        intent = "recommend_role"
        reply = self.reply(answer, intent, score, best, None)
        if not best:
            return reply, ctx.evolve(pending_topic=None, intent=intent)
        # Follow-ups ("what degree would I need for that?") are about the best role; the whole
        # ranking is kept for "and the runner-up?".
        scores: Mapping[str, float] = answer.data.get("scores") or {}
        ranked = tuple(sorted((r for r in scores if scores[r] > 0), key=lambda r: -scores[r])) or best
        return reply, ctx.evolve(roles=best[:1], recommended=ranked, topic=None, pending_topic=None, intent=intent)

    def _decide(
        self, text: str, u: Understanding, ctx: Context,
        *, things: Sequence[tuple[int, Thing]] = (),
        referred: tuple[str, ...] = (), ref_words: frozenset[str] = frozenset(),
        unknown: tuple[str, ...] = (),
    ) -> tuple[Reply, Context]:
        """Choose and render the answer for an understood message.

        ``referred``: the roles a reference back points at, when the message names none;
        ``unknown``: words careerbot does not know, as written (names the articles never use)."""
        analysis, intent, score = u.analysis, u.intent, u.score
        roles = analysis.roles or referred
        all_roles = tuple(self._kb.roles)
        content_named = any(self._intents.intents[n].topic for n in u.keyword_intents)
        across = self._across_roles(u, ctx, roles, things)
        if across is not None:
            return across
        content = [
            t for t in analysis.masked.split()
            if t != PLACEHOLDER and t not in FILLER and t not in ref_words and t not in REFERRING
        ] if referred else [t for t in analysis.masked.split() if t != PLACEHOLDER and t not in FILLER]
        if "same" in analysis.tokens:
            content = [t for t in content if t not in SAME_FILLER]  # "and the ML engineer, is it the same?"
        content = [t for t in content if t not in FOLLOW_UP_FILLER]

        if roles and not content:
            # A bare role answers a pending advisor question or continues a roadmap or pay answer.
            if ctx.intent in ADVISOR_INTENTS and (
                ctx.pending_topic is not None or ctx.intent in ADVISOR_FOLLOW_UPS
            ):
                return self._advise(ctx.intent, text, u, 0.9, ctx, roles=roles, things=things)
            # A bare role: answers a pending question, or switches role keeping the topic.
            topic = ctx.pending_topic or ctx.topic
            if topic is not None and (topic != "differences" or len(roles) > 1):
                intent_name = self._intents.intent_for_topic(topic) or COMPARE
                if topic == "differences":
                    return self.answer_compare(roles, 0.9, ctx)
                return self._answer_topic(intent_name, topic, roles, 0.9, ctx)
            if len(roles) > 1:
                return self.answer_compare(roles, 0.9, ctx)
            return self._answer_topic("ask_definition", "definition", roles, 0.9, ctx)

        if roles and unknown and not things and intent in (None, "ask_tools", "ask_skills", "skill_gap"):
            asked = [w for w in analysis.tokens if w not in SOFT_OPENERS]
            if asked and asked[0] in YES_NO_OPENERS and not TOOL_VERBS.isdisjoint(analysis.tokens):
                # "do data engineers use Snowflake?": a tool the articles never name.
                return self._unlisted(unknown, roles, score, ctx)
        if intent is None and analysis.roles and not content_named and self._unanswerable(u, things, UNKNOWN_SHARE):
            # "are MLEs on call on weekends?", "do MLEs get visa sponsorship if they move to Germany?":
            # about a role, but mostly about things the articles never mention (and no intent fits).
            return self._not_covered(u, ctx)
        if intent is None and roles and u.ranking and score >= self._thresholds.with_role:
            # A named role makes the question in scope; an ambiguous intent is settled towards a topic:
            # "how do X and Y compare in terms of skills" is a comparison of skills.
            top = [name for name, value in u.ranking if value >= score - self._thresholds.margin]
            topical = [n for n in top if self._intents.intents[n].topic not in (None, "differences")]
            intent = topical[0] if topical and COMPARE in top else top[0]

        if intent is None and not roles and ctx.roles and not REFERRING.isdisjoint(analysis.tokens):
            listed = [thing for _, thing in things if thing.kind in LISTED_KINDS]
            if listed:
                # "do they use Jenkins?": the roles the conversation is about, and the thing's topic.
                topic = topic_of_kind(listed[0].kind)
                return self._answer_topic(
                    self._intents.intent_for_topic(topic) or "ask_tools", topic, ctx.roles, score, ctx, things=things
                )
        if intent is None and not roles and ctx.roles and self._unanswerable(u, things):
            near = [name for name, value in u.ranking[:2] if value >= NEAR_NOT_COVERED]
            if NOT_COVERED in near:
                # "is there an age limit?" in a conversation about a role: the articles don't say.
                return self._not_covered(u, ctx)
        if intent is None:
            if roles:
                topic = ctx.topic if ctx.topic and ctx.topic != "differences" else None
                if len(roles) > 1 and not COMPARATIVE_WORDS.isdisjoint(analysis.tokens):
                    topic = None  # "the two, which one is more math heavy?"
                if len(roles) > 1 and topic is None:
                    return self.answer_compare(roles, score, ctx)
                topic = topic or "definition"
                return self._answer_topic(
                    self._intents.intent_for_topic(topic) or "ask_definition", topic, roles, score, ctx,
                    things=[(i, t) for i, t in things if t.kind in ("tool", "language")], u=u,
                )
            words = set(analysis.tokens)
            choosing = bool(GENERIC_ROLE_WORDS & words and CHOOSING_WORDS & words)
            interests = says_likes(analysis.tokens)
            if (choosing or interests) and not analysis.other_occupations and "recommend_role" in self._intents.intents:
                # "Docker and Kubernetes excite me, which role should I pick?", "I like building
                # dashboards": worded unlike the examples, but it asks for a role or tells what the
                # person likes, and names things the roles are known for.
                answer, best = self._advisor.recommend(self._told(text, ctx), analysis.tokens)
                if best:
                    return self._recommendation(answer, best, score, ctx)
            return self._fallback(ctx, analysis, score)

        if intent == "profile":
            return self._profile(u, ctx)
        if intent in SMALL_TALK:
            if intent == "goodbye" and "thanks" in u.keyword_intents:
                # "ok thx bye": thanks first, then goodbye.
                thanks, bye = render_small_talk(self._kb, "thanks"), render_small_talk(self._kb, "goodbye")
                answer = dataclasses.replace(thanks, text=f"{thanks.text} {bye.text}")
                return self.reply(answer, "thanks", score, (), None), ctx
            return self.reply(render_small_talk(self._kb, intent), intent, score, (), None), ctx
        own = NOT_COVERED in u.keyword_intents  # "visa", "how long does it take": never in the articles
        if intent == NOT_COVERED and things and roles and not own:
            # "do ML software engineers work in autonomous vehicles?": a named thing they cover.
            intent = self._intents.intent_for_topic(topic_of_kind(things[0][1].kind)) or intent
        if intent == NOT_COVERED and not roles and not ctx.roles and GENERIC_ROLE_WORDS.isdisjoint(analysis.tokens):
            # "how long does it take to cook rice?": nothing about careers at all.
            return self._fallback(ctx, analysis, score)
        if intent == NOT_COVERED:
            named = None if own else self._topic_from_keywords(u)
            if named is None:
                return self._not_covered(u, ctx)
            intent = named  # "what do ML software engineers get paid": pay is a topic they cover
        if intent == "list_roles":
            return self.reply(render_list_roles(self._kb), intent, score, (), None), ctx
        if intent == "ask_sources":
            return self.reply(render_sources(self._kb), intent, score, (), None), ctx

        # "I'm a data analyst, which role fits me?" is a recommendation, not an uncovered job.
        if intent == "recommend_role":
            return self._advise(intent, text, u, score, ctx, roles=roles, things=things)

        if not roles and analysis.other_occupations and not (ctx.roles and not REFERRING.isdisjoint(analysis.tokens)):
            return self._fallback(ctx, analysis, score)

        if intent in ADVISOR_INTENTS:
            return self._advise(intent, text, u, score, ctx, roles=roles, things=things)

        tokens = set(analysis.tokens)
        if len(roles) > 1 and intent in ("ask_definition", "ask_getting_started") and CHOICE_WORDS & tokens:
            intent = COMPARE  # "should I become a DE or an MLE?"
        if (
            len(roles) == 2 and CHOICE_WORDS & tokens and {"which", "who"} & tokens
            and intent not in u.keyword_intents and intent not in ADVISOR_INTENTS
        ):
            intent = COMPARE  # "who owns the data pipelines, the DE or the DSE?"
        if DIFFERENCE_WORDS & tokens and intent not in u.keyword_intents and (
            len(roles) > 1 or (len(roles) == 1 and ctx.roles and ctx.roles[0] not in roles and REFERRING & tokens)
        ):
            # "the two - how are they different overall?", "how's that different from an ML engineer?"
            intent = COMPARE
        if intent == "ask_definition" and not roles and not ctx.roles and GENERIC_ROLE_WORDS.isdisjoint(tokens):
            # "what's the meaning of life": a definition of nothing careerbot knows.
            return self._fallback(ctx, analysis, score)

        wants_all = asks_all(analysis.tokens)
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
            return self.answer_compare(chosen, score, ctx, everything=everything)

        spec = self._intents.intents[intent]
        topic = spec.topic
        if topic is None:
            topic = "definition"
        chosen = roles or (all_roles if wants_all else ctx.roles)
        if not chosen:
            answer = render_clarify(self._kb, topic)
            reply = self.reply(answer, intent, score, (), topic)
            return reply, ctx.evolve(pending_topic=topic, topic=topic, intent=intent)
        return self._answer_topic(intent, topic, chosen, score, ctx, things=things, u=u)
