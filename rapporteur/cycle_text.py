"""Terminal text for the review cycle: the library's reviews with their documents
(`rapporteur library`) and a State's overview (`rapporteur state`)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from .overview import StateOverview, kind_name
from .store import GroupPage, ReviewGroup, ReviewSummary


def _review_title(g: ReviewGroup) -> str:
    parts = [g.committee or "?", g.state_name or "unknown State"]
    if g.year:
        parts.append(str(g.year))
    report = g.report or ""
    if g.report_symbol:
        report = f"{report} ({g.report_symbol})" if report else g.report_symbol
    if report:
        parts.append(report)
    return " · ".join(parts)


def _document_line(d: ReviewSummary) -> str:
    what = kind_name(d.kind, d.symbol, d.origin)
    detail = f"{d.questions} questions" if d.questions else ""
    return f"  {d.id}  {what:<24} {d.symbol or '':<18} {detail}".rstrip()


def render_groups(page: GroupPage) -> str:
    if not page.groups:
        return "No reviews in the library match.\n" if page.total else "The library is empty.\n"
    out: list[str] = []
    for g in page.groups:
        out.append(_review_title(g))
        out += [_document_line(d) for d in g.documents]
        out.append("")
    shown = f"{page.offset + 1}-{page.offset + len(page.groups)} of {page.total}"
    out.append(f"Reviews {shown}; each lists its documents (id, kind, UN symbol).")
    return "\n".join(out) + "\n"


def _wrap(text: str, indent: str = "      ", width: int = 96) -> list[str]:
    return textwrap.wrap(text, width=width, initial_indent=indent, subsequent_indent=indent)


def _years(years: Sequence[int | None]) -> str:
    return ", ".join(str(y) if y else "?" for y in years)


def render_state(view: StateOverview) -> str:
    name = f"{view.state_name} ({view.state_iso3})" if view.state_iso3 else view.state_name
    out = [f"{name}: reviews in the library (today is {view.today})", ""]
    for committee, reviews in view.committees.items():
        out.append(committee)
        for r in reviews:
            g = r.group
            report = g.report_symbol or g.report or "report not named"
            docs = ", ".join(
                kind_name(d.kind, d.symbol, d.origin) + (f" {d.symbol}" if d.symbol else "")
                for d in g.documents
            )
            out.append(f"  {g.year or '????'}  {report}: {docs}")
            dates = []
            if r.observations:
                dates.append(f"{r.recommendations} recommendations")
            if r.follow_up_due:
                dates.append(f"follow-up information due {r.follow_up_due}")
            if r.next_report_due:
                dates.append(f"{r.next_report or 'next report'} due {r.next_report_due}")
            if dates:
                out.append("        " + "; ".join(dates))
        out.append("")
    out.append("Follow-up recommendations (the State reports on these before the next review)")
    if not view.follow_up:
        out.append("  none in the library")
    for f in view.follow_up:
        rec = f.recommendation
        late = "  PAST DUE" if f.past_due else ""
        out.append(
            f"  {f.symbol or f.committee} {rec.reference}: {rec.heading or rec.subject or ''}"
            f", due {f.due or 'date not given'}{late}"
        )
        out += _wrap(rec.text)
    out.append("")
    out.append("Subjects raised in more than one cycle")
    if not (view.recurring_subjects or view.recurring_themes):
        out.append("  none (the library holds one cycle, or the cycles share no subject)")
    for s in view.recurring_subjects:
        out.append(f"  {s.committee}  {s.label} ({_years(s.years)})")
    by_committee: dict[str | None, list[str]] = {}
    for t in view.recurring_themes:
        by_committee.setdefault(t.committee, []).append(f"{t.label} ({_years(t.years)})")
    for who, labels in by_committee.items():
        out.append(f"  {who} themes of questions and recommendations in more than one cycle:")
        out += _wrap("; ".join(labels), indent="    ")
    out.append("")
    out.append("Recommendations repeated from the previous cycle")
    if not view.repeated:
        out.append("  none found")
    for item in view.repeated:
        rec = item.recommendation
        prev = rec.previous or {}
        if prev:
            ref = f"para. {prev.get('paragraph')}" + (
                f" ({prev['letter']})" if prev.get("letter") else ""
            )
            said = f"repeats {prev.get('symbol') or 'the previous observations'} {ref}: "
            said += str(prev.get("reason") or "")
        else:
            said = f"says it reiterates {rec.reiterates_symbol or ''} para. "
            said += f"{rec.reiterates_paragraph}"
        out.append(f"  {item.symbol} {rec.reference} ({rec.heading or ''}) {said}")
    return "\n".join(out) + "\n"
