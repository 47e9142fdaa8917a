"""Sections for headed meeting summaries and headless press releases."""

from __future__ import annotations

from pathlib import Path

from rapporteur.genres.meeting_summary import heading_kind
from rapporteur.genres.page import is_chrome
from tests.conftest import FIXTURES, make_review


def _kinds(review) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.kind for s in review.sections]


def test_segment_headed_summary_sections_in_order() -> None:
    review = make_review(*Path(FIXTURES / "mini-crc-review.txt").read_text().split("\n\n"))
    body = [k for k in _kinds(review) if k not in {"chrome", "lead", "boilerplate"}]
    assert body == ["report", "presentation", "questions", "responses", "concluding"]
    assert _kinds(review)[0] == "chrome"
    assert _kinds(review)[-1] == "boilerplate"


def test_segment_heading_vocabulary() -> None:
    assert heading_kind("Questions from Committee Experts") == "questions"
    assert heading_kind("Replies by the Delegation") == "responses"
    assert heading_kind("Closing Remarks") == "concluding"
    assert heading_kind("Introduction of the Report") == "presentation"
    assert heading_kind("Report") == "report"
    assert heading_kind("The delegation said it would reply.") is None


def test_segment_chrome_in_the_six_un_languages() -> None:
    for text in (
        "Skip to main content",
        "Aller au contenu principal",
        "Pasar al contenido principal",
        "Перейти к основному содержанию",
        "跳转到主要内容",
        "الانتقال إلى المحتوى الرئيسي",
        "Meeting Summaries",
    ):
        assert is_chrome(text), text
    assert not is_chrome("The Committee on the Rights of the Child today considered the report.")


def test_segment_headless_press_release_is_sectioned_by_cues() -> None:
    review = make_review(
        "CHILD RIGHTS COMMITTEE REVIEWS REPORT OF CHILE",
        "GENEVA (3 May 2016) - The Committee on the Rights of the Child today considered the "
        "combined fourth and fifth periodic report of Chile.",
        "Presenting the report, Marta Olguín Reyes, Minister for Social Development of Chile, said "
        "that poverty among children had fallen.",
        "The Government had adopted a new law on child protection.",
        "In the ensuing discussion, Committee Experts asked about violence in schools.",
        "Committee Expert Hans Lindqvist, Country Rapporteur for Chile, asked what was being done "
        "about corporal punishment?",
        "In response, the delegation said that corporal punishment was prohibited by law.",
        "In concluding remarks, Mr. Lindqvist thanked the delegation.",
        "The Committee will next meet in public on 4 May to consider the report of Peru.",
        "For use of the information media; not an official record",
        "CRC16/011E",
    )
    assert _kinds(review) == [
        "lead",
        "presentation",
        "questions",
        "responses",
        "concluding",
        "boilerplate",
    ]
    presentation = review.sections[1]
    assert presentation.first_line == 5 and presentation.heading is None


def test_segment_non_latin_navigation_above_english_is_chrome() -> None:
    review = make_review(
        "الرئيسية",
        "Главная",
        "Committee against Torture Reviews the Report of Norway",
        "The Committee against Torture today concluded its review of the eighth periodic report "
        "of Norway.",
    )
    assert _kinds(review)[:2] == ["chrome", "lead"]
