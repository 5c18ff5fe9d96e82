"""Command line: ``careerbot [ask|validate|eval|chat]``. The only module that prints."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING, TextIO

from .. import __version__

if TYPE_CHECKING:
    from ..bot import CareerBot
    from ..reply import Reply

__all__ = ["Environment", "ExitStatus", "main"]


class ExitStatus(IntEnum):
    """Process exit codes."""

    OK = 0
    ERROR = 1
    USAGE = 2


@dataclass
class Environment:
    """Where the CLI reads and writes; tests pass their own."""

    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))

    @property
    def stdin_isatty(self) -> bool:
        try:
            return self.stdin.isatty()
        except (AttributeError, ValueError):
            return False

    @property
    def stdout_isatty(self) -> bool:
        try:
            return self.stdout.isatty()
        except (AttributeError, ValueError):
            return False


COMMANDS = ("ask", "chat", "validate", "serve", "eval")
#: Top-level options that take a value (skipped when looking for the command word).
_VALUE_OPTIONS = frozenset({"--knowledge", "--intents"})


def _fraction(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= number <= 1.0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"must be between 0 and 1 (an accuracy such as 0.9): {value}")
    return number


def _with_ask(argv: list[str]) -> list[str]:
    """``careerbot "what does a DE do"`` means ``careerbot ask "what does a DE do"``.

    A first word that is no command and not close to one is taken as the question; a near miss
    (``careerbot serv``) is left to argparse, which names the commands.
    """
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            return argv
        if arg.startswith("-"):
            i += 2 if arg in _VALUE_OPTIONS else 1
            continue
        if arg in COMMANDS:
            return argv
        import difflib

        if " " not in arg.strip() and difflib.get_close_matches(arg, COMMANDS, n=1, cutoff=0.75):
            return argv
        return [*argv[:i], "ask", *argv[i:]]
    return argv


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="careerbot",
        description="Ask about data and machine-learning careers. With no command, starts the chat; "
        'with a question, answers it (careerbot "what does a data engineer do?").',
    )
    parser.add_argument("--version", action="version", version=f"careerbot {__version__}")
    parser.add_argument("--knowledge", metavar="DIR", help="knowledge directory (default: bundled)")
    parser.add_argument("--intents", metavar="DIR", help="intents directory (default: bundled)")
    parser.add_argument("--no-color", action="store_true", help="plain output without styling")
    sub = parser.add_subparsers(dest="command")
    ask = sub.add_parser("ask", help="answer one question and exit")
    ask.add_argument("question", nargs="+", help="the question")
    ask.add_argument("--json", action="store_true", help="print the reply as one JSON object")
    sub.add_parser("chat", help="interactive chat (the default)")
    val = sub.add_parser(
        "validate", help="check knowledge and intents files",
        description="Check knowledge and intents files; print one path:line: message per problem "
        "and exit 1 if there is any.",
    )
    val.add_argument("--knowledge", dest="sub_knowledge", metavar="DIR",
                     help="knowledge directory to check (default: the bundled one)")
    val.add_argument("--intents", dest="sub_intents", metavar="DIR",
                     help="intents directory to check (default: the bundled one)")
    val.add_argument("--articles", metavar="DIR", help="also check every quote against the article texts in DIR")
    srv = sub.add_parser(
        "serve", help="HTTP API and web chat page (uvicorn; needs careerbot[web])",
        description='HTTP API and web chat page on uvicorn. Needs the web extra: pip install "careerbot[web]".',
    )
    srv.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, loopback only)")
    srv.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)")
    srv.add_argument("--workers", type=_positive_int, default=1, metavar="N",
                     help="worker processes (default: 1); they share sessions through --sessions")
    srv.add_argument("--sessions", metavar="URL", default=None,
                     help="where conversations are kept: memory, sqlite:///PATH or redis://HOST:PORT/DB "
                          "(default: sqlite under $XDG_DATA_HOME/careerbot, kept across restarts)")
    srv.add_argument("--allow-host", action="append", default=[], metavar="NAME", dest="allow_hosts",
                     help="a Host name to answer (repeatable; default: loopback names and --host; * for any)")
    ev = sub.add_parser("eval", help="score the bot on a labelled YAML file")
    ev.add_argument("file", help="YAML file of labelled questions and dialogues")
    ev.add_argument("--min", type=_fraction, default=0.0, metavar="ACC",
                    help="fail below this overall accuracy, from 0 to 1 (default: 0)")
    ev.add_argument("--failures", type=int, default=50, metavar="N", help="show at most N failures")
    return parser


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return number


def _dirs(args: argparse.Namespace) -> tuple[str | None, str | None]:
    kdir = getattr(args, "sub_knowledge", None) or args.knowledge
    idir = getattr(args, "sub_intents", None) or args.intents
    return kdir, idir


def _missing_dirs(args: argparse.Namespace, env: Environment) -> bool:
    """Report a --knowledge/--intents directory that does not exist (one clear line each)."""
    kdir, idir = _dirs(args)
    missing = False
    for option, value in (("--knowledge", kdir), ("--intents", idir)):
        if value is not None and not os.path.isdir(value):
            what = "is not a directory" if os.path.exists(value) else "does not exist"
            print(f"careerbot: {option} {value}: {what}", file=env.stderr)
            missing = True
    return missing


def _load_bot(args: argparse.Namespace, env: Environment) -> CareerBot | None:
    from ..bot import CareerBot
    from ..build_cache import default_cache_dir
    from ..data.yamlio import DataError

    if _missing_dirs(args, env):
        return None
    kdir, idir = _dirs(args)
    try:
        return CareerBot(knowledge_dir=kdir, intents_dir=idir, cache_dir=default_cache_dir(env.environ))
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=env.stderr)
        return None


def format_reply(reply: Reply) -> str:
    """Plain-text rendering: the answer, then its sources."""
    lines = [reply.text]
    if reply.sources and not reply.lists_references:
        lines.append("")
        lines.append("Sources: " + "; ".join(reply.sources))
    return "\n".join(lines)


def _cmd_ask(args: argparse.Namespace, env: Environment) -> int:
    bot = _load_bot(args, env)
    if bot is None:
        return ExitStatus.ERROR
    reply = bot.ask(" ".join(args.question), session_id="cli")
    if args.json:
        print(json.dumps(reply.to_dict(), ensure_ascii=False), file=env.stdout)
    else:
        print(format_reply(reply), file=env.stdout)
    return ExitStatus.OK


def _cmd_validate(args: argparse.Namespace, env: Environment) -> int:
    from ..data.validate import check_data

    if _missing_dirs(args, env):
        return ExitStatus.ERROR
    kdir, idir = _dirs(args)
    _, _, problems = check_data(kdir, idir, args.articles)
    for problem in problems:
        print(problem, file=env.stdout)
    if problems:
        print(f"{len(problems)} problem(s) found", file=env.stderr)
        return ExitStatus.ERROR
    checked = f"; every quote found in {args.articles}" if args.articles else ""
    print(f"ok: knowledge and intents are valid{checked}", file=env.stdout)
    return ExitStatus.OK


def _cmd_eval(args: argparse.Namespace, env: Environment) -> int:
    from ..data.yamlio import DataError
    from ..evaluate import evaluate_file, format_report

    bot = _load_bot(args, env)
    if bot is None:
        return ExitStatus.ERROR
    try:
        report = evaluate_file(bot, args.file)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=env.stderr)
        return ExitStatus.ERROR
    print(format_report(report, max_failures=args.failures), file=env.stdout)
    if report.accuracy < args.min:
        print(f"accuracy {report.accuracy:.3f} is below --min {args.min:.3f}", file=env.stderr)
        return ExitStatus.ERROR
    return ExitStatus.OK


def _cmd_serve(args: argparse.Namespace, env: Environment) -> int:
    from ..data.validate import check_data
    from .serve import serve

    if _missing_dirs(args, env):
        return ExitStatus.ERROR
    kdir, idir = _dirs(args)
    _, _, problems = check_data(kdir, idir)  # report broken data once, before any worker starts
    for problem in problems:
        print(problem, file=env.stderr)
    if problems:
        return ExitStatus.ERROR
    sessions = args.sessions
    if sessions is None:
        from ..dialogue.stores import default_sqlite_path

        sessions = f"sqlite://{default_sqlite_path(env.environ)}"
    return serve(host=args.host, port=args.port, workers=args.workers, sessions=sessions,
                 allowed_hosts=args.allow_hosts, knowledge_dir=kdir, intents_dir=idir, env=env)


def _piped_chat(bot: CareerBot, env: Environment) -> int:
    lines = iter(env.stdin)
    for number, line in enumerate(lines, 1):
        text = line.rstrip("\r\n")
        if not text.strip():
            continue
        command = text.strip().casefold()
        if command in ("/quit", "/exit"):
            rest = sum(1 for later in lines if later.strip())
            if rest:
                print(f"careerbot: stopped at {text.strip()} on line {number}; "
                      f"{rest} later line{'s were' if rest != 1 else ' was'} not answered", file=env.stderr)
            break
        if command.startswith("/"):
            print("Slash commands work in the interactive chat; here each line is a question.\n",
                  file=env.stdout)
            continue
        reply = bot.ask(text, session_id="chat")
        print(format_reply(reply), file=env.stdout)
        print(file=env.stdout)
        env.stdout.flush()
    return ExitStatus.OK


def _cmd_chat(args: argparse.Namespace, env: Environment) -> int:
    bot = _load_bot(args, env)
    if bot is None:
        return ExitStatus.ERROR
    if not env.stdin_isatty or not env.stdout_isatty:
        # Piped input or redirected output: plain text, one answer per input line.
        return _piped_chat(bot, env)
    from .chat import run_chat

    # https://no-color.org: any non-empty NO_COLOR turns styling off.
    color = not args.no_color and not env.environ.get("NO_COLOR") and env.stdout_isatty
    return run_chat(bot, env, color=color)


def main(argv: Sequence[str] | None = None, env: Environment | None = None) -> int:
    """Run the command line; returns the exit status."""
    env = env or Environment()
    parser = _parser()
    arguments = _with_ask(list(argv) if argv is not None else sys.argv[1:])
    try:
        args, extra = parser.parse_known_args(arguments)
        if extra:
            # "ask --jsn": the usage of the command, not the top-level one.
            subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
            (subparsers.choices.get(args.command) or parser).error(f"unrecognized arguments: {' '.join(extra)}")
    except SystemExit as exc:  # argparse exits on --help/--version/usage errors
        return int(exc.code) if isinstance(exc.code, int) else ExitStatus.USAGE
    commands = {"ask": _cmd_ask, "validate": _cmd_validate, "eval": _cmd_eval, "chat": _cmd_chat,
                "serve": _cmd_serve, None: _cmd_chat}
    try:
        return int(commands[args.command](args, env))
    except KeyboardInterrupt:
        return ExitStatus.OK
    except BrokenPipeError:
        return ExitStatus.OK
