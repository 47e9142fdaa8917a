"""Contradictions between figures of invented reviews: real ones found, look-alikes not."""

from __future__ import annotations

from collections.abc import Sequence

from rapporteur.models import Review
from rapporteur.stages import contradictions, figures
from tests.stages.facts_builders import SETTINGS, build_review


def _run(turns: Sequence[tuple[str, str | None, str]]) -> Review:
    review = figures.run(build_review(turns), SETTINGS)
    return contradictions.run(review, SETTINGS)


def test_contradictions_real_conflict_across_sides() -> None:
    review = _run(
        [
            ("committee", None, "An Expert said remittances amounted to 1.8 billion dollars."),
            ("delegation", None, "In 2022, remittances totalled 2.4 billion dollars."),
        ]
    )
    [inc] = review.inconsistencies
    a, b = review.figures[inc.a], review.figures[inc.b]
    assert (a.value, b.value) == (1_800_000_000, 2_400_000_000)
    assert inc.severity == "possible"  # across sides, and the Expert gave no year
    assert "'1.8 billion dollars' (line 1" in inc.reason
    assert "'2.4 billion dollars' (line 3" in inc.reason


def test_contradictions_same_side_same_period_is_a_conflict() -> None:
    review = _run(
        [
            ("delegation", None, "The labour quota for 2023 was set at 8,000 foreign workers."),
            ("delegation", None, "Officials met employers twice. For 2023, the quota was 12,000."),
        ]
    )
    [inc] = review.inconsistencies
    assert inc.severity == "conflict"
    assert "for 2023" in inc.reason


def test_contradictions_consistent_repetition_is_not_reported() -> None:
    review = _run(
        [
            ("delegation", None, "About 2.6 million people worked abroad in seasonal jobs."),
            ("delegation", None, "In seasonal jobs abroad, 2,600,000 people worked."),
        ]
    )
    assert len(review.figures) == 2
    assert review.inconsistencies == ()


def test_contradictions_qualifier_only_difference_is_not_reported() -> None:
    review = _run(
        [
            ("delegation", None, "More than 1 million emigrants lived in the Gulf States."),
            (
                "committee",
                None,
                "An Expert said around 1 million emigrants lived in the Gulf States.",
            ),
        ]
    )
    assert review.inconsistencies == ()


def test_contradictions_different_periods_are_not_reported() -> None:
    review = _run(
        [
            ("delegation", None, "In 2021, 300 cases of trafficking were identified."),
            ("delegation", None, "In 2022, 450 cases of trafficking were identified."),
        ]
    )
    assert review.inconsistencies == ()


def test_contradictions_different_measured_things_are_not_reported() -> None:
    review = _run(
        [
            ("delegation", None, "Last year 1,200 children born abroad were registered at birth."),
            ("delegation", None, "Some 3,400 children were placed in foster care."),
            ("delegation", None, "There were 14 shelters for victims of violence."),
            ("delegation", None, "The country had 9 shelters run by the churches."),
            ("committee", None, "An Expert said 45 per cent of migrants were women."),
            ("delegation", None, "Unemployment stood at 12 per cent."),
            ("delegation", None, "Some 39 per cent held a job, against 64 per cent of the rest."),
            ("delegation", None, "Of the fleet, 86 per cent had ramps, and the rest would follow."),
            ("delegation", None, "The budget of the Institute had doubled."),
            ("delegation", None, "Titles were given to 112 communities of the Institute."),
        ]
    )
    assert review.inconsistencies == ()


def test_contradictions_figures_of_one_sentence_are_never_paired() -> None:
    review = _run(
        [("delegation", None, "In 2022, 5,000 corruption cases were opened and 120 went to court.")]
    )
    assert review.inconsistencies == ()


def test_contradictions_years_that_date_events_are_ignored() -> None:
    review = _run(
        [
            ("delegation", None, "The migration strategy ran until 2025."),
            ("delegation", None, "The migration strategy was adopted for 2030."),
        ]
    )
    assert review.figures == () and review.inconsistencies == ()
