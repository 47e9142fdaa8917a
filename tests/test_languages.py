"""The body's language: told apart fast for en/fr/es, named for the others, refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from rapporteur import languages
from rapporteur.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

GERMAN = (
    "Der Ausschuss für die Rechte des Kindes hat heute die Prüfung des fünften Berichts "
    "abgeschlossen. Die Sachverständigen fragten nach den Maßnahmen gegen Kinderarmut und "
    "nach der Lage der Kinder in den Flüchtlingsunterkünften des Landes. "
) * 6
RUSSIAN = (
    "Комитет по правам ребенка сегодня завершил рассмотрение доклада. Эксперты спросили о "
    "мерах по борьбе с детской бедностью и о положении детей в приютах. "
) * 6
ARABIC = (
    "اختتمت لجنة حقوق الطفل اليوم نظرها في التقرير الدوري. وسأل الخبراء عن التدابير المتخذة "
    "لمكافحة فقر الأطفال وعن أوضاع الأطفال في مراكز الإيواء. "
) * 6
CHINESE = (
    "儿童权利委员会今天完成了对该国定期报告的审议。专家们询问了消除儿童贫困的措施以及收容所中儿童的状况。"
) * 6


@pytest.mark.parametrize(
    ("path", "code"),
    [
        (EXAMPLES / "fictional-cmw-review.txt", "en"),
        (EXAMPLES / "fr" / "fictional-crc-valdoree-resume.txt", "fr"),
        (EXAMPLES / "es" / "fictional-cedaw-costanera-resumen.txt", "es"),
        (EXAMPLES / "fr" / "fictional-crc-valdoree-co.txt", "fr"),
        (EXAMPLES / "es" / "fictional-cedaw-costanera-acta1890.txt", "es"),
    ],
)
def test_languages_of_the_fictional_records(path: Path, code: str) -> None:
    assert languages.detect(path.read_text(encoding="utf-8")) == code


def test_languages_the_body_decides_not_the_navigation() -> None:
    body = (EXAMPLES / "fr" / "fictional-crc-valdoree-resume.txt").read_text(encoding="utf-8")
    nav = "Pasar al contenido principal\nInicio | Noticias | Contacto | Buscar en el sitio\n"
    assert languages.detect(nav + body) == "fr"


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        (GERMAN, "de", "German"),
        (RUSSIAN, "ru", "Russian"),
        (ARABIC, "ar", "Arabic"),
        (CHINESE, "zh", "Chinese"),
    ],
)
def test_languages_others_are_named(text: str, code: str, name: str) -> None:
    assert languages.detect(text) == code
    message = languages.refusal(code)
    assert name in message and "English" in message


def test_languages_too_little_text_is_undetermined() -> None:
    assert languages.detect("12 34 -- ** ok") == languages.UNDETERMINED
    assert "could not be recognised" in languages.refusal(languages.UNDETERMINED)


def test_languages_cli_refuses_german_by_name(tmp_path: Path) -> None:
    source = tmp_path / "bericht.txt"
    source.write_text(GERMAN, encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(source), "--format", "json"])
    assert result.exit_code == 4
    assert "appears to be in German" in result.stderr and "English" in result.stderr
    assert '"language": "de"' in result.stdout


def test_languages_cues_of_a_stage_without_data_are_empty() -> None:
    assert dict(languages.cues("no-such-stage", "fr")) == {}
    assert languages.cues("no-such-stage", "fr") is languages.cues("no-such-stage", "fr")
