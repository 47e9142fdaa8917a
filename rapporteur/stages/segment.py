"""Split a document into paragraphs and typed sections.

Two genres are handled: the current UN Geneva "meeting summary" with headings (Report,
Presentation of Report, Questions by Committee Experts, Responses by the Delegation,
Concluding Remarks) and the older press release without headings, where the same parts are
marked only by phrases ("Presenting the report, ... said", "In response, the delegation").
Site chrome (skip links and menus in the six UN languages) and the footer boilerplate are
set apart so that no later stage mistakes them for dialogue.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..models import Paragraph, Review, Section, Sentence
from ..settings import Settings
from .cues import paragraph_cue
from .sentences import paragraph_sentences

_BLANK = re.compile(r"\n[ \t\f\v]*\n")

# Skip links and navigation labels in Arabic, Chinese, English, French, Russian, Spanish.
_CHROME = re.compile(
    r"^(skip to (the )?(main )?content|skip navigation|aller au contenu( principal)?|"
    r"passer au contenu( principal)?|pasar al contenido( principal)?|ir al contenido( principal)?|"
    r"перейти к основному (содержанию|содержимому)|перейти к содержанию|"
    r"跳转到主要内容|跳到主要内容|跳至主要内容|"
    r"الانتقال إلى المحتوى الرئيسي|انتقل إلى المحتوى الرئيسي|تخطي إلى المحتوى الرئيسي|"
    r"meeting summar(y|ies)|press releases?|news( and events)?|media( center| centre)?|"
    r"home|menu|search|share|print|print this page|back to top|related|tags?|"
    r"résumés? (de|des) réunions?|communiqués? de presse|resúmenes de (las )?reuniones|"
    r"сводки заседаний|краткие отчеты о заседаниях|пресс-релизы|会议摘要|新闻稿|"
    r"ملخصات الاجتماعات|البيانات الصحفية|"
    r"comunicados? de prensa|resumen de (la )?reunión|ohchr|un web tv|english|français|español|"
    r"русский|中文|العربية|united nations( human rights)?( office of the high commissioner)?)"
    r"\s*[:|]?$",
    re.I,
)
_BOILERPLATE = re.compile(
    r"(produced by the united nations information service|not an official record|"
    r"english and french versions of our releases|for use of the (information )?media|"
    r"can be found here\.|follow (unis|un) geneva|^fictional sample\b|"
    r"^this (text|document) is fictional|media contact|for more information, please contact)",
    re.I,
)
_RELEASE_CODE = re.compile(r"^[A-Z]{2,8}(?:\d{2}[./]\d{2,4}|/\d{2}/\d{2,4})[A-Z]?$")
_DATE_LINE = re.compile(
    r"^(\w+,\s*)?\d{1,2}\s+(January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\s+\d{4}$",
    re.I,
)
_NEXT_MEETING = re.compile(r"^the committee will (next )?(meet|reconvene|resume|hold)", re.I)
_DELEGATION_LIST = re.compile(
    r"^the delegation of .{2,240}? (was comprised|was composed|consisted|comprised|included|"
    r"was made up|also included)",
    re.I,
)
_HEADING_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "concluding",
        re.compile(r"\b(conclu\w*|closing|final) (remarks|statements?|comments)\b", re.I),
    ),
    ("responses", re.compile(r"\b(respons\w*|repl(y|ies)|answers?)\b", re.I)),
    ("questions", re.compile(r"\b(questions?|dialogue|discussion|comments)\b", re.I)),
    ("presentation", re.compile(r"\b(presentation|introduction|introductory|opening)\b", re.I)),
    ("report", re.compile(r"^(the )?reports?$|^reports? (before|under consideration)", re.I)),
)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of blank-line separated blocks, trimmed of outer whitespace."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _BLANK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end() - 1
    spans.append((pos, len(text)))
    out = []
    for start, end in spans:
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        out.append((start + lead, start + lead + len(stripped)))
    # A block of several non-blank lines where every line is short is a list of headings or
    # menu items: split it so that each line is judged on its own. A line that starts in
    # lower case continues the one before: that block is prose wrapped at a narrow width.
    final: list[tuple[int, int]] = []
    for start, end in out:
        block = text[start:end]
        lines = block.split("\n")
        if (
            len(lines) > 1
            and all(len(x.strip()) < 60 and not x.rstrip().endswith(".") for x in lines)
            and not any(x.strip()[:1].islower() for x in lines[1:])
        ):
            offset = start
            for x in lines:
                if x.strip():
                    lead = len(x) - len(x.lstrip())
                    final.append((offset + lead, offset + lead + len(x.strip())))
                offset += len(x) + 1
        else:
            final.append((start, end))
    return final


def is_chrome(text: str) -> bool:
    if len(text) >= 200:
        return False  # menus and skip links are short
    if _CHROME.match(text.strip()):
        return True
    letters = [c for c in text if c.isalpha()]
    # Navigation in a non-Latin script above English content.
    return (
        bool(letters) and len(text) < 200 and sum(c.isascii() for c in letters) < len(letters) / 3
    )


def is_boilerplate(text: str) -> bool:
    t = text.strip()
    # Footer notes are short; a long paragraph that mentions one is still dialogue.
    return len(t) < 600 and bool(_BOILERPLATE.search(t) or _RELEASE_CODE.match(t))


def heading_kind(text: str) -> str | None:
    """The section kind a heading announces, or None if the text is not a heading."""
    t = text.strip()
    if not t or len(t) > 90 or t[-1] in ".;,:?!" or not t[0].isupper():
        return None
    words = t.split()
    if len(words) > 12:
        return None
    for kind, pattern in _HEADING_KINDS:
        if pattern.search(t):
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


def run(review: Review, settings: Settings) -> Review:
    doc = review.document
    spans = split_paragraphs(doc.text)
    paragraphs = [
        Paragraph(
            index=i,
            line=doc.line_of(s),
            last_line=doc.line_of(max(s, e - 1)),
            start=s,
            end=e,
            text=doc.text[s:e],
        )
        for i, (s, e) in enumerate(spans)
    ]
    kinds, headings = _classify(paragraphs)
    sections = _build_sections(paragraphs, kinds, headings)
    owner = {p: s.index for s in sections for p in s.paragraphs}
    sentences: list[Sentence] = []
    done = []
    for p in paragraphs:
        first = len(sentences)
        if kinds[p.index] not in {"chrome", "boilerplate"} and p.index not in headings:
            sentences.extend(paragraph_sentences(doc, p))
        done.append(replace(p, section=owner.get(p.index, -1), sentences=(first, len(sentences))))
    return replace(
        review, paragraphs=tuple(done), sections=tuple(sections), sentences=tuple(sentences)
    )


def _classify(paragraphs: list[Paragraph]) -> tuple[list[str], dict[int, str]]:
    """Kind of every paragraph and which paragraphs are headings (index -> heading text)."""
    n = len(paragraphs)
    kinds = ["other"] * n
    headings: dict[int, str] = {}

    # Head: chrome lines, then the title (first substantial line), then the lead.
    i = 0
    while i < n and (is_chrome(paragraphs[i].text) or _DATE_LINE.match(paragraphs[i].text)):
        kinds[i] = "chrome"
        i += 1
    title_index = i if i < n and _is_title(paragraphs[i].text) else None

    # Foot: boilerplate from the end backwards, then forwards from its first occurrence.
    foot = n
    while foot > 0 and (
        is_boilerplate(paragraphs[foot - 1].text)
        or _NEXT_MEETING.match(paragraphs[foot - 1].text)
        or _DELEGATION_LIST.match(paragraphs[foot - 1].text)
        or is_chrome(paragraphs[foot - 1].text)
        or len(paragraphs[foot - 1].text) < 3
    ):
        foot -= 1
    for j in range(foot, n):
        kinds[j] = "boilerplate"

    head_end = (title_index + 1) if title_index is not None else i
    body_headings = [
        j for j in range(head_end, foot) if heading_kind(paragraphs[j].text) is not None
    ]
    # Chrome labels between the title and the lead ("Meeting Summaries").
    for j in range(head_end, foot):
        if is_chrome(paragraphs[j].text) or _DATE_LINE.match(paragraphs[j].text):
            kinds[j] = "chrome"
        else:
            break

    if title_index is not None:
        kinds[title_index] = "lead"
        headings[title_index] = paragraphs[title_index].text
    if body_headings:
        first = body_headings[0]
        for j in range(head_end, first):
            if kinds[j] == "other":
                kinds[j] = "lead"
        current = "other"
        for j in range(first, foot):
            if kinds[j] == "chrome":
                continue
            text = paragraphs[j].text
            hk = heading_kind(text)
            if hk is not None:
                current = hk
                headings[j] = text
            elif _looks_like_heading(text) and j + 1 < foot:
                headings[j] = text  # a sub-heading keeps the current kind
            elif is_boilerplate(text) or _NEXT_MEETING.match(text) or _DELEGATION_LIST.match(text):
                kinds[j] = "boilerplate"
                continue
            kinds[j] = current
        return kinds, headings

    # Headless press release: the lead runs until the first paragraph with a dialogue cue.
    current = "lead"
    for j in range(head_end, foot):
        if kinds[j] == "chrome":
            continue
        text = paragraphs[j].text
        if is_boilerplate(text) or _NEXT_MEETING.match(text) or _DELEGATION_LIST.match(text):
            kinds[j] = "boilerplate" if current != "lead" else "lead"
            continue
        cue = paragraph_cue(text)
        if cue is not None and not (current == "lead" and j == head_end and _is_summary(text)):
            current = cue
        kinds[j] = current
    return kinds, headings


def _is_title(text: str) -> bool:
    t = text.strip()
    return len(t) < 400 and not t.endswith(".") and "\n" not in t


def _is_summary(text: str) -> bool:
    """The opening paragraph of a press release ("today considered the report of ...")."""
    return bool(
        re.search(
            r"\b(today|this morning|this afternoon|yesterday)\b.{0,40}\b(concluded|considered|"
            r"began|completed|examined|reviewed|started)\b|\bhas considered\b",
            text[:400],
            re.I,
        )
    )


def _build_sections(
    paragraphs: list[Paragraph], kinds: list[str], headings: dict[int, str]
) -> list[Section]:
    sections: list[Section] = []
    members: list[int] = []
    kind: str | None = None
    heading: str | None = None
    heading_line: int | None = None

    def close() -> None:
        if kind is None or not members:
            return
        sections.append(
            Section(
                index=len(sections),
                kind=kind,
                heading=heading,
                heading_line=heading_line,
                first_line=paragraphs[members[0]].line,
                last_line=paragraphs[members[-1]].last_line,
                paragraphs=tuple(members),
            )
        )

    for p in paragraphs:
        k = kinds[p.index]
        starts_new = k != kind or (p.index in headings and k not in {"lead"})
        if p.index in headings and k == "lead" and kind == "lead":
            starts_new = False
        if starts_new:
            close()
            members = []
            kind = k
            heading = headings.get(p.index)
            heading_line = p.line if p.index in headings else None
        members.append(p.index)
    close()
    return sections
