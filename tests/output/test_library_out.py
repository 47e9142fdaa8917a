"""`rapporteur show` and `rapporteur search` as text: the same words as `analyze --format text`."""

from __future__ import annotations

from rapporteur.output import library_out, text_out
from tests.output.samples import certainty_data
from tests.web.conftest import SUMMARY


def test_library_show_says_how_sure_each_status_is() -> None:
    from rapporteur.store.records import ReviewSummary

    data = certainty_data()
    text = library_out.render_review(ReviewSummary(**SUMMARY), data)
    for q in data["questions"]:
        assert "\n".join(text_out.question_lines(q)) in text
    assert "answered — sure (92%)" in text
    assert "Closest passage (not an answer) [11]: A census would be held in 2026." in text
    assert "Questions: 4 (1 answered, 1 partial, 2 unanswered; 2 to check)" in text

