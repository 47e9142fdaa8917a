"""The segment stage's cues in each language, compiled once from the language's data file.

A language is data: `rapporteur/data/lang/<language>/segment.toml` lists the headings of a
meeting summary, the page's footer and datelines, the closing notes and a press release's
phrases as regular-expression fragments; this module joins and compiles them. The genres
import nothing above the models, so they read their cue files here themselves (the same
files `rapporteur.languages.cues` reads for the stages).

A language without a file reads with the English cues, as every document did before
languages were told apart. The page furniture of another language's record is matched with
the English cues as well: the UN's footer and the fictional-sample marker often stay English.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from .fold import fold

DEFAULT = "en"
_NEVER = re.compile(r"(?!)")


@dataclass(frozen=True, slots=True)
class Wording:
    """One language's segment cues, compiled; `prepare` folds a text when they expect it."""

    language: str
    folded: bool
    headings: tuple[tuple[str, re.Pattern[str]], ...]
    """Section kind -> the pattern of a heading announcing it, in the order tried."""
    date_line: re.Pattern[str]
    boilerplate: re.Pattern[str]
    next_meeting: re.Pattern[str]
    delegation_list: re.Pattern[str]
    paragraph_cues: tuple[tuple[str, re.Pattern[str]], ...]
    """A headless press release: section kind -> the pattern of a paragraph opening it."""
    opening: re.Pattern[str]
    """A press release's first paragraph saying what the Committee did."""
    run_on_headings: tuple[str, ...]
    """A record flattened into one line: the fixed headings it is cut around (fragments)."""
    run_on_cuts: tuple[str, ...]
    """... and the fixed phrases a paragraph opens with (fragments)."""

    def prepare(self, text: str) -> str:
        return fold(text) if self.folded else text


@cache
def _data(language: str) -> Mapping[str, Any] | None:
    resource = files(__package__.rpartition(".")[0]) / "data" / "lang" / language / "segment.toml"
    if not resource.is_file():
        return None
    return tomllib.loads(resource.read_text(encoding="utf-8"))


def _join(fragments: Iterable[str]) -> re.Pattern[str]:
    parts = list(fragments)
    return re.compile("|".join(parts), re.I) if parts else _NEVER


def _group(fragments: Iterable[str]) -> re.Pattern[str]:
    """The fragments as one alternative, so that an anchor applies to each ("^a|^b")."""
    parts = list(fragments)
    return re.compile("(?:" + "|".join(parts) + ")", re.I) if parts else _NEVER


def _date_lines(page: Mapping[str, Any]) -> list[str]:
    months = "|".join(page.get("months", ()))
    return [f.replace("{months}", months) for f in page.get("date_line", ())]


@cache
def wording(language: str) -> Wording:
    """The compiled cues of `language`, or the English ones when it has none."""
    data = _data(language)
    if data is None:
        language, data = DEFAULT, _data(DEFAULT)
        assert data is not None, "the English segment cues are missing"
    english = _data(DEFAULT) or {}
    # The page's furniture: the language's own cues, then the English ones.
    pages = [data.get("page", {})] + ([english.get("page", {})] if language != DEFAULT else [])
    return Wording(
        language=language,
        folded=bool(data.get("folded", False)),
        headings=tuple((k, _join(v)) for k, v in data.get("headings", {}).items()),
        date_line=_group(f for p in pages for f in _date_lines(p)),
        boilerplate=_group(f for p in pages for f in p.get("boilerplate", ())),
        next_meeting=_group(f for p in pages for f in p.get("next_meeting", ())),
        delegation_list=_group(f for p in pages for f in p.get("delegation_list", ())),
        paragraph_cues=tuple((k, _join(v)) for k, v in data.get("press_release", {}).items()),
        opening=_join(data.get("press_release_opening", {}).get("patterns", ())),
        run_on_headings=tuple(data.get("run_on", {}).get("headings", ())),
        run_on_cuts=tuple(data.get("run_on", {}).get("cut_before", ())),
    )
