"""People's decisions through the library: kept across re-ingest, re-analysis and a
corrected edition of the same file; progress and the next question to check."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from rapporteur import checks, library
from rapporteur.cli import main

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "fictional-cmw-review.txt"


def _ingest(path: Path, db: Path, *extra: str) -> None:
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", str(db), *extra])
    assert result.exit_code == 0, result.output


def test_checks_survive_reingest_force_and_a_corrected_edition(tmp_path: Path) -> None:
    source, db = tmp_path / "review.txt", tmp_path / "lib.db"
    shutil.copy(SAMPLE, source)
    _ingest(source, db)
    (rid,) = [r.id for r in library.list_reviews(db).reviews]
    questions = library.get_review(rid, db).data["questions"]
    first, second = questions[0], questions[1]
    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "decide",
            rid,
            first["id"].split("-")[0],
            "--status",
            "unanswered",
            "--clear-evidence",
            "--note",
            "Not answered at all",
            "--by",
            "Ana",
            "--db",
            str(db),
        ],
    )
    assert result.exit_code == 0, result.output
    assert f"{first['id']} is now unanswered (checked by Ana" in result.output
    checks.decide(rid, second["id"], "partial", author="Ben", db=db)

    _ingest(source, db)  # same bytes: skipped, nothing changes
    _ingest(source, db, "--force")  # analysed again
    data = library.get_review(rid, db).data
    kept = {q["id"]: q for q in data["questions"] if q["status_source"] == "person"}
    assert set(kept) == {first["id"], second["id"]}
    assert kept[first["id"]]["answers"] == [] and kept[first["id"]]["decision"]["by"] == "Ana"

    # The UN corrects the document: a new paragraph before the questions shifts every id.
    lines = source.read_text(encoding="utf-8").split("\n")
    at = lines.index(next(line for line in lines if first["text"] in line))
    lines[at:at] = ["An Expert asked whether the corrected edition had a new question?", ""]
    source.write_text("\n".join(lines), encoding="utf-8")
    _ingest(source, db)
    newest = max(library.list_reviews(db).reviews, key=lambda r: r.added_at)
    assert newest.id != rid
    moved = [
        q
        for q in library.get_review(newest.id, db).data["questions"]
        if q["status_source"] == "person"
    ]
    assert {q["text"] for q in moved} == {first["text"], second["text"]}
    assert all(q["decision"]["carried"] for q in moved)
    assert {q["id"] for q in moved}.isdisjoint({first["id"], second["id"]})


def test_checks_progress_and_next_unchecked(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    _ingest(SAMPLE, db)
    (rid,) = [r.id for r in library.list_reviews(db).reviews]
    ids = [q["id"] for q in library.get_review(rid, db).data["questions"]]
    checks.decide(rid, ids[0], "answered", author="Ana", db=db)
    checks.decide(rid, ids[2], "answered", author="Ana", db=db)
    data, trail = checks.trail(rid, db)
    done = checks.progress(data)
    assert (done.checked, done.total, done.next_unchecked) == (2, len(ids), ids[1])
    assert checks.progress(data, after=ids[1]).next_unchecked == ids[3]
    assert checks.progress(data, after=ids[-1]).next_unchecked == ids[1]  # wraps round
    assert [d.qid for d in trail] == [ids[2], ids[0]]
    result = CliRunner().invoke(main, ["decisions", rid, "--db", str(db)])
    assert result.exit_code == 0
    assert f"2 of {len(ids)} questions checked by a person." in result.output
    assert f"Next to check: {ids[1]}" in result.output


def test_checks_unanswered_of_a_library_review_lists_people_first(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    _ingest(SAMPLE, db)
    (rid,) = [r.id for r in library.list_reviews(db).reviews]
    first = library.get_review(rid, db).data["questions"][0]
    checks.decide(rid, first["id"], "unanswered", author="Ana", note="Not answered", db=db)
    result = CliRunner().invoke(main, ["unanswered", rid, "--db", str(db)])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "Checked by a person =" in text and "checked by Ana" in text
    assert text.index("Checked by a person") < text.index(first["text"][:40])
