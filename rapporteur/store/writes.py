"""Adding, replacing and removing one review: one transaction each."""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Mapping
from typing import Any

from . import decisions, write
from .grouping import forgot, regroup
from .reads import Reads
from .schema import SEARCH_KINDS

ID_LENGTH = 12
"""Review ids are the first ID_LENGTH hex digits of the document's SHA-256."""


def mark_stale(conn: sqlite3.Connection, key: str) -> None:
    """Links of group `key` and of the concluding observations of the same State and committee
    (the next cycle may link to this one) must be computed again (`reviews.linked = 0`)."""
    conn.execute("UPDATE reviews SET linked = 0 WHERE review_key = ?", (key,))
    conn.execute(
        "UPDATE reviews SET linked = 0 WHERE kind = 'concluding_observations' AND linked = 1 "
        "AND EXISTS (SELECT 1 FROM reviews g WHERE g.review_key = ? "
        "AND g.committee = reviews.committee "
        "AND coalesce(g.state_iso3, upper(g.state_name)) "
        "= coalesce(reviews.state_iso3, upper(reviews.state_name)))",
        (key,),
    )


class Writes(Reads):
    """put, delete and lookup by content."""

    def lookup(self, sha256: str) -> tuple[str, str] | None:
        """(review id, analyser version) of stored content, or None."""
        with self._translate():
            row = self.conn.execute(
                "SELECT id, analyzer_version FROM reviews WHERE sha256 = ?", (sha256,)
            ).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    def put(self, data: Mapping[str, Any], source: bytes | None = None) -> tuple[str, str]:
        """Store one review@1 object (and its original bytes); return (outcome, review id)
        where outcome is 'added' or 'updated'. One transaction: all rows or none, the
        review grouping included; the links of its review are marked to be recomputed.
        People's decisions on its questions (this edition's or an earlier one's) are applied
        here, the one place they are, so that re-analysis keeps every one."""
        sha = data["document"]["sha256"]
        with self.transaction() as conn:
            data = decisions.apply(data, decisions.standing_for(conn, data))
            row = conn.execute(
                "SELECT id, seq, added_at, review_key FROM reviews WHERE sha256 = ?", (sha,)
            )
            found = row.fetchone()
            old_key = None
            if found:
                review_id, seq, added_at, old_key = found
                self._delete_rows(conn, review_id)
                outcome = "updated"
            else:
                review_id, added_at, outcome = self._new_id(conn, sha), write.now(), "added"
                (seq,) = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM reviews").fetchone()
            write.insert_review(conn, review_id, int(seq), data, added_at)
            if source is not None:
                conn.execute(
                    "INSERT INTO sources (review_id, size, data) VALUES (?, ?, ?)",
                    (review_id, len(source), zlib.compress(source, 6)),
                )
            key = regroup(conn, review_id, data)
            if old_key and old_key != key:
                forgot(conn, old_key)
                mark_stale(conn, old_key)
            mark_stale(conn, key)
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
        conn.execute(
            "DELETE FROM recommendation_questions WHERE review_id = ? OR dialogue_id = ?",
            (review_id, review_id),
        )
        conn.execute(
            "DELETE FROM recommendation_previous WHERE review_id = ? OR previous_id = ?",
            (review_id, review_id),
        )
        for table, _ in SEARCH_KINDS.values():
            conn.execute(f"DELETE FROM {table} WHERE review_id = ?", (review_id,))
        for table in ("participants", "sources", "review_aliases", "reviews"):
            column = "id" if table == "reviews" else "review_id"
            conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (review_id,))

    def delete(self, ref: str) -> str:
        """Remove one review and everything derived from it; return its id. The rest of its
        group is regrouped and relinked at the next ingest."""
        review_id = self.resolve_id(ref)
        with self.transaction() as conn:
            row = conn.execute("SELECT review_key FROM reviews WHERE id = ?", (review_id,))
            key = (row.fetchone() or (None,))[0]
            mates = [
                r for (r,) in conn.execute("SELECT id FROM reviews WHERE review_key = ?", (key,))
            ]
            self._delete_rows(conn, review_id)
            if key:
                forgot(conn, key)
                for mate in mates:
                    if mate != review_id:
                        (new_key,) = conn.execute(
                            "SELECT review_key FROM reviews WHERE id = ?", (mate,)
                        ).fetchone()
                        mark_stale(conn, new_key)
        return review_id
