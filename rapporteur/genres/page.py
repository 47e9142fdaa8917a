"""The UN web page around a record, found the same way whatever the genre.

Site chrome (skip links and menus in the six UN languages, date lines) above the record, its
title, and the footer boilerplate below it are set apart first, so that no genre's
classifier and no later stage mistakes them for dialogue. What is left between `head_end`
and `foot` is the record itself, which the detected genre then sections.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from .wording import DEFAULT, wording

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
_RELEASE_CODE = re.compile(r"^[A-Z]{2,8}(?:\d{2}[./]\d{2,4}|/\d{2}/\d{2,4})[A-Z]?$")
DATE_LINE = wording(DEFAULT).date_line
"""An English dateline standing alone ("Tuesday, 12 September 2023"); `is_date_line` reads
any language's."""
# A treaty body's own document symbol standing alone on a line: CMW/C/SR.545,
# CRC/C/KEN/CO/6, E/C.12/KEN/CO/2-5, CAT/OP/MDV/1.
_DOCUMENT_SYMBOL = re.compile(r"(?:[A-Z]{2,6}/C|E/C\.12|CAT/OP)(?:/[A-Z0-9][A-Za-z0-9.()-]*)+")
_SYMBOL_LINES = 30  # the symbol heads the first page
_CELL_GAP = re.compile(r"\t+|\s{2,}")


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


def is_date_line(text: str, language: str = DEFAULT) -> bool:
    """A dateline standing alone, in the record's language or in English."""
    cues = wording(language)
    return bool(cues.date_line.match(cues.prepare(text)))


def is_boilerplate(text: str, language: str = DEFAULT) -> bool:
    t = text.strip()
    # Footer notes are short; a long paragraph that mentions one is still dialogue.
    return len(t) < 600 and _footer_note(t, language)


@lru_cache(maxsize=4096)
def _footer_note(t: str, language: str) -> bool:
    """Remembered: the genres ask about the same paragraph several times, and the footer
    cues of two languages make a long search."""
    cues = wording(language)
    return bool(cues.boilerplate.search(cues.prepare(t)) or _RELEASE_CODE.match(t))


def is_closing_note(text: str, language: str = DEFAULT) -> bool:
    """Footer matter that may also stand inside the body: boilerplate, the next meeting, the
    delegation's composition."""
    if is_boilerplate(text, language):
        return True
    cues = wording(language)
    folded = cues.prepare(text)
    return bool(cues.next_meeting.match(folded) or cues.delegation_list.match(folded))


def _is_title(text: str) -> bool:
    t = text.strip()
    return len(t) < 400 and not t.endswith(".") and "\n" not in t


def document_symbol(text: str) -> str | None:
    """The record's own UN symbol ("CMW/C/SR.545") when the top of the text gives it, else None.

    The UN's first page puts it in a header cell ("United Nations<TAB>CMW/C/KGZ/CO/2") or on a
    line of its own. Symbols quoted inside sentences (the State's report, earlier concluding
    observations) are never the document's own, so only a whole line or a whole cell (split
    at tabs or runs of spaces) counts.
    """
    for line in text.split("\n", _SYMBOL_LINES)[:_SYMBOL_LINES]:
        for cell in _CELL_GAP.split(line.strip()):
            if _DOCUMENT_SYMBOL.fullmatch(cell):
                return cell
    return None


@dataclass(frozen=True, slots=True, kw_only=True)
class Frame:
    """Paragraph texts with the page around the record marked; the genre sections the rest.

    `kinds` holds "chrome", "boilerplate", "lead" (the title) or "other" (not yet decided);
    `headings` maps the title's index to its text; the record runs from `head_end` (after
    the title or the chrome) up to `foot` (the first footer paragraph).
    """

    texts: tuple[str, ...]
    kinds: tuple[str, ...]
    headings: Mapping[int, str] = field(default_factory=lambda: MappingProxyType({}))
    head_end: int
    foot: int
    language: str = DEFAULT
    """The body's language (ISO 639-1): the genres read their cues in it."""


def frame(texts: Sequence[str], language: str = DEFAULT) -> Frame:
    """Mark the chrome above, the title and the footer below the record."""
    n = len(texts)
    kinds = ["other"] * n

    # Head: chrome lines, then the title (first substantial line), then the lead.
    i = 0
    while i < n and (is_chrome(texts[i]) or is_date_line(texts[i], language)):
        kinds[i] = "chrome"
        i += 1
    title_index = i if i < n and _is_title(texts[i]) else None

    # Foot: boilerplate from the end backwards.
    foot = n
    while foot > 0 and (
        is_closing_note(texts[foot - 1], language)
        or is_chrome(texts[foot - 1])
        or len(texts[foot - 1]) < 3
    ):
        foot -= 1
    for j in range(foot, n):
        kinds[j] = "boilerplate"

    head_end = (title_index + 1) if title_index is not None else i
    # Chrome labels between the title and the lead ("Meeting Summaries").
    for j in range(head_end, foot):
        if is_chrome(texts[j]) or is_date_line(texts[j], language):
            kinds[j] = "chrome"
        else:
            break

    headings: dict[int, str] = {}
    if title_index is not None:
        kinds[title_index] = "lead"
        headings[title_index] = texts[title_index]
    return Frame(
        texts=tuple(texts),
        kinds=tuple(kinds),
        headings=MappingProxyType(headings),
        head_end=head_end,
        foot=foot,
        language=language,
    )
