"""Generic fuzzy intent matcher: which intent does a short text belong to?

:class:`IntentMatcher` is built from ``{intent: [example, ...]}`` and scores a
query against every intent in three steps:

1. **Typo correction with rapidfuzz.**  A query word that is not in the
   examples' vocabulary (nor is its stem) is mapped to the closest vocabulary
   word by ``rapidfuzz.process.extractOne(..., scorer=fuzz.ratio,
   score_cutoff=typo_cutoff)``, searched among words of about the same length
   that share its first or its last letter.
2. **Prototype score.**  Every text becomes a sparse TF-IDF vector of three
   feature groups: lightly stemmed words, stemmed word bigrams and character
   trigrams of the space-padded text (``" da"``, ``"dat"``, ``"ata"`` ...).
   Each group is L2-normalised and weighted, then the whole vector is
   normalised, so the dot product of two texts is a cosine in ``[0, 1]``;
   query features that no example has still count in the norm, so unknown
   words lower the score.  Each intent has one prototype: the normalised
   centroid of its example vectors.  When numpy is installed (and unless
   ``refine_epochs=0``) the prototypes are then refined on the examples
   themselves by a few averaged passive-aggressive passes: when an example scores within a margin of a
   wrong intent, its intent's prototype is pulled towards it and the wrong
   one pushed away.  The score stays cosine-like but becomes discriminative.
3. **Fuzzy rescoring with rapidfuzz.**  The ``rescore`` best intents by
   prototype score get the best ``fuzz.token_sort_ratio`` between the query
   and that intent's examples (and, with many intents, the best ``fuzz.ratio``)
   mixed in, so a near-verbatim example wins and word order does not matter.
4. **Lead** (many intents only, ``lead_weight``).  Each intent's score gets
   its lead over its two best rivals added: ``s + max(0, s - mean(rivals))``.
   The order stays the same, but a clear winner moves towards 1 while a near
   tie does not.  Out-of-scope text among many intents tends to match several
   of them about equally, so the lead makes one threshold on the top score a
   test of scope that carries from validation to unseen data much better than
   the similarity alone (CLINC150: out-of-scope recall of the 100 ``oos_train``
   queries at the threshold ``val`` picks, 33 % without, 53 % with the lead).

The similarity is a convex combination of the parts of steps 2 and 3, in
``[0, 1]``; the lead keeps it there (clipped at 1).  So one absolute threshold
on the top score is a meaningful "nothing matches" test (about 0.3 on a
chatbot-sized set, about 0.44 on CLINC150).  On CLINC150 the matcher reaches
93.5 % in-scope accuracy without a threshold (see ``benchmarks/clinc150.py``).

Work per query is capped: only the first ``max_chars`` characters and the
first ``max_tokens`` tokens are matched, and at most ``max_corrections`` words
are looked up for typos.  Instances are immutable after construction and
:meth:`IntentMatcher.rank` keeps no state, so one instance can be shared by
many threads without locks.

Scoring is pure Python: each feature's per-intent weights are packed into
one big integer (a 64-bit fixed-point lane per intent), so the prototype
scores of a query are a few big-integer additions.  A query takes about
0.06 ms on a chatbot-sized set and about 0.15 ms on CLINC150 (150 intents).
numpy is only used, imported lazily at construction time, to refine the
prototypes (by default whenever it is installed; ``refine_epochs=0`` builds
without it); importing this module costs only rapidfuzz.

>>> m = IntentMatcher({"greet": ["hello there", "hi"], "thanks": ["thank you", "thanks a lot"]})
>>> m.match("helo")[0]
'greet'
>>> m.match("qwzx vbnm", score_cutoff=0.5) is None
True
"""

from __future__ import annotations

import heapq
import math
import operator
import sys
from array import array
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from itertools import accumulate, chain, count, repeat
from operator import add, mul
from typing import TYPE_CHECKING, Protocol

from rapidfuzz import fuzz, process

from .nlu.normalize import MAX_INPUT_CHARS, default_process

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["IntentMatcher", "light_stem"]

#: Longest token (in characters) that is matched; longer ones are cut.
_MAX_TOKEN_CHARS = 32
#: ``ratio_weight`` and ``lead_weight`` when they are ``None`` and there are ``many_intents``.
_MANY_RATIO_WEIGHT = 0.2
_MANY_LEAD_WEIGHT = 1.0
#: Largest accepted ``lead_weight``.
_MAX_LEAD_WEIGHT = 10.0
#: The lead of an intent is measured against this many best other intents (their mean score).
_LEAD_RIVALS = 2
#: Above this many ``features x intents`` the prototypes are kept as sparse rows, not packed.
_PACKED_MAX_LANES = 16_000_000

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


def _keys(
    tokens: Sequence[str], ngram_range: tuple[int, int], stems: Mapping[str, str] | None = None
) -> tuple[list[str], list[str], list[str]]:
    """Feature keys of ``tokens``: stemmed words, stemmed word bigrams, character n-grams.

    Character n-grams are taken from the space-padded text, so they mark word
    starts and ends (``" da"``, ``"ta "``) and, at the larger sizes, short word
    transitions.  ``stems`` is an optional precomputed ``{token: stem}`` cache.
    """
    if stems is None:
        words = [light_stem(t) for t in tokens]
    else:
        get = stems.get
        words = [get(t) or light_stem(t) for t in tokens]
    bigrams = [a + " " + b for a, b in zip(words, words[1:])]
    text = " " + " ".join(tokens) + " "
    grams: list[str] = []
    for n in range(ngram_range[0], ngram_range[1] + 1):
        grams += map("".join, zip(*[text[i:] for i in range(n)]))
    return words, bigrams, grams


class _Scorer(Protocol):
    """Prototype scores of an encoded query against every intent."""

    def top(self, parts: _Parts, k: int) -> list[tuple[int, float]]:
        """The ``k`` intents with the highest prototype score, best first."""
        ...


class _PackedRows:
    """Per-feature rows of ``idf * prototype`` packed into one Python ``int`` each.

    Every intent gets a 64-bit lane holding a fixed-point weight (shifted by
    ``offset`` to be non-negative), so scoring a query is a few big-integer
    additions and multiplications in C instead of ``features x intents``
    float operations.  The fixed-point precision is chosen so that no lane
    can overflow for the largest query the matcher accepts.
    """

    __slots__ = ("_n", "_nbytes", "_offset", "_rows", "_scale")

    #: Bits of a query's per-group factor (factors are at most 1).
    _FACTOR_BITS = 20

    def __init__(self, rows: tuple[int, ...], n_intents: int, weight_bits: int, offset: float) -> None:
        self._rows = rows
        self._n = n_intents
        self._nbytes = 8 * n_intents
        # The offset as the packer rounded it, so a feature weight of 0 scores exactly 0.
        self._offset = round(offset * float(1 << weight_bits))
        self._scale = 1.0 / float(1 << (weight_bits + self._FACTOR_BITS))

    @classmethod
    def from_columns(
        cls, columns: Sequence[Mapping[int, float]], n_features: int, weight_bits: int
    ) -> _PackedRows:
        """Pack per-intent sparse columns ``{feature id: weight}``."""
        n_intents = len(columns)
        offset = max(0.0, -min((min(c.values(), default=0.0) for c in columns), default=0.0))
        scale = float(1 << weight_bits)
        lanes = array("Q", [round(offset * scale)]) * (n_features * n_intents)
        for intent, column in enumerate(columns):
            for fid, w in column.items():
                lanes[fid * n_intents + intent] = round((w + offset) * scale)
        if sys.byteorder != "little":
            lanes.byteswap()
        raw = memoryview(lanes.tobytes())
        size = 8 * n_intents
        packed = tuple(int.from_bytes(raw[i : i + size], "little") for i in range(0, len(raw), size))
        return cls(packed, n_intents, weight_bits, offset)

    @classmethod
    def from_matrix(cls, matrix: NDArray[np.float64], weight_bits: int) -> _PackedRows:
        """Pack a dense ``features x intents`` numpy matrix."""
        import numpy as np

        offset = max(0.0, -float(matrix.min()))
        lanes = np.rint((matrix + offset) * float(1 << weight_bits)).astype("<u8")
        packed = tuple(int.from_bytes(row.tobytes(), "little") for row in lanes)
        return cls(packed, int(matrix.shape[1]), weight_bits, offset)

    @classmethod
    def weight_bits(cls, max_weight: float, max_features: int) -> int:
        """Fixed-point bits that keep every lane below ``2**63``.

        A lane sums, over at most three feature groups (2 bits), a factor of at
        most ``2**FACTOR_BITS`` (``FACTOR_BITS + 1`` bits) times at most
        ``max_features`` weights below ``max_weight + 1``.
        """
        headroom = 62 - (cls._FACTOR_BITS + 1) - 2 - max(1, math.ceil(math.log2(max_weight + 1.0)))
        return headroom - max(1, math.ceil(math.log2(max_features + 1)))

    def top(self, parts: _Parts, k: int) -> list[tuple[int, float]]:
        get = self._rows.__getitem__
        one = 1 << self._FACTOR_BITS
        total = 0
        count = 0
        for fids, factor in parts:
            q = round(factor * one)
            total += q * sum(map(get, fids))
            count += q * len(fids)
        lanes = array("Q", total.to_bytes(self._nbytes, "little"))
        if sys.byteorder != "little":
            lanes.byteswap()
        scale = self._scale
        base = count * self._offset
        acc = [(lane - base) * scale for lane in lanes]
        if self._n <= 64:
            best = sorted(range(self._n), key=acc.__getitem__, reverse=True)[:k]
        else:
            best = heapq.nlargest(k, range(self._n), key=acc.__getitem__)
        return [(i, acc[i]) for i in best]


class _SparseRows:
    """Per-feature sparse rows ``[(intent, idf * prototype)]``: many intents, no numpy."""

    __slots__ = ("_n", "_rows")

    def __init__(self, rows: Sequence[Sequence[tuple[int, float]]], n_intents: int) -> None:
        self._rows = tuple(tuple(row) for row in rows)
        self._n = n_intents

    def top(self, parts: _Parts, k: int) -> list[tuple[int, float]]:
        acc = [0.0] * self._n
        rows = self._rows
        for fids, factor in parts:
            for fid in fids:
                for i, x in rows[fid]:
                    acc[i] += factor * x
        best = heapq.nlargest(k, range(self._n), key=acc.__getitem__)
        return [(i, acc[i]) for i in best]


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


def _check_options(
    *,
    max_chars: int,
    max_tokens: int,
    ngram_range: tuple[int, int],
    weights: tuple[float, float, float],
    ratio_weight: float | None,
    token_sort_weight: float,
    rescore: int,
    lead_weight: float | None,
    many_intents: int,
    typo_cutoff: float | None,
    typo_min_length: int,
    max_corrections: int,
    refine_epochs: int | None,
    refine_margin: float,
) -> None:
    """Raise :class:`ValueError` for an option out of its range."""
    if max_chars < 1 or max_tokens < 1:
        raise ValueError("max_chars and max_tokens must be at least 1")
    lo, hi = ngram_range
    if not 1 <= lo <= hi <= _MAX_TOKEN_CHARS:
        raise ValueError(
            f"ngram_range must be (lo, hi) with 1 <= lo <= hi <= {_MAX_TOKEN_CHARS}, not {ngram_range!r}"
        )
    if min(weights) < 0 or max(weights) <= 0:
        raise ValueError("word_weight, bigram_weight and char_weight must be >= 0 and not all 0")
    ratio = 0.0 if ratio_weight is None else ratio_weight
    if ratio < 0 or not 0 <= token_sort_weight <= 1 or ratio + token_sort_weight > 1:
        raise ValueError("ratio_weight and token_sort_weight must be >= 0 and sum to at most 1")
    if rescore < 1:
        raise ValueError("rescore must be at least 1")
    if lead_weight is not None and not 0 <= lead_weight <= _MAX_LEAD_WEIGHT:
        raise ValueError(f"lead_weight must be in [0, {_MAX_LEAD_WEIGHT}]")
    if many_intents < 0:
        raise ValueError("many_intents must be >= 0")
    if typo_cutoff is not None and not 0 < typo_cutoff <= 100:
        raise ValueError("typo_cutoff must be in (0, 100] or None")
    if typo_min_length < 1 or max_corrections < 0:
        raise ValueError("typo_min_length must be at least 1 and max_corrections at least 0")
    if refine_epochs is not None and refine_epochs < 0:
        raise ValueError("refine_epochs must be >= 0 or None")
    if refine_margin < 0:
        raise ValueError("refine_margin must be >= 0")


def _with_lead(
    scored: list[tuple[float, int]], weight: float, pool: list[tuple[float, int]] | None = None
) -> list[tuple[float, int]]:
    """Add to each ``(score, intent)`` ``weight`` times its lead over its best rivals, clipped to 1.

    An intent's rivals are the ``_LEAD_RIVALS`` best *other* intents of ``pool``
    (``scored`` itself by default; sorted best first; missing ones count as 0),
    and its lead is ``max(0, score - mean(rival scores))``.  A higher score never
    gets a smaller lead, so the order is kept and only the scale changes: a
    clear winner is pushed up, a near tie is not, which makes one threshold on
    the top score a better out-of-scope test than the similarity alone.
    """
    if pool is None:
        pool = sorted(scored, key=lambda item: (-item[0], item[1]))
    head = pool[: _LEAD_RIVALS + 1] + [(0.0, -1)] * (_LEAD_RIVALS + 1 - len(pool[: _LEAD_RIVALS + 1]))
    out: list[tuple[float, int]] = []
    for score, idx in scored:
        rivals = [s for s, i in head if i != idx][:_LEAD_RIVALS]
        lead = score - sum(rivals) / _LEAD_RIVALS
        out.append((min(1.0, score + weight * lead) if lead > 0.0 else score, idx))
    return out


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


def _centroid_prototypes(
    parts: Sequence[_Parts], labels: Sequence[int], idf: Sequence[float], n_intents: int
) -> list[dict[int, float]]:
    """Per-intent columns ``{feature id: idf * normalised centroid}`` of the unit example vectors (no numpy)."""
    # A feature's weight in an example vector is idf * factor: sum the factors, apply idf at the end.
    columns: list[dict[int, float]] = [{} for _ in range(n_intents)]
    for doc, label in zip(parts, labels):
        acc = columns[label]
        get = acc.get
        for fids, factor in doc:
            acc.update(zip(fids, map(add, map(get, fids, repeat(0.0)), repeat(factor))))
    for acc in columns:
        fids = list(acc)
        weights = list(map(mul, acc.values(), map(idf.__getitem__, fids)))
        inv = 1.0 / (math.sqrt(sum(map(mul, weights, weights))) or 1.0)
        acc.update(zip(fids, map(mul, map(mul, weights, map(idf.__getitem__, fids)), repeat(inv))))
    return columns


def _numpy_available() -> bool:
    """Whether numpy can be imported (without importing it)."""
    from importlib.util import find_spec

    return find_spec("numpy") is not None


def _refined_prototypes(
    parts: Sequence[_Parts],
    labels: Sequence[int],
    idf: Sequence[float],
    n_intents: int,
    epochs: int,
    margin: float,
    seed: int,
) -> NDArray[np.float64]:
    """``idf * prototype`` as a ``features x intents`` matrix after ``epochs`` refinement passes.

    Starts from the normalised centroids of the unit example vectors; each
    pass visits the examples in a seeded random order and, when the best wrong
    intent scores within ``margin`` of the right one, moves both prototypes by
    the passive-aggressive step (capped at 1).  The result is the average of
    the prototypes over all steps, which is much more stable than the last one.
    """
    try:
        import numpy as np
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("IntentMatcher(refine_epochs > 0) needs numpy: pip install numpy") from exc

    idf_arr = np.asarray(idf, dtype=np.float64)
    # All example vectors as one flat (feature id, value) array, then a view per example.
    lengths = [sum(len(fids) for fids, _ in doc) for doc in parts]
    flat_idx = np.fromiter(
        chain.from_iterable(fids for doc in parts for fids, _ in doc), dtype=np.intp, count=sum(lengths)
    )
    flat_val = np.repeat(
        np.fromiter((factor for doc in parts for _, factor in doc), dtype=np.float64),
        [len(fids) for doc in parts for fids, _ in doc],
    )
    flat_val *= idf_arr[flat_idx]
    bounds = [0, *accumulate(lengths)]
    xs = [(flat_idx[a:b], flat_val[a:b]) for a, b in zip(bounds, bounds[1:])]
    # The prototypes and the running sum of the averaging trick, one after the other in one buffer,
    # so that a single fancy-indexed addition on the flat buffer updates both.
    both = np.zeros((2, len(idf), n_intents), dtype=np.float64)
    weights: NDArray[np.float64] = both[0]
    shifted: NDArray[np.float64] = both[1]
    for (idx, val), label in zip(xs, labels):
        weights[idx, label] += val
    norms = np.linalg.norm(weights, axis=0)
    norms[norms == 0] = 1.0
    weights /= norms
    if n_intents > 1:
        # Averaged updates with the usual trick: average = weights - shifted / step.
        step = 1.0
        rng = np.random.default_rng(seed)
        ys = list(labels)
        # 1 / (2 |x|^2), the passive-aggressive step size per unit of loss.
        inv_norms = [0.5 / float(val @ val) for _, val in xs]
        # Offsets of each example's feature rows in the flat buffer.
        rows = [(idx * n_intents)[:, None] for idx, _ in xs]
        flat = both.reshape(-1)
        plane = weights.size
        neg_inf = -np.inf
        take = weights.take
        offsets = np.empty(4, dtype=np.intp)
        signs = np.empty(4, dtype=np.float64)
        for _ in range(epochs):
            for n in rng.permutation(len(xs)).tolist():
                idx, val = xs[n]
                y = ys[n]
                scores = val @ take(idx, axis=0)
                right = float(scores[y])
                scores[y] = neg_inf
                wrong = int(scores.argmax())
                loss = margin - (right - float(scores[wrong]))
                if loss > 0.0:
                    # weights[idx, y] += delta, weights[idx, wrong] -= delta, and the same times
                    # step for shifted.
                    offsets[:] = (y, wrong, plane + y, plane + wrong)
                    signs[:] = (1.0, -1.0, step, -step)
                    flat[rows[n] + offsets] += (min(1.0, loss * inv_norms[n]) * val)[:, None] * signs
                step += 1.0
        weights -= shifted / step
    weights *= idf_arr[:, None]
    return weights
