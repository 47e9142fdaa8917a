"""The review cycle on the web: library page grouped by review, the State page, search over
recommendations with facets, the State and recommendations API; everything escaped."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from rapporteur import library
from rapporteur.settings import Settings
from rapporteur.store import Store
from rapporteur.web import create_app
from tests.web.conftest import Client

CYCLE = Path(__file__).resolve().parents[2] / "examples" / "cycle"
SOURCES = [
    CYCLE / "fictional-cmw-ardenia-summary.txt",
    CYCLE / "fictional-cmw-ardenia-co2.txt",
    CYCLE / "fictional-cmw-ardenia-co1.txt",
]
HOSTILE = '<script>alert("h")</script><img src=x onerror=alert(1)> Data collection'
SETTINGS = Settings(method="lexical", page_cache=0)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web-cycle") / "lib.db"
    summary = library.ingest_paths(SOURCES, path, settings=SETTINGS, workers=1)
    assert summary.ok
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Client:
    return Client(create_app(db, SETTINGS))


def _co2(db: Path) -> str:
    with Store(db) as store:
        row = store.conn.execute("SELECT id FROM reviews WHERE symbol = 'CMW/C/ARD/CO/2'")
        return str(row.fetchone()[0])


def test_library_page_groups_documents_under_their_review(client: Client, db: Path) -> None:
    page = client.get("/").text
    assert "Library 2 reviews" in _text(page)
    bodies = page.split('<tbody class="review">')[1:]
    second = next(b for b in bodies if "CMW/C/ARD/2" in b)
    assert "meeting summary" in second and "concluding observations CMW/C/ARD/CO/2" in _text(second)
    assert f'href="/reviews/{_co2(db)}"' in second
    assert 'href="/state/Ardenia"' in page


def test_state_page_shows_reviews_follow_up_and_repeats(client: Client, db: Path) -> None:
    page = client.get("/state/Ardenia?as_of=2026-01-01")
    assert page.status_code == 200
    text = _text(page.text)
    assert "Reviews over time" in text and "CMW" in text
    assert text.index("CMW/C/ARD/CO/1") < text.index("CMW/C/ARD/CO/2")  # oldest first
    follow = page.text.split('<section class="follow-up">')[1].split("</section>")[0]
    assert _text(follow).count("2026-04-11 open") == 3
    assert "para. 18 (a)" in follow and "Data collection" in follow
    late = client.get("/state/ardenia?as_of=2026-05-01").text
    assert _text(late.split('<section class="follow-up">')[1]).count("past due") >= 3
    repeated = _text(page.text.split('<section class="repeated">')[1])
    assert "CMW/C/ARD/CO/2 para. 12" in repeated and "CMW/C/ARD/CO/1 para. 11" in repeated
    assert "says so" in repeated and "similar wording" in repeated
    assert "Subjects raised in more than one cycle" in text and "Detention" in text
    assert client.get("/states").text.count('href="/state/Ardenia"') == 1


def test_state_page_bad_input(client: Client) -> None:
    missing = client.get("/state/Nowhere")
    assert missing.status_code == 404 and "no review of" in missing.text
    wrong = client.get("/state/Ardenia?as_of=tomorrow")
    assert wrong.status_code == 400 and "is not a date" in wrong.text


def test_search_page_over_recommendations_with_facets(client: Client) -> None:
    page = client.get("/search?q=detention&kind=recommendation").text
    assert "Follow-up recommendation" in page and "Repeated from the last cycle" in page
    assert "Theme of recommendations" in page
    assert "para. 28 (b)" in page and "follow-up" in page
    only = client.get("/search?q=detention&kind=recommendation&follow_up=yes").text
    assert "2 matches" in _text(only)


def test_api_state_and_recommendations(client: Client, db: Path) -> None:
    state = client.get("/api/states/Ardenia").json()
    assert state["ok"] and state["state_name"] == "Ardenia"
    assert [r["symbol"] for r in state["committees"]["CMW"]] == [
        "CMW/C/ARD/CO/1",
        "CMW/C/ARD/CO/2",
    ]
    assert {f["due"] for f in state["follow_up"]} == {"2026-04-11"}
    co2 = _co2(db)
    body = client.get(f"/api/reviews/{co2}/recommendations").json()
    assert body["ok"] and body["symbol"] == "CMW/C/ARD/CO/2"
    assert body["review"]["kinds"] == ["meeting_summary", "concluding_observations"]
    recs = {r["rid"]: r for r in body["recommendations"]}
    assert recs["r12"]["previous"]["previous_rid"] == "r11"
    assert recs["r12"]["previous"]["score"] == 1.0
    traced = [q for r in recs.values() for q in r["questions"]]
    assert traced and all(q["dialogue_id"] == body["review"]["documents"][0]["id"] for q in traced)
    assert all(q["reason"] and 0 < q["score"] <= 1 and q["text"] for q in traced)
    missing = client.get("/api/states/Nowhere")
    assert missing.status_code == 404 and missing.json()["code"] == "review_not_found"


def test_cycle_pages_escape_a_hostile_heading(tmp_path: Path, db: Path) -> None:
    path = tmp_path / "hostile.db"
    with Store(db) as store:
        data: dict[str, Any] = copy.deepcopy(dict(store.get(_co2(db)).data))
    data["document"]["sha256"] = "ab" * 32
    for rec in data["recommendations"]:
        rec["heading"] = HOSTILE
    data["review"]["state_party"] = {"name": '<b>Ardenia</b>"', "iso3": None}
    with Store(path) as store:
        store.put(data)
    client = Client(create_app(path, SETTINGS))
    pages = [
        client.get("/").text,
        client.get("/states").text,
        client.get("/state/" + quote('<b>Ardenia</b>"', safe="")).text,
        client.get("/search?q=collection&kind=recommendation").text,
    ]
    for html in pages:
        assert "<script" not in html.lower() and "<img" not in html.lower()
        assert "<b>Ardenia" not in html
    assert "&lt;script&gt;alert(&#34;h&#34;)&lt;/script&gt;" in pages[2]


def test_dialogue_of_concluding_observations(db: Path) -> None:
    """The review page links recommendations' question ids into this dialogue's review."""
    with Store(db) as store:
        summary = store.conn.execute(
            "SELECT id FROM reviews WHERE kind = 'meeting_summary'"
        ).fetchone()[0]
        assert library.dialogue_of(_co2(db), store) == summary
        co1 = store.conn.execute("SELECT id FROM reviews WHERE symbol = 'CMW/C/ARD/CO/1'")
        assert library.dialogue_of(co1.fetchone()[0], store) is None


def test_review_page_links_questions_documents_and_state(client: Client, db: Path) -> None:
    """The concluding observations' page links each traced question into the dialogue's
    review page, names the review's other documents and links the State page."""
    co2 = _co2(db)
    dialogue = library.dialogue_of(co2, db)
    assert dialogue is not None
    page = client.get(f"/reviews/{co2}").text
    assert f'href="/reviews/{dialogue}#q-' in page
    assert "Other documents of this review" in page and f'href="/reviews/{dialogue}"' in page
    assert 'href="/state/Ardenia"' in page
    question = re.search(rf'href="/reviews/{dialogue}#(q-[^"]+)"', page)
    assert question is not None
    assert f'id="{question.group(1)}"' in client.get(f"/reviews/{dialogue}").text
    # What was asked is shown, with the status of its answer, not only the question's id.
    traced = page[question.start() : page.index("</li>", question.start())]
    assert re.search(r"[a-z]{3,} [a-z]{3,}", _text(traced)) and "badge status-" in traced
