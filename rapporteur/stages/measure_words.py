"""The words that say what a figure measures, in the review's language, for contradictions.

Two figures are about the same thing when the content words around them overlap; which words
count, how they are reduced to a common form and which clause of a sentence belongs to a
figure differ by language. They come from `rapporteur/data/lang/<language>/
contradictions.toml`: English keeps its light suffix stripper ("migrants" -> "migrant");
French and Spanish use the Snowball stemmers of PyStemmer and fold accents, so that
"enfants"/"enfant" and "institución"/"instituciones" meet.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from .. import languages

STRIP = ".,;:()[]“”\"‘’'/?!%$€£–—-"
"""Stripped from both ends of a token (with a language's own `strip`, such as « »)."""


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _light(synonyms: Mapping[str, str]) -> Callable[[str], str]:
    """English: enough to join "migrants"/"migrant" and "cases"/"case"."""

    def stem(word: str) -> str:
        w = word.lower().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        w = synonyms.get(w, w)
        for suffix, repl in (("ies", "y"), ("ses", "s"), ("s", "")):
            if len(w) > 4 and w.endswith(suffix) and not w.endswith("ss"):
                w = w[: -len(suffix)] + repl
                break
        return synonyms.get(w, w)

    return stem


def _snowball(name: str, synonyms: Mapping[str, str]) -> Callable[[str], str]:
    """French, Spanish: a group's word is its key; any other word its folded Snowball stem."""
    import Stemmer

    stemmer = Stemmer.Stemmer(name)

    def stem(word: str) -> str:
        w = word.lower()
        if w in synonyms:
            return synonyms[w]
        return _fold(stemmer.stemWord(w))

    return stem


@dataclass(frozen=True, slots=True)
class MeasureWords:
    """One language's cues for telling what a figure measures."""

    language: str
    stopwords: frozenset[str]
    generic_verbs: frozenset[str]
    stem: Callable[[str], str]
    elision: re.Pattern[str] | None
    clause_break: re.Pattern[str]
    speaker_intro: re.Pattern[str]
    anaphor: re.Pattern[str]
    head_first: bool
    unit_words: Mapping[str, frozenset[str]]
    """The terms that name a unit: two counts of children are not alike for that."""
    victims: frozenset[str]
    """Terms of "victims of": a count of victims of femicide counts femicides."""
    folded: bool
    """Whether terms are accent-folded (then so must be anything compared with them)."""
    strip: str = STRIP
    attribution: re.Pattern[str] | None = None
    """"Selon les informations reçues, ...": where a figure comes from, not what it measures."""
    target: re.Pattern[str] | None = None
    """A sentence whose figures are a target or an ask ("recommandait de fixer ... à 14 ans"),
    not a statement of fact: never set against one."""
    modifiers_follow: bool = False
    """Adjectives follow their noun ("mortalité infantile" / "mortalité néonatale"): two
    figures whose shared noun is qualified differently measure different things."""

    def fold(self, word: str) -> str:
        return _fold(word) if self.folded else word

    def term(self, token: str) -> str | None:
        """The index term of a lower-case token, or None for words that say nothing."""
        return _term(self.language, token)


def _raw_term(
    token: str,
    stopwords: frozenset[str],
    generic_verbs: frozenset[str],
    stem: Callable[[str], str],
    elision: re.Pattern[str] | None,
) -> str | None:
    word = elision.sub("", token) if elision else token
    if word in stopwords or len(word) < 3 or not word[0].isalpha():
        return None
    if word in generic_verbs:
        return None  # "identified", "registered": what happened to the count, not what it is
    return stem(word)


@lru_cache(maxsize=16384)
def _term(language: str, token: str) -> str | None:
    w = measure_words(language)
    return _raw_term(token, w.stopwords, w.generic_verbs, w.stem, w.elision)


def _build(language: str, c: Mapping[str, Any]) -> MeasureWords:
    synonyms = {w: key for key, words in c["synonyms"].items() for w in words.split()}
    stem = _light(synonyms) if c["stemmer"] == "light" else _snowball(c["stemmer"], synonyms)
    stopwords = frozenset(c["stopwords"].split())
    generic = frozenset(c["generic_verbs"].split())
    elision = re.compile(c["elision"]) if c.get("elision") else None

    def term(word: str) -> str:
        return _raw_term(word, stopwords, generic, stem, elision) or word

    return MeasureWords(
        language=language,
        stopwords=stopwords,
        generic_verbs=generic,
        stem=stem,
        elision=elision,
        clause_break=re.compile(c["clause_break"]),
        speaker_intro=re.compile(c["speaker_intro"]),
        anaphor=re.compile(c["anaphor"], re.IGNORECASE),
        head_first=bool(c.get("head_first")),
        unit_words={u: frozenset(map(term, ws.split())) for u, ws in c["unit_words"].items()},
        victims=frozenset(map(term, c.get("victims", "").split())),
        folded=c["stemmer"] != "light",
        strip=STRIP + c.get("strip", ""),
        attribution=re.compile(c["attribution"], re.IGNORECASE) if c.get("attribution") else None,
        target=re.compile(c["target"], re.IGNORECASE) if c.get("target") else None,
        modifiers_follow=bool(c.get("modifiers_follow")),
    )


@cache
def measure_words(language: str) -> MeasureWords:
    """The cues of `language`, or the English ones when it has none."""
    found = languages.cues("contradictions", language)
    if not found:
        return measure_words("en") if language != "en" else _build("en", {})
    return _build(language, found)
