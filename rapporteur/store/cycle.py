"""The review cycle in the library: reviews with their documents, a State's reviews over
time, recommendations with their links, and writing those links."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from . import search as _search
from . import write
from .reads import DESCENDING_FIRST, SORTS, SUMMARY_COLUMNS, sort_check, summary
from .records import (
    NO_FILTERS,
    Filters,
    GroupPage,
    ReviewGroup,
    ReviewSummary,
    StoredRecommendation,
)
from .writes import Writes

_GROUP_SORTS = {  # sort key -> aggregate over the documents of a review
    "id": "min(r.id)",
    "committee": "min(r.committee)",
    "state": "min(r.state_name)",
    "year": "max(r.year)",
    "session": "max(r.session)",
    "date": "max(r.date)",
    "questions": "sum(r.n_questions)",
    "unanswered": "sum(r.n_unanswered)",
    "figures": "sum(r.n_figures)",
    "commitments": "sum(r.n_commitments)",
    "added": "max(r.added_at)",
}
assert set(_GROUP_SORTS) == set(SORTS)

KIND_ORDER = {
    "meeting_summary": 0,
    "press_release": 0,
    None: 0,
    "summary_record": 1,
    "concluding_observations": 2,
}
"""Documents of a review in the order they are published."""

DIALOGUE_KINDS = frozenset({"meeting_summary", "press_release", "summary_record", None})
CO = "concluding_observations"

_RECOMMENDATION_COLUMNS = (
    "review_id, rid, paragraph, letter, line, heading, subject, text, articles, themes, "
    "follow_up, follow_up_due, reiterates_symbol, reiterates_paragraph, repeated"
)


def make_group(key: str, documents: Sequence[ReviewSummary]) -> ReviewGroup:
    """A review from its documents: what one leaves unsaid another may say."""
    docs = sorted(
        documents,
        key=lambda d: (
            KIND_ORDER.get(d.kind, 0),
            " + " in (d.symbol or ""),  # records joined into one review after the records
            d.symbol or "",
            d.date or "",
            d.id,
        ),
    )

    def first(name: str) -> Any:
        # Concluding observations say most exactly who and what: ask them first.
        for d in sorted(docs, key=lambda d: d.kind != CO):
            value = getattr(d, name)
            if value is not None:
                return value
        return None

    years = [d.year for d in docs if d.year is not None]
    return ReviewGroup(
        key=key,
        committee=first("committee"),
        state_name=first("state_name"),
        state_iso3=first("state_iso3"),
        year=min(years) if years else None,
        session=first("session"),
        report_symbol=first("report_symbol"),
        report=first("report"),
        documents=tuple(docs),
    )


def _recommendation(row: Sequence[Any]) -> StoredRecommendation:
    return StoredRecommendation(
        review_id=row[0],
        rid=row[1],
        paragraph=row[2],
        letter=row[3],
        line=row[4],
        heading=row[5],
        subject=row[6],
        text=row[7],
        articles=tuple(int(a) for a in (row[8] or "").split()),
        themes=tuple((row[9] or "").split()),
        follow_up=bool(row[10]),
        follow_up_due=row[11],
        reiterates_symbol=row[12],
        reiterates_paragraph=row[13],
        repeated=bool(row[14]),
    )


class Cycle(Writes):
    """Reviews as groups of documents, and the links of the review cycle."""

    # ------------------------------------------------------------------ reviews

    def _groups_of(self, keys: Iterable[str]) -> list[ReviewGroup]:
        keys = list(dict.fromkeys(keys))
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        with self._translate():
            rows = self.conn.execute(
                f"SELECT {SUMMARY_COLUMNS} FROM reviews WHERE review_key IN ({marks})", keys
            ).fetchall()
        by_key: dict[str, list[ReviewSummary]] = {}
        for row in rows:
            doc = summary(row)
            by_key.setdefault(doc.review_key or doc.id, []).append(doc)
        return [make_group(k, by_key[k]) for k in keys if k in by_key]

    def group(self, key: str) -> ReviewGroup | None:
        found = self._groups_of([key])
        return found[0] if found else None

    def group_of(self, ref: str) -> ReviewGroup:
        """The review a stored document belongs to."""
        review_id = self.resolve_id(ref)
        with self._translate():
            (key,) = self.conn.execute(
                "SELECT coalesce(review_key, id) FROM reviews WHERE id = ?", (review_id,)
            ).fetchone()
        group = self.group(key)
        assert group is not None
        return group

    def count_groups(self) -> int:
        """How many reviews the library's documents belong to."""
        with self._translate():
            row = self.conn.execute("SELECT count(DISTINCT review_key) FROM reviews").fetchone()
        return int(row[0])

    def list_groups(
        self,
        filters: Filters = NO_FILTERS,
        *,
        sort: str = "year",
        descending: bool | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> GroupPage:
        """Reviews with at least one document matching the filters, each with all of its
        documents; sorted on the documents' values (latest year, total questions...)."""
        sort_check(sort)
        if descending is None:
            descending = sort in DESCENDING_FIRST
        where, args = _search.review_where(filters)
        inner = f"WHERE {' AND '.join(where)}" if where else ""
        column = _GROUP_SORTS[sort]
        order = f"{column} IS NULL, {column} {'DESC' if descending else 'ASC'}, " + (
            "min(r.committee), min(r.state_name), k"
        )
        # review_key is set on every row by the write that stores it (grouping.regroup).
        within = f"WHERE r.review_key IN (SELECT r.review_key FROM reviews r {inner})"
        with self._translate():
            (total,) = self.conn.execute(
                f"SELECT count(DISTINCT r.review_key) FROM reviews r {inner}", args
            ).fetchone()
            keys = [
                k
                for (k,) in self.conn.execute(
                    f"SELECT r.review_key AS k FROM reviews r {within if inner else ''} "
                    f"GROUP BY k ORDER BY {order} LIMIT ? OFFSET ?",
                    [*args, limit, offset],
                )
            ]
        return GroupPage(
            total=int(total), limit=limit, offset=offset, groups=tuple(self._groups_of(keys))
        )

    def state_groups(self, state: str, iso3: str | None = None) -> list[ReviewGroup]:
        """Every review of a State (by ISO code or name, any case), oldest first."""
        with self._translate():
            keys = [
                k
                for (k,) in self.conn.execute(
                    "SELECT DISTINCT coalesce(review_key, id) FROM reviews "
                    "WHERE upper(state_name) = upper(?) OR upper(state_iso3) = upper(?) "
                    "OR upper(state_iso3) = upper(?)",
                    (state, state, iso3 or state),
                )
            ]
        groups = self._groups_of(keys)
        return sorted(groups, key=lambda g: (g.committee or "", g.year or 0, g.key))

    def states(self) -> list[tuple[str, str | None, int]]:
        """(name, ISO code, reviews) of every State in the library, by name."""
        with self._translate():
            rows = self.conn.execute(
                "SELECT min(state_name), state_iso3, count(DISTINCT coalesce(review_key, id)) "
                "FROM reviews WHERE state_name IS NOT NULL "
                "GROUP BY coalesce(state_iso3, upper(state_name)) ORDER BY 1"
            ).fetchall()
        return [(str(n), i, int(c)) for n, i, c in rows]

    # ------------------------------------------------------------------ recommendations

    def recommendations(self, ref: str) -> tuple[StoredRecommendation, ...]:
        """The recommendations of one stored concluding observations, with their links."""
        review_id = self.resolve_id(ref)
        with self._translate():
            rows = self.conn.execute(
                f"SELECT {_RECOMMENDATION_COLUMNS} FROM recommendations WHERE review_id = ? "
                "ORDER BY id",
                (review_id,),
            ).fetchall()
            links: dict[str, list[dict[str, Any]]] = {}
            for row in self.conn.execute(
                "SELECT l.rid, l.dialogue_id, l.qid, l.rank, l.score, l.reason, q.text, "
                "q.status, d.kind, d.symbol FROM recommendation_questions l "
                "JOIN reviews d ON d.id = l.dialogue_id LEFT JOIN questions q "
                "ON q.review_id = l.dialogue_id AND q.qid = l.qid "
                "WHERE l.review_id = ? ORDER BY l.rid, d.symbol IS NULL, l.dialogue_id, l.rank",
                (review_id,),
            ):
                links.setdefault(row[0], []).append(
                    dict(
                        zip(
                            (
                                "dialogue_id",
                                "qid",
                                "rank",
                                "score",
                                "reason",
                                "text",
                                "status",
                                "dialogue_kind",
                                "dialogue_symbol",
                            ),
                            row[1:],
                            strict=True,
                        )
                    )
                )
            previous: dict[str, dict[str, Any]] = {}
            for row in self.conn.execute(
                "SELECT p.rid, p.previous_id, p.previous_rid, p.paragraph, p.letter, p.score, "
                "p.reason, r.symbol, t.text FROM recommendation_previous p "
                "JOIN reviews r ON r.id = p.previous_id "
                "LEFT JOIN recommendations t ON t.review_id = p.previous_id "
                "AND t.rid = p.previous_rid WHERE p.review_id = ?",
                (review_id,),
            ):
                previous[row[0]] = dict(
                    zip(
                        (
                            "previous_id",
                            "previous_rid",
                            "paragraph",
                            "letter",
                            "score",
                            "reason",
                            "symbol",
                            "text",
                        ),
                        row[1:],
                        strict=True,
                    )
                )
        out = []
        for row in rows:
            rec = _recommendation(row)
            out.append(
                StoredRecommendation(
                    **{
                        **{f: getattr(rec, f) for f in rec.__dataclass_fields__},
                        "questions": tuple(links.get(rec.rid, [])),
                        "previous": previous.get(rec.rid),
                    }
                )
            )
        return tuple(out)

    def themes_of(self, review_ids: Sequence[str]) -> dict[str, set[str]]:
        """review id -> themes of its questions and recommendations."""
        out: dict[str, set[str]] = {r: set() for r in review_ids}
        if not review_ids:
            return out
        marks = ",".join("?" * len(review_ids))
        with self._translate():
            for table in ("questions", "recommendations"):
                for review_id, themes in self.conn.execute(
                    f"SELECT review_id, themes FROM {table} WHERE review_id IN ({marks})",
                    list(review_ids),
                ):
                    out[review_id].update((themes or "").split())
        return out

    # ------------------------------------------------------------------ links

    def supersede(self, key: str, parts: Sequence[str]) -> None:
        """Search shows the passages of the joined review of group `key`, not those of the
        summary records joined into it (`parts`); the others of the group are shown."""
        marks = json.dumps(list(parts))
        with self.transaction() as conn:
            conn.execute(
                "UPDATE reviews SET superseded = (id IN (SELECT value FROM json_each(?))) "
                "WHERE coalesce(review_key, id) = ? "
                "AND superseded != (id IN (SELECT value FROM json_each(?)))",
                (marks, key, marks),
            )

    def stale_groups(self) -> list[str]:
        """Reviews whose links must be computed (documents added or changed since)."""
        with self._translate():
            return [
                k
                for (k,) in self.conn.execute(
                    "SELECT DISTINCT coalesce(review_key, id) FROM reviews WHERE linked = 0 "
                    "ORDER BY 1"
                )
            ]

    def previous_observations(self, ref: str) -> str | None:
        """The concluding observations of the previous review of the same State by the same
        committee (the latest one adopted before these), or None."""
        review_id = self.resolve_id(ref)
        with self._translate():
            row = self.conn.execute(
                "SELECT p.id FROM reviews c JOIN reviews p ON p.kind = c.kind "
                "AND p.committee = c.committee AND p.id != c.id "
                "AND coalesce(p.state_iso3, upper(p.state_name)) "
                "= coalesce(c.state_iso3, upper(c.state_name)) "
                "AND coalesce(p.review_key, p.id) != coalesce(c.review_key, c.id) "
                "AND coalesce(p.date, p.year || '') < coalesce(c.date, c.year || '') "
                "WHERE c.id = ? AND c.kind = 'concluding_observations' "
                "ORDER BY coalesce(p.date, p.year || '') DESC, p.id LIMIT 1",
                (review_id,),
            ).fetchone()
        return str(row[0]) if row else None

    def save_links(
        self,
        key: str,
        observations: Mapping[str, Mapping[str, Any]],
        questions: Sequence[tuple[str, str, str, str, int, float | None, str | None]],
        previous: Sequence[tuple[str, str, str, str | None, int, str | None, float, str]],
        stamps: Mapping[str, str],
    ) -> bool:
        """Replace the links of review `key` in one transaction, and mark it linked.

        `observations`: review id -> its review@1 object with `recommendations[].questions`
        filled; `questions`: (review id, rid, dialogue id, qid, rank, score, reason);
        `previous`: (review id, rid, previous id, previous rid, paragraph, letter, score,
        reason). `stamps` (review id -> updated_at read before the links were computed):
        when a document changed meanwhile nothing is written and False is returned."""
        with self.transaction() as conn:
            members = dict(
                conn.execute(
                    "SELECT id, updated_at FROM reviews WHERE coalesce(review_key, id) = ?",
                    (key,),
                ).fetchall()
            )
            if members != dict(stamps):
                return False
            cos = list(observations)
            for co in cos:
                conn.execute("DELETE FROM recommendation_questions WHERE review_id = ?", (co,))
                conn.execute("DELETE FROM recommendation_previous WHERE review_id = ?", (co,))
            conn.executemany(
                "INSERT OR REPLACE INTO recommendation_questions "
                "(review_id, rid, dialogue_id, qid, rank, score, reason) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                questions,
            )
            conn.executemany(
                "INSERT OR REPLACE INTO recommendation_previous (review_id, rid, previous_id, "
                "previous_rid, paragraph, letter, score, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                previous,
            )
            for co, data in observations.items():
                conn.execute(
                    "UPDATE recommendations SET repeated = (reiterates_paragraph IS NOT NULL "
                    "OR reiterates_symbol IS NOT NULL OR EXISTS (SELECT 1 FROM "
                    "recommendation_previous p WHERE p.review_id = recommendations.review_id "
                    "AND p.rid = recommendations.rid)) WHERE review_id = ?",
                    (co,),
                )
                conn.execute(
                    "UPDATE reviews SET data = ?, updated_at = ? WHERE id = ?",
                    (json.dumps(data, ensure_ascii=False, separators=(",", ":")), write.now(), co),
                )
            conn.execute("UPDATE reviews SET linked = 1 WHERE coalesce(review_key, id) = ?", (key,))
        return True
