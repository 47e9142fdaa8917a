"""The Committee's concluding observations: numbered paragraphs under fixed section titles.

"Concluding observations on the second periodic report of X" (or the symbol "CMW/C/X/CO/2")
heads the document; the Committee's recommendations stand in the section of principal
subjects of concern and recommendations. There is no dialogue, so no speakers: the
recommendations stage reads the text with `co_layout`, and this genre only detects the
document and names its sections.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from .base import Genre, Sectioning, no_speaker
from .co_layout import SECTION_TITLES, blocks, find_symbol, section_kind
from .co_wording import DEFAULT, co_wording
from .page import Frame

RECOMMENDS = co_wording(DEFAULT).recommends
"""A paragraph in which the Committee asks the State party to act (English; each language's:
`co_wording`)."""
_HEAD_LINES = 60
_SYMBOL_LINES = 8

# The section kinds of concluding observations: the co_layout titles, and the front matter
# (title, symbol, distribution) before the first of them.
CO_KINDS = frozenset({"lead", "chrome", "boilerplate", *(kind for _, kind in SECTION_TITLES)})


@dataclass(frozen=True, slots=True, kw_only=True)
class Verdict:
    """Whether a text is concluding observations, and why (never a bare None)."""

    is_concluding_observations: bool
    reason: str
    titled: bool = False
    """The title or symbol is there, whatever the body holds."""


def verdict(text: str, language: str = DEFAULT) -> Verdict:
    """Concluding observations have their title or symbol at the top and numbered
    recommendations; a meeting summary quotes neither."""
    w = co_wording(language)
    head = text.split("\n", _HEAD_LINES)[:_HEAD_LINES]  # every document passes through here
    title = w.title.search(w.prepare("\n".join(head)))
    symbol = find_symbol(head)
    if not (title or symbol):
        return Verdict(
            is_concluding_observations=False,
            reason="no 'Concluding observations on the ... report' title and no"
            " concluding-observations symbol at the top",
        )
    # Only now read the whole text.
    found = sum(
        1
        for b in blocks(text, language)
        if b.kind == "paragraph" and w.recommends.search(w.prepare(b.text))
    )
    sections = {section_kind(line, language) for line in text.split("\n")} - {None}
    missing = []
    if found < 2:
        missing.append(f"{found} numbered paragraphs in which the Committee recommends")
    if "concerns_and_recommendations" not in sections:
        missing.append("no section of concerns and recommendations")
    if missing:
        return Verdict(
            is_concluding_observations=False,
            # A summary may cite a symbol in passing, never head a line with the title or
            # carry the symbol in its first lines (the UN header).
            titled=bool(title or find_symbol(head[:_SYMBOL_LINES])),
            reason="a concluding-observations title or symbol but " + " and ".join(missing),
        )
    what = f"symbol {symbol}" if symbol else "the title"
    return Verdict(
        is_concluding_observations=True,
        titled=True,
        reason=f"{what}, a section of concerns and recommendations and {found} numbered "
        "paragraphs in which the Committee recommends",
    )


def _joined(frame: Frame) -> str:
    return "\n\n".join(frame.texts)


def detects(frame: Frame) -> bool:
    return verdict(_joined(frame), frame.language).is_concluding_observations


def classify(frame: Frame) -> Sectioning:
    """Front matter is the lead; each section title opens a section of its kind. The page
    around the record (chrome, footer) is kept as the frame marked it."""
    kinds = list(frame.kinds)
    headings: dict[int, str] = {}
    current = "lead"
    for j, text in enumerate(frame.texts):
        if kinds[j] in ("chrome", "boilerplate"):
            continue
        first = text.strip().split("\n", 1)[0]
        kind = section_kind(first, frame.language)
        if kind is not None:
            current = kind
            headings[j] = first.strip()
        kinds[j] = current
    return kinds, headings


GENRE = Genre(
    name="concluding_observations",
    detects=detects,
    classify=classify,
    section_kinds=CO_KINDS,
    default_sides=MappingProxyType({}),
    find_speaker=no_speaker,
    find_led_by=no_speaker,
)
