"""Summary records in French and Spanish (comptes rendus analytiques, actas resumidas): the
header, each paragraph's speaker and side from the form of the name, the sections the speakers
make, and the questions of the fictional records against their annotations."""

from __future__ import annotations

import json
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from bench.cycle_language_eval import fold, same_person
from rapporteur.api import analyze
from rapporteur.genres import record_cues, summary_record
from rapporteur.models import Review
from rapporteur.settings import Settings
from tests.conftest import FIXTURES, ROOT, make_review

DIALOGUES = sorted(
    p for lang in ("fr", "es") for p in (FIXTURES / "annotations" / lang).glob("*-dialogue.json")
)


@pytest.mark.parametrize(
    ("language", "sentence", "name", "side", "title"),
    [
        ("fr", "3.\tMme Dubois-Lenoir (Rapporteuse pour le pays) demande si", "Dubois-Lenoir",
         "committee", "Rapporteuse pour le pays"),
        ("fr", "M. Okafor (Bénin) répond que la loi a été adoptée.", "Okafor", "delegation", None),
        ("fr", "Mme Haidar dit que le Comité reste préoccupé.", "Haidar", "committee", None),
        ("fr", "M. Ruiz (Secrétaire du Comité) annonce que", "Ruiz", "other",
         "Secrétaire du Comité"),
        ("fr", "M. Kessler (Corapporteur pour le pays) souhaiterait savoir si", "Kessler",
         "committee", "Corapporteur pour le pays"),
        ("es", "El Sr. Pérez Lugo (Uruguay) dice que el plan se aprobó.", "Pérez Lugo",
         "delegation", None),
        ("es", "Sra. Ortiz (Relatora para el país) pregunta si", "Ortiz", "committee",
         "Relatora para el país"),
        ("es", "La Sra. Gómez de la Torre dice que preocupa al Comité", "Gómez de la Torre",
         "committee", None),
        ("es", "12.\tLa Sra. Achebe (Nigeria) responde que", "Achebe", "delegation", None),
    ],
)  # fmt: skip
def test_record_speaker_forms_in_french_and_spanish(
    language: str, sentence: str, name: str, side: str, title: str | None
) -> None:
    cue = record_cues.find_speaker(sentence, language)
    assert cue is not None
    assert (cue.name, cue.side, cue.title) == (name, side, title)
    assert sentence[cue.start : cue.end] == name


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("fr", "La Présidente dit que la délégation poursuivra ses réponses."),
        ("fr", "Le Président remercie la délégation."),
        ("es", "El Presidente dice que se reanudará el diálogo."),
        ("es", "La Presidenta invita a la delegación a responder."),
    ],
)
def test_record_chair_in_french_and_spanish(language: str, sentence: str) -> None:
    cue = record_cues.find_speaker(sentence, language)
    assert cue is not None and cue.kind == "chair" and cue.side == "committee"


def test_record_english_forms_are_not_read_as_french() -> None:
    """A French sentence that names no speaker ("Le Comité salue ...") is nobody's turn."""
    assert record_cues.find_speaker("Le Comité salue l'adoption du Code.", "fr") is None
    assert record_cues.find_speaker("El Comité observa que la ley no se aplica.", "es") is None


@pytest.mark.parametrize(
    ("header", "meeting", "date", "chair"),
    [
        (
            "Comité contre la torture\nSoixante-douzième session\n"
            "Compte rendu analytique de la 2045e séance\n"
            "Tenue au Palais des Nations, à Genève, le lundi 12 mai 2025, à 10 heures\n\n"
            "Président :\tM. Kessler\n",
            2045,
            "2025-05-12",
            "M. Kessler",
        ),
        (
            "Compte rendu analytique (partiel) de la 801ᵉ séance\n"
            "Tenue au Palais Wilson, à Genève,\nle jeudi 1er février 2024, à 15 heures\n"
            "Présidente : Mme Lindqvist\n",
            801,
            "2024-02-01",
            "Mme Lindqvist",
        ),
        (
            "Comité de Derechos Económicos, Sociales y Culturales\n"
            "Acta resumida de la 712ª sesión\n"
            "Celebrada en el Palais Wilson, Ginebra, el lunes 12 de mayo de 2025, a las 15.00 "
            "horas\n\nPresidencia:\tSra. Ruiz Aldana\n",
            712,
            "2025-05-12",
            "Sra. Ruiz Aldana",
        ),
    ],
)
def test_record_header_in_french_and_spanish(
    header: str, meeting: int, date: str, chair: str
) -> None:
    got = summary_record.meeting_header(header)
    assert got is not None
    assert (got.meeting, got.date, got.chair) == (meeting, date, chair)


_FRENCH = [
    "Nations Unies\tCAT/C/SR.2045",
    "Comité contre la torture",
    "Soixante-douzième session",
    "Compte rendu analytique de la 2045e séance",
    "Tenue au Palais des Nations, à Genève, le lundi 12 mai 2025, à 10 heures",
    "Président :\tM. Kessler",
    "La séance est ouverte à 10 heures.",
    "Examen des rapports soumis par les États parties",
    "Troisième rapport périodique de la Morlande (CAT/C/MRL/3)",
    "1.\tSur l’invitation du Président, la délégation morlandaise prend place à la table du "
    "Comité.",
    "2.\tM. Varga (Morlande), présentant le troisième rapport périodique de son pays, dit que "
    "la loi sur la garde à vue a été modifiée en 2023 et que 14 agents ont été condamnés.",
    "3.\tMme Osei (Rapporteuse pour le pays) dit que le Comité reste préoccupé par les "
    "conditions de détention. Combien de plaintes pour torture ont été déposées en 2024 ? "
    "Elle demande si les avocats peuvent assister les suspects dès leur arrestation.",
    "4.\tLa séance est suspendue à 11 h 5 ; elle est reprise à 11 h 25.",
    "5.\tM. Varga (Morlande) dit que 212 plaintes ont été déposées en 2024.",
    "6.\tMme Osei (Rapporteuse pour le pays) remercie la délégation pour ce dialogue constructif.",
    "La séance est levée à 13 heures.",
]
_SPANISH = [
    "Naciones Unidas\tCAT/C/SR.2046",
    "Comité contra la Tortura",
    "72º período de sesiones",
    "Acta resumida de la 2046ª sesión",
    "Celebrada en el Palais des Nations, Ginebra, el martes 13 de mayo de 2025, a las 10.00 horas",
    "Presidente:\tSr. Kessler",
    "Se declara abierta la sesión a las 10.00 horas.",
    "Examen de los informes presentados por los Estados partes (continuación)",
    "Tercer informe periódico de Morlandia (continuación) (CAT/C/MRL/3)",
    "1.\tPor invitación de la Presidencia, la delegación de Morlandia toma asiento a la mesa "
    "del Comité.",
    "2.\tEl Sr. Varga (Morlandia) dice que la ley de detención policial se modificó en 2023 y "
    "que 14 agentes fueron condenados.",
    "3.\tLa Sra. Osei (Relatora para el país) dice que preocupan al Comité las condiciones de "
    "reclusión. ¿Cuántas denuncias de tortura se presentaron en 2024? Pregunta si los abogados "
    "pueden asistir a los sospechosos desde su detención.",
    "4.\tSe suspende la sesión a las 11.05 horas y se reanuda a las 11.25 horas.",
    "5.\tEl Sr. Varga (Morlandia) dice que se presentaron 212 denuncias en 2024.",
    "Se levanta la sesión a las 13.00 horas.",
]


def _kinds(review: Review) -> dict[str, str]:
    """The section kind of each numbered paragraph, by its number."""
    text = review.document.text
    out = {}
    for p in review.paragraphs:
        number = text[p.start : p.end].split(".", 1)[0]
        if number.isdigit():
            out[number] = review.sections[p.section].kind
    return out


def test_a_french_record_is_sectioned_by_its_speakers() -> None:
    review = make_review(*_FRENCH)
    assert (review.language, review.document_kind) == ("fr", "summary_record")
    assert review.metadata is not None
    assert (review.metadata.meeting, review.metadata.date) == (2045, "2025-05-12")
    assert review.metadata.chair == "M. Kessler"
    kinds = _kinds(review)
    assert kinds["1"] == "boilerplate" and kinds["4"] == "boilerplate"
    assert (kinds["2"], kinds["3"], kinds["5"]) == ("presentation", "questions", "responses")
    assert kinds["6"] == "concluding"
    sides = {p.name: p.side for p in review.participants}
    assert sides == {"Kessler": "committee", "Varga": "delegation", "Osei": "committee"}
    assert [(q.asker, q.text[:8]) for q in review.questions] == [
        ("Osei", "Combien "),
        ("Osei", "Elle dem"),
    ]


def test_a_spanish_record_continuing_a_dialogue_opens_with_responses_after_questions() -> None:
    review = make_review(*_SPANISH)
    assert (review.language, review.document_kind) == ("es", "summary_record")
    assert review.metadata is not None
    assert (review.metadata.meeting, review.metadata.date) == (2046, "2025-05-13")
    kinds = _kinds(review)
    # "(continuación)" on the report's line: the delegation is replying from its first turn.
    assert kinds["2"] == "responses" and kinds["3"] == "questions"
    assert kinds["1"] == "boilerplate" and kinds["4"] == "boilerplate"
    assert [q.asker for q in review.questions] == ["Osei", "Osei"]


@pytest.mark.parametrize("path", DIALOGUES, ids=lambda p: p.stem)
def test_example_records_against_their_annotations(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    people = {p["name"]: p for p in gold["participants"]}
    for n, record in enumerate(gold["records"]):
        review = analyze(ROOT / record, Settings(method="lexical"))
        assert review.document_kind == "summary_record"
        assert review.metadata is not None
        assert review.metadata.meeting == int(gold["record_symbols"][n].rsplit(".", 1)[1])
        assert review.metadata.date == gold["meeting_dates"][n]
        wanted = [q for q in gold["questions"] if q.get("record") == Path(record).name]
        pred = list(review.questions)
        matched, right_asker = 0, 0
        for q in wanted:
            hit = next(
                (
                    p
                    for p in pred
                    if p.line == q["record_line"]
                    and SequenceMatcher(None, fold(q["record_text"]), fold(p.text)).ratio() >= 0.8
                ),
                None,
            )
            if hit is not None:
                pred.remove(hit)
                matched += 1
                who = people[q["asker"]].get("in_record")
                right_asker += same_person(hit.asker, q["asker"], who)
        precision = matched / len(review.questions)
        recall = matched / len(wanted)
        assert 2 * precision * recall / (precision + recall) >= 0.9
        assert right_asker == matched
        for p in gold["participants"]:
            if p.get("in_record"):
                found = [x for x in review.participants if same_person(x.name, p["name"], None)]
                assert found and found[0].side == p["side"], p["in_record"]
