"""Committee, State, report and the other facts of a review, across the genre's variety."""

from __future__ import annotations

import pytest

from rapporteur.stages.metadata import ordinal_value, parse_report
from tests.conftest import FIXTURES, make_review


@pytest.mark.parametrize(
    ("text", "kind", "numbers"),
    [
        ("the second periodic report of Kyrgyzstan", "periodic", (2,)),
        ("the combined fifth to seventh periodic report of Chile", "combined", (5, 6, 7)),
        ("the sixth and seventh combined periodic reports of Japan", "combined", (6, 7)),
        ("the combined nineteenth to twenty-first report of France", "combined", (19, 20, 21)),
        ("the initial report of Sao Tome and Principe", "initial", (1,)),
        ("the 22nd to 24th periodic reports of Peru", "combined", (22, 23, 24)),
        (
            "the additional report submitted under article 29 (4) of the Convention by Iraq",
            "periodic",
            (),
        ),
    ],
)
def test_metadata_report_wording(text: str, kind: str, numbers: tuple[int, ...]) -> None:
    parsed = parse_report(text)
    assert parsed is not None
    info, state, _ = parsed
    assert (info.kind, info.numbers) == (kind, numbers)
    assert state


def test_metadata_ordinals() -> None:
    assert ordinal_value("thirty-seventh") == 37
    assert ordinal_value("twenty-first") == 21
    assert ordinal_value("37th") == 37


@pytest.mark.parametrize(
    ("lead", "committee", "iso3"),
    [
        (
            "The Committee on the Elimination of Racial Discrimination today concluded its "
            "consideration of the combined twenty-second and twenty-third periodic report of Türkiye.",
            "CERD",
            "TUR",
        ),
        (
            "The Human Rights Committee has considered the fifth periodic report of the Republic of "
            "Korea.",
            "CCPR",
            "KOR",
        ),
        (
            "The Committee on the Elimination of Discrimination against Women today began its "
            "consideration of the ninth periodic report of the Bolivarian Republic of Venezuela.",
            "CEDAW",
            "VEN",
        ),
        (
            "The Committee on Economic, Social and Cultural Rights examined the third periodic "
            "report of Bolivia.",
            "CESCR",
            "BOL",
        ),
        (
            "The Committee on the Rights of Persons with Disabilities completed its review of the "
            "initial report of Sao Tome and Principe.",
            "CRPD",
            "STP",
        ),
        (
            "The Committee on Enforced Disappearances today considered the report of Venezuela.",
            "CED",
            "VEN",
        ),
        (
            "The Committee against Torture today reviewed the seventh periodic report of the United "
            "Kingdom of Great Britain and Northern Ireland.",
            "CAT",
            "GBR",
        ),
        # Names as older records wrote them, without "the", and a State in capitals.
        (
            "The Committee on Elimination of Racial Discrimination this morning concluded its "
            "consideration of the combined twentieth to twenty-second periodic reports of MEXICO.",
            "CERD",
            "MEX",
        ),
        (
            "The Committee on Elimination of Discrimination against Women today considered the "
            "fourth periodic report of Peru.",
            "CEDAW",
            "PER",
        ),
        (
            "The Committee on Rights of the Child concluded its review of the second periodic "
            "report of Ghana.",
            "CRC",
            "GHA",
        ),
    ],
)
def test_metadata_committee_and_state(lead: str, committee: str, iso3: str) -> None:
    review = make_review("Experts Review a Report", lead)
    assert review.metadata is not None
    assert review.metadata.committee == committee
    assert review.metadata.state_party is not None
    assert review.metadata.state_party.iso3 == iso3


def test_metadata_body_mentions_do_not_decide_the_committee() -> None:
    review = make_review(
        "Committee on Migrant Workers Reviews Report of Mexico",
        "The Committee on Migrant Workers today concluded its consideration of the fourth "
        "periodic report of Mexico.",
        "Questions by Committee Experts",
        "A Committee Expert said recommendations had been made by the Human Rights Committee.",
    )
    assert review.metadata is not None and review.metadata.committee == "CMW"


def test_metadata_dateline_release_code_session_and_next_meeting() -> None:
    review = make_review(
        "CAT REVIEWS NORWAY",
        "GENEVA (10 August 2018) - The Committee against Torture today concluded its review of "
        "the eighth periodic report of Norway during its sixty-fourth session.",
        "Presenting the report, Kari Nordmann, State Secretary of Norway, said torture was banned.",
        "The Committee will next meet at 10 a.m. on Monday, 13 August, to consider the initial "
        "report of Cabo Verde (CAT/C/CPV/1).",
        "CAT18/020E",
    )
    meta = review.metadata
    assert meta is not None
    assert meta.date == "2018-08-10" and meta.year == 2018
    assert meta.session == 64
    assert meta.release_code == "CAT18/020E"
    assert meta.next_meeting is not None
    assert meta.next_meeting.symbol == "CAT/C/CPV/1"
    assert meta.next_meeting.state_party is not None
    assert meta.next_meeting.state_party.iso3 == "CPV"


def test_metadata_fixture_symbol_and_year_from_release_code() -> None:
    review = make_review(*(FIXTURES / "mini-crc-review.txt").read_text().split("\n\n"))
    meta = review.metadata
    assert meta is not None
    assert meta.report is not None and meta.report.symbol == "CRC/C/PRT/5-6"
    assert meta.report.numbers == (5, 6)
    assert meta.year == 2024


def test_metadata_next_meeting_state_is_never_the_state_under_review() -> None:
    review = make_review(
        "Committee Experts Ask About Prisons",
        "The Committee against Torture today concluded its review of a report.",
        "The Committee will next meet at 10 a.m. on Monday to begin its review of the initial "
        "report of Norway (CAT/C/NOR/1).",
        "Questions by Committee Experts",
        "A Committee Expert asked about prisons?",
    )
    meta = review.metadata
    assert meta is not None
    assert meta.state_party is None
    assert meta.next_meeting is not None and meta.next_meeting.state_party is not None
    assert meta.next_meeting.state_party.iso3 == "NOR"
