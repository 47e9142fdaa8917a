"""Calibrate the alignment stage's weights and thresholds on the FICTIONAL annotated reviews.

    python bench/calibrate_alignment.py            # search, print metrics and chosen values
    python bench/calibrate_alignment.py --current  # only print the metrics of PARAMS as committed
    python bench/calibrate_alignment.py --loo      # also leave-one-document-out figures

Inputs: every fictional review annotated in tests/fixtures/annotations/<stem>.json (documents
in examples/) and in bench/alignment_data/ (harder reviews written for this stage: long
multi-topic responses, answers out of order, paraphrase, traps). The corpus document in
../shared is never read here: it is the held-out check.

Metrics are computed as ../shared/eval/score.py does: predicted questions are matched to gold
units on the same line with near-equal text; status accuracy and macro-F1 are over all gold
units (an unmatched unit counts as wrong); hit@1 is over gold answered/partial units that have
answer lines, and counts when the top-scored answer's line is one of them.

Search: the retrieval weights (query context, paragraph share, structural prior) by coordinate
ascent from the current values, each candidate judged by the best thresholds it allows; then the
thresholds by exhaustive grid, taking the centre of the plateau of near-best settings rather than
a single lucky corner. The objective is the mean of the four metrics over the pooled questions.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import time
import unicodedata
from dataclasses import asdict, dataclass, replace
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapporteur import pipeline  # noqa: E402
from rapporteur.models import Review  # noqa: E402
from rapporteur.settings import Settings  # noqa: E402
from rapporteur.stages import alignment, ingest  # noqa: E402
from rapporteur.stages.alignment import PARAMS, Features, Params  # noqa: E402

ANNOTATIONS = (ROOT / "tests" / "fixtures" / "annotations", ROOT / "bench" / "alignment_data")
LABELS = ("answered", "partial", "unanswered")
UP_TO_QUESTIONS = ("segment", "metadata", "speakers", "questions")

RETRIEVAL_GRID: dict[str, tuple[float, ...]] = {
    "context_weight": (0.0, 0.15, 0.25, 0.4),
    "anaphor_weight": (0.3, 0.45, 0.6, 0.8, 1.0),
    "paragraph_weight": (0.0, 0.15, 0.3, 0.45, 0.6),
    "passage": (-1, 1, 2),
    "context_terms": (2, 3, 5),
    "context_decay": (0.3, 0.5, 0.8),
    "same_round": (0.0, 0.25, 0.5, 0.75, 1.0),
    "later_round": (0.0, 0.15, 0.25, 0.4, 0.6, 0.75),
    "earlier_round": (0.0, 0.1, 0.2, 0.3, 0.5),
    "presentation": (0.0, 0.1, 0.2, 0.3),
    "other": (0.0, 0.05, 0.1),
    "order": (0.0, 0.1, 0.2, 0.4),
    "window": (0, 1),
    "runner_up": (0.7, 0.8, 0.9, 1.0),
    "b": (0.3, 0.5, 0.75),
    "k1": (0.9, 1.2, 1.5),
    "quantity_boost": (0.0, 0.5, 1.0, 2.0),
    "time_boost": (0.0, 0.5, 1.0, 2.0),
    "reason_boost": (0.0, 0.5, 1.0, 2.0),
}
THRESHOLD_GRID: dict[str, tuple[float, ...]] = {
    "answered_score": tuple(np.round(np.arange(0.15, 0.61, 0.05), 3)),
    "partial_score": tuple(np.round(np.arange(0.05, 0.36, 0.05), 3)),
    "answered_cover": (0.3, 0.45, 0.6, 0.75),
    "partial_cover": (0.0, 0.15, 0.3),
    "part_cover": (0.0, 0.2, 0.3, 0.4, 0.5),
    # Not searched: a design rule of the stage (issue 3). A question whose words turn up only
    # in an unrelated answer stays unanswered, so the evidence must share at least one of the
    # question's head terms. Searching it on the fictional set prefers 0.0 (objective 0.859
    # against 0.830): some paraphrased answers share no head term with their question.
    "partial_head": (0.01,),
    # The focus terms (the question's rarest words over the whole document) must be found in
    # the best passage: for a partial answer, and (more of them) for an answered one.
    "partial_focus": (0.0, 0.01, 0.3, 0.5),
    "answered_focus": (0.0, 0.3, 0.5, 0.7, 1.0),
    # 1: an answer lacking the type the question asks for (a figure, a date, a reason) is at
    # most partial.
    "typed_status": (0.0, 1.0),
}


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
    match: list[int | None]  # gold unit -> index of the predicted question


def load_docs() -> list[Doc]:
    docs = []
    settings = Settings(align=False)
    for ann_path in sorted(p for folder in ANNOTATIONS for p in folder.glob("*.json")):
        ann = json.loads(ann_path.read_text(encoding="utf-8"))
        if not ann.get("fictional"):
            continue
        text = (ROOT / ann["document"]).read_text(encoding="utf-8")
        document = ingest.document_from_bytes(
            text.encode("utf-8"), ann["document"], settings, name=ann["document"]
        )
        # Only the stages alignment needs: the later ones cannot change the questions.
        review = pipeline.run(Review(document=document), settings, UP_TO_QUESTIONS)
        gold = ann["questions"]
        docs.append(Doc(ann_path.stem, review, gold, _match(review, gold)))
    return docs


def _match(review: Review, gold: list[dict]) -> list[int | None]:
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


@dataclass
class Table:
    """Per gold unit: decision features (NaN when unmatched), gold label and hit@1."""

    score: np.ndarray
    cover: np.ndarray
    head: np.ndarray
    focus: np.ndarray
    min_part: np.ndarray
    multi: np.ndarray
    empty: np.ndarray
    missing: np.ndarray  # the expected answer type is not in the best passage
    matched: np.ndarray
    gold: np.ndarray  # index into LABELS
    hit: np.ndarray  # top answer in gold lines
    counts: np.ndarray  # gold answered/partial with answer lines


def table(docs: list[Doc], params: Params) -> Table:
    rows = []
    for doc in docs:
        feats: list[Features] = alignment.features(doc.review, params, focus=True)
        for g, pi in zip(doc.gold, doc.match, strict=True):
            lines = {a["line"] for a in g.get("answers") or []}
            f = feats[pi] if pi is not None else None
            counts = g["status"] != "unanswered" and bool(lines)
            hit = bool(f and f.answers and f.answers[0].line in lines)
            rows.append(
                (
                    f.score if f else 0.0,
                    f.cover if f else 0.0,
                    f.head_cover if f else 0.0,
                    f.focus_cover if f else 0.0,
                    min(f.part_covers) if f and f.part_covers else 1.0,
                    bool(f and len(f.part_covers) > 1),
                    bool(f and f.empty),
                    bool(f and f.missing_type),
                    f is not None,
                    LABELS.index(g["status"]),
                    hit and counts,
                    counts,
                )
            )
    cols = list(zip(*rows, strict=True))
    return Table(*(np.array(c) for c in cols))


def predict(t: Table, th: np.ndarray) -> np.ndarray:
    """Labels for threshold rows th[:, 9] = answered_score, partial_score, answered_cover,
    partial_cover, part_cover, partial_head, partial_focus, answered_focus, typed_status
    (mirrors alignment.decide); -1 for unmatched."""
    a_s, p_s, a_c, p_c, part, p_h, p_f, a_f, typed = (th[:, i : i + 1] for i in range(9))
    score, cover, focus = t.score[None, :], t.cover[None, :], t.focus[None, :]
    unans = t.empty[None, :] | (score < p_s) | (cover < p_c) | (t.head[None, :] < p_h)
    unans |= focus < p_f
    multi_short = t.multi[None, :] & (t.min_part[None, :] < part)
    answered = ~unans & ~multi_short & (score >= a_s) & (cover >= a_c) & (focus >= a_f)
    answered &= ~((typed > 0) & t.missing[None, :])
    out = np.where(unans, 2, np.where(answered, 0, 1))
    return np.where(t.matched[None, :], out, -1)


def metrics(t: Table, pred: np.ndarray) -> dict[str, np.ndarray]:
    gold = t.gold[None, :]
    acc = (pred == gold).mean(axis=1)
    f1s = []
    for lab in range(3):
        tp = ((pred == lab) & (gold == lab)).sum(axis=1)
        npred = (pred == lab).sum(axis=1)
        ngold = (gold == lab).sum(axis=1)
        p = np.where(npred > 0, tp / np.maximum(npred, 1), 0.0)
        r = np.where(ngold > 0, tp / np.maximum(ngold, 1), 0.0)
        f1s.append(np.where(p + r > 0, 2 * p * r / np.maximum(p + r, 1e-12), 0.0))
    hit = t.hit.sum() / max(t.counts.sum(), 1)
    return {
        "status.accuracy": acc,
        "status.macro_f1": sum(f1s) / 3,
        "unanswered.f1": f1s[2],
        "answers.hit_at_1": np.full_like(acc, hit),
    }


def objective(m: dict[str, np.ndarray]) -> np.ndarray:
    return sum(m.values()) / len(m)


_TH_NAMES = tuple(THRESHOLD_GRID)
_TH = np.array(list(itertools.product(*THRESHOLD_GRID.values())))
_TH = _TH[_TH[:, 1] <= _TH[:, 0]]  # partial score never above the answered score
_TH = _TH[_TH[:, 3] <= _TH[:, 2]]
_TH = _TH[_TH[:, 6] <= _TH[:, 7]]


def best_thresholds(t: Table) -> tuple[float, np.ndarray]:
    """Best objective and the centre of its plateau (settings within 0.005 of the best)."""
    obj = objective(metrics(t, predict(t, _TH)))
    top = obj.max()
    near = _TH[obj >= top - 0.005]
    centre = np.median(near, axis=0)
    # Snap the centre to the nearest setting that is itself near-best.
    scale = np.array([np.ptp(v) or 1.0 for v in THRESHOLD_GRID.values()])
    chosen = near[np.argmin((np.abs(near - centre) / scale).sum(axis=1))]
    return float(top), chosen


def with_thresholds(params: Params, th: np.ndarray) -> Params:
    return replace(params, **{k: float(v) for k, v in zip(_TH_NAMES, th, strict=True)})


def search(docs: list[Doc], start: Params, rounds: int = 3) -> Params:
    current = start
    best, th = best_thresholds(table(docs, current))
    print(f"start: objective {best:.4f}")
    for r in range(rounds):
        improved = False
        for name, values in RETRIEVAL_GRID.items():
            for v in values:
                if getattr(current, name) == v:
                    continue
                cand = replace(current, **{name: v})
                obj, cand_th = best_thresholds(table(docs, cand))
                if obj > best + 1e-9:
                    best, current, th, improved = obj, cand, cand_th, True
                    print(f"  round {r + 1}: {name} = {v} -> objective {best:.4f}")
        if not improved:
            break
    return with_thresholds(current, th)


def report(docs: list[Doc], params: Params, title: str) -> dict[str, float]:
    t = table(docs, params)
    th = np.array([[getattr(params, k) for k in _TH_NAMES]])
    m = {k: float(v[0]) for k, v in metrics(t, predict(t, th)).items()}
    print(f"{title}: " + ", ".join(f"{k} {v:.3f}" for k, v in m.items()))
    return m


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--current", action="store_true", help="only report the committed PARAMS")
    ap.add_argument("--loo", action="store_true", help="leave-one-document-out check")
    args = ap.parse_args()
    t0 = time.perf_counter()
    docs = load_docs()
    n = sum(len(d.gold) for d in docs)
    print(
        f"{len(docs)} fictional annotated reviews, {n} question units: "
        + ", ".join(d.stem for d in docs)
    )
    for d in docs:
        report([d], PARAMS, f"  {d.stem:32} PARAMS")
    report(docs, PARAMS, "pooled PARAMS (committed)")
    if args.current:
        return
    chosen = search(docs, PARAMS)
    report(docs, chosen, "pooled chosen")
    if args.loo:
        for i, held in enumerate(docs):
            rest = docs[:i] + docs[i + 1 :]
            _, th = best_thresholds(table(rest, chosen))
            report([held], with_thresholds(chosen, th), f"  held out {held.stem:24}")
    print("chosen values (paste into rapporteur/stages/alignment.py PARAMS):")
    base = asdict(Params())
    for k, v in asdict(chosen).items():
        mark = "" if v == base[k] else "   (default differs)"
        print(f"    {k}={v!r},{mark}")
    print(f"{time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
