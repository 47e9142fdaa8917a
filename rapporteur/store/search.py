"""FTS5 search across the five indexed tables: ranking, facets and snippets.

A search runs one SELECT per kind (question, answer, paragraph, figure, commitment), all
bound to the same MATCH expression and filters, joined with UNION ALL:
- the page of hits is ranked by BM25 and cut with LIMIT/OFFSET before any snippet is made,
  so snippets are built for the 20 hits shown, not for every match;
- facets and the total come from one GROUP BY over the same union (no BM25 needed).
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from .records import Filters, SearchHit
from .schema import SEARCH_KINDS

SNIP_OPEN, SNIP_CLOSE = "\x02", "\x03"
FACETS = ("committee", "country", "year", "kind", "side", "status")

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
    """SQL conditions on the reviews table for committee, country, years and session."""
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
    return where, args


def _union(match: str, filters: Filters, with_score: bool) -> tuple[str, list[Any]]:
    rwhere, rargs = review_where(filters)
    selects: list[str] = []
    args: list[Any] = []
    for kind in filters.kinds or tuple(SEARCH_KINDS):
        table, _ = SEARCH_KINDS[kind]
        fts = f"{table}_fts"
        where = [f"{fts} MATCH ?", *rwhere]
        args += [match, *rargs]
        if filters.side:
            where.append("t.side = ?")
            args.append(filters.side)
        if filters.status and kind == "answer":
            where.append(
                "EXISTS (SELECT 1 FROM question_answers l JOIN questions q "
                "ON q.id = l.question_id WHERE l.answer_id = t.id AND q.status = ?)"
            )
            args.append(filters.status)
        elif filters.status:
            where.append("t.status = ?")
            args.append(filters.status)
        score = f", bm25({fts}) AS score" if with_score else ""
        join = "JOIN reviews r ON r.id = t.review_id" if rwhere else ""
        selects.append(
            f"SELECT '{kind}' AS kind, t.id AS rid, t.review_id AS review_id, t.side AS side, "
            f"t.status AS status{score} FROM {fts} JOIN {table} t ON t.id = {fts}.rowid "
            f"{join} WHERE {' AND '.join(where)}"
        )
    return " UNION ALL ".join(selects), args


def ranked(
    conn: sqlite3.Connection, match: str, filters: Filters, limit: int, offset: int
) -> list[tuple[str, int, float]]:
    """(kind, row id, BM25) of one page of hits, best first."""
    union, args = _union(match, filters, with_score=True)
    rows = conn.execute(
        f"SELECT kind, rid, score FROM ({union}) ORDER BY score, review_id, kind, rid "
        "LIMIT ? OFFSET ?",
        [*args, limit, offset],
    ).fetchall()
    return [(str(k), int(r), float(s)) for k, r, s in rows]


def total(conn: sqlite3.Connection, match: str, filters: Filters) -> int:
    union, args = _union(match, filters, with_score=False)
    return int(conn.execute(f"SELECT count(*) FROM ({union})", args).fetchone()[0])


def facets(
    conn: sqlite3.Connection, match: str, filters: Filters
) -> tuple[dict[str, dict[str, int]], int]:
    """Counts of all matches per facet value (most frequent first), and their total."""
    union, args = _union(match, filters, with_score=False)
    rows = conn.execute(
        f"SELECT m.kind, m.side, m.status, r.committee, coalesce(r.state_iso3, r.state_name), "
        f"r.year, count(*) FROM ({union}) m JOIN reviews r ON r.id = m.review_id "
        "GROUP BY 1, 2, 3, 4, 5, 6",
        args,
    ).fetchall()
    out: dict[str, dict[str, int]] = {facet: {} for facet in FACETS}
    grand = 0
    for kind, side, status, committee, country, year, n in rows:
        grand += n
        values = {
            "committee": committee,
            "country": country,
            "year": year,
            "kind": kind,
            "side": side,
            "status": status,
        }
        for facet, value in values.items():
            if value is not None:
                counts = out[facet]
                counts[str(value)] = counts.get(str(value), 0) + n
    ordered = {
        facet: dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        for facet, counts in out.items()
    }
    return ordered, grand


_DETAIL = {
    # kind -> (speaker column, question ids column, display text column)
    "question": ("t.asker", "t.qid", "t.text"),
    "answer": ("NULL", "t.qids", "t.text"),
    "paragraph": ("t.speaker", "NULL", "t.text"),
    "figure": ("t.speaker", "NULL", "t.mention || ' — ' || coalesce(t.subject, '')"),
    "commitment": ("t.speaker", "NULL", "t.text"),
}


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
    speaker, qids, text = _DETAIL[kind]
    row = conn.execute(
        f"SELECT t.review_id, t.line, t.side, t.status, {speaker}, {qids}, {text}, "
        "r.committee, r.state_name, r.state_iso3, r.year, r.title "
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
    )
