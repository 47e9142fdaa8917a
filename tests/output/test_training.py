"""`export --format training`: each status a person checked as one labelled example."""

from __future__ import annotations

import json

import pytest

from rapporteur.output import training
from tests.output.samples import DECIDED_AT, NOTE, certainty_data, decided_review


def _records() -> list[dict]:
    data, _, _ = decided_review()
    return [json.loads(line) for line in training.jsonl(data).splitlines()]


def test_training_one_line_per_checked_question_in_document_order() -> None:
    data, agree, differ = decided_review()
    text = training.jsonl(data)
    assert text.endswith("\n") and text.count("\n") == 2
    records = _records()
    assert [r["question"]["id"] for r in records] == [
        q["id"] for q in data["questions"] if q["id"] in (agree["id"], differ["id"])
    ]
    assert training.jsonl(data) == text  # deterministic


def test_training_record_fields() -> None:
    data, _, differ = decided_review()
    ben = next(r for r in _records() if r["question"]["id"] == differ["id"])
    sha = data["document"]["sha256"]
    assert list(ben) == [
        "schema",
        "review",
        "document_sha256",
        "origin",
        "committee",
        "state",
        "question",
        "label",
        "evidence",
        "evidence_source",
        "machine",
        "disagrees",
        "by",
        "at",
        "note",
        "decision",
        "carried",
        "candidates",
    ]
    assert ben["schema"] == "rapporteur/training@1"
    assert (ben["review"], ben["document_sha256"]) == (sha[:12], sha)
    assert (ben["committee"], ben["state"]) == ("CMW", {"name": "Senegal", "iso3": "SEN"})
    assert ben["question"] == {
        k: differ[k] for k in ("id", "text", "asker", "kind", "line", "themes")
    }
    line = differ["answers"][0]
    assert ben["label"] == "partial" and ben["disagrees"] is True
    assert ben["evidence"] == [{"line": line["line"], "text": line["text"]}]
    assert ben["evidence_source"] == "person"
    tool = differ["machine"]
    assert ben["machine"] == {
        "status": "unanswered",
        "confidence": tool["confidence"],
        "needs_check": tool["needs_check"],
        "answers": [a["line"] for a in tool["answers"]],
    }
    assert ben["candidates"] == tool["answers"]  # line, text and the tool's score
    assert (ben["by"], ben["at"], ben["note"]) == ("Ben Osei", DECIDED_AT, NOTE)
    assert ben["decision"] == differ["decision"]["id"] and ben["carried"] is False


def test_training_kept_passages_are_the_tool_s() -> None:
    _, agree, _ = decided_review()
    ana = next(r for r in _records() if r["question"]["id"] == agree["id"])
    assert ana["label"] == "answered" and ana["disagrees"] is False
    assert ana["evidence_source"] == "machine"
    assert ana["evidence"] == [{"line": a["line"], "text": a["text"]} for a in agree["answers"]]
    assert ana["note"] == "Confirmed."


def test_training_nothing_checked_is_empty() -> None:
    assert training.jsonl(certainty_data()) == ""
    assert training.examples({"questions": []}) == []
    with pytest.raises(ValueError):
        training.example(certainty_data(), certainty_data()["questions"][0])
