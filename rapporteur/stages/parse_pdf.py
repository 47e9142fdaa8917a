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
    text = _HYPHEN_BREAK.sub(r"\1\2", page_text)
    paragraphs: list[str] = []
    current: list[str] = []
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        current.append(line)
        # A line ending a sentence and clearly shorter than a full line ends a paragraph.
        if re.search(r"[.?!:;]$", line) and len(line) < 60:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
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
