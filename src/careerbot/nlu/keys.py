"""Words compared as *keys*: the shared vocabulary of what people say and what the articles say.

A small lemma table (``maths`` -> ``math``, ``deploying`` -> ``deploy``), phrase keys
(``machine learning`` -> ``ml``, ``linear algebra`` -> ``linalg``), expansions for ideas people
word differently from the articles, negation cues and a light suffix stemmer. Everything here is a
pure function of its arguments or a read-only table, so it is safe to share across threads.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from .normalize import clean_text, tokenize

__all__ = [
    "CLAUSE_RE", "EDU_CUES", "EDU_IMPLIES", "EXPAND", "GENERIC", "LEMMAS", "NEGATION_UNDO", "NEGATORS",
    "PHRASES", "PHRASE_MAX", "POSITIVE_CUES", "STOPWORDS", "Unit", "bigrams", "keyset", "negation_flags",
    "norm_text", "prepare", "stem", "strip_aliases", "surface_tokens", "to_units", "word_key", "wordset",
]


def wordset(words: str) -> frozenset[str]:
    """The whitespace-separated words of ``words``."""
    return frozenset(words.split())


STOPWORDS: frozenset[str] = wordset(
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
    typical common many various several across different along within sorry advance
    keep keeps keeping look looks looking finish finishes finishing finished
    """
)

#: Single words with the same meaning (both in the knowledge base and in what people type).
LEMMAS: Mapping[str, str] = MappingProxyType(
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
PHRASES: Mapping[tuple[str, ...], str] = MappingProxyType(
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
        # no role's term: "taught high school math" says nothing about "high-performance"
        ("high", "school"): "highschool",
    }
)
PHRASE_MAX = max(len(k) for k in PHRASES)

#: Ideas people mention that the articles express with other words (used for what people type only).
EXPAND: Mapping[str, tuple[str, ...]] = MappingProxyType(
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
NEGATORS: frozenset[str] = wordset(
    "not no don't dont never hate hates hated dislike dislikes without nothing neither nor avoid "
    "can't cannot isn't aren't doesn't didn't won't haven't hasn't lack lacking less than instead except "
    "none zero least fewest"
)
#: After a negator these words undo it ("I don't mind", "not only").
NEGATION_UNDO: frozenset[str] = frozenset({"mind", "only", "just", "sure", "bad", "afraid", "opposed"})
#: A comma-separated chunk containing one of these starts a new, positive statement.
POSITIVE_CUES: frozenset[str] = wordset(
    "i i'm im like love enjoy want prefer interested into good great passionate fan know have can "
    "also plus"
)
CLAUSE_RE = re.compile(
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
# The suffixes by their last letter, in the order above: a word is only tried against those it can end with.
_SUFFIXES_BY_LAST: Mapping[str, tuple[tuple[str, str], ...]] = MappingProxyType(
    {last: tuple(pair for pair in _SUFFIXES if pair[0][-1] == last) for last in {s[-1] for s, _ in _SUFFIXES}}
)


def stem(word: str) -> str:
    """A light suffix stemmer: ``pipelines`` -> ``pipeline``, ``processing`` -> ``proces``."""
    if not word.isalpha():
        return word
    if len(word) <= 4:
        # "jobs", "fits", "uses": a short word only loses a plural or third-person "s".
        return word[:-1] if len(word) == 4 and word[-1] == "s" and word[-2] not in "siu" else word
    for suffix, replacement in _SUFFIXES_BY_LAST.get(word[-1], ()):
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


def word_key(word: str) -> str:
    """The comparison key of one lower-case word."""
    word = word.removesuffix("'s").replace("'", "")
    return LEMMAS.get(word) or stem(word)


@dataclass(frozen=True)
class Unit:
    """One idea in a text: its key, the words it came from and whether it is negated."""

    key: str
    surface: str
    negated: bool = False
    start: int = 0


def prepare(text: str) -> str:
    """``text`` with "Ph.D." as one word and "e.g." / "i.e." / "etc." removed, ready to tokenise."""
    return _EG_RE.sub(" ", _PHD_RE.sub(" phd ", text))


def strip_aliases(tokens: list[str], aliases: frozenset[tuple[str, ...]], max_len: int) -> list[str | None]:
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


def to_units(
    tokens: Sequence[str | None], negated: Sequence[bool] | None = None, surfaces: Sequence[str] | None = None
) -> list[Unit | None]:
    """Group tokens into units (phrases first); stop words and boundaries become ``None``."""
    out: list[Unit | None] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token is None:
            out.append(None)
            i += 1
            continue
        neg = bool(negated[i]) if negated is not None else False
        matched = False
        for n in range(min(PHRASE_MAX, len(tokens) - i), 1, -1):
            window = tokens[i : i + n]
            if any(t is None for t in window):
                continue
            key = PHRASES.get(tuple(t for t in window if t is not None))
            if key is not None:
                words = surfaces[i : i + n] if surfaces is not None else [t for t in window if t is not None]
                out.append(Unit(key, " ".join(words), neg, i))
                i += n
                matched = True
                break
        if matched:
            continue
        if token in STOPWORDS or (len(token) < 2 and token != "r"):
            out.append(None)
        else:
            out.append(Unit(word_key(token), surfaces[i] if surfaces is not None else token, neg, i))
        i += 1
    return out


def bigrams(units: Sequence[Unit | None]) -> list[Unit]:
    out: list[Unit] = []
    for a, b in zip(units, units[1:]):
        if a is not None and b is not None and a.key != b.key:
            out.append(Unit(f"{a.key}_{b.key}", f"{a.surface} {b.surface}", a.negated or b.negated, a.start))
    return out


def negation_flags(tokens: Sequence[str], carry: bool, *, prefer: bool) -> tuple[list[bool], bool]:
    """Per-token negation for one comma chunk, and whether the chunk was negative."""
    flags = [False] * len(tokens)
    if carry and len(tokens) <= 4 and not (POSITIVE_CUES & set(tokens)):
        return [True] * len(tokens), True
    for i, token in enumerate(tokens):
        cue = token in NEGATORS or (prefer and token == "over")
        if cue and not (i + 1 < len(tokens) and tokens[i + 1] in NEGATION_UNDO):
            for j in range(i + 1, len(tokens)):
                flags[j] = True
            return flags, True
    return flags, False


def keyset(words: str) -> frozenset[str]:
    """The keys of the words in ``words`` (phrases included, stop words left out)."""
    return frozenset(u.key for u in to_units(tokenize(words)) if u is not None)



#: Words that say nothing specific about a requirement.
GENERIC: frozenset[str] = frozenset(
    STOPWORDS
    | {word_key(w) for w in STOPWORDS}  # (as compared: "something" is "someth")
    | {
        word_key(w) for w in wordset(
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
EDU_CUES: frozenset[str] = wordset(
    "degree degrees bachelor bachelors bachelor's master masters master's msc bsc phd doctorate studied "
    "study studying graduate graduated graduating grad grads major majored majoring diploma certified certificate "
    "certification certifications certs"
)
#: Education keys that imply others (a master's is an advanced degree).
EDU_IMPLIES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"master": ("advanc",), "phd": ("advanc",), "advanc": ()}
)


_WORD_RE = re.compile(r"[^\W_]+(?:['+#][^\W_]*)*", re.UNICODE)


def surface_tokens(text: str) -> list[str]:
    """Tokens with their original case (same segmentation as :func:`tokenize`)."""
    return _WORD_RE.findall(clean_text(text).replace("C++", "cpp").replace("c++", "cpp"))


def norm_text(text: str) -> str:
    """``text`` as space-joined tokens (for comparing sentences)."""
    return " ".join(tokenize(text))
