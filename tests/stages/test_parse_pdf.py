"""PDF input: the text layer is read and wrapped lines rejoined; broken PDFs are refused."""

from __future__ import annotations

import pytest

from rapporteur.api import analyze_bytes
from rapporteur.errors import ParseError
from rapporteur.settings import Settings
from rapporteur.stages.ingest import document_from_bytes


def make_pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF whose text layer holds `lines` (Helvetica, 11 pt)."""

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = ["BT", "/F1 11 Tf", "14 TL", "50 780 Td"]
    for line in lines:
        ops.append(f"({esc(line)}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


LINES = [
    "Committee against Torture Reviews the Report of Norway",
    "",
    "The Committee against Torture today concluded its review of the eighth periodic report of",
    "Norway.",
    "",
    "Questions by Committee Experts",
    "",
    "ERIKA SOLBERG-VIK, Committee Expert and Country Rapporteur, asked how solitary",
    "confinement was regulated?",
    "",
    "Responses by the Delegation",
    "",
    "The delegation said solitary confinement was limited to 14 days.",
]


def test_parse_pdf_text_layer_is_read_and_reflowed() -> None:
    review = analyze_bytes(make_pdf(LINES), "review.pdf")
    assert review.document.format == "pdf"
    assert review.metadata is not None and review.metadata.committee == "CAT"
    assert review.metadata.state_party is not None and review.metadata.state_party.iso3 == "NOR"
    texts = [q.text for q in review.questions]
    assert texts == [
        "ERIKA SOLBERG-VIK, Committee Expert and Country Rapporteur, asked how "
        "solitary confinement was regulated?"
    ]


def test_parse_pdf_damaged_file_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        document_from_bytes(b"%PDF-1.4\n1 0 obj garbage", "broken.pdf", Settings())
