"""Reading the list files: the sources (articles), the named things and the featured postings."""

from __future__ import annotations

import datetime
import re

from .checker import _Checker
from .model import Posting, Salary, Source, Thing, alias_key
from .schema import (
    K_ALIASES,
    K_CATEGORY,
    K_DATE,
    K_FILE,
    K_ID,
    K_KIND,
    K_NAME,
    K_NOTE,
    K_POSTINGS,
    K_ROLES,
    K_SOURCES,
    K_TEXT,
    K_THINGS,
    K_TITLE,
    POSTING_KEYS,
    SALARY_KEYS,
    SOURCE_KEYS,
    THING_KEYS,
)
from .topics import THING_KINDS
from .yamlio import LineDict

__all__ = ["_read_postings", "_read_sources", "_read_things"]


def _read_sources(
    check: _Checker, data: LineDict, out: dict[str, Source], role_refs: list[tuple[_Checker, object, str]]
) -> None:
    for entry in check.entries(data, K_SOURCES, "source", SOURCE_KEYS):
        sid = check.string(entry, K_ID, "source")
        title = check.string(entry, K_TITLE, "source")
        file = check.string(entry, K_FILE, "source")
        date = check.string(entry, K_DATE, "source", required=False)
        if date is not None and not _valid_date(date):
            check.add(entry.line_of_key(K_DATE), f"source date {date!r} is not a real ISO date (YYYY-MM-DD)")
            date = None
        if sid is None or title is None or file is None:
            continue
        if sid in out:
            check.add(entry, f"duplicate source id {sid!r}")
            continue
        source_roles = check.strings(entry, K_ROLES, "source", required=False)
        role_refs.extend((check, entry, r) for r in source_roles)
        out[sid] = Source(
            id=sid, title=title, file=file, date=date,
            roles=source_roles,
            note=check.string(entry, K_NOTE, "source", required=False),
        )


def _valid_date(text: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _read_things(
    check: _Checker, data: LineDict, out: dict[str, Thing], owners: dict[str, str],
    sites: dict[str, tuple[_Checker, object]],
) -> None:
    for entry in check.entries(data, K_THINGS, "thing", THING_KEYS):
        tid = check.string(entry, K_ID, "thing")
        name = check.string(entry, K_NAME, "thing")
        category = check.string(entry, K_CATEGORY, "thing")
        kind = check.string(entry, K_KIND, "thing")
        aliases = check.strings(entry, K_ALIASES, "thing", required=False)
        if kind is not None and kind not in THING_KINDS:
            check.add(entry.line_of_key(K_KIND), f"thing kind {kind!r} is not one of: {', '.join(THING_KINDS)}")
            continue
        if tid is None or name is None or category is None or kind is None:
            continue
        if tid in out:
            check.add(entry, f"duplicate thing id {tid!r}")
            continue
        for spelling in (name, *aliases):
            other = owners.setdefault(alias_key(spelling), tid)
            if other != tid:
                check.add(entry, f"spelling {spelling!r} of thing {tid!r} is also a spelling of {other!r}")
        sites[tid] = (check, entry)
        out[tid] = Thing(id=tid, name=name, category=category, kind=kind,
                         aliases=tuple(dict.fromkeys(a for a in aliases if alias_key(a) != alias_key(name))))


def _read_postings(
    check: _Checker, data: LineDict,
    source_refs: list[tuple[_Checker, object, str]],
    role_refs: list[tuple[_Checker, object, str]],
) -> list[tuple[Posting, LineDict]]:
    out: list[tuple[Posting, LineDict]] = []
    for entry in check.entries(data, K_POSTINGS, "posting", POSTING_KEYS, non_empty=False):
        fields = {k: check.string(entry, k, "posting") for k in (K_ID, K_TITLE, "company", "location", "contract", "level")}
        salary_raw = check.mapping(entry.get("salary"), "posting 'salary'", entry)
        salary = None
        if salary_raw is not None:
            check.keys(salary_raw, SALARY_KEYS, "a salary")
            lo, hi = salary_raw.get("min"), salary_raw.get("max")
            cur = check.string(salary_raw, "currency", "salary")
            text = check.string(salary_raw, K_TEXT, "salary")
            if not isinstance(lo, int) or not isinstance(hi, int) or lo > hi:
                check.add(salary_raw, "salary needs integer 'min' <= 'max'")
            elif cur and text:
                salary = Salary(cur, lo, hi, text)
        srcs = check.strings(entry, K_SOURCES, "posting")
        source_refs.extend((check, entry, s) for s in srcs)
        closest = entry.get("closest_role")
        if closest is not None:
            if isinstance(closest, str):
                role_refs.append((check, entry, closest))
            else:
                check.add(entry, "'closest_role' must be a role id or null")
                closest = None
        flags = {}
        for flag in ("remote", "internship"):
            value = entry.get(flag, False)
            if not isinstance(value, bool):
                check.add(entry, f"posting {flag!r} must be true or false")
                value = False
            flags[flag] = value
        if salary is None or not srcs or any(v is None for v in fields.values()):
            continue
        out.append((
            Posting(
                id=str(fields[K_ID]), title=str(fields[K_TITLE]), company=str(fields["company"]),
                location=str(fields["location"]), remote=flags["remote"],
                contract=str(fields["contract"]), internship=flags["internship"],
                level=str(fields["level"]), salary=salary, closest_role=closest, sources=srcs,
            ),
            entry,
        ))
    return out
