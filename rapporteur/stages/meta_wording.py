"""The metadata stage's wording in each language: one record the stage reads, whatever the
language.

English keeps the patterns it was built with (its word lists now come from
`rapporteur/data/lang/en/metadata.toml`, its committee names from `reference.TREATY_BODIES`),
so that its output does not move. French and Spanish are built from their data files alone
and matched on folded text (`genres.fold`); their committee patterns include the English
names, which French and Spanish records quote too. A language without a metadata file reads
as English, as every record did before languages were told apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache

from .. import country_names
from ..genres.fold import fold
from ..languages import cues
from ..models import StateParty
from ..reference import TREATY_BODIES, country_at, country_by_code, find_countries
from .ordinals import english, english_value, ordinals
from .report_phrases import ParsedReport, parse, parse_english

_ORD = english()[0]
_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z ]{2,20}\s*\((?P<date>[^)]{6,40})\)\s*[-–—:]")
_NEVER = re.compile(r"(?!)")

CommitteeName = tuple[re.Pattern[str], int, str]
"""A committee's name as a pattern, its length (the longer wins a tie), its acronym."""


@dataclass(frozen=True, slots=True, kw_only=True)
class MetaWording:
    """What the metadata stage looks for, in one language."""

    language: str
    folded: bool
    """Whether the patterns expect folded text (`prepare`)."""
    committees: tuple[CommitteeName, ...]
    lead_verb: re.Pattern[str]
    session: re.Pattern[str]
    """Group "n": the session's ordinal."""
    session_hints: tuple[str, ...]
    """A text holds a session only if it holds one of these (none: any text may)."""
    date: re.Pattern[str]
    """Groups "d", "m" (the month's name), "y"."""
    months: Mapping[str, int]
    """The month's name as `date` finds it (folded, lower case) -> its number."""
    dateline: re.Pattern[str]
    next_meeting: re.Pattern[str]
    next_meeting_hints: tuple[str, ...]
    plain_report: re.Pattern[str]
    """"report of STATE": group "state"."""
    delegation_of: re.Pattern[str]
    parse_report: Callable[[str], ParsedReport | None]
    ordinal: Callable[[str], int | None]
    state_at: Callable[[str], StateParty | None]
    """The State named at the start of a text ("du Kenya"), if it is a known one."""
    states_in: Callable[[str], list[tuple[int, str, str]]]
    country_name: Callable[[str], str | None]
    """A State's name in this language from its ISO code."""

    def prepare(self, text: str) -> str:
        return fold(text) if self.folded else text

    def may_hold(self, hints: tuple[str, ...], text: str) -> bool:
        """A cheap test before a search: the text holds one of the hints, or there are none."""
        return not hints or any(h in text for h in hints)


def name_pattern(name: str) -> re.Pattern[str]:
    """A committee's name as records have written it over twenty years: with or without "the"
    ("Committee on Elimination of Racial Discrimination"), any spacing, any case."""
    words = [r"(?:the\s+)?" if w.lower() == "the" else re.escape(w) + r"\s+" for w in name.split()]
    return re.compile("".join(words).removesuffix(r"\s+") + r"\b", re.I)


def _loose_pattern(name: str) -> re.Pattern[str]:
    """A French or Spanish name (written folded) with any spacing around its apostrophes and
    hyphens ("l'enfant", "l' enfant"; "Sous-Comité", "Sous Comité")."""
    out = []
    for part in re.split(r"(\s+|'|-)", name):
        if not part:
            continue
        out.append(
            r"\s+"
            if part.isspace()
            else r"'\s*"
            if part == "'"
            else r"[-\s]?"
            if part == "-"
            else re.escape(part)
        )
    return re.compile("".join(out) + r"\b", re.I)


_ENGLISH_NAMES = tuple(
    (name_pattern(name), len(name), tb.acronym) for tb in TREATY_BODIES for name in tb.names
)


def _english_state(fragment: str) -> StateParty | None:
    hit = country_at(fragment.strip())
    return StateParty(name=hit[0], iso3=hit[1]) if hit else None


@cache
def _english() -> MetaWording:
    data = cues("metadata", "en")
    months = list(data["months"])
    return MetaWording(
        language="en",
        folded=False,
        committees=_ENGLISH_NAMES,
        lead_verb=re.compile(r"\b(" + "|".join(data["lead_verbs"]) + r")\b", re.I),
        session=re.compile(rf"\b(?P<n>{_ORD}|\d{{1,3}})\s+session\b", re.I),
        session_hints=("session",),
        date=re.compile(
            rf"\b(?P<d>\d{{1,2}})\s+(?P<m>{'|'.join(months)})\s+(?P<y>(?:19|20)\d{{2}})\b"
        ),
        months={m.lower(): i + 1 for i, m in enumerate(months)},
        dateline=_DATELINE,
        next_meeting=re.compile(
            r"\bThe Committee will (?:next )?(?:meet|reconvene|resume|hold)\b[^.]*", re.I
        ),
        next_meeting_hints=("ommittee will", "OMMITTEE WILL"),
        plain_report=re.compile(
            r"\breports? (?:of|by|submitted by|presented by) (?P<state>[^.;:()]{2,120})"
        ),
        delegation_of=re.compile(r"\b(?:delegation|reports?) of (?P<state>[^.;:()]{2,120})"),
        parse_report=parse_english,
        ordinal=english_value,
        state_at=_english_state,
        states_in=find_countries,
        country_name=country_by_code,
    )


def _romance(language: str) -> MetaWording | None:
    data = cues("metadata", language)
    o = ordinals(language)
    report = data.get("report")
    if not data or o is None or report is None:
        return None
    months = {str(k): int(v) for k, v in data["months"].items()}
    month_names = "|".join(sorted(months, key=len, reverse=True))
    names = [
        (_loose_pattern(name), len(name), acronym)
        for acronym, listed in data["committees"].items()
        for name in listed
    ]

    def state_at(fragment: str) -> StateParty | None:
        hit = country_names.country_at(fragment, language)
        return StateParty(name=hit[0], iso3=hit[1]) if hit else None

    return MetaWording(
        language=language,
        folded=True,
        committees=(*names, *_ENGLISH_NAMES),
        lead_verb=re.compile(r"\b(?:" + "|".join(data["lead_verbs"]) + ")", re.I),
        session=re.compile(data["session"].replace("{ordinal}", o.loose), re.I),
        session_hints=(),
        date=re.compile(data["date"].replace("{months}", month_names), re.I),
        months=months,
        dateline=_DATELINE,
        next_meeting=re.compile("|".join(data["next_meeting"]), re.I)
        if data.get("next_meeting")
        else _NEVER,
        next_meeting_hints=(),
        plain_report=re.compile(report["plain_report"], re.I),
        delegation_of=re.compile(report["delegation_of"], re.I),
        parse_report=lambda text: parse(text, language),
        ordinal=o.value,
        state_at=state_at,
        states_in=lambda text: country_names.find_countries(text, language),
        country_name=lambda code: country_names.country_name(code, language),
    )


@cache
def wording(language: str) -> MetaWording:
    """The metadata wording of `language`; English for a language without its own."""
    if language == "en":
        return _english()
    return _romance(language) or _english()
