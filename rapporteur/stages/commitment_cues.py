"""One language's commitment cues, compiled: what `commitments.classify` reads.

The patterns live in `rapporteur/data/lang/<language>/commitments.toml`, so that a language
is data and not a fork of the code: English says "would", "was being drafted", "intended to
ratify"; French "serait présenté", "s'est engagé à", "prévoyait de"; Spanish "se presentaría",
"se había comprometido a", "tenía previsto". A language without a file is read with English.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from .. import languages

_PATTERNS = (
    "ratify ratify_intent pilot law drafting continue plan_noun plan_verb horizon other "
    "not_a_pledge"
).split()


def _guard(words: str) -> Callable[[str], bool]:
    """A cheap test that must pass before a pattern is searched: every match of the pattern
    contains one of these substrings (str `in` is far cheaper than a regex scan); an empty
    list always passes."""
    keys = tuple(w for w in words.split("|") if w)
    if not keys:
        return lambda low: True
    return lambda low: any(k in low for k in keys)


_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class FutureVerbs:
    """Verbs in the conditional or the future, told by their endings: a word list is much
    cheaper than a pattern that would try every ending at every word."""

    endings: tuple[str, ...]
    words: frozenset[str]
    not_words: frozenset[str]
    not_after: frozenset[str]
    """An article before the word makes it a noun ("la minería")."""
    min_length: int

    def found(self, low: str) -> bool:
        previous = ""
        for m in _WORD.finditer(low):
            w = m.group(0)
            if (
                (w in self.words or (len(w) >= self.min_length and w.endswith(self.endings)))
                and w not in self.not_words
                and previous not in self.not_after
            ):
                return True
            previous = w
        return False


@dataclass(frozen=True, slots=True)
class CommitmentCues:
    """Compiled patterns and guards of one language (see commitments.toml)."""

    patterns: Mapping[str, re.Pattern[str]]
    guards: Mapping[str, Callable[[str], bool]]
    clause: re.Pattern[str]
    conjunction: re.Pattern[str]
    future: FutureVerbs | None = None
    """None: the language names its pledges in its patterns ("would", "will")."""

    def may(self, name: str, low: str) -> bool:
        return self.guards[name](low)

    def search(self, name: str, text: str) -> bool:
        return self.patterns[name].search(text) is not None

    def pledges(self, name: str, low: str) -> bool:
        """`search`, for a pattern that holds the intent, with the future verbs as well."""
        return bool(self.future and self.future.found(low)) or self.search(name, low)


def _build(c: Mapping[str, Any]) -> CommitmentCues:
    p, g = c["patterns"], c["guards"]
    patterns = {
        name: re.compile(p[name].replace("{intent}", c["intent"]), re.IGNORECASE)
        for name in _PATTERNS
    }
    guards = {name: _guard(g.get(name, "")) for name in (*_PATTERNS, "plan", "clause")}
    f = c.get("future")
    future = (
        FutureVerbs(
            endings=tuple(f["endings"]),
            words=frozenset(f["words"]),
            not_words=frozenset(f["not_words"]),
            not_after=frozenset(f["not_after"]),
            min_length=int(f["min_length"]),
        )
        if f
        else None
    )
    return CommitmentCues(
        patterns, guards, re.compile(p["clause"]), re.compile(p["conjunction"]), future
    )


@cache
def commitment_cues(language: str) -> CommitmentCues:
    """The commitment cues of `language`, or the English ones when it has none."""
    found = languages.cues("commitments", language)
    if not found:
        return commitment_cues("en") if language != "en" else _build({})
    return _build(found)
