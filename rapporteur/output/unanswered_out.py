"""Plain-text list of the questions a delegation left open (`rapporteur unanswered`).

The questions whose status the tool is sure of come first, ready to paste into a follow-up
letter; the ones it is not sure of follow in a separate group headed "To check: the tool is
not sure of these", to be checked against the record before they are quoted. Within each
group, questions are grouped by asker (in the order they first spoke) and then by theme (a
question's first theme; "(no theme)" when the themes stage found none), each with its line in
the analysed text.
"""

from __future__ import annotations

import textwrap

from ..models import Question, Review
from . import certainty

NO_THEME = "(no theme)"
SURE_HEADING = "Sure: the tool is sure of these statuses"


def open_questions(review: Review, *, include_partial: bool = True) -> list[Question]:
    wanted = {"unanswered", "partial"} if include_partial else {"unanswered"}
    return [q for q in review.questions if q.status in wanted]


def _certainty(q: Question) -> certainty.Certainty:
    return certainty.of(
        {"status": q.status, "confidence": q.confidence, "needs_check": q.needs_check}
    )


def render(review: Review, *, include_partial: bool = True) -> str:
    meta = review.metadata
    questions = open_questions(review, include_partial=include_partial)
    n_un = sum(q.status == "unanswered" for q in questions)
    n_part = len(questions) - n_un
    what = (
        "Unanswered and partially answered questions" if include_partial else "Unanswered questions"
    )
    out = [what]
    if meta is not None:
        parts = []
        if meta.committee:
            parts.append(meta.committee_name or meta.committee)
        if meta.state_party:
            parts.append(f"review of {meta.state_party.name}")
        if meta.report:
            sym = f" ({meta.report.symbol})" if meta.report.symbol else ""
            parts.append(f"{meta.report.description}{sym}")
        if meta.date:
            parts.append(meta.date)
        if parts:
            out.append(", ".join(parts))
    out.append(f"Source: {review.document.origin}")
    sure = [q for q in questions if not q.needs_check]
    check = [q for q in questions if q.needs_check]
    count = f"{len(questions)} of {len(review.questions)} questions: {n_un} unanswered"
    count += f", {n_part} partially answered" if include_partial else ""
    out.append(f"{count}; the tool is sure of {len(sure)}, {len(check)} to check.")
    if not questions:
        out.append("")
        out.append(
            "No question is marked as unanswered or partially answered."
            if include_partial
            else "No question is marked as unanswered."
        )
    if sure:
        out += ["", SURE_HEADING, "=" * len(SURE_HEADING), *_groups(sure)]
    if check:
        heading = certainty.CHECK_HEADING
        out += ["", heading, "=" * len(heading)]
        out.append("Read the lines given before quoting these statuses.")
        out += _groups(check)
    listed = {q.id for q in questions}
    others = [q for q in review.questions if q.needs_check and q.id not in listed]
    if others:
        many = len(others) != 1
        out.append("")
        out.append(
            f"Also to check: {len(others)} other question{'s' if many else ''} whose status the "
            "tool is not sure of (`rapporteur analyze` shows every question)."
        )
    return "\n".join(out) + "\n"


def _groups(questions: list[Question]) -> list[str]:
    out: list[str] = []
    groups: dict[str, dict[str, list[Question]]] = {}
    for q in questions:
        theme = _theme_label(q.themes[0]) if q.themes else NO_THEME
        groups.setdefault(q.asker, {}).setdefault(theme, []).append(q)
    for asker, themes in groups.items():
        out.append("")
        out.append(asker)
        for theme, items in themes.items():
            out.append(f"  {theme}")
            for q in items:
                out.extend(_item(q))
    return out


def _item(q: Question) -> list[str]:
    note = "unanswered" if q.status == "unanswered" else "partially answered"
    if q.status == "partial" and q.answers:
        note += f"; the closest answer is at line {q.answers[0].line}"
    percent = _certainty(q).percent
    if percent is not None:
        note += f"; confidence {percent}%"
    body = f"[line {q.line}] {q.text} ({note})"
    return textwrap.wrap(body, width=96, initial_indent="    - ", subsequent_indent="      ")


def _theme_label(theme: str) -> str:
    label = theme.replace("-", " ").replace("_", " ").strip()
    return label[:1].upper() + label[1:] if label else NO_THEME
