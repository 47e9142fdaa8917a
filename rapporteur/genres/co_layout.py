"""The layout of concluding observations as text: numbered paragraphs, lettered items, headings.

A UN document saved as text comes either one paragraph per line (DOCX) or hard-wrapped with
running headers, page numbers and footnotes between pages (PDF). `blocks(text)` rebuilds the
logical units from either, by rules that do not depend on the wrapping:
- page furniture is skipped: the document's own symbol alone on a line, a page number, a
  "GE.24-06123" job number, form feeds, and footnote lines just before them;
- a paragraph starts with "N." where N is the next paragraph number, after a line that ends a
  sentence (paragraph numbers run on through the document, so "5." of a subject heading or
  "2025." in a wrapped sentence is not taken for one);
- an item starts with "(a)" (then "(b)", ...) after a line ending with ":", ";", "." or "and";
- a top-level section is a known title ("B. Positive aspects", "III. Main areas of concern
  and recommendations"); a subject heading is "1." or "A." followed by a title without a final
  full stop inside the concerns section; a sub-heading is a short line without final
  punctuation between a finished sentence or heading and a new paragraph;
- every other line continues the unit before it.
Each block keeps the line where it starts and the exact text of that line after its marker,
which is what the JSON contract calls `line` and `text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .co_wording import DEFAULT, SYMBOL_BODY, CoWording, co_wording

BlockKind = Literal["front", "section", "subject", "heading", "paragraph", "item", "footnote"]

SYMBOL = re.compile(r"\b(" + SYMBOL_BODY + ")")
SECTION_TITLES: tuple[tuple[str, str], ...] = tuple(
    (pattern.pattern, kind) for pattern, kind in co_wording(DEFAULT).sections
)
"""The English section titles (each language's: `co_wording`)."""
_HEADED = frozenset({"concerns_and_recommendations", "follow_up_and_dissemination"})
_PREFIX = re.compile(r"^\s*(?:[A-H]|[IVX]{1,4})\.\s*")
_PARAGRAPH = re.compile(r"^(\s*(\d{1,3})\.\s+)(\S.*)$")
_SUBJECT = re.compile(r"^(\s*(?:\d{1,2}|[A-H])\.\s+)(\S.*)$")
_SUBJECT_NUMBER_TOO_BIG = re.compile(r"(?:1[6-9]|[2-9]\d)\.")
"""Subject headings are numbered 1 to 15 at most; a larger number is a paragraph's."""
_LETTER_REF = re.compile(r"(?<![(\w])[a-z]\)")
"""A sub-paragraph cited French or Spanish style ("art. 37 a)"), without its "("."""
_PAGE_NUMBER = re.compile(r"\d{1,3}")
_JOB = re.compile(r"(?:\d{1,3}\s+)?GE\.\d{2}-\d{4,6}(?:\s*\([A-Z]\))?(?:\s+\d{1,3})?(?:\s+\S*)?")
_BARCODE = re.compile(r"\*\d{6,8}\*")
_FOOTNOTE = re.compile(r"^\s*(?:\d{1,2}|\*{1,3})\s+[A-Z“\"]")
_MARKER = re.compile(
    r"(?:(?<=[a-z,;:)”’])|(?<=[a-z)]\.))\d{1,2}(?=\s|$)|(?<=\d\.)\d{1,2}(?=\s+[A-Z])"
)
"""A footnote marker glued to the end of a word or sentence ("April 2024.1 At its")."""
_ENDS_SENTENCE = re.compile(r"[.:;!?][\"”’)]*\d{0,2}\*?$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """One logical unit of the document: where it starts and what it says."""

    kind: BlockKind
    line: int
    """1-based line where the unit starts."""
    last_line: int
    first: str
    """Exact text of the start line after the marker ("12.\\t", "(a)\\t")."""
    text: str
    """The whole unit, wrapped lines joined with single spaces, marker removed."""
    number: int | None = None
    """Paragraph number (paragraphs and their items)."""
    letter: str | None = None
    section: str | None = None
    """Kind of the section (see SECTION_TITLES) for section blocks."""


def section_kind(line: str, language: str = DEFAULT) -> str | None:
    """The kind of a top-level section title line, or None."""
    s = _PREFIX.sub("", line).strip().rstrip("*").strip()
    if not s or len(s) > 110:
        return None
    w = co_wording(language)
    s = w.prepare(s)
    for pattern, kind in w.sections:
        if pattern.fullmatch(s):
            return kind
    return None


def find_symbol(lines: list[str]) -> str | None:
    """The document's own symbol: the first concluding-observations symbol near the top."""
    for line in lines[:40]:
        m = SYMBOL.search(line)
        if m:
            return m.group(1)
    return None


def is_furniture(line: str, symbol: str | None) -> bool:
    """Page headers and footers: symbol, page number, job number, alone on their line."""
    s = " ".join(line.replace("\f", " ").split())
    if not s:
        return False
    if symbol and s.replace(symbol, "").strip(" \t0123456789") == "":
        return True
    return bool(_PAGE_NUMBER.fullmatch(s) or _JOB.fullmatch(s) or _BARCODE.fullmatch(s))


class _Builder:
    """Collects the lines of one block."""

    def __init__(self, kind: BlockKind, index: int, first: str, **extra: object) -> None:
        self.kind = kind
        self.index = index
        self.last = index
        self.first = first
        self.parts = [first.strip()]
        self.extra = extra

    def add(self, index: int, line: str) -> None:
        self.parts.append(line.strip())
        self.last = index

    @property
    def text(self) -> str:
        joined = " ".join(" ".join(p for p in self.parts if p).split())
        return _MARKER.sub("", re.sub(r"(\w)- (\w)", r"\1-\2", joined))

    def build(self) -> Block:
        return Block(
            kind=self.kind,
            line=self.index + 1,
            last_line=self.last + 1,
            first=self.first.rstrip(),
            text=self.text,
            **self.extra,  # type: ignore[arg-type]
        )


def blocks(text: str, language: str = DEFAULT) -> tuple[Block, ...]:
    """The logical units of a concluding-observations text, in order (module docstring)."""
    w = co_wording(language)
    lines = text.split("\n")
    symbol = find_symbol(lines)
    furniture_after = _furniture_follows(lines, symbol)
    # A footnote sits at the foot of a page, just before the page furniture.
    noted: set[int] = set()
    for i, raw in enumerate(lines):
        before = lines[i - 1].strip() if i else ""
        after_break = not before or i - 1 in noted or _ENDS_SENTENCE.search(before)
        if furniture_after[i] and (
            (_FOOTNOTE.match(raw) and after_break) or (i - 1 in noted and raw.strip())
        ):
            noted.add(i)  # a footnote, or the wrapped rest of the one above
    parts: list[_Builder] = []
    for i in sorted(noted):
        if parts and i - 1 in noted and not _FOOTNOTE.match(lines[i]):
            parts[-1].add(i, lines[i])
        else:
            parts.append(_Builder("footnote", i, lines[i]))
    notes = [b.build() for b in parts]
    content = [
        i
        for i, raw in enumerate(lines)
        if raw.strip(" \t\f\r") and not is_furniture(raw, symbol) and i not in noted
    ]
    out: list[Block] = []
    cur: _Builder | None = None
    section: str | None = None
    last_par = 0
    for pos, i in enumerate(content):
        raw = lines[i].rstrip("\r")
        nxt = lines[content[pos + 1]] if pos + 1 < len(content) else ""
        new = _classify(raw, nxt, cur, section, last_par, w)
        if new is None:
            if cur is None:
                cur = _Builder("front", i, raw)
            else:
                cur.add(i, raw)
            continue
        if cur is not None:
            out.append(cur.build())
        kind, first, extra = new
        cur = _Builder(kind, i, first, **extra)
        if kind == "section":
            section = str(extra["section"])
        elif kind == "paragraph":
            last_par = int(str(extra["number"]))
        elif kind == "item":
            cur.extra["number"] = last_par
    if cur is not None:
        out.append(cur.build())
    return tuple(sorted(out + notes, key=lambda b: b.line))


def _furniture_follows(lines: list[str], symbol: str | None) -> list[bool]:
    """For each line, whether page furniture follows within the next three content lines."""
    out = [False] * len(lines)
    countdown = 0
    for i in range(len(lines) - 1, -1, -1):
        if is_furniture(lines[i], symbol) or "\f" in lines[i]:
            countdown = 3
            continue
        out[i] = countdown > 0
        if lines[i].strip():
            countdown = max(0, countdown - 1)
    return out


def _starts_paragraph(raw: str, last_par: int) -> bool:
    m = _PARAGRAPH.match(raw)
    return bool(m and int(m.group(2)) == last_par + 1)


def _finished(cur: _Builder | None, w: CoWording) -> bool:
    """Whether the unit being built can be followed by a new paragraph or heading."""
    if cur is None or cur.kind in ("section", "heading"):
        return True
    text = cur.text
    if cur.kind == "subject":
        # "37 a) et 39": a lettered sub-paragraph has no opening bracket.
        bare = _LETTER_REF.sub("", text)
        return bare.count("(") == bare.count(")") and not w.open_ending.search(w.prepare(text))
    if cur.kind == "front":
        return True
    return bool(_ENDS_SENTENCE.search(text))


def _classify(
    raw: str,
    nxt: str,
    cur: _Builder | None,
    section: str | None,
    last_par: int,
    w: CoWording,
) -> tuple[BlockKind, str, dict[str, object]] | None:
    """The kind of block `raw` starts, or None when it continues the current one."""
    finished = _finished(cur, w)
    stripped = raw.strip()
    kind = section_kind(stripped, w.language) if finished else None
    if kind is not None:
        return "section", stripped, {"section": kind}
    if section is None:
        return None
    m = _PARAGRAPH.match(raw)
    if m and (int(m.group(2)) == last_par + 1 or last_par == 0):
        # The next number opening a capitalised sentence starts a paragraph even when the
        # unit before did not end cleanly (a footnote marker, a stray page line).
        spaced = "\t" in m.group(1) or m.group(1).endswith("  ")
        if finished or (spaced and m.group(3)[:1].isupper()):
            return "paragraph", m.group(3), {"number": int(m.group(2))}
    m = w.item.match(raw)
    if m and cur is not None and cur.kind in ("paragraph", "item"):
        expected = "a" if cur.kind == "paragraph" else chr(ord(str(cur.extra["letter"])) + 1)
        if m.group(2) == expected and w.item_lead.search(w.prepare(cur.text)):
            return "item", m.group(3), {"letter": expected}
    if not finished or section not in _HEADED:
        return None
    m = _SUBJECT.match(raw)
    if (
        m
        and section == "concerns_and_recommendations"
        and not _SUBJECT_NUMBER_TOO_BIG.match(stripped)
        and not _ENDS_SENTENCE.search(w.abbreviation.sub("", w.prepare(stripped)))
    ):
        return "subject", m.group(2), {}
    if (
        stripped[:1].isupper()
        and len(stripped) <= 100
        and not re.search(r"[.,;:]$", stripped)
        and _starts_paragraph(nxt, last_par)
    ):
        return "heading", stripped, {}
    return None
