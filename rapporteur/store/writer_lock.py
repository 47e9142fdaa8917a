"""One writer at a time, queued by the operating system rather than by SQLite's busy handler.

A writer that finds the library locked is put to sleep by SQLite and retried after up to
100 ms a try, so with ten people saving decisions at once the unlucky ones waited seconds
(p99 1.9 s in bench/load.py's mixed load). An advisory lock (`fcntl.flock`) on a file beside
the library queues the writers of every thread and process instead, each polling every
millisecond or two; a write transaction takes a few milliseconds, so the queue moves fast.
Readers never take it (WAL lets them read during a write). Where `fcntl` is missing
(Windows) or the lock file cannot be opened, SQLite's own locking is all there is.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

PATIENCE = 30.0
"""Seconds to wait for the lock before saying the library is busy (SQLite's own timeout)."""


class WriterLock:
    """The writer lock of one library file (`<library>-writer.lock`)."""

    def __init__(self, library: str) -> None:
        self.path = None if library == ":memory:" or fcntl is None else f"{library}-writer.lock"
        self._fd: int | None = None

    def _open(self) -> int | None:
        if self._fd is None and self.path is not None:
            try:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError:
                self.path = None  # a read-only folder: SQLite's locking alone
        return self._fd

    @contextmanager
    def held(self) -> Iterator[bool]:
        """Hold the lock for one transaction; yields False when it could not be had in time
        (SQLite's busy timeout then decides)."""
        fd = self._open()
        if fd is None or fcntl is None:
            yield True
            return
        deadline = time.monotonic() + PATIENCE
        delay = 0.0005
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    yield False
                    return
                time.sleep(delay)
                delay = min(delay * 2, 0.002)
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
