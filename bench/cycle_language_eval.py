"""Summary records and concluding observations in French and Spanish, against their annotations.

    .venv/bin/python bench/cycle_language_eval.py          # a table per genre, a row per language
    .venv/bin/python bench/cycle_language_eval.py -v       # also every miss and mismatch
    .venv/bin/python bench/cycle_language_eval.py --json   # the rows as JSON

Inputs: the FICTIONAL French and Spanish records and concluding observations named by
tests/fixtures/annotations/{fr,es}/*-dialogue.json and *-co.json (written in those languages
by authors who never saw the corpus document). Nothing under ../shared is read. The pipeline
runs with Settings(method="lexical"); its JSON is scored, not the stages' internals. A report:
it prints numbers and asserts nothing.

Summary records (`*-dialogue.json`, the questions with a `record_line`):
* questions P/R/F1: a predicted question matches an annotated one on the same line with text
  similarity >= 0.8 (folded, difflib), one to one; askers: the share of matched questions
  whose asker is the annotated member (surname folded);
* speakers: the share of annotated participants named in the record who are found with the
  annotated side; the header's meeting number, date and Chair (three checks per record).

Concluding observations (`*-co.json`):
* recommendations P/R/F1 keyed by paragraph and letter; on matched items the share with
  line, text, heading, subject, articles, concern paragraph and follow-up flag all right;
* reiterations: of the matched items that the annotation or the output says reiterate, those
  whose cited symbol and paragraph are exactly the annotated ones; follow-up (its paragraph,
  the time given and the items named, by paragraph and letter) and the next report's due
  date: exact (a month-only due date is matched by any day of that month).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import asdict, dataclass, field
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
LANGUAGES = ("fr", "es")
_HONORIFIC = re.compile(
    r"^(?:(?:el|la) )?(?:mr|ms|mrs|dr|m|mme|mlle|sr|sra|srta|lic|dra)\.? ", re.I
)


def fold(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).replace("\u2019", "'")
    return re.sub(r"\s+", " ", s).strip().casefold()


def surname(s: str | None) -> str:
    """'Mme Ferreyra Acosta' and 'Lucía Ferreyra Acosta' both end in 'ferreyra acosta'."""
    return _HONORIFIC.sub("", fold(s))


def same_person(pred: str | None, gold: str, in_record: str | None) -> bool:
    p = surname(pred)
    return bool(p) and (fold(gold).endswith(p) or p == surname(in_record))


def _f1(match: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = match / pred if pred else 0.0
    r = match / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Records:
    documents: int = 0
    q_gold: int = 0
    q_pred: int = 0
    q_match: int = 0
    asker: int = 0
    speakers: int = 0
    speakers_right: int = 0
    header: int = 0
    header_right: int = 0
    misses: list[str] = field(default_factory=list)


@dataclass
class Observations:
    documents: int = 0
    r_gold: int = 0
    r_pred: int = 0
    r_match: int = 0
    fields_right: int = 0
    reiterations: int = 0
    reiterations_right: int = 0
    follow_up: int = 0
    follow_up_right: int = 0
    next_report: int = 0
    next_report_right: int = 0
    misses: list[str] = field(default_factory=list)


def _run(path: str) -> dict[str, Any]:
    return to_dict(analyze(ROOT / path, Settings(method="lexical")))


def score_record(gold: dict[str, Any], t: Records) -> None:
    """Each record of a dialogue annotation: its questions, speakers and header."""
    people = {p["name"]: p for p in gold["participants"]}
    for n, record in enumerate(gold["records"]):
        name = Path(record).name
        out = _run(record)
        t.documents += 1
        wanted = [q for q in gold["questions"] if q.get("record") == name]
        pred = list(out["questions"])
        t.q_gold += len(wanted)
        t.q_pred += len(pred)
        for q in wanted:
            match = next(
                (
                    p
                    for p in pred
                    if p["line"] == q["record_line"]
                    and SequenceMatcher(None, fold(q["record_text"]), fold(p["text"])).ratio()
                    >= 0.8
                ),
                None,
            )
            if match is None:
                t.misses.append(f"{name}:{q['record_line']}: missed: {q['record_text']}")
                continue
            pred.remove(match)
            t.q_match += 1
            who = people.get(q["asker"], {})
            if same_person(match["asker"], q["asker"], who.get("in_record")):
                t.asker += 1
            else:
                t.misses.append(f"{name}:{q['record_line']}: asker {match['asker']!r}")
        t.misses.extend(f"{name}:{p['line']}: not a question: {p['text']}" for p in pred)
        for p in gold["participants"]:
            if not p.get("in_record"):
                continue
            t.speakers += 1
            found = [
                x for x in out["participants"] if same_person(x["name"], p["name"], p["in_record"])
            ]
            if found and found[0]["side"] == p["side"]:
                t.speakers_right += 1
            else:
                sides = [x["side"] for x in found]
                t.misses.append(f"{name}: speaker {p['in_record']!r} found as {sides}")
        review = out["review"]
        chair = next((p for p in gold["participants"] if p.get("role") == "Chair"), None)
        checks = {
            "meeting": review.get("meeting") == int(gold["record_symbols"][n].rsplit(".", 1)[1]),
            "date": review.get("date") == gold["meeting_dates"][n],
            "chair": chair is not None and same_person(review.get("chair"), chair["name"], None),
        }
        t.header += len(checks)
        t.header_right += sum(checks.values())
        t.misses.extend(f"{name}: header {k} wrong" for k, ok in checks.items() if not ok)


def _key(paragraph: int, letter: str | None) -> str:
    return f"{paragraph} ({letter})" if letter else str(paragraph)


def _concern(lines: list[str], paragraph: int | None) -> str | None:
    if paragraph is None:
        return None
    return next((ln.split("\t", 1)[1] for ln in lines if ln.startswith(f"{paragraph}.\t")), None)


def due_matches(due: str | None, gold: str | None) -> bool:
    """The due date as annotated; a month without a day ("en julio de 2029", annotated
    "2029-07") is given as that month's last day, the only ISO date the schema allows."""
    if due is None or gold is None or len(gold) != 7:
        return due == gold
    return due.startswith(gold + "-")


def score_observations(gold: dict[str, Any], t: Observations) -> None:
    """One concluding-observations annotation: recommendations, reiterations, follow-up, next
    report."""
    name = Path(gold["document"]).name
    out = _run(gold["document"])
    lines = (ROOT / gold["document"]).read_text(encoding="utf-8").split("\n")
    t.documents += 1
    got = {_key(r["paragraph"], r["letter"]): r for r in out.get("recommendations") or []}
    want = {_key(r["paragraph"], r["letter"]): r for r in gold["recommendations"]}
    t.r_gold += len(want)
    t.r_pred += len(got)
    for key, w in want.items():
        r = got.get(key)
        if r is None:
            t.misses.append(f"{name}: recommendation {key} missed")
            continue
        t.r_match += 1
        fields = {
            "line": r["line"] == w["line"],
            # Ingest reads a no-break space as a space.
            "text": r["text"].split() == w["text"].split(),
            "heading": r["heading"] == w["heading"],
            "subject": r["subject"] == w["subject"],
            "articles": list(r["articles"]) == w["articles"],
            "concern": r["concern"] == _concern(lines, w["concern_paragraph"]),
            "follow_up": r["follow_up"] == w["follow_up"],
        }
        t.fields_right += all(fields.values())
        t.misses.extend(f"{name}: {key} {k} wrong" for k, ok in fields.items() if not ok)
        if r["reiterates"] is None and w["reiterates"] is None:
            continue
        t.reiterations += 1
        if r["reiterates"] == w["reiterates"]:
            t.reiterations_right += 1
        else:
            t.misses.append(f"{name}: {key} reiterates {r['reiterates']} not {w['reiterates']}")
    t.misses.extend(f"{name}: not a recommendation: {k}" for k in got if k not in want)
    review = out["review"]
    up = review.get("follow_up")
    t.follow_up += 1
    if gold.get("follow_up_paragraph") is None:
        ok = up is None
    else:
        g = gold["follow_up"]
        named = sorted(k for k, r in got.items() if r["follow_up"])
        ok = (
            up is not None
            and up["paragraph"] == g["paragraph"]
            and up["within"] == g["within"]
            and named == sorted(g["items"])
        )
    t.follow_up_right += ok
    if not ok:
        t.misses.append(f"{name}: follow-up {up}")
    t.next_report += 1
    due = (review.get("next_report") or {}).get("due")
    ok = due_matches(due, gold["next_report"]["due"])
    t.next_report_right += ok
    if not ok:
        t.misses.append(f"{name}: next report due {due} not {gold['next_report']['due']}")


def evaluate() -> tuple[dict[str, Records], dict[str, Observations]]:
    records: dict[str, Records] = {}
    observations: dict[str, Observations] = {}
    for lang in LANGUAGES:
        for path in sorted((ANNOTATIONS / lang).glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            if path.stem.endswith("-dialogue"):
                score_record(gold, records.setdefault(lang, Records()))
            elif path.stem.endswith("-co"):
                score_observations(gold, observations.setdefault(lang, Observations()))
    return records, observations


def rows(
    records: dict[str, Records], observations: dict[str, Observations]
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for lang, t in records.items():
        p, r, f = _f1(t.q_match, t.q_pred, t.q_gold)
        out.append(
            {
                "genre": "summary_record",
                "language": lang,
                "documents": t.documents,
                "questions_p": round(p, 3),
                "questions_r": round(r, 3),
                "questions_f1": round(f, 3),
                "askers": round(t.asker / t.q_match, 3) if t.q_match else 0.0,
                "speakers": f"{t.speakers_right}/{t.speakers}",
                "header": f"{t.header_right}/{t.header}",
            }
        )
    for lang, o in observations.items():
        p, r, f = _f1(o.r_match, o.r_pred, o.r_gold)
        out.append(
            {
                "genre": "concluding_observations",
                "language": lang,
                "documents": o.documents,
                "recommendations_p": round(p, 3),
                "recommendations_r": round(r, 3),
                "recommendations_f1": round(f, 3),
                "all_fields": f"{o.fields_right}/{o.r_match}",
                "reiterations": f"{o.reiterations_right}/{o.reiterations}",
                "follow_up": f"{o.follow_up_right}/{o.follow_up}",
                "next_report": f"{o.next_report_right}/{o.next_report}",
            }
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args(argv)
    records, observations = evaluate()
    table = rows(records, observations)
    if args.json:
        print(json.dumps(table, indent=2))
        return 0
    for row in table:
        print("  ".join(f"{k}={v}" for k, v in row.items()))
    if args.verbose:
        for t in [*records.values(), *observations.values()]:
            for miss in asdict(t)["misses"]:
                print("  -", miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
