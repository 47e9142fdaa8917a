"""Coverage-guided fuzzing of the text and HTML ingest paths and the whole analysis (atheris).

    mkdir -p fuzz/work && cp fuzz/seeds/* fuzz/work/
    python fuzz/fuzz_ingest.py fuzz/work -max_total_time=600   # ten minutes
    make fuzz                                                   # the same, 60 seconds

A finding is any exception other than a RapporteurError (which is how bad input must be
refused) or a hang/crash reported by libFuzzer. Keep every finding as a regression test.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import rapporteur.stages.alignment
    import rapporteur.stages.commitments
    import rapporteur.stages.contradictions
    import rapporteur.stages.figures
    import rapporteur.stages.genre
    import rapporteur.stages.metadata
    import rapporteur.stages.parse_html
    import rapporteur.stages.questions
    import rapporteur.stages.segment
    import rapporteur.stages.sentences
    import rapporteur.stages.speakers
    import rapporteur.stages.themes  # noqa: F401  (instrumented for coverage)
    from rapporteur.api import analyze_document
    from rapporteur.errors import RapporteurError
    from rapporteur.output.json_out import to_dict
    from rapporteur.settings import Settings
    from rapporteur.stages.ingest import document_from_bytes

SETTINGS = Settings(max_bytes=2_000_000)


def test_one_input(data: bytes) -> None:
    if not data:
        return
    # The first byte picks the path, so one corpus exercises both parsers.
    name = "input.html" if data[0] % 2 else "input.txt"
    try:
        document = document_from_bytes(data[1:], name, SETTINGS, name=name)
        review = analyze_document(document, SETTINGS)
    except RapporteurError:
        return
    data_out = to_dict(review)
    text = review.document.text
    for q in review.questions:
        assert text[q.start : q.end] == q.text, q
    assert data_out["schema"] == "rapporteur/review@1"


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
