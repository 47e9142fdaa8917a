"""Put paragraph breaks back into a record saved with no line breaks at all.

Why: some page savers and copy-pastes flatten a whole meeting summary into one line. Its
structure is still in the words: the UN's fixed headings ("Questions by Committee Experts",
"Responses by the Delegation", ...) glued to the next sentence, and each turn opening with its
speaker ("JANE DOE, Committee Expert, asked ...", "The delegation said ..."). A run-on line is
cut before each heading, after it, and before each sentence that opens a turn; the text itself
is not changed, so every offset and line stays that of the input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from ..genres.cues import find_speaker
from .sentences import split_spans

RUN_ON = 3_000
"""A line longer than this that holds nearly the whole text is a flattened record (a long
paragraph of an ordinary record is a small part of it)."""

_HEADINGS = re.compile(
    r"(?<![\w,;])(?:"
    # skip links in the six UN languages, and the page's label
    r"Skip to (?:the )?main content|Aller au contenu principal|Pasar al contenido principal|"
    r"Перейти к основному содержанию|跳转到主要内容|الانتقال إلى المحتوى الرئيسي|"
    r"Meeting Summaries|"
    # the meeting summary's headings
    r"Presentation of (?:the )?Report|Introduction of (?:the )?Report|"
    r"(?<=[.?!”\"] )Report(?= The\b)|"
    r"Questions (?:by|from) (?:the )?(?:Committee )?Experts|"
    r"(?:Responses|Replies|Answers) (?:by|from|of) the Delegation|"
    r"(?:Concluding|Closing) (?:Remarks|Statements)|"
    # the release code ("CMW23.017E") standing between the closing note and what follows
    r"(?<=\s)[A-Z]{2,8}(?:\d{2}[./]\d{2,4}|/\d{2}/\d{2,4})[A-Z]?)"
    r"(?=\s+\S)"
)
_CUT_BEFORE = re.compile(
    r"(?<=\s)(?:Produced by the United Nations Information Service|"
    r"The Committee (?:has|had) before it\b|The Committee will next meet\b|"
    r"The delegation of (?:the )?[A-Z][\w’' -]{2,60}? (?:consisted|included|was composed)\b|"
    r"[A-Z]{2,8}(?:\d{2}[./]\d{2,4}|/\d{2}/\d{2,4})[A-Z]?\s*$)"
)
"""Paragraphs the genre opens with a fixed phrase (the report before the Committee, the
delegation's composition, the next meeting, the closing note, the release code)."""
_CAPS_TITLE = re.compile(
    r"^\s*(?:[A-Z0-9][A-Z0-9'’,.:;()–-]*\s+){3,}[A-Z0-9][A-Z0-9'’,.:;()–-]*"
    r"(?=\s+(?:[A-Z][a-z]|[A-Z]+ \())"
)
"""An older press release's headline in capitals, glued to its first sentence."""


def is_run_on(line: str, total: int) -> bool:
    """Whether a line of a text of `total` characters is the flattened record itself."""
    return len(line) > RUN_ON and len(line) >= 0.8 * total


def breaks(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the paragraphs of a run-on `text`, whitespace trimmed."""
    cuts = {0, len(text)}
    for m in _HEADINGS.finditer(text):
        cuts.update((m.start(), m.end()))
    cuts.update(m.start() for m in _CUT_BEFORE.finditer(text))
    title = _CAPS_TITLE.match(text)
    if title:
        cuts.add(title.end())
    for start, _end in split_spans(text):
        if start not in cuts and find_speaker(text[start : start + 400]) is not None:
            cuts.add(start)
    ordered = sorted(cuts)
    for a, b in pairwise(ordered):
        chunk = text[a:b]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            yield a + lead, a + lead + len(stripped)
