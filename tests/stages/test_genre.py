"""The genre check (rapporteur/stages/genre.py): concluding observations and summary records are
read as what they are; a Committee document no genre can read is refused with what it is
instead of being misread as a meeting summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapporteur.api import analyze, analyze_text
from rapporteur.genres.concluding_observations import RECOMMENDS

CYCLE = Path(__file__).resolve().parents[2] / "examples" / "cycle"


@pytest.mark.parametrize(
    ("name", "symbol", "committee", "follow_up"),
    [
        ("fictional-cmw-ardenia-co1.txt", "CMW/C/ARD/CO/1", "CMW", True),
        ("fictional-cmw-ardenia-co2.txt", "CMW/C/ARD/CO/2", "CMW", True),
        ("fictional-crc-ardenia-co5.txt", "CRC/C/ARD/CO/5-6", "CRC", False),
    ],
)
def test_genre_concluding_observations_are_read_not_refused(
    name: str, symbol: str, committee: str, follow_up: bool
) -> None:
    review = analyze(CYCLE / name)
    assert review.document_kind == "concluding_observations"
    assert review.is_dialogue is True
    assert review.metadata is not None
    assert (review.metadata.symbol, review.metadata.committee) == (symbol, committee)
    assert review.recommendations and not review.questions and not review.turns
    assert review.next_report is not None and review.next_report.due
    assert (review.follow_up is not None) is follow_up
    assert not any("does not read" in w for w in review.warnings)


def test_genre_concluding_observations_without_recommendations_say_so() -> None:
    text = (CYCLE / "fictional-cmw-ardenia-co2.txt").read_text(encoding="utf-8")
    # Keep the title, symbol and section titles; drop every recommendation's verb.
    gutted = RECOMMENDS.sub("Committee notes", text)
    review = analyze_text(gutted)
    assert review.document_kind != "concluding_observations"
    assert review.is_dialogue is False
    assert not review.recommendations


@pytest.mark.parametrize(
    ("name", "symbol", "meeting", "date"),
    [
        ("fictional-cmw-ardenia-sr545.txt", "CMW/C/SR.545", 545, "2024-04-05"),
        ("fictional-cmw-ardenia-sr546.txt", "CMW/C/SR.546", 546, "2024-04-06"),
    ],
)
def test_genre_summary_records_are_read_not_refused(
    name: str, symbol: str, meeting: int, date: str
) -> None:
    review = analyze(CYCLE / name)
    assert review.document_kind == "summary_record"
    assert review.is_dialogue is True
    assert review.metadata is not None
    assert (review.metadata.symbol, review.metadata.meeting, review.metadata.date) == (
        symbol,
        meeting,
        date,
    )
    assert review.questions and review.turns
    assert not any("does not read" in w for w in review.warnings)


def test_genre_the_meeting_summary_of_the_same_dialogue_is_read() -> None:
    review = analyze(CYCLE / "fictional-cmw-ardenia-summary.txt")
    assert review.is_dialogue is True
    assert len(review.questions) >= 30


HEARING = """Parliamentary Committee Questions Minister of Labour on Seasonal Workers

The Standing Committee on Labour and Social Affairs of the National Assembly today held a \
hearing with the Minister of Labour on the situation of seasonal agricultural workers.

Presentation

JOHN ALDER, Minister of Labour, said that the Government had registered 14,000 seasonal \
workers in 2023, up from 9,000 in 2021.

Questions by Members

MARIA KOVAC, Member of the Committee, asked how many inspections had been carried out on \
farms in 2023. Did seasonal workers have access to health insurance?

Responses

The Minister said that 420 inspections had been carried out on farms in 2023. Seasonal \
workers were covered by health insurance from their first day of work.

FICTIONAL SAMPLE for rapporteur tests: not a UN record.
"""


def test_genre_a_hearing_without_a_treaty_body_is_read_with_a_warning() -> None:
    review = analyze_text(HEARING)
    assert review.is_dialogue is True
    assert len(review.questions) == 2
    assert any("No UN treaty body is named" in w for w in review.warnings)


def test_genre_refusals_name_what_is_missing() -> None:
    no_talk = "\n\n".join(p for p in HEARING.split("\n\n") if "said" not in p and "asked" not in p)
    review = analyze_text(no_talk)
    assert review.is_dialogue is False
    assert "names no UN treaty body and holds no dialogue" in review.warnings[-1]
    named = no_talk.replace(
        "The Standing Committee on Labour and Social Affairs of the National Assembly",
        "The Committee against Torture",
    )
    review = analyze_text(named)
    assert review.is_dialogue is False
    assert "names the Committee against Torture but holds no dialogue" in review.warnings[-1]
