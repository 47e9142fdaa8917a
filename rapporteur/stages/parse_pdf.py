"""PDF bytes to text with blank lines between paragraphs (pypdf).

UN PDFs wrap lines inside paragraphs; we rejoin wrapped lines so that one paragraph is one
line, which keeps `line` numbers meaningful for the sentences found in it.
"""

from __future__ import annotations

import io
import re

from ..errors import ParseError

_HYPHEN_BREAK = re.compile(r"(\w)-\n(\w)")


def _reflow(page_text: str) -> list[str]:
    """Rejoin wrapped lines; short lines end paragraphs or stand alone as headings."""
    text = _HYPHEN_BREAK.sub(r"\1\2", page_text)
    lines = [" ".join(raw.split()) for raw in text.split("\n")]
    lengths = sorted(len(x) for x in lines if x)
    if not lengths:
        return []
    typical = lengths[int(len(lengths) * 0.9) - 1] if len(lengths) > 1 else lengths[0]
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for line in lines:
        if not line:
            flush()
            continue
        short = len(line) < typical * 0.8
        if short and not re.search(r"[.?!:;,]$", line) and line[0].isupper() and not current:
            paragraphs.append(line)  # a heading or a title line
            continue
        current.append(line)
        if short and re.search(r"[.?!:;][\"'”’)]?$", line):
            flush()
    flush()
    return paragraphs


def pdf_to_text(data: bytes, origin: str) -> str:
    """Extract the text layer; a scanned PDF without one is refused with a clear sentence."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as exc:  # pypdf raises several types for unsupported crypto
                raise ParseError(f"{origin} is an encrypted PDF that cannot be opened.") from exc
        pages = [page.extract_text() or "" for page in reader.pages]
    except ParseError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ParseError(f"{origin} is a damaged PDF that could not be read.") from exc
    paragraphs = [p for page in pages for p in _reflow(page)]
    if not paragraphs:
        raise ParseError(
            f"{origin} is a PDF without a text layer (a scan?).",
            hint="Run it through OCR first, or use the web page of the meeting summary.",
        )
    return "\n\n".join(paragraphs) + "\n"
