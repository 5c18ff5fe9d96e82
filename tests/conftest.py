from __future__ import annotations

from pathlib import Path

import pytest

from careerbot import CareerBot

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def bot() -> CareerBot:
    """One shared bot, as an app would have; tests use their own session ids."""
    return CareerBot()


@pytest.fixture
def fresh_bot() -> CareerBot:
    return CareerBot()
