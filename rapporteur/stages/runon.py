"""Put paragraph breaks back into a record saved with no line breaks at all.

Why: some page savers and copy-pastes flatten a whole meeting summary into one line. Its
structure is still in the words: the UN's fixed headings ("Questions by Committee Experts",
"Responses by the Delegation", ...; in French and Spanish those of `segment.toml`) glued to
the next sentence, and each turn opening with its speaker ("JANE DOE, Committee Expert, asked
...", "The delegation said ..."). A run-on line is
cut before each heading, after it, and before each sentence that opens a turn; the text itself
is not changed, so every offset and line stays that of the input.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from ..genres.cues import find_speaker
from ..genres.wording import DEFAULT, wording
from .sentences import split_spans

RUN_ON = 3_000
"""A line longer than this that holds nearly the whole text is a flattened record (a long
paragraph of an ordinary record is a small part of it)."""

_SKIP_LINKS = (
    # skip links in the six UN languages
    r"Skip to (?:the )?main content|Aller au contenu principal|Pasar al contenido principal|"
    r"Перейти к основному содержанию|跳转到主要内容|الانتقال إلى المحتوى الرئيسي|"
)
_RELEASE_CODE = r"[A-Z]{2,8}(?:\d{2}[./]\d{2,4}|/\d{2}/\d{2,4})[A-Z]?"
"""The release code ("CMW23.017E") standing between the closing note and what follows."""


@dataclass(frozen=True, slots=True)
class _Cuts:
    headings: re.Pattern[str]
    cut_before: re.Pattern[str]
    prepare: Callable[[str], str]


@cache
def _cuts(language: str) -> _Cuts:
    """The headings and fixed phrases of a language's meeting summary (segment.toml
    `[run_on]`), with the skip links and release code every language has."""
    cues = wording(language)
    headings = "|".join(cues.run_on_headings)
    cuts = "|".join(cues.run_on_cuts)
    return _Cuts(
        headings=re.compile(
            rf"(?<![\w,;])(?:{_SKIP_LINKS}{headings}|(?<=\s){_RELEASE_CODE})(?=\s+\S)"
        ),
        cut_before=re.compile(rf"(?<=\s)(?:{cuts}|{_RELEASE_CODE}\s*$)"),
        prepare=cues.prepare,
    )


_CAPS_TITLE = re.compile(
    r"^\s*(?:[A-Z0-9][A-Z0-9'’,.:;()–-]*\s+){3,}[A-Z0-9][A-Z0-9'’,.:;()–-]*"
    r"(?=\s+(?:[A-Z][a-z]|[A-Z]+ \())"
)
"""An older press release's headline in capitals, glued to its first sentence."""


def is_run_on(line: str, total: int) -> bool:
    """Whether a line of a text of `total` characters is the flattened record itself."""
    return len(line) > RUN_ON and len(line) >= 0.8 * total


def breaks(text: str, language: str = DEFAULT) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the paragraphs of a run-on `text`, whitespace trimmed; the
    headings, fixed phrases and speakers are those of the record's language."""
    found = _cuts(language)
    folded = found.prepare(text)
    cuts = {0, len(text)}
    for m in found.headings.finditer(folded):
        cuts.update((m.start(), m.end()))
    cuts.update(m.start() for m in found.cut_before.finditer(folded))
    title = _CAPS_TITLE.match(text)
    if title:
        cuts.add(title.end())
    for start, _end in split_spans(text):
        if start not in cuts and find_speaker(text[start : start + 400], language) is not None:
            cuts.add(start)
    ordered = sorted(cuts)
    for a, b in pairwise(ordered):
        chunk = text[a:b]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            yield a + lead, a + lead + len(stripped)
