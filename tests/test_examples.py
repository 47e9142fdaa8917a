"""The fictional samples in examples/ against their hand annotations (tests/fixtures/annotations).

These are the samples the demo runs on; every structural fact annotated must come out:
metadata, participants and sides, body sections in order, the side of every turn, and every
question unit with its kind and asker.
"""

from __future__ import annotations

import json
import re
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from rapporteur.api import analyze
from rapporteur.output.json_out import to_dict
from tests.conftest import FIXTURES, ROOT

ANNOTATIONS = sorted((FIXTURES / "annotations").glob("*.json"))


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).replace("\u2019", "'")
    return re.sub(r"\s+", " ", s).strip().casefold()


def person(s: str) -> str:
    return re.sub(r"^(mr|ms|mrs|dr|maitre)\.? ", "", fold(s))


@pytest.fixture(scope="module", params=ANNOTATIONS, ids=lambda p: p.stem)
def pair(request: pytest.FixtureRequest) -> tuple[dict, dict]:
    gold = json.loads(Path(request.param).read_text(encoding="utf-8"))
    return gold, to_dict(analyze(ROOT / gold["document"]))


def test_examples_metadata(pair: tuple[dict, dict]) -> None:
    gold, out = pair
    g, r = gold["review"], out["review"]
    assert r["committee"] == g["committee"]
    assert r["state_party"]["iso3"] == g["state_party"]["iso3"]
    for key in ("kind", "numbers", "symbol"):
        assert r["report"][key] == g["report"][key], key
    assert (r["session"], r["release_code"], r["date"]) == (
        g["session"],
        g["release_code"],
        g["date"],
    )
    gn, rn = g.get("next_meeting") or {}, r.get("next_meeting") or {}
    assert (rn.get("state_party") or {}).get("iso3") == (gn.get("state_party") or {}).get("iso3")
    assert rn.get("symbol") == gn.get("symbol")


def test_examples_participants_sections_turns(pair: tuple[dict, dict]) -> None:
    gold, out = pair
    got = {person(p["name"]): p["side"] for p in out["participants"]}
    assert got == {person(p["name"]): p["side"] for p in gold["participants"]}
    body = [
        s["kind"]
        for s in out["sections"]
        if s["kind"] in {"report", "presentation", "questions", "responses", "concluding"}
    ]
    assert body == [s["kind"] for s in gold["sections"]]
    side_of = {t["line"]: t["side"] for t in out["turns"]}
    for side, lines in gold["turns"].items():
        assert {line: side_of.get(line) for line in lines} == dict.fromkeys(lines, side)


def test_examples_questions(pair: tuple[dict, dict]) -> None:
    gold, out = pair
    pred = list(out["questions"])
    for q in gold["questions"]:
        match = next(
            (
                p
                for p in pred
                if p["line"] == q["line"]
                and SequenceMatcher(None, fold(q["text"]), fold(p["text"])).ratio() >= 0.8
            ),
            None,
        )
        assert match is not None, f"missing question at line {q['line']}: {q['text']}"
        pred.remove(match)
        assert (match["kind"], person(match["asker"])) == (q["kind"], person(q["asker"])), q["text"]
    assert pred == [], "questions that are not in the annotation"
