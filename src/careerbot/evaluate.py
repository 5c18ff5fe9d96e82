"""Scoring the bot on labelled questions and dialogues (``careerbot eval``), like ``rasa test nlu``.

The file is YAML: ``questions:`` (each with ``text``, ``category``, ``intent``, optional
``roles``, ``expect_text``, ``expect_not_text`` and ``parts``) and ``dialogues:`` (each with
``name``, ``category`` and ``turns`` of the same shape). A case passes when the intent matches,
the roles match (as a set, when given), every ``expect_text`` string appears in the answer and no
``expect_not_text`` string does (case-insensitive). ``parts`` (a message asking several things)
lists ``{intent, roles, expect_text}`` per question in order: each must be answered, in that
order, by the reply's parts (``reply.data["parts"]``; a reply without parts is one part; one part may
answer two questions in a row with the same intent and roles, and a comparison answers the part of
each role it compares), and the
case's ``roles`` must be among the reply's (which cover every part).

The label ``compare`` is met by any answer comparing roles (``reply.data["kind"]`` "comparison", or
"roles_with" for "which roles use Python?"): such an answer on one topic ("compare the tools of X
and Y") carries that topic's intent, which is how the earlier sets label it, while newer sets label
it ``compare``; both mean the same answer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .data.yamlio import DataError, Problem, line_of, read_yaml_file

if TYPE_CHECKING:
    from .bot import CareerBot
    from .reply import Reply

__all__ = ["COMPARING_KINDS", "Case", "CaseResult", "Part", "Report", "evaluate", "evaluate_file", "format_report", "load_cases"]


@dataclass(frozen=True)
class Part:
    """One question inside a multi-part message."""

    intent: str
    roles: tuple[str, ...] | None = None
    expect_text: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    """One labelled question; ``dialogue`` groups turns that share a session."""

    text: str
    category: str
    intent: str
    roles: tuple[str, ...] | None = None
    expect_text: tuple[str, ...] = ()
    dialogue: str | None = None
    line: int = 0
    expect_not_text: tuple[str, ...] = ()
    parts: tuple[Part, ...] = ()


@dataclass(frozen=True)
class CaseResult:
    case: Case
    intent: str
    roles: tuple[str, ...]
    missing_text: tuple[str, ...]
    unwanted_text: tuple[str, ...] = ()
    #: Expected parts that no part of the reply answered (as "intent roles").
    missing_parts: tuple[str, ...] = ()
    #: ``reply.data["kind"]``, when the reply has one.
    kind: str | None = None

    @property
    def intent_ok(self) -> bool:
        return _intent_met(self.case.intent, self.intent, self.kind)

    @property
    def roles_ok(self) -> bool:
        if self.case.roles is None:
            return True
        if self.case.parts:
            # A reply to several questions is about the roles of all of them.
            return set(self.case.roles) <= set(self.roles)
        return set(self.roles) == set(self.case.roles)

    @property
    def ok(self) -> bool:
        return (
            self.intent_ok and self.roles_ok and not self.missing_text
            and not self.unwanted_text and not self.missing_parts
        )


@dataclass
class Report:
    results: list[CaseResult] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return sum(r.ok for r in self.results) / len(self.results) if self.results else 0.0

    def by_category(self) -> dict[str, tuple[int, int]]:
        out: dict[str, list[int]] = {}
        for r in self.results:
            tally = out.setdefault(r.case.category, [0, 0])
            tally[0] += r.ok
            tally[1] += 1
        return {k: (v[0], v[1]) for k, v in sorted(out.items())}

    def per_intent(self) -> dict[str, tuple[float, float, float, int]]:
        """``{intent: (precision, recall, f1, support)}`` over intent labels."""
        labels = {r.case.intent for r in self.results} | {r.intent for r in self.results}
        out: dict[str, tuple[float, float, float, int]] = {}
        for label in sorted(labels):
            tp = sum(1 for r in self.results if r.intent == label and r.case.intent == label)
            predicted = sum(1 for r in self.results if r.intent == label)
            support = sum(1 for r in self.results if r.case.intent == label)
            p = tp / predicted if predicted else 0.0
            rec = tp / support if support else 0.0
            f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
            out[label] = (p, rec, f1, support)
        return out

    def confusions(self) -> list[tuple[tuple[str, str], int]]:
        pairs = Counter((r.case.intent, r.intent) for r in self.results if not r.intent_ok)
        return pairs.most_common()


def _strings(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise TypeError


def _case(entry: Any, path: str, problems: list[Problem], *, category: str | None, dialogue: str | None) -> Case | None:
    if not isinstance(entry, Mapping):
        problems.append(Problem(path, line_of(entry), "each case must be a mapping"))
        return None
    line = line_of(entry)
    text, intent = entry.get("text"), entry.get("intent")
    cat = entry.get("category", category)
    if not isinstance(text, str) or not isinstance(intent, str) or not isinstance(cat, str):
        problems.append(Problem(path, line, "a case needs string 'text', 'intent' and 'category'"))
        return None
    try:
        roles = _strings(entry.get("roles"))
        expect = _strings(entry.get("expect_text")) or ()
        unwanted = _strings(entry.get("expect_not_text")) or ()
        parts = tuple(_part(p) for p in entry.get("parts") or ())
    except TypeError:
        problems.append(Problem(
            path, line,
            "'roles', 'expect_text' and 'expect_not_text' must be lists of strings; "
            "'parts' a list of mappings with an 'intent'",
        ))
        return None
    return Case(text, cat, intent, roles, expect, dialogue, line, unwanted, parts)


def _part(entry: Any) -> Part:
    if not isinstance(entry, Mapping) or not isinstance(entry.get("intent"), str):
        raise TypeError
    return Part(entry["intent"], _strings(entry.get("roles")), _strings(entry.get("expect_text")) or ())


#: Kinds of answer that compare roles: a comparison, and which roles the articles list a thing for.
COMPARING_KINDS = frozenset({"comparison", "roles_with"})


def _intent_met(expected: str, intent: str, kind: object) -> bool:
    return intent == expected or (expected == "compare" and kind in COMPARING_KINDS)


def _kind(data: object) -> str | None:
    kind = data.get("kind") if isinstance(data, Mapping) else None
    return kind if isinstance(kind, str) else None


def _missing_parts(case: Case, reply: Reply) -> tuple[str, ...]:
    """Expected parts not answered, in order, by the reply's parts."""
    raw = reply.data.get("parts") if isinstance(reply.data, Mapping) else None
    got: list[tuple[str, frozenset[str], str | None]] = (
        [
            (str(p.get("intent")), frozenset(p.get("roles") or ()), _kind(p.get("data")))
            for p in raw if isinstance(p, Mapping)
        ]
        if isinstance(raw, (list, tuple)) and raw
        else [(reply.intent, frozenset(reply.roles), _kind(reply.data))]
    )
    answer = reply.text.casefold()
    missing: list[str] = []
    start = 0
    for part in case.parts:
        # Two questions on the same topic about the same roles ("which ETL tools should I learn?
        # and is Kafka worth it?") may share one answer; their expected text must then be in it.
        found = next(
            (
                i for i in range(max(0, start - 1), len(got))
                if _intent_met(part.intent, got[i][0], got[i][2])
                and (
                    part.roles is None or got[i][1] == frozenset(part.roles)
                    # "what qualifications should I ask for in each?": one comparison shows each role.
                    or (got[i][2] in COMPARING_KINDS and frozenset(part.roles) <= got[i][1])
                )
            ),
            None,
        )
        if found is None or any(t.casefold() not in answer for t in part.expect_text):
            missing.append(f"{part.intent} {list(part.roles or [])}".strip())
        else:
            start = found + 1
    return tuple(missing)


def load_cases(path: str | Path) -> list[Case]:
    """Read an evaluation file; raises :class:`DataError` listing every problem."""
    doc = read_yaml_file(Path(path))
    problems = list(doc.problems)
    cases: list[Case] = []
    data = doc.data
    if data is not None and not isinstance(data, Mapping):
        problems.append(Problem(doc.path, 1, "expected a mapping with 'questions' and/or 'dialogues'"))
        data = None
    if data is not None:
        for entry in data.get("questions") or []:
            case = _case(entry, doc.path, problems, category=None, dialogue=None)
            if case is not None:
                cases.append(case)
        for n, dlg in enumerate(data.get("dialogues") or []):
            if not isinstance(dlg, Mapping) or not isinstance(dlg.get("turns"), list):
                problems.append(Problem(doc.path, line_of(dlg), "a dialogue needs a 'turns' list"))
                continue
            name = str(dlg.get("name") or f"dialogue {n + 1}")
            cat = str(dlg.get("category") or "dialogue")
            for turn in dlg["turns"]:
                case = _case(turn, doc.path, problems, category=cat, dialogue=f"{n}:{name}")
                if case is not None:
                    cases.append(case)
        if not cases and not problems:
            problems.append(Problem(doc.path, 1, "no cases found"))
    if problems:
        raise DataError(problems)
    return cases


def evaluate(bot: CareerBot, cases: Iterable[Case]) -> Report:
    """Ask every case; dialogue turns share a fresh session, single questions get their own."""
    report = Report()
    for index, case in enumerate(cases):
        session = f"eval-dialogue-{case.dialogue}" if case.dialogue else f"eval-q-{index}"
        reply = bot.ask(case.text, session_id=session)
        answer = reply.text.casefold()
        missing = tuple(t for t in case.expect_text if t.casefold() not in answer)
        unwanted = tuple(t for t in case.expect_not_text if t.casefold() in answer)
        report.results.append(
            CaseResult(
                case, reply.intent, reply.roles, missing, unwanted, _missing_parts(case, reply), _kind(reply.data)
            )
        )
    for index, result in enumerate(report.results):
        dialogue = result.case.dialogue
        bot.reset(f"eval-dialogue-{dialogue}" if dialogue else f"eval-q-{index}")
    return report


def evaluate_file(bot: CareerBot, path: str | Path) -> Report:
    return evaluate(bot, load_cases(path))


def format_report(report: Report, *, max_failures: int = 50) -> str:
    """A readable report: accuracy per category, per-intent P/R/F1, confusions, failures."""
    lines = [f"overall accuracy: {report.accuracy:.3f} ({sum(r.ok for r in report.results)}/{len(report.results)})", ""]
    lines.append(f"{'category':<16} {'accuracy':>8}  n")
    for cat, (ok, n) in report.by_category().items():
        lines.append(f"{cat:<16} {ok / n:>8.3f}  {ok}/{n}")
    lines.append("")
    lines.append(f"{'intent':<22} {'prec':>5} {'rec':>5} {'f1':>5} {'n':>4}")
    for intent, (prec, rec, f1, n) in report.per_intent().items():
        lines.append(f"{intent:<22} {prec:>5.2f} {rec:>5.2f} {f1:>5.2f} {n:>4}")
    conf = report.confusions()
    if conf:
        lines.append("")
        lines.append("most confused (expected -> predicted):")
        for (exp, got), n in conf[:10]:
            lines.append(f"  {exp} -> {got}: {n}")
    failures = [r for r in report.results if not r.ok]
    if failures:
        lines.append("")
        lines.append(f"failures ({len(failures)}):")
        for r in failures[:max_failures]:
            why: list[str] = []
            if not r.intent_ok:
                why.append(f"intent {r.intent} != {r.case.intent}")
            if not r.roles_ok:
                why.append(f"roles {list(r.roles)} != {list(r.case.roles or [])}")
            if r.missing_text:
                why.append(f"missing {list(r.missing_text)}")
            if r.unwanted_text:
                why.append(f"should not say {list(r.unwanted_text)}")
            if r.missing_parts:
                why.append(f"parts not answered {list(r.missing_parts)}")
            lines.append(f"  [{r.case.category}] {r.case.text!r}: {'; '.join(why)}")
    return "\n".join(lines)
