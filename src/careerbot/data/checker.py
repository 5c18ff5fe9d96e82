"""Reading one knowledge file: :class:`_Checker` collects its problems, :class:`_Refs` its cross-references."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .model import QuoteSite
from .yamlio import LineDict, Problem, line_of

__all__ = ["_Checker", "_Refs", "_as_linedict", "_kind"]


class _Checker:
    """Collects problems while reading one document's data."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems

    def add(self, where: object, message: str) -> None:
        line = where if isinstance(where, int) else line_of(where)
        self.problems.append(Problem(self.path, line, message))

    def entries(
        self, data: LineDict, key: str, what: str, allowed: frozenset[str], *, non_empty: bool = True
    ) -> list[LineDict]:
        """The mappings of the list under ``key`` (each "a <what>" with only ``allowed`` keys);
        what is not a mapping, or a missing or empty list, is reported and skipped."""
        items = data.get(key)
        if not isinstance(items, list) or (non_empty and not items):
            self.add(data, f"'{key}' must be a {'non-empty ' if non_empty else ''}list")
            return []
        out: list[LineDict] = []
        for item in items:
            entry = self.mapping(item, f"a {what}", items)
            if entry is not None:
                self.keys(entry, allowed, f"a {what}")
                out.append(entry)
        return out

    def mapping(self, value: object, what: str, where: object) -> LineDict | None:
        if isinstance(value, dict):
            return value if isinstance(value, LineDict) else _as_linedict(value)
        self.add(where, f"{what} must be a mapping, got {_kind(value)}")
        return None

    def keys(self, data: LineDict, allowed: frozenset[str], what: str) -> None:
        for key in data:
            if key not in allowed:
                self.add(data, f"unknown key {key!r} in {what} (allowed: {', '.join(sorted(allowed))})")

    def string(self, data: LineDict, key: str, what: str, *, required: bool = True) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                self.add(data, f"{what} is missing {key!r}")
            return None
        if not isinstance(value, str) or not value.strip():
            self.add(data, f"{what}: {key!r} must be a non-empty string, got {_kind(value)}")
            return None
        return value.strip()

    def strings(self, data: LineDict, key: str, what: str, *, required: bool = True) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            if required:
                self.add(data, f"{what} is missing {key!r}")
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.add(value if isinstance(value, list) else data,
                     f"{what}: {key!r} must be a list of non-empty strings")
            return ()
        return tuple(v.strip() for v in value)


def _as_linedict(value: dict[Any, Any]) -> LineDict:
    out = LineDict((str(k), v) for k, v in value.items())
    return out


def _kind(value: object) -> str:
    return "nothing" if value is None else type(value).__name__


@dataclass
class _Refs:
    """Cross-references collected while reading, checked once everything is read."""

    sources: list[tuple[_Checker, object, str]]
    roles: list[tuple[_Checker, object, str]]
    things: list[tuple[_Checker, object, str]] = field(default_factory=list)
    quote_sites: list[QuoteSite] = field(default_factory=list)
    role: str = ""
