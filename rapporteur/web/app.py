"""The FastAPI application: pages under /, a JSON API under /api/, one error shape.

`create_app(db_path, settings)` builds the app; `serve()` runs it with uvicorn. Views call
`rapporteur.library` only. Every failure becomes `{ok: false, error, errors, status, code}`
under /api/ and an error page elsewhere. Pages are rendered by Jinja2 with autoescaping on,
carry no JavaScript, and are served with a Content-Security-Policy that forbids scripts.

For scripts and tests, `client(app)` gives an in-process httpx client (no socket).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import RapporteurError
from ..library import resolve_db
from ..settings import Settings, from_env
from ..store import Store
from . import account_views, api, decide_api, decide_views, views
from .cache import PageCache
from .guard import GuardMiddleware
from .pages import HERE, render

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class Library:
    """The library a running app serves: one sqlite3 connection per worker thread."""

    def __init__(self, db: str | Path | None) -> None:
        self.path = resolve_db(db)
        self._local = threading.local()
        with Store(self.path):  # create or migrate now; SchemaTooNew stops the server here
            pass

    def store(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.path)
            self._local.store = store
        return store


# ------------------------------------------------------------------ errors


def error_body(status: int, code: str, message: str, errors: Sequence[str] = ()) -> dict[str, Any]:
    """The one error shape of the JSON API (datasette's): every failure looks like this."""
    return {
        "ok": False,
        "error": message,
        "errors": list(errors) or [message],
        "status": status,
        "code": code,
    }


def _error_response(
    request: Request, status: int, code: str, message: str, errors: Sequence[str] = ()
) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/api":
        return JSONResponse(error_body(status, code, message, errors), status_code=status)
    hints = [e for e in errors if e != message]
    return render("error.html", status, status=status, code=code, message=message, hints=hints)


async def _on_rapporteur_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RapporteurError)
    errors = [exc.message] + ([exc.hint] if exc.hint else [])
    return _error_response(request, exc.status, exc.code, exc.message, errors)


_HTTP_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
}


async def _on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    message = str(exc.detail)
    if status == 404 and message == "Not Found":
        message = f"There is nothing at {request.url.path}."
    elif status == 405:
        message = f"{request.method} is not allowed on {request.url.path}."
    return _error_response(request, status, _HTTP_CODES.get(status, "http_error"), message)


async def _on_validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in {"query", "path", "body"})
        errors.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
    message = "The request is not valid: " + "; ".join(errors) + "."
    return _error_response(request, 422, "invalid_request", message, errors)


async def _on_internal_error(request: Request, exc: Exception) -> Response:
    message = (
        "rapporteur failed unexpectedly while answering this request. This is a bug; "
        "the server log has the details."
    )
    return _error_response(request, 500, "internal_error", message)


# ------------------------------------------------------------------ middleware


class SecurityMiddleware:
    """Security headers on every response; optionally, refuse unexpected Host headers
    (DNS rebinding against a server on localhost)."""

    def __init__(self, app: Any, allowed_hosts: Sequence[str] | None = None) -> None:
        self.app = app
        self.allowed = {h.lower() for h in allowed_hosts} if allowed_hosts else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.allowed is not None:
            host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            name = name.strip("[]").lower()
            if name not in self.allowed:
                body = error_body(
                    400, "bad_host", f"This server does not answer to the host name {host!r}."
                )
                await JSONResponse(body, status_code=400, headers=dict(_str_headers()))(
                    scope, receive, send
                )
                return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for key, value in SECURITY_HEADERS:
                    headers[key.decode()] = value.decode()
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _str_headers() -> list[tuple[str, str]]:
    return [(k.decode(), v.decode()) for k, v in SECURITY_HEADERS]


# ------------------------------------------------------------------ the app


def create_app(
    db_path: str | Path | None = None,
    settings: Settings | None = None,
    *,
    allowed_hosts: Sequence[str] | None = None,
    require_login: bool = False,
) -> FastAPI:
    """The web app over one library. `allowed_hosts` (host names, no ports) makes it
    refuse any other Host header; `serve` sets it when listening on localhost, and
    `require_login` (every write needs a logged-in account) when it is not. Whether the
    app is read-only is `settings.read_only`."""
    app = FastAPI(
        title="rapporteur",
        version=__version__,
        description="The library of UN treaty-body reviews: list, read, search and add "
        "reviews. Every error has the shape {ok: false, error, errors, status, code}.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # the interactive docs load scripts from a CDN: not here
        redoc_url=None,
    )
    app.state.library = Library(db_path)
    app.state.settings = settings or from_env()
    app.state.page_cache = PageCache(app.state.settings.page_cache)
    app.state.require_login = require_login
    app.add_exception_handler(RapporteurError, _on_rapporteur_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(Exception, _on_internal_error)
    app.add_middleware(GuardMiddleware)
    app.add_middleware(SecurityMiddleware, allowed_hosts=allowed_hosts)  # the outermost
    app.include_router(api.router)
    app.include_router(decide_api.router)
    app.include_router(account_views.api_router)
    app.include_router(views.router)
    app.include_router(decide_views.router)
    app.include_router(account_views.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app


def client(app: FastAPI, base_url: str = "http://testserver") -> Any:
    """An in-process httpx.AsyncClient for scripts and tests (no socket, no server)."""
    import httpx

    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=base_url)


def app_from_env() -> FastAPI:
    """The app of one uvicorn worker process (`serve` with workers > 1): the library and
    limits come from the RAPPORTEUR_* variables `serve` set before starting them."""
    hosts = os.environ.get("RAPPORTEUR_ALLOWED_HOSTS")
    return create_app(
        os.environ.get("RAPPORTEUR_DB") or None,
        from_env(),
        allowed_hosts=hosts.split(",") if hosts else None,
        require_login=os.environ.get("RAPPORTEUR_REQUIRE_LOGIN") == "1",
    )


def serve(
    db_path: str | Path | None,
    settings: Settings | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
) -> None:
    """Run the app with uvicorn until interrupted, in `settings.workers` processes (0 or 1:
    one process; more use every core, each with its own connections and page cache).
    Off localhost, every write needs a logged-in account."""
    import uvicorn

    settings = settings or from_env()
    local = host in LOCAL_HOSTS
    allowed = LOCAL_HOSTS if local else None
    shown = f"[{host}]" if ":" in host else host
    options: dict[str, Any] = {"host": host, "port": port, "log_level": "warning"}
    if settings.workers <= 1:
        app = create_app(db_path, settings, allowed_hosts=allowed, require_login=not local)
        print(f"rapporteur: serving {app.state.library.path} at http://{shown}:{port}/", flush=True)
        uvicorn.run(app, server_header=False, **options)
        return
    path = Library(db_path).path  # create or migrate once, before the workers start
    from .. import settings as settings_module

    for name, variable in settings_module.ENV.items():
        os.environ[variable] = str(getattr(settings, name))
    os.environ["RAPPORTEUR_DB"] = str(path)
    if allowed:
        os.environ["RAPPORTEUR_ALLOWED_HOSTS"] = ",".join(allowed)
    os.environ["RAPPORTEUR_REQUIRE_LOGIN"] = "0" if local else "1"
    print(
        f"rapporteur: serving {path} at http://{shown}:{port}/ with {settings.workers} processes",
        flush=True,
    )
    uvicorn.run(
        "rapporteur.web.app:app_from_env",
        factory=True,
        workers=settings.workers,
        server_header=False,
        **options,
    )
