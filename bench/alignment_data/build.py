"""Build the FICTIONAL calibration reviews of bench/alignment_data/ from marked-up sources.

    python bench/alignment_data/build.py          # every source/*.txt -> <stem>.txt + <stem>.json

A source is the review's text with two kinds of marks, so that line numbers and exact
substrings in the annotation can never drift from the text:
    {q:STATUS:ID|question text?}   a question unit; STATUS is a(nswered), p(artial) or u(nanswered)
    {e:ID,ID|evidence text}        delegation text that (partly) answers the questions ID, ...
    {n:ID|note}                    annotator's note on question ID (removed from the text)
Statuses follow the gold rules of ../shared/gold: answered when a delegation passage gives the
specific thing asked; partial when it addresses the topic but not the specific ask, or only part
of a multi-part ask; unanswered otherwise (also when a passage shares words but is about
something else). The builder checks: every evidence is an exact substring of its line, every
'?' sentence of a committee paragraph is a unit, the last line is the FICTIONAL marker, and
statuses agree with the evidence.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
MARK = re.compile(r"\{([qen]):([^|{}]*)\|([^{}]*)\}")
STATUS = {"a": "answered", "p": "partial", "u": "unanswered"}
RULES = (
    "FICTIONAL review written to calibrate the alignment stage on realistic dialogues: three "
    "question rounds, long multi-topic response paragraphs that paraphrase, round-one "
    "questions answered across several response blocks, answers in the presentation, and "
    "unanswered questions whose words recur in unrelated answers. Statuses follow the rules of "
    "../shared/gold: 'answered' when a delegation passage gives the specific thing asked; "
    "'partial' when it addresses the topic but not the specific ask, or only part of a "
    "multi-part ask; 'unanswered' otherwise. Built from source/ by build.py."
)
MARKER = "FICTIONAL SAMPLE"
SENT = re.compile(r"(?<=[.?!])\s+(?=[A-Z\"“])")
ANON = re.compile(r"^((?:A|An|Another|One|Some|Several|The same|A few)\b[^,.]{0,30}?Experts?)\b")


def build(src: Path) -> tuple[str, dict, list[str]]:
    raw = src.read_text(encoding="utf-8")
    errors: list[str] = []
    questions: dict[str, dict] = {}
    evidence: list[tuple[str, int, str]] = []
    notes: dict[str, str] = {}
    out_lines = []
    asker = ""
    for n, line in enumerate(raw.split("\n"), 1):
        plain = MARK.sub(lambda m: "" if m.group(1) == "n" else m.group(3), line)
        out_lines.append(plain)
        if not plain.strip():
            continue
        head = re.match(r"^([A-ZÀ-Ý][A-ZÀ-Ý'’. -]{3,}[A-ZÀ-Ý]),", plain)
        anon = ANON.match(plain)
        if head:
            asker = head.group(1).title()
        elif anon:
            asker = anon.group(1)
        for m in MARK.finditer(line):
            kind, arg, body = m.groups()
            if kind == "q":
                status, qid = arg.split(":")
                if qid in questions:
                    errors.append(f"{src.name}:{n}: duplicate id {qid}")
                text = body
                k = "direct" if text.endswith("?") else "request"
                if re.search(r"\b(asked|wondered|inquired|wished to know|wanted to know)\b", text):
                    k = "indirect"
                questions[qid] = {
                    "line": n,
                    "text": text,
                    "kind": k,
                    "asker": asker or "A Committee Expert",
                    "asker_inferred": not (head or anon),
                    "status": STATUS[status],
                    "answers": [],
                }
            elif kind == "e":
                for qid in arg.split(","):
                    evidence.append((qid.strip(), n, body))
            else:
                notes[arg] = body
        # every '?' sentence of a line holding questions must be a unit
        if "{q:" in line:
            units = {m.group(3) for m in MARK.finditer(line) if m.group(1) == "q"}
            for s in SENT.split(plain.strip()):
                if s.endswith("?") and s not in units:
                    errors.append(f"{src.name}:{n}: '?' sentence not marked: {s[:60]!r}")
    for qid, n, body in evidence:
        q = questions.get(qid)
        if q is None:
            errors.append(f"{src.name}:{n}: evidence for unknown question {qid}")
            continue
        if body not in out_lines[n - 1]:
            errors.append(f"{src.name}:{n}: evidence not on its line")
        q["answers"].append({"line": n, "evidence": body})
    for qid, q in questions.items():
        if (q["status"] == "unanswered") != (not q["answers"]):
            errors.append(
                f"{src.name}: question {qid} is {q['status']} with {len(q['answers'])} answers"
            )
        if q["text"] not in out_lines[q["line"] - 1]:
            errors.append(f"{src.name}: question {qid} text not on its line")
        if qid in notes:
            q["note"] = notes[qid]
    text = "\n".join(out_lines)
    if not text.endswith("\n"):
        text += "\n"
    if not text.rstrip("\n").split("\n")[-1].startswith(MARKER):
        errors.append(f"{src.name}: last line is not the FICTIONAL marker")
    doc = f"bench/alignment_data/{src.stem}.txt"
    ordered = sorted(
        questions.values(), key=lambda q: (q["line"], out_lines[q["line"] - 1].find(q["text"]))
    )
    ann = {"document": doc, "fictional": True, "rules": RULES, "questions": ordered}
    return text, ann, errors


def main(argv: list[str]) -> int:
    sources = [Path(a) for a in argv] or sorted((HERE / "source").glob("*.txt"))
    errors: list[str] = []
    for src in sources:
        text, ann, errs = build(src)
        errors += errs
        (HERE / f"{src.stem}.txt").write_text(text, encoding="utf-8")
        (HERE / f"{src.stem}.json").write_text(
            json.dumps(ann, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        qs = ann["questions"]
        counts = {s: sum(q["status"] == s for q in qs) for s in STATUS.values()}
        print(f"{src.stem}: {len(text.encode()) / 1024:.1f} KB, {len(qs)} questions {counts}")
    for e in errors:
        print("  " + e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
