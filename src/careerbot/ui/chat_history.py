"""The chat's persistent history: where it is kept, and a file history that never crashes the chat."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from prompt_toolkit.history import FileHistory, History, InMemoryHistory

__all__ = ["_SafeFileHistory", "history_path", "open_history"]


def history_path(environ: Mapping[str, str]) -> Path | None:
    """``$XDG_DATA_HOME/careerbot/history``, else ``$HOME/.local/share/careerbot/history``.

    A relative ``XDG_DATA_HOME`` is ignored, as the XDG spec asks; ``None`` without ``HOME``.
    """
    xdg = environ.get("XDG_DATA_HOME", "")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "careerbot" / "history"
    home = environ.get("HOME", "")
    if home:
        return Path(home) / ".local" / "share" / "careerbot" / "history"
    return None


class _SafeFileHistory(FileHistory):
    """A :class:`FileHistory` that stops writing (instead of crashing) when the file fails."""

    def __init__(self, filename: str) -> None:
        super().__init__(filename)
        self.failed = False

    def load_history_strings(self) -> Iterable[str]:
        try:
            return list(super().load_history_strings())
        except (OSError, UnicodeError):
            return []

    def store_string(self, string: str) -> None:
        if self.failed:
            return
        try:
            super().store_string(string)
        except OSError:
            self.failed = True


def open_history(environ: Mapping[str, str]) -> tuple[History, str | None]:
    """The chat history, and a one-line notice when it cannot be kept on disk."""
    path = history_path(environ)
    if path is None:
        return InMemoryHistory(), "History is not saved: neither XDG_DATA_HOME nor HOME is set."
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8"):
            pass
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return InMemoryHistory(), f"History is not saved: cannot write {path} ({reason})."
    return _SafeFileHistory(str(path)), None
