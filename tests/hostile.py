"""Hostile and odd inputs for the bad-input suite (tests/test_bad_input.py) and bench/run.py.

Each builder returns the bytes of one input; `write_big_text` writes the 200 MB file in a
second or two without holding it in memory. Every text here is fictional: not a UN record.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from tests.fictional import review_text

MB = 1024 * 1024

FRENCH = """Le Comité pour l'élimination de la discrimination raciale examine le rapport du Bénin

Le Comité pour l'élimination de la discrimination raciale a examiné aujourd'hui le rapport \
périodique du Bénin. Les experts ont demandé quelles mesures avaient été prises contre les \
discours de haine. Combien de plaintes avaient été enregistrées en 2022 ?

Présentation du rapport

ÉLISE MORVAN, ministre de la Justice et cheffe de la délégation, a déclaré que le Bénin \
avait adopté un plan national contre la discrimination.

Questions des experts du Comité

PAUL DURAND, expert du Comité et rapporteur pour le pays, a demandé si la loi protégeait \
les migrants. Quel était le budget de l'institution nationale des droits de l'homme ?

Réponses de la délégation

La délégation a indiqué que 312 plaintes avaient été enregistrées et que le budget serait \
augmenté l'année prochaine.

DOCUMENT FICTIF pour les tests de rapporteur : ce n'est pas un document de l'ONU.
"""

GERMAN = """Der Ausschuss für die Rechte des Kindes prüft den Bericht Österreichs

Der Ausschuss für die Rechte des Kindes hat heute den periodischen Bericht Österreichs \
geprüft. Die Sachverständigen fragten nach der Kinderarmut und nach den Maßnahmen gegen \
Gewalt an Kindern. Wie viele Kinder lebten im Jahr 2022 in Armut?

Vorstellung des Berichts

Die Ministerin für Familie, die die Delegation leitete, sagte, dass Österreich einen \
nationalen Aktionsplan für Kinderrechte angenommen habe.
"""

SPANISH = """El Comité de los Derechos del Niño examina el informe del Paraguay

El Comité de los Derechos del Niño examinó hoy el informe periódico del Paraguay. Los \
expertos preguntaron por el trabajo infantil y la inscripción de los nacimientos. ¿Cuántos \
niños no estaban inscritos en 2021?

Presentación del informe

MARTA BENÍTEZ, Ministra de la Niñez y jefa de la delegación, dijo que el Paraguay había \
aprobado una nueva ley de protección de la infancia.

Preguntas de los expertos del Comité

LUIS ORTEGA, experto del Comité y relator para el país, preguntó qué presupuesto se \
destinaba a la educación inclusiva. ¿Qué medidas se habían adoptado contra el castigo físico?

Respuestas de la delegación

La delegación dijo que el presupuesto había aumentado un 12 por ciento y que la ley \
prohibía el castigo físico.

DOCUMENTO FICTICIO para las pruebas de rapporteur: no es un documento de las Naciones Unidas.
"""

PRESS_RELEASE = """New Observatory Opens in the Alps

GENEVA (14 March 2024) - A new mountain observatory opened today above the village of \
Fictionville, the regional science council announced.

The observatory cost 12 million francs and will host 40 researchers. The council's \
director said the telescope would be used to study comets and the weather.

Tickets for public visits go on sale next month.

FICTIONAL SAMPLE for rapporteur tests.
"""


def questions_without_answers() -> bytes:
    """A review whose delegation never answers: every question is unanswered."""
    text = review_text(21)
    head, _, _ = text.partition("Responses by the Delegation")
    return (head + "Concluding Remarks\n\nThe Chair thanked the delegation.\n").encode()


def duplicated_sections() -> bytes:
    """The questions and responses pasted twice (a common copy-and-paste accident)."""
    text = review_text(22)
    start = text.index("Questions by Committee Experts")
    end = text.index("Concluding Remarks")
    return (text[:end] + text[start:end] + text[end:]).encode()


def truncated_mid_sentence() -> bytes:
    text = review_text(23)
    cut = text.index("Responses by the Delegation") + 60
    return text[:cut].encode()


def truncated_mid_tag() -> bytes:
    paras = review_text(24).split("\n\n")
    body = "".join(f"<p>{p}</p>\n" for p in paras[: len(paras) // 2 + 3])
    return f"<!DOCTYPE html><html><head><title>x</title></head><body>{body}<div cla".encode()


def mixed_encodings() -> bytes:
    """UTF-8 first, then a paragraph saved as Windows-1252 (curly quotes, accents)."""
    text = review_text(25)
    cut = text.index("Questions by Committee Experts")
    latin = "The delegation said the \u2018caf\u00e9\u2019 programme for na\u00efve r\u00e9fugi\u00e9s.\n\n"
    return text[:cut].encode("utf-8") + latin.encode("cp1252") + text[cut:].encode("utf-8")


def deeply_nested_html(levels: int = 10_000) -> bytes:
    inner = review_text(26).replace("\n\n", "</p><p>")
    return (
        b"<!DOCTYPE html><html><body>"
        + b"<div>" * levels
        + f"<p>{inner}</p>".encode()
        + b"</div>" * levels
        + b"</body></html>"
    )


def mostly_scripts() -> bytes:
    """2 MB of script and style around one short paragraph of text."""
    script = "<script>var tracker = " + "'x' + " * 40_000 + "'';</script>\n"
    style = "<style>" + ".a{color:red}" * 20_000 + "</style>"
    return (
        "<!DOCTYPE html><html><head>"
        + style
        + script * 5
        + "</head><body>"
        + script * 5
        + "<p>Cookies help us deliver our services.</p></body></html>"
    ).encode()


def long_line(size: int = 5 * MB) -> bytes:
    """One line of `size` bytes with no line break at all."""
    unit = b"The Committee Expert asked about remittances and the delegation replied. "
    return (unit * (size // len(unit) + 1))[:size]


def pdf_named_txt() -> bytes:
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def docx_named_txt() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def binary_named_txt() -> bytes:
    return bytes(range(256)) * 64


CASES: dict[str, Callable[[], bytes]] = {
    "empty.txt": lambda: b"",
    "whitespace.txt": lambda: b"  \n\t\r\n   \n",
    "binary.txt": binary_named_txt,
    "long-line.txt": lambda: long_line(1 * MB),
    "nested.html": deeply_nested_html,
    "scripts.html": mostly_scripts,
    "mixed-encodings.txt": mixed_encodings,
    "pdf.txt": pdf_named_txt,
    "docx.txt": docx_named_txt,
    "french.txt": lambda: FRENCH.encode(),
    "spanish.txt": lambda: SPANISH.encode(),
    "german.txt": lambda: GERMAN.encode(),
    "press-release.txt": lambda: PRESS_RELEASE.encode(),
    "no-answers.txt": questions_without_answers,
    "duplicated.txt": duplicated_sections,
    "truncated.txt": truncated_mid_sentence,
    "truncated.html": truncated_mid_tag,
}
"""Name -> bytes. The name's extension is the one the user gave (a PDF named .txt ...)."""


def write_big_text(path: Path, size: int = 200 * MB) -> Path:
    """A `size`-byte text file written in 1 MB blocks (never all in memory)."""
    unit = review_text(0).encode()
    block = (unit * (MB // len(unit) + 1))[:MB]
    with path.open("wb") as fh:
        for _ in range(size // MB):
            fh.write(block)
        fh.write(block[: size % MB])
    return path
