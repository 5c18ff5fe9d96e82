"""The advisor facade: recommendations, skill gaps, learning paths, postings and tables.

:class:`Advisor` keeps the methods ``bot.py`` calls (raw text in, :class:`Answer` out) and also
offers the structured ones the dialogue policy calls with a session profile merged in. Each text
method reads the message once, with :class:`~careerbot.nlu.said.SaidReader` (what the person says
about themselves) or :class:`~careerbot.nlu.postings_query.PostingsQueryReader` (posting filters),
and hands the structured result to the answer modules:

- :mod:`careerbot.skills.recommend` (which role fits), :mod:`careerbot.skills.gap` (skill gap),
  :mod:`careerbot.skills.path` (learning path), :mod:`careerbot.skills.postings` (postings and pay),
  :mod:`careerbot.skills.tables` (comparison tables); wording in :mod:`careerbot.skills.wording`,
  the shapes of ``Answer.data`` in :mod:`careerbot.skills.data_types`.

Everything is built once from the knowledge base and immutable afterwards, so one advisor can be
shared by threads.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable, Sequence

from ..data.knowledge import KnowledgeBase
from ..nlu.entities import RoleMention
from ..nlu.kbwords import KbWords
from ..nlu.normalize import tokenize
from ..nlu.postings_query import PostingsQuery, PostingsQueryReader
from ..nlu.profile import stated
from ..nlu.said import Said, SaidReader, split_roles
from ..nlu.spelling import Speller
from ..nlu.things import ThingFinder
from ..nlu.words import YES_NO_OPENERS
from .gap import GapFinder
from .path import PathPlanner
from .postings import PostingsFinder
from .recommend import INTEREST_EXAMPLES, Recommender
from .responses import Answer
from .tables import compare_table
from .wording import ADVISOR_TEMPLATES

__all__ = ["ADVISOR_TEMPLATES", "Advisor", "split_roles"]


def _tokens(tokens: str | Sequence[str]) -> list[str]:
    return tokenize(tokens) if isinstance(tokens, str) else [str(t) for t in tokens]


#: How much what the person said in earlier messages counts, against this message's words, when
#: choosing a role ("I loved the theory and proofs side of maths most. which one would fit me best?"
#: after a teacher's "did a stats refresher, halfway through a Python course").
EARLIER_WEIGHT = 0.5

#: Words a follow-up may open with before its question ("and is that one remote?").
_LEADS = frozenset({"and", "so", "ok", "okay", "but", "then"})


class Advisor:
    """Recommendations, skill gaps, learning paths, postings and tables from one knowledge base.

    Immutable after construction and safe to share across threads. ``speller`` corrects typos in
    what people type; by default it is a :class:`Speller` over the knowledge base's own words
    (skills, tools, places, levels), which is what the advisor needs; ``plain_words`` are English
    words it leaves as typed (the ``plain_word`` lookup of the intents).
    """

    def __init__(
        self, kb: KnowledgeBase, *, speller: Speller | None = None, plain_words: Iterable[str] = ()
    ) -> None:
        self._kb = kb
        self._words = KbWords(kb, speller=speller, plain_words=plain_words)
        self._said = SaidReader(self._words)
        self._query = PostingsQueryReader(self._words)
        examples = [(interest, self._said.read(interest)) for interest in INTEREST_EXAMPLES]
        self._recommender = Recommender(kb, self._words, examples)
        self._gaps = GapFinder(kb)
        self._things = ThingFinder(kb)
        self._role_names = tuple(
            {tuple(tokenize(n)) for r in kb.roles.values() for n in (r.name, r.plural, *r.aliases) if tokenize(n)}
        )
        self._paths = PathPlanner(kb, self._words)
        self._postings = PostingsFinder(kb)

    # -- reading (once per message) --------------------------------------------------------------

    def read_postings_query(
        self, text: str, tokens: Sequence[str] = (), roles: Sequence[str] = (), *,
        context_roles: Sequence[str] = (),
    ) -> PostingsQuery:
        """The posting filters of a message (see :class:`PostingsQueryReader.read`)."""
        return self._query.read(text, tokens, roles, context_roles=context_roles)

    def field_roles(self, tokens: str | Sequence[str]) -> tuple[str, ...]:
        """Roles named by their field ("ML research", "data science"), in order of mention."""
        return self._said.field_roles(_tokens(tokens))

    def split_roles(
        self, tokens: str | Sequence[str], mentions: Sequence[RoleMention]
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """:func:`split_roles`, also reading fields after a cue ("move into ML research")."""
        return self._said.split_roles(_tokens(tokens), mentions)

    # -- recommendation --------------------------------------------------------------------------

    def recommend(
        self, text: str, tokens: Sequence[str] = (), *, candidates: Sequence[str] = (), earlier: str = ""
    ) -> tuple[Answer, tuple[str, ...]]:
        """Which role fits the interests, strengths, tools and activities the message mentions
        (see :meth:`recommend_for`); what the person said ``earlier`` counts for less."""
        said = self._said.read(text, tokens)
        if earlier:
            said = said.after(self._said.read(earlier), weight=EARLIER_WEIGHT)
        return self.recommend_for(said, candidates=candidates)

    def recommend_for(self, said: Said, *, candidates: Sequence[str] = ()) -> tuple[Answer, tuple[str, ...]]:
        """Which role fits ``said`` (likes and dislikes). Returns the answer and the recommended
        role ids, best first (two when nearly tied, none when nothing matched); ``candidates`` (two
        or more role ids) restricts the choice to them."""
        return self._recommender.recommend(said, candidates=candidates)

    # -- skill gap -------------------------------------------------------------------------------

    def skill_gap(
        self,
        text: str,
        tokens: Sequence[str],
        target_roles: Sequence[str],
        current_roles: Sequence[str] = (),
    ) -> tuple[Answer, tuple[str, ...]]:
        """What the person already has and what is missing for the (first) target role.

        The named things they say they have (or lack) come from the message; the current role(s)
        add what the articles list for them. Returns the answer and the roles it is about: the
        target first, then the current role(s).
        """
        words = list(tokens) or tokenize(text)
        has, lacks = stated(words, self._things.find(words, skip=self._role_name_positions(words)))
        return self.gap_for([t.id for t in has], [t.id for t in lacks], target_roles, current_roles)

    def _role_name_positions(self, words: Sequence[str]) -> set[int]:
        """Positions of role names in ``words`` ("ML" in "ML engineer" is not machine learning)."""
        inside: set[int] = set()
        for names in self._role_names:
            n = len(names)
            inside.update(j for i in range(len(words) - n + 1) if tuple(words[i : i + n]) == names for j in range(i, i + n))
        return inside

    def gap_for(
        self, have: Collection[str], lacks: Collection[str] = (), target: str | Sequence[str] = (),
        current: Sequence[str] = (), *, unlisted: Sequence[str] = (),
    ) -> tuple[Answer, tuple[str, ...]]:
        """The skill gap for thing ids the person has and lacks (a session profile remembers them);
        ``unlisted``: names of what they have that the articles never list ("Excel")."""
        targets = (target,) if isinstance(target, str) else tuple(target)
        return self._gaps.gap(have, lacks, targets, tuple(current), unlisted=unlisted)

    # -- learning paths --------------------------------------------------------------------------

    def learning_paths(self, role_ids: Sequence[str]) -> tuple[Answer, tuple[str, ...]]:
        """Learning paths for several roles, one after the other (``data["paths"]``)."""
        return self._paths.paths(role_ids)

    path_for = learning_paths

    # -- postings --------------------------------------------------------------------------------

    def postings(
        self, text: str, tokens: Sequence[str], roles: Sequence[str], *, context_roles: Sequence[str] = (),
        among: Sequence[str] = (), pay: bool = False,
    ) -> Answer:
        """List, filter and rank the featured postings.

        Filters come from the text (place or remote, level, internship, currency, company) and
        ``roles`` (the posting's closest role). ``context_roles`` (the conversation's roles) apply
        only when the message refers back to them ("how much do they earn?") or has no filter of
        its own. ``among``: only these postings (the ones shown last, for "is that one remote?").
        ``data["filters"]["roles"]`` holds the roles actually used. ``pay``: the question is about
        pay whatever its words (a follow-up to one that was).
        """
        query = self._query.read(text, tokens, roles, context_roles=context_roles)
        if pay and not query.pay:
            query = dataclasses.replace(query, pay=True)
        if among and query.companies and not any(
            p.company in query.companies for p in self._kb.postings if p.id in among
        ):
            # "is the Allora research engineer one remote?" when no Allora posting was shown: that
            # company's postings are the ones asked about.
            among = [p.id for p in self._kb.postings if p.company in query.companies]
        if among and query.has_filters and not self._postings.matching(dataclasses.replace(query, among=tuple(among))):
            words = set(tokens)
            opening = [t for t in tokens if t not in _LEADS][:1]
            if not opening or opening[0] not in YES_NO_OPENERS:  # (a yes/no question asks about those shown)
                # "and the intern one from the same company?": not among those shown, so all postings
                # (of the same company, when it says so).
                if "same" in words and ("company" in words or "employer" in words):
                    shown = [p for p in self._kb.postings if p.id in among]
                    query = dataclasses.replace(query, companies=tuple(dict.fromkeys(p.company for p in shown)))
                return self.postings_for(query)
        return self.postings_for(dataclasses.replace(query, among=tuple(among)) if among else query)

    def postings_for(self, query: PostingsQuery) -> Answer:
        """The postings answer for a :class:`PostingsQuery` (``data`` is a ``PostingsData``)."""
        return self._postings.answer(query)

    # -- tables ----------------------------------------------------------------------------------

    def compare_table(self, role_ids: Sequence[str], topics: Sequence[str] = ()) -> Answer:
        """A table of roles (columns) by topics (rows); no topics = every topic, salary included."""
        return compare_table(self._kb, role_ids, topics)
