"""Samples every export is tested on: the two fictional examples, a small fictional fixture
and, when ../shared is present, the real corpus document (each analysed once per session),
plus hand-built review objects for edge cases."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

from rapporteur.api import analyze, analyze_text
from rapporteur.output.json_out import to_dict

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "cmw37-kyrgyzstan-meeting-summary.txt"
AKN_XSD = SHARED / "schemas" / "akomantoso30" / "akomantoso30.xsd"
SAMPLES = {
    "fictional-cmw": ROOT / "examples" / "fictional-cmw-review.txt",
    "fictional-cedaw": ROOT / "examples" / "fictional-cedaw-pressrelease.txt",
    "fixture": ROOT / "tests" / "fixtures" / "fictional-export-review.txt",
    "corpus": CORPUS,
}
FIXTURE = SAMPLES["fixture"]
CONCLUDING = {  # concluding observations: the other outputs, tested on their own
    "cmw-co1": ROOT / "examples" / "cycle" / "fictional-cmw-ardenia-co1.txt",
    "cmw-co2": ROOT / "examples" / "cycle" / "fictional-cmw-ardenia-co2.txt",
    "crc-co5": ROOT / "examples" / "cycle" / "fictional-crc-ardenia-co5.txt",
}
HOSTILE_HEADING = '<script>alert("h")</script> =SUM(A1) *Data* collection'


@cache
def sample_data(name: str) -> dict[str, Any]:
    return to_dict(analyze(SAMPLES[name]))


@cache
def concluding_data(name: str) -> dict[str, Any]:
    """The review object of one fictional concluding observations sample."""
    return to_dict(analyze(CONCLUDING[name]))


def hostile_concluding_data() -> dict[str, Any]:
    """CMW/C/ARD/CO/2 whose 'Data collection' heading and one action try to inject markup,
    a spreadsheet formula and Markdown (changed in the object: headings are read as written)."""
    data = copy.deepcopy(concluding_data("cmw-co2"))
    for r in data["recommendations"]:
        if r["heading"] == "Data collection":
            r["heading"] = HOSTILE_HEADING
    data["recommendations"][0]["action"] = '=HYPERLINK("http://evil") <b>act</b> [x](http://x)'
    return data


@cache
def hostile_data() -> dict[str, Any]:
    """A fictional review whose text tries to inject markup, formulas and Markdown."""
    text = (
        FIXTURE.read_text(encoding="utf-8")
        .replace(
            "What was being done to protect domestic workers abroad?",
            "What was being done about <script>alert('x')</script> & *bold* [link](http://x) "
            "domestic workers abroad?",
        )
        .replace(
            "Were there shelters for migrant women?",
            '=HYPERLINK("http://evil") were there shelters for migrant women?',
        )
    )
    assert "<script>" in text
    return to_dict(analyze_text(text, origin="hostile <script>.txt"))


def minimal_data() -> dict[str, Any]:
    """The least a review object can hold: the required keys, all empty."""
    return {
        "schema": "rapporteur/review@1",
        "review": {
            "committee": None,
            "state_party": None,
            "report": None,
            "session": None,
            "date": None,
            "release_code": None,
            "next_meeting": None,
        },
        "participants": [],
        "sections": [],
        "turns": [],
        "questions": [],
        "figures": [],
        "inconsistencies": [],
        "commitments": [],
        "recommendations": [],
    }


def contradiction_data() -> dict[str, Any]:
    """Two figures that contradict each other, one commitment, one partial question."""
    data = minimal_data()
    data["review"]["committee"] = "CMW"
    data["sections"] = [
        {
            "kind": "presentation",
            "heading": "Presentation of Report",
            "first_line": 1,
            "last_line": 3,
        },
        {
            "kind": "questions",
            "heading": "Questions by Committee Experts",
            "first_line": 5,
            "last_line": 7,
        },
        {
            "kind": "responses",
            "heading": "Responses by the Delegation",
            "first_line": 9,
            "last_line": 11,
        },
    ]
    data["paragraphs"] = [
        {
            "line": 3,
            "last_line": 3,
            "section": "presentation",
            "side": "delegation",
            "speaker": "The delegation",
            "text": "About 1.2 million workers were abroad.",
        },
        {
            "line": 7,
            "last_line": 7,
            "section": "questions",
            "side": "committee",
            "speaker": "An Expert",
            "text": "An Expert asked how many workers were abroad?",
        },
        {
            "line": 11,
            "last_line": 11,
            "section": "responses",
            "side": "delegation",
            "speaker": "The delegation",
            "text": "There were 1.4 million workers abroad.  A census would be held in 2026.",
        },
    ]
    data["turns"] = [
        {
            "line": 3,
            "side": "delegation",
            "speaker": "The delegation",
            "participant": None,
            "inferred": False,
        },
        {
            "line": 7,
            "side": "committee",
            "speaker": "An Expert",
            "participant": None,
            "inferred": False,
        },
        {
            "line": 11,
            "side": "delegation",
            "speaker": "The delegation",
            "participant": None,
            "inferred": False,
        },
    ]
    data["questions"] = [
        {
            "id": "q001",
            "line": 7,
            "text": "An Expert asked how many workers were abroad?",
            "kind": "indirect",
            "asker": "An Expert",
            "participant": None,
            "status": "partial",
            "answers": [
                {"line": 11, "text": "There were 1.4 million workers abroad.", "score": 0.61}
            ],
            "themes": ["migration-statistics"],
        },
    ]
    fig = {
        "qualifier": None,
        "unit": "workers",
        "subject": "workers abroad",
        "period": None,
        "side": "delegation",
        "speaker": None,
        "value_min": None,
        "value_max": None,
    }
    data["figures"] = [
        {
            **fig,
            "line": 3,
            "mention": "About 1.2 million workers",
            "value": 1200000,
            "qualifier": "around",
        },
        {**fig, "line": 11, "mention": "1.4 million workers", "value": 1400000},
    ]
    data["inconsistencies"] = [
        {
            "a": 0,
            "b": 1,
            "severity": "conflict",
            "reason": "1.2 million vs 1.4 million workers abroad",
        }
    ]
    data["commitments"] = [
        {
            "line": 11,
            "text": "A census would be held in 2026.",
            "kind": "plan",
            "side": "delegation",
        }
    ]
    return data


def certainty_data() -> dict[str, Any]:
    """contradiction_data with four questions whose statuses the tool is sure of or not:
    answered and sure (0.92); partial, to check (0.55); unanswered, to check (0.4), with a
    closest passage; unanswered and sure (0.88), with a closest passage."""
    data = contradiction_data()
    passage = {"line": 11, "text": "There were 1.4 million workers abroad.", "score": 0.61}
    closest = {"line": 11, "text": "A census would be held in 2026.", "score": 0.12}
    base = {
        "kind": "direct",
        "asker": "An Expert",
        "participant": None,
        "asker_inferred": False,
        "round": 1,
        "section": "questions",
        "line": 7,
        "themes": ["migration-statistics"],
    }
    data["questions"] = [
        {
            **base,
            "id": "q001",
            "text": "How many workers were abroad?",
            "status": "answered",
            "status_reason": "The delegation gave the number of workers abroad.",
            "confidence": 0.92,
            "needs_check": False,
            "answers": [passage],
        },
        {
            **base,
            "id": "q002",
            "text": "How many of them were women?",
            "status": "partial",
            "status_reason": "The passage gives a total but not the number of women.",
            "confidence": 0.55,
            "needs_check": True,
            "answers": [passage],
        },
        {
            **base,
            "id": "q003",
            "text": "Were the consulates staffed with labour attachés?",
            "status": "unanswered",
            "status_reason": "No delegation passage mentions consulates.",
            "confidence": 0.4,
            "needs_check": True,
            "answers": [closest],
        },
        {
            **base,
            "id": "q004",
            "text": "Had the State ratified ILO Convention No. 189?",
            "status": "unanswered",
            "status_reason": "No delegation passage mentions the ILO Convention.",
            "confidence": 0.88,
            "needs_check": False,
            "answers": [closest],
        },
    ]
    return data


DECIDED_AT = "2026-12-06T10:00:00Z"
NOTE = '=HYPERLINK("http://evil") <b>Only</b> the *first* half.'
"""Ben's note: a formula, markup and Markdown that must stay text in every export."""


def decide_two(path: Path) -> tuple[str, str, str]:
    """Store the fictional CMW review in the library at `path` and record two people's
    decisions on it (store.decide): Ana confirms an answered question as the tool had it,
    keeping its passages; Ben changes an unanswered one to partial, choosing a passage, with
    NOTE. (review id, Ana's question id, Ben's question id)."""
    from unittest import mock

    from rapporteur.store import Store

    data = copy.deepcopy(sample_data("fictional-cmw"))
    agree = next(q for q in data["questions"] if q["status"] == "answered" and q["answers"])
    differ = next(q for q in data["questions"] if q["status"] == "unanswered" and q["answers"])
    with Store(path) as store:
        _, rid = store.put(data, SAMPLES["fictional-cmw"].read_bytes())
        with mock.patch("rapporteur.store.write.now", return_value=DECIDED_AT):
            store.decide(rid, agree["id"], "answered", author="Ana Lima", note="Confirmed.")
            line = differ["answers"][0]["line"]
            store.decide(
                rid, differ["id"], "partial", author="Ben Osei", evidence=[line], note=NOTE
            )
    return rid, agree["id"], differ["id"]


@cache
def decided_review() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """The review object of `decide_two` as the library shows it: (review object, Ana's
    question agreeing with the tool, Ben's question disagreeing with it)."""
    import tempfile

    from rapporteur.store import Store

    with tempfile.TemporaryDirectory() as folder:
        rid, agree, differ = decide_two(Path(folder) / "lib.db")
        with Store(Path(folder) / "lib.db") as store:
            stored = store.get(rid).data
    by_id = {q["id"]: q for q in stored["questions"]}
    return stored, by_id[agree], by_id[differ]
