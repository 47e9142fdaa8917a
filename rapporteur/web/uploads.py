"""Read an uploaded document from a request body with the size limit enforced while reading.

Starlette's form parser would spool the whole body first; this reader counts bytes as they
arrive and stops at the limit, so an oversize upload costs at most the limit in memory and
never reaches the analysis. It accepts multipart/form-data (the HTML form, `curl -F
file=@x`) with the document in a `file` field, or the raw document as the body with its
name in `?filename=` (`curl --data-binary @x`). Small text fields of the form (the
anti-forgery token of the upload page) are kept too, up to `FIELD_BYTES` each.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

from ..errors import EmptyDocument, SourceTooLarge, UnsupportedFormat

FORM_OVERHEAD = 16 * 1024
"""Bytes allowed on top of the document for multipart boundaries, headers and small fields."""
FIELD_BYTES = 256
"""Longest text field kept besides the file (longer ones are dropped)."""


def _too_large(limit: int) -> SourceTooLarge:
    return SourceTooLarge(
        f"The upload is larger than the limit of {limit / 1_048_576:.1f} MB; nothing was added.",
        hint="Upload a smaller file, or start the server with a larger --max-upload-bytes.",
    )


class _Form:
    """Callbacks for python-multipart: keeps the `file` part (bounded) and its file name."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.header_field = b""
        self.header_value = b""
        self.headers: dict[bytes, bytes] = {}
        self.name: str | None = None
        self.filename: str | None = None
        self.data = bytearray()
        self.found: tuple[str, bytes] | None = None
        self.fields: dict[str, str] = {}

    def on_part_begin(self) -> None:
        self.headers = {}
        self.name = self.filename = None
        self.data = bytearray()

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self.header_field += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self.header_value += data[start:end]

    def on_header_end(self) -> None:
        self.headers[self.header_field.lower()] = self.header_value
        self.header_field = self.header_value = b""

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self.headers.get(b"content-disposition", b""))
        self.name = options.get(b"name", b"").decode("utf-8", "replace")
        raw = options.get(b"filename")
        self.filename = raw.decode("utf-8", "replace") if raw is not None else None

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self.name != "file":
            if self.filename is None and len(self.data) <= FIELD_BYTES:
                self.data += data[start : min(end, start + FIELD_BYTES + 1)]
            return
        if self.found is not None:
            return
        self.data += data[start:end]
        if len(self.data) > self.limit:
            raise _too_large(self.limit)

    def on_part_end(self) -> None:
        if self.name == "file" and self.found is None:
            self.found = (self.filename or "upload", bytes(self.data))
        elif self.name and self.filename is None and len(self.data) <= FIELD_BYTES:
            self.fields.setdefault(self.name, self.data.decode("utf-8", "replace"))
        self.data = bytearray()

    def callbacks(self) -> dict[str, object]:
        return {
            name: getattr(self, name)
            for name in (
                "on_part_begin",
                "on_header_field",
                "on_header_value",
                "on_header_end",
                "on_headers_finished",
                "on_part_data",
                "on_part_end",
            )
        }


async def read_upload(
    content_type: str,
    content_length: str | None,
    chunks: AsyncIterator[bytes],
    limit: int,
    filename: str | None = None,
    fields: dict[str, str] | None = None,
) -> tuple[str, bytes]:
    """(file name, bytes) of the uploaded document, or SourceTooLarge / EmptyDocument /
    UnsupportedFormat with a sentence for the user. The form's small text fields are put
    in `fields` when it is given."""
    multipart = content_type.lower().startswith("multipart/form-data")
    ceiling = limit + (FORM_OVERHEAD if multipart else 0)
    if content_length and content_length.isdigit() and int(content_length) > ceiling:
        raise _too_large(limit)
    if multipart:
        _, options = parse_options_header(content_type)
        boundary = options.get(b"boundary")
        if not boundary:
            raise UnsupportedFormat("The upload is a malformed form (no multipart boundary).")
        form = _Form(limit)
        parser = MultipartParser(boundary, form.callbacks())  # type: ignore[arg-type]
        received = 0
        try:
            async for chunk in chunks:
                received += len(chunk)
                if received > ceiling:
                    raise _too_large(limit)
                parser.write(chunk)
            parser.finalize()
        except MultipartParseError as exc:
            raise UnsupportedFormat(f"The upload is a malformed form ({exc}).") from exc
        if fields is not None:
            fields.update(form.fields)
        if form.found is None:
            raise EmptyDocument(
                "The upload has no file in it.", hint="Choose a document to upload first."
            )
        name, data = form.found
    else:
        body = bytearray()
        async for chunk in chunks:
            body += chunk
            if len(body) > limit:
                raise _too_large(limit)
        name, data = filename or "upload", bytes(body)
    if not data.strip():
        raise EmptyDocument(f"{name} is empty: there is no text to analyse; nothing was added.")
    return name, data
