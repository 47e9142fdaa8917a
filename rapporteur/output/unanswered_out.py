"""Plain-text list of the questions a delegation left open (`rapporteur unanswered`).

Grouped by asker (in the order they first spoke) and then by theme (a question's first theme;
"(no theme)" when the themes stage found none), each with its line in the analysed text, ready
to paste into a follow-up letter.
"""

from __future__ import annotations

import textwrap

from ..models import Question, Review

NO_THEME = "(no theme)"


def open_questions(review: Review, *, include_partial: bool = True) -> list[Question]:
    wanted = {"unanswered", "partial"} if include_partial else {"unanswered"}
    return [q for q in review.questions if q.status in wanted]


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
    count = f"{len(questions)} of {len(review.questions)} questions: {n_un} unanswered"
    out.append(count + (f", {n_part} partially answered." if include_partial else "."))
    if not questions:
        out.append("")
        out.append("Every question received an answer.")
        return "\n".join(out) + "\n"

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
                note = "unanswered" if q.status == "unanswered" else "partially answered"
                if q.status == "partial" and q.answers:
                    note += f"; the closest answer is at line {q.answers[0].line}"
                body = f"[line {q.line}] {q.text} ({note})"
                out.extend(
                    textwrap.wrap(
                        body, width=96, initial_indent="    - ", subsequent_indent="      "
                    )
                )
    return "\n".join(out) + "\n"


def _theme_label(theme: str) -> str:
    label = theme.replace("-", " ").replace("_", " ").strip()
    return label[:1].upper() + label[1:] if label else NO_THEME
