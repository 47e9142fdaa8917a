"""What concluding observations say about the review itself: the report(s) considered, the
meetings and their dates, the session, the follow-up request and the next report.

These sentences are formulaic across committees ("The Committee considered the second
periodic report of Ardenia (CMW/C/ARD/2) at its 545th and 546th meetings (see CMW/C/SR.545
and 546), held on 5 and 6 April 2024"), so a few patterns over the logical paragraphs of
`co_layout.blocks` read them whatever the wrapping.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..genres.co_layout import Block
from ..genres.co_wording import DEFAULT, CoWording, FollowUpWording, co_wording
from ..models import NextReport

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november "
        "december".split()
    )
}
_REPORT_SYMBOL = re.compile(r"\b((?:[A-Z]{2,5}/C|E/C\.12)/[A-Z]{3}/\d+(?:[-–]\d+)?)\b")
_SR = re.compile(r"\b((?:[A-Z]{2,5}|E/C\.12)/(?:C/)?SR\.)(\d+)((?:\s*(?:,|and|-|–)\s*(?:\1)?\d+)*)")
_HELD = re.compile(
    r"held on ((?:\d{1,2}(?:\s+[A-Z][a-z]+)?(?:\s+\d{4})?\s*(?:,|and|to|-|–)\s*)*"
    r"\d{1,2}\s+[A-Z][a-z]+\s+\d{4})"
)
_DATE = re.compile(r"\b(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})\b")
_CONSIDERED = re.compile(
    r"considered the (.+?reports?)(?: of| submitted by) (?:the )?([A-Z][\w'’\- ]+?)\s*\("
)
_TITLE = re.compile(r"Concluding observations on the (.+?reports?) of ([^*]+?)\s*\*")
_SESSION = re.compile(r"Adopted by the Committee at its ([a-z\-]+(?: [a-z]+)?) session", re.I)
_WITHIN = re.compile(r"\bwithin (?:a period of )?(\w+) (years?|months?)\b", re.I)
_FOLLOW_UP = re.compile(r"recommendations? contained in paragraphs? (.+?)(?: above|\.|$)")
_NEXT = re.compile(
    r"\bsubmit (?:its )?(?P<desc>[^.]*?reports?)\b[^.]*?\bby (?P<date>\d{1,2} [A-Z][a-z]+ \d{4})"
)
_UNITS = {
    w: i
    for i, w in enumerate("zero first second third fourth fifth sixth seventh eighth ninth".split())
}
_TEENS = {
    w: i + 10
    for i, w in enumerate(
        "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
        "nineteenth".split()
    )
}
_TENTHS = {
    w: (i + 2) * 10
    for i, w in enumerate(
        "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
    )
}
_TENS = {
    w: (i + 2) * 10
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Header:
    """The introduction's facts: which report, which meetings, when adopted."""

    state_party: str | None
    report: str | None
    """"second periodic report", "combined fifth and sixth periodic reports"."""
    report_symbols: tuple[str, ...]
    meetings: tuple[str, ...]
    meeting_dates: tuple[str, ...]
    adopted: str | None
    session: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class FollowUp:
    """The follow-up request: which items, within what time."""

    paragraph: int | None
    line: int
    within: str | None
    items: tuple[tuple[int, str | None], ...]
    """(paragraph, letter or None for the whole paragraph), in the order named."""


def iso(day: str, month: str, year: str) -> str | None:
    m = MONTHS.get(month.lower())
    return f"{int(year):04d}-{m:02d}-{int(day):02d}" if m and 1 <= int(day) <= 31 else None


def dates(span: str) -> list[str]:
    """'5 and 6 April 2024' -> two ISO dates; '30 September and 1 October 2024' too."""
    year = re.findall(r"\b(\d{4})\b", span)
    if not year:
        return []
    pieces = re.findall(
        r"(\d{1,2})(?:\s+([A-Z][a-z]+))?(?:\s+\d{4})?", re.sub(r"\b\d{4}\b", "", span)
    )
    out: list[str] = []
    month = ""
    for day, m in reversed(pieces):
        month = m or month
        d = iso(day, month, year[-1])
        if d:
            out.append(d)
    return sorted(out)


def ordinal(words: str) -> int | None:
    """'thirty-eighth' -> 38."""
    parts = re.split(r"[\s-]+", words.lower())
    if len(parts) == 1:
        p = parts[0]
        return _UNITS.get(p) or _TEENS.get(p) or _TENTHS.get(p)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS:
        return _TENS[parts[0]] + _UNITS[parts[1]]
    return None


def header(bs: Sequence[Block]) -> Header:
    front = " ".join(b.text for b in bs if b.kind in ("front", "footnote"))
    intro = next((b.text for b in bs if b.kind == "paragraph"), "")
    title = _TITLE.search(front)
    considered = _CONSIDERED.search(intro)
    meetings: list[str] = []
    for m in _SR.finditer(intro):
        prefix = m.group(1)
        meetings.append(prefix + m.group(2))
        meetings.extend(prefix + n for n in re.findall(r"\d+", m.group(3)))
    held = [dates(h) for h in _HELD.findall(intro)]
    adopted = _adopted(intro)
    session = _SESSION.search(front + " " + " ".join(b.text for b in bs if b.kind == "footnote"))
    return Header(
        state_party=(considered.group(2) if considered else title.group(2) if title else None),
        report=(considered.group(1) if considered else title.group(1) if title else None),
        report_symbols=tuple(dict.fromkeys(_REPORT_SYMBOL.findall(intro.split(" at its ")[0]))),
        meetings=tuple(dict.fromkeys(meetings)),
        meeting_dates=tuple(held[0]) if held else (),
        adopted=adopted,
        session=ordinal(session.group(1)) if session else None,
    )


def _adopted(intro: str) -> str | None:
    """The adoption date: the meeting "held on" after "adopted", else the one before it."""
    for sentence in re.split(r"(?<=\.)\s+(?=[A-Z])", intro):
        at = sentence.find("adopted")
        if at < 0:
            continue
        after = _HELD.search(sentence, at)
        before = _HELD.findall(sentence[:at])
        span = after.group(1) if after else before[-1] if before else ""
        got = dates(span)
        return got[-1] if got else None
    return None


def follow_up(bs: Sequence[Block], language: str = DEFAULT) -> FollowUp | None:
    """The paragraph asking for information on some recommendations within a stated time."""
    w = co_wording(language)
    if w.follow_up is not None:
        return _follow_up(bs, w, w.follow_up)
    for b in bs:
        if b.kind != "paragraph":
            continue
        within = _WITHIN.search(b.text)
        named = _FOLLOW_UP.search(b.text)
        if not (within and named):
            continue
        return FollowUp(
            paragraph=b.number,
            line=b.line,
            within=f"{within.group(1)} {within.group(2)}",
            items=_items(named.group(1), r"(\d+)|\(([a-z])\)"),
        )
    return None


def _follow_up(bs: Sequence[Block], w: CoWording, up: FollowUpWording) -> FollowUp | None:
    """The same in another language ("dans un délai de deux ans", "en un plazo de dos años"),
    the time given in English words so that its due date can be reckoned."""
    for b in bs:
        if b.kind != "paragraph":
            continue
        text = w.prepare(b.text)
        within = up.within.search(text)
        named = up.named.search(text)
        if not (within and named):
            continue
        count = up.numbers.get(within.group(1).lower(), within.group(1))
        unit = up.units.get(within.group(2).lower(), within.group(2))
        return FollowUp(
            paragraph=b.number,
            line=b.line,
            within=f"{count} {unit}",
            items=_items(named.group(1), r"(\d+)|\(?\b([a-z])\)"),
        )
    return None


def _items(named: str, marks: str) -> tuple[tuple[int, str | None], ...]:
    """'21 (a), 31 (b) and 33' -> (21, 'a'), (31, 'b'), (33, None)."""
    items: list[tuple[int, str | None]] = []
    for num, letter in re.findall(marks, named):
        if num:
            items.append((int(num), None))
        elif items:
            para = items[-1][0]
            if items[-1][1] is None:
                items.pop()
            items.append((para, letter))
    return tuple(items)


def next_report(bs: Sequence[Block], language: str = DEFAULT) -> NextReport | None:
    """ "The Committee invites the State party to submit its third periodic report by ...",
    looked for in the next-report section first."""
    w = co_wording(language)
    if w.next_report is not None:
        return _next_report(bs, w)
    section = None
    found: list[tuple[bool, Block, re.Match[str]]] = []
    for b in bs:
        if b.kind == "section":
            section = b.section
        m = _NEXT.search(b.text) if b.kind == "paragraph" else None
        if m:
            found.append((section == "next_report", b, m))
    for _, b, m in sorted(found, key=lambda f: not f[0]):
        day, month, year = m.group("date").split()
        return NextReport(due=iso(day, month, year), description=m.group("desc"), line=b.line)
    return None


def _next_report(bs: Sequence[Block], w: CoWording) -> NextReport | None:
    """The same in another language ("soumettre son rapport ... le 1er mars 2031", "presente
    su décimo informe periódico ... en julio de 2029"). A month without a day ("en julio de
    2029") is read as its last day: the report is due by the end of that month."""
    assert w.next_report is not None
    nxt = w.next_report
    section = None
    found: list[tuple[bool, Block, re.Match[str]]] = []
    for b in bs:
        if b.kind == "section":
            section = b.section
        m = nxt.pattern.search(w.prepare(b.text)) if b.kind == "paragraph" else None
        if m:
            found.append((section == "next_report", b, m))
    for _, b, m in sorted(found, key=lambda f: not f[0]):
        return NextReport(
            due=_due(m.group("date"), nxt.months),
            description=b.text[m.start("desc") : m.end("desc")],
            line=b.line,
        )
    return None


def _due(written: str, months: tuple[str, ...]) -> str | None:
    """'1er mars 2031' -> '2031-03-01'; '15 de mayo de 2030' -> '2030-05-15'; 'julio de
    2029' -> '2029-07-31'."""
    words = [w for w in re.split(r"\s+", written.lower()) if w != "de"]
    year = int(words[-1])
    if words[-2] not in months:
        return None
    month = months.index(words[-2]) + 1
    if len(words) == 2:
        return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    day = int(re.sub(r"\D", "", words[0]) or 0)
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= day <= 31 else None
