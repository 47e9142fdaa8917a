"""A real browser checks a review end to end: two people logged in, one corrects a status,
the other's stale save is refused, logging out takes the edit controls away.

Debian's chromium driven by Playwright, as tests/web/test_browser.py. Set
RAPPORTEUR_SCREENSHOT_CHECKING to a file path to keep a screenshot of the review workflow
(that is how docs/checking-page.png is made).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from rapporteur import library
from rapporteur.store import Store
from tests.web.test_browser import SAMPLE, browser, server  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser


def _login(context: Any, base: str, name: str, password: str) -> Any:
    page = context.new_page()
    page.goto(f"{base}/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("button:has-text('Log in')")
    assert f"Logged in as {name}" in page.inner_text("header")
    return page


def test_browser_check_a_status_conflict_and_logout(
    server: str,  # noqa: F811
    browser: Any,  # noqa: F811
    tmp_path: Path,
) -> None:
    db = tmp_path / "lib.db"
    summary = library.ingest_paths([str(SAMPLE)], db)
    assert summary.reviews == 1
    with Store(db) as store:
        store.add_user("ana", "correct horse battery")
        store.add_user("ben", "staple paper clip")
        review_id = store.list_reviews().reviews[0].id
    ana = browser.new_context(viewport={"width": 1280, "height": 1100})
    ben = browser.new_context(viewport={"width": 1280, "height": 1100})
    try:
        page = _login(ana, server, "ana", "correct horse battery")
        page.goto(f"{server}/reviews/{review_id}?status=unanswered")
        shown = page.locator(".qa")
        assert shown.count() >= 1
        assert all("unanswered" in (c or "") for c in shown.evaluate_all(
            "els => els.map(e => e.className)"
        ))
        first = shown.first
        qid = first.get_attribute("id").removeprefix("q-")
        assert "0 of" in page.inner_text("p.progress")

        # Ben opens the same question before Ana saves: his form holds a stale version.
        other = _login(ben, server, "ben", "staple paper clip")
        other.goto(f"{server}/reviews/{review_id}?q={qid}#q-{qid}")
        assert other.locator(f"#decide-{qid}").get_attribute("open") is not None

        first.locator("details.decide summary").click()
        form = first.locator("form.decision")
        form.locator("label:has-text('Partly answered') input").check()
        evidence = form.locator("input[name=evidence]")
        if evidence.count():
            evidence.first.check()
            line = evidence.first.get_attribute("value")
        else:
            line = page.locator(".qa .answers footer a").first.inner_text().split()[-1]
            form.locator("input[name=lines]").fill(line)
        form.locator("textarea[name=note]").fill("Only the timetable was given.")
        with page.expect_navigation():
            form.locator("button:has-text('Save')").click()
        assert f"question {qid} is now partial" in page.inner_text(".notice")

        page.goto(f"{server}/reviews/{review_id}?q={qid}")
        saved = page.locator(f"#q-{qid}")
        assert "Checked by ana" in saved.locator(".badge.checked").inner_text()
        assert "Only the timetable was given." in saved.locator(".decision-note").inner_text()
        assert "partial" in (saved.get_attribute("class") or "")
        assert f"line {line}" in saved.inner_text()
        assert "1 of" in page.inner_text("p.progress")
        keep = os.environ.get("RAPPORTEUR_SCREENSHOT_CHECKING")
        if keep:
            saved.scroll_into_view_if_needed()
            page.screenshot(path=keep, full_page=False)

        # Ben saves over a decision he has not seen: refused, Ana's decision shown, his kept.
        stale = other.locator(f"#q-{qid} form.decision")
        stale.locator("label:has-text('Answered') input").first.check()
        stale.locator("textarea[name=note]").fill("Ben's reading")
        response = None
        with other.expect_navigation() as nav:
            stale.locator("button:has-text('Save')").click()
        response = nav.value
        assert response is not None and response.status == 409
        block = other.locator(f"#decide-{qid}")
        assert "ana set it to partial" in block.locator("p.conflict").inner_text()
        assert "Only the timetable was given." in block.locator(".current-decision").inner_text()
        assert block.locator("textarea[name=note]").input_value() == "Ben's reading"

        # Logging out takes the edit controls away.
        with page.expect_navigation():
            page.locator("form.logout button").click()
        page.goto(f"{server}/reviews/{review_id}")
        assert page.locator("form.decision").count() == 0
        assert page.locator("a.login-to-check").count() == 1
        assert "Checked by ana" in page.locator(f"#q-{qid} .badge.checked").inner_text()
    finally:
        ana.close()
        ben.close()
