"""How sure the tool is of a status, in the words every output uses."""

from __future__ import annotations

import pytest

from rapporteur.output import certainty


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ({"status": "answered", "confidence": 0.92, "needs_check": False}, "answered — sure (92%)"),
        (
            {"status": "partial", "confidence": 0.55, "needs_check": True},
            "partial — please check (confidence 55%)",
        ),
        (
            {"status": "unanswered", "confidence": None, "needs_check": True},
            "unanswered — please check (confidence unknown)",
        ),
        # a review stored before the fields existed: not sure, confidence unknown
        ({"status": "answered"}, "answered — please check (confidence unknown)"),
        ({"status": "answered", "confidence": 1, "needs_check": False}, "answered — sure (100%)"),
    ],
)
def test_certainty_label(question: dict[str, object], label: str) -> None:
    assert certainty.of(question).label == label


def test_certainty_percent_never_rounds_an_estimate_to_certainty() -> None:
    assert certainty.of({"confidence": 0.998}).percent == 99
    assert certainty.of({"confidence": 0.002}).percent == 1
    assert certainty.of({"confidence": 0.0}).percent == 0


@pytest.mark.parametrize("bad", ["0.9", True, float("nan"), 1.5, -0.1, [0.9]])
def test_certainty_ignores_confidence_that_is_not_a_probability(bad: object) -> None:
    assert certainty.of({"status": "answered", "confidence": bad}).confidence is None


def test_certainty_only_false_means_sure() -> None:
    assert certainty.of({"needs_check": False}).needs_check is False
    for value in (True, None, 0, "false"):
        assert certainty.of({"needs_check": value}).needs_check is True
    assert certainty.count_to_check([{"needs_check": False}, {}, {"needs_check": True}]) == 2


def test_certainty_closest_passage_is_not_an_answer() -> None:
    unanswered = certainty.of({"status": "unanswered", "needs_check": False})
    assert unanswered.evidence_label == "closest passage (not an answer)"
    assert not unanswered.shows_score
    answered = certainty.of({"status": "answered"})
    assert answered.evidence_label == "answer" and answered.shows_score
