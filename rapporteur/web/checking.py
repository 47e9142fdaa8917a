"""What the review page needs so that a person can check its statuses.

The progress ("12 of 92 questions checked by a person"), the link to the next unchecked
question (within the filters in use), and for each question the form to confirm or change
its status: the candidate passages, what is chosen now, the version the person sees. A
decision that could not be saved (someone else saved first, a line that is not in the
text) comes back as a `Draft`: the person's own choices are shown again, with why.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from fastapi import Request

from .. import checks
from ..output import certainty
from ..store import STATUSES, decisions
from . import guard
from .pages import url_with

STATUS_LABELS = {"answered": "Answered", "partial": "Partly answered", "unanswered": "Unanswered"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Draft:
    """A decision someone sent that was not saved."""

    qid: str
    status: str | None
    evidence: tuple[int, ...] = ()
    lines: str = ""
    no_evidence: bool = False
    note: str = ""
    by: str = ""
    message: str
    conflict: bool = False
    """Someone else saved a decision first: theirs is shown beside the form."""


def next_unchecked(
    questions: Sequence[Mapping[str, Any]],
    matches: Callable[[Mapping[str, Any]], bool],
    after: str | None,
) -> str | None:
    """The first question nobody checked among those `matches` keeps, after question
    `after` (wrapping round), or the first of them."""
    order = {str(q.get("id")): i for i, q in enumerate(questions)}
    pool = [str(q["id"]) for q in questions if not certainty.is_checked(q) and matches(q)]
    if not pool:
        return None
    start = order.get(after or "", -1)
    return next((qid for qid in pool if order[qid] > start), pool[0])


def question_href(review_id: str, qid: str, params: Mapping[str, Any] | None = None) -> str:
    """The review page opened at a question (its form unfolded), keeping `params`."""
    return url_with(f"/reviews/{review_id}", dict(params or {}), q=qid) + f"#q-{qid}"


def _candidates(q: Mapping[str, Any]) -> list[tuple[int, str]]:
    """(line, text) of the passages to choose from: the tool's, and the person's own."""
    tool = decisions.machine_question(q).get("answers") or []
    chosen = (q.get("decision") or {}).get("evidence") or []
    out: list[tuple[int, str]] = []
    seen: set[int] = set()
    for a in [*tool, *chosen]:
        line = a.get("line")
        if isinstance(line, int) and line not in seen:
            seen.add(line)
            out.append((line, str(a.get("text") or "")))
    return out


def decision_form(q: Mapping[str, Any], draft: Draft | None) -> dict[str, Any]:
    """The values of one question's form: the current decision, or the draft sent back."""
    d = q.get("decision") or {}
    status = str(q.get("status"))
    if draft is not None and draft.qid == q.get("id"):
        candidates = _candidates(q)
        known = {line for line, _ in candidates}
        candidates += [(line, "") for line in draft.evidence if line not in known]
        return {
            "status": draft.status,
            "candidates": candidates,
            "chosen": set(draft.evidence),
            "lines": draft.lines,
            "no_evidence": draft.no_evidence,
            "note": draft.note,
            "by": draft.by,
            "version": d.get("id", 0),
            "message": draft.message,
            "conflict": draft.conflict,
        }
    shown = {a.get("line") for a in q.get("answers") or []} if status != "unanswered" else set()
    return {
        "status": status,
        "candidates": _candidates(q),
        "chosen": shown,
        "lines": "",
        "no_evidence": d.get("evidence") == [],
        "note": d.get("note") or "",
        "by": "",
        "version": d.get("id", 0),
        "message": None,
        "conflict": False,
    }


def review_checks(
    request: Request, review_id: str, context: Mapping[str, Any], draft: Draft | None = None
) -> dict[str, Any]:
    """The review page's extra context for checking statuses (see the module docstring)."""
    questions: list[Mapping[str, Any]] = list(context.get("questions") or [])
    filters = context["filters"]
    visitor = guard.visitor_of(request)
    query = request.query_params
    opened = draft.qid if draft else query.get("q") or query.get("saved")
    params = dict(filters["selected"])
    following = next_unchecked(questions, filters["matches"], opened)
    if following is None and params:  # nothing left within the filters: leave them
        params = {}
        following = next_unchecked(questions, lambda q: True, opened)
    notice = None
    saved = query.get("saved")
    found = next((q for q in questions if q.get("id") == saved), None)
    if found is not None and found.get("status_source") == "person":
        notice = f"Saved: question {saved} is now {found.get('status')}."
        if following is None:
            notice += " Every question of this review is now checked by a person."
    here = url_with(f"/reviews/{review_id}", dict(request.query_params))
    return {
        "visitor": visitor,
        "progress": checks.progress({"questions": questions}),
        "next_href": question_href(review_id, following, params) if following else None,
        "opened": opened,
        "draft": draft,
        "decision_form": lambda q: decision_form(q, draft),
        "decision_action": lambda qid: url_with(
            f"/reviews/{review_id}/questions/{quote(str(qid), safe='')}/decision",
            dict(filters["selected"]),
        ),
        "status_labels": STATUS_LABELS,
        "decision_statuses": STATUSES,
        "login_href": "/login?next=" + quote(here, safe=""),
        "long_date": certainty.long_date,
        "notice": notice,
    }
