"""What a message asks beyond naming a role: the words left when the fillers, the references back
and the role's own name are taken out. None left makes it a bare follow-up ("and DSEs?", "now do
DSEs", "how about the research flavour of that job?"): the last question, for that role."""

from __future__ import annotations

import re
from collections.abc import Collection

from ..nlu.entities import PLACEHOLDER
from ..nlu.keys import word_key
from ..nlu.understand import Understanding
from ..nlu.words import DEMONSTRATIVES, FILLER, FOLLOW_UP_FILLER, REFERRING, ROLE_NOUNS, SAME_FILLER, WH_WORDS

__all__ = ["asks_what_it_is", "content_words"]

#: Words after "same" that make the message the same question again ("same question for an MLE").
_SAME_QUESTION = frozenset({"question", "questions", "q", "qs", "goes", "applies"})
#: "what's a data engineer", "and what is an MLE", "who are DSEs" (masked: the role is PLACEHOLDER).
_WHAT_IS = re.compile(
    rf"(?:(?:and|so|ok|okay|then) )?(?:what|who) (?:(?:is|are) )?(?:(?:a|an|the) )?{PLACEHOLDER}"
    r"(?: (?:then|exactly|again|anyway|actually))?"
)


def asks_what_it_is(u: Understanding) -> bool:
    """"what's a data engineer?": what the role is, whatever was asked before."""
    return bool(_WHAT_IS.fullmatch(u.analysis.masked))


def content_words(
    u: Understanding, *, roles: Collection[str], referred: bool, ref_words: Collection[str],
    name_keys: Collection[str], topic_named: bool,
) -> list[str]:
    """The words of ``u`` that ask something besides the role(s): ``roles`` are the roles the message
    is about, ``referred`` whether a reference back found them (its words, ``ref_words``, say
    nothing more), ``name_keys`` the keys (:func:`~careerbot.nlu.keys.word_key`) of the words of the roles' names, ``topic_named`` whether a topic's
    keyword is in the message."""
    analysis = u.analysis
    masked = analysis.masked.split()
    content = [
        t for i, t in enumerate(masked)
        if t != PLACEHOLDER and t not in FILLER and not (referred and (t in ref_words or t in REFERRING))
        and not (t in DEMONSTRATIVES and i and masked[i - 1] == "of")  # "the research side of it": the same question
    ]
    if "same" in analysis.tokens:
        content = [t for t in content if t not in SAME_FILLER]  # "and the ML engineer, is it the same?"
        if roles and not _SAME_QUESTION.isdisjoint(analysis.tokens) and not topic_named:
            return []  # "same question for an ML engineer we'd hire later"
    content = [t for t in content if t not in FOLLOW_UP_FILLER]
    if content and analysis.roles and not u.phrased:
        # "what about the software engineering flavour, ML SWE?": the role's name said again
        # (not "learning" in "a learning path for the ML software one").
        content = [t for t in content if word_key(t) not in name_keys]
    if content and any(t in REFERRING and n in ROLE_NOUNS for t, n in zip(masked, masked[1:])):
        # "... of that job?": the role referred to, not a question about jobs
        that_role = {w for t, n in zip(masked, masked[1:]) if t in REFERRING and n in ROLE_NOUNS for w in (t, n)}
        content = [t for t in content if t not in that_role]
    if content == ["do"] and WH_WORDS.isdisjoint(analysis.tokens):
        return []  # "now do DSEs": the last question for them (not "what do DSEs do?")
    return content
