"""The policy for one question: which answer it gets, and how the conversation's state moves on.

:class:`Questions` is the half of the policy that answers a single question (a whole message or
one part of it): it resolves references back to the conversation ("they", "the second one"),
chooses the kind of answer (topic, comparison, advice, postings, small talk, "the articles don't
say", fallback) and calls the skill that renders it. :class:`~careerbot.dialogue.policy.Policy`
is the other half, for the message as a whole.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..data.knowledge import Thing
from ..nlu.cues import (
    asks_best_use,
    comparative,
    credential_at,
    others_named,
    sectors_worked_in,
    speakers_own,
)
from ..nlu.parse import PartReading
from ..nlu.understand import Understanding
from ..nlu.words import (
    ADVISOR_FOLLOW_UPS,
    ADVISOR_INTENTS,
    CHOOSING_WORDS,
    COMPARATIVE_WORDS,
    COMPARE,
    GENERIC_ROLE_WORDS,
    GOING_ON,
    NEED_WORDS,
    NOT_COVERED,
    REFERRING,
    SELF_WORDS,
    SMALL_TALK,
    SOFT_OPENERS,
    SOURCE_WORDS,
    TOOL_VERBS,
    WEATHER_WORDS,
    WH_WORDS,
    WORKING_LIFE,
    YES_NO_OPENERS,
    asks_all,
    says_likes,
)
from ..reply import FALLBACK, Reply
from ..skills.crossrole import LISTED_KINDS, topic_of_kind
from ..skills.responses import (
    render_clarify,
    render_list_roles,
    render_small_talk,
    render_sources,
    render_uncovered,
)
from ..skills.specific import render_applications
from .comparing import Comparing
from .follow_up import asks_what_it_is, content_words
from .state import Context

__all__ = ["Questions"]

#: Topics of a question that may name what a role does in a sector ("do MLEs do churn prediction?").
_APPLIED = frozenset({"projects", "industries", "responsibilities", "definition"})


#: The share of a role question's content words the articles never use that makes it one they
#: don't answer (when no intent is clear).
UNKNOWN_SHARE = 0.6
#: How close to the "articles don't say" examples a question in a conversation about a role must be
#: (when nothing else fits and the articles use none of its words) to be answered that way.
NEAR_NOT_COVERED = 0.2


#: Words of a gap someone has ("what are they missing?", "a candidate who knows SQL").
_NO_ONES_GAP = frozenset("missing miss gap gaps lack lacking knows has have candidate".split())


#: Answers to an aside that leave the conversation's roles in focus ("where's all this from btw").
_KEEPS_FOCUS = SMALL_TALK | {FALLBACK, "ask_sources", "list_roles"}


#: Words that may end a question after the tool it names ("do they use Snowflake too?").
_TRAILING = frozenset("too also at all much still ever or and as well".split())


def _on_what_was_told(tokens: Sequence[str]) -> Sequence[str]:
    """The words after "given / based on / with what I told you", which then asks on that ground;
    nothing when no such words open the question."""
    for i in range(len(tokens) - 3):
        if tokens[i] in ("given", "on", "with", "from") and tokens[i + 1 : i + 3] == ("what", "i") and tokens[i + 3] in ("told", "said"):
            return tokens[i + 4 :]
    return ()


class Questions(Comparing):
    """Answers one question. Immutable after construction; safe to share across threads."""

    def single(self, reading: PartReading, text: str, ctx: Context) -> tuple[Reply, Context]:
        """The answer to one question (a whole message, or one part of it)."""
        if reading.aside and not reading.understanding.analysis.roles and ctx.roles:
            # "unrelated, but what's the best payroll software?": not about the roles in focus,
            # which the conversation keeps when the aside is out of scope.
            reply, new_ctx = self._single(reading, text, ctx.evolve(roles=(), topic=None, pending_topic=None))
            # (and so does one answered by small talk: "where's all this from btw")
            return (reply, ctx) if reply.intent in _KEEPS_FOCUS else (reply, new_ctx)
        return self._single(reading, text, ctx)

    def _single(self, reading: PartReading, text: str, ctx: Context) -> tuple[Reply, Context]:
        expanded = self._expand_last(reading, text, ctx)
        if expanded is not None:
            return expanded
        u = reading.understanding
        follow = self._postings_follow_up(reading, text, ctx)
        if follow is not None:
            return follow
        titled_as = self.titled_as(u)
        if titled_as:
            # "any postings for AI engineers?": a job none of the five roles is, in postings' titles
            return self._advise("ask_salary", text, u, max(u.score, self._thresholds.with_role), ctx, among=titled_as)
        # ... and so does a guess of outlook without its words ("there is jobs for this in Kenya?").
        guessed = u.intent == "ask_outlook" and u.intent not in u.keyword_intents
        if (u.intent is None or guessed) and not u.analysis.roles and self._asks_postings(
            text, u, ctx, places_only=guessed
        ):
            # "remote?", "senior ones only", "anything in Berlin?": a filter on the featured postings
            # (on those just shown, when the message refers back to them).
            among = ctx.postings if not REFERRING.isdisjoint(u.analysis.tokens) else ()
            return self._advise(
                "ask_salary", text, u, max(u.score, self._thresholds.with_role), ctx, roles=ctx.roles, among=among
            )
        referred, ref_words = self._resolve(reading, ctx)
        # Words careerbot does not know matter only for a yes/no tool question about a role
        # ("do DEs use Snowflake?"); the vocabulary is not even built otherwise.
        words = u.analysis.tokens
        # ... or about the role in focus, in a short question naming the tool right after its verb
        # ("do they use Snowflake?"; not any unknown word near "they": "do they wear a disguise?").
        pronoun = not u.analysis.roles and bool(ctx.roles) and not REFERRING.isdisjoint(words) and len(words) <= 8
        asks_tool = (bool(u.analysis.roles) or pronoun) and not reading.things and self._yes_no(u)
        # (not any word the articles lack: "is keeping an eye on models part of the job?")
        unknown = self._unlisted_words(reading, pronoun=pronoun) if asks_tool else ()
        # "is the PMP certification worth it?": a credential named by a word careerbot does not know
        credential = credential_at(words)
        unlisted_credential = bool(credential) and not set(credential).isdisjoint(reading.unknown)
        reply, new_ctx = self._decide(
            text, u, ctx, things=reading.things, referred=referred, ref_words=ref_words, unknown=unknown,
            unlisted_credential=unlisted_credential,
        )
        others = others_named(u.analysis.tokens, u.analysis.other_occupations)
        if others and reply.roles and reply.intent not in ADVISOR_INTENTS and reply.intent != FALLBACK and (
            reply.topic != "works_with"  # ("do they work together, or is a data scientist in between?")
        ):
            # "is being a doctor better than being a DE?": answer the covered role, name the other job.
            note = render_uncovered(self._kb, others).text
            reply = dataclasses.replace(reply, text=f"{note}\n\n{reply.text}")
        return reply, new_ctx

    @staticmethod
    def _unlisted_words(reading: PartReading, *, pronoun: bool) -> tuple[str, ...]:
        """The words of a yes/no tool question that name a tool careerbot does not know, as written:
        one written like a name ("Snowflake") or near "use", "know", ... ("use dbt"). About the role
        in focus (``pronoun``), the word ends the question after its verb: the thing used, not a
        kind of thing ("do they use charting tools?", "do they need to know HIPAA regulations?")."""
        words, unknown = reading.understanding.analysis.tokens, reading.unknown
        if pronoun:
            found = (
                i for i in unknown
                if not TOOL_VERBS.isdisjoint(words[max(0, i - 4) : i])
                and all(j in unknown or w in _TRAILING for j, w in enumerate(words[i + 1 :], i + 1))
            )
        else:
            found = (
                i for i in unknown
                if reading.surface(i)[:1].isupper() or not TOOL_VERBS.isdisjoint(words[max(0, i - 2) : i + 3])
            )
        return tuple(dict.fromkeys(reading.surface(i) for i in found))

    def _applications(
        self, u: Understanding, intent: str | None, role: str, ctx: Context, score: float,
        things: Sequence[tuple[int, Thing]],
    ) -> tuple[Reply, Context] | None:
        """A question naming what the articles list for a role in a sector ("do they do churn
        prediction?"): those sectors, as the answer on projects (or industries, when asked)."""
        # (not "what other industries do they work in", nor a sector named: "do MLREs work on self-driving cars?")
        if not {"other", "else", "besides"}.isdisjoint(u.analysis.tokens) or any(t.kind == "industry" for _, t in things):
            return None
        found = self._points.applications(role, u.analysis.tokens, lambda: self._content(u), skip=self._mention_words(u))
        if not found:
            return None
        topic = "industries" if intent is not None and self._intents.intents[intent].topic == "industries" else "projects"
        answer = render_applications(self._kb, role, found, topic)
        found_as = (self._intents.intent_for_topic(topic) or "ask_projects", topic, answer)
        reply, new_ctx = self._specific_reply(found_as, (role,), max(score, 0.5), ctx)
        # (what the question named, for "and ML software engineers?" next; else the sectors)
        named = tuple(t.id for _, t in things) or tuple(t for a in found for t in a.hit.point.things)
        return reply, new_ctx.evolve(things=named)

    def _decide(
        self, text: str, u: Understanding, ctx: Context,
        *, things: Sequence[tuple[int, Thing]] = (),
        referred: tuple[str, ...] = (), ref_words: frozenset[str] = frozenset(),
        unknown: tuple[str, ...] = (), unlisted_credential: bool = False,
    ) -> tuple[Reply, Context]:
        """Choose and render the answer for an understood message.

        ``referred``: the roles a reference back points at, when the message names none;
        ``unknown``: words careerbot does not know, as written (names the articles never use);
        ``unlisted_credential``: a credential is named by such a word ("the PMP certification")."""
        analysis, intent, score = u.analysis, u.intent, u.score
        roles = analysis.roles or referred
        if (
            len(analysis.roles) == 1 and not referred and ctx.roles and ctx.roles[0] not in roles
            and COMPARE in u.keyword_intents and intent not in (None, COMPARE)
            and not {"they", "them", "their", "theirs", "it", "its", "that", "this"}.isdisjoint(analysis.tokens)
        ):
            # (about the MLRE) "how does their outlook stack up against data engineers'?": the role
            # talked about, weighed against the one named, on the topic asked.
            roles = (ctx.roles[0], *roles)
        if "homework" in analysis.tokens and not analysis.roles:
            # "my roommate wants help with his calculus homework, can you solve an integral?": their task
            return self._fallback(ctx, analysis, score)
        if intent not in ADVISOR_INTENTS and asks_best_use(analysis.tokens) and "recommend_role" in self._intents.intents:
            # "Which of these jobs would make the most use of her maths?": which role suits what she has
            return self._advise("recommend_role", text, u, max(score, self._thresholds.with_role), ctx, roles=roles, things=things)
        fit = self._fit_among(text, u, ctx, roles, things)
        if fit is not None:
            return fit  # "Where I fit better, data engineer or data science engineer?"
        all_roles = tuple(self._kb.roles)
        content_named = any(self._intents.intents[n].topic for n in u.keyword_intents)
        # ("which of these roles needs Tableau?", "which of the two needs that?": among the roles
        # referred to; "do both of them need SQL?" is answered for each below)
        if len(referred) > 1 and "which" in analysis.tokens:
            across = self._across_roles(u, ctx, analysis.roles, things, referred)
        elif len(analysis.roles) > 1 and "which" in analysis.tokens and things:
            across = self._across_roles(u, ctx, (), things, analysis.roles)  # "between DSEs and MLREs, which one needs Tableau?"
        else:
            across = self._across_roles(u, ctx, roles, things)
        if across is not None:
            return across
        if intent is None and not roles and ctx.roles and not things:
            category = self._tool_category(analysis.tokens)
            if category:
                # "what ETL tools do they use" ... "and cloud?": that kind of tool, for the same roles.
                return self._category_reply(category, ctx.roles, score, ctx)
        if (
            intent is not None and self._intents.intents[intent].topic not in (None, "salary") and not analysis.roles
            and not referred and ctx.roles and score < self._thresholds.accept
            and REFERRING.isdisjoint(analysis.tokens)
            and not asks_all(analysis.tokens) and intent not in u.phrased  # (not "will there still be jobs ...")
            and not (intent in u.keyword_intents and len(analysis.tokens) <= 4)  # (not "which frameworks specifically")
            # (about oneself only when no keyword says what: "how do i bake bread", not "who would I
            # end up working with?")
            and (SELF_WORDS.isdisjoint(analysis.tokens) or not u.keyword_intents)
            and self._unanswerable(u, things, UNKNOWN_SHARE)
        ):
            # "need a recipe for a team lunch, anything easy?" in a conversation about DEs: a topic
            # word ("team") and the conversation's role, but mostly words the articles never use.
            return self._fallback(ctx, analysis, score)
        content = content_words(
            u, roles=roles, referred=bool(referred), ref_words=ref_words,
            name_keys=self.name_keys(analysis.roles), topic_named=content_named,
        )
        if not roles and not content and "same" in analysis.tokens and ctx.roles and not things:
            roles = ctx.roles  # "same question" (after "forget what I told you", say): the last question again

        if roles and not content and asks_what_it_is(u):
            # "what's a data engineer?" asks what the role is, whatever was asked before.
            return self._answer_topic("ask_definition", "definition", roles, max(score, 0.9), ctx)
        if roles and not content:
            # A bare role answers a pending advisor question or continues a roadmap or pay answer.
            if ctx.intent in ADVISOR_INTENTS and (
                ctx.pending_topic is not None or ctx.intent in ADVISOR_FOLLOW_UPS
            ):
                return self._advise(ctx.intent, text, u, 0.9, ctx, roles=roles, things=things, again=True)
            # A bare role: answers a pending question, or switches role keeping the topic.
            topic = ctx.pending_topic or ctx.topic
            if topic is not None and (topic != "differences" or len(roles) > 1):
                intent_name = self._intents.intent_for_topic(topic) or COMPARE
                if topic == "differences":
                    return self.answer_compare(roles, 0.9, ctx)
                # "do they use Jenkins?" ... "same for MLREs": the same things, for the new role.
                same = [(0, self._kb.things[t]) for t in ctx.things if t in self._kb.things]
                return self._answer_topic(intent_name, topic, roles, 0.9, ctx, things=same)
            if len(roles) > 1:
                return self.answer_compare(roles, 0.9, ctx)
            return self._answer_topic("ask_definition", "definition", roles, 0.9, ctx)

        # The roles asked about: those named or referred to, else those in focus for "they", "it", ...
        focus = roles or (ctx.roles if not REFERRING.isdisjoint(analysis.tokens) else ())
        # (about the role in focus: "do they work on fraud detection?")
        applied_to = focus if roles or intent not in (None, NOT_COVERED) else ()
        if len(applied_to) == 1 and (intent in (None, NOT_COVERED) or self._intents.intents[intent].topic in _APPLIED) and (
            applied := self._applications(u, intent, applied_to[0], ctx, score, things)
        ):
            return applied  # "do they do stuff like customer segmentation or churn?"
        if unknown and not things and intent in (None, "ask_tools", "ask_skills", "skill_gap"):
            asked = [w for w in analysis.tokens if w not in SOFT_OPENERS]
            if asked and asked[0] in YES_NO_OPENERS and not TOOL_VERBS.isdisjoint(analysis.tokens):
                # "do data engineers use Snowflake?": a tool the articles never name (with no role
                # named, "do they use Snowflake?", the roles in focus).
                return self._unlisted(unknown, roles or ctx.roles, score, ctx)
        if intent is None and analysis.roles and not content_named and self._unanswerable(u, things, UNKNOWN_SHARE):
            # "are MLEs on call on weekends?", "do MLEs get visa sponsorship if they move to Germany?":
            # about a role, but mostly about things the articles never mention (and no intent fits).
            return self._not_covered(u, ctx, roles)
        if intent is None and roles and u.ranking and score >= self._thresholds.with_role:
            # A named role makes the question in scope; an ambiguous intent is settled towards a topic:
            # "how do X and Y compare in terms of skills" is a comparison of skills.
            top = [name for name, value in u.ranking if value >= score - self._thresholds.margin]
            topical = [n for n in top if self._intents.intents[n].topic not in (None, "differences")]
            intent = topical[0] if topical and COMPARE in top else top[0]

        # A guess resting on the conversation alone ("Postgres is in the list?" read as pay).
        guessed = intent is None or (
            score < self._thresholds.accept and intent not in u.keyword_intents
            and self._intents.intents[intent].topic is not None
        )
        tool_named = any(thing.kind in ("tool", "language") for _, thing in things)
        if guessed and not roles and ctx.roles and (
            not REFERRING.isdisjoint(analysis.tokens) or not GOING_ON.isdisjoint(analysis.tokens) or tool_named
            or self._about_a_thing(u)
        ):
            listed = [t for _, t in things if t.kind in LISTED_KINDS] + [t for _, t in sectors_worked_in(u.analysis.tokens, things)]
            if listed:
                # "do they use Jenkins?", "do they work on cars?": the roles in focus, the thing's topic
                topic = self._thing_topic(u, listed[0], ctx.roles)
                return self._answer_topic(
                    self._intents.intent_for_topic(topic) or "ask_tools", topic, ctx.roles, score, ctx, things=things, u=u
                )
        if intent is None and not roles and ctx.roles and self._unanswerable(u, things):
            near = [name for name, value in u.ranking[:2] if value >= NEAR_NOT_COVERED]
            refers = not {"it", "they", "them", "their"}.isdisjoint(analysis.tokens)
            # (a near guess needs a word of working life or of the role: not "whats the weather gonna be
            # tomorrow lol my station is offline")
            about_work = NOT_COVERED in u.keyword_intents or refers or not (
                WORKING_LIFE.isdisjoint(analysis.tokens) and GENERIC_ROLE_WORDS.isdisjoint(analysis.tokens)
            )
            # (and the weather is none: "is it going to rain for the garden this weekend?")
            about_work = about_work and WEATHER_WORDS.isdisjoint(analysis.tokens)
            if (NOT_COVERED in near and about_work) or (refers and self._yes_no(u) and not NEED_WORDS.isdisjoint(analysis.tokens)):
                # "is there an age limit?" in a conversation about a role, "does he need to be good
                # at writing English for it?": the articles don't say.
                return self._not_covered(u, ctx, roles)
        if intent is None and len(focus) == 1 and u.ranking and not analysis.roles and not things and not analysis.other_occupations:
            # "do they do data quality checks too?" about the role in focus: a point of theirs.
            found = self._specific(u, u.ranking[0][0], focus[0])
            if found is not None:
                return self._specific_reply(found, focus, score, ctx)  # (searched once)
        if (
            intent is None and not analysis.roles and not things and len(ctx.roles) >= 2
            and not {"which", "who"}.isdisjoint(analysis.tokens)
            and COMPARATIVE_WORDS.isdisjoint(analysis.tokens) and not any(comparative(t) for t in analysis.tokens)
        ):  # (not "which of the two is more about visualization?": how they compare)
            # (about DEs and DSEs) "Which one builds the pipelines?", "who builds them?": each one's points
            each_says = self._points_say(u, ctx.roles, score, ctx, every=True)
            if each_says is not None:
                return each_says
        if intent is None:
            listed = [thing for _, thing in things if thing.kind in LISTED_KINDS]
            if len(roles) > 1 and listed and self._yes_no(u):
                # "both use C++?", "do both of them need SQL?": whether the articles list it for each.
                thing_topic = self._thing_topic(u, listed[0], roles)
                return self._answer_topic(
                    self._intents.intent_for_topic(thing_topic) or "ask_tools", thing_topic, roles, score, ctx,
                    things=things, u=u,
                )
            if roles:
                topic = ctx.topic if ctx.topic and ctx.topic != "differences" else None
                if len(roles) > 1 and not COMPARATIVE_WORDS.isdisjoint(analysis.tokens):
                    topic = None  # "the two, which one is more math heavy?"
                if len(roles) > 1 and topic is None:
                    return self.answer_compare(roles, score, ctx)
                sectors = sectors_worked_in(u.analysis.tokens, things)
                # ("do ML software engineers work on autonomous vehicles?": their industries)
                topic = "industries" if sectors and len(roles) == 1 else topic or "definition"
                return self._answer_topic(
                    self._intents.intent_for_topic(topic) or "ask_definition", topic, roles, score, ctx,
                    u=u, things=sectors if sectors and topic == "industries" else [
                        (i, t) for i, t in things if t.kind in ("tool", "language")
                    ],
                )
            words = set(analysis.tokens)
            if "which" in words and len(ctx.pair) == 2 and SELF_WORDS.isdisjoint(words) and (
                {"them", "those", "two"} & words
                or (len(analysis.tokens) <= 5 and any(comparative(t) for t in analysis.tokens))
            ):
                # "which of them does more of the actual analysis?", "wich is cooler tbh": how the two compare.
                return self.answer_compare(ctx.pair, score, ctx)
            choosing = bool(GENERIC_ROLE_WORDS & words and CHOOSING_WORDS & words)
            interests = says_likes(analysis.tokens)
            if (choosing or interests) and not analysis.other_occupations and "recommend_role" in self._intents.intents:
                # "Docker and Kubernetes excite me, which role should I pick?", "I like building
                # dashboards": worded unlike the examples, but it asks for a role or tells what the
                # person likes, and names things the roles are known for.
                now, earlier = self._now_and_earlier(text, ctx)
                answer, best = self._advisor.recommend(now, analysis.tokens, earlier=earlier)
                if best:
                    return self._recommendation(answer, best, score, ctx)
            if len(ctx.roles) == 1 and not REFERRING.isdisjoint(words) and (
                applied := self._applications(u, intent, ctx.roles[0], ctx, score, things)
            ):
                return applied  # (about DSEs) "do they do stuff like customer segmentation or churn?"
            return self._fallback(ctx, analysis, score)

        if intent == "profile" and (after := _on_what_was_told(analysis.tokens)) and not WH_WORDS.isdisjoint(after):
            # "Given what I told you about her statistics degree, what should she still learn?": advice
            # from the profile, not the profile itself.
            intent = "recommend_role" if not {"fit", "fits", "suit", "suits", "which"}.isdisjoint(after) else "skill_gap"
        if intent == "profile":
            return self._profile(u, ctx)
        if intent in SMALL_TALK:
            if intent in ("goodbye", "thanks") and {"goodbye", "thanks"} <= u.keyword_intents:
                return self.thanks_and_goodbye(score), ctx  # "ok thx bye"
            return self.reply(render_small_talk(self._kb, intent), intent, score, (), None), ctx
        own = NOT_COVERED in u.keyword_intents  # "visa", "how long does it take": never in the articles
        if roles and intent in ("ask_education", NOT_COVERED) and unlisted_credential:
            # "is the PMP certification worth getting for MLEs?", "would actuarial exams be recognised
            # as certifications?": one the articles never name
            return self._not_covered(u, ctx, roles)
        if intent == NOT_COVERED and things and roles and not own:
            # "do ML software engineers work in autonomous vehicles?": a named thing they cover.
            intent = self._intents.intent_for_topic(topic_of_kind(things[0][1].kind)) or intent
        if (
            intent == NOT_COVERED and not roles and not ctx.roles and GENERIC_ROLE_WORDS.isdisjoint(analysis.tokens)
            and WORKING_LIFE.isdisjoint(analysis.tokens)  # (not "would an employer pay for my certifications?")
        ):
            # "how long does it take to cook rice?": nothing about careers at all.
            return self._fallback(ctx, analysis, score)
        if intent == NOT_COVERED:
            named = None if own else self._topic_from_keywords(u)
            if named is None:
                return self._not_covered(u, ctx, roles)
            intent = named  # "what do ML software engineers get paid": pay is a topic they cover
        if intent == "list_roles":
            return self.reply(render_list_roles(self._kb), intent, score, (), None), ctx
        if intent == "ask_sources" and analysis.roles:
            # "do ML SWEs ever come from physics?": the fields; "what do the articles show for DEs?": what they say
            if any(t.kind == "field" for _, t in things):
                intent = "ask_education"
            elif SOURCE_WORDS.isdisjoint(analysis.tokens):
                intent = "ask_definition"
        if intent == "ask_sources":
            return self.reply(render_sources(self._kb), intent, score, (), None), ctx

        # "I'm a data analyst, which role fits me?" is a recommendation, not an uncovered job.
        if intent == "recommend_role":
            return self._advise(intent, text, u, score, ctx, roles=roles, things=things)

        if not roles and analysis.other_occupations and not (ctx.roles and not REFERRING.isdisjoint(analysis.tokens)) and not (
            speakers_own(analysis.tokens, analysis.other_occupations)  # ("I'm a retired accountant trying to ...")
        ):
            return self._fallback(ctx, analysis, score)

        if intent == "skill_gap" and SELF_WORDS.isdisjoint(analysis.tokens) and not {"they", "them", "their"}.isdisjoint(
            analysis.tokens
        ) and _NO_ONES_GAP.isdisjoint(analysis.tokens):
            # "what else do they need to know": their skills, nobody's gap (not "our candidate knows
            # SQL, what are they missing?")
            intent = "ask_skills"
        listed = [thing for _, thing in things if thing.kind in LISTED_KINDS]
        if (
            intent == "skill_gap" and roles and listed and self._yes_no(u)
            and {"missing", "miss", "gap", "gaps", "else", "lack", "lacking"}.isdisjoint(analysis.tokens)
        ):
            # "I know already Java, is useful for data engineer?": whether the articles list it.
            topic = self._thing_topic(u, listed[0], roles)
            intent = self._intents.intent_for_topic(topic) or intent
        if intent in ADVISOR_INTENTS:
            return self._advise(intent, text, u, score, ctx, roles=roles, things=things)

        tokens = set(analysis.tokens)
        intent = self._compare_asked(u, intent, roles, ctx)
        if intent == "ask_definition" and not roles and not ctx.roles and GENERIC_ROLE_WORDS.isdisjoint(tokens):
            # "what's the meaning of life": a definition of nothing careerbot knows.
            return self._fallback(ctx, analysis, score)

        wants_all = asks_all(analysis.tokens)
        if intent == COMPARE and len(roles) == 1 and analysis.other_occupations and not ctx.roles:
            # "data scientist vs data engineer": only one side is covered; describe it (the note is added above).
            return self._answer_topic("ask_definition", "definition", roles, score, ctx)
        if intent == COMPARE:
            return self._comparison(u, roles, score, ctx, wants_all=wants_all)

        if intent == "ask_outlook" and len(analysis.tokens) <= 10 and sectors_worked_in(analysis.tokens, things):
            intent = "ask_industries"  # "are DSEs in demand in healthcare?": whether that sector is theirs
        spec = self._intents.intents[intent]
        topic = spec.topic
        if topic is None:
            topic = "definition"
        chosen = roles or (all_roles if wants_all else ctx.roles)
        said = None if chosen else self._which_roles_say(u, intent, topic, score, ctx)
        if said is not None:
            return said  # "Which role is working on natural language processing?"
        if not chosen:
            answer = render_clarify(self._kb, topic)
            reply = self.reply(answer, intent, score, (), topic)
            return reply, ctx.evolve(pending_topic=topic, topic=topic, intent=intent)
        return self._answer_topic(intent, topic, chosen, score, ctx, things=things, u=u)
