"""A readable terminal summary of one review."""

from __future__ import annotations

from ..models import Review

_STATUS_MARK = {"answered": "✔ answered", "partial": "◐ partial", "unanswered": "✘ unanswered"}


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
    by_status: dict[str, int] = {}
    for q in review.questions:
        by_status[q.status] = by_status.get(q.status, 0) + 1
    out.append("")
    summary = ", ".join(f"{n} {k}" for k, n in sorted(by_status.items()))
    out.append(f"Questions: {len(review.questions)}" + (f" ({summary})" if summary else ""))
    for q in review.questions:
        out.append(f"  [{q.line}] {q.asker} ({q.kind}) — {_STATUS_MARK.get(q.status, q.status)}")
        out.append(f"      Q: {q.text}")
        if q.answers:
            best = q.answers[0]
            out.append(f"      A [{best.line}] ({best.score:.2f}): {best.text}")
        if q.themes:
            out.append(f"      themes: {', '.join(q.themes)}")
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
