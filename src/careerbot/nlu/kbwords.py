"""The knowledge base's own words, built once: role names, fields, tools, places, companies, speller.

:class:`KbWords` is what the readers in :mod:`careerbot.nlu.said` and
:mod:`careerbot.nlu.postings_query` and the answer modules in :mod:`careerbot.skills` share: the
phrases that name a role (stripped from what people say before reading their skills), fields named
after a role ("ML research"), the catalogue of tools the articles name (with their spellings), the
places and companies of the featured postings, and a :class:`~careerbot.nlu.spelling.Speller` over
all of it. Immutable after construction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from ..data.knowledge import KnowledgeBase
from .keys import (
    EXPAND,
    GENERIC,
    LEMMAS,
    NEGATORS,
    PHRASES,
    STOPWORDS,
    Unit,
    prepare,
    strip_aliases,
    to_units,
)
from .normalize import tokenize
from .spelling import Speller

__all__ = ["LEVEL_WORDS", "TITLE_SYNONYMS", "KbWords", "Tool", "mention_index", "tool_key"]

#: Words for posting levels ("intern" is the internship flag, not a level).
LEVEL_WORDS: Mapping[str, str] = MappingProxyType(
    {
        **dict.fromkeys(["intern", "interns", "internship", "internships", "co-op", "placement"], "intern"),
        **dict.fromkeys(["entry", "junior", "juniors", "graduate", "graduates", "grad", "beginner", "beginners"],
                        "entry"),
        **dict.fromkeys(["mid", "intermediate", "midlevel"], "mid"),
        **dict.fromkeys(["senior", "seniors", "expert", "experts", "experienced"], "senior"),
    }
)

_VENDORS = frozenset({"apache", "microsoft", "amazon", "google", "aws"})
#: Other names people use for tools (canonical key -> extra phrases).
_TOOL_ALIASES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "google cloud platform": ("gcp", "google cloud"),
        "scikit learn": ("sklearn", "scikit", "scikitlearn"),
        "postgresql": ("postgres", "psql"),
        "mongodb": ("mongo",),
        "kubernetes": ("k8s",),
        "spark": ("pyspark",),
        "aws": ("amazon web services",),
        "sagemaker": ("aws sagemaker", "amazon sagemaker"),
        "cpp": ("c plus plus",),
        "github": ("git hub",),
        "bigquery": ("big query",),
        "numpy": ("num py",),
    }
)
_PLACE_NOISE = frozenset({"remote", "anywhere", "in", "the", "u", "s", "and", "us", "usa"})


@dataclass(frozen=True)
class Tool:
    """A tool as named in the articles, with the phrases that mention it and its group words."""

    key: str
    name: str
    phrases: tuple[tuple[str, ...], ...]
    group_keys: frozenset[str]


def tool_key(item: str) -> tuple[str, set[tuple[str, ...]]]:
    """Canonical key of a tool name and the phrases that mention it."""
    toks = tuple(tokenize(item))
    phrases = {toks}
    if len(toks) == 2 and toks[0] in _VENDORS:
        toks = toks[1:]
        phrases.add(toks)
    key = " ".join(toks)
    for alias in _TOOL_ALIASES.get(key, ()):
        phrases.add(tuple(tokenize(alias)))
    return key, phrases


def mention_index(tokens: Sequence[str], tool: Tool) -> int | None:
    """Index of the first token where ``tokens`` name ``tool`` (any of its phrases), or ``None``."""
    for phrase in tool.phrases:
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            if tuple(tokens[i : i + n]) == phrase:
                return i
    return None


class KbWords:
    """Words of one knowledge base, for reading what people say against it. Read-only."""

    def __init__(self, kb: KnowledgeBase, *, speller: Speller | None = None, plain_words: Iterable[str] = ()) -> None:
        alias_keys: set[tuple[str, ...]] = set()
        for role in kb.roles.values():
            for name in (role.name, role.plural, *role.aliases):
                toks = tuple(tokenize(name))
                if toks:
                    alias_keys.add(toks)
        self.role_ids: tuple[str, ...] = tuple(kb.roles)
        #: Token sequences that name a covered role.
        self.aliases = frozenset(alias_keys)
        self.alias_max = max((len(a) for a in alias_keys), default=1)
        #: Fields named after a role ("ml research" -> ml_research_engineer).
        self.fields = _field_phrases(kb, self.aliases)
        self.field_max = max((len(f) for f in self.fields), default=1)
        self.tools = _build_tools(kb)
        self.places = _build_places(kb)
        self.companies: Mapping[str, str] = MappingProxyType(
            {
                tokenize(p.company)[0]: p.company
                for p in kb.postings
                if tokenize(p.company) and len(tokenize(p.company)[0]) >= 4
            }
        )
        #: Words naming one featured posting by its title ("the professor job", "for veterans"):
        #: word (and plural) -> posting ids; not role-name, level or generic job words.
        self.title_words: Mapping[str, tuple[str, ...]] = MappingProxyType(_title_words(kb, alias_keys))
        vocabulary: set[str] = set(LEMMAS) | set(EXPAND) | {t for k in PHRASES for t in k}
        for role in kb.roles.values():
            for facts in role.facts.values():
                for fact in facts:
                    vocabulary.update(tokenize(prepare(fact.words())))
        for tool in self.tools.values():
            vocabulary.update(t for phrase in tool.phrases for t in phrase)
        for place in self.places:
            vocabulary.update(place)
        vocabulary.update(LEVEL_WORDS)
        vocabulary.update(self.companies)
        vocabulary.update(self.title_words)
        vocabulary -= STOPWORDS
        self.speller = speller or Speller(vocabulary, min_length=5, keep=plain_words)
        #: The words of the roles' names, for a typo the knowledge base's words leave open
        #: ("enginer" is as near "engine" as "engineer"; "data sience enginer" names a role).
        self._role_speller = Speller({t for alias in self.aliases for t in alias}, min_length=5)

    def correct(self, token: str) -> str:
        """``token`` corrected onto the knowledge base's words (stop words and negators left alone)."""
        if token in STOPWORDS or token in NEGATORS or not token.isalpha():
            return token
        fixed = self.speller.correct(token)
        if fixed is None:
            fixed = self._role_speller.correct(token)
        return fixed if fixed is not None else token

    def text_units(self, text: str) -> list[Unit | None]:
        """Units of a knowledge-base text, role names removed."""
        tokens = tokenize(prepare(text))
        return to_units(strip_aliases(tokens, self.aliases, self.alias_max))

    def keys_of(self, text: str) -> frozenset[str]:
        """The keys of a knowledge-base text, role names removed."""
        return frozenset(u.key for u in self.text_units(text) if u is not None)

    def tools_in(self, tokens: Sequence[str]) -> frozenset[str]:
        """Keys of the tools that ``tokens`` name."""
        return frozenset(t for t, tool in self.tools.items() if mention_index(tokens, tool) is not None)


def _build_tools(kb: KnowledgeBase) -> Mapping[str, Tool]:
    found: dict[str, tuple[str, set[tuple[str, ...]], set[str]]] = {}
    for role in kb.roles.values():
        for fact in role.topic("tools"):
            group_keys = {u.key for u in to_units(tokenize(fact.group or "")) if u is not None} - GENERIC
            for item in fact.items:
                key, phrases = tool_key(item)
                _, known, groups = found.setdefault(key, (item, set(), set()))
                known.update(phrases)
                groups.update(group_keys)
    return MappingProxyType(
        {
            key: Tool(key, name, tuple(sorted(phrases, key=len, reverse=True)), frozenset(groups))
            for key, (name, phrases, groups) in found.items()
        }
    )


def _build_places(kb: KnowledgeBase) -> frozenset[tuple[str, ...]]:
    places: set[tuple[str, ...]] = set()
    for posting in kb.postings:
        for part in re.split(r",|\band\b|\(|\)", posting.location):
            toks = tuple(t for t in tokenize(part) if t not in _PLACE_NOISE)
            if toks and not (len(toks) == 1 and len(toks[0]) < 2):
                places.add(toks)
    return frozenset(places)


def _field_phrases(kb: KnowledgeBase, aliases: frozenset[tuple[str, ...]]) -> Mapping[tuple[str, ...], str]:
    """Fields named after a role ("ML research" -> ml_research_engineer), from the role aliases."""
    heads = {"engineer", "engineers", "engineering", "eng", "engg"}
    found: dict[tuple[str, ...], set[str]] = {}
    for role in kb.roles.values():
        for name in (role.name, role.plural, *role.aliases):
            toks = tuple(tokenize(name))
            if len(toks) >= 3 and toks[-1] in heads:
                found.setdefault(toks[:-1], set()).add(role.id)
    return MappingProxyType(
        {phrase: next(iter(ids)) for phrase, ids in found.items() if len(ids) == 1 and phrase not in aliases}
    )


#: Title words too common to name one posting ("Senior", "Engineer", "Services").
_GENERIC_TITLE_WORDS = frozenset(
    "engineer engineers developer developers intern interns internship senior junior lead data research software "
    "development scientist science services professional opportunity manager applied mathematics artificial "
    "intelligence machine learning student students assoc asst".split()
)


def _title_words(kb: KnowledgeBase, alias_keys: set[tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    role_words = {t for key in alias_keys for t in key}
    ids: dict[str, list[str]] = {}
    for p in kb.postings:
        for word in dict.fromkeys(tokenize(p.title)):
            if len(word) >= 5 and word.isalpha() and word not in role_words and word not in LEVEL_WORDS \
                    and word not in _GENERIC_TITLE_WORDS:
                for form in (word, word if word.endswith("s") else word + "s"):
                    ids.setdefault(form, []).append(p.id)
    # Words people use for a kind of job that a title names in its own word ("academic jobs": the professor's).
    for word, title_word in TITLE_SYNONYMS.items():
        if title_word in ids:
            ids.setdefault(word, ids[title_word])
    # A word in many titles names none of them.
    return {w: tuple(found) for w, found in ids.items() if len(found) <= 2}


#: Other words for a kind of job, by the word a featured posting's title uses for it.
TITLE_SYNONYMS: Mapping[str, str] = MappingProxyType({
    "academic": "professor", "academia": "professor", "university": "professor", "faculty": "professor",
    "professorship": "professor",
})
