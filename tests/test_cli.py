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


def test_ask_prints_answer_and_sources_once() -> None:
    code, out, _ = run(["ask", "what tools does a data engineer use?"])
    # The answer ends with its own article list; the CLI adds no second one.
    assert code == ExitStatus.OK and "Airflow" in out and out.count("References:") == 1 and "Sources:" not in out
    code, out, _ = run(["ask", "what is the weather like?"])
    assert code == ExitStatus.OK and "References:" not in out


def test_ask_lists_sources_of_answers_without_their_own_list() -> None:
    code, out, _ = run(["ask", "any internships?"])
    assert code == ExitStatus.OK and "Sources:" in out and "References:" not in out


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


def test_a_question_without_a_command_is_asked() -> None:
    code, out, err = run(["what does a DE do"])
    assert code == 0 and out.startswith("Data Engineer: Overview") and err == ""
    code, out, _ = run(["--no-color", "DE", "vs", "MLE"])
    assert code == 0 and "compared" in out.splitlines()[0]
    code, _, _ = run(["serv"])  # a near miss of a command is a usage error naming the commands
    assert code == ExitStatus.USAGE


def test_unknown_option_of_a_command_shows_that_commands_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(["ask", "--jsn", "hi"])
    err = capsys.readouterr().err
    assert code == ExitStatus.USAGE
    assert err.startswith("usage: careerbot ask ") and "unrecognized arguments: --jsn" in err


def test_validate_help_describes_its_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["validate", "--help"])[0] == 0
    out = capsys.readouterr().out
    assert "knowledge directory to check" in out and "intents directory to check" in out


@pytest.mark.parametrize("argv", [["--knowledge", "/nonexistent", "ask", "hi"], ["validate", "--knowledge", "/nonexistent"],
                                  ["--intents", "/nonexistent", "eval", "x.yaml"]])
def test_missing_directory_is_one_clear_line(argv: list[str]) -> None:
    code, out, err = run(argv)
    assert code == ExitStatus.ERROR and out == ""
    assert err.count("\n") == 1 and "/nonexistent: does not exist" in err


@pytest.mark.parametrize("value", ["2", "-0.1", "nan", "abc"])
def test_eval_min_must_be_an_accuracy(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["eval", "x.yaml", "--min", value])[0] == ExitStatus.USAGE
    assert "--min" in capsys.readouterr().err


def test_piped_quit_says_what_was_not_answered() -> None:
    code, out, err = run([], stdin="hello\n/quit\nwhat does a data engineer do?\n\nand tools?\n")
    assert code == 0 and "Hello" in out and "Data Engineer: Overview" not in out
    assert "stopped at /quit on line 2; 2 later lines were not answered" in err
