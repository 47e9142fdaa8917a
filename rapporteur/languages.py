"""Which language a record's body is written in, and which languages rapporteur reads.

The body decides, not the page around it: the site's navigation ("Pasar al contenido
principal", "Aller au contenu") is a few words against thousands. English, French and Spanish
are told apart by their commonest function words in the first 8,000 characters (about a
millisecond); only a text that is none of them goes to py3langid (langid.py's model,
packaged; BSD-3-Clause), loaded on first use (3 s), so that the refusal can name the
language.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any

import pycountry

SUPPORTED = {"en": "English", "fr": "French", "es": "Spanish"}
"""The languages whose records rapporteur is meant to read (ISO 639-1 code -> name)."""
ANALYSED = frozenset(SUPPORTED)
"""The languages whose cues are complete; a record in another is refused by name."""
UNDETERMINED = "und"
"""ISO 639-2 for "undetermined": too little text, or no language at all."""

_STOPWORDS = {
    "en": frozenset("the of and to in was were that for on with had by as from this which".split()),
    "fr": frozenset(
        "au avec dans des du en est et la le les par pour que sont sur une été".split()
    ),
    "es": frozenset("al con de del el en fue ha han la las los para por que sobre una y".split()),
}
_RIVALS = {
    "de": frozenset("der die und das den nicht mit auf für ist im dem zu von sich wurde".split()),
    "it": frozenset("il di che della delle gli sono per non una nel alla dei".split()),
    "pt": frozenset("os da do das dos em não uma com ao pela pelo foi são".split()),
}
"""Languages sharing function words with French or Spanish ("des", "la", "que"): when one of
them wins, the model names it instead of the text passing for French or Spanish."""
_WORD = re.compile(r"[^\W\d_]+")
SAMPLE = 8_000
"""Characters read: the start of the body is enough, and the cost stays flat."""
MIN_LETTERS = 40
"""Fewer letters than this: no language can be told."""


def _by_stopwords(words: list[str]) -> str | None:
    """'en', 'fr' or 'es' when their function words make up a real share of the text."""
    lists = {**_STOPWORDS, **_RIVALS}
    counts = {lang: sum(w in stops for w in words) for lang, stops in lists.items()}
    best = max(counts, key=lambda k: counts[k])
    if best not in _STOPWORDS or counts[best] < max(3, len(words) * 0.05):
        return None
    return best


@cache
def _identifier() -> object:
    import py3langid

    return py3langid


def _by_model(text: str) -> str:
    """The ISO 639-1 code py3langid gives, for a text that is not en/fr/es."""
    model = _identifier()
    code, _score = model.classify(text)  # type: ignore[attr-defined]
    return str(code)


def detect(text: str) -> str:
    """The ISO 639-1 code of the body's language, or 'und' when it cannot be told."""
    sample = text[:SAMPLE]
    words = _WORD.findall(sample.lower())
    if sum(len(w) for w in words) < MIN_LETTERS:
        return UNDETERMINED
    found = _by_stopwords(words)
    if found is not None:
        return found
    code = _by_model(sample)
    # The model may still say en/fr/es for a text with too few function words (a table,
    # a list of names): that is no prose rapporteur could read either.
    return UNDETERMINED if code in SUPPORTED else code


def name(code: str) -> str:
    """'German' for 'de'; the code itself when no name is known."""
    if code in SUPPORTED:
        return SUPPORTED[code]
    if code == UNDETERMINED:
        return "no language rapporteur can recognise"
    found = pycountry.languages.get(alpha_2=code)
    return str(found.name) if found is not None else code


def refusal(code: str) -> str:
    """The sentence for a record in a language rapporteur does not read."""
    readable = [SUPPORTED[c] for c in SUPPORTED if c in ANALYSED]
    listed = (
        " and ".join(readable)
        if len(readable) < 3
        else ", ".join(readable[:-1]) + (f" and {readable[-1]}")
    )
    if code == UNDETERMINED:
        return (
            "The document's language could not be recognised; rapporteur analyses "
            f"{listed} records."
        )
    if code in SUPPORTED:
        return (
            f"The document appears to be in {name(code)}; rapporteur does not analyse "
            f"{name(code)} records yet (it analyses {listed} records)."
        )
    return f"The document appears to be in {name(code)}; rapporteur analyses {listed} records."


@cache
def cues(stage: str, language: str) -> Mapping[str, Any]:
    """The cues of one stage in one language: `rapporteur/data/lang/<language>/<stage>.toml`
    (word lists and pattern fragments, so that a language is data, not a fork of the code).
    Empty when that language has none for the stage: the stage then finds nothing, and says
    nothing wrong."""
    resource = files("rapporteur") / "data" / "lang" / language / f"{stage}.toml"
    if not resource.is_file():
        return MappingProxyType({})
    return MappingProxyType(tomllib.loads(resource.read_text(encoding="utf-8")))
