"""The speaker patterns of UN summary records: who speaks, and on which side, from the name.

A summary record names every speaker at the start of a paragraph, and the form of the name
says the side: "Mr. Lindar (Ardenia) said" is a member of the delegation (the bracket names
the State), "Ms. Vasconcelos (Country Rapporteur) said" a Committee member with a role,
"Mr. Haddadi said" (no bracket) a Committee member, "The Chair said" the Chair. The
Chair's name stands once in the header ("Chair: Ms. Okonjo").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .cues import SpeakerCue, patterns
from .cues import find_speaker as find_summary_speaker
from .record_wording import alternatives, record_data, record_language

_NAME_TOKEN = r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*)"
_PARTICLE = r"(?:de|da|del|della|der|di|do|dos|das|du|van|von|den|la|le|al|el|bin|ibn|y|e|ter)"
_SURNAME = rf"(?:{_PARTICLE}\s+)*{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_TOKEN}){{0,3}}"

_NUMBER = re.compile(r"^\s*\d{1,3}\.\s+")
"""The paragraph number of a record ("12.<TAB>")."""


@dataclass(frozen=True, slots=True)
class RecordSpeakers:
    """One language's speaker patterns of summary records, built once: the honorifics and
    speech verbs of its `speakers.toml`, the record's own forms from `summary_record.toml`."""

    named: re.Pattern[str]
    chair: re.Pattern[str]
    chair_line: re.Pattern[str]
    committee_role: re.Pattern[str]
    other_role: re.Pattern[str]
    presenting: re.Pattern[str]


@cache
def record_speakers(language: str) -> RecordSpeakers:
    """The record speaker patterns of `language` (English when it has no record cues)."""
    language = record_language(language)
    data = record_data(language)
    assert data is not None
    d = data["speakers"]
    speech = patterns(language)
    hon = speech.honorific
    verbs = rf"(?:{speech.verbs}|{alternatives(d['verbs'])})"
    adverb = rf"(?:(?:{alternatives(d['adverbs'])}),?\s+)?"
    return RecordSpeakers(
        named=re.compile(
            rf"^(?P<hon>{hon})\s+(?P<name>{_SURNAME})"
            rf"(?:\s+\((?P<bracket>[^()]{{2,100}})\))?"
            rf"(?:,\s+(?P<clause>[^;]{{2,240}}?),)?\s+{adverb}(?P<verb>{verbs})\b"
        ),
        chair=re.compile(
            rf"^(?P<label>{d['chair']})"
            rf"(?:,\s+(?P<clause>[^;]{{2,240}}?),)?\s+{adverb}(?P<verb>{verbs})\b"
        ),
        chair_line=re.compile(
            rf"^(?P<label>{d['chair_line']})\s*:\s*"
            rf"(?:(?P<hon>{hon})\s+)?(?P<name>{_SURNAME})\s*(?:\((?P<bracket>[^()]{{2,100}})\))?\s*$"
        ),
        committee_role=re.compile(d["committee_role"], re.I),
        other_role=re.compile(d["other_role"], re.I),
        presenting=re.compile(d["presenting"], re.I),
    )


COMMITTEE_ROLE = record_speakers("en").committee_role
"""A bracket naming a role on the Committee, not a State (English)."""


def strip_number(text: str) -> str:
    """A paragraph's text without its record number."""
    return _NUMBER.sub("", text, count=1)


def side_of_bracket(bracket: str | None, language: str = "en") -> str:
    """The side a speaker's bracket says: none is a Committee member; a role on the Committee;
    an institution that is neither; otherwise the State whose delegation the speaker is on."""
    if bracket is None:
        return "committee"
    p = record_speakers(language)
    if p.other_role.search(bracket):
        return "other"
    if p.committee_role.search(bracket):
        return "committee"
    return "delegation"


def find_speaker(sentence: str, language: str = "en") -> SpeakerCue | None:
    """The speaker a sentence (or a numbered paragraph) of a summary record opens with."""
    p = record_speakers(language)
    text = strip_number(sentence)
    offset = len(sentence) - len(text)
    m = p.named.match(text)
    if m:
        bracket = m["bracket"]
        side = side_of_bracket(bracket, language)
        # A role in the bracket is the speaker's title; a State's name is only the side.
        title = bracket if side != "delegation" else None
        return SpeakerCue(
            "named",
            m["name"],
            title,
            offset + m.start("name"),
            offset + m.end("name"),
            m["verb"],
            presenting=bool(m["clause"] and p.presenting.search(m["clause"])),
            side=side,
        )
    m = p.chair.match(text)
    if m:
        return SpeakerCue(
            "chair",
            m["label"],
            None,
            offset + m.start("label"),
            offset + m.end("label"),
            m["verb"],
            side="committee",
        )
    m = p.chair_line.match(text)
    if m:
        title = m["label"] + (f" ({m['bracket']})" if m["bracket"] else "")
        return SpeakerCue(
            "named",
            m["name"],
            title,
            offset + m.start("name"),
            offset + m.end("name"),
            None,
            side="committee",
        )
    cue = find_summary_speaker(text, language)
    if cue is not None and cue.kind in {"delegation", "anonymous"}:
        # "The delegation of X said", "A representative of X said", "Several members said".
        return SpeakerCue(
            cue.kind,
            cue.name,
            cue.title,
            offset + cue.start,
            offset + cue.end,
            cue.verb,
            side="delegation" if cue.kind == "delegation" else "committee",
        )
    return None


def find_led_by(text: str, language: str = "en") -> SpeakerCue | None:
    """Summary records do not say who leads the delegation; its first speaker presents."""
    return None
