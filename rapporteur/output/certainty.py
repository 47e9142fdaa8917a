"""The one reader of a question's status for every output: who decided it and how sure it is.

Users quote statuses in letters to governments, so each output says in the same words who
stands behind a status. The tool's own verdict says whether it is sure ("answered — sure
(92%)") or not ("partial — please check (confidence 55%)"); a status a person checked in the
library says so ("partial — checked by Ana (6 December 2026)"), is never "to check", and keeps
the tool's verdict beside it (`machine`), so that where the tool disagrees shows. The passage
shown under an unanswered status is never presented as an answer (it is the closest passage),
and a passage a person chose is never shown with the tool's match score.

Works on a question of the `rapporteur/review@1` object (a dict). A question stored before
these fields existed has no `confidence` (unknown), needs checking, as the model says, and is
the tool's (`status_source` missing means "machine").
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

SURE = "sure"
CHECK = "please check"
CHECKED = "checked"
CHECK_HEADING = "To check: the tool is not sure of these"
CLOSEST = "closest passage (not an answer)"
"""The label of the passage shown under an unanswered status."""
STATUS_WORDS = {"answered": "answered", "partial": "partial", "unanswered": "unanswered"}
SOURCES = ("machine", "person")
_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def long_date(stamp: str) -> str:
    """'2026-12-06T10:00:00Z' -> '6 December 2026' (English month names whatever the locale);
    anything else unchanged."""
    try:
        year, month, day = (int(part) for part in stamp[:10].split("-"))
        return f"{day} {_MONTHS[month - 1]} {year}" if 1 <= day <= 31 else stamp
    except (ValueError, IndexError):
        return stamp


@dataclass(frozen=True, slots=True)
class Check:
    """A person's decision on a status, as the outputs show it."""

    by: str
    at: str
    """When, as stored (UTC, ISO 8601)."""
    note: str | None
    chose_evidence: bool
    """True when the person chose the passages; False when they kept the tool's."""
    carried: bool
    """Decided on an earlier edition of the document."""
    decision_id: int | None

    @property
    def date(self) -> str:
        """'6 December 2026'."""
        return long_date(self.at)

    @property
    def day(self) -> str:
        """'2026-12-06': the date of the decision, for tables."""
        return self.at[:10]

    @property
    def text(self) -> str:
        """'checked by Ana (6 December 2026)'."""
        return f"checked by {self.by} ({self.date})"


@dataclass(frozen=True, slots=True)
class QuestionStatus:
    """A question's status, who decided it, and how sure the tool is of it."""

    status: str
    confidence: float | None
    """Estimated probability (0-1) that the tool's status is right; None when it is unknown
    and for a status a person checked."""
    needs_check: bool
    source: str = "machine"
    """'machine' (the tool's verdict) or 'person' (checked in the library)."""
    check: Check | None = None
    """The person's decision (source 'person')."""
    machine: QuestionStatus | None = None
    """The tool's current verdict on a question a person checked."""

    @property
    def checked(self) -> bool:
        """True when a person checked this status."""
        return self.check is not None

    @property
    def percent(self) -> int | None:
        """The confidence as a whole percentage; never 0 or 100 for an estimate in between."""
        if self.confidence is None:
            return None
        pct = round(self.confidence * 100)
        if 0 < self.confidence < 1:
            pct = min(max(pct, 1), 99)
        return max(0, min(100, pct))

    @property
    def word(self) -> str:
        """'sure', 'please check' or 'checked' (by a person)."""
        if self.checked:
            return CHECKED
        return CHECK if self.needs_check else SURE

    @property
    def confidence_text(self) -> str:
        """'92%', 'confidence 55%' or 'confidence unknown' (the part in brackets)."""
        if self.percent is None:
            return "confidence unknown"
        return f"confidence {self.percent}%" if self.needs_check else f"{self.percent}%"

    @property
    def sureness(self) -> str:
        """'sure (92%)', 'please check (confidence 55%)', 'checked by Ana (6 December 2026)'."""
        if self.check is not None:
            return self.check.text
        return f"{self.word} ({self.confidence_text})"

    @property
    def label(self) -> str:
        """'answered — sure (92%)', 'partial — please check (confidence 55%)',
        'partial — checked by Ana (6 December 2026)'."""
        return f"{STATUS_WORDS.get(self.status, self.status)} — {self.sureness}"

    @property
    def evidence_label(self) -> str:
        """What the first passage under this status is: an answer or only the closest one."""
        return {"answered": "answer", "partial": "partial answer"}.get(self.status, CLOSEST)

    @property
    def shows_score(self) -> bool:
        """The tool's match score is shown next to the tool's answers only: never next to the
        closest passage, nor under a status a person checked."""
        return not self.checked and self.status in ("answered", "partial")

    @property
    def by(self) -> str | None:
        return self.check.by if self.check else None

    @property
    def at(self) -> str | None:
        return self.check.at if self.check else None

    @property
    def note(self) -> str | None:
        return self.check.note if self.check else None

    @property
    def machine_status(self) -> str:
        """The tool's status: its current verdict on a checked question, else this one."""
        return self.machine.status if self.machine else self.status

    @property
    def disagrees(self) -> bool:
        """True when a person checked the status and the tool now says otherwise."""
        return self.checked and self.machine_status != self.status

    @property
    def tool_text(self) -> str:
        """The tool's verdict on a checked question: 'the tool says unanswered — please check
        (confidence 55%)', or 'the tool agrees (sure, 92%)'; '' for the tool's own status."""
        if self.machine is None:
            return ""
        if not self.disagrees:
            return f"the tool agrees ({self.machine.word}, {self.machine.confidence_text})"
        return f"the tool says {self.machine.label}"


# Before statuses had a source, this reader was called Certainty; some callers still are.
Certainty = QuestionStatus


def confidence_of(question: Mapping[str, Any]) -> float | None:
    """The question's confidence as a number in [0, 1], or None when unknown or invalid."""
    value = question.get("confidence")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    value = float(value)
    return value if math.isfinite(value) and 0 <= value <= 1 else None


def is_checked(question: Mapping[str, Any]) -> bool:
    """True when a person decided the question's status."""
    return question.get("status_source") == "person"


def needs_check(question: Mapping[str, Any]) -> bool:
    """True unless a person checked the status or the question says the tool is sure of it."""
    return not is_checked(question) and question.get("needs_check") is not False


def _status(question: Mapping[str, Any]) -> str:
    status = question.get("status")
    return status if status in STATUS_WORDS else "unanswered"


def _check(question: Mapping[str, Any]) -> Check:
    decision = question.get("decision")
    d: Mapping[str, Any] = decision if isinstance(decision, Mapping) else {}
    number = d.get("id")
    note = d.get("note")
    return Check(
        by=str(d.get("by") or "a person"),
        at=str(d.get("at") or ""),
        note=str(note) if note else None,
        chose_evidence=d.get("evidence") is not None,
        carried=d.get("carried") is True,
        decision_id=number if isinstance(number, int) and not isinstance(number, bool) else None,
    )


def of(question: Mapping[str, Any]) -> QuestionStatus:
    """The status of one question of a review@1 object, read once for every output."""
    if not is_checked(question):
        return QuestionStatus(
            status=_status(question),
            confidence=confidence_of(question),
            needs_check=needs_check(question),
        )
    raw = question.get("machine")
    tool: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
    if not tool.get("status"):  # the tool's verdict was not kept: the one the person saw
        tool = {"status": (question.get("decision") or {}).get("machine_status")}
    machine = (
        QuestionStatus(
            status=_status(tool),
            confidence=confidence_of(tool),
            needs_check=tool.get("needs_check") is not False,
        )
        if tool.get("status")
        else None
    )
    return QuestionStatus(
        status=_status(question),
        confidence=None,
        needs_check=False,
        source="person",
        check=_check(question),
        machine=machine,
    )


def count_to_check(questions: Iterable[Mapping[str, Any]] | None) -> int:
    """How many questions a person should check before quoting their status."""
    return sum(needs_check(q) for q in questions or ())


def count_checked(questions: Iterable[Mapping[str, Any]] | None) -> int:
    """How many questions a person has checked."""
    return sum(is_checked(q) for q in questions or ())


def checked_note(checked: int, total: int) -> str:
    """'2 of 33 statuses checked by a person', or '' when none was."""
    if not checked or not total:
        return ""
    return f"{checked} of {total} status{'es' if total != 1 else ''} checked by a person"
