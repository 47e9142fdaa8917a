"""Figures and inconsistencies against the hand-annotated FICTIONAL reviews (issue 12).

    .venv/bin/python bench/figures_eval.py            # per document and overall
    .venv/bin/python bench/figures_eval.py -v         # also every miss, false alarm, mismatch

Inputs: every tests/fixtures/annotations/figures/<name>.json with the document it names
(examples/figures/).  The documents and their annotations were written and committed before the
figure and contradiction rules were read, by someone who never saw the corpus document; the
annotation rules are in each file's "rules".  Nothing under ../shared is read.  The pipeline
runs with Settings(method="lexical") (figures do not depend on the method).  This is a report:
it prints numbers and asserts nothing.

Metrics (all counts are pooled over the documents for the "overall" line):

* Scope.  Only the body is annotated (annotation "scope": the "Report" heading to the end of
  the concluding remarks); predicted figures on lines outside it are ignored, neither rewarded
  nor penalised.
* Figure matching.  A predicted figure matches a gold figure when it is on the same line and
  its mention span overlaps the gold mention span (character offsets within the line).  The
  matching is one-to-one, greedy by largest overlap; a second predicted figure overlapping an
  already matched gold figure is a false positive.  Mention precision = matched / predicted in
  scope, recall = matched / gold, F1 their harmonic mean.
* On matched figures only: value accuracy (a gold value equals the predicted value, or a gold
  range equals the predicted value_min and value_max; relative tolerance 1e-9), unit accuracy,
  period accuracy, side accuracy, and qualifier accuracy.
  - Units: the gold vocabulary is mapped onto the tool's: persons = people | workers |
    children; count = families | cases | requests | centres | companies | institutions |
    other; euro = eur, dollar = usd, franc = chf | xof | xaf; durations as named; age = years
    (an age is given in years); times, hectares and rates ('per 100,000 inhabitants', 'per
    1,000 live births') = other, the tool's residual class.
  - Periods: strict equality of the normalised strings (dashes and '/' read as '-'), so a gold
    '2018-' (since 2018) or 'per year' needs the same from the tool.  A lenient "period year"
    accuracy compares only the first four-digit year of each (None = None).
  - Qualifiers: gold words mapped to classes (about/some/an estimated/nearly -> around;
    more than/over/exceeded -> more_than; fewer than/less than/below/under -> less_than; up
    to/not exceed/a maximum of -> up_to; at least/or over -> at_least; none -> None).
* Inconsistencies.  A predicted pair counts as its gold figure pair when both of its figures
  matched gold figures; it is a true positive when that pair is annotated as an inconsistency
  (order ignored).  Precision = true positives / predicted pairs with both figures in scope,
  recall = gold inconsistencies found / gold inconsistencies; given both for severity
  "conflict" only and for all severities ("conflict" + "possible").  "reachable" counts the
  gold inconsistencies whose two figures were both matched.
* False alarms.  The number of annotated not_inconsistencies (hand-picked near-misses: other
  year, other subject with a similar number, total and part, compatible bounds, repeats) that
  the tool reports as a pair, for "conflict" only and for all severities.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from rapporteur.api import analyze  # noqa: E402
from rapporteur.models import Figure, Review  # noqa: E402
from rapporteur.settings import Settings  # noqa: E402

ANNOTATIONS = ROOT / "tests" / "fixtures" / "annotations" / "figures"

UNITS = {
    "persons": {"people", "workers", "children"},
    "count": {"families", "cases", "requests", "centres", "companies", "institutions", "other"},
    "percent": {"percent"},
    "euro": {"eur"},
    "dollar": {"usd"},
    "franc": {"chf", "xof", "xaf"},
    "years": {"years"},
    "months": {"months"},
    "weeks": {"weeks"},
    "days": {"days"},
    "hours": {"hours"},
    "age": {"years"},
    "times": {"other"},
    "hectares": {"other"},
    "per 100,000 inhabitants": {"other"},
    "per 1,000 live births": {"other"},
}
QUALIFIERS = {
    "around": "about|some|an estimated|around|approximately|nearly|almost|roughly",
    "more_than": "more than|over|exceeded|above",
    "less_than": "fewer than|less than|below|under",
    "up_to": "up to|not exceed|a maximum of",
    "at_least": "at least|or over",
}
QUALIFIER_CLASS = {w: cls for cls, words in QUALIFIERS.items() for w in words.split("|")}


def qualifier_class(q: str | None) -> str | None:
    return QUALIFIER_CLASS.get(q.lower(), q.lower()) if q else None


def norm_period(p: str | None) -> str | None:
    if p is None:
        return None
    return re.sub(r"\s+", " ", re.sub(r"[–—/]", "-", str(p))).strip().lower() or None


def first_year(p: str | None) -> str | None:
    m = re.search(r"(?:19|20)\d\d", p or "")
    return m.group(0) if m else None


def same_number(a: float | str | None, b: float | str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))


def value_ok(g: dict, f: Figure) -> bool:
    if g["value"] is not None:
        return same_number(g["value"], f.value)
    return same_number(g["value_min"], f.value_min) and same_number(g["value_max"], f.value_max)


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    value: int = 0
    unit: int = 0
    period: int = 0
    period_year: int = 0
    side: int = 0
    qualifier: int = 0
    inc_gold: int = 0
    inc_reachable: int = 0
    pred_all: int = 0
    pred_conflict: int = 0
    tp_all: int = 0
    tp_conflict: int = 0
    found_all: int = 0
    found_conflict: int = 0
    near: int = 0
    alarm_all: int = 0
    alarm_conflict: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            if name != "notes":
                setattr(self, name, getattr(self, name) + getattr(other, name))


def ratio(n: int, d: int) -> str:
    return f"{n / d:.3f}" if d else "  -  "


def f1(p: int, r: int, n: int) -> str:
    """F1 of n matches out of p predicted and r gold."""
    return f"{2 * n / (p + r):.3f}" if p + r else "  -  "


def line_starts(text: str) -> list[int]:
    starts, pos = [], 0
    for line in text.split("\n"):
        starts.append(pos)
        pos += len(line) + 1
    return starts


def predicted_span(f: Figure, lines: list[str], starts: list[int]) -> tuple[int, int]:
    """(start, end) of a predicted mention within its line."""
    line = lines[f.line - 1]
    s = f.start - starts[f.line - 1]
    if line[s : s + len(f.mention)] == f.mention:
        return s, s + len(f.mention)
    hits = [m.start() for m in re.finditer(re.escape(f.mention), line)]
    if not hits:
        return max(0, s), max(0, s) + len(f.mention)
    best = min(hits, key=lambda h: abs(h - s))
    return best, best + len(f.mention)


def match_figures(
    gold: list[dict], figs: list[Figure], spans: list[tuple[int, int]]
) -> dict[int, int]:
    """Predicted index -> gold index, one-to-one, greedy by largest overlap."""
    cands = []
    for pi, f in enumerate(figs):
        ps, pe = spans[pi]
        for gi, g in enumerate(gold):
            if g["line"] != f.line:
                continue
            gs, ge = g["start"], g["start"] + len(g["mention"])
            overlap = min(pe, ge) - max(ps, gs)
            if overlap > 0:
                cands.append((-overlap, abs(ps - gs), pi, gi))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, _, pi, gi in sorted(cands):
        if pi not in pairs and gi not in used:
            pairs[pi] = gi
            used.add(gi)
    return pairs


def evaluate(ann_path: Path, verbose: bool) -> Score:
    ann = json.loads(ann_path.read_text(encoding="utf-8"))
    doc = ROOT / ann["document"]
    text = doc.read_text(encoding="utf-8")
    lines, starts = text.split("\n"), line_starts(text)
    review: Review = analyze(doc, Settings(method="lexical"))
    lo, hi = ann["scope"]["first_line"], ann["scope"]["last_line"]
    gold = ann["figures"]
    in_scope = [i for i, f in enumerate(review.figures) if lo <= f.line <= hi]
    figs = [review.figures[i] for i in in_scope]
    spans = [predicted_span(f, lines, starts) for f in figs]
    match = match_figures(gold, figs, spans)
    s = Score(gold=len(gold), predicted=len(figs), matched=len(match))
    for pi, gi in match.items():
        g, f = gold[gi], figs[pi]
        checks = {
            "value": value_ok(g, f),
            "unit": f.unit in UNITS.get(g["unit"], {g["unit"]}),
            "period": norm_period(g["period"]) == norm_period(f.period),
            "period_year": first_year(g["period"]) == first_year(f.period),
            "side": g["side"] == f.side,
            "qualifier": qualifier_class(g["qualifier"]) == qualifier_class(f.qualifier),
        }
        for name, ok in checks.items():
            setattr(s, name, getattr(s, name) + ok)
        wrong = [n for n, ok in checks.items() if not ok and n != "period_year"]
        if wrong:
            s.notes.append(
                f"  mismatch line {g['line']} {g['mention']!r}: "
                + "; ".join(
                    f"{n} gold={_gold_field(g, n)!r} got={_got_field(f, n)!r}" for n in wrong
                )
            )
    matched_gold = set(match.values())
    for gi, g in enumerate(gold):
        if gi not in matched_gold:
            s.notes.append(f"  missed line {g['line']} {g['mention']!r} ({g['subject']})")
    for pi, f in enumerate(figs):
        if pi not in match:
            s.notes.append(f"  extra  line {f.line} {f.mention!r} unit={f.unit} ({f.subject})")

    # inconsistencies: predicted indices refer to review.figures
    to_gold = {in_scope[pi]: gi for pi, gi in match.items()}
    in_scope_set = set(in_scope)
    gold_inc = {frozenset((x["a"], x["b"])) for x in ann["inconsistencies"]}
    near = {frozenset((x["a"], x["b"])) for x in ann["not_inconsistencies"]}
    s.inc_gold, s.near = len(gold_inc), len(near)
    s.inc_reachable = sum(all(i in matched_gold for i in pair) for pair in gold_inc)
    found_all: set[frozenset[int]] = set()
    found_conflict: set[frozenset[int]] = set()
    flagged_all: set[frozenset[int]] = set()
    flagged_conflict: set[frozenset[int]] = set()
    for inc in review.inconsistencies:
        if inc.a not in in_scope_set or inc.b not in in_scope_set:
            continue
        conflict = inc.severity == "conflict"
        s.pred_all += 1
        s.pred_conflict += conflict
        ga, gb = to_gold.get(inc.a), to_gold.get(inc.b)
        pair = frozenset((ga, gb)) if ga is not None and gb is not None and ga != gb else None
        hit = pair is not None and pair in gold_inc
        s.tp_all += hit
        s.tp_conflict += hit and conflict
        if hit:
            found_all.add(pair)
            if conflict:
                found_conflict.add(pair)
        if pair is not None and pair in near:
            flagged_all.add(pair)
            if conflict:
                flagged_conflict.add(pair)
        fa, fb = review.figures[inc.a], review.figures[inc.b]
        if hit:
            s.notes.append(
                f"  found [{inc.severity}] line {fa.line} {fa.mention!r} / line {fb.line} "
                f"{fb.mention!r}"
            )
        else:
            tag = "NEAR-MISS FLAGGED" if pair in near else "false pair"
            s.notes.append(
                f"  {tag} [{inc.severity}] line {fa.line} {fa.mention!r} / line {fb.line} "
                f"{fb.mention!r}"
            )
    s.found_all, s.found_conflict = len(found_all), len(found_conflict)
    s.alarm_all, s.alarm_conflict = len(flagged_all), len(flagged_conflict)
    for x in ann["inconsistencies"]:
        pair = frozenset((x["a"], x["b"]))
        if pair not in found_all:
            ga, gb = gold[x["a"]], gold[x["b"]]
            s.notes.append(
                f"  missed inconsistency line {ga['line']} {ga['mention']!r} / line "
                f"{gb['line']} {gb['mention']!r}"
            )
    if not verbose:
        s.notes = []
    return s


def _gold_field(g: dict, name: str) -> object:
    if name == "value":
        return g["value"] if g["value"] is not None else (g["value_min"], g["value_max"])
    return g[name]


def _got_field(f: Figure, name: str) -> object:
    if name == "value":
        return f.value if f.value is not None else (f.value_min, f.value_max)
    return getattr(f, name)


def report(name: str, s: Score) -> None:
    m = s.matched
    print(f"{name}")
    print(
        f"  figures      gold {s.gold:4d}  predicted {s.predicted:4d}  matched {m:4d}  "
        f"P {ratio(m, s.predicted)}  R {ratio(m, s.gold)}  F1 {f1(s.predicted, s.gold, m)}"
    )
    print(
        f"  on matched   value {ratio(s.value, m)}  unit {ratio(s.unit, m)}  "
        f"period {ratio(s.period, m)} (year {ratio(s.period_year, m)})  "
        f"side {ratio(s.side, m)}  qualifier {ratio(s.qualifier, m)}"
    )
    print(
        f"  inconsist.   gold {s.inc_gold}  reachable {s.inc_reachable}  |  conflict: "
        f"predicted {s.pred_conflict} P {ratio(s.tp_conflict, s.pred_conflict)} "
        f"R {ratio(s.found_conflict, s.inc_gold)}  |  all: predicted {s.pred_all} "
        f"P {ratio(s.tp_all, s.pred_all)} R {ratio(s.found_all, s.inc_gold)}"
    )
    print(f"  false alarms on {s.near} near-misses: conflict {s.alarm_conflict}  all {s.alarm_all}")
    for note in s.notes:
        print(note)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    paths = sorted(ANNOTATIONS.glob("*.json"))
    if not paths:
        print(f"no annotations in {ANNOTATIONS}")
        return 1
    total = Score()
    for path in paths:
        s = evaluate(path, args.verbose)
        report(path.stem, s)
        total.add(s)
    report(f"overall ({len(paths)} documents)", total)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
