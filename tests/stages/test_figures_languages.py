"""Figures in French and Spanish on invented sentences: number formats and words, scales,
currencies, units, qualifiers, periods, and the numbers that count nothing; then the annotated
fictional meeting summaries, with the body as annotated."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from rapporteur.models import Figure
from rapporteur.stages import figures
from tests.stages.facts_builders import SETTINGS, build_review

ROOT = Path(__file__).resolve().parents[2]


def _figures(
    language: str, *paragraphs: str, year: int | None = 2023, iso3: str | None = None
) -> list[Figure]:
    review = build_review([("delegation", None, p) for p in paragraphs], year=year, iso3=iso3)
    return list(figures.run(replace(review, language=language), SETTINGS).figures)


def _one(language: str, text: str, **kw: Any) -> Figure:
    found = _figures(language, text, **kw)
    assert len(found) == 1, [f.mention for f in found]
    return found[0]


def _values(language: str, text: str, **kw: Any) -> list[tuple[object, str]]:
    return [(f.value, f.unit) for f in _figures(language, text, **kw)]


# French


def test_french_digits_with_spaces_commas_and_scales() -> None:
    assert _values("fr", "Le pays accueillait 25 000 réfugiés.") == [(25_000, "people")]
    assert _values("fr", "Le pays accueillait 25\u00a0000 réfugiés.") == [(25_000, "people")]
    assert _values("fr", "On comptait 1\u202f250\u00a0000 électeurs inscrits.") == [
        (1_250_000, "people")
    ]
    assert _values("fr", "Le programme coûtait 2,5 milliards d’euros.") == [
        (2_500_000_000, "eur")
    ]
    assert _values("fr", "Un fonds de 3,75 millions de dollars a été créé.") == [
        (3_750_000, "usd")
    ]
    assert _values("fr", "Environ 12.500 migrants étaient enregistrés.") == [(12_500, "people")]


def test_french_mention_keeps_the_no_break_space() -> None:
    review = build_review([("delegation", None, "Il y avait 9\u00a0200 détenus.")])
    [f] = figures.run(replace(review, language="fr"), SETTINGS).figures
    assert f.mention == "9\u00a0200 détenus"
    assert review.document.text[f.start : f.end] == f.mention


def test_french_percentages() -> None:
    assert _values("fr", "Le taux de pauvreté atteignait 12,3 % des ménages.") == [
        (12.3, "percent")
    ]
    assert _values("fr", "Les femmes occupaient 27 pour cent des sièges.") == [(27, "percent")]
    assert _values("fr", "La part a progressé de 4 points de pourcentage.") == [(4, "percent")]
    assert _values("fr", "Les femmes représentaient 38 p. 100 des juges.") == [(38, "percent")]


def test_french_number_words() -> None:
    assert _values("fr", "Trois centres et vingt-deux juges étaient mobilisés.") == [
        (3, "centres"),
        (22, "people"),
    ]
    assert _values("fr", "On a recensé quatre-vingt-dix plaintes.") == [(90, "cases")]
    assert _values("fr", "Deux cents familles ont été relogées.") == [(200, "families")]
    assert [f.mention for f in _figures("fr", "Deux millions de personnes vivent en ville.")] == [
        "Deux millions de personnes"
    ]
    assert _values("fr", "Soixante et onze victimes ont été entendues.") == [(71, "people")]
    assert _values("fr", "La peine était de dix-huit mois.") == [(18, "months")]


def test_french_fractions_and_multipliers() -> None:
    assert _values("fr", "Un tiers des écoles n’avaient pas d’eau potable.") == [
        (33.33, "percent")
    ]
    assert _values("fr", "La moitié des enfants vivaient en zone rurale.") == [(50, "percent")]
    assert _values("fr", "Le nombre de plaintes avait doublé.") == [(2, "other")]
    assert _figures("fr", "Le dommage avait été causé par un tiers.") == []
    assert _values("fr", "Un enfant sur quatre travaillait encore.") == [(25, "percent")]


def test_french_qualifiers() -> None:
    cases = {
        "Environ 300 enfants ont été scolarisés.": "around",
        "Quelque 600 familles ont été aidées.": "around",
        "Près de 40 pour cent des femmes travaillaient.": "around",
        "Plus de 1 200 migrants ont été secourus.": "more_than",
        "Moins de 50 cas ont été signalés.": "less_than",
        "Au moins 15 femmes ont été élues.": "at_least",
        "La peine pouvait aller jusqu’à 10 ans d’emprisonnement.": "up_to",
        "Le mandat durait 5 ans au moins.": "at_least",
        "Exactement 75 inspecteurs ont été formés.": None,
    }
    for sentence, qualifier in cases.items():
        assert _one("fr", sentence).qualifier == qualifier, sentence


def test_french_ranges_and_ages() -> None:
    f = _one("fr", "L’enquête portait sur les enfants âgés de 5 à 17 ans.")
    assert (f.value_min, f.value_max, f.unit, f.mention) == (5, 17, "years", "de 5 à 17 ans")
    f = _one("fr", "Le taux variait entre 40 et 80 pour cent selon les régions.")
    assert (f.value_min, f.value_max, f.unit) == (40, 80, "percent")
    f = _one("fr", "Les mineurs de moins de 13 ans ne pouvaient être poursuivis.")
    assert (f.value, f.qualifier, f.unit) == (13, "less_than", "years")


def test_french_periods() -> None:
    assert _one("fr", "En 2021, 450 plaintes ont été enregistrées.").period == "2021"
    assert _one("fr", "L’an dernier, 35 cas ont été signalés.").period == "2022"
    assert _one("fr", "Au 31 décembre 2022, on comptait 1 400 détenus.").period == "2022"
    assert _one("fr", "En mars 2024, 80 personnes ont été libérées.").period == "2024"
    assert _one("fr", "Pendant l’année scolaire 2022-2023, 90 écoles ont ouvert.").period == (
        "2022-2023"
    )
    found = _figures("fr", "Le taux était passé de 48 à 35 pour cent entre 2018 et 2022.")
    assert [(f.value, f.period) for f in found] == [(48, "2018"), (35, "2022")]


def test_french_numbers_that_count_nothing() -> None:
    found = _figures(
        "fr",
        "Conformément à l’article 12 de la Convention et à la loi n° 2019-14 du 15 mars 2019, "
        "le décret no 45 a été pris. Le rapport (CRC/C/FRA/6-7) a été examiné à la 2890e "
        "séance, le 3 juin, à 15 heures, lors de la centième session. L’observation générale "
        "no 24 a été citée. La ligne d’écoute gratuite 116 111 est ouverte. L’objectif de "
        "développement durable 5 a été rappelé. La session s’est tenue du 12 au 14 mai. Le taux "
        "était de 6 décès pour 1 000 naissances vivantes.",
    )
    assert [f.mention for f in found] == ["6 décès"]


def test_french_articles_are_not_counts() -> None:
    assert _figures("fr", "Un enfant et une femme ont été entendus.") == []
    assert _figures("fr", "L’âge du mariage est le même pour les deux sexes.") == []
    assert _one("fr", "Le permis était valable un an.").value == 1


def test_french_currencies_follow_the_state() -> None:
    assert _one("fr", "L’allocation était de 15 000 francs CFA.", iso3="SEN").unit == "xof"
    assert _one("fr", "L’allocation était de 15 000 francs CFA.", iso3="CMR").unit == "xaf"
    assert _one("fr", "Les frais étaient de 500 francs suisses.").unit == "chf"
    assert _one("fr", "Le salaire était de 300 USD par mois.").unit == "usd"


# Spanish


def test_spanish_digits_and_scales() -> None:
    assert _values("es", "Se registraron 25.000 personas desplazadas.") == [(25_000, "people")]
    assert _values("es", "El fondo contaba con 1,5 millones de dólares.") == [(1_500_000, "usd")]
    assert _values("es", "El programa costó 2.000 millones de pesos.", iso3="MEX") == [
        (2_000_000_000, "mxn")
    ]
    assert _values("es", "Se invirtieron mil millones de dólares estadounidenses.") == [
        (1_000_000_000, "usd")
    ]
    assert _values("es", "La brecha era del 0,3 por ciento.") == [(0.3, "percent")]
    assert _values("es", "El fondo recibió 1,500 millones de pesos.", iso3="MEX") == [
        (1_500_000_000, "mxn")
    ]
    assert _values("es", "Se atendió a 12,350 personas.") == [(12_350, "people")]
    assert _values("es", "La tasa alcanzó el 12,3 % en las zonas rurales.") == [
        (12.3, "percent")
    ]


def test_spanish_number_words() -> None:
    assert _values("es", "Se abrieron dos centros y veinte jueces fueron nombrados.") == [
        (2, "centres"),
        (20, "people"),
    ]
    assert _values("es", "Se presentaron treinta y dos denuncias.") == [(32, "cases")]
    assert _values("es", "Doscientas familias recibieron ayuda.") == [(200, "families")]
    assert _values("es", "Entre dos y tres mujeres fueron entrevistadas.")[0][0] != 5


def test_spanish_fractions() -> None:
    assert _values("es", "La mitad de los casos quedó impune.") == [(50, "percent")]
    assert _values("es", "Un tercio de las mujeres trabajaba en la agricultura.") == [
        (33.33, "percent")
    ]
    assert _figures("es", "Vivía en un cuarto alquilado.") == []
    assert _values("es", "Una de cada tres mujeres había sufrido violencia.") == [(33.33, "percent")]
    assert _values("es", "Se detectaron infracciones en 1 de cada 5 inspecciones.") == [(20, "percent")]


def test_spanish_qualifiers() -> None:
    cases = {
        "Unos 300 niños fueron escolarizados.": "around",
        "Alrededor del 40 por ciento de las mujeres trabajaba.": "around",
        "Casi 1.000 personas fueron evacuadas.": "around",
        "Más de 2.000 migrantes fueron rescatados.": "more_than",
        "Menos del 5 por ciento de los casos llegó a juicio.": "less_than",
        "Al menos el 15 por ciento de los escaños.": "at_least",
        "La pena era de hasta 10 años de prisión.": "up_to",
        "Los hijos mayores de 12 años no eran admitidos.": "more_than",
    }
    for sentence, qualifier in cases.items():
        assert _one("es", sentence).qualifier == qualifier, sentence


def test_spanish_ranges_and_changes() -> None:
    f = _one("es", "La encuesta abarcaba a niños de 5 a 17 años.")
    assert (f.value_min, f.value_max, f.unit) == (5, 17, "years")
    f = _one("es", "La proporción oscilaba entre 40 y 60 por ciento.")
    assert (f.value_min, f.value_max, f.unit) == (40, 60, "percent")
    found = _figures("es", "La participación había pasado del 44 al 49 por ciento entre 2018 y 2024.")
    assert [(f.value, f.unit, f.period) for f in found] == [
        (44, "percent", "2018"),
        (49, "percent", "2024"),
    ]


def test_spanish_periods() -> None:
    assert _one("es", "En 2021 se registraron 450 denuncias.").period == "2021"
    assert _one("es", "El año pasado se registraron 35 casos.").period == "2022"
    assert _one("es", "Al 31 de diciembre de 2022 había 1.400 reclusas.").period == "2022"
    assert _one("es", "En marzo de 2024 se liberó a 80 personas.").period == "2024"
    assert _one("es", "Las mujeres ocupan hoy 40 escaños.").period == "2023"
    found = _figures("es", "En 2023 se destinó el 0,8 % del PIB, frente al 0,5 % en 2019.")
    assert [(f.value, f.period) for f in found] == [(0.8, "2023"), (0.5, "2019")]
    found = _figures("es", "En 2024 se identificaron 120 víctimas. Ese mismo año, 30 de ellas eran niñas.")
    assert [f.period for f in found] == ["2024", "2024"]


def test_spanish_numbers_that_count_nothing() -> None:
    found = _figures(
        "es",
        "Según el artículo 12 de la Convención y la Ley núm. 27/2019, aprobada el 8 de marzo "
        "de 2022, el Convenio núm. 189 fue ratificado. El informe (CEDAW/C/MEX/9) se examinó "
        "en el 91º período de sesiones, a las 10.00 horas, del 3 al 5 de junio. La línea "
        "gratuita 144 funcionaba todo el día. El Decreto Supremo núm. 004-2020 y la Ley N° "
        "27.337 siguen vigentes. La razón era de 61 muertes por cada 100.000 nacidos vivos.",
    )
    assert [f.mention for f in found] == ["61 muertes"]


def test_spanish_articles_are_not_counts() -> None:
    assert _figures("es", "Una mujer y un hombre declararon ante el tribunal.") == []
    assert _figures("es", "Los dos países firmaron el acuerdo.") == []
    assert _one("es", "El permiso duraba un año.").value == 1


def test_a_language_without_cues_is_read_with_english() -> None:
    assert _values("de", "The fund received 3.5 million euros.") == [(3_500_000, "eur")]


# The annotated fictional meeting summaries


@pytest.fixture(scope="module")
def bench() -> Any:
    sys.path.insert(0, str(ROOT / "bench"))
    import facts_language_eval

    return facts_language_eval


@pytest.mark.parametrize("language", ["fr", "es"])
def test_figures_of_the_annotated_summaries(bench: Any, language: str) -> None:
    paths = sorted((ROOT / "tests" / "fixtures" / "annotations" / language).glob("*.json"))
    [row] = bench.rows(bench.evaluate(paths, annotated=True))
    assert row["figures_f1"] >= 0.9, row
    assert row["value"] >= 0.9 and row["unit"] >= 0.9 and row["side"] >= 0.95, row
    assert json.dumps(row)  # the row is plain data
