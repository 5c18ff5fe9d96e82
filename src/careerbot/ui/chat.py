"""The interactive terminal chat (prompt_toolkit).

:func:`run_chat` runs a :class:`~prompt_toolkit.PromptSession` with persistent history
(``$XDG_DATA_HOME/careerbot/history`` or ``~/.local/share/careerbot/history``, see
:mod:`careerbot.ui.chat_history`), Ctrl-R search, suggestions from history, completion of
role names, topic words and slash commands (:mod:`careerbot.ui.chat_completion`), and answers
laid out by :mod:`careerbot.ui.termrender`. Ctrl-C clears the line; Ctrl-D, ``/quit`` or
``/exit`` leave with status 0.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from prompt_toolkit import PromptSession, print_formatted_text
from prompt_toolkit.auto_suggest import AutoSuggestFromHistory
from prompt_toolkit.formatted_text import FormattedText, StyleAndTextTuples
from prompt_toolkit.input import Input, create_input
from prompt_toolkit.output import ColorDepth, Output, create_output

from .. import __version__
from ..data.knowledge import TOPIC_TITLES
from ..skills.wording import topic_question
from .chat_completion import COMMANDS, TOPIC_WORDS, ChatCompleter
from .chat_history import _SafeFileHistory, history_path, open_history
from .termrender import STYLE, Doc, render_reply

if TYPE_CHECKING:
    from ..bot import CareerBot
    from ..reply import Reply
    from .cli import Environment

__all__ = [
    "COMMANDS",
    "EXAMPLES",
    "TOPIC_WORDS",
    "ChatCompleter",
    "history_path",
    "open_history",
    "run_chat",
]

_QUIT = frozenset({"/quit", "/exit"})

#: Example questions for the banner and /help (the second is a follow-up).
EXAMPLES: tuple[str, ...] = (
    "What does a data engineer do?",
    "What tools do they use?",
    "Machine learning engineer vs data science engineer",
)

_SESSION_ID = "chat"
_PROMPT: StyleAndTextTuples = [("class:prompt", "you> ")]
_DEFAULT_WIDTH = 80


# -- the chat --------------------------------------------------------------------------------


@dataclass
class _Screen:
    """Where chat text goes: styled through prompt_toolkit, or plain to ``stdout``."""

    output: Output
    env: Environment
    color: bool
    unicode: bool

    @property
    def width(self) -> int:
        try:
            columns = int(self.output.get_size().columns)
        except (OSError, ValueError):
            columns = 0
        return columns if columns > 0 else _DEFAULT_WIDTH

    def doc(self) -> Doc:
        return Doc(self.width, unicode=self.unicode)

    def show(self, text: FormattedText | Doc | str, style: str = "") -> None:
        if isinstance(text, Doc):
            fragments: StyleAndTextTuples = list(text.formatted())
        elif isinstance(text, str):
            fragments = [(style, text)]
        else:
            fragments = list(text)
        if self.color:
            print_formatted_text(
                FormattedText(fragments), style=STYLE, output=self.output,
                include_default_pygments_style=False,
            )
        else:
            self.env.stdout.write("".join(t for _, t, *_ in fragments) + "\n")
            self.env.stdout.flush()


class _Chat:
    """One chat: the session, the screen and the /json switch."""

    def __init__(self, bot: CareerBot, screen: _Screen, session: PromptSession[str], session_id: str) -> None:
        self.bot = bot
        self.screen = screen
        self.session = session
        self.session_id = session_id
        self.json = False

    # -- loop ------------------------------------------------------------------------------

    def run(self) -> int:
        while True:
            try:
                text = self.session.prompt(_PROMPT)
            except KeyboardInterrupt:
                continue
            except EOFError:
                break
            text = text.strip()
            if not text:
                continue
            if text.startswith("/") or text == "?":
                if not self.command(text):
                    break
                continue
            reply = self.answer(text)
            if reply is not None and reply.intent == "goodbye":
                return 0  # "bye", "quit": the answer said goodbye; leave, as Ctrl-D does
        self.screen.show("Goodbye!", "class:meta")
        return 0

    def answer(self, text: str) -> Reply | None:
        try:
            reply = self.bot.ask(text, session_id=self.session_id)
        except KeyboardInterrupt:
            self.screen.show("(interrupted)", "class:meta")
            return None
        except Exception as exc:  # the chat keeps going whatever happens inside the bot
            self.screen.show(f"Sorry, something went wrong: {type(exc).__name__}: {exc}", "class:error")
            return None
        self.show_reply(reply)
        return reply

    def show_reply(self, reply: Reply) -> None:
        if self.json:
            self.screen.show(json.dumps(reply.to_dict(), ensure_ascii=False))
        else:
            self.screen.show(render_reply(reply, self.screen.width, unicode=self.screen.unicode))
        self.screen.show("")

    # -- commands --------------------------------------------------------------------------

    def command(self, text: str) -> bool:
        """Run a slash command; ``False`` means leave."""
        name, _, arg = text.partition(" ")
        name = "/help" if name == "?" else name.lower()
        arg = arg.strip().lower()
        if name in _QUIT:
            return False
        handlers = {
            "/help": self.cmd_help,
            "/roles": self.cmd_roles,
            "/topics": self.cmd_topics,
            "/sources": self.cmd_sources,
            "/reset": self.cmd_reset,
        }
        if name == "/json":
            self.cmd_json(arg)
        elif name in handlers:
            handlers[name]()
        else:
            self.cmd_unknown(name)
        self.screen.show("")
        return True

    def cmd_help(self) -> None:
        kb = self.bot.knowledge
        doc = self.screen.doc()
        doc.heading("What to ask", "class:title")
        doc.paragraph(
            f"Questions about {len(kb.roles)} careers: "
            + ", ".join(r.name for r in kb.roles.values())
            + ". Ask what they do, their responsibilities, skills, education, tools, industries, "
            "job outlook, how to get started, who they work with, typical projects, salaries in "
            "featured job postings, or compare two to five roles. careerbot also advises: which role fits "
            "your interests (recommendations), what you still need for a role (skill gaps), a step-by-step "
            "learning path, and the featured job postings (internships, places, pay)."
        )
        doc.blank()
        doc.heading("Examples")
        for example in (*EXAMPLES, "How much does a data science engineer earn?", "and ML research engineers?",
                        "I love maths and research papers, which role fits me?",
                        "I know Python and SQL, what do I need to become an ML engineer?",
                        "Roadmap to become a data engineer", "Any internships?"):
            doc.bullet([("class:example", example)])
        doc.paragraph("Follow-ups keep the role and topic of the previous question.", "class:meta")
        doc.blank()
        doc.heading("Commands")
        width = max(len(name) for name in COMMANDS) + 2
        for name, description in COMMANDS.items():
            doc.add([("class:text", description)], indent="  " + name.ljust(width), subsequent=" " * (width + 2),
                    indent_style="class:command")
        doc.blank()
        doc.heading("Keys")
        doc.bullet("Tab: complete role names, topics and commands")
        doc.bullet("Up/Down: previous questions; Ctrl-R: search them; Right arrow: accept the grey suggestion")
        doc.bullet("Ctrl-C: clear the line")
        doc.blank()
        doc.add([("class:heading", "To leave:"), ("class:text", " type /quit or /exit, or press Ctrl-D.")])
        doc.paragraph("Saying bye or quit leaves too.", "class:meta")
        self.screen.show(doc)

    def cmd_roles(self) -> None:
        kb = self.bot.knowledge
        doc = self.screen.doc()
        doc.heading(f"careerbot knows {len(kb.roles)} roles:", "class:title")
        for role in kb.roles.values():
            doc.bullet([("class:label", role.name + ":"), ("class:text", role.summary)])
            names = {role.name.casefold(), role.plural.casefold()}
            aliases = [a for a in role.aliases if a.casefold() not in names and not a.endswith("s")]
            if aliases:
                doc.add([("class:meta", "also: " + ", ".join(aliases[:5]))], indent="  ", subsequent="    ")
        self.screen.show(doc)

    def cmd_topics(self) -> None:
        roles = list(self.bot.knowledge.roles.values())
        doc = self.screen.doc()
        doc.heading("Topics you can ask about (with an example):", "class:title")
        for i, (topic, title) in enumerate(TOPIC_TITLES.items()):
            example = topic_question(topic, roles[i % len(roles)]) if roles else ""
            doc.bullet([("class:label", title + ":"), ("class:example", example)])
        doc.paragraph("Name two or more roles in one question to compare them.", "class:meta")
        self.screen.show(doc)

    def cmd_sources(self) -> None:
        kb = self.bot.knowledge
        doc = self.screen.doc()
        doc.heading(f"All answers come from these {len(kb.sources)} articles:", "class:title")
        for source in kb.sources.values():
            date = source.date or "no date"
            doc.bullet([("class:text", source.title), ("class:meta", f"({date})")])
        self.screen.show(doc)

    def cmd_reset(self) -> None:
        self.bot.reset(self.session_id)
        self.screen.show("Conversation forgotten: the next question starts afresh.", "class:notice")

    def cmd_json(self, arg: str) -> None:
        if arg in {"on", "off"}:
            self.json = arg == "on"
        elif arg:
            self.screen.show("Use /json, /json on or /json off.", "class:notice")
            return
        else:
            self.json = not self.json
        if self.json:
            self.screen.show("JSON on: replies are printed as Reply.to_dict() JSON. /json turns it off.",
                             "class:notice")
        else:
            self.screen.show("JSON off: replies are shown as text.", "class:notice")

    def cmd_unknown(self, name: str) -> None:
        close = difflib.get_close_matches(name, list(COMMANDS), n=1, cutoff=0.5)
        hint = f" Did you mean {close[0]}?" if close else ""
        self.screen.show(f"Unknown command {name}.{hint} Type /help to see the commands.", "class:notice")

    # -- banner ----------------------------------------------------------------------------

    def banner(self) -> None:
        kb = self.bot.knowledge
        doc = self.screen.doc()
        doc.add([("class:title", f"careerbot {__version__}"),
                 ("class:text", " - answers about data and machine-learning careers")])
        doc.paragraph(
            "I know " + ", ".join(r.name for r in kb.roles.values())
            + f": what they do, skills, education, tools, outlook and salaries, from {len(kb.sources)} articles."
        )
        doc.blank()
        doc.heading("Try:")
        for example in EXAMPLES:
            doc.bullet([("class:example", example)])
        doc.blank()
        doc.add([("class:command", "/help"), ("class:text", " for help and commands, "),
                 ("class:command", "Tab"), ("class:text", " to complete, "),
                 ("class:command", "Ctrl-D"), ("class:text", " or "), ("class:command", "/quit"),
                 ("class:text", " to leave.")])
        self.screen.show(doc)
        self.screen.show("")

    def toolbar(self) -> StyleAndTextTuples:
        """Key hints under the prompt; the least useful go first when the terminal is narrow."""
        items = [("/help", "help"), ("Ctrl-D", "quit"), ("Ctrl-R", "search"), ("Tab", "complete")]
        if self.json:
            items.append(("JSON", "on"))
        width = self.screen.width
        for droppable in ("Tab", "Ctrl-R"):
            if sum(len(k) + len(v) + 3 for k, v in items) < width:
                break
            items = [item for item in items if item[0] != droppable]
        parts: StyleAndTextTuples = []
        for key, what in items:
            parts += [("class:bottom-toolbar.key", " " + key), ("class:bottom-toolbar", f" {what} ")]
        return parts


def _wants_unicode(env: Environment) -> bool:
    encoding = getattr(env.stdout, "encoding", None) or "utf-8"
    try:
        "\u2502\u2500\u253c".encode(encoding)
    except (UnicodeError, LookupError):
        return False
    return True


def run_chat(
    bot: CareerBot,
    env: Environment,
    *,
    color: bool = True,
    input: Input | None = None,
    output: Output | None = None,
    session_id: str = _SESSION_ID,
) -> int:
    """Chat until Ctrl-D, ``/quit`` or ``/exit``; returns the exit status (0).

    ``color`` styles the output (the caller decides, from ``NO_COLOR``, ``--no-color`` and
    whether stdout is a terminal); without it, text is written plainly to ``env.stdout``.
    ``input``/``output`` default to terminals on ``env.stdin``/``env.stdout``; tests pass
    a pipe input and a dummy output. The history location comes from ``env.environ``.
    """
    out = output if output is not None else create_output(stdout=env.stdout)
    inp = input if input is not None else create_input(stdin=env.stdin)
    screen = _Screen(output=out, env=env, color=color, unicode=_wants_unicode(env))
    history, notice = open_history(env.environ)
    session: PromptSession[str] = PromptSession(
        input=inp,
        output=out,
        history=history,
        auto_suggest=AutoSuggestFromHistory(),
        completer=ChatCompleter.for_knowledge(bot.knowledge),
        complete_while_typing=True,
        enable_history_search=False,
        style=STYLE,
        include_default_pygments_style=False,
        color_depth=None if color else ColorDepth.MONOCHROME,
        reserve_space_for_menu=6,
    )
    chat = _Chat(bot, screen, session, session_id)
    session.bottom_toolbar = chat.toolbar
    chat.banner()
    if notice:
        screen.show(notice, "class:notice")
        screen.show("")
    try:
        return chat.run()
    finally:
        if isinstance(history, _SafeFileHistory) and history.failed:
            env.stderr.write("careerbot: could not write the chat history file.\n")
