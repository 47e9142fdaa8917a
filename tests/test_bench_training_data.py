"""bench/training_data.py: people's checked statuses become gold units for the benches."""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from rapporteur.output import training
from rapporteur.store import Store
from tests.output.samples import decided_review

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.fixture(scope="module")
def bench() -> Any:
    sys.path.insert(0, str(BENCH))
    import training_data

    return training_data


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_checked_statuses_become_gold_units_of_their_document(bench: Any, tmp_path: Path) -> None:
    data, agree, differ = decided_review()
    records = training.examples(data)
    stale = copy.deepcopy(records[1])  # the same question decided earlier: the later one counts
    stale.update(at="2026-01-01T00:00:00Z", label="answered", decision=0)
    lost = copy.deepcopy(records[0])
    lost.update(document_sha256="0" * 64, review="000000000000", origin="nowhere.txt")
    path = _write(tmp_path / "checked.jsonl", [stale, *records, lost, {"schema": "other"}])
    loaded = bench.load_extra([path], db=tmp_path / "no-library.db")  # read from the origin
    assert loaded.records == 5
    (doc,) = loaded.docs
    units = {g["text"]: g for g in doc.gold}
    assert units[differ["text"]]["status"] == "partial"
    assert units[differ["text"]]["answers"] == [{"line": differ["answers"][0]["line"]}]
    assert units[agree["text"]]["status"] == "answered"
    assert all(pi is not None for pi in doc.match)
    assert loaded.skipped == {
        "not a rapporteur/training@1 record": 1,
        "an earlier decision on the same question": 1,
        "document not in the library nor at its origin": 1,
    }


def test_documents_are_read_from_the_library(bench: Any, tmp_path: Path) -> None:
    data, _, _ = decided_review()
    source = Path(data["document"]["origin"]).read_bytes()
    with Store(tmp_path / "lib.db") as store:
        store.put(data, source)
    records = training.examples(data)
    for r in records:
        r["origin"] = "moved-away.txt"
    loaded = bench.load_extra([_write(tmp_path / "c.jsonl", records)], db=tmp_path / "lib.db")
    assert [len(d.gold) for d in loaded.docs] == [2] and not loaded.skipped


def test_a_check_replaces_the_annotation_of_its_question(bench: Any, tmp_path: Path) -> None:
    from alignment_eval import load_docs

    data, _, differ = decided_review()
    (annotated,) = load_docs({"fictional-cmw-review"})
    path = _write(tmp_path / "c.jsonl", training.examples(data))
    extra = bench.load_extra([path], db=tmp_path / "none.db").docs
    (merged,) = bench.merge([annotated], extra)
    assert len(merged.gold) == len(annotated.gold)  # the checked questions were annotated
    k = merged.match.index(extra[0].match[[g["text"] for g in extra[0].gold].index(differ["text"])])
    assert merged.gold[k]["status"] == "partial"
    assert merged.gold[k]["answers"] == [{"line": differ["answers"][0]["line"]}]
    other = bench.merge([], extra)
    assert other == extra
