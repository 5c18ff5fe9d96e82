"""careerbot: a conversational guide to data and machine-learning careers.

>>> from careerbot import CareerBot
>>> bot = CareerBot()
>>> bot.ask("what tools does a data engineer use?").roles
('data_engineer',)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["FALLBACK", "CareerBot", "DataError", "Problem", "Reply", "Thresholds", "__version__"]

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .bot import CareerBot, Thresholds
    from .data.yamlio import DataError, Problem
    from .reply import FALLBACK, Reply

_LAZY = {
    "CareerBot": "bot",
    "Thresholds": "bot",
    "FALLBACK": "reply",
    "Reply": "reply",
    "DataError": "data.yamlio",
    "Problem": "data.yamlio",
}


def __getattr__(name: str) -> Any:
    """Import the public names on first use, so ``careerbot --version`` stays fast."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'careerbot' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{module}", __name__), name)


def __dir__() -> list[str]:
    return sorted(__all__)
