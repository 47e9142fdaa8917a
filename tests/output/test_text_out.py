"""`analyze --format text`: each status with how sure the tool is of it, in plain words."""

from __future__ import annotations

import dataclasses
from functools import cache

from rapporteur.api import analyze
from rapporteur.models import Review
from rapporteur.output import text_out
from tests.output.samples import FIXTURE, certainty_data


def _lines(index: int) -> str:
    return "\n".join(text_out.question_lines(certainty_data()["questions"][index]))


def test_text_sure_answer_with_its_reason_and_score() -> None:
    text = _lines(0)
    assert "— ✔ answered — sure (92%)" in text
    assert "Why: The delegation gave the number of workers abroad." in text
    assert "Answer [11] (score 0.61): There were 1.4 million workers abroad." in text


def test_text_status_to_check_says_so() -> None:
    text = _lines(1)
    assert "— ◐ partial — please check (confidence 55%)" in text
    assert "Partial answer [11] (score 0.61)" in text


def test_text_unanswered_shows_the_closest_passage_without_a_score() -> None:
    for index, words in ((2, "please check (confidence 40%)"), (3, "sure (88%)")):
        text = _lines(index)
        assert f"— ✘ unanswered — {words}" in text
        assert "Closest passage (not an answer) [11]: A census would be held in 2026." in text
        assert "score" not in text.split("Closest passage")[1]
        assert "Answer [" not in text


@cache
def _review() -> Review:
    review = analyze(FIXTURE)
    sure = [
        dataclasses.replace(q, confidence=0.9, needs_check=False)
        if i % 2
        else dataclasses.replace(q, confidence=None, needs_check=True)
        for i, q in enumerate(review.questions)
    ]
    return dataclasses.replace(review, questions=tuple(sure))


def test_text_render_counts_the_statuses_to_check() -> None:
    review = _review()
    text = text_out.render(review)
    to_check = sum(q.needs_check for q in review.questions)
    assert f"; {to_check} to check)" in text
    assert text.count("— sure (90%)") == len(review.questions) - to_check
    assert text.count("please check (confidence unknown)") == to_check
    for q in review.questions:
        if q.status == "unanswered" and q.answers:
            assert f"Closest passage (not an answer) [{q.answers[0].line}]" in text
    assert "\n      A [" not in text  # no bare "A" label that reads as an answer
