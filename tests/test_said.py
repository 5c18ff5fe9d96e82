"""careerbot.nlu.said: what a person says about themselves, read once; and the advisor's
structured methods."""

from __future__ import annotations

import pytest

from careerbot.data.knowledge import KnowledgeBase
from careerbot.nlu.entities import RoleFinder
from careerbot.nlu.kbwords import KbWords
from careerbot.nlu.said import Said, SaidReader
from careerbot.skills.advisor import Advisor
from careerbot.skills.data_types import LearningPathData, RecommendationData, SkillGapData

from .conftest import DE, MLE, MLRE


@pytest.fixture(scope="module")
def reader(kb: KnowledgeBase) -> SaidReader:
    return SaidReader(KbWords(kb))


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
    assert said.other_jobs == ("nurse",)
    assert reader.read("") == Said()


# =============================================================================================
# The advisor's structured methods
# =============================================================================================


def test_recommend_data_shape(advisor: Advisor) -> None:
    answer, roles = advisor.recommend("I love maths and reading research papers", ())
    assert roles and roles[0] == MLRE
    assert answer.data["kind"] == "recommendation"
    assert set(answer.data) == set(RecommendationData.__annotations__)


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


