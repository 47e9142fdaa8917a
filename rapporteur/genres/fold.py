"""Text folded for matching cues, one character for one character.

French and Spanish cues are written without accents ("reponses de la delegation") and
matched against text folded the same way, so that a page that drops its accents or its
typographic apostrophes reads the same. Each character maps to exactly one
character, so an offset in the folded text is the same offset in the original: what a
pattern finds can be quoted as written.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = "\u2019\u2018\u02bc\u00b4`"
_RANGES = ((0x80, 0x250), (0x1D00, 0x1DC0), (0x1E00, 0x1F00), (0x2000, 0x2070))
"""Latin letters with accents, phonetic superscripts ("ᵉ"), and punctuation: the characters a
French or Spanish record folds; any other character stays as it is."""


def _folded(char: str) -> str:
    if char in _APOSTROPHES:
        return "'"
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return base if len(base) == 1 else char


_TABLE = {
    chr(code): out
    for start, end in _RANGES
    for code in range(start, end)
    if (out := _folded(chr(code))) != chr(code)
}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _one(m: re.Match[str]) -> str:
    return _TABLE.get(m.group(0), m.group(0))


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """`text` without accents ("é" -> "e", "º" -> "o", "ᵉ" -> "e"), typographic apostrophes
    as "'", no-break spaces as spaces; case is kept, and so is the length. A paragraph is
    folded once however many cues look at it."""
    return text if text.isascii() else _NON_ASCII.sub(_one, text)
