"""People's checked statuses (`rapporteur export REVIEW --format training`) as annotated
reviews for the alignment benches (train_status.py, calibrate_alignment.py: `--extra`).

Each `rapporteur/training@1` line (docs/exports.md) is one question a person checked in the
library. The benches learn from features the alignment stage computes on the document, so
the document is needed, not only the record: its original bytes are read from the library
(`--db`, else $RAPPORTEUR_DB, else the default library; by the record's `review` id) or, when
the library does not hold them, from the record's `origin` if that file is still there. Either
way its SHA-256 must be the record's `document_sha256`, so a changed file is never mistaken
for the one the person read. The document is analysed up to the questions exactly as an
annotated review is (alignment_eval.load_docs), and each record becomes a gold unit: the
question's line and text, the person's status (`label`), and as answer lines the passages the
person chose or kept (none under "unanswered").

- A document that is also one of the annotated fictional reviews is not added twice: the
  person's label replaces the annotation of that question (the person read the record; the
  annotation is older), and the questions the annotation lacks are added to it.
- The same question checked in several exported files counts once: the latest decision.
- Records whose document cannot be found, or whose question the analysis no longer finds
  (same line, near-equal text), are skipped and counted in the summary printed.

Whatever the team checked is learnt from: keep the held-out corpus document out of these
files, or the README's figures on it are no longer a held-out check.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alignment_eval import UP_TO_QUESTIONS, Doc, match

from rapporteur import pipeline
from rapporteur.errors import RapporteurError
from rapporteur.models import Review
from rapporteur.settings import Settings
from rapporteur.stages import ingest

SCHEMA = "rapporteur/training@1"
STATUSES = ("answered", "partial", "unanswered")


@dataclass
class Loaded:
    """The extra reviews, and what could not be used."""

    docs: list[Doc] = field(default_factory=list)
    records: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, why: str, n: int = 1) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + n

    def summary(self) -> str:
        used = sum(len(d.gold) for d in self.docs)
        text = f"--extra: {used} checked questions of {len(self.docs)} documents"
        if self.skipped:
            text += "; skipped " + ", ".join(f"{n} ({why})" for why, n in self.skipped.items())
        return text


def read_records(paths: Iterable[Path], out: Loaded) -> list[dict[str, Any]]:
    """Every usable record of the files, the latest decision per question."""
    latest: dict[tuple[str, int, str], dict[str, Any]] = {}
    usable = 0
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: not JSON ({exc.msg})") from None
            out.records += 1
            q = record.get("question") or {}
            if (
                record.get("schema") != SCHEMA
                or record.get("label") not in STATUSES
                or not isinstance(q.get("line"), int)
                or not q.get("text")
            ):
                out.skip("not a rapporteur/training@1 record")
                continue
            usable += 1
            key = (str(record.get("document_sha256")), q["line"], str(q["text"]))
            old = latest.get(key)
            if old is None or _when(record) >= _when(old):
                latest[key] = record
    if usable > len(latest):
        out.skip("an earlier decision on the same question", usable - len(latest))
    return list(latest.values())


def _when(record: dict[str, Any]) -> tuple[str, int]:
    number = record.get("decision")
    return str(record.get("at") or ""), number if isinstance(number, int) else 0


def _open_library(db: str | Path | None) -> Any:
    from rapporteur import library

    where = library.resolve_db(db)
    if str(where) == ":memory:" or not Path(where).exists():
        return None
    return library.open_library(where)


def document_bytes(record: dict[str, Any], store: Any) -> bytes | None:
    """The original bytes of the document the person read (library, else origin), checked
    against the record's SHA-256."""
    sha = record.get("document_sha256")
    candidates: list[bytes] = []
    if store is not None and record.get("review"):
        try:
            raw = store.source(str(record["review"]))
        except RapporteurError:
            raw = None
        if raw is not None:
            candidates.append(raw)
    origin = record.get("origin")
    if origin and "://" not in str(origin) and Path(origin).is_file():
        candidates.append(Path(origin).read_bytes())
    return next((raw for raw in candidates if hashlib.sha256(raw).hexdigest() == sha), None)


def gold_unit(record: dict[str, Any]) -> dict[str, Any]:
    """A record as an annotation's question unit."""
    q = record["question"]
    answers = [] if record["label"] == "unanswered" else record.get("evidence") or []
    return {
        "line": q["line"],
        "text": q["text"],
        "status": record["label"],
        "answers": [{"line": a["line"]} for a in answers if isinstance(a.get("line"), int)],
    }


def load_extra(paths: Iterable[Path], db: str | Path | None = None) -> Loaded:
    """The documents of the records, analysed up to the questions, with their units."""
    out = Loaded()
    records = read_records(paths, out)
    by_document: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        by_document.setdefault(str(record.get("document_sha256")), []).append(record)
    settings = Settings(align=False)
    store = _open_library(db)
    try:
        for sha, mine in sorted(by_document.items()):
            raw = document_bytes(mine[0], store)
            if raw is None:
                out.skip("document not in the library nor at its origin", len(mine))
                continue
            origin = str(mine[0].get("origin") or sha)
            document = ingest.document_from_bytes(raw, origin, settings, name=Path(origin).name)
            review = pipeline.run(Review(document=document), settings, UP_TO_QUESTIONS)
            gold = [gold_unit(r) for r in sorted(mine, key=lambda r: r["question"]["line"])]
            found = match(review, gold)
            kept = [(g, pi) for g, pi in zip(gold, found, strict=True) if pi is not None]
            if len(kept) < len(gold):
                out.skip("question not found by the analysis", len(gold) - len(kept))
            if kept:
                stem = f"checked:{mine[0].get('review') or sha[:12]}"
                out.docs.append(Doc(stem, review, [g for g, _ in kept], [pi for _, pi in kept]))
    finally:
        if store is not None:
            store.close()
    return out


def merge(docs: list[Doc], extra: list[Doc]) -> list[Doc]:
    """The annotated reviews with the people's checks: a checked question of an annotated
    document takes the person's label (and evidence, when they gave some); the others are
    added to it; documents no annotation covers are added as reviews of their own."""
    by_sha = {d.review.document.sha256: d for d in docs}
    out = list(docs)
    for e in extra:
        base = by_sha.get(e.review.document.sha256)
        if base is None:
            out.append(e)
            continue
        gold, found = list(base.gold), list(base.match)
        for unit, pi in zip(e.gold, e.match, strict=True):
            if pi in found:
                k = found.index(pi)
                gold[k] = {**gold[k], "status": unit["status"]}
                if unit["answers"] or unit["status"] == "unanswered":
                    gold[k]["answers"] = unit["answers"]
            else:
                gold.append(unit)
                found.append(pi)
        out[out.index(base)] = Doc(base.stem, base.review, gold, found)
    return out
