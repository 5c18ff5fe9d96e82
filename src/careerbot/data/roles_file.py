"""Reading a role file: its points, thing links, quotes and recorded silences."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from .checker import _Checker, _Refs
from .model import Point, Quote, QuoteSite, Role, Silence, ThingLink, alias_key
from .schema import (
    K_ALIASES,
    K_FACTS,
    K_FIGURE,
    K_ID,
    K_LABEL,
    K_NAME,
    K_NOTE,
    K_PERIOD,
    K_PLURAL,
    K_POINTS,
    K_QUOTES,
    K_SCOPE,
    K_SILENT,
    K_SOURCE,
    K_SOURCES,
    K_STEP,
    K_SUMMARY,
    K_SUMMARY_SOURCES,
    K_TEXT,
    K_THING,
    K_THINGS,
    K_USES,
    K_VS,
    LINK_KEYS,
    POINT_KEYS,
    QUOTE_KEYS,
    ROLE_KEYS,
)
from .topics import POINT_TOPICS, ROLE_TOPICS, THING_TOPICS
from .yamlio import LineDict

__all__ = ["_read_role"]


def _scalar_str(value: object) -> str | None:
    return None if value is None else str(value)


def _read_quotes(check: _Checker, entry: LineDict, what: str, refs: _Refs) -> tuple[Quote, ...]:
    raw = entry.get(K_QUOTES)
    if not isinstance(raw, list) or not raw:
        check.add(entry, f"{what} needs 'quotes': a non-empty list of {{source, text}} from the articles")
        return ()
    quotes: list[Quote] = []
    for item in raw:
        q = check.mapping(item, f"a quote in {what}", raw)
        if q is None:
            continue
        check.keys(q, QUOTE_KEYS, f"a quote in {what}")
        source = check.string(q, K_SOURCE, f"a quote in {what}")
        text = check.string(q, K_TEXT, f"a quote in {what}")
        label = check.string(q, K_LABEL, f"a quote in {what}", required=False)
        if source is None or text is None:
            continue
        if label is not None and alias_key(label) not in alias_key(text):
            check.add(q.line_of_key(K_LABEL), f"label {label!r} is not in its quote: the label is the article's own words")
        quote = Quote(source=source, text=" ".join(text.split()), label=label)
        if any(quote.source == o.source and quote.text == o.text for o in quotes):
            check.add(q, f"duplicate quote in {what}: {text[:60]!r}")
            continue
        refs.sources.append((check, q, source))
        refs.quote_sites.append(QuoteSite(check.path, q.line_of_key(K_TEXT), quote, refs.role))
        quotes.append(quote)
    return tuple(quotes)


def _read_point(check: _Checker, item: object, where: object, topic: str, refs: _Refs) -> Point | None:
    what = f"a {topic} point"
    entry = check.mapping(item, what, where)
    if entry is None:
        return None
    check.keys(entry, POINT_KEYS, what)
    text = check.string(entry, K_TEXT, what)
    quotes = _read_quotes(check, entry, what, refs)
    things = check.strings(entry, K_THINGS, what, required=False)
    refs.things.extend((check, entry, t) for t in things)
    if len(set(things)) != len(things):
        check.add(entry, f"{what} names a thing twice in 'things'")
    vs = check.string(entry, K_VS, what, required=False)
    if vs is not None:
        refs.roles.append((check, entry, vs))
    if (vs is not None) != (topic == "differences"):
        check.add(entry, f"{what}: 'vs' (the other role) is required in 'differences' and allowed nowhere else")
    step = entry.get(K_STEP)
    if step is not None and (not isinstance(step, int) or isinstance(step, bool) or step < 1):
        check.add(entry, f"{what}: 'step' must be a positive integer")
        step = None
    if step is not None and topic != "getting_started":
        check.add(entry, f"{what}: 'step' is only allowed in 'getting_started'")
    outlook = {k: _scalar_str(entry.get(k)) for k in (K_FIGURE, K_PERIOD, K_SCOPE)}
    if topic != "outlook" and any(outlook.values()):
        check.add(entry, f"{what}: 'figure', 'period' and 'scope' are only allowed in 'outlook'")
    if text is None or not quotes:
        return None
    return Point(
        text=text, quotes=quotes, things=things, vs=vs, step=step,
        figure=outlook[K_FIGURE], period=outlook[K_PERIOD], scope=outlook[K_SCOPE],
    )


def _read_link(check: _Checker, item: object, where: object, topic: str, refs: _Refs) -> ThingLink | None:
    what = f"a {topic} link"
    entry = check.mapping(item, what, where)
    if entry is None:
        return None
    check.keys(entry, LINK_KEYS, what)
    thing = check.string(entry, K_THING, what)
    srcs = check.strings(entry, K_SOURCES, what)
    quotes = _read_quotes(check, entry, what, refs)
    uses = check.strings(entry, K_USES, what, required=False)
    if uses and topic != "industries":
        check.add(entry, f"{what}: 'uses' is only allowed in 'industries'")
    refs.sources.extend((check, entry, s) for s in srcs)
    if thing is not None:
        refs.things.append((check, entry, thing))
    quoted = {q.source for q in quotes}
    if len(set(srcs)) != len(srcs):
        check.add(entry, f"{what} ({thing}) lists a source twice")
    for s in srcs:
        if quotes and s not in quoted:
            check.add(entry, f"{what} ({thing}) lists source {s!r} but quotes nothing from it")
    for s in sorted(quoted - set(srcs)):
        check.add(entry, f"{what} ({thing}) quotes source {s!r} but does not list it in 'sources'")
    if thing is None or not srcs or not quotes:
        return None
    return ThingLink(thing=thing, sources=srcs, quotes=quotes, uses=uses)


def _read_points(check: _Checker, items: list[Any], topic: str, refs: _Refs) -> tuple[Point, ...]:
    kept: list[Point] = []
    for item in items:
        point = _read_point(check, item, items, topic, refs)
        if point is None:
            continue
        if any(alias_key(point.text) == alias_key(p.text) for p in kept):
            check.add(item, f"duplicate {topic} point {point.text[:60]!r}: merge the quotes into one point")
            continue
        kept.append(point)
    return tuple(kept)


def _read_links(check: _Checker, items: list[Any], topic: str, refs: _Refs) -> tuple[ThingLink, ...]:
    kept: list[ThingLink] = []
    for item in items:
        link = _read_link(check, item, items, topic, refs)
        if link is None:
            continue
        if any(lk.thing == link.thing for lk in kept):
            check.add(item, f"thing {link.thing!r} is linked twice under {topic!r}: "
                            "list it once with all its sources and quotes")
            continue
        kept.append(link)
    return tuple(kept)


def _topic_table(check: _Checker, data: LineDict, key: str, allowed: tuple[str, ...]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    raw = data.get(key)
    if raw is None:
        return out
    table = check.mapping(raw, f"{key!r}", data)
    if table is None:
        return out
    for topic, items in table.items():
        if topic not in allowed:
            check.add(table.line_of_key(topic), f"unknown topic {topic!r} in {key!r} (allowed: {', '.join(allowed)})")
        elif not isinstance(items, list):
            check.add(table.line_of_key(topic), f"{key} for {topic!r} must be a list")
        else:
            out[topic] = items
    return out


def _read_role(check: _Checker, data: LineDict, refs: _Refs) -> Role | None:
    check.keys(data, ROLE_KEYS, "a role file")
    if K_FACTS in data:
        check.add(data.line_of_key(K_FACTS), "'facts' was replaced by 'points' and 'things' (see knowledge/README.md)")
    rid = check.string(data, K_ID, "role")
    name = check.string(data, K_NAME, "role")
    if rid is None or name is None:
        return None
    plural = check.string(data, K_PLURAL, "role", required=False) or name + "s"
    aliases = check.strings(data, K_ALIASES, "role", required=False)
    summary = check.string(data, K_SUMMARY, "role", required=False) or ""
    summary_sources = check.strings(data, K_SUMMARY_SOURCES, "role", required=False)
    refs.sources.extend((check, data, s) for s in summary_sources)
    refs.role = rid
    points = {t: _read_points(check, items, t, refs)
              for t, items in _topic_table(check, data, K_POINTS, POINT_TOPICS).items()}
    things = {t: _read_links(check, items, t, refs)
              for t, items in _topic_table(check, data, K_THINGS, THING_TOPICS).items()}
    silent: dict[str, Silence] = {}
    raw_silent = data.get(K_SILENT) or LineDict()
    silent_map = check.mapping(raw_silent, "'silent'", data)
    if silent_map is not None:
        for topic, entry in silent_map.items():
            if topic not in ROLE_TOPICS:
                check.add(silent_map, f"unknown topic {topic!r} in 'silent'")
                continue
            m = check.mapping(entry, f"silent {topic!r}", silent_map)
            if m is None:
                continue
            check.keys(m, frozenset({K_NOTE, K_SOURCES}), f"silent {topic!r}")
            note = check.string(m, K_NOTE, f"silent {topic!r}") or ""
            srcs = check.strings(m, K_SOURCES, f"silent {topic!r}", required=False)
            refs.sources.extend((check, m, s) for s in srcs)
            silent[topic] = Silence(topic, note, srcs)
    for topic in silent:
        if points.get(topic) or things.get(topic):
            check.add(silent_map.line_of_key(topic) if silent_map is not None else data,
                      f"topic {topic!r} has points or things and is also recorded under 'silent'")
    for topic in ROLE_TOPICS:
        if not points.get(topic) and not things.get(topic) and topic not in silent:
            check.add(data, f"role {rid!r} has nothing for topic {topic!r}; "
                            "add points or things, or record it under 'silent'")
    return Role(
        id=rid, name=name, plural=plural, aliases=aliases, summary=summary,
        summary_sources=summary_sources, silent=MappingProxyType(silent),
        points=MappingProxyType(points), things=MappingProxyType(things),
    )
