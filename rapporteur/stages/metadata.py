"""Committee, State party, report, session, date, release code and next meeting.

Evidence is weighed in the order a reader would: the lead sentence that says what the
Committee did ("today concluded its consideration of the second periodic report of X"), the
"Report" section's symbol, the release code, then the title. Mentions deep in the body
("Recommendations had been made by the Human Rights Committee") never decide the committee.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .. import genres
from ..genres.page import document_symbol
from ..models import Metadata, NextMeeting, ReportInfo, Review, StateParty
from ..reference import BY_ACRONYM, TREATY_BODIES, country_at, country_by_code, find_countries
from ..settings import Settings
from .sentences import split_spans

_ORDINALS = {
    "initial": 1,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "one hundred and": 100,
    "hundred and": 100,
}
_ORD = (
    r"(?:(?:one hundred and |hundred and )?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety)[- ])?(?:initial|first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
    r"eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|"
    r"eightieth|ninetieth|hundredth)|\d{1,3}(?:st|nd|rd|th))"
)
_REPORT = re.compile(
    rf"(?P<desc>(?:(?P<combined1>combined|consolidated)\s+)?(?P<a>{_ORD})"
    rf"(?:(?:\s*,\s*(?P<mid>{_ORD}))*\s*(?P<sep>,?\s*and|to|-|–|through)\s+(?P<b>{_ORD}))?"
    rf"(?:\s+(?P<combined2>combined|consolidated))?\s+(?:(?:periodic|State party)\s+)?"
    rf"(?P<plural>reports?)|(?P<additional>additional (?:information|report)s?)"
    rf"(?:\s+submitted under article \d+[^,.]*)?)"
    rf"(?:\s+(?:submitted\s+)?(?:of|by|from)\s+(?P<state>[^.;:()]{{2,120}}))?",
    re.I,
)
_PLAIN_REPORT = re.compile(
    r"\breports? (?:of|by|submitted by|presented by) (?P<state>[^.;:()]{2,120})"
)
_DELEGATION_OF = re.compile(r"\b(?:delegation|reports?) of (?P<state>[^.;:()]{2,120})")
_SYMBOL = re.compile(
    r"\b(?:CMW|CRC|CEDAW|CERD|CAT|CCPR|CESCR|E/C\.12|CRPD|CED)/C/[A-Z]{3}/"
    r"(?:OPAC/|OPSC/|Q/)?[\dA-Z]+(?:[-–]\d+)?\b"
)
_LEAD_VERB = re.compile(
    r"\b(concluded its (?:consideration|review|examination)|today considered|considered|"
    r"has considered|completed its (?:review|consideration)|examined|began its consideration|"
    r"began its review|started its review|reviewed|today reviewed|will consider|"
    r"opened its (?:review|consideration)|concluded its dialogue)\b",
    re.I,
)
_SESSION = re.compile(rf"\b(?P<n>{_ORD}|\d{{1,3}})\s+session\b", re.I)
_RELEASE = re.compile(
    r"^(?P<prefix>[A-Z]{2,8})(?P<yy>\d{2})[./](?P<num>\d{2,4})(?P<lang>[A-Z])?$|"
    r"^(?P<prefix2>[A-Z]{2,8})/(?P<yy2>\d{2})/(?P<num2>\d{2,4})(?P<lang2>[A-Z])?$"
)
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_DATE = re.compile(
    r"\b(?P<d>\d{1,2})\s+(?P<m>January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+(?P<y>(?:19|20)\d{2})\b"
)
_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z ]{2,20}\s*\((?P<date>[^)]{6,40})\)\s*[-–—:]")


def ordinal_value(word: str) -> int | None:
    w = word.lower().replace("–", "-").strip()
    m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)?", w)
    if m:
        return int(m.group(1))
    total = 0
    for tens, value in _TENS.items():
        if w.startswith(tens):
            total += value
            w = w[len(tens) :].lstrip("- ")
            break
    if not w:
        return total or None
    if w in _ORDINALS:
        return total + _ORDINALS[w]
    return None


def parse_report(text: str) -> tuple[ReportInfo, str | None, int] | None:
    """The first report description in `text`: (info, State text after it, offset)."""
    for m in _REPORT.finditer(text):
        if m["additional"]:
            info = ReportInfo(description=m["additional"], kind="periodic", numbers=(), symbol=None)
            state = m["state"]
            if state is None:
                later = re.search(
                    r"\b(?:of|by) (?P<s>[A-Z][^.;:()]{2,120})",
                    text[m.end("additional") : m.end() + 200],
                )
                state = later["s"] if later else None
            return info, state, m.start()
        a = ordinal_value(m["a"])
        if a is None:
            continue
        numbers = [a]
        mids = re.findall(_ORD, m.group(0)[len(m["combined1"] or "") :]) if m["mid"] else []
        b = ordinal_value(m["b"]) if m["b"] else None
        if mids:
            numbers = [v for v in (ordinal_value(x) for x in mids) if v is not None]
            if b and b not in numbers:
                numbers.append(b)
        elif b is not None:
            sep = (m["sep"] or "").strip(" ,").lower()
            numbers = list(range(a, b + 1)) if sep in {"to", "-", "–", "through"} else [a, b]
        combined = bool(m["combined1"] or m["combined2"]) or len(numbers) > 1
        if numbers == [1] and "initial" in m["a"].lower():
            kind = "initial"
        elif combined:
            kind = "combined"
        else:
            kind = "periodic"
        desc = " ".join(m["desc"].split())
        return (
            ReportInfo(description=desc, kind=kind, numbers=tuple(numbers), symbol=None),
            m["state"],
            m.start(),
        )
    return None


def _name_pattern(name: str) -> re.Pattern[str]:
    """A committee's name as records have written it over twenty years: with or without "the"
    ("Committee on Elimination of Racial Discrimination"), any spacing, any case."""
    words = [r"(?:the\s+)?" if w.lower() == "the" else re.escape(w) + r"\s+" for w in name.split()]
    return re.compile("".join(words).removesuffix(r"\s+") + r"\b", re.I)


_NAMES = tuple(
    (_name_pattern(name), len(name), tb.acronym) for tb in TREATY_BODIES for name in tb.names
)


def _committee(texts: list[str], release: str | None, symbols: list[str]) -> str | None:
    for text in texts:
        hits = []
        for pattern, size, acronym in _NAMES:
            m = pattern.search(text)
            if m:
                hits.append((m.start(), -size, acronym))
        if hits:
            return min(hits)[2]
    if release:
        m = _RELEASE.match(release)
        prefix = (m["prefix"] or m["prefix2"]) if m else None
        for tb in TREATY_BODIES:
            if prefix in tb.code_prefixes:
                return tb.acronym
    for sym in symbols:
        for tb in TREATY_BODIES:
            if any(sym.startswith(p + "/") for p in tb.code_prefixes):
                return tb.acronym
    return None


def state_party_in(fragment: str | None) -> StateParty | None:
    """The State named at the start of a fragment ("Ardenia (CMW/C/...)"), if a known one."""
    if not fragment:
        return None
    hit = country_at(fragment.strip())
    if hit:
        return StateParty(name=hit[0], iso3=hit[1])
    return None


def _date(texts: list[str]) -> str | None:
    for text in texts:
        dm = _DATELINE.match(text)
        candidate = dm["date"] if dm else text if len(text) < 60 else None
        if candidate is None:
            continue
        m = _DATE.search(candidate)
        if m:
            month = _MONTHS.index(m["m"].lower()) + 1
            return f"{int(m['y']):04d}-{month:02d}-{int(m['d']):02d}"
    return None


def run(review: Review, settings: Settings) -> Review:
    paragraphs = review.paragraphs
    kind = {
        p.index: review.sections[p.section].kind if p.section >= 0 else "other" for p in paragraphs
    }
    head_texts = [p.text for p in paragraphs if kind[p.index] in {"chrome", "lead"}]
    lead = [p.text for p in paragraphs if kind[p.index] == "lead"]
    title = next((s.heading for s in review.sections if s.kind == "lead" and s.heading), None)
    if title is None:
        title = review.document.title
    report_texts = [p.text for p in paragraphs if kind[p.index] == "report"]
    foot = [p.text.strip() for p in paragraphs if kind[p.index] in {"boilerplate", "chrome"}]
    all_texts = [p.text for p in paragraphs]

    release = next((t for t in reversed(foot) if _RELEASE.match(t)), None)
    next_meeting = _next_meeting(review)
    excluded = next_meeting.line if next_meeting else -1
    candidates = [
        p.text
        for p in paragraphs
        if p.line != excluded and kind[p.index] not in {"boilerplate", "chrome"}
    ]
    symbols = [s for t in report_texts + candidates if "/C/" in t for s in _SYMBOL.findall(t)]

    # The sentence saying what the Committee did names the committee, report and State.
    # (never the "will next meet to review the report of ..." announcement).
    lead = [p.text for p in paragraphs if kind[p.index] == "lead" and p.line != excluded]
    framing = [t for t in lead if _LEAD_VERB.search(t)] + report_texts + lead + candidates
    # A record of the meeting itself (a summary record) says in its header which meeting,
    # when, chaired by whom and of which Committee.
    header = genres.by_name(review.document_kind).meeting_header(review.document.text)
    if header is not None and header.committee:
        framing.insert(0, header.committee)
    committee = _committee(framing[:3] + ([title] if title else []), release, symbols)
    report, state = None, None
    for text in framing:
        parsed = parse_report(text[:3000])  # the report is named near a paragraph's start
        if parsed is None:
            continue
        info, fragment, _ = parsed
        report = report or info
        state = state or state_party_in(fragment)
        if report and state:
            break
    if state is None:
        for text in framing[:3]:
            m = _PLAIN_REPORT.search(text)
            if m and (state := state_party_in(m["state"])):
                break
    symbol = _report_symbol(report_texts, candidates, state, committee)
    if report is not None:
        report = replace(report, symbol=symbol)
    if state is None and symbol:
        code = symbol.split("/")[2]
        name = country_by_code(code)
        if name:
            state = StateParty(name=name, iso3=code)
    if state is None and title:
        state = _state_in_title(title)

    session = None
    for text in head_texts + all_texts:
        m = _SESSION.search(text) if "session" in text else None
        if m:
            session = ordinal_value(m["n"])
            if session:
                break
    date = _date([review.document.title or "", *head_texts[:6], *lead[:2]])
    if header is not None and header.date:
        date = header.date  # the meeting's, not the date the record was issued
    year = int(date[:4]) if date else _year_from_release(release)
    meta = Metadata(
        committee=committee,
        committee_name=BY_ACRONYM[committee].name if committee else None,
        state_party=state,
        report=report,
        session=session,
        date=date,
        release_code=release,
        next_meeting=next_meeting,
        title=title,
        year=year,
        symbol=document_symbol(review.document.text),
        meeting=header.meeting if header else None,
        chair=header.chair if header else None,
    )
    return replace(review, metadata=meta)


def _report_symbol(
    report_texts: list[str], candidates: list[str], state: StateParty | None, committee: str | None
) -> str | None:
    for group in (report_texts, candidates):
        for text in group:
            for sym in _SYMBOL.findall(text) if "/C/" in text else ():
                parts = sym.split("/")
                if "CO" in parts or "Q" in parts:
                    continue
                if state and state.iso3 and parts[2] != state.iso3:
                    continue
                return str(sym)
    return None


def _year_from_release(release: str | None) -> int | None:
    if not release:
        return None
    m = _RELEASE.match(release)
    if not m:
        return None
    return 2000 + int(m["yy"] or m["yy2"])


def _state_in_title(title: str) -> StateParty | None:
    hits = find_countries(title)
    return StateParty(name=hits[0][1], iso3=hits[0][2]) if hits else None


_NEXT = re.compile(r"\bThe Committee will (?:next )?(?:meet|reconvene|resume|hold)\b[^.]*", re.I)


def _next_meeting(review: Review) -> NextMeeting | None:
    for p in review.paragraphs:
        m = (
            _NEXT.search(p.text)
            if ("ommittee will" in p.text or "OMMITTEE WILL" in p.text)
            else None
        )
        if not m:
            continue
        rest = p.text[m.start() :]
        first = next(split_spans(rest), (0, len(rest)))
        sentence = rest[first[0] : first[1]]
        # Symbol inside parentheses ends the sentence after "." in "(CMW/C/STP/1)."
        syms = _SYMBOL.findall(p.text[m.start() :])
        state = None
        parsed = parse_report(sentence)
        if parsed is not None:
            state = state_party_in(parsed[1])
        if state is None:
            m2 = _DELEGATION_OF.search(sentence)
            state = state_party_in(m2["state"]) if m2 else None
        if state is None and syms:
            code = syms[0].split("/")[2]
            name = country_by_code(code)
            state = StateParty(name=name, iso3=code) if name else None
        line = review.document.line_of(p.start + m.start())
        text = p.text[m.start() :].split("\n")[0].strip()
        return NextMeeting(
            state_party=state, symbol=syms[0] if syms else None, text=text, line=line
        )
    return None
