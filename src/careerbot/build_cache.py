"""The built bot kept on disk, so a one-off ``careerbot ask`` starts without re-reading the YAML.

Building a :class:`~careerbot.CareerBot` reads and checks every data file and builds the intent
matcher, the spellers and the point index: most of a one-off command's time. The command line
keeps what it built in a cache directory (``$XDG_CACHE_HOME/careerbot``) and reads it back when
nothing it was built from has changed: the bytes of every data file, the thresholds, the
careerbot source files (path, size, modification time) and the Python, careerbot and rapidfuzz
versions all go into the file's name.

The file is a pickle written by this user: it is read only when its owner is the current user
and no one else may write to it or its directory, and any file that cannot be read is rebuilt.
Embedding apps build once per process and pass no ``cache_dir``, so nothing is written for them.
"""

from __future__ import annotations

import copyreg
import hashlib
import io
import os
import pickle
import stat
import sys
import tempfile
import types
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from . import __version__

__all__ = ["BuildCache", "default_cache_dir"]

_PREFIX = "bot-"
_SUFFIX = ".pickle"
#: Cached builds kept per directory (each data directory or threshold setting has its own).
KEEP = 6


def default_cache_dir(environ: Mapping[str, str] | None = None) -> Path | None:
    """``$CAREERBOT_CACHE_DIR``, else ``$XDG_CACHE_HOME/careerbot``, else ``$HOME/.cache/careerbot``.

    ``None`` (no cache) when ``CAREERBOT_CACHE_DIR`` is set but empty, or none of them is set.
    """
    env = os.environ if environ is None else environ
    explicit = env.get("CAREERBOT_CACHE_DIR")
    if explicit is not None:
        return Path(explicit) if explicit.strip() else None
    if env.get("XDG_CACHE_HOME"):
        return Path(env["XDG_CACHE_HOME"]) / "careerbot"
    home = env.get("HOME") or env.get("LOCALAPPDATA")
    return Path(home) / ".cache" / "careerbot" if home else None


def _proxy(mapping: dict[Any, Any]) -> types.MappingProxyType[Any, Any]:
    return types.MappingProxyType(mapping)


def _reduce_proxy(proxy: types.MappingProxyType[Any, Any]) -> tuple[Any, tuple[dict[Any, Any]]]:
    return _proxy, (dict(proxy),)


def _files(directory: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(directory):
        dirs.sort()
        for name in sorted(names):
            yield Path(root, name)


class BuildCache:
    """Built objects stored under ``directory``, one file per key. Never raises for I/O trouble:
    a cache that cannot be read or written is simply not used."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)

    @staticmethod
    def key(data_dirs: tuple[Path, ...], setting: str) -> str | None:
        """A digest of everything a build depends on, or ``None`` when a data file cannot be read."""
        digest = hashlib.sha256()
        for part in (sys.version, __version__, _rapidfuzz_version(), setting, str(pickle.HIGHEST_PROTOCOL)):
            digest.update(part.encode() + b"\0")
        source = Path(__file__).resolve().parent
        try:
            for path in _files(source):
                if path.suffix == ".py":
                    info = path.stat()
                    digest.update(f"{path.relative_to(source)}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
            for directory in data_dirs:
                digest.update(f"{directory.resolve()}\0".encode())
                for path in _files(directory):
                    digest.update(f"{path.relative_to(directory)}\0".encode() + path.read_bytes() + b"\0")
        except (OSError, ValueError):
            return None
        return digest.hexdigest()[:40]

    def _path(self, key: str) -> Path:
        return self.directory / f"{_PREFIX}{key}{_SUFFIX}"

    def load(self, key: str) -> Any | None:
        """The object saved under ``key``, or ``None`` (missing, unsafe or unreadable)."""
        path = self._path(key)
        try:
            with open(path, "rb") as handle:
                if not (_private(os.fstat(handle.fileno())) and _private(os.stat(self.directory))):
                    return None
                return pickle.load(handle)
        except Exception:  # a missing, truncated or stale file is rebuilt, whatever it raised
            return None

    def save(self, key: str, value: object) -> None:
        """Write ``value`` under ``key`` (atomically), and drop the oldest other builds."""
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not _private(os.stat(self.directory)):
                return
            buffer = io.BytesIO()
            pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.dispatch_table = copyreg.dispatch_table.copy()
            pickler.dispatch_table[types.MappingProxyType] = _reduce_proxy
            pickler.dump(value)
            fd, temp = tempfile.mkstemp(prefix=".tmp-", dir=self.directory)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(buffer.getvalue())
                os.replace(temp, self._path(key))
            except BaseException:
                os.unlink(temp)
                raise
            self._prune(keep=self._path(key))
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            return

    def _prune(self, *, keep: Path) -> None:
        builds = sorted(
            (p for p in self.directory.glob(f"{_PREFIX}*{_SUFFIX}") if p != keep),
            key=lambda p: p.stat().st_mtime, reverse=True,
        )
        for old in builds[KEEP - 1:]:
            old.unlink(missing_ok=True)


def _private(info: os.stat_result) -> bool:
    """Owned by this user and writable by no one else."""
    getuid = getattr(os, "getuid", None)
    owner_ok = getuid is None or info.st_uid == getuid()
    return owner_ok and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _rapidfuzz_version() -> str:
    import rapidfuzz

    return str(getattr(rapidfuzz, "__version__", ""))
