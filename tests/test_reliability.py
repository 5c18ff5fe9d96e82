"""Hostile input, many sessions and threads, bounded memory of sessions; property-based."""

from __future__ import annotations

import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerbot import CareerBot, Reply
from careerbot.data.yamlio import parse_yaml
from careerbot.dialogue.stores import MemorySessionStore as SessionStore

ROLE_QUESTIONS = {
    "data_engineer": "tell me about data engineers",
    "ml_engineer": "what does a machine learning engineer do?",
    "ml_research_engineer": "what is an ML research engineer?",
    "data_science_engineer": "explain the data science engineer role",
    "ml_software_engineer": "what does an ML software engineer do",
}


def _check(reply: Reply) -> None:
    assert isinstance(reply, Reply)
    assert isinstance(reply.text, str) and reply.text.strip()
    assert 0.0 <= reply.confidence <= 1.0
    assert isinstance(reply.roles, tuple)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_any_text_gets_a_reply(bot: CareerBot, text: str) -> None:
    _check(bot.ask(text, session_id="prop"))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]),
                          st.sampled_from([*ROLE_QUESTIONS.values(), "what tools do they use?", "and their salary?",
                                           "DE vs MLE", "hello", "weather?", "data engineer", "", "{0}"])),
                max_size=12))
def test_any_sequence_of_turns_across_sessions(bot: CareerBot, turns: list[tuple[str, str]]) -> None:
    for session, text in turns:
        _check(bot.ask(text, session_id=f"seq-{session}"))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_yaml_parser_never_raises(text: str) -> None:
    doc = parse_yaml(text, "fuzz.yaml")
    for problem in doc.problems:
        assert problem.path == "fuzz.yaml" and problem.line >= 1


def test_threads_keep_sessions_apart() -> None:
    bot = CareerBot()
    errors: list[str] = []
    roles = list(ROLE_QUESTIONS)

    def worker(n: int) -> None:
        for i in range(150):
            role = roles[(n + i) % len(roles)]
            sid = f"t{n}-s{i}"
            bot.ask(ROLE_QUESTIONS[role], session_id=sid)
            reply = bot.ask("what tools do they use?", session_id=sid)
            if reply.roles != (role,):
                errors.append(f"{sid}: {reply.roles} != {role}")

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_session_store_is_bounded_lru() -> None:
    bot = CareerBot(max_sessions=100)
    for i in range(1000):
        bot.ask("hello", session_id=f"one-off-{i}")
    assert len(bot.sessions) == 100
    assert "one-off-999" in bot.sessions and "one-off-0" not in bot.sessions


def test_least_recently_used_goes_first() -> None:
    store = SessionStore(2)
    from careerbot.dialogue.state import Context

    store.set("a", Context(topic="tools").to_dict())
    store.set("b", Context().to_dict())
    store.get("a")
    store.set("c", Context().to_dict())
    assert "a" in store and "b" not in store
    assert store.get("a") == Context(topic="tools").to_dict()


@pytest.mark.parametrize("bad", [0, -1, "10"])
def test_bad_max_sessions(bad: object) -> None:
    with pytest.raises(ValueError):
        SessionStore(bad)  # type: ignore[arg-type]


HOSTILE = [
    "", " ", "\n\n\t", "\x00" * 100, "\x1b[31mred\x1b[0m", "\ud800\udfff\ud800", "😀🔥💯" * 100,
    "مهندس البيانات", "שלום", "e\u0301\u0301\u0301" * 50, "{0.__class__.__mro__}", "{{7*7}}", "${7*7}", "%s%n%x",
    "!!python/object/apply:os.system ['ls']", "<img src=x onerror=alert(1)>", "' OR 1=1 --", "\\x00\\n",
    "a" * 100_000, "data engineer " * 5000, "?" * 1000, "12345", "-1", "NaN", "None", "null", "[]", "{}",
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_inputs(bot: CareerBot, text: str) -> None:
    reply = bot.ask(text, session_id="hostile")
    _check(reply)
    assert "49" not in reply.text and "__mro__" not in reply.text


_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20))
_yaml_values = st.recursive(
    _scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(["id", "name", "facts", "sources", "postings", "nlu", "intent",
                                         "examples", "tools", "text", "items", "x"]), children, max_size=5),
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(_yaml_values, _yaml_values)
def test_loaders_report_problems_never_raise(knowledge: object, intents: object) -> None:
    import yaml

    from careerbot.data.intents import build_intents
    from careerbot.data.knowledge import build_knowledge

    kdoc = parse_yaml(yaml.safe_dump(knowledge), "k.yaml")
    idoc = parse_yaml(yaml.safe_dump(intents), "i.yaml")
    kb, kproblems = build_knowledge([kdoc])
    built, iproblems = build_intents([idoc], role_ids=set(kb.roles) if kb else None)
    assert (kb is None) == bool(kproblems)
    assert (built is None) == bool(iproblems)
    for problem in (*kproblems, *iproblems):
        assert problem.line >= 1 and problem.message
