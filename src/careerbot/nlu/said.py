"""What a person says about themselves, read once from a message into a mergeable :class:`Said`.

:class:`SaidReader` reads a message (clause by clause, comma chunk by comma chunk) into keys of
:mod:`careerbot.nlu.keys`: what the person likes or knows, what they dislike or lack ("I hate
maths", "no Java"), the tools they name, the education they claim (only when they say they
studied or hold a degree), the roles they come from and the roles they want ("not a data engineer"
is neither). :meth:`Said.merged` folds a later message into an earlier profile (later statements
override contradicting earlier ones) and :meth:`Said.to_dict` / :meth:`Said.from_dict` move it
through plain JSON with bounded sizes, for session export.

Two readings of the same words are kept: ``likes``/``dislikes`` keep words of fields named after a
role ("I love ML research": research counts for a recommendation), ``has``/``lacks`` drop them (in
"move into ML research", research is the goal, not a skill the person has).
"""

from __future__ import annotations

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
    wordset,
)
from .normalize import tokenize
from .role_split import cue_before, split_roles

__all__ = ["MAX_ITEMS", "MAX_WORD", "Said", "SaidReader", "split_roles"]

#: Most entries kept per collection of a :class:`Said` (the latest win).
MAX_ITEMS = 100
#: Longest key, surface or id kept (characters).
MAX_WORD = 60
#: Weight of an idea the person did not name but implied ("neural" -> TensorFlow, PyTorch).
EXPANSION_WEIGHT = 0.5



def _no_weights() -> Mapping[str, float]:
    return MappingProxyType({})


def _no_words() -> Mapping[str, str]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Said:
    """What one message (or a whole conversation, merged) says about the person.

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

    @property
    def is_empty(self) -> bool:
        """Nothing was said about the person."""
        return not (self.likes or self.dislikes or self.has or self.lacks or self.tools or self.lacks_tools
                    or self.degrees or self.background or self.targets or self.not_roles or self.other_jobs)

    def merged(self, later: Said) -> Said:
        """This profile with ``later`` folded in; where they contradict, ``later`` wins."""
        return Said(
            likes=_merge_weights(self.likes, later.likes, later.dislikes),
            dislikes=_merge_weights(self.dislikes, later.dislikes, later.likes),
            has=_merge_weights(self.has, later.has, later.lacks),
            lacks=_merge_weights(self.lacks, later.lacks, later.has),
            direct=frozenset(_tail([*(k for k in self.direct if k not in later.lacks), *later.direct])),
            surfaces=_proxy(_tail_items({**self.surfaces, **later.surfaces}.items())),
            tools=_tail(_ordered([*(t for t in self.tools if t not in later.lacks_tools), *later.tools])),
            lacks_tools=frozenset(_tail([*(t for t in self.lacks_tools if t not in later.tools), *later.lacks_tools])),
            degrees=frozenset(_tail([*self.degrees, *later.degrees])),
            interests=frozenset(_tail([
                *(k for k in self.interests if k not in later.dislikes and k not in later.has), *later.interests
            ])),
            aversions=frozenset(_tail([
                *(k for k in self.aversions if k not in later.likes and k not in later.lacks), *later.aversions
            ])),
            background=_tail(_ordered(
                r for r in (*self.background, *later.background) if r not in later.not_roles
            )),
            targets=later.targets or tuple(
                r for r in self.targets if r not in later.not_roles and r not in later.background
            ),
            not_roles=_tail(_ordered(
                r for r in (*self.not_roles, *later.not_roles)
                if r not in later.background and r not in later.targets
            )),
            other_jobs=_tail(_ordered([*self.other_jobs, *later.other_jobs])),
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON data (bounded: :data:`MAX_ITEMS` per list, :data:`MAX_WORD` characters per word)."""
        return {
            "likes": _weights_out(self.likes),
            "dislikes": _weights_out(self.dislikes),
            "has": _weights_out(self.has),
            "lacks": _weights_out(self.lacks),
            "direct": sorted(_words(self.direct)),
            "surfaces": {k[:MAX_WORD]: v[:MAX_WORD] for k, v in _tail_items(self.surfaces.items())},
            "tools": list(_words(self.tools)),
            "lacks_tools": sorted(_words(self.lacks_tools)),
            "degrees": sorted(_words(self.degrees)),
            "interests": sorted(_words(self.interests)),
            "aversions": sorted(_words(self.aversions)),
            "background": list(_words(self.background)),
            "targets": list(_words(self.targets)),
            "not_roles": list(_words(self.not_roles)),
            "other_jobs": list(_words(self.other_jobs)),
        }

    @classmethod
    def from_dict(cls, data: object) -> Said:
        """The inverse of :meth:`to_dict`. Raises :class:`ValueError` unless ``data`` is such a mapping;
        entries of the wrong type are dropped and sizes are bounded again."""
        if not isinstance(data, Mapping):
            raise ValueError("a said profile must be a mapping")
        return cls(
            likes=_weights_in(data.get("likes")),
            dislikes=_weights_in(data.get("dislikes")),
            has=_weights_in(data.get("has")),
            lacks=_weights_in(data.get("lacks")),
            direct=frozenset(_list_in(data.get("direct"))),
            surfaces=_proxy(
                (k[:MAX_WORD], v[:MAX_WORD]) for k, v in _mapping_in(data.get("surfaces")) if isinstance(v, str)
            ),
            tools=_list_in(data.get("tools")),
            lacks_tools=frozenset(_list_in(data.get("lacks_tools"))),
            degrees=frozenset(_list_in(data.get("degrees"))),
            interests=frozenset(_list_in(data.get("interests"))),
            aversions=frozenset(_list_in(data.get("aversions"))),
            background=_list_in(data.get("background")),
            targets=_list_in(data.get("targets")),
            not_roles=_list_in(data.get("not_roles")),
            other_jobs=_list_in(data.get("other_jobs")),
        )


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------

_PREFER = frozenset({"prefer", "prefers", "rather"})
#: Words before a role name that deny it ("not a data engineer", "I don't want to be a DE").
_ROLE_NEGATORS = wordset("not no never don't dont isn't aren't won't wont hate nor neither")
#: Verbs that make a clause about what the person likes, or about what they know.
_LIKING = wordset(
    "like likes love loves enjoy enjoys prefer interested interest interests passionate fascinate fascinates "
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


# --------------------------------------------------------------------------------------------
# Merging and plain data
# --------------------------------------------------------------------------------------------


def _proxy(items: Iterable[tuple[str, Any]]) -> MappingProxyType[str, Any]:
    return MappingProxyType(dict(items))


def _ordered(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _tail(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)[-MAX_ITEMS:]


def _tail_items(items: Iterable[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return list(items)[-MAX_ITEMS:]


def _merge_weights(
    earlier: Mapping[str, float], later: Mapping[str, float], overridden: Mapping[str, float]
) -> MappingProxyType[str, float]:
    out = {k: v for k, v in earlier.items() if k not in overridden and k not in later}
    out.update(later)
    return _proxy(_tail_items(out.items()))


def _words(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i[:MAX_WORD] for i in items))[-MAX_ITEMS:]


def _weights_out(weights: Mapping[str, float]) -> dict[str, float]:
    return {k[:MAX_WORD]: round(float(v), 3) for k, v in _tail_items(weights.items())}


def _mapping_in(value: object) -> list[tuple[str, object]]:
    if not isinstance(value, Mapping):
        return []
    return [(k, v) for k, v in value.items() if isinstance(k, str) and k][-MAX_ITEMS:]


def _weights_in(value: object) -> MappingProxyType[str, float]:
    return _proxy(
        (k[:MAX_WORD], min(1.0, max(0.0, float(v))))
        for k, v in _mapping_in(value)
        if isinstance(v, (int, float)) and not isinstance(v, bool) and v == v
    )


def _list_in(value: object) -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)):
        return ()
    return _words(v for v in value if isinstance(v, str) and v)
