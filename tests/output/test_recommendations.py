"""The shared wording of concluding observations: citations, dates, articles, groups."""

from __future__ import annotations

from rapporteur.output import recommendations as co
from tests.output.samples import concluding_data, minimal_data


def test_recommendations_cite_paragraph_and_letter() -> None:
    data = concluding_data("cmw-co2")
    by_id = {r["id"]: r for r in co.recommendations(data)}
    assert co.paragraph_label(by_id["r10a"]) == "para. 10 (a)"
    assert co.paragraph_label(by_id["r8"]) == "para. 8"
    assert co.citation(data, by_id["r10a"]) == "CMW/C/ARD/CO/2, para. 10 (a)"
    assert co.element_id(by_id["r10a"]) == "para_10__point_a"
    assert co.reiterates_text(by_id["r12"]) == "repeats CMW/C/ARD/CO/1, para. 11"
    assert co.reiterates_text(by_id["r10a"]) == ""


def test_recommendations_dates_and_articles_in_plain_words() -> None:
    assert co.long_date("2026-04-11") == "11 April 2026"
    assert co.long_date("sometime") == "sometime"
    assert co.articles_text([51]) == "art. 51"
    assert co.articles_text([84, 73, 51]) == "arts. 51, 73 and 84"
    assert co.articles_text(list(range(8, 36))) == "arts. 8–35"
    assert co.articles_text([]) == ""


def test_recommendations_follow_up_and_next_report_sentences() -> None:
    data = concluding_data("cmw-co2")
    assert co.follow_up_text(data) == "to report on within two years, by 11 April 2026"
    assert co.follow_up_sentence(data) == (
        "The State party is to report on paras. 18 (a), 28 (b) and 42 (a) within two years, "
        "by 11 April 2026."
    )
    assert co.next_report_text(data) == "third periodic report, due by 1 May 2029"
    crc = concluding_data("crc-co5")
    assert co.follow_up_sentence(crc) == ""  # the CRC sample asks for no follow-up report


def test_recommendations_short_action_drops_the_shared_opening() -> None:
    rec = {"action": "The Committee recommends that the State party consider ratifying X."}
    assert co.short_action(rec) == "Consider ratifying X"
    long = {"action": "Ensure " + "that every worker is protected " * 20}
    short = co.short_action(long, limit=80)
    assert len(short) <= 80 and short.endswith("…") and " " not in short[-2:]


def test_recommendations_grouped_by_subject_in_document_order() -> None:
    data = concluding_data("cmw-co2")
    subjects = co.by_subject(co.recommendations(data))
    assert subjects[0].name.startswith("General measures of implementation")
    assert sum(s.count for s in subjects) == len(data["recommendations"])
    assert subjects[0].articles == (73, 84)


def test_recommendations_a_dialogue_is_not_concluding_observations() -> None:
    assert not co.is_concluding_observations(minimal_data())
    assert co.is_concluding_observations(concluding_data("crc-co5"))
    assert co.view(minimal_data())["subjects"] == []


def test_export_names_concluding_observations_by_symbol() -> None:
    from rapporteur.export import default_name

    assert default_name(concluding_data("crc-co5"), "akn") == "crc-c-ard-co-5-6.akn.xml"
    assert default_name(minimal_data(), "md") == "review.md"
