"""Analysis speed: one document, then throughput over varied copies on one core, with the
sentence-embedding model (--method semantic, the default) and without it (lexical).

    python bench/analyze.py [FILE] [--copies N] [--method semantic|lexical|both] [--no-align]
    python bench/analyze.py [FILE] --scaling [--sizes 150,600,2900,20000]

Prints numbers; asserts nothing. With the model it also prints the model's loading time (once
per process, amortised over the copies) and the peak memory of the process. The default FILE
is the shared corpus document when present, else the bundled fictional sample. Copies are
varied (names, numbers, paragraph order inside sections) so that no cache can make the run look
faster than real use.

`--scaling` prints the table of issue 12: the document's varied copies joined to 150 KB,
600 KB, 2.9 MB and 20 MB (the size limit), once as normal paragraphs and once flattened into
one paragraph with no line breaks, analysed once each with the method given (lexical by
default); time per MB should stay within 2x across sizes (linear time).
"""

from __future__ import annotations

import argparse
import random
import re
import resource
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


def run(data: bytes, name: str, settings: Settings, copies: int, label: str) -> None:
    t0 = time.perf_counter()
    analyze_bytes(data, name, settings)  # warm-up: imports, country tables, the model
    first = time.perf_counter() - t0
    runs = 5 if settings.method == "semantic" else 20
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        to_dict(analyze_bytes(data, name, settings))
        times.append(time.perf_counter() - t0)
    print(f"[{label}] first call (imports, tables, model loading): {first * 1000:.0f} ms")
    print(
        f"[{label}] one document: median {statistics.median(times) * 1000:.1f} ms, "
        f"min {min(times) * 1000:.1f} ms over {runs} runs"
    )
    print(f"[{label}] per stage (median of 20 runs):")
    for stage, ms in stage_times(data, name, settings):
        print(f"  {stage:15} {ms:7.2f} ms")
    rng = random.Random(7)
    text = data.decode("utf-8")
    docs = [vary(text, rng).encode() for _ in range(copies)]
    t0 = time.perf_counter()
    questions = 0
    for i, doc in enumerate(docs):
        questions += len(analyze_bytes(doc, f"copy-{i}.txt", settings).questions)
    elapsed = time.perf_counter() - t0 + first
    print(
        f"[{label}] throughput: {copies} documents in {elapsed:.2f} s, first call included = "
        f"{elapsed / copies * 1000:.0f} ms per document on one core ({questions} questions)"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"[{label}] peak memory of the process so far: {peak:.0f} MB")


def grown(text: str, size: int, rng: random.Random) -> str:
    """Varied copies of `text` joined until the result is `size` bytes (cut at a paragraph)."""
    parts: list[str] = []
    total = 0
    while total < size:
        piece = vary(text, rng)
        parts.append(piece)
        total += len(piece.encode()) + 2
    joined = "\n\n".join(parts)
    cut = joined.encode()[:size].decode("utf-8", "ignore")
    return cut[: cut.rfind("\n\n")] if "\n\n" in cut[size // 2 :] else cut


def scaling(data: bytes, sizes_kb: list[int], settings: Settings) -> None:
    """One analysis per size and layout; seconds and seconds per MB."""
    text = data.decode("utf-8")
    analyze_bytes(data, "warm.txt", settings)
    print(f"{'size':>9} {'layout':<15} {'seconds':>8} {'s per MB':>9} {'questions':>9}")
    for kb in sizes_kb:
        body = grown(text, kb * 1024, random.Random(kb))
        for layout, doc in (("paragraphs", body), ("one paragraph", " ".join(body.split()))):
            raw = doc.encode()
            t0 = time.perf_counter()
            review = analyze_bytes(raw, f"scale-{kb}.txt", settings)
            took = time.perf_counter() - t0
            mb = len(raw) / (1024 * 1024)
            print(
                f"{len(raw) / 1024:8.0f}K {layout:<15} {took:8.2f} {took / mb:9.2f} "
                f"{len(review.questions):9d}",
                flush=True,
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("file", nargs="?", type=Path)
    ap.add_argument("--copies", type=int, default=0, help="default: 200 lexical, 20 semantic")
    ap.add_argument("--method", choices=["semantic", "lexical", "both"], default="both")
    ap.add_argument("--no-align", action="store_true", help="skip the question-answer stage")
    ap.add_argument("--scaling", action="store_true", help="time against input size")
    ap.add_argument("--sizes", default="150,600,2900,20000", help="KB, for --scaling")
    args = ap.parse_args()
    path = args.file or (CORPUS if CORPUS.exists() else SAMPLE)
    data = path.read_bytes()
    if args.scaling:
        method = "lexical" if args.method == "both" else args.method
        print(f"scaling: copies of {path.name}, {method}, alignment {not args.no_align}")
        sizes = [int(s) for s in args.sizes.split(",")]
        scaling(data, sizes, Settings(align=not args.no_align, method=method, time_limit=0))
        return
    print(
        f"document: {path.name} ({len(data) / 1024:.1f} KB), alignment "
        f"{'off' if args.no_align else 'on'}"
    )
    # Lexical first: the peak memory it reports is then without the model.
    methods = ["lexical", "semantic"] if args.method == "both" else [args.method]
    for method in methods:
        settings = Settings(align=not args.no_align, method=method)
        copies = args.copies or (20 if method == "semantic" else 200)
        run(data, path.name, settings, copies, method)


if __name__ == "__main__":
    main()
