"""The web front end: server-rendered pages and a JSON API over rapporteur.library."""

from __future__ import annotations

from .app import create_app, serve

__all__ = ["create_app", "serve"]
