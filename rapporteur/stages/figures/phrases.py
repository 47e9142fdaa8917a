"""Subjects of figures in languages whose noun phrases start with their head (French, Spanish).

What a figure counts is the noun after it with its adjectives and complement ("2 300 mineurs
non accompagnés", "48 casas de acogida"), the complement of a share ("14,2 pour cent du
budget de l’État"), or else the subject of its clause ("le taux net de scolarisation ...
atteignait 97 pour cent"). The words come from the lexicon's [phrases]; the subject is a
label for people, never scored, so it stays short and plain.
"""

from __future__ import annotations

from .candidates import Candidate
from .lexicon import Lexicon, Phrases, next_word

_MAX_WORDS = 6


def _bare(word: str, lex: Lexicon) -> str:
    """The word without an elided article ("d’enfants" -> "enfants")."""
    return lex.elision.sub("", word) if lex.elision else word


def _is_verb(word: str, lex: Lexicon, p: Phrases) -> bool:
    low = _bare(word, lex).lower()
    return low in p.verbs or bool(p.verb.search(low))


def _complement(text: str, pos: int, limit: int, lex: Lexicon, p: Phrases) -> tuple[str, str]:
    """ "du budget de l’État" after a figure: its preposition and its words, up to a verb, a
    number or a comma."""
    m = p.complement.match(text, pos, limit)
    if m is None:
        return "", ""
    words: list[str] = []
    i = m.end()
    while len(words) < _MAX_WORDS:
        tok = next_word(lex, text, i, limit, first=not words)
        if tok is None:
            break
        w = tok.group(0)
        low = _bare(w, lex).lower()
        if _is_verb(w, lex, p) or (low in lex.stop and low not in p.determiners):
            break
        words.append(w)
        i = tok.end()
    while words and _bare(words[-1], lex).lower() in p.determiners:
        words.pop()
    return (m.group(0).strip(), " ".join(words)) if words else ("", "")


def _clause_subject(text: str, s0: int, pos: int, lex: Lexicon, p: Phrases) -> str:
    """The noun phrase that opens the clause ending at `pos`, before its verb."""
    clause = text[max(s0, pos - 200) : pos]
    starts = list(p.clause_start.finditer(clause))
    if starts:
        clause = clause[starts[-1].end() :]
    if m := p.leading.match(clause):
        clause = clause[m.end() :]
    words: list[str] = []
    for w in clause.split():
        if _is_verb(w, lex, p) or any(ch.isdigit() for ch in w):
            break
        words.append(w.strip(',;:()«»"“”'))
    while (
        words
        and (low := _bare(words[0], lex).lower())
        and (low in p.determiners or low in lex.stop)
    ):
        words.pop(0)  # "contre 9 p. 100": no subject of its own
    if words and words[0] != _bare(words[0], lex):
        words[0] = _bare(words[0], lex)
    return " ".join(words) if 0 < len(words) <= 8 else ""


def _tail(text: str, pos: int, limit: int) -> str:
    """A few words after a figure that only says "people" ("enfants vivaient en institution")."""
    words: list[str] = []
    for w in text[pos:limit].split()[:_MAX_WORDS]:
        if any(ch.isdigit() for ch in w):
            break
        words.append(w.rstrip(",;:."))
        if w[-1:] in ",;:.":
            break
    return " ".join(words)


def figure_subject(
    text: str,
    s0: int,
    s1: int,
    c: Candidate,
    previous: str | None,
    lex: Lexicon,
) -> str:
    """A short noun phrase naming what the figure counts, built from the words around it."""
    p = lex.phrases
    if p is None:
        return c.unit or ""
    after = max(c.end, c.tail_end)
    head = [w for w in (c.head or []) if w.lower() not in lex.stop]
    phrase = " ".join(head)
    preposition, complement = _complement(text, after, s1, lex, p)
    if head:
        generic = all(w.lower() in lex.generic_heads for w in head)
        if complement:
            return f"{phrase} {preposition} {complement}"  # "agentes de policía"
        return f"{phrase} {_tail(text, after, s1)}".strip() if generic else phrase
    if complement:
        return complement  # "14,2 pour cent du budget": the budget
    return _clause_subject(text, s0, c.start, lex, p) or previous or c.unit or ""


def head_of(subject: str, lex: Lexicon) -> str:
    """The word a subject counts: "nombre d’enfants placés" counts "enfants"."""
    p = lex.phrases
    skip = (p.determiners | p.counted) if p else frozenset()
    for w in subject.split():
        bare = _bare(w, lex)
        if bare.lower() not in skip and bare.lower() not in lex.stop:
            return bare
    return ""
