"""The ASGI app (``from careerbot.web import create_app``); it lives in :mod:`careerbot.ui.web`."""

from __future__ import annotations

from .ui.web import create_app

__all__ = ["create_app"]
