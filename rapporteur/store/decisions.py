"""People's decisions on question statuses, and the one place they are applied to a review.

A decision is a row of its own (`decisions` table), outside the rows re-analysis deletes and
rewrites, so nothing a person decided is ever lost. It is keyed on the document's SHA-256 and
an *anchor* that survives re-analysis: the question's normalised text and which occurrence of
that text it is (question ids such as `q017` shift when an earlier question appears). A
changed edition of a document (same path, URL or UN symbol, other bytes) inherits the
decisions whose anchor it still has.

`apply` turns a review@1 object as analysed into the one the library stores and shows: each
decided question gets the person's status (`status_source: "person"`), their evidence when
they chose some, a `decision` object (who, when, note, what the tool said then) and a
`machine` object with the tool's current verdict, so that where the tool now disagrees is
visible. `apply` first strips any decision already applied, so it can be run again on stored
data (after a new decision) with the same result as on fresh data.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

STATUSES = ("answered", "partial", "unanswered")
MACHINE_KEYS = ("status", "status_reason", "confidence", "needs_check", "answers")
"""The fields of a question a decision overrides; `machine` keeps the tool's values."""

_NON_WORD = re.compile(r"[\W_]+")

COLUMNS = (
    "id, sha256, origin, symbol, kind, anchor, qid, question, status, evidence, note, "
    "author, decided_at, machine_status, machine_confidence, machine_answers"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Decision:
    """One person's decision on one question, as recorded."""

    id: int
    sha256: str
    origin: str | None
    symbol: str | None
    kind: str | None
    anchor: str
    qid: str
    question: str
    status: str
    evidence: tuple[tuple[int, str], ...] | None
    """(line, text) passages the person chose; None: they kept the tool's passages."""
    note: str | None
    author: str
    decided_at: str
    machine_status: str | None
    machine_confidence: float | None
    machine_answers: tuple[Mapping[str, Any], ...]

    def evidence_json(self) -> list[dict[str, Any]] | None:
        """The chosen passages as review@1 writes them; None when the tool's were kept."""
        if self.evidence is None:
            return None
        return [{"line": line, "text": text} for line, text in self.evidence]

    @classmethod
    def from_row(cls, row: Sequence[Any]) -> Decision:
        evidence = json.loads(row[9]) if row[9] is not None else None
        return cls(
            id=int(row[0]),
            sha256=row[1],
            origin=row[2],
            symbol=row[3],
            kind=row[4],
            anchor=row[5],
            qid=row[6],
            question=row[7],
            status=row[8],
            evidence=None if evidence is None else tuple((int(e[0]), str(e[1])) for e in evidence),
            note=row[10],
            author=row[11],
            decided_at=row[12],
            machine_status=row[13],
            machine_confidence=row[14],
            machine_answers=tuple(json.loads(row[15])),
        )


def normalise(text: str) -> str:
    """Case, punctuation and spacing folded: re-analysis may trim a question differently."""
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def anchors(questions: Iterable[Mapping[str, Any]]) -> list[str]:
    """The anchor of each question: normalised text, '#', and its occurrence number."""
    seen: dict[str, int] = {}
    out = []
    for q in questions:
        key = normalise(str(q.get("text") or ""))
        seen[key] = seen.get(key, 0) + 1
        out.append(f"{key}#{seen[key]}")
    return out


def machine_question(question: Mapping[str, Any]) -> dict[str, Any]:
    """The question as the tool judged it: any applied decision taken off."""
    q = {k: v for k, v in question.items() if k not in ("decision", "machine")}
    q.update(question.get("machine") or {})
    q["status_source"] = "machine"
    return q


def long_date(stamp: str) -> str:
    """'2026-12-06T10:00:00Z' -> '6 December 2026'."""
    try:
        day = date.fromisoformat(stamp[:10])
    except ValueError:
        return stamp
    return f"{day.day} {day.strftime('%B')} {day.year}"


def reason(decision: Decision, machine_status: str | None, carried: bool) -> str:
    """The status reason of a decided question, in plain words."""
    text = f"Checked by {decision.author} on {long_date(decision.decided_at)}: {decision.status}."
    if carried:
        text += " (decided on an earlier edition of this document)"
    if machine_status and machine_status != decision.status:
        text += f" The tool says {machine_status}."
    return text


def decided(question: Mapping[str, Any], decision: Decision, carried: bool) -> dict[str, Any]:
    """A machine-judged question with a person's decision applied."""
    machine = {k: question.get(k) for k in MACHINE_KEYS}
    q = dict(question)
    q["status"] = decision.status
    q["status_source"] = "person"
    q["status_reason"] = reason(decision, machine["status"], carried)
    q["confidence"] = None
    q["needs_check"] = False
    if decision.evidence is not None:
        q["answers"] = [{"line": ln, "text": text, "score": None} for ln, text in decision.evidence]
    q["decision"] = {
        "id": decision.id,
        "status": decision.status,
        "evidence": decision.evidence_json(),
        "note": decision.note,
        "by": decision.author,
        "at": decision.decided_at,
        "machine_status": decision.machine_status,
        "carried": carried,
        "disagrees": machine["status"] != decision.status,
    }
    q["machine"] = machine
    return q


def latest(decisions: Iterable[Decision], sha256: str) -> dict[str, tuple[Decision, bool]]:
    """anchor -> (the decision that stands, carried from another edition?). Decisions on
    this very document win over inherited ones; among each, the latest wins."""
    best: dict[str, tuple[Decision, bool]] = {}
    for d in sorted(decisions, key=lambda d: (d.sha256 == sha256, d.id)):
        best[d.anchor] = (d, d.sha256 != sha256)
    return best


def apply(data: Mapping[str, Any], decisions: Iterable[Decision]) -> dict[str, Any]:
    """`data` with the standing decisions applied (see the module docstring); every question
    gets `status_source`. Decisions no question matches are left out (and kept in the table)."""
    sha = str(data["document"]["sha256"])
    standing = latest(decisions, sha)
    questions = [machine_question(q) for q in data.get("questions") or []]
    out = dict(data)
    out["questions"] = [
        decided(q, *standing[a]) if a in standing else q
        for q, a in zip(questions, anchors(questions), strict=True)
    ]
    return out


def checked(questions: Iterable[Mapping[str, Any]]) -> int:
    """How many questions a person has checked."""
    return sum(q.get("status_source") == "person" for q in questions)


def standing_for(conn: sqlite3.Connection, data: Mapping[str, Any]) -> list[Decision]:
    """Every decision that may apply to the document of `data`: those made on it, and those
    made on another edition of it (same path or URL, or same UN symbol; same kind)."""
    doc = data["document"]
    origin, symbol, kind = doc.get("origin") or None, doc.get("symbol") or None, doc.get("kind")
    if origin is not None and "/" not in origin.replace("\\", "/"):
        origin = None  # a bare upload name ("report.pdf") says nothing of which document
    # Three indexed lookups, not one OR that SQLite would answer by reading every decision.
    rows = conn.execute(
        f"SELECT {COLUMNS} FROM decisions WHERE sha256 = ? "
        f"UNION SELECT {COLUMNS} FROM decisions WHERE origin = ? AND kind IS ? "
        f"UNION SELECT {COLUMNS} FROM decisions WHERE symbol = ? AND kind IS ?",
        (doc["sha256"], origin, kind, symbol, kind),
    ).fetchall()
    return [Decision.from_row(r) for r in rows]


def insert(
    conn: sqlite3.Connection,
    data: Mapping[str, Any],
    question: Mapping[str, Any],
    anchor: str,
    *,
    status: str,
    evidence: Sequence[tuple[int, str]] | None,
    note: str | None,
    author: str,
    at: str,
) -> int:
    """Record one decision on `question` (as stored, decision applied or not); its id."""
    doc = data["document"]
    machine = machine_question(question)
    cursor = conn.execute(
        "INSERT INTO decisions (sha256, origin, symbol, kind, anchor, qid, question, status, "
        "evidence, note, author, decided_at, machine_status, machine_confidence, "
        "machine_answers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            doc["sha256"],
            doc.get("origin") or None,
            doc.get("symbol") or None,
            doc.get("kind"),
            anchor,
            question["id"],
            question["text"],
            status,
            None if evidence is None else json.dumps([list(e) for e in evidence]),
            note,
            author,
            at,
            machine.get("status"),
            machine.get("confidence"),
            json.dumps(machine.get("answers") or [], ensure_ascii=False),
        ),
    )
    return int(cursor.lastrowid or 0)
