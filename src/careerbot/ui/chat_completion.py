"""What the chat completes: the slash commands, role names and aliases, and topic words."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType

from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document

from ..data.knowledge import TOPIC_TITLES, KnowledgeBase

__all__ = ["COMMANDS", "TOPIC_WORDS", "ChatCompleter"]

#: Slash commands and the description shown in the completion menu and in /help.
COMMANDS: Mapping[str, str] = MappingProxyType(
    {
        "/help": "what to ask, and how to leave",
        "/roles": "the roles careerbot knows",
        "/topics": "what you can ask about a role",
        "/sources": "the articles the answers come from",
        "/reset": "forget this conversation",
        "/json": "toggle showing replies as JSON",
        "/quit": "leave (Ctrl-D works too)",
        "/exit": "leave (Ctrl-D works too)",
    }
)

#: Topic words offered by completion, with the topic they belong to.
TOPIC_WORDS: tuple[tuple[str, str], ...] = (
    ("responsibilities", "responsibilities"),
    ("skills", "skills"),
    ("education", "education"),
    ("degree", "education"),
    ("tools", "tools"),
    ("industries", "industries"),
    ("job outlook", "outlook"),
    ("get started", "getting_started"),
    ("become", "getting_started"),
    ("roadmap", "getting_started"),
    ("work with", "works_with"),
    ("projects", "projects"),
    ("differences", "differences"),
    ("compare", "differences"),
    ("versus", "differences"),
    ("salary", "salary"),
    ("job postings", "salary"),
    ("internship", "salary"),
)


class ChatCompleter(Completer):
    """Completes slash commands (with descriptions), role names and aliases, and topic words.

    Role names span several words, so the last few words before the cursor are matched
    as a prefix of each phrase ("machine le" -> "machine learning engineer").
    """

    def __init__(self, commands: Mapping[str, str], phrases: Sequence[tuple[str, str] | tuple[str, str, str]],
                 *, min_chars: int = 2) -> None:
        self._commands = dict(commands)
        # (what is typed, what is offered, description): a role's plural or alias completes to its name.
        self._phrases = list(dict.fromkeys(
            (p[0], p[2], p[1]) if len(p) == 3 else (p[0], p[0], p[1]) for p in phrases
        ))
        self._min_chars = min_chars

    @classmethod
    def for_knowledge(cls, kb: KnowledgeBase) -> ChatCompleter:
        """Commands, role names (also found by their plurals and aliases: "ML eng" offers
        "machine learning engineer", once) and :data:`TOPIC_WORDS`."""
        phrases: list[tuple[str, str, str]] = []
        seen: set[str] = set()
        for role in kb.roles.values():
            for phrase in (role.name.lower(), role.plural.lower(), *role.aliases):
                key = phrase.casefold()
                if key not in seen:
                    seen.add(key)
                    phrases.append((phrase, role.name, role.name.lower()))
        for word, topic in TOPIC_WORDS:
            if word.casefold() not in seen:
                seen.add(word.casefold())
                phrases.append((word, "topic: " + TOPIC_TITLES.get(topic, topic).lower(), word))
        return cls(COMMANDS, phrases)

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Iterator[Completion]:
        before = document.text_before_cursor
        stripped = before.lstrip()
        if stripped.startswith("/"):
            if " " in stripped:
                return
            for name, description in self._commands.items():
                if name.startswith(stripped.lower()):
                    yield Completion(name, start_position=-len(stripped), display_meta=description)
            return
        if not before or before[-1].isspace():
            return
        words = list(re.finditer(r"\S+", before))
        if len(words[-1].group()) < self._min_chars and not complete_event.completion_requested:
            return
        offered: set[str] = set()
        for count in range(min(4, len(words)), 0, -1):
            start = words[-count].start()
            key = " ".join(before[start:].split()).casefold()
            for phrase, offer, meta in self._phrases:
                folded = phrase.casefold()
                if folded.startswith(key) and offer.casefold() != key and offer.casefold() not in offered:
                    offered.add(offer.casefold())
                    yield Completion(offer, start_position=start - len(before), display_meta=meta)
