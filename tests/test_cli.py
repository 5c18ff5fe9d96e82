"""The command line, driven through main(argv, env) and as a real process."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from careerbot import __version__
from careerbot.ui.cli import Environment, ExitStatus, main

from .conftest import ROOT


def run(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    env = Environment(stdin=io.StringIO(stdin), stdout=out, stderr=err, environ={})
    code = main(argv, env)
    return code, out.getvalue(), err.getvalue()


def test_ask_prints_answer_and_sources() -> None:
    code, out, _ = run(["ask", "what tools does a data engineer use?"])
    assert code == ExitStatus.OK and "Airflow" in out and "Sources:" in out


def test_ask_json() -> None:
    code, out, _ = run(["ask", "--json", "data engineer vs ml engineer"])
    data = json.loads(out)
    assert code == 0 and set(data["roles"]) == {"data_engineer", "ml_engineer"}
    assert {"text", "intent", "confidence", "roles", "topic", "sources", "suggestions"} <= set(data)


def test_piped_chat_answers_each_line_and_keeps_context() -> None:
    code, out, err = run([], stdin="hello\nwhat does a data engineer do?\nwhat tools do they use?\n")
    assert code == 0 and "Traceback" not in out + err
    assert "Airflow" in out or "Spark" in out


def test_validate_ok_and_broken(tmp_path: Path) -> None:
    assert run(["validate"])[0] == 0
    (tmp_path / "k").mkdir()
    (tmp_path / "k" / "roles.yaml").write_text("id: [\n", encoding="utf-8")
    code, out, _ = run(["validate", "--knowledge", str(tmp_path / "k")])
    assert code == ExitStatus.ERROR
    assert any(line.startswith(f"{tmp_path / 'k' / 'roles.yaml'}:") for line in out.splitlines())


def test_broken_data_for_ask_is_reported_not_raised(tmp_path: Path) -> None:
    code, _, err = run(["--knowledge", str(tmp_path), "ask", "hi"])
    assert code == ExitStatus.ERROR and str(tmp_path) in err


def test_version() -> None:
    out = subprocess.run([sys.executable, "-m", "careerbot", "--version"], capture_output=True, text=True, check=True)
    assert __version__ in out.stdout


@pytest.mark.parametrize("args", [["ask", "hello"], ["validate"]])
def test_module_entry_point(args: list[str]) -> None:
    proc = subprocess.run([sys.executable, "-m", "careerbot", *args], capture_output=True, text=True, cwd=ROOT.parent)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr


def test_piped_process_without_traceback() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "careerbot"], input="hello\n\x00\n{0.__class__}\nbye\n", capture_output=True, text=True
    )
    assert proc.returncode == 0 and "Traceback" not in proc.stderr and proc.stdout.count("\n\n") >= 3


def test_piped_mode_stops_at_quit_and_explains_commands() -> None:
    code, out, _ = run([], stdin="/json\n/quit\nwhat does a data engineer do?\n")
    assert code == 0 and "Slash commands work in the interactive chat" in out
    assert "Data Engineer" not in out  # nothing after /quit is answered
