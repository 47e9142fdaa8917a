"""CSV tables of one review: questions, answers, figures and commitments.

Each table is one file with a header row, written as UTF-8 with a byte-order mark and CRLF
line ends (RFC 4180): Excel only recognises UTF-8 in a CSV opened by double-click when the BOM
is there (otherwise "Ünver" shows as "Ãœnver"), and LibreOffice, pandas (`encoding="utf-8-sig"`)
and Python's csv module read it cleanly. Document text, and the names and notes people give
when they check a status, that starts with `=`, `+`, `-` or `@` is prefixed with an
apostrophe so that spreadsheets show it as text instead of running it as a formula (OWASP
"CSV injection"); numbers are never altered. Figures and commitments are
numbered from 1 (figure n is `figures[n - 1]` in the JSON). The JSON export is the lossless
format. See docs/exports.md for the columns.

This is the one CSV writer: `rapporteur analyze --format csv` (`analyze_csv`) writes the rows
of the questions table with its own documented columns (`ANALYZE_COLUMNS`, a subset of
`QUESTION_COLUMNS` in the order it has always had), without a BOM and with "\\n" line ends.

Concluding observations have recommendations, not questions: both commands write the
recommendations table instead (`RECOMMENDATION_COLUMNS`, one row per lettered item, so that
para. 10 (a) and para. 10 (b) can be tracked apart), and the export writes only
recommendations.csv.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from . import certainty, digest
from . import recommendations as co

BOM = "\ufeff"
TABLES = ("questions", "answers", "figures", "commitments")

QUESTION_COLUMNS = (
    "id",
    "line",
    "section",
    "asker",
    "participant",
    "asker_inferred",
    "kind",
    "round",
    "status",
    "score",
    "answer_line",
    "answer_text",
    "answers",
    "answer_lines",
    "question",
    "themes",
    "status_reason",
    "confidence",
    "needs_check",
    "status_source",
    "checked_by",
    "checked_at",
    "note",
    "machine_status",
)
"""`score`, `answer_line` and `answer_text` are the best passage's (under an unanswered status,
the closest passage, not an answer; a passage a person chose has no score); `answers` counts
them all. `confidence` is the estimated probability that `status` is right (empty when unknown
or checked by a person); `needs_check` is `true` when the tool is not sure and a person should
check before quoting the status. `status_source` says who decided `status`: `machine` (the
tool) or `person` (checked in the library, by `checked_by` at `checked_at`, with their `note`);
`machine_status` is the tool's own current status, which differs from `status` where the tool
disagrees with the person."""
ANALYZE_COLUMNS = (
    "id",
    "line",
    "asker",
    "kind",
    "status",
    "score",
    "answer_line",
    "answer_text",
    "question",
    "themes",
    "status_reason",
    "confidence",
    "needs_check",
    "status_source",
    "checked_by",
    "checked_at",
    "note",
    "machine_status",
)
"""The columns of `rapporteur analyze --format csv`: a subset of `QUESTION_COLUMNS` (a fresh
analysis is the tool's alone: `status_source` is `machine`, the person's columns empty)."""
ANSWER_COLUMNS = (
    "question_id",
    "rank",
    "question_line",
    "asker",
    "status",
    "section",
    "line",
    "score",
    "text",
)
FIGURE_COLUMNS = (
    "figure",
    "section",
    "line",
    "side",
    "speaker",
    "mention",
    "value",
    "value_min",
    "value_max",
    "qualifier",
    "unit",
    "subject",
    "period",
    "themes",
    "contradicts",
    "contradiction",
)
COMMITMENT_COLUMNS = (
    "commitment",
    "section",
    "line",
    "side",
    "speaker",
    "kind",
    "themes",
    "text",
)
RECOMMENDATION_COLUMNS = (
    "id",
    "symbol",
    "paragraph",
    "letter",
    "citation",
    "subject",
    "heading",
    "text",
    "articles",
    "themes",
    "follow_up",
    "follow_up_due",
    "reiterates_symbol",
    "reiterates_paragraph",
    "questions",
    "line",
)
"""One row per recommendation (a paragraph, or one lettered item of it). `citation` is how to
cite it ("CMW/C/ARD/CO/2, para. 10 (a)"); `text` is the whole recommended action;
`follow_up_due` is the date by which the State party is to report on it (follow-up items
only); `reiterates_*` name the earlier recommendation it repeats; `questions` lists the ids
of the dialogue's questions on the same subject (filled in the library)."""
CONCLUDING_TABLES = ("recommendations",)
COLUMNS = {
    "recommendations": RECOMMENDATION_COLUMNS,
    "questions": QUESTION_COLUMNS,
    "answers": ANSWER_COLUMNS,
    "figures": FIGURE_COLUMNS,
    "commitments": COMMITMENT_COLUMNS,
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: Any) -> str:
    """Free text from the document, defused for spreadsheets."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _cell(value: Any) -> str:
    """Numbers, booleans and codes: written as JSON would write them."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _list(values: Iterable[Any] | None) -> str:
    return "; ".join(str(v) for v in values or ())


def question_rows(
    data: dict[str, Any], columns: Sequence[str] = QUESTION_COLUMNS
) -> list[list[str]]:
    """One row per question with the given columns (names of `QUESTION_COLUMNS`)."""
    secs = digest.sections(data)
    rows = []
    for q in data.get("questions") or []:
        answers = q.get("answers") or []
        best = answers[0] if answers else {}
        sec = digest.section_at(secs, q.get("line"))
        score = best.get("score")
        sure = certainty.of(q)
        cells = {
            "id": _cell(q.get("id")),
            "line": _cell(q.get("line")),
            "section": _text(sec.label if sec else ""),
            "asker": _text(q.get("asker")),
            "participant": _cell(q.get("participant")),
            "asker_inferred": _cell(q.get("asker_inferred")),
            "kind": _cell(q.get("kind")),
            "round": _cell(q.get("round")),
            "status": _cell(digest.status_of(q)),
            "score": f"{score:.4f}" if isinstance(score, int | float) else "",
            "answer_line": _cell(best.get("line")),
            "answer_text": _text(best.get("text")),
            "answers": _cell(len(answers)),
            "answer_lines": _list(a.get("line") for a in answers),
            "question": _text(q.get("text")),
            "themes": _list(q.get("themes")),
            "status_reason": _text(q.get("status_reason")),
            "confidence": "" if sure.confidence is None else f"{sure.confidence:.3f}",
            "needs_check": _cell(sure.needs_check),
            "status_source": _cell(sure.source),
            "checked_by": _text(sure.by),
            "checked_at": _text(sure.at),
            "note": _text(sure.note),
            "machine_status": _cell(sure.machine_status),
        }
        rows.append([cells[c] for c in columns])
    return rows


def answer_rows(data: dict[str, Any]) -> list[list[str]]:
    secs = digest.sections(data)
    rows = []
    for q in data.get("questions") or []:
        for rank, a in enumerate(q.get("answers") or [], start=1):
            sec = digest.section_at(secs, a.get("line"))
            rows.append(
                [
                    _cell(q.get("id")),
                    _cell(rank),
                    _cell(q.get("line")),
                    _text(q.get("asker")),
                    _cell(digest.status_of(q)),
                    _text(sec.label if sec else ""),
                    _cell(a.get("line")),
                    _cell(a.get("score")),
                    _text(a.get("text")),
                ]
            )
    return rows


def figure_rows(data: dict[str, Any]) -> list[list[str]]:
    secs = digest.sections(data)
    conflicts = digest.conflicts(data)
    rows = []
    for i, f in enumerate(data.get("figures") or []):
        sec = digest.section_at(secs, f.get("line"))
        mine = conflicts.get(i, [])
        rows.append(
            [
                _cell(i + 1),
                _text(sec.label if sec else ""),
                _cell(f.get("line")),
                _cell(f.get("side")),
                _text(f.get("speaker")),
                _text(f.get("mention")),
                _cell(f.get("value")),
                _cell(f.get("value_min")),
                _cell(f.get("value_max")),
                _cell(f.get("qualifier")),
                _cell(f.get("unit")),
                _text(f.get("subject")),
                _text(f.get("period")),
                _list(f.get("themes")),
                _list(other + 1 for other, _, _ in mine),
                _text(" | ".join(f"{sev}: {why}" if why else sev for _, sev, why in mine)),
            ]
        )
    return rows


def commitment_rows(data: dict[str, Any]) -> list[list[str]]:
    secs = digest.sections(data)
    rows = []
    for i, c in enumerate(data.get("commitments") or [], start=1):
        sec = digest.section_at(secs, c.get("line"))
        rows.append(
            [
                _cell(i),
                _text(sec.label if sec else ""),
                _cell(c.get("line")),
                _cell(c.get("side")),
                _text(c.get("speaker")),
                _cell(c.get("kind")),
                _list(c.get("themes")),
                _text(c.get("text")),
            ]
        )
    return rows


def recommendation_rows(data: dict[str, Any]) -> list[list[str]]:
    """One row per recommendation, in document order."""
    rows = []
    for r in co.recommendations(data):
        raw = r.get("reiterates")
        reit: dict[str, Any] = raw if isinstance(raw, dict) else {}
        cells = {
            "id": _cell(r.get("id")),
            "symbol": _text(co.symbol(data)),
            "paragraph": _cell(r.get("paragraph")),
            "letter": _cell(r.get("letter")),
            "citation": _text(co.citation(data, r)),
            "subject": _text(r.get("subject")),
            "heading": _text(r.get("heading")),
            "text": _text(co.action(r)),
            "articles": _list(r.get("articles")),
            "themes": _list(r.get("themes")),
            "follow_up": _cell(bool(r.get("follow_up"))),
            "follow_up_due": _cell(co.follow_up_due(data, r)),
            "reiterates_symbol": _text(reit.get("symbol")),
            "reiterates_paragraph": _cell(reit.get("paragraph")),
            "questions": _list(r.get("questions")),
            "line": _cell(r.get("line")),
        }
        rows.append([cells[c] for c in RECOMMENDATION_COLUMNS])
    return rows


_ROWS = {
    "recommendations": recommendation_rows,
    "questions": question_rows,
    "answers": answer_rows,
    "figures": figure_rows,
    "commitments": commitment_rows,
}


def render_csv(
    columns: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    bom: bool = True,
    newline: str = "\r\n",
) -> str:
    """One CSV document: BOM, header row, CRLF line ends, minimal quoting (the exported
    tables); `analyze_csv` asks for no BOM and "\\n"."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=newline)
    writer.writerow(columns)
    writer.writerows(rows)
    return (BOM if bom else "") + buf.getvalue()


def analyze_csv(data: dict[str, Any]) -> str:
    """`rapporteur analyze --format csv`: the questions table with `ANALYZE_COLUMNS`, UTF-8
    without a BOM and with "\\n" line ends, for pipes and scripts; for concluding observations
    the recommendations table."""
    if co.is_concluding_observations(data):
        return render_csv(
            RECOMMENDATION_COLUMNS, recommendation_rows(data), bom=False, newline="\n"
        )
    return render_csv(
        ANALYZE_COLUMNS, question_rows(data, ANALYZE_COLUMNS), bom=False, newline="\n"
    )


def table(data: dict[str, Any], name: str) -> str:
    """One table (recommendations, questions, answers, figures or commitments) as CSV text."""
    return render_csv(COLUMNS[name], _ROWS[name](data))


def tables(data: dict[str, Any]) -> dict[str, str]:
    """File name -> CSV text for every table, empty tables included (header only); for
    concluding observations the recommendations table alone (they have no dialogue)."""
    names = CONCLUDING_TABLES if co.is_concluding_observations(data) else TABLES
    return {f"{name}.csv": table(data, name) for name in names}
