"""Fixtures for the web tests: a library with a hand-written review, an in-process client."""

from __future__ import annotations

import asyncio
import copy
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from rapporteur import store as store_module
from rapporteur.settings import Settings
from rapporteur.store import Store, write
from rapporteur.web import create_app

NOW = "2024-05-01T12:00:00Z"
SHA = "5e1f" + "0" * 60
REVIEW_ID = SHA[:12]

# A minimal rapporteur/review@1 object written by hand, so that API answers can be pinned
# exactly whatever the analysis stages do. Fictional: not a UN record.
REVIEW: dict[str, Any] = {
    "schema": "rapporteur/review@1",
    "analyzer": {"name": "rapporteur", "version": "0.1.0"},
    "document": {
        "origin": "fictional-review.txt",
        "format": "text",
        "sha256": SHA,
        "lines": 9,
        "title": "Committee Reviews the Report of Ghana",
    },
    "is_dialogue": True,
    "warnings": [],
    "review": {
        "committee": "CMW",
        "committee_name": "Committee on Migrant Workers",
        "state_party": {"name": "Ghana", "iso3": "GHA"},
        "report": {
            "description": "second periodic report",
            "kind": "periodic",
            "numbers": [2],
            "symbol": "CMW/C/GHA/2",
        },
        "session": 40,
        "date": "2024-04-10",
        "year": 2024,
        "release_code": None,
        "next_meeting": None,
    },
    "participants": [
        {
            "id": "ada-mensah",
            "name": "Ada Mensah",
            "side": "committee",
            "roles": ["Committee Expert", "Country Rapporteur"],
            "title": None,
        }
    ],
    "sections": [],
    "paragraphs": [
        {
            "line": 5,
            "last_line": 5,
            "section": "questions",
            "side": "committee",
            "speaker": "Ada Mensah",
            "text": "Ada Mensah asked about remittances. What had been done to lower their cost?",
        },
        {
            "line": 7,
            "last_line": 7,
            "section": "responses",
            "side": "delegation",
            "speaker": "The delegation",
            "text": "The delegation said the cost of remittances had fallen to 4 per cent.",
        },
    ],
    "turns": [],
    "questions": [
        {
            "id": "q001-aaaaaa",
            "line": 5,
            "text": "What had been done to lower their cost?",
            "kind": "direct",
            "asker": "Ada Mensah",
            "participant": "ada-mensah",
            "asker_inferred": False,
            "round": 1,
            "section": "questions",
            "status": "answered",
            "status_reason": "",
            "status_source": "machine",
            "answers": [
                {
                    "line": 7,
                    "text": "The delegation said the cost of remittances had fallen to 4 per cent.",
                    "score": 0.8,
                }
            ],
            "themes": ["remittances"],
        },
        {
            "id": "q002-bbbbbb",
            "line": 5,
            "text": "Were migrant domestic workers covered by the Labour Code?",
            "kind": "direct",
            "asker": "Ada Mensah",
            "participant": "ada-mensah",
            "asker_inferred": False,
            "round": 1,
            "section": "questions",
            "status": "unanswered",
            "status_reason": "",
            "status_source": "machine",
            "answers": [],
            "themes": [],
        },
    ],
    "figures": [
        {
            "line": 7,
            "mention": "4 per cent",
            "value": 4,
            "value_min": None,
            "value_max": None,
            "qualifier": None,
            "unit": "per cent",
            "subject": "cost of remittances",
            "period": None,
            "side": "delegation",
            "speaker": None,
            "themes": [],
        }
    ],
    "inconsistencies": [],
    "commitments": [],
    "themes": {"taxonomy_version": None, "counts": {"remittances": 1}},
}

SUMMARY: dict[str, Any] = {
    "id": REVIEW_ID,
    "sha256": SHA,
    "origin": "fictional-review.txt",
    "format": "text",
    "title": "Committee Reviews the Report of Ghana",
    "committee": "CMW",
    "state_name": "Ghana",
    "state_iso3": "GHA",
    "year": 2024,
    "session": 40,
    "date": "2024-04-10",
    "report": "second periodic report",
    "report_symbol": "CMW/C/GHA/2",
    "is_dialogue": True,
    "analyzer_version": "0.1.0",
    "participants": 1,
    "questions": 2,
    "answered": 1,
    "partial": 0,
    "unanswered": 1,
    "figures": 1,
    "contradictions": 0,
    "commitments": 0,
    "added_at": NOW,
    "updated_at": NOW,
    "kind": None,
    "symbol": None,
    "review_key": "report:CMW|CMW/C/GHA/2",
}

ENVELOPE_KEYS = {"ok", "error", "errors", "status", "code"}


class Client:
    """A synchronous face on httpx.AsyncClient over ASGITransport: no socket, no server.
    Like a browser, it keeps the cookies the server sets (`cookies`)."""

    def __init__(self, app: Any, *, raise_app_exceptions: bool = True) -> None:
        self.app = app
        self.raise_app_exceptions = raise_app_exceptions
        self.cookies = httpx.Cookies()

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(
                app=self.app, raise_app_exceptions=self.raise_app_exceptions
            )
            async with httpx.AsyncClient(
                transport=transport, base_url="http://testserver", cookies=self.cookies
            ) as client:
                response = await client.request(method, url, **kwargs)
                self.cookies = httpx.Cookies(client.cookies)
                return response

        return asyncio.run(go())

    def csrf(self, page: str = "/upload") -> str:
        """The anti-forgery token the forms of `page` carry for this client."""
        return form_token(self.get(page).text)

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)


def form_token(html: str) -> str:
    """The value of the first hidden `csrf` field of a page."""
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "the page has no form with an anti-forgery token"
    return match.group(1)


@pytest.fixture
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id at its cheapest: the tests check the logic, not the hash's cost."""
    from argon2 import PasswordHasher

    from rapporteur.store import users

    monkeypatch.setattr(users, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def frozen_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(write, "now", lambda: NOW)
    monkeypatch.setattr(store_module, "now", lambda: NOW)


@pytest.fixture
def db(tmp_path: Path, frozen_time: None) -> Path:
    path = tmp_path / "lib.db"
    with Store(path) as store:
        store.put(copy.deepcopy(REVIEW))
    return path


@pytest.fixture
def settings() -> Settings:
    return Settings(max_upload_bytes=64 * 1024)


@pytest.fixture
def app(db: Path, settings: Settings) -> Any:
    return create_app(db, settings)


@pytest.fixture
def client(app: Any) -> Iterator[Client]:
    yield Client(app)


def reviews_in(db: Path) -> int:
    with Store(db) as store:
        return store.count()


CHECKED_SHA = "c0" * 32
CHECKED_ID = CHECKED_SHA[:12]


def checked_review() -> dict[str, Any]:
    """REVIEW with how sure the tool is of each status: the answered question is sure (0.92);
    the unanswered one is to check (0.55), with a closest passage and a hostile reason."""
    data = copy.deepcopy(REVIEW)
    data["document"]["sha256"] = CHECKED_SHA
    answered, unanswered = data["questions"]
    answered.update(confidence=0.92, needs_check=False, status_reason="The cost was given.")
    unanswered.update(
        confidence=0.55,
        needs_check=True,
        status_reason='No passage mentions the <b>Labour Code</b> <script>alert("r")</script>',
        answers=[
            {
                "line": 7,
                "text": "The delegation said the cost of remittances had fallen to 4 per cent.",
                "score": 0.12,
            }
        ],
    )
    return data
