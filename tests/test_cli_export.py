"""The `export` command: five formats, files written whole or not at all, clear errors."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from rapporteur import export as exporting
from rapporteur.cli import main
from rapporteur.output import akn, json_schema
from tests.output.samples import AKN_XSD, NOTE, SAMPLES, decide_two

FIXTURE = SAMPLES["fixture"]
EXAMPLES = [SAMPLES["fictional-cmw"], SAMPLES["fictional-cedaw"], FIXTURE]
TABLES = ["answers.csv", "commitments.csv", "figures.csv", "questions.csv"]


def run(*args: str, input: bytes | None = None, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), input=input, env=env)


def assert_clean_error(result, code: int) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code == code, (result.output, result.stderr)
    assert "Traceback" not in result.stderr + result.output
    lines = [x for x in result.stderr.splitlines() if x.startswith("Error:")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("source", [*EXAMPLES, SAMPLES["corpus"]], ids=lambda p: p.stem)
def test_cli_export_every_format(source: Path, tmp_path: Path) -> None:
    if not source.exists():
        pytest.skip(f"{source} is not present")
    for fmt, name in [("json", "r.json"), ("md", "r.md"), ("html", "r.html"), ("akn", "r.xml")]:
        args = ["export", str(source), "--format", fmt, "-o", str(tmp_path / name)]
        if fmt == "json" or (fmt == "akn" and AKN_XSD.exists()):
            args += ["--validate", "--schema", str(AKN_XSD)] if fmt == "akn" else ["--validate"]
        result = run(*args)
        assert result.exit_code == 0, (fmt, result.stderr)
        assert (tmp_path / name).stat().st_size > 0
    result = run("export", str(source), "--format", "csv", "-o", str(tmp_path / "tables"))
    assert result.exit_code == 0, result.stderr
    assert listing(tmp_path / "tables") == TABLES
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert json_schema.errors(data) == []
    questions = (tmp_path / "tables" / "questions.csv").read_text(encoding="utf-8-sig")
    assert len(list(csv.DictReader(io.StringIO(questions)))) == len(data["questions"])
    etree.parse(str(tmp_path / "r.xml"))  # well-formed
    assert "<h2>Unanswered questions</h2>" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert not [p for p in listing(tmp_path) if ".tmp" in p]


def test_cli_export_json_matches_analyze() -> None:
    exported = run("export", str(FIXTURE), "--format", "json")
    analysed = run("analyze", str(FIXTURE), "--format", "json")
    assert exported.exit_code == 0 and exported.stdout == analysed.stdout


def test_cli_export_to_stdout_and_from_stdin() -> None:
    result = run("export", "-", "--format", "md", input=FIXTURE.read_bytes())
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Follow-up brief")
    result = run("export", str(FIXTURE), "--format", "akn")
    assert result.stdout.startswith("<?xml version='1.0' encoding='UTF-8'?>\n<akomaNtoso")


def test_cli_export_csv_prefix_and_existing_folder(tmp_path: Path) -> None:
    result = run("export", str(FIXTURE), "--format", "csv", "-o", str(tmp_path / "elb-"))
    assert result.exit_code == 0, result.stderr
    assert listing(tmp_path) == [f"elb-{t}" for t in TABLES]
    folder = tmp_path / "existing"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    result = run("export", str(FIXTURE), "--format", "csv", "-o", str(folder))
    assert result.exit_code == 0, result.stderr
    assert listing(folder) == sorted([*TABLES, "notes.txt"])
    raw = (folder / "questions.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,line,section,") and b"\r\n" in raw


def test_cli_export_into_a_folder_names_the_file(tmp_path: Path) -> None:
    result = run("export", str(FIXTURE), "--format", "html", "-o", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert listing(tmp_path) == ["cmw-1.html"]


def test_cli_export_csv_needs_an_output() -> None:
    result = run("export", str(FIXTURE), "--format", "csv")
    assert result.exit_code == 2
    assert "-o FOLDER" in result.stderr


@pytest.mark.parametrize("fmt", ["json", "md", "html", "akn", "csv"])
def test_cli_export_unwritable_path_leaves_nothing(fmt: str, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for target in (tmp_path / "missing" / "out", blocker / "out"):
        result = run("export", str(FIXTURE), "--format", fmt, "-o", str(target))
        line = assert_clean_error(result, 7)
        assert "Cannot" in line and str(target.parent) in line
    assert listing(tmp_path) == ["a-file"]
    if fmt == "csv":
        line = assert_clean_error(
            run("export", str(FIXTURE), "--format", "csv", "-o", str(blocker)), 7
        )
        assert "is a file" in line
        assert listing(tmp_path) == ["a-file"]


def test_cli_export_csv_failure_midway_leaves_no_partial_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Path.write_bytes
    calls = []

    def flaky(self: Path, data: bytes) -> int:
        calls.append(self.name)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", flaky)
    line = assert_clean_error(
        run("export", str(FIXTURE), "--format", "csv", "-o", str(tmp_path / "t")), 7
    )
    assert "No space left on device" in line
    assert listing(tmp_path) == []


def test_cli_export_csv_failure_while_moving_takes_back_new_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "existing"
    folder.mkdir()
    (folder / "answers.csv").write_text("old answers")
    real = os.replace
    moves = []

    def flaky(src, dst):  # type: ignore[no-untyped-def]
        moves.append(dst)
        if len(moves) == 3:
            raise OSError(5, "Input/output error")
        return real(src, dst)

    monkeypatch.setattr(exporting.os, "replace", flaky)
    assert_clean_error(run("export", str(FIXTURE), "--format", "csv", "-o", str(folder)), 7)
    # questions.csv (new) is taken back; answers.csv was replaced before the failure
    assert listing(folder) == ["answers.csv"]


def test_cli_export_single_file_failure_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(src, dst):  # type: ignore[no-untyped-def]
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    line = assert_clean_error(
        run("export", str(FIXTURE), "--format", "html", "-o", str(tmp_path / "b.html")), 7
    )
    assert "Permission denied" in line
    assert listing(tmp_path) == []


def test_cli_export_unknown_review_without_library_file(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    db = tmp_path / "library.db"
    result = run("export", "0123abcd", "--format", "md", "-o", str(out), "--db", str(db))
    line = assert_clean_error(result, 6)
    assert "'0123abcd' is not a file or URL" in line
    assert listing(tmp_path) == [], "neither an output nor an empty library is created"


def test_cli_export_unknown_review_in_a_library(tmp_path: Path) -> None:
    library = pytest.importorskip("rapporteur.library")
    db = tmp_path / "library.db"
    library.open_library(db).close()
    before = listing(tmp_path)
    out = tmp_path / "brief.html"
    result = run("export", "0123abcd", "--format", "html", "-o", str(out), "--db", str(db))
    line = assert_clean_error(result, 6)
    assert "No file, URL or review in the library" in line and "'0123abcd'" in line
    assert listing(tmp_path) == before


def test_cli_export_stored_review_equals_fresh_analysis(tmp_path: Path) -> None:
    pytest.importorskip("rapporteur.library")
    db = tmp_path / "library.db"
    result = run("ingest", str(FIXTURE), "--db", str(db), "-q", "--format", "json")
    assert result.exit_code == 0, result.stderr
    listed = json.loads(run("list", "--db", str(db), "--format", "json").stdout)
    review_id = listed["reviews"][0]["id"]
    for fmt in ("json", "md", "html", "akn"):
        stored = run("export", review_id, "--format", fmt, "--db", str(db))
        fresh = run("export", str(FIXTURE), "--format", fmt)
        assert stored.exit_code == 0, stored.stderr
        assert stored.stdout == fresh.stdout, fmt
    result = run(
        "export",
        review_id,
        "--format",
        "csv",
        "-o",
        str(tmp_path / "t"),
        env={"RAPPORTEUR_DB": str(db)},
    )
    assert result.exit_code == 0, result.stderr
    assert listing(tmp_path / "t") == TABLES


def test_cli_export_without_a_library_module(monkeypatch: pytest.MonkeyPatch) -> None:
    import rapporteur

    monkeypatch.setitem(sys.modules, "rapporteur.library", None)
    monkeypatch.delattr(rapporteur, "library", raising=False)
    line = assert_clean_error(run("export", "0123abcd", "--format", "json"), 6)
    assert "no review library" in line


def test_cli_export_missing_file_is_not_looked_up_in_the_library(tmp_path: Path) -> None:
    line = assert_clean_error(run("export", str(tmp_path / "gone.txt"), "--format", "md"), 3)
    assert "gone.txt" in line


def test_cli_export_validate_needs_the_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        akn,
        "find_schema",
        lambda schema=None: (_ for _ in ()).throw(
            akn.ExportError("The Akoma Ntoso 3.0 schema (akomantoso30.xsd) was not found.")
        ),
    )
    out = tmp_path / "r.xml"
    line = assert_clean_error(
        run("export", str(FIXTURE), "--format", "akn", "--validate", "-o", str(out)), 7
    )
    assert "akomantoso30.xsd" in line
    assert not out.exists()


def test_cli_export_documented() -> None:
    docs = Path(__file__).resolve().parents[1] / "docs" / "exports.md"
    text = docs.read_text(encoding="utf-8")
    for fmt in ("json", "csv", "md", "html", "akn", "training"):
        assert f"--format {fmt}" in text
    for table in TABLES:
        assert table in text


# ---------------------------------------------------------------- statuses people checked


@pytest.fixture(scope="module")
def decided(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str, str]:
    """A library holding the fictional CMW review with two people's decisions: Ana agrees
    with the tool, Ben does not. (library, review id, Ana's question, Ben's question)."""
    db = tmp_path_factory.mktemp("decided") / "library.db"
    return (db, *decide_two(db))


def test_cli_every_export_says_who_decided_each_status(
    decided: tuple[Path, str, str, str], tmp_path: Path
) -> None:
    db, rid, ana, ben = decided
    lib = ["--db", str(db)]

    text = run("show", rid, *lib).stdout
    assert "answered — checked by Ana Lima (6 December 2026)" in text
    assert "partial — checked by Ben Osei (6 December 2026)" in text
    assert "The tool says unanswered — please check" in text and f"Note: {NOTE}" in text

    data = json.loads(run("export", rid, "--format", "json", "--validate", *lib).stdout)
    assert json_schema.errors(data) == []
    sources = {q["id"]: q["status_source"] for q in data["questions"]}
    assert (sources.pop(ana), sources.pop(ben)) == ("person", "person")
    assert set(sources.values()) == {"machine"}
    by_id = {q["id"]: q for q in data["questions"]}
    assert by_id[ana]["decision"]["disagrees"] is False
    assert by_id[ben]["decision"]["disagrees"] is True
    assert by_id[ben]["machine"]["status"] == "unanswered"

    assert run("export", rid, "--format", "csv", "-o", str(tmp_path / "t"), *lib).exit_code == 0
    text = (tmp_path / "t" / "questions.csv").read_text(encoding="utf-8-sig")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(text))}
    assert (rows[ana]["status_source"], rows[ana]["checked_by"]) == ("person", "Ana Lima")
    assert (rows[ben]["status"], rows[ben]["machine_status"]) == ("partial", "unanswered")
    assert rows[ben]["note"] == "'" + NOTE

    md = run("export", rid, "--format", "md", *lib).stdout
    assert "**Status: partial — checked by Ben Osei (6 December 2026)**" in md
    assert "statuses checked by a person" in md

    html = run("export", rid, "--format", "html", *lib).stdout
    assert "✓ Checked by Ben Osei" in html and "Note by Ben Osei: =HYPERLINK" in html
    assert "<b>Only</b>" not in html

    args = ["export", rid, "--format", "akn", *lib, "-o", str(tmp_path / "r.xml")]
    if AKN_XSD.exists():
        args += ["--validate", "--schema", str(AKN_XSD)]
    assert run(*args).exit_code == 0
    tree = etree.parse(str(tmp_path / "r.xml"))
    ns = {"rap": akn.RAP_NS}
    marks = {q.get("id"): q.get("source") for q in tree.iterfind(".//rap:question", ns)}
    assert (marks[ana], marks[ben]) == ("person", "person")

    out = run("export", rid, "--format", "training", *lib, "-o", str(tmp_path))
    assert out.exit_code == 0 and out.stderr == ""
    (written,) = tmp_path.glob("*.training.jsonl")
    assert written.name == "cmw-sen-3.training.jsonl"
    records = [json.loads(line) for line in written.read_text(encoding="utf-8").splitlines()]
    assert [(r["question"]["id"], r["label"], r["disagrees"]) for r in records] == [
        (ana, "answered", False),
        (ben, "partial", True),
    ]


def test_cli_export_training_without_decisions_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "training.jsonl"
    result = run("export", str(FIXTURE), "--format", "training", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "No question of this review has been checked by a person yet.\n"
    assert not out.exists() and result.stdout == ""
    result = run("export", str(FIXTURE), "--format", "training")
    assert result.exit_code == 0 and result.stdout == ""
