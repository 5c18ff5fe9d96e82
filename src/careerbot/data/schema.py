"""The keys of the knowledge files, as constants, so the schema is written down in one place."""

from __future__ import annotations

__all__ = [
    "K_ALIASES", "K_CATEGORY", "K_DATE", "K_FACTS", "K_FIGURE", "K_FILE", "K_GROUP", "K_ID", "K_ITEMS",
    "K_KIND", "K_LABEL", "K_NAME", "K_NOTE", "K_PERIOD", "K_PLURAL", "K_POINTS", "K_POSTINGS", "K_QUOTES",
    "K_ROLES", "K_SCOPE", "K_SILENT", "K_SOURCE", "K_SOURCES", "K_STEP", "K_SUMMARY", "K_SUMMARY_SOURCES",
    "K_TEXT", "K_THING", "K_THINGS", "K_TITLE", "K_USES", "K_VS", "LINK_KEYS", "POINT_KEYS", "POSTING_KEYS",
    "QUOTE_KEYS", "ROLE_KEYS", "SALARY_KEYS", "SOURCE_KEYS", "THING_KEYS",
]

K_SOURCES, K_POSTINGS, K_ID, K_NAME = "sources", "postings", "id", "name"
K_TITLE, K_DATE, K_FILE, K_ROLES, K_NOTE = "title", "date", "file", "roles", "note"
K_PLURAL, K_ALIASES, K_SUMMARY, K_SUMMARY_SOURCES = "plural", "aliases", "summary", "summary_sources"
K_FACTS, K_SILENT, K_THINGS, K_POINTS = "facts", "silent", "things", "points"
K_THING, K_QUOTES, K_USES, K_SOURCE, K_LABEL = "thing", "quotes", "uses", "source", "label"
K_CATEGORY, K_KIND = "category", "kind"
K_TEXT, K_GROUP, K_ITEMS, K_VS = "text", "group", "items", "vs"
K_FIGURE, K_PERIOD, K_SCOPE, K_STEP = "figure", "period", "scope", "step"
POINT_KEYS = frozenset({K_TEXT, K_QUOTES, K_THINGS, K_VS, K_STEP, K_FIGURE, K_PERIOD, K_SCOPE})
LINK_KEYS = frozenset({K_THING, K_SOURCES, K_QUOTES, K_USES})
QUOTE_KEYS = frozenset({K_SOURCE, K_TEXT, K_LABEL})
THING_KEYS = frozenset({K_ID, K_NAME, K_ALIASES, K_CATEGORY, K_KIND, K_NOTE})
SOURCE_KEYS = frozenset({K_ID, K_TITLE, K_DATE, K_FILE, K_ROLES, K_NOTE})
ROLE_KEYS = frozenset(
    {K_ID, K_NAME, K_PLURAL, K_ALIASES, K_SUMMARY, K_SUMMARY_SOURCES, K_THINGS, K_POINTS, K_SILENT}
)
POSTING_KEYS = frozenset(
    {
        K_ID, K_TITLE, "company", "location", "remote", "contract", "internship",
        "level", "salary", "closest_role", K_SOURCES,
    }
)
SALARY_KEYS = frozenset({"currency", "min", "max", K_TEXT})
