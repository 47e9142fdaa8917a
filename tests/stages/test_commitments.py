"""Commitments of invented delegations: one of each kind, and sentences that promise nothing."""

from __future__ import annotations

import pytest

from rapporteur.stages import commitments
from rapporteur.stages.commitments import classify
from tests.stages.facts_builders import SETTINGS, build_review


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The State intended to ratify ILO Convention No. 189 next year.", "ratification"),
        (
            "Once the law was adopted, the State would be able to accede to the Protocol.",
            "ratification",
        ),
        ("The Government was considering ratifying the Optional Protocol.", "ratification"),
        ("A pilot project was launched in three provinces to issue digital permits.", "pilot"),
        ("The ministry ran a pilot programme on ethical recruitment.", "pilot"),
        ("A draft law on domestic workers was being prepared.", "legislation"),
        ("Amendments to the Labour Code were under consideration in Parliament.", "legislation"),
        ("A national action plan on migration was being developed.", "plan"),
        ("The State had approved a strategy on returnees for 2024-2030.", "plan"),
        ("The Government would continue to support returning migrants.", "plan"),
        ("The State was working on a new system of consular registration.", "other"),
        ("The ministry would open two more offices abroad.", "other"),
        ("A hotline was being set up for migrant domestic workers.", "other"),
        ("The revised Code would, for the first time, cover domestic work.", "legislation"),
        ("A strategy on online safety would be drawn up next year.", "plan"),
        ("The Government aimed to halve the backlog by 2026.", "other"),
    ],
)
def test_commitments_kinds(sentence: str, kind: str) -> None:
    assert classify(sentence, 2023) == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "The State had ratified the Convention in 2005.",
        "A strategy was adopted in 2010 and expired in 2015.",
        "It was hoped the Committee would appreciate those efforts.",
        "Would the State consider ratifying ILO Convention No. 190?",
        "Kyrgyzstan was becoming a country of destination.",
        "The law had been amended in 2019.",
        "He thanked the Experts for their questions, which would help the State.",
    ],
)
def test_commitments_statements_that_promise_nothing(sentence: str) -> None:
    assert classify(sentence, 2023) is None


def test_commitments_only_the_delegation_commits() -> None:
    review = build_review(
        [
            ("committee", None, "An Expert said the State would ratify the Convention soon."),
            (
                "delegation",
                "Dana Okafor",
                "Ms. Okafor said the facts were clear. A bill on asylum was being drafted.",
            ),
        ],
        lead="A bill on asylum was being drafted.",
    )
    found = commitments.run(review, SETTINGS).commitments
    assert [(c.kind, c.side, c.speaker, c.text) for c in found] == [
        ("legislation", "delegation", "Dana Okafor", "A bill on asylum was being drafted.")
    ]
    [c] = found
    assert review.document.line_text(c.line)[-len(c.text) :] == c.text
    assert review.document.text[c.start : c.end] == c.text


def test_commitments_two_in_one_sentence_are_split_into_clauses() -> None:
    sentence = (
        "A draft law on asylum was being developed, and the State was preparing a national "
        "action plan on labour migration for 2024-2028."
    )
    found = commitments.run(build_review([("delegation", None, sentence)]), SETTINGS).commitments
    assert [(c.kind, c.text) for c in found] == [
        ("legislation", "A draft law on asylum was being developed"),
        (
            "plan",
            "the State was preparing a national action plan on labour migration for 2024-2028.",
        ),
    ]
