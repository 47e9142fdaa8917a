"""Subjects of figures in English: a short noun phrase naming what each figure counts.

Built from the words after the number, the clause's grammatical subject and the previous
figure; a figure without a unit of its own takes the one its subject names. Languages whose
noun phrases start with their head (French, Spanish) have theirs in `phrases`.
"""

from __future__ import annotations

import re

from ...models import Figure
from .candidates import Candidate
from .lexicon import Lexicon, lexicon
from .phrases import head_of

_EN = lexicon("en")
GENERIC_HEADS, HEAD_UNIT, ING_NOUNS, STOP = (
    _EN.generic_heads,
    _EN.head_unit,
    _EN.ing_nouns,
    _EN.stop,
)
HEADS = frozenset(HEAD_UNIT.values())

_SUBJECT_STOP = re.compile(
    r"(?:the|a|an|some|its|their|this|these|those|there|it|of|with|and|by|in|on|for|to|"
    r"currently|now|also|only)\b[ \t]*",
    re.IGNORECASE,
)
_VERBISH = re.compile(
    r"\b(?:was|were|is|are|had|has|have|been|be|would|will|could|represented|reached|"
    r"received|stood|amounted|totalled|totaled|numbered|held|provided|included|covered|"
    r"accounted|reported|approved|set|fixed|applied|affected)\b",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(
    r"[;:]|,[ \t]+(?:and|but|with|while)\b|\b(?:that|said|stated|noted|explained|added|"
    r"asked|indicated|reported|where|which|who)\b"
)
_LEADING_ADVERBIAL = re.compile(
    r"[ \t]*(?:(?:In|For|At|During|Since|By|As of|Within|Regarding|According to)\b[^,]*,|"
    r"(?:This|Last|Next|Every|Each) year,?|[A-Z][a-z]+ly,?|Now,|Earlier,)[ \t]*"
)
# A word of a noun phrase: not a function word, not a participle ("suffering from"); an -ing
# word that ends the phrase is a noun ("cases of people smuggling.").
_NP_WORD = (
    r"(?!(?:{stop})\b)(?![a-z]+ed\b)(?![a-z]+ing\b(?![ \t]*(?:[,.;:)]|and\b|or\b)))"
    r"[^\W\d][\w’'-]*"
)
_NP_STOP = (
    "who|which|that|were|was|had|have|has|in|to|and|or|but|by|from|with|on|at|for|being|up|"
    "as|than|while|whereas|if|because|since|during|into|over|under|per|each|this|these|those|"
    "also|not|would|will|could|should|can|may|there|they|it|its|their"
)
_CONTINUE = re.compile(
    r"[ \t]+(?:of|for|from|with|in|on|regarding|against|about|among)[ \t]+"
    r"(?:(?:the|a|an|these|those|its|their|such)[ \t]+)?(?P<np>"
    + _NP_WORD.format(stop=_NP_STOP)
    + r"(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?"
    + _NP_WORD.format(stop=_NP_STOP)
    + r"){0,3})",
    re.IGNORECASE,
)
_PARTICIPLE = re.compile(
    r"[ \t]+(?:(?:were|was|are|is|had been|have been|has been|being)[ \t]+)?"
    r"(?P<p>(?!(?:regarding|concerning|including|following|during|according|being)\b)"
    r"[a-z]+(?:ing|ed)|left|held|born|sent|kept|met)\b(?P<rest>(?:[ \t]+(?!(?:who|which|that|"
    r"were|was|had|have|has|and|but|with|being|because|while|when)\b)[^\W\d][\w’'-]*){0,5})"
)
_PRONOUN_TAIL = re.compile(
    r"[ \t]+of[ \t]+(?:them|whom|these|those)\b(?:[ \t]+(?:being|were|was|are|is|had been)"
    r"(?:[ \t]+(?:in|on|at))?)?(?P<rest>(?:[ \t]+[^\W\d][\w’'-]*){0,3})",
    re.IGNORECASE,
)
_PRONOUNS = frozenset("it this they these that he she".split())
_PAST_VERBS = frozenset(
    """foresaw saw gave took made had said got went came became grew fell rose set put kept held
    left found brought met paid sent spent won lost built was were is are be been""".split()
)
_PREPOSITIONS = frozenset(
    "of for with to by from in on at about over under below above up aged age than".split()
)


def _clause_subject(text: str, s0: int, pos: int, prev_sentence: tuple[int, int] | None) -> str:
    """The grammatical subject of the clause that ends at `pos` ("The economically active
    population was about ..." gives "economically active population"), or ""; a pronoun
    subject ("For 2023, it was 16,000") is resolved to the previous sentence's subject."""
    clause = text[max(s0, pos - 160) : pos]
    clause = _CLAUSE_START.split(clause)[-1]
    if m := _LEADING_ADVERBIAL.match(clause):
        clause = clause[m.end() :]
    v = _VERBISH.search(clause)
    before = clause[: v.start()].strip(" \t,") if v else ""
    if before.lower() in _PRONOUNS and prev_sentence:
        p0, p1 = prev_sentence
        first = _VERBISH.search(text, p0, p1)
        return _clause_subject(text, p0, first.end(), None) if first else ""
    while before and (stop := _SUBJECT_STOP.match(before)) and stop.end():
        before = before[stop.end() :]
    words = before.split()
    return " ".join(words) if 0 < len(words) <= 8 else ""


def _preceding_np(text: str, s0: int, pos: int) -> str:
    """The noun phrase just before a figure: "limiting the migration of women below the age
    of 23" gives "migration of women"; used for ages and durations."""
    words = text[max(s0, pos - 80) : pos].replace(",", " , ").split()
    while words and words[-1].lower() in _PREPOSITIONS:
        words.pop()
    out: list[str] = []
    for w in reversed(words):
        lw = w.lower()
        if (
            len(out) >= 4
            or lw == ","
            or any(ch.isdigit() for ch in lw)
            or lw in _PAST_VERBS
            or (lw in _PREPOSITIONS and lw != "of")
            or (len(lw) > 4 and (lw.endswith("ed") or lw.endswith("ing")) and lw not in ING_NOUNS)
        ):
            break
        if lw in ("the", "a", "an", "its", "their", "these", "those", "such"):
            break
        out.append(w)
    while out and out[-1].lower() == "of":
        out.pop()
    return " ".join(reversed(out))


def figure_subject(
    text: str, s0: int, c: Candidate, previous: str | None, prev_sentence: tuple[int, int] | None
) -> str:
    """A short noun phrase naming what the figure counts, built from the words around it."""
    head = [w for w in (c.head or []) if w.lower() not in STOP]
    after = max(c.end, c.tail_end)
    phrase = " ".join(head)
    if p := _PRONOUN_TAIL.match(text, after):
        # "60 per cent of them being women": what "them" stands for comes first.
        rest_words = p.group("rest").split()
        while rest_words and rest_words[-1].lower() in STOP:
            rest_words.pop()
        rest = " ".join(rest_words)
        base = previous or _clause_subject(text, s0, c.start, prev_sentence)
        if rest.endswith("ed") and base:
            return f"{base} {rest}"  # "9 of them had been referred": officers referred
        return f"{rest} among {base}" if rest and base else base or rest or c.unit or ""
    if c.unit in ("years", "months", "weeks", "days", "hours") and not head:
        np = _preceding_np(text, s0, c.start)
        if m := _CONTINUE.match(text, after):
            np = f"{np} {m.group(0).strip()}".strip()
        if np:
            return np
    generic = all(w.lower() in GENERIC_HEADS for w in head)
    if generic and (part := _PARTICIPLE.match(text, after)):
        tail_words = part.group("rest").split()
        while tail_words and tail_words[-1].lower() in _PREPOSITIONS:
            tail_words.pop()
        participle = " ".join([part.group("p"), *tail_words])
        base = phrase or (c.unit if c.unit in HEADS else "")
        phrase = f"{base} {participle}".strip()
        after = part.end()
        generic = False
    if m := _CONTINUE.match(text, after):
        phrase = f"{phrase} {m.group(0).strip()}" if phrase else m.group("np")
        generic = False
    before = _clause_subject(text, s0, c.start, prev_sentence)
    if not phrase:
        return before or previous or c.unit or ""
    if generic:
        return before or previous or phrase
    if before and c.unit == "percent":
        return f"{before} among {phrase}"
    return f"{phrase} ({before})" if before and before.lower() not in phrase.lower() else phrase


_SUBJECT_CUT = re.compile(
    r"[ \t]+(?:in|at|on|for|from|with|to|by|among|under|who|which|that)\b|[(:]"
)


def subject_unit(subject: str, lex: Lexicon = _EN) -> str | None:
    """The unit named by a subject's head noun: "number of children in residential
    institutions" counts children, "prison population" counts people."""
    if lex.head_first:
        return lex.head_unit.get(head_of(subject, lex).lower())
    words = _SUBJECT_CUT.split(subject, maxsplit=1)[0].split()
    return HEAD_UNIT.get(words[-1].lower()) if words else None


def unit_of_subject(figures: list[Figure], subject: str, lex: Lexicon = _EN) -> str | None:
    """The unit of the latest earlier figure whose subject names the same thing."""
    words = [w for w in subject.lower().split() if len(w) > 3]
    if not words:
        return None
    head = words[0] if lex.head_first else words[-1]
    for f in reversed(figures[-30:]):
        if f.unit != "date" and head in f.subject.lower().split():
            return f.unit
    return None
