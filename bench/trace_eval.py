"""How well `rapporteur.stages.tracing` traces recommendations back to the dialogue.

Reads every annotation file in tests/fixtures/annotations/dialogue/ that names its
`concluding_observations` (FICTIONAL sets only; ../shared is never read), analyses its
`summary` and its concluding observations with the pipeline, traces, and prints for both
methods:
- links: precision, recall and F1 over (recommendation, question unit) pairs. An annotated
  question is matched to the pipeline's question on its `summary_line` whose text overlaps it
  most; its `recommendations` ("10 (a)", "23") become gold pairs with that question;
- never raised: precision and recall of the recommendations left without a link against the
  annotation's `never_raised`;
- hit@1: share of the recommendations with a gold question whose best-scored question (before
  the threshold) is one of them;
- time per pair: tracing time over recommendations x questions.
The sets in `TUNED_ON` are the ones the weights were chosen on (optimistic figures); every
other set is reported on its own line as held out.

Measured at the commit of the tuned weights (the machine busy, so times are high):
    lexical  tuned   : links P 0.786 R 0.868 F1 0.825 | never raised P 0.875 R 0.875 | hit@1 0.759
    lexical  held out: links P 0.790 R 0.742 F1 0.766 | never raised P 0.500 R 0.750 | hit@1 0.857
    semantic tuned   : links P 0.886 R 0.816 F1 0.849 | never raised P 0.875 R 0.875 | hit@1 0.862
    semantic held out: links P 0.841 R 0.803 F1 0.822 | never raised P 0.600 R 0.750 | hit@1 0.837
    about 25 us per pair words only, 70 us with meaning (encoding included)

    .venv/bin/python bench/trace_eval.py            # both methods, the tuned weights
    .venv/bin/python bench/trace_eval.py --grid     # search weights on TUNED_ON (lexical and
                                                    # semantic) and print the best few
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from rapporteur import api  # noqa: E402
from rapporteur.models import Question, Recommendation, Review  # noqa: E402
from rapporteur.settings import Settings  # noqa: E402
from rapporteur.stages import tracing  # noqa: E402

FOLDER = ROOT / "tests" / "fixtures" / "annotations" / "dialogue"
TUNED_ON = frozenset({"fictional-cmw-ardenia-dialogue"})
_REF = re.compile(r"^\s*(\d+)\s*(?:\(\s*([a-z])\s*\))?\s*$")
_WORD = re.compile(r"\w+")


@dataclass
class Set:
    name: str
    dialogue: Review
    recommendations: tuple[Recommendation, ...]
    gold: set[tuple[str, str]]
    """(recommendation id, question id) pairs."""
    never: set[str]
    """Recommendation ids no question raised."""
    unmatched: list[str]
    """Annotated questions with no pipeline question."""


def annotation_files() -> list[Path]:
    out = []
    for path in sorted(FOLDER.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("concluding_observations"):
            out.append(path)
    return out


def rec_ids(ref: str, recs: tuple[Recommendation, ...]) -> list[str]:
    """ "10 (a)" -> ["r10a"]; "23" -> ["r23"], or every item of 23 when it has letters."""
    m = _REF.match(ref)
    if m is None:
        raise ValueError(f"cannot read the recommendation reference {ref!r}")
    number, letter = int(m.group(1)), m.group(2)
    return [r.id for r in recs if r.paragraph == number and (letter is None or r.letter == letter)]


def _tokens(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def match_question(unit: dict, questions: tuple[Question, ...]) -> Question | None:
    """The pipeline question on the unit's summary line whose words cover the unit's most."""
    want = _tokens(unit.get("summary_text", ""))
    best, best_share = None, 0.0
    for q in questions:
        if q.line != unit.get("summary_line"):
            continue
        share = len(want & _tokens(q.text)) / max(1, len(want))
        if share > best_share:
            best, best_share = q, share
    return best if best_share >= 0.5 else None


def load_set(path: Path) -> Set:
    data = json.loads(path.read_text(encoding="utf-8"))
    settings = Settings(align=False, method="lexical")
    dialogue = api.analyze(ROOT / data["summary"], settings)
    co = api.analyze(ROOT / data["concluding_observations"], settings)
    recs = co.recommendations
    gold: set[tuple[str, str]] = set()
    unmatched = []
    for unit in data["questions"]:
        q = match_question(unit, dialogue.questions)
        if q is None:
            unmatched.append(unit.get("id", "?"))
            continue
        for ref in unit.get("recommendations", []):
            for rid in rec_ids(ref, recs):
                gold.add((rid, q.id))
    never = {rid for ref in data.get("never_raised", []) for rid in rec_ids(ref, recs)}
    return Set(path.stem, dialogue, recs, gold, never, unmatched)


@dataclass
class Scores:
    pairs: int = 0
    tp: int = 0
    predicted: int = 0
    gold: int = 0
    never_tp: int = 0
    never_predicted: int = 0
    never_gold: int = 0
    hits: int = 0
    hit_total: int = 0
    seconds: float = 0.0

    def add(self, other: Scores) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    @property
    def precision(self) -> float:
        return self._ratio(self.tp, self.predicted)

    @property
    def recall(self) -> float:
        return self._ratio(self.tp, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        return (
            f"links P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f} "
            f"({self.tp}/{self.predicted} predicted, {self.gold} gold) | never raised "
            f"P {self._ratio(self.never_tp, self.never_predicted):.3f} "
            f"R {self._ratio(self.never_tp, self.never_gold):.3f} | hit@1 "
            f"{self._ratio(self.hits, self.hit_total):.3f} ({self.hits}/{self.hit_total}) | "
            f"{1e6 * self.seconds / max(1, self.pairs):.1f} us/pair"
        )


def evaluate(
    s: Set,
    settings: Settings,
    params: tracing.Params | None = None,
    matrix: tracing.Matrix | None = None,
) -> Scores:
    """Scores of one set; with `matrix` (already computed) only the selection is redone."""
    p = params or tracing.params_for(settings)
    t0 = time.perf_counter()
    if matrix is None:
        links = tracing.trace(s.recommendations, s.dialogue, settings, p)
        seconds = time.perf_counter() - t0
        predicted = {(rid, link.question) for rid, ls in links.items() for link in ls}
        matrix = tracing.Matrix(s.recommendations, s.dialogue, settings, p)
    else:
        seconds = 0.0
        chosen = tracing.select(matrix.scores, p)
        predicted = {
            (s.recommendations[i].id, s.dialogue.questions[j].id)
            for i, j in zip(*chosen.nonzero(), strict=True)
        }
    linked = {rid for rid, _ in predicted}
    never_pred = {r.id for r in s.recommendations} - linked
    out = Scores(
        pairs=len(s.recommendations) * len(s.dialogue.questions),
        tp=len(predicted & s.gold),
        predicted=len(predicted),
        gold=len(s.gold),
        never_tp=len(never_pred & s.never),
        never_predicted=len(never_pred),
        never_gold=len(s.never),
        seconds=seconds,
    )
    # hit@1 on the ranking before the threshold.
    gold_by_rec: dict[str, set[str]] = {}
    for rid, qid in s.gold:
        gold_by_rec.setdefault(rid, set()).add(qid)
    for i, rec in enumerate(s.recommendations):
        if rec.id in gold_by_rec and len(s.dialogue.questions):
            out.hit_total += 1
            j = int(matrix.scores[i].argmax())
            out.hits += s.dialogue.questions[j].id in gold_by_rec[rec.id]
    return out


GRID = {
    "context_share": (0.2, 0.35, 0.5),
    "theme_weight": (0.0, 0.1, 0.2),
    "sibling_floor": (0.3, 0.5, 0.7, 1.0),
    "part_weight": (0.0, 0.7, 0.85),
    "context_weight": (0.15, 0.3),
}
SEMANTIC_GRID = {
    "context_share": (0.2, 0.35, 0.5),
    "theme_weight": (0.0, 0.1),
    "sibling_floor": (0.5, 0.7, 1.0),
    "context_weight": (0.15, 0.3),
    "part_weight": (0.0, 0.85),
    "semantic_weight": (0.5, 1.0, 2.0),
}
SELECT = {
    "threshold": (0.15, 0.2, 0.25, 0.3, 0.35),
    "threshold_rec": (0.2, 0.25, 0.3, 0.35, 0.4, 0.5),
    "relative": (0.8, 0.9, 1.0),
}


def grid(sets: list[Set], method: str) -> None:
    """Every combination of GRID x SELECT on the tuning sets; prints the ten best by F1 and
    how flat the top is (the mean F1 of each best row's SELECT neighbours)."""
    settings = Settings(method=method)
    base = tracing.params_for(settings)
    rows = []
    space = SEMANTIC_GRID if method == "semantic" else GRID
    names, select = list(space), list(SELECT)
    for values in itertools.product(*(space[n] for n in names)):
        params = replace(base, **dict(zip(names, values, strict=True)))
        matrices = [tracing.Matrix(s.recommendations, s.dialogue, settings, params) for s in sets]
        for chosen in itertools.product(*(SELECT[n] for n in select)):
            final = replace(params, **dict(zip(select, chosen, strict=True)))
            total = Scores()
            for s, m in zip(sets, matrices, strict=True):
                total.add(evaluate(s, settings, final, m))
            rows.append((round(total.f1, 4), total.precision, values + chosen))
    rows.sort(key=lambda r: (-r[0], -r[1]))
    print(f"{method}: {names + select}")
    for f1, precision, values in rows[:10]:
        print(f"  F1 {f1:.3f} P {precision:.3f} {values}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grid", action="store_true", help="search weights on the tuning sets")
    parser.add_argument("--method", choices=("lexical", "semantic"), action="append")
    args = parser.parse_args()
    sets = [load_set(p) for p in annotation_files()]
    methods = args.method or ["lexical", "semantic"]
    if args.grid:
        for method in methods:
            grid([s for s in sets if s.name in TUNED_ON], method)
        return
    for s in sets:
        kind = "tuned on (optimistic)" if s.name in TUNED_ON else "held out"
        print(
            f"{s.name}: {len(s.recommendations)} recommendations, {len(s.dialogue.questions)} "
            f"questions, {len(s.gold)} gold links, {len(s.never)} never raised; {kind}"
            + (f"; unmatched annotated questions: {', '.join(s.unmatched)}" if s.unmatched else "")
        )
    for method in methods:
        settings = Settings(method=method)
        for s in sets:  # load the thesaurus, the taxonomy and the model outside the timing
            evaluate(s, settings)
        for label, group in (
            ("tuned", [s for s in sets if s.name in TUNED_ON]),
            ("held out", [s for s in sets if s.name not in TUNED_ON]),
        ):
            if not group:
                continue
            total = Scores()
            for s in group:
                one = evaluate(s, settings)
                total.add(one)
                if len(group) > 1:
                    print(f"  {method:8} {s.name}: {one.line()}")
            print(f"{method:8} {label:8}: {total.line()}")


if __name__ == "__main__":
    main()
