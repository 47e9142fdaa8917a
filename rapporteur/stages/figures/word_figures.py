"""Figures written as words of change or share: "tripled", "half of the budget", "un quart",
"la mitad de los casos", "un enfant sur quatre". The words and their values come from the
language's lexicon; a fraction needs a context that makes it a share ("dont un quart", "un
tiers des"), since "un tiers" alone is also a third party.
"""

from __future__ import annotations

import re

from .candidates import Candidate
from .lexicon import Lexicon
from .numbers import words_value
from .units import noun_run


def word_figures(
    text: str, s0: int, s1: int, taken: list[Candidate], lex: Lexicon
) -> list[Candidate]:
    """Multipliers ("tripled") and fractions ("half of the amount") of text[s0:s1]."""
    out: list[Candidate] = []
    if lex.multiplier is not None:
        for m in lex.multiplier.finditer(text, s0, s1):
            word = m.group("m").lower()
            value = lex.multipliers.get(word) or words_value(m.groupdict().get("n") or "", lex)
            if value:
                out.append(
                    Candidate(
                        start=m.start(),
                        end=m.end(),
                        value=float(value),
                        unit="other",
                        tail_end=m.end(),
                        head=[],
                    )
                )
    if lex.ratio is not None:
        out.extend(_ratios(text, s0, s1, lex, lex.ratio))
    if lex.fraction is None:
        return out
    for m in lex.fraction.finditer(text, s0, s1):
        if any(c.start <= m.start() < max(c.end, c.tail_end) for c in taken):
            continue
        phrase = " ".join(m.group("f").lower().split())
        key = phrase if phrase in lex.fractions else phrase.split()[-1].split("-")[-1]
        # The pattern may end on the space before the noun ("half of the"): start there.
        pos = m.end() - 1 if text[m.end() - 1 : m.end()].isspace() else m.end()
        words, end = noun_run(text, pos, s1, lex)
        out.append(
            Candidate(
                start=m.start(),
                end=m.end(),
                value=lex.fractions[key],
                unit="percent",
                head=words,
                tail_end=end if words else m.end(),
            )
        )
    return out


def _ratios(text: str, s0: int, s1: int, lex: Lexicon, ratio: re.Pattern[str]) -> list[Candidate]:
    """ "un enfant sur quatre" is 25 per cent, "una de cada tres mujeres" 33.33."""
    out: list[Candidate] = []
    for m in ratio.finditer(text, s0, s1):
        a, b = (_number(m.group(g), lex) for g in ("a", "b"))
        if a and b and a < b:
            out.append(
                Candidate(
                    start=m.start(),
                    end=m.end(),
                    value=round(100 * a / b, 2),
                    unit="percent",
                    tail_end=m.end(),
                    head=[],
                    ratio=True,
                )
            )
    return out


def _number(word: str, lex: Lexicon) -> float | None:
    return float(word) if word.isdigit() else words_value(word, lex)
