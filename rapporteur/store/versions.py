"""Analyser versions: a review stored by an older rapporteur is analysed again on ingest."""

from __future__ import annotations

import re


def version_key(version: str) -> tuple[int, ...]:
    """'0.10.2' -> (0, 10, 2); a pre-release tail is ignored ('1.0rc1' -> (1, 0))."""
    parts = []
    for piece in version.split("."):
        m = re.match(r"\d+", piece)
        if not m:
            break
        parts.append(int(m.group()))
    return tuple(parts)


def is_older(stored: str, current: str) -> bool:
    """True when `stored` is an older analyser version than `current`."""
    a, b = version_key(stored), version_key(current)
    if not a or not b:
        return stored != current
    return a < b
