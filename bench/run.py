"""Every benchmark behind one command, then one table (`make bench`).

    .venv/bin/python bench/run.py                # analysis, library, load, memory
    .venv/bin/python bench/run.py --only memory  # one of them
    .venv/bin/python bench/run.py --quick        # smaller runs, for a first look

Runs bench/analyze.py, bench/library.py (1,000 reviews, kept for the load test),
bench/load.py over that library, and measures peak memory (the process's own ru_maxrss,
from os.wait4) of rapporteur refusing the 200 MB text file by path, on standard input and
in `ingest`. Each part's own output is shown as it runs; the table at the end holds the
figures and the targets of issue 7. Exit code 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
MEMORY_LIMIT_MB = 1024

Row = tuple[str, str, str, str]  # part, figure, value, target (with ok / MISSED)


def _run(args: list[str]) -> str:
    """Run a bench script, echo its output, return it."""
    done = subprocess.run([PYTHON, *args], capture_output=True, text=True, cwd=ROOT)
    sys.stdout.write(done.stdout)
    sys.stderr.write(done.stderr)
    return done.stdout


def analysis(quick: bool) -> list[Row]:
    out = _run(["bench/analyze.py"] + (["--copies", "10"] if quick else []))
    rows: list[Row] = []
    budgets = {"lexical": 100.0, "semantic": 300.0}
    for method, budget in budgets.items():
        one = re.search(rf"\[{method}\] one document: median ([\d.]+) ms", out)
        if one:
            ms = float(one.group(1))
            verdict = "ok" if ms < budget else "MISSED"
            rows.append(
                (
                    "analysis",
                    f"one document, {method} (median)",
                    f"{ms:.0f} ms",
                    f"< {budget:.0f} ms: {verdict}",
                )
            )
        m = re.search(rf"\[{method}\] throughput: .* = ([\d.]+) ms per document", out)
        if m:
            rows.append(("analysis", f"per document in a batch, {method}", f"{m.group(1)} ms", ""))
        peak = re.search(rf"\[{method}\] peak memory of the process so far: (\d+) MB", out)
        if peak:
            rows.append(("analysis", f"peak memory, {method}", f"{peak.group(1)} MB", ""))
    return rows or [("analysis", "see the output above", "", "")]


def library_and_load(quick: bool, work: Path) -> list[Row]:
    reviews = "200" if quick else "1000"
    out = _run(["bench/library.py", "--reviews", reviews, "--keep", str(work)])
    rows: list[Row] = []
    m = re.search(r"([\d.]+) reviews/s", out)
    if m:
        rows.append(("library", f"ingest {reviews} reviews", f"{m.group(1)} reviews/s", ""))
    for line in out.splitlines():
        if line.startswith(("search + facets", "search, no facets", "read one review")):
            parts = line.split()
            label = line[:28].strip()
            p95 = parts[-2]
            target = "p95 < 50 ms" if label.startswith("search") else ""
            if target:
                target += ": " + ("ok" if float(p95) < 50 else "MISSED")
            rows.append(("library", f"{label} p95", f"{p95} ms", target))
    duration = "4" if quick else "15"
    load = subprocess.run(
        [
            PYTHON,
            "bench/load.py",
            "--library",
            str(work / "library.db"),
            "--json",
            "--duration",
            duration,
            "--mixed-duration",
            "10" if quick else "60",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    sys.stderr.write(load.stderr)
    try:
        results = json.loads(load.stdout)
    except json.JSONDecodeError:
        return [*rows, ("load", "failed", load.stdout[-200:], "MISSED")]
    for r in results:
        verdict = "ok" if r["ok"] else "MISSED"
        if r["target"] == "mixed":
            rows.append(
                (
                    "load",
                    "mixed: decisions saved, write/read p99 ms, errors, lost",
                    f"{r['saves']}, {r['write_p99_ms']:.0f}/{r['read_p99_ms']:.0f}, "
                    f"{r['errors']}, {r['lost']}",
                    f"p99 < 500, 0 errors, 0 lost: {verdict}",
                )
            )
            continue
        rows.append(
            (
                "load",
                f"{r['target']}: req/s, p50/p95/p99 ms, errors",
                f"{r['rps']:.0f}, {r['p50_ms']:.0f}/{r['p95_ms']:.0f}/{r['p99_ms']:.0f}, "
                f"{r['errors']}",
                f">= {r['goal_rps']:.0f} req/s, p99 < 500, 0 errors: {verdict}",
            )
        )
    return rows


def peak_rss_mb(args: list[str], stdin: Path | None = None) -> tuple[int, float]:
    """(exit code, peak RSS in MB) of `python -m rapporteur ARGS`, that process alone."""
    with open(stdin or os.devnull, "rb") as fh:
        proc = subprocess.Popen(
            [PYTHON, "-m", "rapporteur", *args],
            stdin=fh,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
        )
        _, status, usage = os.wait4(proc.pid, 0)
    return os.waitstatus_to_exitcode(status), usage.ru_maxrss / 1024


def memory(work: Path) -> list[Row]:
    from tests.hostile import write_big_text

    big = write_big_text(work / "huge-200mb.txt")
    rows: list[Row] = []
    try:
        for label, args, stdin in (
            ("analyze FILE (200 MB)", ["analyze", str(big)], None),
            ("analyze - < FILE (200 MB)", ["analyze", "-"], big),
            ("ingest FILE (200 MB)", ["ingest", str(big), "--db", str(work / "m.db")], None),
        ):
            code, rss = peak_rss_mb(args, stdin)
            verdict = "ok" if rss < MEMORY_LIMIT_MB else "MISSED"
            outcome = "refused" if code == 3 else f"exit {code}"
            rows.append(
                (
                    "memory",
                    f"{label}: {outcome}",
                    f"{rss:.0f} MB peak RSS",
                    f"< {MEMORY_LIMIT_MB} MB: {verdict}",
                )
            )
    finally:
        big.unlink()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only",
        choices=["analysis", "library", "memory"],
        default=None,
        help="Run one part (library includes the load test).",
    )
    parser.add_argument("--quick", action="store_true", help="Smaller runs.")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rapporteur-bench-"))
    rows: list[Row] = []
    if args.only in (None, "analysis"):
        rows += analysis(args.quick)
    if args.only in (None, "library"):
        rows += library_and_load(args.quick, work)
    if args.only in (None, "memory"):
        rows += memory(work)
    widths = [
        max(len(r[i]) for r in [*rows, ("part", "figure", "value", "target")]) for i in range(4)
    ]
    print()
    for row in [("part", "figure", "value", "target"), *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    sys.exit(1 if any("MISSED" in r[3] for r in rows) else 0)


if __name__ == "__main__":
    main()
