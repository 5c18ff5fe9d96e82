"""The advisor's answers for the policy: recommendation, skill gap, learning path and postings,
and the questions about all five roles at once ("which roles use Python?")."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from ..data.knowledge import Thing
from ..nlu.cues import asks_which_fits
from ..nlu.normalize import tokenize
from ..nlu.parse import PartReading
from ..nlu.profile import stated
from ..nlu.understand import Understanding
from ..nlu.words import (
    ADVISOR_INTENTS,
    CHOOSING_WORDS,
    COMPARE,
    FILLER,
    GAP_ASKED,
    GENERIC_ROLE_WORDS,
    JOB_WORDS,
    NOT_COVERED,
    POSTING_ASPECTS,
    PROFILE_ADVICE,
    QUESTION_WORDS,
    REFERRING,
    ROLE_NOUNS,
    SELF_WORDS,
    SHORT_MESSAGE,
    SUPERLATIVE_WORDS,
    WEATHER_WORDS,
    asks_all,
)
from ..reply import Reply
from ..skills.crossrole import (
    render_ranking,
    render_roles_with,
)
from ..skills.responses import (
    Answer,
    render_clarify,
)
from ..skills.wording import ADVISOR_TEMPLATES, join_names
from .answering import Answering
from .state import Context

#: Words just before a role that make it the person's own job ("I'm a data engineer").
_OWN_JOB = frozenset("am i'm im as was been currently".split())

__all__ = ["Advising"]


#: Words that leave "anything in Berlin?" a question about postings there.
_BARE = frozenset({"anything", "something", "any", "what", "whats", "there", "near", "around"})
#: Words of a question about the featured postings as a whole ("your featured job listings").
_ALL_POSTINGS = frozenset({"your"})
#: Words for jobs on offer (not "job market", not "work").
_POSTING_NOUNS = frozenset(
    "jobs openings positions vacancies internships postings opening position vacancy internship posting".split()
)

#: ... and the words of a list of them ("in your list of job offers").
_LISTING_NOUNS = _POSTING_NOUNS | {"listing", "listings", "ads", "offers"}

#: Words that ask what is missing, as opposed to what a role needs ("what should I know for it?").
_GAP_WORDS = (GAP_ASKED - {"need", "needed"}) | {"still", "don't", "dont"}
#: Kinds of tools a question may ask for ("which programming languages should I know?").
_TOOL_KINDS = frozenset("languages language frameworks framework tools tool libraries library stack platforms platform programs apps".split())


#: "a research engineer one": a posting asked for, not one of those shown.
_INDEFINITE = (("a",), ("an",), ("any",))


class Advising(Answering):
    """The advisor's answers and the questions across the roles."""

    def _postings_follow_up(self, reading: PartReading, text: str, ctx: Context) -> tuple[Reply, Context] | None:
        """Right after postings: a question about those shown ("is that one remote?", "is the Occam
        one remote?") or for another role's ("is there a research engineer one too?")."""
        u = reading.understanding
        ref = reading.reference
        tokens = u.analysis.tokens
        # "is the research engineer one remote?": a posting named by its title, not the role.
        # ("is there a research engineer one too?" asks for another posting, not about those shown)
        titled = any(
            tokens[m.end : m.end + 1] in (("one",), ("job",), ("posting",)) and tokens[m.start - 1 : m.start] not in _INDEFINITE
            for m in u.analysis.mentions
        )
        # "what about pay there": "there" at the end points at the postings (not "is there ...").
        there = tokens[-1:] == ("there",) and tokens[-2:-1] not in (("is",), ("are",))
        # "who's the company?", "what company?": a short question about the company of the postings shown.
        aspect = len(tokens) <= 4 and "company" in tokens
        refers = there or aspect or not REFERRING.isdisjoint(tokens)
        if (
            ctx.postings and ctx.intent == "ask_salary"
            # "what level is that one?": about a posting just shown, whatever the wording suggests.
            and (u.intent in (None, "ask_salary") or titled or (
                not POSTING_ASPECTS.isdisjoint(tokens) and refers and len(tokens) <= 8
                and u.intent not in u.keyword_intents
            ) or (  # "does that one need you in an office?"
                ref is not None and ref.kind == "posting" and not POSTING_ASPECTS.isdisjoint(tokens)
            ))
            and (not u.analysis.roles or titled) and WEATHER_WORDS.isdisjoint(tokens)
            and (
                (ref is not None and ref.kind == "posting") or titled
                # "is it remote?", "the cloud consultant one, how much it pays?", not "my cousin says
                # the weather in Seattle is awful, is it?"
                or (refers and (len(tokens) <= 8 or not POSTING_ASPECTS.isdisjoint(tokens)))
            )
        ):
            # "is that one remote?", "is the Occam one remote?": about the postings just shown.
            return self._advise(
                "ask_salary", text, u, max(u.score, self._thresholds.with_role), ctx, among=ctx.postings,
                among_roles=u.analysis.roles if titled else (),
            )
        if (
            ctx.intent == "ask_salary" and u.intent in (None, NOT_COVERED, "ask_salary")
            and NOT_COVERED not in u.keyword_intents
            and any(tokens[m.end : m.end + 1] in (("one",), ("ones",)) for m in u.analysis.mentions)
        ):  # (after postings) "is there a research engineer one too?": that role's postings
            return self._advise("ask_salary", text, u, max(u.score, self._thresholds.with_role), ctx, roles=u.analysis.roles)
        return None

    def _asks_postings(self, text: str, u: Understanding, ctx: Context, *, places_only: bool = False) -> bool:
        """Whether a message the matcher did not place filters the featured postings: a place or
        company of a posting, or (right after postings were shown) remote, a level or internships
        (with ``places_only``, only a place or company counts)."""
        query = self._advisor.read_postings_query(text, u.analysis.tokens, (), context_roles=ctx.roles)
        after_postings = ctx.intent == "ask_salary" and bool(ctx.postings)
        if query.places or query.companies or query.regions:
            # "anything in Berlin?", "is anything open at Occam AI?", "only in US?" (not "will it snow
            # in Berlin?")
            tokens = u.analysis.tokens
            place_words = {w for p in (*query.places, *query.companies, *query.regions) for w in p.casefold().split()}
            bare = all(w in place_words or w in FILLER or w in QUESTION_WORDS or w in _BARE for w in tokens)
            # A follow-up filter is short ("and in Berlin?"); a longer message naming a posting's
            # town ("my cousin says the weather in Seattle is awful") is about something else.
            if not WEATHER_WORDS.isdisjoint(tokens) and JOB_WORDS.isdisjoint(tokens):
                return False  # "lol is it cold in berlin rn", even right after the Berlin postings
            return (after_postings and len(tokens) <= 7) or bare or not JOB_WORDS.isdisjoint(tokens)
        if query.unknown_places and not _POSTING_NOUNS.isdisjoint(u.analysis.tokens):
            return True  # "there is jobs for this in Kenya?": postings there (none, it will say)
        if places_only:
            return False
        filters = query.remote is not None or bool(query.levels) or query.internship is not None
        # "remote?" right after postings (or after pay, even when none was shown); "mid-level jobs
        # only please" at any time.
        # ... and "any remote ones?" (the jobs, in so many words) at any time.
        return filters and (
            ctx.intent == "ask_salary" or not JOB_WORDS.isdisjoint(u.analysis.tokens)
            or ("ones" in u.analysis.tokens and len(u.analysis.tokens) <= 5)
        )

    def titled_as(self, u: Understanding) -> tuple[str, ...]:
        """The featured postings whose title has a job the message names that is none of the five
        roles, when it asks for postings ("any postings for AI engineers?": the AI Engineer ones)."""
        tokens = u.analysis.tokens
        if (
            not u.analysis.other_occupations or u.intent not in (None, "ask_salary") or len(tokens) > SHORT_MESSAGE * 2
            or _LISTING_NOUNS.isdisjoint(tokens)
        ):
            return ()  # (not "... pairing with the data scientists ... an ML SWE position. What am I missing?")
        found: list[str] = []
        for job in u.analysis.other_occupations:
            words = tuple(w.removesuffix("s") for w in job.split())
            for posting in self._kb.postings:
                title = tuple(w.removesuffix("s") for w in tokenize(posting.title))
                if any(title[i : i + len(words)] == words for i in range(len(title) - len(words) + 1)):
                    found.append(posting.id)
        return tuple(dict.fromkeys(found))

    def advise_again(self, reading: PartReading, text: str, ctx: Context) -> tuple[Reply, Context]:
        """The last advice (a skill gap or a plan) again, for the role ``reading`` names ("and if
        I went the MLE route instead?")."""
        u = reading.understanding
        return self._advise(
            str(ctx.intent), text, u, max(u.score, self._thresholds.with_role), ctx,
            roles=u.analysis.roles, things=reading.things, again=True,
        )

    def _advise(
        self, intent: str, text: str, u: Understanding, score: float, ctx: Context,
        *, roles: tuple[str, ...] = (), things: Sequence[tuple[int, Thing]] = (), among: Sequence[str] = (),
        among_roles: tuple[str, ...] = (), again: bool = False,
    ) -> tuple[Reply, Context]:
        """Recommendation, skill gap, learning path and postings (``careerbot.skills.advisor``).

        ``roles``: the roles named or referred to; ``among``: only the postings just shown, of
        ``among_roles`` when given ("is the research engineer one remote?"); ``again``: the last
        advice asked again for another role ("and for MLE?")."""
        analysis = u.analysis
        tokens = analysis.tokens
        all_roles = tuple(self._kb.roles)
        wants_all = asks_all(tokens)
        if intent == "recommend_role":
            candidates = roles if len(roles) > 1 else ()
            if (
                len(roles) == 1 and ctx.roles and ctx.roles[0] not in roles and ("or" in tokens or "between" in tokens)
                and not {"that", "this", "it"}.isdisjoint(tokens)
            ):
                # (about a DSE) "which fits me better, that or ML engineer?", "between that and a plain
                # ML engineer, which fits a web dev better?"
                candidates = (ctx.roles[0], roles[0])
            if not candidates and not roles and ctx.intent == COMPARE and len(ctx.roles) == 2 and "better" in tokens:
                candidates = ctx.roles  # "DSE vs DE" "which is the better fit for me?": better of the two
            if not candidates and {"one", "them", "both", "either", "two"} & set(tokens):
                if len(ctx.roles) > 1:
                    candidates = ctx.roles  # "DE vs MLSWE ... which one should I pick if I love maths?"
                elif not roles and len(ctx.options) == 2:
                    # "what do MLREs and DEs do?" "what tools do the research ones use?" "which one fits
                    # me better?": the two of the list
                    candidates = ctx.options
            now, earlier = self._now_and_earlier(text, ctx)
            answer, best = self._advisor.recommend(now, tokens, candidates=candidates, earlier=earlier)
            if not best and len(candidates) == 2:
                # "ML SWE or MLRE for me?" from someone who has said nothing yet: ask, and compare them.
                reply, new_ctx = self.answer_compare(candidates, score, ctx, brief=True)
                names = join_names([self._kb.roles[r].name for r in candidates], "or")
                lead = ADVISOR_TEMPLATES["rec_none_between"].safe_substitute(names=names)
                reply = dataclasses.replace(reply, intent="recommend_role", text=f"{lead}\n\n{reply.text}")
                return reply, new_ctx.evolve(intent="recommend_role")
            if not best and not roles and GENERIC_ROLE_WORDS.isdisjoint(tokens) and not (
                ("one" in tokens or "which" in tokens) and (ctx.roles or ctx.turns > 0)
            ):
                # "recommend me a good movie": nothing about careers at all (but "which one is the most
                # friendly for someone like me" in a conversation is about the roles).
                return self._fallback(ctx, analysis, score)
            asked = self._asked_to_fit(u, roles) if not candidates else None
            if asked is not None:
                # "Would an ML research engineer role make sense for someone like me?": that role's fit.
                return self._fit_of(asked, answer, best, score, ctx)
            reply, new_ctx = self._recommendation(answer, best, score, ctx)
            if best and len(candidates) >= 2:
                # "DSE or data engineer, which fits me better?": the answer weighs both, the best first
                # (what follows is about the best one).
                reply = dataclasses.replace(reply, roles=tuple(dict.fromkeys((*reply.roles, *candidates))))
            return reply, new_ctx
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
            kinds = _TOOL_KINDS & set(tokens)
            if target and not again and not current and _GAP_WORDS.isdisjoint(tokens) and (kinds or not (have or lack)):
                # "which programming languages should I know for it?": a kind of tool asked for, or
                # what to know from someone who has said nothing they know or do: what the role
                # needs, not a gap.
                intent, topic = ("ask_tools", "tools") if kinds else ("ask_skills", "skills")
                return self._answer_topic(intent, topic, target, score, ctx, things=things, u=u)
            # (what they named that the articles never list: "Excel")
            unlisted = [n for n in ctx.profile.known if kb_things(n) is None]
            answer, about = self._advisor.gap_for(have, lack, target, current, unlisted=unlisted)
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
            answer = self._advisor.postings(text, tokens, among_roles, among=among)
        else:
            # "which companies show up in your featured job listings?": all of them, not the
            # conversation's roles (but "any featured postings for them?" is about those)
            every = not _ALL_POSTINGS.isdisjoint(tokens) and REFERRING.isdisjoint(tokens)
            answer = self._advisor.postings(
                text, tokens, roles or (all_roles if wants_all else ()), context_roles=() if every else ctx.roles,
                # "what's a DE paid?" ... "and the ml guys, same?": pay asked again
                pay=ctx.topic == "salary" and JOB_WORDS.isdisjoint(tokens),
            )
        used = tuple(answer.data["filters"]["roles"]) or (ctx.roles if among else ())
        reply = self.reply(answer, intent, score, used, "salary")
        shown = tuple(str(p["id"]) for p in answer.data.get("postings", ()))
        return reply, ctx.evolve(
            roles=used or ctx.roles, topic="salary", pending_topic=None, intent=intent, postings=shown[:20]
        )

    def _across_roles(
        self, u: Understanding, ctx: Context, roles: Sequence[str],
        things: Sequence[tuple[int, Thing]], referred: Sequence[str] = (),
    ) -> tuple[Reply, Context] | None:
        """Questions about the five roles at once: "which roles use Python?", "which role needs the
        least education?"; or about the roles ``referred`` to ("which of the two needs Spark?").
        ``None`` when the question is not one of those."""
        tokens = set(u.analysis.tokens)
        if roles or u.intent in PROFILE_ADVICE or not SELF_WORDS.isdisjoint(tokens):
            return None
        if not CHOOSING_WORDS.isdisjoint(tokens - {"which", "what"}):
            return None  # "which job fits someone who loves ETL?"
        among = tuple(referred) or (ctx.roles if ctx.roles and not REFERRING.isdisjoint(tokens) else ())
        words = u.analysis.tokens
        if len(among) == 1 and any(
            words[i : i + 2] == ("which", "of") and words[i + 2] in ("these", "those") and words[i + 3] in ROLE_NOUNS
            for i in range(len(words) - 3)
        ):
            # (about the DSE) "which of these jobs get hired by hospitals?": the roles, not the one
            among = ctx.options if 1 < len(ctx.options) < len(self._kb.roles) else ()
        elif len(among) == 1 and {"them", "those", "both", "two"} & tokens and ctx.pair:
            among = ctx.pair  # "DE?" "now an MLRE" "which of them needs the stronger math?"
        if among and not things:
            return None  # "which of them needs more schooling?": the roles in focus
        # "which roles use Python?", "which of them ...", "who uses Spark?", "what jobs need a PhD?"
        # (not "what tools do they use?").
        asks_which = "who" in tokens or any(
            (w == "which" and (nxt in ROLE_NOUNS or nxt == "of")) or (w == "what" and nxt in ROLE_NOUNS)
            for w, nxt in zip(words, words[1:])
        ) or ("which" in tokens and not ROLE_NOUNS.isdisjoint(tokens))
        # "do any of these roles use C++?", "does any of them need a PhD?", "both use C++?": yes or no.
        pair_asked = bool(things) and len(among) > 1 and not {"both", "either"}.isdisjoint(tokens)
        any_asked = bool(things) and any(
            w == "any" and (nxt in ROLE_NOUNS or (nxt == "of" and (bool(among) or not ROLE_NOUNS.isdisjoint(tokens))))
            for w, nxt in zip(words, words[1:])
        )
        # "is there a role here that actually uses Tableau?": which roles do.
        there_asked = bool(things) and (
            not {"use", "uses", "need", "needs", "require", "requires"}.isdisjoint(tokens)
            or all(t.kind == "industry" for _, t in things)
        ) and any(
            words[i] in ("is", "are") and words[i + 1] == "there" and not ROLE_NOUNS.isdisjoint(words[i + 2 : i + 5])
            for i in range(len(words) - 2)
        )
        # "is Python used in all five roles?", "do all the roles need SQL?": which of them do.
        all_asked = bool(things) and not among and asks_all(words) and self._yes_no(u)
        asks_which = asks_which or pair_asked or any_asked or there_asked or all_asked or (bool(referred) and "which" in tokens)
        if not asks_which:
            return None
        all_roles = tuple(self._kb.roles)
        # (the postings say no sector: "which of these jobs get hired by hospitals?" asks the articles)
        if things and (u.intent != "ask_salary" or all(t.kind == "industry" for _, t in things)):
            # "which roles use Python?", "which roles need a PhD?": a topic question across the roles.
            answer, having, topic = render_roles_with(self._kb, [thing for _, thing in things], among=among)
            intent = self._intents.intent_for_topic(topic) or COMPARE
            # "which of them needs a PhD?" is about the roles in focus, whichever the answer names;
            # when none of them has it ("do any of them work for robotics companies?"), about those
            # the answer names instead.
            found = having or (
                tuple(str(r) for r in answer.data.get("elsewhere", ()))
                # (not for "which of the two needs distributed computing?": neither of the two)
                if {"two", "2", "both", "either"}.isdisjoint(tokens) and (any_asked or "which" in tokens) else ()
            )
            reply = self.reply(answer, intent, max(u.score, 0.5), (among or having) if having else (found or among), topic)
            # (the two asked about stay in focus: "which of the two needs more maths?" "and their outlook?")
            focus = tuple(referred) if len(referred) > 1 else found or ctx.roles
            return reply, ctx.evolve(roles=focus, topic=topic, pending_topic=None, intent=intent)
        topic_intent = self._topic_from_keywords(u)
        if topic_intent is not None and topic_intent != "ask_salary" and not SUPERLATIVE_WORDS.isdisjoint(tokens):
            topic = str(self._intents.intents[topic_intent].topic)
            answer = render_ranking(self._kb, topic, all_roles)
            reply = self.reply(answer, COMPARE, max(u.score, 0.5), all_roles, topic)
            return reply, ctx.evolve(roles=all_roles, topic=topic, pending_topic=None, intent=COMPARE)
        return None

    def _fit_among(
        self, text: str, u: Understanding, ctx: Context, roles: Sequence[str], things: Sequence[tuple[int, Thing]]
    ) -> tuple[Reply, Context] | None:
        """"Where I fit better, data engineer or data science engineer?"; (about the DSE) "compared
        with a plain data engineer, which one fits me better?": a recommendation among those roles
        (the one in focus and the one named); ``None`` when the message asks no such thing."""
        if (
            not asks_which_fits(u.analysis.tokens) or u.intent in ADVISOR_INTENTS
            or "recommend_role" not in self._intents.intents or u.analysis.other_occupations
        ):
            return None
        among = tuple(roles)
        if len(among) == 1 and ctx.roles and ctx.roles[0] not in among:
            among = (ctx.roles[0], *among)
        elif not among and "which" in u.analysis.tokens:
            among = ctx.options[:2] if len(ctx.options) >= 2 else ctx.pair  # "so with my background, which one?"
        if len(among) < 2:
            return None
        return self._advise("recommend_role", text, u, max(u.score, 0.8), ctx, roles=among, things=things)

    def _which_roles_say(
        self, u: Understanding, intent: str, topic: str, score: float, ctx: Context
    ) -> tuple[Reply, Context] | None:
        """"Which role is working on natural language processing?": the roles whose points say it,
        when no named thing does; ``None`` when the question asks no "which role" or no point fits."""
        words = u.analysis.tokens
        if not any(w == "which" and nxt in ROLE_NOUNS for w, nxt in zip(words, words[1:])):
            return None
        return self._points_say(u, tuple(self._kb.roles), score, ctx, intent=intent, topic=topic)

    def _points_say(
        self, u: Understanding, roles: Sequence[str], score: float, ctx: Context,
        *, intent: str | None = None, topic: str | None = None, every: bool = False,
    ) -> tuple[Reply, Context] | None:
        """The roles among ``roles`` whose points answer the question, with those points (see
        :meth:`_specific_across`); the topic and intent are those of the points unless given.
        ``None`` when no point fits."""
        found = self._specific_across(u, roles, every=every)
        if found is None:
            return None
        topic = topic or str(found.data["points"][0]["topic"])
        intent = intent or self._intents.intent_for_topic(topic) or COMPARE
        having = tuple(found.data["roles"])
        reply = self.reply(found, intent, score, having, topic, found.suggestions)
        # (the roles asked about stay in focus when all of them were: "which one builds the pipelines?")
        return reply, ctx.evolve(roles=having if not every else ctx.roles, topic=topic, pending_topic=None, intent=intent)

    def _about_a_thing(self, u: Understanding) -> bool:
        """"how heavy is the maths?": a short question on a thing alone, mostly in the articles'
        words (not "can u do my maths homework", "whats a good laptop for ML")."""
        tokens = u.analysis.tokens
        if u.intent is not None or len(tokens) > 7 or u.analysis.other_occupations or not SELF_WORDS.isdisjoint(tokens):
            return False
        content = self._content(u)
        return bool(content) and 2 * len(self._points.unknown(content)) <= len(content)

    @staticmethod
    def _now_and_earlier(text: str, ctx: Context) -> tuple[str, str]:
        """What the person says now (``text`` and this message's other self-descriptions) and what
        they said about themselves in earlier messages."""
        now = [s for s in ctx.said_now if s not in text]
        earlier = [s for s in ctx.profile.statements if s not in text and s not in ctx.said_now]
        return " . ".join((*now, text)), " . ".join(earlier)

    @staticmethod
    def _asked_to_fit(u: Understanding, roles: Sequence[str]) -> str | None:
        """The one role a recommendation question asks about ("would DE suit me?"), not the
        person's own job ("I'm a data engineer, which role fits me?")."""
        if len(roles) != 1:
            return None
        tokens = u.analysis.tokens
        for m in u.analysis.mentions:
            if m.role == roles[0] and not _OWN_JOB.isdisjoint(tokens[max(0, m.start - 3) : m.start]):
                return None
        return roles[0]

    def _fit_of(
        self, asked: str, answer: Answer, best: tuple[str, ...], score: float, ctx: Context
    ) -> tuple[Reply, Context]:
        """The recommendation, led by how the role asked about fits (the ranking kept for later)."""
        name = self._kb.roles[asked].name
        if not best:
            lead = ADVISOR_TEMPLATES["fit_unknown"].safe_substitute(name=name)
        elif asked in best:
            lead = ADVISOR_TEMPLATES["fit_best"].safe_substitute(name=name)
        else:
            lead = ADVISOR_TEMPLATES["fit_other"].safe_substitute(
                name=name, best=join_names([self._kb.roles[r].name for r in best])
            )
        reply, new_ctx = self._recommendation(answer, best, score, ctx)
        reply = dataclasses.replace(reply, text=f"{lead}\n\n{reply.text}", roles=(asked,))
        return reply, new_ctx.evolve(roles=(asked,), options=())

    def _recommendation(
        self, answer: Answer, best: tuple[str, ...], score: float, ctx: Context
    ) -> tuple[Reply, Context]:
        intent = "recommend_role"
        if len(best) > 1 and len(ctx.roles) == 1 and ctx.roles[0] in best:
            # Two that fit as well, one of them the role talked about ("is this the right role for her
            # or would another one fit better?"): that one first, and it stays in focus. (After two
            # were compared, the better fit comes first.)
            best = (ctx.roles[0], *(r for r in best if r != ctx.roles[0]))
        reply = self.reply(answer, intent, score, best, None)
        if not best:
            return reply, ctx.evolve(pending_topic=None, intent=intent)
        # Follow-ups ("what degree would I need for that?") are about the best role; the whole
        # ranking is kept for "and the runner-up?".
        scores: Mapping[str, float] = answer.data.get("scores") or {}
        ranked = tuple(sorted((r for r in scores if scores[r] > 0), key=lambda r: -scores[r])) or best
        return reply, ctx.evolve(roles=best[:1], recommended=ranked, topic=None, pending_topic=None, intent=intent)
