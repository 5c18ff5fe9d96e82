"""Generic fuzzy intent matcher: which intent does a short text belong to?

:class:`IntentMatcher` is built from ``{intent: [example, ...]}`` and scores a
query against every intent in two stages:

1. **Prototype score.**  Every text becomes a sparse TF-IDF vector of three
   feature groups: lightly stemmed words, word bigrams and character n-grams
   inside words (``<da``, ``dat``, ``ata``, ``ta>`` ...).  Each group is
   L2-normalised and weighted, then the whole vector is normalised, so the dot
   product of two texts is a cosine in ``[0, 1]``.  Each intent has one
   prototype: the normalised centroid of its example vectors.  On large example
   sets (or when asked) the prototypes are refined on the examples themselves
   by a few averaged passive-aggressive passes (a prototype is pulled towards
   its examples that score too close to another intent and pushed away from
   the examples of intents it is confused with), which keeps the score
   cosine-like but makes it discriminative.
2. **Fuzzy rescoring with rapidfuzz.**  Query words that are not in the
   example vocabulary are first mapped to their nearest vocabulary word
   (``rapidfuzz.process.extractOne`` with ``fuzz.ratio``) so typos still hit
   the word features.  The best few intents by prototype score are then
   rescored with the best ``fuzz.ratio`` and ``fuzz.token_sort_ratio`` between
   the query and that intent's examples, so a near-verbatim example wins.

The final score is a convex combination of the three parts, clipped to
``[0, 1]``: a single absolute threshold on it (for example 0.25) is a
meaningful "nothing matches" test.

Work per query is capped: only the first ``max_chars`` characters and the
first ``max_tokens`` tokens of a query are looked at.  Instances are immutable
after construction and :meth:`IntentMatcher.rank` keeps no state, so one
instance can be shared by many threads without locks.

Example sets with at least ``numpy_min_examples`` examples use numpy (imported
lazily, only then) for the prototype scores and the refinement; small sets are
scored in pure Python, so importing this module costs only rapidfuzz.

>>> m = IntentMatcher({"greet": ["hello there", "hi"], "thanks": ["thank you", "thanks a lot"]})
>>> m.match("helo")[0]
'greet'
>>> m.match("qwzx vbnm", score_cutoff=0.5) is None
True
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal, Protocol

from rapidfuzz import fuzz, process

from .normalize import MAX_INPUT_CHARS, default_process

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["IntentMatcher", "light_stem"]

#: Longest token (in characters) that is matched; longer ones are cut.
_MAX_TOKEN_CHARS = 32
#: Above this many intents the pure-Python backend keeps sparse prototype rows.
_DENSE_MAX_INTENTS = 64

# A query/example encoded as unit vector parts: ``[(feature ids, factor)]``; the
# weight of feature ``f`` in the vector is ``idf[f] * factor``.
_Parts = list[tuple[list[int], float]]


def light_stem(token: str) -> str:
    """Strip a few English inflections (``-ies``, ``-ing``, ``-ed``, ``-es``, ``-s``).

    Deliberately light: it only has to make ``transfers``/``transferring`` and
    ``transfer`` share a word feature; character n-grams do the rest.  Tokens
    with digits or of three characters or fewer are returned unchanged.

    >>> [light_stem(w) for w in ("companies", "booking", "booked", "boxes", "cards", "class", "bus")]
    ['company', 'book', 'book', 'box', 'card', 'class', 'bus']
    """
    if len(token) <= 3 or not token.isalpha():
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith("ing") and len(token) >= 6:
        return token[:-3]
    if token.endswith("ed") and len(token) >= 5:
        return token[:-2]
    if token.endswith("es") and len(token) > 4 and token[-3] in "sxz":
        return token[:-2]
    if token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


def _keys(tokens: Sequence[str], ngram_range: tuple[int, int]) -> tuple[list[str], list[str], list[str]]:
    """Feature keys of ``tokens``: stemmed words, stemmed word bigrams, character n-grams.

    Character n-grams are taken from the space-padded text, so they mark word
    starts and ends (``" da"``, ``"ta "``) and, at the top sizes, short word
    transitions.
    """
    stems = [light_stem(t) for t in tokens]
    bigrams = [a + " " + b for a, b in zip(stems, stems[1:])]
    text = " " + " ".join(tokens) + " "
    grams: list[str] = []
    for n in range(ngram_range[0], ngram_range[1] + 1):
        grams += [text[i : i + n] for i in range(len(text) - n + 1)]
    return stems, bigrams, grams


class _Scorer(Protocol):
    """Prototype scores of an encoded query against every intent."""

    def top(self, parts: _Parts, k: int) -> list[tuple[int, float]]:
        """The ``k`` intents with the highest prototype score, best first."""
        ...


class _DenseRows:
    """Per-feature rows of ``idf * prototype`` as Python tuples: fastest for a few dozen intents."""

    __slots__ = ("_n", "_rows")

    def __init__(self, rows: Sequence[tuple[float, ...]], n_intents: int) -> None:
        self._rows = tuple(rows)
        self._n = n_intents

    def top(self, parts: _Parts, k: int) -> list[tuple[int, float]]:
        get = self._rows.__getitem__
        acc = [0.0] * self._n
        for fids, factor in parts:
            # zip(*rows) + sum run in C: one pass per intent over the query's rows.
            acc = [a + factor * s for a, s in zip(acc, map(sum, zip(*map(get, fids))))]
        best = heapq.nlargest(k, range(self._n), key=acc.__getitem__)
        return [(i, acc[i]) for i in best]


class _SparseRows:
    """Per-feature sparse rows ``(intents, idf * prototype)``: for many intents without numpy."""

    __slots__ = ("_n", "_rows")

    def __init__(self, rows: Sequence[tuple[tuple[int, ...], tuple[float, ...]]], n_intents: int) -> None:
        self._rows = tuple(rows)
        self._n = n_intents

    def top(self, parts: _Parts, k: int) -> list[tuple[int, float]]:
        acc = [0.0] * self._n
        rows = self._rows
        for fids, factor in parts:
            for fid in fids:
                idxs, vals = rows[fid]
                for i, x in zip(idxs, vals):
                    acc[i] += factor * x
        best = heapq.nlargest(k, range(self._n), key=acc.__getitem__)
        return [(i, acc[i]) for i in best]


class _NumpyRows:
    """Dense ``features x intents`` matrix of ``idf * prototype`` in numpy: for large example sets."""

    __slots__ = ("_matrix", "_n")

    def __init__(self, matrix: NDArray[np.float32]) -> None:
        matrix.setflags(write=False)
        self._matrix = matrix
        self._n = int(matrix.shape[1])

    def top(self, parts: _Parts, k: int) -> list[tuple[int, float]]:
        import numpy as np

        idx = np.fromiter((f for fids, _ in parts for f in fids), dtype=np.intp)
        weights = np.repeat(
            np.array([factor for _, factor in parts], dtype=np.float32),
            [len(fids) for fids, _ in parts],
        )
        scores = weights @ self._matrix[idx]
        if k < self._n:
            part = np.argpartition(-scores, k - 1)[:k]
        else:
            part = np.arange(self._n)
        order = part[np.argsort(-scores[part], kind="stable")]
        return [(int(i), float(scores[i])) for i in order]


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
            between the query and the intent's examples.
        token_sort_weight: weight of the best token-sorted ``fuzz.ratio``
            (that is, ``fuzz.token_sort_ratio``).
        rescore: how many intents (at least ``limit``) get the fuzzy rescoring.
        typo_cutoff: minimum ``fuzz.ratio`` (0-100) for mapping an unknown
            query word to a vocabulary word; ``None`` disables typo correction.
        typo_min_length: shorter unknown words are not corrected.
        max_corrections: at most this many words of one query are looked up.
        refine_epochs: passes of prototype refinement over the examples;
            ``None`` means 6 with the numpy backend and 0 otherwise.  Refining
            needs numpy (at construction time only).
        refine_margin: score margin the refinement asks between an example's
            intent and the best other intent.
        backend: ``"python"``, ``"numpy"`` or ``"auto"`` (numpy when there
            are at least ``numpy_min_examples`` examples).
        numpy_min_examples: size from which ``"auto"`` picks numpy.
        seed: seed of the refinement's example order (results are deterministic).

    Raises:
        TypeError: ``examples`` is not a mapping of ``str`` to sequences of ``str``.
        ValueError: no intents, an intent without (usable) examples, or an option
            out of range.
    """

    __slots__ = (
        "_buckets",
        "_examples",
        "_idf2",
        "_intents",
        "_known",
        "_known_stems",
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
        ngram_range: tuple[int, int] = (3, 4),
        word_weight: float = 1.0,
        bigram_weight: float = 0.5,
        char_weight: float = 1.0,
        ratio_weight: float = 0.15,
        token_sort_weight: float = 0.15,
        rescore: int = 5,
        typo_cutoff: float | None = 80.0,
        typo_min_length: int = 4,
        max_corrections: int = 3,
        refine_epochs: int | None = None,
        refine_margin: float = 0.3,
        backend: Literal["auto", "python", "numpy"] = "auto",
        numpy_min_examples: int = 2000,
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
            typo_cutoff=typo_cutoff,
            refine_epochs=refine_epochs,
            backend=backend,
        )
        self._processor = processor
        self._max_chars = max_chars
        self._max_tokens = max_tokens
        self._ngram_range = ngram_range
        self._ratio_weight = ratio_weight
        self._token_sort_weight = token_sort_weight
        self._proto_weight = 1.0 - ratio_weight - token_sort_weight
        self._rescore = rescore
        self._typo_cutoff = typo_cutoff
        self._typo_min_length = typo_min_length
        self._max_corrections = max_corrections
        self._scales = (math.sqrt(word_weight), math.sqrt(bigram_weight), math.sqrt(char_weight))

        intents, docs, labels = self._read_examples(examples)
        self._intents: tuple[str, ...] = intents
        n_docs = len(docs)
        self._n_docs = n_docs
        n_intents = len(intents)

        # Vocabularies (one per feature group, global feature ids) and idf.
        doc_keys = [_keys(tokens, ngram_range) for tokens in docs]
        vocabs: tuple[dict[str, int], dict[str, int], dict[str, int]] = ({}, {}, {})
        df: list[int] = []
        for keys in doc_keys:
            for vocab, group in zip(vocabs, keys):
                for key in dict.fromkeys(group):
                    fid = vocab.get(key)
                    if fid is None:
                        vocab[key] = len(df)
                        df.append(1)
                    else:
                        df[fid] += 1
        self._vocabs = vocabs
        idf = [math.log((n_docs + 1) / (d + 1)) + 1.0 for d in df]
        self._idf2: tuple[float, ...] = tuple(w * w for w in idf)
        self._unknown_idf2 = (math.log(n_docs + 1) + 1.0) ** 2

        # Words that typo correction may map to, bucketed by (first or last letter, length).
        known = frozenset(tok for tokens in docs for tok in tokens)
        self._known: frozenset[str] = known
        self._known_stems: frozenset[str] = frozenset(light_stem(tok) for tok in known)
        self._buckets = _typo_buckets(known, typo_min_length)

        # Unit example vectors -> intent prototypes -> rows of idf * prototype.
        parts = [self._encode(keys) for keys in doc_keys]
        use_numpy = backend == "numpy" or (backend == "auto" and n_docs >= numpy_min_examples)
        epochs = (6 if use_numpy else 0) if refine_epochs is None else refine_epochs
        if use_numpy or epochs > 0:
            matrix = _numpy_prototypes(parts, labels, idf, n_intents, epochs, refine_margin, seed)
            if use_numpy:
                self._scorer: _Scorer = _NumpyRows(matrix)
            else:
                rows = matrix.tolist()
                if n_intents <= _DENSE_MAX_INTENTS:
                    self._scorer = _DenseRows([tuple(r) for r in rows], n_intents)
                else:
                    self._scorer = _SparseRows([_sparse(r) for r in rows], n_intents)
        else:
            centroids = _python_prototypes(parts, labels, idf, n_intents)
            if n_intents <= _DENSE_MAX_INTENTS:
                dense = [[0.0] * n_intents for _ in df]
                for i, c in enumerate(centroids):
                    for fid, w in c.items():
                        dense[fid][i] = w
                self._scorer = _DenseRows([tuple(r) for r in dense], n_intents)
            else:
                sparse: list[list[tuple[int, float]]] = [[] for _ in df]
                for i, c in enumerate(centroids):
                    for fid, w in c.items():
                        sparse[fid].append((i, w))
                self._scorer = _SparseRows(
                    [(tuple(i for i, _ in r), tuple(w for _, w in r)) for r in sparse], n_intents
                )

        grouped: list[dict[str, None]] = [{} for _ in intents]
        for tokens, label in zip(docs, labels):
            grouped[label][" ".join(tokens)] = None
        self._examples: tuple[tuple[str, ...], ...] = tuple(tuple(g) for g in grouped)
        self._sorted_examples: tuple[tuple[str, ...], ...] = tuple(
            tuple(" ".join(sorted(text.split())) for text in g) for g in self._examples
        )

    # ------------------------------------------------------------------ building

    def _read_examples(
        self, examples: Mapping[str, Sequence[str]]
    ) -> tuple[tuple[str, ...], list[list[str]], list[int]]:
        """Validate ``examples``; return the intents, tokenised examples and their labels."""
        if not isinstance(examples, Mapping):
            raise TypeError(f"examples must be a mapping of intent -> examples, not {type(examples).__name__}")
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
                    hit = process.extractOne(tok, choices, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff)
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

    def rank(self, text: str, *, limit: int = 5) -> list[tuple[str, float]]:
        """Score ``text`` against the intents: ``[(intent, score)]``, best first.

        Scores are in ``[0, 1]``; at most ``limit`` intents are returned, and
        ``[]`` when the text shares nothing (no word, no character n-gram) with
        any example.  Raises :class:`TypeError` when ``text`` is not a ``str``.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        if limit < 1:
            return []
        tokens = self._tokens(text)
        if not tokens:
            return []
        tokens = self._correct(tokens)
        parts = self._encode(_keys(tokens, self._ngram_range))
        if not parts:
            return []
        candidates = self._scorer.top(parts, min(max(limit, self._rescore), len(self._intents)))
        w_proto, w_ratio, w_sort = self._proto_weight, self._ratio_weight, self._token_sort_weight
        query = " ".join(tokens)
        sorted_query = " ".join(sorted(tokens)) if w_sort else ""
        scored: list[tuple[float, int]] = []
        for idx, proto in candidates:
            score = w_proto * min(max(proto, 0.0), 1.0)
            if w_ratio:
                hit = process.extractOne(query, self._examples[idx], scorer=fuzz.ratio, processor=None)
                score += w_ratio * hit[1] / 100.0 if hit else 0.0
            if w_sort:
                hit = process.extractOne(sorted_query, self._sorted_examples[idx], scorer=fuzz.ratio, processor=None)
                score += w_sort * hit[1] / 100.0 if hit else 0.0
            score = min(max(score, 0.0), 1.0)
            if score > 0.0:
                scored.append((score, idx))
        scored.sort(key=lambda item: (-item[0], item[1]))
        return [(self._intents[idx], score) for score, idx in scored[:limit]]

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


def _check_options(
    *,
    max_chars: int,
    max_tokens: int,
    ngram_range: tuple[int, int],
    weights: tuple[float, float, float],
    ratio_weight: float,
    token_sort_weight: float,
    rescore: int,
    typo_cutoff: float | None,
    refine_epochs: int | None,
    backend: str,
) -> None:
    """Raise :class:`ValueError` for an option out of its range."""
    if max_chars < 1 or max_tokens < 1:
        raise ValueError("max_chars and max_tokens must be at least 1")
    lo, hi = ngram_range
    if not 1 <= lo <= hi:
        raise ValueError(f"ngram_range must be (lo, hi) with 1 <= lo <= hi, not {ngram_range!r}")
    if min(weights) < 0 or max(weights) <= 0:
        raise ValueError("word/bigram/char weights must be >= 0 and not all 0")
    if ratio_weight < 0 or token_sort_weight < 0 or ratio_weight + token_sort_weight > 1:
        raise ValueError("ratio_weight and token_sort_weight must be >= 0 and sum to at most 1")
    if rescore < 1:
        raise ValueError("rescore must be at least 1")
    if typo_cutoff is not None and not 0 < typo_cutoff <= 100:
        raise ValueError("typo_cutoff must be in (0, 100] or None")
    if refine_epochs is not None and refine_epochs < 0:
        raise ValueError("refine_epochs must be >= 0 or None")
    if backend not in ("auto", "python", "numpy"):
        raise ValueError(f"backend must be 'auto', 'python' or 'numpy', not {backend!r}")


def _typo_buckets(known: frozenset[str], min_length: int) -> dict[tuple[bool, str, int], tuple[str, ...]]:
    """Vocabulary words by ``(True, first letter, length)`` and ``(False, last letter, length)``.

    A bucket for length ``n`` holds the words of length ``n - 1`` to ``n + 1``,
    so a typo (one substitution, insertion, deletion or transposition) that
    keeps either the first or the last letter finds its word in a short list.
    """
    buckets: dict[tuple[bool, str, int], list[str]] = {}
    for tok in sorted(known):
        if not tok.isalpha() or len(tok) < min_length - 1:
            continue
        for size in (len(tok) - 1, len(tok), len(tok) + 1):
            buckets.setdefault((True, tok[0], size), []).append(tok)
            buckets.setdefault((False, tok[-1], size), []).append(tok)
    return {key: tuple(words) for key, words in buckets.items()}


def _sparse(row: Sequence[float]) -> tuple[tuple[int, ...], tuple[float, ...]]:
    """The non-zero entries of a dense row as ``(indices, values)``."""
    nz = [(i, w) for i, w in enumerate(row) if w != 0.0]
    return tuple(i for i, _ in nz), tuple(w for _, w in nz)


def _python_prototypes(
    parts: Sequence[_Parts], labels: Sequence[int], idf: Sequence[float], n_intents: int
) -> list[dict[int, float]]:
    """Normalised intent centroids times idf, as ``{feature id: weight}`` per intent, without numpy."""
    centroids: list[dict[int, float]] = [{} for _ in range(n_intents)]
    for doc, label in zip(parts, labels):
        c = centroids[label]
        get = c.get
        for fids, factor in doc:
            for fid in fids:
                c[fid] = get(fid, 0.0) + idf[fid] * factor
    for c in centroids:
        norm = math.sqrt(sum(w * w for w in c.values())) or 1.0
        for fid, w in c.items():
            c[fid] = w / norm * idf[fid]
    return centroids


def _numpy_prototypes(
    parts: Sequence[_Parts],
    labels: Sequence[int],
    idf: Sequence[float],
    n_intents: int,
    epochs: int,
    margin: float,
    seed: int,
) -> NDArray[np.float32]:
    """``idf * prototype`` as a ``features x intents`` matrix, refined for ``epochs`` passes.

    Starts from the normalised centroids of the unit example vectors; each
    pass visits the examples in a seeded random order and, when the best wrong
    intent scores within ``margin`` of the right one, moves both prototypes by
    the passive-aggressive step (capped at 1).  The result is the average of
    the prototypes over all steps, which is much more stable than the last one.
    """
    import numpy as np

    idf_arr = np.asarray(idf, dtype=np.float64)
    xs: list[tuple[NDArray[np.intp], NDArray[np.float64]]] = []
    for doc in parts:
        idx = np.fromiter((f for fids, _ in doc for f in fids), dtype=np.intp)
        factors = np.repeat(np.array([factor for _, factor in doc], dtype=np.float64), [len(f) for f, _ in doc])
        xs.append((idx, factors * idf_arr[idx]))
    weights = np.zeros((len(idf), n_intents), dtype=np.float64)
    for (idx, val), label in zip(xs, labels):
        weights[idx, label] += val
    norms = np.linalg.norm(weights, axis=0)
    norms[norms == 0] = 1.0
    weights /= norms
    if epochs > 0 and n_intents > 1:
        # Averaged updates with the usual trick: average = weights - shifted / step.
        shifted = np.zeros_like(weights)
        step = 1.0
        rng = np.random.default_rng(seed)
        ys = np.asarray(labels, dtype=np.intp)
        for _ in range(epochs):
            for n in rng.permutation(len(xs)):
                idx, val = xs[n]
                y = int(ys[n])
                scores = val @ weights[idx]
                right = scores[y]
                scores[y] = -np.inf
                wrong = int(np.argmax(scores))
                loss = margin - (right - scores[wrong])
                if loss > 0.0:
                    delta = min(1.0, loss / (2.0 * float(val @ val))) * val
                    weights[idx, y] += delta
                    weights[idx, wrong] -= delta
                    shifted[idx, y] += step * delta
                    shifted[idx, wrong] -= step * delta
                step += 1.0
        weights -= shifted / step
    result: NDArray[np.float32] = (weights * idf_arr[:, None]).astype(np.float32)
    return result
