"""The FICTIONAL annotated reviews and the scorer's way of matching and counting, shared by the
alignment benches (calibrate_alignment.py, train_status.py) and the calibration test.

Inputs: every fictional review annotated in tests/fixtures/annotations/<stem>.json (documents
in examples/) and in bench/alignment_data/. The corpus document in ../shared is never read
here: it is the held-out check. Metrics follow ../shared/eval/score.py: predicted questions
are matched to gold units on the same line with near-equal text; statuses are scored over all
gold units (an unmatched unit counts as wrong); hit@k is over gold answered/partial units with
answer lines.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from rapporteur import pipeline  # noqa: E402
from rapporteur.models import Review  # noqa: E402
from rapporteur.settings import Settings  # noqa: E402
from rapporteur.stages import ingest  # noqa: E402

ANNOTATIONS = (ROOT / "tests" / "fixtures" / "annotations", ROOT / "bench" / "alignment_data")
LABELS = ("unanswered", "partial", "answered")
UP_TO_QUESTIONS = ("language", "segment", "metadata", "speakers", "questions")


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip().casefold()


@dataclass
class Doc:
    stem: str
    review: Review
    gold: list[dict]
    match: list[int | None]
    """Gold unit -> index of the matched predicted question, or None."""


def load_docs(stems: set[str] | None = None) -> list[Doc]:
    """Every fictional annotated review (or those named), analysed up to the questions."""
    docs = []
    settings = Settings(align=False)
    for ann_path in sorted(p for folder in ANNOTATIONS for p in folder.glob("*.json")):
        if stems is not None and ann_path.stem not in stems:
            continue
        ann = json.loads(ann_path.read_text(encoding="utf-8"))
        if not ann.get("fictional"):
            continue
        text = (ROOT / ann["document"]).read_text(encoding="utf-8")
        document = ingest.document_from_bytes(
            text.encode("utf-8"), ann["document"], settings, name=ann["document"]
        )
        review = pipeline.run(Review(document=document), settings, UP_TO_QUESTIONS)
        gold = ann["questions"]
        docs.append(Doc(ann_path.stem, review, gold, match(review, gold)))
    return docs


def match(review: Review, gold: list[dict]) -> list[int | None]:
    cands = []
    for gi, g in enumerate(gold):
        for pi, q in enumerate(review.questions):
            if q.line != g["line"]:
                continue
            ratio = SequenceMatcher(None, fold(g["text"]), fold(q.text)).ratio()
            if ratio >= 0.8:
                cands.append((ratio, gi, pi))
    out: list[int | None] = [None] * len(gold)
    used: set[int] = set()
    for _, gi, pi in sorted(cands, reverse=True):
        if out[gi] is None and pi not in used:
            out[gi] = pi
            used.add(pi)
    return out


def status_metrics(
    gold: np.ndarray, pred: np.ndarray, sure: np.ndarray | None = None
) -> dict[str, float]:
    """Accuracy, macro-F1, unanswered F1 (labels index LABELS; -1: unmatched), and with `sure`
    the share of sure verdicts, their accuracy and the precision of sure "unanswered"."""
    out = {"status.accuracy": float((pred == gold).mean()) if len(gold) else 0.0}
    f1s = []
    for lab in range(3):
        tp = float(((pred == lab) & (gold == lab)).sum())
        npred, ngold = float((pred == lab).sum()), float((gold == lab).sum())
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    out["status.macro_f1"] = sum(f1s) / 3
    out["unanswered.f1"] = f1s[0]
    if sure is not None:
        out["status.sure_share"] = float(sure.mean()) if len(sure) else 0.0
        out["status.sure_accuracy"] = (
            float((pred[sure] == gold[sure]).mean()) if sure.any() else 0.0
        )
        su = sure & (pred == 0)
        out["unanswered.sure_precision"] = float((gold[su] == 0).mean()) if su.any() else 0.0
    return out


def hits(doc: Doc, answers_of: list[list[int]]) -> tuple[int, int, int]:
    """(hit@1, hit@3, counted) for one review, from each predicted question's answer lines."""
    h1 = h3 = n = 0
    for g, pi in zip(doc.gold, doc.match, strict=True):
        lines = {a["line"] for a in g.get("answers") or []}
        if g["status"] == "unanswered" or not lines:
            continue
        n += 1
        got = answers_of[pi] if pi is not None else []
        h1 += bool(got) and got[0] in lines
        h3 += bool(set(got[:3]) & lines)
    return h1, h3, n
