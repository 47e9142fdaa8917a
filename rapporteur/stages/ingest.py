"""Read a source (path, URL, stdin bytes) into a normalised `Document`.

Why one module: every front end (CLI, library ingest, web upload) must refuse the same bad
inputs with the same sentence, so detection of format, encoding and size lives here only.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import time
import unicodedata
from pathlib import Path

from ..errors import (
    EmptyDocument,
    EncodingError,
    FetchError,
    IngestError,
    SourceNotFound,
    SourceTooLarge,
    UnsupportedFormat,
)
from ..models import Document
from ..settings import Settings

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
_HTML_SNIFF = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<meta|<div|<p[\s>]|<!--)", re.I)
_MAGIC = {
    b"%PDF": "pdf",
    b"PK\x03\x04": "zip",
    b"\x89PNG": "image",
    b"\xff\xd8\xff": "image",
    b"GIF8": "image",
    b"\x1f\x8b": "gzip",
    b"\xd0\xcf\x11\xe0": "ole",
    b"\x7fELF": "binary",
}
# Characters that saved web pages carry but the analysis must not see as distinct.
_SPACE_LIKE = re.compile("[\u00a0\u2007\u202f\u2009\u200a\u3000]")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")


def _legacy_bytes(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the bytes UTF-8 rejects, read as Windows-1252 (else Latin-1)."""
    assert isinstance(exc, UnicodeDecodeError)
    chunk = exc.object[exc.start : exc.end]
    try:
        return chunk.decode("cp1252"), exc.end
    except UnicodeDecodeError:
        return chunk.decode("latin-1"), exc.end


_LEGACY_BYTES = "rapporteur-legacy-bytes"
codecs.register_error(_LEGACY_BYTES, _legacy_bytes)


def sniff_format(data: bytes, name: str = "") -> str:
    """Decide text/html/pdf/docx from magic bytes first, the file name second."""
    head = data[:2048]
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            if kind == "zip" and (name.lower().endswith(".docx") or b"word/" in data[:4096]):
                return "docx"
            return kind
    if _HTML_SNIFF.match(head) or Path(name).suffix.lower() in HTML_SUFFIXES:
        return "html"
    return "text"


def decode_text(data: bytes, origin: str) -> tuple[str, tuple[str, ...]]:
    """Bytes to str: UTF-8 (with or without BOM) first, then a detected encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ()
        except UnicodeDecodeError as exc:
            raise EncodingError(f"{origin} looks like UTF-16 but cannot be decoded.") from exc
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    # Mostly UTF-8 with some legacy bytes (text pasted together from two sources): keep the
    # UTF-8 and read only the bytes that fail as Windows-1252, rather than one wrong guess
    # for the whole file.
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for ch in lenient if ord(ch) > 127) - bad
    if good >= 3 and good >= bad:
        return data.decode("utf-8", errors=_LEGACY_BYTES), (
            "Part of the file was not UTF-8; those characters were read as Windows-1252.",
        )
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise EncodingError(
            f"{origin} is not UTF-8 text and its encoding could not be recognised.",
            hint="Save it again as UTF-8 and retry.",
        )
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise EncodingError(f"{origin} could not be decoded as {best.encoding}.") from exc
    return text, (f"The file was not UTF-8; it was read as {best.encoding}.",)


def normalise_text(text: str) -> str:
    """Unify line ends and odd spaces while keeping one line per source line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", _SPACE_LIKE.sub(" ", text))
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _looks_binary(text: str) -> bool:
    sample = text[:20_000]
    return bool(sample) and len(_CONTROL.findall(sample)) / len(sample) > 0.02


def _binary_bytes(data: bytes) -> bool:
    """NUL bytes or many control bytes: no text encoding in use for reviews produces them."""
    sample = data[:20_000]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 11))
    return b"\x00" in sample or controls / max(1, len(sample)) > 0.02


def document_from_bytes(data: bytes, origin: str, settings: Settings, name: str = "") -> Document:
    """Turn raw bytes into a Document, refusing what cannot be a meeting record."""
    if len(data) > settings.max_bytes:
        raise SourceTooLarge(
            f"{origin} is {len(data) / 1_048_576:.1f} MB, over the limit of "
            f"{settings.max_bytes / 1_048_576:.0f} MB.",
            hint="Raise it with --max-bytes or RAPPORTEUR_MAX_BYTES if it is really a review.",
        )
    if not data.strip():
        raise EmptyDocument(f"{origin} is empty: there is no text to analyse.")
    fmt = sniff_format(data, name or origin)
    sha = hashlib.sha256(data).hexdigest()
    title: str | None = None
    warnings: tuple[str, ...] = ()
    if fmt == "pdf":
        from .parse_pdf import pdf_to_text

        text = pdf_to_text(data, origin)
    elif fmt == "docx":
        from .parse_docx import docx_to_text

        text = docx_to_text(data, origin)
    elif fmt in {"image", "gzip", "ole", "binary", "zip"}:
        raise UnsupportedFormat(
            f"{origin} is a binary file ({fmt}), not a text, HTML, PDF or Word document."
        )
    else:
        if not data.startswith((b"\xff\xfe", b"\xfe\xff")) and _binary_bytes(data):
            raise UnsupportedFormat(
                f"{origin} contains binary data, not readable text.",
                hint="Give rapporteur the saved web page (.html), its text (.txt) or a PDF.",
            )
        raw, warnings = decode_text(data, origin)
        if _looks_binary(raw):
            raise UnsupportedFormat(
                f"{origin} contains binary data, not readable text.",
                hint="Give rapporteur the saved web page (.html), its text (.txt) or a PDF.",
            )
        if fmt == "html":
            from .parse_html import html_to_text

            text, title = html_to_text(raw, origin)
        else:
            text = raw
    text = normalise_text(text)
    if not text.strip():
        raise EmptyDocument(f"{origin} contains no readable text.")
    return Document(
        text=text, format=fmt, origin=origin, sha256=sha, title=title, warnings=warnings
    )


def read_path(path: Path, settings: Settings) -> Document:
    """Read a file from disk with the size limit checked before reading it all."""
    if not path.exists():
        raise SourceNotFound(f"{path} does not exist.", hint="Check the path and try again.")
    if path.is_dir():
        raise SourceNotFound(
            f"{path} is a folder, not a document.",
            hint="Use `rapporteur ingest FOLDER` to add every document in a folder.",
        )
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            raise SourceTooLarge(
                f"{path} is {size / 1_048_576:.1f} MB, over the limit of "
                f"{settings.max_bytes / 1_048_576:.0f} MB.",
                hint="Raise it with --max-bytes or RAPPORTEUR_MAX_BYTES if it is really a review.",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path} could not be read: {exc.strerror or exc}.") from exc
    return document_from_bytes(data, str(path), settings, name=path.name)


def fetch_url(url: str, settings: Settings) -> Document:
    """Fetch an http(s) URL with the time and size limits enforced while streaming."""
    import httpx

    deadline = time.monotonic() + settings.fetch_timeout
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                timeout=settings.fetch_timeout,
                headers={"User-Agent": "rapporteur (treaty-body review analysis)"},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise FetchError(f"{url} answered with HTTP {response.status_code}.")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > settings.max_bytes:
                raise SourceTooLarge(
                    f"{url} is {int(declared) / 1_048_576:.1f} MB, over the limit of "
                    f"{settings.max_bytes / 1_048_576:.0f} MB."
                )
            chunks: list[bytes] = []
            total = 0
            for chunk in response.iter_bytes():
                # The timeout bounds each read; a server sending a byte at a time would
                # otherwise keep the download going for ever.
                if time.monotonic() > deadline:
                    raise FetchError(
                        f"{url} did not finish sending within {settings.fetch_timeout:g} seconds."
                    )
                total += len(chunk)
                if total > settings.max_bytes:
                    raise SourceTooLarge(
                        f"{url} is larger than the limit of "
                        f"{settings.max_bytes / 1_048_576:.0f} MB."
                    )
                chunks.append(chunk)
            ctype = response.headers.get("content-type", "")
    except httpx.TimeoutException as exc:
        raise FetchError(
            f"{url} did not answer within {settings.fetch_timeout:g} seconds."
        ) from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{url} could not be fetched: {exc.__class__.__name__}.") from exc
    name = url.split("?")[0].rsplit("/", 1)[-1]
    if "html" in ctype and not Path(name).suffix:
        name += ".html"
    return document_from_bytes(b"".join(chunks), url, settings, name=name)


def is_url(source: str) -> bool:
    return bool(re.match(r"^https?://", source, re.I))


def load(source: str | Path, settings: Settings, stdin: bytes | None = None) -> Document:
    """Path, URL or '-' (stdin bytes supplied by the caller) to a Document."""
    if isinstance(source, str) and source == "-":
        return document_from_bytes(stdin or b"", "standard input", settings)
    if isinstance(source, str) and is_url(source):
        return fetch_url(source, settings)
    return read_path(Path(source), settings)
