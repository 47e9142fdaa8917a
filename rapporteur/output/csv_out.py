"""CSV tables of one review (`rapporteur analyze --format csv`).

`questions_csv`: one row per question with its status and best evidence, for a spreadsheet
of what the delegation answered. UTF-8, a header row, RFC 4180 quoting, "\\n" row ends.
"""

from __future__ import annotations

import csv
import io

from ..models import Review

QUESTION_COLUMNS = (
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
)


def questions_csv(review: Review) -> str:
    """One row per question: who asked, the status, the best answer and its score."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(QUESTION_COLUMNS)
    for q in review.questions:
        best = q.answers[0] if q.answers else None
        writer.writerow(
            (
                q.id,
                q.line,
                q.asker,
                q.kind,
                q.status,
                f"{best.score:.4f}" if best else "",
                best.line if best else "",
                best.text if best else "",
                q.text,
                "; ".join(q.themes),
                q.status_reason,
            )
        )
    return buf.getvalue()
