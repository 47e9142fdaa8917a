"""Logging in and out: the /login page, POST /logout, and /api/session for programs.

A login gives the browser a session cookie (a random token; the library keeps only its
SHA-256), HttpOnly, SameSite=Strict, Secure over https, for `SESSION_HOURS`. A wrong name
and a wrong password get the same sentence. Logging in stays possible on a read-only
server (it changes no document).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from .. import accounts
from ..errors import LoginFailed
from . import guard
from .pages import render

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api", tags=["accounts"])

LOGIN_FROM_ELSEWHERE = "This login came from another web site and was refused."
_ERROR = {"description": "Error: {ok: false, error, errors, status, code}"}


def safe_next(target: str | None) -> str:
    """Where to go after logging in or out: a path of this site only, never another host."""
    if (
        not target
        or not target.startswith("/")
        or target.startswith("//")
        or "\\" in target
        or any(ord(c) < 32 for c in target)
    ):
        return "/"
    return target


def _login_page(
    request: Request, next_url: str, message: str | None = None, name: str = "", status: int = 200
) -> Response:
    store = request.app.state.library.store()
    return render(
        "login.html",
        status,
        visitor=guard.visitor_of(request),
        next_url=safe_next(next_url),
        message=message,
        name=name,
        has_accounts=store.has_users(),
    )


@router.get("/login")
def login_form(request: Request, next: str = "/") -> Response:
    return _login_page(request, next)


@router.post("/login")
def login(
    request: Request,
    name: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    csrf: Annotated[str | None, Form()] = None,
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    """Log in with a name and password; back to the login page, 401, when they do not
    match an account (the same sentence whichever part was wrong)."""
    guard.check_same_origin(request, LOGIN_FROM_ELSEWHERE)
    guard.check_token(request, csrf)
    store = request.app.state.library.store()
    try:
        token, _ = accounts.log_in(name, password, store)
    except LoginFailed as exc:
        return _login_page(request, next, exc.message, name, exc.status)
    response = RedirectResponse(safe_next(next), status_code=303)
    response.headers.append(
        "set-cookie", guard.session_cookie(token, guard.visit_of(request).https)
    )
    return response


@router.post("/logout")
def logout(
    request: Request,
    csrf: Annotated[str | None, Form()] = None,
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    """End the session: its cookie no longer works, here or anywhere it was copied."""
    guard.check_same_origin(request, "This logout came from another web site and was refused.")
    guard.check_token(request, csrf)
    visit = guard.visit_of(request)
    accounts.end_session(visit.session_token, request.app.state.library.store())
    response = RedirectResponse(safe_next(next), status_code=303)
    response.headers.append("set-cookie", guard.expired_session_cookie(visit.https))
    return response


# ------------------------------------------------------------------ the same for programs


class LoginIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(max_length=200)
    password: str = Field(max_length=1024)


def _session_dict(request: Request) -> dict[str, Any]:
    visit = guard.visit_of(request)
    visitor = visit.visitor()
    return {
        "ok": True,
        "name": visitor.name,
        "csrf": visitor.csrf if visitor.name else None,
        "expires_at": visit.session.expires_at if visit.session else None,
        "can_write": visitor.can_write,
        "read_only": visitor.read_only,
        "needs_account": visitor.needs_account,
    }


@api_router.get("/session")
def session(request: Request) -> dict[str, Any]:
    """Who the request is logged in as (`name`, null when nobody), the token its writes
    must carry in `X-CSRF-Token` (`csrf`), and what it may do here (`can_write`,
    `read_only`, `needs_account`)."""
    return _session_dict(request)


@api_router.post("/session", responses={401: _ERROR, 403: _ERROR})
def log_in(request: Request, body: LoginIn) -> JSONResponse:
    """Log in: sets the session cookie and answers like GET /api/session. 401 with the
    same sentence for a wrong name or a wrong password."""
    guard.check_same_origin(request, LOGIN_FROM_ELSEWHERE)
    store = request.app.state.library.store()
    token, made = accounts.log_in(body.name, body.password, store)
    answer = {
        "ok": True,
        "name": made.name,
        "csrf": made.csrf,
        "expires_at": made.expires_at,
        "can_write": not request.app.state.settings.read_only,
        "read_only": bool(request.app.state.settings.read_only),
        "needs_account": True,
    }
    response = JSONResponse(answer)
    response.headers.append(
        "set-cookie", guard.session_cookie(token, guard.visit_of(request).https)
    )
    return response


@api_router.delete("/session", responses={403: _ERROR})
def log_out(request: Request) -> JSONResponse:
    """Log out: the session cookie no longer works. A logged-in request must carry the
    session's token in `X-CSRF-Token`."""
    guard.check_same_origin(request, "This logout came from another web site and was refused.")
    visit = guard.visit_of(request)
    if visit.visitor().name is not None:
        guard.check_header_token(request)
        accounts.end_session(visit.session_token, request.app.state.library.store())
    response = JSONResponse({"ok": True, "name": None})
    response.headers.append("set-cookie", guard.expired_session_cookie(visit.https))
    return response
