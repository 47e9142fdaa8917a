"""A readable terminal summary of one review."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..models import Review
from . import certainty
from . import recommendations as co
from .json_out import to_dict

_MARK = {"answered": "✔", "partial": "◐", "unanswered": "✘"}


def question_summary(questions: Sequence[Mapping[str, Any]]) -> str:
    """'Questions: 33 (17 answered, 5 partial, 11 unanswered; 4 to check; 2 checked by a
    person)'."""
    by_status: dict[str, int] = {}
    for q in questions:
        status = certainty.of(q).status
        by_status[status] = by_status.get(status, 0) + 1
    tally = ", ".join(f"{n} {k}" for k, n in sorted(by_status.items()))
    if questions:
        tally += f"; {certainty.count_to_check(questions)} to check"
    checked = certainty.count_checked(questions)
    if checked:
        tally += f"; {checked} checked by a person"
    return f"Questions: {len(questions)}" + (f" ({tally})" if tally else "")


def question_lines(q: Mapping[str, Any]) -> list[str]:
    """One question of a review@1 object: its status and who decided it (the tool, with how
    sure it is, or a person, with their note and the tool's verdict beside it), why, and its
    best passage: an answer, or under an unanswered status the closest passage."""
    sure = certainty.of(q)
    out = [
        f"  [{q.get('line')}] {q.get('asker')} ({q.get('kind')}) — "
        f"{_MARK[sure.status]} {sure.label}",
        f"      Q: {q.get('text')}",
    ]
    if sure.check is not None:
        if sure.note:
            out.append(f"      Note: {sure.note}")
        if sure.tool_text:
            out.append(f"      {sure.tool_text[:1].upper()}{sure.tool_text[1:]}.")
    elif q.get("status_reason"):
        out.append(f"      Why: {q['status_reason']}")
    answers = q.get("answers") or []
    if answers:
        best = answers[0]
        label = sure.evidence_label[:1].upper() + sure.evidence_label[1:]
        if sure.check is not None and sure.check.chose_evidence:
            label += f" (chosen by {sure.check.by})"
        score = best.get("score")
        shown = (
            f" (score {score:.2f})" if sure.shows_score and isinstance(score, float | int) else ""
        )
        out.append(f"      {label} [{best.get('line')}]{shown}: {best.get('text')}")
    if q.get("themes"):
        out.append(f"      themes: {', '.join(q['themes'])}")
    return out


def render(review: Review, *, show_text: bool = False) -> str:
    data = to_dict(review)
    if co.is_concluding_observations(data):
        out = concluding_lines(data)
    else:
        out = _dialogue_lines(review, data)
    if show_text:
        out.append("")
        out.append("Analysed text")
        for n, line in enumerate(review.document.text.split("\n"), 1):
            out.append(f"{n:5d}  {line}")
    return "\n".join(out) + "\n"


def _dialogue_lines(review: Review, data: dict[str, Any]) -> list[str]:
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
    questions = data["questions"]
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
    return out


def concluding_lines(data: dict[str, Any]) -> list[str]:
    """Concluding observations: who adopted them about whom, the follow-up request, every
    recommendation under its subject and heading with its marks, and the next report due.
    No participants or questions: the document has none."""
    review = data.get("review") or {}
    doc = data.get("document") or {}
    sym = co.symbol(data)
    out = [f"Concluding observations{f' {sym}' if sym else ''}"]
    state = review.get("state_party") or {}
    iso = f" ({state['iso3']})" if state.get("iso3") else ""
    name = review.get("committee_name") or "unknown"
    out.append(f"Committee:   {name} ({review.get('committee') or '?'})")
    out.append(f"State party: {state.get('name') or 'unknown State'}{iso}")
    report = review.get("report") or {}
    if report:
        rsym = f" — {report['symbol']}" if report.get("symbol") else ""
        out.append(f"Report:      {report.get('description') or '?'}{rsym}")
    if sym:
        out.append(f"Symbol:      {sym}")
    if review.get("date"):
        out.append(f"Adopted:     {co.long_date(review['date'])}")
    if review.get("session"):
        out.append(f"Session:     {review['session']}")
    out.append(f"Source:      {doc.get('origin') or '?'}")
    for w in data.get("warnings") or []:
        out.append(f"Warning: {w}")
    recs = co.recommendations(data)
    out.append("")
    out.append(co.counts_text(data) + ".")
    follow = co.follow_up_sentence(data)
    if follow:
        where = co.follow_up_source(data)
        out.append(f"Follow-up: {follow[:-1]}" + (f" ({where})." if where else "."))
    nr = co.next_report_text(data)
    if nr:
        line = co.next_report(data).get("line")
        out.append(f"Next report: {nr}" + (f" (line {line})." if line else "."))
    if not recs:
        out.append("")
        out.append("No recommendations were found in this document.")
    for subject in co.by_subject(recs):
        out.append("")
        arts = co.articles_text(subject.articles)
        shown = f" ({arts})" if arts and "art" not in subject.name else ""
        out.append(f"{subject.name}{shown}")
        for group in subject.groups:
            indent = "  "
            if group.heading:
                out.append(f"  {group.heading}")
                indent = "    "
            for r in group.items:
                out.append(
                    f"{indent}{co.paragraph_label(r)} [line {r.get('line')}]: {co.short_action(r)}"
                )
                marks = []
                if r.get("follow_up"):
                    marks.append(f"follow-up: report {co.follow_up_when(data)}".rstrip())
                if r.get("reiterates"):
                    marks.append(co.reiterates_text(r))
                if subject.own_articles(r):
                    marks.append(subject.own_articles(r))
                if r.get("questions"):
                    marks.append("questions of the dialogue: " + ", ".join(r["questions"]))
                if marks:
                    out.append(f"{indent}    {'; '.join(marks)}")
    return out
