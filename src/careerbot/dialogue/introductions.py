"""What the person says about themselves: remembered, acknowledged, and noted before an answer.

:class:`Introductions` is the part of the policy for messages about the person ("backend developer
here, six years of Java"): it adds what they say to the session's profile, answers a message that
only tells about them with what was understood and the next steps, and starts an answer to a message
that also asks something with what was noted. :class:`~careerbot.dialogue.policy.Policy` calls it.
"""

from __future__ import annotations

import dataclasses
import re

from ..data.knowledge import KnowledgeBase
from ..nlu.parse import Parse
from ..nlu.parts import introduces_speaker
from ..nlu.words import ADVICE_ASKED, NOT_COVERED, PROFILE_ADVICE
from ..reply import FALLBACK, Reply
from ..skills.profile import render_introduced, render_noted
from .questions import Questions
from .state import Context

__all__ = ["Introductions"]


class Introductions:
    """Remembers and acknowledges what a message says about the person. Immutable; safe to share."""

    def __init__(self, kb: KnowledgeBase, questions: Questions) -> None:
        self._kb = kb
        self._q = questions

    @staticmethod
    def introduces(parse: Parse) -> bool:
        """Whether a message about the person asks nothing, not even for advice ("yo im 16 and i like coding
        little games in python", "my son loves computers, I'm trying to help him choose a path")."""
        u, words = parse.whole.understanding, parse.whole.understanding.analysis.tokens
        # ... more than what they like ("I like building dashboards" asks which role fits): a
        # greeting, or what they know or have done.
        told = "greet" in u.keyword_intents or any(r.known or r.background or r.current for r in parse.self_readings)
        asked = any(w in ADVICE_ASKED and not (w == "which" and nxt in ("is", "was")) for w, nxt in zip(words, (*words[1:], "")))
        return told and bool(parse.about_self) and "?" not in parse.text and not asked  # (not "..., which is how I ...")


    def remember(self, parse: Parse, ctx: Context) -> Context:
        """The context with what the message says about the person added to their profile."""
        profile = ctx.profile
        said: list[str] = []
        for part in parse.about_self:
            r = part.profile
            if r is None or r.empty:
                continue
            profile = profile.merged(
                known=r.known, not_known=r.not_known, background=r.background,
                current=r.current, targets=r.targets, statement=part.text, likes=r.likes,
            )
            said.append(part.text)
        if profile is ctx.profile:
            return ctx.evolve(said_now=()) if ctx.said_now else ctx
        return ctx.evolve(profile=profile, said_now=tuple(said))

    def introduced(self, parse: Parse, ctx: Context, *, told: bool = False) -> tuple[Reply, Context]:
        """A message that only tells about the person: say what was understood, offer next steps
        (``told``: it is about them even when nothing in it is noted, "my son loves computers")."""
        readings = parse.self_readings
        if not readings and not told:
            reply, new_ctx = self._q.single(parse.whole, parse.text, ctx)
            if reply.intent == FALLBACK and "greet" in parse.whole.understanding.keyword_intents:
                return self._q.greet(ctx)  # "hi, I'm Dana": a greeting with a name
            about_them = (
                reply.intent == FALLBACK and any(introduces_speaker(p.part.text) for p in parse.parts)
                and not parse.whole.understanding.analysis.other_occupations  # (not "i want to be an electrician")
            )
            # "hello, I do Kaggle comps on weekends, day job is accounts payable": all about them, asking
            # nothing, so no "the articles don't say that" either.
            # "hello, i work data entry at a hospital billing office": nothing is asked, whatever the
            # answer found ("entry" is no question about entry-level postings)
            unasked = parse.whole.understanding.intent is None and reply.intent not in (NOT_COVERED, FALLBACK)
            about_them = about_them or (
                (reply.intent in (NOT_COVERED, FALLBACK) or unasked)
                and "?" not in parse.text and not parse.roles
                and len(parse.about_self) == len(parse.parts) and not parse.whole.understanding.analysis.other_occupations
                # (a fallback only when they say who they are: not "got a good recipe for banana
                # bread", "I will decide later")
                and (
                    unasked or reply.intent == NOT_COVERED
                    or bool(_WHO_I_AM.search(" ".join(parse.whole.understanding.analysis.tokens)))
                )
            )
            # ("CTO at a 10-person fintech startup here.": about them, though nothing in it is noted)
            if not about_them and (reply.intent != "recommend_role" or not self.introduces(parse)):
                return reply, new_ctx
        answer = render_introduced(self._kb, readings, ctx.profile)
        targets = ctx.profile.targets[-1:]
        # ("Kenji here, tech recruiter. Hiring for an ML software engineer.": the role the next questions are about)
        named = parse.roles[:1] if len(parse.roles) == 1 and parse.roles[0] not in ctx.profile.current else ()
        next_ctx = ctx.evolve(roles=targets or named or ctx.roles, pending_topic=None, intent="greet")
        return self._q.reply(answer, "greet", 0.8, targets, None), next_ctx

    def with_noted(self, reply: Reply, parse: Parse, ctx: Context) -> Reply:
        """A reply to a message that also told about the person starts with what was noted."""
        readings = parse.self_readings
        if not readings or reply.intent in PROFILE_ADVICE:
            return reply
        note = render_noted(readings, self._kb)
        return dataclasses.replace(reply, text=f"{note}\n\n{reply.text}") if note else reply



#: "I am Linh", "I'm a nurse", "my name is", "I work / study ...": who the speaker is.
_WHO_I_AM = re.compile(r"\b(?:i am|i'm|im|my name|myself|i work|i study|i studied|i worked)\b")
