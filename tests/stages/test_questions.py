"""Question units: direct, indirect and requests; statements are not questions."""

from __future__ import annotations

import pytest

from rapporteur.stages.questions import question_kind
from tests.conftest import FIXTURES, make_review


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Was this done in practice?", "direct"),
        ("Could information be provided on shelters?", "direct"),
        ("A Committee Expert asked if the law had been adopted?", "indirect"),
        ("She asked for more information about the quota system.", "indirect"),
        ("He asked whether the Ombudsperson had visited detention centres.", "indirect"),
        ("The Expert requested updated statistics on deportations.", "indirect"),
        ("She wished to know how complaints were handled.", "indirect"),
        ("It would be useful if information on remittances could be provided.", "request"),
        ("An explanation of that decision would be welcome.", "request"),
        ("It would be interesting to hear what was planned for the elections.", "request"),
        ("Was other data available to ensure that rights were upheld.", "direct"),
        ("Migrants set up associations; how did the State encourage them?", "direct"),
        ("It was important that voting rights were guaranteed.", None),
        ("It was recommended that the State hold consultations with civil society.", None),
        ("The Committee was concerned about school dropout.", None),
        ("Marriage of girls was raised in several documents.", None),
    ],
)
def test_questions_kind_of_a_sentence(sentence: str, kind: str | None) -> None:
    assert question_kind(sentence) == kind


def test_questions_only_the_body_counts_and_askers_are_kept() -> None:
    review = make_review(*(FIXTURES / "mini-crc-review.txt").read_text().split("\n\n"))
    got = [(q.line, q.kind, q.asker, q.asker_inferred) for q in review.questions]
    assert got == [
        (21, "indirect", "Oluwaseun Adebayo-King", False),
        (21, "request", "Oluwaseun Adebayo-King", False),
        (23, "indirect", "Another Expert", False),
        (25, "direct", "Another Expert", True),
    ]
    doc = review.document
    for q in review.questions:
        assert q.text in doc.line_text(q.line)


def test_questions_delegation_questions_are_not_units() -> None:
    review = make_review(
        "Committee against Torture Reviews the Report of Norway",
        "The Committee against Torture today concluded its review of the eighth periodic report "
        "of Norway.",
        "Responses by the Delegation",
        "The delegation said: what could be done? A great deal had been done.",
    )
    assert review.questions == ()


def test_questions_second_speaker_inside_one_paragraph_gets_their_questions() -> None:
    review = make_review(
        "Committee on Migrant Workers Reviews the Report of Mali",
        "The Committee on Migrant Workers today concluded its consideration of the second "
        "periodic report of Mali.",
        "Questions by Committee Experts",
        "ANA GARCÍA LÓPEZ, Committee Expert and Country Rapporteur, asked about consular help?  "
        "TOMÁS RIVERA, Committee Expert and Country Rapporteur, said remittances mattered.  "
        "What was the cost of transfers?",
    )
    askers = [q.asker for q in review.questions]
    assert askers == ["Ana García López", "Tomás Rivera"]
