"""Hostile and odd inputs through every front end: `analyze`, `ingest`, the library API and
the web upload. Each input has one defined outcome (docs/hardening.md has the table):

    analysed     exit 0 / added / 201, no warnings needed
    warned       analysed, with the warnings listed in the output (JSON `warnings`)
    not-dialogue analysed but not a treaty-body review: exit 4 with the JSON and its warning
                 from `analyze`; failed (`not_a_dialogue`) and not stored by ingest; 422
    refused      one sentence, no traceback: exit 3, failed item with the code, 4xx envelope

None may crash, hang (every test runs under an alarm) or use unbounded memory (the 200 MB
file is measured in a subprocess with its peak RSS).
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from rapporteur import library
from rapporteur.cli import main
from rapporteur.errors import RapporteurError
from rapporteur.settings import Settings
from rapporteur.web import create_app
from tests.hostile import CASES, MB, long_line, write_big_text
from tests.web.conftest import Client

# name -> (outcome, error code or warning words)
EXPECTED: dict[str, tuple[str, str]] = {
    "empty.txt": ("refused", "empty_document"),
    "whitespace.txt": ("refused", "empty_document"),
    "binary.txt": ("refused", "unsupported_format"),
    "long-line.txt": ("not-dialogue", "does not look like a treaty-body review"),
    "nested.html": ("analysed", ""),
    "scripts.html": ("not-dialogue", "language could not be recognised"),
    "mixed-encodings.txt": ("warned", "not UTF-8"),
    "pdf.txt": ("refused", "parse_error"),
    "docx.txt": ("refused", "parse_error"),
    "french.txt": ("analysed", ""),
    "spanish.txt": ("analysed", ""),
    "german.txt": ("not-dialogue", "appears to be in German"),
    "press-release.txt": ("not-dialogue", "does not look like a treaty-body review"),
    "no-answers.txt": ("analysed", ""),
    "duplicated.txt": ("warned", "repeat an earlier one"),
    "truncated.txt": ("warned", "cut off"),
    "truncated.html": ("warned", "cut off"),
}
HTTP_STATUS = {
    "empty_document": 422,
    "unsupported_format": 415,
    "parse_error": 422,
    "not_a_dialogue": 422,
}
ALARM_SECONDS = 60


@pytest.fixture(autouse=True)
def _alarm() -> Iterator[None]:
    """Fail, rather than hang, when an input makes rapporteur loop."""

    def expired(*_: object) -> None:
        raise TimeoutError(f"no outcome within {ALARM_SECONDS} s")

    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(ALARM_SECONDS)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    paths = {}
    for name, build in CASES.items():
        paths[name] = folder / name
        paths[name].write_bytes(build())
    return paths


def test_bad_input_every_case_has_an_outcome() -> None:
    assert set(EXPECTED) == set(CASES)


def cli(*args: str, input: bytes | None = None) -> Any:
    return CliRunner().invoke(main, list(args), input=input)


def one_error(result: Any) -> str:
    assert "Traceback" not in result.output + result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.stderr
    return errors[0]


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_cli_analyze(name: str, inputs: dict[str, Path]) -> None:
    outcome, detail = EXPECTED[name]
    result = cli("analyze", str(inputs[name]), "--format", "json")
    if outcome == "refused":
        assert result.exit_code == 3, result.stderr
        one_error(result)
        assert result.stdout == ""
        return
    data = json.loads(result.stdout)
    if outcome == "not-dialogue":
        assert result.exit_code == 4 and data["is_dialogue"] is False
        assert detail in one_error(result) and any(detail in w for w in data["warnings"])
    else:
        assert result.exit_code == 0, result.stderr
        assert data["is_dialogue"] is True
        if outcome == "warned":
            assert any(detail in w for w in data["warnings"]), data["warnings"]
    if name == "no-answers.txt":
        # No responses: only the presentation can touch a question, and the tool must not be
        # sure of anything but "unanswered" there.
        assert data["questions"]
        assert all(q["needs_check"] for q in data["questions"] if q["status"] != "unanswered")
        assert any(q["status"] == "unanswered" for q in data["questions"])


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_cli_analyze_stdin(name: str, inputs: dict[str, Path]) -> None:
    """The same bytes on standard input have the same outcome (exit code)."""
    outcome, _ = EXPECTED[name]
    result = cli("analyze", "-", "--format", "json", input=inputs[name].read_bytes())
    expected = {"refused": 3, "not-dialogue": 4}.get(outcome, 0)
    if name.endswith(".html") and outcome == "not-dialogue":
        expected = 4  # still sniffed as HTML without its name
    assert result.exit_code == expected, (name, result.stderr)
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def ingested(inputs: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """`rapporteur ingest` of the whole folder at once (two workers), as JSON."""
    db = tmp_path_factory.mktemp("lib") / "lib.db"
    folder = next(iter(inputs.values())).parent
    result = cli("ingest", str(folder), "--db", str(db), "-j", "2", "--format", "json")
    assert result.exit_code == 3  # some failed: the others are stored all the same
    data = json.loads(result.stdout)
    return {Path(item["source"]).name: item for item in data["items"]} | {"_db": db}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_cli_ingest(name: str, ingested: dict[str, Any]) -> None:
    outcome, detail = EXPECTED[name]
    item = ingested[name]
    if outcome == "refused":
        assert item["outcome"] == "failed" and item["code"] == detail and item["reason"]
    elif outcome == "not-dialogue":
        assert item["outcome"] == "failed" and item["code"] == "not_a_dialogue"
        assert detail in item["reason"]
    else:
        assert item["outcome"] == "added", item
        stored = library.get_review(item["review_id"], ingested["_db"])
        if outcome == "warned":
            assert any(detail in w for w in stored.data["warnings"])


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_library_api(name: str, inputs: dict[str, Path], tmp_path: Path) -> None:
    outcome, detail = EXPECTED[name]
    db = tmp_path / "lib.db"
    summary = library.ingest_paths([inputs[name]], db, workers=1)
    (item,) = summary.items
    stored = outcome in {"analysed", "warned"}
    assert item.outcome == ("added" if stored else "failed"), item
    try:
        again = library.ingest_bytes(inputs[name].read_bytes(), name, db)
    except RapporteurError as exc:
        assert not stored
        assert exc.code == (detail if outcome == "refused" else "not_a_dialogue")
    else:
        assert stored and again.outcome == "skipped"
    assert library.list_reviews(db).total == (1 if stored else 0)


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_web_upload(name: str, inputs: dict[str, Path], tmp_path: Path) -> None:
    outcome, detail = EXPECTED[name]
    client = Client(create_app(tmp_path / "lib.db", Settings()))
    response = client.post(f"/api/reviews?filename={name}", content=inputs[name].read_bytes())
    body = response.json()
    if outcome in {"analysed", "warned"}:
        assert response.status_code == 201, body
        assert body["ok"] is True
        return
    code = detail if outcome == "refused" else "not_a_dialogue"
    assert response.status_code == HTTP_STATUS[code], body
    assert body["ok"] is False and body["code"] == code and body["error"]
    assert library.list_reviews(tmp_path / "lib.db").total == 0


@pytest.mark.slow
def test_bad_input_five_megabyte_line(tmp_path: Path) -> None:
    """A 5 MB line with no break: analysed in bounded time, reported as not a review."""
    path = tmp_path / "line.txt"
    path.write_bytes(long_line(5 * MB))
    summary = library.ingest_paths([path], tmp_path / "lib.db", workers=1)
    assert summary.items[0].code == "not_a_dialogue"


# --------------------------------------------------------------------------- 200 MB


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = write_big_text(tmp_path_factory.mktemp("big") / "huge.txt")
    yield path
    path.unlink()


def peak_rss_mb(args: list[str], stdin: Path | None = None) -> tuple[int, str, float]:
    """Run `python -m rapporteur ARGS` and return (exit code, stderr, peak RSS in MB) of
    that process alone (os.wait4 gives the child's own rusage)."""
    with open(stdin or os.devnull, "rb") as fh:
        proc = subprocess.Popen(
            [sys.executable, "-m", "rapporteur", *args],
            stdin=fh,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        assert proc.stderr is not None
        err = proc.stderr.read().decode()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, err, usage.ru_maxrss / 1024


@pytest.mark.slow
def test_bad_input_200_mb_file_is_refused_in_bounded_memory(big_file: Path, tmp_path: Path) -> None:
    """Refused by the size limit (default 20 MB) before it is read: a file by its size, a
    stream after max-bytes + 1 bytes. Peak memory stays that of starting rapporteur."""
    assert big_file.stat().st_size == 200 * MB
    code, err, baseline = peak_rss_mb(["--version"])
    assert code == 0
    code, err, rss = peak_rss_mb(["analyze", str(big_file)])
    assert code == 3 and err.startswith("Error: ") and "over the limit" in err, err
    assert rss < baseline + 100
    code, err, rss = peak_rss_mb(["analyze", "-"], stdin=big_file)
    assert code == 3 and err.startswith("Error: Standard input is larger"), err
    assert rss < baseline + 100  # at most 20 MB + 1 byte read, never the 200 MB
    code, err, rss = peak_rss_mb(["ingest", str(big_file), "--db", str(tmp_path / "l.db")])
    assert code == 3 and rss < baseline + 100  # reported as failed: over the limit


@pytest.mark.slow
def test_bad_input_200_mb_upload_is_cut_at_the_limit(big_file: Path, tmp_path: Path) -> None:
    """The body is streamed in 1 MB chunks without a Content-Length: reading stops at the
    upload limit, so the 200 MB never sit in memory."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sent = 0

    async def chunks() -> Any:
        nonlocal sent
        with big_file.open("rb") as fh:
            while block := fh.read(MB):
                sent += len(block)
                yield block

    client = Client(create_app(tmp_path / "lib.db", Settings()))
    response = client.post("/api/reviews?filename=huge.txt", content=chunks())
    assert response.status_code == 413 and response.json()["code"] == "source_too_large"
    assert sent < 20 * MB
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - before < 150
