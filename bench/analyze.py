"""Analysis speed: one document, then throughput over 1,000 varied copies on one core.

    python bench/analyze.py [FILE] [--copies N] [--no-align]

Prints numbers; asserts nothing. The default FILE is the shared corpus document when present,
else the bundled fictional sample. Copies are varied (names, numbers, paragraph order inside
sections) so that no cache can make the run look faster than real use.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapporteur.api import analyze_bytes  # noqa: E402
from rapporteur.output.json_out import to_dict  # noqa: E402
from rapporteur.settings import Settings  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "cmw37-kyrgyzstan-meeting-summary.txt"
SAMPLE = ROOT / "examples" / "fictional-cmw-review.txt"


def vary(text: str, rng: random.Random) -> str:
    """A plausible different document: other numbers, shuffled paragraphs within runs."""
    text = re.sub(r"\d[\d,]*", lambda m: str(rng.randint(2, 90000)), text)
    paragraphs = text.split("\n\n")
    i = 0
    while i < len(paragraphs):
        j = i
        while j < len(paragraphs) and len(paragraphs[j]) > 300:
            j += 1
        if j - i > 1:
            run = paragraphs[i:j]
            rng.shuffle(run)
            paragraphs[i:j] = run
        i = j + 1
    return "\n\n".join(paragraphs)


def stage_times(data: bytes, name: str, settings: Settings) -> list[tuple[str, float]]:
    """Median time of each pipeline stage on one document, ingest included."""
    from rapporteur import pipeline
    from rapporteur.models import Review
    from rapporteur.stages.ingest import document_from_bytes

    out = []
    runs = []
    for _ in range(20):
        t0 = time.perf_counter()
        document = document_from_bytes(data, name, settings, name=name)
        runs.append(time.perf_counter() - t0)
    out.append(("ingest", statistics.median(runs) * 1000))
    review = Review(document=document)
    names = [n for n in pipeline.DEFAULT if settings.align or n != "dialogue"]
    for stage in pipeline.check(names):
        fn = stage.load()
        if fn is None:
            continue
        runs = []
        for _ in range(20):
            t0 = time.perf_counter()
            after = fn(review, settings)
            runs.append(time.perf_counter() - t0)
        out.append((stage.name, statistics.median(runs) * 1000))
        review = after
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("file", nargs="?", type=Path)
    ap.add_argument("--copies", type=int, default=1000)
    ap.add_argument("--no-align", action="store_true", help="skip the question-answer stage")
    args = ap.parse_args()
    path = args.file or (CORPUS if CORPUS.exists() else SAMPLE)
    data = path.read_bytes()
    settings = Settings(align=not args.no_align)

    analyze_bytes(data, path.name, settings)  # warm-up: imports, country tables
    times = []
    for _ in range(20):
        t0 = time.perf_counter()
        review = analyze_bytes(data, path.name, settings)
        to_dict(review)
        times.append(time.perf_counter() - t0)
    print(
        f"document: {path.name} ({len(data) / 1024:.1f} KB), alignment "
        f"{'off' if args.no_align else 'on'}"
    )
    print(
        f"one document: median {statistics.median(times) * 1000:.1f} ms, "
        f"min {min(times) * 1000:.1f} ms over {len(times)} runs"
    )

    print("per stage (median of 20 runs):")
    for name, ms in stage_times(data, path.name, settings):
        print(f"  {name:15} {ms:7.2f} ms")

    rng = random.Random(7)
    text = data.decode("utf-8")
    copies = [vary(text, rng).encode() for _ in range(args.copies)]
    t0 = time.perf_counter()
    questions = 0
    for i, doc in enumerate(copies):
        questions += len(analyze_bytes(doc, f"copy-{i}.txt", settings).questions)
    elapsed = time.perf_counter() - t0
    print(
        f"throughput: {args.copies} documents in {elapsed:.2f} s = "
        f"{args.copies / elapsed:.1f} documents/s on one core ({questions} questions)"
    )


if __name__ == "__main__":
    main()
