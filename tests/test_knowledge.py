"""The knowledge base carries the articles' facts, each with sources, and records silences."""

from __future__ import annotations

import re

import pytest

from careerbot.data.knowledge import ROLE_TOPICS, KnowledgeBase, Thing
from careerbot.data.validate import load_data
from careerbot.nlu.normalize import tokenize
from careerbot.nlu.things import ThingFinder


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_data()[0]


def _topic_text(kb: KnowledgeBase, role: str, topic: str) -> str:
    return " ".join(f.words() for f in kb.roles[role].topic(topic)).casefold()


# (role, topic, phrase from the articles)
FACTS = [
    ("data_engineer", "tools", "Airflow"), ("data_engineer", "tools", "NiFi"),
    ("data_engineer", "tools", "Talend"), ("data_engineer", "tools", "Informatica"),
    ("data_engineer", "tools", "Kafka"), ("data_engineer", "tools", "Cassandra"),
    ("data_engineer", "tools", "Amazon Redshift"), ("data_engineer", "tools", "Google BigQuery"),
    ("data_engineer", "tools", "Google Cloud Platform"), ("data_engineer", "tools", "Microsoft Azure"),
    ("data_engineer", "tools", "Scala"), ("data_engineer", "tools", "PostgreSQL"),
    ("data_engineer", "skills", "data governance"), ("data_engineer", "skills", "NoSQL"),
    ("data_engineer", "education", "information technology"), ("data_engineer", "education", "certifications"),
    ("data_engineer", "outlook", "22%"), ("data_engineer", "outlook", "11"),
    ("data_engineer", "getting_started", "Learn SQL"), ("data_engineer", "projects", "data lakes"),
    ("ml_engineer", "tools", "Keras"), ("ml_engineer", "tools", "Docker"), ("ml_engineer", "tools", "Kubernetes"),
    ("ml_engineer", "tools", "AWS SageMaker"), ("ml_engineer", "tools", "Google AI Platform"),
    ("ml_engineer", "education", "electrical engineering"), ("ml_engineer", "education", "Ph.D."),
    ("ml_engineer", "industries", "fraud detection"), ("ml_engineer", "industries", "churn prediction"),
    ("ml_engineer", "industries", "Telecommunications"), ("ml_engineer", "outlook", "11%"),
    ("ml_engineer", "projects", "image recognition"), ("ml_engineer", "projects", "recommendation systems"),
    ("ml_engineer", "skills", "statistics"),
    ("ml_software_engineer", "tools", "Jenkins"), ("ml_software_engineer", "tools", "Git"),
    ("ml_software_engineer", "tools", "Pandas"), ("ml_software_engineer", "skills", "distributed computing"),
    ("ml_software_engineer", "education", "physics"), ("ml_software_engineer", "industries", "Autonomous vehicles"),
    ("ml_software_engineer", "industries", "E-commerce"), ("ml_software_engineer", "outlook", "2019"),
    ("ml_research_engineer", "skills", "linear algebra"), ("ml_research_engineer", "getting_started", "calculus"),
    ("ml_research_engineer", "industries", "Robotics"), ("ml_research_engineer", "industries", "self-driving cars"),
    ("ml_research_engineer", "industries", "medical imaging"), ("ml_research_engineer", "education", "Ph.D."),
    ("ml_research_engineer", "tools", "Matplotlib"), ("ml_research_engineer", "tools", "GitHub"),
    ("data_science_engineer", "tools", "Tableau"), ("data_science_engineer", "tools", "Seaborn"),
    ("data_science_engineer", "skills", "R"), ("data_science_engineer", "industries", "algorithmic trading"),
    ("data_science_engineer", "industries", "inventory management"), ("data_science_engineer", "education", "Statistics"),
    ("data_science_engineer", "getting_started", "hackathons"), ("data_science_engineer", "getting_started", "LinkedIn"),
]


def _topic_quotes(kb: KnowledgeBase, role: str, topic: str) -> str:
    r = kb.roles[role]
    quotes = [q.text for p in r.points.get(topic, ()) for q in p.quotes]
    quotes += [q.text for link in r.things.get(topic, ()) for q in link.quotes]
    return " ".join(quotes).casefold()


@pytest.mark.parametrize(("role", "topic", "phrase"), FACTS)
def test_article_fact_is_in_knowledge(kb: KnowledgeBase, role: str, topic: str, phrase: str) -> None:
    pattern = rf"(?<![a-z]){re.escape(phrase.casefold())}(?![a-z])"
    # Held in what careerbot says (points and named things, through the derived facts) ...
    assert re.search(pattern, _topic_text(kb, role, topic)), (role, topic, phrase)
    # ... and backed by a verbatim quote from an article on the same role and topic.
    assert re.search(pattern, _topic_quotes(kb, role, topic)), (role, topic, phrase)


POSTINGS = [
    ("Cere Network", "USD", 120_000, 160_000), ("Allora Labs", "USD", 160_000, 180_000),
    ("Allora Labs", "USD", 100_000, 120_000), ("Occam AI", "USD", 100_000, 180_000),
    ("Occam AI", "USD", 60_000, 96_000), ("Vara", "EUR", 70_000, 90_000),
    ("murmuration", "USD", 100_000, 130_000), ("murmuration", "USD", 120_000, 150_000),
    ("Rochester Institute of Technology", "USD", 75_000, 150_000), ("Amazon.com", "USD", 85_000, 185_000),
    ("Amazon.com", "USD", 95_000, 192_000),
]


@pytest.mark.parametrize(("company", "currency", "lo", "hi"), POSTINGS)
def test_postings(kb: KnowledgeBase, company: str, currency: str, lo: int, hi: int) -> None:
    assert any(
        p.company == company and p.salary.currency == currency and (p.salary.min, p.salary.max) == (lo, hi)
        for p in kb.postings
    )


def test_posting_count_and_internships(kb: KnowledgeBase) -> None:
    assert len(kb.postings) == 11
    assert sum(p.internship for p in kb.postings) == 3


def test_every_fact_has_known_sources(kb: KnowledgeBase) -> None:
    for role in kb.roles.values():
        for topic in ROLE_TOPICS:
            assert role.topic(topic) or topic in role.silent, (role.id, topic)
            for fact in role.topic(topic):
                assert fact.sources and set(fact.sources) <= set(kb.sources)


def test_data_engineer_industries_are_recorded_as_silent(kb: KnowledgeBase) -> None:
    de = kb.roles["data_engineer"]
    assert de.topic("industries") == ()
    assert "industries" in de.silent


def test_outlook_keeps_both_scopes(kb: KnowledgeBase) -> None:
    figures = {(f.figure, f.period) for f in kb.roles["data_engineer"].topic("outlook") if f.figure}
    assert ("22%", "2020–2030") in figures
    assert any(fig and fig.startswith("11") and period == "2019–2029" for fig, period in figures)


def test_no_mojibake_left(kb: KnowledgeBase) -> None:
    for role in kb.roles.values():
        for facts in role.facts.values():
            for fact in facts:
                assert not re.search("[\u0e00-\u0e7f]|â€", fact.words()), fact


# --- Named things and distinct points ---


def test_named_things_have_one_canonical_name_and_their_spellings(kb: KnowledgeBase) -> None:
    pairs = [("Spark", "Apache Spark"), ("apache spark", "Apache Spark"), ("Azure", "Microsoft Azure"),
             ("Redshift", "Amazon Redshift"), ("scikit-learn", "Scikit-learn"), ("SageMaker", "AWS SageMaker"),
             ("PhD", "Ph.D."), ("finance and banking", "Finance"), ("  NIFI ", "Apache NiFi")]
    for spelling, name in pairs:
        thing = kb.thing_by_alias(spelling)
        assert thing is not None and thing.name == name, spelling
    assert kb.thing_by_alias("medical imaging") is None  # a use case, not a thing
    assert kb.thing_by_alias("self-driving cars") is kb.things["autonomous_vehicles"]  # (a spelling of one)
    kinds = {t.kind for t in kb.things.values()}
    assert kinds == {"tool", "language", "skill", "field", "degree", "certification", "industry"}


def test_roles_with_a_thing(kb: KnowledgeBase) -> None:
    assert kb.roles_with("spark", "tools") == ("data_engineer", "data_science_engineer")
    assert set(kb.roles_with("python")) == set(kb.roles)
    assert kb.roles_with("phd", "education") == ("ml_engineer", "ml_research_engineer")
    assert kb.roles_with("automotive") == ("ml_research_engineer",)
    assert kb.roles_with("docker", "tools") == ("ml_engineer",)
    assert kb.roles_with("calculus") == ("ml_research_engineer",)  # named by a getting-started point only
    assert kb.roles_with("github", "getting_started") == ("ml_research_engineer",)


def test_a_thing_is_linked_once_per_role_and_topic_with_all_its_sources(kb: KnowledgeBase) -> None:
    for role in kb.roles.values():
        for topic, links in role.things.items():
            ids = [link.thing for link in links]
            assert len(ids) == len(set(ids)), (role.id, topic)
            for link in links:
                assert link.thing in kb.things and link.quotes
                assert set(link.sources) == {q.source for q in link.quotes}, (role.id, link.thing)
    spark = kb.roles["data_engineer"].link("tools", "spark")
    assert spark is not None and spark.sources == ("mle_vs_de", "de_vs_mlre")


def test_the_same_point_from_several_articles_is_one_point(kb: KnowledgeBase) -> None:
    de = kb.roles["data_engineer"]
    quality = [p for p in de.points["responsibilities"] if "quality" in p.text]
    assert len(quality) == 1
    assert quality[0].sources == ("mle_vs_de", "de_vs_mlswe", "de_vs_mlre") and len(quality[0].quotes) == 3
    for role in kb.roles.values():
        for topic, points in role.points.items():
            texts = [" ".join(p.text.casefold().split()) for p in points]
            assert len(texts) == len(set(texts)), (role.id, topic)
            assert all(p.quotes and p.sources for p in points)
            assert all(t in kb.things for p in points for t in p.things)


def test_derived_facts_name_each_tool_once_per_article(kb: KnowledgeBase) -> None:
    for role in kb.roles.values():
        for fact in role.topic("tools"):
            assert fact.group and fact.items and len(fact.sources) == 1
        for source in kb.sources:
            names = [i for f in role.topic("tools") if f.sources == (source,) for i in f.items]
            assert len(names) == len(set(names)), (role.id, source)
    ml = kb.roles["ml_engineer"]
    assert sum(i == "AWS SageMaker" for f in ml.topic("tools") if f.sources == ("mle_vs_dse",) for i in f.items) == 1


def test_outlook_points_keep_figure_period_scope_and_source(kb: KnowledgeBase) -> None:
    de = kb.roles["data_engineer"]
    figures = {(p.figure, p.period, p.sources) for p in de.points["outlook"] if p.figure}
    assert figures == {("11%", "2019–2029", ("de_vs_mlswe",)), ("22%", "2020–2030", ("de_vs_mlre",))}
    for rid in ("data_engineer", "ml_software_engineer"):
        # Article 001 says the outlooks differ, then gives one shared figure: recorded, quoted.
        claim = [p for p in kb.roles[rid].points["outlook"] if "differ" in p.text]
        assert len(claim) == 1 and claim[0].sources == ("de_vs_mlswe",)
        assert any("even job outlooks" in q.text for q in claim[0].quotes)
        assert any("11 percent" in q.text for q in claim[0].quotes)
    mlre = [p for p in kb.roles["ml_research_engineer"].points["outlook"] if p.figure]
    assert mlre and mlre[0].scope and "no figure of their own" in mlre[0].scope


def test_quotes_and_points_have_no_mojibake(kb: KnowledgeBase) -> None:
    for site in kb.quote_sites:
        assert not re.search("[\u0e00-\u0e7f]|â€|\u2019", site.quote.text), site


def _things_in(finder: ThingFinder, text: str) -> list[Thing]:
    return [thing for _, thing in finder.find(tokenize(text))]


def test_thing_finder_reads_every_spelling_once_longest_first(kb: KnowledgeBase) -> None:
    finder = ThingFinder(kb)
    names = [t.name for t in _things_in(finder, "I know python, Spark and Apache Spark, C++ and NoSQL databases; a PhD in CS")]
    assert names == ["Python", "Apache Spark", "C++", "NoSQL databases", "Ph.D.", "Computer science"]
    assert [t.id for t in _things_in(finder, "a bachelor\u2019s in computer science")] == ["bachelors", "computer_science"]
    assert [t.id for t in _things_in(finder, "I use AWS SageMaker")] == ["sagemaker"]
    assert _things_in(finder, "sparkling pythonic ideas") == [] and _things_in(finder, "") == []


def test_a_tool_or_language_is_named_by_one_point_per_role_and_topic(kb: KnowledgeBase) -> None:
    """So a one-topic answer built from the points names each tool once ("Spark" = "Apache Spark")."""
    finder = ThingFinder(kb)
    for role in kb.roles.values():
        for topic, points in role.points.items():
            seen: dict[str, str] = {}
            for point in points:
                for thing in _things_in(finder, point.text):
                    if thing.kind in ("tool", "language"):
                        first = seen.setdefault(thing.id, point.text)
                        assert first == point.text, (role.id, topic, thing.name, first, point.text)
