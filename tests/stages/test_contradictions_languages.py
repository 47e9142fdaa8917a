"""Contradictions between figures of invented French and Spanish reviews: real ones found,
look-alikes (repeats, other qualifiers, targets, questions) not; then the annotated fictional
meeting summaries, with the body as annotated."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from rapporteur.models import Review
from rapporteur.stages import contradictions, figures
from tests.stages.facts_builders import SETTINGS, build_review

ROOT = Path(__file__).resolve().parents[2]


def _run(language: str, turns: Sequence[tuple[str, str | None, str]]) -> Review:
    review = replace(build_review(turns), language=language)
    return contradictions.run(figures.run(review, SETTINGS), SETTINGS)


def _pairs(review: Review) -> list[tuple[object, object, str]]:
    return [
        (review.figures[i.a].value, review.figures[i.b].value, i.severity)
        for i in review.inconsistencies
    ]


@pytest.mark.parametrize(
    ("language", "expert", "delegation"),
    [
        (
            "fr",
            "Selon des organisations non gouvernementales, 540 enfants vivaient en famille "
            "d’accueil en 2022.",
            "En 2022, 410 enfants vivaient en famille d’accueil.",
        ),
        (
            "es",
            "Según organizaciones de la sociedad civil, 540 niños vivían en instituciones en 2022.",
            "En 2022, 410 niños vivían en instituciones.",
        ),
    ],
)
def test_contradiction_across_sides(language: str, expert: str, delegation: str) -> None:
    review = _run(language, [("committee", None, expert), ("delegation", None, delegation)])
    assert _pairs(review) == [(540, 410, "possible")]


@pytest.mark.parametrize(
    ("language", "first", "second"),
    [
        (
            "fr",
            "Le budget de la santé pour 2023 s’élevait à 120 millions d’euros.",
            "Pour 2023, le budget de la santé était de 95 millions d’euros.",
        ),
        (
            "es",
            "El presupuesto de salud para 2023 ascendía a 120 millones de dólares.",
            "Para 2023, el presupuesto de salud era de 95 millones de dólares.",
        ),
    ],
)
def test_contradiction_same_side_same_year(language: str, first: str, second: str) -> None:
    review = _run(language, [("delegation", None, first), ("delegation", None, second)])
    assert _pairs(review) == [(120_000_000, 95_000_000, "conflict")]
    assert "for 2023" in review.inconsistencies[0].reason


@pytest.mark.parametrize(
    ("language", "turns"),
    [
        (  # the same figure twice, once rounded
            "fr",
            [
                ("delegation", "Environ 1,2 million de personnes vivaient sous le seuil de pauvreté."),
                ("delegation", "On comptait 1 200 000 personnes sous le seuil de pauvreté."),
            ],
        ),
        (
            "es",
            [
                ("delegation", "Unas 310.000 mujeres trabajaban en el servicio doméstico."),
                ("delegation", "En el servicio doméstico trabajaban 310.000 mujeres."),
            ],
        ),
        (  # the same noun, qualified differently
            "fr",
            [
                ("delegation", "Le taux de scolarisation primaire atteignait 97 pour cent en 2023."),
                ("delegation", "Le taux de scolarisation secondaire atteignait 71 pour cent en 2023."),
            ],
        ),
        (
            "es",
            [
                ("delegation", "La tasa de escolarización primaria alcanzaba el 97 por ciento en 2023."),
                ("delegation", "La tasa de escolarización secundaria alcanzaba el 71 por ciento en 2023."),
            ],
        ),
        (  # a recommended target is not a fact
            "fr",
            [
                ("committee", "Le Comité recommandait de porter l’âge minimum du mariage à 18 ans."),
                ("delegation", "L’âge minimum du mariage était fixé à 16 ans."),
            ],
        ),
        (
            "es",
            [
                ("committee", "El Comité recomendó elevar la edad mínima para contraer matrimonio a 18 años."),
                ("delegation", "La edad mínima para contraer matrimonio era de 16 años."),
            ],
        ),
        (  # nor is a figure in a question
            "fr",
            [
                ("committee", "L’État partie comptait-il limiter la durée de la rétention à 30 jours ?"),
                ("delegation", "La durée maximale de la rétention était de 90 jours."),
            ],
        ),
    ],
)
def test_look_alikes_are_not_contradictions(
    language: str, turns: list[tuple[str, str]]
) -> None:
    review = _run(language, [(side, None, text) for side, text in turns])
    assert len(review.figures) >= 2
    assert review.inconsistencies == ()


@pytest.mark.parametrize(
    ("language", "expert", "delegation"),
    [
        (
            "fr",
            "Selon des associations, 130 femmes avaient été victimes de féminicide en 2023.",
            "En 2023, 95 féminicides avaient été enregistrés.",
        ),
        (
            "es",
            "Según la sociedad civil, 212 mujeres fueron víctimas de feminicidio en 2024.",
            "En 2024 se registraron 147 feminicidios.",
        ),
    ],
)
def test_victims_of_a_crime_count_the_crimes(language: str, expert: str, delegation: str) -> None:
    review = _run(language, [("committee", None, expert), ("delegation", None, delegation)])
    assert len(_pairs(review)) == 1


def test_each_coordinated_figure_keeps_its_own_noun() -> None:
    review = _run(
        "es",
        [
            (
                "delegation",
                None,
                "En 2024, las mujeres ocupaban el 36 por ciento de los escaños y el 41 por ciento "
                "de los ministerios.",
            ),
            ("committee", None, "En 2024, las mujeres solo ocupaban el 28 por ciento de los escaños."),
        ],
    )
    assert [(a, b) for a, b, _ in _pairs(review)] == [(36, 28)]


@pytest.fixture(scope="module")
def bench() -> Any:
    sys.path.insert(0, str(ROOT / "bench"))
    import facts_language_eval

    return facts_language_eval


@pytest.mark.parametrize("language", ["fr", "es"])
def test_contradictions_of_the_annotated_summaries(bench: Any, language: str) -> None:
    paths = sorted((ROOT / "tests" / "fixtures" / "annotations" / language).glob("*.json"))
    [row] = bench.rows(bench.evaluate(paths, annotated=True))
    assert row["contradictions_recall"] >= 0.66, row
    assert row["contradictions_precision"] >= 0.5, row
