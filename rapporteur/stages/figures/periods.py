"""Periods of figures: the year each figure is about.

A figure takes the year of its own clause ("48 per cent in 2010, and 57 per cent in
2020"), else an earlier year of its sentence; relative years ("last year") count from the
review's year, and a cue such as "of them" carries the previous sentence's year.
"""

from __future__ import annotations

import re

from .candidates import Candidate

_YEAR_EXPR = re.compile(
    r"\b(?:(?:in|for|during|throughout|as of|as at|by the end of|at the (?:start|end|beginning|"
    r"close) of|(?:first|second|last) (?:half|quarter) of|the (?:start|end|beginning) of)"
    r"[ \t]+(?:the[ \t]+(?:year|period)[ \t]+)?(?:\d{1,2}[ \t]+)?(?:(?-i:[A-Z][a-z]+)[ \t]+)?"
    r"|(?:the|its|this)[ \t]+(?=\d{4}[ \t]+(?-i:[a-z])))"
    r"(?P<y>(?:19|20)\d\d)(?:[ \t]*(?:-|–|/|to)[ \t]*(?P<y2>(?:19|20)?\d\d))?(?!\w|,\d)",
    re.IGNORECASE,
)


def _has_digit(text: str) -> bool:
    return any(d in text for d in "0123456789")


_ANY_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_RELATIVE_YEAR = re.compile(
    r"\b(?P<r>last year|the previous year|the past year|this (?:school |academic |calendar )?"
    r"year|the current year|next year|the end of the year)\b",
    re.IGNORECASE,
)
CARRY_CUE = re.compile(
    r"\b(?:in (?:this|that) context|that year|the same year|during (?:the|this|that) "
    r"(?:visit|period|time|year)|at that time|of them|among them|of these|of those)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r";|,[ \t]+(?:and|but|while|whereas|with|compared|against|as against|versus|up from|"
    r"down from|of whom|of which)\b|\bwhile\b"
)


def years_in(text: str, s0: int, s1: int, year: int | None) -> list[tuple[int, str]]:
    """(offset, period) of every year expression of a sentence."""
    found: list[tuple[int, str]] = []
    sentence = text[s0:s1]
    has_year = _ANY_YEAR.search(sentence) is not None if _has_digit(sentence) else False
    for m in _YEAR_EXPR.finditer(text, s0, s1) if has_year else ():
        y = m.group("y")
        y2 = m.group("y2")
        if y2:
            y2 = y2 if len(y2) == 4 else y[:2] + y2
            found.append((m.start(), f"{y}-{y2}" if y2 > y else y))
        else:
            found.append((m.start(), y))
    if year and "year" in sentence.lower():
        for m in _RELATIVE_YEAR.finditer(text, s0, s1):
            r = m.group("r").lower()
            if r == "the past year":  # a rolling twelve months, not a calendar year
                continue
            delta = -1 if r in ("last year", "the previous year") else 1 if r == "next year" else 0
            found.append((m.start(), str(year + delta)))
    found.sort()
    return found


def assign_periods(
    text: str,
    s0: int,
    s1: int,
    cands: list[Candidate],
    years: list[tuple[int, str]],
    carried: str | None,
) -> None:
    """Each figure takes the year of its own clause, following first, then preceding."""
    breaks = [s0, *(s0 + m.start() for m in _CLAUSE_BREAK.finditer(text[s0:s1])), s1]
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
