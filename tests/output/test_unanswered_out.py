"""`rapporteur unanswered`: the open questions the tool is sure of first, the ones to check after."""

from __future__ import annotations

import dataclasses
from typing import Any

from rapporteur.api import analyze
from rapporteur.output import unanswered_out
from rapporteur.output.json_out import to_dict
from tests.output.samples import FIXTURE

# The statuses these tests are about, pinned so that they do not follow the status model.
STATUSES = {
    "How many seasonal": "answered",
    "What was being done": "answered",
    "Please provide": "unanswered",
    "A Committee Expert": "answered",
    "Were there shelters": "unanswered",
    "How did the State": "unanswered",
}


def _status(text: str) -> str:
    return next(v for k, v in STATUSES.items() if text.startswith(k))


def _review(sure: set[str], confidence: float = 0.9) -> dict[str, Any]:
    """The fixture with the questions whose text starts with one of `sure` marked sure."""
    review = analyze(FIXTURE)
    questions = tuple(
        dataclasses.replace(q, status=_status(q.text), confidence=confidence, needs_check=False)
        if any(q.text.startswith(s) for s in sure)
        else dataclasses.replace(q, status=_status(q.text), confidence=0.5, needs_check=True)
        for q in review.questions
    )
    return to_dict(dataclasses.replace(review, questions=questions))


def test_unanswered_lists_sure_questions_before_the_ones_to_check() -> None:
    text = unanswered_out.render(_review({"Were there shelters"}))
    sure_at = text.index(unanswered_out.SURE_HEADING)
    check_at = text.index("To check: the tool is not sure of these")
    shelters = text.index("Were there shelters for migrant women?")
    returning = text.index("Please provide data on returning migrants.")
    assert sure_at < shelters < check_at < returning
    assert "(unanswered; confidence 90%)" in text
    assert "(unanswered; confidence 50%)" in text
    assert "the tool is sure of 1, 2 to check." in text


def test_unanswered_without_a_question_to_check_has_no_check_group() -> None:
    everything = {"How", "What", "Please", "A Committee", "Were"}
    text = unanswered_out.render(_review(everything))
    assert unanswered_out.SURE_HEADING in text
    assert "To check" not in text and "Also to check" not in text


def test_unanswered_when_nothing_is_sure_has_only_the_check_group() -> None:
    text = unanswered_out.render(_review(set()))
    assert unanswered_out.SURE_HEADING not in text
    assert "To check: the tool is not sure of these" in text


def test_unanswered_mentions_the_other_statuses_to_check() -> None:
    review = _review({"Were there shelters", "Please provide", "How did the State"})
    text = unanswered_out.render(review)
    assert "Also to check: 3 other questions whose status the tool is not sure of" in text
    sure = _review({"How", "What", "Please", "A Committee", "Were"})
    assert "Also to check" not in unanswered_out.render(sure)


def test_unanswered_refuses_concluding_observations_with_exit_4() -> None:
    from click.testing import CliRunner

    from rapporteur.cli import main
    from tests.output.samples import CONCLUDING

    result = CliRunner().invoke(main, ["unanswered", str(CONCLUDING["cmw-co2"])])
    assert result.exit_code == 4
    assert "concluding observations: recommendations, not questions" in result.output
    assert "Traceback" not in result.output and "0 of 0 questions" not in result.output


def test_unanswered_lists_what_a_person_checked_first() -> None:
    data = _review({"Were there shelters"})
    q = next(q for q in data["questions"] if q["text"].startswith("Please provide"))
    q.update(
        status_source="person",
        needs_check=False,
        confidence=None,
        decision={
            "by": "Ana",
            "at": "2026-12-06T10:00:00Z",
            "note": "Nothing on returns",
            "status": "unanswered",
            "machine_status": "answered",
            "disagrees": True,
        },
        machine={"status": "answered", "confidence": 0.6, "needs_check": True},
    )
    text = unanswered_out.render(data)
    checked_at = text.index(unanswered_out.CHECKED_HEADING)
    assert checked_at < text.index(unanswered_out.SURE_HEADING)
    item = " ".join(text[checked_at : text.index(unanswered_out.SURE_HEADING)].split())
    assert "Please provide data on returning migrants." in item
    assert "checked by Ana (6 December 2026)" in item and 'note: "Nothing on returns"' in item
    assert "the tool says answered" in item and "confidence" not in item
    assert "1 checked by a person, the tool is sure of 1, 1 to check." in text
