"""Recommend a role from what the person said (a :class:`~careerbot.nlu.said.Said`).

Each role gets a weighted term profile from its facts (skills, tools, responsibilities, projects,
definition, education, getting-started tips, industries); roles are scored with BM25 (IDF across the
roles, so a term only one role mentions counts most), dislikes subtract. Nothing here reads raw text.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from ..data.knowledge import Fact, KnowledgeBase, Role
from ..nlu.kbwords import KbWords
from ..nlu.keys import bigrams, prepare, strip_aliases, surface_tokens, to_units
from ..nlu.normalize import tokenize
from ..nlu.references import distinctive_role_words
from ..nlu.said import Said
from .cite import Citations
from .data_types import RecommendationData
from .responses import Answer
from .wording import fact_text, join_names, pct, quoted, say, topic_question

__all__ = ["INTEREST_EXAMPLES", "Recommender"]

#: How much each topic counts in a role's term profile.
_TOPIC_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "definition": 1.0,
        "responsibilities": 1.0,
        "skills": 1.0,
        "tools": 1.0,
        "projects": 1.0,
        "education": 0.7,
        "getting_started": 0.5,
        "industries": 0.5,
        "works_with": 0.3,
    }
)
_BM25_K1 = 1.2
_BM25_B = 0.75
#: Share of the best score above which the runner-up is recommended too.
_TWO_ROLES = 0.97
#: Share of the best score above which the runner-up is called "also close".
_CLOSE = 0.6
_NEGATIVE_WEIGHT = 0.8
#: How much a word of the role's own name (that no other role's name has) counts in its profile.
_NAME_WEIGHT = 2.0

#: Interests offered as examples when nothing matched (each is shown with the role it scores best for).
INTEREST_EXAMPLES: tuple[str, ...] = (
    "SQL and building data pipelines",
    "deploying models to production",
    "software engineering and testing",
    "statistics, linear algebra and research papers",
    "data visualization and finding insights",
    "databases and big data",
    "algorithms and image recognition",
    "experiments and innovative research",
)


#: Most of the person's words a recommendation repeats back.
MAX_NAMED = 6


@dataclass(frozen=True)
class _Profile:
    """A role's weighted terms."""

    role: str
    tf: Mapping[str, float]
    length: float
    surface: Mapping[str, str]
    facts: tuple[tuple[Fact, frozenset[str]], ...]


class Recommender:
    """Scores roles against a :class:`Said`. Immutable after construction, safe to share."""

    def __init__(
        self, kb: KnowledgeBase, words: KbWords, examples: Sequence[tuple[str, Said]] = ()
    ) -> None:
        """``examples`` are interests offered when nothing matched, each with what it reads as
        (by default none; the advisor passes :data:`INTEREST_EXAMPLES`)."""
        self._kb = kb
        self._words = words
        self._cite = Citations(kb)
        # The words of a role's name no other role's name has ("research", "software", "science"):
        # "I want to keep doing research" points at the research engineer above all.
        owners = distinctive_role_words({rid: role.name for rid, role in kb.roles.items()})
        own = {rid: frozenset(w for w, owner in owners.items() if owner == rid) for rid in kb.roles}
        profiles = {rid: self._build_profile(role, own[rid]) for rid, role in kb.roles.items()}
        self._profiles: Mapping[str, _Profile] = MappingProxyType(profiles)
        n_roles = max(1, len(profiles))
        df: dict[str, int] = {}
        for profile in profiles.values():
            for key in profile.tf:
                df[key] = df.get(key, 0) + 1
        self._idf: Mapping[str, float] = MappingProxyType(
            {k: math.log(1.0 + (n_roles - d + 0.5) / (d + 0.5)) for k, d in df.items()}
        )
        self._avg_len = sum(p.length for p in profiles.values()) / n_roles if profiles else 1.0
        self._examples = self._build_examples(examples)

    # -- construction ----------------------------------------------------------------------------

    def _build_profile(self, role: Role, name_words: frozenset[str] = frozenset()) -> _Profile:
        w = self._words
        tf: dict[str, float] = {}
        surface: dict[str, str] = {}
        for unit in to_units(sorted(name_words)):
            if unit is not None:
                tf[unit.key] = _NAME_WEIGHT
                surface[unit.key] = unit.surface
        facts: list[tuple[Fact, frozenset[str]]] = []
        for topic, weight in _TOPIC_WEIGHTS.items():
            for fact in role.topic(topic):
                text = prepare(fact.words())
                raw = tokenize(text)
                stripped = strip_aliases(raw, w.aliases, w.alias_max)
                cased = surface_tokens(text)
                shown = cased if len(cased) == len(raw) else None
                units = to_units(stripped, surfaces=shown)
                keys: set[str] = set()
                for unit in [*(u for u in units if u is not None), *bigrams(units)]:
                    tf[unit.key] = tf.get(unit.key, 0.0) + weight
                    surface.setdefault(unit.key, unit.surface)
                    keys.add(unit.key)
                if topic != "industries" or fact.items:
                    facts.append((fact, frozenset(keys)))
        return _Profile(
            role.id, MappingProxyType(tf), sum(tf.values()), MappingProxyType(surface), tuple(facts)
        )

    def _build_examples(self, examples: Sequence[tuple[str, Said]]) -> tuple[tuple[str, str], ...]:
        """Example interests (for "what do you enjoy?"), each with the role it points to."""
        out: list[tuple[str, str]] = []
        used: set[str] = set()
        for interest, said in examples:
            scores = self.scores(said)
            if not scores:
                break
            best = max(scores, key=lambda r: scores[r])
            if scores[best] > 0 and best not in used:
                used.add(best)
                out.append((best, interest))
        return tuple(out)

    # -- scoring ---------------------------------------------------------------------------------

    def knows(self, key: str) -> bool:
        """Some role's facts use ``key``."""
        return key in self._idf

    def _bm25(self, role: str, key: str) -> float:
        profile = self._profiles[role]
        tf = profile.tf.get(key, 0.0)
        if tf <= 0.0:
            return 0.0
        norm = _BM25_K1 * (1.0 - _BM25_B + _BM25_B * profile.length / self._avg_len)
        return self._idf.get(key, 0.0) * tf * (_BM25_K1 + 1.0) / (tf + norm)

    def score(self, rid: str, said: Said) -> float:
        """Raw BM25 score of role ``rid`` for what the person likes (dislikes subtract)."""
        score = sum(w * self._bm25(rid, k) for k, w in said.likes.items())
        score -= _NEGATIVE_WEIGHT * sum(w * self._bm25(rid, k) for k, w in said.dislikes.items())
        return score

    def scores(self, said: Said) -> dict[str, float]:
        """Raw scores of every role."""
        return {rid: self.score(rid, said) for rid in self._profiles}

    def _matches(self, rid: str, keys: Mapping[str, float]) -> list[str]:
        """The knowledge-base words (best first) of ``rid`` that match ``keys``."""
        profile = self._profiles[rid]
        hits = sorted(
            (k for k in keys if profile.tf.get(k, 0.0) > 0),
            key=lambda k: -keys[k] * self._bm25(rid, k),
        )
        in_bigrams = {part for k in hits if "_" in k for part in k.split("_")}
        out: list[str] = []
        for key in hits:
            if key in in_bigrams or self._idf.get(key, 0.0) <= 0.1:
                continue
            term = profile.surface[key]
            if term.casefold() not in {t.casefold() for t in out}:
                out.append(term)
        return out[:6]

    def _evidence(self, rid: str, keys: Mapping[str, float], limit: int = 3) -> list[Fact]:
        """Facts of ``rid`` that best show the matching keys (greedy cover)."""
        profile = self._profiles[rid]
        wanted = {k for k in keys if profile.tf.get(k, 0.0) > 0 and self._idf.get(k, 0.0) > 0.1}
        chosen: list[Fact] = []
        while wanted and len(chosen) < limit:
            best: tuple[float, int, Fact, frozenset[str]] | None = None
            for index, (fact, fkeys) in enumerate(profile.facts):
                gain = sum(self._idf.get(k, 0.0) for k in fkeys & wanted)
                if gain > 0 and (best is None or gain > best[0] + 1e-9):
                    best = (gain, index, fact, fkeys)
            if best is None:
                break
            chosen.append(best[2])
            wanted -= best[3]
        return chosen

    def _named(self, said: Said, keys: Mapping[str, float], pool: Sequence[str]) -> str:
        """What the person said that the roles' articles use, strongest first, at most a handful."""
        named = list(dict.fromkeys(
            said.surfaces.get(k, k)
            for k in sorted(keys, key=lambda k: -keys[k])  # stable: in the order said within a weight
            if any(self._profiles[r].tf.get(k, 0.0) > 0 for r in pool) and "_" not in k
        ))
        return ", ".join(named[:MAX_NAMED]) + (", ..." if len(named) > MAX_NAMED else "")

    # -- the answer ------------------------------------------------------------------------------

    def recommend(self, said: Said, *, candidates: Sequence[str] = ()) -> tuple[Answer, tuple[str, ...]]:
        """Which role fits what the person likes and dislikes.

        Returns the answer and the recommended role ids, best first (one, or two when the
        runner-up scores within 3% of the best); no roles when nothing matched.
        ``candidates`` (two or more role ids) restricts the choice to them.
        """
        kb = self._kb
        pool = [r for r in candidates if r in kb.roles] if len(candidates) >= 2 else list(kb.roles)
        raw = self.scores(said)
        matches = {rid: self._matches(rid, said.likes) for rid in kb.roles}
        known = any(
            self._profiles[rid].tf.get(k, 0.0) > 0 and self._idf.get(k, 0.0) > 0.05
            for rid in pool for k in (*said.likes, *said.dislikes)
        )
        if not known:
            return self._nothing(raw), ()
        order = list(kb.roles)
        ranked = sorted(pool, key=lambda r: (-raw[r], order.index(r)))
        best_score = raw[ranked[0]]
        if best_score > 0:
            scores = {rid: max(0.0, raw[rid]) / best_score for rid in pool}
        else:
            low = min(raw[r] for r in pool)
            spread = (best_score - low) or 1.0
            scores = {rid: (raw[rid] - low) / spread for rid in pool}
        chosen = [ranked[0]]
        if len(ranked) > 1 and scores[ranked[1]] >= _TWO_ROLES and (best_score > 0 or raw[ranked[1]] == best_score):
            chosen.append(ranked[1])

        names = [kb.roles[r].name for r in chosen]
        mentioned = self._named(said, said.likes, pool)
        avoid = self._named(said, said.dislikes, pool)
        lines: list[str] = []
        if best_score <= 0:
            lines.append(say("rec_only_avoid", avoid=avoid, best=join_names(names)))
        elif len(chosen) == 2:
            lines.append(say("rec_two", mentioned=mentioned, best=names[0], second=names[1]))
        else:
            lines.append(say("rec_one", mentioned=mentioned, best=names[0]))
        if len(pool) < len(kb.roles):
            lines.append(say("rec_candidates", names=join_names([kb.roles[r].name for r in pool])))
        sources: list[str] = []
        for rid in chosen:
            role = kb.roles[rid]
            terms = matches[rid]
            lines.append("")
            if terms:
                lines.append(say("rec_why", name=role.name, terms=quoted(terms)))
            elif best_score > 0:
                lines.append(say("rec_why_generic", name=role.name))
            else:
                lines.append(say("rec_why_none", name=role.name))
            for fact in self._evidence(rid, said.likes):
                lines.append(say("quote", text=fact_text(fact), refs=self._cite.refs(fact.sources)))
                sources.extend(fact.sources)
        runner = next((r for r in ranked if r not in chosen), None)
        if runner is not None and best_score > 0 and scores[runner] >= _CLOSE and matches[runner]:
            lines.append("")
            lines.append(say(
                "rec_close", name=kb.roles[runner].name, pct=pct(scores[runner]), terms=quoted(matches[runner][:4])
            ))
        if avoid and best_score > 0:
            lines.append("")
            lines.append(say("rec_avoid", avoid=avoid))
        lines.append("")
        lines.append(say("rec_scores"))
        for rid in sorted(pool, key=lambda r: -scores[r]):
            lines.append(say("rec_score_line", name=kb.roles[rid].name, pct=pct(scores[rid])))
        if sources:
            lines.append("")
            lines.append(self._cite.legend(sources))
        best_role = kb.roles[chosen[0]]
        suggestions = (
            "What degree would I need for that?",
            topic_question("tools", best_role),
            f"Roadmap to become a {best_role.name}",
        )
        data: RecommendationData = {
            "kind": "recommendation",
            "recommended": list(chosen),
            "scores": {rid: round(scores[rid], 3) for rid in pool},
            "raw_scores": {rid: round(raw[rid], 4) for rid in pool},
            "matches": {rid: matches[rid] for rid in pool},
            "avoid": [said.surfaces.get(k, k) for k in said.dislikes if "_" not in k],
        }
        return Answer("\n".join(lines), dict(data), tuple(dict.fromkeys(sources)), suggestions), tuple(chosen)

    def _nothing(self, raw: Mapping[str, float]) -> Answer:
        kb = self._kb
        examples = [f"{term} ({kb.roles[rid].name})" for rid, term in self._examples]
        first = self._examples[0][1] if self._examples else "SQL"
        example = say("rec_none_example", interest=first)
        text = say("rec_none", examples="; ".join(examples), example=example)
        suggestions = tuple(say("rec_none_example", interest=term) for _, term in self._examples[:3])
        data: RecommendationData = {
            "kind": "recommendation",
            "recommended": [],
            "scores": {rid: 0.0 for rid in kb.roles},
            "raw_scores": {rid: round(v, 4) for rid, v in raw.items()},
            "matches": {rid: [] for rid in kb.roles},
            "avoid": [],
        }
        return Answer(text, dict(data), (), suggestions)
