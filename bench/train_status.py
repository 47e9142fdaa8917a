"""Train the status model (rapporteur/stages/status_model.py) on the FICTIONAL annotated reviews.

    python bench/train_status.py            # train both methods, report, write the model file
    python bench/train_status.py --dry-run  # report only
    python bench/train_status.py --extra checked.jsonl [more.jsonl ...] [--db LIBRARY]

For each method (semantic, lexical): the features of every question of every fictional review
(bench/alignment_eval.py; never the corpus document), an ordinal logistic model fitted by
L-BFGS-B with an L2 penalty and non-negative weights on the evidence-strength features, then
leave-one-review-out: each review is judged by a model trained on the others. Those held-out
predictions set the temperature that calibrates the confidence and, per status, the lowest
confidence at which the held-out verdicts were right at least TARGET of the time; below it a
verdict `needs_check`. The final weights are fitted on all reviews. Needs scipy (dev extra).

`--extra FILE.jsonl ...` adds the statuses people checked in the library, as exported by
`rapporteur export REVIEW --format training` (bench/training_data.py): each checked document
(read from the library given with `--db`, or from its origin path, and checked against its
SHA-256) is analysed like an annotated review and its checked questions are its gold units,
labelled with the person's status; a checked question of an annotated fictional review takes
the person's label instead of the annotation. Those documents then take part like any other
review: in the leave-one-review-out estimates that set the temperature, class weights and
needs_check thresholds, and in the final fit. The model file records how many units came from
people's checks. Keep the held-out corpus document out of the extra files.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
from scipy.optimize import minimize, minimize_scalar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from alignment_eval import LABELS, ROOT, Doc, hits, load_docs, status_metrics
from training_data import load_extra, merge

from rapporteur.stages import alignment, status_model
from rapporteur.stages.status_model import FEATURES, OrdinalModel, choose

OUT = ROOT / "rapporteur" / "data" / status_model.MODEL_FILE
L2 = 1.0
"""Penalty on the squared standardised weights (per training set, not per unit)."""
TARGET = 0.9
"""A verdict is sure when held-out verdicts of its status at that confidence were right at
least this often."""
GRID = np.round(np.arange(0.40, 0.96, 0.01), 2)
MIN_SUPPORT = 15
"""Held-out verdicts a threshold must rest on."""


def table(
    docs: list[Doc], semantic: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, list[list[list[int]]]]:
    """Feature rows, gold labels (LABELS index), whether the tool found the unit, the review
    index of every gold unit, and each predicted question's answer lines per review."""
    rows, gold, found, group, lines = [], [], [], [], []
    for d, doc in enumerate(docs):
        feats = alignment.features(doc.review, alignment.PARAMS, semantic)
        for g, pi in zip(doc.gold, doc.match, strict=True):
            f = feats[pi] if pi is not None else None
            rows.append(status_model.vector(f) if f is not None else [0.0] * len(FEATURES))
            gold.append(LABELS.index(g["status"]))
            found.append(f is not None)
            group.append(d)
        lines.append([[a.line for a in f.answers] for f in feats])
    x = np.array(rows, dtype=float)
    return x, np.array(gold), np.array(found), np.array(group), lines


def fit(x: np.ndarray, y: np.ndarray, method: str) -> OrdinalModel:
    """Ordinal logistic regression (cumulative logit)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    k = z.shape[1]
    monotone = [m for _, m in FEATURES]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, c1, d = theta[:k], theta[k], theta[k + 1]
        c2 = c1 + np.exp(d)
        s = z @ w
        p1 = 1 / (1 + np.exp(-(s - c1)))  # P(y >= partial)
        p2 = 1 / (1 + np.exp(-(s - c2)))  # P(y >= answered)
        probs = np.stack([1 - p1, p1 - p2, p2], axis=1)
        p = np.clip(probs[np.arange(len(y)), y], 1e-12, None)
        nll = -np.log(p).sum() + L2 * (w @ w)
        # Gradients of -log p for each class w.r.t. s, c1, c2.
        g1 = p1 * (1 - p1)
        g2 = p2 * (1 - p2)
        ds = np.where(y == 0, g1 / p, np.where(y == 1, -(g1 - g2) / p, -g2 / p))
        dc1 = np.where(y == 0, -g1 / p, np.where(y == 1, g1 / p, 0.0))
        dc2 = np.where(y == 1, -g2 / p, np.where(y == 2, g2 / p, 0.0))
        grad_w = z.T @ ds + 2 * L2 * w
        grad = np.concatenate([grad_w, [dc1.sum() + dc2.sum(), dc2.sum() * np.exp(d)]])
        return float(nll), grad

    bounds = [(0.0, None) if m else (None, None) for m in monotone] + [(None, None)] * 2
    theta0 = np.zeros(k + 2)
    theta0[k + 1] = 0.0
    res = minimize(loss, theta0, jac=True, method="L-BFGS-B", bounds=bounds)
    w, c1 = res.x[:k], float(res.x[k])
    c2 = c1 + float(np.exp(res.x[k + 1]))
    names = tuple(n for n, _ in FEATURES)
    return OrdinalModel(method, names, mean, scale, w, (c1, c2))


def loo_models(
    x: np.ndarray, y: np.ndarray, found: np.ndarray, group: np.ndarray, method: str
) -> dict[int, OrdinalModel]:
    """For every review, a model trained on the others (on the units the tool found)."""
    out = {}
    for d in np.unique(group):
        train = (group != d) & found
        out[int(d)] = fit(x[train], y[train], method)
    return out


def held_out(
    models: dict[int, OrdinalModel], x: np.ndarray, group: np.ndarray, t: float
) -> np.ndarray:
    """Leave-one-review-out probabilities of every unit (rows of P by LABELS), after the
    model's ceilings, as the pipeline judges them."""
    out = np.zeros((len(x), 3))
    for d, m in models.items():
        test = group == d
        out[test] = replace(m, temperature=t).judge(x[test])[1]
    return out


def temperature(
    models: dict[int, OrdinalModel],
    x: np.ndarray,
    y: np.ndarray,
    found: np.ndarray,
    group: np.ndarray,
) -> float:
    """The temperature that makes held-out probabilities honest (least held-out NLL)."""

    def nll(t: float) -> float:
        total = 0.0
        for d, m in models.items():
            sel = (group == d) & found
            p = replace(m, temperature=t).judge(x[sel])[1]
            total -= np.log(np.clip(p[np.arange(sel.sum()), y[sel]], 1e-12, None)).sum()
        return total

    res = minimize_scalar(nll, bounds=(0.3, 3.0), method="bounded")
    return float(res.x)


WEIGHT_GRID = (0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0)


def class_weights(
    probs: np.ndarray, y: np.ndarray, found: np.ndarray
) -> tuple[float, float, float]:
    """The weight of partial (the others: 1) that maximises the mean of held-out accuracy and
    macro-F1. Only the middle status is weighted: a verdict is never "answered" while the
    tool thinks "unanswered" more likely."""
    best, chosen = -1.0, (1.0, 1.0, 1.0)
    for wp in WEIGHT_GRID:
        for wa in (1.0,):
            w = np.array([1.0, wp, wa])
            pred = np.where(found, choose(probs, w)[0], -1)
            m = status_metrics(y, pred)
            obj = (m["status.accuracy"] + m["status.macro_f1"]) / 2
            if obj > best + 1e-9:
                best, chosen = obj, (1.0, wp, wa)
    return chosen


def thresholds(
    probs: np.ndarray, y: np.ndarray, found: np.ndarray, weights: tuple[float, float, float]
) -> tuple[float, float, float]:
    """Per predicted status, the lowest confidence from which held-out verdicts of that status
    were right at least TARGET of the time (on at least MIN_SUPPORT of them); 1.01 when none."""
    pred, conf = choose(probs[found], weights)
    y = y[found]
    out = []
    for k in range(3):
        chosen = 1.01
        for t in GRID:
            sel = (pred == k) & (conf >= t)
            if sel.sum() >= MIN_SUPPORT and (y[sel] == k).mean() >= TARGET:
                chosen = float(t)
                break
        out.append(chosen)
    return out[0], out[1], out[2]


def report(
    name: str,
    probs: np.ndarray,
    y: np.ndarray,
    found: np.ndarray,
    check: tuple[float, ...],
    weights: tuple[float, float, float],
) -> dict[str, float]:
    pred, conf = choose(probs, weights)
    sure = found & (conf >= np.array(check)[pred])
    m = status_metrics(y, np.where(found, pred, -1), sure)
    print(f"  {name}: " + ", ".join(f"{k} {v:.3f}" for k, v in m.items()))
    # Reliability: mean confidence against accuracy in bins.
    bins = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
    cells = []
    for lo, hi in bins:
        sel = (conf >= lo) & (conf < hi) & found
        if sel.any():
            cells.append(
                f"[{lo:.1f},{hi:.1f}) n={sel.sum()} conf {conf[sel].mean():.2f} "
                f"right {(pred[sel] == y[sel]).mean():.2f}"
            )
    print("    reliability: " + "; ".join(cells))
    return m


def train(docs: list[Doc], method: str, checked: int = 0) -> tuple[OrdinalModel, dict[str, float]]:
    semantic = method == "semantic"
    x, y, found, group, lines = table(docs, semantic)
    models = loo_models(x, y, found, group, method)
    t = temperature(models, x, y, found, group)
    loo = held_out(models, x, group, t)
    weights = class_weights(loo, y, found)
    check = thresholds(loo, y, found, weights)
    print(f"{method}: temperature {t:.2f}, class weights {weights}, needs_check below {check}")
    m = report("held out, each review by the others", loo, y, found, check, weights)
    h1 = h3 = n = 0
    for doc, ls in zip(docs, lines, strict=True):
        a, b, c = hits(doc, ls)
        h1, h3, n = h1 + a, h3 + b, n + c
    print(f"  answers.hit_at_1 {h1 / n:.3f}, answers.hit_at_3 {h3 / n:.3f} ({n} units)")
    model = replace(
        fit(x[found], y[found], method), temperature=t, class_weights=weights, check_below=check
    )
    names = ", ".join(d.stem for d in docs)
    what = f"{int(found.sum())} fictional units"
    if checked:
        what = (
            f"{int(found.sum())} units of fictional annotated reviews and of "
            f"{checked} statuses checked by people in the library"
        )
    model = replace(model, trained_on=f"{what}: {names}")
    weights = ", ".join(f"{n} {w:+.2f}" for n, w in zip(model.names, model.weights, strict=True))
    print(f"  weights: {weights}; cuts {model.cuts[0]:.2f} {model.cuts[1]:.2f}")
    return model, m


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dry-run", action="store_true", help="report, do not write the model")
    ap.add_argument(
        "--extra",
        nargs="+",
        type=Path,
        default=[],
        metavar="FILE.jsonl",
        help="rapporteur/training@1 files (rapporteur export REVIEW --format training)",
    )
    ap.add_argument("--db", default=None, help="library holding the checked documents")
    args = ap.parse_args()
    t0 = time.perf_counter()
    docs = load_docs()
    print(f"{len(docs)} fictional reviews, {sum(len(d.gold) for d in docs)} question units")
    checked = 0
    if args.extra:
        extra = load_extra(args.extra, args.db)
        print(extra.summary())
        checked = sum(len(d.gold) for d in extra.docs)
        docs = merge(docs, extra.docs)
        print(f"with them: {len(docs)} reviews, {sum(len(d.gold) for d in docs)} question units")
    models = {m: train(docs, m, checked)[0].to_dict() for m in status_model.METHODS}
    if not args.dry_run:
        OUT.write_text(json.dumps(models, indent=1) + "\n", encoding="utf-8")
        print(f"written {OUT.relative_to(ROOT)}")
    print(f"{time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
