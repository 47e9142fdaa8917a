"""Shared fixtures: paths to the shared corpus (skipped when absent) and record builders."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapporteur.api import analyze_text
from rapporteur.models import Review

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "cmw37-kyrgyzstan-meeting-summary.txt"
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def corpus_path() -> Path:
    if not CORPUS.exists():
        pytest.skip("../shared is not present (the real corpus stays outside the repository)")
    return CORPUS


def make_review(*paragraphs: str) -> Review:
    """Analyse a document built from paragraphs (one per line, blank lines between)."""
    return analyze_text("\n\n".join(paragraphs) + "\n", origin="test")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep tests off the internet: only loopback addresses may be reached."""
    import socket

    real = socket.create_connection

    def guarded(address, *args, **kwargs):  # type: ignore[no-untyped-def]
        host = address[0]
        if host not in {"127.0.0.1", "localhost", "::1"}:
            raise OSError(f"tests may not reach {host}")
        return real(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", guarded)
