"""Candidate figures of one sentence: value or range, qualifier and unit.

Numbers become candidates here once the exclusions have dropped identifiers and years;
ranges ("between 40 and 80 per cent", "de 5 à 17 ans"), qualifiers ("more than", "près de",
"al menos el"), ages, currencies and word figures (`word_figures`) are read from the words
around them, with the language's lexicon. Periods and subjects are added later by their own
modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from .currency import CURRENCY_BEFORE, CURRENCY_SYMBOL, ISO_CURRENCIES, currency_of
from .exclusions import is_year, not_a_figure
from .lexicon import Lexicon, lexicon
from .numbers import number_matches, value_of
from .units import head_follows, noun_run, unit_from_head

_SPLIT = re.compile(r"[-\s]+")


@dataclass(slots=True)
class Candidate:
    """A figure being built, before it becomes a frozen `Figure`."""

    start: int
    end: int
    value: float | None
    value_min: float | None = None
    value_max: float | None = None
    qualifier: str | None = None
    unit: str | None = None
    head: list[str] | None = None
    tail_end: int = 0
    period: str | None = None
    subject: str = ""
    change: str | None = None
    """"from" or "to" for the two values of a change ("passé de 9,1 à 6,4")."""
    ratio: bool = False
    """A share written "one in four": the numbers inside it are not figures of their own."""


def _ends_with_word(text: str, word: str) -> bool:
    tail = text.rstrip(" \t").lower()
    return tail.endswith(word) and not tail[-len(word) - 1 : -len(word)].isalpha()


def _about_is_qualifier(pre: str, lex: Lexicon) -> bool:
    """The word "about" means "around" after a verb or preposition, "concerning" after a noun."""
    words = pre.replace(",", " , ").split()
    return not words or words[-1].lower() in lex.about_after or words[-1] == ","


def _last_words(low_pre: str, lex: Lexicon) -> set[str]:
    if lex.split is None:
        return set(low_pre.rsplit(None, 5)[-5:])
    return set(lex.split.split(low_pre)[-6:])


def _year_range(text: str, m: re.Match[str], n2: re.Match[str], lex: Lexicon) -> bool:
    joiner = text[m.end() : n2.start()]
    if not lex.range_join.match(joiner):
        return False
    if lex.year_range_any:
        return True
    second = n2.group("d") or ""
    return bool(re.fullmatch(r"(?:1[89]|20)\d\d", second)) or (
        joiner.strip() in ("-", "–", "/") and len(second) == 2
    )


def _scaled(m: re.Match[str], lex: Lexicon) -> bool:
    """ "2,1 millions", "deux millions": the noun comes after a "de" ("d’enfants")."""
    if m.group("ds"):
        return True
    w = m.group("w")
    return bool(w) and _SPLIT.split(w.lower())[-1] in lex.scales


def sentence_candidates(
    text: str,
    s0: int,
    s1: int,
    starts: list[int],
    iso3: str | None = None,
    lex: Lexicon | None = None,
) -> list[Candidate]:
    """The numbers of one sentence text[s0:s1] that are figures, in order, with value, unit
    and qualifier (the words that are figures are `word_figures`)."""
    lex = lex or lexicon("en")
    out: list[Candidate] = []
    numbers = number_matches(text, starts, s0, s1, lex)
    skip: set[int] = set()
    change_to: int | None = None
    for k, m in enumerate(numbers):
        if k in skip:
            continue
        s, e = m.start(), m.end()
        post = text[e:s1]
        word = m.group("w")
        if word and word.lower() in lex.article_numbers and not lex.time.match(post):
            continue  # "un enfant", "una mujer": an article, unless a duration follows
        value = value_of(m, lex)
        if not_a_figure(text, m, lex, value):
            continue
        if is_year(m, post, lex):
            # A year range ("2021-2030", "2021-22") swallows its second year too, but not the
            # next figure ("del 52 por ciento en 2019 al 71 por ciento").
            if k + 1 < len(numbers) and _year_range(text, m, numbers[k + 1], lex):
                skip.add(k + 1)
            continue
        if value is None:
            continue
        cand = Candidate(start=s, end=e, value=value, change="to" if change_to == k else None)
        # Ranges: "six to 12 months", "between 40 to 80 per cent", "aged one to three".
        if k + 1 < len(numbers):
            n2 = numbers[k + 1]
            joiner = text[e : n2.start()]
            p0 = max(s0, s - 40)
            pre = text[p0:s]
            is_and = joiner.strip().lower() == lex.range_and
            fm = lex.from_end.search(pre)
            changed = bool(fm and lex.change_verb.search(pre[: fm.start()]))
            v2 = value_of(n2, lex)
            if (
                value <= 31
                and lex.range_join.match(joiner)
                and lex.date_after.match(text[n2.end() : s1])
            ):
                skip.add(k + 1)
                continue  # "du 12 au 14 mai", "del 3 al 5 de junio": days, not a count
            if (
                lex.range_join.match(joiner)
                and (not is_and or _ends_with_word(pre, lex.between))
                and not changed
                and not not_a_figure(text, n2, lex, v2)
                and v2 is not None
                and v2 > value
            ):
                cand.value, cand.value_min, cand.value_max = None, value, v2
                cand.end = e = n2.end()
                skip.add(k + 1)
                post = text[e:s1]
                b = lex.range_start.search(pre)
                if b and b.group(0).lower().rstrip(" \t") in lex.range_start_words:
                    cand.start = s = p0 + b.start()
            elif changed and lex.range_join.match(joiner):
                cand.change, change_to = "from", k + 1
        lone_one = word and value in (0, 1) and cand.value_min is None
        if lone_one and not (
            lex.time.match(post) or lex.percent.match(post) or head_follows(post, lex)
        ):
            continue  # "one" is a pronoun, "zero tolerance" no count: keep them before a unit
        p0 = max(s0, s - 40)
        pre = text[p0:s]
        # Qualifier and age: "more than 5,300", "below the age of 23", "aged one to three".
        low_pre = pre.lower()
        last_words = _last_words(low_pre, lex)
        age = (
            lex.age.search(pre)
            if lex.age is not None and lex.age_hint and lex.age_hint in low_pre
            else None
        )
        if age:
            cand.unit = "years"
            cand.start = p0 + age.start()
            cand.qualifier = lex.age_qualifiers.get((age.group("q") or "").lower())
            cand.tail_end = e
        else:
            cur = CURRENCY_BEFORE.search(pre)
            if (
                cur
                and cur.group("c") not in CURRENCY_SYMBOL
                and cur.group("c") not in ISO_CURRENCIES
            ):
                cur = None
            if cur:
                c = cur.group("c")
                cand.unit = CURRENCY_SYMBOL.get(c, c.lower())
                cand.start = p0 + cur.start()
                pre = text[p0 : cand.start]
            q = lex.qualifier.search(pre) if last_words & lex.qualifier_words else None
            if (
                q
                and lex.about
                and q.group(0).strip().lower() == lex.about
                and not _about_is_qualifier(pre[: q.start()], lex)
            ):
                q = None  # "a positive decision about 40,000 citizens": a preposition
            if q:
                cand.qualifier = next(
                    cls for i, cls in enumerate(lex.qualifier_classes) if q.group(f"q{i}")
                )
                cand.start = p0 + q.start()
        _unit_after(text, s1, e, m, cand, pre, iso3, lex)
        out.append(cand)
    for c, d in pairwise(out):
        if c.unit is None and lex.range_join.match(text[max(c.end, c.tail_end) : d.start]):
            c.unit = d.unit  # "from 45 to 30 days"
    return out


def _unit_after(
    text: str,
    s1: int,
    e: int,
    m: re.Match[str],
    cand: Candidate,
    pre: str,
    iso3: str | None,
    lex: Lexicon,
) -> None:
    """The unit named after the number: per cent, a duration, a currency or a head noun; and a
    qualifier written after it ("14 ans au moins")."""
    post = text[e:s1]
    if cand.unit is None:
        if p := lex.percent.match(post):
            cand.unit, cand.tail_end = "percent", e + p.end()
        elif t := lex.time.match(post):
            cand.unit = lex.time_units[t.group("u").lower()]
            cand.tail_end = e + t.end()
            if t.group(0).startswith("-"):  # "two-year project": include the noun
                words, end = noun_run(text, cand.tail_end, s1, lex)
                cand.tail_end = end if words else cand.tail_end
                cand.head = words
        elif found := currency_of(post, iso3, lex.currencies):
            cand.unit, cand.tail_end = found[0], e + found[1]
    if cand.unit is None:
        words, end = noun_run(text, e, s1, lex, _scaled(m, lex))
        cand.head = words
        cand.unit = unit_from_head(words, lex)
        cand.tail_end = end if words else e
        if not words and (cop := lex.copula.match(text, e, s1)):
            cand.unit = lex.head_unit.get(cop.group("w").lower())  # "64 were women"
        if (
            cand.qualifier == "less_than"
            and cand.unit == "other"
            and lex.weak_less_than
            and _ends_with_word(pre, lex.weak_less_than)
        ):
            cand.qualifier = None  # "under 12 occupations" means "in", not "fewer than"
    if lex.qualifier_after is not None and cand.qualifier is None:
        tail = max(cand.end, cand.tail_end)
        if qa := lex.qualifier_after.match(text[tail:s1]):
            cand.qualifier = lex.qualifier_after_classes[" ".join(qa.group("q").lower().split())]
            cand.tail_end = tail + qa.end()
