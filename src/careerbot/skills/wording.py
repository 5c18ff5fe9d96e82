"""All advisor wording, in one read-only table of :class:`string.Template` strings.

Every sentence the recommendation, skill-gap, learning-path, postings and table answers show comes
from :data:`ADVISOR_TEMPLATES`; values (user words included) are only ever filled in with
:meth:`string.Template.safe_substitute` through :func:`say`, so nothing a person types reaches
``str.format``. The small display helpers at the end only join and quote words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from string import Template
from types import MappingProxyType

from ..data.knowledge import Fact
from .responses import fact_line, join_names

__all__ = ["ADVISOR_TEMPLATES", "dedupe_ci", "display", "fact_text", "pct", "quoted", "say"]

ADVISOR_TEMPLATES: Mapping[str, Template] = MappingProxyType(
    {
        # recommendation
        "rec_one": Template("Based on what you mentioned ($mentioned), the best fit is the $best role."),
        "rec_two": Template(
            "Based on what you mentioned ($mentioned), the best fits are $best and $second "
            "(they score almost the same)."
        ),
        "rec_only_avoid": Template(
            "You mentioned what you would rather avoid ($avoid). The roles whose articles stress it "
            "least are: $best."
        ),
        "rec_candidates": Template("I only compared the roles you named: $names."),
        "rec_why": Template("Why $name: the articles mention $terms."),
        "rec_why_none": Template("$name: the articles mention none of what you would rather avoid."),
        "rec_why_generic": Template(
            "Why $name: the articles use what you mentioned for several roles; tell me more (tools, tasks, "
            "subjects you like) for a sharper match."
        ),
        "rec_close": Template("Also close: $name ($pct%), which matches $terms."),
        "rec_avoid": Template("You would rather avoid $avoid, so roles that stress it score lower."),
        "rec_scores": Template("How the roles compare (100% = best match):"),
        "rec_score_line": Template("- $name: $pct%"),
        "rec_none": Template(
            "I couldn't match what you said to any of the roles. What do you enjoy? For example: "
            "$examples. Tell me, e.g. \"$example\"."
        ),
        "rec_none_example": Template("I like $interest, which role fits me?"),
        # skill gap
        "gap_heading": Template("Skill gap for $name"),
        "gap_heading_from": Template("Skill gap: $current -> $name"),
        "gap_known": Template("What I recognised in your message: $known."),
        "gap_background": Template(
            "From your $current background I counted the skills and tools the articles list for ${plural}."
        ),
        "gap_overlap": Template(
            "You already have $have of $total requirements the articles list for $plural ($pct%)."
        ),
        "gap_have": Template("Already covered:"),
        "gap_missing": Template("Still missing:"),
        "gap_nothing_missing": Template("Nothing the articles list for $plural is missing."),
        "gap_extra": Template("Also in your message but not listed for ${plural}: $extra."),
        "gap_unknown": Template(
            "I didn't recognise any skills or tools in your message, so here is everything the articles "
            "list for ${plural}. Tell me what you know (e.g. \"I know Python and SQL\") and I'll work out "
            "the gap."
        ),
        "gap_no_target": Template(
            "Which role would you like to move into? I can work out the gap for: $roles. "
            "For example: \"$example\"."
        ),
        "gap_other_targets": Template("(You also named $others; ask about them next.)"),
        "gap_from_background": Template("$item (from your $current background)"),
        "gap_partly": Template("$item (you have part of this: $terms)"),
        # learning path
        "path_heading": Template(
            "Learning path to become a $name (built from the articles' tips, skills and tools):"
        ),
        "path_step": Template("Step $n. $title $refs"),
        "path_none": Template("The articles give no tips, skills or tools for ${plural}."),
        "path_project": Template("Typical projects: $text"),
        "path_silent_projects": Template("The articles name no typical projects for ${plural}."),
        # postings
        "post_heading": Template("Featured job postings$filters:"),
        "post_none": Template("The knowledge base has no featured job postings, so I have no pay figures."),
        "post_role_line": Template("Closest to $name: $postings"),
        "post_role_none": Template("None of these featured postings is closest to a $name role."),
        "post_empty": Template(
            "None of the featured postings matches what you asked for ($filters). Here is what there is$scope:"
        ),
        "post_empty_scope": Template(" for the closest roles ($names)"),
        "post_no_place": Template("No featured posting$which is in $places; $they in $where."),
        "post_no_place_which": Template(" ($filters)"),
        "post_they_all": Template("the featured postings are"),
        "post_they_some": Template("the ones$which are"),
        "post_they_those": Template("those are"),
        "post_place_count": Template("$place ($n)"),
        "post_more": Template("... and $n more (ask \"show me every posting\")."),
        "post_top": Template("Highest-paying posting by top of range: $line."),
        "post_top_min": Template("Highest starting point (bottom of range): $line."),
        "post_bottom": Template("Lowest-paying posting by bottom of range: $line."),
        "post_roles_top": Template(
            "Highest top of range among these roles$currency: $name ($salary, $title @ $company)."
        ),
        "post_roles_tie": Template("Highest top of range among these roles$currency: $names, tied at $top."),
        "post_roles_currency": Template(" (in $currency)"),
        "post_compares": Template("This compares $items$levels."),
        "post_compares_item": Template("$title @ $company ($level, $salary) for $name"),
        "post_levels_differ": Template(
            ": different levels, so it does not show that one role pays more"
        ),
        "post_levels_same": Template(", all at the same level"),
        "post_cross_currency": Template(
            "$items $verb paid in $currency, so $pronoun cannot be ranked directly against the $others ranges."
        ),
        "post_currency": Template("Ranges are in their own currency (EUR and USD are not converted)."),
        "post_notes": Template(
            "These are example job postings featured with the articles, not salary statistics; matching "
            "postings to roles is careerbot's own mapping, not something the articles state."
        ),
        "post_no_stats": Template(
            "The articles give no average or typical salaries; these ranges are the only pay figures."
        ),
        "post_line": Template("$title @ $company ($location) - $contract, $level, $salary$closest"),
        "post_short": Template("$title @ $company ($location) - $level, $salary"),
        "post_closest": Template("; closest role: $name"),
        # comparison table
        "table_heading": Template("$names compared"),
        # shared
        "sources": Template("References: $refs"),
        "source_ref": Template("[$n] $title"),
        "quote": Template("- \"$text\" $refs"),
        "item": Template("- $text $refs"),
        "group": Template("$group: $items"),
    }
)


def say(template: str, /, **values: object) -> str:
    """The template ``name`` filled with ``values`` (``safe_substitute``: a missing value stays as typed)."""
    return ADVISOR_TEMPLATES[template].safe_substitute(**{k: str(v) for k, v in values.items()})


def fact_text(fact: Fact) -> str:
    """A fact as one line of text."""
    return fact.text or fact_line(fact)


def pct(value: float) -> int:
    """A share (0-1) as a whole percentage."""
    return round(100 * value)


def display(word: str) -> str:
    """A word the person typed, for display (short abbreviations in capitals: ``cs`` -> ``CS``)."""
    return word.upper() if len(word) <= 3 and word.isalpha() and word.islower() else word


def dedupe_ci(items: Iterable[str]) -> list[str]:
    """``items`` without case-insensitive repeats, first spelling kept."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return out


def quoted(terms: Sequence[str]) -> str:
    """``["a", "b"]`` -> ``"a" and "b"`` (with the quotes)."""
    return join_names([f"\"{term}\"" for term in terms])
