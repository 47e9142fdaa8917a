"""Numbers that are not figures: identifiers, dates, times, symbols and years.

These genre rules matter more than parsing: "article 76", "Convention No. 189",
"CRC/C/MDA/6-7", "15 March" and "in 2019" all hold numbers that count nothing.
"""

from __future__ import annotations

import re

from .units import HEAD_UNIT, PERCENT, TOKEN

_NOT_A_FIGURE_BEFORE = re.compile(
    r"\b(?:articles?|arts?\.|conventions?|protocols?|resolutions?|paragraphs?|paras?\.|rules?|"
    r"sections?|chapters?|annex(?:es)?|items?|goals?|targets?|recommendations?|comments?|"
    r"no\.|nos\.|numbers?|decrees?|laws?|orders?|sessions?|meetings?|pages?|pp?\.|parts?|"
    r"principles?|sdgs?|acts?|codes?|clauses?|volumes?|rooms?|phases?|levels?|grades?|"
    r"categor(?:y|ies)|groups?|class|ilo|covid|cop)[ \t]*(?:no\.?[ \t]*)?"
    r"(?:\d[\d.]*(?:[ \t]*\([a-z0-9]+\))?[ \t]*(?:,|and|or|to|-|–)[ \t]*)*$",
    re.IGNORECASE,
)


def names_an_identifier(before: str) -> bool:
    """Whether a number that follows `before` numbers a thing ("article 76", "Convention No.
    189", "phase 2") rather than counting something."""
    return _NOT_A_FIGURE_BEFORE.search(before) is not None


_STRIP = ",;:()[]“”\"‘’'/?!–—"  # stripped from the ends of words ("no." keeps its dot)
_NOT_A_FIGURE_WORDS = frozenset(
    """article articles art. arts. convention conventions protocol protocols resolution
    resolutions paragraph paragraphs para. paras. rule rules section sections chapter chapters
    annex annexes item items goal goals target targets recommendation recommendations comment
    comments no. nos. number numbers decree decrees law laws order orders session sessions
    meeting meetings page pages p. pp. part parts principle principles sdg sdgs act acts code
    codes clause clauses volume volumes room rooms phase phases level levels grade grades
    category categories group groups class ilo covid cop""".split()
)


_MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan. feb. aug. sep. sept. oct. nov. dec.".split()
)
MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
)
_DATE_AFTER = re.compile(rf"^[ \t]*(?:{MONTHS})\b")
_DATE_BEFORE = re.compile(rf"\b(?:{MONTHS})[ \t]*$")
_TIME_AFTER = re.compile(
    r"^(?:[ \t]*(?:a\.m\.|p\.m\.|am\b|pm\b|o’clock|o'clock)|[:h]\d\d)", re.IGNORECASE
)


def is_year(m: re.Match[str], post: str) -> bool:
    d = m.group("d")
    if not d or m.group("ds") or not re.fullmatch(r"(?:1[89]|20)\d\d", d):
        return False
    nxt = TOKEN.match(post.lstrip(" \t"))
    return not (nxt and nxt.group(0).lower() in HEAD_UNIT) and not PERCENT.match(post)


def _words(text: str) -> set[str]:
    """Lower-case words of a short text; a cheap prefilter before costlier regexes."""
    return {w.strip(_STRIP) for w in text.lower().replace("-", " ").split()}


_WORD_COMPOUND = re.compile(r"-(?!(?:years?|months?|weeks?|days?|hours?|fold|old)\b)[a-z]", re.I)


def not_a_figure(text: str, m: re.Match[str]) -> bool:
    """Symbols, article numbers, dates, times and ordinals are not figures."""
    s, e = m.start(), m.end()
    pre, post = text[max(0, s - 60) : s], text[e : e + 40]
    if post[:1] == "/" or (post[:1].isalpha() and not m.group("w")):
        return True
    chunk_start = max(pre.rfind(" "), pre.rfind("("), pre.rfind("\n"))
    if "/" in pre[chunk_start + 1 :]:
        return True  # "CRC/C/MDA/6-7": the 7 belongs to a document symbol
    if m.group("w") and _WORD_COMPOUND.match(post):
        return True  # "twenty-third", "one-stop"
    if pre.rstrip(" \t").lower().endswith((" per", "(per")):
        return True  # "per 100,000 live births" is the base of a rate
    if (pre.endswith("(") and post.startswith(")")) or re.match(r"-?fold\b", post, re.I):
        return True
    words = _words(pre)
    if words & _NOT_A_FIGURE_WORDS and _NOT_A_FIGURE_BEFORE.search(pre):
        return True
    if words & _MONTH_WORDS and _DATE_BEFORE.search(pre):
        return True
    if _DATE_AFTER.match(post) or _TIME_AFTER.match(post):
        return True
    tail = pre.rstrip(" \t")
    return tail.endswith(":") and tail[-2:-1].isdigit()
