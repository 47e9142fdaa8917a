"""The speaker patterns of UN Geneva meeting summaries and press releases: who speaks.

"Ms. Dzumhur, Country Rapporteur, asked ...", "An Expert asked ...", "The delegation said ...";
"Mme X, membre du Comité, a demandé ...", "La Sra. X, experta del Comité, preguntó ...".
Both genres share these patterns; a genre whose records name speakers differently (summary
records: "Mr. X (Kyrgyzstan) said") gives its own `find_speaker` in its registry entry.

The patterns' words (honorifics, speech verbs, the phrases that open a turn) are each
language's data, `rapporteur/data/lang/<language>/speakers.toml`, built into patterns by
`speaker_patterns.py`, so that a language is a data file, not a fork of this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .speaker_patterns import (
    DEFAULT_LANGUAGE,
    NAME,
    SpeakerPatterns,
    cue_language,
    patterns,
    speaker_data,
)

__all__ = [
    "DEFAULT_LANGUAGE",
    "HONORIFIC",
    "NAME",
    "SPEECH_VERBS",
    "SpeakerCue",
    "cue_language",
    "find_led_by",
    "find_speaker",
    "patterns",
    "speaker_data",
]


@dataclass(frozen=True, slots=True)
class SpeakerCue:
    """A speaker named at the start of a sentence."""

    kind: str  # "named" | "honorific" | "anonymous" | "delegation" | "chair"
    name: str  # the name or label as written (honorific stripped for named)
    title: str | None
    start: int  # offset of the name in the text it was found in
    end: int
    verb: str | None
    presenting: bool = False  # the sentence says this person presents the State's report
    side: str | None = None
    """The side the form of the name gives (a summary record's "Mr. X (Ardenia)"); None when
    only the title can tell."""


_WORD_BREAK = re.compile(r"[\s,.;:()\[\]\"'“”‘’]+")
"""What separates the words of a sentence's head for the quick test (faster than a
translation table on accented text)."""

_ENGLISH = patterns(DEFAULT_LANGUAGE)
HONORIFIC = _ENGLISH.honorific
"""English honorifics, for the summary records' patterns (rapporteur/genres/record_cues.py)."""
SPEECH_VERBS = _ENGLISH.verbs


def _clean_title(title: str, p: SpeakerPatterns) -> str:
    return p.trailing_cue.sub("", " ".join(title.split())).strip(" ,")


def _strip_role_prefix(cue: SpeakerCue, p: SpeakerPatterns) -> SpeakerCue | None:
    """'Committee Expert Maître Jean Dupont' -> name 'Jean Dupont', roles into the title."""
    words = cue.name.split()
    i = 0
    while i < len(words) - 1 and words[i].lower().rstrip(".") in p.role_words | {
        w.rstrip(".") for w in p.role_words
    }:
        i += 1
    if i == 0:
        return cue
    prefix = " ".join(w for w in words[:i] if w.lower().rstrip(".") not in p.honorific_words)
    name = " ".join(words[i:])
    if len(name.split()) < 2 and cue.kind == "named":
        return SpeakerCue("honorific", name, cue.title, cue.end - len(name), cue.end, cue.verb)
    title = ", ".join(t for t in (prefix, cue.title) if t) or None
    return SpeakerCue(cue.kind, name, title, cue.end - len(name), cue.end, cue.verb)


def find_speaker(sentence: str, language: str = DEFAULT_LANGUAGE) -> SpeakerCue | None:
    """The speaker that a sentence opens with, if any."""
    p = patterns(language)
    head = sentence[:320]
    if p.verb_words.isdisjoint(_WORD_BREAK.split(head)) and not any(
        s in head for s in p.prefilter_substrings
    ):
        return None  # every cue has its verb near the start; most sentences have none
    cue = _find_speaker(sentence, p)
    behalf = p.on_behalf.match(sentence) if p.on_behalf is not None else None
    if cue is not None and behalf is not None and cue.kind == "named":
        # "Speaking on behalf of the National Human Rights Commission, NAME, President, said"
        title = ", ".join(t for t in (cue.title, behalf["org"].strip()) if t)
        cue = SpeakerCue(cue.kind, cue.name, title, cue.start, cue.end, cue.verb)
    if cue is not None and cue.kind == "named" and p.presenting.search(sentence, 0, 400):
        cue = SpeakerCue(cue.kind, cue.name, cue.title, cue.start, cue.end, cue.verb, True)
    if cue is not None and cue.kind == "named":
        return _strip_role_prefix(cue, p)
    return cue


def _named(m: re.Match[str], p: SpeakerPatterns) -> SpeakerCue:
    return SpeakerCue(
        "named", m["name"], _clean_title(m["title"], p), m.start("name"), m.end("name"), m["verb"]
    )


def _article_name(m: re.Match[str], s: str, p: SpeakerPatterns) -> bool:
    """'La Commission nationale, dans son rapport, a indiqué': an article opens no name,
    unless an honorific comes before it ("Sra. La Rosa")."""
    first = m["name"].split(maxsplit=1)[0].casefold()
    if first not in p.name_articles and first[:2] not in p.name_articles:
        return False
    return not p.after_honorific.search(s, 0, m.start("name"))


def _find_speaker(s: str, p: SpeakerPatterns) -> SpeakerCue | None:
    m = p.introduced_by.match(s) if p.introduced_by is not None else None
    if m:
        return _named(m, p)
    m = p.role_first.match(s)
    if m:
        return _named(m, p)
    m = p.named_titled.match(s)
    if m and not p.anonymous_label.match(m["name"]) and not _article_name(m, s, p):
        return _named(m, p)
    m = p.chair.match(s)
    if m:
        if m["name"]:
            return SpeakerCue(
                "named", m["name"], p.chair_title, m.start("name"), m.end("name"), m["verb"]
            )
        return SpeakerCue("chair", m["label"], None, m.start("label"), m.end("label"), m["verb"])
    m = p.honorific_name.match(s)
    if m:
        title = _clean_title(m["title"], p) if m["title"] else None
        return SpeakerCue("honorific", m["name"], title, m.start("name"), m.end("name"), m["verb"])
    m = p.anonymous.match(s)
    if m:
        return SpeakerCue(
            "anonymous", m["label"], None, m.start("label"), m.end("label"), m["verb"]
        )
    m = p.delegation.match(s)
    if m:
        return SpeakerCue(
            "delegation", m["label"], None, m.start("label"), m.end("label"), m["verb"]
        )
    m = p.according_to.match(s) if p.according_to is not None else None
    if m:
        return SpeakerCue("honorific", m["name"], None, m.start("name"), m.end("name"), m["verb"])
    return None


def find_led_by(text: str, language: str = DEFAULT_LANGUAGE) -> SpeakerCue | None:
    """'the delegation, led by NAME, TITLE' names the head of delegation without a turn."""
    p = patterns(language)
    if p.led_by is None or not any(marker in text for marker in p.led_by_markers):
        return None
    m = p.led_by.search(text)
    if not m:
        return None
    title = _clean_title(m["title"], p)
    lone = p.leading_honorific.match(m["name"]) if p.leading_honorific is not None else None
    if lone:
        # "conduite par M. Rocheval-Sainte, ...": a surname, the person named in full elsewhere.
        start = m.start("name") + lone.end()
        return SpeakerCue(
            "honorific", text[start : m.end("name")], title, start, m.end("name"), None
        )
    return SpeakerCue("named", m["name"], title, m.start("name"), m.end("name"), None)
