"""Committee, State party, report, session, date, release code and next meeting.

Evidence is weighed in the order a reader would: the lead sentence that says what the
Committee did ("today concluded its consideration of the second periodic report of X"), the
"Report" section's symbol, the release code, then the title. Mentions deep in the body
("Recommendations had been made by the Human Rights Committee") never decide the committee.
What is looked for is read in the body's language (`meta_wording`): "a achevé l'examen du
rapport valant cinquième et sixième rapports périodiques du Kenya", "concluyó hoy su examen
del noveno informe periódico del Perú".
"""

from __future__ import annotations

import re
from dataclasses import replace

from .. import genres
from ..genres.page import document_symbol
from ..models import Metadata, NextMeeting, Review, StateParty
from ..reference import BY_ACRONYM, TREATY_BODIES
from ..settings import Settings
from .meta_wording import MetaWording, wording
from .ordinals import english_value
from .report_phrases import ParsedReport
from .report_phrases import parse_report as _parse_report
from .sentences import split_spans

_SYMBOL = re.compile(
    r"\b(?:CMW|CRC|CEDAW|CERD|CAT|CCPR|CESCR|E/C\.12|CRPD|CED)/C/[A-Z]{3}/"
    r"(?:OPAC/|OPSC/|Q/)?[\dA-Z]+(?:[-–]\d+)?\b"
)
_RELEASE = re.compile(
    r"^(?P<prefix>[A-Z]{2,8})(?P<yy>\d{2})[./](?P<num>\d{2,4})(?P<lang>[A-Z])?$|"
    r"^(?P<prefix2>[A-Z]{2,8})/(?P<yy2>\d{2})/(?P<num2>\d{2,4})(?P<lang2>[A-Z])?$"
)


def ordinal_value(word: str) -> int | None:
    """An English ordinal's value: "twenty-first" -> 21, "37th" -> 37."""
    return english_value(word)


def parse_report(text: str, language: str = "en") -> ParsedReport | None:
    """The first report description in `text`: (info, State text after it, offset)."""
    return _parse_report(text, language)


def _committee(
    words: MetaWording, texts: list[str], release: str | None, symbols: list[str]
) -> str | None:
    for text in texts:
        folded = words.prepare(text)
        hits = []
        for pattern, size, acronym in words.committees:
            m = pattern.search(folded)
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


def state_party_in(fragment: str | None, language: str = "en") -> StateParty | None:
    """The State named at the start of a fragment ("Ardenia (CMW/C/...)", "du Kenya"), if a
    known one."""
    if not fragment:
        return None
    return wording(language).state_at(fragment)


def _date(words: MetaWording, texts: list[str]) -> str | None:
    for text in texts:
        folded = words.prepare(text)
        dm = words.dateline.match(folded)
        candidate = dm["date"] if dm else folded if len(text) < 60 else None
        if candidate is None:
            continue
        m = words.date.search(candidate)
        if m:
            month = words.months[m["m"].lower()]
            return f"{int(m['y']):04d}-{month:02d}-{int(m['d']):02d}"
    return None


def run(review: Review, settings: Settings) -> Review:
    words = wording(review.language)
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
    next_meeting = _next_meeting(review, words)
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
    framing = [t for t in lead if words.lead_verb.search(words.prepare(t))]
    framing += report_texts + lead + candidates
    # A record of the meeting itself (a summary record) says in its header which meeting,
    # when, chaired by whom and of which Committee.
    header = genres.by_name(review.document_kind).meeting_header(review.document.text)
    if header is not None and header.committee:
        framing.insert(0, header.committee)
    committee = _committee(words, framing[:3] + ([title] if title else []), release, symbols)
    report, state = None, None
    for text in framing:
        parsed = words.parse_report(text[:3000])  # the report is named near a paragraph's start
        if parsed is None:
            continue
        info, fragment, _ = parsed
        report = report or info
        state = state or (words.state_at(fragment) if fragment else None)
        if report and state:
            break
    if state is None:
        for text in framing[:3]:
            m = words.plain_report.search(words.prepare(text))
            if m and (state := words.state_at(text[m.start("state") : m.end("state")])):
                break
    symbol = _report_symbol(report_texts, candidates, state, committee)
    if report is not None:
        report = replace(report, symbol=symbol)
    if state is None and symbol:
        code = symbol.split("/")[2]
        name = words.country_name(code)
        if name:
            state = StateParty(name=name, iso3=code)
    if state is None and title:
        state = _state_in_title(words, title)

    session = None
    for text in head_texts + all_texts:
        hinted = words.may_hold(words.session_hints, text)
        m = words.session.search(words.prepare(text)) if hinted else None
        if m:
            session = words.ordinal(m["n"])
            if session:
                break
    date = _date(words, [review.document.title or "", *head_texts[:6], *lead[:2]])
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


def _state_in_title(words: MetaWording, title: str) -> StateParty | None:
    hits = words.states_in(title)
    return StateParty(name=hits[0][1], iso3=hits[0][2]) if hits else None


def _next_meeting(review: Review, words: MetaWording) -> NextMeeting | None:
    for p in review.paragraphs:
        hinted = words.may_hold(words.next_meeting_hints, p.text)
        m = words.next_meeting.search(words.prepare(p.text)) if hinted else None
        if not m:
            continue
        rest = p.text[m.start() :]
        first = next(split_spans(rest), (0, len(rest)))
        sentence = rest[first[0] : first[1]]
        # Symbol inside parentheses ends the sentence after "." in "(CMW/C/STP/1)."
        syms = _SYMBOL.findall(p.text[m.start() :])
        state = None
        parsed = words.parse_report(sentence)
        if parsed is not None and parsed[1]:
            state = words.state_at(parsed[1])
        if state is None:
            m2 = words.delegation_of.search(words.prepare(sentence))
            state = words.state_at(sentence[m2.start("state") : m2.end("state")]) if m2 else None
        if state is None and syms:
            code = syms[0].split("/")[2]
            name = words.country_name(code)
            state = StateParty(name=name, iso3=code) if name else None
        line = review.document.line_of(p.start + m.start())
        text = p.text[m.start() :].split("\n")[0].strip()
        return NextMeeting(
            state_party=state, symbol=syms[0] if syms else None, text=text, line=line
        )
    return None
