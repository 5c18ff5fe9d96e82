"""All of careerbot's wording, in read-only tables of :class:`string.Template` strings.

Every sentence an answer shows comes from :data:`TEMPLATES` (topics, comparisons, small talk,
fallbacks, the profile), :data:`TOPIC_QUESTIONS` (example questions) or :data:`ADVISOR_TEMPLATES`
(recommendations, skill gaps, learning paths, postings, tables); values (user words included) are only ever filled in with
:meth:`string.Template.safe_substitute` through :func:`say`, so nothing a person types reaches
``str.format``. The small display helpers at the end only join and quote words.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Iterable, Mapping, Sequence
from string import Template
from types import MappingProxyType
from typing import Any

from ..data.knowledge import Fact, Role
from ..reply import REFERENCES_LABEL

__all__ = [
    "ADVISOR_TEMPLATES",
    "TEMPLATES",
    "TOPIC_QUESTIONS",
    "UNSAID_SUBJECTS",
    "Wording",
    "count",
    "dedupe_ci",
    "display",
    "fact_line",
    "fact_text",
    "join_names",
    "pct",
    "quoted",
    "say",
    "topic_question",
]

_UNSET: Any = object()


class Wording(Template):
    """A :class:`string.Template` cut into its pieces once: :meth:`safe_substitute` fills them in
    without scanning the text again (templates are filled on every answer). Same results as
    ``Template.safe_substitute``: a missing name stays as written, ``$$`` is one ``$``."""

    def __init__(self, template: str) -> None:
        super().__init__(template)
        # (text, None) is kept as it is; (written, name) is filled with the value of ``name``.
        pieces: list[tuple[str, str | None]] = []
        last = 0
        for m in self.pattern.finditer(template):
            pieces.append((template[last : m.start()], None))
            name = m.group("named") or m.group("braced")
            if name is not None:
                pieces.append((m.group(), name))
            elif m.group("escaped") is not None:
                pieces.append((self.delimiter, None))
            else:
                pieces.append((m.group(), None))
            last = m.end()
        pieces.append((template[last:], None))
        self._pieces = tuple((text, name) for text, name in pieces if text or name)

    def safe_substitute(self, mapping: Mapping[str, object] = _UNSET, /, **kws: object) -> str:
        values: Mapping[str, object] = kws if mapping is _UNSET else ChainMap(kws, mapping) if kws else mapping  # type: ignore[arg-type]
        out: list[str] = []
        for text, name in self._pieces:
            if name is None:
                out.append(text)
            else:
                try:
                    out.append(str(values[name]))
                except KeyError:
                    out.append(text)
        return "".join(out)


#: What a question the articles don't answer is about (:func:`careerbot.nlu.cues.unsaid_subject`).
UNSAID_SUBJECTS: Mapping[str, str] = MappingProxyType({
    "age": "age", "time": "how long it takes to get there", "count": "how many such jobs there are",
})

#: The wording of topic answers, comparisons, small talk, fallbacks and the profile.
TEMPLATES: Mapping[str, Template] = MappingProxyType({
    "topic_heading": Wording("$role: $title"),
    "category_none": Wording("The articles list no $category tools for $plural."),
    "need_unsaid": Wording("The articles don't say whether $plural need that; what they do list:"),
    "sector_unnamed": Wording("The articles don't say whether $plural work in that sector; the industries they name:"),
    "silent": Wording("The articles don't say: they give no $title for ${plural}. $note"),
    "no_facts": Wording("The articles don't say anything about $title for ${plural}."),
    # topic answers (skills.facts): a lead line, then each point or thing once with [n] markers
    "lead_tools": Wording("$n from $articles, grouped by careerbot's own categories:"),
    "skill_languages": Wording("Languages named among its skills: $names"),
    "lead_skills": Wording("$n from $articles, each named once:"),
    "lead_points": Wording("$n from $articles:"),
    "lead_figures": Wording(
        "$n growth figures from $articles, for different periods and scopes, so they are not one measure:"
    ),
    "figure": Wording("$figure growth, $period, for $scope (article: $title)"),
    "vs_point": Wording("vs ${other}: $text"),
    "more_items": Wording("... and $n more; ask \"more\" to see everything with the articles' own words."),
    # the last answer expanded to its quotes (skills.facts.render_quotes)
    "quotes_heading": Wording("$subject: $title, in the articles' own words"),
    "quotes_article": Wording("[$n] ${title}:"),
    "quote": Wording("- \"$text\""),
    "quote_roles": Wording("- \"$text\" (on $roles)"),
    "quotes_more": Wording("... and $n more quotes."),
    "quotes_none": Wording("There are no quotes behind that answer to show."),
    # comparisons (skills.compare)
    "cmp_title": Wording("$names: $title"),
    "cmp_pair": Wording("The article \"$title\" $refs compares exactly these two; the differences it states:"),
    "cmp_pair_only": Wording("The article \"$title\" $refs compares exactly these two."),
    "cmp_no_pair": Wording(
        "No article compares $plurals directly; what they share and what only one has comes from what "
        "the articles list for each."
    ),
    "cmp_short": Wording("In short:"),
    "cmp_role": Wording("- ${name}: $text $refs"),
    "cmp_both": Wording("Both: $items"),
    "cmp_all": Wording("All $n: $items"),
    "cmp_only": Wording("Only ${plural}: $items"),
    "cmp_nothing": Wording("nothing"),
    "cmp_both_heading": Wording("Both:"),
    "cmp_all_heading": Wording("All ${n}:"),
    "cmp_only_heading": Wording("Only ${plural}:"),
    "cmp_role_heading": Wording("${name}:"),
    "cmp_also_heading": Wording("${name}, besides those:"),
    "cmp_silent": Wording("${plural}: the articles don't say"),
    "cmp_offer_brief": Wording(
        "Ask \"compare them in detail\" for their skills, tools, education and industries side by side."
    ),
    "cmp_offer": Wording(
        "Ask \"more\" for the articles' own sentences, or about one topic, e.g. \"$example\"."
    ),
    "cell_shared": Wording("In common: $items"),
    "cell_only": Wording("Only this role: $items"),
    "cell_silent": Wording("The articles don't say."),
    "table_title": Wording("$names compared: the main points"),
    "table_more": Wording("$text (+$n more)"),
    "table_offer": Wording(
        "For detail, ask about one topic (e.g. \"$example\") or two roles (e.g. \"$pair\"); "
        "\"more\" shows the articles' own sentences."
    ),
    "compare_heading": Wording("$names compared"),
    "no_direct": Wording(
        "None of the articles compares $names with each other directly, so here are their "
        "summaries, skills and tools side by side."
    ),
    "clarify": Wording(
        "Which role do you mean? I can answer about $title for: $roles. "
        "Reply with a role name, e.g. \"$example\"."
    ),
    "fallback": Wording(
        "Sorry, I didn't get that. I answer questions about five careers ($roles): what they do, skills, "
        "education, tools, outlook and pay. Try \"$first\" or \"$second\"."
    ),
    "fallback_again": Wording("That's outside what I know too. Perhaps \"$first\" or \"$second\"?"),
    "skipped_part": Wording("I can't answer \"$part\" from the articles on these five careers."),
    "empty": Wording("Type a question about one of these careers: $roles. Try \"$first\"."),
    "uncovered": Wording(
        "I don't have information about $others. I only cover these roles: $roles."
    ),
    "greet": Wording(
        "Hello! I answer questions about data and machine-learning careers: $roles. "
        "Ask me about tools, skills, education, salaries, or compare two roles."
    ),
    "thanks": Wording("You're welcome! Ask me anything else about $short."),
    "goodbye": Wording("Goodbye, and good luck with your career choice!"),
    "help": Wording(
        "I answer questions about these careers: $roles.\n"
        "Topics: $topics.\n"
        "Examples:\n$examples\n"
        "Follow-ups work too (\"what about their education?\", \"and ML engineers?\"). "
        "All answers come from $n_sources; ask \"where does this come from?\" to see them."
    ),
    "list_roles": Wording("I know about $n:\n$lines"),
    "sources": Wording("My knowledge comes from $n:\n$lines"),
    "salary_note": Wording(
        "These are example job postings featured with the articles, not salary statistics."
    ),
    "salary_none": Wording(
        "The articles don't say what a ${name} earns, and none of the featured postings is closest to that role."
    ),
    "truncated": Wording("(Your message was long; I only read its first $limit characters.)"),
    "kind_elsewhere": Wording('On $kind, the articles say for ${plural} (under "$title"): $text'),
    "kind_none": Wording("The articles name no $kind for ${plural}."),
    "kind_none_elsewhere": Wording("The articles name no $kind for ${plural}; they name some for $others."),
    "term_yes": Wording("Yes: the articles list $term for ${plural}."),
    "term_listed": Wording("The articles list $term for ${plural}."),
    "term_no": Wording("The articles don't list $term for ${plural}."),
    "term_no_elsewhere": Wording("The articles don't list $term for ${plural}; they list it for $others."),
    "specific": Wording("What the articles say about this for ${plural}:"),
    "specific_yes": Wording("Yes. The articles say, for ${plural}:"),
    "applications": Wording("The articles name $uses under $sectors, among the industries where ${plural} are in demand:"),
    "specific_more": Wording("More on $title: \"$question\""),
    "specific_silent": Wording("The articles say nothing like it about ${plurals}."),
    "unlisted": Wording("The articles don't say anything about $names for ${plural} (or for any of the five roles)."),
    "roles_with": Wording("The articles list $thing for $roles, not for $others."),
    "roles_with_only": Wording("The articles list $thing for $roles."),
    "roles_with_silent": Wording("They give no $topic for $roles."),
    "roles_with_all": Wording("The articles list $thing for all five roles."),
    "roles_with_both": Wording("The articles list $thing for each of them: $roles."),
    "roles_with_one": Wording("Yes: the articles list $thing for $roles."),
    "roles_with_quote": Wording("- $plural ($title): \"$quote\""),
    "roles_with_none": Wording("The articles don't list $thing for any of the five roles."),
    "roles_with_none_among": Wording("The articles don't list $thing for $roles$elsewhere."),
    "roles_with_elsewhere": Wording("; they list it for $roles"),
    "no_ranking": Wording(
        "No article ranks the roles by $title; here is what each says, side by side."
    ),
    "noted": Wording("Noted: $what."),
    "noted_known": Wording("$items"),
    "noted_not_known": Wording("not yet: $items"),
    "noted_likes": Wording("likes: $items"),
    "noted_background": Wording("background: $items"),
    "noted_current": Wording("now: $items"),
    "noted_targets": Wording("aiming at: $items"),
    "intro_next": Wording(
        "I can suggest which of the five roles fits you (\"which role fits me?\") or list what you would "
        "still need for one (\"what am I missing for $example?\")."
    ),
    "intro_next_target": Wording(
        "Ask \"what am I missing?\" to compare that with what ${plural} need, or \"how do I get started?\" "
        "for the steps the articles give."
    ),
    "profile_empty": Wording(
        "You haven't told me anything about yourself yet. Tell me what you know or do, e.g. "
        "\"I know Python and SQL\" or \"I'm a data analyst\", and I'll use it for recommendations and skill gaps."
    ),
    "profile": Wording("From this conversation: $what. I use this for recommendations and skill gaps; "
                        "say \"forget what I told you\" to clear it."),
    "not_covered": Wording("The articles don't say that about ${plural}."),
    "not_covered_any": Wording("The articles don't say that."),
    "not_covered_about": Wording("The articles on ${plural} don't say anything about $subject."),
    "not_covered_covers": Wording(
        "What they do cover: $what, $topics, and example job postings with pay."
    ),
    "not_covered_nearest": Wording("The nearest they cover is ${title}: try \"$question\""),
    "profile_forgotten": Wording("Done: I've forgotten what you told me about yourself."),
})

#: One example question per topic, used for suggestions and help (``$role`` is a role name).
TOPIC_QUESTIONS: Mapping[str, Template] = MappingProxyType({
    "definition": Wording("What does a $role do?"),
    "responsibilities": Wording("What are the responsibilities of a $role?"),
    "skills": Wording("What skills does a $role need?"),
    "education": Wording("What degree does a $role need?"),
    "tools": Wording("What tools does a $role use?"),
    "industries": Wording("Which industries hire ${plural}?"),
    "outlook": Wording("What is the job outlook for ${plural}?"),
    "getting_started": Wording("How do I become a $role?"),
    "works_with": Wording("Who does a $role work with?"),
    "projects": Wording("What projects does a $role work on?"),
    "differences": Wording("How is a $role different from the other roles?"),
    "salary": Wording("How much does a $role earn?"),
})


def join_names(names: Sequence[str], conj: str = "and", *, versus: bool = False) -> str:
    """``["a", "b", "c"]`` -> ``"a, b and c"``; ``versus=True`` joins exactly two with "vs"."""
    names = list(names)
    if versus:
        conj = "vs" if len(names) == 2 else "and"
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {conj} {names[-1]}"


def count(n: int, noun: str) -> str:
    """``count(1, "article")`` -> ``"1 article"``; ``count(4, "article")`` -> ``"4 articles"``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def topic_question(topic: str, role: Role) -> str:
    """An example question about ``topic`` for ``role``."""
    template = TOPIC_QUESTIONS.get(topic, TOPIC_QUESTIONS["definition"])
    return template.safe_substitute(role=role.name, plural=role.plural)


def fact_line(fact: Fact) -> str:
    """One fact as one line of text."""
    if fact.group is not None:
        items = ", ".join(fact.items)
        return f"{fact.group}: {items}" if items else fact.group
    return fact.text or ""


ADVISOR_TEMPLATES: Mapping[str, Template] = MappingProxyType(
    {
        # recommendation
        "rec_one": Wording("Based on what you mentioned ($mentioned), the best fit is the $best role."),
        "rec_two": Wording(
            "Based on what you mentioned ($mentioned), the best fits are $best and $second "
            "(they score almost the same)."
        ),
        "rec_only_avoid": Wording(
            "You mentioned what you would rather avoid ($avoid). The roles whose articles stress it "
            "least are: $best."
        ),
        "rec_candidates": Wording("I only compared the roles you named: $names."),
        "fit_best": Wording("Yes: of the five roles, $name fits what you've told me best."),
        "fit_other": Wording("$name is not the best fit for what you've told me: $best is (how they all compare is below)."),
        "fit_unknown": Wording("$name: I can't tell yet whether it fits you."),
        "rec_why": Wording("Why $name: the articles mention $terms."),
        "rec_why_none": Wording("$name: the articles mention none of what you would rather avoid."),
        "rec_why_generic": Wording(
            "Why $name: the articles use what you mentioned for several roles; tell me more (tools, tasks, "
            "subjects you like) for a sharper match."
        ),
        "rec_close": Wording("Also close: $name ($pct%), which matches $terms."),
        "rec_avoid": Wording("You would rather avoid $avoid, so roles that stress it score lower."),
        "rec_scores": Wording("How the roles compare (100% = best match):"),
        "rec_score_line": Wording("- $name: $pct%"),
        "rec_none": Wording(
            "I couldn't match what you said to any of the roles. What do you enjoy? For example: "
            "$examples. Tell me, e.g. \"$example\"."
        ),
        "rec_none_example": Wording("I like $interest, which role fits me?"),
        "rec_none_between": Wording(
            "I can't tell yet whether $names fits you better: tell me what you enjoy or already know "
            "(e.g. \"I like statistics and building dashboards\"). Meanwhile, here is how they differ."
        ),
        # skill gap
        "gap_heading": Wording("Skill gap for $name"),
        "gap_heading_from": Wording("Skill gap: $current -> $name"),
        "gap_overlap": Wording(
            "You have $have of the $total skills, tools and qualifications the articles list for $plural ($pct%)."
        ),
        "gap_you_have": Wording("You have: $things"),
        "gap_from_role": Wording("From your $current background: $things"),
        "gap_things": Wording("$names $refs"),
        "gap_missing": Wording("Still missing:"),
        "gap_missing_topic": Wording("- $topic: $things"),
        "gap_nothing_missing": Wording("Nothing the articles list for $plural is missing."),
        "gap_extra": Wording("Also noted, not listed for ${plural}: $extra."),
        "gap_unlisted": Wording(
            "The articles list none of what you told me ($names) for ${plural}, so here is everything they "
            "list for them. Tell me more of what you know (e.g. \"I know Python and SQL\") and I'll work out "
            "the gap."
        ),
        "gap_unknown": Wording(
            "I didn't recognise any skills or tools in what you said, so here is everything the articles "
            "list for ${plural}. Tell me what you know (e.g. \"I know Python and SQL\") and I'll work out "
            "the gap."
        ),
        "gap_no_target": Wording(
            "Which role would you like to move into? I can work out the gap for: $roles. "
            "For example: \"$example\"."
        ),
        "gap_other_targets": Wording("(You also named $others; ask about them next.)"),
        # learning path
        "path_heading": Wording(
            "Learning path to become a $name (built from the articles' tips, skills and tools):"
        ),
        "path_step": Wording("Step $n. $title $refs"),
        "path_none": Wording("The articles give no tips, skills or tools for ${plural}."),
        "path_project": Wording("Typical projects: $text"),
        "path_silent_projects": Wording("The articles name no typical projects for ${plural}."),
        # postings
        "post_heading": Wording("Featured job postings$filters:"),
        "post_none": Wording("The knowledge base has no featured job postings, so I have no pay figures."),
        "post_empty_among": Wording("No: none of the postings just shown matches that ($filters). They were:"),
        "post_yes": Wording("Yes ($filters)."),
        "post_role_line": Wording("Closest to $name: $postings"),
        "post_role_untitled": Wording(
            "The articles don't say what a $name earns; no featured posting has that title, so these are "
            "the postings closest to it."
        ),
        "post_role_none": Wording(
            "The articles don't say what a $name earns, and none of these featured postings is closest to that role."
        ),
        "post_role_unposted": Wording(
            "The articles don't say what a $name earns, and none of the featured postings is closest to that role."
        ),
        "post_role_unposted_rest": Wording(
            "None of the featured postings is closest to $names; those that match the rest ($filters) are:"
        ),
        "post_role_none_more": Wording('Ask "show me every posting" to see all $n featured postings.'),
        "post_empty": Wording(
            "None of the featured postings matches what you asked for ($filters). Here is what there is$scope:"
        ),
        "post_empty_scope": Wording(" for the closest roles ($names)"),
        "post_no_place": Wording("No featured posting$which is in $places; $they in $where."),
        "post_unknown_place": Wording(
            "The articles don't say anything about jobs in $places: no featured posting$which is there; $they in $where."
        ),
        "post_no_place_which": Wording(" ($filters)"),
        "post_no_place_others": Wording("No featured posting$which is in $places; the featured postings there are for other roles:"),
        "post_they_all": Wording("the featured postings are"),
        "post_they_some": Wording("the ones$which are"),
        "post_they_those": Wording("those are"),
        "post_place_count": Wording("$place ($n)"),
        "post_more": Wording("... and $n more (ask \"show me every posting\")."),
        "post_top": Wording("Highest-paying posting by top of range: $line."),
        "post_top_min": Wording("Highest starting point (bottom of range): $line."),
        "post_bottom": Wording("Lowest-paying posting by bottom of range: $line."),
        "post_roles_top": Wording(
            "Highest top of range among these roles$currency: $name ($salary, $title @ $company)."
        ),
        "post_roles_tie": Wording("Highest top of range among these roles$currency: $names, tied at $top."),
        "post_roles_currency": Wording(" (in $currency)"),
        "post_compares": Wording("This compares $items$levels."),
        "post_compares_item": Wording("$title @ $company ($level, $salary) for $name"),
        "post_levels_differ": Wording(
            ": different levels, so it does not show that one role pays more"
        ),
        "post_levels_same": Wording(", all at the same level"),
        "post_cross_currency": Wording(
            "$items $verb paid in $currency, so $pronoun cannot be ranked directly against the $others ranges."
        ),
        "post_currency": Wording("Ranges are in their own currency (EUR and USD are not converted)."),
        "post_notes": Wording(
            "These are example job postings featured with the articles, not salary statistics; matching "
            "postings to roles is careerbot's own mapping, not something the articles state."
        ),
        "post_no_stats": Wording(
            "The articles give no average or typical salaries; these ranges are the only pay figures."
        ),
        "post_line": Wording("$title @ $company ($location) - $contract, $level, $salary$closest"),
        "post_short": Wording("$title @ $company ($location) - $level, $salary"),
        "post_closest": Wording("; closest role: $name"),
        # comparison table
        "table_heading": Wording("$names compared"),
        # shared
        "sources": Wording(REFERENCES_LABEL + " $refs"),
        "source_ref": Wording("[$n] $title"),
        "quote": Wording("- \"$text\" $refs"),
        "item": Wording("- $text $refs"),
        "group": Wording("$group: $items"),
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
