"""Units of the figures stage: what a number counts, from the words that follow it.

A per cent sign, a currency (`currency`), a duration, or the head noun of the phrase after
the number: its last word in English ("700 police stations" counts stations), its first in
French and Spanish ("2 300 mineurs non accompagnés" counts minors). The word tables come
from the language's lexicon and are shared with the subjects of figures.
"""

from __future__ import annotations

from .lexicon import Lexicon, lexicon, next_word

_EN = lexicon("en")


def noun_run(
    text: str, pos: int, limit: int, lex: Lexicon = _EN, after_scale: bool = False
) -> tuple[list[str], int]:
    """Words of the noun phrase that follows a number, and where it ends."""
    if lex.head_first:
        return _head_first_run(text, pos, limit, lex, after_scale)
    words: list[str] = []
    end = pos
    i = pos
    m_of = lex.partitive.match(text, pos, limit)
    if m_of:
        i = m_of.end()
    while len(words) < 4:
        tok = next_word(lex, text, i, limit, first=not words)
        if tok is None:
            break
        w = tok.group(0)
        lw = w.lower()
        if not words and lw in lex.leading_skip:
            i = tok.end()
            continue
        if lw in lex.stop:
            break
        if (
            lw not in lex.head_unit
            and lw not in lex.ing_nouns
            and len(lw) > 4
            and (lw.endswith("ed") or lw.endswith("ing"))
        ):
            nxt = lex.token.match(text, tok.end() + 1, limit)
            spaced = text[tok.end() : tok.end() + 1] == " " and nxt is not None
            nw = nxt.group(0).lower() if nxt else ""
            adjective = spaced and (
                nw in lex.head_unit
                or (not words and nw not in lex.stop and not nw.endswith(("ed", "ing")))
            )
            if not adjective:
                break  # "1,100 serving officers", "1,150 polling places" go on; "500 sent" stops
        words.append(w)
        i = end = tok.end()
        if lw in lex.head_unit and (len(words) > 1 or lw in lex.generic_heads):
            # "5,000 Kyrgyz citizens had" / "263 children aged": the head closes the phrase.
            nxt = lex.token.match(text, i + 1, limit) if text[i : i + 1] == " " else None
            if not nxt or nxt.group(0).lower() not in lex.head_unit:
                break
    return words, end


def _head_first_run(
    text: str, pos: int, limit: int, lex: Lexicon, after_scale: bool
) -> tuple[list[str], int]:
    """The noun phrase after a number when the head comes first: the head, then its
    adjectives ("2 300 mineurs non accompagnés", "98 sentencias condenatorias"), up to a
    function word or a verb; "millions d’enfants" / "millones de personas" skip the "de"."""
    words: list[str] = []
    end = i = pos
    if m_of := lex.partitive.match(text, pos, limit):
        i = m_of.end()
    while len(words) < 4:
        tok = next_word(lex, text, i, limit, first=not words)
        if tok is None:
            break
        w = tok.group(0)
        core = lex.elision.sub("", w) if lex.elision else w
        lw = core.lower()
        if core != w and (words or not after_scale):
            break  # "familles d’accueil": an elided preposition starts a complement
        if not words and after_scale and lw == "de":
            i = tok.end()
            continue  # "millones de personas"
        if not words and lw in lex.leading_skip:
            i = tok.end()
            continue
        if not lw or lw in lex.stop or (lex.verb_ending and lex.verb_ending.search(lw)):
            break
        words.append(core)
        i = end = tok.end()
    return words, end


def unit_from_head(words: list[str], lex: Lexicon = _EN) -> str | None:
    """The unit named by the head of a noun phrase ("700 police stations" counts stations,
    not police; "2 300 mineurs non accompagnés" counts minors)."""
    if not words:
        return None
    head = words[0] if lex.head_first else words[-1]
    unit = lex.head_unit.get(head.lower())
    if unit:
        return unit
    if lex.demonym is not None and lex.demonym.fullmatch(words[-1]):
        return "people"  # "3.1 million Senegalese", "40,000 Uzbeks"
    return "other"


def head_follows(post: str, lex: Lexicon = _EN) -> bool:
    tok = lex.token.match(post.lstrip(" \t"))
    return bool(tok and tok.group(0).lower() in lex.head_unit)
