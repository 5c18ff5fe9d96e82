"""References back to the conversation resolved against its state: "the second one", "the two",
"the research side", "the ML one" (:func:`careerbot.nlu.references.find_reference` says what the
words refer to; :class:`Resolving` says which roles that is in this conversation); and a short
follow-up naming a kind of tool ("and cloud?"), answered for the roles in focus; and "tell me more",
which expands the last answer."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..data.knowledge import ROLE_TOPICS
from ..nlu.cues import comparative
from ..nlu.normalize import tokenize
from ..nlu.parse import PartReading
from ..nlu.references import NAMED_NOUNS
from ..nlu.words import (
    COMPARE,
    EXPAND_FILLER,
    EXPAND_WORDS,
    FILLER,
    FOLLOW_UP_FILLER,
    REFERRING,
    ROLE_NOUNS,
    SELF_WORDS,
)
from ..reply import Reply
from ..skills.facts import render_category, render_quotes
from ..skills.wording import TEMPLATES, join_names
from .advising import Advising
from .state import Context

__all__ = ["Resolving"]

#: Words that may go with a category of tools in a follow-up ("and the cloud part, which providers?").
_CATEGORY_NOUNS = frozenset(
    "tools tool stuff part side providers provider platforms platform services vendors options ones which what kind kinds".split()
)

#: Words of a role that suits someone ("which one suits someone who likes building systems more").
_FIT_WORDS = frozenset("suit suits suited fit fits fitting".split())


class Resolving(Advising):
    """Resolves references for the question policy, and short follow-ups naming a kind of tool
    ("and cloud?"). Immutable after construction."""

    def resolve(self, reading: PartReading, ctx: Context) -> tuple[tuple[str, ...], frozenset[str]]:
        """The roles ``reading`` refers back to (see :meth:`_resolve`), for the rest of its message."""
        return self._resolve(reading, ctx)

    def _resolve(self, reading: PartReading, ctx: Context) -> tuple[tuple[str, ...], frozenset[str]]:
        """The roles a reference back points at ("the second one", "the two", "the research side"),
        and the words that made the reference; nothing when the question names its roles."""
        ref = reading.reference
        if reading.understanding.analysis.roles:
            return (), frozenset()
        if ref is None:
            return (
                self._option_named(reading, ctx) or self._these_listed(reading, ctx) or self._together(reading, ctx)
                or self._which_more(reading, ctx)
            ), frozenset()
        words = frozenset(reading.understanding.analysis.tokens[ref.start : ref.end])
        # The last list shown, else the roles talked about in turn ("DE?" "and the MLE?" "the first one").
        options = ctx.options or (ctx.roles if len(ctx.roles) > 1 else ctx.pair) or ctx.roles
        roles: tuple[str, ...] = ()
        if ref.kind == "side" and ref.role is not None:
            roles = (ref.role,)
        elif ref.kind == "named":
            roles = self._option_named(reading, ctx)
        elif ref.kind == "pair":
            # "the two": the top two of a recommendation, the two just compared, or the last two asked about.
            if ref.index == 3 and (len(ctx.options) >= 3 or len(ctx.recent) >= 3):
                # "which of those three needs the most maths?": the last three listed, or talked about
                roles = ctx.options[:3] if len(ctx.options) >= 3 else ctx.recent[:3]
            elif ctx.intent == "recommend_role" and len(ctx.options) >= 2:
                roles = ctx.options[:2]
            else:
                roles = ctx.pair
        elif ref.kind == "ordinal" and -len(options) <= ref.index < len(options):
            roles = (options[ref.index],)
        elif ref.kind == "other":
            rest = [r for r in options if r not in ctx.roles[:1]]
            if not rest:
                # "torn between MLE and DSE" ... "ok but for the other one?": the other role they aim
                # at, or the one talked about before.
                rest = [r for r in (*ctx.profile.targets, *ctx.recent) if r not in ctx.roles[:1]]
            roles = tuple(rest[:1])
        elif ref.kind == "posting" and ref.name is None and not ctx.postings and len(ctx.roles) > 1 and "one" in words:
            # "MLE vs MLRE" ... "does that one need a doctorate?": the one talked about last.
            roles = ctx.roles[-1:]
        return roles, words

    @property
    def role_ids(self) -> tuple[str, ...]:
        """Every role's id, in the order the list of roles shows them."""
        return tuple(self._kb.roles)

    def name_keys(self, roles: Sequence[str]) -> frozenset[str]:
        """The keys (:func:`~careerbot.nlu.keys.word_key`) of the words of these roles' names."""
        if len(roles) == 1:
            return self._name_keys.get(roles[0], frozenset())
        return frozenset(k for r in roles for k in self._name_keys.get(r, ()))

    def name_words(self, roles: Sequence[str]) -> frozenset[str]:
        """The words of these roles' names and short names ("machine", "learning", "ml")."""
        return frozenset(w for r in roles for w in self._name_words.get(r, ()))

    @staticmethod
    def _together(reading: PartReading, ctx: Context) -> tuple[str, ...]:
        """"do they work together?" with one role in focus: that one and the one talked about
        before it (one role does not work together)."""
        tokens = reading.understanding.analysis.tokens
        if len(ctx.roles) != 1 or len(ctx.pair) != 2 or {"they", "them"}.isdisjoint(tokens):
            return ()
        together = "together" in tokens or any(a == "each" and b == "other" for a, b in zip(tokens, tokens[1:]))
        return ctx.pair if together else ()

    @staticmethod
    def _which_more(reading: PartReading, ctx: Context) -> tuple[str, ...]:
        """"which one needs more maths?", "which of those pays more?" with one role in focus after
        another: the two talked about in turn, weighed against each other."""
        tokens = reading.understanding.analysis.tokens
        if len(ctx.roles) != 1 or len(ctx.pair) != 2 or tokens[:1] != ("which",) or tokens[1:2] not in (("one",), ("1",), ("of",)):
            return ()
        if not SELF_WORDS.isdisjoint(tokens) or not _FIT_WORDS.isdisjoint(tokens):
            return ()  # "which 1 suits me beter then": a recommendation
        return ctx.pair if any(comparative(t) for t in tokens[2:]) else ()

    @staticmethod
    def _these_listed(reading: PartReading, ctx: Context) -> tuple[str, ...]:
        """"which of these jobs has something to do with robots?" after the list of roles, with no
        role in focus: that list (the roles in focus are the conversation's anyway)."""
        if ctx.roles or ctx.postings or len(ctx.options) < 2:
            return ()
        tokens = reading.understanding.analysis.tokens
        these = any(t in ("these", "those") and nxt in ROLE_NOUNS for t, nxt in zip(tokens, tokens[1:]))
        return ctx.options if these else ()

    def _option_named(self, reading: PartReading, ctx: Context) -> tuple[str, ...]:
        """"the ML one", "the data one": the one role of the last list, or else of the roles talked
        about in turn ("what is an MLE?" "and the DE job?" "the machine learning one"), whose name has
        that word."""
        tokens = reading.understanding.analysis.tokens
        options = ctx.options or (ctx.roles if len(ctx.roles) > 1 else ctx.recent)
        named = [t for t, nxt in zip(tokens, tokens[1:]) if nxt in NAMED_NOUNS]
        if len(options) >= 2:
            for token in named:
                having = [r for r in options if token in self._name_words.get(r, ())]
                if len(having) == 1:
                    return (having[0],)
        if reading.reference is None or reading.reference.kind != "named":
            return ()
        # Not one of the roles in question ("whats a DE paid" ... "and the ml guys, same?"): the role
        # whose name is that word and the head noun alone (the ML engineer of "the ml guys").
        for token in named:
            sizes = {
                r: len(self._kb.roles[r].name.split()) for r in self.role_ids if token in self._name_words.get(r, ())
            }
            plain = [r for r, n in sizes.items() if n == min(sizes.values())]
            if len(plain) == 1:
                return (plain[0],)
        return ()

    def _tool_category(self, tokens: Sequence[str]) -> str | None:
        """The category of tools a short follow-up names on its own ("and cloud?", "what about
        databases?"), or ``None``."""
        words = [
            t for t in tokens
            if t not in FILLER and t not in FOLLOW_UP_FILLER and t not in REFERRING and t not in _CATEGORY_NOUNS
        ]
        if not words or len(tokens) > 7:
            return None
        asked = " ".join(words)
        for category in self._tool_categories:
            if asked in (category, category.rstrip("s")):
                return category
        return None

    def _category_reply(self, category: str, roles: Sequence[str], score: float, ctx: Context) -> tuple[Reply, Context]:
        """That kind of tool for the roles ("and cloud?"), or their whole tools answer when the
        articles list none of that kind for them."""
        answer = render_category(self._kb, roles, category)
        if answer is None:
            reply, new_ctx = self._answer_topic("ask_tools", "tools", roles, max(score, 0.5), ctx)
            plural = join_names([self._kb.roles[r].plural for r in roles])
            none = TEMPLATES["category_none"].safe_substitute(category=category, plural=plural)
            return dataclasses.replace(reply, text=f"{none}\n\n{reply.text}"), new_ctx
        reply = self.reply(answer, "ask_tools", max(score, 0.5), roles, "tools")
        return reply, ctx.evolve(roles=tuple(roles), topic="tools", pending_topic=None, intent="ask_tools")

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
