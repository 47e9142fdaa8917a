"""The speaker patterns of UN summary records: who speaks, and on which side, from the name.

A summary record names every speaker at the start of a paragraph, and the form of the name
says the side: "Mr. Lindar (Ardenia) said" is a member of the delegation (the bracket names
the State), "Ms. Vasconcelos (Country Rapporteur) said" a Committee member with a role,
"Mr. Haddadi said" (no bracket) a Committee member, "The Chair said" the Chair. The
Chair's name stands once in the header ("Chair: Ms. Okonjo").
"""

from __future__ import annotations

import re

from .cues import HONORIFIC, SPEECH_VERBS, SpeakerCue
from .cues import find_speaker as find_summary_speaker

_NAME_TOKEN = r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*)"
_PARTICLE = r"(?:de|da|del|della|der|di|do|dos|das|du|van|von|den|la|le|al|el|bin|ibn|y|e|ter)"
_SURNAME = rf"(?:{_PARTICLE}\s+)*{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_TOKEN}){{0,3}}"
_VERBS = (
    rf"(?:{SPEECH_VERBS}|would like to know|would be grateful|invited|declared|proposed|"
    r"suggested|took it|drew|announced|read out)"
)
_ADVERB = r"(?:(?:also|then|further|however|in turn|first|next|finally|again),?\s+)?"

_NUMBER = re.compile(r"^\s*\d{1,3}\.\s+")
"""The paragraph number of a record ("12.<TAB>")."""
_NAMED = re.compile(
    rf"^(?P<hon>{HONORIFIC})\s+(?P<name>{_SURNAME})"
    rf"(?:\s+\((?P<bracket>[^()]{{2,100}})\))?"
    rf"(?:,\s+(?P<clause>[^;]{{2,240}}?),)?\s+{_ADVERB}(?P<verb>{_VERBS})\b"
)
_CHAIR = re.compile(
    rf"^(?P<label>The (?:Acting |Vice-)?(?:Chair|Chairperson|Chairman|Chairwoman|President))"
    rf"(?:,\s+(?P<clause>[^;]{{2,240}}?),)?\s+{_ADVERB}(?P<verb>{_VERBS})\b"
)
_CHAIR_LINE = re.compile(
    rf"^(?P<label>(?:Acting |Vice-)?(?:Chair|Chairperson|President))\s*:\s*"
    rf"(?:(?P<hon>{HONORIFIC})\s+)?(?P<name>{_SURNAME})\s*(?:\((?P<bracket>[^()]{{2,100}})\))?\s*$"
)
COMMITTEE_ROLE = re.compile(
    r"\b(?:Chair\w*|Vice-Chair\w*|Rapporteur|Co-Rapporteur|Country Task Force|Task Force|"
    r"Focal Point|Coordinator|Member of the Committee|Committee)\b",
    re.I,
)
"""A bracket naming a role on the Committee, not a State."""
_OTHER_ROLE = re.compile(
    r"\b(?:Secretar\w+ of the Committee|Secretariat|Ombuds\w+|Human Rights (?:Commission|"
    r"Institution|Defender)|United Nations|UNHCR|UNICEF|International Labour|"
    r"non-governmental|civil society)\b",
    re.I,
)
_PRESENTING = re.compile(r"\b(?:introduc|present)\w*\b[^.;]{0,60}\breports?\b", re.I)


def strip_number(text: str) -> str:
    """A paragraph's text without its record number."""
    return _NUMBER.sub("", text, count=1)


def side_of_bracket(bracket: str | None) -> str:
    """The side a speaker's bracket says: none is a Committee member; a role on the Committee;
    an institution that is neither; otherwise the State whose delegation the speaker is on."""
    if bracket is None:
        return "committee"
    if _OTHER_ROLE.search(bracket):
        return "other"
    if COMMITTEE_ROLE.search(bracket):
        return "committee"
    return "delegation"


def find_speaker(sentence: str, language: str = "en") -> SpeakerCue | None:
    """The speaker a sentence (or a numbered paragraph) of a summary record opens with."""
    text = strip_number(sentence)
    offset = len(sentence) - len(text)
    m = _NAMED.match(text)
    if m:
        bracket = m["bracket"]
        side = side_of_bracket(bracket)
        # A role in the bracket is the speaker's title; a State's name is only the side.
        title = bracket if side != "delegation" else None
        return SpeakerCue(
            "named",
            m["name"],
            title,
            offset + m.start("name"),
            offset + m.end("name"),
            m["verb"],
            presenting=bool(m["clause"] and _PRESENTING.search(m["clause"])),
            side=side,
        )
    m = _CHAIR.match(text)
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
    m = _CHAIR_LINE.match(text)
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
    cue = find_summary_speaker(text)
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
