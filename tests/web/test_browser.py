"""A real browser against `rapporteur serve`: upload the fictional sample, read its review
page, search. Debian's chromium driven by Playwright for Python; no browser download.

Set RAPPORTEUR_SCREENSHOT to a file path to keep a screenshot of the review page (that is
how docs/review-page.png is made).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rapporteur.settings import Settings
from rapporteur.web.app import LOCAL_HOSTS, create_app

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "fictional-cmw-review.txt"
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """`rapporteur serve` in a thread, as the command runs it (localhost Host check on)."""
    import uvicorn

    port = _free_port()
    app = create_app(tmp_path / "lib.db", Settings(), allowed_hosts=LOCAL_HOSTS)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        instance.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield instance
        finally:
            instance.close()


def test_browser_upload_review_and_search(server: str, browser: Any, tmp_path: Path) -> None:
    if not SAMPLE.exists():
        pytest.skip("examples/fictional-cmw-review.txt is not present")
    page = browser.new_page(viewport={"width": 1280, "height": 1400})
    problems: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))

    def local_only(route: Any) -> None:
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", local_only)

    page.goto(f"{server}/upload")
    page.set_input_files("input[name=file]", str(SAMPLE))
    with page.expect_navigation():
        page.click("button[type=submit]")
    assert "/reviews/" in page.url and "added=1" in page.url, page.inner_text("main")

    assert "Senegal" in page.inner_text("h1")
    questions = page.locator(".qa")
    assert questions.count() >= 10
    unanswered = page.locator(".qa.unanswered")
    assert unanswered.count() >= 1
    assert "unanswered" in unanswered.first.inner_text().lower()
    answered = page.locator(".qa.answered").first
    assert answered.locator(".question .qtext").inner_text().strip()
    assert answered.locator(".answers blockquote.answer").count() >= 1
    assert page.locator("svg.chart").count() >= 1
    screenshot = tmp_path / "review-page.png"
    page.screenshot(path=str(screenshot), full_page=False)
    assert screenshot.stat().st_size > 10_000
    assert "added to the library" in page.inner_text(".notice")
    keep = os.environ.get("RAPPORTEUR_SCREENSHOT")
    if keep:
        page.goto(page.url.split("?")[0])  # without the "added" notice
        page.screenshot(path=keep, full_page=False)

    page.fill("header input[name=q]", "remittances")
    with page.expect_navigation():
        page.press("header input[name=q]", "Enter")
    assert "/search?q=remittances" in page.url
    hits = page.locator(".hit")
    assert hits.count() >= 1
    assert page.locator(".hit mark").first.inner_text().lower().startswith("remittance")
    assert page.locator(".facets .facet").count() >= 3
    page.screenshot(path=str(tmp_path / "search-page.png"))

    with page.expect_navigation():
        hits.first.locator("a").first.click()
    assert "/reviews/" in page.url

    assert not outside, f"the pages asked for other hosts: {outside}"
    assert not problems, f"browser errors (CSP or scripts): {problems}"
