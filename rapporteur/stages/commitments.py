"""Commitments: what the State says it will do or is doing, sentence by sentence.

Only the delegation's sentences count (the head of delegation included): an Expert's
"would the State consider ratifying" is a question, not a promise. Each sentence gets the
first kind whose cues it carries, most specific first: ratification, pilot, legislation,
plan, other. Cue lists are short regular expressions, per language (`commitment_cues`); the
genre's reported speech ("would", "was working on", "serait présenté", "se presentaría") is
regular enough that a parser would add cost without adding commitments.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Commitment, Review
from ..settings import Settings
from .commitment_cues import commitment_cues
from .facts_common import (
    body_paragraphs,
    clip_to_line,
    flat_text,
    paragraph_sentences,
    sentence_speakers,
    turns_by_paragraph,
)

KINDS = ("ratification", "pilot", "legislation", "plan", "other")


def _future_year(text: str, year: int | None, horizon: re.Pattern[str]) -> bool:
    """A plan that runs to a year not yet past ("strategy up to 2030", "for 2021-2030")."""
    for m in horizon.finditer(text):
        end = int(m.group("y") or m.group("y2"))
        if year is None or end >= year:
            return True
    return False


def classify(sentence: str, year: int | None = None, language: str = "en") -> str | None:
    """The kind of commitment a delegation sentence makes, or None when it makes none."""
    if sentence.rstrip().endswith("?"):
        return None
    cues = commitment_cues(language)
    low = sentence.lower()
    pledge = not (cues.may("not_a_pledge", low) and cues.search("not_a_pledge", sentence))
    if (
        pledge
        and cues.may("ratify", low)
        and cues.search("ratify", low)
        and cues.pledges("ratify_intent", low)
    ):
        return "ratification"
    if cues.may("pilot", low) and cues.search("pilot", low):
        return "pilot"
    if (
        cues.may("law", low)
        and cues.may("drafting", low)
        and cues.search("law", low)
        and cues.search("drafting", low)
    ):
        return "legislation"
    if pledge and cues.may("continue", low) and cues.search("continue", low):
        return "plan"
    if (
        cues.may("plan", low)
        and cues.search("plan_noun", low)
        and (cues.search("plan_verb", low) or _future_year(low, year, cues.patterns["horizon"]))
    ):
        return "plan"
    if pledge and cues.may("other", low) and cues.pledges("other", low):
        return "other"
    return None


def run(review: Review, settings: Settings) -> Review:
    """Find the delegation's commitments in the body."""
    text = flat_text(review)
    year = review.metadata.year if review.metadata else None
    turns = turns_by_paragraph(review)
    found: list[Commitment] = []
    for para in body_paragraphs(review):
        turn = turns.get(para.index)
        if turn is None:
            continue
        spans = paragraph_sentences(review, para)
        voices = sentence_speakers(review, para, turn, len(spans))
        for (s0, s1), (side, speaker) in zip(spans, voices, strict=True):
            if side != "delegation":
                continue
            for c0, c1, kind in _commitments_in(text, s0, s1, year, review.language):
                start, end = clip_to_line(review, c0, c1)
                found.append(
                    Commitment(
                        line=review.document.line_of(start),
                        start=start,
                        end=end,
                        text=text[start:end],
                        kind=kind,
                        side=side,
                        speaker=speaker,
                        paragraph=para.index,
                    )
                )
    return replace(review, commitments=tuple(found))


def _commitments_in(
    text: str, s0: int, s1: int, year: int | None, language: str
) -> list[tuple[int, int, str]]:
    """The commitments of one sentence: the whole sentence, or each of its clauses when
    two clauses make commitments of their own ("A draft law was being developed, and the
    State was preparing an action plan for 2024-2026")."""
    whole = classify(text[s0:s1], year, language)
    if whole is None:
        return []
    cues = commitment_cues(language)
    if not cues.may("clause", text[s0:s1]):
        return [(s0, s1, whole)]
    cuts = [s0]
    for m in cues.clause.finditer(text, s0, s1):
        after = cues.conjunction.match(text, m.end(), s1)
        cuts.extend((m.start(), after.end() if after else m.end()))
    cuts.append(s1)
    clauses = []
    for c0, c1 in zip(cuts[::2], cuts[1::2], strict=True):
        kind = classify(text[c0:c1], year, language)
        if kind:
            clauses.append((c0, c1, kind))
    return clauses if len(clauses) > 1 else [(s0, s1, whole)]
