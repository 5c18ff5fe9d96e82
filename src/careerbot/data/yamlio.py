"""Reading YAML data files: the only module that touches the file system.

Parsing is ``yaml.safe_load``-level (a :class:`yaml.SafeLoader` subclass) with three
additions: every mapping and list remembers the line it starts on (so shape problems
can be reported as ``path:line: message``), duplicate keys are reported, and YAML
aliases are refused, so an alias bomb can never expand.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "MAX_FILE_BYTES",
    "DataError",
    "Document",
    "LineDict",
    "LineList",
    "Problem",
    "bundled_dir",
    "iter_yaml_files",
    "line_of",
    "parse_yaml",
    "read_yaml_file",
    "scan_yaml_files",
]

#: Data files larger than this are refused (the shipped ones are a few kB).
MAX_FILE_BYTES = 2_000_000


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a data file, printed as ``path:line: message``."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class DataError(ValueError):
    """Raised when data files are broken; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class LineDict(dict[str, Any]):
    """A mapping from YAML that remembers its 1-based starting line and each key's line."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of_key(self, key: str) -> int:
        """The line ``key`` is written on (the mapping's line if unknown)."""
        lines: dict[str, int] = getattr(self, "key_lines", None) or {}
        return lines.get(key, self.line)


class LineList(list[Any]):
    """A list from YAML that remembers its 1-based starting line."""

    line: int = 0


def line_of(value: object, default: int = 1) -> int:
    """The line a parsed mapping or list started on, else ``default``."""
    return getattr(value, "line", 0) or default


@dataclass(frozen=True)
class Document:
    """A parsed YAML file: its data (``None`` when unusable) and the problems found."""

    path: str
    data: Any
    problems: tuple[Problem, ...] = ()


_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR_TAG = "tag:yaml.org,2002:str"


class _LineLoader(_BaseLoader):  # type: ignore[misc]
    """Safe loader (libyaml when available) that records line numbers and refuses aliases."""

    def __init__(self, stream: str, path: str) -> None:
        super().__init__(stream)
        self.path = path
        self.problems: list[Problem] = []

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # A node reached a second time is an alias (*name): refuse it, so nothing can expand.
        if node in self.constructed_objects or node in self.recursive_objects:
            raise yaml.constructor.ConstructorError(
                None, None, "YAML aliases (*name) are not allowed in careerbot data files",
                node.start_mark,
            )
        if type(node) is yaml.ScalarNode and node.tag == _STR_TAG:
            # Fast path for plain strings (most of the data): what construct_yaml_str returns.
            self.constructed_objects[node] = node.value
            return node.value
        return super().construct_object(node, deep=deep)

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        # What BaseResolver.resolve does for scalars (no path resolvers are registered), inline:
        # a quoted or block scalar is a string; a plain one is tried against the implicit types.
        if kind is yaml.ScalarNode:
            if not implicit[0]:
                return _STR_TAG
            for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                if regexp.match(value):
                    return tag
            return _STR_TAG
        return super().resolve(kind, value, implicit)

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """No path resolvers are registered: nothing to track."""

    def ascend_resolver(self) -> None:
        """No path resolvers are registered: nothing to track."""

    def construct_line_mapping(self, node: yaml.MappingNode) -> LineDict:
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                self.problems.append(
                    Problem(self.path, key_node.start_mark.line + 1, f"duplicate key {key!r}")
                )
            result[key] = self.construct_object(value_node, deep=True)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result

    def construct_line_sequence(self, node: yaml.SequenceNode) -> LineList:
        result = LineList(self.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        return result


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_line_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_line_sequence)


def parse_yaml(text: str, path: str = "<string>") -> Document:
    """Parse YAML ``text`` (named ``path`` in problems). Never raises for bad input."""
    if not text.strip():
        return Document(path, None, (Problem(path, 1, "file is empty"),))
    if "\x00" in text:
        return Document(path, None, (Problem(path, 1, "file is binary (contains NUL bytes)"),))
    loader = _LineLoader(text, path)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        reason = exc.problem or exc.context or "invalid YAML"
        if not isinstance(exc, yaml.constructor.ConstructorError):
            reason = f"YAML syntax error: {reason}"
        return Document(path, None, (Problem(path, line, reason),))
    except yaml.reader.ReaderError as exc:
        return Document(path, None, (_reader_problem(text, path, exc),))
    except yaml.YAMLError as exc:
        message = " ".join(str(exc).split())
        return Document(path, None, (Problem(path, 1, f"YAML error: {message}"),))
    except RecursionError:
        return Document(path, None, (Problem(path, 1, "YAML nesting is too deep"),))
    finally:
        loader.dispose()
    if data is None:
        return Document(path, None, (Problem(path, 1, "file has no data (only comments?)"),))
    return Document(path, data, tuple(loader.problems))


def _reader_problem(text: str, path: str, exc: yaml.reader.ReaderError) -> Problem:
    """A character YAML refuses (a control byte): the line it is on, in one line."""
    char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
    index = text.find(char)
    line = text.count("\n", 0, index) + 1 if index >= 0 else 1
    return Problem(path, line, f"file contains the control character #x{ord(char[:1] or ' '):04x}, "
                               "which YAML does not allow (remove it or write it as an escape)")


def read_yaml_file(path: Path) -> Document:
    """Read and parse one YAML file, turning every I/O or encoding issue into a problem."""
    name = str(path)
    problem = _not_a_data_file(path)
    if problem is not None:
        return Document(name, None, (problem,))
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Document(name, None, (Problem(name, 1, f"file is too large ({size} bytes)"),))
        raw = path.read_bytes()
    except OSError as exc:
        return Document(name, None, (Problem(name, 1, f"cannot read file: {exc.strerror}"),))
    if b"\x00" in raw:
        return Document(name, None, (Problem(name, 1, "file is binary (contains NUL bytes)"),))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return Document(name, None, (Problem(name, line, "file is not UTF-8 text"),))
    return parse_yaml(text, name)


YAML_SUFFIXES = frozenset({".yaml", ".yml"})


def scan_yaml_files(directory: Path) -> tuple[list[Path], list[Problem]]:
    """The regular ``*.yaml``/``*.yml`` files under ``directory`` (stable order), and problems.

    Nothing named like a data file is skipped silently: a folder that cannot be read, a
    symlink loop, a dangling symlink, a folder named ``x.yaml`` and a FIFO, socket or device
    are each reported. Symlinked folders are followed; one that leads back to a folder already
    read (a loop) is reported and not read again.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    seen = {os.path.realpath(directory)}

    def unreadable(exc: OSError) -> None:
        where = exc.filename if exc.filename is not None else directory
        problems.append(Problem(str(where), 1, f"cannot read directory: {exc.strerror or exc}"))

    for root, dirs, names in os.walk(directory, onerror=unreadable, followlinks=True):
        dirs.sort()
        for sub in list(dirs):
            path = Path(root) / sub
            real = os.path.realpath(path)
            if real in seen:
                dirs.remove(sub)
                if path.is_symlink():
                    problems.append(Problem(str(path), 1, f"symlink loop: the folder link leads back to {real}"))
            seen.add(real)
        for name in sorted({*names, *dirs}):
            path = Path(root) / name
            if path.suffix not in YAML_SUFFIXES:
                continue
            problem = _not_a_data_file(path)
            if problem is None:
                files.append(path)
            else:
                problems.append(problem)
    return sorted(files), problems


def _not_a_data_file(path: Path) -> Problem | None:
    """Why ``path`` (named like a YAML file) cannot be read as one, or ``None`` when it can."""
    name = str(path)
    try:
        info = path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Problem(name, 1, "symlink loop: the link never reaches a file")
        if exc.errno == errno.ENOENT and path.is_symlink():
            target = os.readlink(path)
            return Problem(name, 1, f"dangling symlink: its target {target!r} does not exist")
        return Problem(name, 1, f"cannot read file: {exc.strerror or exc}")
    if stat.S_ISDIR(info.st_mode):
        return Problem(name, 1, "is a folder, not a YAML file (rename it or move the files out)")
    if not stat.S_ISREG(info.st_mode):
        kind = "FIFO" if stat.S_ISFIFO(info.st_mode) else "socket" if stat.S_ISSOCK(info.st_mode) else "device"
        return Problem(name, 1, f"is a {kind}, not a regular file; not read")
    return None


def iter_yaml_files(directory: Path) -> Iterator[Path]:
    """All regular ``*.yaml``/``*.yml`` files under ``directory``, in a stable order.

    Use :func:`scan_yaml_files` to learn about the entries that were left out.
    """
    yield from scan_yaml_files(directory)[0]


def bundled_dir(name: str) -> Path:
    """The shipped ``intents`` or ``knowledge`` directory (inside the wheel or the source tree)."""
    here = Path(__file__).resolve().parent.parent  # the careerbot package
    packaged = here / "_data" / name
    if packaged.is_dir():
        return packaged
    return here.parent.parent / name
