"""People's decisions on statuses as labelled examples: `rapporteur export --format training`.

A team's corrections should improve the next analysis, so every status a person checked in
the library (`status_source` "person") becomes one JSON Lines record that the answer-judging
stage can learn from: the question, the person's status as the label, the passages they chose
as evidence (or the tool's, which they kept), the tool's own verdict, and every passage the
tool ranked for the question with its score. The format (`rapporteur/training@1`) is
documented in docs/exports.md; bench/train_status.py reads it with `--extra`.

Records are in the order of the questions in the document, and the same review gives the same
bytes: keys in a fixed order, no timestamps other than the decisions' own.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from . import certainty

SCHEMA = "rapporteur/training@1"
NOTHING_CHECKED = "No question of this review has been checked by a person yet."
REVIEW_ID_LENGTH = 12
"""A library review id is the first 12 hexadecimal digits of the document's SHA-256."""


def _passages(answers: Any, *, scores: bool) -> list[dict[str, Any]]:
    out = []
    for a in answers or []:
        item: dict[str, Any] = {"line": a.get("line"), "text": a.get("text")}
        if scores:
            item["score"] = a.get("score")
        out.append(item)
    return out


def example(data: Mapping[str, Any], question: Mapping[str, Any]) -> dict[str, Any]:
    """One checked question of a review@1 object as a `rapporteur/training@1` record."""
    sure = certainty.of(question)
    check = sure.check
    if check is None:
        raise ValueError(f"question {question.get('id')!r} was not checked by a person")
    doc = data.get("document") or {}
    review = data.get("review") or {}
    state = review.get("state_party") or {}
    raw = question.get("machine")
    tool: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
    sha = str(doc.get("sha256") or "")
    candidates = _passages(tool.get("answers"), scores=True)
    return {
        "schema": SCHEMA,
        "review": sha[:REVIEW_ID_LENGTH],
        "document_sha256": sha,
        "origin": doc.get("origin"),
        "committee": review.get("committee"),
        "state": {"name": state.get("name"), "iso3": state.get("iso3")},
        "question": {
            "id": question.get("id"),
            "text": question.get("text"),
            "asker": question.get("asker"),
            "kind": question.get("kind"),
            "line": question.get("line"),
            "themes": list(question.get("themes") or []),
        },
        "label": sure.status,
        "evidence": _passages(question.get("answers"), scores=False),
        "evidence_source": "person" if check.chose_evidence else "machine",
        "machine": {
            "status": sure.machine.status if sure.machine else None,
            "confidence": sure.machine.confidence if sure.machine else None,
            "needs_check": sure.machine.needs_check if sure.machine else None,
            "answers": [a["line"] for a in candidates],
        },
        "disagrees": sure.disagrees,
        "by": check.by,
        "at": check.at,
        "note": check.note,
        "decision": check.decision_id,
        "carried": check.carried,
        "candidates": candidates,
    }


def examples(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A record per question a person checked, in document order."""
    return [example(data, q) for q in data.get("questions") or [] if certainty.is_checked(q)]


def jsonl(data: Mapping[str, Any]) -> str:
    """The records as JSON Lines (UTF-8, one compact object per line); '' when a person has
    checked none of the review's questions."""
    return "".join(
        json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        for record in examples(data)
    )
