"""Helpers shared by the fact stages (figures, contradictions, commitments, themes).

They answer the same three questions for every fact stage, so the stages can never disagree
about them: which paragraphs are the body (the lead repeats it), who speaks in a paragraph,
and where its sentences are.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..models import BODY_KINDS, Paragraph, Review, Turn
from .sentences import split_spans


@dataclass(frozen=True, slots=True)
class Span:
    """A sentence of a body paragraph, with absolute offsets into `Document.text`."""

    start: int
    end: int
    text: str
    paragraph: Paragraph
    turn: Turn | None


def body_paragraphs(review: Review) -> list[Paragraph]:
    """Paragraphs of body sections; all paragraphs when the document has no sections."""
    if not review.sections:
        return list(review.paragraphs)
    kinds = {s.index: s.kind for s in review.sections}
    return [p for p in review.paragraphs if kinds.get(p.section) in BODY_KINDS]


def turns_by_paragraph(review: Review) -> dict[int, Turn]:
    return {t.paragraph: t for t in review.turns}


@lru_cache(maxsize=4096)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans of a paragraph text; cached because all four fact stages need them."""
    return tuple(split_spans(text))


def paragraph_sentences(review: Review, paragraph: Paragraph) -> list[tuple[int, int]]:
    """Absolute (start, end) offsets of the sentences of a paragraph: the segmenter's
    `Review.sentences` when it filled them, else split here (hand-built reviews in tests)."""
    first, last = paragraph.sentences
    if last > first and len(review.sentences) >= last:
        return [(s.start, s.end) for s in review.sentences[first:last]]
    text = review.document.text[paragraph.start : paragraph.end]
    return [(paragraph.start + s, paragraph.start + e) for s, e in _spans(text)]


def sentence_speakers(
    review: Review, paragraph: Paragraph, turn: Turn | None, count: int
) -> list[tuple[str, str | None]]:
    """(side, named speaker or None) for each of a paragraph's `count` sentences.

    A paragraph may hold two voices ("... said X. Y, Committee Expert, asked ..."), which
    the speaker stage records in `Turn.voices`; without voices the turn speaks throughout.
    """
    names = {p.id: p.name for p in review.participants}
    if turn is None:
        return [("other", None)] * count
    default = (turn.side, names.get(turn.participant) if turn.participant else None)
    if not turn.voices or paragraph.sentences[1] <= paragraph.sentences[0]:
        return [default] * count
    first = paragraph.sentences[0]
    out = []
    for k in range(count):
        v = turn.voice_at(first + k)
        out.append(
            default if v is None else (v.side, names.get(v.participant) if v.participant else None)
        )
    return out


def flat_text(review: Review) -> str:
    """The document text with its line breaks as spaces, every offset unchanged: a
    hard-wrapped text file breaks lines inside "18\nmillion" or "per\ncent", and the fact
    stages read within paragraphs, which never hold a paragraph break."""
    return review.document.text.replace("\n", " ")


def body_sentences(review: Review) -> Iterator[Span]:
    turns = turns_by_paragraph(review)
    text = flat_text(review)
    for para in body_paragraphs(review):
        turn = turns.get(para.index)
        for s, e in paragraph_sentences(review, para):
            yield Span(s, e, text[s:e], para, turn)


def clip_to_line(review: Review, start: int, end: int) -> tuple[int, int]:
    """Shrink a span to the line it starts on, so its text is a substring of that line."""
    doc = review.document
    line = doc.line_of(start)
    line_end = doc.line_starts[line] - 1 if line < len(doc.line_starts) else len(doc.text)
    end = min(end, line_end)
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return start, end


def lower_keeping_offsets(text: str) -> str:
    """`text.lower()` with every offset unchanged: a few characters ("İ") lower to two, which
    would shift every offset after them, so those stay as they are."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
