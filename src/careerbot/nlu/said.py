"""What a person says about themselves, read once from a message into a :class:`Said`.

:class:`SaidReader` reads a message (clause by clause, comma chunk by comma chunk) into keys of
:mod:`careerbot.nlu.keys`: what the person likes or knows, what they dislike or lack ("I hate
maths", "no Java"), the tools they name, the education they claim (only when they say they
studied or hold a degree), the roles they come from and the roles they want ("not a data engineer"
is neither).

Two readings of the same words are kept: ``likes``/``dislikes`` keep words of fields named after a
role ("I love ML research": research counts for a recommendation), ``has``/``lacks`` drop them (in
"move into ML research", research is the goal, not a skill the person has).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .entities import RoleMention
from .kbwords import KbWords, mention_index
from .keys import (
    CLAUSE_RE,
    EDU_CUES,
    EDU_IMPLIES,
    EXPAND,
    NEGATION_UNDO,
    Unit,
    bigrams,
    negation_flags,
    prepare,
    strip_aliases,
    to_units,
    word_key,
    wordset,
)
from .normalize import tokenize
from .role_split import cue_before, split_roles

__all__ = ["MAX_ITEMS", "MAX_WORD", "Said", "SaidReader", "split_roles"]

#: Most other jobs kept from one message (the latest win).
MAX_ITEMS = 100
#: Longest other job kept (characters).
MAX_WORD = 60
#: Weight of an idea the person did not name but implied ("neural" -> TensorFlow, PyTorch).
EXPANSION_WEIGHT = 0.5



def _proxy(items: Iterable[tuple[str, Any]]) -> MappingProxyType[str, Any]:
    return MappingProxyType(dict(items))


def _no_weights() -> Mapping[str, float]:
    return MappingProxyType({})


def _no_words() -> Mapping[str, str]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Said:
    """What one message says about the person.

    Keys are :func:`careerbot.nlu.keys.word_key` keys; weights are 1.0 for words typed and
    :data:`EXPANSION_WEIGHT` for ideas implied. Tool keys are :class:`~careerbot.nlu.kbwords.Tool`
    keys; roles are role ids.
    """

    likes: Mapping[str, float] = field(default_factory=_no_weights)
    dislikes: Mapping[str, float] = field(default_factory=_no_weights)
    has: Mapping[str, float] = field(default_factory=_no_weights)
    lacks: Mapping[str, float] = field(default_factory=_no_weights)
    #: Keys the person typed themselves (not expansions), in the ``has`` reading.
    direct: frozenset[str] = frozenset()
    #: The person's own words for each key.
    surfaces: Mapping[str, str] = field(default_factory=_no_words)
    tools: tuple[str, ...] = ()
    lacks_tools: frozenset[str] = frozenset()
    #: Education keys, only when the person said they studied or hold a degree.
    degrees: frozenset[str] = frozenset()
    #: Keys stated with a liking verb and no knowing verb ("I love research papers"), for display.
    interests: frozenset[str] = frozenset()
    #: Keys stated with a disliking verb and no knowing verb ("I hate maths"), for display.
    aversions: frozenset[str] = frozenset()
    background: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    not_roles: tuple[str, ...] = ()
    #: Other jobs they name (not covered roles), e.g. "nurse".
    other_jobs: tuple[str, ...] = ()

    def after(self, earlier: Said, *, weight: float) -> Said:
        """This message read after what ``earlier`` messages said, their likes and dislikes at
        ``weight`` times their own: what the person says now counts most."""
        def merged(now: Mapping[str, float], before: Mapping[str, float]) -> Mapping[str, float]:
            out = {k: w * weight for k, w in before.items()}
            for k, w in now.items():
                out[k] = max(out.get(k, 0.0), w)
            return _proxy(out.items())

        return dataclasses.replace(
            self,
            likes=merged(self.likes, earlier.likes), dislikes=merged(self.dislikes, earlier.dislikes),
            has=merged(self.has, earlier.has), lacks=merged(self.lacks, earlier.lacks),
            direct=self.direct | earlier.direct, surfaces=_proxy({**earlier.surfaces, **self.surfaces}.items()),
            tools=tuple(dict.fromkeys((*earlier.tools, *self.tools))),
            lacks_tools=(self.lacks_tools | earlier.lacks_tools) - set(self.tools),
            degrees=self.degrees | earlier.degrees, interests=self.interests | earlier.interests,
            aversions=self.aversions | earlier.aversions,
            background=self.background or earlier.background, targets=self.targets or earlier.targets,
            not_roles=tuple(dict.fromkeys((*earlier.not_roles, *self.not_roles))),
            other_jobs=tuple(dict.fromkeys((*earlier.other_jobs, *self.other_jobs)))[-MAX_ITEMS:],
        )


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------

_PREFER = frozenset({"prefer", "prefers", "rather"})
#: Words before a role name that deny it ("not a data engineer", "I don't want to be a DE").
_ROLE_NEGATORS = wordset("not no never don't dont isn't aren't won't wont hate nor neither")
#: Verbs that make a clause about what the person likes, or about what they know.
_LIKING = wordset(
    "like likes love loves enjoy enjoys prefer interested interesting interest interests passionate fascinate fascinates "
    "fascinated excite excites excited fan into curious keen fond dream"
)
_DISLIKING = wordset("hate hates hated dislike dislikes avoid boring bored tired")
_KNOWING = wordset(
    "know knows knew have has had use used using experience experienced skilled comfortable proficient "
    "worked work working can did studied hold certified fluent familiar"
)
#: Words passed over while looking back from a role name for a negator.
_ROLE_PASS = wordset(
    "a an the i i'm im am be become becoming to want wanna really actually currently want like would "
    "going gonna ever senior junior lead entry level mid experienced professional"
)


class SaidReader:
    """Reads messages into :class:`Said` against one knowledge base's words. Read-only."""

    def __init__(self, words: KbWords) -> None:
        self._words = words

    @property
    def words(self) -> KbWords:
        """The knowledge-base words the reader uses."""
        return self._words

    def read(
        self,
        text: str,
        tokens: Sequence[str] = (),
        *,
        mentions: Sequence[RoleMention] = (),
        other_jobs: Sequence[str] = (),
    ) -> Said:
        """What ``text`` says about the person.

        ``tokens`` (``Analysis.tokens``) stand in for an empty ``text`` and are what ``mentions``
        (the covered roles found by :class:`~careerbot.nlu.entities.RoleFinder`) index into; the
        mentions give ``background`` and ``targets`` (see :func:`split_roles`).
        """
        w = self._words
        source = text if text.strip() else " ".join(tokens)
        with_fields = w.aliases | frozenset(w.fields)
        longest = max(w.alias_max, w.field_max)
        likes: dict[str, float] = {}
        dislikes: dict[str, float] = {}
        has: dict[str, float] = {}
        lacks: dict[str, float] = {}
        surfaces: dict[str, str] = {}
        direct: set[str] = set()
        tools: list[str] = []
        negated_tools: set[str] = set()
        interests: set[str] = set()
        aversions: set[str] = set()
        edu_cue = False
        for clause in CLAUSE_RE.split(prepare(source)):
            if not clause or not clause.strip():
                continue
            carry = False
            prefer = bool(_PREFER & set(tokenize(clause)))
            stance = ""
            for chunk in clause.split(","):
                raw = [w.correct(t) for t in tokenize(chunk)]
                if not raw:
                    continue
                edu_cue = edu_cue or bool(EDU_CUES & set(raw))
                stance = _stance(set(raw)) or stance
                flags, carry = negation_flags(raw, carry, prefer=prefer)
                present = set(raw)
                for key, tool in w.tools.items():
                    if not any(phrase[0] in present for phrase in tool.phrases):
                        continue  # none of the tool's phrases can start here
                    hit = mention_index(raw, tool)
                    if hit is not None:
                        if flags[hit]:
                            negated_tools.add(key)
                        elif key not in tools:
                            tools.append(key)
                            # "Postgres" is the articles' "PostgreSQL": what they like, in the articles' words
                            for unit in _with_bigrams(to_units(tokenize(tool.name))):
                                if unit.key not in likes:
                                    _add(unit, likes, surfaces, direct=None)
                                    surfaces[unit.key] = tool.name if unit.key == word_key(key) else unit.surface
                stated = to_units(strip_aliases(raw, with_fields, longest), negated=flags)
                for unit in _with_bigrams(stated):
                    _add(unit, lacks if unit.negated else has, surfaces, direct=direct)
                    if unit.negated and stance in ("like", "dislike"):
                        aversions.add(unit.key)
                    elif stance == "like" and not unit.negated:
                        interests.add(unit.key)
                liked = to_units(strip_aliases(raw, w.aliases, longest), negated=flags)
                for unit in _with_bigrams(liked):
                    _add(unit, dislikes if unit.negated else likes, surfaces, direct=None)
        _drop_contradicted(likes, dislikes)
        _drop_contradicted(has, lacks)
        degrees: set[str] = set()
        if edu_cue:
            degrees = {k for k in has if k in direct}
            for key in list(degrees):
                degrees.update(EDU_IMPLIES.get(key, ()))
        background: tuple[str, ...] = ()
        targets: tuple[str, ...] = ()
        denied: tuple[str, ...] = ()
        if mentions:
            toks = [str(t) for t in tokens] if tokens else tokenize(text)
            background, targets, denied = self.roles_said(toks, mentions)
        return Said(
            likes=_proxy(likes.items()), dislikes=_proxy(dislikes.items()),
            has=_proxy(has.items()), lacks=_proxy(lacks.items()),
            direct=frozenset(direct), surfaces=_proxy(surfaces.items()),
            tools=tuple(tools), lacks_tools=frozenset(negated_tools - set(tools)),
            degrees=frozenset(degrees), interests=frozenset(k for k in interests if k in has),
            aversions=frozenset(k for k in aversions if k in lacks),
            background=background, targets=targets, not_roles=denied,
            other_jobs=tuple(dict.fromkeys(j[:MAX_WORD] for j in other_jobs))[-MAX_ITEMS:],
        )

    def roles_said(
        self, tokens: Sequence[str], mentions: Sequence[RoleMention]
    ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """(background, targets, denied) role ids: :meth:`split_roles` with denied mentions set apart."""
        denied_mentions = [m for i, m in enumerate(mentions) if _denied(tokens, m, mentions[i - 1].end if i else 0)]
        kept = [m for m in mentions if m not in denied_mentions]
        current, target = self.split_roles(tokens, kept) if kept else ((), ())
        denied = tuple(dict.fromkeys(m.role for m in denied_mentions if m.role not in current + target))
        return current, target, denied

    def field_mentions(self, tokens: Sequence[str], taken: set[int], *, need_cue: bool) -> list[RoleMention]:
        """Roles named by a field ("ML research", "data science"), optionally only after a cue."""
        fields = self._words.fields
        out: list[RoleMention] = []
        i = 0
        while i < len(tokens):
            for n in range(min(self._words.field_max, len(tokens) - i), 1, -1):
                phrase = tuple(tokens[i : i + n])
                if (
                    phrase in fields
                    and not taken & set(range(i, i + n))
                    and (not need_cue or cue_before(tokens, i))
                ):
                    out.append(RoleMention(fields[phrase], i, i + n, " ".join(phrase)))
                    i += n
                    break
            else:
                i += 1
        return out

    def field_roles(self, tokens: Sequence[str]) -> tuple[str, ...]:
        """Roles named by their field, in order of mention."""
        return tuple(dict.fromkeys(m.role for m in self.field_mentions(tokens, set(), need_cue=False)))

    def split_roles(
        self, tokens: Sequence[str], mentions: Sequence[RoleMention]
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """:func:`split_roles`, also reading fields after a cue ("move into ML research")."""
        taken = {i for m in mentions for i in range(m.start, m.end)}
        extra = self.field_mentions(tokens, taken, need_cue=True)
        return split_roles(tokens, sorted([*mentions, *extra], key=lambda m: m.start))


def _stance(words: set[str]) -> str:
    """"know", "like" or "dislike" for a chunk's verbs ("" when it has none: the previous chunk's holds)."""
    if words & _KNOWING:
        return "know"
    if words & _LIKING:
        return "like"
    return "dislike" if words & _DISLIKING else ""


def _with_bigrams(units: list[Unit | None]) -> list[Unit]:
    return [*(u for u in units if u is not None), *bigrams(units)]


def _add(unit: Unit, bucket: dict[str, float], surfaces: dict[str, str], *, direct: set[str] | None) -> None:
    bucket[unit.key] = max(bucket.get(unit.key, 0.0), 1.0)
    if direct is not None:
        if unit.key not in direct:
            surfaces[unit.key] = unit.surface
        direct.add(unit.key)
    else:
        surfaces.setdefault(unit.key, unit.surface)
    for extra in EXPAND.get(unit.surface, ()) + EXPAND.get(unit.key, ()):
        bucket[extra] = max(bucket.get(extra, 0.0), EXPANSION_WEIGHT)
        surfaces.setdefault(extra, unit.surface)


def _drop_contradicted(positive: dict[str, float], negative: dict[str, float]) -> None:
    for key in list(positive):
        if key in negative and negative[key] >= positive[key]:
            del positive[key]


def _denied(tokens: Sequence[str], mention: RoleMention, previous_end: int) -> bool:
    """The first telling word before the mention is a negator ("not a DE", "don't want to become a DE")."""
    j = mention.start - 1
    while j >= previous_end and j < len(tokens) and tokens[j] in _ROLE_PASS:
        j -= 1
    if j < previous_end or j >= len(tokens):
        return False
    return tokens[j] in _ROLE_NEGATORS and not (j + 1 < len(tokens) and tokens[j + 1] in NEGATION_UNDO)
