"""The question-answer linking patterns of a language other than English, built from data.

Why a module of its own: `retrieval` and `answer_types` keep their English patterns as
constants (their output must not move), and read those of another language from
`rapporteur/data/lang/<language>/dialogue.toml` through here, so that French or Spanish is a
data file, not a fork of the code. `for_language` returns None for English and for a language
without a file: the caller then uses its English constants.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..languages import cues

STAGE = "dialogue"
"""The cue file's name: data/lang/<language>/dialogue.toml."""
QUANTITY, TIME, REASON = "quantity", "time", "reason"
_APOSTROPHE = "['\u2019]"


def _alt(fragments: Iterable[str]) -> str:
    """Alternatives, longest first (so "dans quelle mesure" wins over "quel"), with every
    apostrophe matching the typographic one as well."""
    parts = sorted({f.strip() for f in fragments if f.strip()}, key=len, reverse=True)
    return "|".join(p.replace("'", _APOSTROPHE) for p in parts)


def _anywhere(fragments: Iterable[str]) -> re.Pattern[str]:
    """Alternatives found anywhere (a fragment anchors itself with "^" when it must)."""
    body = _alt(fragments)
    return re.compile(f"(?:{body})" if body else r"(?!)", re.I)


def _words(fragments: Iterable[str]) -> re.Pattern[str]:
    """Whole-word alternatives (the boundaries Python's \\b gives accented letters)."""
    body = _alt(fragments)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)" if body else r"(?!)", re.I)


@dataclass(frozen=True, slots=True)
class DialogueCues:
    """Compiled patterns of one language (see the data file for what each list holds)."""

    language: str
    frame: re.Pattern[str]
    anaphor: re.Pattern[str]
    interrogative: re.Pattern[str]
    whether: re.Pattern[str]
    part_split: re.Pattern[str]
    confirm: re.Pattern[str]
    identifier: re.Pattern[str]
    identifier_before: re.Pattern[str]
    asks: Mapping[str, re.Pattern[str]]
    provides: Mapping[str, re.Pattern[str]]
    how_many: re.Pattern[str]
    not_nouns: frozenset[str]
    of_them: re.Pattern[str]
    identifier_nouns: frozenset[str]


def _build(language: str, data: Mapping[str, Any]) -> DialogueCues:
    asks = data.get("asks", {})
    provides = data.get("provides", {})
    count = data.get("count", {})
    interrogatives = _alt(data.get("interrogatives", []))
    nouns = _alt(data.get("identifier_nouns", []))
    signs = "|".join(data.get("number_signs", []))
    number = rf"(?:(?:{signs})\s*)?" if signs else ""
    months = _alt(provides.get("months", []))
    # A quantity: a number that is not a year, a number word, a share.
    quantity = r"(?<![\w.,])(?!(?:19|20)\d\d\b)\d[\d\s\u00a0\u202f.,]*" + (
        f"|(?<!\\w)(?:{_alt(provides.get('quantity', []))})(?!\\w)"
    )
    time = (
        r"\b(?:19|20)\d\d\b"
        + (f"|(?<!\\w)(?:{months})(?!\\w)" if months else "")
        + f"|(?<!\\w)(?:{_alt(provides.get('time', []))})(?!\\w)"
    )
    return DialogueCues(
        language=language,
        frame=re.compile(
            rf"^.{{0,200}}?(?<!\w)(?:{_alt(data.get('frame', [])) or '(?!)'})(?!\w)", re.I | re.S
        ),
        anaphor=_words(data.get("anaphors", [])),
        interrogative=re.compile(
            rf"^\W*(?:\w+\W+){{0,3}}?(?:{interrogatives})(?!\w)" if interrogatives else r"(?!)",
            re.I,
        ),
        whether=re.compile(rf"^\W*(?:{_alt(data.get('whether', []))})(?:\b|(?<=['\u2019]))", re.I),
        part_split=re.compile(
            rf"\s*;\s*|,?\s+(?:{_alt(data.get('conjunctions', []))})\s+"
            rf"(?=(?:{interrogatives or '(?!)'}|{_alt(data.get('whether', []))})(?!\w))",
            re.I,
        ),
        confirm=re.compile(
            # The speaker before the verb may carry full stops ("M. X (Valdorée) dit que", a
            # record's "26." before it); the cue is read in one sentence, so none ends there.
            rf"^(?:[^,;]{{0,80}}?(?<!\w)(?:{_alt(data.get('reply_verbs', []))})(?!\w)"
            rf"(?: que| qu{_APOSTROPHE})?,?\s*)?(?:{_alt(data.get('confirmations', []))})(?!\w)",
            re.I,
        ),
        identifier=re.compile(rf"(?<!\w)({nouns})\s+{number}(\d+)\b", re.I)
        if nouns
        else re.compile(r"(?!)"),
        identifier_before=re.compile(rf"(?<!\w)(?:{nouns})\s+{number}$", re.I)
        if nouns
        else re.compile(r"(?!)"),
        asks={
            QUANTITY: _words(asks.get("quantity", [])),
            TIME: _anywhere(asks.get("time", [])),
            REASON: _words(asks.get("reason", [])),
        },
        provides={
            QUANTITY: re.compile(quantity, re.I),
            TIME: re.compile(time, re.I),
            REASON: _words(provides.get("reason", [])),
        },
        how_many=re.compile(rf"(?<!\w)(?:{_alt(count.get('asks', []))})\s*([^?.;:,]+)", re.I)
        if count.get("asks")
        else re.compile(r"(?!)"),
        not_nouns=frozenset(w.casefold() for w in count.get("not_nouns", [])),
        of_them=re.compile(rf"\s+(?:{_alt(count.get('of_them', []))})(?!\w)", re.I)
        if count.get("of_them")
        else re.compile(r"(?!)"),
        identifier_nouns=frozenset(
            w.casefold() for w in data.get("identifier_nouns", []) if w.isalpha()
        ),
    )


@cache
def for_language(language: str) -> DialogueCues | None:
    """The patterns of `language`; None for English (the modules' own constants) and for a
    language with no cue file."""
    if language == "en":
        return None
    data = cues(STAGE, language)
    if not data:
        return None
    return _build(language, data)
