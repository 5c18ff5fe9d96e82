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

from .features import light_stem
from .intent_matcher import IntentMatcher

__all__ = ["IntentMatcher", "light_stem"]
