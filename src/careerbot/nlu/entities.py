"""Finding role mentions in user text: aliases, abbreviations, typos, run-together words.

Also spots mentions of occupations careerbot does *not* cover ("civil engineer",
"nurse"), so they are never mistaken for a covered role.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

from .normalize import tokenize
from .spelling import Speller

__all__ = ["PLACEHOLDER", "Analysis", "RoleFinder", "RoleMention"]

#: What a role mention is replaced with before intent matching.
PLACEHOLDER = "xrolex"

#: Head nouns of job titles; "<word> engineer" that is not a covered role is another job.
_JOB_HEADS = frozenset(
    ["engineer", "engineers", "developer", "developers", "scientist", "scientists", "analyst", "analysts", "architect", "architects", "manager", "managers", "designer", "designers", "administrator", "administrators", "consultant", "consultants", "programmer", "programmers", "technician", "technicians", "specialist", "specialists", "tester", "testers"]
)
#: Subjects after which a word is a verb ("they analyse"), not a job noun.
_SUBJECT_PRONOUNS = frozenset("i we you they he she".split())
#: Endings of nouns for a person by trade ("pharmacist", "electrician"), and words that end so but are not.
_PERSON_SUFFIXES = ("ist", "ician")
#: "de" in lower case, a word in capitals (an abbreviation: "SQL", "DSE"), and "DE" in capitals.
_PREPOSITION_DE = re.compile(r"\bde\b")
_CAPITALS = re.compile(r"\b[A-Z]{2,}\b")
_ROLE_DE = re.compile(r"\bDEs?\b")
_NOT_PERSONS = frozenset("checklist playlist wishlist shortlist watchlist blacklist whitelist".split())
#: Words that qualify a job title without naming another job ("a senior engineer").
_MODIFIERS = frozenset(
    ["a", "an", "the", "my", "your", "their", "our", "his", "her", "this", "that", "these", "those", "any", "some", "every", "each", "good", "great", "best", "better", "top", "new", "aspiring", "future", "senior", "junior", "lead", "principal", "staff", "chief", "head", "entry", "level", "mid", "typical", "average", "successful", "experienced", "professional", "skilled", "qualified", "certified", "other", "which", "what", "whose", "become", "becoming", "be", "as", "of", "to", "for", "and", "or", "vs", "versus", "than", "like", "being", "being", "is", "are", "was", "were", "am"]
    # Function words: "work with analysts", "just engineers", "talk to managers".
    + "with without just only about from by at in on into onto at also more most all both many few not no "
    "do does did real actual regular normal plain fellow two three several lots lot mostly mainly even "
    "other others between among alongside beside around under over".split()
)

#: Adverbs between a subject and its verb ("they actually analyse").
_ADVERBS = frozenset("actually really just also usually mostly often ever even still mainly typically generally".split())


def _after_subject(tokens: Sequence[str]) -> bool:
    """Whether the next word follows a subject pronoun, perhaps after adverbs ("they actually ...")."""
    k = len(tokens)
    while k and tokens[k - 1] in _ADVERBS:
        k -= 1
    return bool(k) and tokens[k - 1] in _SUBJECT_PRONOUNS



@dataclass(frozen=True)
class RoleMention:
    """A covered role named in the text: its id and the token span ``[start, end)``."""

    role: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Analysis:
    """What :meth:`RoleFinder.find` saw in one text."""

    tokens: tuple[str, ...]
    mentions: tuple[RoleMention, ...]
    other_occupations: tuple[str, ...]
    masked: str
    #: The text ends with a question mark ("DEs use Kafka?" asks yes or no without "do").
    question_mark: bool = False
    #: Role ids in order of first mention, without repeats (from ``mentions``; read often).
    roles: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "roles", tuple(dict.fromkeys(m.role for m in self.mentions)))


def _variants(tokens: tuple[str, ...]) -> set[tuple[str, ...]]:
    out = {tokens}
    if not tokens:
        return out
    last = tokens[-1]
    if len(last) > 3:
        if last.endswith("s"):
            out.add(tokens[:-1] + (last[:-1],))
        else:
            out.add(tokens[:-1] + (last + "s",))
    return out


def _one_edit(speller: Speller, word: str) -> bool:
    fixed = speller.correct(word)
    return fixed is not None and OSA.distance(fixed, word) <= 1


#: Words after a flavour word before a role name ("research-minded", "software-focused").
_FLAVOUR_SUFFIXES = frozenset("minded focused oriented leaning heavy y type flavoured flavored side centric".split())


def _flavours(names: Mapping[str, tuple[str, ...]]) -> dict[tuple[str, str], str]:
    """``(role, word) -> fuller role`` for each role whose name is another's with one word more
    ("machine learning research engineer" is "machine learning engineer" and "research")."""
    out: dict[tuple[str, str], str] = {}
    for role, full in names.items():
        for i, word in enumerate(full):
            shorter = full[:i] + full[i + 1 :]
            for base, name in names.items():
                if name == shorter:
                    out[(base, word)] = role
    return out


class RoleFinder:
    """Finds role mentions. Immutable after construction; safe to share across threads.

    ``aliases`` maps role id -> names and aliases. Multi-word aliases and words of
    four or more letters are typo-tolerant (via :class:`Speller`); short
    abbreviations (``DE``, ``MLE``) must match exactly.
    """

    def __init__(
        self,
        aliases: Mapping[str, Iterable[str]],
        *,
        other_occupations: Iterable[str] = (),
        extra_vocabulary: Iterable[str] = (),
        synonyms: Mapping[str, str] | None = None,
        plain_words: Iterable[str] = (),
        english_words: Iterable[str] = (),
    ) -> None:
        # Short forms read as their full words before role names are looked up ("sci" -> "science").
        self._synonyms = {k: tuple(tokenize(v)) for k, v in (synonyms or {}).items()}
        table: dict[tuple[str, ...], str] = {}
        for role, names in aliases.items():
            for name in names:
                for variant in _variants(tuple(tokenize(name))):
                    if variant:
                        table.setdefault(variant, role)
        self._aliases = table
        #: Two-word names ending in "engineer" by their last word, for a first word typed one edit off
        #: ("dat enginer", "dta engineer"); first words under four letters ("ml") are too short to guess.
        self._fuzzy_heads = {
            key[1]: tuple((k[0], r) for k, r in table.items() if len(k) == 2 and k[1] == key[1] and len(k[0]) >= 4)
            for key in table if len(key) == 2 and key[1] in ("engineer", "engineers")
        }
        # A role written as another's name with one more word before it ("research-minded ML
        # engineer", "research-focused machine learning engineers"): (role, word) -> the fuller role.
        names_of = {role: tuple(tokenize(next(iter(names), ""))) for role, names in aliases.items()}
        self._flavours = _flavours(names_of)
        self._alias_starts = frozenset(k[0] for k in table) | frozenset(self._synonyms)
        self._max_len = max((len(k) for k in table), default=1)
        others: set[tuple[str, ...]] = set()
        for occ in other_occupations:
            for variant in _variants(tuple(tokenize(occ))):
                if variant and variant not in table:
                    others.add(variant)
        self._others = frozenset(others)
        self._starts = frozenset(k[0] for k in table) | frozenset(k[0] for k in others)
        self._others_max = max((len(k) for k in others), default=1)
        vocab = {t for key in table for t in key} | {t for key in others for t in key}
        vocab |= set(_JOB_HEADS)
        vocab |= {t for w in extra_vocabulary for t in tokenize(w)}
        # Words people use that are not typos of a name ("actually" near "actuary"): the words of
        # the intent examples, except those one edit from a name (deliberate typos in the examples).
        keep = {w for w in plain_words if w not in vocab and len(w) >= 6}
        near = Speller(vocab)
        # ``english_words``: real words near a name ("coming" is not "coding"), kept as they are.
        english = {w for w in english_words if w not in vocab}
        self._speller = Speller(vocab, keep={w for w in keep if not _one_edit(near, w)} | english)

    @property
    def speller(self) -> Speller:
        return self._speller

    def _longest(
        self, tokens: list[str], i: int, table: Mapping[tuple[str, ...], str] | frozenset[tuple[str, ...]], max_len: int
    ) -> int:
        if tokens[i] not in self._starts:
            return 0  # no name starts with this word: the common case
        for n in range(min(max_len, len(tokens) - i), 0, -1):
            if tuple(tokens[i : i + n]) in table:
                return n
        return 0

    def _flavoured(self, m: RoleMention, tokens: Sequence[str], covered: list[bool]) -> RoleMention:
        """The fuller role a flavour word before a mention names ("research-minded ML engineer" is
        the ML research engineer; the words before say which)."""
        start = m.start - 2 if m.start >= 2 and tokens[m.start - 1] in _FLAVOUR_SUFFIXES else m.start - 1
        if start < 0 or covered[start]:
            return m
        role = self._flavours.get((m.role, tokens[start]))
        if role is None:
            return m
        for j in range(start, m.start):
            covered[j] = True
        return RoleMention(role, start, m.end, " ".join(tokens[start : m.end]))

    def mask(self, text: str) -> str:
        """``find(text, correct=False).masked``, fast for trusted text (intent examples) that names
        no role: such a text is only re-joined."""
        raw = [t[:-2] if t.endswith("'s") and len(t) > 3 else t for t in tokenize(text)]
        if self._alias_starts.isdisjoint(raw):
            return " ".join(raw)
        return self.find(text, correct=False).masked

    def find(self, text: str, *, correct: bool = True) -> Analysis:
        """Analyse ``text``: corrected tokens, role mentions, other occupations, masked text.

        ``correct=False`` skips typo correction (for trusted text such as intent examples).
        """
        # Possessives name the role too: "DSE's projects", "data engineers' tools".
        raw = [t[:-2] if t.endswith("'s") and len(t) > 3 else t for t in tokenize(text)]
        tokens: list[str] = []
        origin: list[int] = []
        for index, token in enumerate(raw):
            full = self._synonyms.get(token)
            if full:
                tokens.extend(full)
                origin.extend([index] * len(full))
                continue
            if not correct:
                tokens.append(token)
                origin.append(index)
                continue
            fixed = self._speller.correct(token)
            if fixed in _JOB_HEADS and _after_subject(tokens):
                fixed = None  # "do they (actually) analyse data?": a verb after its subject, not "analyst"
            parts: tuple[str, ...]
            if fixed is not None:
                parts = (fixed,)
            else:
                split = self._speller.split(token)
                parts = split if split is not None else (token,)
            tokens.extend(parts)
            origin.extend([index] * len(parts))

        mentions: list[RoleMention] = []
        covered = [False] * len(tokens)
        i = 0
        while i < len(tokens):
            n = self._longest(tokens, i, self._aliases, self._max_len)
            if n:
                key = tuple(tokens[i : i + n])
                mentions.append(RoleMention(self._aliases[key], i, i + n, " ".join(key)))
                for j in range(i, i + n):
                    covered[j] = True
                i += n
            elif i + 1 < len(tokens) and tokens[i + 1] in self._fuzzy_heads and len(tokens[i]) >= 3 and tokens[i].isalpha():
                near = [
                    (first, role) for first, role in self._fuzzy_heads[tokens[i + 1]]
                    if OSA.distance(tokens[i], first, score_cutoff=1) <= 1
                ]
                if len({role for _, role in near}) == 1:
                    mentions.append(RoleMention(near[0][1], i, i + 2, f"{near[0][0]} {tokens[i + 1]}"))
                    covered[i] = covered[i + 1] = True
                    i += 2
                else:
                    i += 1
            else:
                i += 1

        if mentions and self._flavours:
            mentions = [self._flavoured(m, tokens, covered) for m in mentions]

        if mentions and _PREPOSITION_DE.search(text) and _CAPITALS.search(text) and not _ROLE_DE.search(text):
            # "empresas de telecom hire DSE?", "análise de dados em Python e SQL": someone who writes
            # abbreviations in capitals wrote "de" in lower case as a word of their own language.
            for m in [m for m in mentions if m.text in ("de", "des")]:
                mentions.remove(m)
                for j in range(m.start, m.end):
                    covered[j] = False

        others: list[str] = []
        i = 0
        while i < len(tokens):
            if covered[i]:
                i += 1
                continue
            n = self._longest(tokens, i, self._others, self._others_max)
            if n and not any(covered[i : i + n]):
                others.append(" ".join(tokens[i : i + n]))
                i += n
                continue
            token = tokens[i]
            if (
                token in _JOB_HEADS
                and i > 0
                and not covered[i - 1]
                and tokens[i - 1] not in _MODIFIERS
                and tokens[i - 1].isalpha()
            ):
                others.append(f"{tokens[i - 1]} {token}")
            elif token.endswith(_PERSON_SUFFIXES) and len(token) >= 7 and token not in _NOT_PERSONS and token not in _JOB_HEADS and (
                tokens[i - 1 : i] in (["a"], ["an"]) or (i > 1 and tokens[i - 2] in ("a", "an") and not covered[i - 1])
            ):
                # "become a dental hygienist", "an electrician": a job the list does not name.
                others.append(token if tokens[i - 1] in ("a", "an") else f"{tokens[i - 1]} {token}")
            i += 1

        masked_raw = list(raw)
        for mention in mentions:
            first, last = origin[mention.start], origin[mention.end - 1]
            masked_raw[first] = PLACEHOLDER
            for k in range(first + 1, last + 1):
                masked_raw[k] = ""
        masked = " ".join(t for t in masked_raw if t)
        return Analysis(
            tuple(tokens), tuple(mentions), tuple(dict.fromkeys(others)), masked, text.rstrip().endswith("?")
        )
