"""The review page's decision form: a person confirms or corrects a question's status.

POST /reviews/{id}/questions/{qid}/decision records the decision (`Store.decide`, with the
version the person saw) and sends the browser on to the next unchecked question, within the
filters in use (the form's action carries them). When the decision cannot be saved (someone
else saved one first, a line that is not in the text, no name), the review page comes back
with the person's own choices in the form and one sentence saying why; nothing is written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from .. import checks
from ..errors import DecisionConflict, InvalidQuery
from ..store import STATUSES
from . import checking, guard, views
from .pages import url_with

router = APIRouter(include_in_schema=False)

FROM_ELSEWHERE = "This decision came from another web site and was refused; nothing was changed."
_SEPARATORS = re.compile(r"[\s,;]+")


def parse_lines(ticked: list[str], typed: str) -> list[int]:
    """The line numbers of the ticked passages and those typed ("12, 15"), in order, once."""
    out: list[int] = []
    for word in [*ticked, *_SEPARATORS.split(typed.strip())]:
        if not word:
            continue
        if not word.isdigit() or int(word) < 1:
            shown = word if len(word) <= 20 else word[:20] + "…"
            raise InvalidQuery(
                f"“{shown}” is not a line number; give numbers such as 12 or 12, 15."
            )
        if int(word) not in out:
            out.append(int(word))
    return out


def chosen_evidence(lines: list[int], no_evidence: bool) -> list[int] | None:
    """What `Store.decide` takes: None keeps the tool's passages, [] clears them."""
    if no_evidence and lines:
        raise InvalidQuery("Tick passages or “No passage answers it”, not both.")
    if no_evidence:
        return []
    return lines or None


def _version(value: str) -> int:
    if not value.strip().isdigit():
        raise InvalidQuery("The form is missing the version of the decision you saw.")
    return int(value)


@router.post("/reviews/{review_id}/questions/{question_id}/decision")
def decide(
    request: Request,
    review_id: str,
    question_id: str,
    status: Annotated[str | None, Form()] = None,
    evidence: Annotated[list[str] | None, Form()] = None,
    lines: Annotated[str, Form(max_length=2000)] = "",
    no_evidence: Annotated[str | None, Form()] = None,
    note: Annotated[str, Form(max_length=20_000)] = "",
    by: Annotated[str, Form(max_length=2000)] = "",
    version: Annotated[str, Form(max_length=40)] = "",
    csrf: Annotated[str | None, Form()] = None,
) -> Response:
    """Save a person's decision from the review page's form, or show it back with why."""
    visitor = guard.check_form(request, csrf, FROM_ELSEWHERE)
    store = request.app.state.library.store()
    draft = checking.Draft(
        qid=question_id,
        status=status,
        evidence=tuple(int(e) for e in evidence or [] if e.isdigit()),
        lines=lines,
        no_evidence=bool(no_evidence),
        note=note,
        by=by,
        message="",
    )
    try:
        if status not in STATUSES:
            raise InvalidQuery("Choose a status: answered, partial or unanswered.")
        chosen = chosen_evidence(parse_lines(list(evidence or []), lines), bool(no_evidence))
        _, data = store.decide_review(
            review_id,
            question_id,
            status,
            author=visitor.name or by,
            evidence=chosen,
            note=note,
            expected=_version(version),
        )
    except (DecisionConflict, InvalidQuery) as exc:
        sent_back = replace(draft, message=exc.message, conflict=isinstance(exc, DecisionConflict))
        return views.review_page_response(request, review_id, sent_back, exc.status)
    return RedirectResponse(
        _after_saving(request, store.resolve_id(review_id), data, question_id), status_code=303
    )


def _after_saving(request: Request, review_id: str, data: Mapping[str, Any], qid: str) -> str:
    """The review page at the next unchecked question (within the filters in use, else
    any), with the notice that the decision was saved; `data` is the review as stored."""
    questions = list(data.get("questions") or [])
    query = {k: v for k, v in request.query_params.items() if k in views.FILTERS}
    labels = views.theme_labels(request.app.state.settings.taxonomy)
    filters = views.question_filters(questions, query, labels)
    params = dict(filters["selected"])
    following = checking.next_unchecked(questions, filters["matches"], qid)
    if following is None:
        params = {}
        following = checks.progress(data, after=qid).next_unchecked
    target = following or qid
    base = f"/reviews/{review_id}"
    return url_with(base, params, q=target, saved=qid) + f"#q-{target}"
