"""Commitments: what the State says it will do or is doing, sentence by sentence.

Only the delegation's sentences count (the head of delegation included): an Expert's
"would the State consider ratifying" is a question, not a promise. Each sentence gets the
first kind whose cues it carries, most specific first: ratification, pilot, legislation,
plan, other. Cue lists are short regular expressions; the genre's reported speech ("would",
"was working on", "was being developed") is regular enough that a parser would add cost
without adding commitments.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..models import Commitment, Review
from ..settings import Settings
from .facts_common import (
    body_paragraphs,
    clip_to_line,
    flat_text,
    paragraph_sentences,
    sentence_speakers,
    turns_by_paragraph,
)

KINDS = ("ratification", "pilot", "legislation", "plan", "other")

_I = re.IGNORECASE
_INTENT = (
    r"would|will|shall|intend\w*|plann?(?:ed|ing|s)?\s+to|consider\w*|prepar\w*|aim\w*\s+to|"
    r"in\s+the\s+process\s+of|under\s+(?:consideration|review|discussion|preparation|way)|"
    r"being\s+(?:developed|prepared|drafted|considered|discussed|finali[sz]ed|reviewed|"
    r"examined)|working\s+(?:on|to(?:wards)?)|going\s+to|expected\s+to|soon|next\s+year|"
    r"seeking\s+to|committed\s+to|steps\s+towards"
)
_RATIFY = re.compile(
    r"\b(?:ratif(?:y|ying|ication)|accede|acceding|accession|become\s+(?:a\s+)?party)\b", _I
)
_RATIFY_INTENT = re.compile(rf"\b(?:{_INTENT}|would\s+be\s+able\s+to)\b", _I)
_PILOT = re.compile(r"\bpilot(?:s|ed|ing)?\b", _I)
_LAW = re.compile(
    r"\b(?:laws?|bills?|legislation|legislative|amendments?|code|act|decree|regulations?|"
    r"by-laws?|ordinance|definition)\b",
    _I,
)
_DRAFTING = re.compile(
    r"\b(?:draft(?:ed|ing|s)?|being\s+(?:prepared|developed|drafted|amended|revised|"
    r"considered|discussed|finali[sz]ed|reviewed|examined)|under\s+(?:consideration|review|"
    r"discussion|preparation|development)|(?:would|will)\s+be\s+(?:adopted|amended|revised|"
    r"submitted|introduced|enacted|passed|approved|prepared)|(?:was|were|is|are)\s+"
    r"(?:working\s+on|preparing|developing|amending|revising|drafting)|before\s+(?:the\s+)?"
    r"(?:parliament|national\s+assembly|congress|senate)|submitted\s+to\s+(?:the\s+)?"
    r"(?:parliament|national\s+assembly|congress|senate)|(?:first|second)\s+reading|"
    r"(?:would|will)\s+(?:adopt|amend|revise|introduce|enact|prepare)|(?:new|revised|proposed|"
    r"amended|future)\s+(?:law|bill|code|act|legislation)\b[^.;]{0,40}\b(?:would|will))\b",
    _I,
)
_PLAN_NOUN = re.compile(
    r"\b(?:strateg(?:y|ies)|plans?|programmes?|programs?|road\s*maps?|framework|concept|"
    r"polic(?:y|ies)|agenda|action\s+plan)\b",
    _I,
)
_PLAN_VERB = re.compile(
    r"\b(?:being\s+(?:developed|prepared|drafted|elaborated|finali[sz]ed|updated)|"
    r"(?:would|will)\s+(?:be\s+)?(?:adopt\w*|develop\w*|launch\w*|approv\w*|introduc\w*|"
    r"drawn\s+up|draw\s+up|elaborat\w*|finali[sz]\w*|updat\w*|revis\w*)|next\s+year|"
    r"(?:was|were|is|are)\s+(?:developing|preparing|drafting|elaborating|updating)|"
    r"under\s+(?:development|preparation))\b",
    _I,
)
_HORIZON = re.compile(
    r"\b(?:for|until|till|up\s+to|through|to|by)\s+(?:the\s+(?:year|period)\s+)?"
    r"(?:(?:19|20)\d\d\s*[-–]\s*)?(?P<y>(?:19|20)\d\d)\b|\b(?:19|20)\d\d\s*[-–]\s*"
    r"(?P<y2>(?:19|20)\d\d)\b",
    _I,
)
_CONTINUE = re.compile(r"\b(?:would|will)\s+continue\s+to\b", _I)
_OTHER = re.compile(
    r"\b(?:would|will|shall)\b|\b(?:was|were|is|are)\s+(?:working\s+(?:on|to)|seeking\s+to|"
    r"trying\s+to|planning|preparing|developing|considering|introducing|establishing|"
    r"expanding|broadening|strengthening|improving|reviewing|revising|creating|building|"
    r"conducting|implementing|making\s+every\s+effort|doing\s+everything)\b|"
    r"\bintend(?:s|ed)?\s+to\b|\bplann?(?:ed|s)?\s+to\b|\baim(?:s|ed)?\s+to\b|"
    r"\b(?:was|were|is|are)\s+being\s+"
    r"(?:developed|prepared|rolled\s+out|introduced|implemented|considered|established|"
    r"expanded|strengthened|carried\s+out|set\s+up|finali[sz]ed)\b",
    _I,
)
# "would" that is not the State's: hopes about the Committee, politeness, conditionals.
_NOT_A_PLEDGE = re.compile(
    r"\b(?:committee|experts?|rapporteurs?)\s+would\b|\bwould\s+(?:like|appreciate|be\s+"
    r"grateful|welcome)\b|\b(?:what|how|why|whether)\s+(?:\w+\s+)?would\b|\bif\s+[^,]*\bwould\b|"
    r"\bthank(?:s|ed)?\b[^.;]*\bwhich\s+would\b",
    _I,
)


def _future_year(text: str, year: int | None) -> bool:
    """A plan that runs to a year not yet past ("strategy up to 2030", "for 2021-2030")."""
    for m in _HORIZON.finditer(text):
        end = int(m.group("y") or m.group("y2"))
        if year is None or end >= year:
            return True
    return False


def _guard(words: str) -> Callable[[str], bool]:
    """A cheap test that must pass before a pattern is searched: every match of the pattern
    contains one of these substrings (str `in` is far cheaper than a regex scan)."""
    keys = tuple(words.split("|"))
    return lambda low: any(k in low for k in keys)


_MAY_RATIFY = _guard("ratif|acced|accession|party")
_MAY_LAW = _guard("law|bill|legislat|amend|code|act|decree|regulat|ordinance|definition")
_MAY_DRAFT = _guard(
    "draft|being|under|would|will|working|preparing|developing|amending|revising|parliament|"
    "assembly|congress|senate|reading"
)
_MAY_PLAN = _guard("strateg|plan|program|road|framework|concept|polic|agenda")
_MAY_OTHER = _guard(
    "would|will|shall|working|seeking|trying|planning|preparing|developing|considering|"
    "introducing|establishing|expanding|broadening|strengthening|improving|reviewing|"
    "revising|creating|building|conducting|implementing|every effort|everything|intend|"
    "plan|being|aim"
)


def classify(sentence: str, year: int | None = None) -> str | None:
    """The kind of commitment a delegation sentence makes, or None when it makes none."""
    if sentence.rstrip().endswith("?"):
        return None
    low = sentence.lower()
    pledge = not ("would" in low and _NOT_A_PLEDGE.search(sentence))
    if pledge and _MAY_RATIFY(low) and _RATIFY.search(low) and _RATIFY_INTENT.search(low):
        return "ratification"
    if "pilot" in low and _PILOT.search(low):
        return "pilot"
    if _MAY_LAW(low) and _MAY_DRAFT(low) and _LAW.search(low) and _DRAFTING.search(low):
        return "legislation"
    if pledge and "continue" in low and _CONTINUE.search(low):
        return "plan"
    if (
        _MAY_PLAN(low)
        and _PLAN_NOUN.search(low)
        and (_PLAN_VERB.search(low) or _future_year(low, year))
    ):
        return "plan"
    if pledge and _MAY_OTHER(low) and _OTHER.search(low):
        return "other"
    return None


def run(review: Review, settings: Settings) -> Review:
    """Find the delegation's commitments in the body."""
    text = flat_text(review)
    year = review.metadata.year if review.metadata else None
    turns = turns_by_paragraph(review)
    found: list[Commitment] = []
    for para in body_paragraphs(review):
        turn = turns.get(para.index)
        if turn is None:
            continue
        spans = paragraph_sentences(review, para)
        voices = sentence_speakers(review, para, turn, len(spans))
        for (s0, s1), (side, speaker) in zip(spans, voices, strict=True):
            if side != "delegation":
                continue
            for c0, c1, kind in _commitments_in(text, s0, s1, year):
                start, end = clip_to_line(review, c0, c1)
                found.append(
                    Commitment(
                        line=review.document.line_of(start),
                        start=start,
                        end=end,
                        text=text[start:end],
                        kind=kind,
                        side=side,
                        speaker=speaker,
                        paragraph=para.index,
                    )
                )
    return replace(review, commitments=tuple(found))


_CLAUSE = re.compile(r";[ \t]*|,[ \t]+(?=(?:and|but|while|whereas)[ \t])")
_CONJUNCTION = re.compile(r"(?:and|but|while|whereas)[ \t]+")


def _commitments_in(text: str, s0: int, s1: int, year: int | None) -> list[tuple[int, int, str]]:
    """The commitments of one sentence: the whole sentence, or each of its clauses when
    two clauses make commitments of their own ("A draft law was being developed, and the
    State was preparing an action plan for 2024-2026")."""
    whole = classify(text[s0:s1], year)
    if whole is None:
        return []
    if ";" not in text[s0:s1] and ", " not in text[s0:s1]:
        return [(s0, s1, whole)]
    cuts = [s0]
    for m in _CLAUSE.finditer(text, s0, s1):
        after = _CONJUNCTION.match(text, m.end(), s1)
        cuts.extend((m.start(), after.end() if after else m.end()))
    cuts.append(s1)
    clauses = []
    for c0, c1 in zip(cuts[::2], cuts[1::2], strict=True):
        kind = classify(text[c0:c1], year)
        if kind:
            clauses.append((c0, c1, kind))
    return clauses if len(clauses) > 1 else [(s0, s1, whole)]
