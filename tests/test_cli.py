"""The `analyze` command end to end: outputs, exit codes and one-sentence errors."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from rapporteur.cli import main
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "mini-crc-review.txt"


def run(*args: str, input: bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), input=input)


def assert_clean_error(result, code: int) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == code, (result.output, result.stderr)
    assert "Traceback" not in result.stderr + result.output
    lines = [x for x in result.stderr.splitlines() if x.startswith("Error:")]
    assert len(lines) == 1


def test_cli_analyze_json_contract() -> None:
    result = run("analyze", str(SAMPLE), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "rapporteur/review@1"
    for key in (
        "review",
        "participants",
        "sections",
        "turns",
        "questions",
        "figures",
        "inconsistencies",
        "commitments",
    ):
        assert key in data
    assert data["review"]["committee"] == "CRC"
    assert data["review"]["state_party"] == {"name": "Portugal", "iso3": "PRT"}


def test_cli_analyze_is_deterministic() -> None:
    a = run("analyze", str(SAMPLE), "--format", "json").stdout
    b = run("analyze", str(SAMPLE), "--format", "json").stdout
    assert a == b


def test_cli_analyze_text_and_stdin() -> None:
    result = run("analyze", "-", input=SAMPLE.read_bytes())
    assert result.exit_code == 0
    assert "Committee on the Rights of the Child (CRC)" in result.stdout
    assert "Oluwaseun Adebayo-King" in result.stdout


def test_cli_analyze_writes_output_file(tmp_path: Path) -> None:
    out = tmp_path / "review.json"
    result = run("analyze", str(SAMPLE), "--format", "json", "-o", str(out))
    assert result.exit_code == 0
    assert json.loads(out.read_text())["review"]["committee"] == "CRC"


def test_cli_bad_inputs_get_one_sentence_and_exit_3(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "junk.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    for path in (empty, binary, tmp_path / "missing.txt", tmp_path):
        assert_clean_error(run("analyze", str(path)), 3)


def test_cli_non_utf8_text_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(SAMPLE.read_text().replace("Portugal", "Portugal — São Tomé").encode("cp1252"))
    result = run("analyze", str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert any("not UTF-8" in w for w in json.loads(result.stdout)["warnings"])


def test_cli_not_a_dialogue_exits_4_but_writes_the_analysis(tmp_path: Path) -> None:
    path = tmp_path / "press.txt"
    path.write_text(
        "Secretary-General Welcomes New Climate Pledges\n\n"
        "The Secretary-General today welcomed the pledges made at the climate summit. He said "
        "that 40 countries had raised their targets and urged others to follow.\n"
    )
    result = run("analyze", str(path), "--format", "json")
    assert_clean_error(result, 4)
    assert json.loads(result.stdout)["is_dialogue"] is False


def test_cli_unwritable_output_exits_7_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "missing-dir" / "out.json"
    result = run("analyze", str(SAMPLE), "--format", "json", "-o", str(target))
    assert_clean_error(result, 7)
    assert not target.parent.exists()


class _Handler(BaseHTTPRequestHandler):
    body = SAMPLE.read_bytes()

    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(2)
        payload = self.body * (2000 if self.path == "/huge" else 1)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_cli_url_is_fetched_and_analysed(server: str) -> None:
    result = run("analyze", f"{server}/review.txt", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["review"]["committee"] == "CRC"


def test_cli_url_limits(server: str) -> None:
    assert_clean_error(run("analyze", f"{server}/huge", "--max-bytes", "100000"), 3)
    assert_clean_error(run("analyze", f"{server}/slow", "--timeout", "0.5"), 3)


def test_cli_unreachable_url() -> None:
    assert_clean_error(run("analyze", "http://127.0.0.1:9/review.html", "--timeout", "2"), 3)


def test_cli_summary_in_german_is_refused_naming_the_languages(tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_text(
        "Der Ausschuss für die Rechte des Kindes prüft den Bericht Portugals\n\n"
        "Der Ausschuss für die Rechte des Kindes hat heute den periodischen Bericht Portugals "
        "geprüft. Die Sachverständigen stellten Fragen zur Kinderarmut und zum Kinderschutz. Die "
        "Delegation antwortete, dass das Land eine nationale Strategie für die Rechte des Kindes "
        "angenommen habe und dass die Ergebnisse dem Ausschuss vorgelegt würden.\n"
    )
    result = run("analyze", str(path), "--format", "json")
    assert_clean_error(result, 4)
    assert "appears to be in German" in result.stderr
    assert "English, French and Spanish" in result.stderr


def test_cli_analyze_method_option_and_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    """--method lexical and RAPPORTEUR_METHOD give words-only linking; both methods fill a
    confidence for every question; a wrong value is one sentence and exit 2 or 5."""
    outputs = {}
    for method in ("semantic", "lexical"):
        result = run("analyze", str(SAMPLE), "--format", "json", "--method", method)
        assert result.exit_code == 0, result.stderr
        data = json.loads(result.stdout)
        assert all(0 <= q["confidence"] <= 1 for q in data["questions"])
        assert all(isinstance(q["needs_check"], bool) for q in data["questions"])
        outputs[method] = result.stdout
    monkeypatch.setenv("RAPPORTEUR_METHOD", "lexical")
    assert run("analyze", str(SAMPLE), "--format", "json").stdout == outputs["lexical"]
    assert_clean_error(run("analyze", str(SAMPLE), "--method", "fuzzy"), 2)
    monkeypatch.setenv("RAPPORTEUR_METHOD", "fuzzy")
    result = run("analyze", str(SAMPLE))
    assert_clean_error(result, 5)
    assert "semantic or lexical" in result.stderr


def test_cli_analyze_no_align_marks_every_status_to_check() -> None:
    result = run("analyze", str(SAMPLE), "--format", "json", "--no-align")
    assert result.exit_code == 0, result.stderr
    questions = json.loads(result.stdout)["questions"]
    assert questions and all(q["confidence"] is None and q["needs_check"] for q in questions)


def test_cli_analyze_is_byte_identical_across_processes_and_hash_seeds(tmp_path: Path) -> None:
    """Set iteration order must never reach the output: two processes with different
    PYTHONHASHSEED values write the same bytes (with the meaning model)."""
    import os
    import subprocess
    import sys

    analyze = [sys.executable, "-m", "rapporteur", "analyze"]
    outputs = []
    for seed in ("1", "4242"):
        target = tmp_path / f"out-{seed}.json"
        done = subprocess.run(
            [*analyze, str(SAMPLE), "--format", "json", "-o", str(target)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
