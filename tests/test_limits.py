"""User-set limits (size, fetch time, upload size, workers, page cache): each settable by a
command-line option and a RAPPORTEUR_* variable, and enforced by every front end."""

from __future__ import annotations

import contextlib
import copy
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from rapporteur import library
from rapporteur.cli import main
from rapporteur.errors import ConfigError
from rapporteur.settings import ENV, Settings, from_env
from rapporteur.store import Store
from rapporteur.web import create_app
from tests.fictional import review_text
from tests.web.conftest import REVIEW, Client


def run(*args: str, input: bytes | None = None, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(main, list(args), input=input, env=env)


def one_error(result: Any, code: int, words: str) -> None:
    assert result.exit_code == code, (result.output, result.stderr)
    assert "Traceback" not in result.output + result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and words in errors[0], result.stderr


@pytest.fixture
def review_file(tmp_path: Path) -> Path:
    path = tmp_path / "review.txt"
    path.write_text(review_text(5), encoding="utf-8")
    return path


def test_limits_environment_and_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    values = ("1000", "2.5", "2000", "3", "0", "lexical", "7.5", "yes")
    for variable, value in zip(ENV.values(), values, strict=True):
        monkeypatch.setenv(variable, value)
    settings = from_env()
    assert (settings.max_bytes, settings.fetch_timeout, settings.max_upload_bytes) == (
        1000,
        2.5,
        2000,
    )
    assert (settings.workers, settings.page_cache, settings.method) == (3, 0, "lexical")
    assert settings.time_limit == 7.5 and settings.read_only is True
    assert from_env(max_bytes=50, workers=None).max_bytes == 50  # the option wins, None ignored


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("RAPPORTEUR_MAX_BYTES", "lots"),
        ("RAPPORTEUR_MAX_BYTES", "-5"),
        ("RAPPORTEUR_FETCH_TIMEOUT", "0"),
        ("RAPPORTEUR_MAX_UPLOAD_BYTES", "0"),
        ("RAPPORTEUR_WORKERS", "-1"),
        ("RAPPORTEUR_PAGE_CACHE", "-1"),
        ("RAPPORTEUR_TIME_LIMIT", "-1"),
        ("RAPPORTEUR_TIME_LIMIT", "soon"),
        ("RAPPORTEUR_READ_ONLY", "perhaps"),
    ],
)
def test_limits_refuse_values_that_cannot_work(
    variable: str, value: str, review_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one_error(run("analyze", str(review_file), env={variable: value}), 5, "")
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError):
        from_env()


def test_limits_max_bytes_by_option_and_environment(review_file: Path, tmp_path: Path) -> None:
    one_error(run("analyze", str(review_file), "--max-bytes", "100"), 3, "over the limit")
    one_error(
        run("analyze", str(review_file), env={"RAPPORTEUR_MAX_BYTES": "100"}), 3, "over the limit"
    )
    ok = run(
        "analyze", str(review_file), "--max-bytes", "1000000", env={"RAPPORTEUR_MAX_BYTES": "100"}
    )
    assert ok.exit_code == 0, ok.stderr
    result = run(
        "ingest",
        str(review_file),
        "--db",
        str(tmp_path / "lib.db"),
        "--format",
        "json",
        env={"RAPPORTEUR_MAX_BYTES": "100"},
    )
    assert result.exit_code == 3 and '"source_too_large"' in result.stdout


def test_limits_stdin_is_read_only_up_to_the_limit(review_file: Path) -> None:
    data = review_file.read_bytes()
    one_error(
        run("analyze", "-", "--max-bytes", str(len(data) - 1), input=data), 3, "Standard input"
    )
    assert run("analyze", "-", "--max-bytes", str(len(data)), input=data).exit_code == 0

    class Endless:
        """A stream that never ends: reading all of it would never return."""

        read_total = 0

        def read(self, n: int = -1) -> bytes:
            assert n > 0, "stdin must be read in bounded chunks"
            Endless.read_total += n
            return b"a" * n

    from rapporteur import cli

    class FakeStdin:
        buffer = Endless()

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(cli.sys, "stdin", FakeStdin())
        with pytest.raises(Exception, match="Standard input is larger"):
            cli._read_stdin("-", 5_000_000)
    assert Endless.read_total == 5_000_001


@contextlib.contextmanager
def dripping_server() -> Iterator[str]:
    """Answers at once, then sends one byte every 0.2 s for ever (slowloris in reverse)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            with conn:
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n")
                while not stop.is_set():
                    try:
                        conn.sendall(b"a")
                    except OSError:
                        break
                    time.sleep(0.2)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/review.txt"
    finally:
        stop.set()
        thread.join(2)
        listener.close()


def test_limits_fetch_time_is_a_total_deadline() -> None:
    """--timeout bounds the whole fetch, not each read: a server that drips forever is cut.

    Run in a subprocess with a hard timeout so that a regression fails instead of hanging."""
    import subprocess
    import sys

    with dripping_server() as url:
        for args, env in (
            (["--timeout", "1"], {}),
            ([], {"RAPPORTEUR_FETCH_TIMEOUT": "1"}),
        ):
            start = time.monotonic()
            done = subprocess.run(
                [sys.executable, "-m", "rapporteur", "analyze", url, *args],
                capture_output=True,
                text=True,
                timeout=10,
                env={**os.environ, **env},
            )
            assert done.returncode == 3 and "Traceback" not in done.stderr
            assert done.stderr.startswith("Error:") and url in done.stderr
            assert time.monotonic() - start < 8


def test_limits_upload_size_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RAPPORTEUR_MAX_UPLOAD_BYTES", "1000")
    client = Client(create_app(tmp_path / "lib.db"))
    response = client.post("/api/reviews?filename=r.txt", content=review_text(5).encode())
    assert response.status_code == 413 and response.json()["code"] == "source_too_large"
    assert library.list_reviews(tmp_path / "lib.db").total == 0


def test_limits_workers_for_ingest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "docs"
    for seed in (1, 2, 3):
        docs.mkdir(exist_ok=True)
        (docs / f"{seed}.txt").write_text(review_text(seed), encoding="utf-8")
    pools: list[int] = []
    real = library._run_pool
    monkeypatch.setattr(
        library, "_run_pool", lambda todo, n, s, r: (pools.append(n), real(todo, n, s, r))
    )
    db = str(tmp_path / "lib.db")
    assert run("ingest", str(docs), "--db", db, env={"RAPPORTEUR_WORKERS": "1"}).exit_code == 0
    assert pools == []  # one worker: analysed in this process
    result = run("ingest", str(docs), "--db", db, "--force", "-j", "2")
    assert result.exit_code == 0 and pools == [2]


def test_limits_workers_for_serve(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: list[Settings] = []
    monkeypatch.setattr(
        "rapporteur.web.app.serve", lambda db, settings, host, port: seen.append(settings)
    )
    assert run("serve", "--db", str(tmp_path / "l.db"), "--workers", "3").exit_code == 0
    assert (
        run("serve", "--db", str(tmp_path / "l.db"), env={"RAPPORTEUR_WORKERS": "2"}).exit_code == 0
    )
    assert [s.workers for s in seen] == [3, 2]


def test_limits_page_cache_is_invalidated_by_a_change(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    with Store(db) as store:
        store.put(copy.deepcopy(REVIEW))
    app = create_app(db, Settings(page_cache=8))
    client = Client(app)
    review_id = REVIEW["document"]["sha256"][:12]
    first = client.get(f"/reviews/{review_id}").text
    assert client.get(f"/reviews/{review_id}").text == first and app.state.page_cache.hits == 1
    changed = copy.deepcopy(REVIEW)
    changed["review"]["state_party"] = {"name": "Fictionland", "iso3": "GHA"}
    time.sleep(1.1)  # a later updated_at, as a real re-analysis has
    with Store(db) as store:  # another connection, as another process would
        assert store.put(changed)[0] == "updated"
    assert "Fictionland" in client.get(f"/reviews/{review_id}").text
    off = Client(create_app(db, Settings(page_cache=0)))
    off.get(f"/reviews/{review_id}")
    assert len(off.app.state.page_cache) == 0


def test_limits_time_limit_stops_an_analysis_and_stores_nothing(
    review_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A limit too short for any document: one sentence, the input exit code, nothing
    stored; the web upload gives the same error."""
    tiny = {"RAPPORTEUR_TIME_LIMIT": "0.000001"}
    one_error(run("analyze", str(review_file), env=tiny), 3, "longer than the limit")
    db = str(tmp_path / "lib.db")
    assert run("ingest", str(review_file), "--db", db).exit_code == 0
    result = run("ingest", str(review_file), "--db", db, "--force", env=tiny)
    assert result.exit_code != 0 and "longer than the limit" in result.output + result.stderr
    assert library.list_reviews(db).total == 1  # the earlier analysis is kept as it was
    monkeypatch.setenv("RAPPORTEUR_TIME_LIMIT", "0.000001")
    client = Client(create_app(tmp_path / "web.db"))
    response = client.post("/api/reviews?filename=r.txt", content=review_text(5).encode())
    assert response.status_code == 422 and response.json()["code"] == "analysis_too_slow"
    assert library.list_reviews(tmp_path / "web.db").total == 0
    monkeypatch.setenv("RAPPORTEUR_TIME_LIMIT", "0")  # 0: no limit
    assert run("analyze", str(review_file)).exit_code == 0
