"""Numbers that are not figures: identifiers, dates, times, symbols and years.

These genre rules matter more than parsing: "article 76", "Convention No. 189",
"CRC/C/MDA/6-7", "15 March", "in 2019", "loi n° 2019-14", "la ligne 116 111" and
"el 8 de marzo" all hold numbers that count nothing. The words come from each language's
lexicon; the shapes (a symbol's slash, a clock's colon) are the same everywhere.
"""

from __future__ import annotations

import re

from .lexicon import Lexicon, lexicon

_EN = lexicon("en")
MONTHS = _EN.months
"""The English month names as a pattern (other stages read English answers with it)."""


def names_an_identifier(before: str, lex: Lexicon = _EN) -> bool:
    """Whether a number that follows `before` numbers a thing ("article 76", "Convention No.
    189", "phase 2") rather than counting something."""
    return lex.identifier.search(before) is not None


_STRIP = ",;:()[]“”\"‘’'/?!–—"  # stripped from the ends of words ("no." keeps its dot)
_POWERS_OF_TEN = frozenset(10.0**k for k in range(2, 8))


def is_year(m: re.Match[str], post: str, lex: Lexicon = _EN) -> bool:
    d = m.group("d")
    if not d or m.group("ds") or not re.fullmatch(r"(?:1[89]|20)\d\d", d):
        return False
    nxt = lex.token.match(post.lstrip(" \t"))
    return not (nxt and nxt.group(0).lower() in lex.head_unit) and not lex.percent.match(post)


def _words(text: str, lex: Lexicon) -> set[str]:
    """Lower-case words of a short text; a cheap prefilter before costlier regexes."""
    low = text.lower()
    parts = lex.split.split(low) if lex.split else low.replace("-", " ").split()
    return {w.strip(_STRIP) for w in parts}


def _labels(pre: str, lex: Lexicon) -> bool:
    """A number named by the line or number it is ("la ligne d’écoute gratuite 116 111"), not
    one it counts ("une ligne budgétaire de 25 millions": a preposition comes first)."""
    if lex.labels is None or not (m := lex.labels.search(pre)):
        return False
    last = lex.token.findall(m.group(0))
    return bool(last) and last[-1].lower() not in lex.stop


def not_a_figure(
    text: str, m: re.Match[str], lex: Lexicon = _EN, value: float | None = None
) -> bool:
    """Symbols, article numbers, dates, times and ordinals are not figures."""
    s, e = m.start(), m.end()
    pre, post = text[max(0, s - 60) : s], text[e : e + 40]
    if post[:1] == "/" or (post[:1].isalpha() and not m.group("w")):
        return True
    chunk_start = max(pre.rfind(" "), pre.rfind("("), pre.rfind("\n"))
    if "/" in pre[chunk_start + 1 :]:
        return True  # "CRC/C/MDA/6-7": the 7 belongs to a document symbol
    if m.group("w") and lex.word_compound.match(post):
        return True  # "twenty-third", "one-stop"
    tail = pre.rstrip(" \t")
    if lex.rate_before.search(tail.lower()) and (not lex.rate_round or value in _POWERS_OF_TEN):
        return True  # "per 100,000 live births", "pour 1 000 naissances" is the base of a rate
    if (pre.endswith("(") and post.startswith(")")) or re.match(r"-?fold\b", post, re.I):
        return True
    last = tail.rsplit(None, 1)[-1].lower() if tail.strip() else ""
    if m.group("w") and last in lex.not_after:
        return True  # "pour cent", "por ciento"
    if m.group("w") and value == 2 and lex.both_before and lex.both_before.search(pre):
        return True  # "les deux sexes": both
    words = _words(pre, lex)
    if words & lex.identifier_words and lex.identifier.search(pre):
        return True
    if words & lex.month_words and lex.date_before.search(pre):
        return True
    if lex.date_after.match(post) or lex.time_after.match(post):
        return True
    if lex.ordinal_after is not None and lex.ordinal_after.match(post):
        return True  # "91º período", "22°"
    if (
        lex.clock_before is not None
        and lex.clock_after is not None
        and value is not None
        and value <= 24
        and lex.clock_before.search(pre)
        and lex.clock_after.match(post)
    ):
        return True  # "à 15 heures", "a las 10 horas": a time of day
    if _labels(pre, lex):
        return True
    return tail.endswith(":") and tail[-2:-1].isdigit()
