"""Featured postings: filter, rank and compare them for a :class:`~careerbot.nlu.postings_query.PostingsQuery`.

Every posting is reachable ("show me every posting"); filters combine with or without a role; a place
no featured posting is in is said plainly, with where the postings are; pay comparisons across roles
say which postings and levels they compare and never rank ranges in different currencies against each
other. Answers stay within :data:`MAX_LINES` lines. Nothing here reads raw text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ..data.knowledge import KnowledgeBase, Posting
from ..nlu.normalize import tokenize
from ..nlu.postings_query import PostingsQuery
from .data_types import PayComparisonData, PayComparisonItem, PostingData, PostingFiltersData, PostingsData
from .responses import Answer
from .wording import dedupe_ci, join_names, say, topic_question

__all__ = ["MAX_LINES", "PostingsFinder", "level_of", "posting_line"]

#: Most lines of a postings answer (notes included).
MAX_LINES = 14

_US_POSTING_RE = re.compile(r"\b(?:US|USA|NY|New York|San Francisco|Seattle|Washington|Rochester)\b|\bU\.S\b")
_GERMANY_RE = re.compile(r"germany|berlin", re.IGNORECASE)


def level_of(p: Posting) -> str:
    """The posting's level as a filter value: ``entry``, ``mid`` or ``senior``."""
    head = p.level.split("-")[0].split("/")[0].strip().casefold()
    return {"entry": "entry", "mid": "mid", "senior": "senior"}.get(head, head)


def _thousands(amount: int) -> str:
    return f"{amount // 1000}K" if amount % 1000 == 0 else str(amount)


def _level_label(p: Posting) -> str:
    return p.level.split("/")[0].strip() or p.level


def posting_line(kb: KnowledgeBase, p: Posting, *, closest: bool) -> str:
    """One posting as a line (with its closest role when ``closest``)."""
    extra = ""
    role = kb.roles.get(p.closest_role or "")
    if closest and role is not None:
        extra = say("post_closest", name=role.name)
    return say(
        "post_line", title=p.title, company=p.company, location=p.location, contract=p.contract_label,
        level=p.level, salary=p.salary.text, closest=extra,
    )


def _place_counts(postings: Sequence[Posting]) -> list[str]:
    """"Berlin, Germany and Remote (1)": each place of ``postings`` with how many are there."""
    counts: dict[str, int] = {}
    for p in postings:
        counts[p.location] = counts.get(p.location, 0) + 1
    return [say("post_place_count", place=place, n=n) for place, n in counts.items()]


def _matches(p: Posting, q: PostingsQuery, *, places: bool = True) -> bool:
    if q.among and p.id not in q.among:
        return False
    if q.titled:
        if p.id not in q.titled:
            return False  # "the professor job": that posting, whichever role it is closest to
    elif q.roles and p.closest_role not in q.roles:
        return False
    if places:
        if q.unknown_places and not (q.places or q.regions):
            return False  # (a place no posting names, beside one they do: "in Manila or only in US?")
        loc = tuple(tokenize(p.location))
        # Places named are alternatives ("in San Francisco or New York"); "Rochester NY" names one
        # posting's place twice.
        if q.places and not any(
            any(loc[i : i + len(toks)] == toks for i in range(len(loc)))
            for toks in (tuple(place.split()) for place in q.places)
        ):
            return False
        for region in q.regions:
            if region == "US" and not _US_POSTING_RE.search(p.location):
                return False
            if region == "Germany" and not _GERMANY_RE.search(p.location):
                return False
    if q.remote is not None and p.remote != q.remote:
        return False
    if q.internship and not p.internship:
        return False
    if q.levels and level_of(p) not in q.levels:
        return False
    if q.currency and p.salary.currency != q.currency:
        return False
    return not (q.companies and p.company not in q.companies)


class PostingsFinder:
    """Postings answers for one knowledge base. Read-only, safe to share."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb

    def _place_name(self, place: str) -> str:
        """A place as the postings write it ("ny" -> "NY", "new york" -> "New York")."""
        pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, place.split())) + r"(?!\w)", re.IGNORECASE)
        for p in self._kb.postings:
            found = pattern.search(p.location)
            if found is not None:
                return found.group()
        return place.title()

    def _places_named(self, q: PostingsQuery) -> list[str]:
        return dedupe_ci([self._place_name(p) for p in q.places] + list(q.regions) + list(q.unknown_places))

    def matching(self, query: PostingsQuery) -> list[Posting]:
        """The featured postings that match every filter of ``query``, in knowledge-base order."""
        return [p for p in self._kb.postings if _matches(p, query)]

    def describe(self, q: PostingsQuery, *, places: bool = True) -> str:
        """The filters of ``q`` in words ("closest to Data Engineer, remote, in Berlin")."""
        kb = self._kb
        parts: list[str] = []
        if q.roles and not q.titled:
            parts.append("closest to " + join_names([kb.roles[r].name for r in q.roles if r in kb.roles], "or"))
        if q.internship:
            parts.append("internships")
        parts.extend(f"{lv}-level" for lv in q.levels)
        if q.remote is True:
            parts.append("remote")
        elif q.remote is False:
            parts.append("on-site")
        if places:
            named = self._places_named(q)
            if named:
                parts.append("in " + join_names(named, "or"))
        if q.currency:
            parts.append("paid in " + q.currency)
        if q.companies:
            parts.append("at " + join_names(list(q.companies), "or"))
        if q.title_words:
            parts.append("titled with " + join_names([f'"{w}"' for w in q.title_words], "or"))
        return ", ".join(parts)

    def answer(self, query: PostingsQuery) -> Answer:
        """List, filter, rank and compare the featured postings for ``query``."""
        kb = self._kb
        q = query
        if q.every and q.roles and set(kb.roles) <= set(q.roles):
            q = dataclasses.replace(q, roles=())  # "every posting": not only those closest to a role
        filters: PostingFiltersData = {
            "roles": list(q.roles), "places": list(q.places), "regions": list(q.regions),
            "unknown_places": list(q.unknown_places), "remote": q.remote, "levels": list(q.levels),
            "internship": q.internship, "currency": q.currency, "companies": list(q.companies), "sort": q.sort,
            "every": q.every,
        }
        if not kb.postings:
            none: PostingsData = {
                "kind": "postings", "topic": "salary", "postings": [], "filters": filters, "matched": False,
                "note": kb.postings_note, "places": [], "comparison": [], "unranked": [],
            }
            return Answer(say("post_none"), dict(none), ())
        chosen = self.matching(q)
        empty = not chosen
        # No featured posting is closest to the roles asked about: what the rest of the question asks.
        unposted = empty and bool(q.roles) and not any(p.closest_role in q.roles for p in kb.postings)
        without_roles = dataclasses.replace(q, roles=()) if unposted else q
        others = self.describe(without_roles) if unposted else ""
        rest = self.matching(without_roles) if unposted and others else []
        shown = chosen
        head: list[str] = []
        where: list[str] = []
        if empty and q.has_place:
            shown, head, where = self._no_place(q)
        elif empty and q.among:
            # "is that one remote?" and it is not: say so about the postings just shown.
            shown = [p for p in kb.postings if p.id in q.among]
            head.append(say("post_empty_among", filters=self.describe(q) or "your question"))
        elif unposted and not others:
            # "how much does a DSE earn?": no article gives pay, and no featured posting is closest.
            shown = []
            head.extend(say("post_role_unposted", name=kb.roles[r].name) for r in q.roles)
            head.append(say("post_role_none_more", n=len(kb.postings)))
        elif unposted and rest:
            # "is that one remote?" about the DSE: no posting is closest to it; the remote ones are these.
            shown = rest
            names = join_names([kb.roles[r].name for r in q.roles], "or")
            head.append(say("post_role_unposted_rest", names=names, filters=others))
        elif empty:
            shown = [p for p in kb.postings if p.closest_role in q.roles]
            scope = ""
            if shown:
                scope = say("post_empty_scope", names=join_names([kb.roles[r].name for r in q.roles], "or"))
            else:
                shown = list(kb.postings)
            head.append(say("post_empty", filters=self.describe(q) or "your question", scope=scope))
        if q.sort == "max":
            shown = sorted(shown, key=lambda p: (-p.salary.max, -p.salary.min))
        elif q.sort == "min":
            shown = sorted(shown, key=lambda p: (p.salary.min, p.salary.max))
        by_role = len(q.roles) >= 2 and not empty
        if not empty and q.among and q.yes_no:
            head.append(say("post_yes", filters=self.describe(q) or "as asked"))  # "is that one remote?" and it is
        if not empty and not q.among and q.pay:
            # "what does an MLE earn?": the postings closest to it carry other titles ("AI Engineer").
            head.extend(
                say("post_role_untitled", name=kb.roles[r].name) for r in q.roles
                if any(p.closest_role == r for p in shown)
                and not any(p.closest_role == r and kb.roles[r].name.casefold() in p.title.casefold() for p in shown)
            )
        if not empty:
            described = self.describe(q)
            head.append(say("post_heading", filters=f" ({described})" if described else ""))
        if q.sort and shown and not by_role:
            top = shown[0]
            if q.sort == "max":
                head.append(say("post_top", line=posting_line(kb, top, closest=False)))
                by_min = max(shown, key=lambda p: (p.salary.min, p.salary.max))
                if by_min is not top:
                    head.append(say("post_top_min", line=posting_line(kb, by_min, closest=False)))
            else:
                head.append(say("post_bottom", line=posting_line(kb, top, closest=False)))
        tail: list[str] = []
        comparison: list[PayComparisonData] = []
        unranked: list[str] = []
        if by_role:
            comparison, unranked, compare_lines = self._compare(q.roles, shown)
            tail.extend(compare_lines)
        elif len({p.salary.currency for p in shown}) > 1 and q.sort:
            tail.append(say("post_currency"))
        if q.no_stats:
            tail.append(say("post_no_stats"))
        if shown:
            tail.append(say("post_notes"))
        body = self._role_lines(q.roles, shown) if by_role else self._list_lines(
            shown, numbered=bool(q.sort), room=MAX_LINES - len(head) - len(tail)
        )
        sources = [s for p in shown for s in p.sources]
        data: PostingsData = {
            "kind": "postings",
            "topic": "salary",
            "postings": [_posting_data(p) for p in shown],
            "filters": filters,
            "matched": not empty,
            "note": kb.postings_note,
            "places": where,
            "comparison": comparison,
            "unranked": unranked,
        }
        role_for_tips = kb.roles[q.roles[0]] if q.roles else next(iter(kb.roles.values()))
        suggestions = ("Which posting pays the most?", "Any internships?", topic_question("skills", role_for_tips))
        # No [n] references in a postings answer, so no legend: reply.sources names the articles.
        return Answer("\n".join([*head, *body, *tail]), dict(data), tuple(dict.fromkeys(sources)), suggestions)

    # -- parts -----------------------------------------------------------------------------------

    def _no_place(self, q: PostingsQuery) -> tuple[list[Posting], list[str], list[str]]:
        """What to show when no posting is in the place asked for: the line saying so, and where they are."""
        kb = self._kb
        named = self._places_named(q)
        asked = self.describe(q, places=False)
        there = [p for p in kb.postings if _matches(p, dataclasses.replace(q, roles=()))] if q.roles else []
        if there:
            # (about the ML SWE) "any of those featured jobs in New York?": one is, for another role.
            line = say(
                "post_no_place_others", which=say("post_no_place_which", filters=asked), places=join_names(named, "or")
            )
            return there, [line], _place_counts(there)
        elsewhere = [p for p in kb.postings if _matches(p, q, places=False)]
        which = self.describe(q, places=False)
        if not elsewhere and q.roles:
            elsewhere = [p for p in kb.postings if p.closest_role in q.roles]
            which = self.describe(PostingsQuery(roles=q.roles))
        if not elsewhere:
            elsewhere, which = list(kb.postings), ""
        where = _place_counts(elsewhere)
        if len(elsewhere) == len(kb.postings):
            they = say("post_they_all")
        elif which == asked:
            they = say("post_they_those")
        else:
            they = say("post_they_some", which=f" ({which})" if which else "")
        # A place no featured posting is in at all: the articles say nothing about jobs there.
        unknown = not q.places and not q.regions
        line = say(
            "post_unknown_place" if unknown else "post_no_place",
            which=say("post_no_place_which", filters=asked) if asked else "",
            places=join_names(named, "or"),
            they=they,
            where="; ".join(where),
        )
        return elsewhere, [line], where

    def _list_lines(self, shown: Sequence[Posting], *, numbered: bool, room: int) -> list[str]:
        kb = self._kb
        room = max(1, room)
        visible = list(shown) if len(shown) <= room else list(shown[: room - 1])
        lines = [
            f"{f'{n}.' if numbered else '-'} {posting_line(kb, p, closest=True)}"
            for n, p in enumerate(visible, start=1)
        ]
        if len(visible) < len(shown):
            lines.append(say("post_more", n=len(shown) - len(visible)))
        return lines

    def _role_lines(self, roles: Sequence[str], shown: Sequence[Posting]) -> list[str]:
        kb = self._kb
        lines: list[str] = []
        for rid in roles:
            mine = [p for p in shown if p.closest_role == rid]
            name = kb.roles[rid].name
            if mine:
                items = "; ".join(
                    say("post_short", title=p.title, company=p.company, location=p.location, level=p.level,
                        salary=p.salary.text)
                    for p in mine
                )
                lines.append(say("post_role_line", name=name, postings=items))
            else:
                lines.append(say("post_role_none", name=name))
        return lines

    def _compare(
        self, roles: Sequence[str], shown: Sequence[Posting]
    ) -> tuple[list[PayComparisonData], list[str], list[str]]:
        """Pay compared across ``roles`` within each currency; ranges in other currencies are set apart."""
        kb = self._kb
        currencies = list(dict.fromkeys(p.salary.currency for p in shown if p.closest_role in roles))
        several = len(currencies) > 1
        out: list[PayComparisonData] = []
        lines: list[str] = []
        compared_ids: set[str] = set()
        for currency in currencies:
            tops: list[tuple[str, Posting]] = []
            for rid in roles:
                mine = [p for p in shown if p.closest_role == rid and p.salary.currency == currency]
                if mine:
                    tops.append((rid, max(mine, key=lambda p: (p.salary.max, p.salary.min))))
            if len(tops) < 2:
                continue
            best = max(p.salary.max for _, p in tops)
            winners = [(rid, p) for rid, p in tops if p.salary.max == best]
            scope = say("post_roles_currency", currency=currency) if several else ""
            if len(winners) == 1:
                rid, p = winners[0]
                lines.append(say(
                    "post_roles_top", currency=scope, name=kb.roles[rid].name, salary=p.salary.text, title=p.title,
                    company=p.company,
                ))
            else:
                lines.append(say(
                    "post_roles_tie", currency=scope, names=join_names([kb.roles[rid].name for rid, _ in winners]),
                    top=f"{currency} {_thousands(best)}",
                ))
            levels_differ = len({level_of(p) for _, p in tops}) > 1
            items = join_names([
                say("post_compares_item", title=p.title, company=p.company, level=_level_label(p),
                    salary=p.salary.text, name=kb.roles[rid].name)
                for rid, p in tops
            ])
            lines.append(say(
                "post_compares", items=items,
                levels=say("post_levels_differ") if levels_differ else say("post_levels_same"),
            ))
            compared_ids.update(p.id for _, p in tops)
            compared: list[PayComparisonItem] = [
                {"role": rid, "posting": p.id, "level": level_of(p), "max": p.salary.max} for rid, p in tops
            ]
            out.append({
                "currency": currency, "compared": compared, "top_roles": [rid for rid, _ in winners],
                "levels_differ": levels_differ,
            })
        ranked_currencies = {c["currency"] for c in out}
        apart = [
            p for p in shown if several and p.closest_role in roles and p.salary.currency not in ranked_currencies
        ]
        if apart:
            by_currency: dict[str, list[Posting]] = {}
            for p in apart:
                by_currency.setdefault(p.salary.currency, []).append(p)
            for currency, group in by_currency.items():
                names = join_names([f"{p.title} @ {p.company} ({p.salary.text})" for p in group])
                rest = join_names([c for c in currencies if c != currency])
                lines.append(say(
                    "post_cross_currency", items=names, verb="is" if len(group) == 1 else "are",
                    currency=currency, pronoun="it" if len(group) == 1 else "they", others=rest,
                ))
        return out, [p.id for p in apart], lines


def _posting_data(p: Posting) -> PostingData:
    """A posting as plain data (the same keys as :func:`careerbot.skills.responses.posting_dict`)."""
    return {
        "id": p.id, "title": p.title, "company": p.company, "location": p.location, "remote": p.remote,
        "contract": p.contract, "internship": p.internship, "level": p.level, "currency": p.salary.currency,
        "min": p.salary.min, "max": p.salary.max, "salary": p.salary.text, "closest_role": p.closest_role,
    }
