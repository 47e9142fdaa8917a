"""Time of the alignment (dialogue) stage alone, and of a whole analysis with and without it.

    python bench/analyze_alignment.py [FILE ...]

Prints numbers; asserts nothing. Default files: the shared corpus document when present and
the fictional samples, for both linking methods. "first call" includes loading the thesaurus,
the stemmer and the model (once per process); "stage" is the median of later calls on a review
analysed up to the questions.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapporteur.api import analyze_bytes  # noqa: E402
from rapporteur.settings import Settings  # noqa: E402
from rapporteur.stages import alignment  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "cmw37-kyrgyzstan-meeting-summary.txt"
DEFAULT = [CORPUS, ROOT / "examples" / "fictional-cmw-review.txt"]


def median_ms(fn, runs: int = 30) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or [p for p in DEFAULT if p.exists()]
    first = True
    for path in paths:
        data = path.read_bytes()
        review = analyze_bytes(data, path.name, Settings(align=False))
        if first:
            t0 = time.perf_counter()
            alignment.run(review, Settings())
            print(
                "first call (loads thesaurus, stemmer, model): "
                f"{(time.perf_counter() - t0) * 1000:.1f} ms"
            )
            first = False
        for method, runs in (("lexical", 30), ("semantic", 5)):
            settings = Settings(method=method)
            stage = median_ms(lambda r=review, s=settings: alignment.run(r, s), runs)
            on = median_ms(lambda d=data, n=path.name, s=settings: analyze_bytes(d, n, s), runs)
            print(
                f"{path.name} ({len(data) / 1024:.1f} KB, {len(review.questions)} questions), "
                f"{method}: alignment stage {stage:.1f} ms; whole analysis {on:.1f} ms"
            )
        off = median_ms(lambda d=data, n=path.name: analyze_bytes(d, n, Settings(align=False)))
        print(f"{path.name}: whole analysis without alignment {off:.1f} ms")


if __name__ == "__main__":
    main()
