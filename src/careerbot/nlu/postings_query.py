"""What a postings question asks for, read once into a :class:`PostingsQuery`.

Filters: the posting's closest role, place (a place of a featured posting, a region such as the US or
Germany, or a place careerbot has no posting in), remote or on-site, level (entry / mid / senior),
internship, currency and company; a ranking (highest or lowest pay); "every posting"; and whether the
question asks for statistics the articles do not give ("average salary").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from .kbwords import LEVEL_WORDS, TITLE_SYNONYMS, KbWords
from .keys import STOPWORDS, wordset
from .normalize import tokenize
from .words import YES_NO_OPENERS

__all__ = ["PostingsQuery", "PostingsQueryReader"]


@dataclass(frozen=True)
class PostingsQuery:
    """A postings question as filters. Empty fields do not filter."""

    roles: tuple[str, ...] = ()
    #: Places of featured postings, as space-joined tokens ("new york").
    places: tuple[str, ...] = ()
    #: "US" and/or "Germany".
    regions: tuple[str, ...] = ()
    #: Places named that no featured posting is in, as typed ("Paris").
    unknown_places: tuple[str, ...] = ()
    remote: bool | None = None
    #: "entry", "mid" and/or "senior".
    levels: tuple[str, ...] = ()
    internship: bool | None = None
    currency: str | None = None
    companies: tuple[str, ...] = ()
    sort: Literal["max", "min"] | None = None
    #: The question asks for every posting ("show me every posting", "all the jobs").
    every: bool = False
    #: The question asks for averages or typical pay, which the articles do not give.
    no_stats: bool = False
    #: The question asks about pay ("what does an MLE earn?"), not only for postings.
    pay: bool = False
    #: The question asks yes or no ("is that one remote?").
    yes_no: bool = False
    #: The question refers back ("they", "those", "it").
    refers_back: bool = False
    #: Only these postings (ids): the ones shown last, for "is that one remote?".
    among: tuple[str, ...] = ()
    #: Postings named by a word of their title ("the professor job", "openings for veterans"), and the words.
    titled: tuple[str, ...] = ()
    title_words: tuple[str, ...] = ()

    @property
    def has_filters(self) -> bool:
        """Anything other than roles narrows or orders the postings."""
        return bool(self.places or self.regions or self.unknown_places or self.remote is not None
                    or self.levels or self.internship or self.currency or self.companies or self.sort or self.titled)

    @property
    def has_place(self) -> bool:
        """The question names a place."""
        return bool(self.places or self.regions or self.unknown_places)


_US_RE = re.compile(r"\b(?:US|USA|U\.S\.A?\.?|United States|America)(?![\w])")
_US_LOWER_RE = re.compile(r"\b(?:in|across|within|the)\s+(?:the\s+)?(?:us|u\.s\.?|usa)\b", re.IGNORECASE)
_UNKNOWN_PLACE_RE = re.compile(
    # not where the person is: "I am in Brazil", "I live in Lyon", "I'm based in Porto"
    r"(?<!\bam )(?<!\b[Ii]'m )(?<!\b[Ii]m )(?<!\blive )(?<!\bbased )(?<!\blocated )"
    r"\b(?:[Ii]n|[Nn]ear|[Aa]round|based in|located in)\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)"
)
_UNKNOWN_PLACE_LOWER_RE = re.compile(
    r"\b(?:jobs?|positions?|postings?|openings?|vacancies|internships?|roles?|work|salary|salaries|pay)"
    r"\s+(?:in|near|around)\s+([a-z][\w-]+)\b",
    re.IGNORECASE,
)
_ON_SITE_RE = re.compile(r"\bon[- ]site\b", re.IGNORECASE)
_NOT_PLACES = wordset(
    "i python sql java scala eur usd euros dollars tech ai ml data finance healthcare retail general total "
    "us usa u america united states germany europe eu "
    "demand order detail short particular industry"
)
_SORT_MAX = wordset("most highest best top max maximum biggest largest more higher richest")
_SORT_MIN = wordset("lowest least minimum min worst smallest cheapest less lower")
_PRONOUNS = wordset("they them their it this that those these he she his her its")
_EVERY = wordset("all every each full whole entire complete")
_POSTING_WORDS = wordset(
    "posting postings job jobs listing listings opening openings offer offers vacancy vacancies ad ads "
    "position positions"
)
_STATS = wordset("average median mean typical typically statistics")
_PAY = wordset(
    "pay pays paid paying salary salaries earn earns earning earnings wage wages income compensation money "
    "make makes paycheck comp"
)
_INTERN = frozenset(w for w, level in LEVEL_WORDS.items() if level == "intern")


class PostingsQueryReader:
    """Reads postings questions against one knowledge base's words. Read-only."""

    def __init__(self, words: KbWords) -> None:
        self._words = words
        self._places = sorted(words.places, key=lambda p: (-len(p), p))  # the longest first (ties: in order)

    def read(
        self, text: str, tokens: Sequence[str] = (), roles: Sequence[str] = (), *, context_roles: Sequence[str] = ()
    ) -> PostingsQuery:
        """The filters in ``text`` (``tokens`` stand in for an empty text).

        ``roles`` are the roles the question names; ``context_roles`` (the conversation's roles)
        are used only when the question refers back to them ("how much do they earn?") or has no
        filter of its own.
        """
        w = self._words
        source = text if text.strip() else " ".join(tokens)
        words = [w.correct(t) for t in tokenize(source)]
        wordset_ = set(words)
        found_at: list[tuple[int, str]] = []  # (where in the message, place), in the order named
        for place in self._places:
            n = len(place)
            if place[0] in wordset_:
                at = next((i for i in range(len(words) - n + 1) if tuple(words[i : i + n]) == place), None)
                if at is not None:
                    found_at.append((at, " ".join(place)))
        places = [place for _, place in sorted(found_at, key=lambda item: item[0])]
        regions: list[str] = []
        if _US_RE.search(source) or _US_LOWER_RE.search(source) or wordset_ & {"usa", "america", "american"}:
            regions.append("US")
        if wordset_ & {"germany", "german", "europe", "european", "eu"}:
            regions.append("Germany")
        unknown = [m for m in _unknown_places(source) if not self._known_word(m)]
        remote: bool | None = None
        if wordset_ & {"remote", "remotely", "wfh", "anywhere"} or "from home" in source.lower():
            remote = True
        elif wordset_ & {"onsite", "office", "in-person"} or _ON_SITE_RE.search(source):
            remote = False
        levels = tuple(sorted({LEVEL_WORDS[x] for x in words if x in LEVEL_WORDS and LEVEL_WORDS[x] != "intern"}))
        internship = True if wordset_ & _INTERN else None
        currency: str | None = None
        if wordset_ & {"eur", "euro", "euros"} or "€" in source:
            currency = "EUR"
        elif wordset_ & {"usd", "dollar", "dollars"} or "$" in source:
            currency = "USD"
        companies = tuple(name for tok, name in w.companies.items() if tok in wordset_)
        sort: Literal["max", "min"] | None = None
        if wordset_ & _SORT_MAX:
            sort = "max"
        elif wordset_ & _SORT_MIN:
            sort = "min"
        refers_back = bool(wordset_ & _PRONOUNS)
        asked = tuple(t for t in dict.fromkeys(words) if t in w.title_words)
        titled = tuple(dict.fromkeys(i for t in asked for i in w.title_words[t]))
        title_words = tuple(dict.fromkeys(TITLE_SYNONYMS.get(t, t) for t in asked))  # (as the title words it)
        query = PostingsQuery(
            places=tuple(places), regions=tuple(regions), unknown_places=tuple(unknown), remote=remote,
            levels=levels, internship=internship, currency=currency, companies=companies, sort=sort,
            every=bool(wordset_ & _EVERY) and bool(wordset_ & _POSTING_WORDS),
            no_stats=bool(wordset_ & _STATS), refers_back=refers_back, pay=bool(wordset_ & _PAY),
            yes_no=bool(words) and words[0] in YES_NO_OPENERS, titled=titled, title_words=title_words,
        )
        chosen = list(roles)
        if not chosen and context_roles and (refers_back or not query.has_filters):
            chosen = list(context_roles)
        known = set(w.role_ids)
        return replace(query, roles=tuple(r for r in dict.fromkeys(chosen) if r in known))

    def _known_word(self, phrase: str) -> bool:
        w = self._words
        toks = tokenize(phrase)
        if not toks:
            return True
        if tuple(toks) in w.places or tuple(toks) in w.aliases:
            return True
        return all(
            t in STOPWORDS or t in w.speller.vocabulary or t in _NOT_PLACES or t in LEVEL_WORDS for t in toks
        )


def _unknown_places(text: str) -> list[str]:
    found = [m.group(1) for m in _UNKNOWN_PLACE_RE.finditer(text)]
    found += [m.group(1) for m in _UNKNOWN_PLACE_LOWER_RE.finditer(text)]
    out: list[str] = []
    for place in found:
        words = place.split()
        while words and words[-1].casefold() in STOPWORDS:
            words.pop()
        if words:
            out.append(" ".join(words))
    return list(dict.fromkeys(out))
