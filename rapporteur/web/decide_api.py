"""The JSON API of people's checks: record a decision on a status, read a review's trail.

The same functions as `rapporteur decide` and `rapporteur decisions` (`rapporteur.checks`).
Who may write is decided in `guard`; a stale `version` is refused with 409 and the sentence
naming what is saved now, and nothing is written.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from .. import checks
from ..errors import InvalidQuery
from . import guard

router = APIRouter(prefix="/api", tags=["checks"])

FROM_ELSEWHERE = "This decision came from another web site and was refused; nothing was changed."

_ERROR = {"description": "Error: {ok: false, error, errors, status, code}"}


class DecisionIn(BaseModel):
    """A person's decision on one question's status."""

    model_config = ConfigDict(extra="forbid")

    status: Literal["answered", "partial", "unanswered"]
    evidence: list[Annotated[int, Field(ge=1)]] | None = Field(
        default=None,
        description="Lines of the passages that answer it (the tool's passage on that line, "
        "else the whole paragraph); [] when no passage answers it; null keeps the tool's.",
    )
    note: str | None = Field(default=None, max_length=2000)
    version: int = Field(
        ge=0,
        description="The id of the decision you saw on this question (its `decision.id`), "
        "0 when there was none: a later save by someone else is not overwritten (409).",
    )
    by: str | None = Field(
        default=None,
        max_length=100,
        description="Your name, for the audit trail; only where writing needs no account "
        "(a logged-in account's name is used otherwise).",
    )


def progress_dict(p: checks.Progress) -> dict[str, Any]:
    return {
        "checked": p.checked,
        "questions": p.total,
        "next_unchecked": p.next_unchecked,
        "disagreements": p.disagreements,
        "text": p.text,
    }


@router.post(
    "/reviews/{review_id}/questions/{question_id}/decision",
    responses={400: _ERROR, 403: _ERROR, 404: _ERROR, 409: _ERROR, 422: _ERROR},
)
def decide(request: Request, review_id: str, question_id: str, body: DecisionIn) -> dict[str, Any]:
    """Record a person's decision on a question's status (like `rapporteur decide`):
    `{ok, review_id, question, progress}`, the question as the library now shows it. 409
    when someone else saved a decision on it since `version`; 403 when the server is
    read-only, or writes need an account and the request has no session (cookie and
    `X-CSRF-Token`)."""
    visitor = guard.check_api_write(request, FROM_ELSEWHERE)
    if visitor.name and body.by and body.by.strip().casefold() != visitor.name.casefold():
        raise InvalidQuery(
            f"Decisions are saved under the account you are logged in as, {visitor.name}; "
            "leave out `by`."
        )
    store = request.app.state.library.store()
    question, data = store.decide_review(
        review_id,
        question_id,
        body.status,
        author=visitor.name or body.by or "",
        evidence=body.evidence,
        note=body.note,
        expected=body.version,
    )
    return {
        "ok": True,
        "review_id": store.resolve_id(review_id),
        "question": question,
        "progress": progress_dict(checks.progress(data, after=question_id)),
    }


@router.get("/reviews/{review_id}/decisions", responses={404: _ERROR})
def decisions(request: Request, review_id: str) -> dict[str, Any]:
    """How far people have checked a review's statuses, and every decision recorded on it,
    newest first (like `rapporteur decisions`): `{ok, review_id, checked, questions,
    next_unchecked, disagreements, text, decisions}`; each decision says which question it
    `applies_to` now and whether it is `standing`."""
    store = request.app.state.library.store()
    data, found = checks.trail(review_id, store)
    current = list(data.get("questions") or [])
    return {
        "ok": True,
        "review_id": store.resolve_id(review_id),
        **progress_dict(checks.progress(data)),
        "decisions": [checks.decision_dict(d, current) for d in found],
    }
