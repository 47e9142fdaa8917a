"""The per-document time limit, checked cooperatively by the pipeline and its long loops.

Analysis time grows linearly with input size, but a pathological document (or a future
regression) must not hold a web worker or an ingest process for ever. `limit` sets a deadline
for the current analysis (a context variable, so threads and nested calls each see their
own); `check` raises `AnalysisTooSlow` once it has passed. Nothing is stored before the
analysis returns, so stopping it leaves the library as it was.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from .errors import AnalysisTooSlow

_DEADLINE: ContextVar[tuple[float, float] | None] = ContextVar("deadline", default=None)


@contextmanager
def limit(seconds: float) -> Iterator[None]:
    """Run the body under a deadline `seconds` from now; 0 or less means none. An enclosing
    deadline that comes sooner stays in force."""
    outer = _DEADLINE.get()
    current = outer
    if seconds > 0:
        at = time.monotonic() + seconds
        if outer is None or at < outer[0]:
            current = (at, seconds)
    token = _DEADLINE.set(current)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check() -> None:
    """Raise AnalysisTooSlow when the current deadline has passed (cheap: one clock read)."""
    current = _DEADLINE.get()
    if current is not None and time.monotonic() > current[0]:
        raise AnalysisTooSlow(
            f"Analysing this document took longer than the limit of {current[1]:g} seconds, "
            "so it was stopped and nothing was stored.",
            hint="Split the document, or raise the limit with RAPPORTEUR_TIME_LIMIT "
            "(seconds; 0 for none).",
        )
