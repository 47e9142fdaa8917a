"""The per-document time limit (rapporteur/deadline.py): a deadline that has passed stops the
analysis with one sentence; none, or one not yet reached, changes nothing."""

from __future__ import annotations

import time

import pytest

from rapporteur import deadline
from rapporteur.api import analyze_text
from rapporteur.errors import AnalysisTooSlow
from rapporteur.settings import Settings
from tests.fictional import review_text


def test_deadline_passed_raises_with_the_limit_named() -> None:
    with deadline.limit(0.001):
        time.sleep(0.01)
        with pytest.raises(AnalysisTooSlow, match=r"limit of 0\.001 seconds"):
            deadline.check()
    deadline.check()  # outside the block: no deadline


def test_deadline_zero_means_none_and_an_earlier_outer_deadline_stays() -> None:
    with deadline.limit(0):
        deadline.check()
    with deadline.limit(0.001), deadline.limit(60):
        time.sleep(0.01)
        with pytest.raises(AnalysisTooSlow):
            deadline.check()


def test_deadline_applies_to_the_whole_pipeline() -> None:
    text = review_text(3)
    with pytest.raises(AnalysisTooSlow):
        analyze_text(text, settings=Settings(method="lexical", time_limit=1e-9))
    generous = analyze_text(text, settings=Settings(method="lexical", time_limit=600))
    unlimited = analyze_text(text, settings=Settings(method="lexical", time_limit=0))
    assert generous.questions == unlimited.questions and generous.questions
