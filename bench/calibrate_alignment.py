"""Calibrate the retrieval weights of the alignment stage on the FICTIONAL annotated reviews.

    python bench/calibrate_alignment.py            # search, print metrics and chosen values
    python bench/calibrate_alignment.py --current  # only the metrics of PARAMS as committed
    python bench/calibrate_alignment.py --lexical  # the same for --method lexical
    python bench/calibrate_alignment.py --extra checked.jsonl [--db LIBRARY]

What it tunes: the weights that rank the delegation's passages for a question
(rapporteur/stages/retrieval.py PARAMS: query context, paragraph share, the structural prior,
answer types, the turn-by-turn bonuses, the weight of meaning). The objective is the mean of
hit@1 and hit@3 (the top answer, or one of the top three, in the annotated answer lines)
over the pooled fictional reviews (bench/alignment_eval.py), by coordinate ascent from the
current values; each review's scores are also printed with the chosen values, so that one
review carrying the gain shows. The statuses are judged by the status model, trained
afterwards on the same reviews by bench/train_status.py: run that next. The corpus document in
../shared is never read here: it is the held-out check.

`--extra FILE.jsonl ...` adds the statuses people checked in the library (`rapporteur export
REVIEW --format training`; bench/training_data.py): the passages a person chose or kept for
an answered or partial question count as its answer lines, on the document analysed again as
an annotated review is (a checked question of an annotated review replaces its annotation).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from alignment_eval import Doc, hits, load_docs
from training_data import load_extra, merge

from rapporteur.stages import alignment, embeddings
from rapporteur.stages.retrieval import PARAMS, Params

GRID: dict[str, tuple[float, ...]] = {
    "context_weight": (0.0, 0.15, 0.25),
    "anaphor_weight": (0.3, 0.45, 0.6, 0.8),
    "paragraph_weight": (0.15, 0.3, 0.45, 0.6),
    "same_round": (0.25, 0.5, 0.75, 1.0),
    "later_round": (0.15, 0.25, 0.4, 0.6),
    "earlier_round": (0.1, 0.2, 0.3, 0.5),
    "presentation": (0.1, 0.2, 0.3),
    "other": (0.0, 0.05, 0.1),
    "quantity_boost": (0.0, 0.5, 1.0, 2.0),
    "adjacent": (0.0, 0.15, 0.3, 0.6),
    "confirm": (0.0, 0.5, 1.0, 2.0),
    "semantic_weight": (0.5, 1.0, 1.5, 2.0, 3.0),
    "semantic_sentence": (0.3, 0.5, 0.7, 0.85, 1.0),
    "semantic_context": (0.0, 0.25, 0.5, 1.0),
}


class CachedEncoder:
    """The packaged encoder, remembering every text it has seen (the search re-ranks the same
    reviews hundreds of times)."""

    def __init__(self) -> None:
        self._inner = embeddings.Encoder()
        self._seen: dict[str, np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        new = [t for t in dict.fromkeys(texts) if t not in self._seen]
        if new:
            for t, v in zip(new, self._inner.encode(new), strict=True):
                self._seen[t] = v
        return np.stack([self._seen[t] for t in texts]) if texts else np.zeros((0, embeddings.DIM))


def ranking(docs: list[Doc], params: Params, semantic: bool) -> tuple[float, float, list[str]]:
    h1 = h3 = n = 0
    rows = []
    for doc in docs:
        feats = alignment.features(doc.review, params, semantic)
        a, b, c = hits(doc, [[x.line for x in f.answers] for f in feats])
        h1, h3, n = h1 + a, h3 + b, n + c
        rows.append(f"  {doc.stem:32} hit@1 {a / max(c, 1):.3f}  hit@3 {b / max(c, 1):.3f}")
    return h1 / max(n, 1), h3 / max(n, 1), rows


def objective(docs: list[Doc], params: Params, semantic: bool) -> float:
    h1, h3, _ = ranking(docs, params, semantic)
    return (h1 + h3) / 2


def search(docs: list[Doc], start: Params, semantic: bool, rounds: int = 2) -> Params:
    current, best = start, objective(docs, start, semantic)
    print(f"start: objective {best:.4f}")
    for r in range(rounds):
        improved = False
        for name, values in GRID.items():
            if name.startswith("semantic") and not semantic:
                continue
            for v in values:
                if getattr(current, name) == v:
                    continue
                cand = replace(current, **{name: v})
                obj = objective(docs, cand, semantic)
                if obj > best + 1e-9:
                    best, current, improved = obj, cand, True
                    print(f"  round {r + 1}: {name} = {v} -> objective {best:.4f}")
        if not improved:
            break
    return current


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--current", action="store_true", help="only report the committed PARAMS")
    ap.add_argument("--lexical", action="store_true", help="calibrate words only")
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
    semantic = not args.lexical
    t0 = time.perf_counter()
    if semantic:
        cached = CachedEncoder()
        embeddings.encoder = lambda: cached  # type: ignore[assignment]
    docs = load_docs()
    print(f"{len(docs)} fictional reviews, {sum(len(d.gold) for d in docs)} question units")
    if args.extra:
        extra = load_extra(args.extra, args.db)
        print(extra.summary())
        docs = merge(docs, extra.docs)
    h1, h3, rows = ranking(docs, PARAMS, semantic)
    print("\n".join(rows))
    print(f"pooled PARAMS (committed): hit@1 {h1:.3f}, hit@3 {h3:.3f}")
    if args.current:
        return
    chosen = search(docs, PARAMS, semantic)
    h1, h3, rows = ranking(docs, chosen, semantic)
    print("\n".join(rows))
    print(f"pooled chosen: hit@1 {h1:.3f}, hit@3 {h3:.3f}")
    print("chosen values (paste into rapporteur/stages/retrieval.py PARAMS):")
    base = asdict(Params())
    for k, v in asdict(chosen).items():
        if v != base[k]:
            print(f"    {k}={v!r},")
    print(f"{time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
