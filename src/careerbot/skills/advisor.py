"""Advice beyond single facts: recommend a role, skill gap, learning path, postings, tables.

:class:`Advisor` works only from the knowledge base. At construction it builds, per role,
a weighted term profile (skills, tools, responsibilities, projects, definition, education,
getting-started tips and industries), a catalogue of requirements (skill facts, tools,
education facts) and a learning plan; all of it is immutable afterwards, so one advisor can
be shared by threads. Every answer is an :class:`~careerbot.skills.responses.Answer` whose text comes
from :class:`string.Template` strings (user words are only ever substituted with
``safe_substitute``) and whose ``data`` holds the structured result for apps.

Words are compared as *keys*: a small lemma table (``maths`` -> ``math``, ``deploying`` ->
``deploy``), phrase keys (``machine learning`` -> ``ml``, ``linear algebra`` -> ``linalg``) and
a light suffix stemmer; typos are corrected onto the knowledge base's own vocabulary with
:class:`~careerbot.nlu.spelling.Speller`. Roles are scored with BM25 (IDF across the roles, so a
term only one role mentions counts most).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from string import Template
from types import MappingProxyType
from typing import Any

from ..data.knowledge import ROLE_TOPICS, TOPIC_TITLES, Fact, KnowledgeBase, Posting, Role
from ..nlu.entities import RoleMention
from ..nlu.normalize import clean_text, tokenize
from ..nlu.spelling import Speller
from .responses import TEMPLATES as RESPONSE_TEMPLATES
from .responses import (
    Answer,
    fact_line,
    join_names,
    posting_dict,
    render_rows,
    topic_question,
)

__all__ = ["ADVISOR_TEMPLATES", "Advisor", "split_roles"]

# --------------------------------------------------------------------------------------------
# Templates (all answer text comes from here)
# --------------------------------------------------------------------------------------------

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
        "post_role_heading": Template("Closest to $name:"),
        "post_role_none": Template("None of these featured postings is closest to a $name role."),
        "post_empty": Template(
            "None of the featured postings matches what you asked for ($filters). Here is what there is$scope:"
        ),
        "post_empty_scope": Template(" for the closest roles ($names)"),
        "post_top": Template("Highest-paying posting by top of range: $line."),
        "post_top_min": Template("Highest starting point (bottom of range): $line."),
        "post_bottom": Template("Lowest-paying posting by bottom of range: $line."),
        "post_roles_top": Template("Highest top of range among these roles: $name ($salary, $title @ $company)."),
        "post_currency": Template("Ranges are in their own currency (EUR and USD are not converted)."),
        "post_mapping": Template(
            "Matching postings to roles is careerbot's own mapping, not something the articles state."
        ),
        "post_no_stats": Template(
            "The articles give no average or typical salaries; these ranges are the only pay figures."
        ),
        "post_line": Template("$title @ $company ($location) - $contract, $level, $salary$closest"),
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

# --------------------------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------------------------


def _wordset(words: str) -> frozenset[str]:
    """The whitespace-separated words of ``words``."""
    return frozenset(words.split())


_STOPWORDS: frozenset[str] = _wordset(
    """
    a about above after again against all also am an and any are aren't as at be because been before
    being below between both but by can can't cannot could couldn't did didn't do does doesn't doing
    don't down during each few for from further had hadn't has hasn't have haven't having he her here
    hers herself him himself his how i i'd i'll i'm i've if in into is isn't it it's its itself let's me
    more most my myself no nor not of off on once only or other ought our ours ourselves out over own
    same she should shouldn't so some such than that that's the their theirs them themselves then there
    there's these they this those through to too under until up very was wasn't we were weren't what
    what's when where which while who whom why with won't would wouldn't you your yours yourself
    yourselves im ive id dont doesnt cant wont isnt arent u ur pls please thanks thank hi hello hey
    role roles career careers job jobs position positions path paths fit fits fitting fitted suit suits
    suited suitable match matches matching matched best better good great right recommend recommended
    recommendation suggest suggestion suggestions pick choose choice choosing option options become
    becoming want wanted wants wanting like likes liked love loves loved enjoy enjoys enjoyed enjoying
    prefer prefers preferred interested interest interests passionate passion fan really much lot lots
    kind sort stuff thing things something someone somebody person people think feel guess maybe
    perhaps probably just still even especially mostly mainly generally usually typically often
    sometimes always never ever well pretty quite bit little one ones two three four five might may
    must will shall get gets got getting make makes making made go goes going know knows knew known
    need needs needed require requires required requirement requirements take takes else others
    another next first then now currently current today year years month months time times e g eg
    etc via like per work works working worked use uses used using learn learning learned study
    studying studied read reading write writing doing done part parts side lover lovers fond keen big
    new curious type aim aiming pursue follow following ideal perfect suggestion based given
    engineer engineers engineering scientist scientists field fields area areas related similar
    typical common many various several across different along within
    """
)

#: Single words with the same meaning (both in the knowledge base and in what people type).
_LEMMAS: Mapping[str, str] = MappingProxyType(
    {
        **dict.fromkeys(["math", "maths", "mathematics", "mathematical", "mathematic", "numbers", "number",
                         "numeric", "numerical"], "math"),
        **dict.fromkeys(["stats", "stat", "statistic", "statistics", "statistical", "statistician",
                         "statisticians"], "statist"),
        **dict.fromkeys(["probability", "probabilities", "probabilistic"], "probability"),
        **dict.fromkeys(["analysis", "analyses", "analyze", "analyse", "analyzing", "analysing", "analyzed",
                         "analysed", "analytics", "analytic", "analytical", "analyst", "analysts"], "analys"),
        **dict.fromkeys(["visualization", "visualisation", "visualizations", "visualisations", "visualizing",
                         "visualising", "visualize", "visualise", "visual", "visuals", "viz", "dataviz",
                         "dashboards", "dashboard", "charts", "chart", "plotting", "plots", "plot"], "visual"),
        **dict.fromkeys(["deploy", "deploying", "deployed", "deployment", "deployments", "deploys", "ship",
                         "shipping", "ships"], "deploy"),
        **dict.fromkeys(["production", "productionize", "productionizing", "productionise"], "production"),
        **dict.fromkeys(["coding", "code", "coder", "coders", "programming", "programmer", "programmers",
                         "program", "programs"], "program"),
        **dict.fromkeys(["research", "researching", "researcher", "researchers", "researches"], "research"),
        **dict.fromkeys(["paper", "papers"], "paper"),
        **dict.fromkeys(["experiment", "experiments", "experimenting", "experimentation", "experimental"],
                        "experiment"),
        **dict.fromkeys(["database", "databases", "db", "dbs"], "database"),
        **dict.fromkeys(["pipeline", "pipelines"], "pipeline"),
        **dict.fromkeys(["etl", "elt"], "etl"),
        **dict.fromkeys(["warehousing", "warehouse", "warehouses"], "warehouse"),
        **dict.fromkeys(["infrastructure", "infrastructures", "infra"], "infrastructure"),
        **dict.fromkeys(["algorithm", "algorithms", "algorithmic"], "algorithm"),
        **dict.fromkeys(["model", "models", "modeling", "modelling", "modeled"], "model"),
        **dict.fromkeys(["test", "tests", "testing", "tested"], "test"),
        **dict.fromkeys(["clean", "cleaning", "cleaned", "cleanse", "cleansing", "cleaner"], "clean"),
        **dict.fromkeys(["insight", "insights"], "insight"),
        **dict.fromkeys(["trend", "trends"], "trend"),
        **dict.fromkeys(["algebra"], "linalg"),
        **dict.fromkeys(["innovate", "innovative", "innovation", "innovating", "innovations", "innovators"],
                        "innov"),
        **dict.fromkeys(["scalable", "scalability", "scale", "scaling"], "scal"),
        **dict.fromkeys(["reliable", "reliability", "reliably"], "reliab"),
        **dict.fromkeys(["optimize", "optimise", "optimizing", "optimising", "optimization", "optimisation",
                         "optimized", "optimizes"], "optim"),
        **dict.fromkeys(["automate", "automating", "automation", "automated"], "autom"),
        **dict.fromkeys(["integrate", "integrating", "integration", "integrated", "integrates"], "integr"),
        **dict.fromkeys(["security", "secure", "securing"], "secur"),
        **dict.fromkeys(["phd", "phds", "doctorate", "doctoral"], "phd"),
        **dict.fromkeys(["master", "masters", "msc"], "master"),
        **dict.fromkeys(["bachelor", "bachelors", "bsc", "undergraduate"], "bachelor"),
        **dict.fromkeys(["certification", "certifications", "certified", "certificate", "certificates",
                         "certify", "certs", "cert"], "certif"),
        **dict.fromkeys(["physics", "physicist"], "physics"),
        **dict.fromkeys(["spark", "pyspark"], "spark"),
        **dict.fromkeys(["k8s", "kubernetes"], "kubernetes"),
        **dict.fromkeys(["sklearn"], "scikitlearn"),
        **dict.fromkeys(["nlp"], "nlp"),
        **dict.fromkeys(["ml"], "ml"),
        **dict.fromkeys(["ai"], "ai"),
        **dict.fromkeys(["cs"], "cs"),
        **dict.fromkeys(["autonomous"], "selfdriving"),
        **dict.fromkeys(["neural"], "neural"),
        **dict.fromkeys(["cloud", "clouds"], "cloud"),
        **dict.fromkeys(["organize", "organise", "organizing", "organising", "organized", "organised"],
                        "organ"),
    }
)

#: Phrases that stand for one idea (checked longest first).
_PHRASES: Mapping[tuple[str, ...], str] = MappingProxyType(
    {
        ("natural", "language", "processing"): "nlp",
        ("google", "cloud", "platform"): "gcp",
        ("machine", "learning"): "ml",
        ("artificial", "intelligence"): "ai",
        ("computer", "science"): "cs",
        ("data", "science"): "datascience",
        ("software", "engineering"): "softwareeng",
        ("software", "engineer"): "softwareeng",
        ("software", "development"): "softwareeng",
        ("feature", "engineering"): "featureeng",
        ("linear", "algebra"): "linalg",
        ("big", "data"): "bigdata",
        ("version", "control"): "versioncontrol",
        ("open", "source"): "opensource",
        ("self", "driving"): "selfdriving",
        ("image", "recognition"): "vision",
        ("computer", "vision"): "vision",
        ("recommendation", "systems"): "recsys",
        ("recommendation", "system"): "recsys",
        ("recommender", "systems"): "recsys",
        ("information", "technology"): "infotech",
        ("electrical", "engineering"): "electrical",
        ("distributed", "computing"): "distributed",
        ("distributed", "systems"): "distributed",
        ("parallel", "processing"): "parallel",
        ("cloud", "computing"): "cloud",
        ("data", "structures"): "datastructures",
        ("data", "lake"): "datalake",
        ("data", "lakes"): "datalake",
        ("deep", "learning"): "neural",
        ("neural", "networks"): "neural",
        ("neural", "network"): "neural",
        ("scikit", "learn"): "scikitlearn",
        ("problem", "solving"): "problem",
        ("ph", "d"): "phd",
        ("data", "flow"): "flow",
        ("data", "flows"): "flow",
    }
)
_PHRASE_MAX = max(len(k) for k in _PHRASES)

#: Ideas people mention that the articles express with other words (used for what people type only).
_EXPAND: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "neural": ("tensorflow", "pytorch", "keras", "ml"),
        "theory": ("research", "math"),
        "theoretical": ("research", "math"),
        "academic": ("research", "paper"),
        "academia": ("research", "paper"),
        "publish": ("research", "paper"),
        "publications": ("research", "paper"),
        "puzzle": ("problem", "algorithm"),
        "puzzles": ("problem", "algorithm"),
        "creative": ("innov",),
        "invent": ("innov", "research"),
        "inventing": ("innov", "research"),
        "discover": ("research",),
        "science": ("research",),
        "product": ("production", "deploy"),
        "products": ("production", "deploy"),
        "app": ("softwareeng", "integr"),
        "apps": ("softwareeng", "integr"),
        "backend": ("softwareeng", "infrastructure"),
        "devops": ("deploy", "docker", "kubernetes", "production"),
        "mlops": ("deploy", "docker", "kubernetes", "production"),
        "api": ("softwareeng", "integr"),
        "apis": ("softwareeng", "integr"),
        "excel": ("analys",),
        "spreadsheet": ("analys",),
        "spreadsheets": ("analys",),
        "storytelling": ("visual", "insight"),
        "reporting": ("visual", "insight"),
        "report": ("visual", "insight"),
        "reports": ("visual", "insight"),
        "business": ("insight", "trend"),
        "tidy": ("clean", "organ"),
        "flow": ("pipeline",),
        "move": ("pipeline",),
        "moving": ("pipeline",),
        "plumbing": ("pipeline", "infrastructure"),
        "robots": ("robotics",),
        "robot": ("robotics",),
        "cars": ("selfdriving",),
        "vehicles": ("selfdriving",),
        "vision": ("vision",),
        "chatbots": ("nlp",),
        "language": ("nlp",),
        "text": ("nlp",),
        "images": ("vision",),
        "sql": ("database",),
    }
)

#: Words that turn what follows (in the same clause) into something the person dislikes / lacks.
_NEGATORS: frozenset[str] = _wordset(
    "not no don't dont never hate hates hated dislike dislikes without nothing neither nor avoid "
    "can't cannot isn't aren't doesn't didn't won't haven't hasn't lack lacking less than instead except "
    "none zero"
)
#: After a negator these words undo it ("I don't mind", "not only").
_NEGATION_UNDO: frozenset[str] = frozenset({"mind", "only", "just", "sure", "bad", "afraid", "opposed"})
#: A comma-separated chunk containing one of these starts a new, positive statement.
_POSITIVE_CUES: frozenset[str] = _wordset(
    "i i'm im like love enjoy want prefer interested into good great passionate fan know have can "
    "also plus"
)
_CLAUSE_RE = re.compile(
    r"[.;!?:()\[\]\n]+|\s+(?:but|however|although|though|whereas|yet)\s+", re.IGNORECASE
)
_PHD_RE = re.compile(r"\bph\.?\s?d\b\.?", re.IGNORECASE)
_EG_RE = re.compile(r"\be\.g\.|\bi\.e\.|\betc\.", re.IGNORECASE)

_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("izations", ""), ("isations", ""), ("ization", ""), ("isation", ""), ("ational", ""),
    ("ations", ""), ("ation", ""), ("izing", ""), ("ising", ""), ("ative", ""), ("ating", ""),
    ("ments", ""), ("ment", ""), ("ities", ""), ("ity", ""), ("ized", ""), ("ised", ""), ("izes", ""),
    ("ize", ""), ("ated", ""), ("ates", ""), ("ate", ""), ("ings", ""), ("ing", ""), ("ies", "y"),
    ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("ical", "ic"), ("al", ""), ("ed", ""),
    ("s", ""),
)
_VOWELS = frozenset("aeiouy")
_WORD_RE = re.compile(r"[^\W_]+(?:['+#][^\W_]*)*", re.UNICODE)


def _stem(word: str) -> str:
    """A light suffix stemmer: ``pipelines`` -> ``pipeline``, ``processing`` -> ``proces``."""
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix, replacement in _SUFFIXES:
        if not word.endswith(suffix):
            continue
        if suffix == "s" and word.endswith(("ss", "us", "is")):
            continue
        stem = word[: len(word) - len(suffix)] + replacement
        if len(stem) >= 4:
            word = stem
        break
    if len(word) >= 5 and word[-1] == word[-2] and word[-1] not in _VOWELS:
        word = word[:-1]
    return word


def _key(word: str) -> str:
    """The comparison key of one lower-case word."""
    word = word.removesuffix("'s").replace("'", "")
    return _LEMMAS.get(word) or _stem(word)


@dataclass(frozen=True)
class _Unit:
    """One idea in a text: its key, the words it came from and whether it is negated."""

    key: str
    surface: str
    negated: bool = False
    start: int = 0


def _prepare(text: str) -> str:
    return _EG_RE.sub(" ", _PHD_RE.sub(" phd ", text))


def _strip_aliases(tokens: list[str], aliases: frozenset[tuple[str, ...]], max_len: int) -> list[str | None]:
    """Replace the words of role names with ``None`` (boundaries), longest match first."""
    out: list[str | None] = []
    i = 0
    while i < len(tokens):
        for n in range(min(max_len, len(tokens) - i), 0, -1):
            if tuple(tokens[i : i + n]) in aliases:
                out.extend([None] * n)
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def _units(
    tokens: Sequence[str | None], negated: Sequence[bool] | None = None, surfaces: Sequence[str] | None = None
) -> list[_Unit | None]:
    """Group tokens into units (phrases first); stop words and boundaries become ``None``."""
    out: list[_Unit | None] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token is None:
            out.append(None)
            i += 1
            continue
        neg = bool(negated[i]) if negated is not None else False
        matched = False
        for n in range(min(_PHRASE_MAX, len(tokens) - i), 1, -1):
            window = tokens[i : i + n]
            if any(t is None for t in window):
                continue
            key = _PHRASES.get(tuple(t for t in window if t is not None))
            if key is not None:
                words = surfaces[i : i + n] if surfaces is not None else [t for t in window if t is not None]
                out.append(_Unit(key, " ".join(words), neg, i))
                i += n
                matched = True
                break
        if matched:
            continue
        if token in _STOPWORDS or (len(token) < 2 and token != "r"):
            out.append(None)
        else:
            out.append(_Unit(_key(token), surfaces[i] if surfaces is not None else token, neg, i))
        i += 1
    return out


def _bigrams(units: Sequence[_Unit | None]) -> list[_Unit]:
    out: list[_Unit] = []
    for a, b in zip(units, units[1:]):
        if a is not None and b is not None and a.key != b.key:
            out.append(_Unit(f"{a.key}_{b.key}", f"{a.surface} {b.surface}", a.negated or b.negated, a.start))
    return out


def _negation_flags(tokens: Sequence[str], carry: bool, *, prefer: bool) -> tuple[list[bool], bool]:
    """Per-token negation for one comma chunk, and whether the chunk was negative."""
    flags = [False] * len(tokens)
    if carry and len(tokens) <= 4 and not (_POSITIVE_CUES & set(tokens)):
        return [True] * len(tokens), True
    for i, token in enumerate(tokens):
        cue = token in _NEGATORS or (prefer and token == "over")
        if cue and not (i + 1 < len(tokens) and tokens[i + 1] in _NEGATION_UNDO):
            for j in range(i + 1, len(tokens)):
                flags[j] = True
            return flags, True
    return flags, False


def _keyset(words: str) -> frozenset[str]:
    return frozenset(u.key for u in _units(tokenize(words)) if u is not None)


#: Learning-plan phases, in order: (title, words that put a tip or skill there).
_PHASES: tuple[tuple[str, frozenset[str]], ...] = (
    ("Foundations", _keyset(
        "foundation foundations math statistics sql programming database databases linear algebra calculus "
        "probability data structures warehousing"
    )),
    ("Core tools", frozenset()),
    ("Projects and portfolio", _keyset(
        "project projects portfolio internship internships hackathon hackathons open source real-world"
    )),
    ("Certifications, networking and staying current", _keyset(
        "certification certifications certified network networking conferences meetups linkedin "
        "communities community updated update news"
    )),
)
_FOUNDATION_GROUP_KEYS = _keyset("programming")


def _fact_text(fact: Fact) -> str:
    return fact.text or fact_line(fact)


def _norm(text: str) -> str:
    return " ".join(tokenize(text))


def _pct(value: float) -> int:
    return round(100 * value)


# --------------------------------------------------------------------------------------------
# Splitting role mentions into "current" and "target"
# --------------------------------------------------------------------------------------------

_CURRENT_CUES = _wordset(
    "i'm im am from currently current was were been existing former formerly"
)
_TARGET_CUES = _wordset(
    "become becoming be into to for towards toward want wanna pivot transition switch switching move "
    "moving get land target targeting aspiring reach"
)
#: Cues whose meaning depends on what comes before them ("as a DE, ..." vs "what do I need as a DE").
_AMBIGUOUS_CUES = frozenset({"as", "being", "work", "working"})
_TARGET_BEFORE = _wordset(
    "want wanna to need would could become like hope plan planning aim aiming dream how"
)
#: Words skipped while looking backwards for a cue.
_SKIP = _wordset(
    "a an the my our your some any one senior junior lead entry level mid experienced professional "
    "full time job position role"
)
_CURRENT_AFTER = frozenset({"here", "by", "currently"})
_DISTANCE = frozenset({"far", "away", "distance"})


def split_roles(
    text: str | Sequence[str], mentions: Sequence[RoleMention]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Which mentioned roles the person *has* (current) and which they *want* (target).

    ``text`` is the token sequence the mentions index into (``Analysis.tokens``) or, for
    convenience, the raw text (then tokenised with :func:`careerbot.nlu.normalize.tokenize`).
    Cues are read backwards from each mention: "I'm a", "as a" (at the start), "from",
    "been" mark the current role; "become", "move into", "to", "for", "want" the target.
    Without cues, two roles read as "from the first to the second" and one role is the target.
    """
    tokens = tokenize(text) if isinstance(text, str) else [str(t) for t in text]
    labels: list[str | None] = []
    previous_end = 0
    for mention in mentions:
        label: str | None = None
        start = max(previous_end, mention.start - 6)
        j = mention.start - 1
        while j >= start:
            word = tokens[j] if j < len(tokens) else ""
            if word in _CURRENT_CUES:
                # "how far am I from an MLE" names the goal, "from a DE" the starting point
                far = word == "from" and not _DISTANCE.isdisjoint(tokens[max(0, j - 4) : j])
                label = "target" if far else "current"
                break
            if word in _TARGET_CUES:
                label = "target"
                break
            if word in _AMBIGUOUS_CUES:
                before = set(tokens[max(0, j - 4) : j])
                label = "target" if before & _TARGET_BEFORE else "current"
                break
            if word not in _SKIP:
                break
            j -= 1
        if label is None and mention.end < len(tokens) and tokens[mention.end] in _CURRENT_AFTER:
            label = "current"
        labels.append(label)
        previous_end = mention.end
    if labels and all(label is None for label in labels) and len({m.role for m in mentions}) >= 2:
        labels = ["current", *(["target"] * (len(labels) - 1))]
    elif any(label == "target" for label in labels):
        labels = [label or "current" for label in labels]
    else:
        labels = [label or "target" for label in labels]
    current = tuple(dict.fromkeys(m.role for m, lab in zip(mentions, labels) if lab == "current"))
    target = tuple(dict.fromkeys(m.role for m, lab in zip(mentions, labels) if lab == "target"))
    return tuple(r for r in current if r not in target), target


# --------------------------------------------------------------------------------------------
# Built structures
# --------------------------------------------------------------------------------------------

#: How much each topic counts in a role's term profile.
_TOPIC_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "definition": 1.0,
        "responsibilities": 1.0,
        "skills": 1.0,
        "tools": 1.0,
        "projects": 1.0,
        "education": 0.7,
        "getting_started": 0.5,
        "industries": 0.5,
        "works_with": 0.3,
    }
)
_BM25_K1 = 1.2
_BM25_B = 0.75
#: Share of the best score above which the runner-up is recommended too.
_TWO_ROLES = 0.97
#: Share of the best score above which the runner-up is called "also close".
_CLOSE = 0.6
_NEGATIVE_WEIGHT = 0.8
_EXPANSION_WEIGHT = 0.5

#: Words that say nothing specific about a requirement.
_GENERIC: frozenset[str] = frozenset(
    _STOPWORDS
    | {
        _key(w) for w in _wordset(
            "strong skills skill knowledge experience proficiency proficient understanding understand "
            "familiarity familiar expertise ability background crucial essential gain such tool tools "
            "technology technologies technique techniques solution solutions concept concepts system "
            "systems practice practices framework frameworks library libraries platform platforms service "
            "services data management process processes focus more must hands-on hands on handling "
            "particularly conduct results critically foundation also degree degrees typically required "
            "common beneficial hold essential preferred discipline less some may many "
            "languages language e.g"
        )
    }
)
#: Education words that only say *that* someone has a degree.
_EDU_CUES: frozenset[str] = _wordset(
    "degree degrees bachelor bachelors bachelor's master masters master's msc bsc phd doctorate studied "
    "study studying graduate graduated graduating major majored majoring diploma certified certificate "
    "certification certifications certs"
)
#: Education keys that imply others (a master's is an advanced degree).
_EDU_IMPLIES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"master": ("advanc",), "phd": ("advanc",), "advanc": ()}
)

_VENDORS = frozenset({"apache", "microsoft", "amazon", "google", "aws"})
#: Other names people use for tools (canonical key -> extra phrases).
_TOOL_ALIASES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "google cloud platform": ("gcp", "google cloud"),
        "scikit learn": ("sklearn", "scikit", "scikitlearn"),
        "postgresql": ("postgres", "psql"),
        "mongodb": ("mongo",),
        "kubernetes": ("k8s",),
        "spark": ("pyspark",),
        "aws": ("amazon web services",),
        "sagemaker": ("aws sagemaker", "amazon sagemaker"),
        "cpp": ("c plus plus",),
        "github": ("git hub",),
        "bigquery": ("big query",),
        "numpy": ("num py",),
    }
)


@dataclass(frozen=True)
class _Profile:
    """A role's weighted terms."""

    role: str
    tf: Mapping[str, float]
    length: float
    surface: Mapping[str, str]
    facts: tuple[tuple[Fact, frozenset[str]], ...]


@dataclass(frozen=True)
class _Tool:
    """A tool as named in the articles, with the phrases that mention it."""

    key: str
    name: str
    phrases: tuple[tuple[str, ...], ...]
    group_keys: frozenset[str]


@dataclass(frozen=True)
class _Requirement:
    """One thing a role asks for. ``slots`` are groups of alternatives; all must be covered."""

    kind: str
    label: str
    keys: frozenset[str]
    sources: tuple[str, ...]
    tool: str | None = None
    slots: tuple[frozenset[str], ...] = ()

    def covered_by(self, keys: Iterable[str]) -> tuple[int, int]:
        """(slots covered, slots) for what someone has."""
        have = set(keys)
        slots = self.slots or (self.keys,)
        return sum(1 for slot in slots if slot & have), len(slots)


@dataclass(frozen=True)
class _Step:
    title: str
    items: tuple[tuple[str, tuple[str, ...]], ...]

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for _, srcs in self.items for s in srcs))


@dataclass(frozen=True)
class _Said:
    """What a person's message contains: positive and negative keys, tools, surfaces."""

    positive: Mapping[str, float]
    negative: Mapping[str, float]
    surfaces: Mapping[str, str]
    tools: tuple[str, ...]
    negated_tools: frozenset[str]
    edu_cue: bool
    direct: frozenset[str]


# --------------------------------------------------------------------------------------------
# The advisor
# --------------------------------------------------------------------------------------------


class Advisor:
    """Recommendations, skill gaps, learning paths, postings and tables from one knowledge base.

    Immutable after construction and safe to share across threads. ``speller`` corrects typos in
    what people type; by default it is a :class:`Speller` over the knowledge base's own words
    (skills, tools, places, levels), which is what the advisor needs.
    """

    def __init__(self, kb: KnowledgeBase, *, speller: Speller | None = None) -> None:
        self._kb = kb
        alias_keys: set[tuple[str, ...]] = set()
        for role in kb.roles.values():
            for name in (role.name, role.plural, *role.aliases):
                toks = tuple(tokenize(name))
                if toks:
                    alias_keys.add(toks)
        self._aliases = frozenset(alias_keys)
        self._alias_max = max((len(a) for a in alias_keys), default=1)
        self._fields = _field_phrases(kb, self._aliases)
        self._field_max = max((len(f) for f in self._fields), default=1)
        self._source_no: Mapping[str, int] = MappingProxyType({sid: i + 1 for i, sid in enumerate(kb.sources)})

        self._tools = self._build_tools()
        self._tool_words = frozenset(
            " ".join(phrase) for tool in self._tools.values() for phrase in tool.phrases if len(phrase) == 1
        )
        profiles = {rid: self._build_profile(role) for rid, role in kb.roles.items()}
        self._profiles: Mapping[str, _Profile] = MappingProxyType(profiles)
        n_roles = max(1, len(profiles))
        df: dict[str, int] = {}
        for profile in profiles.values():
            for key in profile.tf:
                df[key] = df.get(key, 0) + 1
        self._idf: Mapping[str, float] = MappingProxyType(
            {k: math.log(1.0 + (n_roles - d + 0.5) / (d + 0.5)) for k, d in df.items()}
        )
        self._avg_len = sum(p.length for p in profiles.values()) / n_roles if profiles else 1.0
        self._requirements: Mapping[str, tuple[_Requirement, ...]] = MappingProxyType(
            {rid: self._build_requirements(role) for rid, role in kb.roles.items()}
        )
        self._requirement_keys = frozenset(
            k for reqs in self._requirements.values() for r in reqs for k in r.keys
        )
        self._paths: Mapping[str, tuple[_Step, ...]] = MappingProxyType(
            {rid: self._build_path(role) for rid, role in kb.roles.items()}
        )
        self._places = self._build_places()
        self._companies: Mapping[str, str] = MappingProxyType(
            {
                tokenize(p.company)[0]: p.company
                for p in kb.postings
                if tokenize(p.company) and len(tokenize(p.company)[0]) >= 4
            }
        )

        vocabulary: set[str] = set(_LEMMAS) | set(_EXPAND) | {t for k in _PHRASES for t in k}
        for role in kb.roles.values():
            for facts in role.facts.values():
                for fact in facts:
                    vocabulary.update(tokenize(_prepare(fact.words())))
        for tool in self._tools.values():
            vocabulary.update(t for phrase in tool.phrases for t in phrase)
        for place in self._places:
            vocabulary.update(place)
        vocabulary.update(_LEVEL_WORDS)
        vocabulary.update(self._companies)
        vocabulary -= _STOPWORDS
        self._speller = speller or Speller(vocabulary, min_length=5)
        self._examples = self._build_examples()

    # -- construction helpers ------------------------------------------------------------------

    def _text_units(self, text: str) -> list[_Unit | None]:
        tokens = tokenize(_prepare(text))
        return _units(_strip_aliases(tokens, self._aliases, self._alias_max))

    def _keys_of(self, text: str) -> frozenset[str]:
        return frozenset(u.key for u in self._text_units(text) if u is not None)

    def _build_tools(self) -> Mapping[str, _Tool]:
        found: dict[str, tuple[str, set[tuple[str, ...]], set[str]]] = {}
        for role in self._kb.roles.values():
            for fact in role.topic("tools"):
                group_keys = {
                    u.key for u in _units(tokenize(fact.group or "")) if u is not None
                } - _GENERIC
                for item in fact.items:
                    key, phrases = _tool_key(item)
                    _, known, groups = found.setdefault(key, (item, set(), set()))
                    known.update(phrases)
                    groups.update(group_keys)
        return MappingProxyType(
            {
                key: _Tool(key, name, tuple(sorted(phrases, key=len, reverse=True)), frozenset(groups))
                for key, (name, phrases, groups) in found.items()
            }
        )

    def _build_profile(self, role: Role) -> _Profile:
        tf: dict[str, float] = {}
        surface: dict[str, str] = {}
        facts: list[tuple[Fact, frozenset[str]]] = []
        for topic, weight in _TOPIC_WEIGHTS.items():
            for fact in role.topic(topic):
                words = _prepare(fact.words())
                raw = tokenize(words)
                stripped = _strip_aliases(raw, self._aliases, self._alias_max)
                cased = _surface_tokens(words)
                shown = cased if len(cased) == len(raw) else None
                units = _units(stripped, surfaces=shown)
                keys: set[str] = set()
                for unit in [*(u for u in units if u is not None), *_bigrams(units)]:
                    tf[unit.key] = tf.get(unit.key, 0.0) + weight
                    surface.setdefault(unit.key, unit.surface)
                    keys.add(unit.key)
                if topic != "industries" or fact.items:
                    facts.append((fact, frozenset(keys)))
        return _Profile(
            role.id, MappingProxyType(tf), sum(tf.values()), MappingProxyType(surface), tuple(facts)
        )

    def _build_requirements(self, role: Role) -> tuple[_Requirement, ...]:
        out: list[_Requirement] = []
        # skills: one requirement per fact, dropping facts whose specific words another fact covers
        skills: list[tuple[Fact, frozenset[str], frozenset[str]]] = []
        for fact in role.topic("skills"):
            words = tokenize(_prepare(fact.words()))
            tools = frozenset(t for t, tool in self._tools.items() if _mentions(words, tool))
            keys = self._content_keys(fact.words()) | tools
            if keys:
                skills.append((fact, frozenset(keys), tools))
        for i, (fact, keys, tools) in enumerate(skills):
            covered = any(
                keys < other or (keys == other and j < i) for j, (_, other, _) in enumerate(skills) if j != i
            )
            if not covered:
                out.append(_Requirement(
                    "skills", fact.text or fact_line(fact), keys, fact.sources, slots=self._slots(keys, tools)
                ))
        seen: set[str] = set()
        for fact in role.topic("tools"):
            for item in fact.items:
                key, _ = _tool_key(item)
                if key in seen:
                    continue
                seen.add(key)
                sources = tuple(
                    dict.fromkeys(
                        s for f in role.topic("tools") for s in f.sources
                        if any(_tool_key(i)[0] == key for i in f.items)
                    )
                )
                out.append(_Requirement("tools", self._tools[key].name, frozenset({key}), sources, tool=key))
        seen_edu: set[str] = set()
        for fact in role.topic("education"):
            keys = self._keys_of(fact.words()) - _GENERIC
            text = fact.text or fact_line(fact)
            if not keys or _norm(text) in seen_edu:
                continue
            seen_edu.add(_norm(text))
            out.append(_Requirement("education", text, frozenset(keys), fact.sources))
        return tuple(out)

    def _content_keys(self, text: str) -> frozenset[str]:
        """Specific keys of a requirement text; single-word tool names are left to the tool keys."""
        return frozenset(
            u.key for u in self._text_units(text)
            if u is not None and u.key not in _GENERIC and u.surface.casefold() not in self._tool_words
        )

    def _slots(self, keys: frozenset[str], tools: frozenset[str]) -> tuple[frozenset[str], ...]:
        """Group a requirement's keys into alternatives: tools of one kind and the word for that kind."""
        parent = {k: k for k in keys}

        def find(k: str) -> str:
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        def union(a: str, b: str) -> None:
            parent[find(a)] = find(b)

        for tool in tools:
            groups = self._tools[tool].group_keys
            for key in keys:
                if key in groups:
                    union(tool, key)
            for other in tools:
                if other != tool and groups & self._tools[other].group_keys:
                    union(tool, other)
        slots: dict[str, set[str]] = {}
        for key in sorted(keys):
            slots.setdefault(find(key), set()).add(key)
        return tuple(frozenset(v) for v in slots.values())

    def _build_path(self, role: Role) -> tuple[_Step, ...]:
        buckets: list[list[tuple[str, tuple[str, ...]]]] = [[] for _ in _PHASES]
        covered: set[str] = set()

        def add(phase: int, text: str, sources: tuple[str, ...], keys: Iterable[str]) -> None:
            if any(_norm(text) == _norm(t) for bucket in buckets for t, _ in bucket):
                return
            buckets[phase].append((text, sources))
            covered.update(keys)

        tips = sorted(
            enumerate(role.topic("getting_started")), key=lambda p: (p[1].step is None, p[1].step or 0, p[0])
        )
        for _, tip in tips:
            keys = self._keys_of(tip.words())
            words = tokenize(_prepare(tip.words()))
            tools = {t for t, tool in self._tools.items() if _mentions(words, tool)}
            add(_phase_of(keys), tip.text or fact_line(tip), tip.sources, (keys - _GENERIC) | tools)
        # tools, merged by group name; items already shown are not repeated
        groups: dict[str, tuple[list[str], list[str], set[str]]] = {}
        shown_tools: set[str] = set()
        for fact in role.topic("tools"):
            name = fact.group or "Tools"
            items, group_sources, tool_keys = groups.setdefault(name, ([], [], set()))
            added = False
            for item in fact.items:
                key, _ = _tool_key(item)
                if key not in shown_tools:
                    shown_tools.add(key)
                    items.append(item)
                    tool_keys.add(key)
                    added = True
            if added:  # cite only the articles whose items are shown
                group_sources.extend(fact.sources)
        for name, (items, group_sources, tool_keys) in groups.items():
            if not items or tool_keys <= covered:
                continue
            group_keys = self._keys_of(name)
            phase = 0 if group_keys & _FOUNDATION_GROUP_KEYS else 1
            line = ADVISOR_TEMPLATES["group"].safe_substitute(group=name, items=", ".join(items))
            add(phase, line, tuple(dict.fromkeys(group_sources)), tool_keys | group_keys)
        # skills not already covered by a tip or a tool group
        for fact in role.topic("skills"):
            keys = self._keys_of(fact.words()) - _GENERIC
            if not keys or len(keys & covered) / len(keys) >= 0.6:
                continue
            add(0 if keys & _PHASES[0][1] else 1, fact.text or fact_line(fact), fact.sources, keys)
        for fact in role.topic("projects"):
            line = ADVISOR_TEMPLATES["path_project"].safe_substitute(text=fact.text or fact_line(fact))
            add(2, line, fact.sources, ())
        for fact in role.topic("education"):
            if "certif" in self._keys_of(fact.words()):
                add(3, fact.text or fact_line(fact), fact.sources, ())
        return tuple(
            _Step(title, tuple(items)) for (title, _), items in zip(_PHASES, buckets) if items
        )

    def _build_places(self) -> frozenset[tuple[str, ...]]:
        places: set[tuple[str, ...]] = set()
        for posting in self._kb.postings:
            for part in re.split(r",|\band\b|\(|\)", posting.location):
                toks = tuple(t for t in tokenize(part) if t not in _PLACE_NOISE)
                if toks and not (len(toks) == 1 and len(toks[0]) < 2):
                    places.add(toks)
        return frozenset(places)

    def _build_examples(self) -> tuple[tuple[str, str], ...]:
        """Example interests (for "what do you enjoy?"), each with the role it points to."""
        out: list[tuple[str, str]] = []
        used: set[str] = set()
        for interest in _INTEREST_EXAMPLES:
            said = self._read(interest, ())
            scores = {rid: self._score(rid, said) for rid in self._profiles}
            if not scores:
                break
            best = max(scores, key=lambda r: scores[r])
            if scores[best] > 0 and best not in used:
                used.add(best)
                out.append((best, interest))
        return tuple(out)

    # -- roles named as fields -----------------------------------------------------------------

    def _field_mentions(
        self, tokens: Sequence[str], taken: set[int], *, need_cue: bool
    ) -> list[RoleMention]:
        out: list[RoleMention] = []
        i = 0
        while i < len(tokens):
            for n in range(min(self._field_max, len(tokens) - i), 1, -1):
                phrase = tuple(tokens[i : i + n])
                if (
                    phrase in self._fields
                    and not taken & set(range(i, i + n))
                    and (not need_cue or _cue_before(tokens, i))
                ):
                    out.append(RoleMention(self._fields[phrase], i, i + n, " ".join(phrase)))
                    i += n
                    break
            else:
                i += 1
        return out

    def field_roles(self, tokens: str | Sequence[str]) -> tuple[str, ...]:
        """Roles named by their field ("ML research", "data science"), in order of mention."""
        toks = tokenize(tokens) if isinstance(tokens, str) else [str(t) for t in tokens]
        return tuple(dict.fromkeys(m.role for m in self._field_mentions(toks, set(), need_cue=False)))

    def split_roles(
        self, tokens: str | Sequence[str], mentions: Sequence[RoleMention]
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """:func:`split_roles`, also reading fields after a cue ("move into ML research")."""
        toks = tokenize(tokens) if isinstance(tokens, str) else [str(t) for t in tokens]
        taken = {i for m in mentions for i in range(m.start, m.end)}
        extra = self._field_mentions(toks, taken, need_cue=True)
        return split_roles(toks, sorted([*mentions, *extra], key=lambda m: m.start))

    # -- reading what people say ---------------------------------------------------------------

    def _correct(self, token: str) -> str:
        if token in _STOPWORDS or token in _NEGATORS or not token.isalpha():
            return token
        fixed = self._speller.correct(token)
        return fixed if fixed is not None else token

    def _read(self, text: str, tokens: Sequence[str], *, strip_fields: bool = False) -> _Said:
        source = text if text.strip() else " ".join(tokens)
        names = self._aliases | frozenset(self._fields) if strip_fields else self._aliases
        longest = max(self._alias_max, self._field_max)
        positive: dict[str, float] = {}
        negative: dict[str, float] = {}
        surfaces: dict[str, str] = {}
        direct: set[str] = set()
        tools: list[str] = []
        negated_tools: set[str] = set()
        edu_cue = False
        for clause in _CLAUSE_RE.split(_prepare(source)):
            if not clause or not clause.strip():
                continue
            carry = False
            prefer = bool({"prefer", "prefers", "rather"} & set(tokenize(clause)))
            for chunk in clause.split(","):
                raw = [self._correct(t) for t in tokenize(chunk)]
                if not raw:
                    continue
                edu_cue = edu_cue or bool(_EDU_CUES & set(raw))
                flags, carry = _negation_flags(raw, carry, prefer=prefer)
                for key, tool in self._tools.items():
                    hit = _mention_index(raw, tool)
                    if hit is not None:
                        if flags[hit]:
                            negated_tools.add(key)
                        elif key not in tools:
                            tools.append(key)
                stripped = _strip_aliases(raw, names, longest)
                units = _units(stripped, negated=flags)
                for unit in [*(u for u in units if u is not None), *_bigrams(units)]:
                    bucket = negative if unit.negated else positive
                    bucket[unit.key] = max(bucket.get(unit.key, 0.0), 1.0)
                    surfaces[unit.key] = unit.surface if unit.key not in direct else surfaces[unit.key]
                    direct.add(unit.key)
                    for extra in _EXPAND.get(unit.surface, ()) + _EXPAND.get(unit.key, ()):
                        bucket[extra] = max(bucket.get(extra, 0.0), _EXPANSION_WEIGHT)
                        surfaces.setdefault(extra, unit.surface)
        for key in list(positive):
            if key in negative and negative[key] >= positive[key]:
                del positive[key]
        return _Said(
            MappingProxyType(positive), MappingProxyType(negative), MappingProxyType(surfaces),
            tuple(tools), frozenset(negated_tools - set(tools)), edu_cue, frozenset(direct),
        )

    # -- references ----------------------------------------------------------------------------

    def _refs(self, source_ids: Iterable[str]) -> str:
        nums = sorted({self._source_no[s] for s in source_ids if s in self._source_no})
        return "".join(f"[{n}]" for n in nums)

    def _legend(self, source_ids: Iterable[str]) -> str:
        ids = sorted({s for s in source_ids if s in self._source_no}, key=lambda s: self._source_no[s])
        refs = "; ".join(
            ADVISOR_TEMPLATES["source_ref"].safe_substitute(n=self._source_no[s], title=self._kb.sources[s].title)
            for s in ids
        )
        return ADVISOR_TEMPLATES["sources"].safe_substitute(refs=refs)

    # -- recommendation ------------------------------------------------------------------------

    def _bm25(self, role: str, key: str) -> float:
        profile = self._profiles[role]
        tf = profile.tf.get(key, 0.0)
        if tf <= 0.0:
            return 0.0
        norm = _BM25_K1 * (1.0 - _BM25_B + _BM25_B * profile.length / self._avg_len)
        return self._idf.get(key, 0.0) * tf * (_BM25_K1 + 1.0) / (tf + norm)

    def score_roles(self, text: str, tokens: Sequence[str] = ()) -> dict[str, float]:
        """Raw BM25 scores of every role for what the person says (negatives subtract)."""
        said = self._read(text, tokens)
        return {rid: self._score(rid, said) for rid in self._profiles}

    def _score(self, rid: str, said: _Said) -> float:
        score = sum(w * self._bm25(rid, k) for k, w in said.positive.items())
        score -= _NEGATIVE_WEIGHT * sum(w * self._bm25(rid, k) for k, w in said.negative.items())
        return score

    def _matches(self, rid: str, keys: Mapping[str, float]) -> list[str]:
        """The knowledge-base words (best first) of ``rid`` that match ``keys``."""
        profile = self._profiles[rid]
        hits = sorted(
            (k for k in keys if profile.tf.get(k, 0.0) > 0),
            key=lambda k: -keys[k] * self._bm25(rid, k),
        )
        in_bigrams = {part for k in hits if "_" in k for part in k.split("_")}
        out: list[str] = []
        for key in hits:
            if key in in_bigrams or self._idf.get(key, 0.0) <= 0.1:
                continue
            term = profile.surface[key]
            if term.casefold() not in {t.casefold() for t in out}:
                out.append(term)
        return out[:6]

    def _evidence(self, rid: str, keys: Mapping[str, float], limit: int = 3) -> list[Fact]:
        """Facts of ``rid`` that best show the matching keys (greedy cover)."""
        profile = self._profiles[rid]
        wanted = {k for k in keys if profile.tf.get(k, 0.0) > 0 and self._idf.get(k, 0.0) > 0.1}
        chosen: list[Fact] = []
        while wanted and len(chosen) < limit:
            best: tuple[float, int, Fact, frozenset[str]] | None = None
            for index, (fact, fkeys) in enumerate(profile.facts):
                gain = sum(self._idf.get(k, 0.0) for k in fkeys & wanted)
                if gain > 0 and (best is None or gain > best[0] + 1e-9):
                    best = (gain, index, fact, fkeys)
            if best is None:
                break
            chosen.append(best[2])
            wanted -= best[3]
        return chosen

    def recommend(
        self, text: str, tokens: Sequence[str] = (), *, candidates: Sequence[str] = ()
    ) -> tuple[Answer, tuple[str, ...]]:
        """Which role fits the interests, strengths, tools and activities the person mentions.

        Returns the answer and the recommended role ids, best first (one, or two when the
        runner-up scores within 3% of the best); no roles when nothing matched.
        ``candidates`` (two or more role ids the person named) restricts the choice to them.
        """
        kb = self._kb
        said = self._read(text, tokens)
        pool = [r for r in candidates if r in kb.roles] if len(candidates) >= 2 else list(kb.roles)
        raw = {rid: self._score(rid, said) for rid in kb.roles}
        matches = {rid: self._matches(rid, said.positive) for rid in kb.roles}
        known = any(
            self._profiles[rid].tf.get(k, 0.0) > 0 and self._idf.get(k, 0.0) > 0.05
            for rid in pool for k in (*said.positive, *said.negative)
        )
        if not known:
            return self._recommend_nothing(raw), ()
        ranked = sorted(pool, key=lambda r: (-raw[r], list(kb.roles).index(r)))
        best_score = raw[ranked[0]]
        if best_score > 0:
            scores = {rid: max(0.0, raw[rid]) / best_score for rid in pool}
        else:
            low = min(raw[r] for r in pool)
            spread = (best_score - low) or 1.0
            scores = {rid: (raw[rid] - low) / spread for rid in pool}
        chosen = [ranked[0]]
        if len(ranked) > 1 and scores[ranked[1]] >= _TWO_ROLES and (best_score > 0 or raw[ranked[1]] == best_score):
            chosen.append(ranked[1])

        t = ADVISOR_TEMPLATES
        names = [kb.roles[r].name for r in chosen]
        mentioned = ", ".join(dict.fromkeys(
            said.surfaces[k] for k in said.positive
            if any(self._profiles[r].tf.get(k, 0.0) > 0 for r in pool) and "_" not in k
        ))
        avoid = ", ".join(dict.fromkeys(
            said.surfaces[k] for k in said.negative
            if any(self._profiles[r].tf.get(k, 0.0) > 0 for r in pool) and "_" not in k
        ))
        lines: list[str] = []
        if best_score <= 0:
            lines.append(t["rec_only_avoid"].safe_substitute(avoid=avoid, best=join_names(names)))
        elif len(chosen) == 2:
            lines.append(t["rec_two"].safe_substitute(mentioned=mentioned, best=names[0], second=names[1]))
        else:
            lines.append(t["rec_one"].safe_substitute(mentioned=mentioned, best=names[0]))
        if len(pool) < len(kb.roles):
            lines.append(t["rec_candidates"].safe_substitute(names=join_names([kb.roles[r].name for r in pool])))
        sources: list[str] = []
        for rid in chosen:
            role = kb.roles[rid]
            terms = matches[rid]
            lines.append("")
            if terms:
                lines.append(t["rec_why"].safe_substitute(name=role.name, terms=_quoted(terms)))
            elif best_score > 0:
                lines.append(t["rec_why_generic"].safe_substitute(name=role.name))
            else:
                lines.append(t["rec_why_none"].safe_substitute(name=role.name))
            for fact in self._evidence(rid, said.positive):
                lines.append(t["quote"].safe_substitute(text=_fact_text(fact), refs=self._refs(fact.sources)))
                sources.extend(fact.sources)
        runner = next((r for r in ranked if r not in chosen), None)
        if runner is not None and best_score > 0 and scores[runner] >= _CLOSE and matches[runner]:
            lines.append("")
            lines.append(t["rec_close"].safe_substitute(
                name=kb.roles[runner].name, pct=_pct(scores[runner]), terms=_quoted(matches[runner][:4])
            ))
        if avoid and best_score > 0:
            lines.append("")
            lines.append(t["rec_avoid"].safe_substitute(avoid=avoid))
        lines.append("")
        lines.append(t["rec_scores"].safe_substitute())
        for rid in sorted(pool, key=lambda r: -scores[r]):
            lines.append(t["rec_score_line"].safe_substitute(name=kb.roles[rid].name, pct=_pct(scores[rid])))
        if sources:
            lines.append("")
            lines.append(self._legend(sources))
        best_role = kb.roles[chosen[0]]
        suggestions = (
            "What degree would I need for that?",
            topic_question("tools", best_role),
            f"Roadmap to become a {best_role.name}",
        )
        data: dict[str, Any] = {
            "kind": "recommendation",
            "recommended": list(chosen),
            "scores": {rid: round(scores[rid], 3) for rid in pool},
            "raw_scores": {rid: round(raw[rid], 4) for rid in pool},
            "matches": {rid: matches[rid] for rid in pool},
            "avoid": [said.surfaces[k] for k in said.negative if "_" not in k],
        }
        return Answer("\n".join(lines), data, tuple(dict.fromkeys(sources)), suggestions), tuple(chosen)

    def _recommend_nothing(self, raw: Mapping[str, float]) -> Answer:
        kb = self._kb
        examples = [f"{term} ({kb.roles[rid].name})" for rid, term in self._examples]
        first = self._examples[0][1] if self._examples else "SQL"
        example = ADVISOR_TEMPLATES["rec_none_example"].safe_substitute(interest=first)
        text = ADVISOR_TEMPLATES["rec_none"].safe_substitute(examples="; ".join(examples), example=example)
        suggestions = tuple(
            ADVISOR_TEMPLATES["rec_none_example"].safe_substitute(interest=term) for _, term in self._examples[:3]
        )
        data: dict[str, Any] = {
            "kind": "recommendation",
            "recommended": [],
            "scores": {rid: 0.0 for rid in kb.roles},
            "raw_scores": {rid: round(v, 4) for rid, v in raw.items()},
            "matches": {rid: [] for rid in kb.roles},
            "avoid": [],
        }
        return Answer(text, data, (), suggestions)

    # -- skill gap -----------------------------------------------------------------------------

    def skill_gap(
        self,
        text: str,
        tokens: Sequence[str],
        target_roles: Sequence[str],
        current_roles: Sequence[str] = (),
    ) -> tuple[Answer, tuple[str, ...]]:
        """What the person already has and what is missing for the (first) target role.

        Skills and tools come from the message and from the current role(s) named. Returns the
        answer and the roles it is about: the target first, then the current role(s).
        """
        kb = self._kb
        t = ADVISOR_TEMPLATES
        targets = [r for r in target_roles if r in kb.roles]
        current = [r for r in current_roles if r in kb.roles and r not in targets[:1]]
        if not targets:
            example_role = next(iter(kb.roles.values()))
            text_out = t["gap_no_target"].safe_substitute(
                roles=join_names([r.name for r in kb.roles.values()]),
                example=f"I know Python and SQL, what do I need to become a {example_role.name}?",
            )
            return Answer(text_out, {"kind": "clarify", "topic": "skills"}, ()), tuple(current)
        target = kb.roles[targets[0]]
        said = self._read(text, tokens, strip_fields=True)
        msg_keys = set(said.positive) - set(said.negative)
        msg_tools = set(said.tools)
        for key in said.tools:
            msg_keys |= self._tools[key].group_keys | self._keys_of(self._tools[key].name)
        role_keys: set[str] = set()
        role_tools: set[str] = set()
        for rid in current:
            for req in self._requirements[rid]:
                if req.kind == "skills":
                    role_keys |= req.keys
                elif req.kind == "tools" and req.tool is not None:
                    role_tools.add(req.tool)
                    role_keys |= self._tools[req.tool].group_keys | {req.tool}
        edu_keys = {k for k in said.positive if k in said.direct}
        for key in list(edu_keys):
            edu_keys.update(_EDU_IMPLIES.get(key, ()))

        have: list[tuple[_Requirement, bool]] = []
        missing: dict[str, list[_Requirement]] = {"skills": [], "tools": [], "education": []}
        partly: dict[str, list[str]] = {}
        requirements = self._requirements[target.id]
        for req in requirements:
            if req.kind == "tools":
                mine = req.tool in msg_tools
                theirs = req.tool in role_tools
            elif req.kind == "skills":
                got, slots = req.covered_by(msg_keys | role_keys)
                mine_got, _ = req.covered_by(msg_keys)
                mine = mine_got == slots
                theirs = got == slots
                if 0 < got < slots:
                    partly[req.label] = self._have_terms(req, msg_keys | role_keys, said)
            else:
                mine = said.edu_cue and bool(req.keys & edu_keys)
                theirs = False
            if mine or theirs:
                have.append((req, mine))
            else:
                missing[req.kind].append(req)
        total = len(requirements)
        overlap = len(have) / total if total else 0.0

        known_names = [self._tools[k].name for k in said.tools]
        for key in said.positive:
            if key in said.direct and key in self._requirement_keys and key not in _GENERIC and "_" not in key \
                    and key not in self._tools:
                known_names.append(_display(said.surfaces[key]))
        known_names = _dedupe_ci(known_names)
        needed = {r.tool for r in requirements if r.tool is not None}
        needed_keys = {k for r in requirements if r.kind != "tools" for k in r.keys}
        extra = [self._tools[k].name for k in said.tools if k not in needed]
        extra += [
            _display(said.surfaces[k]) for k in said.positive
            if k in said.direct and k in self._requirement_keys and k not in needed_keys and "_" not in k
            and k not in self._tools and k not in _GENERIC
            and not any(k in self._tools[tk].group_keys for tk in said.tools)
        ]
        extra = _dedupe_ci(extra)

        current_names = join_names([kb.roles[r].name for r in current])
        lines: list[str] = []
        if current:
            lines.append(t["gap_heading_from"].safe_substitute(current=current_names, name=target.name))
        else:
            lines.append(t["gap_heading"].safe_substitute(name=target.name))
        if known_names:
            lines.append(t["gap_known"].safe_substitute(known=", ".join(known_names)))
        if current:
            lines.append(t["gap_background"].safe_substitute(current=current_names, plural=target.plural))
        if not known_names and not current:
            lines.append(t["gap_unknown"].safe_substitute(plural=target.plural))
        else:
            lines.append(t["gap_overlap"].safe_substitute(
                have=len(have), total=total, plural=target.plural, pct=_pct(overlap)
            ))
        sources: list[str] = []
        if have:
            lines.append("")
            lines.append(t["gap_have"].safe_substitute())
            for req, mine in have:
                label = req.label if mine or not current else t["gap_from_background"].safe_substitute(
                    item=req.label, current=current_names
                )
                lines.append(t["item"].safe_substitute(text=label, refs=self._refs(req.sources)).rstrip())
                sources.extend(req.sources)
        lines.append("")
        if any(missing.values()):
            lines.append(t["gap_missing"].safe_substitute())
            for kind in ("skills", "tools", "education"):
                reqs = missing[kind]
                if not reqs:
                    continue
                lines.append(f"{TOPIC_TITLES[kind] if kind != 'skills' else 'Skills'}:")
                if kind == "tools":
                    refs = self._refs(s for r in reqs for s in r.sources)
                    lines.append(t["item"].safe_substitute(text=", ".join(r.label for r in reqs), refs=refs))
                else:
                    for req in reqs:
                        label = req.label
                        if partly.get(req.label):
                            label = t["gap_partly"].safe_substitute(item=label, terms=", ".join(partly[req.label]))
                        lines.append(t["item"].safe_substitute(text=label, refs=self._refs(req.sources)))
                sources.extend(s for r in reqs for s in r.sources)
        else:
            lines.append(t["gap_nothing_missing"].safe_substitute(plural=target.plural))
        if extra:
            lines.append("")
            lines.append(t["gap_extra"].safe_substitute(plural=target.plural, extra=", ".join(extra)))
        if len(targets) > 1:
            lines.append(t["gap_other_targets"].safe_substitute(
                others=join_names([kb.roles[r].name for r in targets[1:]])
            ))
        if sources:
            lines.append("")
            lines.append(self._legend(sources))
        data: dict[str, Any] = {
            "kind": "skill_gap",
            "target": target.id,
            "current": list(current),
            "known": known_names,
            "have": [req.label for req, _ in have],
            "have_from_role": [req.label for req, mine in have if not mine],
            "missing": {kind: [r.label for r in reqs] for kind, reqs in missing.items()},
            "partly": partly,
            "extra": extra,
            "have_count": len(have),
            "total": total,
            "overlap": round(overlap, 3),
        }
        suggestions = (
            f"Roadmap to become a {target.name}",
            topic_question("education", target),
            topic_question("salary", target),
        )
        about = (target.id, *current)
        return Answer("\n".join(lines), data, tuple(dict.fromkeys(sources)), suggestions), about

    def _have_terms(self, req: _Requirement, keys: set[str], said: _Said) -> list[str]:
        """The covered parts of a requirement, in the person's words (tool names for tools)."""
        out: list[str] = []
        for key in sorted(req.keys & keys):
            if key in self._tools:
                out.append(self._tools[key].name)
            elif key in said.surfaces and key in said.direct:
                out.append(_display(said.surfaces[key]))
            else:
                out.extend(self._tools[t].name for t in said.tools if key in self._tools[t].group_keys)
        return _dedupe_ci(out)

    # -- learning path -------------------------------------------------------------------------

    def learning_path(self, role_id: str) -> tuple[Answer, tuple[str, ...]]:
        """An ordered plan (foundations -> core tools -> projects -> certifications/networking)."""
        kb = self._kb
        t = ADVISOR_TEMPLATES
        role = kb.roles[role_id]
        steps = self._paths[role_id]
        lines = [t["path_heading"].safe_substitute(name=role.name)]
        sources: list[str] = []
        step_data: list[dict[str, Any]] = []
        for n, step in enumerate(steps, start=1):
            lines.append("")
            lines.append(t["path_step"].safe_substitute(n=n, title=step.title, refs=self._refs(step.sources)).rstrip())
            for text, srcs in step.items:
                lines.append(t["item"].safe_substitute(text=text, refs=self._refs(srcs)).rstrip())
            sources.extend(step.sources)
            step_data.append({
                "title": step.title,
                "items": [text for text, _ in step.items],
                "sources": list(kb.source_titles(step.sources)),
                "source_ids": list(step.sources),
            })
        if not steps:
            lines.append(t["path_none"].safe_substitute(plural=role.plural))
        elif "projects" in role.silent and not any(s.title == _PHASES[2][0] for s in steps):
            lines.append("")
            lines.append(t["path_silent_projects"].safe_substitute(plural=role.plural))
        if sources:
            lines.append("")
            lines.append(self._legend(sources))
        data: dict[str, Any] = {"kind": "learning_path", "role": role.id, "steps": step_data}
        suggestions = (
            topic_question("tools", role),
            f"I know Python, what else do I need to become a {role.name}?",
            topic_question("salary", role),
        )
        return Answer("\n".join(lines), data, tuple(dict.fromkeys(sources)), suggestions), (role.id,)

    def learning_paths(self, role_ids: Sequence[str]) -> tuple[Answer, tuple[str, ...]]:
        """Learning paths for several roles, one after the other (``data["paths"]``)."""
        ids = [r for r in dict.fromkeys(role_ids) if r in self._kb.roles]
        if len(ids) == 1:
            return self.learning_path(ids[0])
        answers = [self.learning_path(r)[0] for r in ids]
        text = "\n\n".join(a.text for a in answers)
        data: dict[str, Any] = {"kind": "learning_paths", "paths": [a.data for a in answers]}
        sources = tuple(dict.fromkeys(s for a in answers for s in a.source_ids))
        return Answer(text, data, sources, answers[0].suggestions if answers else ()), tuple(ids)

    # -- postings ------------------------------------------------------------------------------

    def _posting_filters(
        self, text: str, tokens: Sequence[str], roles: Sequence[str], context_roles: Sequence[str]
    ) -> dict[str, Any]:
        source = text if text.strip() else " ".join(tokens)
        raw = tokenize(source)
        words = [self._correct(w) for w in raw]
        wordset = set(words)
        places: list[tuple[str, ...]] = []
        for place in sorted(self._places, key=len, reverse=True):
            n = len(place)
            if any(tuple(words[i : i + n]) == place for i in range(len(words) - n + 1)):
                places.append(place)
        regions: list[str] = []
        if _US_RE.search(source) or _US_LOWER_RE.search(source) or wordset & {"usa", "america", "american"}:
            regions.append("US")
        if wordset & {"germany", "german", "europe", "european", "eu"}:
            regions.append("Germany")
        unknown = [
            m for m in _unknown_places(source)
            if not self._known_word(m)
        ]
        remote: bool | None = None
        if wordset & {"remote", "remotely", "wfh", "anywhere"} or "from home" in source.lower():
            remote = True
        elif wordset & {"onsite", "office", "in-person"} or re.search(r"\bon[- ]site\b", source, re.I):
            remote = False
        levels = sorted({_LEVEL_WORDS[w] for w in words if w in _LEVEL_WORDS and _LEVEL_WORDS[w] != "intern"})
        internship = True if wordset & {w for w, lv in _LEVEL_WORDS.items() if lv == "intern"} else None
        currency: str | None = None
        if wordset & {"eur", "euro", "euros"} or "€" in source:
            currency = "EUR"
        elif wordset & {"usd", "dollar", "dollars"} or "$" in source:
            currency = "USD"
        companies = [name for tok, name in self._companies.items() if tok in wordset]
        sort: str | None = None
        if wordset & _SORT_MAX:
            sort = "max"
        elif wordset & _SORT_MIN:
            sort = "min"
        own_filters = bool(places or regions or unknown or remote is not None or levels or internship
                           or currency or companies or sort)
        chosen = list(roles)
        if not chosen and context_roles and (wordset & _PRONOUNS or not own_filters):
            chosen = list(context_roles)
        return {
            "roles": [r for r in dict.fromkeys(chosen) if r in self._kb.roles],
            "places": [" ".join(p) for p in places],
            "regions": regions,
            "unknown_places": unknown,
            "remote": remote,
            "levels": levels,
            "internship": internship,
            "currency": currency,
            "companies": companies,
            "sort": sort,
            "no_stats": bool(wordset & {"average", "median", "mean", "typical", "typically", "statistics"}),
        }

    def _known_word(self, phrase: str) -> bool:
        toks = tokenize(phrase)
        if not toks:
            return True
        if tuple(toks) in self._places or tuple(toks) in self._aliases:
            return True
        return all(
            t in _STOPWORDS or t in self._speller.vocabulary or t in _NOT_PLACES or t in _LEVEL_WORDS
            for t in toks
        )

    def _posting_matches(self, p: Posting, f: Mapping[str, Any]) -> bool:
        loc = tuple(tokenize(p.location))
        if f["roles"] and p.closest_role not in f["roles"]:
            return False
        if f["unknown_places"]:
            return False
        for place in f["places"]:
            toks = tuple(place.split())
            if not any(loc[i : i + len(toks)] == toks for i in range(len(loc))):
                return False
        for region in f["regions"]:
            if region == "US" and not _US_POSTING_RE.search(p.location):
                return False
            if region == "Germany" and not re.search(r"germany|berlin", p.location, re.I):
                return False
        if f["remote"] is not None and p.remote != f["remote"]:
            return False
        if f["internship"] and not p.internship:
            return False
        if f["levels"] and _level_of(p) not in f["levels"]:
            return False
        if f["currency"] and p.salary.currency != f["currency"]:
            return False
        return not (f["companies"] and p.company not in f["companies"])

    def _describe_filters(self, f: Mapping[str, Any]) -> str:
        kb = self._kb
        parts: list[str] = []
        if f["roles"]:
            parts.append("closest to " + join_names([kb.roles[r].name for r in f["roles"]], "or"))
        if f["internship"]:
            parts.append("internships")
        parts.extend(f"{lv}-level" for lv in f["levels"])
        if f["remote"] is True:
            parts.append("remote")
        elif f["remote"] is False:
            parts.append("on-site")
        places = _dedupe_ci([p.title() for p in f["places"]] + list(f["regions"]) + list(f["unknown_places"]))
        if places:
            parts.append("in " + join_names(places, "or"))
        if f["currency"]:
            parts.append("paid in " + f["currency"])
        if f["companies"]:
            parts.append("at " + join_names(f["companies"], "or"))
        return ", ".join(parts)

    def _posting_line(self, p: Posting, *, closest: bool) -> str:
        extra = ""
        role = self._kb.roles.get(p.closest_role or "")
        if closest and role is not None:
            extra = ADVISOR_TEMPLATES["post_closest"].safe_substitute(name=role.name)
        return ADVISOR_TEMPLATES["post_line"].safe_substitute(
            title=p.title, company=p.company, location=p.location, contract=p.contract_label, level=p.level,
            salary=p.salary.text, closest=extra,
        )

    def postings(
        self, text: str, tokens: Sequence[str], roles: Sequence[str], *, context_roles: Sequence[str] = ()
    ) -> Answer:
        """List, filter and rank the featured postings.

        Filters come from the text (location or remote, level, internship, currency, company) and
        ``roles`` (the posting's closest role). ``context_roles`` (the conversation's roles) apply
        only when the message refers back to them ("how much do they earn?") or has no filter of
        its own. ``data["filters"]["roles"]`` holds the roles actually used.
        """
        kb = self._kb
        t = ADVISOR_TEMPLATES
        f = self._posting_filters(text, tokens, roles, context_roles)
        if not kb.postings:
            data_none: dict[str, Any] = {
                "kind": "postings", "topic": "salary", "postings": [],
                "filters": {k: v for k, v in f.items() if k != "no_stats"}, "matched": False,
                "note": kb.postings_note,
            }
            return Answer(t["post_none"].safe_substitute(), data_none, ())
        chosen = [p for p in kb.postings if self._posting_matches(p, f)]
        empty = not chosen
        shown = chosen
        lines: list[str] = []
        described = self._describe_filters(f)
        if empty:
            shown = [p for p in kb.postings if p.closest_role in f["roles"]]
            scope = ""
            if shown:
                scope = t["post_empty_scope"].safe_substitute(
                    names=join_names([kb.roles[r].name for r in f["roles"]], "or")
                )
            else:
                shown = list(kb.postings)
            lines.append(t["post_empty"].safe_substitute(filters=described or "your question", scope=scope))
        if f["sort"] == "max":
            shown = sorted(shown, key=lambda p: (-p.salary.max, -p.salary.min))
        elif f["sort"] == "min":
            shown = sorted(shown, key=lambda p: (p.salary.min, p.salary.max))
        by_role = len(f["roles"]) >= 2 and not empty
        if not empty:
            lines.append(t["post_heading"].safe_substitute(filters=f" ({described})" if described else ""))
        if f["sort"] and shown:
            top = shown[0]
            if f["sort"] == "max":
                lines.append(t["post_top"].safe_substitute(line=self._posting_line(top, closest=False)))
                by_min = max(shown, key=lambda p: (p.salary.min, p.salary.max))
                if by_min is not top:
                    lines.append(t["post_top_min"].safe_substitute(line=self._posting_line(by_min, closest=False)))
            else:
                lines.append(t["post_bottom"].safe_substitute(line=self._posting_line(top, closest=False)))
        if by_role:
            tops: list[tuple[Posting, str]] = []
            for rid in f["roles"]:
                mine = [p for p in shown if p.closest_role == rid]
                lines.append("")
                lines.append(t["post_role_heading"].safe_substitute(name=kb.roles[rid].name))
                if mine:
                    lines.extend(f"- {self._posting_line(p, closest=False)}" for p in mine)
                    tops.append((max(mine, key=lambda p: p.salary.max), rid))
                else:
                    lines.append(t["post_role_none"].safe_substitute(name=kb.roles[rid].name))
            if len(tops) >= 2:
                top_post, top_role = max(tops, key=lambda pr: pr[0].salary.max)
                lines.append("")
                lines.append(t["post_roles_top"].safe_substitute(
                    name=kb.roles[top_role].name, salary=top_post.salary.text, title=top_post.title,
                    company=top_post.company,
                ))
        else:
            for n, p in enumerate(shown, start=1):
                bullet = f"{n}." if f["sort"] else "-"
                lines.append(f"{bullet} {self._posting_line(p, closest=True)}")
        lines.append("")
        if len({p.salary.currency for p in shown}) > 1 and (f["sort"] or by_role):
            lines.append(t["post_currency"].safe_substitute())
        if f["no_stats"]:
            lines.append(t["post_no_stats"].safe_substitute())
        lines.append(RESPONSE_TEMPLATES["salary_note"].safe_substitute())
        lines.append(t["post_mapping"].safe_substitute())
        # No [n] references in a postings answer, so no legend: reply.sources names the articles.
        sources = [s for p in shown for s in p.sources]
        filters = {k: v for k, v in f.items() if k != "no_stats"}
        data: dict[str, Any] = {
            "kind": "postings",
            "topic": "salary",
            "postings": [posting_dict(p) for p in shown],
            "filters": filters,
            "matched": not empty,
            "note": kb.postings_note,
        }
        role_for_tips = kb.roles[f["roles"][0]] if f["roles"] else next(iter(kb.roles.values()))
        suggestions = ("Which posting pays the most?", "Any internships?", topic_question("skills", role_for_tips))
        return Answer("\n".join(lines), data, tuple(dict.fromkeys(sources)), suggestions)

    # -- comparison tables ---------------------------------------------------------------------

    def compare_table(self, role_ids: Sequence[str], topics: Sequence[str] = ()) -> Answer:
        """A table of roles (columns) by topics (rows); no topics = every topic, salary included."""
        kb = self._kb
        roles = [r for r in dict.fromkeys(role_ids) if r in kb.roles] or list(kb.roles)
        wanted = [tp for tp in dict.fromkeys(topics) if tp in TOPIC_TITLES] or [*ROLE_TOPICS, "salary"]
        names = [kb.roles[r].name for r in roles]
        heading = ADVISOR_TEMPLATES["table_heading"].safe_substitute(names=join_names(names, versus=True))
        texts, rows, sources = render_rows(kb, roles, wanted, salary=self._salary_row)
        parts = [heading, *texts]
        single = len(wanted) == 1
        data: dict[str, Any] = {
            "kind": "comparison",
            "topic": wanted[0] if single else None,
            "title": TOPIC_TITLES[wanted[0]] if single else heading,
            "columns": names,
            "rows": rows,
        }
        return Answer("\n\n".join(parts), data, tuple(dict.fromkeys(sources)))

    def _salary_row(self, roles: Sequence[str]) -> Answer:
        kb = self._kb
        title = TOPIC_TITLES["salary"]
        blocks: list[str] = []
        cells: list[list[str]] = []
        sources: list[str] = []
        for rid in roles:
            role = kb.roles[rid]
            mine = [p for p in kb.postings if p.closest_role == rid]
            lines = [self._posting_line(p, closest=False) for p in mine] or [
                ADVISOR_TEMPLATES["post_role_none"].safe_substitute(name=role.name)
            ]
            heading = RESPONSE_TEMPLATES["topic_heading"].safe_substitute(role=role.name, title=title)
            blocks.append(heading + "\n" + "\n".join(f"- {line}" for line in lines))
            cells.append(lines)
            sources.extend(s for p in mine for s in p.sources)
        blocks.append(RESPONSE_TEMPLATES["salary_note"].safe_substitute())
        data = {"rows": [{"topic": title, "cells": cells}]}
        return Answer("\n\n".join(blocks), data, tuple(dict.fromkeys(sources)))


# --------------------------------------------------------------------------------------------
# Small helpers used above
# --------------------------------------------------------------------------------------------

#: Interests offered as examples when nothing matched (each is shown with the role it scores best for).
_INTEREST_EXAMPLES: tuple[str, ...] = (
    "SQL and building data pipelines",
    "deploying models to production",
    "software engineering and testing",
    "statistics, linear algebra and research papers",
    "data visualization and finding insights",
    "databases and big data",
    "algorithms and image recognition",
    "experiments and innovative research",
)
_PLACE_NOISE = frozenset({"remote", "anywhere", "in", "the", "u", "s", "and", "us", "usa"})
_US_RE = re.compile(r"\b(?:US|USA|U\.S\.A?\.?|United States|America)(?![\w])")
_US_LOWER_RE = re.compile(r"\b(?:in|across|within|the)\s+(?:the\s+)?(?:us|u\.s\.?|usa)\b", re.IGNORECASE)
_US_POSTING_RE = re.compile(
    r"\b(?:US|USA|U\.S\.?|NY|New York|San Francisco|Seattle|Washington|Rochester)\b"
)
_UNKNOWN_PLACE_RE = re.compile(
    r"\b(?:in|near|around|based in|located in)\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)"
)
_UNKNOWN_PLACE_LOWER_RE = re.compile(
    r"\b(?:jobs?|positions?|postings?|openings?|vacancies|internships?|roles?|work|salary|salaries|pay)"
    r"\s+(?:in|near|around)\s+([a-z][\w-]+)\b",
    re.IGNORECASE,
)
_NOT_PLACES = _wordset(
    "i python sql java scala eur usd euros dollars tech ai ml data finance healthcare retail general total "
    "us usa u america united states germany europe eu "
    "demand order detail short particular industry"
)
_LEVEL_WORDS: Mapping[str, str] = MappingProxyType(
    {
        **dict.fromkeys(["intern", "interns", "internship", "internships", "co-op", "placement"], "intern"),
        **dict.fromkeys(["entry", "junior", "juniors", "graduate", "graduates", "grad", "beginner", "beginners"],
                        "entry"),
        **dict.fromkeys(["mid", "intermediate", "midlevel"], "mid"),
        **dict.fromkeys(["senior", "seniors", "expert", "experts", "experienced"], "senior"),
    }
)
_SORT_MAX = _wordset(
    "most highest best top max maximum biggest largest more higher richest"
)
_SORT_MIN = _wordset("lowest least minimum min worst smallest cheapest less lower")
_PRONOUNS = _wordset("they them their it this that those these he she his her its")


def _level_of(p: Posting) -> str:
    head = p.level.split("-")[0].split("/")[0].strip().casefold()
    return {"entry": "entry", "mid": "mid", "senior": "senior"}.get(head, head)


def _unknown_places(text: str) -> list[str]:
    found = [m.group(1) for m in _UNKNOWN_PLACE_RE.finditer(text)]
    found += [m.group(1) for m in _UNKNOWN_PLACE_LOWER_RE.finditer(text)]
    out: list[str] = []
    for place in found:
        words = place.split()
        while words and words[-1].casefold() in _STOPWORDS:
            words.pop()
        if words:
            out.append(" ".join(words))
    return list(dict.fromkeys(out))


def _tool_key(item: str) -> tuple[str, set[tuple[str, ...]]]:
    """Canonical key of a tool name and the phrases that mention it."""
    toks = tuple(tokenize(item))
    phrases = {toks}
    if len(toks) == 2 and toks[0] in _VENDORS:
        toks = toks[1:]
        phrases.add(toks)
    key = " ".join(toks)
    for alias in _TOOL_ALIASES.get(key, ()):
        phrases.add(tuple(tokenize(alias)))
    return key, phrases


def _mention_index(tokens: Sequence[str], tool: _Tool) -> int | None:
    for phrase in tool.phrases:
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            if tuple(tokens[i : i + n]) == phrase:
                return i
    return None


def _mentions(tokens: Sequence[str], tool: _Tool) -> bool:
    return _mention_index(tokens, tool) is not None


def _surface_tokens(text: str) -> list[str]:
    """Tokens with their original case (same segmentation as :func:`tokenize`)."""
    return _WORD_RE.findall(clean_text(text).replace("C++", "cpp").replace("c++", "cpp"))


def _phase_of(keys: frozenset[str]) -> int:
    for index in (3, 2, 0):
        if keys & _PHASES[index][1]:
            return index
    return 1


def _cue_before(tokens: Sequence[str], index: int) -> bool:
    j = index - 1
    while j >= 0 and tokens[j] in _SKIP:
        j -= 1
    return j >= 0 and (tokens[j] in _TARGET_CUES or tokens[j] in _CURRENT_CUES)


def _display(word: str) -> str:
    """A word the person typed, for display (short abbreviations in capitals: ``cs`` -> ``CS``)."""
    return word.upper() if len(word) <= 3 and word.isalpha() and word.islower() else word


def _dedupe_ci(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return out


def _field_phrases(kb: KnowledgeBase, aliases: frozenset[tuple[str, ...]]) -> Mapping[tuple[str, ...], str]:
    """Fields named after a role ("ML research" -> ml_research_engineer), from the role aliases."""
    heads = {"engineer", "engineers", "engineering", "eng", "engg"}
    found: dict[tuple[str, ...], set[str]] = {}
    for role in kb.roles.values():
        for name in (role.name, role.plural, *role.aliases):
            toks = tuple(tokenize(name))
            if len(toks) >= 3 and toks[-1] in heads:
                found.setdefault(toks[:-1], set()).add(role.id)
    return MappingProxyType(
        {phrase: next(iter(ids)) for phrase, ids in found.items() if len(ids) == 1 and phrase not in aliases}
    )


def _quoted(terms: Sequence[str]) -> str:
    return join_names([f"\"{term}\"" for term in terms])
