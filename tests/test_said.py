"""careerbot.nlu.said: what a person says about themselves, read once, merged across turns and
exported as plain JSON; and the advisor's structured methods that take it."""

from __future__ import annotations

import json

import pytest

from careerbot.data.knowledge import KnowledgeBase
from careerbot.data.validate import load_data
from careerbot.nlu.entities import RoleFinder
from careerbot.nlu.kbwords import KbWords
from careerbot.nlu.said import MAX_ITEMS, MAX_WORD, Said, SaidReader
from careerbot.skills.advisor import Advisor
from careerbot.skills.data_types import LearningPathData, RecommendationData, SkillGapData

DE, MLE, MLSWE, MLRE, DSE = (
    "data_engineer",
    "ml_engineer",
    "ml_software_engineer",
    "ml_research_engineer",
    "data_science_engineer",
)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_data()[0]


@pytest.fixture(scope="module")
def reader(kb: KnowledgeBase) -> SaidReader:
    return SaidReader(KbWords(kb))


@pytest.fixture(scope="module")
def advisor(kb: KnowledgeBase) -> Advisor:
    return Advisor(kb)


@pytest.fixture(scope="module")
def finder(kb: KnowledgeBase) -> RoleFinder:
    return RoleFinder({r.id: (r.name, r.plural, *r.aliases) for r in kb.roles.values()})


def read_with_roles(reader: SaidReader, finder: RoleFinder, text: str) -> Said:
    analysis = finder.find(text)
    return reader.read(text, analysis.tokens, mentions=analysis.mentions)


# =============================================================================================
# Reading one message
# =============================================================================================


def test_likes_and_dislikes(reader: SaidReader) -> None:
    said = reader.read("I hate maths")
    assert "math" in said.dislikes and "math" not in said.likes
    said = reader.read("I love statistics but I don't like SQL")
    assert "statist" in said.likes and "sql" in said.dislikes and "sql" not in said.likes
    assert said.surfaces["statist"] == "statistics"


def test_tools_had_and_lacked(reader: SaidReader) -> None:
    said = reader.read("I know TensorFlow but have no experience with PyTorch")
    assert said.tools == ("tensorflow",) and said.lacks_tools == frozenset({"pytorch"})
    said = reader.read("Python and SQL, no Java")
    assert "python" in said.tools and "java" in said.lacks_tools and "java" not in said.tools


def test_typos_are_corrected_onto_the_knowledge_base(reader: SaidReader) -> None:
    said = reader.read("I'm into statistcs and experimnts")
    assert {"statist", "experiment"} <= set(said.likes)


def test_degrees_only_when_they_say_they_studied(reader: SaidReader) -> None:
    with_degree = reader.read("I have a bachelor's in computer science")
    assert {"bachelor", "cs"} <= with_degree.degrees
    assert reader.read("I know some computer science").degrees == frozenset()
    assert "advanc" in reader.read("I hold a master's degree").degrees  # a master's is an advanced degree


def test_background_and_target_roles(reader: SaidReader, finder: RoleFinder) -> None:
    said = read_with_roles(reader, finder, "I'm a data engineer and want to become an ML engineer")
    assert said.background == (DE,) and said.targets == (MLE,) and said.not_roles == ()


def test_negated_roles_are_neither_background_nor_target(reader: SaidReader, finder: RoleFinder) -> None:
    said = read_with_roles(reader, finder, "I'm not a data engineer, I want to be an ML engineer")
    assert said.not_roles == (DE,) and said.targets == (MLE,) and said.background == ()
    said = read_with_roles(reader, finder, "I don't want to become a data engineer")
    assert said.targets == () and said.not_roles == (DE,)


def test_fields_count_as_interests_not_as_skills(reader: SaidReader) -> None:
    said = reader.read("I want to move into ML research")
    assert "research" in said.likes and "research" not in said.has


def test_other_jobs_are_kept(reader: SaidReader) -> None:
    said = reader.read("I'm a nurse", other_jobs=("nurse",))
    assert said.other_jobs == ("nurse",) and not said.is_empty
    assert reader.read("").is_empty


# =============================================================================================
# Merging across turns
# =============================================================================================


def test_merge_accumulates(reader: SaidReader) -> None:
    first = reader.read("I know Python and SQL")
    second = reader.read("I also use Docker")
    merged = first.merged(second)
    assert {"python", "docker"} <= set(merged.tools)
    assert "sql" in merged.has and "sql" in merged.likes


def test_later_statements_override_earlier_ones(reader: SaidReader, finder: RoleFinder) -> None:
    earlier = reader.read("I love SQL and I know Java")
    later = reader.read("Actually I hate SQL, and no Java")
    merged = earlier.merged(later)
    assert "sql" in merged.dislikes and "sql" not in merged.likes
    assert "java" in merged.lacks_tools and "java" not in merged.tools
    back = merged.merged(reader.read("I know Java after all"))
    assert "java" in back.tools and "java" not in back.lacks_tools


def test_merge_targets_and_background(reader: SaidReader, finder: RoleFinder) -> None:
    profile = read_with_roles(reader, finder, "I'm a data engineer and want to become an ML engineer")
    same = profile.merged(reader.read("I like statistics"))  # no roles: targets kept
    assert same.targets == (MLE,) and same.background == (DE,)
    switched = profile.merged(read_with_roles(reader, finder, "I'd rather become a data science engineer"))
    assert switched.targets == (DSE,) and switched.background == (DE,)
    denied = profile.merged(read_with_roles(reader, finder, "I'm not a data engineer"))
    assert denied.background == () and denied.not_roles == (DE,)


# =============================================================================================
# Plain JSON data
# =============================================================================================


def test_round_trip_through_json(reader: SaidReader, finder: RoleFinder) -> None:
    said = read_with_roles(
        reader, finder, "I'm a data engineer with a master's, I know Spark but no PyTorch and I hate maths; "
        "I want to become an ML research engineer",
    )
    data = json.loads(json.dumps(said.to_dict()))
    again = Said.from_dict(data)
    assert again == said
    assert again.to_dict() == said.to_dict()


def test_from_dict_rejects_and_bounds(reader: SaidReader) -> None:
    with pytest.raises(ValueError):
        Said.from_dict(["not", "a", "mapping"])
    big = {
        "likes": {f"k{i}": 1.0 for i in range(MAX_ITEMS * 3)},
        "tools": ["x" * 500, 7, None, "spark"],
        "has": {"ok": 0.5, "bad": "1.0", "nan": float("nan"), "big": 9.0, "flag": True},
        "targets": "data_engineer",  # not a list: dropped
        "unknown": {"ignored": True},
    }
    said = Said.from_dict(big)
    assert len(said.likes) == MAX_ITEMS
    assert said.tools == ("x" * MAX_WORD, "spark")
    assert dict(said.has) == {"ok": 0.5, "big": 1.0}
    assert said.targets == ()
    assert Said.from_dict({}) == Said()


def test_to_dict_is_bounded(reader: SaidReader) -> None:
    said = Said()
    for i in range(MAX_ITEMS + 20):
        said = said.merged(reader.read(f"I like topic{i}x"))
    assert len(said.likes) <= MAX_ITEMS and len(said.to_dict()["likes"]) <= MAX_ITEMS


# =============================================================================================
# The advisor's structured methods
# =============================================================================================


def test_recommend_for_a_merged_profile(advisor: Advisor) -> None:
    profile = advisor.read_said("I love maths").merged(advisor.read_said("and reading research papers"))
    answer, roles = advisor.recommend_for(profile)
    assert roles and roles[0] == MLRE
    assert answer.data["kind"] == "recommendation"
    assert set(answer.data) == set(RecommendationData.__annotations__)
    # the text method reads the same thing once
    assert advisor.recommend("I love maths and reading research papers", ())[1] == roles


def test_recommend_for_respects_a_later_dislike(advisor: Advisor) -> None:
    likes_sql = advisor.read_said("I like SQL and building pipelines")
    assert advisor.recommend_for(likes_sql)[1][0] == DE
    changed = likes_sql.merged(advisor.read_said("actually I hate SQL and pipelines, I love research papers"))
    assert advisor.recommend_for(changed)[1][0] != DE


def test_gap_for_takes_thing_ids(advisor: Advisor) -> None:
    answer, about = advisor.gap_for(["python", "sql", "docker"], ["pytorch"], MLE)
    assert about == (MLE,)
    data = answer.data
    assert set(data) == set(SkillGapData.__annotations__)
    assert data["target"] == MLE and {"Python", "Docker"} <= set(data["have"]) and data["extra"] == ["SQL"]
    assert "Docker" not in data["missing"] and {"TensorFlow", "PyTorch"} <= set(data["missing"])
    explicit, _ = advisor.gap_for(["sql"], (), DE, ())
    assert explicit.data["target"] == DE and explicit.data["have"] == ["SQL"]

def test_gap_for_without_a_target_asks(advisor: Advisor) -> None:
    answer, about = advisor.gap_for(["python"])
    assert about == () and answer.data["kind"] == "clarify"

def test_path_for_and_data_shape(advisor: Advisor) -> None:
    answer, roles = advisor.path_for([DE])
    assert roles == (DE,) and set(answer.data) == set(LearningPathData.__annotations__)
    both, roles = advisor.path_for([DE, MLE])
    assert roles == (DE, MLE) and [p["role"] for p in both.data["paths"]] == [DE, MLE]


# =============================================================================================
# What careerbot understood, in display words
# =============================================================================================


