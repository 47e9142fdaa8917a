"""Statuses people checked, in the JSON API and the search page: who decided each status,
and the "checked by a person" / "not checked" filter and facet."""

from __future__ import annotations

from pathlib import Path

from rapporteur.store import Store
from tests.web.conftest import REVIEW_ID, Client

QUERY = "/api/search?q=cost+OR+labour&kind=question"


def _decide(db: Path) -> None:
    """Ana confirms q001 (answered, as the tool has it); Ben says q002 is partly answered
    on line 7, where the tool says unanswered."""
    with Store(db) as store:
        store.decide(REVIEW_ID, "q001-aaaaaa", "answered", author="Ana", note="Confirmed.")
        store.decide(REVIEW_ID, "q002-bbbbbb", "partial", author="Ben", evidence=[7])


def test_api_search_hits_say_who_decided_the_status(client: Client, db: Path) -> None:
    before = {h["question_ids"][0]: h for h in client.get(QUERY).json()["hits"]}
    assert {(h["checked"], h["status_source"]) for h in before.values()} == {(False, "machine")}
    _decide(db)
    body = client.get(QUERY).json()
    hits = {h["question_ids"][0]: h for h in body["hits"]}
    assert {k: (h["status"], h["checked"], h["status_source"]) for k, h in hits.items()} == {
        "q001-aaaaaa": ("answered", True, "person"),
        "q002-bbbbbb": ("partial", True, "person"),
    }
    assert {h["needs_check"] for h in hits.values()} == {False}
    assert body["facets"]["checked"] == {"yes": 2}
    others = client.get("/api/search?q=remittances&kind=paragraph").json()["hits"]
    assert {(h["checked"], h["status_source"]) for h in others} == {(None, None)}


def test_api_search_filters_on_checked(client: Client, db: Path) -> None:
    with Store(db) as store:
        store.decide(REVIEW_ID, "q002-bbbbbb", "partial", author="Ben", evidence=[7])
    every = client.get(QUERY).json()
    assert every["facets"]["checked"] == {"no": 1, "yes": 1}
    yes = client.get("/api/search?q=cost+OR+labour&checked=yes").json()
    assert [h["question_ids"] for h in yes["hits"]] == [["q002-bbbbbb"]]
    no = client.get("/api/search?q=cost+OR+labour&checked=no").json()
    assert [h["question_ids"] for h in no["hits"]] == [["q001-aaaaaa"]]
    assert client.get("/api/search?q=cost&checked=maybe").status_code == 422


def test_api_review_carries_the_decisions(client: Client, db: Path) -> None:
    _decide(db)
    analysis = client.get(f"/api/reviews/{REVIEW_ID}").json()["analysis"]
    q1, q2 = analysis["questions"]
    assert (q1["status_source"], q1["decision"]["disagrees"]) == ("person", False)
    assert (q2["status"], q2["machine"]["status"], q2["decision"]["disagrees"]) == (
        "partial",
        "unanswered",
        True,
    )
    assert q2["answers"][0]["score"] is None


def test_search_page_offers_the_checked_facet_and_marks_hits(client: Client, db: Path) -> None:
    with Store(db) as store:
        store.decide(REVIEW_ID, "q002-bbbbbb", "partial", author="Ben", evidence=[7])
    page = client.get("/search?q=cost+OR+labour&kind=question").text
    assert "Question status checked" in page
    assert "checked by a person" in page and "not checked" in page and "checked=yes" in page
    assert page.count("✓ Checked by a person") == 1
    only = client.get("/search?q=cost+OR+labour&checked=yes").text
    assert 'name="checked" value="yes"' in only and "✓ Checked by a person" in only
