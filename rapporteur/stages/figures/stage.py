"""The figures stage's `run`: each body sentence through the other modules, into `Figure`s.

Kept apart so the order of the steps reads in one place: candidates, then periods, then
subjects, then the units that lean on earlier figures of the sentence or the document. The
review's language chooses the lexicon every step reads.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from ...models import Figure, Review
from ...settings import Settings
from ..facts_common import (
    body_paragraphs,
    flat_text,
    lower_keeping_offsets,
    paragraph_sentences,
    sentence_speakers,
    turns_by_paragraph,
)
from . import phrases
from .candidates import Candidate, sentence_candidates
from .lexicon import Lexicon, lexicon
from .numbers import clean_value, scan
from .periods import assign_periods, years_in
from .subjects import figure_subject, subject_unit, unit_of_subject
from .word_figures import word_figures


def run(review: Review, settings: Settings) -> Review:
    """Find every figure of the body paragraphs."""
    doc = review.document
    lex = lexicon(review.language)
    text = flat_text(review)
    for ch in lex.spaces:  # "9 200" with a no-break space reads as "9 200"; offsets kept
        text = text.replace(ch, " ")
    year = review.metadata.year if review.metadata else None
    state = review.metadata.state_party if review.metadata else None
    iso3 = state.iso3 if state else None
    turns = turns_by_paragraph(review)
    figures: list[Figure] = []
    body = body_paragraphs(review)
    if not body:
        return replace(review, figures=())
    # Where numbers may start, found once for the body with str.find (see `numbers.scan`).
    b0, b1 = min(p.start for p in body), max(p.end for p in body)
    low = lower_keeping_offsets(text[b0:b1])
    starts = scan(low, "0123456789", digits=True)
    starts = [b0 + i for i in sorted({*starts, *scan(low, lex.number_words)})]
    hints = [b0 + i for i in scan(low, lex.hints)]
    for para in body:
        turn = turns.get(para.index)
        spans = paragraph_sentences(review, para)
        voices = sentence_speakers(review, para, turn, len(spans))
        prev_unit: str | None = None
        prev_subject: str | None = None
        prev_sentence: tuple[int, int] | None = None
        prev_years: list[tuple[int, str]] = []
        for (s0, s1), (side, speaker) in zip(spans, voices, strict=True):
            i, j = bisect_left(hints, s0), bisect_left(starts, s0)
            hinted = i < len(hints) and hints[i] < s1
            numbered = j < len(starts) and starts[j] < s1
            low_sentence = text[s0:s1].lower()
            if not (hinted or numbered or any(h in low_sentence for h in lex.relative_hints)):
                prev_years, prev_sentence = [], (s0, s1)
                continue
            cands = _candidates(text, s0, s1, starts, hinted, iso3, lex)
            years = years_in(text, s0, s1, year, lex)
            carried = prev_years[-1][1] if prev_years and lex.carry.search(text, s0, s1) else None
            if cands:
                assign_periods(text, s0, s1, cands, years, carried, lex)
            prev_years = years
            prev_sentence_here = prev_sentence
            prev_sentence = (s0, s1)
            sentence_unit: str | None = None
            sentence_subject: str | None = None
            for c in cands:
                previous = sentence_subject or prev_subject
                c.subject = (
                    phrases.figure_subject(text, s0, s1, c, previous, lex)
                    if lex.head_first
                    else figure_subject(text, s0, c, previous, prev_sentence_here)
                )
                if c.unit is None:
                    # "more than 1 million of them", "121 sent to court", "For 2024, 25,000.",
                    # or, in a later paragraph, "the quota was 12,000" after a quota in workers.
                    c.unit = (
                        sentence_unit
                        or subject_unit(c.subject, lex)
                        or prev_unit
                        or unit_of_subject(figures, c.subject, lex)
                        or "other"
                    )
                sentence_unit = prev_unit = c.unit
                sentence_subject = prev_subject = c.subject
                start, end = c.start, max(c.end, c.tail_end)
                line = doc.line_of(c.start)
                line_end = doc.line_starts[line] - 1 if line < len(doc.line_starts) else len(text)
                end = min(end, line_end)
                figures.append(
                    Figure(
                        line=line,
                        start=start,
                        end=end,
                        mention=doc.text[start:end],
                        value=None if c.value is None else clean_value(c.value),
                        value_min=None if c.value_min is None else clean_value(c.value_min),
                        value_max=None if c.value_max is None else clean_value(c.value_max),
                        qualifier=c.qualifier,
                        unit=c.unit,
                        subject=c.subject,
                        period=c.period,
                        side=side,
                        speaker=speaker,
                        paragraph=para.index,
                    )
                )
    return replace(review, figures=tuple(figures))


def _candidates(
    text: str,
    s0: int,
    s1: int,
    starts: list[int],
    hinted: bool,
    iso3: str | None,
    lex: Lexicon,
) -> list[Candidate]:
    """The sentence's figures, numbers and words alike, in order."""
    cands = sentence_candidates(text, s0, s1, starts, iso3, lex)
    if hinted:
        words = word_figures(text, s0, s1, cands, lex)
        ratios = [(w.start, w.end) for w in words if w.ratio]
        cands = [c for c in cands if not any(r0 <= c.start < r1 for r0, r1 in ratios)]
        cands.extend(words)
    cands.sort(key=lambda c: c.start)
    return cands
