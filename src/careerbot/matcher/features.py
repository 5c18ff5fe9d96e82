"""What a text is made of for the matcher: light stems and the feature keys of its tokens."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = ["_MAX_TOKEN_CHARS", "_Parts", "_keys", "light_stem"]

#: Longest token (in characters) that is matched; longer ones are cut.
_MAX_TOKEN_CHARS = 32

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
