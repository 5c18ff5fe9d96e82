"""Comparisons chosen for a question: when a question asks how roles compare, and which roles and
which topic its comparison is of ("the two - how are they different overall?", "compare that with a
data science engineer" after their tools, "how is that diff from a data engineer and an ML engineer").

:class:`Comparing` is the part of the question policy for comparisons;
:class:`~careerbot.dialogue.questions.Questions` builds on it.
"""

from __future__ import annotations

from ..nlu.understand import Understanding
from ..nlu.words import (
    ADVISOR_INTENTS,
    BRIEF_WORDS,
    CHOICE_WORDS,
    COMPARE,
    DIFFERENCE_WORDS,
    EVERYTHING_WORDS,
    GENERIC_ROLE_WORDS,
    REFERRING,
)
from ..reply import Reply
from .resolving import Resolving
from .state import Context

__all__ = ["CARRIED_COMPARISONS", "Comparing"]

#: Topics whose list "compare that with X" compares when it follows their answer.
CARRIED_COMPARISONS = frozenset({"tools", "skills"})


class Comparing(Resolving):
    """Decides whether a question compares roles, and which. Immutable after construction."""

    def _compare_asked(self, u: Understanding, intent: str, roles: tuple[str, ...], ctx: Context) -> str:
        """``intent``, or a comparison when the question weighs roles against each other in words
        its intent's examples lack ("should I become a DE or an MLE?")."""
        tokens = set(u.analysis.tokens)
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
        return intent

    def _comparison(
        self, u: Understanding, roles: tuple[str, ...], score: float, ctx: Context, *, wants_all: bool
    ) -> tuple[Reply, Context]:
        """The answer to a comparison: of the roles named, those in focus, or all five (``wants_all``);
        of one topic when the question or the answer before it names one."""
        analysis, tokens, all_roles = u.analysis, set(u.analysis.tokens), tuple(self._kb.roles)
        chosen = roles
        if wants_all:
            chosen = all_roles
        elif len(roles) == 1 and ctx.roles:
            chosen = tuple(dict.fromkeys((*ctx.roles, *roles)))
        elif (
            len(roles) > 1 and ctx.roles and ctx.roles[0] not in roles and not {"that", "it", "this"}.isdisjoint(tokens)
            and not DIFFERENCE_WORDS.isdisjoint(tokens) and not analysis.other_occupations
        ):
            # (about a DSE) "how is that diff from a data engineer and an ML engineer": all three.
            chosen = (ctx.roles[0], *roles)
        elif not roles:
            chosen = ctx.roles
            if len(chosen) < 2 and ctx.pair and not REFERRING.isdisjoint(tokens):
                chosen = ctx.pair  # "DE tools?" "and MLE?" "main difference between them?"
        if not chosen and not GENERIC_ROLE_WORDS & tokens:
            # "difference between git merge and rebase": a comparison of nothing careerbot knows.
            return self._fallback(ctx, analysis, score)
        if len(chosen) == 1 and DIFFERENCE_WORDS.isdisjoint(tokens) and GENERIC_ROLE_WORDS.isdisjoint(tokens):
            # "what is data engineer doing exactly, it is similar like backend?": like something
            # that is none of the roles; what the one role is.
            return self._answer_topic("ask_definition", "definition", chosen, score, ctx, u=u)
        if len(chosen) < 2:
            chosen = tuple(dict.fromkeys((*chosen, *all_roles)))
        topic_intent = self._topic_from_keywords(u)
        if (
            topic_intent is None and len(roles) == 1 and ctx.topic in CARRIED_COMPARISONS
            and ctx.intent == self._intents.intent_for_topic(ctx.topic)
            and DIFFERENCE_WORDS.isdisjoint(tokens - {"compare"}) and GENERIC_ROLE_WORDS.isdisjoint(tokens)
        ):
            # "compare that with a data science engineer" after their tools compares the tools;
            # "how's that different from ...", "compare that role to ..." compare the roles.
            topic_intent = self._intents.intent_for_topic(str(ctx.topic))
        if topic_intent is not None and self._intents.intents[topic_intent].topic == "definition":
            # "can you explain how they differ?": the comparison opens with what each one is anyway
            topic_intent = None
        if topic_intent is not None:
            topic = self._intents.intents[topic_intent].topic
            return self._answer_topic(topic_intent, str(topic), chosen, score, ctx)
        everything = bool(EVERYTHING_WORDS & tokens) or (wants_all and len(chosen) == len(all_roles))
        brief = not everything and not BRIEF_WORDS.isdisjoint(tokens)
        return self.answer_compare(chosen, score, ctx, everything=everything, brief=brief)

