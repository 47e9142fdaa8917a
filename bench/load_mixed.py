"""The mixed load of bench/load.py: people saving decisions while others browse.

`writers` clients each go through their own questions of the library's reviews, saving a
decision on each through the JSON API (`POST /api/reviews/{id}/questions/{qid}/decision`)
with the version they last saw, `think` seconds apart (default 0.5: a person reads the
exchange before saving; ten such people offer 20 saves a second, far more than a team does;
`--think 0` makes it a saturation test), while `readers` clients load the review pages being
written to, without pause. Afterwards the decisions table is counted: every save the server
acknowledged must be there, and each question's standing decision must be the last one its
writer saved (zero lost decisions). Any status but 200, and any 409 (writers never share a
question, so a conflict would mean a lost update), counts as an error. Goal on 2 cores: zero
errors, zero lost, p99 of every request < 500 ms.
"""

from __future__ import annotations

import asyncio
import itertools
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

STATUSES = ("answered", "partial", "unanswered")


@dataclass(frozen=True, slots=True)
class Mixed:
    seconds: float
    saves: int
    reads: int
    errors: int
    lost: int
    write_p50_ms: float
    write_p99_ms: float
    read_p50_ms: float
    read_p99_ms: float
    p99_ms: float

    @property
    def ok(self) -> bool:
        return self.errors == 0 and self.lost == 0 and self.p99_ms < 500.0


def questions_of(db: Path, limit: int) -> list[tuple[str, str, int]]:
    """(review id, question id, current decision id) of the first `limit` reviews."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT r.id, q.qid FROM reviews r JOIN questions q ON q.review_id = r.id "
            "WHERE r.id IN (SELECT id FROM reviews WHERE n_questions > 0 ORDER BY seq LIMIT ?) "
            "ORDER BY r.seq, q.id",
            (limit,),
        ).fetchall()
        import json

        versions: dict[tuple[str, str], int] = {}
        for rid, data in conn.execute(
            "SELECT id, data FROM reviews WHERE id IN (SELECT DISTINCT review_id FROM questions)"
        ):
            for q in json.loads(data).get("questions") or []:
                versions[(rid, q["id"])] = (q.get("decision") or {}).get("id", 0)
    finally:
        conn.close()
    return [(rid, qid, versions.get((rid, qid), 0)) for rid, qid in rows]


def decision_count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM decisions").fetchone()[0])
    finally:
        conn.close()


def standing(db: Path, review_id: str) -> dict[str, int]:
    """question id -> the id of its standing decision, as the library shows it."""
    import json

    conn = sqlite3.connect(db)
    try:
        (data,) = conn.execute("SELECT data FROM reviews WHERE id = ?", (review_id,)).fetchone()
    finally:
        conn.close()
    return {
        q["id"]: (q.get("decision") or {}).get("id", 0)
        for q in json.loads(data).get("questions") or []
    }


def _decision_id(body: Any) -> int:
    """The saved decision's id from the API's answer (the question, possibly wrapped)."""
    if isinstance(body, dict):
        if isinstance(body.get("decision"), dict):
            return int(body["decision"]["id"])
        for value in body.values():
            if isinstance(value, dict) and isinstance(value.get("decision"), dict):
                return int(value["decision"]["id"])
    raise ValueError("no decision in the answer")


async def _load(
    base: str,
    pairs: list[tuple[str, str, int]],
    writers: int,
    readers: int,
    duration: float,
    think: float,
) -> tuple[list[float], list[float], int, int, dict[tuple[str, str], int]]:
    import httpx

    write_ms: list[float] = []
    read_ms: list[float] = []
    errors = 0
    saves = 0
    last: dict[tuple[str, str], int] = {}
    shares = [pairs[n::writers] for n in range(writers)]
    pages = itertools.cycle(sorted({f"/reviews/{rid}" for rid, _, _ in pairs}))
    limits = httpx.Limits(max_connections=writers + readers)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=10) as client:
        stop = time.perf_counter() + duration

        async def writer(n: int) -> None:
            nonlocal errors, saves
            versions = {(rid, qid): v for rid, qid, v in shares[n]}
            for step in itertools.count():
                if time.perf_counter() >= stop or not shares[n]:
                    return
                rid, qid, _ = shares[n][step % len(shares[n])]
                body = {
                    "status": STATUSES[(step + n) % 3],
                    "evidence": None,
                    "note": f"load writer {n} step {step}",
                    "version": versions[(rid, qid)],
                    "by": f"writer{n}",
                }
                start = time.perf_counter()
                try:
                    r = await client.post(f"/api/reviews/{rid}/questions/{qid}/decision", json=body)
                    if r.status_code == 200:
                        versions[(rid, qid)] = last[(rid, qid)] = _decision_id(r.json())
                        saves += 1
                    else:
                        errors += 1
                except (httpx.HTTPError, ValueError):
                    errors += 1
                write_ms.append((time.perf_counter() - start) * 1000)
                await asyncio.sleep(think)

        async def reader() -> None:
            nonlocal errors
            while time.perf_counter() < stop:
                start = time.perf_counter()
                try:
                    r = await client.get(next(pages))
                    await r.aread()
                    errors += r.status_code != 200
                except httpx.HTTPError:
                    errors += 1
                read_ms.append((time.perf_counter() - start) * 1000)

        await asyncio.gather(
            *(writer(n) for n in range(writers)), *(reader() for _ in range(readers))
        )
    return write_ms, read_ms, errors, saves, last


def _pct(values: list[float], q: float) -> float:
    from bench.library import percentile

    return round(percentile(values, q), 1) if values else 0.0


def run_mixed(
    base: str,
    db: Path,
    *,
    duration: float,
    writers: int = 10,
    readers: int = 6,
    reviews: int = 20,
    think: float = 0.5,
) -> Mixed:
    """Run the mixed load against a server over `db` at `base`; count what was kept."""
    pairs = questions_of(db, reviews)
    before = decision_count(db)
    began = time.perf_counter()
    write_ms, read_ms, errors, saves, last = asyncio.run(
        _load(base, pairs, writers, readers, duration, think)
    )
    seconds = time.perf_counter() - began
    lost = abs(decision_count(db) - before - saves)
    for rid in {rid for rid, _ in last}:
        now = standing(db, rid)
        lost += sum(now.get(qid) != v for (r, qid), v in last.items() if r == rid)
    every = write_ms + read_ms
    return Mixed(
        seconds=round(seconds, 1),
        saves=saves,
        reads=len(read_ms),
        errors=errors,
        lost=lost,
        write_p50_ms=_pct(write_ms, 0.50),
        write_p99_ms=_pct(write_ms, 0.99),
        read_p50_ms=_pct(read_ms, 0.50),
        read_p99_ms=_pct(read_ms, 0.99),
        p99_ms=_pct(every, 0.99),
    )


def report(m: Mixed) -> str:
    verdict = "ok" if m.ok else "MISSED"
    return (
        f"mixed: {m.saves} decisions saved by writers, {m.reads} review pages read in "
        f"{m.seconds} s; errors {m.errors}, lost decisions {m.lost}; writes p50 "
        f"{m.write_p50_ms} ms p99 {m.write_p99_ms} ms; reads p50 {m.read_p50_ms} ms p99 "
        f"{m.read_p99_ms} ms; all p99 {m.p99_ms} ms (goal: 0 errors, 0 lost, p99 < 500 ms): "
        f"{verdict}"
    )


if __name__ == "__main__":  # pragma: no cover - run through bench/load.py
    raise SystemExit("Run bench/load.py (it starts the server and adds this mixed load).")
