"""The policy: the one place that decides what to answer for an understood message.

:class:`Policy` turns an :class:`~careerbot.nlu.understand.Understanding` and the session's
:class:`~careerbot.dialogue.state.Context` into a :class:`~careerbot.reply.Reply` and the next context.
It resolves references to earlier turns ("they", "the second one") and is the only code that does.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..data.intents import IntentSet
from ..data.knowledge import ROLE_TOPICS, KnowledgeBase
from ..nlu.entities import PLACEHOLDER, Analysis
from ..nlu.normalize import tokenize
from ..nlu.parse import Parse, PartReading
from ..nlu.understand import Thresholds, Understanding
from ..nlu.words import (
    ADVISOR_FOLLOW_UPS,
    ADVISOR_INTENTS,
    ALL_WORDS,
    CHOICE_WORDS,
    CHOOSING_WORDS,
    COMPARATIVE_WORDS,
    COMPARE,
    COMPARE_TOPICS,
    EVERYTHING_WORDS,
    FILLER,
    FORGET_WORDS,
    GENERIC_ROLE_WORDS,
    INTEREST_WORDS,
    NOT_COVERED,
    PROFILE_ADVICE,
    REFERRING,
    SELF_WORDS,
    SMALL_TALK,
    SUPERLATIVE_WORDS,
    WIDE_COMPARE_TOPICS,
)
from ..reply import FALLBACK, Reply
from ..skills.crossrole import render_ranking, render_roles_with
from ..skills.facts import render_quotes
from ..skills.profile import render_introduced, render_noted, render_profile
from ..skills.responses import (
    Answer,
    render_clarify,
    render_compare,
    render_fallback,
    render_list_roles,
    render_mentions,
    render_not_covered,
    render_small_talk,
    render_sources,
    render_topic,
    render_uncovered,
    role_words,
)
from ..skills.wording import topic_question
from .state import Context, Profile

if TYPE_CHECKING:
    from ..skills.advisor import Advisor

__all__ = ["Policy"]

# -- hook (answers branch): "more" / "show the quotes" expands the last answer ------------------
#: A message made only of these words and :data:`EXPAND_FILLER`, with at least one of these, asks
#: to expand the last topic answer or comparison to its supporting quotes (skills.facts.render_quotes).
EXPAND_WORDS = frozenset({"more", "detail", "details", "quote", "quotes", "elaborate", "expand", "sentences"})
EXPAND_FILLER = frozenset(
    "tell me show the please pls a bit some give go on can you i want see in into with that this it "
    "those these its their them about and all full exact what did articles article say said could "
    "would like to of any there is are".split()
)


class Policy:
    """Chooses and renders the answer. Immutable after construction; safe to share across threads."""

    def __init__(self, kb: KnowledgeBase, intents: IntentSet, thresholds: Thresholds) -> None:
        self._kb = kb
        self._intents = intents
        self._thresholds = thresholds
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
                    from ..skills.advisor import Advisor  # imported on first use, like it is built

                    self._advisor_instance = Advisor(self._kb)
                advisor = self._advisor_instance
        return advisor

    def with_thresholds(self, thresholds: Thresholds) -> Policy:
        """The same policy with other thresholds (sharing the advisor once built)."""
        import copy

        clone = copy.copy(self)
        clone._thresholds = thresholds
        return clone

    # -- the message as a whole ---------------------------------------------------------------

    def respond(self, parse: Parse, ctx: Context) -> tuple[Reply, Context]:
        """The reply to one message, read into ``parse``, and the conversation's next state.

        What the person says about themselves is remembered first; then each question the
        message asks is answered in order, in one reply.
        """
        reply, new_ctx = self._respond(parse, self._remember(parse, ctx))
        kind = str(reply.data.get("kind")) if reply.intent == FALLBACK else None
        changes: dict[str, object] = {}
        if new_ctx.last_fallback != kind:
            changes["last_fallback"] = kind
        # The last list shown, for "the second one": a recommendation's ranking or the roles compared.
        if reply.intent == "recommend_role" and len(new_ctx.recommended) > 1:
            changes["options"] = new_ctx.recommended
        elif len(reply.roles) > 1:
            changes["options"] = reply.roles
        if reply.roles:
            changes["recent"] = tuple(dict.fromkeys((*reply.roles, *ctx.recent)))[:5]
        return reply, new_ctx.evolve(**changes) if changes else new_ctx

    def _respond(self, parse: Parse, ctx: Context) -> tuple[Reply, Context]:
        questions = parse.questions
        if len(parse.parts) == 1 and questions:
            return self._single(parse.whole, parse.text, ctx)
        asking = [q for q in questions if q.part.kind == "question"] or questions
        if not asking:
            u = parse.whole.understanding
            likes = "i" in u.analysis.tokens and not INTEREST_WORDS.isdisjoint(u.analysis.tokens)
            # "I need a rundown of the frameworks an MLRE uses": a request worded as a statement.
            request = u.intent is not None and u.intent not in SMALL_TALK and bool(u.analysis.roles)
            if (u.intent in PROFILE_ADVICE and u.intent != "learning_path") or likes or request:
                # "I love maths and reading research papers": what they like, so which role fits.
                return self._single(parse.whole, parse.text, ctx)
            return self._introduced(parse, ctx)
        # Parts that neither ask nor tell about the person ("My friend says DEs only write SQL.")
        # are context for the question, not questions of their own; so are the roles they name.
        if len(asking) == 1:
            return self._one_question(parse, asking[0], ctx)
        return self._answer_parts(parse, asking, ctx)

    def _context_for(self, parse: Parse, question: PartReading, ctx: Context) -> Context:
        """The context a question inside a longer message is answered in: the roles the rest of
        the message names, when the question names none ("I have an interview for an ML engineer
        job. What skills will they expect?")."""
        if question.understanding.analysis.roles or not parse.roles:
            return ctx
        aimed = [r for r in ctx.profile.targets if r in parse.roles]
        return ctx.evolve(roles=tuple(aimed[-1:]) or parse.roles, topic=None, pending_topic=None)

    def _one_question(self, parse: Parse, question: PartReading, ctx: Context) -> tuple[Reply, Context]:
        u, whole = question.understanding, parse.whole.understanding
        if (
            len(parse.roles) >= 2 and not u.analysis.roles and u.intent in (None, "recommend_role", COMPARE)
            and question.reference is None
            and not any(p.profile is not None and (p.profile.known or p.profile.background) for p in parse.about_self)
        ):
            # "I can't decide between a DE and a DSE. Which one should I choose?"
            return self._answer_compare(parse.roles, max(u.score, whole.score), ctx)
        # A vague question ("can you lay it out for me?") is read with the rest of the message.
        use_whole = whole.intent is not None and (u.intent is None or whole.score > u.score)
        reading = parse.whole if use_whole else question
        reply, new_ctx = self._single(reading, parse.text, self._context_for(parse, question, ctx))
        if reply.intent == FALLBACK and reading is not parse.whole:
            reply, new_ctx = self._single(parse.whole, parse.text, ctx)
        if reply.intent == FALLBACK:
            if any(p.profile is not None and (p.profile.background or p.profile.targets or p.profile.current)
                   for p in parse.about_self):
                return self._introduced(parse, ctx)
            return reply, ctx
        return self._with_noted(reply, parse, ctx), new_ctx

    def _answer_parts(
        self, parse: Parse, questions: Sequence[PartReading], ctx: Context
    ) -> tuple[Reply, Context]:
        """Each question of a multi-part message answered in order, in one reply."""
        accept = self._thresholds.accept
        understood = [
            q for q in questions
            if q.understanding.intent not in (None, NOT_COVERED)
            and (
                q.understanding.score >= accept or q.understanding.intent in q.understanding.keyword_intents
                or bool(q.understanding.analysis.mentions)
            )
        ]
        whole = parse.whole.understanding
        if whole.intent is not None and (
            not understood or all(q.understanding.intent == whole.intent for q in understood)
        ):
            # Nothing clear in the parts, or every clear part asks what the whole message asks
            # ("is there a remote MLRE job, and what does it pay?"): one answer to the whole.
            return self._single(parse.whole, parse.text, ctx)
        if understood and len(understood) < len(questions):
            # A vague part ("are there jobs for MLREs outside big tech?") next to a clear one
            # ("which sectors hire them?") is answered by the clear one.
            substantive = [q for q in understood if q.understanding.intent not in SMALL_TALK]
            questions = substantive or understood
        elif understood:
            questions = [q for q in understood if q.understanding.intent not in SMALL_TALK] or understood
        replies: list[Reply] = []
        ctx = self._context_for(parse, questions[0], ctx)
        for question in questions:
            reply, next_ctx = self._single(question, question.text, ctx)
            if reply.intent == FALLBACK and len(question.understanding.analysis.tokens) < 3:
                continue  # a stray fragment ("and?"), not a question of its own
            replies.append(reply)
            ctx = next_ctx
        answered = [r for r in replies if r.intent != FALLBACK]
        if not answered:
            return self._single(parse.whole, parse.text, ctx)
        if len(replies) == 1:
            return self._with_noted(replies[0], parse, ctx), ctx
        first = answered[0]
        combined = Reply(
            text="\n\n".join(r.text for r in replies),
            intent=first.intent,
            confidence=min(r.confidence for r in answered),
            roles=tuple(dict.fromkeys(role for r in answered for role in r.roles)),
            topic=first.topic,
            sources=tuple(dict.fromkeys(s for r in replies for s in r.sources)),
            suggestions=replies[-1].suggestions,
            data={
                "kind": "parts",
                "parts": [
                    {"intent": r.intent, "roles": list(r.roles), "topic": r.topic, "data": r.data}
                    for r in replies
                ],
            },
        )
        return self._with_noted(combined, parse, ctx), ctx

    # -- what the person says about themselves ------------------------------------------------

    def _remember(self, parse: Parse, ctx: Context) -> Context:
        """The context with what the message says about the person added to their profile."""
        profile = ctx.profile
        for part in parse.about_self:
            r = part.profile
            if r is None or r.empty:
                continue
            profile = profile.merged(
                known=r.known, not_known=r.not_known, background=r.background,
                current=r.current, targets=r.targets, statement=part.text,
            )
        return ctx if profile is ctx.profile else ctx.evolve(profile=profile)

    def _introduced(self, parse: Parse, ctx: Context) -> tuple[Reply, Context]:
        """A message that only tells about the person: say what was understood, offer next steps."""
        readings = [p.profile for p in parse.about_self if p.profile is not None and not p.profile.empty]
        if not readings:
            return self._single(parse.whole, parse.text, ctx)
        answer = render_introduced(self._kb, readings, ctx.profile)
        targets = ctx.profile.targets[-1:]
        next_ctx = ctx.evolve(roles=targets or ctx.roles, pending_topic=None, intent="greet")
        return self._reply(answer, "greet", 0.8, targets, None), next_ctx

    def _with_noted(self, reply: Reply, parse: Parse, ctx: Context) -> Reply:
        """A reply to a message that also told about the person starts with what was noted."""
        readings = [p.profile for p in parse.about_self if p.profile is not None and not p.profile.empty]
        if not readings or reply.intent in PROFILE_ADVICE:
            return reply
        note = render_noted(readings, self._kb)
        return dataclasses.replace(reply, text=f"{note}\n\n{reply.text}") if note else reply

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
        return self._reply(answer, NOT_COVERED, u.score, roles, None), ctx.evolve(
            roles=roles or ctx.roles, pending_topic=None, intent=NOT_COVERED
        )

    def _profile(self, u: Understanding, ctx: Context) -> tuple[Reply, Context]:
        """"What do you know about me?" and "forget what I told you"."""
        if FORGET_WORDS & set(u.analysis.tokens):
            answer = render_profile(self._kb, None)
            return self._reply(answer, "profile", u.score, (), None), ctx.evolve(profile=Profile())
        return self._reply(render_profile(self._kb, ctx.profile), "profile", u.score, (), None), ctx

    # -- one question ---------------------------------------------------------------------------

    def _resolve(self, reading: PartReading, ctx: Context) -> tuple[tuple[str, ...], frozenset[str]]:
        """The roles a reference back points at ("the second one", "the two", "the research side"),
        and the words that made the reference; nothing when the question names its roles."""
        ref = reading.reference
        if ref is None or reading.understanding.analysis.roles:
            return (), frozenset()
        words = frozenset(reading.understanding.analysis.tokens[ref.start : ref.end])
        options = ctx.options or ctx.roles
        roles: tuple[str, ...] = ()
        if ref.kind == "side" and ref.role is not None:
            roles = (ref.role,)
        elif ref.kind == "pair":
            roles = ctx.roles[:2] if len(ctx.roles) >= 2 else ctx.recent[:2] if len(ctx.recent) >= 2 else ()
        elif ref.kind == "ordinal" and -len(options) <= ref.index < len(options):
            roles = (options[ref.index],)
        elif ref.kind == "other":
            rest = [r for r in options if r not in ctx.roles[:1]]
            roles = tuple(rest[:1])
        return roles, words

    # -- hook (answers branch): expanding the last answer ----------------------------------------

    def _expand_last(self, reading: PartReading, text: str, ctx: Context) -> tuple[Reply, Context] | None:
        """"more", "tell me more", "details", "show the quotes": the last topic answer or comparison
        (``ctx.roles`` / ``ctx.topic``) expanded to its supporting quotes per article; ``None`` when
        the message asks something else or there is no such answer to expand. The raw words are
        read too, since typo correction may turn "detail" into another word."""
        if not ctx.roles or ctx.topic not in ROLE_TOPICS or reading.understanding.analysis.roles:
            return None
        for words in (set(tokenize(text)), set(reading.understanding.analysis.tokens)):
            if words & EXPAND_WORDS and words <= EXPAND_WORDS | EXPAND_FILLER:
                answer = render_quotes(self._kb, ctx.roles, str(ctx.topic))
                return self._reply(answer, ctx.intent or COMPARE, 0.9, ctx.roles, ctx.topic), ctx
        return None

    # -- one question (continued) ---------------------------------------------------------------

    def _single(self, reading: PartReading, text: str, ctx: Context) -> tuple[Reply, Context]:
        """The answer to one question (a whole message, or one part of it)."""
        expanded = self._expand_last(reading, text, ctx)  # hook (answers branch)
        if expanded is not None:
            return expanded
        u = reading.understanding
        ref = reading.reference
        if (
            ctx.postings and ctx.intent == "ask_salary" and u.intent in (None, "ask_salary")
            and not u.analysis.roles
            and ((ref is not None and ref.kind == "posting") or not REFERRING.isdisjoint(u.analysis.tokens))
        ):
            # "is that one remote?", "is the Occam one remote?" after postings were shown.
            return self._advise(
                "ask_salary", text, u, max(u.score, self._thresholds.with_role), ctx, roles=ctx.roles
            )
        referred, ref_words = self._resolve(reading, ctx)
        reply, new_ctx = self._decide(text, u, ctx, things=reading.things, referred=referred, ref_words=ref_words)
        others = u.analysis.other_occupations
        if others and reply.roles and reply.intent not in ADVISOR_INTENTS and reply.intent != FALLBACK:
            # "is being a doctor better than being a DE?": answer the covered role, name the other job.
            reply = self._with_uncovered_note(reply, u.analysis)
        return reply, new_ctx

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

    def _answer_topic(
        self, intent: str, topic: str, roles: Sequence[str], confidence: float, ctx: Context,
        *, things: Sequence[tuple[tuple[str, ...], str]] = (),
    ) -> tuple[Reply, Context]:
        answer = render_topic(self._kb, roles, topic)
        named = list(things) if topic in ("tools", "skills") else []
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
            answer = render_fallback(
                self._kb, empty=not analysis.tokens, repeated=ctx.last_fallback is not None,
                role_ids=ctx.roles, asked=(ctx.topic,) if ctx.topic else (),
            )
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
        self, intent: str, text: str, u: Understanding, score: float, ctx: Context,
        *, roles: tuple[str, ...] = (),
    ) -> tuple[Reply, Context]:
        """Recommendation, skill gap, learning path and postings (``careerbot.skills.advisor``).

        ``roles``: the roles named or referred to."""
        analysis = u.analysis
        tokens = analysis.tokens
        all_roles = tuple(self._kb.roles)
        wants_all = bool(ALL_WORDS & set(tokens))
        told = self._told(text, ctx)
        if intent == "recommend_role":
            candidates = roles if len(roles) > 1 else ()
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
                target = tuple(r for r in (*ctx.profile.targets[-1:], *ctx.roles) if r not in current)[:1]
            answer, about = self._advisor.skill_gap(told, tokens, target, current)
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
        shown = tuple(str(p["id"]) for p in answer.data.get("postings", ()))
        return reply, ctx.evolve(
            roles=used or ctx.roles, topic="salary", pending_topic=None, intent=intent, postings=shown[:20]
        )

    def _across_roles(
        self, u: Understanding, ctx: Context, roles: Sequence[str],
        things: Sequence[tuple[tuple[str, ...], str]],
    ) -> tuple[Reply, Context] | None:
        """Questions about the five roles at once: "which roles use Python?", "which role needs the
        least education?". ``None`` when the question is not one of those."""
        tokens = set(u.analysis.tokens)
        if roles or u.intent in PROFILE_ADVICE or not SELF_WORDS.isdisjoint(tokens):
            return None
        asks_which = bool({"which", "who", "what"} & tokens) and bool(
            GENERIC_ROLE_WORDS & tokens or {"who", "anyone", "any"} & tokens
        )
        if not asks_which:
            return None
        all_roles = tuple(self._kb.roles)
        if things and u.intent not in ("ask_salary", "ask_industries"):
            answer, having = render_roles_with(self._kb, things, self._role_words)
            reply = self._reply(answer, COMPARE, max(u.score, 0.5), having, "tools")
            return reply, ctx.evolve(roles=having or ctx.roles, topic="tools", pending_topic=None, intent=COMPARE)
        topic_intent = self._topic_from_keywords(u)
        if topic_intent is not None and topic_intent != "ask_salary" and not SUPERLATIVE_WORDS.isdisjoint(tokens):
            topic = str(self._intents.intents[topic_intent].topic)
            answer = render_ranking(self._kb, topic, all_roles)
            reply = self._reply(answer, COMPARE, max(u.score, 0.5), all_roles, topic)
            return reply, ctx.evolve(roles=all_roles, topic=topic, pending_topic=None, intent=COMPARE)
        return None

    @staticmethod
    def _told(text: str, ctx: Context) -> str:
        """What the person said about themselves earlier, read with what they say now."""
        return " . ".join((*ctx.profile.statements, text)) if ctx.profile.statements else text

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

    def _decide(
        self, text: str, u: Understanding, ctx: Context,
        *, things: Sequence[tuple[tuple[str, ...], str]] = (),
        referred: tuple[str, ...] = (), ref_words: frozenset[str] = frozenset(),
    ) -> tuple[Reply, Context]:
        """Choose and render the answer for an understood message.

        ``referred``: the roles a reference back points at, when the message names none."""
        analysis, intent, score = u.analysis, u.intent, u.score
        roles = analysis.roles or referred
        all_roles = tuple(self._kb.roles)
        across = self._across_roles(u, ctx, roles, things)
        if across is not None:
            return across
        content = [
            t for t in analysis.masked.split()
            if t != PLACEHOLDER and t not in FILLER and t not in ref_words and t not in REFERRING
        ] if referred else [t for t in analysis.masked.split() if t != PLACEHOLDER and t not in FILLER]

        if roles and not content:
            # A bare role answers a pending advisor question or continues a roadmap or pay answer.
            if ctx.intent in ADVISOR_INTENTS and (
                ctx.pending_topic is not None or ctx.intent in ADVISOR_FOLLOW_UPS
            ):
                return self._advise(ctx.intent, text, u, 0.9, ctx, roles=roles)
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
                if len(roles) > 1 and not COMPARATIVE_WORDS.isdisjoint(analysis.tokens):
                    topic = None  # "the two, which one is more math heavy?"
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
                answer, best = self._advisor.recommend(self._told(text, ctx), analysis.tokens)
                if best:
                    return self._recommendation(answer, best, score, ctx)
            return self._fallback(ctx, analysis, score)

        if intent == "profile":
            return self._profile(u, ctx)
        if intent in SMALL_TALK:
            return self._reply(render_small_talk(self._kb, intent), intent, score, (), None), ctx
        if intent == NOT_COVERED:
            named = self._topic_from_keywords(u)
            if named is None:
                return self._not_covered(u, ctx)
            intent = named  # "what do ML software engineers get paid": pay is a topic they cover
        if intent == "list_roles":
            return self._reply(render_list_roles(self._kb), intent, score, (), None), ctx
        if intent == "ask_sources":
            return self._reply(render_sources(self._kb), intent, score, (), None), ctx

        # "I'm a data analyst, which role fits me?" is a recommendation, not an uncovered job.
        if intent == "recommend_role":
            return self._advise(intent, text, u, score, ctx, roles=roles)

        if not roles and analysis.other_occupations:
            return self._fallback(ctx, analysis, score)

        if intent in ADVISOR_INTENTS:
            return self._advise(intent, text, u, score, ctx, roles=roles)

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
        return self._answer_topic(intent, topic, chosen, score, ctx, things=things)
