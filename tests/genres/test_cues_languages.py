"""Speaker cues in French and Spanish (rapporteur/genres/cues.py with the languages' data):
who opens a sentence, how titles give sides and roles, and turns that inherit.

The snippets are handwritten variants beyond the fictional examples (particles, accents,
no-break spaces, plural and present-tense verbs, roles before names)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from rapporteur import pipeline
from rapporteur.genres import cues
from rapporteur.genres.cues import find_led_by, find_speaker
from rapporteur.models import Review
from rapporteur.settings import Settings
from rapporteur.stages import ingest
from rapporteur.stages.speakers import side_of_title, split_title
from tests.conftest import FIXTURES, ROOT, make_review

FRENCH_CUES = [
    # French: named with a title, honorific alone, anonymous, the delegation, the Chair.
    (
        "M. Jean-Pierre de La Fontaine, membre du Comité, a demandé si la loi était appliquée.",
        "named",
        "Jean-Pierre de La Fontaine",
    ),
    (
        "Mme Aïssatou N’Diaye, experte du Comité et rapporteuse pour le pays, s’est enquise "
        "des mesures prises.",
        "named",
        "Aïssatou N’Diaye",
    ),
    (
        "Présentant le rapport de son pays, Mme Élodie Marchand, ministre de la Justice, a "
        "déclaré que la réforme était achevée.",
        "named",
        "Élodie Marchand",
    ),
    ("M.\u00a0Ngoma a ajouté que le budget avait augmenté.", "honorific", "Ngoma"),
    (
        "Mme Ferreyra Acosta a pour sa part relevé que la loi tardait.",
        "honorific",
        "Ferreyra Acosta",
    ),
    (
        "Dans ses remarques de conclusion, Mme Solvang a remercié la délégation.",
        "honorific",
        "Solvang",
    ),
    ("Selon M. Ngoma, le budget avait augmenté de 4 pour cent.", "honorific", "Ngoma"),
    ("Mme Solvang est revenue sur la question des enfants handicapés.", "honorific", "Solvang"),
    ("Mme Raman a dénoncé les mariages précoces.", "honorific", "Raman"),
    ("À son tour, M. Ndour a demandé si la loi était appliquée.", "honorific", "Ndour"),
    ("Prenant la parole, Mme Solvang a salué la délégation.", "honorific", "Solvang"),
    (
        "Présentant ce rapport, Mme Afi Mensah-Kodjo, Ministre des droits de l’homme, a "
        "déclaré que la peine de mort était abolie.",
        "named",
        "Afi Mensah-Kodjo",
    ),
    ("Un expert a voulu savoir si les écoles étaient accessibles.", "anonymous", "Un expert"),
    (
        "Une autre experte a souligné l’importance de la participation.",
        "anonymous",
        "Une autre experte",
    ),
    (
        "D’autres membres du Comité ont demandé des précisions.",
        "anonymous",
        "D’autres membres du Comité",
    ),
    (
        "Une membre de la délégation a répondu que le texte était prêt.",
        "delegation",
        "Une membre de la délégation",
    ),
    (
        "La délégation a notamment indiqué que 40 centres avaient ouvert.",
        "delegation",
        "La délégation",
    ),
    (
        "Le chef de la délégation a précisé que la loi serait votée.",
        "delegation",
        "Le chef de la délégation",
    ),
    ("La Présidente a remercié la délégation pour le dialogue.", "chair", "La Présidente"),
    (
        "Pendant le dialogue, Mme Hélène de La Tour d’Auvergne, rapporteuse du Comité pour "
        "l’examen du rapport, a salué la loi.",
        "named",
        "Hélène de La Tour d’Auvergne",
    ),
    (
        "Au terme du dialogue, Mme de La Tour d’Auvergne a remercié la délégation.",
        "honorific",
        "de La Tour d’Auvergne",
    ),
    (
        "Un expert membre du Comité a demandé si la loi était appliquée.",
        "anonymous",
        "Un expert membre du Comité",
    ),
    (
        "Plusieurs experts se sont intéressés aux conditions de détention.",
        "anonymous",
        "Plusieurs experts",
    ),
]
SPANISH_CUES = [
    # Spanish: the article goes with the honorific; particles "del", "de la", "y".
    (
        "La Sra. María del Carmen de la Vega, experta del Comité y relatora para el país, "
        "preguntó si la ley se aplicaba.",
        "named",
        "María del Carmen de la Vega",
    ),
    (
        "Al presentar el informe, el Sr. José Luis Pérez y Gómez, Viceministro de Relaciones "
        "Exteriores y jefe de la delegación, dijo que el país había avanzado.",
        "named",
        "José Luis Pérez y Gómez",
    ),
    (
        "El Lic. Carlos Mendoza, Director General de Migración, explicó que el registro era "
        "gratuito.",
        "named",
        "Carlos Mendoza",
    ),
    ("La Sra. Pérez también preguntó si existía un registro.", "honorific", "Pérez"),
    ("En sus respuestas, la Dra. Ríos señaló que el plan estaba listo.", "honorific", "Ríos"),
    ("Según el Sr. Pérez, el presupuesto había aumentado.", "honorific", "Pérez"),
    ("La Sra. Nwosu intervino para señalar que la ley era insuficiente.", "honorific", "Nwosu"),
    ("Tomando la palabra, la Sra. Kran preguntó si existía un plan.", "honorific", "Kran"),
    (
        "Otra experta quiso saber cuántas denuncias se habían presentado.",
        "anonymous",
        "Otra experta",
    ),
    (
        "Varios miembros del Comité preguntaron por la reforma.",
        "anonymous",
        "Varios miembros del Comité",
    ),
    (
        "Una integrante de la delegación señaló que el plan estaba en marcha.",
        "delegation",
        "Una integrante de la delegación",
    ),
    (
        "La jefa de la delegación dijo que la ley se aprobaría.",
        "delegation",
        "La jefa de la delegación",
    ),
    ("La Presidenta agradeció a la delegación su participación.", "chair", "La Presidenta"),
    (
        "La relatora para el país, Sra. Gabriela dos Santos Mendes, celebró la aprobación de la ley.",
        "named",
        "Gabriela dos Santos Mendes",
    ),
    (
        "Al término del diálogo, la Sra. dos Santos Mendes agradeció a la delegación.",
        "honorific",
        "dos Santos Mendes",
    ),
    (
        "Un experto miembro del Comité se interesó por los migrantes.",
        "anonymous",
        "Un experto miembro del Comité",
    ),
]


@pytest.mark.parametrize(
    ("language", "sentence", "kind", "name"),
    [("fr", *c) for c in FRENCH_CUES] + [("es", *c) for c in SPANISH_CUES],
)
def test_cues_languages_who_opens_a_sentence(
    language: str, sentence: str, kind: str, name: str
) -> None:
    cue = find_speaker(sentence, language)
    assert cue is not None and (cue.kind, cue.name) == (kind, name)
    assert sentence[cue.start : cue.end] == name


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Le ministre a souligné que la pauvreté des enfants reculait.", "fr"),
        ("L’experte a demandé si des enfants avaient été consultés.", "fr"),
        ("Le corapporteur a indiqué que 9 200 enfants vivaient en institution.", "fr"),
        (
            "La Commission nationale des droits de l’homme, dans son rapport, a indiqué que la "
            "situation restait difficile.",
            "fr",
        ),
        (
            "Le Comité saluait la stratégie nationale, mais s’interrogeait sur sa mise en œuvre.",
            "fr",
        ),
        ("La Ministra recordó que el país había ratificado el Protocolo.", "es"),
        ("La experta preguntó si las mujeres tenían acceso a intérpretes.", "es"),
        (
            "La Comisión Nacional de Derechos Humanos, en su informe, señaló que persistían "
            "obstáculos.",
            "es",
        ),
        ("Según organizaciones de la sociedad civil, 212 mujeres habían sido asesinadas.", "es"),
    ],
)
def test_cues_languages_who_names_no_one(sentence: str, language: str) -> None:
    """'L'experte', 'le ministre', 'la relatora' name no one: the paragraph inherits."""
    assert find_speaker(sentence, language) is None


def test_cues_languages_roles_before_the_name() -> None:
    cue = find_speaker(
        "Le corapporteur, M. Kwame Mensah, a pour sa part relevé que la loi tardait.", "fr"
    )
    assert cue is not None and cue.name == "Kwame Mensah" and cue.title == "Le corapporteur"
    cue = find_speaker(
        "La Presidenta del Comité, la Sra. Ana Lindqvist, agradeció a la delegación.", "es"
    )
    assert cue is not None and cue.name == "Ana Lindqvist"
    assert split_title(cue.title, "committee", "es")[0] == ("Committee Chairperson",)


def test_cues_languages_presenting_the_report_is_the_delegation() -> None:
    cue = find_speaker(
        "Al presentar el informe, la Sra. Ana Torres, Ministra de la Mujer, dijo que la ley "
        "se había aprobado.",
        "es",
    )
    assert cue is not None and cue.presenting


def test_cues_languages_led_by() -> None:
    cue = find_led_by(
        "La délégation valdoréenne, dirigée par M. Paul Ngoma, ministre des Affaires "
        "étrangères, comprenait des représentants de six ministères.",
        "fr",
    )
    assert (
        cue is not None
        and cue.name == "Paul Ngoma"
        and cue.title == "ministre des Affaires étrangères"
    )
    cue = find_led_by(
        "La delegación, encabezada por la Sra. Ana Torres, Ministra de Justicia, respondió a "
        "las preguntas.",
        "es",
    )
    assert cue is not None and cue.name == "Ana Torres"
    assert find_led_by("La délégation a répondu aux questions.", "fr") is None
    cue = find_led_by(
        "La délégation montalbienne, conduite par M. Rocheval-Sainte, comprenait des "
        "représentants de plusieurs ministères.",
        "fr",
    )
    assert cue is not None and (cue.kind, cue.name) == ("honorific", "Rocheval-Sainte")


def test_cues_languages_head_of_delegation_named_by_surname_in_the_lead() -> None:
    review = make_review(
        "Le Comité contre la torture examine le rapport de la Montalbie",
        "Présentant le rapport, M. Didier Rocheval-Sainte, Ministre de la justice, a indiqué que "
        "la réforme était achevée. La délégation, conduite par M. Rocheval-Sainte, comprenait "
        "des représentants de plusieurs ministères.",
        "Questions et observations des membres du Comité",
        "Un expert a demandé si la loi était appliquée.",
    )
    assert [(p.name, p.roles) for p in review.participants] == [
        ("Didier Rocheval-Sainte", ("head of delegation",))
    ]


@pytest.mark.parametrize(
    ("title", "language", "side", "roles", "rest"),
    [
        (
            "ministre de la Justice et chef de la délégation",
            "fr",
            "delegation",
            ("head of delegation",),
            "ministre de la Justice",
        ),
        (
            "membre du Comité et rapporteuse pour le Bénin",
            "fr",
            "committee",
            ("Committee Expert", "Country Rapporteur"),
            None,
        ),
        ("corapporteur pour le pays", "fr", "committee", ("Country Co-Rapporteur",), None),
        ("Vice-Présidente du Comité", "fr", "committee", ("Committee Vice-Chairperson",), None),
        (
            "Défenseure des droits de la Valdorée",
            "fr",
            "other",
            (),
            "Défenseure des droits de la Valdorée",
        ),
        (
            "directrice de la protection de l’enfance au Ministère de la famille",
            "fr",
            "delegation",
            (),
            "directrice de la protection de l’enfance au Ministère de la famille",
        ),
        (
            "experta del Comité y relatora para el país",
            "es",
            "committee",
            ("Committee Expert", "Country Rapporteur"),
            None,
        ),
        (
            "Ministra de la Mujer de Costanera y jefa de la delegación",
            "es",
            "delegation",
            ("head of delegation",),
            "Ministra de la Mujer de Costanera",
        ),
        ("Subsecretaria de Trabajo", "es", "delegation", (), "Subsecretaria de Trabajo"),
        ("Defensora del Pueblo", "es", "other", (), "Defensora del Pueblo"),
        ("Presidenta del Comité", "es", "committee", ("Committee Chairperson",), None),
        (
            "rapporteuse du Comité pour l’examen du rapport de la Montalbie",
            "fr",
            "committee",
            ("Country Rapporteur",),
            None,
        ),
        (
            "membre du Comité des droits de l’enfant et rapporteuse pour la Valdorée",
            "fr",
            "committee",
            ("Committee Expert", "Country Rapporteur"),
            None,
        ),
        (
            "Présidente du Comité national des droits de l’enfant",
            "fr",
            "delegation",
            (),
            "Présidente du Comité national des droits de l’enfant",
        ),
        (
            "Presidenta del Comité Nacional de Derechos del Niño",
            "es",
            "delegation",
            (),
            "Presidenta del Comité Nacional de Derechos del Niño",
        ),
        (
            "rapporteuse du Comité chargée du rapport du Bénin",
            "fr",
            "committee",
            ("Country Rapporteur",),
            None,
        ),
        (
            "membre du Comité chargée de l’examen du rapport du Bénin",
            "fr",
            "committee",
            ("Committee Expert", "Country Rapporteur"),
            None,
        ),
        (
            "Viceministro de Relaciones Exteriores, quien encabezó la delegación",
            "es",
            "delegation",
            ("head of delegation",),
            "Viceministro de Relaciones Exteriores",
        ),
    ],
)
def test_cues_languages_titles_give_sides_and_english_roles(
    title: str, language: str, side: str, roles: tuple[str, ...], rest: str | None
) -> None:
    assert side_of_title(title, language) == side
    assert split_title(title, side, language) == (roles, rest)


def test_cues_languages_a_language_without_cues_reads_with_english() -> None:
    assert cues.cue_language("de") == "en" and cues.cue_language("und") == "en"
    assert cues.patterns("de") is cues.patterns("en") is not cues.patterns("fr")
    cue = find_speaker("Ms. Lindqvist asked whether the law applied.", "de")
    assert cue is not None and cue.name == "Lindqvist"


FRENCH = (
    "Le Comité des droits de l’enfant examine le rapport de la Valdorée",
    "Le Comité des droits de l’enfant a achevé aujourd’hui l’examen du deuxième rapport "
    "périodique de la Valdorée.",
    "Présentation du rapport",
    "Présentant le rapport de son pays, Mme Élodie Marchand, ministre de la Justice et cheffe "
    "de la délégation, a déclaré que la Valdorée avait adopté un code de l’enfance.",
    "La ministre a ajouté que 40 centres avaient ouvert.",
    "Questions et observations des membres du Comité",
    "M. Paulo de Souza, membre du Comité et rapporteur pour la Valdorée, a demandé si le code "
    "était appliqué. L’expert a voulu savoir combien d’enfants vivaient en institution.",
    "Il a prié la délégation de fournir des données sur les placements.",
    "Une experte a demandé si des enfants avaient été consultés.",
    "Réponses de la délégation",
    "Mme Marchand a répondu que le code était appliqué.",
    "Une membre de la délégation a indiqué que 6 000 enfants vivaient en institution.",
)


def test_cues_languages_french_turns_inherit_and_resolve() -> None:
    review = make_review(*FRENCH)
    assert review.language == "fr"
    people = {p.name: p for p in review.participants}
    assert people["Élodie Marchand"].side == "delegation"
    assert people["Élodie Marchand"].roles == ("head of delegation",)
    assert people["Paulo de Souza"].roles == ("Committee Expert", "Country Rapporteur")
    by_line = {t.line: t for t in review.turns}
    assert by_line[7].speaker == "Élodie Marchand"
    assert by_line[9].speaker == "Élodie Marchand" and by_line[9].inferred
    assert by_line[13].speaker == "Paulo de Souza" and not by_line[13].inferred
    assert by_line[15].speaker == "Paulo de Souza" and by_line[15].inferred
    assert by_line[17].speaker == "Une experte" and by_line[17].side == "committee"
    assert by_line[21].speaker == "Élodie Marchand" and not by_line[21].inferred
    assert by_line[23].side == "delegation" and by_line[23].participant is None


ANNOTATED = sorted(
    p
    for lang in ("fr", "es")
    for p in (FIXTURES / "annotations" / lang).glob("*.json")
    if "turn_speakers" in json.loads(p.read_text(encoding="utf-8"))
)


def analysed_up_to_questions(document: str) -> Review:
    """A fictional example analysed up to its question units (what this part of issue 15
    builds), without the later stages."""
    doc = ingest.load(ROOT / document, Settings())
    names = ("language", "segment", "metadata", "speakers", "questions")
    return pipeline.run(Review(document=doc), Settings(align=False), names)


def person(name: str | None) -> str:
    folded = unicodedata.normalize("NFKD", name or "")
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return re.sub(r"^(?:m|mme|sr|sra)\.? ", "", " ".join(folded.split()))


@pytest.mark.parametrize("path", ANNOTATED, ids=lambda p: p.stem)
def test_cues_languages_examples_participants_sides_and_turns(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    review = analysed_up_to_questions(gold["document"])
    got = {person(p.name): (p.side, "head of delegation" in p.roles) for p in review.participants}
    assert got == {
        person(p["name"]): (p["side"], "head of delegation" in p["roles"])
        for p in gold["participants"]
    }
    by_line = {t.line: t for t in review.turns}
    for turn in gold["turn_speakers"]:
        t = by_line[turn["line"]]
        assert t.side == turn["side"], turn
        if turn["speaker"] is not None:
            assert person(t.speaker) == person(turn["speaker"]), turn


def test_cues_languages_the_presenter_heads_a_delegation_no_one_else_heads() -> None:
    review = make_review(
        "El Comité contra la Tortura examina el informe de Valmora",
        "El Comité contra la Tortura examinó hoy el quinto informe periódico de Valmora.",
        "Presentación del informe",
        "Al presentar el informe, el Sr. Julián Ortiz de Zárate, Viceministro de Justicia, dijo "
        "que la reforma penal estaba en marcha.",
        "Preguntas de los expertos del Comité",
        "Un experto preguntó si la tortura estaba tipificada como delito.",
        "Respuestas de la delegación",
        "La Sra. Inés Vidal, Directora de Prisiones, explicó que el hacinamiento se había reducido.",
    )
    roles = {p.name: p.roles for p in review.participants}
    assert roles == {"Julián Ortiz de Zárate": ("head of delegation",), "Inés Vidal": ()}
