"""People check the statuses on the review page and through the JSON API: a round trip,
evidence, the version check (409, nothing lost), forged forms, progress, filters, a long
review whose forms stay folded."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from rapporteur import library
from rapporteur.settings import Settings
from rapporteur.store import Store
from rapporteur.web import create_app
from tests.web.conftest import REVIEW_ID, Client, form_token

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "fictional-cmw-review.txt"
Q1, Q2 = "q001-aaaaaa", "q002-bbbbbb"
URL = f"/reviews/{REVIEW_ID}"


def action(qid: str) -> str:
    return f"{URL}/questions/{qid}/decision"


def decisions_in(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM decisions").fetchone()[0])
    finally:
        conn.close()


def block(html: str, qid: str) -> str:
    """The HTML of one question on the review page."""
    start = html.index(f'id="q-{qid}"')
    following = html.find('<div class="qa ', start + 1)
    return html[start : following if following > 0 else html.index('id="figures"')]


def text_of(html: str) -> str:
    import html as html_module

    return re.sub(r"\s+", " ", html_module.unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def save(client: Client, qid: str, **fields: Any) -> Any:
    token = form_token(client.get(URL).text)
    return client.post(action(qid), data={"csrf": token, "version": "0", **fields})


# ------------------------------------------------------------------ the page form


def test_decision_round_trip_through_the_page(client: Client, db: Path) -> None:
    page = client.get(URL).text
    assert "0 of 2 questions checked by a person" in text_of(page)
    assert f'<a class="next-unchecked" href="{URL}?q={Q1}#q-{Q1}" accesskey="n">' in page
    response = save(
        client, Q2, status="partial", evidence=["7"], note="Only the cost was answered.", by="Ana"
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"{URL}?q={Q1}&saved={Q2}#q-{Q1}"  # next unchecked
    after = client.get(response.headers["location"]).text
    assert f"Saved: question {Q2} is now partial." in text_of(after)
    assert "1 of 2 questions checked by a person" in text_of(after)
    mine = block(after, Q2)
    assert '<div class="qa partial"' in after and "✓ Checked by Ana on" in mine
    assert "Note: Only the cost was answered." in text_of(mine)
    assert "The tool now says unanswered" in text_of(mine)  # the tool disagrees
    assert "Closest passage" not in mine  # a chosen passage under "partial" is an answer
    assert "match 0." not in mine  # and never shows the tool's score
    assert (
        'value="partial" checked' in mine
        and '<input type="hidden" name="version" value="1">' in mine
    )
    # the form of the question opened (?q=) is unfolded; the others are folded
    assert f'<details class="decide" id="decide-{Q1}" open>' in after
    assert f'<details class="decide" id="decide-{Q2}">' in after
    stored = library.get_review(REVIEW_ID, db).data["questions"][1]
    assert stored["status"] == "partial" and stored["status_source"] == "person"
    assert stored["decision"]["by"] == "Ana" and stored["decision"]["evidence"][0]["line"] == 7


def test_every_question_checked_says_so(client: Client) -> None:
    first = save(client, Q1, status="answered", by="Ana")
    assert first.headers["location"] == f"{URL}?q={Q2}&saved={Q1}#q-{Q2}"
    last = save(client, Q2, status="unanswered", no_evidence="1", by="Ana")
    assert last.headers["location"] == f"{URL}?q={Q2}&saved={Q2}#q-{Q2}"
    page = text_of(client.get(last.headers["location"]).text)
    assert "2 of 2 questions checked by a person" in page
    assert "Every question of this review is now checked by a person." in page
    assert "Next unchecked question" not in page


def test_evidence_typed_by_line_and_cleared(client: Client, db: Path) -> None:
    assert save(client, Q1, status="answered", lines="7", by="Ana").status_code == 303
    assert library.get_review(REVIEW_ID, db).data["questions"][0]["decision"]["evidence"] == [
        {"line": 7, "text": "The delegation said the cost of remittances had fallen to 4 per cent."}
    ]
    cleared = save(client, Q1, status="unanswered", no_evidence="1", by="Ana", version="1")
    assert cleared.status_code == 303
    q = library.get_review(REVIEW_ID, db).data["questions"][0]
    assert q["answers"] == [] and q["decision"]["evidence"] == []
    page = block(client.get(f"{URL}?q={Q1}").text, Q1)
    assert 'name="no_evidence" value="1" checked' in page


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"status": "partial", "lines": "7, seven"}, "“seven” is not a line number"),
        ({"status": "partial", "lines": "999"}, "Line 999 is not part of this review's text"),
        ({"status": "partial", "evidence": ["7"], "no_evidence": "1"}, "not both"),
        ({"lines": "7"}, "Choose a status"),
        ({"status": "partial", "by": ""}, "Say who decided"),
    ],
)
def test_a_decision_that_cannot_be_saved_comes_back_with_why(
    client: Client, db: Path, fields: dict[str, Any], words: str
) -> None:
    data = {"by": "Ana", "note": "my <b>note</b>", **fields}
    response = save(client, Q2, **data)
    assert response.status_code == 400 and words in text_of(response.text)
    mine = block(response.text, Q2)
    assert f'<details class="decide" id="decide-{Q2}" open>' in mine
    assert "my &lt;b&gt;note&lt;/b&gt;</textarea>" in mine  # the person's text, kept
    assert decisions_in(db) == 0


def test_a_stale_save_is_refused_with_the_current_decision_shown(client: Client, db: Path) -> None:
    token = form_token(client.get(URL).text)  # both people open the page: version 0
    first = client.post(
        action(Q2),
        data={"csrf": token, "version": "0", "status": "partial", "note": "Ana's", "by": "Ana"},
    )
    assert first.status_code == 303
    second = client.post(
        action(Q2),
        data={
            "csrf": token,
            "version": "0",
            "status": "answered",
            "evidence": ["7"],
            "note": "Bo's reading",
            "by": "Bo",
        },
    )
    assert second.status_code == 409
    mine = block(second.text, Q2)
    words = text_of(mine)
    assert "Someone else saved a decision on question q002-bbbbbb" in words
    assert "Saved now: partial , by Ana on" in words and "Their note: Ana's" in words
    # nothing lost: Bo's own choice is back in the form, with the version he has now seen
    assert 'value="answered" checked' in mine and "Bo's reading</textarea>" in mine.replace(
        "&#39;", "'"
    )
    assert 'name="evidence" value="7" checked' in mine and 'name="by" value="Bo"' in mine
    assert '<input type="hidden" name="version" value="1">' in mine
    assert decisions_in(db) == 1
    assert library.get_review(REVIEW_ID, db).data["questions"][1]["decision"]["by"] == "Ana"


def test_a_forged_form_without_the_token_is_refused_and_changes_nothing(
    client: Client, db: Path
) -> None:
    before = library.get_review(REVIEW_ID, db).data
    fields = {"status": "answered", "by": "Mallory", "version": "0"}
    for extra in ({}, {"csrf": ""}, {"csrf": "x" * 43}):
        refused = client.post(action(Q2), data={**fields, **extra})
        assert refused.status_code == 403, extra
        assert "anti-forgery token" in text_of(refused.text)
    # a token of another browser does not do either
    other = Client(client.app)
    stolen = form_token(other.get(URL).text)
    assert client.post(action(Q2), data={**fields, "csrf": stolen}).status_code == 403
    # nor a right token sent by a page of another site
    token = form_token(client.get(URL).text)
    cross = client.post(
        action(Q2), data={**fields, "csrf": token}, headers={"sec-fetch-site": "cross-site"}
    )
    assert cross.status_code == 403 and "another web site" in text_of(cross.text)
    assert decisions_in(db) == 0 and library.get_review(REVIEW_ID, db).data == before


def test_the_anti_forgery_cookie(client: Client) -> None:
    first = client.get(URL)
    cookie = first.headers["set-cookie"]
    assert cookie.startswith("rapporteur_csrf=")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    assert "set-cookie" not in client.get(URL).headers  # once per browser
    assert "set-cookie" not in Client(client.app).get("/api/reviews").headers  # not for the API


def test_check_filter_checked_by_a_person(client: Client) -> None:
    save(client, Q2, status="partial", by="Ana")
    checked = client.get(f"{URL}?check=checked").text
    assert re.findall(r'<div class="qa [a-z]*" id="q-([^"]+)"', checked) == [Q2]
    assert "1 of 2 questions: checked by a person" in text_of(checked)
    unchecked = client.get(f"{URL}?check=unchecked").text
    assert re.findall(r'<div class="qa [a-z]*" id="q-([^"]+)"', unchecked) == [Q1]
    assert "not checked by a person" in text_of(unchecked)


def test_saving_within_filters_goes_to_the_next_one_they_keep(client: Client) -> None:
    token = form_token(client.get(URL).text)
    response = client.post(
        action(Q1) + "?status=answered",
        data={"csrf": token, "version": "0", "status": "answered", "by": "Ana"},
    )
    # nothing answered is left unchecked: the filters are left for the next question
    assert response.headers["location"] == f"{URL}?q={Q2}&saved={Q1}#q-{Q2}"
    page = client.get(f"{URL}?status=unanswered")
    assert f'href="{URL}?status=unanswered&amp;q={Q2}#q-{Q2}" accesskey="n"' in page.text
    assert f'action="{URL}/questions/{Q2}/decision?status=unanswered#q-{Q2}"' in page.text


def test_hostile_notes_and_names_are_text(client: Client) -> None:
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    assert save(client, Q2, status="partial", note=hostile, by=hostile).status_code == 303
    page = client.get(f"{URL}?q={Q2}").text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page


def test_the_page_cache_serves_each_visitor_their_own_token(tmp_path: Path, db: Path) -> None:
    app = create_app(db, Settings(page_cache=8))
    one, two = Client(app), Client(app)
    first, second = one.get(URL).text, two.get(URL).text
    assert app.state.page_cache.hits == 1
    assert form_token(first) != form_token(second)
    assert form_token(first) == one.cookies["rapporteur_csrf"]
    assert form_token(second) == two.cookies["rapporteur_csrf"]
    save(one, Q2, status="partial", by="Ana")  # a decision changes the page at once
    assert "✓ Checked by Ana" in two.get(URL).text


# ------------------------------------------------------------------ the JSON API


def test_decision_round_trip_through_the_api(client: Client, db: Path) -> None:
    body = {"status": "partial", "evidence": [7], "note": "Cost only.", "version": 0, "by": "Ana"}
    response = client.post(f"/api{action(Q2)}", json=body)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["ok"] is True and answer["review_id"] == REVIEW_ID
    question = answer["question"]
    assert question["id"] == Q2 and question["status"] == "partial"
    assert question["status_source"] == "person" and question["decision"]["by"] == "Ana"
    assert question["decision"]["evidence"] == [
        {"line": 7, "text": "The delegation said the cost of remittances had fallen to 4 per cent."}
    ]
    assert question["machine"]["status"] == "unanswered" and question["decision"]["disagrees"]
    assert answer["progress"] == {
        "checked": 1,
        "questions": 2,
        "next_unchecked": Q1,
        "disagreements": 1,
        "text": "1 of 2 questions checked by a person",
    }
    trail = client.get(f"/api/reviews/{REVIEW_ID}/decisions").json()
    assert trail["ok"] is True and trail["checked"] == 1 and trail["next_unchecked"] == Q1
    (decision,) = trail["decisions"]
    assert decision["applies_to"] == Q2 and decision["standing"] is True
    assert decision["by"] == "Ana" and decision["machine_status"] == "unanswered"
    # the page shows it too
    assert "✓ Checked by Ana" in block(client.get(URL).text, Q2)


def test_api_stale_version_is_a_conflict(client: Client, db: Path) -> None:
    body = {"status": "partial", "version": 0, "by": "Ana"}
    assert client.post(f"/api{action(Q2)}", json=body).status_code == 200
    stale = client.post(f"/api{action(Q2)}", json={**body, "status": "answered", "by": "Bo"})
    assert stale.status_code == 409
    error = stale.json()
    assert error["code"] == "decision_conflict" and set(error) == {
        "ok",
        "error",
        "errors",
        "status",
        "code",
    }
    assert "Ana set it to partial" in error["error"] and "was not saved" in error["error"]
    fresh = client.post(f"/api{action(Q2)}", json={**body, "status": "answered", "version": 1})
    assert fresh.status_code == 200 and decisions_in(db) == 2


@pytest.mark.parametrize(
    ("path", "body", "status", "code"),
    [
        (action(Q2), {"status": "maybe", "version": 0, "by": "A"}, 422, "invalid_request"),
        (action(Q2), {"status": "partial", "by": "A"}, 422, "invalid_request"),
        (action(Q2), {"status": "partial", "version": 0}, 400, "invalid_query"),
        (action("q999"), {"status": "partial", "version": 0, "by": "A"}, 404, "question_not_found"),
        (
            "/reviews/0123456789ab/questions/q001/decision",
            {"status": "partial", "version": 0, "by": "A"},
            404,
            "review_not_found",
        ),
        (
            action(Q2),
            {"status": "partial", "version": 0, "by": "A", "evidence": [999]},
            400,
            "invalid_query",
        ),
    ],
)
def test_api_refusals(
    client: Client, db: Path, path: str, body: dict[str, Any], status: int, code: str
) -> None:
    response = client.post(f"/api{path}", json=body)
    assert response.status_code == status and response.json()["code"] == code
    assert decisions_in(db) == 0


# ------------------------------------------------------------------ a long review


@pytest.fixture(scope="module")
def long_review(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, list[str]]:
    db = tmp_path_factory.mktemp("long") / "lib.db"
    summary = library.ingest_paths([EXAMPLE], db, settings=Settings(method="lexical"), workers=1)
    review_id = summary.items[0].review_id
    assert review_id
    with Store(db) as store:
        ids = [q["id"] for q in store.get(review_id).data["questions"]]
    return db, review_id, ids


def test_a_long_review_keeps_its_forms_folded(long_review: tuple[Path, str, list[str]]) -> None:
    db, review_id, ids = long_review
    client = Client(create_app(db, Settings(method="lexical", page_cache=0)))
    page = client.get(f"/reviews/{review_id}").text
    assert page.count('<details class="decide"') == len(ids) > 20
    assert '<details class="decide" id="decide-' in page and "decide-q" in page
    assert not re.search(r'<details class="decide"[^>]* open>', page)
    opened = client.get(f"/reviews/{review_id}?q={ids[5]}").text
    assert re.findall(r'<details class="decide" id="decide-([^"]+)" open>', opened) == [ids[5]]
    assert f"0 of {len(ids)} questions checked by a person" in text_of(page)
