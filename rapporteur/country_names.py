"""State names in French and Spanish, resolved to ISO 3166 codes.

ISO's French and Spanish names come from pycountry's own translations (gettext catalogues
"iso3166-1"); ISO writes some of them inverted ("Corée, République de"), which are read both
ways. The UN's names differ from ISO's here and there ("République-Unie de Tanzanie",
"Kenya" in Spanish, "Venezuela (République bolivarienne du)"), so they are added from each
language's data file (`[states]` of metadata.toml). A record names a State with a preposition
and an article ("du Kenya", "de la République de Corée", "del Perú"): they are skipped here, and
the name is quoted as written.

English names stay in `rapporteur.reference`, whose index is English only.
"""

from __future__ import annotations

import gettext
import re
from functools import cache

from .languages import cues
from .reference import fold

_WORDS = re.compile(r"[\w'’-]+|\([^)]*\)")


def _uninverted(name: str) -> str | None:
    """ "Corée, République de" -> "République de Corée"; "Iran, République islamique d'" ->
    "République islamique d'Iran"; None when the name is not inverted."""
    head, sep, tail = name.partition(", ")
    if not sep or "," in tail:
        return None
    joiner = "" if tail.endswith("'") or tail.endswith("’") else " "
    return f"{tail}{joiner}{head}"


@cache
def _index(language: str) -> tuple[dict[str, tuple[str, str]], int]:
    """folded name -> (display name, alpha-3) for one language; and the longest in words."""
    import pycountry

    try:
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        catalogue = None
    index: dict[str, tuple[str, str]] = {}
    # The UN's own names first: they are also the display names.
    for name, code in cues("metadata", language).get("states", {}).items():
        index.setdefault(fold(name), (name, code))
    display: dict[str, str] = {}
    for name, code in index.values():
        display.setdefault(code, name)
    if catalogue is not None:
        for c in pycountry.countries:
            shown = display.get(c.alpha_3)
            for attr in ("common_name", "name", "official_name"):
                value = getattr(c, attr, None)
                if not value:
                    continue
                local = catalogue.gettext(value)
                forms = [local, _uninverted(local), re.sub(r"\s*\([^)]*\)$", "", local)]
                for form in forms:
                    if form:
                        shown = shown or (_uninverted(form) or form)
                        index.setdefault(fold(form), (shown, c.alpha_3))
    longest = max((len(k.split()) for k in index), default=1)
    return index, longest


def _after_articles(text: str, language: str) -> list[str]:
    """The text after a leading preposition and article ("de la ", "du ", "del "), then after
    the preposition only, then as given: "de El Salvador" keeps its article."""
    data = cues("metadata", language).get("report", {})
    words = sorted(
        [*data.get("prepositions", ()), *data.get("articles", ())], key=len, reverse=True
    )
    forms = [text]
    t = text
    for _ in range(2):  # a preposition, then an article
        low = t.lower().replace("’", "'")
        w = next(
            (
                w
                for w in words
                if low.startswith(w) and (w.endswith("'") or low[len(w) : len(w) + 1].isspace())
            ),
            None,
        )
        if w is None:
            break
        t = t[len(w) :].lstrip()
        forms.append(t)
    return forms[::-1]


def country_at(text: str, language: str) -> tuple[str, str, int] | None:
    """The State named at the start of `text` in `language`: (name as written, alpha-3,
    characters used), after any preposition and article."""
    index, longest = _index(language)
    stripped = text.strip()
    for t in _after_articles(stripped, language):
        skipped = len(text) - len(t)
        words = list(_WORDS.finditer(t[:400]))[:longest]
        # Folding word by word gives what folding the whole name does (what separates the
        # words folds to a space), at a fraction of the cost.
        folded = [fold(w.group(0)) for w in words]
        for n in range(len(words), 0, -1):
            hit = index.get(" ".join(f for f in folded[:n] if f))
            if hit:
                end = words[n - 1].end()
                return t[:end], hit[1], skipped + end
    return None


def find_countries(text: str, language: str) -> list[tuple[int, str, str]]:
    """Every State named in `text`: (offset, name as written, alpha-3), left to right."""
    out = []
    for m in re.finditer(r"\b[A-ZÀ-ÖØ-Þ][\w'’-]*", text):
        hit = country_at(text[m.start() :], language)
        if hit:
            out.append((m.start(), hit[0], hit[1]))
    return out


def country_name(code: str, language: str) -> str | None:
    """The name of the State with this ISO code in `language` (the UN's, else ISO's)."""
    index, _ = _index(language)
    return next((name for name, c in index.values() if c == code), None)
