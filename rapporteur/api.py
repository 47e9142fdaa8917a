"""The library facade: every front end (CLI, web, scripts) calls these functions."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from . import parts, pipeline
from .errors import RapporteurError
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


def analyze_parts(
    sources: Sequence[str | Path | Document], settings: Settings | None = None
) -> Review:
    """Analyse a review given in parts (its summary records, a meeting summary in two parts)
    as one review, so that questions asked at one meeting find their answers at the next.

    Paths, URLs or ingested Documents; the parts are put in meeting order (meeting number,
    else date, else as given) and joined (`rapporteur.parts`): `review.document.parts` says
    where each part stands, and every `line` is a line of the joined text. One source is
    analysed as it is.
    """
    settings = settings or Settings()
    if not sources:
        raise RapporteurError("Give at least one part of the review to analyse.")
    documents = [s if isinstance(s, Document) else ingest.load(s, settings) for s in sources]
    return analyze_document(parts.joined(documents, settings), settings)
