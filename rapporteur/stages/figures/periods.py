"""Periods of figures: the year each figure is about.

A figure takes the year of its own clause ("48 per cent in 2010, and 57 per cent in
2020"), else an earlier year of its sentence; relative years ("last year", "l’an dernier",
"el año pasado") count from the review's year, and a cue such as "of them" carries the
previous sentence's year. The two values of a change over a span ("de 9,1 à 6,4 ... entre
2015 et 2024") take the span's first and last years, where the language has such a span.
"""

from __future__ import annotations

import re

from .candidates import Candidate
from .lexicon import Lexicon, lexicon

_EN = lexicon("en")
CARRY_CUE = _EN.carry


def _has_digit(text: str) -> bool:
    return any(d in text for d in "0123456789")


_ANY_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split()).replace("’", "'")


def years_in(
    text: str, s0: int, s1: int, year: int | None, lex: Lexicon = _EN
) -> list[tuple[int, str]]:
    """(offset, period) of every year expression of a sentence."""
    found: list[tuple[int, str]] = []
    sentence = text[s0:s1]
    has_year = _ANY_YEAR.search(sentence) is not None if _has_digit(sentence) else False
    for m in lex.year.finditer(text, s0, s1) if has_year else ():
        y = m.group("y")
        y2 = m.group("y2")
        if y2:
            y2 = y2 if len(y2) == 4 else y[:2] + y2
            found.append((m.start(), f"{y}-{y2}" if y2 > y else y))
        else:
            found.append((m.start(), y))
    low = sentence.lower()
    if year and any(h in low for h in lex.relative_hints):
        for m in lex.relative.finditer(text, s0, s1):
            r = _key(m.group("r"))
            if r in lex.relative_skip:  # a rolling twelve months, not a calendar year
                continue
            found.append((m.start(), str(year + lex.relative_delta.get(r, 0))))
    found.sort()
    return found


def assign_periods(
    text: str,
    s0: int,
    s1: int,
    cands: list[Candidate],
    years: list[tuple[int, str]],
    carried: str | None,
    lex: Lexicon = _EN,
) -> None:
    """Each figure takes the year of its own clause, following first, then preceding."""
    breaks = [s0, *(s0 + m.start() for m in lex.clause_break.finditer(text[s0:s1])), s1]
    for c in cands:
        lo = max(b for b in breaks if b <= c.start)
        hi = min(b for b in breaks if b > c.start) if any(b > c.start for b in breaks) else s1
        after = [p for off, p in years if c.end <= off < hi]
        before = [p for off, p in years if lo <= off < c.start]
        earlier = [p for off, p in years if off < c.start]
        if after:
            c.period = after[0]
        elif before:
            c.period = before[-1]
        elif earlier:
            c.period = earlier[-1]
        elif years:
            c.period = None
        else:
            c.period = carried
    if lex.span is not None and any(c.change for c in cands):
        _span_periods(text, s0, s1, cands, lex.span)


def _span_periods(
    text: str, s0: int, s1: int, cands: list[Candidate], span: re.Pattern[str]
) -> None:
    """ "passé de 9,1 à 6,4 ... entre 2015 et 2024": 9,1 is of 2015, 6,4 of 2024."""
    spans = list(span.finditer(text, s0, s1))
    for c in cands:
        later = [m for m in spans if m.start() > c.start]
        if c.change and later:
            c.period = later[0].group("y" if c.change == "from" else "y2")
