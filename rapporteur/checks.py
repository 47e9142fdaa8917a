"""People check the statuses: record a decision, read the audit trail, see the progress.

The front ends (CLI, web, API) call these functions; the store records decisions and
applies them (`store/deciding.py`, `store/decisions.py`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .library import LibraryRef, _opened
from .store import Decision
from .store.deciding import Evidence
from .store.decisions import anchors


@dataclass(frozen=True, slots=True, kw_only=True)
class Progress:
    """How far people have gone through a review's questions."""

    checked: int
    total: int
    next_unchecked: str | None
    """The id of the first question nobody has checked, in the order of the record."""
    disagreements: int
    """Checked questions on which the tool's current status differs from the person's."""

    @property
    def text(self) -> str:
        """'12 of 92 questions checked by a person'."""
        return f"{self.checked} of {self.total} questions checked by a person"


def progress(data: Mapping[str, Any], after: str | None = None) -> Progress:
    """The progress of one review object; `next_unchecked` is the first unchecked question
    after question `after` (wrapping round), or the first of all."""
    questions = list(data.get("questions") or [])
    unchecked = [q["id"] for q in questions if q.get("status_source") != "person"]
    ids = [q["id"] for q in questions]
    following = unchecked[0] if unchecked else None
    if after in ids and unchecked:
        start = ids.index(after)
        later = [qid for qid in unchecked if ids.index(qid) > start]
        following = later[0] if later else unchecked[0]
    return Progress(
        checked=len(questions) - len(unchecked),
        total=len(questions),
        next_unchecked=following,
        disagreements=sum(bool((q.get("decision") or {}).get("disagrees")) for q in questions),
    )


def decide(
    review: str,
    question: str,
    status: str,
    *,
    author: str,
    evidence: Evidence | None = None,
    note: str | None = None,
    expected: int | None = None,
    db: LibraryRef = None,
) -> Mapping[str, Any]:
    """Record a person's decision; the question as the library now shows it."""
    with _opened(db) as store:
        return store.decide(
            review,
            question,
            status,
            author=author,
            evidence=evidence,
            note=note,
            expected=expected,
        )


def trail(review: str, db: LibraryRef = None) -> tuple[Mapping[str, Any], list[Decision]]:
    """The stored review object and every decision recorded on its document, newest first."""
    with _opened(db) as store:
        return store.get(review).data, store.decisions_of(review)


def decision_dict(d: Decision, current: Sequence[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """One decision of the audit trail as JSON. `applies_to`: the id of the question it is
    about now (None when no question of the review matches it any more); `standing`: it is
    the decision in force on that question (not replaced by a later one)."""
    by_anchor = dict(zip(anchors(current), current, strict=True))
    target = by_anchor.get(d.anchor)
    return {
        "id": d.id,
        "question": d.qid,
        "question_text": d.question,
        "applies_to": target["id"] if target else None,
        "standing": bool(target and (target.get("decision") or {}).get("id") == d.id),
        "status": d.status,
        "evidence": d.evidence_json(),
        "note": d.note,
        "by": d.author,
        "at": d.decided_at,
        "machine_status": d.machine_status,
        "machine_confidence": d.machine_confidence,
        "document": d.sha256,
    }
