"""Library benchmark: ingest N varied fictional reviews, then time searches and page reads.

    .venv/bin/python bench/library.py                 # 1,000 reviews, one worker per core
    .venv/bin/python bench/library.py --reviews 200 --workers 2 --keep /tmp/bench

Prints ingest throughput (reviews per second) and p50/p95 latency of searches (with and
without facets, with filters), listing and review reads. The target for search is a p95
under 50 ms on 1,000 reviews. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapporteur import library  # noqa: E402
from rapporteur.settings import Settings  # noqa: E402
from tests.fictional import write_reviews  # noqa: E402

QUERIES = [
    "remittances",
    "trafficking",
    "domestic workers",
    '"domestic workers"',
    "detention OR custody",
    "shelters AND violence",
    "child*",
    "birth registration",
    "hate speech social media",
    "indigenous land",
    "Paris Principles",
    "minimum age criminal responsibility",
    "returnees reintegration",
    "labour inspectors",
    "maternal mortality",
    "inclusive education budget",
    "Committee",  # matches nearly everything: the worst case for ranking and facets
    "delegation said",
]
FILTERS = [
    {},
    {"committee": "CMW"},
    {"country": "NOR"},
    {"year": "2015-2020"},
    {"side": "delegation"},
    {"status": "unanswered"},
    {"kind": "question"},
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3, help="Runs of each query and filter.")
    parser.add_argument("--keep", type=Path, default=None, help="Folder to keep docs and db in.")
    parser.add_argument(
        "--method",
        choices=["semantic", "lexical"],
        default="lexical",
        help="Linking method for ingest (lexical: the store is measured here, not the model; "
        "bench/analyze.py times the model).",
    )
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="rapporteur-bench-"))
    docs, db = work / "docs", work / "library.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    write_reviews(docs, args.reviews)
    print(f"generated {args.reviews} fictional reviews in {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    summary = library.ingest_paths(
        [docs], db, settings=Settings(method=args.method), workers=args.workers
    )
    elapsed = time.perf_counter() - start
    print(
        f"ingest: {summary.added} added, {summary.failed} failed in {elapsed:.1f} s with "
        f"{args.workers} worker(s): {summary.added / elapsed:.1f} reviews/s"
    )
    failures = [i for i in summary.items if i.outcome == "failed"]
    for item in failures[:5]:
        print(f"  failed {item.source}: {item.reason}")
    start = time.perf_counter()
    again = library.ingest_paths([docs], db, workers=args.workers)
    print(
        f"re-ingest (all skipped by sha256): {again.skipped} skipped in "
        f"{time.perf_counter() - start:.2f} s"
    )
    print(f"library: {db.stat().st_size / 1_048_576:.1f} MB")

    store = library.open_library(db)
    rows: list[tuple[str, list[float], int]] = []
    for facets in (True, False):
        times: list[float] = []
        hits = 0
        for query in QUERIES:
            for filt in FILTERS:
                filters = library.make_filters(**filt)  # type: ignore[arg-type]

                def run(q: str = query, f: library.Filters = filters, fc: bool = facets) -> None:
                    nonlocal hits
                    hits += library.search(q, store, filters=f, facets=fc).total

                run()  # warm
                times += timed(run, args.repeat)
        label = "search + facets (web/API)" if facets else "search, no facets (CLI)"
        rows.append((label, times, hits // (args.repeat + 1)))
    ids = [r.id for r in library.list_reviews(store, limit=1000).reviews]
    rows.append(("list 100 reviews", timed(lambda: library.list_reviews(store), 50), 0))
    rows.append(
        (
            "list, filtered + sorted",
            timed(
                lambda: library.list_reviews(
                    store, filters=library.make_filters(committee="CRC"), sort="unanswered"
                ),
                50,
            ),
            0,
        )
    )
    rows.append(
        (
            "read one review",
            timed(lambda: library.get_review(ids[len(ids) // 2], store), 200),
            0,
        )
    )
    store.close()

    print()
    print(f"{'operation':<28}{'runs':>6}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    for label, times, _ in rows:
        print(
            f"{label:<28}{len(times):>6}{statistics.median(times):>9.1f}"
            f"{percentile(times, 0.95):>9.1f}{max(times):>9.1f}"
        )
    print(f"\n(files in {work})")


if __name__ == "__main__":
    main()
