"""The genres of treaty-body record rapporteur reads, and how to tell them apart.

Each genre is one `Genre` entry (`base.py`): its name (`document.kind` in the JSON), how it is
detected, how its paragraphs are sectioned, its speaker patterns and which side speaks by
default in each of its section kinds. The stages ask the registry instead of branching on
the genre themselves; docs/genres.md says how to add one.

    page.py             the UN page around any record: chrome, title, footer, document symbol
    wording.py          each language's headings, footers and phrases (data/lang/*/segment.toml)
    fold.py             text folded one character for one, for French and Spanish cues
    cues.py             speaker patterns of meeting summaries and press releases
                        (speaker_patterns: built from data/lang/*/speakers.toml)
    concluding_observations.py  the Committee's recommendations (co_layout reads the text)
    summary_record.py   the Committee's record of a meeting (record_cues: its speakers;
                        record_wording: its header and notes in each language)
    meeting_summary.py  headed UN Geneva meeting summaries
    press_release.py    older press releases without headings (the fallback)
"""

from __future__ import annotations

from . import concluding_observations, meeting_summary, press_release, summary_record
from .base import Genre, Sectioning
from .page import Frame, frame

# Asked in this order; the first genre that detects a document wins. Summary records
# ("CMW/C/SR.545", numbered paragraphs) and concluding observations ("CMW/C/KGZ/CO/2") go
# before the meeting summary, since their symbol line is the surest sign; the press release
# stays last because it detects every document.
REGISTRY: tuple[Genre, ...] = (
    concluding_observations.GENRE,
    summary_record.GENRE,
    meeting_summary.GENRE,
    press_release.GENRE,
)
FALLBACK = REGISTRY[-1]

__all__ = ["FALLBACK", "REGISTRY", "Frame", "Genre", "Sectioning", "by_name", "detect", "frame"]


def detect(framed: Frame) -> Genre:
    """The first registered genre that recognises the document."""
    return next(g for g in REGISTRY if g.detects(framed))


def by_name(name: str | None) -> Genre:
    """The registered genre called `name`; None (no genre detected yet) gives the fallback."""
    if name is None:
        return FALLBACK
    for genre in REGISTRY:
        if genre.name == name:
            return genre
    raise KeyError(f"no genre called {name!r}")
