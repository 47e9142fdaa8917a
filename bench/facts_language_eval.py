"""Figures, contradictions and commitments per language, against the annotated meeting summaries.

    .venv/bin/python bench/facts_language_eval.py                   # a block per language
    .venv/bin/python bench/facts_language_eval.py -v                # also every miss
    .venv/bin/python bench/facts_language_eval.py --annotated-body  # body as annotated
    .venv/bin/python bench/facts_language_eval.py --json

Inputs: the annotated FICTIONAL meeting summaries, tests/fixtures/annotations/*.json (English)
and tests/fixtures/annotations/{fr,es}/*.json (written in French and Spanish by authors who never
saw the corpus document). Nothing under ../shared is read. The pipeline runs with
Settings(method="lexical"). This is a report: it prints numbers and asserts nothing.

`--annotated-body` measures the fact stages alone: the body's sections and every paragraph's
side and speaker are taken from the annotation (the review's year from its release code when
the metadata has none), and only figures, contradictions and commitments run again. Without it
the numbers also carry whatever segmentation and speaker detection get wrong.

Metrics per language (pooled over its documents):
* figures P/R/F1: same line and overlapping mention span, one to one, greedy by overlap;
  predicted figures outside the annotated body lines are not counted; an optional annotated
  figure (a date) counts when found and is not a miss when not. On matched figures: value
  (number or range), unit (people = people|workers|children, other = any count noun the tool
  names), qualifier, period (first year, '/' read as '-') and side.
* contradictions: an annotated pair of severity conflict or possible is found when a reported
  pair links its two figures, a figure standing for any figure annotated as a consistent
  repeat of it. Precision = reported pairs that are annotated / reported pairs, leaving out
  pairs annotated as neutral (minor, apparent_only).
* commitments: a reported commitment matches an annotated one on the same line with
  overlapping text, one to one; kind accuracy on matched ones (draft_law = legislation,
  intention = other).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from rapporteur.api import analyze  # noqa: E402
from rapporteur.models import Figure, Review, Section, Turn  # noqa: E402
from rapporteur.settings import Settings  # noqa: E402
from rapporteur.stages import commitments, contradictions, figures  # noqa: E402

ANNOTATIONS = ROOT / "tests" / "fixtures" / "annotations"
UNITS = {
    "people": {"people", "workers", "children"},
    "other": {"other", "families", "requests", "centres", "companies", "institutions", "cases"},
}
KINDS = {"draft_law": "legislation", "intention": "other"}
NEUTRAL = {"minor", "apparent_only"}
_SPACE_LIKE = re.compile("[\u00a0\u2007\u202f\u2009\u200a\u3000]")
"""Read as plain spaces by ingestion ("9 200" with a no-break space), so also in the gold."""


@dataclass
class Tally:
    documents: int = 0
    f_gold: int = 0
    f_pred: int = 0
    f_match: int = 0
    value: int = 0
    unit: int = 0
    qualifier: int = 0
    period: int = 0
    side: int = 0
    c_gold: int = 0
    c_found: int = 0
    c_pred: int = 0
    c_true: int = 0
    k_gold: int = 0
    k_pred: int = 0
    k_match: int = 0
    k_kind: int = 0
    notes: list[str] = field(default_factory=list)


def _year(p: object) -> str | None:
    m = re.search(r"(?:19|20)\d\d", str(p or ""))
    return m.group(0) if m else None


def _same(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def _span(line: str, mention: str, hint: int = 0) -> tuple[int, int]:
    mention = _SPACE_LIKE.sub(" ", mention)
    hits = [m.start() for m in re.finditer(re.escape(mention), line)]
    s = min(hits, key=lambda h: abs(h - hint)) if hits else -1
    return s, s + len(mention)


def annotated_body(review: Review, gold: dict[str, Any]) -> Review:
    """The review with the annotation's body sections and turns, its facts found again."""
    heads = sorted(gold["sections"], key=lambda s: s["first_paragraph_line"])
    last_body = max(t["line"] for t in gold["turn_speakers"])
    sections: list[Section] = []
    paragraphs = [replace(p, section=-1) for p in review.paragraphs]
    for k, s in enumerate(heads):
        first = s["first_paragraph_line"]
        end = heads[k + 1]["heading_line"] - 1 if k + 1 < len(heads) else last_body
        members = tuple(p.index for p in paragraphs if first <= p.line <= end)
        sections.append(
            Section(
                index=k,
                kind=s["kind"],
                heading=s["heading"],
                heading_line=s["heading_line"],
                first_line=first,
                last_line=end,
                paragraphs=members,
            )
        )
        for i in members:
            paragraphs[i] = replace(paragraphs[i], section=k)
    by_line = {p.line: p for p in paragraphs}
    names = {p.name: p.id for p in review.participants}
    turns = [
        Turn(
            paragraph=by_line[t["line"]].index,
            line=t["line"],
            side=t["side"],
            speaker=t["speaker"] or "the delegation",
            participant=names.get(t["speaker"]),
            inferred=bool(t.get("inferred")),
        )
        for t in gold["turn_speakers"]
        if t["line"] in by_line
    ]
    md = review.metadata
    if md is not None and md.year is None:
        code = re.search(r"\d\d", gold["review"].get("release_code") or "")
        md = replace(md, year=2000 + int(code.group(0))) if code else md
    out = replace(
        review,
        paragraphs=tuple(paragraphs),
        sections=tuple(sections),
        turns=tuple(turns),
        metadata=md,
    )
    settings = Settings(method="lexical")
    for stage in (figures, contradictions, commitments):
        out = stage.run(out, settings)
    return out


def _score_figures(gold: dict[str, Any], review: Review, t: Tally) -> dict[str, int]:
    """Figures; returns gold figure id -> index of the matched predicted figure."""
    lines = review.document.text.split("\n")
    body = [f["line"] for f in gold["figures"]]
    lo, hi = min(body), max(body)
    pred = [i for i, f in enumerate(review.figures) if lo <= f.line <= hi]
    t.f_pred += len(pred)
    cands = []
    starts = review.document.line_starts
    for gi, g in enumerate(gold["figures"]):
        gs, ge = _span(lines[g["line"] - 1], g["mention"])
        for pi in pred:
            f = review.figures[pi]
            if f.line != g["line"]:
                continue
            ps = f.start - starts[f.line - 1]
            overlap = min(ge, ps + len(f.mention)) - max(gs, ps)
            if overlap > 0:
                cands.append((-overlap, gi, pi))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in sorted(cands):
        if gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    out: dict[str, int] = {}
    for gi, g in enumerate(gold["figures"]):
        optional = bool(g.get("optional"))
        if gi not in matched:
            t.f_gold += not optional
            if not optional:
                t.notes.append(f"{gold['document']}:{g['line']}: figure missed: {g['mention']}")
            continue
        f = review.figures[matched[gi]]
        out[g["id"]] = matched[gi]
        t.f_gold += 1
        t.f_match += 1
        if optional:
            t.value, t.unit, t.qualifier, t.period, t.side = (
                t.value + 1,
                t.unit + 1,
                t.qualifier + 1,
                t.period + 1,
                t.side + 1,
            )
            continue
        checks = _checks(g, f)
        for name, ok in checks.items():
            setattr(t, name, getattr(t, name) + ok)
        wrong = [n for n, ok in checks.items() if not ok]
        if wrong:
            t.notes.append(
                f"{gold['document']}:{g['line']}: {g['mention']!r} wrong "
                + ", ".join(f"{n} (got {_got(f, n)!r}, gold {_gold(g, n)!r})" for n in wrong)
            )
    for pi in pred:
        if pi not in used:
            f = review.figures[pi]
            t.notes.append(f"{gold['document']}:{f.line}: not a figure: {f.mention!r} ({f.unit})")
    return out


def _checks(g: dict[str, Any], f: Figure) -> dict[str, bool]:
    if g.get("value") is not None:
        value = _same(g["value"], f.value)
    else:
        value = _same(g.get("value_min"), f.value_min) and _same(g.get("value_max"), f.value_max)
    return {
        "value": value,
        "unit": f.unit in UNITS.get(g["unit"], {g["unit"]}),
        "qualifier": g.get("qualifier") == f.qualifier,
        "period": _year(g.get("period")) == _year(f.period),
        "side": g["side"] == f.side,
    }


def _got(f: Figure, name: str) -> object:
    if name != "value":
        return getattr(f, name)
    return f.value if f.value is not None else (f.value_min, f.value_max)


def _gold(g: dict[str, Any], name: str) -> object:
    if name != "value":
        return g.get(name)
    return g["value"] if g.get("value") is not None else (g.get("value_min"), g.get("value_max"))


def _score_contradictions(
    gold: dict[str, Any], review: Review, matched: dict[str, int], t: Tally
) -> None:
    # Figures annotated as repeats of one another stand for each other.
    same: dict[str, set[str]] = {f["id"]: {f["id"]} for f in gold["figures"]}
    for r in gold.get("consistent_repeats", []):
        a, b = r["a"]["figure"], r["b"]["figure"]
        group = same[a] | same[b]
        for x in group:
            same[x] = group
    index_of = {pi: gid for gid, pi in matched.items()}

    def pair_of(inc: Any) -> tuple[set[str], set[str]] | None:
        a, b = index_of.get(inc.a), index_of.get(inc.b)
        return (same[a], same[b]) if a and b else None

    wanted = [g for g in gold["inconsistencies"] if g.get("severity") not in NEUTRAL]
    neutral = [g for g in gold["inconsistencies"] if g.get("severity") in NEUTRAL]
    t.c_gold += len(wanted)

    def hits(inc: Any, g: dict[str, Any]) -> bool:
        p = pair_of(inc)
        if p is None:
            return False
        a, b = g["a"]["figure"], g["b"]["figure"]
        return (a in p[0] and b in p[1]) or (a in p[1] and b in p[0])

    found = set()
    for inc in review.inconsistencies:
        fa, fb = review.figures[inc.a], review.figures[inc.b]
        label = f"{fa.line} {fa.mention!r} / {fb.line} {fb.mention!r} [{inc.severity}]"
        if any(hits(inc, g) for g in neutral):
            t.notes.append(f"{gold['document']}: neutral pair reported: {label}")
            continue
        t.c_pred += 1
        true = [k for k, g in enumerate(wanted) if hits(inc, g)]
        if true:
            t.c_true += 1
            found.update(true)
        else:
            t.notes.append(f"{gold['document']}: false contradiction: {label}")
    t.c_found += len(found)
    for k, g in enumerate(wanted):
        if k not in found:
            t.notes.append(
                f"{gold['document']}: contradiction missed: {g['a']['line']} "
                f"{g['a']['mention']!r} / {g['b']['line']} {g['b']['mention']!r}"
            )


def _score_commitments(gold: dict[str, Any], review: Review, t: Tally) -> None:
    lines = review.document.text.split("\n")
    starts = review.document.line_starts
    pred = list(review.commitments)
    t.k_gold += len(gold["commitments"])
    t.k_pred += len(pred)
    for g in gold["commitments"]:
        gs, ge = _span(lines[g["line"] - 1], g["text"])
        best = None
        for c in pred:
            cs = c.start - starts[c.line - 1]
            if c.line == g["line"] and min(ge, cs + len(c.text)) > max(gs, cs):
                best = c
                break
        if best is None:
            t.notes.append(f"{gold['document']}:{g['line']}: commitment missed: {g['text']}")
            continue
        pred.remove(best)
        t.k_match += 1
        kind = KINDS.get(g["kind"], g["kind"])
        t.k_kind += best.kind == kind
        if best.kind != kind:
            t.notes.append(
                f"{gold['document']}:{g['line']}: commitment kind {best.kind}, gold {kind}: "
                f"{g['text'][:60]}"
            )
    for c in pred:
        t.notes.append(f"{gold['document']}:{c.line}: not a commitment: {c.text[:80]}")


def evaluate(paths: list[Path], annotated: bool) -> dict[str, Tally]:
    tallies: dict[str, Tally] = {}
    settings = Settings(method="lexical")
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        if "figures" not in gold or "turn_speakers" not in gold:
            continue
        review = analyze(ROOT / gold["document"], settings)
        if annotated:
            review = annotated_body(review, gold)
        t = tallies.setdefault(gold.get("language") or "en", Tally())
        t.documents += 1
        matched = _score_figures(gold, review, t)
        _score_contradictions(gold, review, matched, t)
        _score_commitments(gold, review, t)
    return tallies


def _prf(match: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = match / pred if pred else 0.0
    r = match / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def rows(tallies: dict[str, Tally]) -> list[dict[str, Any]]:
    out = []
    for lang, t in sorted(tallies.items()):
        fp, fr, ff = _prf(t.f_match, t.f_pred, t.f_gold)
        kp, kr, kf = _prf(t.k_match, t.k_pred, t.k_gold)
        m = t.f_match or 1
        out.append(
            {
                "language": lang,
                "documents": t.documents,
                "figures_p": fp,
                "figures_r": fr,
                "figures_f1": ff,
                "value": t.value / m,
                "unit": t.unit / m,
                "qualifier": t.qualifier / m,
                "period": t.period / m,
                "side": t.side / m,
                "contradictions_gold": t.c_gold,
                "contradictions_recall": t.c_found / t.c_gold if t.c_gold else 0.0,
                "contradictions_reported": t.c_pred,
                "contradictions_precision": t.c_true / t.c_pred if t.c_pred else 0.0,
                "commitments_p": kp,
                "commitments_r": kr,
                "commitments_f1": kf,
                "commitment_kind": t.k_kind / t.k_match if t.k_match else 0.0,
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="Print every miss.")
    parser.add_argument("--json", action="store_true", help="Print the rows as JSON.")
    parser.add_argument(
        "--annotated-body",
        action="store_true",
        help="Take sections and turns from the annotation: the fact stages alone.",
    )
    args = parser.parse_args()
    paths = sorted(ANNOTATIONS.glob("*.json")) + sorted(ANNOTATIONS.glob("[a-z][a-z]/*.json"))
    tallies = evaluate(paths, args.annotated_body)
    table = rows(tallies)
    if args.json:
        print(json.dumps(table, indent=2))
        return
    for r in table:
        print(f"{r['language']} ({r['documents']} documents)")
        print(
            f"  figures        F1 {r['figures_f1']:.3f} (P {r['figures_p']:.3f} "
            f"R {r['figures_r']:.3f})  value {r['value']:.3f}  unit {r['unit']:.3f}  "
            f"qualifier {r['qualifier']:.3f}  period {r['period']:.3f}  side {r['side']:.3f}"
        )
        print(
            f"  contradictions recall {r['contradictions_recall']:.3f} "
            f"(of {r['contradictions_gold']})  precision {r['contradictions_precision']:.3f} "
            f"(of {r['contradictions_reported']} reported)"
        )
        print(
            f"  commitments    F1 {r['commitments_f1']:.3f} (P {r['commitments_p']:.3f} "
            f"R {r['commitments_r']:.3f})  kind {r['commitment_kind']:.3f}"
        )
    if args.verbose:
        for lang, t in sorted(tallies.items()):
            for note in t.notes:
                print(f"[{lang}] {note}")


if __name__ == "__main__":
    main()
