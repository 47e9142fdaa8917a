"""What a genre of treaty-body record is to rapporteur: one record, filled by each genre module."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from .cues import SpeakerCue
from .page import Frame

Sectioning = tuple[list[str], dict[int, str]]
"""The section kind of every paragraph, and which paragraphs are headings (index -> text)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetingHeader:
    """What the header of a meeting's own record says of the meeting (a summary record:
    "Summary record of the 545th meeting", "Held at ... on Friday, 5 April 2024", "Chair:")."""

    meeting: int | None
    date: str | None
    """ISO date of the meeting (not the date the record was issued)."""
    chair: str | None
    """As written ("Ms. Okonjo")."""
    committee: str | None
    """The line naming the Committee."""


def _no_header(_text: str) -> MeetingHeader | None:
    return None


class FindSpeaker(Protocol):
    """Who a sentence says is speaking, read with the cues of the record's language."""

    def __call__(self, text: str, language: str = ..., /) -> SpeakerCue | None: ...


def no_speaker(_text: str, _language: str = "en", /) -> SpeakerCue | None:
    """For a genre without speakers (concluding observations)."""
    return None


@dataclass(frozen=True, slots=True, kw_only=True)
class Genre:
    """Everything that differs between kinds of record, so that stages need no branches.

    `segment` asks each registered genre in turn whether it `detects` the document, then lets
    the first that does `classify` its paragraphs into sections; `speakers` finds who speaks
    with the genre's patterns and, when a paragraph names nobody, falls back on the side its
    section kind belongs to (`default_sides`).
    """

    name: str
    """`document.kind` in the JSON output: one of `rapporteur.models.DOCUMENT_KINDS`."""
    detects: Callable[[Frame], bool]
    """Whether a framed document is of this genre (asked in registry order)."""
    classify: Callable[[Frame], Sectioning]
    """Section kinds for the paragraphs of a document of this genre."""
    section_kinds: frozenset[str]
    """The kinds `classify` may give: a subset of `rapporteur.models.SECTION_KINDS`."""
    default_sides: Mapping[str, str]
    """Section kind -> the side speaking when a paragraph names nobody (and no one spoke
    before in the section)."""
    find_speaker: FindSpeaker
    """The speaker a sentence opens with ("Ms. X, Country Rapporteur, asked ...")."""
    find_led_by: FindSpeaker
    """The head of delegation named without a turn ("the delegation, led by NAME, TITLE")."""
    meeting_header: Callable[[str], MeetingHeader | None] = _no_header
    """The meeting a record's header describes, from the document's text; None for genres
    that report on a meeting from outside (a meeting summary gives its date in a dateline)."""
