"""Recording a person's decision on a question's status, with a version check.

One transaction per decision: the decision row is added (never overwritten), then the
review's questions are rebuilt with `decisions.apply` from the stored object, so what the
library shows is what `put` would store after a re-analysis.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import DecisionConflict, InvalidQuery, QuestionNotFound
from . import decisions, write
from .cycle import Cycle
from .decisions import STATUSES, Decision

MAX_NOTE = 2000
MAX_AUTHOR = 100

Evidence = Sequence[int | tuple[int, str]]
"""Lines (the tool's passages on that line, or else the whole paragraph) or (line, text)."""


def find_question(data: Mapping[str, Any], qid: str) -> tuple[Mapping[str, Any], str]:
    """The question with id `qid` (or the number before its dash, "q017") and its anchor;
    QuestionNotFound names what exists."""
    questions = data.get("questions") or []
    pairs = list(zip(questions, decisions.anchors(questions), strict=True))
    for q, anchor in pairs:
        if q.get("id") == qid:
            return q, anchor
    prefixed = [(q, a) for q, a in pairs if str(q.get("id")).startswith(f"{qid}-")]
    if len(prefixed) == 1:  # "q017" for "q017-3fa2c1"
        return prefixed[0]
    if not questions:
        raise QuestionNotFound(
            "This document has no questions to check (it is not a record of the dialogue)."
        )
    raise QuestionNotFound(
        f"This review has no question {qid!r}; its questions are "
        f"{questions[0]['id']} to {questions[-1]['id']}.",
        hint="Question ids are in the JSON, the CSV and the review page.",
    )


def resolve_evidence(
    data: Mapping[str, Any], question: Mapping[str, Any], chosen: Evidence
) -> list[tuple[int, str]]:
    """(line, text) passages for the lines a person chose: the tool's passages on that line
    when it has some, otherwise the paragraph that holds the line."""
    candidates = decisions.machine_question(question).get("answers") or []
    paragraphs = data.get("paragraphs") or []
    out: list[tuple[int, str]] = []
    for item in chosen:
        if isinstance(item, tuple):
            line, text = item
            if not any(
                p["line"] <= line <= p.get("last_line", p["line"]) and text in p["text"]
                for p in paragraphs
            ):
                raise InvalidQuery(f"The passage given for line {line} is not in the review.")
            passages = [(line, text)]
        else:
            line = int(item)
            passages = [(line, str(a["text"])) for a in candidates if a.get("line") == line]
            if not passages:
                passages = [
                    (p["line"], str(p["text"]))
                    for p in paragraphs
                    if p["line"] <= line <= p.get("last_line", p["line"])
                ]
            if not passages:
                last = max((p.get("last_line", p["line"]) for p in paragraphs), default=0)
                raise InvalidQuery(
                    f"Line {line} is not part of this review's text (lines 1 to {last}).",
                    hint="Give the line number shown next to the passage.",
                )
        out.extend(p for p in passages if p not in out)
    return out


def _clean(text: str | None, limit: int, what: str) -> str | None:
    text = " ".join((text or "").split())
    if len(text) > limit:
        raise InvalidQuery(f"The {what} is longer than {limit} characters.")
    return text or None


class Deciding(Cycle):
    """decide, and the decisions recorded on a review's document."""

    def decide(
        self,
        ref: str,
        qid: str,
        status: str,
        *,
        author: str,
        evidence: Evidence | None = None,
        note: str | None = None,
        expected: int | None = None,
    ) -> Mapping[str, Any]:
        """Record a person's decision on question `qid` of review `ref`; return the question
        as the library now shows it. `evidence` None keeps the tool's passages, [] clears
        them. `expected` is the decision id the person saw (0: none); when another decision
        was saved since, DecisionConflict is raised and nothing is written."""
        question, _ = self.decide_review(
            ref, qid, status, author=author, evidence=evidence, note=note, expected=expected
        )
        return question

    def decide_review(
        self,
        ref: str,
        qid: str,
        status: str,
        *,
        author: str,
        evidence: Evidence | None = None,
        note: str | None = None,
        expected: int | None = None,
    ) -> tuple[Mapping[str, Any], Mapping[str, Any]]:
        """`decide`, returning the question and the whole review object as now stored, for
        callers that go on with the review (the next unchecked question) without reading
        it back."""
        if status not in STATUSES:
            raise InvalidQuery(f"{status!r} is not a status; use one of: {', '.join(STATUSES)}.")
        who = _clean(author, MAX_AUTHOR, "name")
        if not who:
            raise InvalidQuery("Say who decided: a name is needed for the audit trail.")
        text = _clean(note, MAX_NOTE, "note")
        review_id = self.resolve_id(ref)
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT seq, data FROM reviews WHERE id = ?", (review_id,)
            ).fetchone()
            seq, data = int(row[0]), json.loads(row[1])
            question, anchor = find_question(data, qid)
            current = (question.get("decision") or {}).get("id", 0)
            if expected is not None and expected != current:
                raise DecisionConflict(conflict_message(question, status))
            passages = None if evidence is None else resolve_evidence(data, question, evidence)
            decisions.insert(
                conn,
                data,
                question,
                anchor,
                status=status,
                evidence=passages,
                note=text,
                author=who,
                at=write.now(),
            )
            data = decisions.apply(data, decisions.standing_for(conn, data))
            write.replace_dialogue(conn, review_id, seq, data)
        return find_question(data, qid)[0], data

    def decisions_of(self, ref: str) -> list[Decision]:
        """Every decision recorded on this review's document and its other editions, newest
        first: the audit trail, including decisions no question matches any more."""
        data = self.get(ref).data
        with self._translate():
            found = decisions.standing_for(self.conn, data)
        return sorted(found, key=lambda d: -d.id)


def conflict_message(question: Mapping[str, Any], wanted: str) -> str:
    """The sentence for a stale save: what is there now, and that nothing was written."""
    d = question.get("decision") or {}
    note = f' (note: "{d["note"]}")' if d.get("note") else ""
    return (
        f"Someone else saved a decision on question {question.get('id')} after you opened it: "
        f"{d.get('by', 'someone')} set it to {d.get('status', question.get('status'))} on "
        f"{decisions.long_date(str(d.get('at', '')))}{note}. Your choice ({wanted}) was not "
        "saved; look at theirs and save again if you still disagree."
    )
