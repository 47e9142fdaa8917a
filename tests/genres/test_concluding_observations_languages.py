"""Concluding observations in French and Spanish (observations finales, observaciones finales):
detection, lettered recommendations ("a)"), subject headings and their articles, reiterations,
the follow-up request and the next report, on handwritten snippets and on the fictional
examples against their annotations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rapporteur.genres.co_layout import blocks, section_kind
from rapporteur.genres.concluding_observations import verdict
from rapporteur.stages.co_meta import follow_up, next_report
from rapporteur.stages.recommendations import (
    Reiteration,
    articles_in,
    read,
    reiteration,
    text_articles,
)
from tests.conftest import FIXTURES, ROOT

ANNOTATIONS = sorted(
    p for lang in ("fr", "es") for p in (FIXTURES / "annotations" / lang).glob("*-co.json")
)

_FRENCH = """Nations Unies\tCAT/C/MRL/CO/3
Comité contre la torture
Observations finales concernant le troisième rapport périodique de la Morlande*
I.\tIntroduction
1.\tLe Comité a examiné le troisième rapport périodique de la Morlande.
II.\tAspects positifs
2.\tLe Comité salue la réforme de la garde à vue.
III.\tPrincipaux sujets de préoccupation et recommandations
Garanties juridiques fondamentales
3.\tLe Comité est préoccupé par l’accès tardif des personnes gardées à vue à un avocat.
4.\tLe Comité réitère ses recommandations précédentes (CAT/C/MRL/CO/2, par. 9) et demande instamment à l’État partie :
a)\tDe garantir l’accès à un avocat dès le début de la privation de liberté ;
b)\tD’enregistrer tous les interrogatoires, conformément à l’article 11 de la Convention.
Conditions de détention
5.\tLe Comité est préoccupé par la surpopulation carcérale.
6.\tLe Comité recommande à l’État partie de réduire la surpopulation carcérale.
Procédure de suivi
7.\tLe Comité demande à l’État partie de lui faire parvenir, dans un délai d’un an, des renseignements sur la suite donnée aux recommandations formulées aux paragraphes 4 a) et 6 ci-dessus.
Prochain rapport périodique
8.\tLe Comité invite l’État partie à soumettre son quatrième rapport périodique le 30 juin 2030 au plus tard.
"""


def test_a_french_handwritten_document_is_read() -> None:
    assert verdict(_FRENCH, "fr").is_concluding_observations
    assert not verdict(_FRENCH, "en").is_concluding_observations
    co = read(_FRENCH, "fr")
    got = {(r.paragraph, r.letter): r for r in co.recommendations}
    assert list(got) == [(4, "a"), (4, "b"), (6, None)]
    assert got[4, "a"].reiterates == Reiteration(symbol="CAT/C/MRL/CO/2", paragraph=9)
    assert got[4, "b"].articles == (11,)
    assert got[4, "a"].heading == "Garanties juridiques fondamentales"
    assert got[4, "a"].follow_up and got[6, None].follow_up and not got[4, "b"].follow_up
    assert co.follow_up is not None and co.follow_up.within == "one year"
    assert co.next_report is not None and co.next_report.due == "2030-06-30"


@pytest.mark.parametrize(
    ("language", "line", "kind"),
    [
        ("fr", "III.\tPrincipaux sujets de préoccupation et recommandations", "concerns_and_recommendations"),
        ("fr", "B.\tProchain rapport", "next_report"),
        ("fr", "IV.\tMise en œuvre et soumission de rapports", "implementation"),
        ("fr", "A.\tSuivi et diffusion", "follow_up_and_dissemination"),
        ("es", "C.\tPrincipales esferas de preocupación y recomendaciones", "concerns_and_recommendations"),
        ("es", "Preparación del próximo informe", "next_report"),
        ("es", "Seguimiento de las observaciones finales", "follow_up_and_dissemination"),
        ("es", "Difusión", "follow_up_and_dissemination"),
        ("es", "Educación", None),
        ("fr", "Éducation", None),
    ],
)  # fmt: skip
def test_section_titles(language: str, line: str, kind: str | None) -> None:
    assert section_kind(line, language) == kind


@pytest.mark.parametrize(
    ("language", "heading", "articles"),
    [
        ("fr", "Milieu familial (art. 5, 9 à 11, 18 (par. 1 et 2), 20 et 27 (par. 4))", [5, 9, 10, 11, 18, 20, 27]),
        ("fr", "Mesures de protection spéciales (art. 22, 37 b) à d) et 38 à 40)", [22, 37, 38, 39, 40]),
        ("es", "Derechos civiles (arts. 7, 8 y 13 a 17)", [7, 8, 13, 14, 15, 16, 17]),
    ],
)  # fmt: skip
def test_heading_articles(language: str, heading: str, articles: list[int]) -> None:
    assert articles_in(heading, language) == articles


def test_articles_of_the_convention_only() -> None:
    assert text_articles("de conformidad con los artículos 2 y 3 de la Convención", "es") == [2, 3]
    assert text_articles("el artículo 5 del Protocolo Facultativo", "es") == []
    assert text_articles("conformément à l’article 4 de la Convention", "fr") == [4]
    assert text_articles("son observation générale no 19 (2016)", "fr") == []


@pytest.mark.parametrize(
    ("language", "text", "want"),
    [
        ("fr", "Le Comité réitère sa recommandation précédente (CRC/C/XYZ/CO/3-4, par. 40) et",
         Reiteration(symbol="CRC/C/XYZ/CO/3-4", paragraph=40)),
        ("fr", "Rappelant ses recommandations précédentes, le Comité recommande",
         Reiteration(symbol=None, paragraph=None)),
        ("es", "El Comité reitera su recomendación anterior (CEDAW/C/XYZ/CO/7, párr. 25) y",
         Reiteration(symbol="CEDAW/C/XYZ/CO/7", paragraph=25)),
        ("es", "El Comité recomienda al Estado parte que adopte", None),
    ],
)  # fmt: skip
def test_reiterations(language: str, text: str, want: Reiteration | None) -> None:
    assert reiteration(text, language) == want


def test_spanish_follow_up_and_next_report() -> None:
    text = (
        "C.\tPrincipales esferas de preocupación y recomendaciones\n"
        "1.\tEl Comité recomienda al Estado parte que:\n"
        "a)\tApruebe la ley;\n"
        "b)\tLa aplique.\n"
        "2.\tEl Comité solicita al Estado parte que, en un plazo de dos años, proporcione "
        "información sobre las recomendaciones que figuran en los párrafos 1 b) y 9 supra.\n"
        "3.\tEl Comité invita al Estado parte a que presente su octavo informe periódico a más "
        "tardar el 15 de mayo de 2030.\n"
    )
    bs = blocks(text, "es")
    up = follow_up(bs, "es")
    assert up is not None and up.within == "two years" and up.items == ((1, "b"), (9, None))
    nxt = next_report(bs, "es")
    assert nxt is not None and nxt.due == "2030-05-15"
    assert nxt.description == "octavo informe periódico"


@pytest.mark.parametrize("path", ANNOTATIONS, ids=lambda p: p.stem)
def test_examples_against_their_annotations(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (ROOT / gold["document"]).read_text(encoding="utf-8")
    assert verdict(text, gold["language"]).is_concluding_observations
    co = read(text, gold["language"])
    got = {(r.paragraph, r.letter): r for r in co.recommendations}
    want = {(r["paragraph"], r["letter"]): r for r in gold["recommendations"]}
    assert list(got) == list(want)
    lines = text.split("\n")
    for key, w in want.items():
        r = got[key]
        assert (r.line, r.text, r.heading, r.subject) == (
            w["line"],
            w["text"],
            w["heading"],
            w["subject"],
        ), key
        assert list(r.articles) == w["articles"], key
        assert r.follow_up == w["follow_up"], key
        assert r.reiterates == (Reiteration(**w["reiterates"]) if w["reiterates"] else None)
        concern = next(ln for ln in lines if ln.startswith(f"{w['concern_paragraph']}.\t"))
        assert r.concern == concern.split("\t", 1)[1], key
    if gold["follow_up_paragraph"] is None:
        assert co.follow_up is None
    else:
        assert co.follow_up is not None
        assert (co.follow_up.paragraph, co.follow_up.within) == (
            gold["follow_up"]["paragraph"],
            gold["follow_up"]["within"],
        )
    assert co.next_report is not None and co.next_report.due is not None
    assert co.next_report.due.startswith(gold["next_report"]["due"])
    kinds = [s.kind for s in co.sections]
    wanted = list(dict.fromkeys(k for k in kinds if k in gold["sections"]))
    assert wanted == gold["sections"]
