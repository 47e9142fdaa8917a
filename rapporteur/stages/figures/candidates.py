"""Candidate figures of one sentence: value or range, qualifier and unit.

Numbers become candidates here once the exclusions have dropped identifiers and years;
ranges ("between 40 and 80 per cent"), qualifiers ("more than"), ages, currencies and word
figures ("tripled", "half of the") are read from the words around them. Periods and
subjects are added later by their own modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from .exclusions import is_year, not_a_figure
from .numbers import number_matches, value_of, words_value
from .units import (
    COPULA_HEAD,
    CURRENCY_BEFORE,
    CURRENCY_SYMBOL,
    HEAD_UNIT,
    ISO_CURRENCIES,
    PERCENT,
    TIME_UNIT,
    TIME_UNITS,
    currency_after,
    head_follows,
    noun_run,
    unit_from_head,
)

_QUALIFIERS = [
    (
        r"more than|over|above|in excess of|exceeding|upwards of|greater than|higher than",
        "more_than",
    ),
    (r"less than|fewer than|below|under|lower than|not even", "less_than"),
    (
        r"around|about|approximately|approx\.|some|roughly|nearly|almost|close to|an estimated|"
        r"estimated at|circa|c\.|just over|just under|an average of|on average",
        "around",
    ),
    (
        r"up to|as many as|as much as|a maximum of|no more than|not more than|at most|maximum of",
        "up_to",
    ),
    (r"at least|a minimum of|no fewer than|no less than|not less than|minimum of", "at_least"),
]
# Every qualifier contains one of these words: the regex runs only when one is near.
_QUALIFIER_WORDS = frozenset(
    """more over above excess exceeding upwards greater higher less fewer below under lower even
    around about approximately approx. some roughly nearly almost close estimated circa c. just
    average up many much maximum most least minimum no not""".split()
)
_QUALIFIER_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<q{i}>{p})" for i, (p, _) in enumerate(_QUALIFIERS)) + r")[ \t]*$",
    re.IGNORECASE,
)
_AGE_PREFIX = re.compile(
    r"(?:\b(?P<q>under|below|over|above|up to|from)[ \t]+)?\b(?:the[ \t]+)?"
    r"(?:aged|ages?(?:[ \t]+of)?)[ \t]*$"
    # "raised the minimum age of marriage to 19", "age of criminal responsibility at 14"
    r"|\bage[ \t]+of[ \t]+[a-z]+(?:[ \t]+[a-z]+)?[ \t]+(?:to|at|from|was|is|remained|stood[ \t]+at)"
    r"[ \t]*$",
    re.IGNORECASE,
)


_RANGE_JOIN = re.compile(r"^[ \t]*(?:to|-|–|—|and)[ \t]*$", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:between|from)[ \t]*$", re.IGNORECASE)
_CHANGE_VERB = re.compile(
    r"\b(?:increas|ris|rose|grew|grow|decreas|declin|fell|fall|drop|reduc|cut|went|jump|"
    r"climb|doubl|chang|mov)\w*\b[^.;]{0,40}$",
    re.IGNORECASE,
)


_MULTIPLIER = re.compile(
    r"\b(?P<m>doubled|tripled|trebled|quadrupled|halved|(?P<n>two|three|four|five|six|seven|"
    r"eight|nine|ten)-?fold)\b",
    re.IGNORECASE,
)
_MULTIPLIER_VALUE = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "halved": 0.5}
_FRACTION = re.compile(
    r"(?<!first )(?<!second )(?<!last )(?<!other )\b(?P<f>half|(?:a|one)[ \t]+third|"
    r"two[ \t-]+thirds|(?:a|one)[ \t]+quarter|three[ \t-]+quarters)[ \t]+(?:of[ \t]+)?"
    r"(?=the\b|its\b|their\b|all\b|them\b|those\b|these\b)",
    re.IGNORECASE,
)
WORD_FIGURE_HINTS = tuple(
    "half third quarter fold doubled tripled trebled quadrupled halved".split()
)
_FRACTION_VALUE = {"half": 50.0, "third": 33.33, "thirds": 66.67, "quarter": 25.0, "quarters": 75.0}


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


_FROM_END = re.compile(r"\bfrom[ \t]*$", re.IGNORECASE)


def _ends_with_word(text: str, word: str) -> bool:
    tail = text.rstrip(" \t").lower()
    return tail.endswith(word) and not tail[-len(word) - 1 : -len(word)].isalpha()


_ABOUT_AFTER = frozenset(
    """was were is are be been being of at to by from with for reached totalled totaled numbered
    stood amounted had has have there than and or employed received affected cost costs
    involved included concerned covered""".split()
)


def _about_is_qualifier(pre: str) -> bool:
    """The word "about" means "around" after a verb or preposition, "concerning" after a noun."""
    words = pre.replace(",", " , ").split()
    return not words or words[-1].lower() in _ABOUT_AFTER or words[-1] == ","


def sentence_candidates(
    text: str, s0: int, s1: int, starts: list[int], hinted: bool, iso3: str | None = None
) -> list[Candidate]:
    """All figures of one sentence text[s0:s1], in order, with value, unit and qualifier."""
    out: list[Candidate] = []
    numbers = number_matches(text, starts, s0, s1)
    skip: set[int] = set()
    for k, m in enumerate(numbers):
        if k in skip:
            continue
        s, e = m.start(), m.end()
        post = text[e:s1]
        if not_a_figure(text, m):
            continue
        if is_year(m, post):
            # A year range ("2021-2030") swallows its second year too.
            if k + 1 < len(numbers) and _RANGE_JOIN.match(text[e : numbers[k + 1].start()]):
                skip.add(k + 1)
            continue
        value = value_of(m)
        if value is None:
            continue
        cand = Candidate(start=s, end=e, value=value)
        # Ranges: "six to 12 months", "between 40 to 80 per cent", "aged one to three".
        if k + 1 < len(numbers):
            n2 = numbers[k + 1]
            joiner = text[e : n2.start()]
            p0 = max(s0, s - 40)
            pre = text[p0:s]
            is_and = joiner.strip().lower() == "and"
            fm = _FROM_END.search(pre)
            changed = bool(fm and _CHANGE_VERB.search(pre[: fm.start()]))
            if (
                _RANGE_JOIN.match(joiner)
                and (not is_and or _ends_with_word(pre, "between"))
                and not changed
                and not not_a_figure(text, n2)
                and (v2 := value_of(n2)) is not None
                and v2 > value
            ):
                cand.value, cand.value_min, cand.value_max = None, value, v2
                cand.end = e = n2.end()
                skip.add(k + 1)
                post = text[e:s1]
                b = _BETWEEN.search(pre)
                if b and b.group(0).lower().startswith("between"):
                    cand.start = s = p0 + b.start()
        lone_one = m.group("w") and value in (0, 1) and cand.value_min is None
        if lone_one and not (TIME_UNIT.match(post) or PERCENT.match(post) or head_follows(post)):
            continue  # "one" is a pronoun, "zero tolerance" no count: keep them before a unit
        p0 = max(s0, s - 40)
        pre = text[p0:s]
        # Qualifier and age: "more than 5,300", "below the age of 23", "aged one to three".
        low_pre = pre.lower()
        last_words = set(low_pre.rsplit(None, 5)[-5:])
        age = _AGE_PREFIX.search(pre) if "age" in low_pre else None
        if age:
            cand.unit = "years"
            cand.start = p0 + age.start()
            q = (age.group("q") or "").lower()
            cand.qualifier = {
                "under": "less_than",
                "below": "less_than",
                "over": "more_than",
                "above": "more_than",
                "up to": "up_to",
            }.get(q)
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
            q = _QUALIFIER_RE.search(pre) if last_words & _QUALIFIER_WORDS else None
            if (
                q
                and q.group(0).strip().lower() == "about"
                and not _about_is_qualifier(pre[: q.start()])
            ):
                q = None  # "a positive decision about 40,000 citizens": a preposition
            if q:
                cand.qualifier = next(
                    _QUALIFIERS[i][1] for i in range(len(_QUALIFIERS)) if q.group(f"q{i}")
                )
                cand.start = p0 + q.start()
        # Unit after the number.
        if cand.unit is None:
            if p := PERCENT.match(post):
                cand.unit, cand.tail_end = "percent", e + p.end()
            elif t := TIME_UNIT.match(post):
                cand.unit = TIME_UNITS[t.group("u").lower().rstrip("s")]
                cand.tail_end = e + t.end()
                if t.group(0).startswith("-"):  # "two-year project": include the noun
                    words, end = noun_run(text, cand.tail_end, s1)
                    cand.tail_end = end if words else cand.tail_end
                    cand.head = words
            else:
                if found := currency_after(post, iso3):
                    cand.unit, cand.tail_end = found[0], e + found[1]
        if cand.unit is None:
            words, end = noun_run(text, e, s1)
            cand.head = words
            cand.unit = unit_from_head(words)
            cand.tail_end = end if words else e
            if not words and (cop := COPULA_HEAD.match(text, e, s1)):
                cand.unit = HEAD_UNIT.get(cop.group("w").lower())  # "64 were women"
            if (
                cand.qualifier == "less_than"
                and cand.unit == "other"
                and _ends_with_word(pre, "under")
            ):
                cand.qualifier = None  # "under 12 occupations" means "in", not "fewer than"
        out.append(cand)
    for c, d in pairwise(out):
        if c.unit is None and _RANGE_JOIN.match(text[max(c.end, c.tail_end) : d.start]):
            c.unit = d.unit  # "from 45 to 30 days"
    if hinted:
        out.extend(_word_figures(text, s0, s1, out))
    out.sort(key=lambda c: c.start)
    return out


def _word_figures(text: str, s0: int, s1: int, taken: list[Candidate]) -> list[Candidate]:
    """Multipliers ("tripled") and fractions ("half of the amount")."""
    out: list[Candidate] = []
    for m in _MULTIPLIER.finditer(text, s0, s1):
        word = m.group("m").lower()
        value = _MULTIPLIER_VALUE.get(word) or words_value(m.group("n") or "")
        if value:
            out.append(
                Candidate(
                    start=m.start(),
                    end=m.end(),
                    value=float(value),
                    unit="other",
                    tail_end=m.end(),
                    head=[],
                )
            )
    for m in _FRACTION.finditer(text, s0, s1):
        if any(c.start <= m.start() < max(c.end, c.tail_end) for c in taken):
            continue
        key = m.group("f").lower().split()[-1].split("-")[-1]
        words, end = noun_run(text, m.end() - 1, s1)
        out.append(
            Candidate(
                start=m.start(),
                end=m.end(),
                value=_FRACTION_VALUE[key],
                unit="percent",
                head=words,
                tail_end=end if words else m.end(),
            )
        )
    return out
