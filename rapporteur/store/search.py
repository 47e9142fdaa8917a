"""FTS5 search across the six indexed tables: ranking, facets and snippets.

A search runs one query per kind (question, answer, paragraph, figure, commitment,
recommendation) on its FTS5 table alone: side, status and review are read from the row id
(`schema.row_id`), so matching, filtering, ranking and counting never look up a content row.
Summary records also stored joined into one review (`reviews.superseded`, their review seqs
given as `hidden`) are left out: their passages are found in the joined review. The filters
and facets only recommendations and questions have (theme, follow-up, repeated, to check,
checked by a person) read their content table: a library holds few of them.
- The page of hits: the best `offset + limit` of each kind by BM25, merged; snippets and
  details are fetched for the hits shown only.
- Facets and the total: one GROUP BY on the row id's high bits per kind.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from typing import Any

from .records import Filters, SearchHit
from .schema import (
    REVIEW_SHIFT,
    SEARCH_KINDS,
    SIDE_CODES,
    SIDE_SHIFT,
    STATUS_CODES,
    STATUS_SHIFT,
)

SNIP_OPEN, SNIP_CLOSE = "\x02", "\x03"
FACETS = (
    "committee",
    "country",
    "year",
    "language",
    "kind",
    "side",
    "status",
    "theme",
    "follow_up",
    "repeated",
    "to_check",
    "checked",
)
THEMED = ("question", "recommendation")
"""Kinds whose rows carry themes."""

_OPERATORS = {"AND", "OR", "NOT"}
_TOKEN = re.compile(r'"[^"]*"?|\S+')


def safe_match(query: str) -> str:
    """A user query as an FTS5 expression that cannot be a syntax error.

    Quoted phrases stay phrases, AND/OR/NOT in capitals stay operators, a trailing * keeps
    prefix search; every other word is quoted, so punctuation ("follow-up", "art. 2",
    "CMW/C/KGZ/2") is just text. An empty result means there was nothing to search for.
    """
    parts: list[str] = []
    for token in _TOKEN.findall(query):
        if token in _OPERATORS:
            if parts and parts[-1] not in _OPERATORS:
                parts.append(token)
            continue
        prefix = token.endswith("*") and len(token) > 1
        word = token.rstrip("*") if prefix else token
        word = " ".join(word.replace('"', " ").split())
        if not re.search(r"\w", word):
            continue
        parts.append(f'"{word}"' + ("*" if prefix else ""))
    while parts and parts[-1] in _OPERATORS:
        parts.pop()
    return " ".join(parts)


def split_marks(raw: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Remove the snippet markers; return the clean text and the marked [start, end) spans."""
    out: list[str] = []
    marks: list[tuple[int, int]] = []
    pos = 0
    start: int | None = None
    for ch in raw:
        if ch == SNIP_OPEN:
            start = pos
        elif ch == SNIP_CLOSE:
            if start is not None and pos > start:
                marks.append((start, pos))
            start = None
        else:
            out.append(ch)
            pos += 1
    return "".join(out), tuple(marks)


def review_where(filters: Filters, alias: str = "r") -> tuple[list[str], list[Any]]:
    """SQL conditions on the reviews table for committee, country, years, session and
    language."""
    where: list[str] = []
    args: list[Any] = []
    if filters.committee:
        where.append(f"{alias}.committee = ? COLLATE NOCASE")
        args.append(filters.committee)
    if filters.country or filters.country_iso3:
        clauses = []
        if filters.country_iso3:
            clauses.append(f"{alias}.state_iso3 = ? COLLATE NOCASE")
            args.append(filters.country_iso3)
        if filters.country:
            clauses.append(f"{alias}.state_name = ? COLLATE NOCASE")
            args.append(filters.country)
        where.append("(" + " OR ".join(clauses) + ")")
    if filters.years:
        first, last = filters.years
        if first is not None:
            where.append(f"{alias}.year >= ?")
            args.append(first)
        if last is not None:
            where.append(f"{alias}.year <= ?")
            args.append(last)
    if filters.session is not None:
        where.append(f"{alias}.session = ?")
        args.append(filters.session)
    if filters.language:
        where.append(f"{alias}.language = ?")
        args.append(filters.language)
    return where, args


def _kind_where(
    fts: str, match: str, filters: Filters, hidden: Sequence[int] = ()
) -> tuple[str, list[Any]]:
    """WHERE clause for one FTS table: the match, then filters read from the row id alone."""
    where = [f"{fts} MATCH ?"]
    args: list[Any] = [match]
    if filters.side:
        where.append(f"(({fts}.rowid >> {SIDE_SHIFT}) & 3) = ?")
        args.append(SIDE_CODES.get(filters.side, -1))
    if filters.status:
        where.append(f"(({fts}.rowid >> {STATUS_SHIFT}) & 3) = ?")
        args.append(STATUS_CODES.get(filters.status, -1))
    table = fts[: -len("_fts")]
    if filters.theme:
        where.append(f"{fts}.rowid IN (SELECT id FROM {table} WHERE ' ' || themes || ' ' LIKE ?)")
        args.append(f"% {filters.theme} %")
    for column, wanted in (
        ("follow_up", filters.follow_up),
        ("repeated", filters.repeated),
        ("needs_check", filters.to_check),
        ("checked", filters.checked),
    ):
        if wanted is not None:
            where.append(f"{fts}.rowid IN (SELECT id FROM {table} WHERE {column} = ?)")
            args.append(int(wanted))
    rwhere, rargs = review_where(filters)
    if rwhere:
        where.append(
            f"({fts}.rowid >> {REVIEW_SHIFT}) IN "
            f"(SELECT r.seq FROM reviews r WHERE {' AND '.join(rwhere)})"
        )
        args += rargs
    if hidden:
        where.append(f"({fts}.rowid >> {REVIEW_SHIFT}) NOT IN ({', '.join(map(str, hidden))})")
    return " AND ".join(where), args


def _kinds(filters: Filters) -> tuple[str, ...]:
    kinds = filters.kinds or tuple(SEARCH_KINDS)
    if filters.theme:
        kinds = tuple(k for k in kinds if k in THEMED)
    if filters.follow_up is not None or filters.repeated is not None:
        kinds = tuple(k for k in kinds if k == "recommendation")
    if filters.to_check is not None or filters.checked is not None:
        kinds = tuple(k for k in kinds if k == "question")
    return kinds


def ranked(
    conn: sqlite3.Connection,
    match: str,
    filters: Filters,
    limit: int,
    offset: int,
    hidden: Sequence[int] = (),
) -> list[tuple[str, int, float]]:
    """(kind, row id, BM25) of one page of hits, best first: the best offset + limit of each
    kind, merged (BM25 is lower-is-better in SQLite)."""
    order = {kind: i for i, kind in enumerate(SEARCH_KINDS)}
    best: list[tuple[float, int, int, str]] = []
    for kind in _kinds(filters):
        fts = SEARCH_KINDS[kind][0] + "_fts"
        where, args = _kind_where(fts, match, filters, hidden)
        rows = conn.execute(
            f"SELECT rowid, bm25({fts}) AS score FROM {fts} WHERE {where} "
            "ORDER BY score, rowid LIMIT ?",
            [*args, offset + limit],
        )
        best += [(float(score), order[kind], int(rid), kind) for rid, score in rows]
    best.sort()
    return [(kind, rid, score) for score, _, rid, kind in best[offset : offset + limit]]


def total(
    conn: sqlite3.Connection, match: str, filters: Filters, hidden: Sequence[int] = ()
) -> int:
    count = 0
    for kind in _kinds(filters):
        fts = SEARCH_KINDS[kind][0] + "_fts"
        where, args = _kind_where(fts, match, filters, hidden)
        count += int(conn.execute(f"SELECT count(*) FROM {fts} WHERE {where}", args).fetchone()[0])
    return count


def facets(
    conn: sqlite3.Connection,
    match: str,
    filters: Filters,
    reviews: dict[int, tuple[str | None, str | None, int | None, str]],
    hidden: Sequence[int] = (),
) -> tuple[dict[str, dict[str, int]], int]:
    """Counts of all matches per facet value (most frequent first), and their total.

    Grouped by the high bits of the row id (review seq, side, status), so only the FTS
    index is read; `reviews` maps a review seq to (committee, country, year, language)."""
    sides = {code: side for side, code in SIDE_CODES.items()}
    statuses = {code: status for status, code in STATUS_CODES.items()}
    out: dict[str, dict[str, int]] = {facet: {} for facet in FACETS}
    grand = 0
    for kind in _kinds(filters):
        fts = SEARCH_KINDS[kind][0] + "_fts"
        where, args = _kind_where(fts, match, filters, hidden)
        rows = conn.execute(
            f"SELECT rowid >> {STATUS_SHIFT}, count(*) FROM {fts} WHERE {where} GROUP BY 1", args
        )
        for key, n in rows:
            grand += n
            committee, country, year, language = reviews.get(key >> 4, (None, None, None, None))
            for facet, value in (
                ("committee", committee),
                ("country", country),
                ("year", year),
                ("language", language),
                ("kind", kind),
                ("side", sides.get((key >> 2) & 3)),
                ("status", statuses.get(key & 3)),
            ):
                if value is not None:
                    counts = out[facet]
                    counts[str(value)] = counts.get(str(value), 0) + n
    kinds = _kinds(filters)
    if "recommendation" in kinds:
        flags = {"follow_up": "follow_up", "repeated": "repeated"}
        _content_facets(conn, "recommendation", flags, match, filters, out, hidden)
    if "question" in kinds:
        flags = {"to_check": "needs_check", "checked": "checked"}
        _content_facets(conn, "question", flags, match, filters, out, hidden)
    ordered = {
        facet: dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        for facet, counts in out.items()
    }
    return ordered, grand


def _content_facets(
    conn: sqlite3.Connection,
    kind: str,
    flags: dict[str, str],
    match: str,
    filters: Filters,
    out: dict[str, dict[str, int]],
    hidden: Sequence[int] = (),
) -> None:
    """Yes/no counts of the content table's `flags` (facet -> column; NULL is not counted)
    over the matching rows of one kind, and its themes when it has any."""
    fts = SEARCH_KINDS[kind][0] + "_fts"
    table = fts[: -len("_fts")]
    columns = [*flags.values(), *(["themes"] if kind == "recommendation" else [])]
    where, args = _kind_where(fts, match, filters, hidden)
    rows = conn.execute(
        f"SELECT {', '.join('t.' + c for c in columns)} FROM {fts} "
        f"JOIN {table} t ON t.id = {fts}.rowid WHERE {where}",
        args,
    )
    for row in rows:
        for facet, flag in zip(flags, row, strict=False):
            if flag is not None:
                value = "yes" if flag else "no"
                out[facet][value] = out[facet].get(value, 0) + 1
        if len(row) > len(flags):
            for theme in (row[-1] or "").split():
                out["theme"][theme] = out["theme"].get(theme, 0) + 1


_DETAIL = {
    # kind -> (speaker, question ids, display text, needs_check, checked columns)
    "question": ("t.asker", "t.qid", "t.text", "t.needs_check", "t.checked"),
    "answer": ("NULL", "t.qids", "t.text", "NULL", "NULL"),
    "paragraph": ("t.speaker", "NULL", "t.text", "NULL", "NULL"),
    "figure": (
        "t.speaker",
        "NULL",
        "t.mention || ' — ' || coalesce(t.subject, '')",
        "NULL",
        "NULL",
    ),
    "commitment": ("t.speaker", "NULL", "t.text", "NULL", "NULL"),
    "recommendation": ("t.heading", "NULL", "t.text", "NULL", "NULL"),
}
_EXTRA = (  # recommendation hits: follow-up, repeated, "para. 23 (b)"
    "t.follow_up, t.repeated, 'para. ' || t.paragraph || coalesce(' (' || t.letter || ')', '')"
)


def hit(
    conn: sqlite3.Connection, kind: str, rid: int, score: float, match: str, tokens: int
) -> SearchHit:
    """Details and a highlighted snippet for one ranked hit."""
    table, _ = SEARCH_KINDS[kind]
    fts = f"{table}_fts"
    # Figures show "mention — subject"; the other kinds their first indexed column.
    columns = (0, 1) if kind == "figure" else (0,)
    snips = conn.execute(
        "SELECT "
        + ", ".join(f"snippet({fts}, {c}, ?, ?, '…', ?)" for c in columns)
        + f" FROM {fts} WHERE {fts} MATCH ? AND rowid = ?",
        (*[SNIP_OPEN, SNIP_CLOSE, tokens] * len(columns), match, rid),
    ).fetchone()
    speaker, qids, text, needs_check, checked = _DETAIL[kind]
    row = conn.execute(
        f"SELECT t.review_id, t.line, t.side, t.status, {speaker}, {qids}, {text}, "
        f"r.committee, r.state_name, r.state_iso3, r.year, r.title, {needs_check}, "
        + (_EXTRA if kind == "recommendation" else "NULL, NULL, NULL")
        + f", {checked} "
        f"FROM {table} t JOIN reviews r ON r.id = t.review_id WHERE t.id = ?",
        (rid,),
    ).fetchone()
    raw = " — ".join(part for part in snips if part) if snips else ""
    snippet, marks = split_marks(raw or row[6])
    return SearchHit(
        kind=kind,
        review_id=row[0],
        line=row[1],
        side=row[2],
        status=row[3],
        needs_check=None if row[12] is None else bool(row[12]),
        speaker=row[4],
        question_ids=tuple((row[5] or "").split()),
        text=row[6],
        committee=row[7],
        state_name=row[8],
        state_iso3=row[9],
        year=row[10],
        title=row[11],
        snippet=snippet,
        marks=marks,
        score=round(-score, 4),
        follow_up=None if row[13] is None else bool(row[13]),
        repeated=None if row[14] is None else bool(row[14]),
        reference=row[15],
        checked=None if row[16] is None else bool(row[16]),
    )
