"""rapporteur: structured accountability data from UN treaty-body review records."""

from __future__ import annotations

__version__ = "0.1.0"

from .api import analyze, analyze_bytes, analyze_text
from .errors import RapporteurError
from .models import Review
from .settings import Settings

__all__ = [
    "RapporteurError",
    "Review",
    "Settings",
    "__version__",
    "analyze",
    "analyze_bytes",
    "analyze_text",
]
