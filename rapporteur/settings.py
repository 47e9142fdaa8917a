"""Run-time limits and options, with defaults a user can override.

Environment variables (RAPPORTEUR_MAX_BYTES, RAPPORTEUR_FETCH_TIMEOUT, ...) override the
defaults so that a team can set limits once for the CLI and the server alike.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NoReturn

MB = 1024 * 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    max_bytes: int = 20 * MB
    """Largest source accepted, in bytes (files, URLs, uploads, stdin)."""
    fetch_timeout: float = 20.0
    """Seconds allowed for fetching a URL, connection and download together."""
    max_upload_bytes: int = 10 * MB
    """Largest upload the web UI and API accept."""
    time_limit: float = 300.0
    """Seconds one document's analysis may take (CLI, ingest, uploads); 0 means no limit.
    Time grows linearly with size, so only pathological input comes near it."""
    workers: int = 0
    """Processes for `ingest` (analysis) and `serve` (web server); 0 means one per CPU core
    for `ingest` and one process for `serve`."""
    page_cache: int = 512
    """Rendered review and search pages the web server keeps (per process); 0 turns the
    cache off. Any change to the library invalidates it."""
    taxonomy: Path | None = None
    """Theme taxonomy file; None uses the packaged one."""
    align: bool = True
    """Link questions to answers (the dialogue stage)."""
    method: str = "semantic"
    """How questions are linked to answers: "semantic" (words and meaning, with the packaged
    sentence-embedding model) or "lexical" (words only; faster)."""
    read_only: bool = False
    """`serve`: refuse every write (uploads, decisions); reading and logging in still work."""


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        from .errors import ConfigError

        raise ConfigError(f"{name} must be a whole number, not {raw!r}.") from None


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError:
        from .errors import ConfigError

        raise ConfigError(f"{name} must be a number of seconds, not {raw!r}.") from None


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    if raw.strip().lower() in _TRUE | _FALSE:
        return raw.strip().lower() in _TRUE
    from .errors import ConfigError

    raise ConfigError(f"{name} must be 1 or 0 (yes or no), not {raw!r}.") from None


ENV = {
    "max_bytes": "RAPPORTEUR_MAX_BYTES",
    "fetch_timeout": "RAPPORTEUR_FETCH_TIMEOUT",
    "max_upload_bytes": "RAPPORTEUR_MAX_UPLOAD_BYTES",
    "workers": "RAPPORTEUR_WORKERS",
    "page_cache": "RAPPORTEUR_PAGE_CACHE",
    "method": "RAPPORTEUR_METHOD",
    "time_limit": "RAPPORTEUR_TIME_LIMIT",
    "read_only": "RAPPORTEUR_READ_ONLY",
}
"""Setting -> the environment variable that overrides its default (docs/hardening.md)."""

METHODS = ("semantic", "lexical")
_MINIMUM = {
    "max_bytes": 1,
    "fetch_timeout": 0.1,
    "max_upload_bytes": 1,
    "workers": 0,
    "time_limit": 0,
}


def check(settings: Settings) -> Settings:
    """Refuse limits that cannot work (a negative size, a zero timeout) with one sentence,
    rather than failing later in a confusing way."""
    for name, low in _MINIMUM.items():
        value = getattr(settings, name)
        if value < low:
            raise_config(f"{name.replace('_', '-')} must be at least {low}, not {value}.")
    if settings.page_cache < 0:
        raise_config(f"page-cache must be 0 (off) or more, not {settings.page_cache}.")
    if settings.method not in METHODS:
        raise_config(f"method must be semantic or lexical, not {settings.method!r}.")
    return settings


def raise_config(message: str) -> NoReturn:
    from .errors import ConfigError

    raise ConfigError(message, hint="Check the command-line options and RAPPORTEUR_* variables.")


def from_env(**overrides: object) -> Settings:
    """Defaults, then environment variables, then explicit overrides (None is ignored)."""
    base = Settings()
    base = replace(
        base,
        max_bytes=_env_int(ENV["max_bytes"], base.max_bytes),
        fetch_timeout=_env_float(ENV["fetch_timeout"], base.fetch_timeout),
        max_upload_bytes=_env_int(ENV["max_upload_bytes"], base.max_upload_bytes),
        workers=_env_int(ENV["workers"], base.workers),
        time_limit=_env_float(ENV["time_limit"], base.time_limit),
        page_cache=_env_int(ENV["page_cache"], base.page_cache),
        method=os.environ.get(ENV["method"]) or base.method,
        read_only=_env_bool(ENV["read_only"], base.read_only),
    )
    given = {k: v for k, v in overrides.items() if v is not None}
    return check(replace(base, **given) if given else base)  # type: ignore[arg-type]
