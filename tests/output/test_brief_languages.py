"""The follow-up brief in the review's language: French and Spanish headings and labels,
`--brief-language` overriding it, English unchanged."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from click.testing import CliRunner

from rapporteur import Settings, analyze
from rapporteur.cli import main
from rapporteur.output import brief
from rapporteur.output.json_out import to_dict
from tests.conftest import ROOT

FR = ROOT / "examples/fr/fictional-crc-valdoree-resume.txt"
ES = ROOT / "examples/es/fictional-cedaw-costanera-resumen.txt"
EN = ROOT / "examples/fictional-cmw-review.txt"
ENGLISH_HEADINGS = (
    "Follow-up brief",
    "Questions at a glance",
    "Unanswered questions",
    "Partly answered questions",
    "Figures on the record",
    "Commitments",
    "About this brief",
    "By Expert",
    "By theme",
    "Analysis notes",
    "What the delegation said",
    "Closest passage (not an answer)",
    "Experts not named in the summary",
    "| Field | Value |",
    "Status: ",
)


@cache
def _data(path: str) -> dict[str, Any]:
    return to_dict(analyze(path, Settings(method="lexical")))


def test_french_review_brief_is_in_french() -> None:
    data = _data(str(FR))
    assert data["document"]["language"] == "fr"
    md = brief.markdown(data)
    assert md.startswith("# Note de suivi: ")
    for heading in ("## Questions restées sans réponse", "## Engagements", "## Chiffres cités"):
        assert heading in md
    assert "Statut : " in md
    page = brief.html(data)
    assert '<html lang="fr">' in page
    assert "<h2>Questions restées sans réponse</h2>" in page


@pytest.mark.parametrize("render", [brief.markdown, brief.html])
def test_no_english_heading_left_in_a_french_brief(render: Any) -> None:
    text = render(_data(str(FR)))
    left = [h for h in ENGLISH_HEADINGS if h in text]
    assert left == []


def test_spanish_review_brief_is_in_spanish() -> None:
    data = _data(str(ES))
    assert data["document"]["language"] == "es"
    md = brief.markdown(data)
    assert "## Preguntas sin respuesta" in md
    assert "## Compromisos" in md
    assert [h for h in ENGLISH_HEADINGS if h in md] == []
    assert '<html lang="es">' in brief.html(data)


def test_language_option_overrides_the_reviews_language() -> None:
    data = _data(str(FR))
    md = brief.markdown(data, "en")
    assert "## Unanswered questions" in md
    assert "Questions restées sans réponse" not in md
    assert '<html lang="es">' in brief.html(data, "es")
    english = brief.markdown(_data(str(EN)), "fr")
    assert "## Questions restées sans réponse" in english


def test_english_brief_is_unchanged_by_default() -> None:
    data = _data(str(EN))
    assert brief.markdown(data) == brief.markdown(data, "en")
    page = brief.html(data)
    assert '<html lang="en">' in page
    assert "<h2>Unanswered questions</h2>" in page


def test_cli_brief_language() -> None:
    runner = CliRunner()
    result = runner.invoke(
        main,
        ["export", str(FR), "--format", "md", "--method", "lexical", "--brief-language", "es"],
    )
    assert result.exit_code == 0, result.output
    assert "## Preguntas sin respuesta" in result.output
    result = runner.invoke(main, ["export", str(FR), "--format", "html", "--method", "lexical"])
    assert result.exit_code == 0, result.output
    assert '<html lang="fr">' in result.output
