"""Word (.docx) bytes to text, one paragraph per line (python-docx)."""

from __future__ import annotations

import io

from ..errors import ParseError


def docx_to_text(data: bytes, origin: str) -> str:
    try:
        import docx  # python-docx
        from docx.opc.exceptions import PackageNotFoundError

        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise ParseError(f"{origin} is a damaged Word document that could not be read.") from exc
    except Exception as exc:  # zipfile and lxml errors surface under several types
        raise ParseError(f"{origin} could not be read as a Word document.") from exc
    paragraphs = [" ".join(p.text.split()) for p in document.paragraphs]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise ParseError(f"{origin} is a Word document with no text.")
    return "\n\n".join(paragraphs) + "\n"
