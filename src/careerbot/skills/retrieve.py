"""Finding the knowledge base's points that answer a specific question.

"do data engineers deal with data security?" is answered by one point ("Managing and securing data
storage."), not by the whole responsibilities list. :class:`PointIndex` is built once from the
knowledge base: each role's points, keyed by their words (a light stem and the word forms of
:mod:`careerbot.nlu.keys`, so "securing" meets "security"; typos within the speller's edit
distance, found with rapidfuzz, meet the word they stand for). :meth:`PointIndex.search` scores a question's
content words against them, weighting rare words (IDF) over common ones.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..data.knowledge import KnowledgeBase, Point
from ..nlu.keys import GENERIC, word_key
from ..nlu.spelling import max_typos
from .facts import industry_line

__all__ = ["Application", "Hit", "PointIndex", "content_keys"]

#: Topics whose points can answer a specific question.
SEARCHED_TOPICS = (
    "responsibilities", "skills", "education", "getting_started", "works_with", "projects", "definition",
    "differences", "outlook",
)
#: Words that only frame a question ("do they deal with", "is it a big deal for").
_FRAME = frozenset(
    word_key(w) for w in (
        "deal dealt handle handles handling care cares involve involves involved ask answer tell explain "
        "question day days daily really actually usually often much many lot also need needs have has "
        "should would could can will does do doing did is are was were be been being yes no true "
        "important importance matter matters big huge part parts role roles job jobs kind sort thing "
        "things what which how who why where when whether spend time deal keep keeps keeping still "
        "theyre they're once after eye eyes over worth mention mentioning getting expect expected "
        "requirement requirements themselves themself himself herself itself yourself ourselves own "
        "others only just candidate candidates applicant applicants come comes might".split()
    )
)


@dataclass(frozen=True)
class Hit:
    """A point that answers the question: its role, topic, the point, and how well it matches (0–1)."""

    role: str
    topic: str
    point: Point
    score: float
    matched: tuple[str, ...]


@dataclass(frozen=True)
class Application:
    """What a role does in a sector that a question names ("do DSEs do churn prediction?"): the
    sector's line as a point of the industries topic, and the applications named."""

    hit: Hit
    uses: tuple[str, ...]


#: A word shared by at most this many points and applications names one application on its own
#: ("churn"; not "prediction", which many points use).
_DISTINCT_USE = 4


#: Verbs of doing that frame a question about an application ("do they build recommendation systems?").
_DOING = frozenset(word_key(w) for w in "build builds building make makes making create creates work works working".split())


def plain_keys(tokens: Iterable[str]) -> frozenset[str]:
    """The keys of all words of three letters or more, the generic ones too (an application's
    name is "recommendation systems")."""
    return frozenset(word_key(t) for t in tokens if len(t) > 2)


def _keys(text: str) -> set[str]:
    from ..nlu.normalize import tokenize  # the one tokenizer

    return {word_key(t) for t in tokenize(text) if len(t) > 2} - GENERIC


#: Idioms the articles say in one plain word ("keep an eye on models" is monitoring them).
_IDIOMS: Mapping[tuple[str, ...], str] = MappingProxyType({
    ("keep", "an", "eye"): "monitor", ("keeps", "an", "eye"): "monitor", ("keeping", "an", "eye"): "monitor",
    ("keep", "track"): "monitor", ("keeping", "track"): "monitor", ("watch", "over"): "monitor",
    ("look", "after"): "maintain", ("looking", "after"): "maintain",
})


def _plain_words(tokens: list[str]) -> list[str]:
    """``tokens`` with idioms replaced by their plain word."""
    if not any(t in ("keep", "keeps", "keeping", "watch", "look", "looking") for t in tokens):
        return tokens
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for n in (3, 2):
            plain = _IDIOMS.get(tuple(tokens[i : i + n]))
            if plain is not None:
                out.append(plain)
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def content_keys(tokens: Iterable[str], skip: Iterable[str] = ()) -> tuple[str, ...]:
    """The keys of a question's content words: not role names (``skip``), framing or generic words."""
    skipped = set(skip)
    keys = (word_key(t) for t in tokens if t not in skipped and len(t) > 2)
    return tuple(dict.fromkeys(k for k in keys if k not in GENERIC and k not in _FRAME))


class PointIndex:
    """Every role's points by their words. Immutable; safe to share across threads."""

    def __init__(self, kb: KnowledgeBase) -> None:
        entries: list[tuple[str, str, Point, frozenset[str]]] = []
        for rid, role in kb.roles.items():
            for topic in SEARCHED_TOPICS:
                for point in role.points.get(topic, ()):
                    keys = _keys(point.text) | {k for q in point.quotes for k in _keys(q.text)}
                    entries.append((rid, topic, point, frozenset(keys)))
        self._entries = tuple(entries)
        counts: dict[str, int] = {}
        for *_, point_keys in entries:
            for w in point_keys:
                counts[w] = counts.get(w, 0) + 1
        n = max(1, len(entries))
        self._idf = {w: math.log(1 + n / c) for w, c in counts.items()}
        self._vocabulary = tuple(sorted(counts))
        from ..nlu.normalize import tokenize  # (the one tokenizer; imported here as in _keys)

        # What each role does in each sector the articles name ("Telecommunications: ..., churn
        # prediction"): one point per sector, found by its applications' words.
        sectors: list[tuple[str, Point, tuple[tuple[str, frozenset[str]], ...]]] = []
        for rid, role in kb.roles.items():
            for link in role.things.get("industries", ()):
                if link.uses and link.thing in kb.things:
                    point = Point(industry_line(kb, link), link.quotes, (link.thing,))
                    sectors.append((rid, point, tuple((use, plain_keys(tokenize(use))) for use in link.uses)))
        # (an application a role's own point names is answered by that point: MLEs' projects name
        # "recommendation systems")
        said: dict[str, list[frozenset[str]]] = {}
        for rid, _, point, _ in entries:
            said.setdefault(rid, []).append(plain_keys(tokenize(" ".join((point.text, *(q.text for q in point.quotes))))))
        self._sectors = tuple(
            (rid, point, tuple((use, keys) for use, keys in uses if keys and not any(keys <= own for own in said.get(rid, ()))))
            for rid, point, uses in sectors
        )
        seen = dict(counts)
        for *_, uses in self._sectors:
            for _, use_keys in uses:
                for k in use_keys:
                    seen[k] = seen.get(k, 0) + 1
        self._distinct = frozenset(k for k, c in seen.items() if c <= _DISTINCT_USE)
        self._use_words = frozenset(k for *_, uses in self._sectors for _, use_keys in uses for k in use_keys)
        # (the first letters of their words, to skip at once the words of a question that name none)
        self._use_heads = frozenset(w[:4] for *_, uses in sectors for use, _ in uses for w in tokenize(use))

    def content(self, tokens: Iterable[str], skip: Iterable[str] = ()) -> tuple[str, ...]:
        """The question's content words as keys, each mapped onto the points' words (typos too)."""
        out: list[str] = []
        for key in content_keys(_plain_words(list(tokens)), skip):
            if key not in self._idf and len(key) >= 6:
                # A typo of a word the points use ("secuirty"): as many edits as the speller allows.
                found = process.extractOne(
                    key, self._vocabulary, scorer=OSA.distance, score_cutoff=max_typos(len(key))
                )
                key = found[0] if found else key
            if key not in out:
                out.append(key)
        return tuple(out)

    def search(
        self, role_ids: Sequence[str], content: Sequence[str], *, limit: int = 3, min_score: float = 0.5
    ) -> list[Hit]:
        """The points of ``role_ids`` that best cover the ``content`` words, best first."""
        if not content:
            return []
        weights = {k: self._idf.get(k, 0.0) for k in content}
        total = sum(weights.values()) or 1.0
        known = [k for k in content if weights[k] > 0]
        if not known:
            return []
        hits: list[Hit] = []
        for rid, topic, point, words in self._entries:
            if rid not in role_ids:
                continue
            matched = tuple(k for k in known if k in words)
            if not matched:
                continue
            score = sum(weights[k] for k in matched) / total
            if score >= min_score:
                hits.append(Hit(rid, topic, point, score, matched))
        hits.sort(key=lambda h: -h.score)
        return hits[:limit]

    def search_any(
        self, role_ids: Sequence[str], options: Sequence[Sequence[str]], *, limit: int = 2, min_score: float = 0.5
    ) -> list[Hit]:
        """The points that best cover any one of ``options`` (content words of each option a question
        offers), up to ``limit`` per option, best first."""
        return sorted(
            (h for content in options for h in self.search(role_ids, content, limit=limit, min_score=min_score)),
            key=lambda h: -h.score,
        )

    def applications(
        self, role_id: str, tokens: Sequence[str], content: Callable[[], Sequence[str]], *, skip: Collection[str] = ()
    ) -> list[Application]:
        """The sectors in which the articles name an application the question's words (``tokens``
        but ``skip``, the role's name) name for the role: every word of it ("customer segmentation"),
        or, when the question's ``content`` words (read only then) are all its own, half of them
        with one few others use ("churn"; not "risk" in "is there a risk of AI replacing them?")."""
        words = plain_keys(t for t in tokens if t[:4] in self._use_heads and t not in skip)
        if words.isdisjoint(self._use_words) or not any(
            keys <= words or keys & words & self._distinct
            for rid, _, uses in self._sectors if rid == role_id for _, keys in uses
        ):
            return []  # (most questions: no application named; their content words are not even read)
        asked = content()
        partial = all(k in self._use_words or k in _DOING for k in asked)
        asked = [k for k in asked if k not in _DOING]
        out: list[Application] = []
        for rid, point, uses in self._sectors:
            if rid != role_id:
                continue
            named = tuple(
                # (half its words and one few others use: "churn", not "customer" alone for
                # "customer behavior analysis")
                use for use, keys in uses if keys <= words or (
                    partial and bool(keys & words & self._distinct) and 2 * len(keys & words) >= len(keys)
                )
            )
            if named:
                matched = tuple(sorted({k for use, keys in uses if use in named for k in keys & words}))
                if 2 * sum(k in matched for k in asked) < len(asked):
                    continue  # (the question is about more: "a hiring manager at a fintech startup ...")
                out.append(Application(Hit(rid, "industries", point, 1.0, matched), named))
        return out

    def unknown(self, content: Sequence[str]) -> tuple[str, ...]:
        """Content words no point uses at all (what the articles don't talk about)."""
        return tuple(k for k in content if k not in self._idf)
