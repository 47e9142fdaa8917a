"""The report a record names: its kind, its numbers, and where the State is named after it.

English keeps the one pattern it always had (`parse_english`). For French and Spanish the
words are data (`[report]` and `[ordinals]` of the language's metadata.toml); the shapes the
UN gives them are built here once per language, on folded text (`genres.fold`):

    (A) "rapport [de la Valdorée] valant cinquième et sixième rapports périodiques",
        "informe que reúne los informes periódicos quinto y sexto"
    (B) "rapport initial", "informe inicial [y segundo informe periódico]"
    (C) "deuxième rapport périodique", "IIe rapport", "noveno informe periódico",
        "quinto y sexto informes periódicos combinados"
    (D) "informes periódicos combinados 22° a 23°" (ordinals after the noun: Spanish)
    (E) "renseignements complémentaires", "información adicional"

The description is quoted as written (without a State named inside it), like the English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..genres.fold import fold
from ..languages import cues
from ..models import ReportInfo
from .ordinals import Ordinals, english, english_value, ordinals

ParsedReport = tuple[ReportInfo, str | None, int]
"""The report, the text where its State is named (or None), and where the mention starts."""

_ORD = english()[0]
_REPORT = re.compile(
    rf"(?P<desc>(?:(?P<combined1>combined|consolidated)\s+)?(?P<a>{_ORD})"
    rf"(?:(?:\s*,\s*(?P<mid>{_ORD}))*\s*(?P<sep>,?\s*and|to|-|–|through)\s+(?P<b>{_ORD}))?"
    rf"(?:\s+(?P<combined2>combined|consolidated))?\s+(?:(?:periodic|State party)\s+)?"
    rf"(?P<plural>reports?)|(?P<additional>additional (?:information|report)s?)"
    rf"(?:\s+submitted under article \d+[^,.]*)?)"
    rf"(?:\s+(?:submitted\s+)?(?:of|by|from)\s+(?P<state>[^.;:()]{{2,120}}))?",
    re.I,
)


def parse_report(text: str, language: str = "en") -> ParsedReport | None:
    """The first report described in `text`: (info, State text after it, offset)."""
    if language == "en" or _grammar(language) is None:
        return parse_english(text)
    return parse(text, language)


def parse_english(text: str) -> ParsedReport | None:
    """The first report described in English ("the combined fifth to seventh periodic report
    of ...")."""
    for m in _REPORT.finditer(text):
        if m["additional"]:
            info = ReportInfo(description=m["additional"], kind="periodic", numbers=(), symbol=None)
            state = m["state"]
            if state is None:
                later = re.search(
                    r"\b(?:of|by) (?P<s>[A-Z][^.;:()]{2,120})",
                    text[m.end("additional") : m.end() + 200],
                )
                state = later["s"] if later else None
            return info, state, m.start()
        a = english_value(m["a"])
        if a is None:
            continue
        numbers = [a]
        mids = re.findall(_ORD, m.group(0)[len(m["combined1"] or "") :]) if m["mid"] else []
        b = english_value(m["b"]) if m["b"] else None
        if mids:
            numbers = [v for v in (english_value(x) for x in mids) if v is not None]
            if b and b not in numbers:
                numbers.append(b)
        elif b is not None:
            sep = (m["sep"] or "").strip(" ,").lower()
            numbers = list(range(a, b + 1)) if sep in {"to", "-", "–", "through"} else [a, b]
        combined = bool(m["combined1"] or m["combined2"]) or len(numbers) > 1
        if numbers == [1] and "initial" in m["a"].lower():
            kind = "initial"
        elif combined:
            kind = "combined"
        else:
            kind = "periodic"
        desc = " ".join(m["desc"].split())
        return (
            ReportInfo(description=desc, kind=kind, numbers=tuple(numbers), symbol=None),
            m["state"],
            m.start(),
        )
    return None


def _words(values: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class _Grammar:
    noun: re.Pattern[str]
    """The report's noun or the "additional" wording: a text without it names no report."""
    pattern: re.Pattern[str]
    state: re.Pattern[str]
    ordinal: re.Pattern[str]
    range_words: frozenset[str]
    ordinals: Ordinals


def _series(one: str, o: Ordinals) -> str:
    """Several ordinals: "cinquième et sixième", "19º, 20º y 21º", "22° a 23°", "5e-7e"."""
    conj, rng = _words(o.and_words), _words(o.range_words)
    sep = rf"(?:\s*,\s*(?:(?:{conj})\s+)?|\s+(?:{conj}|{rng})\s+|\s*[-–]\s*)"
    return rf"{one}(?:{sep}{one}){{0,6}}"


@cache
def _grammar(language: str) -> _Grammar | None:
    data = cues("metadata", language).get("report")
    o = ordinals(language)
    if not data or o is None:
        return None
    noun, per, comb = data["noun"], data["periodic"], data["combined"]
    qual, cover, det = data["qualifier"], data["covering"], data["determiner"]
    conj = _words(o.and_words)
    # A preposition is a word of its own ("de la", "du") unless it ends in an apostrophe ("d'").
    preps = "|".join(
        re.escape(w) if w.endswith("'") else re.escape(w) + r"(?=\s)"
        for w in sorted(data["prepositions"], key=len, reverse=True)
    )
    ords, loose = _series(o.pattern, o), _series(o.loose, o)
    covered = (
        rf"(?:(?P<cov>{ords})\s+{noun}(?:\s+{per})?"
        rf"|{noun}\s+(?:{per}\s+)?(?:{comb}\s+)?(?P<cov2>{loose})(?:\s+{comb})?)"
    )
    shapes = [
        # (A) the report "covering" others, with the State perhaps inside
        rf"{noun}(?:\s+{qual})*\s+(?:(?P<mid>(?:{preps})\s*[^.;:()]{{1,80}}?)\s+)?{cover}\s+"
        rf"(?:{det}\s+)?(?:(?P<covinit>{noun}\s+(?:{o.initial}))\s+(?:{conj})\s+)?{covered}",
        # (B) the initial report, perhaps combined with the next
        rf"{noun}\s+(?:{o.initial})(?:\s+(?:{conj})\s+(?P<initand>{ords})\s+{noun}"
        rf"(?:\s+{per})?(?:\s+{comb})?)?(?!\w)",
        # (C) ordinals before the noun
        rf"(?<![\w-])(?P<pre>{ords})\s+{noun}(?:\s+{per})?(?:\s+(?P<comb1>{comb}))?(?!\w)",
    ]
    if data.get("ordinals_after_noun"):
        # (D) ordinals after "informes periódicos" or "informes combinados"
        shapes.append(
            rf"{noun}\s+(?:{per}(?:\s+{comb})?|{comb}(?:\s+{per})?)\s+(?P<post>{loose})"
            rf"(?:\s+(?P<comb3>{comb}))?"
        )
    shapes.append(rf"(?P<add>{data['additional']})")
    state = re.compile(
        rf"\s*(?:\([^)]*\)\s*)?,?\s*(?:{data['submitted']}\s+(?P<by>.{{1,120}})"
        rf"|(?P<s>(?:{preps}).{{1,120}}))",
        re.I | re.S,
    )
    return _Grammar(
        noun=re.compile(rf"{noun}|{data['additional']}", re.I),
        pattern=re.compile("|".join(f"(?:{s})" for s in shapes), re.I),
        state=state,
        ordinal=re.compile(o.loose, re.I),
        range_words=frozenset(o.range_words),
        ordinals=o,
    )


def _numbers(g: _Grammar, series: str) -> list[int]:
    """The numbers of an ordinal series; two joined by a range word or dash span the range."""
    found = list(g.ordinal.finditer(series))
    values = [v for v in (g.ordinals.value(m.group(0)) for m in found) if v is not None]
    if len(found) == 2 and len(values) == 2:
        between = series[found[0].end() : found[1].start()].strip().lower()
        if (between in g.range_words or between in {"-", "–"}) and values[0] < values[1] <= 200:
            return list(range(values[0], values[1] + 1))
    return values


def parse(text: str, language: str) -> ParsedReport | None:
    """The first report named in `text` (French or Spanish), or None."""
    g = _grammar(language)
    if g is None:
        return None
    folded = fold(text)
    if not g.noun.search(folded):
        return None
    for m in g.pattern.finditer(folded):
        groups = m.groupdict()
        numbers = [] if groups["add"] else _parsed_numbers(g, groups)
        if not numbers and not groups["add"]:
            continue
        if groups["add"]:
            kind = "periodic"
        elif numbers == [1] and _initial_only(groups):
            kind = "initial"
        elif groups["comb1"] or groups.get("comb3") or len(numbers) > 1:
            kind = "combined"
        else:
            kind = "periodic"
        start, end = m.span()
        description = text[start:end]
        fragment: str | None = None
        if groups["mid"]:
            a, b = m.span("mid")
            description = text[start:a] + text[b:end]
            fragment = text[a:b]
        elif after := g.state.match(folded, end):
            which = "by" if after["by"] else "s"
            fragment = text[after.start(which) : after.end(which)]
        info = ReportInfo(
            description=" ".join(description.split()),
            kind=kind,
            numbers=tuple(numbers),
            symbol=None,
        )
        return info, fragment, start
    return None


def _initial_only(groups: dict[str, str | None]) -> bool:
    """The initial report alone ("rapport initial"), not a combined one or a "premier"."""
    keys = ("cov", "cov2", "covinit", "pre", "post", "initand")
    return not any(groups.get(k) for k in keys)


def _parsed_numbers(g: _Grammar, groups: dict[str, str | None]) -> list[int]:
    series = groups["cov"] or groups["cov2"]
    if series:
        numbers = _numbers(g, series)
        return [1, *numbers] if groups["covinit"] else numbers
    if groups["pre"]:
        return _numbers(g, groups["pre"])
    if groups.get("post"):
        return _numbers(g, groups["post"] or "")
    if groups["initand"]:
        return [1, *_numbers(g, groups["initand"])]
    return [1]  # the initial report
