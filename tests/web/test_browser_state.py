"""A real browser on the State page of the fictional Ardenia cycle (examples/cycle).

Set RAPPORTEUR_STATE_SCREENSHOT to a file path to keep a screenshot of the State page (that
is how docs/state-page.png is made).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from rapporteur import library
from rapporteur.settings import Settings
from tests.web.test_browser import browser, server  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser

CYCLE = Path(__file__).resolve().parents[2] / "examples" / "cycle"
SOURCES = [CYCLE / f"fictional-cmw-ardenia-{name}.txt" for name in ("co1", "summary", "co2")]
SOURCES += [CYCLE / f"fictional-cmw-ardenia-{name}.txt" for name in ("sr545", "sr546")]


def test_browser_state_page(server: str, browser: Any, tmp_path: Path) -> None:  # noqa: F811
    sources = [s for s in SOURCES if s.exists()]
    summary = library.ingest_paths(
        sources, tmp_path / "lib.db", settings=Settings(method="lexical"), workers=1
    )
    assert summary.ok, [i.reason for i in summary.items if i.reason]
    page = browser.new_page(viewport={"width": 1280, "height": 1500})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(f"{server}/")
    with page.expect_navigation():
        page.click("a[href='/state/Ardenia']")
    assert "Ardenia" in page.inner_text("h1")
    assert page.locator("section.follow-up tbody tr").count() == 3
    assert page.locator("section.repeated tbody tr").count() >= 10
    assert page.locator("section.state-reviews tbody tr").count() == 2
    keep = os.environ.get("RAPPORTEUR_STATE_SCREENSHOT")
    shot = Path(keep) if keep else tmp_path / "state-page.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    assert not problems
