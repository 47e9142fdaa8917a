"""Figures written as words of change or share: "tripled", "half of the budget", "un quart",
"la mitad de los casos". The words and their values come from the language's lexicon; a
fraction needs a context that makes it a share ("dont un quart", "un tiers des"), since
"un tiers" alone is also a third party.
"""

from __future__ import annotations

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
