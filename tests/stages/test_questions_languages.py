"""Question units in French and Spanish (rapporteur/stages/questions.py with the languages'
data): direct, indirect and requests as the annotations define them, Spanish "¿...?" units,
and the sentences the splitter must not cut ("M.", "Sra.", "núm.") or must ("... ? ¿...")."""

from __future__ import annotations

import json
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from rapporteur.stages.questions import question_kind, question_units
from rapporteur.stages.sentences import split_spans
from tests.conftest import make_review
from tests.genres.test_cues_languages import (
    ANNOTATED,
    FRENCH,
    analysed_up_to_questions,
    person,
)

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (f"Quelles mesures ont été prises pour les enfants migrants{NBSP}?", "direct"),
        (f"L’État partie envisageait-il de ratifier le Protocole{NBSP}?", "direct"),
        ("Mme Diallo a demandé combien d’enfants vivaient en institution.", "indirect"),
        ("Elle a demandé si le code était appliqué dans les îles.", "indirect"),
        ("L’expert a également demandé ce qu’il advenait des enfants à leur majorité.", "indirect"),
        ("Elle s’est en outre enquise des mesures prises contre la traite.", "indirect"),
        ("Il s’est enquis du nombre d’enfants en situation de rue.", "indirect"),
        ("Il a voulu savoir si la police disposait d’une unité spécialisée.", "indirect"),
        ("M. Ngoma a souhaité savoir quel était l’âge minimum du mariage.", "indirect"),
        ("L’experte a souhaité connaître les mesures prises pour les filles.", "indirect"),
        ("Elle a demandé des informations sur les centres de rétention.", "indirect"),
        ("L’experte a par ailleurs souhaité en savoir davantage sur les garanties.", "indirect"),
        ("Elle a demandé pour quelles raisons la garde à vue pouvait être prolongée.", "indirect"),
        (
            "Un membre du Comité a demandé en quoi consistait la formation des policiers.",
            "indirect",
        ),
        (
            "La rapporteuse a prié la délégation de dire si des enquêtes avaient été ouvertes.",
            "request",
        ),
        ("Il a demandé à la délégation de préciser le calendrier.", "indirect"),
        ("M. Al-Mansouri souhaiterait également connaître l’âge minimum du mariage.", "indirect"),
        ("M. Ndour a posé plusieurs questions sur les conditions de détention.", "indirect"),
        (f"Elle a demandé{NBSP}: « Quelles mesures ont été prises{NBSP}? »", "direct"),
        ("Les questions posées par le Comité portaient sur la justice pour mineurs.", None),
        (
            "L’experte s’est inquiétée de la hausse des suicides et a demandé quels services "
            "existaient.",
            "indirect",
        ),
        (
            "Il a par ailleurs prié la délégation de fournir des données sur les placements.",
            "request",
        ),
        ("Elle a invité l’État partie à préciser le montant de l’allocation.", "request"),
        ("Une experte a invité la délégation à communiquer des statistiques.", "request"),
        ("Elle a invité le Togoland à préciser le statut de la Commission nationale.", "request"),
        ("Il a prié la Valdorée de fournir des données ventilées.", "request"),
        ("Il a en outre souhaité obtenir des précisions sur le budget.", "request"),
        (
            "Il serait utile que la délégation fournisse des données ventilées par province.",
            "request",
        ),
        ("Le Comité serait reconnaissant à la délégation de transmettre ces chiffres.", "request"),
        ("Le Comité saluait la stratégie, mais s’interrogeait sur sa mise en œuvre.", None),
        ("Elle s’est inquiétée de la hausse des troubles de santé mentale.", None),
        ("Mme Solvang s’est intéressée à la situation des enfants handicapés.", None),
        ("Il a invité l’État partie à ratifier la Convention.", None),
        ("Elle a demandé à l’État partie de redoubler d’efforts contre la traite.", None),
        ("M. Mensah a encouragé la Valdorée à interdire les châtiments corporels.", None),
        ("Le Comité a recommandé que des données soient fournies chaque année.", None),
        ("Selon les informations reçues, 9 200 enfants vivaient en institution.", None),
    ],
)
def test_questions_languages_french_kinds(sentence: str, kind: str | None) -> None:
    assert question_kind(sentence, "fr") == kind


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("¿Qué medidas se habían adoptado para proteger a las defensoras?", "direct"),
        ("La experta preguntó si las mujeres tenían acceso a intérpretes.", "indirect"),
        ("Preguntó asimismo cuántas órdenes de protección se habían emitido.", "indirect"),
        ("El Sr. Ruiz preguntó por el presupuesto del Ministerio.", "indirect"),
        ("También quiso saber si la Convención se había invocado ante los tribunales.", "indirect"),
        ("La Sra. Benali se interesó por el acceso de las mujeres a la salud.", "indirect"),
        (
            "El experto pidió información sobre las medidas destinadas a las mujeres rurales.",
            "indirect",
        ),
        ("Pidió a la delegación que explicara qué medidas se habían adoptado.", "indirect"),
        ("Deseaba saber cuántas mujeres habían sido condenadas.", "indirect"),
        ("Asimismo, quiso conocer el número de denuncias presentadas en 2024.", "indirect"),
        ("La relatora pidió más información sobre los afrodescendientes.", "indirect"),
        ("Sería útil que la delegación proporcionara datos desglosados.", "request"),
        ("Invitó a Marvalia a proporcionar datos desglosados por sexo.", "request"),
        ("Consultó si el Estado parte tenía previsto despenalizar la difamación.", "indirect"),
        ("La experta formuló varias preguntas sobre la trata de mujeres.", "indirect"),
        (
            "La relatora solicitó información sobre el grado de aplicación de las recomendaciones.",
            "request",
        ),
        ("Solicitó a la delegación que facilitara datos sobre las víctimas.", "request"),
        (
            "La experta invitó al Estado parte a proporcionar datos desglosados por región.",
            "request",
        ),
        ("Agradecería recibir datos sobre el número de denuncias.", "request"),
        ("Sería útil recibir información sobre los juzgados especializados.", "request"),
        ("Le preocupaba que las víctimas fueran expulsadas.", None),
        ("Según organizaciones de la sociedad civil, 212 mujeres habían sido asesinadas.", None),
        ("Alentó al Estado parte a presentar sin demora el proyecto de ley.", None),
        ("Invitó al Estado parte a ratificar el Protocolo Facultativo.", None),
        ("Pidió al Estado parte que redoblara sus esfuerzos contra la trata.", None),
        ("La pregunta sobre la trata había quedado sin respuesta.", None),
        ("Pidió que se aclarara la situación de los migrantes.", "indirect"),
        ("El Comité recomendó que se aprobara la ley de igualdad.", None),
    ],
)
def test_questions_languages_spanish_kinds(sentence: str, kind: str | None) -> None:
    assert question_kind(sentence, "es") == kind


@pytest.mark.parametrize(
    ("sentence", "units"),
    [
        ("¿Existía un registro nacional?", [("¿Existía un registro nacional?", "direct")]),
        (
            "Por otra parte, ¿existía un plan nacional de igualdad?",
            [("¿existía un plan nacional de igualdad?", "direct")],
        ),
        (
            "Preguntó si existía un plan y, en ese caso, ¿cuándo se aprobaría?",
            [
                ("Preguntó si existía un plan y, en ese caso", "indirect"),
                ("¿cuándo se aprobaría?", "direct"),
            ],
        ),
        (
            "La experta preguntó: ¿qué medidas se habían adoptado?",
            [("¿qué medidas se habían adoptado?", "direct")],
        ),
        ("Preguntó si la ley se aplicaba.", [("Preguntó si la ley se aplicaba.", "indirect")]),
        ("Le preocupaba la situación de las mujeres rurales.", []),
    ],
)
def test_questions_languages_spanish_units_run_from_the_opening_mark(
    sentence: str, units: list[tuple[str, str]]
) -> None:
    got = question_units(sentence, "es")
    assert [(sentence[a:b], kind) for a, b, kind in got] == units


def test_questions_languages_sentences_split_before_the_opening_mark() -> None:
    text = (
        "La Sra. Halvorsen preguntó si el Plan contaría con presupuesto. ¿Qué medidas se "
        "habían adoptado? ¿Existía un registro? El Convenio núm. 189 se había ratificado. "
        "M. Ngoma, ministre, a dit que Mme Diallo viendrait."
    )
    spans = [text[a:b] for a, b in split_spans(text)]
    assert spans == [
        "La Sra. Halvorsen preguntó si el Plan contaría con presupuesto.",
        "¿Qué medidas se habían adoptado?",
        "¿Existía un registro?",
        "El Convenio núm. 189 se había ratificado.",
        "M. Ngoma, ministre, a dit que Mme Diallo viendrait.",
    ]


SPANISH = (
    "Expertas del Comité examinan el informe de Costanera",
    "El Comité para la Eliminación de la Discriminación contra la Mujer concluyó hoy su examen "
    "del noveno informe periódico de Costanera.",
    "Presentación del informe",
    "Al presentar el informe, la Sra. Ana Torres, Ministra de la Mujer y jefa de la delegación, "
    "dijo que la ley de paridad se había aprobado.",
    "Preguntas de los expertos del Comité",
    "La Sra. Lucía Ramos, experta del Comité y relatora para el país, celebró la ley. ¿Cuándo se "
    "adoptaría la definición de discriminación? La experta preguntó si existían intérpretes.",
    "Solicitó a la delegación que facilitara datos sobre los feminicidios.",
    "Otro experto señaló que la brecha salarial persistía. ¿Qué medidas se habían adoptado? "
    "Preguntó también si las trabajadoras domésticas tenían seguridad social.",
    "Respuestas de la delegación",
    "La Sra. Torres respondió que la definición se adoptaría en 2026.",
)


def test_questions_languages_spanish_review_units_and_askers() -> None:
    review = make_review(*SPANISH)
    assert review.language == "es"
    got = [(q.line, q.kind, q.asker, q.text) for q in review.questions]
    assert got == [
        (11, "direct", "Lucía Ramos", "¿Cuándo se adoptaría la definición de discriminación?"),
        (11, "indirect", "Lucía Ramos", "La experta preguntó si existían intérpretes."),
        (13, "request", "Lucía Ramos", SPANISH[6]),
        (15, "direct", "Otro experto", "¿Qué medidas se habían adoptado?"),
        (
            15,
            "indirect",
            "Otro experto",
            "Preguntó también si las trabajadoras domésticas tenían seguridad social.",
        ),
    ]
    head = [p for p in review.participants if "head of delegation" in p.roles]
    assert [p.name for p in head] == ["Ana Torres"]
    doc = review.document
    for q in review.questions:
        assert q.text in doc.line_text(q.line)


def test_questions_languages_french_review_units_and_askers() -> None:
    review = make_review(*FRENCH)
    asked = [(q.line, q.kind, q.asker) for q in review.questions]
    assert asked == [
        (13, "indirect", "Paulo de Souza"),
        (13, "indirect", "Paulo de Souza"),
        (15, "request", "Paulo de Souza"),
        (17, "indirect", "Une experte"),
    ]


@pytest.mark.parametrize("path", ANNOTATED, ids=lambda p: p.stem)
def test_questions_languages_examples_units_kinds_and_askers(path: Path) -> None:
    """Every annotated question unit of the French and Spanish examples, with its kind and
    asker; nothing else (the annotations' non_questions among them) is a unit."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    review = analysed_up_to_questions(gold["document"])
    pred = list(review.questions)
    for q in gold["questions"]:
        match = next(
            (
                p
                for p in pred
                if p.line == q["line"]
                and SequenceMatcher(None, fold(q["text"]), fold(p.text)).ratio() >= 0.8
            ),
            None,
        )
        assert match is not None, f"missing question at line {q['line']}: {q['text']}"
        pred.remove(match)
        assert (match.kind, person(match.asker)) == (q["kind"], person(q["asker"])), q["text"]
    assert [p.text for p in pred] == []
    asked = {(q.line, fold(q.text)) for q in review.questions}
    for statement in gold.get("non_questions", []):
        assert not any(
            line == statement["line"] and fold(statement["text"]) in text for line, text in asked
        ), statement["text"]


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).replace("\u2019", "'")
    return " ".join(s.split()).casefold()
