"""One open SQLite connection to a library: WAL, migrations, transactions, error sentences.

The base class of `Store`: the modules that read and write (`reads`, `writes`, `cycle`) all
go through `_translate` and `transaction` defined here, so that sqlite3 errors become
`StoreError` in one place and every write is one transaction.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from ..errors import SchemaTooNew, StoreError
from . import schema, write
from .writer_lock import WriterLock


class Connection:
    """An open library. Use it as a context manager, or call `close()`.

    A Store holds one sqlite3 connection and must stay in the thread that opened it (the
    web app keeps one per worker thread). ":memory:" gives a private in-memory library.
    """

    def __init__(self, path: str | Path, *, migrate: bool = True) -> None:
        self.path = str(path)
        self._keys: dict[int, tuple[str | None, str | None, int | None, str]] = {}
        self._keys_stamp: tuple[int, int] | None = None
        self._hidden_seqs: tuple[int, ...] = ()
        self._generation: tuple[tuple[int, int], tuple[str, int]] | None = None
        self._writer = WriterLock(self.path)
        memory = self.path == ":memory:"
        if not memory:
            try:
                Path(self.path).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"Cannot create the folder of the library {self.path}: {exc.strerror or exc}.",
                    hint="Give a writable path with --db or RAPPORTEUR_DB.",
                ) from exc
        with self._translate():
            self.conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            with self._translate():
                self.conn.execute("PRAGMA foreign_keys = ON")
                if not memory:
                    self._set_wal()
                    self.conn.execute("PRAGMA synchronous = NORMAL")
            if migrate:
                self.migrate()
        except BaseException:
            self.conn.close()
            raise

    def _set_wal(self, patience: float = 30.0) -> None:
        """Switch to WAL, waiting for another process that is creating the same new library:
        SQLite answers "database is locked" at once to a journal-mode change it cannot make
        (the busy timeout does not apply), so two ingests started together on a new file
        failed one time in ten."""
        deadline = time.monotonic() + patience
        delay = 0.01
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() + delay > deadline:
                    raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)

    @contextmanager
    def _translate(self) -> Iterator[None]:
        """The one place where sqlite3 errors become StoreError."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            text = str(exc)
            if "locked" in text or "busy" in text:
                raise StoreError(
                    f"The library {self.path} is busy: another rapporteur process is "
                    "writing to it.",
                    hint="Wait for it to finish and retry.",
                ) from exc
            if "not a database" in text or "malformed" in text or "corrupt" in text:
                raise StoreError(
                    f"{self.path} is not a rapporteur library or is damaged ({text}); "
                    "rapporteur leaves it as it is.",
                    hint="Restore it from a backup, or ingest the documents again into a new "
                    "library with --db NEW.db.",
                ) from exc
            if "full" in text:
                raise StoreError(
                    f"The disk holding {self.path} is full; the last review was not written.",
                    hint="Free some space and rerun: the reviews already stored are kept.",
                ) from exc
            if "readonly" in text or "unable to open" in text:
                raise StoreError(
                    f"The library {self.path} cannot be opened for writing ({text}).",
                    hint="Check the file's permissions, or give another --db path.",
                ) from exc
            raise StoreError(f"The library {self.path} reported an error: {text}.") from exc

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is stored, or none of it. Writers queue on the
        writer lock first (`writer_lock`), then SQLite's."""
        with self._writer.held(), self._translate():
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                # SQLite may have rolled back already (SQLITE_FULL, SQLITE_IOERR): a second
                # ROLLBACK would fail and hide the error that says what happened.
                if self.conn.in_transaction:
                    with suppress(sqlite3.Error):
                        self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()
        self._writer.close()

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ schema

    def schema_version(self) -> int:
        with self._translate():
            exists = self.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
            ).fetchone()
            if not exists:
                return 0
            row = self.conn.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def migrate(self) -> int:
        """Apply pending migrations in order; return the schema version now in use.

        `schema.MIGRATIONS` is read at each call (tests append migrations to it)."""
        migrations, latest = schema.MIGRATIONS, schema.SCHEMA_VERSION
        version = self.schema_version()
        if version > latest:
            raise SchemaTooNew(
                f"The library {self.path} was written by a newer rapporteur (library schema "
                f"{version}; this version understands up to {latest}).",
                hint="Upgrade rapporteur, or use another library with --db.",
            )
        if version == latest:
            return version
        if version == 0:
            with self._translate():
                (tables,) = self.conn.execute(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                ).fetchone()
            if tables:
                raise StoreError(
                    f"{self.path} is an SQLite database but not a rapporteur library.",
                    hint="Give a new file name with --db; rapporteur will create the library.",
                )
        with self.transaction() as conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            # Read again under the write lock: another process may have migrated meanwhile.
            (current,) = conn.execute(
                "SELECT coalesce(max(version), 0) FROM schema_version"
            ).fetchone()
            for number, statements in enumerate(migrations[current:], start=current + 1):
                for statement in statements:
                    if callable(statement):
                        statement(conn)
                    else:
                        conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                    (number, write.now()),
                )
        return latest

    # ------------------------------------------------------------------ maintenance

    def integrity_check(self) -> str:
        """'ok', or SQLite's description of the damage (tables and FTS indexes)."""
        with self._translate():
            result = str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])
            if result != "ok":
                return result
            for table, _ in schema.SEARCH_KINDS.values():
                try:
                    self.conn.execute(
                        f"INSERT INTO {table}_fts({table}_fts) VALUES ('integrity-check')"
                    )
                except sqlite3.DatabaseError as exc:
                    return f"{table}_fts: {exc}"
        return "ok"

    def _stamp(self) -> tuple[int, int]:
        """Changes when this connection writes or another one commits (cheap: no table read)."""
        with self._translate():
            (version,) = self.conn.execute("PRAGMA data_version").fetchone()
        return (int(version), self.conn.total_changes)
