"""The older UN Geneva press release: no headings, the parts are marked only by phrases.

"Presenting the report, ... said", "In the ensuing discussion", "In response, the delegation"
(in French "Présentant le rapport", in Spanish "En respuesta": each language's phrases are
data, `wording.py`); the lead runs until the first paragraph with such a cue. This is the
fallback genre: any document no other genre claims is read as a press release.
"""

from __future__ import annotations

from .base import Genre, Sectioning
from .cues import find_led_by, find_speaker
from .meeting_summary import DIALOGUE_SIDES, SUMMARY_KINDS
from .page import Frame, is_closing_note
from .wording import DEFAULT, wording


def paragraph_cue(text: str, language: str = DEFAULT) -> str | None:
    """The dialogue part a paragraph's opening (first 300 characters) announces (headless
    documents only)."""
    cues = wording(language)
    head = cues.prepare(text[:300])
    for kind, pattern in cues.paragraph_cues:
        if pattern.search(head):
            return kind
    return None


def _is_summary(text: str, language: str = DEFAULT) -> bool:
    """The opening paragraph of a press release ("today considered the report of ...")."""
    cues = wording(language)
    return bool(cues.opening.search(cues.prepare(text[:400])))


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
        if is_closing_note(text, frame.language):
            kinds[j] = "boilerplate" if current != "lead" else "lead"
            continue
        cue = paragraph_cue(text, frame.language)
        if cue is not None and not (
            current == "lead" and j == frame.head_end and _is_summary(text, frame.language)
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
