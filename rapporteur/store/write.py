"""Rows derived from one rapporteur/review@1 object, inserted inside the caller's transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from . import decisions
from .schema import row_id

_STATUS_RANK = {"answered": 0, "partial": 1, "unanswered": 2}


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _symbol(doc: Mapping[str, Any]) -> str | None:
    """The document's symbol; a review joined from parts lists theirs (SR.545 + SR.546)."""
    symbols = [p.get("symbol") for p in doc.get("parts") or []]
    if len(symbols) > 1 and all(symbols):
        return " + ".join(str(s) for s in symbols)
    return doc.get("symbol")


def status_counts(questions: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    counts = {"answered": 0, "partial": 0, "unanswered": 0}
    for q in questions:
        if q.get("status") in counts:
            counts[q["status"]] += 1
    return counts


def insert_review(
    conn: sqlite3.Connection, review_id: str, seq: int, data: Mapping[str, Any], added_at: str
) -> None:
    """Insert the reviews row and every derived row; the FTS triggers index the text.

    Derived rows get ids from `schema.row_id`: review seq, side and status live in the id."""
    doc = data["document"]
    meta = data.get("review") or {}
    state = meta.get("state_party") or {}
    report = meta.get("report") or {}
    questions = data.get("questions") or []
    figures = data.get("figures") or []
    inconsistencies = data.get("inconsistencies") or []
    commitments = data.get("commitments") or []
    counts = status_counts(questions)
    row = {
        "id": review_id,
        "seq": seq,
        "sha256": doc["sha256"],
        "origin": doc.get("origin") or "",
        "format": doc.get("format") or "text",
        "title": doc.get("title"),
        "kind": doc.get("kind"),
        "language": doc.get("language") or "en",
        "symbol": _symbol(doc),
        "committee": meta.get("committee"),
        "state_name": state.get("name"),
        "state_iso3": state.get("iso3"),
        "year": meta.get("year"),
        "session": meta.get("session"),
        "date": meta.get("date"),
        "report": report.get("description"),
        "report_symbol": report.get("symbol"),
        "is_dialogue": int(bool(data.get("is_dialogue", True))),
        "analyzer_version": (data.get("analyzer") or {}).get("version") or "0",
        "n_participants": len(data.get("participants") or []),
        "n_questions": len(questions),
        "n_answered": counts["answered"],
        "n_partial": counts["partial"],
        "n_unanswered": counts["unanswered"],
        "n_figures": len(figures),
        "n_contradictions": len(inconsistencies),
        "n_commitments": len(commitments),
        "n_checked": decisions.checked(questions),
        "added_at": added_at,
        "updated_at": now(),
        "data": json.dumps(data, ensure_ascii=False, separators=(",", ":")),
    }
    conn.execute(
        f"INSERT INTO reviews ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        tuple(row.values()),
    )
    conn.executemany(
        "INSERT INTO participants (review_id, pid, name, side, roles, title) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                review_id,
                p["id"],
                p["name"],
                p.get("side") or "other",
                json.dumps(p.get("roles") or [], ensure_ascii=False),
                p.get("title"),
            )
            for p in data.get("participants") or []
        ],
    )
    conn.executemany(
        "INSERT INTO paragraphs (id, review_id, line, last_line, section, side, speaker, text) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                row_id(seq, p.get("side"), None, n),
                review_id,
                p["line"],
                p.get("last_line", p["line"]),
                p.get("section"),
                p.get("side"),
                p.get("speaker"),
                p["text"],
            )
            for n, p in enumerate(data.get("paragraphs") or [])
        ],
    )
    _insert_dialogue(conn, review_id, seq, questions)
    insert_recommendations(conn, review_id, seq, data)
    contradicted = {i.get("a") for i in inconsistencies} | {i.get("b") for i in inconsistencies}
    conn.executemany(
        "INSERT INTO figures (id, review_id, idx, line, mention, value, value_min, value_max, "
        "qualifier, unit, subject, period, side, speaker, contradicted) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                row_id(seq, f.get("side"), None, i),
                review_id,
                i,
                f["line"],
                f["mention"],
                _num(f.get("value")),
                _num(f.get("value_min")),
                _num(f.get("value_max")),
                f.get("qualifier"),
                f.get("unit"),
                f.get("subject"),
                f.get("period"),
                f.get("side"),
                f.get("speaker"),
                int(i in contradicted),
            )
            for i, f in enumerate(figures)
        ],
    )
    conn.executemany(
        "INSERT INTO commitments (id, review_id, idx, line, kind, side, speaker, text) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                row_id(seq, c.get("side"), None, i),
                review_id,
                i,
                c["line"],
                c.get("kind"),
                c.get("side"),
                c.get("speaker"),
                c["text"],
            )
            for i, c in enumerate(commitments)
        ],
    )


def _insert_dialogue(
    conn: sqlite3.Connection, review_id: str, seq: int, questions: Sequence[Mapping[str, Any]]
) -> None:
    """Questions, distinct answer passages, and the links between them.

    One passage often answers several questions; it is stored (and found) once, with the
    best status and score among its questions and the ids of all of them."""
    passages: dict[tuple[int, str], dict[str, Any]] = {}
    links: list[tuple[int, tuple[int, str], int, float | None]] = []
    for n, q in enumerate(questions):
        question_row = row_id(seq, "committee", q.get("status"), n)
        conn.execute(
            "INSERT INTO questions (id, review_id, qid, line, round, kind, asker, participant, "
            "side, status, needs_check, checked, themes, text) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'committee', ?, ?, ?, ?, ?)",
            (
                question_row,
                review_id,
                q["id"],
                q["line"],
                q.get("round"),
                q.get("kind"),
                q.get("asker"),
                q.get("participant"),
                q.get("status"),
                int(q.get("needs_check") is not False),
                int(q.get("status_source") == "person"),
                " ".join(q.get("themes") or []),
                q["text"],
            ),
        )
        for rank, a in enumerate(q.get("answers") or []):
            key = (int(a["line"]), str(a["text"]))
            score = _num(a.get("score"))
            entry = passages.setdefault(key, {"qids": [], "status": None, "score": None})
            entry["qids"].append(q["id"])
            status = q.get("status")
            if status in _STATUS_RANK and (
                entry["status"] is None or _STATUS_RANK[status] < _STATUS_RANK[entry["status"]]
            ):
                entry["status"] = status
            if score is not None and (entry["score"] is None or score > entry["score"]):
                entry["score"] = score
            links.append((question_row, key, rank, score))
    answer_rows: dict[tuple[int, str], int] = {}
    for n, ((line, text), entry) in enumerate(passages.items()):
        answer_row = row_id(seq, "delegation", entry["status"], n)
        conn.execute(
            "INSERT INTO answers (id, review_id, line, score, side, status, qids, text) "
            "VALUES (?, ?, ?, ?, 'delegation', ?, ?, ?)",
            (
                answer_row,
                review_id,
                line,
                entry["score"],
                entry["status"],
                " ".join(entry["qids"]),
                text,
            ),
        )
        answer_rows[(line, text)] = answer_row
    conn.executemany(
        "INSERT OR IGNORE INTO question_answers (question_id, answer_id, rank, score) "
        "VALUES (?, ?, ?, ?)",
        [(qrow, answer_rows[key], rank, score) for qrow, key, rank, score in links],
    )


def replace_dialogue(
    conn: sqlite3.Connection, review_id: str, seq: int, data: Mapping[str, Any]
) -> None:
    """Rewrite a stored review's questions and answer passages (a person decided a status):
    their row ids carry the status, so the rows are replaced, not updated; the counts and
    the stored object follow. Everything else about the review stays as it is."""
    conn.execute(
        "DELETE FROM question_answers WHERE question_id IN "
        "(SELECT id FROM questions WHERE review_id = ?)",
        (review_id,),
    )
    conn.execute("DELETE FROM questions WHERE review_id = ?", (review_id,))
    conn.execute("DELETE FROM answers WHERE review_id = ?", (review_id,))
    questions = data.get("questions") or []
    _insert_dialogue(conn, review_id, seq, questions)
    counts = status_counts(questions)
    # updated_at stays: it says when the review was analysed and stored; a decision is
    # told apart by its own id (Reads.generation, Reads.review_generation).
    conn.execute(
        "UPDATE reviews SET n_answered = ?, n_partial = ?, n_unanswered = ?, n_checked = ?, "
        "data = ? WHERE id = ?",
        (
            counts["answered"],
            counts["partial"],
            counts["unanswered"],
            decisions.checked(questions),
            json.dumps(data, ensure_ascii=False, separators=(",", ":")),
            review_id,
        ),
    )


def insert_recommendations(
    conn: sqlite3.Connection, review_id: str, seq: int, data: Mapping[str, Any]
) -> None:
    """One row per recommendation (paragraph or lettered item) of concluding observations.

    `repeated` starts as "the text says it reiterates"; the library sets it for links to the
    previous cycle found by wording too (`cycle.save_previous`)."""
    follow = (data.get("review") or {}).get("follow_up") or {}
    rows = []
    for n, r in enumerate(data.get("recommendations") or []):
        cited = r.get("reiterates") or {}
        rows.append(
            (
                row_id(seq, "committee", None, n),
                review_id,
                r["id"],
                int(r["paragraph"]),
                r.get("letter"),
                int(r["line"]),
                r.get("heading"),
                r.get("subject"),
                " ".join(str(a) for a in r.get("articles") or []),
                " ".join(r.get("themes") or []),
                int(bool(r.get("follow_up"))),
                follow.get("due") if r.get("follow_up") else None,
                cited.get("symbol"),
                cited.get("paragraph"),
                int(bool(cited)),
                r.get("action") or r["text"],
            )
        )
    conn.executemany(
        "INSERT INTO recommendations (id, review_id, rid, paragraph, letter, line, side, "
        "heading, subject, articles, themes, follow_up, follow_up_due, reiterates_symbol, "
        "reiterates_paragraph, repeated, text) "
        "VALUES (?, ?, ?, ?, ?, ?, 'committee', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
