"""Themes in French and Spanish: a question lands on the same theme id in every language
(rapporteur/stages/themes.py, rapporteur/data/lang/<language>/themes.toml)."""

from __future__ import annotations

import pytest

from rapporteur.api import analyze_text
from rapporteur.settings import Settings
from rapporteur.stages.themes import in_language, load_taxonomy, matcher


def top(text: str, language: str) -> tuple[str, ...]:
    return matcher(in_language(load_taxonomy(), language)).rank(text)


@pytest.mark.parametrize(
    ("english", "french", "spanish", "theme"),
    [
        (
            "How many victims of trafficking in persons were identified?",
            "Combien de victimes de la traite des êtres humains avaient été identifiées ?",
            "¿Cuántas víctimas de trata de personas se habían identificado?",
            "trafficking",
        ),
        (
            "Were children with disabilities taught in ordinary schools?",
            "Les enfants handicapés étaient-ils scolarisés dans des écoles ordinaires ?",
            "¿Asistían los niños con discapacidad a escuelas ordinarias?",
            "disability",
        ),
        (
            "Did the Ombudsperson comply with the Paris Principles?",
            "Le médiateur était-il conforme aux Principes de Paris ?",
            "¿Cumplía la Defensoría del Pueblo los Principios de París?",
            "nhri",
        ),
        (
            "Were victims of domestic violence protected?",
            "Les victimes de violences domestiques étaient-elles protégées ?",
            "¿Se protegía a las víctimas de violencia doméstica?",
            "violence",
        ),
    ],
)
def test_the_same_question_gets_the_same_theme_in_three_languages(
    english: str, french: str, spanish: str, theme: str
) -> None:
    assert theme in top(english, "en")
    assert theme in top(french, "fr")
    assert theme in top(spanish, "es")


def test_theme_ids_and_order_stay_those_of_the_taxonomy() -> None:
    english = load_taxonomy()
    for language in ("fr", "es"):
        translated = in_language(english, language)
        assert [t.id for t in translated.themes] == [t.id for t in english.themes]
        assert all(t.cues for t in translated.themes), language
        assert translated.version == f"{english.version}+{language}.1"
    assert in_language(english, "en") is english
    assert in_language(english, "de") is english
    assert in_language(english, "fr").themes[0].label == "Enfants"


def test_a_french_word_that_looks_like_another_does_not_tag() -> None:
    # "traité" (treaty) folds to "traite" (trafficking) and "exécution" of a plan is no
    # execution: neither may tag its theme.
    assert "trafficking" not in top("Le traité avait été ratifié en 2019.", "fr")
    assert "death-penalty" not in top("La ejecución del plan nacional avanzaba.", "es")


def test_french_review_questions_carry_theme_ids() -> None:
    text = (
        "Le Comité des droits de l’enfant a examiné aujourd’hui le deuxième rapport "
        "périodique de la Valmorie.\n\nQuestions et observations des membres du Comité\n\n"
        "Mme Anna Berg, membre du Comité, a demandé combien d’enfants migrants non "
        "accompagnés avaient été placés en rétention administrative en 2024.\n"
    )
    review = analyze_text(text, settings=Settings(method="lexical"))
    assert review.language == "fr"
    assert review.taxonomy_version == f"{load_taxonomy().version}+fr.1"
    if not review.questions:
        pytest.skip("the French question finding of this tree finds no questions")
    assert {"children", "detention"} <= set(review.questions[0].themes)
