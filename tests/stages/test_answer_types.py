"""Expected answer types of questions and the types delegation sentences provide."""

from __future__ import annotations

import pytest

from rapporteur.stages.answer_types import QUANTITY, REASON, TIME, expected, provided


@pytest.mark.parametrize(
    ("question", "types"),
    [
        ("How many shelters were there?", {QUANTITY}),
        ("What proportion of girls completed secondary school?", {QUANTITY}),
        ("It would be useful if statistics on returnees could be provided.", {QUANTITY}),
        ("What was the dropout rate in those schools?", {QUANTITY}),
        ("When would the bill be adopted?", {TIME}),
        ("What was the timeline for closing the centres?", {TIME}),
        ("Why had the State not ratified Convention 189?", {REASON}),
        ("What were the reasons for the delay?", {REASON}),
        ("Was there a national strategy against child labour?", set()),
        ("How was the mechanism funded?", set()),
    ],
)
def test_expected_answer_types(question: str, types: set[str]) -> None:
    assert expected(question) == types


@pytest.mark.parametrize(
    ("sentence", "types"),
    [
        ("Some 94.6 per cent of births were registered.", {QUANTITY}),
        ("Eleven shelters now operated.", {QUANTITY}),
        ("In 2022, a law on shelters was adopted.", {TIME}),
        ("Article 76 of the Convention applied to all.", set()),
        ("The bill would be adopted next year.", {TIME}),
        ("The delay was due to the elections.", {REASON}),
        ("Since 2019, 41 persons had died in custody.", {QUANTITY, TIME}),
        ("The centres were closed because they were overcrowded.", {REASON}),
        ("The Ministry ran the programme.", set()),
    ],
)
def test_provided_answer_types(sentence: str, types: set[str]) -> None:
    assert provided(sentence) == types
