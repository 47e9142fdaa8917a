"""The older UN Geneva press release: no headings, the parts are marked only by phrases.

"Presenting the report, ... said", "In the ensuing discussion", "In response, the delegation";
the lead runs until the first paragraph with such a cue. This is the fallback genre: any
document no other genre claims is read as a press release.
"""

from __future__ import annotations

import re

from .base import Genre, Sectioning
from .cues import find_led_by, find_speaker
from .meeting_summary import DIALOGUE_SIDES, SUMMARY_KINDS
from .page import Frame, is_closing_note

# Section cues for documents without headings, checked on a paragraph's first 300 characters.
_SECTION_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "concluding",
        re.compile(
            r"^(?:In|By way of) (?:his|her|their|its)?\s*(?:concluding|closing|"
            r"final) (?:remarks|statement|comments)|^Concluding (?:the|her|his)|"
            r"\b(?:in|by way of) (?:his |her |their |its )?(?:concluding|closing) "
            r"(?:remarks|statement)\b",
            re.I,
        ),
    ),
    (
        "report",
        re.compile(
            r"^The Committee (?:has|had) before it\b|^The (?:State party'?s )?"
            r"reports? (?:can|may) be (?:read|found)",
            re.I,
        ),
    ),
    (
        "presentation",
        re.compile(
            r"\b(?:presenting|introducing) the (?:State party'?s )?reports?\b|"
            r"\bpresented the (?:State party'?s )?reports?\b|"
            r"^Introducing the reports? was\b",
            re.I,
        ),
    ),
    (
        "responses",
        re.compile(
            r"^(?:In|By way of) (?:response|reply)|^(?:Responding|Replying|"
            r"Answering) to\b|^The delegation (?:said|noted|explained|replied|"
            r"responded|stated|added|informed)|^(?:A|Another|The head of the|"
            r"The) (?:delegate|delegation)\b",
            re.I,
        ),
    ),
    (
        "questions",
        re.compile(
            r"^(?:In|During) the (?:ensuing |interactive )?(?:dialogue|discussion|"
            r"debate)|^(?:Committee Experts?|Committee members?|Experts)\b|"
            r"^(?:A|An|Another|One) (?:Committee )?(?:Expert|member)\b|"
            r"^(?:Committee )?(?:Expert|Country Rapporteur|Rapporteur|Chairperson)"
            r"\s+[A-Z]|, (?:Committee Expert|Country Rapporteur|"
            r"Committee Chairperson|Country Co-Rapporteur|"
            r"Rapporteur)\b",
            re.I,
        ),
    ),
)


def paragraph_cue(text: str) -> str | None:
    """The dialogue part a paragraph's opening announces (headless documents only)."""
    head = text[:300]
    for kind, pattern in _SECTION_CUES:
        if pattern.search(head):
            return kind
    return None


def _is_summary(text: str) -> bool:
    """The opening paragraph of a press release ("today considered the report of ...")."""
    return bool(
        re.search(
            r"\b(today|this morning|this afternoon|yesterday)\b.{0,40}\b(concluded|considered|"
            r"began|completed|examined|reviewed|started)\b|\bhas considered\b",
            text[:400],
            re.I,
        )
    )


def detects(frame: Frame) -> bool:
    """Every document: the press release is what is left when no other genre matches."""
    return True


def classify(frame: Frame) -> Sectioning:
    kinds = list(frame.kinds)
    headings = dict(frame.headings)
    current = "lead"
    for j in range(frame.head_end, frame.foot):
        if kinds[j] == "chrome":
            continue
        text = frame.texts[j]
        if is_closing_note(text):
            kinds[j] = "boilerplate" if current != "lead" else "lead"
            continue
        cue = paragraph_cue(text)
        if cue is not None and not (
            current == "lead" and j == frame.head_end and _is_summary(text)
        ):
            current = cue
        kinds[j] = current
    return kinds, headings


GENRE = Genre(
    name="press_release",
    detects=detects,
    classify=classify,
    section_kinds=SUMMARY_KINDS,
    default_sides=DIALOGUE_SIDES,
    find_speaker=find_speaker,
    find_led_by=find_led_by,
)
