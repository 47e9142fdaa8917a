"""Concluding observations' own wording in each language, compiled once from its data file.

Section titles ("Principaux sujets de préoccupation et recommandations", "Principales esferas
de preocupación y recomendaciones"), the verbs with which the Committee recommends, the
lettered items ("(a)" in English, "a)" in French and Spanish), reiterations, articles, the
follow-up request and the next report are fixed phrases of each language:
`rapporteur/data/lang/<language>/concluding_observations.toml` holds them as regular
expressions and this module compiles them. A language without a file reads with English.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from .fold import fold

DEFAULT = "en"
SYMBOL_BODY = r"(?:[A-Z]{2,5}/C|E/C\.12)/[A-Z]{3}/CO/\d+(?:[-–]\d+)?(?:/Add\.\d+)?"
"""A concluding-observations symbol: "CMW/C/ARD/CO/2", "CRC/C/ARD/CO/5-6", "E/C.12/ARD/CO/3"."""


@dataclass(frozen=True, slots=True)
class FollowUpWording:
    """The follow-up request of a language other than English (English keeps co_meta's)."""

    within: re.Pattern[str]
    named: re.Pattern[str]
    numbers: Mapping[str, str]
    """Number word -> the English one ("deux" -> "two"), so that the due date is reckoned."""
    units: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class NextReportWording:
    pattern: re.Pattern[str]
    months: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CoWording:
    """One language's concluding-observations cues; `prepare` folds a text when they expect
    it (folding keeps every offset, so a match can be quoted from the text as written)."""

    language: str
    folded: bool
    title: re.Pattern[str]
    recommends: re.Pattern[str]
    sections: tuple[tuple[re.Pattern[str], str], ...]
    item: re.Pattern[str]
    item_lead: re.Pattern[str]
    abbreviation: re.Pattern[str]
    open_ending: re.Pattern[str]
    reiterates: re.Pattern[str]
    citation: re.Pattern[str]
    text_articles: re.Pattern[str]
    the_convention: re.Pattern[str]
    heading_articles: re.Pattern[str]
    number_range: re.Pattern[str]
    follow_up: FollowUpWording | None
    next_report: NextReportWording | None

    def prepare(self, text: str) -> str:
        return fold(text) if self.folded else text


@cache
def co_data(language: str) -> Mapping[str, Any] | None:
    """A language's `concluding_observations.toml` (the genres read their cue files)."""
    package = (__package__ or "rapporteur.genres").rpartition(".")[0]
    resource = files(package) / "data" / "lang" / language / "concluding_observations.toml"
    if not resource.is_file():
        return None
    return tomllib.loads(resource.read_text(encoding="utf-8"))


def co_language(language: str) -> str:
    """The language whose cues read the document: its own when it has them, else English."""
    return language if co_data(language) is not None else DEFAULT


@cache
def co_wording(language: str) -> CoWording:
    """The compiled concluding-observations cues of `language` (English when it has none)."""
    language = co_language(language)
    d = co_data(language)
    assert d is not None, "the English concluding-observations cues ship with rapporteur"
    r = d["recommendations"]
    joins = r["number_joins"]
    numbers = rf"\d+(?:\s*\(\w+\))*(?:\s*{joins}\s*\d+(?:\s*\(\w+\))*)*"
    up = d.get("follow_up")
    nxt = d.get("next_report")
    return CoWording(
        language=language,
        folded=bool(d.get("folded", False)),
        title=re.compile(d["title"], re.I | re.M),
        recommends=re.compile(d["recommends"]),
        sections=tuple((re.compile(p, re.I), kind) for kind, p in d["sections"].items()),
        item=re.compile(d["item"]),
        item_lead=re.compile(d["item_lead"]),
        abbreviation=re.compile(d["abbreviation"]),
        open_ending=re.compile(d["open_ending"], re.I),
        reiterates=re.compile(r["reiterates"], re.I),
        citation=re.compile(r["citation"].replace("{symbol}", SYMBOL_BODY)),
        text_articles=re.compile(r["text_articles"].replace("{numbers}", numbers)),
        the_convention=re.compile(r["the_convention"]),
        heading_articles=re.compile(r["heading_articles"]),
        number_range=re.compile(rf"(\d+)\s*(?:{r['range_joins']})\s*(\d+)"),
        follow_up=FollowUpWording(
            within=re.compile(up["within"], re.I),
            named=re.compile(up["named"], re.I),
            numbers=up["numbers"],
            units=up["units"],
        )
        if up
        else None,
        next_report=NextReportWording(
            pattern=re.compile(nxt["pattern"], re.I), months=tuple(nxt["months"])
        )
        if nxt
        else None,
    )


def languages() -> tuple[str, ...]:
    """The languages with concluding-observations cues, English first."""
    return tuple(lang for lang in (DEFAULT, "fr", "es") if co_data(lang) is not None)
