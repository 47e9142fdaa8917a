"""The JSON API: exact answers, one error envelope for every failure, uploads, headers."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from rapporteur import library
from rapporteur.settings import Settings
from rapporteur.store import Store
from rapporteur.web import create_app
from tests.fictional import review_text
from tests.web.conftest import (
    CHECKED_ID,
    ENVELOPE_KEYS,
    REVIEW,
    REVIEW_ID,
    SHA,
    SUMMARY,
    Client,
    checked_review,
    reviews_in,
)


def test_api_reviews_exact(client: Client) -> None:
    response = client.get("/api/reviews")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {
        "ok": True,
        "total": 1,
        "limit": 100,
        "offset": 0,
        "reviews": [SUMMARY],
    }


def test_api_reviews_filters(client: Client) -> None:
    for query, total in [
        ("committee=cmw", 1),
        ("committee=CRC", 0),
        ("country=GHA", 1),
        ("country=Ghana", 1),
        ("country=NOR", 0),
        ("year=2020-", 1),
        ("year=-2020", 0),
        ("session=40", 1),
        ("sort=state&order=asc&limit=1&offset=1", 1),
    ]:
        body = client.get(f"/api/reviews?{query}").json()
        assert body["ok"] is True and body["total"] == total, query


def test_api_review_detail_exact(client: Client) -> None:
    response = client.get(f"/api/reviews/{REVIEW_ID}")
    assert response.status_code == 200
    assert response.json() == {"ok": True, "summary": SUMMARY, "analysis": REVIEW}
    by_prefix = client.get(f"/api/reviews/{SHA[:6]}").json()
    assert by_prefix["summary"]["id"] == REVIEW_ID


def _hit(kind: str, line: int, side: str, text: str, start: int, **extra: Any) -> dict[str, Any]:
    hit = {
        "kind": kind,
        "review_id": REVIEW_ID,
        "committee": "CMW",
        "state_name": "Ghana",
        "state_iso3": "GHA",
        "year": 2024,
        "title": "Committee Reviews the Report of Ghana",
        "line": line,
        "side": side,
        "status": None,
        "needs_check": None,
        "speaker": None,
        "question_ids": [],
        "text": text,
        "snippet": text,
        "marks": [[start, start + len("remittances")]],
        "score": 0.0,
        "follow_up": None,
        "repeated": None,
        "reference": None,
        "checked": None,
        "status_source": None,
    }
    hit.update(extra)
    return hit


def test_api_search_exact(client: Client) -> None:
    answer = "The delegation said the cost of remittances had fallen to 4 per cent."
    asked = "Ada Mensah asked about remittances. What had been done to lower their cost?"
    response = client.get("/api/search?q=remittances")
    assert response.status_code == 200
    assert response.json() == {
        "ok": True,
        "query": "remittances",
        "total": 4,
        "limit": 20,
        "offset": 0,
        "hits": [
            _hit(
                "answer",
                7,
                "delegation",
                answer,
                32,
                status="answered",
                question_ids=["q001-aaaaaa"],
            ),
            _hit("paragraph", 5, "committee", asked, 23, speaker="Ada Mensah"),
            _hit("paragraph", 7, "delegation", answer, 32, speaker="The delegation"),
            _hit("figure", 7, "delegation", "4 per cent — cost of remittances", 21),
        ],
        "facets": {
            "committee": {"CMW": 4},
            "country": {"GHA": 4},
            "year": {"2024": 4},
            "language": {"en": 4},
            "kind": {"paragraph": 2, "answer": 1, "figure": 1},
            "side": {"delegation": 3, "committee": 1},
            "status": {"answered": 1},
            "theme": {},
            "follow_up": {},
            "repeated": {},
            "to_check": {},
            "checked": {},
        },
    }


def test_api_search_filters(client: Client) -> None:
    body = client.get("/api/search?q=remittances&side=committee&facets=false").json()
    assert [h["kind"] for h in body["hits"]] == ["paragraph"] and body["facets"] == {}
    body = client.get("/api/search?q=labour+code&status=unanswered").json()
    assert [(h["kind"], h["question_ids"]) for h in body["hits"]] == [("question", ["q002-bbbbbb"])]
    body = client.get("/api/search?q=remittances&kind=figure&kind=answer").json()
    assert sorted(h["kind"] for h in body["hits"]) == ["answer", "figure"]
    body = client.get("/api/search?q=remittances&limit=1&offset=3").json()
    assert body["total"] == 4 and len(body["hits"]) == 1


def _assert_envelope(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == ENVELOPE_KEYS
    assert body["ok"] is False
    assert body["status"] == status and body["code"] == code
    assert isinstance(body["error"], str) and body["error"]
    assert body["errors"] and all(isinstance(e, str) for e in body["errors"])
    assert body["errors"][0] == body["error"] or code == "invalid_request"
    return body


@pytest.mark.parametrize(
    ("method", "url", "status", "code"),
    [
        ("GET", "/api/reviews/0123456789ab", 404, "review_not_found"),
        ("GET", "/api/reviews/<script>", 404, "review_not_found"),
        ("GET", "/api/nowhere", 404, "not_found"),
        ("DELETE", "/api/reviews", 405, "method_not_allowed"),
        ("GET", "/api/reviews?limit=0", 422, "invalid_request"),
        ("GET", "/api/reviews?sort=colour", 422, "invalid_request"),
        ("GET", "/api/search", 422, "invalid_request"),
        ("GET", "/api/search?q=x&side=government", 422, "invalid_request"),
        ("GET", "/api/search?q=%22%22", 400, "invalid_query"),
        ("GET", "/api/reviews?year=soon", 400, "invalid_query"),
    ],
)
def test_api_error_envelope(client: Client, method: str, url: str, status: int, code: str) -> None:
    _assert_envelope(client.request(method, url), status, code)


def test_api_error_envelope_exact(client: Client) -> None:
    response = client.get("/api/reviews/0123456789ab")
    assert response.json() == {
        "ok": False,
        "error": "There is no review '0123456789ab' in the library.",
        "errors": [
            "There is no review '0123456789ab' in the library.",
            "`rapporteur list` shows the ids.",
        ],
        "status": 404,
        "code": "review_not_found",
    }
    invalid = client.get("/api/reviews?limit=0").json()
    assert invalid["errors"] == ["limit: Input should be greater than or equal to 1"]
    assert invalid["error"] == (
        "The request is not valid: limit: Input should be greater than or equal to 1."
    )


def test_api_internal_errors_use_the_envelope(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("secret detail")

    monkeypatch.setattr(library, "list_reviews", boom)
    response = Client(app, raise_app_exceptions=False).get("/api/reviews")
    body = _assert_envelope(response, 500, "internal_error")
    assert "secret detail" not in response.text
    assert "bug" in body["error"]


def test_api_openapi(client: Client) -> None:
    spec = client.get("/api/openapi.json").json()
    assert spec["info"]["title"] == "rapporteur"
    assert set(spec["paths"]) == {
        "/api/reviews",
        "/api/reviews/{review_id}",
        "/api/reviews/{review_id}/recommendations",
        "/api/search",
        "/api/states/{state}",
        "/api/reviews/{review_id}/questions/{question_id}/decision",
        "/api/reviews/{review_id}/decisions",
        "/api/session",
    }
    assert set(spec["paths"]["/api/reviews"]) == {"get", "post"}
    assert set(spec["paths"]["/api/session"]) == {"get", "post", "delete"}
    post = spec["paths"]["/api/reviews"]["post"]
    assert "multipart/form-data" in post["requestBody"]["content"]
    assert client.get("/api/docs").status_code == 404  # no CDN-loaded docs page


def test_api_security_headers(client: Client) -> None:
    for url in ("/api/reviews", "/", f"/reviews/{REVIEW_ID}", "/api/nowhere", "/static/style.css"):
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp and "unsafe-inline" not in csp
        assert "script-src" not in csp  # default-src 'none': no scripts at all
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_api_refuses_unknown_hosts_when_asked(db: Path, settings: Settings) -> None:
    guarded = Client(create_app(db, settings, allowed_hosts=["127.0.0.1", "localhost"]))
    body = _assert_envelope(guarded.get("/api/reviews"), 400, "bad_host")  # Host: testserver
    assert "testserver" in body["error"]
    ok = guarded.get("/api/reviews", headers={"host": "127.0.0.1:8000"})
    assert ok.status_code == 200


# ------------------------------------------------------------------ uploads


def _document(seed: int = 21) -> bytes:
    return review_text(seed, committee="CRC", state=("Peru", "PER"), year=2020).encode()


def test_api_upload_adds_then_skips(client: Client, db: Path) -> None:
    data = _document()
    response = client.post("/api/reviews", files={"file": ("peru.txt", data, "text/plain")})
    assert response.status_code == 201, response.text
    body = response.json()
    review_id = body["id"]
    assert body["ok"] is True and body["outcome"] == "added"
    assert body["url"] == f"/api/reviews/{review_id}" and body["page"] == f"/reviews/{review_id}"
    assert body["summary"]["state_iso3"] == "PER" and body["summary"]["origin"] == "peru.txt"
    assert reviews_in(db) == 2
    again = client.post("/api/reviews", files={"file": ("other-name.txt", data, "text/plain")})
    assert again.status_code == 200 and again.json()["outcome"] == "skipped"
    assert again.json()["id"] == review_id
    raw = client.post(
        "/api/reviews?filename=raw.txt",
        content=_document(22),
        headers={"content-type": "application/octet-stream"},
    )
    assert raw.status_code == 201 and raw.json()["summary"]["origin"] == "raw.txt"
    assert reviews_in(db) == 3


def test_api_upload_over_the_limit_changes_nothing(
    client: Client, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rapporteur import api as rapporteur_api

    def never(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("an oversize upload must not be analysed")

    monkeypatch.setattr(rapporteur_api, "analyze_document", never)
    big = _document() + b"x" * (70 * 1024)
    declared = client.post("/api/reviews", files={"file": ("big.txt", big, "text/plain")})
    body = _assert_envelope(declared, 413, "source_too_large")
    assert "nothing was added" in body["error"]

    async def chunks() -> Any:  # no Content-Length: the limit must hold while reading
        for start in range(0, len(big), 8192):
            yield big[start : start + 8192]

    streamed = client.post(
        "/api/reviews?filename=big.txt",
        content=chunks(),
        headers={"content-type": "application/octet-stream"},
    )
    _assert_envelope(streamed, 413, "source_too_large")
    assert reviews_in(db) == 1


@pytest.mark.parametrize(
    ("name", "data", "status", "code"),
    [
        (
            "diary.txt",
            b"Dear diary, it rained all day and the cat slept. " * 40,
            422,
            "not_a_dialogue",
        ),
        ("empty.txt", b"   \n\n", 422, "empty_document"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, 415, "unsupported_format"),
        (
            "french.txt",
            (
                "Le Comité a examiné le rapport de la France et les experts ont posé "
                "des questions sur les droits des travailleurs migrants. "
            ).encode()
            * 30,
            422,
            "not_a_dialogue",
        ),
    ],
)
def test_api_upload_refuses_non_documents(
    client: Client, db: Path, name: str, data: bytes, status: int, code: str
) -> None:
    response = client.post("/api/reviews", files={"file": (name, data, "text/plain")})
    _assert_envelope(response, status, code)
    assert reviews_in(db) == 1


def test_api_upload_without_a_file(client: Client, db: Path) -> None:
    response = client.post("/api/reviews", files={"other": ("x.txt", b"text", "text/plain")})
    _assert_envelope(response, 422, "empty_document")
    assert reviews_in(db) == 1


def test_api_upload_from_another_site_is_refused(client: Client, db: Path) -> None:
    response = client.post(
        "/api/reviews",
        files={"file": ("peru.txt", _document(), "text/plain")},
        headers={"origin": "https://evil.example"},
    )
    _assert_envelope(response, 403, "cross_site_request")
    same = client.post(
        "/api/reviews",
        files={"file": ("peru.txt", _document(), "text/plain")},
        headers={"origin": "http://testserver"},
    )
    assert same.status_code == 201
    assert reviews_in(db) == 2


def test_api_shows_markup_from_documents_as_text(client: Client, db: Path) -> None:
    hostile = copy.deepcopy(REVIEW)
    hostile["document"]["sha256"] = "ab" * 32
    payload = '<script>alert("x")</script> <b>bold</b> & co'
    hostile["questions"][0]["text"] = payload
    from rapporteur.store import Store

    with Store(db) as store:
        store.put(hostile)
    detail = client.get(f"/api/reviews/{'ab' * 6}").json()
    assert detail["analysis"]["questions"][0]["text"] == payload
    hits = client.get("/api/search?q=alert").json()["hits"]
    assert hits[0]["text"] == payload


def test_api_search_question_hits_say_whether_to_check(client: Client, db: Path) -> None:
    with Store(db) as store:
        store.put(checked_review())
    body = client.get("/api/search?q=cost&kind=question").json()
    hits = {h["review_id"]: h for h in body["hits"]}
    assert hits[CHECKED_ID]["needs_check"] is False
    assert hits[REVIEW_ID]["needs_check"] is True  # stored without the field: to check
    others = client.get("/api/search?q=remittances&kind=answer&kind=paragraph").json()
    assert {h["needs_check"] for h in others["hits"]} == {None}


def test_api_search_filters_and_counts_questions_to_check(client: Client, db: Path) -> None:
    """`to_check=yes` keeps the questions whose status the tool is not sure of; the facet
    counts both, and the search page offers it."""
    with Store(db) as store:
        store.put(checked_review())
    body = client.get("/api/search?q=cost&kind=question").json()
    to_check = [h for h in body["hits"] if h["needs_check"]]
    sure = [h for h in body["hits"] if h["needs_check"] is False]
    assert to_check and sure
    assert body["facets"]["to_check"] == {"yes": len(to_check), "no": len(sure)}
    only = client.get("/api/search?q=cost&to_check=yes").json()
    assert {h["kind"] for h in only["hits"]} == {"question"}
    assert all(h["needs_check"] for h in only["hits"]) and only["total"] == len(to_check)
    none = client.get("/api/search?q=cost&to_check=no").json()
    assert none["total"] == len(sure) and not any(h["needs_check"] for h in none["hits"])
    page = client.get("/search?q=cost").text
    assert "Question status to check" in page and "to_check=yes" in page
    assert client.get("/api/search?q=cost&to_check=maybe").status_code == 422


def test_api_review_keeps_confidence_and_needs_check(client: Client, db: Path) -> None:
    with Store(db) as store:
        store.put(checked_review())
    analysis = client.get(f"/api/reviews/{CHECKED_ID}").json()["analysis"]
    assert [(q["confidence"], q["needs_check"]) for q in analysis["questions"]] == [
        (0.92, False),
        (0.55, True),
    ]
