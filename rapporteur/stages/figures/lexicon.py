"""One language's figure cues, compiled: what the other modules of the stage read.

The word lists and pattern fragments live in `rapporteur/data/lang/<language>/figures.toml`,
so that a language is data and not a fork of the code; this module only turns them into
tables and compiled patterns, once per language. A language without a file of its own is read
with the English cues (an undetermined or refused language still gets the old analysis).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from ... import languages

_I = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class Currencies:
    """Currency names written after a number, noun first ("francs CFA", "dólares")."""

    after: re.Pattern[str]
    names: Mapping[str, str]
    """Lower-case name -> ISO code, or "@stem" to resolve by the State under review."""
    qualified: Mapping[str, str]
    """"name qualifier" -> ISO code or "@cfa" ("francs suisses" -> chf)."""


@dataclass(frozen=True, slots=True)
class Phrases:
    """Cues of the subject phrases of languages whose noun phrases start with their head."""

    complement: re.Pattern[str]
    clause_start: re.Pattern[str]
    leading: re.Pattern[str]
    verb: re.Pattern[str]
    verbs: frozenset[str]
    determiners: frozenset[str]
    counted: frozenset[str]
    """Nouns that count something else ("nombre de", "número de"): the head is after them."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The compiled figure cues of one language; see figures.toml for what each one is."""

    language: str
    # numbers
    values: Mapping[str, float]
    hundreds: frozenset[str]
    scales: frozenset[str]
    joiners: frozenset[str]
    number: re.Pattern[str]
    number_words: tuple[str, ...]
    digit_scales: Mapping[str, float]
    decimal: str
    separators: str
    comma_groups: bool
    """A decimal-comma language that also groups thousands with commas ("1,500 millones")."""
    article_numbers: frozenset[str]
    not_after: frozenset[str]
    both_before: re.Pattern[str] | None
    """"les deux sexes", "los dos países": "both", not a count of two."""
    # numbers that count nothing
    identifier: re.Pattern[str]
    identifier_words: frozenset[str]
    labels: re.Pattern[str] | None
    split: re.Pattern[str] | None
    word_compound: re.Pattern[str]
    rate_before: re.Pattern[str]
    rate_round: bool
    months: str
    month_words: frozenset[str]
    date_after: re.Pattern[str]
    date_before: re.Pattern[str]
    time_after: re.Pattern[str]
    clock_before: re.Pattern[str] | None
    clock_after: re.Pattern[str] | None
    ordinal_after: re.Pattern[str] | None
    spaces: str
    """Characters read as a plain space ("9 200" with a no-break space)."""
    # units
    percent: re.Pattern[str]
    time: re.Pattern[str]
    time_units: Mapping[str, str]
    head_unit: Mapping[str, str]
    generic_heads: frozenset[str]
    stop: frozenset[str]
    leading_skip: frozenset[str]
    ing_nouns: frozenset[str]
    token: re.Pattern[str]
    partitive: re.Pattern[str]
    copula: re.Pattern[str]
    demonym: re.Pattern[str] | None
    head_first: bool
    elision: re.Pattern[str] | None
    verb_ending: re.Pattern[str] | None
    currencies: Currencies | None
    """None: the English names, adjective first ("Swiss francs"), read by `units`."""
    # qualifiers
    qualifier: re.Pattern[str]
    qualifier_classes: tuple[str, ...]
    qualifier_words: frozenset[str]
    qualifier_after: re.Pattern[str] | None
    qualifier_after_classes: Mapping[str, str]
    about: str | None
    about_after: frozenset[str]
    weak_less_than: str | None
    # ages
    age_hint: str | None
    age: re.Pattern[str] | None
    age_qualifiers: Mapping[str, str]
    # ranges
    range_join: re.Pattern[str]
    year_range_any: bool
    range_and: str
    between: str
    range_start: re.Pattern[str]
    range_start_words: frozenset[str]
    from_end: re.Pattern[str]
    change_verb: re.Pattern[str]
    # words as figures
    multiplier: re.Pattern[str] | None
    multipliers: Mapping[str, float]
    fraction: re.Pattern[str] | None
    fractions: Mapping[str, float]
    ratio: re.Pattern[str] | None
    """"un enfant sur quatre", "una de cada tres mujeres": a share, groups a and b."""
    hints: tuple[str, ...]
    # periods
    year: re.Pattern[str]
    relative: re.Pattern[str]
    relative_hints: tuple[str, ...]
    relative_skip: frozenset[str]
    relative_delta: Mapping[str, int]
    span: re.Pattern[str] | None
    carry: re.Pattern[str]
    clause_break: re.Pattern[str]
    phrases: Phrases | None
    """None: English subjects (`subjects`); else the head-first ones (`phrases`)."""


def next_word(lex: Lexicon, text: str, i: int, limit: int, first: bool) -> re.Match[str] | None:
    """The word after the blanks at `i` (before `limit`), or None: at the end, or when a
    phrase already begun (`first` False) is not followed by a blank ("children's")."""
    j = i
    while j < limit and text[j] in " \t":
        j += 1
    tok = lex.token.match(text, j, limit)
    if not tok or (j == i and not first):
        return None
    return tok


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _opt(pattern: str, flags: int = _I) -> re.Pattern[str] | None:
    return re.compile(pattern, flags) if pattern else None


def _number(n: Mapping[str, Any]) -> re.Pattern[str]:
    """Digits with an optional scale, or a run of number words."""
    atoms = [w for w in n["values"] if " " not in w]
    numword = "|".join(sorted(atoms, key=len, reverse=True))
    words = rf"(?:{numword})(?:(?:{n['word_joiner']})(?:{numword}))*"
    firsts = "".join(dict.fromkeys(w[0] for w in atoms))
    after = "|".join(k.replace(" ", "[ \\t]+") for k in n["after_digits"])
    return re.compile(
        rf"\b(?=[\d{firsts}])(?<![\w/.,])(?<![^\W\d_]-)"
        rf"(?:(?P<d>{n['digits']})(?:[ \t]*(?P<ds>{after})\b)?"
        rf"|\b(?P<w>{words})\b)",
        _I,
    )


def _qualifier(q: Mapping[str, str], between: str) -> re.Pattern[str]:
    groups = "|".join(f"(?P<q{i}>{p})" for i, p in enumerate(q.values()))
    gap = rf"(?:[ \t]+(?:{between}))?" if between else ""
    return re.compile(rf"\b(?:{groups}){gap}[ \t]*$", _I)


def _currencies(c: Mapping[str, Any] | None) -> Currencies | None:
    if not c:
        return None
    names: dict[str, str] = dict(c["names"])
    qualified: dict[str, str] = dict(c.get("qualified", {}))
    quals = {k.split(" ", 1)[1] for k in qualified}
    alt = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    qual = "|".join(sorted((re.escape(q).replace("\\ ", "[ \\t]+") for q in quals), key=len))
    after = re.compile(rf"[ \t]*(?:{c['before']})?(?P<w>{alt})\b(?:[ \t]+(?P<q>{qual})(?!\w))?", _I)
    return Currencies(after, names, qualified)


def _phrases(p: Mapping[str, Any] | None) -> Phrases | None:
    if not p:
        return None
    return Phrases(
        complement=re.compile(p["complement"], _I),
        clause_start=re.compile(p["clause_start"], _I),
        leading=re.compile(p["leading"], _I),
        verb=re.compile(p["verb"], _I),
        verbs=_words(p["verbs"]),
        determiners=_words(p["determiners"]),
        counted=_words(p["counted"]),
    )


def _build(language: str, c: Mapping[str, Any]) -> Lexicon:
    n, ids, dates, units = c["numbers"], c["identifiers"], c["dates"], c["units"]
    qc, ages, ranges, wf, per = (
        c["qualifier_cues"],
        c["ages"],
        c["ranges"],
        c["words_as_figures"],
        c["periods"],
    )
    months = dates["months"]
    atoms = "|".join(sorted((w for w in n["values"] if " " not in w), key=len, reverse=True))

    def fill(pattern: str) -> str:
        return pattern.replace("{months}", months).replace("{numbers}", atoms)

    def dated(key: str) -> re.Pattern[str]:
        return re.compile(fill(dates[key]))

    return Lexicon(
        language=language,
        values={k: float(v) for k, v in n["values"].items()},
        hundreds=frozenset(n["hundreds"]),
        scales=frozenset(n["scales"]),
        joiners=frozenset(n["joiners"]),
        number=_number(n),
        number_words=tuple(w for w in n["values"] if " " not in w),
        digit_scales={k: float(v) for k, v in n["after_digits"].items()},
        decimal=n["decimal"],
        separators=n["separators"],
        comma_groups=bool(n.get("comma_groups")),
        article_numbers=frozenset(n["article_numbers"]),
        not_after=frozenset(n["not_after"]),
        both_before=_opt(n.get("both_before", "")),
        identifier=re.compile(
            rf"\b(?:{ids['nouns']})[ \t]*(?:{ids['sign']}[ \t]*)?"
            rf"(?:\d[\d.]*(?:[ \t]*\([a-z0-9]+\))?[ \t]*(?:,|{ids['joiners']}|-|–)[ \t]*)*$",
            _I,
        ),
        identifier_words=_words(ids["words"]),
        labels=_opt(ids.get("labels", "")),
        split=_opt(ids["split"]),
        word_compound=re.compile(ids["word_compound"], _I),
        rate_before=re.compile(ids["rate_before"]),
        rate_round=bool(ids["rate_round"]),
        months=months,
        month_words=_words(dates["month_words"]),
        date_after=dated("after"),
        date_before=dated("before"),
        time_after=re.compile(dates["time_after"], _I),
        clock_before=_opt(dates.get("clock_before", "")),
        clock_after=_opt(dates.get("clock_after", "")),
        ordinal_after=_opt(dates.get("ordinal_after", "")),
        spaces=units.get("spaces", ""),
        percent=re.compile(rf"^[ \t]*(?:{units['percent']})", _I),
        time=re.compile(units["time"], _I),
        time_units=dict(units["time_units"]),
        head_unit={w: u for u, ws in units["heads"].items() for w in ws.split()},
        generic_heads=_words(units["generic_heads"]),
        stop=_words(units["stop"]),
        leading_skip=_words(units["leading_skip"]),
        ing_nouns=_words(units["ing_nouns"]),
        token=re.compile(units["token"]),
        partitive=re.compile(fill(units["partitive"]), _I),
        copula=re.compile(units["copula"]),
        demonym=_opt(units["demonym"], 0),
        head_first=bool(units["head_first"]),
        elision=_opt(units.get("elision", "")),
        verb_ending=_opt(units.get("verb_ending", "")),
        currencies=_currencies(c.get("currencies")),
        qualifier=_qualifier(c["qualifiers"], qc["between"]),
        qualifier_classes=tuple(c["qualifiers"]),
        qualifier_words=_words(qc["words"]),
        qualifier_after=_opt(qc["after"]),
        qualifier_after_classes=dict(qc.get("after_classes", {})),
        about=qc["about"] or None,
        about_after=_words(qc["about_after"]),
        weak_less_than=qc["weak_less_than"] or None,
        age_hint=ages["hint"] or None,
        age=_opt(ages["prefix"]),
        age_qualifiers=dict(ages.get("qualifiers", {})),
        range_join=re.compile(ranges["join"], _I),
        year_range_any=bool(ranges.get("year_range_any")),
        range_and=ranges["and"],
        between=ranges["between"],
        range_start=re.compile(ranges["start"], _I),
        range_start_words=frozenset(ranges["start_words"]),
        from_end=re.compile(ranges["from_end"], _I),
        change_verb=re.compile(ranges["change_verb"], _I),
        multiplier=_opt(wf["multiplier"]),
        multipliers={k: float(v) for k, v in wf["multipliers"].items()},
        fraction=_opt(wf["fraction"]),
        fractions={k: float(v) for k, v in wf["fractions"].items()},
        ratio=_opt(wf.get("ratio", "")),
        hints=tuple(wf["hints"]),
        year=re.compile(fill(per["year"]), _I),
        relative=re.compile(per["relative"], _I),
        relative_hints=tuple(per["relative_hints"]),
        relative_skip=frozenset(per["relative_skip"]),
        relative_delta=dict(per["relative_delta"]),
        span=_opt(per["span"]),
        carry=re.compile(per["carry"], _I),
        clause_break=re.compile(per["clause_break"]),
        phrases=_phrases(c.get("phrases")),
    )


@cache
def lexicon(language: str) -> Lexicon:
    """The figure cues of `language`, or the English ones when it has none."""
    found = languages.cues("figures", language)
    if not found:
        return lexicon("en") if language != "en" else _build("en", {})
    return _build(language, found)
