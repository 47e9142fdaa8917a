"""Library results as JSON-ready dicts (CLI --format json and the HTTP API share them) and
as terminal text (`ingest`, `list`, `show`, `search`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict
from typing import Any

from ..store import ReviewPage, ReviewSummary, SearchHit, SearchResult
from .recommendations import is_concluding_observations
from .text_out import concluding_lines, question_lines, question_summary

# ---------------------------------------------------------------- JSON-ready dicts


def summary_dict(summary: ReviewSummary) -> dict[str, Any]:
    return asdict(summary)


def page_dict(page: ReviewPage) -> dict[str, Any]:
    return {
        "total": page.total,
        "limit": page.limit,
        "offset": page.offset,
        "reviews": [summary_dict(r) for r in page.reviews],
    }


def hit_dict(hit: SearchHit) -> dict[str, Any]:
    """A hit as JSON; question hits say who decided the status (`status_source`: "person"
    when a person checked it, else "machine"; null for the other kinds)."""
    out = asdict(hit)
    out["question_ids"] = list(hit.question_ids)
    out["marks"] = [list(m) for m in hit.marks]
    out["status_source"] = None if hit.checked is None else "person" if hit.checked else "machine"
    return out


def search_dict(result: SearchResult) -> dict[str, Any]:
    return {
        "query": result.query,
        "total": result.total,
        "limit": result.limit,
        "offset": result.offset,
        "hits": [hit_dict(h) for h in result.hits],
        "facets": {k: dict(v) for k, v in result.facets.items()},
    }


def ingest_dict(summary: Any) -> dict[str, Any]:
    """An `IngestSummary` (rapporteur.library) as a dict."""
    return {
        "db": summary.db,
        "reviews": summary.reviews,
        "review_groups": summary.groups,
        "added": summary.added,
        "updated": summary.updated,
        "skipped": summary.skipped,
        "failed": summary.failed,
        "items": [asdict(item) for item in summary.items],
    }


# ---------------------------------------------------------------- terminal text


def _state(name: str | None, iso3: str | None) -> str:
    if not name:
        return "unknown State"
    return f"{name} ({iso3})" if iso3 else name


def render_ingest(summary: Any) -> str:
    out = []
    for item in summary.items:
        if item.outcome == "failed":
            out.append(f"failed   {item.source}: {item.reason}")
        elif item.outcome == "skipped":
            out.append(f"skipped  {item.source} ({item.reason}) → {item.review_id or '-'}")
        else:
            out.append(f"{item.outcome:<8} {item.source} → {item.review_id} {item.label or ''}")
    out.append(
        f"Added {summary.added}, updated {summary.updated}, skipped {summary.skipped}, "
        f"failed {summary.failed}. The library {summary.db} holds {_holds(summary)}."
    )
    return "\n".join(out) + "\n"


def render_page(page: ReviewPage) -> str:
    if not page.reviews:
        return "No reviews match.\n" if page.total == 0 else "No more reviews.\n"
    rows = [("ID", "COMMITTEE", "STATE", "YEAR", "SESSION", "QUESTIONS", "UNANSWERED", "REPORT")]
    for r in page.reviews:
        rows.append(
            (
                r.id,
                r.committee or "?",
                _state(r.state_name, r.state_iso3),
                str(r.year or ""),
                str(r.session or ""),
                str(r.questions),
                str(r.unanswered),
                r.report_symbol or r.report or "",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    shown_to = page.offset + len(page.reviews)
    if page.total > len(page.reviews):
        lines.append(f"({page.offset + 1}–{shown_to} of {page.total}; use --offset for more)")
    return "\n".join(lines) + "\n"


def _highlight(hit: SearchHit, mark: Callable[[str], str]) -> str:
    out, pos = [], 0
    for start, end in hit.marks:
        out.append(hit.snippet[pos:start])
        out.append(mark(hit.snippet[start:end]))
        pos = end
    out.append(hit.snippet[pos:])
    return "".join(out)


def render_search(result: SearchResult, mark: Callable[[str], str] = lambda s: s) -> str:
    if not result.hits:
        return f"No matches for {result.query!r}.\n"
    lines = []
    for h in result.hits:
        status = f", {h.status}" if h.status else ""
        status += ", checked by a person" if h.checked else ", to check" if h.needs_check else ""
        who = f" — {h.speaker}" if h.speaker else ""
        lines.append(
            f"{h.review_id}  {h.committee or '?'}  {_state(h.state_name, h.state_iso3)}  "
            f"{h.year or ''}  line {h.line}  {h.kind} [{h.side or 'unknown side'}{status}]{who}"
        )
        lines.append(f"    {_highlight(h, mark)}")
    shown_to = result.offset + len(result.hits)
    lines.append(
        f"{result.offset + 1}–{shown_to} of {result.total} match"
        f"{'es' if result.total != 1 else ''}"
        + ("; use --offset for more" if shown_to < result.total else "")
    )
    return "\n".join(lines) + "\n"


def _holds(summary: Any) -> str:
    """ "3 reviews", or "15 documents of 3 reviews" when reviews have several documents."""
    n, groups = summary.reviews, summary.groups or summary.reviews
    reviews = f"{groups} review{'s' if groups != 1 else ''}"
    return reviews if n == groups else f"{n} document{'s' if n != 1 else ''} of {reviews}"


def render_review(summary: ReviewSummary, data: Mapping[str, Any]) -> str:
    """A stored review as text, in the shape of `analyze --format text` (concluding
    observations as their recommendations by subject)."""
    if is_concluding_observations(dict(data)):
        lines = concluding_lines(dict(data))
        lines.insert(
            1, f"Review id:   {summary.id} (analysed by rapporteur {summary.analyzer_version})"
        )
        return "\n".join(lines) + "\n"
    meta = data.get("review") or {}
    out = [summary.title or summary.origin]
    out.append(f"Review id:   {summary.id} (analysed by rapporteur {summary.analyzer_version})")
    out.append(f"Source:      {summary.origin}")
    committee = meta.get("committee_name") or "unknown"
    out.append(f"Committee:   {committee} ({meta.get('committee') or '?'})")
    out.append(f"State party: {_state(summary.state_name, summary.state_iso3)}")
    report = meta.get("report")
    if report:
        symbol = f" — {report['symbol']}" if report.get("symbol") else ""
        out.append(f"Report:      {report.get('description')}{symbol}")
    if meta.get("session"):
        out.append(f"Session:     {meta['session']}")
    if meta.get("date"):
        out.append(f"Date:        {meta['date']}")
    next_meeting = meta.get("next_meeting")
    if next_meeting:
        out.append(f"Next:        {next_meeting.get('text')}")
    for warning in data.get("warnings") or []:
        out.append(f"Warning: {warning}")
    out += ["", "Participants"]
    for p in data.get("participants") or []:
        title = f" — {p['title']}" if p.get("title") else ""
        out.append(f"  {p['name']} [{p.get('side')}] {', '.join(p.get('roles') or [])}{title}")
    questions = data.get("questions") or []
    out += ["", question_summary(questions)]
    for q in questions:
        out.extend(question_lines(q))
    figures = data.get("figures") or []
    inconsistencies = data.get("inconsistencies") or []
    if figures:
        flagged = {i.get("a") for i in inconsistencies} | {i.get("b") for i in inconsistencies}
        out += ["", f"Figures: {len(figures)}"]
        for i, f in enumerate(figures):
            period = f" ({f['period']})" if f.get("period") else ""
            warn = " ⚠" if i in flagged else ""
            out.append(
                f"  [{f['line']}] {f['mention']} — {f.get('unit')}, {f.get('subject')}{period} "
                f"[{f.get('side')}]{warn}"
            )
    if inconsistencies:
        out += ["", "Contradictions"]
        out += [f"  {i.get('severity', '')}: {i.get('reason')}" for i in inconsistencies]
    commitments = data.get("commitments") or []
    if commitments:
        out += ["", "Commitments"]
        out += [f"  [{c['line']}] ({c.get('kind')}) {c['text']}" for c in commitments]
    return "\n".join(out) + "\n"
