"""A value built on first use, once, safely across threads (for parts a one-off question may not need)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["Lazy"]

T = TypeVar("T")


class Lazy(Generic[T]):
    """``Lazy(build).get()`` calls ``build()`` the first time and returns that value ever after."""

    def __init__(self, build: Callable[[], T]) -> None:
        self._build = build
        self._value: T | None = None
        self._lock = threading.Lock()

    def get(self) -> T:
        value = self._value
        if value is None:
            with self._lock:
                if self._value is None:
                    self._value = self._build()
                value = self._value
        return value

    # Pickled (by the start-up cache) as the value once built; the lock is made anew.
    def __getstate__(self) -> dict[str, object]:
        return {"_build": self._build, "_value": self._value}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()
