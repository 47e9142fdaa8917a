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


# ---------------------------------------------------------------- checked by a person


def _decided(status: str, machine: str, **decision: object) -> dict[str, object]:
    return {
        "status": status,
        "status_source": "person",
        "confidence": None,
        "needs_check": False,
        "decision": {
            "id": 3,
            "status": status,
            "evidence": None,
            "note": None,
            "by": "Ana",
            "at": "2026-12-06T10:00:00Z",
            "machine_status": machine,
            "carried": False,
            "disagrees": status != machine,
            **decision,
        },
        "machine": {"status": machine, "confidence": 0.55, "needs_check": True, "answers": []},
    }


def test_certainty_a_person_s_status_says_who_checked_it_and_when() -> None:
    sure = certainty.of(_decided("partial", "unanswered", note="Half of it."))
    assert sure.label == "partial — checked by Ana (6 December 2026)"
    assert sure.source == "person" and sure.checked and sure.word == "checked"
    assert (sure.by, sure.at, sure.note) == ("Ana", "2026-12-06T10:00:00Z", "Half of it.")
    assert sure.check is not None and sure.check.day == "2026-12-06"
    assert sure.machine_status == "unanswered" and sure.disagrees
    assert sure.tool_text == "the tool says unanswered — please check (confidence 55%)"


def test_certainty_a_person_s_status_is_never_to_check_nor_scored() -> None:
    agreeing = _decided("answered", "answered")
    agreeing["needs_check"] = True  # even if a stale field says otherwise
    sure = certainty.of(agreeing)
    assert not sure.needs_check and sure.confidence is None
    assert not sure.disagrees and sure.tool_text == "the tool agrees (please check, confidence 55%)"
    assert sure.evidence_label == "answer" and not sure.shows_score
    assert certainty.needs_check(agreeing) is False
    assert certainty.count_to_check([agreeing, {"needs_check": True}]) == 1
    assert certainty.count_checked([agreeing, {"status": "answered"}]) == 1
    assert certainty.checked_note(1, 33) == "1 of 33 statuses checked by a person"
    assert certainty.checked_note(0, 33) == ""


def test_certainty_the_tool_s_status_reads_as_before() -> None:
    sure = certainty.of({"status": "partial", "confidence": 0.55, "needs_check": True})
    assert sure.source == "machine" and not sure.checked and sure.check is None
    assert sure.machine is None and sure.machine_status == "partial" and not sure.disagrees
    assert (sure.by, sure.at, sure.note, sure.tool_text) == (None, None, None, "")
    machine = certainty.of({"status": "answered", "status_source": "machine"})
    assert machine.source == "machine"


def test_certainty_a_decision_without_the_tool_s_verdict_uses_the_one_seen() -> None:
    data = _decided("answered", "partial", evidence=[{"line": 4, "text": "Yes."}])
    del data["machine"]
    sure = certainty.of(data)
    assert sure.machine_status == "partial" and sure.disagrees
    assert sure.check is not None and sure.check.chose_evidence


def test_certainty_long_dates() -> None:
    assert certainty.long_date("2026-01-31T23:59:59Z") == "31 January 2026"
    assert certainty.long_date("not a date") == "not a date"
    assert certainty.long_date("") == ""
