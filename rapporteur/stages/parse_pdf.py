"""PDF bytes to text with blank lines between paragraphs (pypdf).

PDFs wrap lines inside paragraphs; we rejoin wrapped lines so that one paragraph is one
line, which keeps `line` numbers meaningful for the sentences found in it.

A web page printed to PDF from a browser (what users most often give) adds what the page
itself does not have: a running header and footer on every page (the date and time of
printing, the page title, the URL, "3/12" or "Page 3 of 12"), paragraphs and sentences cut by
page breaks, and headings that a plain text extraction runs into the next paragraph. So the
text layer is read with its layout (pypdf's layout mode keeps the vertical gaps between
paragraphs as blank lines and the horizontal gaps between a header's cells as wide spaces),
then, in order:

1. lines at the top and bottom of a page that are page furniture are dropped: a print time
   stamp, a URL, a page number, or a line that recurs at the same end of most pages once its
   digits are ignored (the title and the page numbers of any browser or word processor);
2. the lines of a page are grouped into paragraphs at its vertical gaps, and, where a PDF
   has no gaps, at short lines that end a sentence; a short line without final punctuation
   that stands between paragraphs is a heading, a paragraph of its own;
3. a paragraph cut by a page break is joined again when the page ends mid-sentence or the
   next one starts in lower case. (A break that falls exactly between two sentences of one
   paragraph cannot be told from the end of a paragraph: it leaves two paragraphs, with
   every sentence whole.)

A hyphen at the end of a line is kept (browsers break "start-up" after its hyphen); a soft
hyphen is dropped. Ligature characters (U+FB00-FB06) are spelt out. Every rule reads the
layout only (line lengths, gaps, punctuation, case, position on the page), never words of a
genre, so that it holds for pages printed from any browser or word processor.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..errors import ParseError

_SOFT_HYPHEN_BREAK = re.compile("\u00ad\\s*$")
_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
    }
)
_SENTENCE_END = re.compile(r"[.?!:;…][\"'”’)\]]*$")
_ANY_END = re.compile(r"[.?!:;,…][\"'”’)\]]*$")
_GAP = re.compile(r"\s+")

# Page furniture: what a browser or a word processor prints in the margins of every page.
_DATE = r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?\s?[Mm]\.?)?"
_STAMP = rf"(?:{_DATE}(?:,?\s+{_TIME})?|{_TIME},?\s+{_DATE})"
_URL = r"(?:(?:https?|file|ftp)://|www\.)\S+"
_PAGE_NO = (
    r"(?:(?:page|p\.|seite|página|pagina|страница|стр\.)\s*)?\d{1,4}"
    r"(?:\s*(?:/|of|sur|de|von|из|من)\s*\d{1,4})?"
)
_FURNITURE_CELL = re.compile(rf"^(?:{_STAMP}|{_URL}|{_PAGE_NO}|-\s*\d{{1,4}}\s*-)$", re.I)
_ITEM = rf"(?:{_STAMP}|{_URL}|{_PAGE_NO})"
# A margin line read without its cells apart: it starts with a time stamp (then the title),
# ends with a URL (after the title), or holds nothing but time stamps, URLs and page numbers.
_FURNITURE_LINE = re.compile(rf"^{_STAMP}\s|\s{_URL}$|^{_ITEM}(?:\s+{_ITEM})*$", re.I)
# What pypdf raises on a broken file: its own errors (a loop of references, a limit reached)
# and what its parser meets in a broken structure (a missing /Parent, an unknown filter, an
# operand where its own assertions expect none).
_DAMAGED = (
    AssertionError,
    ValueError,
    KeyError,
    TypeError,
    OSError,
    AttributeError,
    IndexError,
    NotImplementedError,
    RecursionError,
)
_MARGIN_LINES = 2
"""How many lines at each end of a page may be furniture."""


@dataclass
class _Para:
    text: str
    heading: bool = False


def _clean_line(raw: str) -> str:
    return raw.translate(_LIGATURES).rstrip()


def _cells(line: str) -> list[str]:
    """A layout line cut at the wide gaps between the cells of a header, a footer or a menu.

    A justified line has wide gaps between all its words: it is cut only where a gap is much
    wider than the line's usual gap between words."""
    stripped = line.strip()
    gaps = [len(m.group()) for m in _GAP.finditer(stripped)]
    if not gaps or max(gaps) < 3:
        return [" ".join(stripped.split())] if stripped else []
    wide = max(3, 2 * int(statistics.median(gaps)) + 1)
    if max(gaps) < wide:
        return [" ".join(stripped.split())]
    return [" ".join(c.split()) for c in re.split(rf"\s{{{wide},}}", stripped) if c.strip()]


def _page_lines(page: Any) -> list[list[str]]:
    """The page as lines of cells, [] for a blank line (a vertical gap).

    Layout mode keeps gaps and cells; a page set in columns (most lines cut by a wide gap
    between two runs of prose) is read in plain mode, column after column, instead."""
    try:
        layout = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # layout mode fails on some odd pages; plain mode may still read them
        layout = ""
    lines = [_cells(_clean_line(raw)) for raw in layout.split("\n")]
    prose = [c for c in lines if c]
    columns = sum(len(c) == 2 and min(len(c[0]), len(c[1])) >= 25 for c in prose)
    if prose and columns * 3 < len(prose):
        return lines
    plain = page.extract_text() or ""
    return [
        [" ".join(_clean_line(raw).split())] if raw.strip() else [] for raw in plain.split("\n")
    ]


def _furniture_key(line: list[str]) -> str:
    return re.sub(r"\d+", "#", " ".join(line).casefold()).rstrip(".… ")


def _is_furniture(line: list[str]) -> bool:
    if any(_FURNITURE_CELL.match(c) for c in line):
        return True
    return len(line) == 1 and bool(_FURNITURE_LINE.search(line[0]))


def _margins(lines: list[list[str]]) -> tuple[list[int], list[int]]:
    """Indices of the first and the last few non-blank lines of a page."""
    filled = [i for i, c in enumerate(lines) if c]
    return filled[:_MARGIN_LINES], filled[-_MARGIN_LINES:][::-1]


def _strip_running_lines(pages: list[list[list[str]]]) -> list[list[list[str]]]:
    """Drop the running header and footer from every page.

    A margin line is furniture when one of its cells is a time stamp, a URL or a page number,
    or when the same line, its digits ignored, stands at the same end of three pages and more
    than half of them: a title, a document symbol, "Page 3 of 12" in any language. Only
    lines at the very top or bottom are looked at, so a heading repeated inside a page is
    kept, and one that happens to open a few pages is too. The first page keeps its repeated
    lines: there they head the document (its title, its symbol)."""
    seen: dict[str, Counter[str]] = {"top": Counter(), "bottom": Counter()}
    for lines in pages:
        for end, idx in zip(("top", "bottom"), _margins(lines), strict=True):
            seen[end].update({_furniture_key(lines[i]) for i in idx})
    needed = max(3, -(-len(pages) * 3 // 5))
    out = []
    for number, lines in enumerate(pages):
        drop: set[int] = set()
        for end, idx in zip(("top", "bottom"), _margins(lines), strict=True):
            for i in idx:  # from the edge inwards; stop at the first line of text
                repeated = number > 0 and seen[end][_furniture_key(lines[i])] >= needed
                if repeated or _is_furniture(lines[i]):
                    drop.add(i)
                else:
                    break
        out.append([c for i, c in enumerate(lines) if i not in drop])
    return out


def _join(left: str, right: str) -> str:
    """Two pieces of a paragraph cut at a line or page end: a hyphen at the break belongs to
    the word (browsers break "start-up" after its hyphen), a soft hyphen does not."""
    if _SOFT_HYPHEN_BREAK.search(left):
        return _SOFT_HYPHEN_BREAK.sub("", left) + right
    if re.search(r"\w-$", left) and right[:1].isalnum():
        return left + right
    return f"{left} {right}"


def _heading_like(line: str, typical: float) -> bool:
    """A short line, capitalised, without final punctuation or a comma: a heading's shape."""
    return (
        len(line) < typical * 0.7
        and line[:1].isupper()
        and not _ANY_END.search(line)
        and "," not in line
        and len(line.split()) <= 12
    )


def _ends_paragraph(line: str, nxt: str, typical: float) -> bool:
    """A line that ends a sentence and is short although the next line's first word would
    have fitted on it: the paragraph ends there (a PDF without gaps between paragraphs)."""
    if not _SENTENCE_END.search(line):
        return False
    if not nxt:
        return True
    return len(line) + 1 + len(nxt.split()[0]) < typical * 0.9


def _block_paragraphs(block: list[str], typical: float) -> list[_Para]:
    """Paragraphs in a run of lines without a vertical gap.

    A short line that ends a sentence ends its paragraph (`_ends_paragraph`). A
    heading-shaped line at the start of the block or after a sentence's end stands alone
    when a line of body width or a one-line paragraph follows it (a heading that the text
    extraction ran into its paragraph); the lines of a title set in a large font are all
    short, and stay one paragraph."""
    out: list[_Para] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            text = current[0]
            for line in current[1:]:
                text = _join(text, line)
            out.append(_Para(text))
            current.clear()

    for i, line in enumerate(block):
        nxt = block[i + 1] if i + 1 < len(block) else ""
        after = block[i + 2] if i + 2 < len(block) else ""
        if (
            (not current or _SENTENCE_END.search(current[-1]))
            and nxt
            and _heading_like(line, typical)
            and (nxt[:1].isupper() or nxt[:1].isdigit())
            and (len(nxt) >= typical * 0.8 or _ends_paragraph(nxt, after, typical))
        ):
            flush()
            out.append(_Para(line, heading=True))
            continue
        current.append(line)
        if _ends_paragraph(line, nxt, typical):
            flush()
    flush()
    if len(block) == 1 and out and _heading_like(out[0].text, typical):
        out[0].heading = True  # a line alone between gaps
    return out


def _usual_gap(pages: list[list[list[str]]]) -> int:
    """How many blank lines stand between two lines of one paragraph: none, unless the PDF
    is set with blank space between all its lines (double spacing)."""
    runs: Counter[int] = Counter()
    for lines in pages:
        blank, started = 0, False
        for cells in lines:
            if not cells:
                blank += 1
                continue
            if started:
                runs[blank] += 1
            started, blank = True, 0
    total = sum(runs.values())
    if not total or runs[0] >= total * 0.3:
        return 0
    return max((n for n in runs if n), key=lambda n: (runs[n], -n))


def _page_paragraphs(lines: list[list[str]], typical: float, usual: int) -> list[_Para]:
    """Group a page's lines at its vertical gaps (wider than the `usual` one)."""
    paragraphs: list[_Para] = []
    block: list[str] = []
    blank = 0
    for cells in lines:
        if not cells:
            blank += 1
            continue
        menu = len(cells) > 1 and all(len(c) < typical * 0.6 for c in cells)
        if blank > usual or menu:
            paragraphs.extend(_block_paragraphs(block, typical))
            block = []
        blank = 0
        if menu:  # the short cells of a menu or a table row: one paragraph each
            paragraphs.extend(_Para(c) for c in cells)
            continue
        block.append(" ".join(cells))  # "12.   The Committee ...": a numbered paragraph
    paragraphs.extend(_block_paragraphs(block, typical))
    return paragraphs


def _continues(before: _Para, after: _Para) -> bool:
    """Whether a page break cut a paragraph: the page ends mid-sentence, or the next page
    starts in lower case. A heading on either side of the break is never joined."""
    if before.heading or after.heading or not before.text or not after.text:
        return False
    return not _SENTENCE_END.search(before.text) or after.text[:1].islower()


def _paragraphs(pages: list[list[list[str]]]) -> list[str]:
    lengths = sorted(len(c[0]) for lines in pages for c in lines if len(c) == 1)
    if not lengths:
        return []
    typical = float(lengths[int(len(lengths) * 0.9) - 1] if len(lengths) > 1 else lengths[0])
    usual = _usual_gap(pages)
    out: list[_Para] = []
    for lines in pages:
        paragraphs = _page_paragraphs(lines, typical, usual)
        if out and paragraphs and _continues(out[-1], paragraphs[0]):
            out[-1] = _Para(_join(out[-1].text, paragraphs.pop(0).text))
        out.extend(paragraphs)
    return [p.text for p in out if p.text]


def pdf_to_text(data: bytes, origin: str) -> str:
    """Extract the text layer; a scanned PDF without one is refused with a clear sentence."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as exc:  # pypdf raises several types for unsupported crypto
                raise ParseError(f"{origin} is an encrypted PDF that cannot be opened.") from exc
        pages = [_page_lines(page) for page in reader.pages]
    except ParseError:
        raise
    except (PyPdfError, *_DAMAGED) as exc:
        raise ParseError(f"{origin} is a damaged PDF that could not be read.") from exc
    paragraphs = _paragraphs(_strip_running_lines(pages))
    if not paragraphs:
        raise ParseError(
            f"{origin} is a PDF without a text layer (a scan?).",
            hint="Run it through OCR first, or use the web page of the meeting summary.",
        )
    return "\n\n".join(paragraphs) + "\n"
