"""Who may write: logging in and out, the session cookie, the same answer for a wrong name
or password, read-only servers, servers off localhost, and the API with a session."""

from __future__ import annotations

import asyncio
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from rapporteur import accounts, library
from rapporteur.settings import Settings
from rapporteur.web import create_app
from rapporteur.web.app import client as async_client
from tests.fictional import review_text
from tests.web.conftest import REVIEW_ID, Client, form_token, reviews_in

Q2 = "q002-bbbbbb"
URL = f"/reviews/{REVIEW_ID}"
DECIDE = f"{URL}/questions/{Q2}/decision"
PASSWORD = "correct horse battery"
UPLOAD = review_text(31, committee="CAT", state=("Kenya", "KEN"), year=2022).encode()

pytestmark = pytest.mark.usefixtures("cheap_hashing")


def text_of(html: str) -> str:
    import html as html_module

    return re.sub(r"\s+", " ", html_module.unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def decisions_in(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM decisions").fetchone()[0])
    finally:
        conn.close()


def log_in(client: Client, name: str = "Ana", password: str = PASSWORD, **extra: str) -> Any:
    token = form_token(client.get("/login").text)
    return client.post("/login", data={"name": name, "password": password, "csrf": token, **extra})


@pytest.fixture
def ana(db: Path) -> Path:
    accounts.add_user("Ana", PASSWORD, db)
    return db


# ------------------------------------------------------------------ logging in and out


def test_wrong_password_and_unknown_name_get_the_same_answer(client: Client, ana: Path) -> None:
    answers = [log_in(client, "Ana", "wrong password"), log_in(client, "Nobody", PASSWORD)]
    for answer in answers:
        assert answer.status_code == 401
        assert "That name and password do not match an account." in text_of(answer.text)
        assert "set-cookie" not in answer.headers or "rapporteur_session" not in str(
            answer.headers.get_list("set-cookie")
        )

    def alert(html: str) -> str:
        match = re.search(r'<p class="form-error" role="alert">(.*?)</p>', html)
        assert match
        return match.group(1)

    assert alert(answers[0].text) == alert(answers[1].text)
    api = [
        client.post("/api/session", json={"name": "Ana", "password": "wrong password"}),
        client.post("/api/session", json={"name": "Nobody", "password": PASSWORD}),
    ]
    assert [r.status_code for r in api] == [401, 401]
    assert api[0].json() == api[1].json()
    assert api[0].json()["error"] == "That name and password do not match an account."


def test_repeated_wrong_passwords_are_slowed_down_for_that_name(
    client: Client, ana: Path
) -> None:
    for _ in range(accounts.MAX_FAILURES):
        assert log_in(client, "ana", "wrong password").status_code == 401
    refused = log_in(client, "Ana", PASSWORD)  # even the right one, until the window passes
    assert refused.status_code == 429
    assert "Too many wrong passwords for this name" in text_of(refused.text)
    for _ in range(accounts.MAX_FAILURES):  # an unknown name is treated the same way
        log_in(client, "Nobody", "wrong password")
    assert log_in(client, "Nobody", "wrong password").status_code == 429
    api = client.post("/api/session", json={"name": "Ana", "password": PASSWORD})
    assert api.status_code == 429 and api.json()["code"] == "too_many_attempts"
    with sqlite3.connect(ana) as conn:  # a quarter of an hour later
        conn.execute("UPDATE login_failures SET at = at - ?", (accounts.WINDOW + 1,))
    assert log_in(client, "Ana", PASSWORD).status_code == 303


def test_login_sets_a_strict_http_only_cookie_and_keeps_only_its_digest(
    client: Client, ana: Path
) -> None:
    response = log_in(client, "ana", next="/reviews/" + REVIEW_ID)
    assert response.status_code == 303 and response.headers["location"] == URL
    cookie = next(
        c for c in response.headers.get_list("set-cookie") if c.startswith("rapporteur_session=")
    )
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    assert "Max-Age=43200" in cookie and "Secure" not in cookie  # http: no Secure flag
    token = client.cookies["rapporteur_session"]
    conn = sqlite3.connect(ana)
    stored = [row[0] for row in conn.execute("SELECT token FROM sessions")]
    conn.close()
    assert len(stored) == 1 and token not in stored and len(stored[0]) == 64
    page = client.get(URL).text
    assert "Logged in as Ana" in text_of(page) and "Saved under your account, Ana." in page


def test_the_cookies_are_secure_over_https(app: Any, ana: Path) -> None:
    async def go() -> list[str]:
        async with async_client(app, base_url="https://testserver") as http:
            page = await http.get("/login")
            token = form_token(page.text)
            answer = await http.post(
                "/login", data={"name": "Ana", "password": PASSWORD, "csrf": token}
            )
            return [*page.headers.get_list("set-cookie"), *answer.headers.get_list("set-cookie")]

    cookies = asyncio.run(go())
    assert len(cookies) == 2 and all("Secure" in c for c in cookies)


def test_login_without_its_token_is_refused(client: Client, ana: Path) -> None:
    client.get("/login")
    refused = client.post("/login", data={"name": "Ana", "password": PASSWORD})
    assert refused.status_code == 403 and "anti-forgery token" in text_of(refused.text)
    assert "rapporteur_session" not in client.cookies


def test_login_goes_back_to_this_site_only(client: Client, ana: Path) -> None:
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        other = Client(client.app)
        assert log_in(other, next=target).headers["location"] == "/"


def test_logout_ends_the_session(client: Client, ana: Path, db: Path) -> None:
    log_in(client)
    token = client.cookies["rapporteur_session"]
    page = client.get(URL).text
    assert 'action="/logout"' in page
    out = client.post("/logout", data={"csrf": form_token(page)})
    assert out.status_code == 303
    assert any("Max-Age=0" in c for c in out.headers.get_list("set-cookie"))
    after = client.get(URL).text
    assert "Logged in as" not in after and "Log in to check statuses" in after
    # the old cookie value no longer works, even sent again by hand
    thief = Client(client.app)
    thief.cookies.set("rapporteur_session", token)
    assert thief.get("/api/session").json()["name"] is None
    assert '<form class="decision"' not in thief.get(URL).text
    refused = thief.post(
        f"/api{DECIDE}", json={"status": "partial", "version": 0}, headers={"x-csrf-token": "x"}
    )
    assert refused.status_code == 403 and refused.json()["code"] == "login_required"
    assert decisions_in(db) == 0


def test_logout_needs_its_token(client: Client, ana: Path) -> None:
    log_in(client)
    assert client.post("/logout", data={}).status_code == 403
    assert client.get("/api/session").json()["name"] == "Ana"


# ------------------------------------------------------------------ who may write


def test_with_accounts_decisions_carry_the_logged_in_name(client: Client, ana: Path) -> None:
    page = client.get(URL).text
    assert "Log in to check statuses" in page and '<form class="decision"' not in page
    log_in(client)
    page = client.get(URL).text
    assert 'name="by"' not in page  # no name to type: the account's is used
    response = client.post(
        DECIDE,
        data={"csrf": form_token(page), "version": "0", "status": "partial", "by": "Mallory"},
    )
    assert response.status_code == 303
    decision = library.get_review(REVIEW_ID, ana).data["questions"][1]["decision"]
    assert decision["by"] == "Ana"


def test_the_api_with_a_session_needs_its_token_in_a_header(client: Client, ana: Path) -> None:
    anonymous = client.post(f"/api{DECIDE}", json={"status": "partial", "version": 0, "by": "Ana"})
    assert anonymous.status_code == 403 and anonymous.json()["code"] == "login_required"
    session = client.post("/api/session", json={"name": "Ana", "password": PASSWORD}).json()
    assert session["name"] == "Ana" and session["csrf"] and session["can_write"] is True
    assert client.get("/api/session").json()["csrf"] == session["csrf"]
    body = {"status": "partial", "version": 0}
    no_header = client.post(f"/api{DECIDE}", json=body)
    assert no_header.status_code == 403 and no_header.json()["code"] == "cross_site_request"
    wrong_name = client.post(
        f"/api{DECIDE}", json={**body, "by": "Bo"}, headers={"x-csrf-token": session["csrf"]}
    )
    assert wrong_name.status_code == 400 and "logged in as, Ana" in wrong_name.json()["error"]
    saved = client.post(f"/api{DECIDE}", json=body, headers={"x-csrf-token": session["csrf"]})
    assert saved.status_code == 200 and saved.json()["question"]["decision"]["by"] == "Ana"
    upload = client.post(
        "/api/reviews?filename=kenya.txt",
        content=UPLOAD,
        headers={"x-csrf-token": session["csrf"]},
    )
    assert upload.status_code == 201
    out = client.request("DELETE", "/api/session", headers={"x-csrf-token": session["csrf"]})
    assert out.status_code == 200 and client.get("/api/session").json()["name"] is None


def test_off_localhost_writes_need_a_login_and_the_controls_are_hidden(db: Path) -> None:
    client = Client(create_app(db, Settings(page_cache=8), require_login=True))
    page = client.get(URL).text
    assert '<form class="decision"' not in page and "Check this status" not in page
    assert 'class="login-to-check"' in page and "Log in to check statuses" in page
    assert 'href="/login"' in page
    upload_page = client.get("/upload").text
    assert 'enctype="multipart/form-data"' not in upload_page
    assert "Log in to add documents" in upload_page
    token = form_token(client.get("/login").text)
    refusals = [
        client.post(DECIDE, data={"csrf": token, "version": "0", "status": "partial", "by": "X"}),
        client.post("/upload", data={"csrf": token}, files={"file": ("k.txt", UPLOAD)}),
        client.post(f"/api{DECIDE}", json={"status": "partial", "version": 0, "by": "X"}),
        client.post("/api/reviews?filename=k.txt", content=UPLOAD),
    ]
    for refused in refusals:
        assert refused.status_code == 403
        assert "need an account" in refused.text
    assert refusals[2].json()["code"] == "login_required"
    assert decisions_in(db) == 0 and reviews_in(db) == 1
    # no account at all yet: the login page says how to make one
    assert "rapporteur user add NAME" in client.get("/login").text
    accounts.add_user("Ana", PASSWORD, db)
    log_in(client)
    page = client.get(URL).text
    assert '<form class="decision"' in page
    saved = client.post(
        DECIDE, data={"csrf": form_token(page), "version": "0", "status": "partial"}
    )
    assert saved.status_code == 303 and decisions_in(db) == 1


def test_read_only_refuses_every_write(db: Path) -> None:
    accounts.add_user("Ana", PASSWORD, db)
    client = Client(create_app(db, Settings(read_only=True)))
    page = client.get(URL).text
    assert '<form class="decision"' not in page and "read-only" in page
    assert 'enctype="multipart/form-data"' not in client.get("/upload").text
    assert log_in(client).status_code == 303  # logging in changes no document
    session = client.get("/api/session").json()
    assert session["name"] == "Ana" and session["read_only"] and not session["can_write"]
    token = form_token(client.get(URL).text)
    refusals = [
        client.post(DECIDE, data={"csrf": token, "version": "0", "status": "partial"}),
        client.post("/upload", data={"csrf": token}, files={"file": ("k.txt", UPLOAD)}),
        client.post(
            f"/api{DECIDE}",
            json={"status": "partial", "version": 0},
            headers={"x-csrf-token": session["csrf"]},
        ),
        client.post(
            "/api/reviews?filename=k.txt",
            content=UPLOAD,
            headers={"x-csrf-token": session["csrf"]},
        ),
        Client(client.app).post("/api/reviews?filename=k.txt", content=UPLOAD),
    ]
    for refused in refusals:
        assert refused.status_code == 403
        assert "This server is read-only" in refused.text
    assert refusals[2].json()["code"] == "read_only"
    assert decisions_in(db) == 0 and reviews_in(db) == 1


def test_accounts_survive_a_server_of_several_processes(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`serve -j N` passes the mode to its workers through the environment."""
    from rapporteur.web.app import app_from_env

    monkeypatch.setenv("RAPPORTEUR_DB", str(db))
    monkeypatch.setenv("RAPPORTEUR_REQUIRE_LOGIN", "1")
    monkeypatch.setenv("RAPPORTEUR_READ_ONLY", "0")
    app = app_from_env()
    assert app.state.require_login is True and app.state.settings.read_only is False
    monkeypatch.setenv("RAPPORTEUR_READ_ONLY", "1")
    assert app_from_env().state.settings.read_only is True
