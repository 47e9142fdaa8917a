"""The type of answer a question expects, and the types a delegation sentence provides.

A question that asks "How many ...?" is answered by a figure, "When ...?" by a date, "Why
...?" by a reason. The alignment stage uses the match as a bonus when ranking evidence, and a
passage on the topic that lacks the expected type is at most a partial answer: the genre's
commonest partial answer describes a policy when a number, a date or a reason was asked.
"""

from __future__ import annotations

import re

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


def expected(question: str) -> frozenset[str]:
    """The answer types a question asks for (usually none or one)."""
    return frozenset(t for t, rx in _ASKS.items() if rx.search(question))


def states_quantity(text: str) -> bool:
    """Whether a sentence gives a quantity (not only a year or an article number)."""
    text = " ".join(text.split())  # the identifier pattern spells spaces, not line breaks
    for m in _QUANTITY.finditer(text):
        if m.group(0)[:1].isdigit() and names_an_identifier(text[: m.start()]):
            continue
        return True
    return False


def provided(sentence: str) -> frozenset[str]:
    """The answer types a sentence can give."""
    out = set()
    if states_quantity(sentence):
        out.add(QUANTITY)
    if _TIME.search(sentence):
        out.add(TIME)
    if _REASON.search(sentence):
        out.add(REASON)
    return frozenset(out)
