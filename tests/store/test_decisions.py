"""People's decisions on statuses: recorded apart, applied on every store, never lost."""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path
from typing import Any

import pytest

from rapporteur.api import analyze
from rapporteur.errors import DecisionConflict, InvalidQuery, QuestionNotFound
from rapporteur.output.json_out import to_dict
from rapporteur.output.json_schema import errors
from rapporteur.settings import Settings
from rapporteur.store import Filters, Store
from rapporteur.store import decisions as dec

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "fictional-cmw-review.txt"


@pytest.fixture(scope="module")
def review() -> dict[str, Any]:
    return to_dict(analyze(SAMPLE, Settings(method="lexical")))


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "lib.db") as s:
        yield s


def _first(data: dict[str, Any], status: str) -> dict[str, Any]:
    return next(q for q in data["questions"] if q["status"] == status)


def _edition(data: dict[str, Any], question: dict[str, Any], new_text: str) -> dict[str, Any]:
    """Another edition of the same document: other bytes, same origin; one question's
    wording changed and ids shifted by one."""
    other = copy.deepcopy(data)
    other["document"]["sha256"] = hashlib.sha256(b"another edition").hexdigest()
    for n, q in enumerate(other["questions"]):
        q["id"] = f"q{n + 2:03d}-{q['id'].split('-')[1]}"
        if q["text"] == question["text"]:
            q["text"] = new_text
    return other


def test_a_decision_is_applied_kept_beside_the_tool_and_valid(store: Store, review: dict) -> None:
    _, rid = store.put(review)
    q = _first(review, "unanswered")
    line = q["answers"][0]["line"]
    shown = store.decide(rid, q["id"], "partial", author="Ana", evidence=[line], note="In part")
    assert shown["status"] == "partial" and shown["status_source"] == "person"
    assert shown["machine"]["status"] == "unanswered" and shown["decision"]["disagrees"]
    assert shown["answers"][0]["line"] == line and shown["answers"][0]["score"] is None
    assert (
        "Checked by Ana" in shown["status_reason"]
        and "tool says unanswered" in (shown["status_reason"])
    )
    stored = store.get(rid)
    assert errors(stored.data) == []
    others = [x for x in stored.data["questions"] if x["id"] != q["id"]]
    assert {x["status_source"] for x in others} == {"machine"}
    counts = {s: sum(x["status"] == s for x in stored.data["questions"]) for s in dec.STATUSES}
    assert (stored.summary.answered, stored.summary.partial, stored.summary.unanswered) == (
        counts["answered"],
        counts["partial"],
        counts["unanswered"],
    )
    hits = store.search(q["text"].split()[3], Filters(kinds=("question",), status="partial"))
    assert q["id"] in {h.question_ids[0] for h in hits.hits}
    (checked,) = store.conn.execute("SELECT n_checked FROM reviews").fetchone()
    assert checked == 1


def test_reanalysis_and_reingest_keep_decisions(store: Store, review: dict) -> None:
    _, rid = store.put(review)
    q = _first(review, "answered")
    store.decide(rid, q["id"], "unanswered", author="Ana", evidence=[])
    store.put(review)  # re-analysis: the tool's fresh object
    again = next(x for x in store.get(rid).data["questions"] if x["id"] == q["id"])
    assert again["status"] == "unanswered" and again["answers"] == []
    assert again["machine"]["status"] == "answered"
    store.delete(rid)
    _, rid = store.put(review)  # removed and ingested again
    assert (
        next(x for x in store.get(rid).data["questions"] if x["id"] == q["id"])["status_source"]
        == "person"
    )
    assert len(store.decisions_of(rid)) == 1


def test_a_changed_edition_inherits_what_still_matches(store: Store, review: dict) -> None:
    _, rid = store.put(review)
    kept, changed = review["questions"][0], review["questions"][1]
    store.decide(rid, kept["id"], "partial", author="Ana")
    store.decide(rid, changed["id"], "answered", author="Ana")
    other = _edition(review, changed, "A question reworded in the corrected edition?")
    _, new_id = store.put(other)
    assert new_id != rid
    questions = store.get(new_id).data["questions"]
    moved = next(q for q in questions if q["text"] == kept["text"])
    assert moved["id"] != kept["id"] and moved["status"] == "partial"
    assert moved["decision"]["carried"] and "earlier edition" in moved["status_reason"]
    assert (
        next(q for q in questions if q["text"].startswith("A question reworded"))["status_source"]
        == "machine"
    )
    trail = store.decisions_of(new_id)
    assert len(trail) == 2  # the unmatched decision is kept, not lost


def test_a_stale_version_is_refused_and_nothing_written(store: Store, review: dict) -> None:
    _, rid = store.put(review)
    q = review["questions"][0]
    first = store.decide(rid, q["id"], "answered", author="Ana", expected=0)
    with pytest.raises(DecisionConflict, match="Ana set it to answered"):
        store.decide(rid, q["id"], "unanswered", author="Ben", expected=0)
    assert len(store.decisions_of(rid)) == 1
    second = store.decide(
        rid, q["id"], "unanswered", author="Ben", expected=first["decision"]["id"]
    )
    assert second["decision"]["by"] == "Ben" and len(store.decisions_of(rid)) == 2


def test_bad_decisions_are_refused_with_a_sentence(store: Store, review: dict) -> None:
    _, rid = store.put(review)
    qid = review["questions"][0]["id"]
    with pytest.raises(InvalidQuery, match="not a status"):
        store.decide(rid, qid, "maybe", author="Ana")
    with pytest.raises(InvalidQuery, match="name is needed"):
        store.decide(rid, qid, "answered", author="  ")
    with pytest.raises(InvalidQuery, match="not part of this review"):
        store.decide(rid, qid, "answered", author="Ana", evidence=[99999])
    with pytest.raises(QuestionNotFound, match="no question 'q999'"):
        store.decide(rid, "q999", "answered", author="Ana")
    assert store.decisions_of(rid) == []
    short = qid.split("-")[0]
    assert store.decide(rid, short, "answered", author="Ana")["id"] == qid


def test_evidence_by_line_is_a_paragraph_when_the_tool_has_none_there(
    store: Store, review: dict
) -> None:
    _, rid = store.put(review)
    q = review["questions"][0]
    tool_lines = {a["line"] for a in q["answers"]}
    para = next(
        p for p in review["paragraphs"] if p["side"] == "delegation" and p["line"] not in tool_lines
    )
    shown = store.decide(rid, q["id"], "answered", author="Ana", evidence=[para["line"]])
    assert shown["answers"] == [{"line": para["line"], "text": para["text"], "score": None}]


def test_apply_is_idempotent_and_strips_old_decisions(store: Store, review: dict) -> None:
    _, rid = store.put(review)
    store.decide(rid, review["questions"][2]["id"], "partial", author="Ana")
    stored = store.get(rid).data
    found = store.decisions_of(rid)
    assert dec.apply(stored, found) == dec.apply(review, found)
    plain = dec.apply(stored, [])
    assert all(q["status_source"] == "machine" for q in plain["questions"])
    assert plain["questions"] == dec.apply(review, [])["questions"]


def test_anchors_tell_apart_repeated_wording() -> None:
    questions = [
        {"text": "Could the delegation comment?"},
        {"text": "could the  delegation, comment"},
    ]
    assert dec.anchors(questions) == [
        "could the delegation comment#1",
        "could the delegation comment#2",
    ]


def test_a_bare_upload_name_is_no_edition(store: Store, review: dict) -> None:
    first = copy.deepcopy(review)
    first["document"]["origin"] = "report.txt"
    _, rid = store.put(first)
    store.decide(rid, first["questions"][0]["id"], "partial", author="Ana")
    other = _edition(first, {"text": ""}, "")
    _, new_id = store.put(other)
    assert {q["status_source"] for q in store.get(new_id).data["questions"]} == {"machine"}


def test_a_decision_changes_its_review_pages_token_only(store: Store, review: dict) -> None:
    other = _edition(review, {"text": ""}, "")
    other["document"]["origin"] = "elsewhere.txt"
    other["review"] = {**review["review"], "committee": "CAT", "report": None}
    _, a = store.put(review)
    _, b = store.put(other)
    before = (store.generation(), store.review_generation(a), store.review_generation(b))
    store.decide(a, review["questions"][0]["id"], "partial", author="Ana")
    after = (store.generation(), store.review_generation(a), store.review_generation(b))
    assert after[0] != before[0] and after[1] != before[1]
    assert after[2] == before[2]  # another review's cached pages stay valid
