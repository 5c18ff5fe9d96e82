"""The terminal chat, driven through the real PromptSession with a pipe input.

Keys for each prompt are sent only once that prompt is on screen (the dummy output
notices each new prompt), as a person would type them: prompt_toolkit loads history
when a prompt first renders, so keys sent earlier would not see it.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest
from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.data_structures import Size
from prompt_toolkit.document import Document
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output

from careerbot import CareerBot
from careerbot.ui.chat import COMMANDS, ChatCompleter, history_path, open_history, run_chat
from careerbot.ui.cli import Environment, main

from .conftest import ROOT

UP, CTRL_C, CTRL_D, CTRL_R, ENTER = "\x1b[A", "\x03", "\x04", "\x12", "\r"
WAIT = 30.0  # seconds a prompt may take to appear before the test gives up


class PromptWatcher:
    """Counts prompts: prompt_toolkit enables bracketed paste once per prompt, on first render."""

    def __init__(self) -> None:
        self.prompts = 0
        self.cond = threading.Condition()

    def prompted(self) -> None:
        with self.cond:
            self.prompts += 1
            self.cond.notify_all()

    def wait_for(self, n: int) -> bool:
        with self.cond:
            return self.cond.wait_for(lambda: self.prompts >= n, timeout=WAIT)


class WatchedOutput(DummyOutput):
    def __init__(self, watcher: PromptWatcher, columns: int = 80) -> None:
        self.watcher = watcher
        self.columns = columns

    def enable_bracketed_paste(self) -> None:
        self.watcher.prompted()

    def get_size(self) -> Size:
        return Size(rows=40, columns=self.columns)


class WatchedVt100(Vt100_Output):
    """A real VT100 output recording into a StringIO (to see the escape sequences)."""

    watcher: PromptWatcher

    def enable_bracketed_paste(self) -> None:
        super().enable_bracketed_paste()
        self.watcher.prompted()


class Result:
    def __init__(self, code: int, out: str, err: str, prompts: int) -> None:
        self.code, self.out, self.err, self.prompts = code, out, err, prompts


def chat(
    bot: CareerBot, keys: Sequence[str], environ: dict[str, str], *, color: bool = False,
    columns: int = 80, end: str | None = CTRL_D,
) -> Result:
    """Run the chat, typing ``keys[i]`` at the i-th prompt (then ``end``)."""
    watcher = PromptWatcher()
    stdout, stderr = io.StringIO(), io.StringIO()
    env = Environment(stdin=io.StringIO(), stdout=stdout, stderr=stderr, environ=environ)
    script = [*keys, *([end] if end is not None else [])]
    with create_pipe_input() as pipe:
        if color:
            vt100 = WatchedVt100(stdout, lambda: Size(rows=40, columns=columns), term="xterm-256color", enable_cpr=False)
            vt100.watcher = watcher
            output: DummyOutput | Vt100_Output = vt100
        else:
            output = WatchedOutput(watcher, columns)

        def typist() -> None:
            for i, text in enumerate(script):
                if not watcher.wait_for(i + 1):
                    pipe.close()  # EOF: the chat ends and the assertions show what happened
                    return
                pipe.send_text(text)

        thread = threading.Thread(target=typist, daemon=True)
        thread.start()
        code = run_chat(bot, env, color=color, input=pipe, output=output, session_id=f"test-{id(watcher)}")
        thread.join(WAIT)
    return Result(code, stdout.getvalue(), stderr.getvalue(), watcher.prompts)


@pytest.fixture
def environ(tmp_path: Path) -> dict[str, str]:
    return {"XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path / "home")}


def answers(out: str) -> list[str]:
    """The printed blocks, split on blank lines."""
    return [b for b in re.split(r"\n\s*\n", out) if b.strip()]


# -- history ---------------------------------------------------------------------------------


def test_history_is_written_to_xdg_data_home(bot: CareerBot, environ: dict[str, str], tmp_path: Path) -> None:
    result = chat(bot, ["what does a data engineer do?\r", "/roles\r"], environ)
    assert result.code == 0
    history = tmp_path / "data" / "careerbot" / "history"
    text = history.read_text(encoding="utf-8")
    assert "+what does a data engineer do?" in text and "+/roles" in text


def test_history_falls_back_to_home(bot: CareerBot, tmp_path: Path) -> None:
    environ = {"HOME": str(tmp_path / "home")}
    assert chat(bot, ["hello\r"], environ).code == 0
    assert "+hello" in (tmp_path / "home" / ".local" / "share" / "careerbot" / "history").read_text("utf-8")


def test_history_path_rules(tmp_path: Path) -> None:
    assert history_path({"XDG_DATA_HOME": "/x", "HOME": "/h"}) == Path("/x/careerbot/history")
    assert history_path({"XDG_DATA_HOME": "relative", "HOME": "/h"}) == Path("/h/.local/share/careerbot/history")
    assert history_path({}) is None


def test_unwritable_history_is_a_notice_not_a_crash(bot: CareerBot, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    result = chat(bot, ["what tools does a data engineer use?\r"], {"XDG_DATA_HOME": str(blocker)})
    assert result.code == 0
    notice = [line for line in result.out.splitlines() if line.startswith("History is not saved")]
    assert len(notice) == 1 and str(blocker) in notice[0]
    assert "Airflow" in result.out and "Traceback" not in result.out + result.err


def test_no_home_at_all_still_chats(bot: CareerBot) -> None:
    history, notice = open_history({})
    assert notice is not None and list(history.load_history_strings()) == []
    result = chat(bot, ["/topics\r"], {})
    assert result.code == 0 and "History is not saved" in result.out and "Tools" in result.out


def test_up_arrow_recalls_the_previous_question(bot: CareerBot, environ: dict[str, str]) -> None:
    result = chat(bot, ["what does a data engineer do?\r", UP + ENTER], environ)
    assert result.code == 0
    overviews = [b for b in answers(result.out) if b.startswith("Data Engineer: Overview")]
    assert len(overviews) == 2


def test_history_survives_a_restart_and_ctrl_r_searches_it(bot: CareerBot, environ: dict[str, str]) -> None:
    chat(bot, ["how do I become an ML research engineer?\r", "hello\r"], environ)
    # A new chat: Ctrl-R finds the earlier question by a word in its middle.
    result = chat(bot, [CTRL_R + "become" + ENTER + ENTER], environ)
    assert "Machine Learning Research Engineer: How to get started" in result.out


# -- conversation ----------------------------------------------------------------------------


def test_follow_up_keeps_the_role(bot: CareerBot, environ: dict[str, str]) -> None:
    result = chat(bot, ["what does a data engineer do?\r", "what tools do they use?\r"], environ)
    blocks = answers(result.out)
    tools = next(b for b in blocks if b.startswith("Data Engineer: Tools"))
    assert "Airflow" in tools or "Spark" in tools


def test_reset_forgets_the_role(bot: CareerBot, environ: dict[str, str]) -> None:
    result = chat(bot, ["what does a data engineer do?\r", "/reset\r", "what tools do they use?\r"], environ)
    assert "Conversation forgotten" in result.out
    after = result.out.split("Conversation forgotten", 1)[1]
    assert "Data Engineer: Tools" not in after
    assert "Which role do you mean?" in after  # asks instead of guessing


def test_json_toggle_prints_reply_dicts(bot: CareerBot, environ: dict[str, str]) -> None:
    result = chat(bot, ["/json\r", "data engineer salary\r", "/json off\r", "hello\r"], environ)
    lines = [line for line in result.out.splitlines() if line.startswith("{")]
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data["roles"] == ["data_engineer"] and data["topic"] == "salary"
    assert data == json.loads(json.dumps(bot.ask("data engineer salary", session_id="json-check").to_dict()))
    assert "JSON off" in result.out and "Hello" in result.out.split("JSON off", 1)[1]


def test_comparison_is_a_table_that_fits(bot: CareerBot, environ: dict[str, str]) -> None:
    result = chat(bot, ["compare data engineers and ML engineers\r"], environ, columns=40)
    lines = result.out.splitlines()
    assert max(len(line) for line in lines) <= 40
    rows = [line for line in lines if "\u2502" in line]
    assert rows and len({line.index("\u2502") for line in rows}) == 1  # one aligned column border


def test_fallback_shows_suggestions(bot: CareerBot, environ: dict[str, str]) -> None:
    result = chat(bot, ["tell me about plumbers\r"], environ)
    assert "You could ask:" in result.out and "- What tools does a Data Engineer use?" in result.out


# -- commands --------------------------------------------------------------------------------


def test_help_says_how_to_leave(bot: CareerBot, environ: dict[str, str]) -> None:
    result = chat(bot, ["/help\r"], environ)
    assert "To leave: type /quit or /exit, or press Ctrl-D." in result.out
    assert "What does a data engineer do?" in result.out
    for name in COMMANDS:
        assert name in result.out


def test_roles_topics_sources(bot: CareerBot, environ: dict[str, str]) -> None:
    result = chat(bot, ["/roles\r", "/topics\r", "/sources\r"], environ)
    for role in bot.knowledge.roles.values():
        assert role.name in result.out
    for source in bot.knowledge.sources.values():
        assert source.title in result.out.replace("\n  ", " ")
        assert (source.date or "no date") in result.out
    assert "How to get started:" in result.out


def test_unknown_command_gets_a_hint(bot: CareerBot, environ: dict[str, str]) -> None:
    result = chat(bot, ["/hepl\r", "/frobnicate\r"], environ)
    assert "Unknown command /hepl. Did you mean /help?" in result.out
    assert "Unknown command /frobnicate. Type /help" in result.out


@pytest.mark.parametrize("leave", ["/quit\r", "/exit\r", "/QUIT\r"])
def test_quit_commands_leave_with_status_0(bot: CareerBot, environ: dict[str, str], leave: str) -> None:
    result = chat(bot, ["hello\r", leave], environ, end=None)
    assert result.code == 0 and result.out.rstrip().endswith("Goodbye!") and result.prompts == 2


@pytest.mark.parametrize("leave", ["bye\r", "quit\r", "Goodbye!\r", "exit\r"])
def test_saying_bye_leaves(bot: CareerBot, environ: dict[str, str], leave: str) -> None:
    """Typing bye or quit leaves, as Ctrl-D does (it used to say goodbye and stay)."""
    result = chat(bot, ["hello\r", leave], environ, end=None)
    assert result.code == 0 and result.prompts == 2
    assert "(Type /quit" not in result.out


def test_help_mentions_the_advisor(bot: CareerBot, environ: dict[str, str]) -> None:
    out = chat(bot, ["/help\r"], environ).out
    flat = " ".join(out.split())
    for words in ("recommendations", "skill gaps", "learning path", "job postings", "internships"):
        assert words in flat, words


def test_tab_offers_canonical_names_once(bot: CareerBot) -> None:
    completer = ChatCompleter.for_knowledge(bot.knowledge)
    offered = complete(completer, "mach")
    names = {r.name.lower() for r in bot.knowledge.roles.values()}
    assert set(offered) <= names and len(offered) == 3  # not 11 spellings of three roles
    assert set(complete(completer, "data eng")) == {"data engineer"}
    assert set(complete(completer, "MLE")) <= names


def test_ctrl_c_clears_the_line_and_continues(bot: CareerBot, environ: dict[str, str]) -> None:
    result = chat(bot, ["what does a data engineer" + CTRL_C, "hello\r"], environ)
    assert result.code == 0 and result.prompts == 3
    assert "Data Engineer: Overview" not in result.out and "Hello!" in result.out


def test_ctrl_d_exits_0_without_traceback(bot: CareerBot, environ: dict[str, str]) -> None:
    result = chat(bot, [], environ)
    assert result.code == 0 and "Traceback" not in result.out + result.err
    assert "careerbot" in result.out and "/help" in result.out and "Ctrl-D" in result.out  # the banner


# -- colour ----------------------------------------------------------------------------------


def test_color_output_is_styled_and_plain_output_is_not(bot: CareerBot, environ: dict[str, str]) -> None:
    styled = chat(bot, ["what tools does a data engineer use?\r"], environ, color=True)
    assert "\x1b[" in styled.out and "Airflow" in styled.out
    plain = chat(bot, ["what tools does a data engineer use?\r"], environ)
    assert "\x1b" not in plain.out and "Airflow" in plain.out


@pytest.mark.parametrize(("argv", "environ", "color"), [
    ([], {}, True), (["--no-color"], {}, False), ([], {"NO_COLOR": "1"}, False), ([], {"NO_COLOR": ""}, True),
])
def test_cli_decides_color(monkeypatch: pytest.MonkeyPatch, argv: list[str], environ: dict[str, str],
                           color: bool) -> None:
    seen: dict[str, bool] = {}

    def fake_run_chat(bot: CareerBot, env: Environment, *, color: bool = True) -> int:
        seen["color"] = color
        return 0

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("careerbot.ui.chat.run_chat", fake_run_chat)
    env = Environment(stdin=Tty(), stdout=Tty(), stderr=io.StringIO(), environ=environ)
    assert main(argv, env) == 0 and seen == {"color": color}


def test_cli_redirected_output_uses_plain_mode() -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    stdin = Tty("what tools does a data engineer use?\n")
    out = io.StringIO()
    env = Environment(stdin=stdin, stdout=out, stderr=io.StringIO(), environ={})
    assert main([], env) == 0 and "Airflow" in out.getvalue() and "\x1b" not in out.getvalue()


# -- completion ------------------------------------------------------------------------------


def complete(completer: ChatCompleter, text: str) -> dict[str, str]:
    event = CompleteEvent(text_inserted=True)
    return {c.text: c.display_meta_text for c in completer.get_completions(Document(text), event)}


def test_completion_of_commands_roles_and_topics(bot: CareerBot) -> None:
    completer = ChatCompleter.for_knowledge(bot.knowledge)
    commands = complete(completer, "/")
    assert set(commands) == set(COMMANDS) and commands["/json"] == COMMANDS["/json"]
    assert set(complete(completer, "/re")) == {"/reset"}
    roles = complete(completer, "what does a machine le")
    assert roles["machine learning engineer"] == "Machine Learning Engineer"
    assert "machine learning research engineer" in roles
    assert complete(completer, "what tools does a data eng").get("data engineer") == "Data Engineer"
    assert complete(completer, "ML eng") == {"machine learning engineer": "Machine Learning Engineer"}  # alias -> name
    assert "salary" in complete(completer, "data engineer sal")
    assert complete(completer, "data engineer ") == {}  # nothing offered after a space


def test_completion_replaces_the_typed_words(bot: CareerBot) -> None:
    completer = ChatCompleter.for_knowledge(bot.knowledge)
    doc = Document("tell me about machine learning res")
    found = {c.text: c for c in completer.get_completions(doc, CompleteEvent(text_inserted=True))}
    completion = found["machine learning research engineer"]
    assert doc.text[: len(doc.text) + completion.start_position] == "tell me about "


# -- a real process in a pseudo-terminal ------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
def test_real_terminal_session(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    env = {**os.environ, "HOME": str(tmp_path), "PYTHONPATH": str(ROOT / "src"), "TERM": "xterm", "NO_COLOR": "1"}
    env.pop("XDG_DATA_HOME", None)
    child = pexpect.spawn(sys.executable, ["-m", "careerbot"], env=env, dimensions=(40, 40), encoding="utf-8",
                          timeout=WAIT)
    child.expect("you> ")
    child.send("what tools does a data engineer use?\r")
    child.expect("Airflow")
    child.expect("you> ")
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0 and "Traceback" not in (child.before or "")
    assert (tmp_path / ".local" / "share" / "careerbot" / "history").exists()


def test_piped_process_still_plain() -> None:
    proc = subprocess.run([sys.executable, "-m", "careerbot"], input="what does a data engineer do?\n",
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert proc.returncode == 0 and "Data Engineer: Overview" in proc.stdout and "\x1b" not in proc.stdout


@pytest.mark.parametrize("columns", [40, 120])
def test_toolbar_fits_and_keeps_how_to_leave(bot: CareerBot, columns: int) -> None:
    from careerbot.ui.chat import _Chat, _Screen

    screen = _Screen(WatchedOutput(PromptWatcher(), columns), Environment(environ={}), color=False, unicode=True)
    chat_ = _Chat(bot, screen, session=None, session_id="toolbar")  # type: ignore[arg-type]
    for json_on in (False, True):
        chat_.json = json_on
        text = "".join(fragment[1] for fragment in chat_.toolbar())
        assert len(text) <= columns and "Ctrl-D quit" in text and "/help" in text
        assert ("JSON on" in text) == json_on
