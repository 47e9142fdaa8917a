"""A readable terminal summary of one review."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..models import Review
from . import certainty
from .json_out import to_dict

_MARK = {"answered": "✔", "partial": "◐", "unanswered": "✘"}


def question_summary(questions: Sequence[Mapping[str, Any]]) -> str:
    """'Questions: 33 (17 answered, 5 partial, 11 unanswered; 4 to check)'."""
    by_status: dict[str, int] = {}
    for q in questions:
        status = certainty.of(q).status
        by_status[status] = by_status.get(status, 0) + 1
    tally = ", ".join(f"{n} {k}" for k, n in sorted(by_status.items()))
    if questions:
        tally += f"; {certainty.count_to_check(questions)} to check"
    return f"Questions: {len(questions)}" + (f" ({tally})" if tally else "")


def question_lines(q: Mapping[str, Any]) -> list[str]:
    """One question of a review@1 object: its status and how sure the tool is of it, why,
    and its best passage: an answer, or under an unanswered status the closest passage."""
    sure = certainty.of(q)
    out = [
        f"  [{q.get('line')}] {q.get('asker')} ({q.get('kind')}) — "
        f"{_MARK[sure.status]} {sure.label}",
        f"      Q: {q.get('text')}",
    ]
    if q.get("status_reason"):
        out.append(f"      Why: {q['status_reason']}")
    answers = q.get("answers") or []
    if answers:
        best = answers[0]
        label = sure.evidence_label[:1].upper() + sure.evidence_label[1:]
        score = best.get("score")
        shown = (
            f" (score {score:.2f})" if sure.shows_score and isinstance(score, float | int) else ""
        )
        out.append(f"      {label} [{best.get('line')}]{shown}: {best.get('text')}")
    if q.get("themes"):
        out.append(f"      themes: {', '.join(q['themes'])}")
    return out


def render(review: Review, *, show_text: bool = False) -> str:
    meta = review.metadata
    out: list[str] = []
    if meta is not None:
        out.append(meta.title or review.document.origin)
        state = meta.state_party.name if meta.state_party else "unknown State"
        iso = f" ({meta.state_party.iso3})" if meta.state_party and meta.state_party.iso3 else ""
        out.append(f"Committee:   {meta.committee_name or 'unknown'} ({meta.committee or '?'})")
        out.append(f"State party: {state}{iso}")
        if meta.report:
            sym = f" — {meta.report.symbol}" if meta.report.symbol else ""
            out.append(f"Report:      {meta.report.description}{sym}")
        if meta.session:
            out.append(f"Session:     {meta.session}")
        if meta.date:
            out.append(f"Date:        {meta.date}")
        if meta.next_meeting:
            out.append(f"Next:        {meta.next_meeting.text}")
    for w in review.warnings:
        out.append(f"Warning: {w}")
    out.append("")
    out.append("Participants")
    for p in review.participants:
        roles = ", ".join(p.roles)
        title = f" — {p.title}" if p.title else ""
        out.append(f"  {p.name} [{p.side}] {roles}{title}")
    out.append("")
    out.append("Sections")
    for s in review.sections:
        heading = f" “{s.heading}”" if s.heading else ""
        out.append(f"  lines {s.first_line}-{s.last_line}: {s.kind}{heading}")
    questions = to_dict(review)["questions"]
    out.append("")
    out.append(question_summary(questions))
    for q in questions:
        out.extend(question_lines(q))
    if review.figures:
        out.append("")
        out.append(f"Figures: {len(review.figures)}")
        flagged = {i.a for i in review.inconsistencies} | {i.b for i in review.inconsistencies}
        for i, f in enumerate(review.figures):
            mark = " ⚠" if i in flagged else ""
            period = f" ({f.period})" if f.period else ""
            out.append(f"  [{f.line}] {f.mention} — {f.unit}, {f.subject}{period} [{f.side}]{mark}")
    if review.inconsistencies:
        out.append("")
        out.append("Contradictions")
        for inc in review.inconsistencies:
            out.append(f"  {inc.severity}: {inc.reason}")
    if review.commitments:
        out.append("")
        out.append("Commitments")
        for c in review.commitments:
            out.append(f"  [{c.line}] ({c.kind}) {c.text}")
    if show_text:
        out.append("")
        out.append("Analysed text")
        for n, line in enumerate(review.document.text.split("\n"), 1):
            out.append(f"{n:5d}  {line}")
    return "\n".join(out) + "\n"
