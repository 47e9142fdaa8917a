"""The genre check (rapporteur/stages/genre.py): the Committee's own documents, which are not
read yet, are refused with what they are instead of being misread as a meeting summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapporteur.api import analyze

CYCLE = Path(__file__).resolve().parents[2] / "examples" / "cycle"


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("fictional-cmw-ardenia-co1.txt", "concluding observations (symbol CMW/C/ARD/CO/1"),
        ("fictional-cmw-ardenia-co2.txt", "concluding observations (symbol CMW/C/ARD/CO/2"),
        ("fictional-crc-ardenia-co5.txt", "concluding observations (symbol CRC/C/ARD/CO/5-6"),
        ("fictional-cmw-ardenia-sr545.txt", "summary record"),
        ("fictional-cmw-ardenia-sr546.txt", "summary record"),
    ],
)
def test_genre_committee_documents_are_named_and_refused(name: str, words: str) -> None:
    review = analyze(CYCLE / name)
    assert review.is_dialogue is False
    assert words in review.warnings[-1]
    assert "does not read" in review.warnings[-1]


def test_genre_the_meeting_summary_of_the_same_dialogue_is_read() -> None:
    review = analyze(CYCLE / "fictional-cmw-ardenia-summary.txt")
    assert review.is_dialogue is True
    assert len(review.questions) >= 30
