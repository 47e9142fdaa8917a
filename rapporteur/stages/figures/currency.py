"""Currencies named with a figure: "2.5 billion dollars", "CFA francs", "18 millions d’euros".

A name that several States use ("pesos", "francs", "lei") is resolved by the State party
under review, else by the most common reading. English puts the adjective first ("Swiss
francs") and is read by the tables below; French and Spanish put the name first ("francs
suisses", "dólares estadounidenses") and are read from their lexicon's [currencies].
"""

from __future__ import annotations

import re

from .lexicon import Currencies

# English currency names after a number; the State tables serve every language.
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


def currency_named(post: str, iso3: str | None, cues: Currencies) -> tuple[str, int] | None:
    """(code, length) of a currency named noun first right after a number ("d’euros",
    "francs CFA", "dólares estadounidenses"), or written as its ISO code, if any."""
    m = cues.after.match(post)
    if m:
        name = " ".join(m.group("w").lower().split())
        qual = " ".join((m.group("q") or "").lower().split())
        code = cues.qualified.get(f"{name} {qual}") if qual else None
        end = m.end() if code else m.end("w")
        code = code or cues.names.get(name)
        if code == "@cfa":
            code = "xaf" if _CURRENCY_BY_STATE["franc"].get(iso3 or "") == "xaf" else "xof"
        elif code and code.startswith("@"):
            table = _CURRENCY_BY_STATE[code[1:]]
            code = table.get(iso3 or "", table[""])
        if code:
            return code, end
    iso = _ISO_AFTER.match(post)
    if iso and iso.group("c") in ISO_CURRENCIES:
        return iso.group("c").lower(), iso.end()
    return None


def currency_of(post: str, iso3: str | None, cues: Currencies | None) -> tuple[str, int] | None:
    """The currency after a number in the lexicon's language (English when `cues` is None)."""
    return currency_after(post, iso3) if cues is None else currency_named(post, iso3, cues)
