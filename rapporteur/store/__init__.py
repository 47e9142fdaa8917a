"""The library database: SQLite with a versioned schema and FTS5 search.

Only this package touches SQLite. It keeps the `rapporteur/review@1` object of each review
as analysed, plus tables derived from it (participants, paragraphs, questions, answers,
figures, commitments) and one FTS5 index per searchable table (`schema.py`).

Guarantees:
- All rows of one review are written in one transaction (`BEGIN IMMEDIATE ... COMMIT`) in
  WAL mode: a process killed mid-ingest leaves the library as it was before that review,
  and rerunning the ingest completes the job.
- The schema is versioned (`schema_version`, one row per applied migration); migrations
  run in order inside one transaction. A library written by a newer rapporteur is refused
  with `SchemaTooNew` and left untouched.
- sqlite3 errors become `StoreError` with a sentence for the user in `Store._translate`,
  and nowhere else.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
import zlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from ..errors import AmbiguousReview, InvalidQuery, ReviewNotFound, SchemaTooNew, StoreError
from . import search as _search
from .records import (
    NO_FILTERS,
    Filters,
    ReviewPage,
    ReviewSummary,
    SearchHit,
    SearchResult,
    StoredReview,
)
from .schema import MIGRATIONS, SCHEMA_VERSION, SEARCH_KINDS
from .search import safe_match
from .write import insert_review, now

__all__ = [
    "DESCENDING_FIRST",
    "ID_LENGTH",
    "NO_FILTERS",
    "SCHEMA_VERSION",
    "SEARCH_KINDS",
    "SORTS",
    "Filters",
    "ReviewPage",
    "ReviewSummary",
    "SearchHit",
    "SearchResult",
    "Store",
    "StoredReview",
    "is_older",
    "safe_match",
    "version_key",
]

ID_LENGTH = 12
"""Review ids are the first ID_LENGTH hex digits of the document's SHA-256."""

SORTS = {  # sort key -> column of the reviews table
    "id": "r.id",
    "committee": "r.committee",
    "state": "r.state_name",
    "year": "r.year",
    "session": "r.session",
    "date": "r.date",
    "questions": "r.n_questions",
    "unanswered": "r.n_unanswered",
    "figures": "r.n_figures",
    "commitments": "r.n_commitments",
    "added": "r.added_at",
}
DESCENDING_FIRST = frozenset(
    {"year", "date", "added", "questions", "unanswered", "figures", "commitments"}
)
"""Sort keys listed largest (or newest) first unless asked otherwise."""

_SUMMARY = (
    "id, sha256, origin, format, title, committee, state_name, state_iso3, year, session, "
    "date, report, report_symbol, is_dialogue, analyzer_version, n_participants, "
    "n_questions, n_answered, n_partial, n_unanswered, n_figures, n_contradictions, "
    "n_commitments, added_at, updated_at"
)


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


_FIELDS = tuple(
    name[2:] if name.startswith("n_") else name for name in map(str.strip, _SUMMARY.split(","))
)


def _summary(row: Sequence[Any]) -> ReviewSummary:
    values = dict(zip(_FIELDS, row, strict=True))
    values["is_dialogue"] = bool(values["is_dialogue"])
    return ReviewSummary(**values)


class Store:
    """An open library. Use it as a context manager, or call `close()`.

    A Store holds one sqlite3 connection and must stay in the thread that opened it (the
    web app keeps one per worker thread). ":memory:" gives a private in-memory library.
    """

    def __init__(self, path: str | Path, *, migrate: bool = True) -> None:
        self.path = str(path)
        self._keys: dict[int, tuple[str | None, str | None, int | None]] = {}
        self._keys_stamp: tuple[int, int] | None = None
        self._generation: tuple[tuple[int, int], str] | None = None
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

    # ------------------------------------------------------------------ plumbing

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
        """One write transaction: all of it is stored, or none of it."""
        with self._translate():
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

    def __enter__(self) -> Store:
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
        """Apply pending migrations in order; return the schema version now in use."""
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise SchemaTooNew(
                f"The library {self.path} was written by a newer rapporteur (library schema "
                f"{version}; this version understands up to {SCHEMA_VERSION}).",
                hint="Upgrade rapporteur, or use another library with --db.",
            )
        if version == SCHEMA_VERSION:
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
            for number, statements in enumerate(MIGRATIONS[current:], start=current + 1):
                for statement in statements:
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                    (number, now()),
                )
        return SCHEMA_VERSION

    # ------------------------------------------------------------------ writes

    def lookup(self, sha256: str) -> tuple[str, str] | None:
        """(review id, analyser version) of stored content, or None."""
        with self._translate():
            row = self.conn.execute(
                "SELECT id, analyzer_version FROM reviews WHERE sha256 = ?", (sha256,)
            ).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    def put(self, data: Mapping[str, Any], source: bytes | None = None) -> tuple[str, str]:
        """Store one review@1 object (and its original bytes); return (outcome, review id)
        where outcome is 'added' or 'updated'. One transaction: all rows or none."""
        sha = data["document"]["sha256"]
        with self.transaction() as conn:
            row = conn.execute("SELECT id, seq, added_at FROM reviews WHERE sha256 = ?", (sha,))
            found = row.fetchone()
            if found:
                review_id, seq, added_at = found
                self._delete_rows(conn, review_id)
                outcome = "updated"
            else:
                review_id, added_at, outcome = self._new_id(conn, sha), now(), "added"
                (seq,) = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM reviews").fetchone()
            insert_review(conn, review_id, int(seq), data, added_at)
            if source is not None:
                conn.execute(
                    "INSERT INTO sources (review_id, size, data) VALUES (?, ?, ?)",
                    (review_id, len(source), zlib.compress(source, 6)),
                )
        return outcome, str(review_id)

    @staticmethod
    def _new_id(conn: sqlite3.Connection, sha: str) -> str:
        length = ID_LENGTH
        while conn.execute("SELECT 1 FROM reviews WHERE id = ?", (sha[:length],)).fetchone():
            length += 4  # a prefix collision: astronomically rare, but never ambiguous
        return sha[:length]

    @staticmethod
    def _delete_rows(conn: sqlite3.Connection, review_id: str) -> None:
        # Children first, explicitly: the FTS triggers see every deleted row.
        conn.execute(
            "DELETE FROM question_answers WHERE question_id IN "
            "(SELECT id FROM questions WHERE review_id = ?)",
            (review_id,),
        )
        for table, _ in SEARCH_KINDS.values():
            conn.execute(f"DELETE FROM {table} WHERE review_id = ?", (review_id,))
        for table in ("participants", "sources", "reviews"):
            column = "id" if table == "reviews" else "review_id"
            conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (review_id,))

    def delete(self, ref: str) -> str:
        """Remove one review and everything derived from it; return its id."""
        review_id = self.resolve_id(ref)
        with self.transaction() as conn:
            self._delete_rows(conn, review_id)
        return review_id

    # ------------------------------------------------------------------ reads

    def count(self) -> int:
        with self._translate():
            return int(self.conn.execute("SELECT count(*) FROM reviews").fetchone()[0])

    def resolve_id(self, ref: str) -> str:
        """A review id, its full SHA-256, or a unique prefix of at least 4 hex digits."""
        ref = ref.strip().lower()
        if not re.fullmatch(r"[0-9a-f]{4,64}", ref):
            raise ReviewNotFound(
                f"There is no review {ref[:80]!r} in the library: review ids are hexadecimal.",
                hint="`rapporteur list` shows the ids.",
            )
        with self._translate():
            exact = self.conn.execute(
                "SELECT id FROM reviews WHERE id = ? OR sha256 = ?", (ref, ref)
            ).fetchone()
            if exact:
                return str(exact[0])
            rows = self.conn.execute(
                "SELECT id FROM reviews WHERE sha256 >= ? AND sha256 < ? LIMIT 2",
                (ref, ref + "g"),
            ).fetchall()
        if not rows:
            raise ReviewNotFound(
                f"There is no review {ref!r} in the library.",
                hint="`rapporteur list` shows the ids.",
            )
        if len(rows) > 1:
            raise AmbiguousReview(
                f"{ref!r} matches more than one review.", hint="Give more digits of the id."
            )
        return str(rows[0][0])

    def get(self, ref: str) -> StoredReview:
        review_id = self.resolve_id(ref)
        with self._translate():
            row = self.conn.execute(
                f"SELECT {_SUMMARY}, data FROM reviews WHERE id = ?", (review_id,)
            ).fetchone()
        if row is None:  # deleted between the two statements
            raise ReviewNotFound(f"There is no review {ref!r} in the library.")
        return StoredReview(summary=_summary(row[:-1]), data=json.loads(row[-1]))

    def source(self, ref: str) -> bytes | None:
        """The original bytes of a stored document, when they were kept."""
        review_id = self.resolve_id(ref)
        with self._translate():
            row = self.conn.execute(
                "SELECT data FROM sources WHERE review_id = ?", (review_id,)
            ).fetchone()
        return zlib.decompress(row[0]) if row else None

    def list_reviews(
        self,
        filters: Filters = NO_FILTERS,
        *,
        sort: str = "year",
        descending: bool | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> ReviewPage:
        """Reviews matching the filters; NULLs sort last, ties by committee and State."""
        if sort not in SORTS:
            raise InvalidQuery(
                f"Cannot sort reviews by {sort!r}.", hint=f"Use one of: {', '.join(SORTS)}."
            )
        if descending is None:
            descending = sort in DESCENDING_FIRST
        where, args = _search.review_where(filters)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        column = SORTS[sort]
        order = f"{column} IS NULL, {column} {'DESC' if descending else 'ASC'}, " + (
            "r.committee, r.state_name, r.id"
        )
        with self._translate():
            (total,) = self.conn.execute(
                f"SELECT count(*) FROM reviews r {clause}", args
            ).fetchone()
            rows = self.conn.execute(
                f"SELECT {_SUMMARY} FROM reviews r {clause} ORDER BY {order} LIMIT ? OFFSET ?",
                [*args, limit, offset],
            ).fetchall()
        return ReviewPage(
            total=int(total),
            limit=limit,
            offset=offset,
            reviews=tuple(_summary(r) for r in rows),
        )

    def values(self) -> dict[str, list[tuple[str, str, int]]]:
        """Committees, States and years present, as (value, label, reviews), for menus."""
        queries = {
            "committee": "SELECT committee, committee, count(*) FROM reviews "
            "WHERE committee IS NOT NULL GROUP BY 1 ORDER BY 1",
            "country": "SELECT coalesce(state_iso3, state_name), min(state_name), count(*) "
            "FROM reviews WHERE state_name IS NOT NULL GROUP BY 1 ORDER BY 2",
            "year": "SELECT year, year, count(*) FROM reviews WHERE year IS NOT NULL "
            "GROUP BY 1 ORDER BY 1 DESC",
        }
        with self._translate():
            return {
                key: [(str(a), str(b), int(n)) for a, b, n in self.conn.execute(sql)]
                for key, sql in queries.items()
            }

    def search(
        self,
        query: str,
        filters: Filters = NO_FILTERS,
        *,
        limit: int = 20,
        offset: int = 0,
        facets: bool = True,
        snippet_tokens: int = 24,
    ) -> SearchResult:
        """Full-text search over questions, answers, paragraphs, figures and commitments,
        best BM25 first. With `facets`, counts per committee, country, year, kind, side and
        status over every match (not only this page)."""
        match = safe_match(query)
        if not match:
            raise InvalidQuery(
                "Give at least one word to search for.",
                hint='For example: remittances, "domestic workers", trafficking AND children.',
            )
        unknown = [k for k in filters.kinds if k not in SEARCH_KINDS]
        if unknown:
            raise InvalidQuery(
                f"There is nothing of kind {unknown[0]!r} to search.",
                hint=f"Use one of: {', '.join(SEARCH_KINDS)}.",
            )
        with self._translate():
            page = _search.ranked(self.conn, match, filters, limit, offset)
            hits: tuple[SearchHit, ...] = tuple(
                _search.hit(self.conn, kind, rid, score, match, snippet_tokens)
                for kind, rid, score in page
            )
            if facets:
                counts, total = _search.facets(self.conn, match, filters, self._review_keys())
            else:
                counts, total = {}, _search.total(self.conn, match, filters)
        return SearchResult(
            query=query, total=total, limit=limit, offset=offset, hits=hits, facets=counts
        )

    def _review_keys(self) -> dict[int, tuple[str | None, str | None, int | None]]:
        """seq -> (committee, country, year) of every review, for facets; cached until the
        library changes (this connection's writes or another's commits)."""
        stamp = self._stamp()
        if self._keys_stamp != stamp:
            with self._translate():
                rows = self.conn.execute(
                    "SELECT seq, committee, coalesce(state_iso3, state_name), year FROM reviews"
                ).fetchall()
            self._keys = {int(seq): (c, s, y) for seq, c, s, y in rows}
            self._keys_stamp = stamp
        return self._keys

    def _stamp(self) -> tuple[int, int]:
        """Changes when this connection writes or another one commits (cheap: no table read)."""
        with self._translate():
            (version,) = self.conn.execute("PRAGMA data_version").fetchone()
        return (int(version), self.conn.total_changes)

    def generation(self) -> str:
        """A token that changes whenever reviews are added, updated or removed, and that
        every connection (and process) computes alike: the key caches of rendered pages
        share. Recomputed only when `_stamp` says the library may have changed."""
        stamp = self._stamp()
        if self._generation is None or self._generation[0] != stamp:
            with self._translate():
                row = self.conn.execute(
                    "SELECT count(*), coalesce(sum(seq), 0), coalesce(max(updated_at), '') "
                    "FROM reviews"
                ).fetchone()
            self._generation = (stamp, ":".join(map(str, row)))
        return self._generation[1]

    # ------------------------------------------------------------------ maintenance

    def integrity_check(self) -> str:
        """'ok', or SQLite's description of the damage (tables and FTS indexes)."""
        with self._translate():
            result = str(self.conn.execute("PRAGMA integrity_check").fetchone()[0])
            if result != "ok":
                return result
            for table, _ in SEARCH_KINDS.values():
                try:
                    self.conn.execute(
                        f"INSERT INTO {table}_fts({table}_fts) VALUES ('integrity-check')"
                    )
                except sqlite3.DatabaseError as exc:
                    return f"{table}_fts: {exc}"
        return "ok"
