"""The HTML pages: library, review, search, upload, errors; markup from documents is text."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

from rapporteur.store import Store
from tests.fictional import review_text
from tests.web.conftest import (
    CHECKED_ID,
    REVIEW,
    REVIEW_ID,
    Client,
    checked_review,
    reviews_in,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "fictional-cmw-review.txt"
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> <b>bold</b>'


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_library_page_lists_filters_and_sorts(client: Client, db: Path) -> None:
    with Store(db) as store:
        other = copy.deepcopy(REVIEW)
        other["document"]["sha256"] = "cd" * 32
        other["review"]["committee"] = "CRC"
        other["review"]["state_party"] = {"name": "Chile", "iso3": "CHL"}
        other["review"]["year"] = 2011
        store.put(other)
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Library 2 reviews" in _text(page.text)
    table = _text(page.text[page.text.index('<table class="reviews">') :])
    assert table.index("Ghana") < table.index("Chile")  # newest first
    assert f'href="/reviews/{REVIEW_ID}"' in page.text
    by_state = client.get("/?sort=state&order=asc").text
    table = _text(by_state[by_state.index('<table class="reviews">') :])
    assert table.index("Chile") < table.index("Ghana")
    only_crc = client.get("/?committee=CRC").text
    assert "/reviews/cdcdcdcdcdcd" in only_crc and f"/reviews/{REVIEW_ID}" not in only_crc
    assert 'aria-sort="descending"' in page.text  # year, newest first
    assert 'aria-sort="ascending"' in client.get("/?sort=state").text  # names, A to Z
    assert "<svg" in page.text  # answered/partial/unanswered bar per review


def test_library_page_when_empty(tmp_path: Path) -> None:
    from rapporteur.web import create_app

    page = Client(create_app(tmp_path / "empty.db")).get("/")
    assert "The library is empty." in _text(page.text)


def test_review_page_shows_questions_next_to_answers(client: Client) -> None:
    page = client.get(f"/reviews/{REVIEW_ID}")
    assert page.status_code == 200
    html = page.text
    answered = html[html.index('id="q-q001-aaaaaa"') : html.index('id="q-q002-bbbbbb"')]
    assert "What had been done to lower their cost?" in answered
    assert "The delegation said the cost of remittances had fallen to 4 per cent." in answered
    assert "✔ answered" in answered
    assert '<div class="qa answered" id="q-q001-aaaaaa">' in html
    assert '<div class="qa unanswered" id="q-q002-bbbbbb">' in html
    unanswered = html[html.index('id="q-q002-bbbbbb"') :]
    assert "✘ Unanswered: no answer found" in unanswered
    text = _text(html)
    assert "Round 1" in text and "Ada Mensah" in text
    assert "Questions by status" in text and "Questions by theme" in text
    assert "4 per cent" in text and "CMW/C/GHA/2" in text
    assert html.count("<svg") >= 2  # status and theme charts, drawn on the server
    assert 'id="L7"' in html  # answers link to the record


def test_review_page_marks_contradictions(client: Client, db: Path) -> None:
    data = copy.deepcopy(REVIEW)
    data["document"]["sha256"] = "ef" * 32
    second = dict(data["figures"][0], mention="6 per cent", value=6, line=5)
    data["figures"].append(second)
    data["inconsistencies"] = [
        {"a": 0, "b": 1, "severity": "conflict", "reason": "4 per cent vs 6 per cent"}
    ]
    with Store(db) as store:
        store.put(data)
    html = client.get("/reviews/efefefefefef").text
    assert 'class="contradicted"' in html and "⚠ contradiction" in html
    assert "4 per cent vs 6 per cent" in html


def test_search_page_with_facets(client: Client) -> None:
    page = client.get("/search?q=remittances")
    assert page.status_code == 200
    html = page.text
    assert "<mark>remittances</mark>" in html
    text = _text(html)
    assert "4 matches" in text
    for facet in ("Committee", "State", "Year", "Side", "Status", "Kind"):
        assert facet in text
    assert "Ghana" in text  # the State facet shows names, not only codes
    assert 'href="/search?q=remittances&amp;side=delegation"' in html
    narrowed = _text(client.get("/search?q=remittances&side=delegation").text)
    assert "3 matches" in narrowed
    empty = client.get("/search")
    assert empty.status_code == 200 and "matches" not in _text(empty.text)


def test_upload_form_adds_and_redirects(client: Client, db: Path) -> None:
    form = client.get("/upload")
    assert 'enctype="multipart/form-data"' in form.text and "0.06 MB" in form.text
    data = review_text(31, committee="CAT", state=("Kenya", "KEN"), year=2022).encode()
    response = client.post(
        "/upload", data={"csrf": client.csrf()}, files={"file": ("kenya.txt", data, "text/plain")}
    )
    assert response.status_code == 303
    location = response.headers["location"]
    assert re.fullmatch(r"/reviews/[0-9a-f]{12}\?added=1", location)
    page = client.get(location)
    assert "Kenya" in page.text and "Committee against Torture" in page.text
    assert "The document was analysed and added to the library." in page.text
    assert reviews_in(db) == 2


def test_upload_errors_are_pages_and_change_nothing(client: Client, db: Path) -> None:
    big = b"x" * (70 * 1024)
    response = client.post(
        "/upload", data={"csrf": client.csrf()}, files={"file": ("big.txt", big, "text/plain")}
    )
    assert response.status_code == 413 and response.headers["content-type"].startswith("text/html")
    assert "larger than the limit" in response.text
    notes = b"Shopping: apples, bread, milk and coffee for the weekend. " * 30
    response = client.post(
        "/upload", data={"csrf": client.csrf()}, files={"file": ("notes.txt", notes, "text/plain")}
    )
    assert response.status_code == 422 and "notes.txt was not added" in response.text
    assert reviews_in(db) == 1


def test_error_pages(client: Client) -> None:
    missing = client.get("/reviews/0123456789ab")
    assert missing.status_code == 404 and "There is no review" in missing.text
    assert "text/html" in missing.headers["content-type"]
    nowhere = client.get("/nowhere")
    assert nowhere.status_code == 404 and "There is nothing at /nowhere." in nowhere.text


def test_markup_in_a_document_is_shown_as_text(client: Client, db: Path) -> None:
    """A document whose text holds <script> and HTML: escaped on every page."""
    text = review_text(41, extra=f"Was {HOSTILE} acceptable?").encode()
    response = client.post(
        "/upload", data={"csrf": client.csrf()}, files={"file": ("hostile.txt", text, "text/plain")}
    )
    assert response.status_code == 303
    review_page = client.get(response.headers["location"]).text
    search_page = client.get("/search?q=alert").text
    library_page = client.get("/").text
    for html in (review_page, search_page, library_page):
        assert "<script" not in html.lower()
        assert "<img" not in html.lower()
        assert "<b>bold" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in review_page
    assert "&lt;script&gt;" in search_page
    hostile_name = client.post(
        "/upload",
        data={"csrf": client.csrf()},
        files={"file": ("<script>x</script>.txt", b"Dear diary. " * 50, "text/plain")},
    )
    assert hostile_name.status_code == 422 and "<script>x" not in hostile_name.text


def test_the_fictional_example_end_to_end(client: Client) -> None:
    if not EXAMPLE.exists():
        import pytest

        pytest.skip("examples/fictional-cmw-review.txt is not present")
    response = client.post(
        "/upload",
        data={"csrf": client.csrf()},
        files={"file": (EXAMPLE.name, EXAMPLE.read_bytes(), "text/plain")},
    )
    assert response.status_code == 303
    page = client.get(response.headers["location"])
    text = _text(page.text)
    assert "Senegal" in text and "Round 1" in text
    assert 'class="qa ' in page.text


def test_review_page_says_how_sure_each_status_is(client: Client, db: Path) -> None:
    with Store(db) as store:
        store.put(checked_review())
    html = client.get(f"/reviews/{CHECKED_ID}").text
    answered = html[html.index('id="q-q001-aaaaaa"') : html.index('id="q-q002-bbbbbb"')]
    unanswered = html[html.index('id="q-q002-bbbbbb"') : html.index('id="figures"')]
    assert "sure (92%)" in _text(answered) and "⚑ Check this" not in answered
    assert "match 0.80" in answered  # the score of an answer
    text = _text(unanswered)
    assert "⚑ Check this" in text and "confidence 55%" in text
    assert "Closest passage (not an answer)" in text
    assert "match" not in text  # never a score next to an unanswered status
    assert "⚑ 1 to check" in _text(html)


def test_review_page_escapes_the_status_reason(client: Client, db: Path) -> None:
    with Store(db) as store:
        store.put(checked_review())
    html = client.get(f"/reviews/{CHECKED_ID}").text
    assert "<script>alert" not in html and "<b>Labour Code</b>" not in html
    assert "Why: No passage mentions the &lt;b&gt;Labour Code&lt;/b&gt;" in html


def test_review_page_of_a_review_stored_before_confidence(client: Client) -> None:
    html = client.get(f"/reviews/{REVIEW_ID}").text  # REVIEW has neither field
    assert _text(html).count("⚑ Check this") == 2
    assert "confidence unknown" in html


def test_search_page_marks_question_hits_to_check(client: Client, db: Path) -> None:
    with Store(db) as store:
        store.put(checked_review())
    html = client.get("/search?q=labour+code&kind=question").text
    assert _text(html).count("⚑ Check this") == 2  # REVIEW's and the checked review's q002
    both = _text(client.get("/search?q=lower+cost&kind=question").text)
    assert "2 matches" in both  # q001 of each review; only REVIEW's, stored without
    assert both.count("⚑ Check this") == 1  # needs_check, is to check


# ------------------------------------------------------------ concluding observations


def _concluding(db: Path) -> tuple[str, dict[str, Any]]:
    """CMW/C/ARD/CO/2 stored with a hostile 'Data collection' heading and two linked
    questions on para. 10 (a)."""
    from tests.output.samples import hostile_concluding_data

    data = hostile_concluding_data()
    data["recommendations"][1]["questions"] = ["q001-aaaaaa", "q007-<b>x</b>"]
    with Store(db) as store:
        store.put(data)
    return str(data["document"]["sha256"])[:12], data


def test_review_page_of_concluding_observations(client: Client, db: Path) -> None:
    review_id, data = _concluding(db)
    html = client.get(f"/reviews/{review_id}").text
    text = _text(html)
    assert "Concluding observations" in text and "CMW/C/ARD/CO/2" in text
    assert "Adopted 11 April 2024" in text
    assert "Round 1" not in text and "Questions by status" not in text
    items = re.findall(r'<li class="recommendation" id="rec-(\w+)"', html)
    assert items == [r["id"] for r in data["recommendations"]]
    # follow-up items first, with their due date; repeats badges; the next report
    follow = html[html.index('id="follow-up"') : html.index('id="recommendations"')]
    assert _text(follow).count("CMW/C/ARD/CO/2, para.") == 3
    item = html[html.index('id="rec-r18a"') : html.index('id="rec-r18b"')]
    assert "★ follow-up: report within two years, by 11 April 2026" in _text(item)
    assert "↻ repeats CMW/C/ARD/CO/1, para. 19" in _text(item)
    assert "Third periodic report, due by 1 May 2029" in text
    # grouped by subject, in document order
    subjects = re.findall(r"<h3>([^<]+?) <span class=\"count\">", html)
    assert subjects[0].startswith("General measures of implementation")


def test_review_page_of_concluding_observations_escapes_and_shows_question_ids(
    client: Client, db: Path
) -> None:
    review_id, _ = _concluding(db)
    html = client.get(f"/reviews/{review_id}").text
    assert "<script>alert" not in html and "<b>act</b>" not in html and "<b>x</b>" not in html
    assert "&lt;script&gt;alert(&#34;h&#34;)&lt;/script&gt; =SUM(A1) *Data* collection" in html
    linked = html[html.index('id="rec-r10a"') : html.index('id="rec-r10b"')]
    assert "<code>q001-aaaaaa</code>" in linked and "q007-&lt;b&gt;x&lt;/b&gt;" in linked


def test_review_context_links_questions_to_the_dialogue_review() -> None:
    from rapporteur.web.views import review_context
    from tests.output.samples import concluding_data

    data = dict(concluding_data("cmw-co2"))
    data["recommendations"] = [dict(r) for r in data["recommendations"]]
    data["recommendations"][0]["questions"] = ["q003-cccccc"]
    context = review_context(None, data, {}, dialogue_id=REVIEW_ID)
    first = context["concluding"]["subjects"][0]["groups"][0]["recs"][0]
    assert first["questions"] == [
        {
            "id": "q003-cccccc",
            "href": f"/reviews/{REVIEW_ID}#q-q003-cccccc",
            "text": "",
            "status": "",
        }
    ]
    asked = {"q003-cccccc": {"text": "Was the <b>Act</b> amended?", "status": "partial"}}
    shown = review_context(None, data, {}, dialogue_id=REVIEW_ID, asked=asked)
    first = shown["concluding"]["subjects"][0]["groups"][0]["recs"][0]
    assert first["questions"][0]["text"] == "Was the <b>Act</b> amended?"
    assert first["questions"][0]["status"] == "partial"
    assert review_context(None, REVIEW, {})["concluding"] is None
