"""The :class:`IntentMatcher` class (how it scores: see the :mod:`careerbot.matcher` docstring)."""

from __future__ import annotations

import math
import operator
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from itertools import chain, count

from rapidfuzz import fuzz, process

from ..nlu.normalize import MAX_INPUT_CHARS, default_process
from .features import _MAX_TOKEN_CHARS, _keys, _Parts, light_stem
from .lead import _LEAD_RIVALS, _with_lead
from .options import _MANY_LEAD_WEIGHT, _MANY_RATIO_WEIGHT, _check_options
from .prototypes import _centroid_prototypes, _numpy_available, _refined_prototypes
from .scorers import _PackedRows, _Scorer, _SparseRows
from .typos import _typo_buckets

__all__ = ["_PACKED_MAX_LANES", "IntentMatcher"]

#: Above this many ``features x intents`` the prototypes are kept as sparse rows, not packed.
_PACKED_MAX_LANES = 16_000_000


class IntentMatcher:
    """Match short texts to intents learned from example phrasings.

    Args:
        examples: ``{intent: [example, ...]}``; every intent needs at least one
            example that still has a word after ``processor``.
        processor: applied to every example and query before splitting on
            whitespace (``None``: use the text as it is).
        max_chars: only this many leading characters of a query are processed.
        max_tokens: only this many leading tokens of a query are matched.
        ngram_range: sizes of the character n-grams (of the space-padded text).
        word_weight: weight of the stemmed-word feature group.
        bigram_weight: weight of the word-bigram feature group.
        char_weight: weight of the character n-gram feature group.
        ratio_weight: weight in the final score of the best ``fuzz.ratio``
            between the query and the intent's examples.  ``None``: 0.2 from
            ``many_intents`` intents on (capped so that it and
            ``token_sort_weight`` sum to at most 1), else 0.
        token_sort_weight: weight of the best token-sorted ``fuzz.ratio``
            (that is, ``fuzz.token_sort_ratio``).
        rescore: how many of the best intents by prototype score get the fuzzy
            rescoring (:meth:`rank` looks at ``max(limit, rescore)`` intents; any
            beyond these keep only the prototype part of the score).
        lead_weight: how much of its *lead* is added to an intent's score: the
            lead is how far the score is above the mean score of the two best
            other intents (0 if it is not).  The order of :meth:`rank` stays the
            same; a clear winner is pushed towards 1 and a near tie is not, so
            a threshold on the top score rejects out-of-scope text better when
            there are many intents.  ``None``: 1.0 from ``many_intents`` intents
            on, else 0 (with few intents every winner has a lead, and the bar
            the score is compared with is then better kept on the similarity).
        many_intents: intent count from which ``ratio_weight=None`` and
            ``lead_weight=None`` switch on (measured on CLINC150's 150 intents
            and careerbot's 21, see ``benchmarks/``).
        typo_cutoff: minimum ``fuzz.ratio`` (0-100) for mapping an unknown
            query word to a vocabulary word; ``None`` disables typo correction.
        typo_min_length: shorter unknown words are not corrected.
        max_corrections: at most this many words of one query are looked up.
        refine_epochs: passes of prototype refinement over the examples.
            Refining needs numpy, imported at construction time only.
            ``None``: 6 when there are at least ``refine_min_examples``
            examples and numpy is installed, else 0.  Pass ``0`` to build
            without numpy (faster on small sets, somewhat less accurate).
        refine_margin: score margin the refinement asks between an example's
            intent and the best other intent.
        refine_min_examples: example count from which ``refine_epochs=None``
            refines (by default every set: on careerbot's 23 intents refining
            lifts the matcher alone from 82 % to 88 % on its held-out
            questions, see ``benchmarks/matcher_careerbot.py``).
        seed: seed of the refinement's example order (results are deterministic).

    Raises:
        TypeError: ``examples`` is not a mapping of ``str`` to sequences of ``str``.
        ValueError: no intents, an intent without (usable) examples, or an option
            out of range.
        ImportError: ``refine_epochs`` > 0 but numpy is not installed.
    """

    __slots__ = (
        "_buckets",
        "_exact",
        "_examples",
        "_idf2",
        "_intents",
        "_known",
        "_known_stems",
        "_lead_weight",
        "_max_chars",
        "_max_corrections",
        "_max_tokens",
        "_n_docs",
        "_ngram_range",
        "_processor",
        "_proto_weight",
        "_ratio_weight",
        "_rescore",
        "_scales",
        "_scorer",
        "_sorted_examples",
        "_stems",
        "_token_sort_weight",
        "_typo_cutoff",
        "_typo_min_length",
        "_unknown_idf2",
        "_vocabs",
    )

    def __init__(
        self,
        examples: Mapping[str, Sequence[str]],
        *,
        processor: Callable[[str], str] | None = default_process,
        max_chars: int = MAX_INPUT_CHARS,
        max_tokens: int = 32,
        ngram_range: tuple[int, int] = (3, 3),
        word_weight: float = 1.0,
        bigram_weight: float = 0.5,
        char_weight: float = 1.0,
        ratio_weight: float | None = None,
        token_sort_weight: float = 0.25,
        rescore: int = 3,
        lead_weight: float | None = None,
        many_intents: int = 50,
        typo_cutoff: float | None = 80.0,
        typo_min_length: int = 4,
        max_corrections: int = 3,
        refine_epochs: int | None = None,
        refine_margin: float = 0.3,
        refine_min_examples: int = 1,
        seed: int = 0,
    ) -> None:
        _check_options(
            max_chars=max_chars,
            max_tokens=max_tokens,
            ngram_range=ngram_range,
            weights=(word_weight, bigram_weight, char_weight),
            ratio_weight=ratio_weight,
            token_sort_weight=token_sort_weight,
            rescore=rescore,
            lead_weight=lead_weight,
            many_intents=many_intents,
            typo_cutoff=typo_cutoff,
            typo_min_length=typo_min_length,
            max_corrections=max_corrections,
            refine_epochs=refine_epochs,
            refine_margin=refine_margin,
        )
        self._processor = processor
        self._max_chars = max_chars
        self._max_tokens = max_tokens
        self._ngram_range = ngram_range
        self._token_sort_weight = token_sort_weight
        self._rescore = rescore
        self._typo_cutoff = typo_cutoff
        self._typo_min_length = typo_min_length
        self._max_corrections = max_corrections
        self._scales = (math.sqrt(word_weight), math.sqrt(bigram_weight), math.sqrt(char_weight))

        intents, docs, labels = self._read_examples(examples)
        self._intents: tuple[str, ...] = intents
        many = len(intents) >= many_intents
        if ratio_weight is None:
            ratio_weight = min(_MANY_RATIO_WEIGHT, 1.0 - token_sort_weight) if many else 0.0
        self._ratio_weight: float = ratio_weight
        self._proto_weight = 1.0 - ratio_weight - token_sort_weight
        self._lead_weight: float = (_MANY_LEAD_WEIGHT if many else 0.0) if lead_weight is None else lead_weight
        n_docs = len(docs)
        self._n_docs = n_docs
        n_intents = len(intents)

        # Vocabularies (one per feature group, global feature ids) and idf.
        known = frozenset(tok for tokens in docs for tok in tokens)
        self._known: frozenset[str] = known
        self._stems: dict[str, str] = {tok: light_stem(tok) for tok in known}
        self._known_stems: frozenset[str] = frozenset(self._stems.values())
        doc_keys = [
            tuple(list(dict.fromkeys(group)) for group in _keys(tokens, ngram_range, self._stems))
            for tokens in docs
        ]
        vocabs: tuple[dict[str, int], dict[str, int], dict[str, int]] = ({}, {}, {})
        df: list[int] = []
        for g, vocab in enumerate(vocabs):
            counter = Counter(chain.from_iterable(keys[g] for keys in doc_keys))
            vocab.update(zip(counter, count(len(df))))
            df += counter.values()
        self._vocabs = vocabs
        idf = [math.log((n_docs + 1) / (d + 1)) + 1.0 for d in df]
        self._idf2: tuple[float, ...] = tuple(w * w for w in idf)
        self._unknown_idf2 = (math.log(n_docs + 1) + 1.0) ** 2

        # Words that typo correction may map to, bucketed by (first or last letter, length).
        self._buckets = _typo_buckets(known, typo_min_length)

        # Unit example vectors -> intent prototypes -> per-feature rows of idf * prototype.
        parts = [self._encode_known(keys) for keys in doc_keys]
        epochs = refine_epochs
        if epochs is None:
            epochs = 6 if n_docs >= refine_min_examples and _numpy_available() else 0
        max_features = max_tokens * (_MAX_TOKEN_CHARS + 1) * (ngram_range[1] - ngram_range[0] + 1) + 2
        packable = len(df) * n_intents <= _PACKED_MAX_LANES
        if epochs > 0:
            matrix = _refined_prototypes(parts, labels, idf, n_intents, epochs, refine_margin, seed)
            bits = _PackedRows.weight_bits(2.0 * float(abs(matrix).max()), max_features)
            if packable and bits >= 20:
                self._scorer: _Scorer = _PackedRows.from_matrix(matrix, bits)
            else:
                self._scorer = _SparseRows(
                    [[(i, w) for i, w in enumerate(row) if w != 0.0] for row in matrix.tolist()], n_intents
                )
        else:
            columns = _centroid_prototypes(parts, labels, idf, n_intents)
            max_weight = max((max(map(abs, c.values()), default=0.0) for c in columns), default=0.0)
            bits = _PackedRows.weight_bits(2.0 * max_weight, max_features)
            if packable and bits >= 20:
                self._scorer = _PackedRows.from_columns(columns, len(df), bits)
            else:
                rows: list[list[tuple[int, float]]] = [[] for _ in df]
                for intent, column in enumerate(columns):
                    for fid, w in column.items():
                        rows[fid].append((intent, w))
                self._scorer = _SparseRows(rows, n_intents)

        grouped: list[dict[str, None]] = [{} for _ in intents]
        for tokens, label in zip(docs, labels):
            grouped[label][" ".join(tokens)] = None
        self._examples: tuple[tuple[str, ...], ...] = tuple(tuple(g) for g in grouped)
        self._sorted_examples: tuple[tuple[str, ...], ...] = tuple(
            tuple(" ".join(sorted(text.split())) for text in g) for g in self._examples
        )
        # An example word for word is its intent, whatever the other features say ("what do they
        # do" is a definition example even where the projects examples share more n-grams);
        # a text that is an example of two intents settles nothing.
        owners: dict[str, set[int]] = {}
        for idx, group in enumerate(self._examples):
            for text in group:
                owners.setdefault(text, set()).add(idx)
        self._exact: dict[str, int] = {text: next(iter(o)) for text, o in owners.items() if len(o) == 1}

    # ------------------------------------------------------------------ building

    def _read_examples(
        self, examples: Mapping[str, Sequence[str]]
    ) -> tuple[tuple[str, ...], list[list[str]], list[int]]:
        """Validate ``examples``; return the intents, tokenised examples and their labels."""
        if not isinstance(examples, Mapping):
            raise TypeError(
                f"examples must be a mapping of intent -> examples, not {type(examples).__name__}"
            )
        if not examples:
            raise ValueError("examples is empty: IntentMatcher needs at least one intent with examples")
        intents: list[str] = []
        docs: list[list[str]] = []
        labels: list[int] = []
        for intent, phrasings in examples.items():
            if not isinstance(intent, str):
                raise TypeError(f"intent names must be str, not {type(intent).__name__}: {intent!r}")
            if isinstance(phrasings, str) or not isinstance(phrasings, Sequence):
                raise TypeError(
                    f"examples of intent {intent!r} must be a sequence of str, not {type(phrasings).__name__}"
                )
            if not phrasings:
                raise ValueError(f"intent {intent!r} has no examples")
            label = len(intents)
            usable = 0
            for phrase in phrasings:
                if not isinstance(phrase, str):
                    raise TypeError(f"examples of intent {intent!r} must be str, not {type(phrase).__name__}")
                tokens = self._tokens(phrase, query=False)
                if tokens:
                    docs.append(tokens)
                    labels.append(label)
                    usable += 1
            if not usable:
                raise ValueError(f"intent {intent!r} has no usable examples: all are empty after processing")
            intents.append(intent)
        return tuple(intents), docs, labels

    # ------------------------------------------------------------------ querying

    def _tokens(self, text: str, *, query: bool = True) -> list[str]:
        """Processed tokens of ``text``; a query is capped to ``max_chars``/``max_tokens``."""
        if query:
            text = text[: self._max_chars]
        processed = self._processor(text) if self._processor is not None else text
        tokens = processed.split()
        if query:
            del tokens[self._max_tokens :]
        return [t if len(t) <= _MAX_TOKEN_CHARS else t[:_MAX_TOKEN_CHARS] for t in tokens]

    def _correct(self, tokens: list[str]) -> list[str]:
        """Replace unknown words by their nearest vocabulary word (rapidfuzz ``fuzz.ratio``)."""
        cutoff = self._typo_cutoff
        if cutoff is None:
            return tokens
        known, stems, buckets = self._known, self._known_stems, self._buckets
        left = self._max_corrections
        out = tokens
        for i, tok in enumerate(tokens):
            if tok in known or len(tok) < self._typo_min_length or not tok.isalpha():
                continue
            if light_stem(tok) in stems:
                continue
            if left <= 0:
                break
            left -= 1
            best: tuple[str, float] | None = None
            for choices in (buckets.get((True, tok[0], len(tok))), buckets.get((False, tok[-1], len(tok)))):
                if choices:
                    hit = process.extractOne(
                        tok, choices, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff
                    )
                    if hit is not None and (best is None or hit[1] > best[1]):
                        best = (hit[0], hit[1])
            if best is not None:
                if out is tokens:
                    out = list(tokens)
                out[i] = best[0]
        return out

    def _encode(self, keys: tuple[list[str], list[str], list[str]]) -> _Parts:
        """Unit vector of feature ``keys`` as ``[(feature ids, factor)]`` (weight = idf * factor).

        Each feature group is L2-normalised and scaled by its weight; features
        the examples never had are left out but still count in their group's
        norm (as maximally rare), so unknown text lowers every score.
        """
        idf2, unknown2 = self._idf2, self._unknown_idf2
        parts: list[tuple[list[int], float]] = []
        total = 0.0
        for vocab, group, scale in zip(self._vocabs, keys, self._scales):
            if not group or scale == 0.0:
                continue
            uniq = dict.fromkeys(group)
            fids = [f for f in map(vocab.get, uniq) if f is not None]
            norm2 = (len(uniq) - len(fids)) * unknown2 + sum(map(idf2.__getitem__, fids))
            total += scale * scale
            if fids:
                parts.append((fids, scale / math.sqrt(norm2)))
        if not parts:
            return []
        inv = 1.0 / math.sqrt(total)
        return [(fids, factor * inv) for fids, factor in parts]

    def _encode_known(self, keys: Sequence[list[str]]) -> _Parts:
        """:meth:`_encode` for an example's de-duplicated keys, which are all in the vocabulary."""
        idf2 = self._idf2
        parts: list[tuple[list[int], float]] = []
        total = 0.0
        for vocab, group, scale in zip(self._vocabs, keys, self._scales):
            if group and scale != 0.0:
                fids = list(map(vocab.__getitem__, group))
                parts.append((fids, scale / math.sqrt(sum(map(idf2.__getitem__, fids)))))
                total += scale * scale
        inv = 1.0 / math.sqrt(total) if total else 0.0
        return [(fids, factor * inv) for fids, factor in parts]

    def rank(self, text: str, *, limit: int = 5) -> list[tuple[str, float]]:
        """Score ``text`` against the intents: ``[(intent, score)]``, best first.

        Scores are in ``[0, 1]``; at most ``limit`` intents are returned, and
        ``[]`` when the text shares nothing (no word, no character n-gram) with
        any example.  Raises :class:`TypeError` when ``text`` is not a ``str``.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        limit = operator.index(limit)
        if limit < 1:
            return []
        tokens = self._tokens(text)
        if not tokens:
            return []
        tokens = self._correct(tokens)
        parts = self._encode(_keys(tokens, self._ngram_range, self._stems))
        if not parts:
            return []
        n_fuzzy = min(self._rescore, len(self._intents))
        n_lead = _LEAD_RIVALS + 1 if self._lead_weight else 0
        candidates = self._scorer.top(parts, min(max(limit, n_fuzzy, n_lead), len(self._intents)))
        w_proto, w_ratio, w_sort = self._proto_weight, self._ratio_weight, self._token_sort_weight
        query = " ".join(tokens)
        sorted_query = " ".join(sorted(tokens)) if w_sort else ""
        scored: list[tuple[float, int]] = []
        for position, (idx, proto) in enumerate(candidates):
            score = w_proto * min(max(proto, 0.0), 1.0)
            if position < n_fuzzy:
                if w_ratio:
                    hit = process.extractOne(query, self._examples[idx], scorer=fuzz.ratio, processor=None)
                    score += w_ratio * hit[1] / 100.0 if hit else 0.0
                if w_sort:
                    hit = process.extractOne(
                        sorted_query, self._sorted_examples[idx], scorer=fuzz.ratio, processor=None
                    )
                    score += w_sort * hit[1] / 100.0 if hit else 0.0
            scored.append((min(max(score, 0.0), 1.0), idx))
        # With rapidfuzz rescoring on, an example word for word scores as one.
        exact = self._exact.get(query) if n_fuzzy and (w_ratio or w_sort) else None
        if exact is not None:
            scored = [(1.0, exact), *(item for item in scored if item[1] != exact)]
        # Rivals come from the same candidates whatever ``limit`` is, so ``match`` stays the head of
        # ``rank``: the rescored ones and at least ``_LEAD_RIVALS + 1``.
        pool = scored[: max(n_fuzzy, n_lead)]
        scored.sort(key=lambda item: (-item[0], item[1]))
        if self._lead_weight:
            # After sorting: the lead keeps the order, and ties it makes at 1 must not reorder.
            scored = _with_lead(scored, self._lead_weight, sorted(pool, key=lambda item: (-item[0], item[1])))
        return [(self._intents[idx], score) for score, idx in scored[:limit] if score > 0.0]

    def match(self, text: str, *, score_cutoff: float | None = None) -> tuple[str, float] | None:
        """The best ``(intent, score)`` for ``text``, or ``None``.

        ``None`` when nothing overlaps at all or the best score is below
        ``score_cutoff``.  Raises :class:`TypeError` when ``text`` is not a ``str``.
        """
        ranked = self.rank(text, limit=1)
        if not ranked:
            return None
        intent, score = ranked[0]
        if score_cutoff is not None and score < score_cutoff:
            return None
        return intent, score

    @property
    def intents(self) -> tuple[str, ...]:
        """The intent names, in the order of ``examples``."""
        return self._intents

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self._intents)} intents, {self._n_docs} examples)"
