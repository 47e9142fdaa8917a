"""French and Spanish meeting summaries and press releases: headings, footers and sections.

Small handwritten snippets cover the wording of other UN records than the fictional examples
(older communiqués, pages without accents, other footers); the last tests read the fictional
examples against their annotations.
"""

from __future__ import annotations

import json

import pytest

from rapporteur.genres.fold import fold
from rapporteur.genres.meeting_summary import heading_kind
from rapporteur.genres.page import is_boilerplate, is_closing_note, is_date_line
from rapporteur.genres.press_release import paragraph_cue
from tests.conftest import FIXTURES, ROOT, make_review

BODY = {"report", "presentation", "questions", "responses", "concluding"}


def _kinds(review) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.kind for s in review.sections]


def test_fold_keeps_every_offset() -> None:
    text = "Réponses de la délégation ; l’enfant, 5ᵉ rapport, 91.º período, Ñandú"
    folded = fold(text)
    assert folded == "Reponses de la delegation ; l'enfant, 5e rapport, 91.o periodo, Nandu"
    assert len(folded) == len(text)
    assert fold("plain ASCII") == "plain ASCII"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Rapport", "report"),
        ("Présentation du rapport", "presentation"),
        ("Présentation du rapport de la Tunisie", "presentation"),
        ("Exposé liminaire", "presentation"),
        ("Questions et observations des membres du Comité", "questions"),
        ("Questions des experts", "questions"),
        ("Examen du rapport", "questions"),
        ("Dialogue avec la délégation", "questions"),
        ("Réponses de la délégation", "responses"),
        ("Reponses de la delegation", "responses"),  # a page that lost its accents
        ("Réponses et observations de la délégation", "responses"),
        ("Remarques de conclusion", "concluding"),
        ("Observations préliminaires", "concluding"),
        ("Observations finales", "concluding"),
        ("Conclusion", "concluding"),
    ],
)
def test_segment_french_headings(text: str, kind: str) -> None:
    assert heading_kind(text, "fr") == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Informe", "report"),
        ("Presentación del informe", "presentation"),
        ("Declaración inicial", "presentation"),
        ("Preguntas de los expertos del Comité", "questions"),
        ("Preguntas y observaciones de las expertas", "questions"),
        ("Diálogo interactivo", "questions"),
        ("Respuestas de la delegación", "responses"),
        ("Respuestas de la delegacion a las preguntas", "responses"),
        ("Observaciones finales", "concluding"),
        ("Observaciones de clausura", "concluding"),
        ("Comentarios finales", "concluding"),
    ],
)
def test_segment_spanish_headings(text: str, kind: str) -> None:
    assert heading_kind(text, "es") == kind


def test_segment_headings_are_read_in_the_records_language() -> None:
    assert heading_kind("Réponses de la délégation") is None  # English cues: no heading
    assert heading_kind("Responses by the Delegation", "fr") is None
    assert heading_kind("Questions by Committee Experts", "de") == "questions"  # English
    assert heading_kind("La délégation a répondu aux questions.", "fr") is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Ce communiqué de presse est destiné à l’information ; il ne constitue pas un "
            "document officiel.",
            "fr",
        ),
        ("Produit par le Service de l'information des Nations Unies à Genève", "fr"),
        (
            "Les versions anglaise et française de nos communiqués sont différentes car elles "
            "sont le produit de deux équipes distinctes.",
            "fr",
        ),
        (
            "Este documento se publica para información de los medios de comunicación; no es "
            "un documento oficial.",
            "es",
        ),
        (
            "Producido por el Servicio de Información de las Naciones Unidas en Ginebra para "
            "uso de los medios de información",
            "es",
        ),
        # The English footer and the release code stay footers under another language.
        ("For use of the information media; not an official record", "fr"),
        ("CRC25.031F", "fr"),
    ],
)
def test_segment_footers(text: str, language: str) -> None:
    assert is_boilerplate(text, language)


def test_segment_closing_notes() -> None:
    assert is_closing_note(
        "Le Comité se réunira de nouveau demain à 10 heures pour examiner le rapport du Bénin.",
        "fr",
    )
    assert is_closing_note(
        "Outre M. Diallo, la délégation sénégalaise était composée de représentants du "
        "Ministère de la justice.",
        "fr",
    )
    assert is_closing_note(
        "La delegación del Perú estuvo integrada por representantes del Ministerio de la Mujer.",
        "es",
    )
    assert is_closing_note(
        "El Comité volverá a reunirse el martes 3 de junio para examinar el informe de Chile.",
        "es",
    )
    assert not is_closing_note("La délégation a indiqué que la loi avait été adoptée.", "fr")


def test_segment_date_lines() -> None:
    assert is_date_line("Mardi 14 mars 2025", "fr")
    assert is_date_line("1er avril 2024", "fr")
    assert is_date_line("martes, 14 de marzo de 2025", "es")
    assert is_date_line("14 March 2025", "es")  # an English dateline above a Spanish page
    assert not is_date_line("14 de marzo de 2025", "en")


FRENCH_SUMMARY = (
    "Skip to main content",  # English navigation above French text: the body decides
    "Le Comité contre la torture examine le rapport du Sénégal",
    "Mardi 14 mars 2025",
    "Le Comité contre la torture a achevé ce matin l’examen du quatrième rapport périodique "
    "du Sénégal. Au cours du dialogue, les experts ont salué les progrès accomplis par le pays "
    "et se sont inquiétés de la surpopulation carcérale.",
    "Rapport",
    "Le Comité est saisi du quatrième rapport périodique du Sénégal (CAT/C/SEN/4).",
    "Présentation du rapport",
    "Présentant le rapport, M. Ousmane Ba, ministre de la Justice du Sénégal, a indiqué que "
    "la loi sur la prévention de la torture avait été adoptée en 2023 et que les prisons "
    "étaient mieux contrôlées.",
    "Questions des membres du Comité",
    "M. Jean Dupont, rapporteur pour le Sénégal, a demandé combien de plaintes pour torture "
    "avaient été déposées. Quelles sanctions avaient été prononcées contre les agents ?",
    "Réponses de la délégation",
    "La délégation a indiqué que 42 plaintes avaient été déposées et que 12 agents avaient été "
    "condamnés.",
    "Remarques de conclusion",
    "M. Dupont a remercié la délégation pour le dialogue constructif qui s'est tenu avec le "
    "Comité.",
    "Produit par le Service de l’information des Nations Unies à Genève à l’usage des médias ; "
    "ne constitue pas un document officiel.",
    "CAT25.007F",
)


def test_segment_french_summary_sections() -> None:
    review = make_review(*FRENCH_SUMMARY)
    assert review.language == "fr"
    assert review.document_kind == "meeting_summary"
    kinds = _kinds(review)
    assert kinds[:2] == ["chrome", "lead"]
    assert [k for k in kinds if k in BODY] == [
        "report",
        "presentation",
        "questions",
        "responses",
        "concluding",
    ]
    assert kinds[-1] == "boilerplate"


def test_segment_spanish_press_release_without_headings() -> None:
    review = make_review(
        "EL COMITÉ DE DERECHOS HUMANOS EXAMINA EL INFORME DE CHILE",
        "GINEBRA (3 de mayo de 2016) - El Comité de Derechos Humanos examinó hoy el sexto "
        "informe periódico de Chile sobre la aplicación del Pacto.",
        "Al presentar el informe, la Sra. Marta Olguín Reyes, Ministra de Justicia de Chile, "
        "dijo que la pobreza había disminuido y que se había aprobado una nueva ley.",
        "El Gobierno había creado una defensoría de los derechos de la niñez en 2018.",
        "En el diálogo que siguió, los expertos preguntaron por la violencia en las escuelas.",
        "Una experta preguntó qué se estaba haciendo contra los castigos corporales.",
        "En respuesta, la delegación dijo que los castigos corporales estaban prohibidos por la "
        "ley.",
        "En sus observaciones finales, el Sr. Lindqvist agradeció a la delegación el diálogo.",
        "El Comité volverá a reunirse el 4 de mayo para examinar el informe del Perú.",
        "Este documento se publica para información de los medios de comunicación; no es un "
        "documento oficial.",
        "CCPR16/011S",
    )
    assert review.language == "es"
    assert review.document_kind == "press_release"
    assert _kinds(review) == [
        "lead",
        "presentation",
        "questions",
        "responses",
        "concluding",
        "boilerplate",
    ]


def test_segment_french_press_release_cues() -> None:
    assert paragraph_cue("Présentant le rapport de son pays, Mme X a déclaré que", "fr") == (
        "presentation"
    )
    assert paragraph_cue("Au cours du dialogue, les experts ont demandé", "fr") == "questions"
    assert paragraph_cue("En réponse, la délégation a indiqué que", "fr") == "responses"
    assert paragraph_cue("Dans ses remarques de conclusion, M. Y a remercié", "fr") == (
        "concluding"
    )
    assert paragraph_cue("Présentant le rapport de son pays", "en") is None


@pytest.mark.parametrize("language", ["fr", "es"])
def test_segment_fictional_summaries_against_their_annotations(language: str) -> None:
    from rapporteur.api import analyze

    for path in sorted((FIXTURES / "annotations" / language).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if "sections" not in gold or "questions" not in gold:
            continue  # dialogue and concluding-observations annotations
        review = analyze(ROOT / gold["document"])
        assert review.document_kind == "meeting_summary"
        body = [
            (s.kind, s.heading, s.heading_line, s.first_line)
            for s in review.sections
            if s.kind in BODY
        ]
        first_paragraph = {
            s.index: review.paragraphs[s.paragraphs[1]].line if len(s.paragraphs) > 1 else None
            for s in review.sections
        }
        assert [(k, h, line) for k, h, line, _ in body] == [
            (s["kind"], s["heading"], s["heading_line"]) for s in gold["sections"]
        ]
        starts = [first_paragraph[s.index] for s in review.sections if s.kind in BODY]
        assert starts == [s["first_paragraph_line"] for s in gold["sections"]]
        assert review.sections[-1].kind == "boilerplate"


@pytest.mark.parametrize(
    "name", ["fr/fictional-crc-valdoree-resume.txt", "es/fictional-cedaw-costanera-resumen.txt"]
)
def test_segment_flattened_page_is_read_like_the_clean_one(name: str) -> None:
    """A page flattened into one line is cut again at the language's headings, fixed phrases
    and speakers (stages/runon.py)."""
    from rapporteur.api import analyze_text

    text = (ROOT / "examples" / name).read_text(encoding="utf-8")
    flat = " ".join(line.strip() for line in text.split("\n") if line.strip())
    clean, flattened = analyze_text(text, origin="clean"), analyze_text(flat, origin="flat")
    assert [(s.kind, s.heading) for s in flattened.sections] == [
        (s.kind, s.heading) for s in clean.sections
    ]
    assert [q.text for q in flattened.questions] == [q.text for q in clean.questions]
    a, b = flattened.metadata, clean.metadata
    assert a is not None and b is not None
    assert (a.committee, a.report, a.session, a.release_code) == (
        b.committee,
        b.report,
        b.session,
        b.release_code,
    )
    assert a.next_meeting is not None and b.next_meeting is not None
    assert a.next_meeting.text == b.next_meeting.text
