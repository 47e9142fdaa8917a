"""The type of answer a question expects, and the types a delegation sentence provides.

A question that asks "How many ...?" is answered by a figure, "When ...?" by a date, "Why
...?" by a reason. The alignment stage uses the match as a bonus when ranking evidence, and a
passage on the topic that lacks the expected type is at most a partial answer: the genre's
commonest partial answer describes a policy when a number, a date or a reason was asked.
Every function takes the record's language: English patterns are this module's own, those of
French and Spanish come from their data files (`dialogue_cues`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .dialogue_cues import for_language
from .figures import MONTHS, NUMBER_WORDS, names_an_identifier

QUANTITY, TIME, REASON = "quantity", "time", "reason"

_ASKS = {
    QUANTITY: re.compile(
        r"\b(?:how many|how much|how often|number of|numbers of|proportion|percentage|"
        r"share of|rate of|rates of|\w+ rate\b|statistics|figures|data on|data about|amount|"
        r"budget|funding|level of|ratio)\b",
        re.I,
    ),
    TIME: re.compile(
        r"^(?:and |but |so )?when\b|\b(?:timeline|timeframe|time frame|time-frame|time limit|"
        r"deadline|by when|by what date|how soon|how long would|expected to (?:be )?"
        r"(?:adopted|completed|ratified|enter))\b",
        re.I,
    ),
    REASON: re.compile(r"\bwhy\b|\b(?:for what reason|the reasons? (?:for|why|behind))\b", re.I),
}

# A quantity: a number that is not a year, a number word (not "one", mostly a pronoun), or a
# share. The words, months and identifier nouns are the figures stage's.
_COUNT_WORDS = sorted(set(NUMBER_WORDS) - {"zero", "one"}, key=len, reverse=True)
_QUANTITY = re.compile(
    r"(?<![\w.])(?!(?:19|20)\d\d\b)\d[\d,.]*|"
    rf"\b(?:{'|'.join(_COUNT_WORDS)})s?\b|\b(?:half|a third|a quarter|dozens?|per\s*cent)\b",
    re.I,
)
_TIME = re.compile(
    rf"\b(?:19|20)\d\d\b|\b(?:{MONTHS})(?!\w)|\b(?:next|this|last|coming) (?:year|month|week|"
    r"session|spring|summer|autumn|winter)\b|\bby the end of\b|\bwithin (?:the next )?\w+ "
    r"(?:years?|months?|weeks?|days?)\b|\b(?:soon|shortly|in the near future|in the coming)\b",
)
_REASON = re.compile(
    r"\b(?:because|due to|owing to|as a result|in order to|so that|so as to|the reasons?|"
    r"on the grounds|given that|stemmed from|caused by|was explained by|explained that|"
    rf"aimed (?:at|to)|intended to|with a view to|for fear|since (?![\d(]|{MONTHS}|then|the))\b",
    re.I,
)


def expected(question: str, language: str = "en") -> frozenset[str]:
    """The answer types a question asks for (usually none or one)."""
    cues = for_language(language)
    asks = _ASKS if cues is None else cues.asks
    return frozenset(t for t, rx in asks.items() if rx.search(question))


def _numbers_a_thing(before: str, language: str) -> bool:
    """Whether a number after `before` is an identifier ("article 37", "Convenio núm. 189")."""
    cues = for_language(language)
    if cues is None:
        return names_an_identifier(before)
    return cues.identifier_before.search(before) is not None


def states_quantity(text: str, language: str = "en") -> bool:
    """Whether a sentence gives a quantity (not only a year or an article number)."""
    text = " ".join(text.split())  # the identifier pattern spells spaces, not line breaks
    cues = for_language(language)
    for m in (_QUANTITY if cues is None else cues.provides[QUANTITY]).finditer(text):
        if m.group(0)[:1].isdigit() and _numbers_a_thing(text[: m.start()], language):
            continue
        return True
    return False


_HOW_MANY = re.compile(r"\b(?:how many|the number of|numbers? of)\s+([^?.;:,]+)", re.I)
_NOT_NOUNS = frozenset("its his hers this was has does is thus".split())
_WORD = r"[A-Za-z][\w'-]*"
_OF_THEM = re.compile(r"\s+(?:of|among) (?:them|these|those|which|whom)\b", re.I)


def counted(question: str, language: str = "en") -> str | None:
    """The thing a "How many ...?" question counts: the first plural among the next three
    words ("How many Kyrgyz citizens returned?" -> "citizens"), else the first word ("How
    many women ..." -> "women")."""
    cues = for_language(language)
    m = (_HOW_MANY if cues is None else cues.how_many).search(question)
    if not m:
        return None
    word_rx = r"[A-Za-z][\w'-]*" if cues is None else r"[^\W\d_][\w-]*"
    following: list[str] = re.findall(word_rx, m.group(1))[:3]
    if not following:
        return None
    not_nouns = _NOT_NOUNS if cues is None else cues.not_nouns
    for word in following:
        if word.lower().endswith("s") and word.lower() not in not_nouns and len(word) > 3:
            return word
    return following[0]


def counts(
    sentence: str, noun: set[str], terms: Callable[[str], list[str]], language: str = "en"
) -> bool:
    """Whether a sentence gives a number of the counted thing: a quantity with a word of the
    noun's terms within four words after it or two before it ("263 children", "5,300 Kyrgyz
    citizens", "shelters numbered 11"), or "N of them"."""
    text = " ".join(sentence.split())
    cues = for_language(language)
    quantity = _QUANTITY if cues is None else cues.provides[QUANTITY]
    of_them = _OF_THEM if cues is None else cues.of_them
    word_rx = _WORD if cues is None else r"[^\W\d_][\w'-]*"
    for m in quantity.finditer(text):
        if m.group(0)[:1].isdigit() and _numbers_a_thing(text[: m.start()], language):
            continue
        after = text[m.end() : m.end() + 60]
        if of_them.match(after):
            return True
        near = (
            re.findall(word_rx, after)[:4]
            + re.findall(word_rx, text[max(0, m.start() - 60) : m.start()])[-2:]
        )
        if any(noun & set(terms(w)) for w in near):
            return True
    return False


def provided(sentence: str, language: str = "en") -> frozenset[str]:
    """The answer types a sentence can give."""
    out = set()
    cues = for_language(language)
    if states_quantity(sentence, language):
        out.add(QUANTITY)
    if (_TIME if cues is None else cues.provides[TIME]).search(sentence):
        out.add(TIME)
    if (_REASON if cues is None else cues.provides[REASON]).search(sentence):
        out.add(REASON)
    return frozenset(out)
