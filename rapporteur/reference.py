"""Reference data: the ten treaty bodies and State names as the UN writes them.

Country codes come from pycountry (ISO 3166); the UN's own spellings ("Türkiye", "Republic
of Korea", "Bolivarian Republic of Venezuela") and the short forms used in press releases
("Venezuela", "Bolivia") are added on top, because ISO's names ("Korea, Republic of") are
not how a treaty-body record names a State.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class TreatyBody:
    acronym: str
    name: str
    names: tuple[str, ...]  # every way a record names the committee, longest first
    code_prefixes: tuple[str, ...]  # release-code and symbol prefixes


TREATY_BODIES: tuple[TreatyBody, ...] = (
    TreatyBody(
        "CMW",
        "Committee on the Protection of the Rights of All Migrant Workers and "
        "Members of Their Families",
        (
            "Committee on the Protection of the Rights of All Migrant Workers and Members of "
            "their Families",
            "Committee on the Rights of Migrant Workers",
            "Committee on Migrant Workers",
            "Migrant Workers Committee",
        ),
        ("CMW",),
    ),
    TreatyBody(
        "CRC",
        "Committee on the Rights of the Child",
        ("Committee on the Rights of the Child", "Child Rights Committee"),
        ("CRC",),
    ),
    TreatyBody(
        "CEDAW",
        "Committee on the Elimination of Discrimination against Women",
        (
            "Committee on the Elimination of Discrimination against Women",
            "Committee on the Elimination of All Forms of Discrimination against Women",
        ),
        ("CEDAW",),
    ),
    TreatyBody(
        "CERD",
        "Committee on the Elimination of Racial Discrimination",
        ("Committee on the Elimination of Racial Discrimination",),
        ("CERD",),
    ),
    TreatyBody("CAT", "Committee against Torture", ("Committee against Torture",), ("CAT",)),
    TreatyBody("CCPR", "Human Rights Committee", ("Human Rights Committee",), ("CCPR", "HRCT")),
    TreatyBody(
        "CESCR",
        "Committee on Economic, Social and Cultural Rights",
        ("Committee on Economic, Social and Cultural Rights",),
        ("CESCR", "ESC", "E/C.12"),
    ),
    TreatyBody(
        "CRPD",
        "Committee on the Rights of Persons with Disabilities",
        ("Committee on the Rights of Persons with Disabilities",),
        ("CRPD",),
    ),
    TreatyBody(
        "CED",
        "Committee on Enforced Disappearances",
        ("Committee on Enforced Disappearances",),
        ("CED",),
    ),
    TreatyBody(
        "SPT",
        "Subcommittee on Prevention of Torture and other Cruel, Inhuman or "
        "Degrading Treatment or Punishment",
        ("Subcommittee on Prevention of Torture", "Subcommittee on the Prevention of Torture"),
        ("SPT", "CAT/OP"),
    ),
)
BY_ACRONYM = {tb.acronym: tb for tb in TREATY_BODIES}

# UN spellings and short forms -> ISO 3166 alpha-3.
UN_NAMES = {
    "Türkiye": "TUR",
    "Turkey": "TUR",
    "Republic of Korea": "KOR",
    "South Korea": "KOR",
    "Democratic People's Republic of Korea": "PRK",
    "North Korea": "PRK",
    "Bolivarian Republic of Venezuela": "VEN",
    "Venezuela": "VEN",
    "Plurinational State of Bolivia": "BOL",
    "Bolivia": "BOL",
    "Islamic Republic of Iran": "IRN",
    "Iran": "IRN",
    "Republic of Moldova": "MDA",
    "Moldova": "MDA",
    "Russian Federation": "RUS",
    "Russia": "RUS",
    "Syrian Arab Republic": "SYR",
    "Syria": "SYR",
    "United Republic of Tanzania": "TZA",
    "Tanzania": "TZA",
    "United States of America": "USA",
    "United States": "USA",
    "United Kingdom of Great Britain and Northern Ireland": "GBR",
    "United Kingdom": "GBR",
    "Lao People's Democratic Republic": "LAO",
    "Laos": "LAO",
    "Viet Nam": "VNM",
    "Vietnam": "VNM",
    "Democratic Republic of the Congo": "COD",
    "Congo": "COG",
    "Republic of the Congo": "COG",
    "Côte d'Ivoire": "CIV",
    "Cote d'Ivoire": "CIV",
    "Czechia": "CZE",
    "Czech Republic": "CZE",
    "Sao Tome and Principe": "STP",
    "São Tomé and Príncipe": "STP",
    "Cabo Verde": "CPV",
    "Cape Verde": "CPV",
    "Eswatini": "SWZ",
    "Swaziland": "SWZ",
    "North Macedonia": "MKD",
    "the former Yugoslav Republic of Macedonia": "MKD",
    "State of Palestine": "PSE",
    "Palestine": "PSE",
    "Micronesia (Federated States of)": "FSM",
    "Federated States of Micronesia": "FSM",
    "Brunei Darussalam": "BRN",
    "Brunei": "BRN",
    "Holy See": "VAT",
    "Kyrgyz Republic": "KGZ",
    "Gambia": "GMB",
    "the Gambia": "GMB",
    "Bahamas": "BHS",
    "the Bahamas": "BHS",
    "Netherlands": "NLD",
    "Kingdom of the Netherlands": "NLD",
    "Philippines": "PHL",
    "the Philippines": "PHL",
    "Niger": "NER",
    "Sudan": "SDN",
    "South Sudan": "SSD",
    "Timor-Leste": "TLS",
    "Myanmar": "MMR",
    "Libya": "LBY",
    "Cyprus": "CYP",
    "Ireland": "IRL",
}
_ARTICLE = re.compile(r"^the\s+", re.I)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").casefold()
    return " ".join(re.sub(r"[^\w' ]+", " ", text).split())


@lru_cache(maxsize=1)
def country_index() -> tuple[dict[str, tuple[str, str]], int]:
    """folded name -> (UN display name, alpha-3); and the longest name in words."""
    import pycountry

    index: dict[str, tuple[str, str]] = {}
    for c in pycountry.countries:
        display = getattr(c, "common_name", None) or c.name
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                index.setdefault(fold(value), (display, c.alpha_3))
    for name, code in UN_NAMES.items():
        display = next((n for n, cc in UN_NAMES.items() if cc == code), name)
        index[fold(_ARTICLE.sub("", name))] = (_PREFERRED.get(code, display), code)
    longest = max(len(k.split()) for k in index)
    return index, longest


_PREFERRED = {
    "TUR": "Türkiye",
    "KOR": "Republic of Korea",
    "VEN": "Bolivarian Republic of Venezuela",
    "BOL": "Plurinational State of Bolivia",
    "RUS": "Russian Federation",
    "GBR": "United Kingdom",
    "USA": "United States",
    "STP": "Sao Tome and Principe",
    "IRN": "Islamic Republic of Iran",
    "MDA": "Republic of Moldova",
    "VNM": "Viet Nam",
    "CZE": "Czechia",
    "CIV": "Côte d'Ivoire",
    "COD": "Democratic Republic of the Congo",
    "SYR": "Syrian Arab Republic",
    "TZA": "United Republic of Tanzania",
    "LAO": "Lao People's Democratic Republic",
    "KGZ": "Kyrgyzstan",
    "NLD": "Netherlands",
    "PHL": "Philippines",
    "GMB": "Gambia",
    "BHS": "Bahamas",
}


def country_at(text: str) -> tuple[str, str, int] | None:
    """The State named at the very start of `text`: (name as written, alpha-3, chars used)."""
    index, longest = country_index()
    t = _ARTICLE.sub("", text)
    skipped = len(text) - len(t)
    words = list(re.finditer(r"[\w'’-]+|\([^)]*\)", t))
    for n in range(min(longest, len(words)), 0, -1):
        end = words[n - 1].end()
        candidate = fold(t[:end])
        if candidate in index:
            return t[:end], index[candidate][1], skipped + end
    return None


def country_by_code(code: str) -> str | None:
    import pycountry

    if code in _PREFERRED:
        return _PREFERRED[code]
    c = pycountry.countries.get(alpha_3=code)
    if c is None:
        return None
    return getattr(c, "common_name", None) or c.name


def find_countries(text: str) -> list[tuple[int, str, str]]:
    """Every State named in `text`: (offset, name as written, alpha-3), left to right."""
    out = []
    for m in re.finditer(r"\b[A-Z][\w'’-]*", text):
        hit = country_at(text[m.start() :])
        if hit:
            out.append((m.start(), hit[0], hit[1]))
    return out
