"""Text analysis for question–answer retrieval: folding, domain synonyms, stopwords, stemming.

`Analyzer.terms(text)` turns a sentence into the index terms that `alignment.py` matches:
1. fold: accents removed, typographic quotes and dashes made plain, split into words
   (hyphens and slashes separate words; a possessive "'s" is dropped);
2. synonyms from `data/lang/en/thesaurus.toml`: every surface form of a concept ("Ombudsperson",
   "Ombudsman"; "blacklist", "entry ban") becomes one concept term, longest phrase first;
   single words match on their stem (so "elected" meets "elections"), phrases on their
   words with an optional plural ending; acronyms written "=AIDS" in the file only match in
   capitals;
3. stopwords (function words and the genre's frame: "delegation", "information",
   "measures"), years, single letters and numbers other than identifiers ("Convention 143")
   are dropped, and the rest is stemmed with the
   Snowball English stemmer (PyStemmer).
Concept terms start with "~" so that they never collide with a stemmed word.

French and Spanish (`load("fr")`, `load("es")`) read `data/lang/<language>/thesaurus.toml`,
of the same form as the English one, and stem with that language's Snowball stemmer: a word
is stemmed with its accents (the stemmers know "-ción" and "-é", not "-cion") and the stem is
then folded, and an apostrophe separates words ("l'enfant" gives "enfant", where English
drops a possessive "'s").
Any other language is read as English: such a record is refused, and nothing is lost.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from ..languages import cues

STEMMERS = {"en": "english", "fr": "french", "es": "spanish"}
"""The Snowball stemmer of each language rapporteur reads."""
_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
# Numbers are kept only as identifiers ("Convention 143", "article 2"); quantities in a
# question rarely recur in its answer, which gives the figure the State has.
_IDENTIFIER_NOUNS = frozenset(
    "convention conventions article articles protocol protocols resolution recommendation "
    "recommendations no law decree code chapter paragraph section goal target".split()
)
_LETTERS = re.compile(r"[^\W_]+")
"""A word of French or Spanish: letters or digits, accents kept, apostrophes between."""
_PLAIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Accent-free text with plain quotes and dashes; case is kept."""
    text = text.translate(_PLAIN)
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def words(text: str) -> list[str]:
    """Folded words of `text` with case kept and possessives dropped."""
    out = []
    for w in _WORD.findall(fold(text)):
        if "'" in w:
            w = w.split("'")[0]
        out.append(w)
    return out


def words_in(text: str, language: str) -> tuple[list[str], list[str]]:
    """The folded words of `text` (case kept) and the same words as the stemmer of
    `language` reads them (English: the folded words; French, Spanish: lower case with
    accents)."""
    if language not in _ACCENTED:
        raw = words(text)
        return raw, raw
    found = _LETTERS.findall(text.translate(_PLAIN))
    return [fold(w) for w in found], [w.casefold() for w in found]


_ACCENTED = frozenset({"fr", "es"})


@dataclass(frozen=True, slots=True)
class Analyzer:
    """Turns text into index terms; build one with `load()`."""

    phrases: dict[tuple[str, ...], str]
    starts: frozenset[str]
    stems: dict[str, str]
    exact: dict[str, str]
    longest: int
    stopwords: frozenset[str]
    version: str
    language: str = "en"
    identifier_nouns: frozenset[str] = frozenset()
    """More nouns after which a number is an identifier ("Convention no 189")."""

    def terms(
        self, text: str, extra_stopwords: Iterable[str] = (), stop_prefixes: tuple[str, ...] = ()
    ) -> list[str]:
        """Index terms of `text` in order (repeats kept, for term frequency).

        `extra_stopwords` are more words to drop (names of the people in the document);
        `stop_prefixes` drops capitalised words starting so ("Kenya" drops "Kenyan").
        """
        raw, spelled = words_in(text, self.language)
        low = [w.casefold() for w in raw]
        extra = frozenset(extra_stopwords)
        out: list[str] = []
        i, n = 0, len(low)
        while i < n:
            concept = self.exact.get(raw[i])
            step = 1
            if concept is None and low[i] in self.starts:
                for size in range(min(self.longest, n - i), 1, -1):
                    concept = self.phrases.get(tuple(low[i : i + size]))
                    if concept is not None:
                        step = size
                        break
            if concept is not None:
                out.append(concept)
                i += step
                continue
            w = low[i]
            i += 1
            if w.isdigit() and (
                i < 2
                or (low[i - 2] not in _IDENTIFIER_NOUNS and low[i - 2] not in self.identifier_nouns)
            ):
                continue
            if w in self.stopwords or w in extra or _YEAR.fullmatch(w):
                continue
            if stop_prefixes and raw[i - 1][:1].isupper() and w.startswith(stop_prefixes):
                continue
            if len(w) == 1 and not w.isdigit():
                continue
            if self.language != "en":
                stem = stem_in(spelled[i - 1], self.language)
                out.append(self.stems.get(stem, stem))
                continue
            if w.endswith(("isation", "isations")):  # British spelling meets American
                w = w.replace("isation", "ization")
            stem = _stem(w)
            out.append(self.stems.get(stem, stem))
        return out


@lru_cache(maxsize=50_000)
def _stem(word: str) -> str:
    return str(_stemmer().stemWord(word))


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


@lru_cache(maxsize=100_000)
def stem_in(word: str, language: str) -> str:
    """The folded stem of a lower-case word of French or Spanish, stemmed with its accents."""
    return fold(str(_stemmer_of(language).stemWord(word)))


@lru_cache(maxsize=4)
def _stemmer_of(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(STEMMERS[language])


def read_as(language: str) -> str:
    """The language whose thesaurus reads a record: its own when rapporteur has one."""
    return language if language in _ACCENTED and cues("thesaurus", language) else "en"


def load(language: str = "en") -> Analyzer:
    """The analyzer of a language, built from its packaged thesaurus (cached: built once per
    process); English for a language rapporteur has no thesaurus of."""
    return _load(read_as(language))


@lru_cache(maxsize=4)
def _load(language: str) -> Analyzer:
    if language != "en":
        return _load_other(language)
    data = cues("thesaurus", "en")
    phrases: dict[tuple[str, ...], str] = {}
    stems: dict[str, str] = {}
    exact: dict[str, str] = {}
    for concept, forms in data.get("synonyms", {}).items():
        term = "~" + re.sub(r"[^a-z]+", "_", concept.lower())
        for form in forms:
            if form.startswith("="):
                for w in words(form[1:]):
                    exact[w] = term
                continue
            key = tuple(w.casefold() for w in words(form))
            if len(key) == 1:
                stems.setdefault(_stem(key[0]), term)
                continue
            if not key:
                continue
            phrases.setdefault(key, term)
            for ending in ("s", "es"):
                phrases.setdefault((*key[:-1], key[-1] + ending), term)
    stop = frozenset(data.get("stopwords", {}).get("words", "").split())
    return Analyzer(
        phrases=phrases,
        starts=frozenset(k[0] for k in phrases),
        stems=stems,
        exact=exact,
        longest=max((len(k) for k in phrases), default=1),
        stopwords=stop,
        version=str(data.get("version", "")),
    )


def _load_other(language: str) -> Analyzer:
    """The analyzer of French or Spanish: forms folded for the phrases, single words keyed by
    their folded stems, stopwords folded; no plural endings added to a phrase's last word
    (the file lists the plural forms it means, as these languages pluralise more than one
    word of a phrase)."""
    data = cues("thesaurus", language)
    phrases: dict[tuple[str, ...], str] = {}
    stems: dict[str, str] = {}
    exact: dict[str, str] = {}
    for concept, forms in data.get("synonyms", {}).items():
        term = "~" + re.sub(r"[^a-z]+", "_", concept.lower())
        for form in forms:
            if form.startswith("="):
                for w in words_in(form[1:], language)[0]:
                    exact[w] = term
                continue
            folded, spelled = words_in(form, language)
            key = tuple(w.casefold() for w in folded)
            if len(key) == 1:
                stems.setdefault(stem_in(spelled[0], language), term)
            elif key:
                phrases.setdefault(key, term)
    stop = frozenset(fold(w).casefold() for w in data.get("stopwords", {}).get("words", "").split())
    nouns = cues("dialogue", language).get("identifier_nouns", [])
    return Analyzer(
        phrases=phrases,
        starts=frozenset(k[0] for k in phrases),
        stems=stems,
        exact=exact,
        longest=max((len(k) for k in phrases), default=1),
        stopwords=stop,
        version=f"{language}.{data.get('version', '')}",
        language=language,
        # The number sign before a number ("no 189", "núm. 189") counts as its noun.
        identifier_nouns=frozenset(fold(n).casefold() for n in (*nouns, "no", "n", "num", "nro")),
    )
