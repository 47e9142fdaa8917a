"""Who may write through the web UI and API, and proof that a form comes from our pages.

Reading is open to everyone. Writing (uploads, decisions on statuses) is:
- refused to everyone when the server runs read-only (`serve --read-only`);
- for logged-in accounts only when the server listens on anything but localhost
  (`app.state.require_login`) or once the library has an account;
- open to anyone on localhost while the library has no account (the decision form then
  asks for a name), as before accounts existed.

Every form carries an anti-forgery (CSRF) token: a logged-in visitor's is their session's;
an anonymous visitor's is the value of a cookie set here (double submit: a page of another
site can neither read that cookie nor guess its value). The JSON API takes the session
cookie with the session's token in an `X-CSRF-Token` header, or no cookie at all when
writes need no account. `check_same_origin` (Sec-Fetch-Site, Origin) stays as a second line.

Pages are rendered with `PLACEHOLDER` where the token goes and `fill_tokens` puts the
visitor's in, so that the page cache can keep one copy for every visitor.
"""

from __future__ import annotations

import hmac
import re
import secrets
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from starlette.datastructures import MutableHeaders
from starlette.requests import cookie_parser

from ..errors import CrossSiteRequest, LoginRequired, RapporteurError, ReadOnly
from ..store.users import SESSION_HOURS, Session

SESSION_COOKIE = "rapporteur_session"
CSRF_COOKIE = "rapporteur_csrf"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
PLACEHOLDER = "csrf-" + secrets.token_hex(16)
"""Stands for the visitor's token in rendered pages; random per process, so that no
document text can contain it."""

_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,100}")

UPLOAD_FROM_ELSEWHERE = "This upload came from another web site and was refused; nothing was added."
FORGED = (
    "This form did not carry the anti-forgery token of this server's page, so it was refused; "
    "nothing was changed."
)
READ_ONLY = "This server is read-only: documents and decisions cannot be added or changed here."
LOGIN_NEEDED = (
    "Adding documents and checking statuses on this server need an account: log in first."
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Visitor:
    """Who is asking: the account they are logged in as, the token their forms carry, and
    what the server lets them do."""

    name: str | None
    csrf: str
    read_only: bool
    needs_account: bool
    """Writing needs a login here (off localhost, or the library has accounts)."""

    @property
    def can_write(self) -> bool:
        return not self.read_only and (self.name is not None or not self.needs_account)

    @property
    def cache_key(self) -> tuple[str | None, bool, bool]:
        """What a rendered page depends on (besides the token, filled in per response)."""
        return (self.name, self.read_only, self.needs_account)


class Visit:
    """One request's visitor, read from its cookies and, on first use, the library."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        raw = dict(scope.get("headers") or []).get(b"cookie", b"").decode("latin-1")
        cookies = cookie_parser(raw) if raw else {}
        self.session_token = cookies.get(SESSION_COOKIE) or None
        found = cookies.get(CSRF_COOKIE, "")
        self.cookie_csrf = found if _TOKEN.fullmatch(found) else None
        self.fresh_csrf = None if self.cookie_csrf else secrets.token_urlsafe(32)
        self.session: Session | None = None
        self._visitor: Visitor | None = None

    def visitor(self) -> Visitor:
        if self._visitor is None:
            state = self.scope["app"].state
            store = state.library.store()
            self.session = store.session(self.session_token) if self.session_token else None
            needs = bool(getattr(state, "require_login", False)) or store.has_users()
            self._visitor = Visitor(
                name=self.session.name if self.session else None,
                csrf=self.session.csrf
                if self.session
                else str(self.cookie_csrf or self.fresh_csrf),
                read_only=bool(state.settings.read_only),
                needs_account=needs,
            )
        return self._visitor

    @property
    def https(self) -> bool:
        return self.scope.get("scheme") == "https"


_current: ContextVar[Visit | None] = ContextVar("rapporteur_visit", default=None)
_deferred: ContextVar[bool] = ContextVar("rapporteur_tokens_deferred", default=False)


def visit_of(request: Request) -> Visit:
    found = request.scope.get("rapporteur.visit")
    if not isinstance(found, Visit):  # an app mounted without GuardMiddleware
        found = Visit(request.scope)
        request.scope["rapporteur.visit"] = found
    return found


def visitor_of(request: Request) -> Visitor:
    return visit_of(request).visitor()


def current() -> Visitor | None:
    """The visitor of the request being answered (templates call it), or None outside one."""
    visit = _current.get()
    if visit is None:
        return None
    try:
        return visit.visitor()
    except RapporteurError:  # an error page about the library itself: no account shown
        return None


def fill_tokens(html: str) -> str:
    """`html` with the visitor's token in place of PLACEHOLDER (unless deferred)."""
    if _deferred.get() or PLACEHOLDER not in html:
        return html
    visitor = current()
    return html.replace(PLACEHOLDER, visitor.csrf if visitor else "")


@contextmanager
def tokens_deferred() -> Iterator[None]:
    """Render pages with the placeholder left in (for the page cache)."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def cookie(name: str, value: str, *, https: bool, max_age: int | None = None) -> str:
    """A Set-Cookie value: HttpOnly, SameSite=Strict, the whole site, Secure over https."""
    parts = [f"{name}={value}", "Path=/", "HttpOnly", "SameSite=Strict"]
    if max_age is not None:
        parts.append(f"Max-Age={max_age}")
    if https:
        parts.append("Secure")
    return "; ".join(parts)


def session_cookie(token: str, https: bool) -> str:
    return cookie(SESSION_COOKIE, token, https=https, max_age=int(SESSION_HOURS * 3600))


def expired_session_cookie(https: bool) -> str:
    return cookie(SESSION_COOKIE, "", https=https, max_age=0)


class GuardMiddleware:
    """Makes each request's `Visit` (cookies) available to views and templates, and gives
    an anonymous browser its anti-forgery cookie with the first page it gets."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        visit = Visit(scope)
        scope["rapporteur.visit"] = visit
        path = str(scope.get("path", ""))
        issue = visit.fresh_csrf is not None and not path.startswith(("/api/", "/static/"))

        async def send_with_cookie(message: Message) -> None:
            if issue and message["type"] == "http.response.start":
                MutableHeaders(scope=message).append(
                    "set-cookie", cookie(CSRF_COOKIE, str(visit.fresh_csrf), https=visit.https)
                )
            await send(message)

        token = _current.set(visit)
        try:
            await self.app(scope, receive, send_with_cookie)
        finally:
            _current.reset(token)


# ------------------------------------------------------------------ checks


def check_same_origin(
    request: Request, message: str = UPLOAD_FROM_ELSEWHERE, hint: str | None = None
) -> None:
    """Refuse a state-changing request sent by a page of another site (CSRF).

    Browsers say where a request comes from in Sec-Fetch-Site; older ones only in Origin.
    Programs (curl, httpx) send neither and are let through: the token checks below and
    the rules of who may write apply to them."""
    site = request.headers.get("sec-fetch-site")
    origin = request.headers.get("origin")
    if site is not None:
        refused = site not in {"same-origin", "none"}
    else:
        host = request.headers.get("host", "")
        refused = origin is not None and (origin == "null" or urlsplit(origin).netloc != host)
    if refused:
        raise CrossSiteRequest(message, hint=hint or "Use rapporteur's own pages.")


def require_write(request: Request) -> Visitor:
    """The visitor, when they may write here; ReadOnly or LoginRequired otherwise."""
    visitor = visitor_of(request)
    if visitor.read_only:
        raise ReadOnly(READ_ONLY, hint="Whoever runs this server started it with --read-only.")
    if not visitor.can_write:
        raise LoginRequired(
            LOGIN_NEEDED,
            hint="Log in at /login; accounts are made on the server with "
            "`rapporteur user add NAME`.",
        )
    return visitor


def check_token(request: Request, sent: str | None) -> Visitor:
    """Refuse a form whose token is not this visitor's (their session's, or else their
    anti-forgery cookie's); compared in constant time."""
    visit = visit_of(request)
    visitor = visit.visitor()
    expected = visitor.csrf if visitor.name else visit.cookie_csrf
    if not (sent and expected and hmac.compare_digest(sent.encode(), expected.encode())):
        raise CrossSiteRequest(
            FORGED,
            hint="Reload the page and send the form again (the browser must keep this "
            "server's cookies).",
        )
    return visitor


def check_form(request: Request, sent: str | None, message: str) -> Visitor:
    """A write through a form: allowed for this visitor, from this site, with its token."""
    visitor = require_write(request)
    check_same_origin(request, message)
    check_token(request, sent)
    return visitor


def check_api_write(request: Request, message: str) -> Visitor:
    """A write through the JSON API: allowed for this visitor and from this site; with a
    session cookie, the session's token must come in the X-CSRF-Token header."""
    visitor = require_write(request)
    check_same_origin(request, message, "Send it from a program, or from rapporteur's own pages.")
    if visitor.name is not None:
        check_header_token(request)
    return visitor


def check_header_token(request: Request) -> None:
    """Refuse a logged-in API request without its session's token in X-CSRF-Token."""
    sent = request.headers.get(CSRF_HEADER)
    expected = visitor_of(request).csrf
    if not (sent and hmac.compare_digest(sent.encode(), expected.encode())):
        raise CrossSiteRequest(
            "A request with a session cookie must carry the session's token in an "
            "X-CSRF-Token header; nothing was changed.",
            hint="GET /api/session gives the token.",
        )
