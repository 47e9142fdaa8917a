"""Split a document into paragraphs and typed sections.

The page around the record (site chrome in any UN language, the title, the footer) is set
apart by `rapporteur.genres.page`; the first registered genre that recognises the document
(a meeting summary with headings, a press release marked only by phrases, ...) sections the
rest, and its name becomes `document_kind`. Sentences are split here once for every stage.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from .. import genres
from ..models import Paragraph, Review, Section, Sentence
from ..settings import Settings
from . import runon
from .sentences import paragraph_sentences

_BLANK = re.compile(r"\n[ \t\f\v]*\n")
UNWRAPPED = 150
"""A line longer than this was not wrapped by a text editor or a PDF: it is a paragraph."""


def _unwrapped_block(block: str) -> bool:
    lines = block.split("\n")
    return len(lines) >= 3 and sum(len(x) > UNWRAPPED for x in lines) * 3 >= len(lines)


_NUMBERED_LINE = re.compile(r"(\d{1,3})\.(?:\t|[ ]{1,8})(?=[A-Z“\"‘(])")
_SENTENCE_END = re.compile(r"[.?!:;\"'”’)\]]\s*$")


def numbered_starts(lines: list[str]) -> list[int]:
    """Indices of the lines that open a numbered paragraph ("12.<TAB>Mr. X said") in a block
    saved with single line breaks (a summary record from a PDF): numbers that follow each
    other, each after a line that ends a sentence. Fewer than two is no numbering."""
    found: list[int] = []
    expected: int | None = None
    for i, line in enumerate(lines):
        m = _NUMBERED_LINE.match(line.lstrip())
        if m is None or (i and not _SENTENCE_END.search(lines[i - 1])):
            continue
        n = int(m.group(1))
        if expected is None or n == expected:
            found.append(i)
            expected = n + 1
    return found if len(found) >= 2 else []


def split_paragraphs(text: str, language: str = "en") -> list[tuple[int, int]]:
    """(start, end) offsets of blank-line separated blocks, trimmed of outer whitespace; a
    record flattened into one line is cut with the cues of its language."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _BLANK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end() - 1
    spans.append((pos, len(text)))
    out = []
    for start, end in spans:
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        out.append((start + lead, start + lead + len(stripped)))
    # A block of several non-blank lines where every line is short is a list of headings or
    # menu items: split it so that each line is judged on its own. A line that starts in
    # lower case continues the one before: that block is prose wrapped at a narrow width.
    # A block of several lines, many of them longer than any wrapping width, shows a page saved
    # with one line break between paragraphs (a browser copy, some page savers): in such a
    # text every line is a paragraph.
    single_breaks = any(_unwrapped_block(text[start:end]) for start, end in out)
    final: list[tuple[int, int]] = []
    for start, end in out:
        block = text[start:end]
        lines = block.split("\n")
        if len(lines) == 1 and runon.is_run_on(block, len(text)):
            final.extend((start + a, start + b) for a, b in runon.breaks(block, language))
            continue
        numbered = numbered_starts(lines) if len(lines) > 2 else []
        if numbered:
            # Each numbered paragraph with its wrapped lines; the lines before the first
            # (a record's header) each on their own.
            offsets = [0]
            for x in lines:
                offsets.append(offsets[-1] + len(x) + 1)
            cuts = [*range(numbered[0]), *numbered, len(lines)]
            for a, b in pairwise(cuts):
                chunk = block[offsets[a] : offsets[b] - 1]
                if chunk.strip():
                    lead = len(chunk) - len(chunk.lstrip())
                    final.append(
                        (start + offsets[a] + lead, start + offsets[a] + len(chunk.rstrip()))
                    )
            continue
        if single_breaks or (
            len(lines) > 1
            and all(len(x.strip()) < 60 and not x.rstrip().endswith(".") for x in lines)
            and not any(x.strip()[:1].islower() for x in lines[1:])
        ):
            offset = start
            for x in lines:
                if x.strip():
                    lead = len(x) - len(x.lstrip())
                    final.append((offset + lead, offset + lead + len(x.strip())))
                offset += len(x) + 1
        else:
            final.append((start, end))
    return final


def run(review: Review, settings: Settings) -> Review:
    doc = review.document
    spans = split_paragraphs(doc.text, review.language)
    paragraphs = [
        Paragraph(
            index=i,
            line=doc.line_of(s),
            last_line=doc.line_of(max(s, e - 1)),
            start=s,
            end=e,
            text=doc.text[s:e],
        )
        for i, (s, e) in enumerate(spans)
    ]
    framed = genres.frame([p.text for p in paragraphs], review.language)
    genre = genres.detect(framed)
    kinds, headings = genre.classify(framed)
    sections = _build_sections(paragraphs, kinds, headings)
    owner = {p: s.index for s in sections for p in s.paragraphs}
    sentences: list[Sentence] = []
    done = []
    for p in paragraphs:
        first = len(sentences)
        if kinds[p.index] not in {"chrome", "boilerplate"} and p.index not in headings:
            sentences.extend(paragraph_sentences(doc, p))
        done.append(replace(p, section=owner.get(p.index, -1), sentences=(first, len(sentences))))
    return replace(
        review,
        document_kind=genre.name,
        paragraphs=tuple(done),
        sections=tuple(sections),
        sentences=tuple(sentences),
    )


def _build_sections(
    paragraphs: list[Paragraph], kinds: list[str], headings: dict[int, str]
) -> list[Section]:
    sections: list[Section] = []
    members: list[int] = []
    kind: str | None = None
    heading: str | None = None
    heading_line: int | None = None

    def close() -> None:
        if kind is None or not members:
            return
        sections.append(
            Section(
                index=len(sections),
                kind=kind,
                heading=heading,
                heading_line=heading_line,
                first_line=paragraphs[members[0]].line,
                last_line=paragraphs[members[-1]].last_line,
                paragraphs=tuple(members),
            )
        )

    for p in paragraphs:
        k = kinds[p.index]
        starts_new = k != kind or (p.index in headings and k not in {"lead"})
        if p.index in headings and k == "lead" and kind == "lead":
            starts_new = False
        if starts_new:
            close()
            members = []
            kind = k
            heading = headings.get(p.index)
            heading_line = p.line if p.index in headings else None
        members.append(p.index)
    close()
    return sections
