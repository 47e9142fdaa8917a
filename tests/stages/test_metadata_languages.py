"""Committee, State, report, session, date and next meeting of French and Spanish records.

Handwritten snippets in the wording of real UN records (all ten treaty bodies, ISO and UN
State names with their articles, Roman numerals and ordinal signs) beyond what the fictional
examples say; the last tests read the fictional examples against their annotations.
"""

from __future__ import annotations

import json

import pytest

from rapporteur.country_names import country_at
from rapporteur.models import Review
from rapporteur.stages.metadata import parse_report, state_party_in
from rapporteur.stages.ordinals import ordinals
from tests.conftest import FIXTURES, ROOT, make_review

FR_COMMITTEES = {
    "CCPR": "Comité des droits de l’homme",
    "CESCR": "Comité des droits économiques, sociaux et culturels",
    "CERD": "Comité pour l’élimination de la discrimination raciale",
    "CEDAW": "Comité pour l’élimination de la discrimination à l’égard des femmes",
    "CAT": "Comité contre la torture",
    "SPT": "Sous-Comité pour la prévention de la torture",
    "CRC": "Comité des droits de l’enfant",
    "CMW": "Comité pour la protection des droits de tous les travailleurs migrants et des "
    "membres de leur famille",
    "CRPD": "Comité des droits des personnes handicapées",
    "CED": "Comité des disparitions forcées",
}
ES_COMMITTEES = {
    "CCPR": "Comité de Derechos Humanos",
    "CESCR": "Comité de Derechos Económicos, Sociales y Culturales",
    "CERD": "Comité para la Eliminación de la Discriminación Racial",
    "CEDAW": "Comité para la Eliminación de la Discriminación contra la Mujer",
    "CAT": "Comité contra la Tortura",
    "SPT": "Subcomité para la Prevención de la Tortura",
    "CRC": "Comité de los Derechos del Niño",
    "CMW": "Comité de Protección de los Derechos de Todos los Trabajadores Migratorios y de "
    "Sus Familiares",
    "CRPD": "Comité sobre los Derechos de las Personas con Discapacidad",
    "CED": "Comité contra la Desaparición Forzada",
}


def _french(committee: str, rest: str) -> Review:
    return make_review(
        f"Le {committee} examine le rapport",
        f"Le {committee} a achevé aujourd’hui l’examen {rest} Au cours du dialogue, les "
        "experts ont posé des questions sur la mise en œuvre de la Convention et sur les "
        "mesures prises par le Gouvernement depuis le dernier examen.",
    )


def _spanish(committee: str, rest: str) -> Review:
    return make_review(
        f"El {committee} examina el informe",
        f"El {committee} concluyó hoy su examen {rest} Durante el diálogo, los expertos "
        "formularon preguntas sobre la aplicación de la Convención y sobre las medidas "
        "adoptadas por el Gobierno desde el último examen.",
    )


@pytest.mark.parametrize(("acronym", "name"), FR_COMMITTEES.items())
def test_metadata_french_committee_names(acronym: str, name: str) -> None:
    review = _french(name, "du deuxième rapport périodique du Kenya.")
    assert review.language == "fr"
    assert review.metadata is not None
    assert review.metadata.committee == acronym
    assert review.metadata.state_party is not None
    assert review.metadata.state_party.iso3 == "KEN"


@pytest.mark.parametrize(("acronym", "name"), ES_COMMITTEES.items())
def test_metadata_spanish_committee_names(acronym: str, name: str) -> None:
    review = _spanish(name, "del noveno informe periódico del Perú.")
    assert review.language == "es"
    assert review.metadata is not None
    assert review.metadata.committee == acronym
    assert review.metadata.state_party is not None
    assert review.metadata.state_party.iso3 == "PER"


def test_metadata_committee_names_without_accents_or_in_capitals() -> None:
    review = _french("COMITE DES DROITS DE L'ENFANT", "du rapport initial de la Tunisie.")
    assert review.metadata is not None
    assert review.metadata.committee == "CRC"
    assert review.metadata.report is not None
    assert review.metadata.report.kind == "initial"


@pytest.mark.parametrize(
    ("text", "kind", "numbers", "state"),
    [
        ("le deuxième rapport périodique du Kenya", "periodic", (2,), "du Kenya"),
        ("le rapport initial de la République démocratique du Congo", "initial", (1,), None),
        ("le IIe rapport du Maroc", "periodic", (2,), "du Maroc"),
        ("le 5e rapport périodique présenté par le Sénégal", "periodic", (5,), "le Sénégal"),
        ("le 5ème rapport périodique d’Haïti", "periodic", (5,), "d’Haïti"),
        (
            "le rapport valant sixième et septième rapports périodiques de la Tunisie",
            "combined",
            (6, 7),
            "de la Tunisie",
        ),
        (
            "le rapport de la France valant cinquième à septième rapports périodiques",
            "combined",
            (5, 6, 7),
            "de la France",
        ),
        (
            "les dix-neuvième à vingt et unième rapports périodiques de l’Algérie",
            "combined",
            (19, 20, 21),
            "de l’Algérie",
        ),
        (
            "le rapport unique valant rapport initial et deuxième rapport périodique du Bénin",
            "combined",
            (1, 2),
            "du Bénin",
        ),
        ("les XXIe et XXIIe rapports périodiques du Canada", "combined", (21, 22), None),
        ("des renseignements complémentaires soumis par l’Iraq", "periodic", (), "l’Iraq"),
    ],
)
def test_metadata_french_report_wording(
    text: str, kind: str, numbers: tuple[int, ...], state: str | None
) -> None:
    parsed = parse_report(text, "fr")
    assert parsed is not None
    info, fragment, _ = parsed
    assert (info.kind, info.numbers) == (kind, numbers)
    assert fragment is not None
    if state is not None:
        assert fragment.startswith(state)
        assert state not in info.description  # quoted as written, without the State
    assert all(word in text for word in info.description.split())


@pytest.mark.parametrize(
    ("text", "kind", "numbers"),
    [
        ("el noveno informe periódico de México", "periodic", (9,)),
        ("el informe inicial de El Salvador", "initial", (1,)),
        ("los informes periódicos combinados 22° a 23° del Perú", "combined", (22, 23)),
        ("los informes periódicos combinados 22º y 23º de Colombia", "combined", (22, 23)),
        ("los informes periódicos quinto y sexto combinados de la Argentina", "combined", (5, 6)),
        ("los informes periódicos 19º a 21º del Ecuador", "combined", (19, 20, 21)),
        ("el vigésimo primer informe periódico de Cuba", "periodic", (21,)),
        ("el decimotercer informe periódico de España", "periodic", (13,)),
        (
            "el informe de Chile que reúne los informes periódicos quinto y sexto",
            "combined",
            (5, 6),
        ),
        ("el informe inicial y segundo informe periódico combinados de Panamá", "combined", (1, 2)),
        ("la información adicional presentada por el Uruguay", "periodic", ()),
    ],
)
def test_metadata_spanish_report_wording(text: str, kind: str, numbers: tuple[int, ...]) -> None:
    parsed = parse_report(text, "es")
    assert parsed is not None
    info, fragment, _ = parsed
    assert (info.kind, info.numbers) == (kind, numbers)
    assert state_party_in(fragment, "es") is not None


def test_metadata_no_report_in_an_article_or_a_plain_mention() -> None:
    # "Le" and "Ce" are no Roman numerals (50th, 100th); a report without an ordinal is
    # no report description, as in English.
    assert parse_report("Le rapport a été présenté par la ministre du Kenya.", "fr") is None
    assert parse_report("Ce rapport du Kenya", "fr") is None
    assert parse_report("El informe del Perú", "es") is None


@pytest.mark.parametrize(
    ("lead", "committee", "iso3"),
    [
        (
            "Le Comité des droits de l’homme a examiné, hier après-midi et ce matin, le rapport "
            "présenté par le Kenya au titre du Pacte international relatif aux droits civils et "
            "politiques.",
            "CCPR",
            "KEN",
        ),
        (
            "Le Comité pour l’élimination de la discrimination raciale a achevé, ce matin, "
            "l’examen des rapports périodiques de la Mauritanie.",
            "CERD",
            "MRT",
        ),
        (
            "El Comité para la Eliminación de la Discriminación Racial examinó los informes "
            "periódicos de la República Bolivariana de Venezuela.",
            "CERD",
            "VEN",
        ),
    ],
)
def test_metadata_state_of_a_report_named_without_its_number(
    lead: str, committee: str, iso3: str
) -> None:
    review = make_review(
        "Examen du rapport" if lead.startswith("Le") else "Examen del informe",
        lead + " Au cours du dialogue, les experts ont posé des questions sur la situation "
        "des droits dans le pays et sur les mesures prises par le Gouvernement."
        if lead.startswith("Le")
        else lead + " Durante el diálogo, los expertos preguntaron por la situación de los "
        "derechos en el país y por las medidas adoptadas por el Gobierno.",
    )
    meta = review.metadata
    assert meta is not None and meta.committee == committee
    assert meta.state_party is not None and meta.state_party.iso3 == iso3


def test_metadata_report_wording_stays_english_by_default() -> None:
    parsed = parse_report("the combined fifth to seventh periodic report of Chile")
    assert parsed is not None and parsed[0].numbers == (5, 6, 7)
    assert parse_report("le deuxième rapport périodique du Kenya") is None


@pytest.mark.parametrize(
    ("text", "iso3", "name"),
    [
        ("du Kenya (CRC/C/KEN/5)", "KEN", "Kenya"),
        ("de la République démocratique du Congo", "COD", "République démocratique du Congo"),
        ("de l’Ouganda", "UGA", "Ouganda"),
        ("des Pays-Bas", "NLD", "Pays-Bas"),
        ("d’Haïti", "HTI", "Haïti"),
        ("de la République de Corée", "KOR", "République de Corée"),
        ("de la République bolivarienne du Venezuela", "VEN", None),
        ("du Venezuela (République bolivarienne du)", "VEN", None),
        ("de l’État plurinational de Bolivie", "BOL", None),
        ("du Royaume-Uni de Grande-Bretagne et d’Irlande du Nord", "GBR", None),
        ("de la Türkiye", "TUR", "Türkiye"),
        ("du Viet Nam", "VNM", "Viet Nam"),
        ("de la Cote d'Ivoire", "CIV", "Cote d'Ivoire"),
    ],
)
def test_metadata_french_state_names(text: str, iso3: str, name: str | None) -> None:
    hit = country_at(text, "fr")
    assert hit is not None and hit[1] == iso3
    if name is not None:
        assert hit[0] == name


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("del Perú", "PER"),
        ("de la Argentina", "ARG"),
        ("de El Salvador", "SLV"),
        ("de los Países Bajos", "NLD"),
        ("de Kenya", "KEN"),
        ("del Estado Plurinacional de Bolivia", "BOL"),
        ("de Venezuela (República Bolivariana de)", "VEN"),
        ("de la República Islámica del Irán", "IRN"),
        ("del Reino Unido de Gran Bretaña e Irlanda del Norte", "GBR"),
        ("de Türkiye", "TUR"),
        ("de la República Democrática del Congo", "COD"),
    ],
)
def test_metadata_spanish_state_names(text: str, iso3: str) -> None:
    hit = country_at(text, "es")
    assert hit is not None and hit[1] == iso3


def test_metadata_unknown_state_is_none_as_in_english() -> None:
    assert country_at("de la Valmorie", "fr") is None
    assert state_party_in("de Utopía", "es") is None


def test_metadata_ordinals() -> None:
    fr, es = ordinals("fr"), ordinals("es")
    assert fr is not None and es is not None
    assert fr.value("quatre-vingt-dix-huitieme") == 98
    assert fr.value("soixante et onzieme") == 71
    assert fr.value("centieme") == 100
    assert fr.value("XIXe") == 19
    assert fr.value("Vingtieme") == 20  # a capital V is no Roman numeral here
    assert es.value("nonagesimo primer") == 91
    assert es.value("trigesima segunda") == 32
    assert es.value("91.o") == 91


def test_metadata_french_session_date_and_next_meeting() -> None:
    review = make_review(
        "Le Comité des droits de l’enfant examine le rapport du Bénin",
        "GENÈVE (14 mars 2025) – Le Comité des droits de l’enfant a examiné aujourd’hui le "
        "rapport initial du Bénin. Au cours du dialogue, les experts ont salué les progrès "
        "accomplis par le pays dans le domaine de l’éducation.",
        "Les documents relatifs à la quatre-vingt-dix-huitième session du Comité sont "
        "disponibles sur la page de la session.",
        "Le Comité reprendra ses travaux demain à 10 heures pour examiner le deuxième rapport "
        "périodique du Kenya (CRC/C/KEN/2).",
        "Présentation du rapport",
        "Présentant le rapport, M. Ousmane Diallo, ministre de la Famille du Bénin, a indiqué "
        "que la loi sur la protection de l’enfance avait été adoptée.",
    )
    meta = review.metadata
    assert meta is not None
    assert (meta.committee, meta.session, meta.date) == ("CRC", 98, "2025-03-14")
    assert meta.state_party is not None and meta.state_party.iso3 == "BEN"
    assert meta.report is not None and meta.report.kind == "initial"
    assert meta.next_meeting is not None
    assert meta.next_meeting.symbol == "CRC/C/KEN/2"
    assert meta.next_meeting.state_party is not None
    assert meta.next_meeting.state_party.iso3 == "KEN"


def test_metadata_spanish_session_date_and_state_from_the_symbol() -> None:
    review = make_review(
        "El Comité de Derechos Humanos examina el informe de México",
        "GINEBRA (3 de julio de 2024) - El Comité de Derechos Humanos examinó hoy el séptimo "
        "informe periódico del país. Durante el diálogo, los expertos preguntaron por las "
        "desapariciones y por la situación de los periodistas en el país.",
        "Los documentos relacionados con el 141er período de sesiones del Comité pueden "
        "consultarse aquí.",
        "Informe",
        "El Comité tiene ante sí el séptimo informe periódico (CCPR/C/MEX/7).",
        "Presentación del informe",
        "Al presentar el informe, la Sra. Ana López, Subsecretaria de Derechos Humanos, dijo "
        "que el Gobierno había aprobado una nueva ley general.",
    )
    meta = review.metadata
    assert meta is not None
    assert (meta.committee, meta.session, meta.date) == ("CCPR", 141, "2024-07-03")
    assert meta.report is not None and meta.report.numbers == (7,)
    assert meta.report.symbol == "CCPR/C/MEX/7"
    # The State is named only by the report's symbol: its name is given in Spanish.
    assert meta.state_party is not None
    assert (meta.state_party.iso3, meta.state_party.name) == ("MEX", "México")


def _examples(language: str) -> list[dict]:  # type: ignore[type-arg]
    out = []
    for path in sorted((FIXTURES / "annotations" / language).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if "review" in gold and "questions" in gold:
            out.append(gold)
    return out


@pytest.mark.parametrize("language", ["fr", "es"])
def test_metadata_fictional_summaries_against_their_annotations(language: str) -> None:
    from rapporteur.api import analyze

    for gold in _examples(language):
        g = gold["review"]
        meta = analyze(ROOT / gold["document"]).metadata
        assert meta is not None
        assert meta.committee == g["committee"]
        assert meta.report is not None
        assert list(meta.report.numbers) == g["report"]["numbers"]
        assert meta.report.symbol == g["report"]["symbol"]
        # Two reports considered together are "combined", as in English (the French
        # annotation says "periodic" for "rapport valant cinquième et sixième rapports").
        expected = "combined" if len(g["report"]["numbers"]) > 1 else g["report"]["kind"]
        assert meta.report.kind == expected
        assert (meta.session, meta.release_code, meta.date) == (
            g["session"],
            g["release_code"],
            g["date"],
        )
        # The States are fictional: no ISO code, so no State, as for an English record.
        assert meta.state_party is None
        assert meta.next_meeting is not None
        assert meta.next_meeting.symbol == g["next_meeting"]["symbol"]


@pytest.mark.parametrize(
    ("name", "committee", "symbol", "numbers"),
    [
        ("fr/fictional-crc-valdoree-cr1234.txt", "CRC", "CRC/C/VLD/5-6", (5, 6)),
        ("fr/fictional-crc-valdoree-co.txt", "CRC", "CRC/C/VLD/5-6", (5, 6)),
        ("es/fictional-cedaw-costanera-acta1890.txt", "CEDAW", "CEDAW/C/CST/9", (9,)),
        ("es/fictional-cedaw-costanera-co.txt", "CEDAW", "CEDAW/C/CST/9", (9,)),
    ],
)
def test_metadata_fictional_records_and_observations(
    name: str, committee: str, symbol: str, numbers: tuple[int, ...]
) -> None:
    from rapporteur.api import analyze

    meta = analyze(ROOT / "examples" / name).metadata
    assert meta is not None
    assert meta.committee == committee
    assert meta.report is not None
    assert (meta.report.symbol, meta.report.numbers) == (symbol, numbers)
