"""The Committee's summary record of a meeting (CMW/C/SR.545): numbered paragraphs, each
opened by its speaker.

The header (UN symbol, "Distr.: General", the Committee, the session, "Summary record of the
545th meeting", "Held at ... on Friday, 5 April 2024", "Chair: Ms. Okonjo", the contents and
the correction note) is front matter; the agenda item after "The meeting was called to
order" names the report. In the body the speaker decides the kind of a paragraph: a
Committee member's is a question paragraph, the delegation's is its presentation until a
member has spoken and a response after, the Chair's procedural lines are other business, and
a paragraph that names nobody continues the previous speaker. Procedural notes ("The meeting
was suspended", "The delegation withdrew") are closing notes. Replies follow the questions
they answer, often in the next meeting's record, so a review's records are read joined
(`rapporteur.parts`); each record's header then starts front matter again.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from .base import Genre, MeetingHeader, Sectioning
from .meeting_summary import SUMMARY_KINDS
from .page import Frame, document_symbol, is_closing_note, is_date_line
from .record_cues import find_led_by, find_speaker, strip_number
from .record_wording import DEFAULT, RecordWording, languages, record_wording

TITLE = record_wording(DEFAULT).title
"""The title line of an English summary record (each language's: `record_wording`)."""
_HEAD_LINES = 80
_NUMBERED = re.compile(r"^\s*\d{1,3}\.\s+\S")
_RUNNING = re.compile(
    r"(?:(?:E/C\.12|[A-Z]{2,6}/C)/(?:\d+/)?SR\.\d+|GE\.\d{2}-\d+[^\n]{0,40}|\d{1,3})"
)
"""A running header or footer line of a record's later pages: its symbol, job number, page."""
_OPENING = 300
"""Closing remarks say so in their opening words ("thanked the delegation for the dialogue")."""

# Front matter, the agenda item, the dialogue and the notes around it.
RECORD_KINDS = SUMMARY_KINDS
"""A record has the parts of a meeting summary, told apart by who speaks."""
RECORD_SIDES = MappingProxyType(
    {
        "questions": "committee",
        "responses": "delegation",
        "presentation": "delegation",
    }
)


def _head(text: str) -> list[str]:
    return text.split("\n", _HEAD_LINES)[:_HEAD_LINES]


def is_record_start(text: str, language: str = DEFAULT) -> bool:
    """A paragraph that opens a record: its title, or a header cell with a summary-record
    symbol (a review's records joined in one text repeat both)."""
    w = record_wording(language)
    first = text.strip().split("\n", 1)[0]
    if w.title.match(w.prepare(first)):
        return True
    symbol = document_symbol(first)
    # A bare symbol is also the running header of a record's later pages: not a new record.
    return symbol is not None and "/SR." in symbol and first.startswith(w.header_cell)


def detects(frame: Frame) -> bool:
    """The title line ("Summary record of the 545th meeting", "Compte rendu analytique de la
    1234e séance") or an SR symbol heads the text."""
    w = record_wording(frame.language)
    head = "\n".join(_head("\n".join(frame.texts[:_HEAD_LINES])))
    if w.title.search(w.prepare(head)):
        return True
    symbol = document_symbol(head)
    return symbol is not None and "/SR." in symbol


def _front_kind(text: str, called: bool, first_record: bool, w: RecordWording) -> str:
    first = text.strip().split("\n", 1)[0].strip()
    folded = w.prepare(first)
    if w.header_chrome.match(folded) or is_date_line(first, w.language):
        return "chrome"
    if w.committee_line.match(folded) or w.session_line.match(folded):
        return "chrome"
    if w.correction.match(folded):
        return "boilerplate"
    if w.called_to_order.match(folded):
        return "boilerplate"
    # The agenda item names the report; a later record of the review repeats it.
    return "report" if called and first_record else "lead"


def _opens_body(text: str, called: bool, language: str) -> bool:
    """The first paragraph of a record's body: numbered, or (when Word kept the numbers in its
    list format) the first that is no agenda heading after the call to order, or the first
    in which someone speaks."""
    if _NUMBERED.match(text):
        return True
    if called and not _is_heading(text):
        return True
    cue = find_speaker(text, language)
    return cue is not None and cue.verb is not None


def _is_heading(text: str) -> bool:
    t = text.strip()
    return bool(t) and "\n" not in t and len(t) < 200 and t[-1] not in ".;:?!" and t[0].isupper()


def classify(frame: Frame) -> Sectioning:
    language = frame.language
    w = record_wording(language)
    kinds = list(frame.kinds)
    headings: dict[int, str] = {}
    front = True  # in a record's front matter, before its first numbered paragraph
    called = False  # "The meeting was called to order" passed
    asked = False  # a Committee member has spoken, in this record or an earlier one
    closing = False
    continued = False  # the record continues a dialogue: the delegation is replying
    current = "other"
    records = 0
    for j, text in enumerate(frame.texts):
        if j >= frame.foot:
            kinds[j] = "boilerplate"
            continue
        if is_record_start(text, language) and (not front or records == 0):
            # A record's header (its symbol cell, then its title) starts its front matter.
            records += 1
            front, called, closing, current = True, False, False, "other"
            continued = False
        stripped = text.strip()
        if front and not _opens_body(stripped, called, language):
            kind = _front_kind(stripped, called, records <= 1, w)
            folded = w.prepare(stripped)
            continued = continued or bool(w.continued.search(folded))
            called = called or bool(w.called_to_order.match(folded))
            kinds[j] = kind
            if w.title.match(folded) or (kind == "report" and _is_heading(stripped)):
                headings[j] = stripped
            continue
        front = False
        if _RUNNING.fullmatch(stripped):
            # A running header or footer of a record saved from a PDF ("CMW/C/SR.545",
            # "GE.24-06234", "3"): the speaker goes on after it.
            kinds[j] = "chrome"
            continue
        body = strip_number(stripped)
        if w.procedural.match(w.prepare(body)) or is_closing_note(body, language):
            kinds[j] = "boilerplate"
            continue
        if not _NUMBERED.match(stripped) and _is_heading(stripped):
            # An agenda item taken up in the middle of the meeting.
            kinds[j] = "report" if w.report_word.search(w.prepare(stripped)) else "other"
            headings[j] = stripped
            current = "other"
            continue
        cue = find_speaker(stripped, language)
        if cue is not None:
            current, asked, closing = _speaker_kind(
                cue.kind, cue.side, body, asked or continued, closing, w
            )
        kinds[j] = current
    return kinds, headings


def _speaker_kind(
    kind: str, side: str | None, text: str, asked: bool, closing: bool, w: RecordWording
) -> tuple[str, bool, bool]:
    """(section kind, a member has asked, the closing remarks have begun) after a paragraph
    opened by a speaker of this kind and side."""
    folded = w.prepare(text)
    if kind == "chair":
        return ("questions" if w.asks.search(folded) else "other"), asked, closing
    closing = closing or (
        side in {"committee", "delegation"} and bool(w.closing.search(folded[:_OPENING]))
    )
    if closing:
        return "concluding", asked, closing
    if side == "committee":
        return "questions", True, closing
    if side == "delegation":
        return ("responses" if asked else "presentation"), asked, closing
    return "other", asked, closing


def meeting_header(text: str) -> MeetingHeader | None:
    """Meeting number, date, Chair and Committee from the first record's header, in the
    language its title is written in."""
    head = _head(text)
    for language in languages():
        w = record_wording(language)
        folded = [w.prepare(line) for line in head]
        title = next((m for m in map(w.title.match, folded) if m), None)
        if title is not None:
            return _header(title, head, folded, w)
    return None


def _header(
    title: re.Match[str], head: list[str], folded: list[str], w: RecordWording
) -> MeetingHeader:
    date = None
    for i, line in enumerate(folded):
        if not line.lstrip().startswith(w.held_start):
            continue
        # "Held at ..., on Friday, 5 April 2024, at 3 p.m.", perhaps wrapped over two lines.
        m = w.held.search(" ".join(" ".join(folded[i : i + 2]).split()))
        if m and m["m"].lower() in w.months:
            month = w.months.index(m["m"].lower()) + 1
            date = f"{int(m['y']):04d}-{month:02d}-{int(m['d']):02d}"
            break
    chair = next(
        (head[i][m.start("who") : m.end("who")] for i, m in _matches(w.chair_head, folded)),
        None,
    )
    committee = next(
        (head[i].strip() for i, ln in enumerate(folded) if w.committee_line.match(ln.strip())),
        None,
    )
    return MeetingHeader(
        meeting=int(title["n"]),
        date=date,
        chair=" ".join(chair.split()) if chair else None,
        committee=committee,
    )


def _matches(pattern: re.Pattern[str], lines: list[str]) -> list[tuple[int, re.Match[str]]]:
    return [(i, m) for i, line in enumerate(lines) if (m := pattern.match(line))]


GENRE = Genre(
    name="summary_record",
    detects=detects,
    classify=classify,
    section_kinds=RECORD_KINDS,
    default_sides=RECORD_SIDES,
    find_speaker=find_speaker,
    find_led_by=find_led_by,
    meeting_header=meeting_header,
)
