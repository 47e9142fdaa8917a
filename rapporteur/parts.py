"""A review read in parts: its summary records (or a meeting summary in two parts) joined
into one document, so that a question asked at one meeting finds its answer at the next.

The parts are put in meeting order: by the meeting number their headers give when every part
gives one, else by the date when every part gives one, else as given. Their texts are joined
with a blank line between them, whole (headers included), so that every line of a part
stands at a known line of the joined text: `Document.parts` keeps each part's origin,
digest, symbol and lines, and every `line` of the analysis is a line of the joined text.

    from rapporteur.api import analyze_parts
    review = analyze_parts(["CMW-C-SR.545.txt", "CMW-C-SR.546.txt"])
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from . import pipeline
from .errors import RapporteurError
from .genres.page import document_symbol
from .models import Document, Part, Review
from .settings import Settings

_ORDER_STAGES = ("language", "segment", "metadata")


def _header(document: Document, settings: Settings) -> tuple[str | None, int | None, str | None]:
    """A part's genre, and what its own header says of its meeting (segment and metadata
    only: cheap)."""
    review = pipeline.run(Review(document=document), settings, _ORDER_STAGES)
    meta = review.metadata
    if meta is None:
        return review.document_kind, None, None
    return review.document_kind, meta.meeting, meta.date


def order(documents: Sequence[Document], settings: Settings) -> list[Document]:
    """The parts in meeting order (meeting number, else date, else as given); parts of
    different genres (a summary record and a meeting summary) are refused, since their
    dialogues would be counted twice."""
    heads = [_header(d, settings) for d in documents]
    kinds = {kind for kind, _, _ in heads}
    if len(kinds) > 1:
        (a, ka), (b, kb) = next(
            ((x, hx[0]), (y, hy[0]))
            for x, hx in zip(documents, heads, strict=True)
            for y, hy in zip(documents, heads, strict=True)
            if hx[0] != hy[0]
        )
        raise RapporteurError(
            f"The parts of one review must be of one kind: {a.origin} is {_kind(ka)} and "
            f"{b.origin} {_kind(kb)}; analyse them separately."
        )
    meetings = [meeting for _, meeting, _ in heads]
    dates = [date for _, _, date in heads]
    rank: list[tuple[int, str]]
    if all(m is not None for m in meetings):
        rank = [(m or 0, "") for m in meetings]
    elif all(d is not None for d in dates):
        rank = [(0, d or "") for d in dates]
    else:
        return list(documents)
    by = sorted(range(len(documents)), key=lambda i: (rank[i], i))
    return [documents[i] for i in by]


def _kind(kind: str | None) -> str:
    return "a " + (kind or "document").replace("_", " ")


def join(documents: Sequence[Document]) -> Document:
    """One document of the parts, in the order given, each part's place kept in `parts`.

    The joined document's `sha256` digests the parts' digests in order, so the same records
    joined in the same order are the same review."""
    if not documents:
        raise ValueError("join needs at least one document")
    chunks: list[str] = []
    parts: list[Part] = []
    line = 1
    for doc in documents:
        text = doc.text if doc.text.endswith("\n") else doc.text + "\n"
        count = text.count("\n")
        parts.append(
            Part(
                origin=doc.origin,
                sha256=doc.sha256,
                symbol=document_symbol(doc.text),
                first_line=line,
                last_line=line + count - 1,
            )
        )
        chunks.append(text)
        line += count + 1  # the blank line between parts
    formats = sorted({d.format for d in documents})
    warnings = tuple(dict.fromkeys(w for d in documents for w in d.warnings))
    digest = hashlib.sha256("\n".join(p.sha256 for p in parts).encode("ascii")).hexdigest()
    return Document(
        text="\n".join(chunks),
        format="+".join(formats),
        origin=" + ".join(d.origin for d in documents),
        sha256=digest,
        title=documents[0].title,
        warnings=warnings,
        parts=tuple(parts),
    )


def joined(documents: Sequence[Document], settings: Settings) -> Document:
    """The parts of one review as one document in meeting order; a single part as it is."""
    if len(documents) == 1:
        return documents[0]
    return join(order(documents, settings))
