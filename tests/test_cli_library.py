"""The library commands: ingest, list, show, search, serve; and an ingest killed midway."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from rapporteur import cli
from tests.fictional import review_text, write_reviews


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def db(tmp_path: Path, runner: CliRunner) -> Path:
    """A library with three fictional reviews, ingested through the CLI."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for seed, committee, state, year in [
        (1, "CMW", ("Senegal", "SEN"), 2019),
        (2, "CRC", ("Norway", "NOR"), 2021),
        (3, "CMW", ("Chile", "CHL"), 2012),
    ]:
        text = review_text(seed, committee=committee, state=state, year=year)
        (docs / f"review-{seed}.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "lib.db"
    result = runner.invoke(cli.main, ["ingest", str(docs), "--db", str(path), "-j", "1"])
    assert result.exit_code == 0, result.output
    return path


def _ids(db: Path) -> dict[str, str]:
    rows = sqlite3.connect(db).execute("SELECT state_iso3, id FROM reviews").fetchall()
    return dict(rows)


def test_cli_ingest_prints_a_summary_and_fails_on_bad_sources(
    runner: CliRunner, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    write_reviews(docs, 2)
    (docs / "notes.txt").write_text("Remember to water the plants on Friday morning.\n" * 10)
    path = tmp_path / "lib.db"
    result = runner.invoke(
        cli.main, ["ingest", str(docs), str(tmp_path / "missing.pdf"), "--db", str(path)]
    )
    assert result.exit_code == 3
    lines = result.output.splitlines()
    assert lines[-1] == (
        f"Added 2, updated 0, skipped 0, failed 2. The library {path} holds 2 reviews."
    )
    assert any(line.startswith("failed   ") and "notes.txt" in line for line in lines)
    assert any("missing.pdf does not exist." in line for line in lines)
    again = runner.invoke(cli.main, ["ingest", str(docs / "review-00000.txt"), "--db", str(path)])
    assert again.exit_code == 0
    assert "skipped  " in again.output and "(already in the library)" in again.output


def test_cli_ingest_json(runner: CliRunner, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_reviews(docs, 1)
    path = tmp_path / "lib.db"
    result = runner.invoke(cli.main, ["ingest", str(docs), "--db", str(path), "--format", "json"])
    data = json.loads(result.output)
    assert data["added"] == 1 and data["reviews"] == 1 and data["db"] == str(path)
    assert data["items"][0]["outcome"] == "added"


def test_cli_ingest_needs_a_source(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli.main, ["ingest", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 3
    assert "Give at least one file, folder or URL" in result.output


def test_cli_list(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(cli.main, ["list", "--db", str(db)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == [
        "ID",
        "COMMITTEE",
        "STATE",
        "YEAR",
        "SESSION",
        "QUESTIONS",
        "UNANSWERED",
        "REPORT",
    ]
    assert [line.split()[2] for line in lines[1:]] == ["Norway", "Senegal", "Chile"]
    filtered = runner.invoke(
        cli.main, ["list", "--db", str(db), "--committee", "cmw", "--year", "2015-"]
    )
    assert [line.split()[2] for line in filtered.output.splitlines()[1:]] == ["Senegal"]
    data = json.loads(runner.invoke(cli.main, ["list", "--db", str(db), "--format", "json"]).output)
    assert data["total"] == 3 and len(data["reviews"]) == 3
    assert set(data["reviews"][0]) >= {"id", "committee", "state_iso3", "year", "questions"}
    reverse = runner.invoke(cli.main, ["list", "--db", str(db), "--sort", "state", "--reverse"])
    assert [line.split()[2] for line in reverse.output.splitlines()[1:]] == [
        "Senegal",
        "Norway",
        "Chile",
    ]
    none = runner.invoke(cli.main, ["list", "--db", str(db), "--country", "Peru"])
    assert none.output == "No reviews match.\n"


def test_cli_list_uses_rapporteur_db(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(cli.main, ["list", "--country", "NOR"], env={"RAPPORTEUR_DB": str(db)})
    assert result.exit_code == 0 and "Norway" in result.output


def test_cli_show(runner: CliRunner, db: Path) -> None:
    review_id = _ids(db)["SEN"]
    result = runner.invoke(cli.main, ["show", review_id[:6], "--db", str(db)])
    assert result.exit_code == 0
    assert f"Review id:   {review_id}" in result.output
    assert "State party: Senegal (SEN)" in result.output
    assert "Questions: " in result.output
    data = json.loads(
        runner.invoke(cli.main, ["show", review_id, "--db", str(db), "--format", "json"]).output
    )
    assert data["schema"] == "rapporteur/review@1"
    assert data["review"]["state_party"] == {"name": "Senegal", "iso3": "SEN"}
    missing = runner.invoke(cli.main, ["show", "abcdef12", "--db", str(db)])
    assert missing.exit_code == 6
    assert missing.output.startswith("Error: There is no review 'abcdef12' in the library.")


def test_cli_show_json_is_what_analyze_printed(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "review.txt"
    path.write_text(review_text(5), encoding="utf-8")
    db = tmp_path / "lib.db"
    analysed = runner.invoke(cli.main, ["analyze", str(path), "--format", "json"]).output
    runner.invoke(cli.main, ["ingest", str(path), "--db", str(db)])
    review_id = json.loads(analysed)["document"]["sha256"][:12]
    shown = runner.invoke(cli.main, ["show", review_id, "--db", str(db), "--format", "json"])
    assert shown.output == analysed


def test_cli_search(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(cli.main, ["search", "welcomed", "the", "report", "--db", str(db)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "line" in lines[0] and "[committee" in lines[0]
    assert "welcomed" in lines[1]
    assert lines[-1].startswith("1–") and " of " in lines[-1]
    data = json.loads(
        runner.invoke(
            cli.main,
            ["search", "said", "--db", str(db), "--side", "delegation", "--format", "json"],
        ).output
    )
    assert data["total"] > 0 and {h["side"] for h in data["hits"]} == {"delegation"}
    assert data["facets"]["side"] == {"delegation": data["total"]}
    questions = json.loads(
        runner.invoke(
            cli.main,
            [
                "search",
                "What",
                "--db",
                str(db),
                "--kind",
                "question",
                "--status",
                "unanswered",
                "--country",
                "SEN",
                "--format",
                "json",
            ],
        ).output
    )
    assert questions["hits"]
    assert {(h["kind"], h["status"], h["state_iso3"]) for h in questions["hits"]} == {
        ("question", "unanswered", "SEN")
    }
    none = runner.invoke(cli.main, ["search", "zebra", "--db", str(db)])
    assert none.output == "No matches for 'zebra'.\n"
    every = json.loads(
        runner.invoke(cli.main, ["search", "What", "--db", str(db), "--format", "json"]).output
    )
    for flag, value in (("yes", True), ("no", False)):
        args = ["search", "What", "--db", str(db), "--to-check", flag, "--format", "json"]
        found = json.loads(runner.invoke(cli.main, args).output)
        assert found["total"] == every["facets"]["to_check"].get(flag, 0)
        assert {(h["kind"], h["needs_check"]) for h in found["hits"]} <= {("question", value)}


def test_cli_search_rejects_empty_queries(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(cli.main, ["search", '""', "--db", str(db)])
    assert result.exit_code == 2
    assert result.output.startswith("Error: Give at least one word to search for.")
    bad_year = runner.invoke(cli.main, ["list", "--db", str(db), "--year", "soon"])
    assert bad_year.exit_code == 2 and "'soon' is not a year" in bad_year.output


def test_cli_newer_library_is_refused(runner: CliRunner, db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO schema_version VALUES (99, 'later')")
    conn.commit()
    conn.close()
    result = runner.invoke(cli.main, ["list", "--db", str(db)])
    assert result.exit_code == 6
    assert "was written by a newer rapporteur" in result.output
    assert "Hint: Upgrade rapporteur" in result.output


def test_cli_serve_warns_off_localhost(
    runner: CliRunner, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[object, ...]] = []
    import rapporteur.web.app as web_app

    monkeypatch.setattr(web_app, "serve", lambda *a, **k: calls.append((a, k)))
    local = runner.invoke(cli.main, ["serve", "--db", str(db), "--port", "8123"])
    assert local.exit_code == 0 and "Warning" not in local.output
    wide = runner.invoke(cli.main, ["serve", "--db", str(db), "--host", "0.0.0.0"])
    assert "Warning: listening on 0.0.0.0" in wide.output
    assert calls[0][1] == {"host": "127.0.0.1", "port": 8123}


def _count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM reviews").fetchone()[0])
    finally:
        conn.close()


def test_cli_ingest_killed_midway_leaves_a_consistent_library(tmp_path: Path) -> None:
    """SIGKILL an ingest after some reviews are stored: the library opens, passes
    integrity_check, and rerunning the ingest completes the job with correct counts."""
    docs = tmp_path / "docs"
    total = 100
    write_reviews(docs, total)
    db = tmp_path / "lib.db"
    command = [sys.executable, "-m", "rapporteur", "ingest", str(docs), "--db", str(db), "-j", "2"]
    # Crash safety of the store is tested: words-only linking keeps the run short.
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "RAPPORTEUR_METHOD": "lexical"}
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )
    stored = 0
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
            if db.exists():
                try:
                    stored = _count(db)
                except sqlite3.Error:
                    continue
                if stored >= 5:
                    break
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the ingest and its worker processes
        process.wait()
    assert 5 <= stored < total, f"the ingest was not caught midway ({stored} stored)"

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for table in ("questions", "paragraphs", "answers", "figures"):
        conn.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('integrity-check')")
    orphans = conn.execute(
        "SELECT count(*) FROM questions WHERE review_id NOT IN (SELECT id FROM reviews)"
    ).fetchone()[0]
    assert orphans == 0
    half = conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
    conn.close()

    rerun = subprocess.run(
        [*command, "--format", "json"], capture_output=True, text=True, env=env, timeout=300
    )
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert summary["skipped"] == half
    assert summary["added"] == total - half
    assert summary["failed"] == summary["updated"] == 0
    assert summary["reviews"] == total
    assert _count(db) == total


def test_cli_library_commands_and_endpoints_are_documented() -> None:
    docs = (Path(__file__).resolve().parent.parent / "docs" / "library.md").read_text()
    for command in ("ingest", "list", "show", "search", "serve"):
        assert f"### `rapporteur {command}" in docs, command
        for param in cli.main.commands[command].params:
            if param.name not in {"help"} and isinstance(param, click.Option):
                assert any(opt in docs for opt in param.opts), (command, param.opts)
    from rapporteur.web import create_app

    spec = create_app(":memory:").openapi()
    for path, methods in spec["paths"].items():
        for method in methods:
            assert f"{method.upper()} {path}" in docs, (method, path)
