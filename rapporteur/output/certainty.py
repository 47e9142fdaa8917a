"""How sure the tool is of a question's status, in plain words, for every output.

Users quote statuses in letters to governments, so each output says in the same words
whether the tool is sure of a status ("answered — sure (92%)") or not ("partial — please
check (confidence 55%)"), and never presents the passage shown under an unanswered status
as an answer: it is the closest passage, not an answer.

Works on a question of the `rapporteur/review@1` object (a dict). A question stored before
these fields existed has no `confidence` (unknown) and needs checking, as the model says.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

SURE = "sure"
CHECK = "please check"
CHECK_HEADING = "To check: the tool is not sure of these"
CLOSEST = "closest passage (not an answer)"
"""The label of the passage shown under an unanswered status."""
STATUS_WORDS = {"answered": "answered", "partial": "partial", "unanswered": "unanswered"}


@dataclass(frozen=True, slots=True)
class Certainty:
    """A question's status with how sure the tool is of it."""

    status: str
    confidence: float | None
    """Estimated probability (0-1) that the status is right; None when it is unknown."""
    needs_check: bool

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
        """'sure' or 'please check'."""
        return CHECK if self.needs_check else SURE

    @property
    def confidence_text(self) -> str:
        """'92%', 'confidence 55%' or 'confidence unknown' (the part in brackets)."""
        if self.percent is None:
            return "confidence unknown"
        return f"confidence {self.percent}%" if self.needs_check else f"{self.percent}%"

    @property
    def sureness(self) -> str:
        """'sure (92%)', 'please check (confidence 55%)'."""
        return f"{self.word} ({self.confidence_text})"

    @property
    def label(self) -> str:
        """'answered — sure (92%)', 'partial — please check (confidence 55%)'."""
        return f"{STATUS_WORDS.get(self.status, self.status)} — {self.sureness}"

    @property
    def evidence_label(self) -> str:
        """What the first passage under this status is: an answer or only the closest one."""
        return {"answered": "answer", "partial": "partial answer"}.get(self.status, CLOSEST)

    @property
    def shows_score(self) -> bool:
        """A match score is shown next to an answer, never next to the closest passage."""
        return self.status in ("answered", "partial")


def confidence_of(question: Mapping[str, Any]) -> float | None:
    """The question's confidence as a number in [0, 1], or None when unknown or invalid."""
    value = question.get("confidence")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    value = float(value)
    return value if math.isfinite(value) and 0 <= value <= 1 else None


def needs_check(question: Mapping[str, Any]) -> bool:
    """True unless the question says the tool is sure of its status."""
    return question.get("needs_check") is not False


def of(question: Mapping[str, Any]) -> Certainty:
    status = question.get("status")
    return Certainty(
        status=status if status in STATUS_WORDS else "unanswered",
        confidence=confidence_of(question),
        needs_check=needs_check(question),
    )


def count_to_check(questions: Any) -> int:
    """How many questions a person should check before quoting their status."""
    return sum(needs_check(q) for q in questions or ())
