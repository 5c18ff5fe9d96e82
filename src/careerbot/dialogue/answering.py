"""Rendering one answer for the policy: a reply from an answer, a topic, a comparison, the points
that answer a specific question, "the articles don't say", the fallback.

:class:`Answering` holds what every answer needs (the knowledge base, the intents, the thresholds,
the point index and the advisor, both built on first use); :class:`~careerbot.dialogue.advising.Advising`
adds the advisor's answers and :class:`~careerbot.dialogue.questions.Questions` the decisions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from functools import lru_cache, partial
from typing import TYPE_CHECKING, TypeVar

from ..data.intents import IntentSet
from ..data.knowledge import KnowledgeBase, Thing
from ..lazy import Lazy
from ..nlu.clauses import asks_yes_no, before_like_me, before_or_else, either_or
from ..nlu.cues import asks_against, asks_which, has_to, others_named, unsaid_subject
from ..nlu.entities import Analysis
from ..nlu.keys import word_key
from ..nlu.normalize import tokenize
from ..nlu.understand import Thresholds, Understanding
from ..nlu.words import (
    COMPARE,
    COMPARE_TOPICS,
    FORGET_WORDS,
    NEED_WORDS,
    NOT_COVERED,
    WIDE_COMPARE_TOPICS,
)
from ..reply import FALLBACK, Reply
from ..skills.crossrole import (
    CERTIFICATION_WORDS,
    LISTED_KINDS,
    points_naming,
    render_kind_elsewhere,
    render_listed,
    render_unlisted,
    thing_topic,
)
from ..skills.profile import render_profile
from ..skills.responses import (
    Answer,
    render_compare,
    render_fallback,
    render_not_covered,
    render_small_talk,
    render_topic,
    render_uncovered,
)
from ..skills.retrieve import Hit, PointIndex, content_keys
from ..skills.specific import render_specific, render_specific_across
from ..skills.wording import TEMPLATES, topic_question
from .state import Context, Profile

if TYPE_CHECKING:
    from ..skills.advisor import Advisor

__all__ = ["Answering"]

_Self = TypeVar("_Self", bound="Answering")


def _advisor(kb: KnowledgeBase, plain_words: Sequence[str]) -> Advisor:
    from ..skills.advisor import Advisor  # imported on first use, like it is built

    return Advisor(kb, plain_words=plain_words)


#: Words of an industries question that name no sector ("which companies hire them?").
_SECTOR_FRAME = frozenset(word_key(w) for w in (
    "industry industries sector sectors company companies firm firms business businesses employer employers "
    "hire hires hiring hired work works working field fields area areas kind kinds type types place places"
).split())

class Answering:
    """What every answer needs, and the answers of one topic, comparison or point. Immutable after
    construction; safe to share across threads."""

    def __init__(self, kb: KnowledgeBase, intents: IntentSet, thresholds: Thresholds) -> None:
        self._kb = kb
        self._intents = intents
        self._thresholds = thresholds
        # Built on first use, so a one-off `careerbot ask` pays only for what it needs: the points
        # for specific questions, the advisor for recommendations, gaps, paths, postings and tables.
        self._point_index: Lazy[PointIndex] = Lazy(partial(PointIndex, kb))
        # (English words near one of the advisor's words are no typos of it: "freaking" is not "creating")
        self._advisor_lazy: Lazy[Advisor] = Lazy(partial(_advisor, kb, intents.lookups.get("plain_word", ())))
        #: The categories of tools ("cloud", "databases"), for "and cloud?" after a tools answer.
        self._tool_categories = tuple(dict.fromkeys(
            t.category for t in kb.things.values() if t.kind in ("tool", "language") and t.category
        ))
        # The words of each role's name and short names ("ml", "research", "data"), for "the ML one".
        self._name_words = {
            rid: frozenset(t for name in (role.name, *role.aliases) for t in tokenize(name)) for rid, role in kb.roles.items()
        }
        self._name_keys = {rid: frozenset(map(word_key, words)) for rid, words in self._name_words.items()}
        # The answers of a topic and of a comparison depend on the knowledge base alone: each is
        # rendered once and kept (bounded; lru_cache is thread-safe). Their data is copied per reply.
        self._topic_answer = lru_cache(maxsize=512)(self._render_topic)
        self._compare_answer = lru_cache(maxsize=256)(self._render_compare)
        # Words that name a topic ("skills", "responsibilities"): a question made of them asks the topic.
        self._topic_keys = frozenset(
            word_key(k.casefold()) for spec in intents.intents.values() if spec.topic
            for k in spec.keywords if len(tokenize(k)) == 1
        )

    # Pickled (by the start-up cache) without the kept answers, which are made anew.
    def __getstate__(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k not in ("_topic_answer", "_compare_answer")}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._topic_answer = lru_cache(maxsize=512)(self._render_topic)
        self._compare_answer = lru_cache(maxsize=256)(self._render_compare)

    def _render_topic(self, roles: tuple[str, ...], topic: str) -> Answer:
        return render_topic(self._kb, roles, topic)

    def _render_compare(self, roles: tuple[str, ...], brief: bool) -> Answer:
        return render_compare(self._kb, roles, COMPARE_TOPICS, brief=brief)

    @property
    def _advisor(self) -> Advisor:
        return self._advisor_lazy.get()

    @property
    def _points(self) -> PointIndex:
        return self._point_index.get()

    def prepare(self) -> None:
        """Build now what is otherwise built on first use (before the bot is cached)."""
        self._point_index.get()
        self._advisor_lazy.get()

    def with_thresholds(self: _Self, thresholds: Thresholds) -> _Self:
        """The same policy with other thresholds (sharing the advisor once built)."""
        import copy

        clone = copy.copy(self)
        clone._thresholds = thresholds
        return clone

    def thanks_and_goodbye(self, score: float) -> Reply:
        """"ok thx bye": thanks, then goodbye, in one reply of two parts."""
        thanks, bye = render_small_talk(self._kb, "thanks"), render_small_talk(self._kb, "goodbye")
        answer = dataclasses.replace(thanks, text=f"{thanks.text} {bye.text}", data={
            "kind": "parts",
            "parts": [
                {"intent": name, "roles": [], "topic": None, "data": part.data}
                for name, part in (("thanks", thanks), ("goodbye", bye))
            ],
        })
        return self.reply(answer, "thanks", score, (), None)

    def _not_covered(self, u: Understanding, ctx: Context, roles: Sequence[str] = ()) -> tuple[Reply, Context]:
        """A question about the roles that the articles don't answer: say so, and what is nearest
        (about ``roles``, the ones a reference points at, else those named or in focus)."""
        roles = u.analysis.roles or tuple(roles) or ctx.roles
        nearest = next(
            (
                self._intents.intents[name].topic for name, value in u.ranking[1:]
                if self._intents.intents[name].topic not in (None, "differences")
                and value >= self._thresholds.with_role
            ),
            None,
        )
        answer = render_not_covered(self._kb, roles, nearest, subject=unsaid_subject(u.analysis.tokens))
        return self.reply(answer, NOT_COVERED, u.score, roles, None), ctx.evolve(
            roles=roles or ctx.roles, pending_topic=None, intent=NOT_COVERED
        )

    def _profile(self, u: Understanding, ctx: Context) -> tuple[Reply, Context]:
        """"What do you know about me?" and "forget what I told you"."""
        if FORGET_WORDS & set(u.analysis.tokens):
            answer = render_profile(self._kb, None)
            return self.reply(answer, "profile", u.score, (), None), ctx.evolve(profile=Profile())
        return self.reply(render_profile(self._kb, ctx.profile), "profile", u.score, (), None), ctx

    def greet(self, ctx: Context) -> tuple[Reply, Context]:
        """The greeting small talk (for a greeting the matcher missed, "hi, I'm Dana")."""
        return self.reply(render_small_talk(self._kb, "greet"), "greet", 0.5, (), None), ctx

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
            data=answer.copied_data(),
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
        answer = self._topic_answer(tuple(roles), "tools")
        note = render_unlisted(self._kb, roles, names)
        answer = dataclasses.replace(answer, text=f"{note}\n\n{answer.text}", data={**answer.data, "unlisted": list(names)})
        reply = self.reply(answer, "ask_tools", max(score, self._thresholds.with_role), roles, "tools")
        return reply, ctx.evolve(roles=tuple(roles), topic="tools", pending_topic=None, intent="ask_tools")

    @staticmethod
    def _yes_no(u: Understanding) -> bool:
        return asks_yes_no(u.analysis.tokens, question_mark=u.analysis.question_mark)

    @staticmethod
    def _mention_words(u: Understanding) -> set[str]:
        """The words of the role names the question mentions ("data", "engineers")."""
        tokens = u.analysis.tokens
        return {t for m in u.analysis.mentions for t in tokens[m.start : m.end]}

    def _content(self, u: Understanding) -> list[str]:
        """The question's content words (keys), without role names, topic words and framing."""
        tokens = u.analysis.tokens
        inside = self._mention_words(u)
        if all(k in self._topic_keys for k in content_keys(tokens, inside)):
            return []  # "what tools does a DE use?": nothing to look up (and no index to build)
        content = self._content_of(tokens, inside)
        # The question is before "or is that ..." ("Do they own data quality, or is that somebody else's
        # problem?") and the person's own comparison ("..., rather like I check catalogue records?")
        first = before_or_else(tokens) or before_like_me(tokens)
        return (self._content_of(first, inside) or content) if first is not None else content

    def _content_of(self, tokens: Sequence[str], inside: set[str]) -> list[str]:
        """The content words (keys) of ``tokens``, without the words ``inside`` role names and topic words."""
        return [k for k in self._points.content(tokens, skip=inside) if k not in self._topic_keys]

    def _sector_named(self, u: Understanding) -> bool:
        """Whether an industries question names a sector of its own ("sports teams", "insurance"):
        content words besides the topic's, a hiring word and the knowledge base's industries."""
        return not set(content_keys(u.analysis.tokens, self._mention_words(u))) <= _SECTOR_FRAME

    def _unanswerable(self, u: Understanding, things: Sequence[tuple[int, Thing]], share: float = 1.0) -> bool:
        """Whether at least ``share`` of the question's content words are words no point of the
        articles uses ("visa", "sponsorship", "weekends")."""
        content = self._content(u)
        if not content or things:
            return False
        # The topic's own words count as known ones ("indicate which academic qualifications are
        # customary" is half known; "a recipe for a team lunch" is not).
        topical = sum(k in self._topic_keys for k in content_keys(u.analysis.tokens, self._mention_words(u)))
        return len(self._points.unknown(content)) >= share * (len(content) + topical)

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
        found = self._points.search((role,), content, limit=4, min_score=0.55 if yes_no else 0.7)
        if not found and yes_no and (options := either_or(u.analysis.tokens)):
            # "do they analyze the data themselves or just prepare it for others?": either option's points
            inside = self._mention_words(u)
            found = self._points.search_any((role,), [self._content_of(o, inside) for o in options], min_score=0.55)
        if len(content) >= 4:
            # (one short word of four or more is no match: "plays video games all night, is that
            # bad?" is not "the roles play ..."; "production" in "... or is it pure research" is)
            found = [h for h in found if len(h.matched) >= 2 or (h.matched and len(h.matched[0]) >= 6)]
        if not found:
            return None
        best = found[0]
        # The two best, but the topic's own points are looked for among four.
        # (what a role is answers after a close point of what it does: "do MLEs test their models?")
        close = sorted((h for h in found if h.score >= best.score - 0.15), key=lambda h: h.topic == "definition")
        hits = close[:2]
        topic = hits[0].topic
        if keyword and self._intents.intents[intent].topic is not None:
            named = str(self._intents.intents[intent].topic)  # only that topic's points answer it
            in_topic = [h for h in close if h.topic == named][:2]
            if not in_topic and (best.score < 0.9 or (intent in u.keyword_intents and len(best.matched) < 2)):
                # one word in common is not enough against the topic's own keyword ("stay" in
                # demand is not "stay" updated)
                return None
            # A near-certain point elsewhere ("do DEs deal with data security?" is matched to
            # "who they work with" by "deal with") answers better than the whole topic.
            hits = in_topic or hits
            topic = hits[0].topic
        if topic == "outlook":  # its figures differ in period and scope: shown together, never one alone
            return self._intents.intent_for_topic(topic) or intent, topic, self._topic_answer((role,), topic)
        # (two of three words is enough: "responsible for monitoring models after they're deployed?")
        sure = best.score >= 0.75 or (best.score >= 0.6 and len(best.matched) >= 2)
        answer = render_specific(self._kb, role, hits, yes=yes_no and sure and not asks_which(u.analysis.tokens))
        return self._intents.intent_for_topic(topic) or intent, topic, answer

    def _specific_across(self, u: Understanding, roles: Sequence[str], *, every: bool = False) -> Answer | None:
        """A yes/no question asked across roles whose points some roles have and others not ("do
        any of these roles work on natural language processing?"); ``None`` when none do, or all
        do (unless ``every``: "which one builds the pipelines?" of two that both do)."""
        content = self._content(u)
        if not content:
            return None
        # (two of its words in common, or its only one: not "show" alone in "Does MATLAB show up")
        enough = min(2, len(content))
        found = [
            (r, hits) for r in roles
            if (hits := [h for h in self._points.search((r,), content, limit=2, min_score=0.75) if len(h.matched) >= enough])
        ]
        if not found or (len(found) == len(roles) and not every):
            return None
        found_roles = {r for r, _ in found}
        return render_specific_across(self._kb, found, [r for r in roles if r not in found_roles])

    def _specific_reply(
        self, found: tuple[str, str, Answer], roles: Sequence[str], confidence: float, ctx: Context
    ) -> tuple[Reply, Context]:
        """The reply with a specific question's points (:meth:`_specific`'s result)."""
        intent, topic, specific = found
        reply = self.reply(specific, intent, confidence, roles, topic, specific.suggestions)
        return reply, ctx.evolve(roles=tuple(roles), topic=topic, pending_topic=None, intent=intent)

    def _thing_topic(self, u: Understanding, thing: Thing, roles: Sequence[str] = ()) -> str:
        """The topic a question about ``thing`` asks (:func:`~careerbot.skills.crossrole.thing_topic`)."""
        return thing_topic(self._kb, u.analysis.tokens, thing, roles)

    def _thing_points(self, role_id: str, things: Sequence[Thing]) -> list[Hit]:
        """The role's points that name one of ``things`` (at most two, in topic order)."""
        ids = {t.id for t in things}
        named = points_naming(self._kb.roles[role_id], lambda found: not ids.isdisjoint(found), skip=("differences",))
        return [
            Hit(role_id, topic, point, 1.0, tuple(t.name for t in things if t.id in point.things))
            for topic, point in named[:2]
        ]

    def _answer_topic(
        self, intent: str, topic: str, roles: Sequence[str], confidence: float, ctx: Context,
        *, things: Sequence[tuple[int, Thing]] = (), u: Understanding | None = None,
    ) -> tuple[Reply, Context]:
        listed = [thing for _, thing in things if thing.kind in LISTED_KINDS]
        # A tool named outright ("Talend"), not a one-letter word that may be one ("what r their duties").
        words = u.analysis.tokens if u is not None else ()
        affirm = not asks_against(words)  # (no "Yes" to "is Java kinda useless for them?")
        tools = [
            thing for pos, thing in things
            if thing.kind in ("tool", "language") and (
                not (pos < len(words) and len(words[pos]) == 1) or "too" in words[pos + 1 : pos + 3]
            )  # (but "what about MLEs, R too?" names R)
        ]
        if (
            u is not None and listed and topic not in ("tools", "skills", "education", "industries")
            and intent not in u.keyword_intents and (tools or self._yes_no(u) or (  # (or a topic guessed from
                # wording: "how heavy is the maths side of things for MLEs?", not "r they like mad scientists")
                u.score < self._thresholds.accept and topic not in ("definition", "responsibilities")))
        ):
            # "is SQL a big deal for data engineering?", "what do they deploy with? docker?": whether
            # the articles list it for them.
            topic = self._thing_topic(u, (tools or listed)[0], roles)
            intent = self._intents.intent_for_topic(topic) or intent
        # "do DSEs work in sports analytics?": a sector, which the articles may not name for them.
        sector = u is not None and bool(listed) and listed[0].kind == "field" and (
            self._thing_topic(u, listed[0], roles) == "industries"
        )
        if sector:
            listed = []
            topic, intent = "industries", self._intents.intent_for_topic("industries") or intent
        if u is not None and len(roles) == 1 and listed and self._yes_no(u) and not (
            intent in u.keyword_intents and self._intents.intents[intent].topic in ("tools", "skills", "education")
        ):
            # "is SQL a big deal for data engineering?": yes, and the points that name it, not the whole list.
            hits = self._thing_points(roles[0], listed)
            if listed[0].kind == "field" and self._thing_topic(u, listed[0], roles) == "skills" and all(
                h.topic != "skills" for h in hits
            ):
                # "is maths important for ML engineers?": their skills (statistics, probability), not
                # the degree that names mathematics
                return self._answer_topic("ask_skills", "skills", roles, confidence, ctx)
            if hits:
                answer = render_specific(
                    self._kb, roles[0], hits, yes=True, lead=render_listed(self._kb, roles, listed, yes=affirm)
                )
                # About a tool, a skill, a degree: that topic, wherever the points are filed.
                topic = self._thing_topic(u, listed[0], roles)
                intent = self._intents.intent_for_topic(topic) or intent
                reply = self.reply(answer, intent, confidence, roles, topic, answer.suggestions)
                return reply, ctx.evolve(
                    roles=tuple(roles), topic=topic, pending_topic=None, intent=intent,
                    things=tuple(t.id for t in listed),
                )
        silent = False
        if u is not None and len(roles) == 1 and topic != "salary" and not things:
            found = self._specific(u, intent, roles[0])
            if found is not None:
                return self._specific_reply(found, roles, confidence, ctx)
            # "does a DSE need to be good at public speaking?": a yes/no need question on words no
            # point of theirs uses (two at least) is one the articles don't answer; then the topic.
            content = self._content(u)
            silent = (
                topic in ("skills", "education") and self._yes_no(u) and len(content) >= 2
                and len(u.analysis.tokens) <= 12  # (one short question, not a message with more in it)
                and (not NEED_WORDS.isdisjoint(u.analysis.tokens) or has_to(u.analysis.tokens))
                and not self._points.search((roles[0],), content, limit=1, min_score=0.45)
            )
        if u is not None and len(roles) > 1 and topic != "salary" and not things and self._yes_no(u):
            across = self._specific_across(u, roles)
            if across is not None:
                # (about the roles that have it: "what else do they build?" goes on with those)
                having = tuple(across.data["roles"])
                reply = self.reply(across, intent, confidence, having, topic, across.suggestions)
                return reply, ctx.evolve(roles=having, topic=topic, pending_topic=None, intent=intent)
        answer = self._topic_answer(tuple(roles), topic)
        kinds = LISTED_KINDS if topic in ("tools", "skills") else {"industry"} if topic == "industries" else set()
        named = [thing for _, thing in things if thing.kind in kinds]
        if named:
            # A yes/no question about a tool gets its answer first, then the list.
            listed_line = render_listed(self._kb, roles, named, yes=u is None or (self._yes_no(u) and affirm))
            # (asked of three roles or more, "is Python used in all five roles?": that answer alone)
            whole = "" if len(roles) > 2 and u is not None and self._yes_no(u) else "\n\n" + answer.text
            answer = dataclasses.replace(answer, text=listed_line + whole)
        elif u is not None and topic == "industries" and len(roles) == 1 and self._yes_no(u) and answer.text and (
            sector or self._sector_named(u)
        ) and self._kb.roles[roles[0]].topic("industries"):  # (the articles' silence says it for DEs)
            # "do they work in insurance at all?": a sector the articles do not name for them.
            role = self._kb.roles[roles[0]]
            unnamed = TEMPLATES["sector_unnamed"].safe_substitute(plural=role.plural)
            answer = dataclasses.replace(answer, text=f"{unnamed}\n\n{answer.text}")
        elif u is not None and topic == "education" and not CERTIFICATION_WORDS.isdisjoint(u.analysis.tokens):
            # "are certifications worth getting?" for a role whose articles name none: say so first.
            said, sources = render_kind_elsewhere(self._kb, roles, "certification", "certifications", topic)
            if said:
                answer = dataclasses.replace(
                    answer, text=f"{said}\n\n{answer.text}",
                    source_ids=tuple(dict.fromkeys((*answer.source_ids, *sources))),
                )
        if silent:
            unsaid = TEMPLATES["need_unsaid"].safe_substitute(plural=self._kb.roles[roles[0]].plural)
            answer = dataclasses.replace(answer, text=f"{unsaid}\n\n{answer.text}")
        reply = self.reply(answer, intent, confidence, roles, topic, self._topic_suggestions(roles, topic))
        return reply, ctx.evolve(
            roles=tuple(roles), topic=topic, pending_topic=None, intent=intent, things=tuple(t.id for t in named)
        )

    def answer_compare(
        self, roles: Sequence[str], confidence: float, ctx: Context, *, everything: bool = False,
        brief: bool = False,
    ) -> tuple[Reply, Context]:
        """Two roles: overview and key differences. Three or more: a table of the main topics.
        ``everything`` (a table, all topics, all five roles): every topic, salary included;
        ``brief`` ("the main difference?"): two roles' stated differences and overview only."""
        if everything:
            answer = self._advisor.compare_table(roles, ())
        elif len(roles) > 2:
            answer = self._advisor.compare_table(roles, WIDE_COMPARE_TOPICS)
        else:
            answer = self._compare_answer(tuple(roles), brief)
        reply = self.reply(answer, COMPARE, confidence, roles, "differences")
        return reply, ctx.evolve(roles=tuple(roles), topic="differences", pending_topic=None, intent=COMPARE)

    def _fallback(self, ctx: Context, analysis: Analysis, score: float) -> tuple[Reply, Context]:
        asked = others_named(analysis.tokens, analysis.other_occupations)
        if asked:
            answer = render_uncovered(self._kb, asked)  # (not the speaker's own job)
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

