"""`analyze --format text`: each status with how sure the tool is of it, in plain words."""

from __future__ import annotations

import dataclasses
from functools import cache

from rapporteur.api import analyze
from rapporteur.models import Review
from rapporteur.output import text_out
from tests.output.samples import FIXTURE, NOTE, certainty_data, decided_review


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


def test_text_a_checked_status_says_who_checked_it_and_what_the_tool_says() -> None:
    data, agree, differ = decided_review()
    text = "\n".join(text_out.question_lines(agree))
    assert "— ✔ answered — checked by Ana Lima (6 December 2026)" in text
    assert "Note: Confirmed." in text and "The tool agrees (sure, " in text
    assert "score" not in text and "please check" not in text and "Why:" not in text
    text = "\n".join(text_out.question_lines(differ))
    assert "— ◐ partial — checked by Ben Osei (6 December 2026)" in text
    assert f"Note: {NOTE}" in text
    assert "The tool says unanswered — please check (confidence " in text
    line = differ["answers"][0]["line"]
    assert f"Partial answer (chosen by Ben Osei) [{line}]: " in text
    summary = text_out.question_summary(data["questions"])
    assert summary.endswith("to check; 2 checked by a person)")


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


# ---------------------------------------------------------------- concluding observations


@cache
def _co_text(name: str) -> str:
    from tests.output.samples import CONCLUDING

    return text_out.render(analyze(CONCLUDING[name]))


def test_text_concluding_observations_header_and_no_dialogue() -> None:
    text = _co_text("cmw-co2")
    assert text.startswith("Concluding observations CMW/C/ARD/CO/2\n")
    assert "State party: Ardenia" in text
    assert "Report:      second periodic report — CMW/C/ARD/2" in text
    assert "Symbol:      CMW/C/ARD/CO/2" in text
    assert "Adopted:     11 April 2024" in text
    assert "Session:     38" in text
    assert "Questions:" not in text and "Participants" not in text


def test_text_concluding_observations_grouped_by_subject_with_marks() -> None:
    text = _co_text("cmw-co2")
    lines = text.splitlines()
    subject = lines.index("General measures of implementation (arts. 73 and 84)")
    heading = lines.index("  Data collection")
    item = next(
        i for i, line in enumerate(lines) if line.startswith("    para. 18 (a) [line 81]: ")
    )
    assert subject < heading < item
    assert lines[item].split(": ", 1)[1].startswith("Establish a centralized database")
    marks = lines[item + 1]
    assert "follow-up: report within two years, by 11 April 2026" in marks
    assert "repeats CMW/C/ARD/CO/1, para. 19" in marks
    assert "    para. 10 (b) [line 51]: " in text and "arts. 51, 73 and 84" in text
    assert "Next report: third periodic report, due by 1 May 2029 (line 239)." in text
    assert "Follow-up: The State party is to report on paras. 18 (a), 28 (b) and 42 (a)" in text
    # every recommendation is listed once
    items = [line for line in lines if line.lstrip().startswith("para. ") and "[line " in line]
    assert len(items) == 37


def test_text_concluding_observations_without_follow_up() -> None:
    text = _co_text("crc-co5")
    assert "Follow-up:" not in text and "follow-up:" not in text
    assert "Questions: 0" not in text
    assert (
        "Next report: combined seventh and eighth periodic reports, due by 4 October 2031" in text
    )
