"""Plain-text list of the questions a delegation left open (`rapporteur unanswered`).

Read from the review@1 object, so that a review in the library lists the statuses people
checked: those come first, under "Checked by a person", with who checked them and their note;
then the questions whose status the tool is sure of, ready to paste into a follow-up letter;
then the ones it is not sure of, headed "To check: the tool is not sure of these", to be
checked against the record before they are quoted. Within each group, questions are grouped
by asker (in the order they first spoke) and then by theme (a question's first theme; "(no
theme)" when the themes stage found none), each with its line in the analysed text.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from . import certainty

NO_THEME = "(no theme)"
CHECKED_HEADING = "Checked by a person"
SURE_HEADING = "Sure: the tool is sure of these statuses"

Question = Mapping[str, Any]


def open_questions(data: Mapping[str, Any], *, include_partial: bool = True) -> list[Question]:
    wanted = {"unanswered", "partial"} if include_partial else {"unanswered"}
    return [q for q in data.get("questions") or [] if q.get("status") in wanted]


def _heading(data: Mapping[str, Any]) -> str | None:
    meta = data.get("review") or {}
    parts = []
    if meta.get("committee"):
        parts.append(meta.get("committee_name") or meta["committee"])
    if (meta.get("state_party") or {}).get("name"):
        parts.append(f"review of {meta['state_party']['name']}")
    report = meta.get("report") or {}
    if report.get("description"):
        sym = f" ({report['symbol']})" if report.get("symbol") else ""
        parts.append(f"{report['description']}{sym}")
    if meta.get("date"):
        parts.append(meta["date"])
    return ", ".join(parts) or None


def render(data: Mapping[str, Any], *, include_partial: bool = True) -> str:
    """The open questions of one review@1 object, as text."""
    every = list(data.get("questions") or [])
    questions = open_questions(data, include_partial=include_partial)
    n_un = sum(q.get("status") == "unanswered" for q in questions)
    n_part = len(questions) - n_un
    what = (
        "Unanswered and partially answered questions" if include_partial else "Unanswered questions"
    )
    out = [what]
    heading = _heading(data)
    if heading:
        out.append(heading)
    out.append(f"Source: {(data.get('document') or {}).get('origin', '')}")
    checked = [q for q in questions if certainty.is_checked(q)]
    sure = [q for q in questions if not certainty.is_checked(q) and not certainty.needs_check(q)]
    check = [q for q in questions if certainty.needs_check(q)]
    count = f"{len(questions)} of {len(every)} questions: {n_un} unanswered"
    count += f", {n_part} partially answered" if include_partial else ""
    people = f"{len(checked)} checked by a person, " if checked else ""
    out.append(f"{count}; {people}the tool is sure of {len(sure)}, {len(check)} to check.")
    if not questions:
        out.append("")
        out.append(
            "No question is marked as unanswered or partially answered."
            if include_partial
            else "No question is marked as unanswered."
        )
    if checked:
        out += ["", CHECKED_HEADING, "=" * len(CHECKED_HEADING), *_groups(checked)]
    if sure:
        out += ["", SURE_HEADING, "=" * len(SURE_HEADING), *_groups(sure)]
    if check:
        out += ["", certainty.CHECK_HEADING, "=" * len(certainty.CHECK_HEADING)]
        out.append("Read the lines given before quoting these statuses.")
        out += _groups(check)
    listed = {q.get("id") for q in questions}
    others = [q for q in every if certainty.needs_check(q) and q.get("id") not in listed]
    if others:
        many = len(others) != 1
        out.append("")
        out.append(
            f"Also to check: {len(others)} other question{'s' if many else ''} whose status the "
            "tool is not sure of (`rapporteur analyze` shows every question)."
        )
    return "\n".join(out) + "\n"


def _groups(questions: Sequence[Question]) -> list[str]:
    out: list[str] = []
    groups: dict[str, dict[str, list[Question]]] = {}
    for q in questions:
        themes = q.get("themes") or []
        theme = _theme_label(themes[0]) if themes else NO_THEME
        groups.setdefault(str(q.get("asker") or ""), {}).setdefault(theme, []).append(q)
    for asker, by_theme in groups.items():
        out.append("")
        out.append(asker)
        for theme, items in by_theme.items():
            out.append(f"  {theme}")
            for q in items:
                out.extend(_item(q))
    return out


def _item(q: Question) -> list[str]:
    status = certainty.of(q)
    note = "unanswered" if q.get("status") == "unanswered" else "partially answered"
    answers = q.get("answers") or []
    if q.get("status") == "partial" and answers:
        note += f"; the closest answer is at line {answers[0].get('line')}"
    if status.check is not None:
        note += f"; {status.check.text}"
        if status.note:
            note += f'; note: "{status.note}"'
        if status.disagrees:
            note += f"; the tool says {status.machine_status}"
    elif status.percent is not None:
        note += f"; confidence {status.percent}%"
    body = f"[line {q.get('line')}] {q.get('text')} ({note})"
    return textwrap.wrap(body, width=96, initial_indent="    - ", subsequent_indent="      ")


def _theme_label(theme: str) -> str:
    label = theme.replace("-", " ").replace("_", " ").strip()
    return label[:1].upper() + label[1:] if label else NO_THEME
