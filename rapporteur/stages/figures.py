"""Figures: the numbers each side put on the record, with unit, subject, period and speaker.

A figure is a quantitative statement of the body: a count, amount, share, age or duration.
Regular expressions over each sentence do the work (about a millisecond for a 35 KB summary);
parsers such as quantulum3 or spaCy cost a hundred times more and still need the genre rules
below, which are what matter: document symbols, article and convention numbers, ordinals,
meeting dates and years that date an event are not figures.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import pairwise

from ..models import Figure, Review
from ..settings import Settings
from .facts_common import (
    body_paragraphs,
    flat_text,
    lower_keeping_offsets,
    paragraph_sentences,
    sentence_speakers,
    turns_by_paragraph,
)

# --- numbers -------------------------------------------------------------------------------

_SMALL = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SCALE_ABBR = {"bn": 1_000_000_000, "mn": 1_000_000, "trillion": 1_000_000_000_000}
_NUMWORD = "|".join(sorted([*_SMALL, *_TENS, *_SCALES], key=len, reverse=True))
_WORDS = (
    rf"(?:{_NUMWORD})(?:(?:-|[ \t]+|(?<=hundred)[ \t]+and[ \t]+|(?<=thousand)[ \t]+and[ \t]+)"
    rf"(?:{_NUMWORD}))*"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+|\d+(?:\.\d+)?"
_NUMBER = re.compile(
    rf"\b(?=[\dzotfsenhmb])(?<![\w/.,])(?<![^\W\d_]-)"
    rf"(?:(?P<d>{_DIGITS})(?:[ \t]*(?P<ds>million|billion|trillion|thousand|bn|mn)\b)?"
    rf"|\b(?P<w>{_WORDS})\b)",
    re.IGNORECASE,
)


def _words_value(words: str) -> float | None:
    """Value of number words ("Thirty-nine", "two hundred and five", "2.5" excluded)."""
    total, current = 0, 0
    for tok in re.split(r"[-\s]+", words.lower()):
        if tok == "and":
            continue
        if tok in _SMALL:
            current += _SMALL[tok]
        elif tok in _TENS:
            current += _TENS[tok]
        elif tok == "hundred":
            current = max(current, 1) * 100
        elif tok in _SCALES:
            total += max(current, 1) * _SCALES[tok]
            current = 0
        else:
            return None
    return float(total + current)


def _digits_value(digits: str, scale: str | None) -> float:
    value = float(re.sub(r"[,\u00a0\u202f\u2009]", "", digits))
    if scale:
        s = scale.lower()
        value *= _SCALES.get(s) or _SCALE_ABBR[s]
    return value


def _clean(value: float) -> float:
    """Integral values as int so JSON shows 7000000, not 7000000.0."""
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded


# --- context patterns -----------------------------------------------------------------------

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
_NOT_A_FIGURE_BEFORE = re.compile(
    r"\b(?:articles?|arts?\.|conventions?|protocols?|resolutions?|paragraphs?|paras?\.|rules?|"
    r"sections?|chapters?|annex(?:es)?|items?|goals?|targets?|recommendations?|comments?|"
    r"no\.|nos\.|numbers?|decrees?|laws?|orders?|sessions?|meetings?|pages?|pp?\.|parts?|"
    r"principles?|sdgs?|acts?|codes?|clauses?|volumes?|rooms?|phases?|levels?|grades?|"
    r"categor(?:y|ies)|groups?|class|ilo|covid|cop)[ \t]*(?:no\.?[ \t]*)?"
    r"(?:\d[\d.]*(?:[ \t]*\([a-z0-9]+\))?[ \t]*(?:,|and|or|to|-|–)[ \t]*)*$",
    re.IGNORECASE,
)


def names_an_identifier(before: str) -> bool:
    """Whether a number that follows `before` numbers a thing ("article 76", "Convention No.
    189", "phase 2") rather than counting something."""
    return _NOT_A_FIGURE_BEFORE.search(before) is not None


_STRIP = ",;:()[]“”\"‘’'/?!–—"  # stripped from the ends of words ("no." keeps its dot)
_NOT_A_FIGURE_WORDS = frozenset(
    """article articles art. arts. convention conventions protocol protocols resolution
    resolutions paragraph paragraphs para. paras. rule rules section sections chapter chapters
    annex annexes item items goal goals target targets recommendation recommendations comment
    comments no. nos. number numbers decree decrees law laws order orders session sessions
    meeting meetings page pages p. pp. part parts principle principles sdg sdgs act acts code
    codes clause clauses volume volumes room rooms phase phases level levels grade grades
    category categories group groups class ilo covid cop""".split()
)
NUMBER_WORDS = tuple([*_SMALL, *_TENS, *_SCALES])
_MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan. feb. aug. sep. sept. oct. nov. dec.".split()
)
MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
)
_DATE_AFTER = re.compile(rf"^[ \t]*(?:{MONTHS})\b")
_DATE_BEFORE = re.compile(rf"\b(?:{MONTHS})[ \t]*$")
_TIME_AFTER = re.compile(
    r"^(?:[ \t]*(?:a\.m\.|p\.m\.|am\b|pm\b|o’clock|o'clock)|[:h]\d\d)", re.IGNORECASE
)
_RANGE_JOIN = re.compile(r"^[ \t]*(?:to|-|–|—|and)[ \t]*$", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:between|from)[ \t]*$", re.IGNORECASE)
_CHANGE_VERB = re.compile(
    r"\b(?:increas|ris|rose|grew|grow|decreas|declin|fell|fall|drop|reduc|cut|went|jump|"
    r"climb|doubl|chang|mov)\w*\b[^.;]{0,40}$",
    re.IGNORECASE,
)

_PERCENT = re.compile(r"^[ \t]*(?:per[ \t]?cent\b|percent\b|%|percentage points?\b)", re.I)
# Currency names after a number. A name that several States use ("pesos", "francs",
# "lei") is resolved by the State party under review, else by the most common reading.
_CURRENCY_NAMES = {
    "dollar": "usd", "euro": "eur", "rouble": "rub", "ruble": "rub", "yen": "jpy",
    "yuan": "cny", "renminbi": "cny", "tenge": "kzt", "naira": "ngn", "hryvnia": "uah",
    "lari": "gel", "dram": "amd", "somoni": "tjs", "zloty": "pln", "forint": "huf",
    "koruna": "czk", "reais": "brl", "boliviano": "bob", "soles": "pen", "quetzal": "gtq",
    "quetzales": "gtq", "lempira": "hnl", "cordoba": "nio", "córdoba": "nio", "colones": "crc",
    "guarani": "pyg", "guaraní": "pyg", "baht": "thb", "ringgit": "myr", "rupiah": "idr",
    "dong": "vnd", "afghani": "afn", "rand": "zar", "cedi": "ghs", "birr": "etb",
    "taka": "bdt", "kyat": "mmk", "lira": "try", "bolivar": "ves", "bolívar": "ves",
    "ariary": "mga", "kwanza": "aoa", "metical": "mzn", "sterling": "gbp",
}  # fmt: skip
_CURRENCY_BY_STATE = {
    "leu": {"MDA": "mdl", "": "ron"},
    "lei": {"MDA": "mdl", "": "ron"},
    "peso": {"MEX": "mxn", "ARG": "ars", "CHL": "clp", "COL": "cop", "PHL": "php",
             "DOM": "dop", "CUB": "cup", "URY": "uyu", "": "mxn"},
    "dinar": {"DZA": "dzd", "BHR": "bhd", "IRQ": "iqd", "JOR": "jod", "KWT": "kwd",
              "LBY": "lyd", "SRB": "rsd", "TUN": "tnd", "": "other"},
    "rupee": {"IND": "inr", "PAK": "pkr", "LKA": "lkr", "NPL": "npr", "MUS": "mur",
              "SYC": "scr", "": "inr"},
    "pound": {"GBR": "gbp", "EGY": "egp", "LBN": "lbp", "SYR": "syp", "SDN": "sdg",
              "SSD": "ssp", "": "gbp"},
    "franc": {"CHE": "chf", "LIE": "chf", "GIN": "gnf", "RWA": "rwf", "BDI": "bif",
              "COM": "kmf", "DJI": "djf", "COD": "cdf", "BEN": "xof", "BFA": "xof",
              "CIV": "xof", "GNB": "xof", "MLI": "xof", "NER": "xof", "SEN": "xof",
              "TGO": "xof", "CMR": "xaf", "CAF": "xaf", "TCD": "xaf", "COG": "xaf",
              "GNQ": "xaf", "GAB": "xaf", "": "chf"},
    "som": {"KGZ": "kgs", "UZB": "uzs", "": "kgs"},
    "manat": {"AZE": "azn", "TKM": "tmt", "": "azn"},
    "riyal": {"SAU": "sar", "QAT": "qar", "OMN": "omr", "YEM": "yer", "": "sar"},
    "rial": {"IRN": "irr", "OMN": "omr", "YEM": "yer", "": "irr"},
    "dirham": {"ARE": "aed", "MAR": "mad", "": "aed"},
    "shilling": {"KEN": "kes", "UGA": "ugx", "TZA": "tzs", "SOM": "sos", "": "kes"},
    "krone": {"NOR": "nok", "DNK": "dkk", "": "nok"},
    "kroner": {"NOR": "nok", "DNK": "dkk", "": "nok"},
    "krona": {"SWE": "sek", "ISL": "isk", "": "sek"},
    "kronor": {"SWE": "sek", "": "sek"},
}  # fmt: skip
# An adjective that settles the currency: "Canadian dollars", "Swiss francs", "CFA francs".
_CURRENCY_ADJECTIVE = {
    ("canadian", "dollar"): "cad", ("australian", "dollar"): "aud", ("swiss", "franc"): "chf",
    ("cfa", "franc"): "xof", ("british", "pound"): "gbp", ("egyptian", "pound"): "egp",
    ("mexican", "peso"): "mxn", ("moldovan", "lei"): "mdl", ("moldovan", "leu"): "mdl",
    ("romanian", "lei"): "ron", ("indian", "rupee"): "inr", ("pakistani", "rupee"): "pkr",
    ("new zealand", "dollar"): "nzd", ("hong kong", "dollar"): "hkd",
}  # fmt: skip
_CURRENCY_AFTER = re.compile(
    r"[ \t]*(?P<adj>(?:United[ \t]+States|US|New[ \t]+Zealand|Hong[ \t]+Kong|South[ \t]+Korean|"
    r"[A-Z][a-z]+|CFA)[ \t]+)?(?P<w>dollars?|euros?|pounds?(?:[ \t]+sterling)?|francs?|"
    r"roubles?|rubles?|yen|yuan|renminbi|tenge|naira|hryvnias?|lari|drams?|somoni|zlotys?|"
    r"forints?|korunas?|reais|bolivianos?|soles|quetzal(?:es)?|lempiras?|c[oó]rdobas?|colones|"
    r"guaran[ií]e?s?|baht|ringgits?|rupiahs?|dong|afghanis?|rand|cedis?|birr|taka|kyats?|liras?|"
    r"bol[ií]vares|bol[ií]vars?|ariary|kwanzas?|meticais|meticals?|lei|leu|pesos?|dinars?|"
    r"rupees?|soms?|manats?|riyals?|rials?|dirhams?|shillings?|kroner|krone|kronor|krona)\b"
    r"(?:[ \t]+CFA\b)?"
)
_ISO_CURRENCIES = frozenset(
    "USD EUR GBP CHF JPY CNY RUB KZT KGS UZS TJS TMT AZN AMD GEL UAH MDL RON BGN PLN HUF CZK "
    "SEK NOK DKK ISK TRY INR PKR BDT LKR NPR AFN IRR IQD SAR AED QAR KWD BHD OMR JOD EGP MAD "
    "DZD TND LYD NGN GHS XOF XAF ZAR KES UGX TZS ETB MXN BRL ARS CLP COP PEN BOB PYG UYU VES "
    "GTQ HNL NIO CRC DOP CUP PHP IDR MYR THB VND KRW AUD CAD NZD HKD SGD".split()
)
_ISO_AFTER = re.compile(r"[ \t]*(?P<c>[A-Z]{3})\b")
_CURRENCY_BEFORE = re.compile(r"(?P<c>US\$|\$|€|£|[A-Z]{3})[ \t]*$")
_CURRENCY_SYMBOL = {"US$": "usd", "$": "usd", "€": "eur", "£": "gbp"}


def _currency_after(post: str, iso3: str | None) -> tuple[str, int] | None:
    """(code, length) of a currency named right after a number, if any."""
    m = _CURRENCY_AFTER.match(post)
    if m:
        word = m.group("w").lower()
        adj = re.sub(r"[ \t]+", " ", (m.group("adj") or "").strip().lower())
        if m.group(0).rstrip().endswith("CFA"):
            adj = "cfa"
        stem = word if word in _CURRENCY_BY_STATE or word in _CURRENCY_NAMES else None
        if stem is None:
            for cut in ("es", "s"):
                if word.endswith(cut) and (
                    word[: -len(cut)] in _CURRENCY_NAMES or word[: -len(cut)] in _CURRENCY_BY_STATE
                ):
                    stem = word[: -len(cut)]
                    break
        stem = stem or word.split()[0]
        if word.startswith("pound") and word.endswith("sterling"):
            stem = "sterling"
        code = _CURRENCY_ADJECTIVE.get((adj, stem))
        if code is None and adj == "cfa":
            code = "xaf" if _CURRENCY_BY_STATE["franc"].get(iso3 or "") == "xaf" else "xof"
        if code is None and adj in ("united states", "us", "american") and stem == "dollar":
            code = "usd"
        if code is None:
            code = _CURRENCY_NAMES.get(stem)
        if code is None and stem in _CURRENCY_BY_STATE:
            table = _CURRENCY_BY_STATE[stem]
            code = table.get(iso3 or "", table[""])
        if code:
            # An adjective that is not part of the currency ("Kyrgyz soms" is, "new" is not)
            # still belongs to the mention; it is never a separate word of the subject.
            return code, m.end()
    iso = _ISO_AFTER.match(post)
    if iso and iso.group("c") in _ISO_CURRENCIES:
        return iso.group("c").lower(), iso.end()
    return None


_TIME_UNIT = re.compile(
    r"^(?:[ \t]*|-)(?P<u>years?|months?|weeks?|days?|hours?)(?:[ \t-]old)?\b", re.IGNORECASE
)
_TIME_UNITS = {"year": "years", "month": "months", "week": "weeks", "day": "days", "hour": "hours"}

_HEADS = {
    "people": (
        "people persons person individuals citizens citizen nationals migrants residents "
        "refugees foreigners women men inhabitants victims prisoners detainees inmates convicts "
        "voters emigrants immigrants returnees seekers adults beneficiaries participants "
        "officials officers judges lawyers teachers doctors nurses students survivors "
        "compatriots stateless deportees applicants population parents mothers fathers "
        "members mayors inspectors controllers prosecutors police patients pensioners "
        "candidates deputies parliamentarians ministers diplomats interpreters volunteers "
        "asylum-seekers newcomers passengers"
    ),
    "workers": "workers worker labourers laborers employees staff",
    "children": "children child minors boys girls orphans infants babies adolescents pupils",
    "families": "families family",
    "cases": (
        "cases case complaints investigations prosecutions convictions proceedings offences "
        "offenses crimes incidents violations charges lawsuits femicides homicides murders "
        "killings rapes assaults"
    ),
    "requests": "requests applications petitions appeals",
    "centres": "centres centers",
    "companies": "companies enterprises firms businesses",
    "institutions": "institutions facilities establishments prisons",
}
_HEAD_UNIT = {w: unit for unit, words in _HEADS.items() for w in words.split()}
# Heads that say only what is counted: the subject must come from the rest of the clause.
_GENERIC_HEADS = frozenset(
    "people persons person individuals citizens nationals cases families children workers".split()
)
_STOP = frozenset(
    """of in to for on at by with from and or but were was had have has is are be been being
    who which that whom whose this these those they them their it its as than per each a an the
    into under over during since while when where not also would could should will can may might
    only still out up there here so between among through throughout across about against
    including regarding concerning within without s his her our we you he she i took received
    got made did do does went came sent held left paid given done seen found brought kept met
    lost won built spent""".split()
)
_LEADING_SKIP = frozenset(
    "such these those new more additional other further the its their all".split()
)
_ING_NOUNS = frozenset(
    """meetings hearings proceedings buildings trainings findings sittings earnings savings
    dwellings offspring beings housing funding training building meeting hearing screening
    spring wedding""".split()
)
_TOKEN = re.compile(r"[^\W\d_][\w’'-]*", re.UNICODE)

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
_WORD_FIGURE_HINTS = tuple(
    "half third quarter fold doubled tripled trebled quadrupled halved".split()
)
_FRACTION_VALUE = {"half": 50.0, "third": 33.33, "thirds": 66.67, "quarter": 25.0, "quarters": 75.0}

# --- periods ----------------------------------------------------------------------------------

_YEAR_EXPR = re.compile(
    r"\b(?:(?:in|for|during|throughout|as of|as at|by the end of|at the (?:start|end|beginning|"
    r"close) of|(?:first|second|last) (?:half|quarter) of|the (?:start|end|beginning) of)"
    r"[ \t]+(?:the[ \t]+(?:year|period)[ \t]+)?(?:\d{1,2}[ \t]+)?(?:(?-i:[A-Z][a-z]+)[ \t]+)?"
    r"|(?:the|its|this)[ \t]+(?=\d{4}[ \t]+(?-i:[a-z])))"
    r"(?P<y>(?:19|20)\d\d)(?:[ \t]*(?:-|–|/|to)[ \t]*(?P<y2>(?:19|20)?\d\d))?(?!\w|,\d)",
    re.IGNORECASE,
)


def _has_digit(text: str) -> bool:
    return any(d in text for d in "0123456789")


_ANY_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_RELATIVE_YEAR = re.compile(
    r"\b(?P<r>last year|the previous year|the past year|this (?:school |academic |calendar )?"
    r"year|the current year|next year|the end of the year)\b",
    re.IGNORECASE,
)
_CARRY_CUE = re.compile(
    r"\b(?:in (?:this|that) context|that year|the same year|during (?:the|this|that) "
    r"(?:visit|period|time|year)|at that time|of them|among them|of these|of those)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r";|,[ \t]+(?:and|but|while|whereas|with|compared|against|as against|versus|up from|"
    r"down from|of whom|of which)\b|\bwhile\b"
)


@dataclass(slots=True)
class _Cand:
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


def _value_of(m: re.Match[str]) -> float | None:
    if m.group("d"):
        return _digits_value(m.group("d"), m.group("ds"))
    return _words_value(m.group("w"))


def _is_year(m: re.Match[str], post: str) -> bool:
    d = m.group("d")
    if not d or m.group("ds") or not re.fullmatch(r"(?:1[89]|20)\d\d", d):
        return False
    nxt = _TOKEN.match(post.lstrip(" \t"))
    return not (nxt and nxt.group(0).lower() in _HEAD_UNIT) and not _PERCENT.match(post)


def _words(text: str) -> set[str]:
    """Lower-case words of a short text; a cheap prefilter before costlier regexes."""
    return {w.strip(_STRIP) for w in text.lower().replace("-", " ").split()}


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


_WORD_COMPOUND = re.compile(r"-(?!(?:years?|months?|weeks?|days?|hours?|fold|old)\b)[a-z]", re.I)


def _excluded(text: str, m: re.Match[str]) -> bool:
    """Symbols, article numbers, dates, times and ordinals are not figures."""
    s, e = m.start(), m.end()
    pre, post = text[max(0, s - 60) : s], text[e : e + 40]
    if post[:1] == "/" or (post[:1].isalpha() and not m.group("w")):
        return True
    chunk_start = max(pre.rfind(" "), pre.rfind("("), pre.rfind("\n"))
    if "/" in pre[chunk_start + 1 :]:
        return True  # "CRC/C/MDA/6-7": the 7 belongs to a document symbol
    if m.group("w") and _WORD_COMPOUND.match(post):
        return True  # "twenty-third", "one-stop"
    if pre.rstrip(" \t").lower().endswith((" per", "(per")):
        return True  # "per 100,000 live births" is the base of a rate
    if (pre.endswith("(") and post.startswith(")")) or re.match(r"-?fold\b", post, re.I):
        return True
    words = _words(pre)
    if words & _NOT_A_FIGURE_WORDS and _NOT_A_FIGURE_BEFORE.search(pre):
        return True
    if words & _MONTH_WORDS and _DATE_BEFORE.search(pre):
        return True
    if _DATE_AFTER.match(post) or _TIME_AFTER.match(post):
        return True
    tail = pre.rstrip(" \t")
    return tail.endswith(":") and tail[-2:-1].isdigit()


_PARTITIVE = re.compile(
    r"[ \t]+of[ \t]+(?:these|those|the|its|their|such)[ \t]+(?:(?:around|about|some|over|"
    r"nearly|almost|approximately)[ \t]+)?(?:[\d,.]+[ \t]+)?",
    re.IGNORECASE,
)
_COPULA_HEAD = re.compile(r"[ \t]+(?:were|was|are|is)[ \t]+(?P<w>[^\W\d_][\w-]*)\b")


def _noun_run(text: str, pos: int, limit: int) -> tuple[list[str], int]:
    """Words of the noun phrase that follows a number, and where it ends."""
    words: list[str] = []
    end = pos
    i = pos
    m_of = _PARTITIVE.match(text, pos, limit)
    if m_of:
        i = m_of.end()
    while len(words) < 4:
        j = i
        while j < limit and text[j] in " \t":
            j += 1
        tok = _TOKEN.match(text, j, limit)
        if not tok or (j == i and words):
            break
        w = tok.group(0)
        lw = w.lower()
        if not words and lw in _LEADING_SKIP:
            i = tok.end()
            continue
        if lw in _STOP:
            break
        if (
            lw not in _HEAD_UNIT
            and lw not in _ING_NOUNS
            and len(lw) > 4
            and (lw.endswith("ed") or lw.endswith("ing"))
        ):
            nxt = _TOKEN.match(text, tok.end() + 1, limit)
            spaced = text[tok.end() : tok.end() + 1] == " " and nxt is not None
            nw = nxt.group(0).lower() if nxt else ""
            adjective = spaced and (
                nw in _HEAD_UNIT
                or (not words and nw not in _STOP and not nw.endswith(("ed", "ing")))
            )
            if not adjective:
                break  # "1,100 serving officers", "1,150 polling places" go on; "500 sent" stops
        words.append(w)
        i = end = tok.end()
        if lw in _HEAD_UNIT and (len(words) > 1 or lw in _GENERIC_HEADS):
            # "5,000 Kyrgyz citizens had" / "263 children aged": the head closes the phrase.
            nxt = _TOKEN.match(text, i + 1, limit) if text[i : i + 1] == " " else None
            if not nxt or nxt.group(0).lower() not in _HEAD_UNIT:
                break
    return words, end


_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ese|ians?|ans|is|ites|ois|ais|iks|eks|khs|ers)")


def _unit_from_head(words: list[str]) -> str | None:
    """The unit named by the last word of a noun phrase ("700 police stations" counts
    stations, not police)."""
    unit = _HEAD_UNIT.get(words[-1].lower()) if words else None
    if unit:
        return unit
    if words and _DEMONYM.fullmatch(words[-1]):
        return "people"  # "3.1 million Senegalese", "40,000 Uzbeks"
    return "other" if words else None


def _scan(low: str, needles: Iterable[str], *, digits: bool = False) -> list[int]:
    """Sorted offsets where a needle starts a word (or a digit starts a run).

    `str.find` is some fifty times faster than a regular-expression scan of the whole text,
    so the expensive patterns run only where a number can start.
    """
    found: set[int] = set()
    for needle in needles:
        i = low.find(needle)
        while i != -1:
            before = low[i - 1] if i else " "
            if digits:
                if not (before.isdigit() or before in ",."):
                    found.add(i)
            elif not before.isalpha():
                found.add(i)
            i = low.find(needle, i + 1)
    return sorted(found)


def _number_matches(text: str, starts: list[int], s0: int, s1: int) -> list[re.Match[str]]:
    out: list[re.Match[str]] = []
    end = s0
    for pos in starts[bisect_left(starts, s0) : bisect_left(starts, s1)]:
        if pos < end:
            continue
        m = _NUMBER.match(text, pos, s1)
        if m:
            out.append(m)
            end = m.end()
    return out


def _candidates(
    text: str, s0: int, s1: int, starts: list[int], hinted: bool, iso3: str | None = None
) -> list[_Cand]:
    """All figures of one sentence text[s0:s1], in order, with value, unit and qualifier."""
    out: list[_Cand] = []
    numbers = _number_matches(text, starts, s0, s1)
    skip: set[int] = set()
    for k, m in enumerate(numbers):
        if k in skip:
            continue
        s, e = m.start(), m.end()
        post = text[e:s1]
        if _excluded(text, m):
            continue
        if _is_year(m, post):
            # A year range ("2021-2030") swallows its second year too.
            if k + 1 < len(numbers) and _RANGE_JOIN.match(text[e : numbers[k + 1].start()]):
                skip.add(k + 1)
            continue
        value = _value_of(m)
        if value is None:
            continue
        cand = _Cand(start=s, end=e, value=value)
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
                and not _excluded(text, n2)
                and (v2 := _value_of(n2)) is not None
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
        if lone_one and not (_TIME_UNIT.match(post) or _PERCENT.match(post) or _head_follows(post)):
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
            cur = _CURRENCY_BEFORE.search(pre)
            if (
                cur
                and cur.group("c") not in _CURRENCY_SYMBOL
                and cur.group("c") not in _ISO_CURRENCIES
            ):
                cur = None
            if cur:
                c = cur.group("c")
                cand.unit = _CURRENCY_SYMBOL.get(c, c.lower())
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
            if p := _PERCENT.match(post):
                cand.unit, cand.tail_end = "percent", e + p.end()
            elif t := _TIME_UNIT.match(post):
                cand.unit = _TIME_UNITS[t.group("u").lower().rstrip("s")]
                cand.tail_end = e + t.end()
                if t.group(0).startswith("-"):  # "two-year project": include the noun
                    words, end = _noun_run(text, cand.tail_end, s1)
                    cand.tail_end = end if words else cand.tail_end
                    cand.head = words
            else:
                if found := _currency_after(post, iso3):
                    cand.unit, cand.tail_end = found[0], e + found[1]
        if cand.unit is None:
            words, end = _noun_run(text, e, s1)
            cand.head = words
            cand.unit = _unit_from_head(words)
            cand.tail_end = end if words else e
            if not words and (cop := _COPULA_HEAD.match(text, e, s1)):
                cand.unit = _HEAD_UNIT.get(cop.group("w").lower())  # "64 were women"
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


def _head_follows(post: str) -> bool:
    tok = _TOKEN.match(post.lstrip(" \t"))
    return bool(tok and tok.group(0).lower() in _HEAD_UNIT)


def _word_figures(text: str, s0: int, s1: int, taken: list[_Cand]) -> list[_Cand]:
    """Multipliers ("tripled") and fractions ("half of the amount")."""
    out: list[_Cand] = []
    for m in _MULTIPLIER.finditer(text, s0, s1):
        word = m.group("m").lower()
        value = _MULTIPLIER_VALUE.get(word) or _words_value(m.group("n") or "")
        if value:
            out.append(
                _Cand(
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
        words, end = _noun_run(text, m.end() - 1, s1)
        out.append(
            _Cand(
                start=m.start(),
                end=m.end(),
                value=_FRACTION_VALUE[key],
                unit="percent",
                head=words,
                tail_end=end if words else m.end(),
            )
        )
    return out


def _years_in(text: str, s0: int, s1: int, year: int | None) -> list[tuple[int, str]]:
    """(offset, period) of every year expression of a sentence."""
    found: list[tuple[int, str]] = []
    sentence = text[s0:s1]
    has_year = _ANY_YEAR.search(sentence) is not None if _has_digit(sentence) else False
    for m in _YEAR_EXPR.finditer(text, s0, s1) if has_year else ():
        y = m.group("y")
        y2 = m.group("y2")
        if y2:
            y2 = y2 if len(y2) == 4 else y[:2] + y2
            found.append((m.start(), f"{y}-{y2}" if y2 > y else y))
        else:
            found.append((m.start(), y))
    if year and "year" in sentence.lower():
        for m in _RELATIVE_YEAR.finditer(text, s0, s1):
            r = m.group("r").lower()
            if r == "the past year":  # a rolling twelve months, not a calendar year
                continue
            delta = -1 if r in ("last year", "the previous year") else 1 if r == "next year" else 0
            found.append((m.start(), str(year + delta)))
    found.sort()
    return found


def _assign_periods(
    text: str,
    s0: int,
    s1: int,
    cands: list[_Cand],
    years: list[tuple[int, str]],
    carried: str | None,
) -> None:
    """Each figure takes the year of its own clause, following first, then preceding."""
    breaks = [s0, *(s0 + m.start() for m in _CLAUSE_BREAK.finditer(text[s0:s1])), s1]
    for c in cands:
        lo = max(b for b in breaks if b <= c.start)
        hi = min(b for b in breaks if b > c.start) if any(b > c.start for b in breaks) else s1
        after = [p for off, p in years if c.end <= off < hi]
        before = [p for off, p in years if lo <= off < c.start]
        earlier = [p for off, p in years if off < c.start]
        if after:
            c.period = after[0]
        elif before:
            c.period = before[-1]
        elif earlier:
            c.period = earlier[-1]
        elif years:
            c.period = None
        else:
            c.period = carried


# --- subjects -----------------------------------------------------------------------------

_SUBJECT_STOP = re.compile(
    r"(?:the|a|an|some|its|their|this|these|those|there|it|of|with|and|by|in|on|for|to|"
    r"currently|now|also|only)\b[ \t]*",
    re.IGNORECASE,
)
_VERBISH = re.compile(
    r"\b(?:was|were|is|are|had|has|have|been|be|would|will|could|represented|reached|"
    r"received|stood|amounted|totalled|totaled|numbered|held|provided|included|covered|"
    r"accounted|reported|approved|set|fixed|applied|affected)\b",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(
    r"[;:]|,[ \t]+(?:and|but|with|while)\b|\b(?:that|said|stated|noted|explained|added|"
    r"asked|indicated|reported|where|which|who)\b"
)
_LEADING_ADVERBIAL = re.compile(
    r"[ \t]*(?:(?:In|For|At|During|Since|By|As of|Within|Regarding|According to)\b[^,]*,|"
    r"(?:This|Last|Next|Every|Each) year,?|[A-Z][a-z]+ly,?|Now,|Earlier,)[ \t]*"
)
# A word of a noun phrase: not a function word, not a participle ("suffering from"); an -ing
# word that ends the phrase is a noun ("cases of people smuggling.").
_NP_WORD = (
    r"(?!(?:{stop})\b)(?![a-z]+ed\b)(?![a-z]+ing\b(?![ \t]*(?:[,.;:)]|and\b|or\b)))"
    r"[^\W\d][\w’'-]*"
)
_NP_STOP = (
    "who|which|that|were|was|had|have|has|in|to|and|or|but|by|from|with|on|at|for|being|up|"
    "as|than|while|whereas|if|because|since|during|into|over|under|per|each|this|these|those|"
    "also|not|would|will|could|should|can|may|there|they|it|its|their"
)
_CONTINUE = re.compile(
    r"[ \t]+(?:of|for|from|with|in|on|regarding|against|about|among)[ \t]+"
    r"(?:(?:the|a|an|these|those|its|their|such)[ \t]+)?(?P<np>"
    + _NP_WORD.format(stop=_NP_STOP)
    + r"(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?"
    + _NP_WORD.format(stop=_NP_STOP)
    + r"){0,3})",
    re.IGNORECASE,
)
_PARTICIPLE = re.compile(
    r"[ \t]+(?:(?:were|was|are|is|had been|have been|has been|being)[ \t]+)?"
    r"(?P<p>(?!(?:regarding|concerning|including|following|during|according|being)\b)"
    r"[a-z]+(?:ing|ed)|left|held|born|sent|kept|met)\b(?P<rest>(?:[ \t]+(?!(?:who|which|that|"
    r"were|was|had|have|has|and|but|with|being|because|while|when)\b)[^\W\d][\w’'-]*){0,5})"
)
_PRONOUN_TAIL = re.compile(
    r"[ \t]+of[ \t]+(?:them|whom|these|those)\b(?:[ \t]+(?:being|were|was|are|is|had been)"
    r"(?:[ \t]+(?:in|on|at))?)?(?P<rest>(?:[ \t]+[^\W\d][\w’'-]*){0,3})",
    re.IGNORECASE,
)
_PRONOUNS = frozenset("it this they these that he she".split())
_PAST_VERBS = frozenset(
    """foresaw saw gave took made had said got went came became grew fell rose set put kept held
    left found brought met paid sent spent won lost built was were is are be been""".split()
)
_PREPOSITIONS = frozenset(
    "of for with to by from in on at about over under below above up aged age than".split()
)


def _clause_subject(text: str, s0: int, pos: int, prev_sentence: tuple[int, int] | None) -> str:
    """The grammatical subject of the clause that ends at `pos` ("The economically active
    population was about ..." gives "economically active population"), or ""; a pronoun
    subject ("For 2023, it was 16,000") is resolved to the previous sentence's subject."""
    clause = text[max(s0, pos - 160) : pos]
    clause = _CLAUSE_START.split(clause)[-1]
    if m := _LEADING_ADVERBIAL.match(clause):
        clause = clause[m.end() :]
    v = _VERBISH.search(clause)
    before = clause[: v.start()].strip(" \t,") if v else ""
    if before.lower() in _PRONOUNS and prev_sentence:
        p0, p1 = prev_sentence
        first = _VERBISH.search(text, p0, p1)
        return _clause_subject(text, p0, first.end(), None) if first else ""
    while before and (stop := _SUBJECT_STOP.match(before)) and stop.end():
        before = before[stop.end() :]
    words = before.split()
    return " ".join(words) if 0 < len(words) <= 8 else ""


def _preceding_np(text: str, s0: int, pos: int) -> str:
    """The noun phrase just before a figure: "limiting the migration of women below the age
    of 23" gives "migration of women"; used for ages and durations."""
    words = text[max(s0, pos - 80) : pos].replace(",", " , ").split()
    while words and words[-1].lower() in _PREPOSITIONS:
        words.pop()
    out: list[str] = []
    for w in reversed(words):
        lw = w.lower()
        if (
            len(out) >= 4
            or lw == ","
            or any(ch.isdigit() for ch in lw)
            or lw in _PAST_VERBS
            or (lw in _PREPOSITIONS and lw != "of")
            or (len(lw) > 4 and (lw.endswith("ed") or lw.endswith("ing")) and lw not in _ING_NOUNS)
        ):
            break
        if lw in ("the", "a", "an", "its", "their", "these", "those", "such"):
            break
        out.append(w)
    while out and out[-1].lower() == "of":
        out.pop()
    return " ".join(reversed(out))


def _subject(
    text: str, s0: int, c: _Cand, previous: str | None, prev_sentence: tuple[int, int] | None
) -> str:
    """A short noun phrase naming what the figure counts, built from the words around it."""
    head = [w for w in (c.head or []) if w.lower() not in _STOP]
    after = max(c.end, c.tail_end)
    phrase = " ".join(head)
    if p := _PRONOUN_TAIL.match(text, after):
        # "60 per cent of them being women": what "them" stands for comes first.
        rest_words = p.group("rest").split()
        while rest_words and rest_words[-1].lower() in _STOP:
            rest_words.pop()
        rest = " ".join(rest_words)
        base = previous or _clause_subject(text, s0, c.start, prev_sentence)
        if rest.endswith("ed") and base:
            return f"{base} {rest}"  # "9 of them had been referred": officers referred
        return f"{rest} among {base}" if rest and base else base or rest or c.unit or ""
    if c.unit in ("years", "months", "weeks", "days", "hours") and not head:
        np = _preceding_np(text, s0, c.start)
        if m := _CONTINUE.match(text, after):
            np = f"{np} {m.group(0).strip()}".strip()
        if np:
            return np
    generic = all(w.lower() in _GENERIC_HEADS for w in head)
    if generic and (part := _PARTICIPLE.match(text, after)):
        tail_words = part.group("rest").split()
        while tail_words and tail_words[-1].lower() in _PREPOSITIONS:
            tail_words.pop()
        participle = " ".join([part.group("p"), *tail_words])
        base = phrase or (c.unit if c.unit in _HEADS else "")
        phrase = f"{base} {participle}".strip()
        after = part.end()
        generic = False
    if m := _CONTINUE.match(text, after):
        phrase = f"{phrase} {m.group(0).strip()}" if phrase else m.group("np")
        generic = False
    before = _clause_subject(text, s0, c.start, prev_sentence)
    if not phrase:
        return before or previous or c.unit or ""
    if generic:
        return before or previous or phrase
    if before and c.unit == "percent":
        return f"{before} among {phrase}"
    return f"{phrase} ({before})" if before and before.lower() not in phrase.lower() else phrase


_SUBJECT_CUT = re.compile(
    r"[ \t]+(?:in|at|on|for|from|with|to|by|among|under|who|which|that)\b|[(:]"
)


def _subject_unit(subject: str) -> str | None:
    """The unit named by a subject's head noun: "number of children in residential
    institutions" counts children, "prison population" counts people."""
    words = _SUBJECT_CUT.split(subject, maxsplit=1)[0].split()
    return _HEAD_UNIT.get(words[-1].lower()) if words else None


def _unit_of_subject(figures: list[Figure], subject: str) -> str | None:
    """The unit of the latest earlier figure whose subject names the same thing."""
    words = [w for w in subject.lower().split() if len(w) > 3]
    if not words:
        return None
    for f in reversed(figures[-30:]):
        if f.unit != "date" and words[-1] in f.subject.lower().split():
            return f.unit
    return None


# --- stage --------------------------------------------------------------------------------


def run(review: Review, settings: Settings) -> Review:
    """Find every figure of the body paragraphs."""
    doc = review.document
    text = flat_text(review)
    year = review.metadata.year if review.metadata else None
    state = review.metadata.state_party if review.metadata else None
    iso3 = state.iso3 if state else None
    turns = turns_by_paragraph(review)
    figures: list[Figure] = []
    body = body_paragraphs(review)
    if not body:
        return replace(review, figures=())
    # Where numbers may start, found once for the body with str.find (see _scan).
    b0, b1 = min(p.start for p in body), max(p.end for p in body)
    low = lower_keeping_offsets(text[b0:b1])
    starts = _scan(low, "0123456789", digits=True)
    starts = [b0 + i for i in sorted({*starts, *_scan(low, NUMBER_WORDS)})]
    hints = [b0 + i for i in _scan(low, _WORD_FIGURE_HINTS)]
    for para in body:
        turn = turns.get(para.index)
        spans = paragraph_sentences(review, para)
        voices = sentence_speakers(review, para, turn, len(spans))
        prev_unit: str | None = None
        prev_subject: str | None = None
        prev_sentence: tuple[int, int] | None = None
        prev_years: list[tuple[int, str]] = []
        for (s0, s1), (side, speaker) in zip(spans, voices, strict=True):
            i, j = bisect_left(hints, s0), bisect_left(starts, s0)
            hinted = i < len(hints) and hints[i] < s1
            numbered = j < len(starts) and starts[j] < s1
            if not (hinted or numbered or "year" in text[s0:s1].lower()):
                prev_years, prev_sentence = [], (s0, s1)
                continue
            cands = _candidates(text, s0, s1, starts, hinted, iso3)
            years = _years_in(text, s0, s1, year)
            carried = prev_years[-1][1] if prev_years and _CARRY_CUE.search(text, s0, s1) else None
            if cands:
                _assign_periods(text, s0, s1, cands, years, carried)
            prev_years = years
            prev_sentence_here = prev_sentence
            prev_sentence = (s0, s1)
            sentence_unit: str | None = None
            sentence_subject: str | None = None
            for c in cands:
                c.subject = _subject(
                    text, s0, c, sentence_subject or prev_subject, prev_sentence_here
                )
                if c.unit is None:
                    # "more than 1 million of them", "121 sent to court", "For 2024, 25,000.",
                    # or, in a later paragraph, "the quota was 12,000" after a quota in workers.
                    c.unit = (
                        sentence_unit
                        or _subject_unit(c.subject)
                        or prev_unit
                        or _unit_of_subject(figures, c.subject)
                        or "other"
                    )
                sentence_unit = prev_unit = c.unit
                sentence_subject = prev_subject = c.subject
                start, end = c.start, max(c.end, c.tail_end)
                line = doc.line_of(c.start)
                line_end = doc.line_starts[line] - 1 if line < len(doc.line_starts) else len(text)
                end = min(end, line_end)
                figures.append(
                    Figure(
                        line=line,
                        start=start,
                        end=end,
                        mention=text[start:end],
                        value=None if c.value is None else _clean(c.value),
                        value_min=None if c.value_min is None else _clean(c.value_min),
                        value_max=None if c.value_max is None else _clean(c.value_max),
                        qualifier=c.qualifier,
                        unit=c.unit,
                        subject=c.subject,
                        period=c.period,
                        side=side,
                        speaker=speaker,
                        paragraph=para.index,
                    )
                )
    return replace(review, figures=tuple(figures))
