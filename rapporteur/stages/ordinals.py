"""Ordinals as treaty-body records write them, in each language: a pattern and a value.

Reports and sessions are numbered in words or figures: "twenty-first", "22nd"; "vingt et
unième", "5e", "IIe"; "vigésimo primer", "22º". The words are data
(`rapporteur/data/lang/<language>/metadata.toml`); the rules that combine them are here. French
adds cardinals before a final ordinal word ("dix-neuvième", "quatre-vingt-dixième"); Spanish
joins a tens stem and a unit stem, each with a gender ending ("decimotercero", "vigésima
primera"). French and Spanish patterns match folded text (`genres.fold`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..languages import cues

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def roman_value(text: str) -> int | None:
    """XXI -> 21; None for what is not a Roman numeral."""
    total, previous = 0, 0
    for char in reversed(text):
        value = _ROMAN.get(char)
        if value is None:
            return None
        total += -value if value < previous else value
        previous = max(previous, value)
    return total or None


@dataclass(frozen=True, slots=True)
class Ordinals:
    """One language's ordinals: `pattern` matches one (a regex fragment, no groups),
    `value` reads it."""

    language: str
    pattern: str
    """One ordinal, spelled out or in figures with the ordinal sign."""
    loose: str
    """The same, or plain figures (Spanish puts them after the noun: "informes 22 a 23")."""
    and_words: tuple[str, ...]
    range_words: tuple[str, ...]
    initial: str
    """The word for an initial report, as a regex fragment."""
    data: Mapping[str, Any]

    def value(self, text: str) -> int | None:
        """The number an ordinal stands for: "vingt et unième" -> 21, "22º" -> 22."""
        t = text.strip()
        m = re.match(r"(\d{1,3})", t)
        if m:
            return int(m.group(1))
        if self.data.get("roman"):
            suffixes = "|".join(self.data.get("numeric_suffixes", ()))
            roman = re.fullmatch(rf"([IVXLC]+)\s?(?:{suffixes})", t)
            if roman:
                return roman_value(roman.group(1))
        word = t.lower()
        if "cardinals" in self.data:
            return _french_value(word, self.data)
        return _spanish_value(word, self.data)


def _french_value(word: str, data: Mapping[str, Any]) -> int | None:
    """Cardinals add up before a final ordinal word: "quatre-vingt-dix-neuvième" -> 99."""
    tokens = [t for t in re.split(r"[-\s]+", word) if t and t != "et"]
    if not tokens:
        return None
    *head, last = tokens
    last_value = data["words"].get(last) or data["words"].get(last.removesuffix("s"))
    if last_value is None:
        return None
    total, previous = 0, 0
    for token in [*head, last]:
        value = data["cardinals"].get(token) if token is not last else last_value
        if value is None:
            return None
        if value == 100:
            total = (total or 1) * 100
        elif value == 20 and previous == 4:
            total += 76  # "quatre-vingt": four twenties
        else:
            total += value
        previous = value
    return total


def _spanish_value(word: str, data: Mapping[str, Any]) -> int | None:
    """A tens stem then a unit stem, each with its ending: "vigesimo primer" -> 21."""
    rest = re.sub(r"\s+", "", word)
    endings = ("", *data.get("endings", ()))

    def unit(text: str) -> int | None:
        for stem, value in data["units"].items():
            if text.startswith(stem) and text[len(stem) :] in endings:
                return int(value)
        return None

    for table in ("whole", "tens"):
        for stem, value in sorted(data[table].items(), key=lambda kv: -len(kv[0])):
            if not rest.startswith(stem):
                continue
            tail = rest[len(stem) :]
            for ending in endings:
                if not tail.startswith(ending):
                    continue
                after = tail[len(ending) :]
                if not after and ending:
                    return int(value)
                extra = unit(after) if after else None
                if extra is not None:
                    return int(value) + extra
    return unit(rest)


def _french_pattern(data: Mapping[str, Any]) -> str:
    cardinals = _alternation(list(data["cardinals"]))
    words = _alternation(list(data["words"]))
    return rf"(?:(?:{cardinals})(?:-et-|\s+et\s+|-|\s+)){{0,4}}(?:{words})s?"


def _spanish_pattern(data: Mapping[str, Any]) -> str:
    endings = _alternation(list(data["endings"]))
    tens = _alternation(list(data["tens"]) + list(data["whole"]))
    units = _alternation(list(data["units"]))
    return rf"(?:(?:{tens})(?:{endings})\s?)?(?:{units})(?:{endings})?|(?:{tens})(?:{endings})"


@cache
def english() -> tuple[str, dict[str, int], dict[str, int]]:
    """English ordinals: the pattern of one ("twenty-first", "22nd"), the ordinal words and the
    tens that may precede them ("twenty-", "one hundred and ")."""
    data = cues("metadata", "en")
    words, tens = dict(data["ordinals"]), dict(data["tens"])
    hundreds = "".join(f"{t} |" for t, v in tens.items() if v == 100).removesuffix("|")
    decades = "|".join(t for t, v in tens.items() if v < 100)
    suffixes = "|".join(data["ordinal_suffixes"])
    pattern = (
        rf"(?:(?:{hundreds})?(?:(?:{decades})[- ])?(?:{'|'.join(words)})|\d{{1,3}}(?:{suffixes}))"
    )
    return pattern, words, tens


def english_value(word: str) -> int | None:
    """ "twenty-first" -> 21, "37th" -> 37."""
    _, words, tens = english()
    w = word.lower().replace("–", "-").strip()
    m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)?", w)
    if m:
        return int(m.group(1))
    total = 0
    for prefix, value in tens.items():
        if w.startswith(prefix):
            total += value
            w = w[len(prefix) :].lstrip("- ")
            break
    if not w:
        return total or None
    if w in words:
        return total + words[w]
    return None


@cache
def ordinals(language: str) -> Ordinals | None:
    """The French or Spanish ordinals (None for a language without them in its data)."""
    data = cues("metadata", language).get("ordinals")
    if not data:
        return None
    words = _french_pattern(data) if "cardinals" in data else _spanish_pattern(data)
    suffixes = _alternation(list(data.get("numeric_suffixes", ())))
    # French may put a space before its sign ("5 e"); Spanish signs are letters too ("5to").
    gap = r"\s?" if "cardinals" in data else ""
    figures = rf"\d{{1,3}}\.?{gap}(?:{suffixes})"
    # A lone L or C is no numeral here: "Le rapport", "Ce rapport".
    roman = rf"|(?-i:[IVXLC]{{2,7}}|[IVX])(?:{suffixes})" if data.get("roman") else ""
    one = rf"(?:{words}|{figures}{roman})(?![\w°])"
    return Ordinals(
        language=language,
        pattern=one,
        loose=rf"(?:{one}|\d{{1,3}}(?![\w°]))",
        and_words=tuple(data.get("and_words", ())),
        range_words=tuple(data.get("range_words", ())),
        initial=_alternation(list(data.get("initial", ()))),
        data=data,
    )
