"""Commitments of invented French and Spanish delegations: one of each kind, sentences that
promise nothing, clauses that commit separately; then the annotated fictional meeting
summaries, with the body as annotated."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from rapporteur.stages import commitments
from rapporteur.stages.commitments import classify
from tests.stages.facts_builders import SETTINGS, build_review

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("language", "sentence", "kind"),
    [
        ("fr", "Le Gouvernement entendait ratifier la Convention no 189 de l’OIT l’an prochain.", "ratification"),
        ("fr", "La Tunisie envisageait d’adhérer au Protocole facultatif.", "ratification"),
        ("fr", "Le pays déposerait son instrument de ratification avant la fin de 2026.", "ratification"),
        ("fr", "Un projet pilote avait été lancé dans trois régions pour délivrer des titres de séjour.", "pilot"),
        ("fr", "Le ministère menait à titre expérimental un programme d’accueil familial.", "pilot"),
        ("fr", "Un projet de loi sur les travailleurs domestiques était en cours d’élaboration.", "legislation"),
        ("fr", "Un avant-projet de code pénal serait soumis au Parlement.", "legislation"),
        ("fr", "La loi sur l’asile serait modifiée avant la fin de l’année.", "legislation"),
        ("fr", "Une stratégie nationale de protection de l’enfance était en cours d’élaboration.", "plan"),
        ("fr", "Le Gouvernement avait adopté un plan d’action pour 2025-2030.", "plan"),
        ("fr", "Le Gouvernement continuerait à soutenir les familles d’accueil.", "plan"),
        ("fr", "Le Gouvernement s’était engagé à ouvrir trois nouveaux centres d’accueil.", "other"),
        ("fr", "Le ministère transmettrait les données par écrit.", "other"),
        ("fr", "Le Gouvernement comptait renforcer l’inspection du travail.", "other"),
        ("fr", "Le Gouvernement s’engage à recruter 500 enseignants.", "other"),
        ("es", "El Gobierno tenía previsto ratificar el Convenio núm. 190 de la OIT.", "ratification"),
        ("es", "El Estado estudiaba la posibilidad de adherirse al Protocolo Facultativo.", "ratification"),
        ("es", "Bolivia iniciará el proceso de ratificación en 2026.", "ratification"),
        ("es", "En 2024 se puso en marcha un programa piloto de cuidado infantil en dos provincias.", "pilot"),
        ("es", "Se presentaría al Congreso un proyecto de ley sobre trabajo doméstico.", "legislation"),
        ("es", "El anteproyecto de código penal estaba siendo revisado por el Ministerio de Justicia.", "legislation"),
        ("es", "La ley de migración sería modificada antes de finales de 2026.", "legislation"),
        ("es", "Se estaba elaborando una estrategia nacional contra la trata.", "plan"),
        ("es", "El Gobierno aprobó un plan de acción para 2025-2030.", "plan"),
        ("es", "El Gobierno seguiría apoyando a las casas de acogida.", "plan"),
        ("es", "El Gobierno se comprometió a abrir tres nuevas casas de acogida.", "other"),
        ("es", "La Fiscalía publicaría los datos desglosados cada año.", "other"),
        ("es", "El Ministerio estaba trabajando en un nuevo sistema de registro.", "other"),
        ("es", "El Gobierno se compromete a contratar 3.000 docentes.", "other"),
    ],
)
def test_commitment_kinds(language: str, sentence: str, kind: str) -> None:
    assert classify(sentence, 2023, language) == kind


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("fr", "L’État avait ratifié la Convention en 2005."),
        ("fr", "Une stratégie avait été adoptée en 2010 et avait expiré en 2015."),
        ("fr", "Le Comité accorderait une attention particulière à la situation des enfants."),
        ("fr", "L’État partie envisageait-il de ratifier la Convention ?"),
        ("fr", "Le Code consacrait l’intérêt supérieur de l’enfant."),
        ("fr", "La loi avait été modifiée en 2019."),
        ("fr", "Il a remercié les experts pour leurs questions, qui aideraient le pays à progresser."),
        ("fr", "Les inspecteurs pourraient contrôler les exploitations agricoles."),
        ("fr", "Le taux d’enregistrement des naissances demeurait faible."),
        ("es", "El Estado había ratificado la Convención en 2005."),
        ("es", "La estrategia se aprobó en 2010 y expiró en 2015."),
        ("es", "La mayoría de las víctimas era de origen extranjero."),
        ("es", "¿Tenía previsto el Estado ratificar el Convenio?"),
        ("es", "El Comité prestaría especial atención a la violencia de género."),
        ("es", "Agradeció las preguntas del Comité, que ayudarían al país a avanzar."),
        ("es", "Las inspecciones podrían ampliarse a las zonas rurales."),
        ("es", "La ley había sido reformada en 2019."),
        ("es", "Unos 45.000 niños trabajaban en la minería artesanal."),
        ("es", "Los departamentos cuentan con una defensoría."),
    ],
)
def test_statements_that_promise_nothing(language: str, sentence: str) -> None:
    assert classify(sentence, 2023, language) is None


@pytest.mark.parametrize(
    ("language", "paragraph", "kinds"),
    [
        (
            "fr",
            "Le Gouvernement s’était engagé à interdire les châtiments corporels : un projet de "
            "loi serait présenté au Parlement en 2026.",
            ["other", "legislation"],
        ),
        (
            "es",
            "El Gobierno difundiría las observaciones finales; el país presentaría su próximo "
            "informe en el plazo previsto.",
            ["other", "other"],
        ),
    ],
)
def test_clauses_that_commit_separately(language: str, paragraph: str, kinds: list[str]) -> None:
    review = replace(
        build_review(
            [
                ("committee", None, "Le Comité examinerait la question. El Comité lo examinaría."),
                ("delegation", None, paragraph),
            ]
        ),
        language=language,
    )
    found = commitments.run(review, SETTINGS).commitments
    assert [c.kind for c in found] == kinds
    assert all(c.side == "delegation" for c in found)
    for c in found:
        assert review.document.text[c.start : c.end] == c.text


@pytest.fixture(scope="module")
def bench() -> Any:
    sys.path.insert(0, str(ROOT / "bench"))
    import facts_language_eval

    return facts_language_eval


@pytest.mark.parametrize("language", ["fr", "es"])
def test_commitments_of_the_annotated_summaries(bench: Any, language: str) -> None:
    paths = sorted((ROOT / "tests" / "fixtures" / "annotations" / language).glob("*.json"))
    [row] = bench.rows(bench.evaluate(paths, annotated=True))
    assert row["commitments_r"] >= 0.8, row
    assert row["commitments_p"] >= 0.7, row
