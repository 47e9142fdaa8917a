"""Reading the library: ids, stored reviews, listings, menus and full-text search."""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Sequence
from typing import Any

from ..errors import AmbiguousReview, InvalidQuery, ReviewNotFound
from . import search as _search
from .connection import Connection
from .records import (
    NO_FILTERS,
    Filters,
    ReviewPage,
    ReviewSummary,
    SearchHit,
    SearchResult,
    StoredReview,
)
from .schema import SEARCH_KINDS

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

SUMMARY_COLUMNS = (
    "id, sha256, origin, format, title, committee, state_name, state_iso3, year, session, "
    "date, report, report_symbol, is_dialogue, analyzer_version, n_participants, "
    "n_questions, n_answered, n_partial, n_unanswered, n_figures, n_contradictions, "
    "n_commitments, added_at, updated_at, kind, symbol, review_key"
)

_FIELDS = tuple(
    name[2:] if name.startswith("n_") else name
    for name in map(str.strip, SUMMARY_COLUMNS.split(","))
)


def summary(row: Sequence[Any]) -> ReviewSummary:
    """A `reviews` row read with SUMMARY_COLUMNS as a record."""
    values = dict(zip(_FIELDS, row, strict=True))
    values["is_dialogue"] = bool(values["is_dialogue"])
    return ReviewSummary(**values)


def sort_check(sort: str) -> None:
    if sort not in SORTS:
        raise InvalidQuery(
            f"Cannot sort reviews by {sort!r}.", hint=f"Use one of: {', '.join(SORTS)}."
        )


class Reads(Connection):
    """Everything that reads reviews, one at a time or many."""

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
                f"SELECT {SUMMARY_COLUMNS}, data FROM reviews WHERE id = ?", (review_id,)
            ).fetchone()
        if row is None:  # deleted between the two statements
            raise ReviewNotFound(f"There is no review {ref!r} in the library.")
        return StoredReview(summary=summary(row[:-1]), data=json.loads(row[-1]))

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
        sort_check(sort)
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
                f"SELECT {SUMMARY_COLUMNS} FROM reviews r {clause} "
                f"ORDER BY {order} LIMIT ? OFFSET ?",
                [*args, limit, offset],
            ).fetchall()
        return ReviewPage(
            total=int(total),
            limit=limit,
            offset=offset,
            reviews=tuple(summary(r) for r in rows),
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
        """Full-text search over questions, answers, paragraphs, figures, commitments and
        recommendations, best BM25 first. With `facets`, counts per committee, country,
        year, kind, side and status (to check and checked by a person for questions; theme,
        follow-up and repeated for recommendations) over every match (not only this page)."""
        match = _search.safe_match(query)
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
            hidden = self._hidden()
            page = _search.ranked(self.conn, match, filters, limit, offset, hidden)
            hits: tuple[SearchHit, ...] = tuple(
                _search.hit(self.conn, kind, rid, score, match, snippet_tokens)
                for kind, rid, score in page
            )
            if facets:
                keys = self._review_keys()
                counts, total = _search.facets(self.conn, match, filters, keys, hidden)
            else:
                counts, total = {}, _search.total(self.conn, match, filters, hidden)
        return SearchResult(
            query=query, total=total, limit=limit, offset=offset, hits=hits, facets=counts
        )

    def _review_keys(self) -> dict[int, tuple[str | None, str | None, int | None, str]]:
        """seq -> (committee, country, year, language) of every review, for facets; cached until the
        library changes (this connection's writes or another's commits)."""
        self._refresh_keys()
        return self._keys

    def _hidden(self) -> tuple[int, ...]:
        """Seqs of the summary records search leaves out (read joined); cached likewise."""
        self._refresh_keys()
        return self._hidden_seqs

    def _refresh_keys(self) -> None:
        stamp = self._stamp()
        if self._keys_stamp != stamp:
            with self._translate():
                rows = self.conn.execute(
                    "SELECT seq, committee, coalesce(state_iso3, state_name), year, superseded, "
                    "language FROM reviews"
                ).fetchall()
            self._keys = {int(seq): (c, s, y, lang) for seq, c, s, y, _, lang in rows}
            self._hidden_seqs = tuple(sorted(int(seq) for seq, *_, hide, _ in rows if hide))
            self._keys_stamp = stamp

    def generation(self) -> str:
        """A token that changes whenever reviews are added, updated or removed, or a person
        decides a status, and that every connection (and process) computes alike: the key
        caches of rendered pages share. Recomputed only when `_stamp` says the library may
        have changed."""
        structure, decided = self._generations()
        return f"{structure}:{decided}"

    def review_generation(self, ref: str) -> str:
        """Like `generation`, but a decision counts only when it is on a document of this
        review's group (the pages of a review show its group's documents and their
        statuses): a person checking review A no longer empties the cached pages of every
        other review. Ingests, removals and links still count everywhere (`updated_at`;
        a decision does not change it)."""
        review_id = self.resolve_id(ref)
        structure, _ = self._generations()
        with self._translate():
            (decided,) = self.conn.execute(
                "SELECT coalesce(max(d.id), 0) FROM decisions d JOIN reviews g "
                "ON g.sha256 = d.sha256 WHERE g.id = ? OR (g.review_key IS NOT NULL AND "
                "g.review_key = (SELECT review_key FROM reviews WHERE id = ?))",
                (review_id, review_id),
            ).fetchone()
        return f"{structure}:{decided}"

    def _generations(self) -> tuple[str, int]:
        """(the reviews' token: count, seqs, last update; the last decision's id), read
        again only when `_stamp` says the library may have changed."""
        stamp = self._stamp()
        if self._generation is None or self._generation[0] != stamp:
            with self._translate():
                row = self.conn.execute(
                    "SELECT count(*), coalesce(sum(seq), 0), coalesce(max(updated_at), ''), "
                    "(SELECT coalesce(max(id), 0) FROM decisions) FROM reviews"
                ).fetchone()
            self._generation = (stamp, (":".join(map(str, row[:3])), int(row[3])))
        return self._generation[1]
