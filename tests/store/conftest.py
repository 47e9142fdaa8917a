"""The fictional Ardenia cycle (examples/cycle), analysed once per test session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rapporteur.api import analyze
from rapporteur.output.json_out import to_dict
from rapporteur.settings import Settings

CYCLE = Path(__file__).resolve().parents[2] / "examples" / "cycle"
FILES = {
    "co1": "fictional-cmw-ardenia-co1.txt",
    "co2": "fictional-cmw-ardenia-co2.txt",
    "summary": "fictional-cmw-ardenia-summary.txt",
}


@pytest.fixture(scope="session")
def cycle() -> dict[str, dict[str, Any]]:
    """name -> review@1 object of the fictional CMW Ardenia documents."""
    settings = Settings(method="lexical")
    return {name: to_dict(analyze(CYCLE / file, settings)) for name, file in FILES.items()}
