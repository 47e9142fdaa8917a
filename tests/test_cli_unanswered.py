"""`rapporteur unanswered`: the open questions of one review, by asker and theme."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from rapporteur.cli import main
from tests.stages.test_alignment import document


def _write(tmp_path: Path) -> Path:
    path = tmp_path / "review.txt"
    path.write_text(document(), encoding="utf-8")
    return path


def test_cli_unanswered_lists_open_questions_by_asker_with_lines(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["unanswered", str(_write(tmp_path))])
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("Unanswered and partially answered questions\n")
    assert "Pedro Alves\n" in out
    assert "enter private homes? (unanswered" in out
    assert "(partially answered; the closest answer is at line" in out
    assert "[line 11]" in out
    # Answered questions are not listed.
    assert "budget of the Ombudsperson" not in out


def test_cli_unanswered_without_partial_and_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "open.txt"
    result = CliRunner().invoke(
        main, ["unanswered", str(_write(tmp_path)), "--no-include-partial", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert result.output == ""
    text = target.read_text(encoding="utf-8")
    assert text.startswith("Unanswered questions\n")
    assert "partially answered" not in text
    assert "enter private homes? (unanswered" in text


def test_cli_unanswered_missing_file_is_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["unanswered", str(tmp_path / "nope.txt")])
    assert result.exit_code != 0
    assert "Traceback" not in result.output


def test_cli_analyze_csv_has_one_row_per_question(tmp_path: Path) -> None:
    import csv
    import io

    result = CliRunner().invoke(main, ["analyze", str(_write(tmp_path)), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == 5
    assert {r["status"] for r in rows} <= {"answered", "partial", "unanswered"}
    assert rows[0]["asker"] == "Pedro Alves"
    assert list(rows[0])[:7] == ["id", "line", "asker", "kind", "status", "score", "answer_line"]
    assert list(rows[0])[-7:] == [
        "confidence",
        "needs_check",
        "status_source",
        "checked_by",
        "checked_at",
        "note",
        "machine_status",
    ]
    assert {r["status_source"] for r in rows} == {"machine"}  # a fresh analysis is the tool's
    assert {r["needs_check"] for r in rows} <= {"true", "false"}
