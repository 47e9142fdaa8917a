"""Faults around the library: an ingest killed at random points, two ingests at once, a full
disk, a damaged database file. Nothing already stored may be lost, nothing stored twice,
and every error says what to do (one line, no traceback)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rapporteur import library
from rapporteur.errors import StoreError
from rapporteur.store import Store
from tests.fictional import write_reviews

pytestmark = pytest.mark.slow


# Crash safety of the store is tested here: words-only linking keeps the runs short.
INGEST = [sys.executable, "-m", "rapporteur", "ingest", "--method", "lexical"]


def rapporteur(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rapporteur", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def check_library(db: Path) -> int:
    """Integrity, no duplicate content, and every stored review complete; its size."""
    with Store(db) as store:
        assert store.integrity_check() == "ok"
        conn = store.conn
        assert conn.execute("SELECT count(*) - count(DISTINCT sha256) FROM reviews").fetchone() == (
            0,
        )
        partial = conn.execute(
            "SELECT count(*) FROM reviews r WHERE n_questions != "
            "(SELECT count(*) FROM questions q WHERE q.review_id = r.id)"
        ).fetchone()[0]
        assert partial == 0
        return store.count()


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    write_reviews(folder, 30)
    return folder


def test_faults_ingest_killed_at_random_points(docs: Path, tmp_path: Path) -> None:
    """SIGKILL at several moments of an ingest: the library stays whole, keeps every review
    committed before the kill, and a rerun completes the job without duplicates."""
    rng = random.Random(7)
    for n, delay in enumerate(sorted(rng.uniform(0.8, 3.0) for _ in range(3))):
        db = tmp_path / f"lib{n}.db"
        proc = subprocess.Popen(
            [*INGEST, str(docs), "--db", str(db), "-j", "1"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        before = check_library(db) if db.exists() else 0
        rerun = rapporteur("ingest", str(docs), "--db", str(db), "--format", "json")
        assert rerun.returncode == 0, rerun.stderr
        assert check_library(db) == 30
        assert '"added": ' + str(30 - before) in rerun.stdout


def test_faults_two_ingests_at_once(docs: Path, tmp_path: Path) -> None:
    """Two processes ingest overlapping folders into one library at the same time: both
    finish, every review is there once."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    for path in sorted(docs.iterdir())[:20]:
        shutil.copy(path, a)
    for path in sorted(docs.iterdir())[10:]:
        shutil.copy(path, b)
    db = tmp_path / "lib.db"
    procs = [
        subprocess.Popen(
            [*INGEST, str(folder), "--db", str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in (a, b)
    ]
    outputs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert check_library(db) == 30


def _mount_tmpfs(where: Path, size: str) -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
    )
    return done.returncode == 0


def test_faults_full_disk_on_a_small_filesystem(docs: Path, tmp_path: Path) -> None:
    """A 1 MB filesystem fills up mid-ingest: exit 6 with what to do; what was stored
    before stays readable and whole."""
    small = tmp_path / "small"
    small.mkdir()
    if not _mount_tmpfs(small, "1m"):
        pytest.skip("cannot mount a small tmpfs here (needs root); see the max_page_count test")
    try:
        db = small / "lib.db"
        first = rapporteur("ingest", str(sorted(docs.iterdir())[0]), "--db", str(db))
        assert first.returncode == 0, first.stderr
        result = rapporteur("ingest", str(docs), "--db", str(db), "-j", "1")
        assert result.returncode == 6, (result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
        assert len(errors) == 1 and "full" in errors[0], result.stderr
        assert "Free some space" in result.stderr
        assert 1 <= check_library(db) < 30
        listed = rapporteur("list", "--db", str(db))
        assert listed.returncode == 0, listed.stderr
    finally:
        subprocess.run(["umount", str(small)], check=False)


def test_faults_full_disk_emulated_with_max_page_count(docs: Path, tmp_path: Path) -> None:
    """The same with SQLite's page limit (works without root): StoreError with the hint,
    and the reviews stored before are kept."""
    db = tmp_path / "lib.db"
    library.ingest_paths(sorted(docs.iterdir())[:2], db, workers=1)
    with Store(db) as store:
        (pages,) = store.conn.execute("PRAGMA page_count").fetchone()
        store.conn.execute(f"PRAGMA max_page_count = {pages + 40}")
        with pytest.raises(StoreError) as caught:
            library.ingest_paths([docs], store, workers=1)
    assert "full" in caught.value.message and "Free some space" in (caught.value.hint or "")
    assert check_library(db) >= 2


def _damage(db: Path, how: str) -> None:
    data = bytearray(db.read_bytes())
    if how == "truncated":
        db.write_bytes(bytes(data[: len(data) // 3]))
    elif how == "header":
        data[:100] = random.Random(1).randbytes(100)
        db.write_bytes(bytes(data))
    else:  # random bytes over many pages
        rng = random.Random(2)
        for _ in range(40):
            at = rng.randrange(4096, len(data) - 512)
            data[at : at + 512] = rng.randbytes(512)
        db.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["truncated", "header", "overwritten"])
def test_faults_damaged_library(docs: Path, tmp_path: Path, how: str) -> None:
    """A damaged file: a clear error that says what to do, never a traceback, and the file
    is left exactly as it was (never silently replaced by a new library)."""
    db = tmp_path / "lib.db"
    library.ingest_paths(sorted(docs.iterdir())[:8], db, workers=1)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _damage(db, how)
    damaged = db.read_bytes()
    new = tmp_path / "new.txt"
    shutil.copy(sorted(docs.iterdir())[20], new)
    for args in (
        ["list", "--db", str(db)],
        ["search", "remittances", "--db", str(db)],
        ["ingest", str(new), "--db", str(db)],
    ):
        result = rapporteur(*args)
        assert "Traceback" not in result.stderr, result.stderr
        if result.returncode == 0:  # the damage missed every page this command reads
            continue
        assert result.returncode == 6, (args, result.stdout, result.stderr)
        errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
        assert len(errors) == 1, result.stderr
        assert "damaged" in result.stderr or "not a rapporteur library" in result.stderr
        assert "backup" in result.stderr and "new library" in result.stderr, result.stderr
    assert db.read_bytes() == damaged
