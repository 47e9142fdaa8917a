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


def test_library_search_marks_question_hits_to_check() -> None:
    from rapporteur.store.records import SearchHit, SearchResult

    def hit(needs_check: bool | None) -> SearchHit:
        return SearchHit(
            kind="question" if needs_check is not None else "paragraph",
            review_id="5e1f00000000",
            committee="CMW",
            state_name="Ghana",
            state_iso3="GHA",
            year=2024,
            title=None,
            line=5,
            side="committee",
            status="unanswered" if needs_check is not None else None,
            needs_check=needs_check,
            speaker=None,
            question_ids=(),
            text="Were shelters open?",
            snippet="Were shelters open?",
            marks=(),
            score=1.0,
        )

    result = SearchResult(
        query="shelters", total=3, limit=20, offset=0, hits=(hit(True), hit(False), hit(None))
    )
    lines = library_out.render_search(result).splitlines()
    assert lines[0].endswith("question [committee, unanswered, to check]")
    assert lines[2].endswith("question [committee, unanswered]")
    assert lines[4].endswith("paragraph [committee]")


def test_library_search_says_a_person_checked_a_question_hit() -> None:
    from rapporteur.store.records import SearchHit, SearchResult

    def hit(checked: bool | None) -> SearchHit:
        return SearchHit(
            kind="question" if checked is not None else "answer",
            review_id="5e1f00000000",
            committee="CMW",
            state_name="Ghana",
            state_iso3="GHA",
            year=2024,
            title=None,
            line=5,
            side="committee",
            status="partial",
            needs_check=None if checked is None else not checked,
            speaker=None,
            question_ids=("q002",),
            text="Were shelters open?",
            snippet="Were shelters open?",
            marks=(),
            score=1.0,
            checked=checked,
        )

    hits = (hit(True), hit(False), hit(None))
    result = SearchResult(query="shelters", total=3, limit=20, offset=0, hits=hits)
    lines = library_out.render_search(result).splitlines()
    assert lines[0].endswith("question [committee, partial, checked by a person]")
    assert lines[2].endswith("question [committee, partial, to check]")
    assert lines[4].endswith("answer [committee, partial]")
    sources = [(d["checked"], d["status_source"]) for d in map(library_out.hit_dict, hits)]
    assert sources == [(True, "person"), (False, "machine"), (None, None)]


def test_library_show_says_who_checked_each_status() -> None:
    from rapporteur.store.records import ReviewSummary
    from tests.output.samples import decided_review

    data, agree, differ = decided_review()
    text = library_out.render_review(ReviewSummary(**SUMMARY), data)
    assert "answered — checked by Ana Lima (6 December 2026)" in text
    assert "partial — checked by Ben Osei (6 December 2026)" in text
    assert "; 2 checked by a person)" in text
    for q in (agree, differ):
        assert "\n".join(text_out.question_lines(q)) in text


def test_library_show_of_concluding_observations_lists_recommendations() -> None:
    from rapporteur.store.records import ReviewSummary
    from tests.output.samples import concluding_data

    data = concluding_data("cmw-co2")
    text = library_out.render_review(ReviewSummary(**SUMMARY), data)
    lines = text.splitlines()
    assert lines[0] == "Concluding observations CMW/C/ARD/CO/2"
    assert lines[1].startswith(f"Review id:   {SUMMARY['id']}")
    assert "Questions:" not in text and "Participants" not in text
    assert "    para. 18 (a) [line 81]: Establish a centralized database" in text
    assert text.splitlines()[2:] == text_out.concluding_lines(data)[1:]
