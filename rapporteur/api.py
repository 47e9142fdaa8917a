"""The library facade: every front end (CLI, web, scripts) calls these functions."""

from __future__ import annotations

from pathlib import Path

from . import pipeline
from .models import Document, Review
from .settings import Settings
from .stages import ingest


def analyze_document(document: Document, settings: Settings | None = None) -> Review:
    """Run every analysis stage on an ingested document."""
    return pipeline.run(Review(document=document), settings or Settings())


def analyze(
    source: str | Path, settings: Settings | None = None, stdin: bytes | None = None
) -> Review:
    """Analyse a path, an http(s) URL or '-' (with `stdin` bytes)."""
    settings = settings or Settings()
    return analyze_document(ingest.load(source, settings, stdin=stdin), settings)


def analyze_bytes(data: bytes, name: str = "upload", settings: Settings | None = None) -> Review:
    """Analyse bytes received from an upload or another program."""
    settings = settings or Settings()
    return analyze_document(ingest.document_from_bytes(data, name, settings, name=name), settings)


def analyze_text(text: str, origin: str = "text", settings: Settings | None = None) -> Review:
    """Analyse a string (tests and scripts)."""
    return analyze_bytes(text.encode("utf-8"), origin, settings)
