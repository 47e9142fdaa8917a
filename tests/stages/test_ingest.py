"""Ingest: formats, encodings and the refusals every front end shares."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapporteur.errors import (
    EmptyDocument,
    EncodingError,
    SourceNotFound,
    SourceTooLarge,
    UnsupportedFormat,
)
from rapporteur.settings import Settings
from rapporteur.stages.ingest import document_from_bytes, load, normalise_text, sniff_format

S = Settings()


def test_ingest_utf8_bom_crlf_and_nbsp_are_normalised() -> None:
    data = "\ufeffLine one\r\nLine\u00a0two\r\n".encode()
    doc = document_from_bytes(data, "x.txt", S)
    assert doc.text == "Line one\nLine two\n"
    assert doc.line_of(doc.text.index("two")) == 2


def test_ingest_other_encodings_are_detected_with_a_warning() -> None:
    text = "Le Comité a examiné le rapport présenté par la délégation. " * 20
    doc = document_from_bytes(text.encode("cp1252"), "x.txt", S)
    assert "présenté" in doc.text
    assert doc.warnings and "not UTF-8" in doc.warnings[0]


def test_ingest_empty_and_whitespace_files_are_refused() -> None:
    for data in (b"", b"   \n\n\t "):
        with pytest.raises(EmptyDocument):
            document_from_bytes(data, "empty.txt", S)


def test_ingest_binary_junk_is_refused() -> None:
    with pytest.raises(UnsupportedFormat):
        document_from_bytes(bytes(range(256)) * 40, "junk.txt", S)
    with pytest.raises(UnsupportedFormat):
        document_from_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image.txt", S)


def test_ingest_size_limit_is_enforced() -> None:
    with pytest.raises(SourceTooLarge):
        document_from_bytes(b"a" * 101, "big.txt", Settings(max_bytes=100))


def test_ingest_missing_path_and_directory(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFound, match="does not exist"):
        load(tmp_path / "nope.txt", S)
    with pytest.raises(SourceNotFound, match="folder"):
        load(tmp_path, S)


def test_ingest_undecodable_utf16_is_an_encoding_error() -> None:
    with pytest.raises(EncodingError):
        document_from_bytes(b"\xff\xfe\x00\xd8", "bad.txt", S)


def test_ingest_sniffs_html_by_content_and_name() -> None:
    assert sniff_format(b"<!DOCTYPE html><html>") == "html"
    assert sniff_format(b"plain words", "page.htm") == "html"
    assert sniff_format(b"%PDF-1.7") == "pdf"
    assert sniff_format(b"plain words", "notes.txt") == "text"


def test_ingest_normalise_keeps_one_line_per_source_line() -> None:
    assert normalise_text("a\r\nb\rc\u200bd") == "a\nb\ncd"
