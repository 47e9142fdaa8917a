"""Read concluding observations: their metadata, sections and every recommendation.

Concluding observations are what follow-up work is built on, so each recommendation becomes
its own record that a tracker can cite ("CMW/C/ARD/CO/2, para. 18 (a)"):
- a recommendation is a numbered paragraph of the section of principal subjects (main areas)
  of concern in which the Committee recommends, urges, encourages, calls on, requests or
  invites the State party or reiterates a recommendation; a paragraph with lettered
  sub-paragraphs gives one record per letter (its lead-in is context, not a record); the
  dissemination and technical-assistance paragraphs of the later sections are not records;
- `heading` is the innermost heading it stands under, `subject` the numbered (CMW) or lettered
  (CRC) subject heading; `articles` are those the subject heading names ("(arts. 8–35)",
  ranges expanded, "44 (6)" read as 44) and "article N of the Convention" in the text;
- `concern` is the paragraph just before it under the same heading, when that is not a
  recommendation itself;
- `follow_up` says the item is named in the follow-up request ("paragraphs 21 (a), 31 (b)
  and 33": a paragraph named without a letter names all its items);
- `reiterates` is filled when the text says it reiterates or recalls a previous
  recommendation, with the symbol and paragraph it cites, or None for either when not given.
Pure functions over a text string; `co_meta` reads the introduction and the next report, and
`recommendation_links` links one cycle to the previous one.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..genres.co_layout import SYMBOL, Block, blocks, find_symbol
from ..genres.co_wording import DEFAULT, CoWording, co_wording
from ..genres.concluding_observations import Verdict, verdict
from ..models import (
    FollowUpRequest,
    Metadata,
    NextReport,
    Recommendation,
    Reiteration,
    Review,
    StateParty,
)
from ..reference import BY_ACRONYM
from ..settings import Settings
from .co_meta import FollowUp, Header, follow_up, header, next_report
from .metadata import parse_report, state_party_in

__all__ = [
    "ConcludingObservations",
    "Recommendation",
    "Reiteration",
    "Section",
    "Verdict",
    "detect",
    "read",
]

_SENTENCE = re.compile(r"(?<=\.)\s+(?=[A-Z])")


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    kind: str
    heading: str | None
    first_line: int
    last_line: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ConcludingObservations:
    """What `read` finds in one concluding-observations text."""

    symbol: str | None
    committee: str | None
    header: Header
    sections: tuple[Section, ...]
    recommendations: tuple[Recommendation, ...]
    follow_up: FollowUp | None
    next_report: NextReport | None


detect = verdict
"""Whether a text is concluding observations (the genre's own test), and why."""


def read(text: str, language: str = DEFAULT) -> ConcludingObservations:
    """Metadata, sections and recommendations of a concluding-observations text."""
    bs = blocks(text, language)
    symbol = find_symbol(text.split("\n"))
    up = follow_up(bs, language)
    recs = _recommendations(bs, up, co_wording(language))
    return ConcludingObservations(
        symbol=symbol,
        committee=committee_of(symbol),
        header=header(bs),
        sections=_sections(bs),
        recommendations=recs,
        follow_up=up,
        next_report=next_report(bs, language),
    )


def committee_of(symbol: str | None) -> str | None:
    """ "CMW/C/ARD/CO/2" -> "CMW"; "E/C.12/..." -> "CESCR"."""
    if symbol is None:
        return None
    if symbol.startswith("E/C.12/"):
        return "CESCR"
    return symbol.split("/")[0]


def articles_in(heading: str | None, language: str = DEFAULT) -> list[int]:
    """Articles a heading names in its final "(arts. 4, 42 and 44 (6))"."""
    if not heading:
        return []
    w = co_wording(language)
    m = w.heading_articles.search(w.prepare(heading))
    return _numbers(m.group(1), w) if m else []


def text_articles(text: str, language: str = DEFAULT) -> list[int]:
    """Articles of the Convention a sentence names ("article 51 of the Convention")."""
    w = co_wording(language)
    out: list[int] = []
    for m in w.text_articles.finditer(w.prepare(text)):
        of = m.group(2)
        if of is None or w.the_convention.fullmatch(of):
            out.extend(_numbers(m.group(1), w))
    return out


def _numbers(spec: str, w: CoWording) -> list[int]:
    """'5, 9–11, 18 (1) and (2), 20' -> [5, 9, 10, 11, 18, 20]; '9 à 11' in French."""
    while True:
        inner = re.sub(r"\s*\([^()]*\)", "", spec)
        if inner == spec:
            break
        spec = inner
    out: set[int] = set()
    for a, b in w.number_range.findall(spec):
        if int(a) <= int(b) <= int(a) + 100:
            out.update(range(int(a), int(b) + 1))
    spec = w.number_range.sub(" ", spec)
    out.update(int(n) for n in re.findall(r"\d+", spec))
    return sorted(out)


def reiteration(text: str, language: str = DEFAULT) -> Reiteration | None:
    """The earlier recommendation `text` says it repeats: explicit citation first."""
    w = co_wording(language)
    for sentence in _SENTENCE.split(w.prepare(text)):
        if w.reiterates.search(sentence):
            return _cited(sentence, w)
    return None


def _cited(tail: str, w: CoWording) -> Reiteration:
    cited = w.citation.search(tail)
    if cited:
        return Reiteration(symbol=cited.group(1), paragraph=int(cited.group(2)))
    bare = SYMBOL.search(tail)
    return Reiteration(symbol=bare.group(1) if bare else None, paragraph=None)


def _recommendations(
    bs: Sequence[Block], up: FollowUp | None, w: CoWording
) -> tuple[Recommendation, ...]:
    out: list[Recommendation] = []
    section: str | None = None
    subject: str | None = None
    heading: str | None = None
    previous: Block | None = None
    previous_is_rec = False
    named = set(up.items) if up else set()
    for i, b in enumerate(bs):
        if b.kind == "section":
            section, subject, heading, previous = b.section, None, None, None
        elif b.kind == "subject":
            subject, heading, previous = b.text, None, None
        elif b.kind == "heading":
            heading, previous = b.text, None
        if b.kind != "paragraph" or section != "concerns_and_recommendations":
            continue
        is_rec = bool(w.recommends.search(w.prepare(b.text)))
        concern = previous.text if previous is not None and not previous_is_rec else None
        previous, previous_is_rec = b, is_rec
        if not is_rec or b.number is None:
            continue
        items = _items_of(bs, i) or [b]
        base = articles_in(subject, w.language) + articles_in(heading, w.language)
        for item in items:
            letter = item.letter if item is not b else None
            own = item.text
            lead = b.text if item is not b else None
            out.append(
                Recommendation(
                    id=f"r{b.number}{letter or ''}",
                    paragraph=b.number,
                    letter=letter,
                    line=item.line,
                    text=item.first,
                    action=own,
                    lead_in=lead,
                    heading=heading or subject,
                    subject=subject,
                    articles=tuple(
                        sorted(set(base + text_articles(own + " " + (lead or ""), w.language)))
                    ),
                    concern=concern,
                    follow_up=(b.number, letter) in named or (b.number, None) in named,
                    reiterates=reiteration(own, w.language)
                    or (reiteration(lead, w.language) if lead else None),
                )
            )
    return tuple(out)


def _items_of(bs: Sequence[Block], i: int) -> list[Block]:
    out: list[Block] = []
    for b in bs[i + 1 :]:
        if b.kind == "footnote":
            continue
        if b.kind != "item":
            break
        out.append(b)
    return out


def _sections(bs: Sequence[Block]) -> tuple[Section, ...]:
    """Top-level sections with their line ranges; the part before the first is "front"."""
    starts = [b for b in bs if b.kind == "section"]
    last = max((b.last_line for b in bs), default=0)
    out: list[Section] = []
    if bs and (not starts or bs[0].line < starts[0].line):
        out.append(
            Section(
                kind="front",
                heading=None,
                first_line=bs[0].line,
                last_line=(starts[0].line - 1) if starts else last,
            )
        )
    for j, s in enumerate(starts):
        end = starts[j + 1].line - 1 if j + 1 < len(starts) else last
        inside = [b.last_line for b in bs if s.line <= b.line <= end]
        out.append(
            Section(
                kind=s.section or "other",
                heading=s.text,
                first_line=s.line,
                last_line=max(inside, default=s.line),
            )
        )
    return tuple(out)


def run(review: Review, settings: Settings) -> Review:
    """Concluding observations get their recommendations, the next report's due date and the
    header's facts where the general metadata stage found none; other genres pass through."""
    if review.document_kind != "concluding_observations":
        return review
    co = read(review.document.text, review.language)
    return replace(
        review,
        recommendations=co.recommendations,
        next_report=co.next_report,
        follow_up=_request(co),
        metadata=_metadata(review.metadata, co),
    )


_NUMBER_WORDS = {w: i + 1 for i, w in enumerate("one two three four five six".split())}


def _request(co: ConcludingObservations) -> FollowUpRequest | None:
    up = co.follow_up
    if up is None:
        return None
    return FollowUpRequest(
        line=up.line,
        paragraph=up.paragraph,
        within=up.within,
        due=due(co.header.adopted, up.within),
    )


def due(adopted: str | None, within: str | None) -> str | None:
    """The adoption date plus "two years" or "24 months"; None when either is missing."""
    if not adopted or not within:
        return None
    count, unit = within.lower().split()
    n = int(count) if count.isdigit() else _NUMBER_WORDS.get(count)
    if n is None:
        return None
    months = n * 12 if unit.startswith("year") else n
    year, month, day = (int(x) for x in adopted.split("-"))
    month0 = month - 1 + months
    year, month = year + month0 // 12, month0 % 12 + 1
    day = min(day, calendar.monthrange(year, month)[1])
    return f"{year:04d}-{month:02d}-{day:02d}"


def _metadata(meta: Metadata | None, co: ConcludingObservations) -> Metadata:
    """The header says which State, report, session and adoption date, more surely than the
    general patterns, which were written for meeting summaries."""
    h = co.header
    state = None
    if h.state_party:
        state = state_party_in(h.state_party) or StateParty(name=h.state_party.strip(), iso3=None)
    parsed = parse_report(h.report) if h.report else None
    report = None
    if parsed is not None:
        symbol = h.report_symbols[0] if h.report_symbols else None
        report = replace(parsed[0], symbol=symbol)
    base = meta or Metadata(
        committee=None,
        committee_name=None,
        state_party=None,
        report=None,
        session=None,
        date=None,
        release_code=None,
        next_meeting=None,
        title=None,
        year=None,
    )
    committee = co.committee or base.committee
    date = h.adopted or base.date
    return replace(
        base,
        committee=committee,
        committee_name=BY_ACRONYM[committee].name if committee in BY_ACRONYM else None,
        state_party=state or base.state_party,
        report=report or base.report,
        session=h.session or base.session,
        date=date,
        year=int(date[:4]) if date else base.year,
        symbol=co.symbol or base.symbol,
    )
