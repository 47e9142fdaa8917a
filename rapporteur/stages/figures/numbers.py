"""Numbers of the figures stage: where a number starts, and its value.

Digits ("7,000", "2.5 million") and words ("Thirty-nine", "two hundred and five") both
count. The costly number pattern runs only at offsets `scan` finds with `str.find`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

_SMALL = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SCALE_ABBR = {"bn": 1_000_000_000, "mn": 1_000_000, "trillion": 1_000_000_000_000}
_NUMWORD = "|".join(sorted([*_SMALL, *_TENS, *_SCALES], key=len, reverse=True))
_WORDS = (
    rf"(?:{_NUMWORD})(?:(?:-|[ \t]+|(?<=hundred)[ \t]+and[ \t]+|(?<=thousand)[ \t]+and[ \t]+)"
    rf"(?:{_NUMWORD}))*"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+|\d+(?:\.\d+)?"
_NUMBER = re.compile(
    rf"\b(?=[\dzotfsenhmb])(?<![\w/.,])(?<![^\W\d_]-)"
    rf"(?:(?P<d>{_DIGITS})(?:[ \t]*(?P<ds>million|billion|trillion|thousand|bn|mn)\b)?"
    rf"|\b(?P<w>{_WORDS})\b)",
    re.IGNORECASE,
)


def words_value(words: str) -> float | None:
    """Value of number words ("Thirty-nine", "two hundred and five", "2.5" excluded)."""
    total, current = 0, 0
    for tok in re.split(r"[-\s]+", words.lower()):
        if tok == "and":
            continue
        if tok in _SMALL:
            current += _SMALL[tok]
        elif tok in _TENS:
            current += _TENS[tok]
        elif tok == "hundred":
            current = max(current, 1) * 100
        elif tok in _SCALES:
            total += max(current, 1) * _SCALES[tok]
            current = 0
        else:
            return None
    return float(total + current)


def _digits_value(digits: str, scale: str | None) -> float:
    value = float(re.sub(r"[,\u00a0\u202f\u2009]", "", digits))
    if scale:
        s = scale.lower()
        value *= _SCALES.get(s) or _SCALE_ABBR[s]
    return value


def clean_value(value: float) -> float:
    """Integral values as int so JSON shows 7000000, not 7000000.0."""
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded


NUMBER_WORDS = tuple([*_SMALL, *_TENS, *_SCALES])


def value_of(m: re.Match[str]) -> float | None:
    if m.group("d"):
        return _digits_value(m.group("d"), m.group("ds"))
    return words_value(m.group("w"))


def scan(low: str, needles: Iterable[str], *, digits: bool = False) -> list[int]:
    """Sorted offsets where a needle starts a word (or a digit starts a run).

    `str.find` is some fifty times faster than a regular-expression scan of the whole text,
    so the expensive patterns run only where a number can start.
    """
    found: set[int] = set()
    for needle in needles:
        i = low.find(needle)
        while i != -1:
            before = low[i - 1] if i else " "
            if digits:
                if not (before.isdigit() or before in ",."):
                    found.add(i)
            elif not before.isalpha():
                found.add(i)
            i = low.find(needle, i + 1)
    return sorted(found)


def number_matches(text: str, starts: list[int], s0: int, s1: int) -> list[re.Match[str]]:
    out: list[re.Match[str]] = []
    end = s0
    for pos in starts[bisect_left(starts, s0) : bisect_left(starts, s1)]:
        if pos < end:
            continue
        m = _NUMBER.match(text, pos, s1)
        if m:
            out.append(m)
            end = m.end()
    return out
