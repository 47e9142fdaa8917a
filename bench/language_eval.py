"""The same analysis in each language: meeting summaries against their hand annotations.

    .venv/bin/python bench/language_eval.py            # one table, a row per language
    .venv/bin/python bench/language_eval.py -v         # also every miss and mismatch
    .venv/bin/python bench/language_eval.py --json     # the rows as JSON

Inputs: the annotated FICTIONAL meeting summaries, tests/fixtures/annotations/*.json (English)
and tests/fixtures/annotations/{fr,es}/*.json (French and Spanish: written in those languages
by authors who never saw the corpus document), each naming its document under examples/.
Nothing under ../shared is read. The pipeline runs with Settings(method="lexical"), the path
every language has. This is a report: it prints numbers and asserts nothing.

Metrics per language (pooled over its documents):
* committee, State (ISO code), report (kind + numbers) and head of delegation (a participant
  with the role "head of delegation" whose folded name is the annotated one): exact, as the
  share of documents right. The State counts only where it is real ("n/a" for the fictional
  States of the French and Spanish samples, which have no ISO code to find); a report the
  annotation describes as "combined" is expected with the contract's kind "combined";
* questions P/R/F1: a predicted question matches an annotated one on the same line with
  text similarity >= 0.8 (folded, difflib), one to one; askers: the share of matched
  questions with the annotated asker (honorifics and case folded);
* figures P/R/F1: same line and overlapping mention span, one to one; predicted figures on
  lines outside the annotated body are not counted; an annotated figure marked optional
  counts when found and is not a miss when not;
* statuses on matched questions: accuracy, macro-F1 over answered/partial/unanswered, and
  unanswered F1 — the metrics the English corpus is scored with;
* answers (`answer_hits`): best answer first / in the top three, over matched questions the
  annotation answers (answered or partial, with answer lines): a hit when a predicted answer
  is on an annotated answer's line, as bench/alignment_eval.py counts it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from rapporteur.api import analyze  # noqa: E402
from rapporteur.output.json_out import to_dict  # noqa: E402
from rapporteur.settings import Settings  # noqa: E402

ANNOTATIONS = ROOT / "tests" / "fixtures" / "annotations"
STATUSES = ("answered", "partial", "unanswered")
_HONORIFIC = re.compile(r"^(?:mr|ms|mrs|dr|maitre|m|mme|mlle|sr|sra|srta|lic|dra)\.? ")


def fold(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).replace("\u2019", "'")
    return re.sub(r"\s+", " ", s).strip().casefold()


def person(s: str | None) -> str:
    return _HONORIFIC.sub("", fold(s))


@dataclass
class Tally:
    documents: int = 0
    committee: int = 0
    state: int = 0
    report: int = 0
    head: int = 0
    state_documents: int = 0
    """Documents about a real State (a fictional one has no ISO code to find)."""
    head_documents: int = 0
    """Documents whose annotation names a head of delegation (the others are not counted)."""
    q_gold: int = 0
    q_pred: int = 0
    q_match: int = 0
    asker: int = 0
    f_gold: int = 0
    f_pred: int = 0
    f_match: int = 0
    pairs: list[tuple[str, str]] = field(default_factory=list)
    """(gold status, predicted status) of matched questions."""
    misses: list[str] = field(default_factory=list)


def _f1(match: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = match / pred if pred else 0.0
    r = match / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _status_scores(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    if not pairs:
        return 0.0, 0.0, 0.0
    accuracy = sum(g == p for g, p in pairs) / len(pairs)
    f1s = {}
    for s in STATUSES:
        tp = sum(g == p == s for g, p in pairs)
        _, _, f1s[s] = _f1(tp, sum(p == s for _, p in pairs), sum(g == s for g, _ in pairs))
    return accuracy, sum(f1s.values()) / len(f1s), f1s["unanswered"]


def _score_metadata(gold: dict[str, Any], out: dict[str, Any], t: Tally) -> None:
    g, r = gold["review"], out["review"] or {}
    name = gold["document"]
    report = r.get("report") or {}
    kind = g["report"]["kind"]
    if "combined" in (g["report"].get("description") or ""):
        kind = "combined"  # the contract's kind for "combined fifth and sixth" (DESIGN.md)
    checks = {
        "committee": r.get("committee") == g["committee"],
        "report": [report.get("kind"), report.get("numbers")] == [kind, g["report"]["numbers"]],
    }
    if "fictional" not in (g["state_party"].get("note") or ""):
        t.state_documents += 1  # a fictional State has no ISO code to find
        checks["state"] = (r.get("state_party") or {}).get("iso3") == g["state_party"]["iso3"]
    heads = [p for p in gold["participants"] if "head of delegation" in p.get("roles", [])]
    found = {person(p["name"]) for p in out["participants"] if "head of delegation" in p["roles"]}
    if heads:
        t.head_documents += 1
        checks["head"] = {person(h["name"]) for h in heads} <= found
    for key, ok in checks.items():
        setattr(t, key, getattr(t, key) + ok)
        if not ok:
            t.misses.append(f"{name}: {key} wrong")


def matching(q: dict[str, Any], pred: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The predicted question on the same line whose folded text is >= 0.8 similar."""
    return next(
        (
            p
            for p in pred
            if p["line"] == q["line"]
            and SequenceMatcher(None, fold(q["text"]), fold(p["text"])).ratio() >= 0.8
        ),
        None,
    )


def _score_questions(gold: dict[str, Any], out: dict[str, Any], t: Tally) -> None:
    pred = list(out["questions"])
    t.q_gold += len(gold["questions"])
    t.q_pred += len(pred)
    for q in gold["questions"]:
        match = matching(q, pred)
        if match is None:
            t.misses.append(f"{gold['document']}:{q['line']}: question missed: {q['text']}")
            continue
        pred.remove(match)
        t.q_match += 1
        if person(match["asker"]) == person(q["asker"]):
            t.asker += 1
        else:
            t.misses.append(f"{gold['document']}:{q['line']}: asker {match['asker']!r}")
        t.pairs.append((q["status"], match["status"]))
    for p in pred:
        t.misses.append(f"{gold['document']}:{p['line']}: not a question: {p['text']}")


_SPACE_LIKE = re.compile("[\u00a0\u2007\u202f\u2009\u200a\u3000]")
"""Read as plain spaces when a document is read ("9 200" with a no-break space), so the gold
mentions and lines are compared the same way."""


def _occurrences(line: str, mention: str) -> list[int]:
    """Every start of a mention in its line ("14 ans" may be said twice on one line)."""
    return [m.start() for m in re.finditer(re.escape(mention), line)] if mention else []


def _score_figures(gold: dict[str, Any], out: dict[str, Any], text: str, t: Tally) -> None:
    lines = _SPACE_LIKE.sub(" ", text).split("\n")
    body = {f["line"] for f in gold["figures"]}
    first, last = (min(body), max(body)) if body else (0, 0)
    pred = [f for f in out["figures"] if first <= f["line"] <= last]
    t.f_gold += sum(not g.get("optional") for g in gold["figures"])
    t.f_pred += len(pred)
    # Optional figures (dates, ordinals the annotation allows either way) count when found
    # and are not missed when not.
    for g in sorted(gold["figures"], key=lambda g: bool(g.get("optional"))):
        line = lines[g["line"] - 1]
        mention = _SPACE_LIKE.sub(" ", g["mention"])
        start = line.find(mention)
        span = (start, start + len(mention))
        match = next(
            (
                f
                for f in pred
                if f["line"] == g["line"]
                and any(
                    s < span[1] and s + len(f["mention"]) > span[0]
                    for s in _occurrences(line, f["mention"])
                )
            ),
            None,
        )
        if match is None:
            if not g.get("optional"):
                t.misses.append(f"{gold['document']}:{g['line']}: figure missed: {g['mention']}")
            continue
        pred.remove(match)
        t.f_match += 1
        t.f_gold += bool(g.get("optional"))


def evaluate(paths: list[Path]) -> dict[str, Tally]:
    tallies: dict[str, Tally] = {}
    settings = Settings(method="lexical")
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        if "questions" not in gold or "review" not in gold:
            continue  # a dialogue or concluding-observations annotation
        source = ROOT / gold["document"]
        out = to_dict(analyze(source, settings))
        t = tallies.setdefault(gold.get("language", "en"), Tally())
        t.documents += 1
        _score_metadata(gold, out, t)
        _score_questions(gold, out, t)
        _score_figures(gold, out, source.read_text(encoding="utf-8"), t)
        answer_hits(gold, out, HITS.setdefault(gold.get("language", "en"), [0, 0, 0]))
    return tallies


def rows(tallies: dict[str, Tally]) -> list[dict[str, Any]]:
    out = []
    for lang, t in sorted(tallies.items()):
        qp, qr, qf = _f1(t.q_match, t.q_pred, t.q_gold)
        fp, fr, ff = _f1(t.f_match, t.f_pred, t.f_gold)
        acc, macro, unanswered = _status_scores(t.pairs)
        n = t.documents
        out.append(
            {
                "language": lang,
                "documents": n,
                "committee": t.committee / n,
                "state": t.state / t.state_documents if t.state_documents else None,
                "report": t.report / n,
                "head": t.head / t.head_documents if t.head_documents else 1.0,
                "questions_p": qp,
                "questions_r": qr,
                "questions_f1": qf,
                "askers": t.asker / t.q_match if t.q_match else 0.0,
                "figures_p": fp,
                "figures_r": fr,
                "figures_f1": ff,
                "status_accuracy": acc,
                "status_macro_f1": macro,
                "unanswered_f1": unanswered,
            }
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="Print every miss.")
    parser.add_argument("--json", action="store_true", help="Print the rows as JSON.")
    args = parser.parse_args()
    paths = sorted(ANNOTATIONS.glob("*.json")) + sorted(ANNOTATIONS.glob("[a-z][a-z]/*.json"))
    tallies = evaluate(paths)
    table = rows(tallies)
    if args.json:
        print(json.dumps(table, indent=2))
        return
    head: tuple[str, ...] = ("lang", "docs", "committee", "State", "report", "head")
    head += ("questions F1", "askers", "figures F1", "status acc", "macro-F1", "unanswered F1")
    print(" | ".join(head))
    for r in table:
        print(
            f"{r['language']} | {r['documents']} | {r['committee']:.2f} | "
            f"{'n/a' if r['state'] is None else format(r['state'], '.2f')} | "
            f"{r['report']:.2f} | {r['head']:.2f} | {r['questions_f1']:.3f} "
            f"(P {r['questions_p']:.2f} R {r['questions_r']:.2f}) | {r['askers']:.3f} | "
            f"{r['figures_f1']:.3f} (P {r['figures_p']:.2f} R {r['figures_r']:.2f}) | "
            f"{r['status_accuracy']:.3f} | {r['status_macro_f1']:.3f} | "
            f"{r['unanswered_f1']:.3f}"
        )
    for lang, (h1, h3, n) in sorted(HITS.items()):
        print(
            f"{lang} answers: best first {h1 / n if n else 0:.3f}, top three "
            f"{h3 / n if n else 0:.3f} ({n} answered or partial questions matched)"
        )
    if args.verbose:
        for lang, t in sorted(tallies.items()):
            for miss in t.misses:
                print(f"[{lang}] {miss}")


# --- answers (question-answer linking) ----------------------------------------------------

HITS: dict[str, list[int]] = {}
"""Per language: [best answer first, in the top three, questions counted]."""


def answer_hits(gold: dict[str, Any], out: dict[str, Any], tally: list[int]) -> None:
    """Add one document's hit@1 and hit@3 to `tally`: over the annotated questions that are
    answered or partial with answer lines and that a predicted question matches (same line,
    text similarity >= 0.8, one to one, as `_score_questions`)."""
    pred = list(out["questions"])
    for q in gold["questions"]:
        match = matching(q, pred)
        if match is None:
            continue
        pred.remove(match)
        lines = {a["line"] for a in q.get("answers") or []}
        if q["status"] == "unanswered" or not lines:
            continue
        got = [a["line"] for a in match.get("answers") or []]
        tally[0] += bool(got) and got[0] in lines
        tally[1] += bool(set(got[:3]) & lines)
        tally[2] += 1


if __name__ == "__main__":
    main()
