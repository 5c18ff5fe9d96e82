"""Word sets that carry meaning for understanding and the policy (one place for all of them)."""

from __future__ import annotations

from collections.abc import Sequence

SMALL_TALK = frozenset({"greet", "thanks", "goodbye", "help"})
COMPARE = "compare"
#: Topics shown when two roles are compared without a topic.
COMPARE_TOPICS: tuple[str, ...] = ("definition", "differences", "skills", "tools")
#: Topics shown when three or more roles are compared without a topic.
WIDE_COMPARE_TOPICS: tuple[str, ...] = ("definition", "skills", "tools", "education", "salary")
#: Words asking for the gist of a comparison ("main difference between them?", "in short").
BRIEF_WORDS = frozenset({"main", "key", "briefly", "brief", "short", "quick", "quickly", "tldr", "gist", "simply"})
#: Words asking for a full table ("compare everything", "all topics", "full table").
EVERYTHING_WORDS = frozenset({"table", "everything", "topics", "full", "detail", "detailed"})
#: Words that carry no question of their own ("and ML engineers?", "what about DE").
FILLER = frozenset(
    "and n nd or but what about how so ok okay k kk then also too the a an for of in on with please pls tell show give me more "
    "same question again now instead regarding re as well hmm um thanks alright right sure yes yeah "
    "cool nice great i see bruh bro tho though q qs lol lmao fr rn sir madam maam ma'am mam "
    # (as typed: the masked text keeps them, "wat abt DSEs")
    "wat wht wut abt bout".split()
)
#: Intents about the conversation itself; their keywords ("help", "thanks") only count in short messages.
CONVERSATIONAL = frozenset({"greet", "thanks", "goodbye", "help", "list_roles", "ask_sources"})
SHORT_MESSAGE = 8
#: Words that only make a keyword into a question ("any internships?", "are there openings?").
QUESTION_WORDS = frozenset({"any", "are", "is", "there", "some", "do", "does", "you", "have", "got", "at"})
#: Words of someone choosing ("which role should I pick?").
CHOOSING_WORDS = frozenset({"which", "should", "pick", "choose", "fit", "fits", "suit", "suits", "best"})
#: Words pointing at the second role of a recommendation ("and the runner-up?").
RUNNER_UP_WORDS = frozenset({"second", "runner", "runnerup"})
#: Words of someone telling what they like ("I enjoy building dashboards").
INTEREST_WORDS = frozenset({"like", "love", "enjoy", "interested", "passionate", "into", "fascinated", "curious"})
#: Words after which "like" compares or means "as", not liking ("working like SQL developer", "looks like").
_NOT_LIKING = frozenset("work works working worked look looks looked seem seems seemed feel feels sound sounds just things".split())


def likes_at(tokens: Sequence[str], i: int) -> bool:
    """Whether ``tokens[i]`` says the person likes something ("I love maths"), not "working like a tester"."""
    word = tokens[i]
    if word not in INTEREST_WORDS and word not in ("likes", "loves", "enjoys", "fan"):
        return False
    return not (word == "like" and i > 0 and tokens[i - 1] in _NOT_LIKING)


def says_likes(tokens: Sequence[str]) -> bool:
    """Whether the person says what they like ("I like building dashboards")."""
    return "i" in tokens and any(likes_at(tokens, i) for i in range(len(tokens)))
#: Words offering a choice between named roles ("X or Y?").
CHOICE_WORDS = frozenset({"or", "vs", "versus", "between"})
#: Intents answered by careerbot.skills.advisor.
ADVISOR_INTENTS = frozenset({"recommend_role", "skill_gap", "learning_path", "ask_salary"})
#: After these, a bare role ("and for ML engineers?") gets the same kind of answer.
ADVISOR_FOLLOW_UPS = frozenset({"learning_path", "ask_salary", "skill_gap"})
#: Words that point back at what the conversation is about ("what do they earn?").
REFERRING = frozenset(
    "they them their theirs it its one ones that this those these both either he she his her him such".split()
)
#: Words asking whether something named is usual for a role ("Normal for a DE?").
USUAL_WORDS = frozenset("normal typical common usual standard expected".split())
#: Words asking about every role at once.
ALL_WORDS = frozenset({"all", "every", "each", "five"})
#: Words that refer to the roles in general ("what's the difference between these roles?").
GENERIC_ROLE_WORDS = frozenset(
    "role roles job jobs career careers position positions path paths option options them these those "
    "they both profession professions suit suits fit fits".split()
)
#: Advice that reads what the person said about themselves.
PROFILE_ADVICE = frozenset({"recommend_role", "skill_gap", "learning_path"})
#: Words asking to forget the profile ("forget what I told you").
FORGET_WORDS = frozenset({"forget", "delete", "erase", "clear", "remove", "wipe"})
#: The intent of questions about the roles that the articles don't answer.
NOT_COVERED = "not_covered"
#: Words that ask which of several roles is more of something ("which one is more math heavy?").
COMPARATIVE_WORDS = frozenset(
    "more less better worse harder easier higher lower fewer bigger smaller heavier longer shorter most least".split()
)
#: Words asking for the top or bottom of a ranking ("which role needs the least education?").
SUPERLATIVE_WORDS = frozenset(
    "least most fewest lowest highest hardest easiest shortest longest best worst quickest fastest".split()
)
#: Words of a person speaking about themselves ("I know Python, which role fits me?").
SELF_WORDS = frozenset("i i'm im me my i've ive myself".split())
#: First words of a yes/no question ("do DEs handle data security?").
#: Words that open a question asking for more than yes or no.
WH_WORDS = frozenset("what whats what's which who whom whose where when why how hows how's".split())
YES_NO_OPENERS = frozenset("do does did is are was were can could should would will must has have".split())
#: Words before the first real word of a question ("so, do they ...", "and is it ...").
SOFT_OPENERS = frozenset("so and but ok okay well hey hi hello also then quick question".split())
#: Small talk that adds nothing next to a question ("hi! what does a DE do?", "thanks, and MLEs?").
PLEASANTRIES = frozenset({"greet", "thanks"})
#: Words by which a question goes on about what was asked before ("would a physics grad be acceptable too?").
GOING_ON = frozenset({"too", "also", "either"})
#: Verbs of a question about a tool ("do DEs use Snowflake?", "is dbt part of their stack?").
TOOL_VERBS = frozenset("use uses used using know knows need needs learn work works stack part tool tools".split())
#: Words asking whether a role needs something ("does a DE need to know Scala?").
NEED_WORDS = frozenset(
    "need needs needed require requires required requirement obligatory necessary mandatory essential must useful "
    "important crucial vital matter matters".split()
)
#: Words that ask where the answers come from, not what the articles say ("which sources ...").
SOURCE_WORDS = frozenset(
    "source sources sourced from where info information based reference references cite citations reliable trust which".split()
)
#: Words asking whether a role uses something ("do they work with NoSQL?").
USE_WORDS = frozenset("use uses used using work works working stack".split())
#: Words asking how roles differ ("how are they different?").
DIFFERENCE_WORDS = frozenset("different difference differences differ differs compare comparison vs versus".split())
#: Small talk that ends or thanks, recognised in a message of any length.
PARTING = frozenset({"thanks", "goodbye"})
#: Words that point back at something said before ("Is that useful for them?", "the research side of it").
DEMONSTRATIVES = frozenset({"that", "this", "it"})
#: Words about the weather: a town named with them is not a posting's ("is it cold in Berlin?").
WEATHER_WORDS = frozenset(
    "weather cold hot warm rain raining rainy snow snowing sunny sun temperature forecast humid".split()
)
#: Words about openings ("is anything open at Occam AI?", "jobs in Berlin").
JOB_WORDS = frozenset(
    "job jobs posting postings opening openings open position positions vacancy vacancies hiring hire "
    "listed listing listings internship internships role roles offer offers work posted advertised".split()
)
#: Advice that a conversation's role answers without naming it ("what should I learn first?").
CONTEXT_ADVICE = frozenset({"learning_path", "skill_gap"})
#: Intents that, named by their own keywords, are about the roles in focus ("do they sponsor visas?").
CONTEXT_KEYWORDED = frozenset({"not_covered"})
#: Words asking to expand the last answer ("more", "show the quotes") and the words around them.
EXPAND_WORDS = frozenset({"more", "detail", "details", "quote", "quotes", "elaborate", "expand", "sentences"})
EXPAND_FILLER = frozenset(
    "tell me show the please pls a bit some give go on can you i want see in into with that this it "
    "those these its their them about and all full exact what did articles article say said could "
    "would like to of any there is are".split()
)
#: Words of a working life: a question with one is about careers even when it names no role.
WORKING_LIFE = JOB_WORDS | frozenset(
    "employer employers employee employees certification certifications interview interviews resume cv boss "
    "colleagues coworkers salary salaries".split()
)



def asks_all(tokens: Sequence[str]) -> bool:
    """Whether the message asks about every role ("compare all five", "each of the roles",
    "all the roles", "every career"), not "all day" or "all that"."""
    for i, token in enumerate(tokens):
        if token not in ALL_WORDS or (
            token == "all" and i and tokens[i - 1] in ("what", "which", "who")
            and tokens[i + 1 : i + 2] and tokens[i + 1] not in GENERIC_ROLE_WORDS
        ):
            continue  # "what all tools they are using?" (Indian English "which"), not "which all roles"
        after = list(tokens[i + 1 : i + 4])
        if after[:1] == ["of"] and after[1:2] in (["them"], ["those"], ["these"], ["they"]):
            continue  # "each of them": the roles in focus, not all five
        if token == "five" or any(t in GENERIC_ROLE_WORDS or t in ALL_WORDS for t in after):
            return True
        if token == "all" and after[:1] in (["of"], ["the"]) and any(t in GENERIC_ROLE_WORDS for t in after[1:]):
            return True
    for i, token in enumerate(tokens[:-3]):
        # "do any of these roles work in robotics?" (not "any of them": the roles in focus)
        if token == "any" and tokens[i + 1] == "of" and tokens[i + 2] in ("the", "these", "those", "your") and (
            tokens[i + 3] in ("roles", "careers", "jobs", "five")
        ):
            return True
    return False
#: Nouns that name roles in general ("which roles", "what jobs", "which careers").
ROLE_NOUNS = frozenset(
    "role roles job jobs career careers position positions profession professions path paths option "
    "options one ones".split()
)
#: Words that only carry "the same" ("is it the same for them?").
SAME_FILLER = frozenset(
    "is are it that this same true there question questions thing goes applies apply deal story here".split()
)
#: Words that leave a role on its own as a follow-up ("and which ones for the MLRE?").
FOLLOW_UP_FILLER = frozenset(
    "which ones one other another normal plain regular usual standard guy guys folks "
    # "and if I went the MLE route instead?"
    "if i went go chose choose picked route path track specifically particular particularly especially exactly "
    # "and the equivalent list for MLEs?", "how about the research flavour of that job?"
    "equivalent counterpart likewise similarly list version variant flavour flavor things last "
    # "the first one you listed"
    "you listed mentioned named showed suggested gave "
    # "and what's the number for data engineers?" (after their outlook)
    "number numbers figure figures "
    # "and for the research engineer role?"
    "role roles "
    # "sorry no, I meant the research one": the last question, for the role meant
    "sorry oops no nope mean meant".split()
)


#: Phrases that set a question apart from the conversation ("unrelated, but ...", "btw how do I ...").
_ASIDES = tuple(
    tuple(p.split()) for p in (
        "unrelated", "off topic", "off-topic", "offtopic", "random question", "random one", "random but",
        "side question", "sidebar", "side note", "quick aside",
        "off the record", "btw", "by the way", "different topic", "change of subject", "not career related",
        "nothing to do with",
    )
)


_ASIDE_STARTS = frozenset(p[0] for p in _ASIDES)


def is_aside(tokens: Sequence[str]) -> bool:
    """Whether the message says it is an aside from the conversation ("totally unrelated, but ...")."""
    return any(
        tuple(tokens[i : i + len(p)]) == p
        for i, t in enumerate(tokens) if t in _ASIDE_STARTS
        for p in _ASIDES if p[0] == t
    )


#: Phrases that only mark a new question ("switching topic, what do DEs use ..."): none of their
#: words is a keyword ("switching" is no career switch).
DISCOURSE_MARKERS = tuple(
    tuple(p.split()) for p in (
        "switching topic", "switching topics", "switching gears", "switching subjects", "switching subject",
        "change of topic", "changing topic", "changing topics", "changing the subject", "changing gears",
        "different question", "different q", "new question", "next question", "another question",
        "one more question", "one more q",
        # "To start simply: what is an MLRE?", "Let's start with data engineers. What tools ...?"
        "to start simply", "to start with", "to start off", "to begin with", "for starters", "let's start with",
        "lets start with", "let start with", "let me start with", "let us start with", "start simply",
    )
)


_MARKERS_BY_FIRST = {first: tuple(p for p in DISCOURSE_MARKERS if p[0] == first) for first in {p[0] for p in DISCOURSE_MARKERS}}


def discourse_spans(tokens: Sequence[str]) -> set[int]:
    """The positions of the :data:`DISCOURSE_MARKERS` in ``tokens``."""
    out: set[int] = set()
    for i, token in enumerate(tokens):
        for p in _MARKERS_BY_FIRST.get(token, ()):
            if tuple(tokens[i : i + len(p)]) == p:
                out.update(range(i, i + len(p)))
    return out


#: Words that make a statement naming a role a request for information ("I need a rundown of ...").
REQUEST_WORDS = frozenset(
    "rundown overview explain explanation list info information details tell know understand summary "
    "breakdown describe description idea".split()
)
#: Nouns after a role that still only name it ("the research engineer track", "the DE side").
SIDE_NOUNS = frozenset("side track path route role roles option one ones job jobs career folks people guys version variant equivalent counterpart".split())
#: What may come with a role that only turns the conversation to it ("what about", "and for the").
LEADING_FILLER = frozenset(
    "what about how and for on over as the a an so ok okay then now hmm tell me more of it that this start begin with let's lets "
    "instead sir madam maam ma'am mam i want wanna to know understand would like i'd id".split()
)
#: Words that ask what is missing ("I know SQL and want to be a DE, what am I missing").
GAP_ASKED = frozenset("missing missin miss gap gaps lack lacking else left need needed".split())
#: Words that ask for advice in a message without a question ("just pick one for me, I like ...").
ADVICE_ASKED = frozenset("recommend suggest pick advise which".split())
#: What a question about a posting just shown asks ("how much does it pay?", "what level is it?").
POSTING_ASPECTS = frozenset(
    "pay pays paid salary remote level seniority senior junior where located location company intern internship "
    "currency range office onsite hybrid".split()
)
#: Verbs that make a sentence naming a topic and a role a statement, not a request for the topic
#: ("My grandson says data engineering is the future.").
STATING_WORDS = frozenset("says said say thinks think thought told tells heard hear reckons reckon believes".split())
