"""Units of the figures stage: what a number counts, from the words that follow it.

A per cent sign, a currency (resolved by the State party when several States share its
name), a duration, or the head noun of the phrase after the number ("700 police stations"
counts stations). The word tables here are shared with the subjects of figures.
"""

from __future__ import annotations

import re

PERCENT = re.compile(r"^[ \t]*(?:per[ \t]?cent\b|percent\b|%|percentage points?\b)", re.I)
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
ISO_CURRENCIES = frozenset(
    "USD EUR GBP CHF JPY CNY RUB KZT KGS UZS TJS TMT AZN AMD GEL UAH MDL RON BGN PLN HUF CZK "
    "SEK NOK DKK ISK TRY INR PKR BDT LKR NPR AFN IRR IQD SAR AED QAR KWD BHD OMR JOD EGP MAD "
    "DZD TND LYD NGN GHS XOF XAF ZAR KES UGX TZS ETB MXN BRL ARS CLP COP PEN BOB PYG UYU VES "
    "GTQ HNL NIO CRC DOP CUP PHP IDR MYR THB VND KRW AUD CAD NZD HKD SGD".split()
)
_ISO_AFTER = re.compile(r"[ \t]*(?P<c>[A-Z]{3})\b")
CURRENCY_BEFORE = re.compile(r"(?P<c>US\$|\$|€|£|[A-Z]{3})[ \t]*$")
CURRENCY_SYMBOL = {"US$": "usd", "$": "usd", "€": "eur", "£": "gbp"}


def currency_after(post: str, iso3: str | None) -> tuple[str, int] | None:
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
    if iso and iso.group("c") in ISO_CURRENCIES:
        return iso.group("c").lower(), iso.end()
    return None


TIME_UNIT = re.compile(
    r"^(?:[ \t]*|-)(?P<u>years?|months?|weeks?|days?|hours?)(?:[ \t-]old)?\b", re.IGNORECASE
)
TIME_UNITS = {"year": "years", "month": "months", "week": "weeks", "day": "days", "hour": "hours"}

HEADS = {
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
HEAD_UNIT = {w: unit for unit, words in HEADS.items() for w in words.split()}
# Heads that say only what is counted: the subject must come from the rest of the clause.
GENERIC_HEADS = frozenset(
    "people persons person individuals citizens nationals cases families children workers".split()
)
STOP = frozenset(
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
ING_NOUNS = frozenset(
    """meetings hearings proceedings buildings trainings findings sittings earnings savings
    dwellings offspring beings housing funding training building meeting hearing screening
    spring wedding""".split()
)
TOKEN = re.compile(r"[^\W\d_][\w’'-]*", re.UNICODE)


_PARTITIVE = re.compile(
    r"[ \t]+of[ \t]+(?:these|those|the|its|their|such)[ \t]+(?:(?:around|about|some|over|"
    r"nearly|almost|approximately)[ \t]+)?(?:[\d,.]+[ \t]+)?",
    re.IGNORECASE,
)
COPULA_HEAD = re.compile(r"[ \t]+(?:were|was|are|is)[ \t]+(?P<w>[^\W\d_][\w-]*)\b")


def noun_run(text: str, pos: int, limit: int) -> tuple[list[str], int]:
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
        tok = TOKEN.match(text, j, limit)
        if not tok or (j == i and words):
            break
        w = tok.group(0)
        lw = w.lower()
        if not words and lw in _LEADING_SKIP:
            i = tok.end()
            continue
        if lw in STOP:
            break
        if (
            lw not in HEAD_UNIT
            and lw not in ING_NOUNS
            and len(lw) > 4
            and (lw.endswith("ed") or lw.endswith("ing"))
        ):
            nxt = TOKEN.match(text, tok.end() + 1, limit)
            spaced = text[tok.end() : tok.end() + 1] == " " and nxt is not None
            nw = nxt.group(0).lower() if nxt else ""
            adjective = spaced and (
                nw in HEAD_UNIT or (not words and nw not in STOP and not nw.endswith(("ed", "ing")))
            )
            if not adjective:
                break  # "1,100 serving officers", "1,150 polling places" go on; "500 sent" stops
        words.append(w)
        i = end = tok.end()
        if lw in HEAD_UNIT and (len(words) > 1 or lw in GENERIC_HEADS):
            # "5,000 Kyrgyz citizens had" / "263 children aged": the head closes the phrase.
            nxt = TOKEN.match(text, i + 1, limit) if text[i : i + 1] == " " else None
            if not nxt or nxt.group(0).lower() not in HEAD_UNIT:
                break
    return words, end


_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ese|ians?|ans|is|ites|ois|ais|iks|eks|khs|ers)")


def unit_from_head(words: list[str]) -> str | None:
    """The unit named by the last word of a noun phrase ("700 police stations" counts
    stations, not police)."""
    unit = HEAD_UNIT.get(words[-1].lower()) if words else None
    if unit:
        return unit
    if words and _DEMONYM.fullmatch(words[-1]):
        return "people"  # "3.1 million Senegalese", "40,000 Uzbeks"
    return "other" if words else None


def head_follows(post: str) -> bool:
    tok = TOKEN.match(post.lstrip(" \t"))
    return bool(tok and tok.group(0).lower() in HEAD_UNIT)
