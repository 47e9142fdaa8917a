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
from .page import DATE_LINE, Frame, document_symbol, is_closing_note
from .record_cues import find_led_by, find_speaker, strip_number

TITLE = re.compile(
    r"^\s*Summary record(?: \((?:partial|closed)\))? of the (?:(?:first|second|third) part of "
    r"the |public part of the )?(?P<n>\d{1,5})(?:st|nd|rd|th)\s+meeting\b",
    re.I | re.M,
)
"""The title line of a summary record."""
_HEAD_LINES = 80
_NUMBERED = re.compile(r"^\s*\d{1,3}\.\s+\S")
_CALLED_TO_ORDER = re.compile(
    r"^The (?:meeting|public part of the meeting) (?:was|is) (?:called|resumed)|"
    r"^The discussion covered in the summary record began",
    re.I,
)
_PROCEDURAL = re.compile(
    r"^(?:At the invitation of the (?:Chair\w*|President)\b[^.]{0,80}\b(?:delegation|"
    r"representatives?)\b|The (?:members of the )?delegation(?: of [^.]{2,80}?)? (?:withdrew|"
    r"took (?:its |their )?places?|joined the meeting|left the (?:meeting|room))|"
    r"The (?:public part of the )?meeting (?:was suspended|was resumed|resumed|rose|was closed|"
    r"was called to order|continued in private|ended)|"
    r"The discussion covered in the summary record (?:ended|began|was held)|"
    r"The (?:public|closed) part of the meeting (?:rose|ended|began)|"
    r"(?:Mr|Ms|Mrs|Dr)\.? [^.]{1,80}? (?:took|resumed) the Chair)",
    re.I,
)
_CORRECTION = re.compile(
    r"^This record is subject to correction|^Corrections (?:should|to this record)|"
    r"^Any corrections to the records",
    re.I,
)
_HEADER_CHROME = re.compile(
    r"^(?:United Nations\b|Distr\.|Original:|GE\.\d|Please recycle|International Convention\b|"
    r"Convention (?:on|against)\b|International Covenant\b|Optional Protocol\b|"
    r"Advance unedited|[A-Z]{2,6}/C/\S*SR\.\d+)",
    re.I,
)
_RUNNING = re.compile(
    r"(?:(?:E/C\.12|[A-Z]{2,6}/C)/(?:\d+/)?SR\.\d+|GE\.\d{2}-\d+[^\n]{0,40}|\d{1,3})"
)
"""A running header or footer line of a record's later pages: its symbol, job number, page."""
_COMMITTEE_LINE = re.compile(
    r"^(?:Committee (?:on|against|for)\b|Human Rights Committee$|Subcommittee on\b)"
)
_SESSION_LINE = re.compile(r"^[\w-]+ session$", re.I)
_CLOSING = re.compile(
    r"\bthank\w*\b[^.]{0,60}\bdelegation\b[^.]{0,60}\b(?:dialogue|exchange)\b|"
    r"\b(?:in|by way of) (?:her|his|their|its)? ?(?:concluding|closing) (?:remarks|statement)\b|"
    r"\b(?:the|this) dialogue had been\b",
    re.I,
)
_OPENING = 300
"""Closing remarks say so in their opening words ("thanked the delegation for the dialogue")."""
_CONTINUED = re.compile(
    r"\b(?:initial|periodic)\s+reports?\b[^()]*\(continued\)|"
    r"\breports? of (?!States?\b)[^()]*\(continued\)",
    re.I,
)
"""The agenda line of a record that continues a dialogue begun at an earlier meeting."""
_ASKS = re.compile(r"\?|\b(?:asked|wished to know|would like to know|wondered|enquired|inquired)\b")
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_HELD = re.compile(
    r"\bon (?:[A-Z][a-z]+day,?\s+)?(?P<d>\d{1,2})\s+(?P<m>[A-Z][a-z]+)\s+(?P<y>(?:19|20)\d{2})"
)
_CHAIR_HEAD = re.compile(r"^\s*(?:Acting )?(?:Chair|Chairperson|President)\s*:\s*(?P<who>.+?)\s*$")

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


def is_record_start(text: str) -> bool:
    """A paragraph that opens a record: its title, or a header cell with a summary-record
    symbol (a review's records joined in one text repeat both)."""
    first = text.strip().split("\n", 1)[0]
    if TITLE.match(first):
        return True
    symbol = document_symbol(first)
    # A bare symbol is also the running header of a record's later pages: not a new record.
    return symbol is not None and "/SR." in symbol and first.startswith("United Nations")


def detects(frame: Frame) -> bool:
    """The title line ("Summary record of the 545th meeting") or an SR symbol heads the text."""
    head = "\n".join(_head("\n".join(frame.texts[:_HEAD_LINES])))
    if TITLE.search(head):
        return True
    symbol = document_symbol(head)
    return symbol is not None and "/SR." in symbol


def _front_kind(text: str, called: bool, first_record: bool) -> str:
    first = text.strip().split("\n", 1)[0].strip()
    if _HEADER_CHROME.match(first) or DATE_LINE.match(first):
        return "chrome"
    if _COMMITTEE_LINE.match(first) or _SESSION_LINE.match(first):
        return "chrome"
    if _CORRECTION.match(first):
        return "boilerplate"
    if _CALLED_TO_ORDER.match(first):
        return "boilerplate"
    # The agenda item names the report; a later record of the review repeats it.
    return "report" if called and first_record else "lead"


def _opens_body(text: str, called: bool) -> bool:
    """The first paragraph of a record's body: numbered, or (when Word kept the numbers in its
    list format) the first that is no agenda heading after the call to order, or the first
    in which someone speaks."""
    if _NUMBERED.match(text):
        return True
    if called and not _is_heading(text):
        return True
    cue = find_speaker(text)
    return cue is not None and cue.verb is not None


def _is_heading(text: str) -> bool:
    t = text.strip()
    return bool(t) and "\n" not in t and len(t) < 200 and t[-1] not in ".;:?!" and t[0].isupper()


def classify(frame: Frame) -> Sectioning:
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
        if is_record_start(text) and (not front or records == 0):
            # A record's header (its symbol cell, then its title) starts its front matter.
            records += 1
            front, called, closing, current = True, False, False, "other"
            continued = False
        stripped = text.strip()
        if front and not _opens_body(stripped, called):
            kind = _front_kind(stripped, called, records <= 1)
            continued = continued or bool(_CONTINUED.search(stripped))
            called = called or bool(_CALLED_TO_ORDER.match(stripped))
            kinds[j] = kind
            if TITLE.match(stripped) or (kind == "report" and _is_heading(stripped)):
                headings[j] = stripped
            continue
        front = False
        if _RUNNING.fullmatch(stripped):
            # A running header or footer of a record saved from a PDF ("CMW/C/SR.545",
            # "GE.24-06234", "3"): the speaker goes on after it.
            kinds[j] = "chrome"
            continue
        body = strip_number(stripped)
        if _PROCEDURAL.match(body) or is_closing_note(body):
            kinds[j] = "boilerplate"
            continue
        if not _NUMBERED.match(stripped) and _is_heading(stripped):
            # An agenda item taken up in the middle of the meeting.
            kinds[j] = "report" if re.search(r"\breports?\b", stripped, re.I) else "other"
            headings[j] = stripped
            current = "other"
            continue
        cue = find_speaker(stripped)
        if cue is not None:
            current, asked, closing = _speaker_kind(
                cue.kind, cue.side, body, asked or continued, closing
            )
        kinds[j] = current
    return kinds, headings


def _speaker_kind(
    kind: str, side: str | None, text: str, asked: bool, closing: bool
) -> tuple[str, bool, bool]:
    """(section kind, a member has asked, the closing remarks have begun) after a paragraph
    opened by a speaker of this kind and side."""
    if kind == "chair":
        return ("questions" if _ASKS.search(text) else "other"), asked, closing
    closing = closing or (
        side in {"committee", "delegation"} and bool(_CLOSING.search(text[:_OPENING]))
    )
    if closing:
        return "concluding", asked, closing
    if side == "committee":
        return "questions", True, closing
    if side == "delegation":
        return ("responses" if asked else "presentation"), asked, closing
    return "other", asked, closing


def meeting_header(text: str) -> MeetingHeader | None:
    """Meeting number, date, Chair and Committee from the first record's header."""
    head = _head(text)
    title = next((m for m in map(TITLE.match, head) if m), None)
    if title is None:
        return None
    date = None
    for i, line in enumerate(head):
        if not line.lstrip().startswith("Held"):
            continue
        # "Held at ..., on Friday, 5 April 2024, at 3 p.m.", perhaps wrapped over two lines.
        m = _HELD.search(" ".join(" ".join(head[i : i + 2]).split()))
        if m and m["m"].lower() in _MONTHS:
            date = f"{int(m['y']):04d}-{_MONTHS.index(m['m'].lower()) + 1:02d}-{int(m['d']):02d}"
            break
    chair = next((m["who"] for m in map(_CHAIR_HEAD.match, head) if m), None)
    committee = next((ln.strip() for ln in head if _COMMITTEE_LINE.match(ln.strip())), None)
    return MeetingHeader(
        meeting=int(title["n"]),
        date=date,
        chair=" ".join(chair.split()) if chair else None,
        committee=committee,
    )


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
