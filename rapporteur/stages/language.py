"""The body's language, first: every later stage reads its cues for that language."""

from __future__ import annotations

from dataclasses import replace

from ..languages import detect
from ..models import Review
from ..settings import Settings


def run(review: Review, settings: Settings) -> Review:
    return replace(review, language=detect(review.document.text))
