"""The UN Geneva meeting summary: the dialogue's parts are marked by headings.

"Report", "Presentation of Report", "Questions by Committee Experts", "Responses by the
Delegation", "Concluding Remarks" (in French "Présentation du rapport", "Réponses de la
délégation", ...: the headings of each language are data, `wording.py`); everything between
the title and the first such heading is the lead, which summarises the body.
"""

from __future__ import annotations

from types import MappingProxyType

from .base import Genre, Sectioning
from .cues import find_led_by, find_speaker
from .page import Frame, is_boilerplate, is_chrome, is_closing_note, is_date_line
from .wording import DEFAULT, wording

# The sections of a UN Geneva summary, headed (meeting summary) or not (press release).
SUMMARY_KINDS = frozenset(
    {
        "chrome",
        "lead",
        "report",
        "presentation",
        "questions",
        "responses",
        "concluding",
        "boilerplate",
        "other",
    }
)

# Who speaks in a section's first paragraph when it names nobody.
DIALOGUE_SIDES = MappingProxyType(
    {"questions": "committee", "responses": "delegation", "presentation": "delegation"}
)


def heading_kind(text: str, language: str = DEFAULT) -> str | None:
    """The section kind a heading announces, or None if the text is not a heading."""
    t = text.strip()
    if not t or len(t) > 90 or t[-1] in ".;,:?!" or not t[0].isupper():
        return None
    words = t.split()
    if len(words) > 12:
        return None
    cues = wording(language)
    folded = cues.prepare(t)
    for kind, pattern in cues.headings:
        if pattern.search(folded):
            return kind
    return None


def _looks_like_heading(text: str) -> bool:
    """A short capitalised line without final punctuation: a heading of an unknown kind."""
    t = text.strip()
    if not t or len(t) > 80 or t[-1] in ".;,:?!)" or not t[0].isupper():
        return False
    words = t.split()
    return (
        1 <= len(words) <= 10
        and sum(w[0].isupper() for w in words if w[0].isalpha()) >= len(words) / 2
    )


def _first_heading(frame: Frame) -> int | None:
    return next(
        (
            j
            for j in range(frame.head_end, frame.foot)
            if heading_kind(frame.texts[j], frame.language) is not None
        ),
        None,
    )


def detects(frame: Frame) -> bool:
    """A heading that names a part of the dialogue stands between the title and the footer."""
    return _first_heading(frame) is not None


def classify(frame: Frame) -> Sectioning:
    kinds = list(frame.kinds)
    headings = dict(frame.headings)
    first = _first_heading(frame)
    if first is None:
        return kinds, headings
    for j in range(frame.head_end, first):
        if kinds[j] == "other":
            kinds[j] = "lead"
    current = "other"
    for j in range(first, frame.foot):
        if kinds[j] == "chrome":
            continue
        text = frame.texts[j]
        if is_chrome(text) or is_date_line(text, frame.language):
            # The page of another part of the same review (summaries read joined): its
            # title and lead repeat its body, up to its first heading.
            kinds[j] = "chrome"
            current = "lead"
            continue
        hk = heading_kind(text, frame.language)
        if is_boilerplate(text, frame.language):
            kinds[j] = "boilerplate"
            continue
        if hk is not None:
            current = hk
            headings[j] = text
        elif _looks_like_heading(text) and j + 1 < frame.foot:
            headings[j] = text  # a sub-heading keeps the current kind
        elif is_closing_note(text, frame.language):
            kinds[j] = "boilerplate"
            continue
        kinds[j] = current
    return kinds, headings


GENRE = Genre(
    name="meeting_summary",
    detects=detects,
    classify=classify,
    section_kinds=SUMMARY_KINDS,
    default_sides=DIALOGUE_SIDES,
    find_speaker=find_speaker,
    find_led_by=find_led_by,
)
