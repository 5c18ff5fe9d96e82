"""Unit tests of the one-parse pipeline's steps (issue 11): the parts of a message, references back,
the profile read from a self-description, and the bounds of the session's :class:`Profile`."""

from __future__ import annotations

import pytest

from careerbot import CareerBot
from careerbot.dialogue.state import (
    MAX_ITEM_CHARS,
    MAX_PROFILE_ITEMS,
    MAX_STATEMENT_CHARS,
    MAX_STATEMENTS,
    Profile,
)
from careerbot.nlu.normalize import tokenize
from careerbot.nlu.parse import Reader
from careerbot.nlu.parts import MAX_PARTS, split_parts
from careerbot.nlu.profile import ProfileReading
from careerbot.nlu.references import Reference, distinctive_role_words, find_reference
from careerbot.nlu.understand import Thresholds

# -- split_parts -----------------------------------------------------------------------------


def kinds(text: str) -> list[tuple[str, str]]:
    return [(p.text, p.kind) for p in split_parts(text)]


def test_two_questions_joined_by_and() -> None:
    assert kinds("what does a DSE do and which degree do they have?") == [
        ("what does a DSE do", "question"),
        ("which degree do they have?", "question"),
    ]


def test_questions_joined_by_semicolon_and_also() -> None:
    assert [k for _, k in kinds("what tools do DEs use; also what do they earn?")] == ["question", "question"]


def test_statement_about_oneself_then_question() -> None:
    assert kinds("I know SQL, what else do I need?") == [("I know SQL", "self"), ("what else do I need?", "question")]


def test_sentences_about_oneself_and_one_question() -> None:
    parts = split_parts("I've been a teacher for ten years. I love statistics. Which role suits me?")
    assert [p.kind for p in parts] == ["self", "self", "question"]
    assert parts[-1].text == "Which role suits me?"


@pytest.mark.parametrize(
    "text", ["compare DE and MLE", "what are the differences between data engineers and ML engineers?",
             "based on what you know, which role fits?"],
)
def test_one_question_stays_whole(text: str) -> None:
    parts = split_parts(text)
    assert len(parts) == 1
    assert parts[0].text == text
    assert parts[0].kind == "question"


@pytest.mark.parametrize(
    "text",
    ["backend developer here, six years of Java, Python and SQL", "hi there, I'm Tomasz",
     "data analyst by trade, mostly SQL and Power BI"],
)
def test_self_descriptions(text: str) -> None:
    assert [p.kind for p in split_parts(text)] == ["self"]


@pytest.mark.parametrize("text", ["I'd love to know what an MLRE does", "I'm not sure which role fits me",
                                  "I was wondering how much DEs earn"])
def test_indirect_questions_starting_with_i_are_questions(text: str) -> None:
    assert [p.kind for p in split_parts(text)] == ["question"]


def test_late_first_person_is_not_about_the_speaker() -> None:
    assert [p.kind for p in split_parts("my C++ code segfaults when i free a pointer")] == ["other"]


def test_remark_stays_with_the_self_description_before_it() -> None:
    parts = split_parts("I work in marketing. Data engineering seems fun. What do DEs do?")
    assert [p.kind for p in parts] == ["self", "question"]
    assert "Data engineering seems fun" in parts[0].text


def test_too_many_parts_are_read_whole() -> None:
    text = " ".join(f"what does role {i} do?" for i in range(MAX_PARTS + 1))
    parts = split_parts(text)
    assert len(parts) == 1
    assert parts[0].text == text
    within = " ".join(f"what does role {i} do?" for i in range(MAX_PARTS))
    assert len(split_parts(within)) == MAX_PARTS


def test_split_parts_keeps_every_question_in_order() -> None:
    text = "what does a DE do? which tools do they use? and what do they earn?"
    parts = split_parts(text)
    assert [p.text for p in parts] == ["what does a DE do?", "which tools do they use?", "and what do they earn?"]
    assert all(p.kind == "question" for p in parts)


# -- find_reference --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def role_words(bot: CareerBot) -> dict[str, str]:
    return distinctive_role_words({r.id: r.name for r in bot.knowledge.roles.values()})


@pytest.fixture(scope="module")
def company_words(bot: CareerBot) -> dict[str, str]:
    return {tokenize(p.company)[0]: p.company for p in bot.knowledge.postings if tokenize(p.company)}


def ref(text: str, role_words: dict[str, str], company_words: dict[str, str] | None = None) -> Reference | None:
    return find_reference(tokenize(text), role_words=role_words, company_words=company_words)


def test_distinctive_role_words(role_words: dict[str, str]) -> None:
    assert role_words["research"] == "ml_research_engineer"
    assert role_words["software"] == "ml_software_engineer"
    assert role_words["science"] == "data_science_engineer"
    # Words shared by several role names point at none of them.
    for shared in ("engineer", "machine", "learning", "data"):
        assert shared not in role_words


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("the second one, what tools do they use?", 1),
        ("what about the second option?", 1),
        ("go on about option one", 0),
        ("option 2", 1),
        ("your first suggestion", 0),
        ("and the last?", -1),
        ("the runner-up?", 1),
    ],
)
def test_ordinal_references(text: str, index: int, role_words: dict[str, str]) -> None:
    found = ref(text, role_words)
    assert found is not None
    assert found.kind == "ordinal"
    assert found.index == index


def test_ordinal_span_covers_its_words(role_words: dict[str, str]) -> None:
    tokens = tokenize("the second one, what tools do they use?")
    found = find_reference(tokens, role_words=role_words)
    assert found is not None
    assert tokens[found.start : found.end] == ["second", "one"]


@pytest.mark.parametrize("text", ["the two", "compare these two", "both of them", "what tools do both use?"])
def test_pair_references(text: str, role_words: dict[str, str]) -> None:
    found = ref(text, role_words)
    assert found is not None
    assert found.kind == "pair"


@pytest.mark.parametrize("text", ["the other one", "tell me about the other option"])
def test_other_references(text: str, role_words: dict[str, str]) -> None:
    found = ref(text, role_words)
    assert found is not None and found.kind == "other"


@pytest.mark.parametrize(
    ("text", "role"),
    [("what about the research side?", "ml_research_engineer"), ("and on the software side", "ml_software_engineer")],
)
def test_side_references(text: str, role: str, role_words: dict[str, str]) -> None:
    found = ref(text, role_words)
    assert found is not None
    assert found.kind == "side"
    assert found.role == role


def test_posting_references(role_words: dict[str, str], company_words: dict[str, str]) -> None:
    that = ref("is that one remote?", role_words, company_words)
    assert that is not None and that.kind == "posting" and that.name is None
    occam = ref("is the Occam one remote?", role_words, company_words)
    assert occam is not None and occam.kind == "posting"
    assert occam.name == company_words["occam"]


@pytest.mark.parametrize(
    "text",
    ["what does a DE do?", "the first step to become a data engineer", "what does a research engineer do?",
     "which one earns more?", "what is the second law of thermodynamics", ""],
)
def test_no_reference(text: str, role_words: dict[str, str], company_words: dict[str, str]) -> None:
    assert ref(text, role_words, company_words) is None


# -- read_profile through the Reader ---------------------------------------------------------


@pytest.fixture(scope="module")
def reader(bot: CareerBot) -> Reader:
    return Reader(bot.knowledge, bot.intents, Thresholds())


def profile_of(reader: Reader, text: str) -> ProfileReading:
    parse = reader.read(text)
    readings = [p.profile for p in parse.about_self if p.profile is not None]
    assert readings, f"nothing about the person read in {text!r}"
    assert len(readings) == 1
    return readings[0]


def test_reader_reads_tools_and_background(reader: Reader) -> None:
    got = profile_of(reader, "backend developer here, six years of Java, Python and SQL")
    assert got.known == ("Java", "Python", "SQL")
    assert got.background == ("backend developer",)
    assert got.targets == () and got.current == ()


def test_reader_reads_negated_things(reader: Reader) -> None:
    got = profile_of(reader, "I never used Spark but I know Python")
    assert got.known == ("Python",)
    assert got.not_known == ("Apache Spark",)


def test_reader_reads_current_and_target_roles(reader: Reader) -> None:
    got = profile_of(reader, "I am a data engineer and want to become an ML engineer")
    assert got.current == ("data_engineer",)
    assert got.targets == ("ml_engineer",)


def test_reader_reads_an_uncovered_background_and_a_target(reader: Reader) -> None:
    got = profile_of(reader, "I'm a database administrator and want to become a data engineer")
    assert got.background == ("database administrator",)
    assert got.targets == ("data_engineer",)
    assert got.current == ()


def test_reader_reads_unknown_tools_after_a_cue(reader: Reader) -> None:
    got = profile_of(reader, "I use Excel and some VBA")
    assert got.known == ("Excel", "VBA")


def test_reader_does_not_take_a_name_or_town_for_a_tool(reader: Reader) -> None:
    parse = reader.read("I'm Dana from Cairo, I know Python")
    known = [k for p in parse.about_self if p.profile is not None for k in p.profile.known]
    assert "Python" in known
    assert "Dana" not in known and "Cairo" not in known


def test_reader_dislike_is_not_knowledge(reader: Reader) -> None:
    got = profile_of(reader, "I hate maths")
    assert got.known == ()


def test_questions_carry_no_profile(reader: Reader) -> None:
    parse = reader.read("what tools does a data engineer use?")
    assert parse.about_self == ()
    assert all(p.profile is None for p in parse.parts)


def test_reader_negated_role_is_neither_current_nor_target(reader: Reader) -> None:
    got = profile_of(reader, "I'm not a data engineer")
    assert "data_engineer" not in got.targets
    assert "data_engineer" not in got.current


# -- Profile bounds --------------------------------------------------------------------------


def test_profile_keeps_the_newest_items_within_bounds() -> None:
    profile = Profile().merged(known=[f"tool{i}" for i in range(MAX_PROFILE_ITEMS + 10)])
    assert len(profile.known) == MAX_PROFILE_ITEMS
    assert profile.known[-1] == f"tool{MAX_PROFILE_ITEMS + 9}"
    assert "tool0" not in profile.known


def test_profile_cuts_long_items_and_statements() -> None:
    profile = Profile().merged(background=["x" * 10_000], statement="y" * 10_000)
    assert [len(b) for b in profile.background] == [MAX_ITEM_CHARS]
    assert [len(s) for s in profile.statements] == [MAX_STATEMENT_CHARS]


def test_profile_keeps_at_most_max_statements() -> None:
    profile = Profile()
    for i in range(MAX_STATEMENTS + 3):
        profile = profile.merged(known=["SQL"], statement=f"statement {i}")
    assert len(profile.statements) == MAX_STATEMENTS
    assert profile.statements[-1] == f"statement {MAX_STATEMENTS + 2}"


def test_profile_later_statement_wins() -> None:
    profile = Profile().merged(known=["Java", "SQL"]).merged(not_known=["Java"])
    assert profile.known == ("SQL",)
    assert profile.not_known == ("Java",)
    again = profile.merged(known=["Java"])
    assert "Java" in again.known and "Java" not in again.not_known


def test_profile_items_are_unique() -> None:
    profile = Profile().merged(known=["SQL", "SQL"]).merged(known=["SQL"])
    assert profile.known == ("SQL",)


def test_profile_round_trips_and_empty() -> None:
    assert Profile().empty
    profile = Profile().merged(known=["SQL"], background=["teacher"], targets=["data_engineer"], statement="hi")
    assert not profile.empty
    assert Profile.from_dict(profile.to_dict()) == profile
    assert Profile.from_dict(None) == Profile()


def test_profile_from_dict_rejects_oversized_lists() -> None:
    with pytest.raises(ValueError):
        Profile.from_dict({"known": ["x"] * (MAX_PROFILE_ITEMS + 1)})
    with pytest.raises(ValueError):
        Profile.from_dict({"statements": ["x"] * (MAX_STATEMENTS + 1)})
    with pytest.raises(ValueError):
        Profile.from_dict({"known": ["x" * (MAX_ITEM_CHARS + 1)]})
    with pytest.raises(ValueError):
        Profile.from_dict({"statements": ["x" * (MAX_STATEMENT_CHARS + 1)]})
    # At the bounds, accepted.
    Profile.from_dict({"known": ["x" * MAX_ITEM_CHARS] * MAX_PROFILE_ITEMS})
    Profile.from_dict({"statements": ["x" * MAX_STATEMENT_CHARS] * MAX_STATEMENTS})


def test_profile_from_dict_drops_unknown_role_ids() -> None:
    profile = Profile.from_dict(
        {"targets": ["astronaut", "data_engineer"], "current": ["ml_engineer", "wizard"]},
        role_ids={"data_engineer", "ml_engineer"},
    )
    assert profile.targets == ("data_engineer",)
    assert profile.current == ("ml_engineer",)


def test_common_english_words_are_not_corrected_into_careerbot_words() -> None:
    from careerbot import CareerBot

    bot = CareerBot()
    analysis = bot.understand("in the coming years, actually, in detail").analysis
    assert "coming" in analysis.tokens and "actually" in analysis.tokens and "detail" in analysis.tokens
    assert not analysis.other_occupations  # "actually" is not "actuary"
    # A real typo is still corrected.
    assert "engineer" in bot.understand("what does a data enginer do").analysis.tokens
