"""Load test: `rapporteur serve` on 127.0.0.1 over a library of N reviews, driven by a
bounded client (a fixed number of concurrent connections for a fixed time).

    .venv/bin/python bench/load.py                          # 1,000 reviews, 10 s per target
    .venv/bin/python bench/load.py --library /tmp/loadlib/library.db --duration 20
    .venv/bin/python bench/load.py --json                   # one JSON object (bench/run.py)

Two targets, one after the other: review pages (/reviews/{id}, ids drawn in a fixed random
order) and search (/search?q=..., the queries of bench/library.py). For each it prints
requests per second, p50/p95/p99 latency and the error count (any status but 200, and any
connection error or timeout). Targets on the 2-core reference machine: >= 200 req/s for
review pages and >= 100 for search, zero errors, p99 < 500 ms. Then a mixed load
(bench/load_mixed.py, `--mixed-duration`, default 60 s; 0 skips it) on a copy of the
library: 10 writers save decisions on statuses through the API while readers browse; zero
errors, zero lost decisions (counted afterwards), p99 < 500 ms. Exit code 1 when a target is
missed, so CI or a person can tell at a glance. Only ever connects to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.library import QUERIES, percentile  # noqa: E402
from bench.load_mixed import Mixed, report, run_mixed  # noqa: E402

HOST = "127.0.0.1"
TARGETS = {"review pages": 200.0, "search": 100.0}
"""Target -> requests per second it must sustain."""
P99_MS = 500.0


@dataclass(frozen=True, slots=True)
class Result:
    target: str
    requests: int
    errors: int
    seconds: float
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    goal_rps: float

    @property
    def ok(self) -> bool:
        return self.errors == 0 and self.rps >= self.goal_rps and self.p99_ms < P99_MS


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def build_library(db: Path, reviews: int) -> None:
    """Generate and ingest `reviews` fictional reviews (bench/library.py's generator)."""
    from rapporteur import library
    from tests.fictional import write_reviews

    docs = db.parent / "docs"
    write_reviews(docs, reviews)
    summary = library.ingest_paths([docs], db)
    print(f"library: {summary.reviews} reviews in {db}", file=sys.stderr)


def start_server(
    db: Path, port: int, workers: int | None, cache: bool = True
) -> subprocess.Popen[bytes]:
    env = {**os.environ, "RAPPORTEUR_PAGE_CACHE": "512" if cache else "0"}
    cmd = [str(ROOT / ".venv" / "bin" / "rapporteur"), "serve", "--db", str(db)]
    cmd += ["--host", HOST, "--port", str(port)]
    if workers:
        cmd += ["--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    import httpx

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode() if proc.stderr else ""
            raise SystemExit(f"rapporteur serve exited early: {err}")
        try:
            if httpx.get(f"http://{HOST}:{port}/", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("rapporteur serve did not answer within 30 s")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


async def drive(
    base: str, next_path: Callable[[], str], concurrency: int, duration: float
) -> tuple[list[float], int, float]:
    """`concurrency` clients, each sending its next request as soon as the last answered,
    until `duration` seconds have passed. Returns latencies (ms), errors, elapsed."""
    import httpx

    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=10) as client:
        stop = time.perf_counter() + duration

        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < stop:
                path = next_path()
                start = time.perf_counter()
                try:
                    response = await client.get(path)
                    await response.aread()
                    if response.status_code != 200:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append((time.perf_counter() - start) * 1000)

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return latencies, errors, time.perf_counter() - began


def measure(base: str, target: str, paths: list[str], concurrency: int, duration: float) -> Result:
    order = iter(paths * (1 + int(duration * 2000 // max(1, len(paths)))))

    def next_path() -> str:
        return next(order)

    asyncio.run(drive(base, next_path, concurrency, min(2.0, duration / 5)))  # warm up
    latencies, errors, seconds = asyncio.run(drive(base, next_path, concurrency, duration))
    return Result(
        target=target,
        requests=len(latencies),
        errors=errors,
        seconds=round(seconds, 2),
        rps=round(len(latencies) / seconds, 1),
        p50_ms=round(percentile(latencies, 0.50), 1),
        p95_ms=round(percentile(latencies, 0.95), 1),
        p99_ms=round(percentile(latencies, 0.99), 1),
        goal_rps=TARGETS[target],
    )


def run(
    db: Path, *, duration: float, concurrency: int, workers: int | None, cache: bool = True
) -> list[Result]:
    """Start a server over `db`, load it, stop it; the results per target."""
    from rapporteur import library

    ids = [r.id for r in library.list_reviews(db, limit=1000).reviews]
    rng = random.Random(7)
    review_paths = [f"/reviews/{rng.choice(ids)}" for _ in range(5000)]
    search_paths = [
        f"/search?q={q}" + (f"&committee={c}" if c else "")
        for q in QUERIES
        for c in ("", "CRC", "CMW")
    ]
    rng.shuffle(search_paths)
    port = free_port()
    proc = start_server(db, port, workers, cache)
    try:
        base = f"http://{HOST}:{port}"
        return [
            measure(base, "review pages", review_paths, concurrency, duration),
            measure(base, "search", search_paths, concurrency, duration),
        ]
    finally:
        stop_server(proc)


def mixed(
    db: Path, *, duration: float, writers: int, workers: int | None, think: float
) -> Mixed:
    """The mixed load on a copy of `db` (the library given is never written to)."""
    import sqlite3

    copy = Path(tempfile.mkdtemp(prefix="rapporteur-mixed-")) / "library.db"
    source, target = sqlite3.connect(db), sqlite3.connect(copy)
    with target:
        source.backup(target)
    source.close()
    target.close()
    port = free_port()
    proc = start_server(copy, port, workers, cache=True)
    try:
        return run_mixed(
            f"http://{HOST}:{port}", copy, duration=duration, writers=writers, think=think
        )
    finally:
        stop_server(proc)


def table(results: list[Result]) -> str:
    lines = [
        f"{'target':<14}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}"
        f"{'requests':>10}  goal"
    ]
    for r in results:
        verdict = "ok" if r.ok else "MISSED"
        lines.append(
            f"{r.target:<14}{r.rps:>8.1f}{r.p50_ms:>9.1f}{r.p95_ms:>9.1f}{r.p99_ms:>9.1f}"
            f"{r.errors:>8}{r.requests:>10}  >= {r.goal_rps:.0f} req/s, p99 < {P99_MS:.0f} ms:"
            f" {verdict}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=1000)
    parser.add_argument("--library", type=Path, default=None, help="Existing library to serve.")
    parser.add_argument("--duration", type=float, default=10.0, help="Seconds per target.")
    parser.add_argument("--concurrency", type=int, default=16, help="Concurrent connections.")
    parser.add_argument(
        "--workers", type=int, default=2, help="Server processes (serve --workers)."
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="Serve with the page cache off (worst case)."
    )
    parser.add_argument(
        "--mixed-duration", type=float, default=60.0, help="Seconds of mixed load (0: none)."
    )
    parser.add_argument("--writers", type=int, default=10, help="Writers in the mixed load.")
    parser.add_argument(
        "--think", type=float, default=0.5, help="Seconds between a writer's saves (0: none)."
    )
    parser.add_argument("--json", action="store_true", help="Print the results as JSON.")
    args = parser.parse_args()

    db = args.library
    if db is None or not db.exists():
        work = Path(tempfile.mkdtemp(prefix="rapporteur-load-"))
        db = work / "library.db"
        build_library(db, args.reviews)
    os.environ.pop("RAPPORTEUR_DB", None)
    results = run(
        db,
        duration=args.duration,
        concurrency=args.concurrency,
        workers=args.workers,
        cache=not args.no_cache,
    )
    both = None
    if args.mixed_duration > 0:
        both = mixed(
            db,
            duration=args.mixed_duration,
            writers=args.writers,
            workers=args.workers,
            think=args.think,
        )
    if args.json:
        rows = [asdict(r) | {"ok": r.ok} for r in results]
        if both is not None:
            rows.append({"target": "mixed"} | asdict(both) | {"ok": both.ok})
        print(json.dumps(rows, indent=2))
    else:
        print(table(results))
        if both is not None:
            print(report(both))
    sys.exit(0 if all(r.ok for r in results) and (both is None or both.ok) else 1)


if __name__ == "__main__":
    main()
