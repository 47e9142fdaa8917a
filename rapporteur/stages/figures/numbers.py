"""Numbers of the figures stage: where a number starts, and its value.

Digits ("7,000", "2.5 million"; "7 000", "2,5 millions" in French) and words ("Thirty-nine",
"two hundred and five", "quatre-vingt-dix", "treinta y dos") both count, with each language's
separators and number words from its lexicon. The costly number pattern runs only at offsets
`scan` finds with `str.find`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from .lexicon import Lexicon, lexicon

_SPLIT = re.compile(r"[-\s]+")


def words_value(words: str, lex: Lexicon | None = None) -> float | None:
    """Value of number words ("Thirty-nine", "two hundred and five", "quatre-vingt-dix"); the
    longest known run of words is read first ("mil millones", "quatre vingt")."""
    lex = lex or lexicon("en")
    total, current = 0.0, 0.0
    toks = _SPLIT.split(words.lower())
    i = 0
    while i < len(toks):
        for n in (3, 2, 1):
            key = " ".join(toks[i : i + n])
            if n <= len(toks) - i and key in lex.values:
                break
        else:
            if toks[i] in lex.joiners:
                i += 1
                continue
            return None
        value = lex.values[key]
        if key in lex.hundreds:
            current = max(current, 1) * value
        elif key in lex.scales:
            total += max(current, 1) * value
            current = 0
        else:
            current += value
        i += n
    return float(total + current)


_COMMA_GROUPS = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+")


def _digits_value(digits: str, scale: str | None, lex: Lexicon) -> float:
    plain = "".join(ch for ch in digits if ch not in lex.separators)
    if lex.comma_groups and _COMMA_GROUPS.fullmatch(plain):
        plain = plain.replace(",", "")  # "1,500 millones": a thousands group, not a decimal
    value = float(plain.replace(lex.decimal, "."))
    if scale:
        value *= lex.digit_scales[" ".join(scale.lower().split())]
    return value


def clean_value(value: float) -> float:
    """Integral values as int so JSON shows 7000000, not 7000000.0."""
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded


NUMBER_WORDS = lexicon("en").number_words
"""The English number words (other stages read English answers with them)."""


def value_of(m: re.Match[str], lex: Lexicon | None = None) -> float | None:
    lex = lex or lexicon("en")
    if m.group("d"):
        return _digits_value(m.group("d"), m.group("ds"), lex)
    return words_value(m.group("w"), lex)


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


def number_matches(
    text: str, starts: list[int], s0: int, s1: int, lex: Lexicon | None = None
) -> list[re.Match[str]]:
    pattern = (lex or lexicon("en")).number
    out: list[re.Match[str]] = []
    end = s0
    for pos in starts[bisect_left(starts, s0) : bisect_left(starts, s1)]:
        if pos < end:
            continue
        m = pattern.match(text, pos, s1)
        if m:
            out.append(m)
            end = m.end()
    return out
