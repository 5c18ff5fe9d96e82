"""Every file in examples/ and every python block of docs/API.md runs and does what it says."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from careerbot.data.validate import check_data

from .conftest import ROOT

EXAMPLES = ROOT / "examples"
CUSTOM = EXAMPLES / "custom_data"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run_python(args: list[str], cwd: Path = ROOT) -> str:
    proc = subprocess.run(
        [sys.executable, *args], cwd=cwd, env=_env(), capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    return proc.stdout


def test_every_example_has_a_test() -> None:
    tested = {"quickstart.py", "multi_user.py", "async_app.py", "custom_knowledge.py", "mount_in_starlette.py"}
    assert {p.name for p in EXAMPLES.glob("*.py")} == tested


def test_quickstart_is_ten_lines_and_answers_with_follow_up() -> None:
    lines = (EXAMPLES / "quickstart.py").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 10
    out = run_python([str(EXAMPLES / "quickstart.py")], cwd=EXAMPLES)
    assert out.startswith("Data Engineer: Tools") and "Airflow" in out
    assert "Sources: " in out
    assert "('data_engineer',) education" in out and "Data Engineer: Education" in out


def test_multi_user_sessions_keep_their_own_context() -> None:
    out = run_python([str(EXAMPLES / "multi_user.py")])
    blocks = re.findall(r"\[(\w+)\] (.+)\n\s+-> intent=(\S+) roles=(\S+) topic=(\S+)", out)
    turns = [(user, question, roles, topic) for user, question, _, roles, topic in blocks]
    assert ("alice", "What tools do they use?", "data_engineer", "tools") in turns
    assert ("bob", "What tools do they use?", "ml_research_engineer", "tools") in turns
    assert ("bob", "And how much do they earn?", "ml_research_engineer", "salary") in turns
    # carol never named a role: the bot asks which one instead of borrowing someone else's.
    assert ("carol", "What tools do they use?", "-", "tools") in turns
    assert "[alice, restored] and their education? -> roles=data_engineer topic=education" in out
    assert "bob after reset: {'roles': [], 'topic': None" in out


def test_async_app_answers_every_user_in_their_own_session() -> None:
    out = run_python([str(EXAMPLES / "async_app.py")])
    assert "[ana] What skills do they need? -> roles=data_science_engineer topic=skills" in out
    assert "[ben] What skills do they need? -> roles=ml_software_engineer topic=skills" in out
    assert "[cho] how much do they earn? -> roles=data_engineer, ml_engineer topic=salary" in out
    assert "event loop stayed responsive" in out
    source = (EXAMPLES / "async_app.py").read_text(encoding="utf-8")
    assert "asyncio.to_thread(bot.ask" in source


def test_mount_in_starlette_serves_careerbot_under_a_prefix() -> None:
    out = run_python([str(EXAMPLES / "mount_in_starlette.py")])
    assert "GET / -> my existing app" in out
    assert "GET /careerbot/ -> 200 text/html; charset=utf-8 CSP" in out
    assert "'what does a data engineer do?' -> roles=data_engineer topic=definition" in out
    assert "'and their tools?' -> roles=data_engineer topic=tools" in out
    assert "GET /careerbot/health -> {'status': 'ok'}" in out
    assert "GET /careerbot/nope -> 404 no such path" in out
    assert "text/plain POST -> 415" in out


def test_custom_knowledge_example_uses_only_the_sample_data() -> None:
    out = run_python([str(EXAMPLES / "custom_knowledge.py")])
    assert out.startswith("NOTE: answers below come from SAMPLE data")
    assert "Analytics Engineer" in out and "BI Developer" in out
    assert "Analytics Engineer vs BI Developer compared" in out
    assert "dbt" in out and "Data Engineer" not in out  # nothing from the bundled knowledge
    sources = [line for line in out.splitlines() if line.startswith("Sources: ")]
    assert sources and all("SAMPLE DATA" in line for line in sources)


def test_sample_data_is_valid_and_marked_as_sample() -> None:
    kb, intents, problems = check_data(CUSTOM / "knowledge", CUSTOM / "intents")
    assert problems == [] and kb is not None and intents is not None
    assert all("SAMPLE" in s.title for s in kb.sources.values())
    for role in kb.roles.values():
        assert role.summary.startswith("SAMPLE")
        for facts in role.facts.values():
            for fact in facts:
                assert "SAMPLE" in (fact.text or fact.group or "")
    for path in (CUSTOM / "knowledge").rglob("*.yaml"):
        assert "SAMPLE" in path.read_text(encoding="utf-8").splitlines()[0]


def test_custom_data_validates_from_the_command_line() -> None:
    out = run_python(
        ["-m", "careerbot", "validate", "--knowledge", str(CUSTOM / "knowledge"), "--intents", str(CUSTOM / "intents")]
    )
    assert out.startswith("ok:")


def test_api_doc_python_blocks_run(tmp_path: Path) -> None:
    text = (ROOT / "docs" / "API.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", text, flags=re.DOTALL | re.MULTILINE)
    assert len(blocks) >= 8
    script = tmp_path / "api_blocks.py"
    script.write_text("\n\n".join(blocks), encoding="utf-8")
    out = run_python([str(script)])
    assert "Data Engineer: Tools" in out and "SAMPLE" in out
    assert out.rstrip().endswith("greet")  # the HTTP block's answer


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.py")), ids=lambda p: p.name)
def test_examples_have_a_docstring(path: Path) -> None:
    assert path.read_text(encoding="utf-8").startswith('"""')
