"""Run-time limits and options, with defaults a user can override.

Environment variables (RAPPORTEUR_MAX_BYTES, RAPPORTEUR_FETCH_TIMEOUT, ...) override the
defaults so that a team can set limits once for the CLI and the server alike.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

MB = 1024 * 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    max_bytes: int = 20 * MB
    """Largest source accepted, in bytes (files, URLs, uploads, stdin)."""
    fetch_timeout: float = 20.0
    """Seconds allowed for fetching a URL, connection and download together."""
    max_upload_bytes: int = 10 * MB
    """Largest upload the web UI and API accept."""
    workers: int = 0
    """Processes for `ingest`; 0 means one per CPU core."""
    taxonomy: Path | None = None
    """Theme taxonomy file; None uses the packaged one."""
    align: bool = True
    """Link questions to answers (the dialogue stage)."""
    semantic: bool = False
    """Use the optional sentence-embedding model in alignment when installed."""


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


def from_env(**overrides: object) -> Settings:
    """Defaults, then environment variables, then explicit overrides (None is ignored)."""
    base = Settings()
    base = replace(
        base,
        max_bytes=_env_int("RAPPORTEUR_MAX_BYTES", base.max_bytes),
        fetch_timeout=_env_float("RAPPORTEUR_FETCH_TIMEOUT", base.fetch_timeout),
        max_upload_bytes=_env_int("RAPPORTEUR_MAX_UPLOAD_BYTES", base.max_upload_bytes),
        workers=_env_int("RAPPORTEUR_WORKERS", base.workers),
    )
    given = {k: v for k, v in overrides.items() if v is not None}
    return replace(base, **given) if given else base  # type: ignore[arg-type]
