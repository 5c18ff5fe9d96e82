"""The policy: the one place that decides what to answer for an understood message.

:class:`Policy` turns an :class:`~careerbot.nlu.understand.Understanding` and the session's
:class:`~careerbot.dialogue.state.Context` into a :class:`~careerbot.reply.Reply` and the next context.
It resolves references to earlier turns ("they", "the second one") and is the only code that does.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..data.intents import IntentSet
from ..data.knowledge import KnowledgeBase
from ..nlu.cues import confirms_claim, others_named, speakers_own
from ..nlu.entities import PLACEHOLDER
from ..nlu.parse import Parse, PartReading, is_asked, out_of_scope
from ..nlu.understand import Thresholds
from ..nlu.words import (
    COMPARE,
    DEMONSTRATIVES,
    FOLLOW_UP_FILLER,
    GAP_ASKED,
    LEADING_FILLER,
    NOT_COVERED,
    PLEASANTRIES,
    PROFILE_ADVICE,
    REFERRING,
    REQUEST_WORDS,
    SIDE_NOUNS,
    SMALL_TALK,
    STATING_WORDS,
    USUAL_WORDS,
    says_likes,
)
from ..reply import FALLBACK, Reply
from ..skills.responses import render_skipped
from .combining import combined, plain_fallback
from .focus import against_focus, answered_apart, focus_then_named
from .introductions import Introductions
from .questions import Questions
from .state import Context

__all__ = ["Policy"]


#: A question this short that scores below the whole message is read with the rest of it.
SHORT_QUESTION = 8


class Policy:
    """Decides what to answer for a whole message. Immutable after construction; safe to share across threads.

    It remembers what the person says about themselves, then answers each question the message
    asks, in order, through :class:`~careerbot.dialogue.questions.Questions`.
    """

    def __init__(self, kb: KnowledgeBase, intents: IntentSet, thresholds: Thresholds) -> None:
        self._kb = kb
        self._thresholds = thresholds
        self._q = Questions(kb, intents, thresholds)
        self._intro = Introductions(kb, self._q)
        #: Intents that answer a topic of a role (skills, tools, ...).
        self._topic_intents = frozenset(n for n, spec in intents.intents.items() if spec.topic not in (None, "differences"))

    def prepare(self) -> None:
        """Build now what is otherwise built on first use (before the bot is cached)."""
        self._q.prepare()

    def with_thresholds(self, thresholds: Thresholds) -> Policy:
        """The same policy with other thresholds."""
        import copy

        clone = copy.copy(self)
        clone._thresholds = thresholds
        clone._q = self._q.with_thresholds(thresholds)
        clone._intro = Introductions(self._kb, clone._q)
        return clone

    def respond(self, parse: Parse, ctx: Context) -> tuple[Reply, Context]:
        """The reply to one message, read into ``parse``, and the conversation's next state.

        What the person says about themselves is remembered first; then each question the
        message asks is answered in order, in one reply.
        """
        reply, new_ctx = self._respond(parse, self._intro.remember(parse, ctx))
        kind = str(reply.data.get("kind")) if reply.intent == FALLBACK else None
        changes: dict[str, object] = {}
        if new_ctx.last_fallback != kind:
            changes["last_fallback"] = kind
        # The last list shown, for "the second one": a recommendation's ranking or the roles compared.
        if reply.intent == "recommend_role" and len(parse.roles) > 1:
            # "Between a DE and a DSE, which fits me better?": "the second one" is the DSE, as named.
            changes["options"] = parse.roles
        elif reply.intent == "recommend_role" and len(new_ctx.recommended) > 1:
            changes["options"] = new_ctx.recommended
        elif len(reply.roles) > 1:
            changes["options"] = reply.roles
        elif reply.intent == "list_roles":
            changes["options"] = self._q.role_ids  # "tell me more about the first one you listed"
        elif len(parse.roles) > 1:
            changes["options"] = parse.roles  # "torn between DSE and MLRE. What does a DSE do?"
        if reply.roles:
            changes["recent"] = tuple(dict.fromkeys((*reply.roles, *ctx.recent)))[:5]
        if new_ctx.things and new_ctx.things == ctx.things and reply.intent not in ("ask_tools", "ask_skills", "ask_education"):
            changes["things"] = ()  # the things asked about last are only for the very next turn
        return reply, new_ctx.evolve(**changes) if changes else new_ctx

    def _respond(self, parse: Parse, ctx: Context) -> tuple[Reply, Context]:
        questions = parse.questions
        if len(parse.parts) == 1 and questions:
            u = parse.whole.understanding
            if against_focus(u.analysis.tokens, u.analysis.roles, ctx):
                # (about a DE) "is that the same thing as a machine learning engineer?", "and an ML SWE
                # is what, the same thing with a fancier title?": the two compared
                return self._q.answer_compare((ctx.roles[0], u.analysis.roles[0]), max(u.score, 0.9), ctx)
            reply, new_ctx = self._q.single(parse.whole, parse.text, ctx)
            if reply.intent == FALLBACK and speakers_own(u.analysis.tokens, u.analysis.other_occupations):
                # "I'm a retired accountant trying to figure out what my grandson might study."
                return self._intro.introduced(parse, ctx, told=True)
            return reply, new_ctx
        # A topic named with its role ("responsibilities of a DSE.") asks as much as a question.
        asking = [q for q in questions if q.part.kind == "question" or self._names_a_topic(q)] or questions
        # Questions asked outright come first; one inside a sentence about oneself ("I'm trying to
        # figure out which internships to apply for") is then background.
        asking = [q for q in asking if q.part.explicit or self._names_a_topic(q)] or asking
        if parse.about_self and all(q.part.kind == "other" and not self._names_a_topic(q) for q in asking) and all(
            q.understanding.intent in (None, "greet") and {"same", "again"}.isdisjoint(q.understanding.analysis.tokens)
            for q in asking
        ):
            asking = []  # "Afternoon. Hank, 20 years USAF, now retired ...": a greeting, then who they are
        if not asking:
            u = parse.whole.understanding
            likes = says_likes(u.analysis.tokens)
            # "I need a rundown of the frameworks an MLRE uses": a request worded as a statement.
            request = (
                u.intent is not None and u.intent not in SMALL_TALK and u.intent not in PROFILE_ADVICE
                and bool(u.analysis.roles) and not REQUEST_WORDS.isdisjoint(u.analysis.tokens)
            )
            # A skill gap needs a role to aim at ("I know Python and SQL" alone is an introduction).
            gap = u.intent == "skill_gap" and bool(ctx.profile.targets) and (
                "?" in parse.text or not GAP_ASKED.isdisjoint(u.analysis.tokens)
            )
            if (
                "?" in parse.text and ctx.intent in ("skill_gap", "learning_path") and parse.roles
                and not any(r.known or r.background or r.current or r.likes for r in parse.self_readings)
            ):
                # "and if i went the MLE route instead?" after a skill gap: the same for that role.
                return self._q.advise_again(parse.whole, parse.text, ctx)
            # "yo im 16 and i like coding little games in python": an introduction, not a request.
            if (u.intent == "recommend_role" or likes) and self._intro.introduces(parse) and not request:
                return self._intro.introduced(parse, ctx, told=True)
            # "roadmap for MLE please, I'm starting from zero": a plan asked for in its own words.
            path = u.intent == "learning_path" and "learning_path" in u.keyword_intents and bool(u.analysis.roles)
            if u.intent == "recommend_role" or gap or likes or request or path:
                # "I love maths and reading research papers": what they like, so which role fits.
                reply, new_ctx = self._q.single(parse.whole, parse.text, ctx)
                if reply.intent != FALLBACK or not parse.self_readings:
                    return reply, new_ctx
            return self._intro.introduced(parse, ctx)
        if (
            "?" not in parse.text and parse.parts[-1].understanding.intent in ("goodbye", "thanks")
            and not any(q.part.explicit for q in asking)
            and not any(p.understanding.intent in SMALL_TALK for p in parse.parts[:-1])  # ("thanks! bye")
            and "thanks" not in parse.whole.understanding.keyword_intents
        ):
            # "Let me go and start applying. Bye bye": a goodbye (not how to get started)
            return self._q.single(parse.parts[-1], parse.text, ctx)
        # Parts that neither ask nor tell about the person ("My friend says DEs only write SQL.")
        # are context for the question, not questions of their own; so are the roles they name.
        if len(asking) == 1:
            reply, new_ctx = self._one_question(parse, asking[0], ctx)
            if reply.intent == FALLBACK and "?" not in parse.text and any(
                p.understanding.intent == "greet" for p in parse.parts if p is not asking[0]
            ):
                # "Hello dear. I am asking for my grandson Liam, he is 19 ...": a greeting, then who
                # they are; nothing asked yet
                return self._intro.introduced(parse, ctx, told=True)
            return reply, new_ctx
        return self._answer_parts(parse, asking, ctx)

    def _context_for(self, parse: Parse, question: PartReading, ctx: Context) -> Context:
        """The context a question inside a longer message is answered in: the roles the rest of
        the message names, when the question names none ("I have an interview for an ML engineer
        job. What skills will they expect?")."""
        named = question.understanding.analysis.roles
        if named:
            others = tuple(r for r in parse.roles if r not in named)
            if others and len(named) == 1 and question.understanding.intent == COMPARE:
                # "He also mentioned ML engineers. How is that different from a data engineer?"
                return ctx.evolve(roles=others, topic=None, pending_topic=None)
            return ctx
        if question in parse.parts and focus_then_named(parse.parts[parse.parts.index(question) :], ctx):
            # (about the MLRE) "what do they do all day? and what do data engineers do all day": "they"
            # is the role in focus, not one the message names only later.
            return ctx
        if not parse.roles:
            if question.reference is None:
                # "ok the first one sounds more like me. what tools would I need?": the reference
                # in the rest of the message says which role the question is about.
                for other in parse.parts:
                    if other is not question and other.reference is not None:
                        roles, _ = self._q.resolve(other, ctx)
                        if roles:
                            return ctx.evolve(roles=roles, topic=None, pending_topic=None)
            return ctx
        ref = question.reference
        if ref is not None and ref.kind == "pair" and len(ctx.roles) >= 2 and set(parse.roles).isdisjoint(ctx.roles[:2]):
            return ctx  # (about DSE and MLE) "growth for both? and the same for DEs?": the two in focus
        if ref is not None and ref.kind == "pair" and len(parse.roles) == 1 and ctx.roles and ctx.roles[0] not in parse.roles:
            # (about the MLE) "his friend wants to do data engineering. what's the difference between
            # the two?": the role talked about and the one named now.
            pair = (ctx.roles[0], parse.roles[0])
            return ctx.evolve(roles=pair, topic=None, pending_topic=None, options=pair)
        if ref is not None and ref.kind == "pair" and len(parse.roles) >= 2:
            # "... one is a data engineer job, the other an ML research engineer track. How do the
            # two roles differ?": the two this message names, whatever the person aims at.
            return ctx.evolve(roles=parse.roles[:2], topic=None, pending_topic=None, options=parse.roles)
        aimed = [r for r in ctx.profile.targets if r in parse.roles]
        # The roles this message names are also the list "the first one" points into.
        return ctx.evolve(
            roles=tuple(aimed[-1:]) or parse.roles, topic=None, pending_topic=None, options=parse.roles
        )

    def _one_question(self, parse: Parse, question: PartReading, ctx: Context) -> tuple[Reply, Context]:
        u, whole = question.understanding, parse.whole.understanding
        if (
            len(parse.roles) >= 2 and not u.analysis.roles and u.intent in (None, "recommend_role", COMPARE)
            and question.reference is None
            and not any(r.known or r.background for r in parse.self_readings)
        ):
            # "I can't decide between a DE and a DSE. Which one should I choose?"
            return self._q.answer_compare(parse.roles, max(u.score, whole.score), ctx)
        named_now = u.intent == COMPARE and not u.analysis.roles and question.reference is None
        if len(u.analysis.roles) <= 1 and (against_focus(u.analysis.tokens, parse.roles, ctx) or (
            named_now and len(parse.roles) == 1 and bool(ctx.roles) and ctx.roles[0] not in parse.roles)):
            # (about the MLE) "He also mentioned 'data engineer'. Is that the same thing?" / "How is that different?"
            return self._q.answer_compare((ctx.roles[0], parse.roles[0]), max(u.score, whole.score), ctx)
        # A vague question ("can you lay it out for me?") is read with the rest of the message.
        short = len(u.analysis.tokens) <= SHORT_QUESTION
        # A question that names its role and its intent's own keyword is clear on its own.
        # So is advice, which reads what the rest of the message says about the person anyway.
        # ... and so is one in its intent's own phrase ("whats their job in a nutshell").
        clear = (u.intent in u.keyword_intents and bool(u.analysis.roles)) or u.intent in PROFILE_ADVICE or (
            u.intent in u.phrased and u.intent in self._topic_intents
        )
        # ... and so is one naming a tool or skill ("Postgres is in the list? I use it every day").
        use_whole = question.reference is None and not question.things and whole.intent is not None and not (
            question.aside and not parse.whole.aside
        ) and "same" not in u.analysis.tokens and (
            u.intent is None or (short and whole.score > u.score and not clear and (
                # (not "Hi I'm Mei, I have a PhD in statistics. what do DSEs actually do?": the
                # whole's education comes from what she says about herself; but "I know already
                # Java, is useful for data engineer?" asks about what she has)
                whole.intent in PROFILE_ADVICE
                or not any(whole.intent in r.understanding.keyword_intents for r in parse.about_self)
            ))
        )
        # "I want to be a data scientist, what skills do I need?": about a job careerbot does not cover (in a
        # conversation about a role, a question naming that job itself: "what does a lawyer earn?"; not "I'm a
        # retired accountant ...", nor their background: "former teacher, what should I learn?").
        uncovered = (
            not parse.roles and bool(whole.analysis.other_occupations) and question.reference is None
            and (not ctx.roles or (bool(others_named(u.analysis.tokens, u.analysis.other_occupations)) and REFERRING.isdisjoint(u.analysis.tokens)))
            and len(whole.analysis.tokens) <= 20 and any(
                not any(job in b for r in parse.self_readings for b in r.background)
                for job in others_named(whole.analysis.tokens, whole.analysis.other_occupations)
            )
        )
        # "He also likes maths very much. Is that useful for them?", "Ad #1 asks for Airflow. Normal for a DE?"
        that_thing = not question.things and bool(parse.whole.things) and len(u.analysis.tokens) <= SHORT_QUESTION and not (
            DEMONSTRATIVES.isdisjoint(u.analysis.tokens) and (len(u.analysis.tokens) > 5 or USUAL_WORDS.isdisjoint(u.analysis.tokens)))
        reading = parse.whole if use_whole or uncovered or that_thing or confirms_claim(
            [t for i, t in enumerate(u.analysis.tokens) if not any(m.start <= i < m.end for m in u.analysis.mentions)]
        ) else question  # (role names left out: "is that actually true for ML research engineers?")
        reply, new_ctx = self._q.single(reading, parse.text, self._context_for(parse, question, ctx))
        if reply.intent == FALLBACK and reading is not parse.whole and not reading.aside:
            # (an aside out of scope stays out of scope: "unrelated, but any tips for sleeping better?")
            reply, new_ctx = self._q.single(parse.whole, parse.text, ctx)
        if reply.intent == FALLBACK and not (uncovered and reply.data.get("kind") == "uncovered"):
            if any(r.background or r.targets or r.current for r in parse.self_readings):
                return self._intro.introduced(parse, ctx)
            if speakers_own(whole.analysis.tokens, whole.analysis.other_occupations):
                # "Good morning. I'm a retired accountant trying to figure out what my grandson might study."
                return self._intro.introduced(parse, ctx, told=True)
            return reply, ctx
        return self._intro.with_noted(reply, parse, ctx), new_ctx

    def _answer_parts(
        self, parse: Parse, questions: Sequence[PartReading], ctx: Context
    ) -> tuple[Reply, Context]:
        """Each question of a multi-part message answered in order, in one reply."""
        accept = self._thresholds.accept
        lead = questions[0]
        if len(questions) > 1 and not lead.understanding.analysis.roles and lead.reference is None:
            # "And the machine learning one, what would he do all day?": a role picked by a word of
            # its name among those just talked about, then the question about it.
            picked = self._q.resolve(lead, ctx)[0]
            if picked and self._leads_to(lead, questions[1], picked):
                ctx = ctx.evolve(roles=picked, topic=None, pending_topic=None, postings=())
                questions = questions[1:]
                if len(questions) == 1:
                    return self._one_question(parse, questions[0], ctx)
        understood = [
            q for q in questions
            if (q.understanding.intent is None and q is not questions[0] and (
                q.understanding.analysis.mentions or (bool(q.things) and q.understanding.analysis.question_mark)
                or (q.reference is not None and q.reference.kind == "side" and "same" in q.understanding.analysis.tokens)
            ))  # ("..., and is building data warehouses part of their job?")
            or (q.understanding.intent is not None
            # "how long is a usual workday ...": a part the articles don't answer, named by its own words.
            and (q.understanding.intent != NOT_COVERED or NOT_COVERED in q.understanding.keyword_intents)
            and (
                q.understanding.score >= accept or q.understanding.intent in q.understanding.keyword_intents
                or bool(q.understanding.analysis.mentions)
                or (bool(parse.roles) and not REFERRING.isdisjoint(q.understanding.analysis.tokens))
                # "what does a DSE do day to day, and who would I be working with?"
                or (bool(parse.roles or ctx.roles) and q.understanding.intent in self._topic_intents)
            ))
        ]
        said = [q.understanding.intent for q in understood]
        if understood and all(i in SMALL_TALK for i in said) and "thanks" in said and "goodbye" in said:
            # "thank you so much, this helped. bye!": thanks, then goodbye.
            return self._q.thanks_and_goodbye(min(q.understanding.score for q in understood)), ctx
        # A question out of scope next to answered ones ("what's the weather in Nairobi, and what does
        # a DSE do?") is not dropped without a word: one line, in its place, says it is not answered.
        outside = {id(q) for q in questions if q not in understood and out_of_scope(q, parse.text)} if understood else set()
        whole = parse.whole.understanding
        named = {q.understanding.analysis.roles for q in understood if q.understanding.analysis.roles}
        if whole.intent is not None and (
            not understood
            or (all(q.understanding.intent == whole.intent for q in understood) and len(named) <= 1
                and not answered_apart(questions, understood, ctx))
        ):
            # Nothing clear in the parts, or every clear part asks what the whole message asks
            # ("is there a remote MLRE job, and what does it pay?"): one answer to the whole.
            reply, new_ctx = self._q.single(parse.whole, parse.text, ctx)
            if outside and reply.intent != FALLBACK:
                # (in the order asked: the answer where the first question it answers stands)
                first = next(i for i, q in enumerate(questions) if id(q) not in outside)
                ordered = [reply if i == first else self._skipped(q) for i, q in enumerate(questions) if i == first or id(q) in outside]
                return combined(ordered), new_ctx
            return reply, new_ctx
        asked = questions
        if understood and len(understood) < len(questions):
            # A vague part ("are there jobs for MLREs outside big tech?") next to a clear one
            # ("which sectors hire them?") is answered by the clear one.
            substantive = [q for q in understood if q.understanding.intent not in PLEASANTRIES]
            questions = substantive or understood
        elif understood:
            questions = [q for q in understood if q.understanding.intent not in PLEASANTRIES] or understood
        if outside:
            questions = [q for q in asked if q in questions or id(q) in outside]
        replies: list[Reply] = []
        ctx = self._context_for(parse, next(q for q in questions if id(q) not in outside), ctx)
        for question, after in zip(questions, [*questions[1:], None]):
            if id(question) in outside:
                replies.append(self._skipped(question))
                continue
            own = question.understanding.analysis.roles
            if after is not None and own and self._leads_to(question, after, own):
                # "what about DE, how is that different from DSE": the role, then its comparison;
                # "what about the research engineer track, which degrees do they look for?"
                roles = own
                if after.understanding.intent == COMPARE and not after.understanding.analysis.roles:
                    # "and the MLRE, is very different from this?": with the role talked about before.
                    roles = tuple(dict.fromkeys((*ctx.roles[:1], *roles)))
                ctx = ctx.evolve(roles=roles, topic=None, pending_topic=None, postings=())
                continue
            reply, next_ctx = self._q.single(question, question.text, ctx)
            if reply.intent == FALLBACK and len(question.understanding.analysis.tokens) < 3:
                continue  # a stray fragment ("and?"), not a question of its own
            if plain_fallback(reply):
                # A part not understood gets one line when it was asked ("what does a DE earn? also how
                # do i bake bread?"), none when it was not ("..., which mostly meant spreadsheets").
                if is_asked(question, parse.text):
                    replies.append(self._skipped(question))
                continue
            replies.append(reply)
            ctx = next_ctx
        answered = [r for r in replies if r.intent != FALLBACK]
        if not answered:
            return self._q.single(parse.whole, parse.text, ctx)
        if len(replies) == 1:
            return self._intro.with_noted(replies[0], parse, ctx), ctx
        return self._intro.with_noted(combined(replies), parse, ctx), ctx

    def _skipped(self, reading: PartReading) -> Reply:
        return self._q.reply(render_skipped(reading.text), FALLBACK, 0.0, (), None)

    def _names_a_topic(self, reading: PartReading) -> bool:
        """Whether a part that is not worded as a question names a topic and a role ("responsibilities
        of a DSE.", "DE tools")."""
        u = reading.understanding
        return (
            u.intent in self._topic_intents and u.intent in u.keyword_intents and bool(u.analysis.roles)
            and len(u.analysis.tokens) <= SHORT_QUESTION
            and STATING_WORDS.isdisjoint(u.analysis.tokens)  # (not "My grandson says data engineering is the future.")
        )

    def _leads_to(self, question: PartReading, after: PartReading, roles: Sequence[str]) -> bool:
        """Whether ``question`` only names ``roles`` ("what about DE", "the research engineer track",
        "and the machine learning one") that ``after`` asks about by referring back to them ("how is
        that different from DSE", "which degrees do they look for?")."""
        u, v = question.understanding, after.understanding
        if question.part.text.rstrip().endswith("?") and v.intent != COMPARE:
            return False  # "and for MLSWE? jenkins is in their stack right?": two questions
        names = self._q.name_words(roles) if not u.analysis.roles else frozenset()
        rest = {
            t for t in u.analysis.masked.split()
            if t != PLACEHOLDER and t not in SIDE_NOUNS and t not in names and t not in FOLLOW_UP_FILLER
        }  # ("what about the plain ML engineer, how's the outlook there")
        # ("start with the MLRE. What is it?")
        # (not "tell me about the DSE then, and how I'd get started": the role asked about, then a second question)
        # ("tell me about DEs. What are their main duties?" is still one question)
        bare = bool(roles) and rest <= LEADING_FILLER and not rest.isdisjoint({"about", "for", "and", "with"}) and (
            rest.isdisjoint({"tell", "explain", "describe"}) or v.intent in ("ask_definition", "ask_responsibilities")
        )
        return (
            bare and v.intent is not None and (v.intent == COMPARE or not v.analysis.roles)
            and (
                v.intent == COMPARE or not REFERRING.isdisjoint(v.analysis.tokens) or v.intent in self._topic_intents
                or v.intent in ("skill_gap", "learning_path")  # ("what about ML software eng, what would I be missing there")
            )
        )
