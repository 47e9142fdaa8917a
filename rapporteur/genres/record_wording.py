"""A summary record's own wording in each language, compiled once from its data file.

The header ("Summary record of the 545th meeting", "Compte rendu analytique de la 1234e
séance", "Acta resumida de la 1890ª sesión"), the call to order, the procedural notes, the
correction note and the closing thanks are fixed phrases of each language:
`rapporteur/data/lang/<language>/summary_record.toml` holds them as regular expressions and
this module compiles them. A language without a file reads with the English ones.
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


@dataclass(frozen=True, slots=True)
class RecordWording:
    """One language's record cues; `prepare` folds a text when the cues expect it."""

    language: str
    folded: bool
    title: re.Pattern[str]
    header_cell: str
    called_to_order: re.Pattern[str]
    procedural: re.Pattern[str]
    correction: re.Pattern[str]
    header_chrome: re.Pattern[str]
    committee_line: re.Pattern[str]
    session_line: re.Pattern[str]
    closing: re.Pattern[str]
    continued: re.Pattern[str]
    asks: re.Pattern[str]
    held_start: tuple[str, ...]
    held: re.Pattern[str]
    months: tuple[str, ...]
    chair_head: re.Pattern[str]
    report_word: re.Pattern[str]

    def prepare(self, text: str) -> str:
        return fold(text) if self.folded else text


@cache
def record_data(language: str) -> Mapping[str, Any] | None:
    """A language's `summary_record.toml` (the genres read their cue files themselves)."""
    package = (__package__ or "rapporteur.genres").rpartition(".")[0]
    resource = files(package) / "data" / "lang" / language / "summary_record.toml"
    if not resource.is_file():
        return None
    return tomllib.loads(resource.read_text(encoding="utf-8"))


def record_language(language: str) -> str:
    """The language whose record cues read a record: its own when it has them, else English."""
    return language if record_data(language) is not None else DEFAULT


def alternatives(value: str | list[str]) -> str:
    """A pattern, or a list of them joined as alternatives."""
    return value if isinstance(value, str) else "|".join(value)


@cache
def record_wording(language: str) -> RecordWording:
    """The compiled record cues of `language` (English when it has none)."""
    language = record_language(language)
    d = record_data(language)
    assert d is not None, "the English summary-record cues ship with rapporteur"

    def c(key: str, flags: int = 0) -> re.Pattern[str]:
        return re.compile(alternatives(d[key]), flags)

    return RecordWording(
        language=language,
        folded=bool(d.get("folded", False)),
        title=c("title", re.I | re.M),
        header_cell=d["header_cell"],
        called_to_order=c("called_to_order", re.I),
        procedural=c("procedural", re.I),
        correction=c("correction", re.I),
        header_chrome=c("header_chrome", re.I),
        committee_line=c("committee_line"),
        session_line=c("session_line", re.I),
        closing=c("closing", re.I),
        continued=c("continued", re.I),
        asks=c("asks"),
        held_start=tuple(d["held_start"]),
        held=c("held"),
        months=tuple(d["months"]),
        chair_head=c("chair_head"),
        report_word=c("report_word", re.I),
    )


def languages() -> tuple[str, ...]:
    """The languages with record cues, English first (a record's title says its language)."""
    return tuple(lang for lang in (DEFAULT, "fr", "es") if record_data(lang) is not None)
