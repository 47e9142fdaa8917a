"""The speaker patterns of UN Geneva meeting summaries and press releases: who speaks.

"Ms. Dzumhur, Country Rapporteur, asked ...", "An Expert asked ...", "The delegation said ...".
Both genres share these patterns; a genre whose records name speakers differently (summary
records: "Mr. X (Kyrgyzstan) said") gives its own `find_speaker` in its registry entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A personal name: 1-6 capitalised tokens (ALL CAPS allowed), with particles and initials.
_NAME_TOKEN = r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*(?:-[\w'’]+)*)"
_PARTICLE = r"(?:de|da|del|della|der|di|do|dos|das|du|van|von|den|la|le|al|el|bin|ibn|y|e|ter)"
NAME = rf"{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_TOKEN}){{1,5}}"
HONORIFIC = r"(?:Mr|Ms|Mrs|Miss|Dr|Prof|Professor|Judge|Justice|Ambassador|Maître|Me|Sir|Dame)\.?"
SPEECH_VERBS = (
    r"(?:said|asked|noted|added|stated|explained|observed|wondered|inquired|enquired|"
    r"requested|recalled|welcomed|commended|congratulated|thanked|expressed|emphasi[sz]ed|"
    r"underlined|stressed|highlighted|pointed out|remarked|raised|sought|wished|wanted|"
    r"urged|encouraged|concluded|acknowledged|recognised|recognized|praised|regretted|"
    r"questioned|drew attention|called|reiterated|reminded|agreed|replied|responded|"
    r"answered|informed|assured|confirmed|presented|introduced|opened|began|"
    r"was struck|was concerned|was pleased|was interested|shared|returned to|turned to|"
    r"went on|continued|commented|indicated|mentioned|underscored|spoke)"
)
_ANON_CORE = (
    r"(?:(?:A|An|Another|One|Other|The same|A further|Several|Some|Two|Three|Many|"
    r"a|an|another|one|other|the same|a further|several|some|two|three|many)\s+)"
    r"(?:(?:Committee|committee)\s+)?(?:Experts?|experts?|Members?|members?|"
    r"(?:Committee|committee) (?:Members?|members?|Experts?|experts?))"
)
ANON = rf"(?:{_ANON_CORE}|Committee Experts|Committee experts|Committee Members|Experts)"

_CUE_PREFIX = (
    r"(?:(?:In|During) (?:the )?(?:ensuing |interactive )?(?:dialogue|discussion|debate),?\s+|"
    r"(?:In|By way of) (?:his|her|their|its)?\s*(?:concluding|closing|final|opening|introductory) "
    r"(?:remarks|statement|comments),?\s+|"
    r"Concluding (?:the dialogue|the review|the meeting),?\s+|"
    r"(?:In|By way of) (?:response|reply)(?: to (?:questions|those questions|the questions|"
    r"Experts'? questions|[^,]{1,80}))?,?\s+|"
    r"(?:Responding|Replying|Answering) to [^,]{1,120},\s+|"
    r"(?:Presenting|Introducing) the (?:report|reports|State party'?s? reports?)[^,]{0,80},\s+|"
    r"(?:Regarding|Concerning|On|As for|With regard to|Turning to) [^,]{1,100},\s+|"
    r"(?:Speaking|Also speaking) (?:on behalf|in the name) of [^,]{1,120},\s+|"
    r"(?:Also|Further|Furthermore|Moreover|Finally|Lastly|Then|Next),?\s+)"
)


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


_NAMED_TITLED = re.compile(
    rf"^(?:{_CUE_PREFIX})*(?:(?:{HONORIFIC})\s+)?(?P<name>{NAME}),\s+(?P<title>[^.?!]{{3,220}}?),\s+"
    rf"(?:(?:also|then|further|however|in turn|first|next|finally|subsequently),?\s+)?"
    rf"(?:who\s+)?(?P<verb>{SPEECH_VERBS})\b"
)
_INTRODUCED_BY = re.compile(
    rf"^(?:Introducing|Presenting) the reports? (?:was|were) "
    rf"(?:(?:{HONORIFIC})\s+)?(?P<name>{NAME}),"
    rf"\s+(?P<title>[^.?!]{{3,220}}?),\s+who\s+(?P<verb>{SPEECH_VERBS})\b"
)
_LED_BY = re.compile(
    rf"\bdelegation(?: of [^,]{{2,80}})?,?\s+(?:which was\s+)?(?:was\s+)?(?:led|headed) by "
    rf"(?:(?:{HONORIFIC})\s+)?(?P<name>{NAME}),\s+(?P<title>[^.?!]{{3,220}}?)(?:,|\.|$)"
)
_ROLE_FIRST = re.compile(
    rf"^(?:{_CUE_PREFIX})*(?P<title>(?:Committee|Country|Task Force|Committee Vice-|Vice-)?"
    rf"\s?(?:Expert|Rapporteur|Co-Rapporteur|Chairperson|Chair|Member|Vice-Chairperson|"
    rf"Vice-Chair|member)(?: and Country Rapporteur(?: for [^,]{{2,60}})?)?)\s+"
    rf"(?:(?:{HONORIFIC})\s+)?(?P<name>{NAME}),?\s+(?P<verb>{SPEECH_VERBS})\b"
)
_HONORIFIC_NAME = re.compile(
    rf"^(?:{_CUE_PREFIX})*(?P<hon>{HONORIFIC})\s+(?P<name>{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)*"
    rf"{_NAME_TOKEN}){{0,3}})(?:,\s+(?P<title>[^,.?!]{{3,120}}),)?,?\s+"
    rf"(?:(?:also|then|further|however|in turn|finally),?\s+)?(?P<verb>{SPEECH_VERBS})\b"
)
_ANONYMOUS = re.compile(
    rf"^(?:{_CUE_PREFIX})*(?P<label>{ANON})(?:,\s+[^,]{{2,60}},)?\s+(?:(?:also|then|further|"
    rf"however|in turn|finally),?\s+)?(?P<verb>{SPEECH_VERBS})\b"
)
_DELEGATION = re.compile(
    r"^(?:" + _CUE_PREFIX + r")*(?P<label>(?:the|a|one|another|the head of( the)?|the deputy head "
    r"of( the)?|a member of the|a representative of the|a|the)\s*(?:[A-Z][\w-]+\s+)?"
    r"(?:delegation|delegate|delegates|representatives?|head of delegation))"
    r"(?:\s+of\s+[A-Z][^,]{1,60}?)?,?\s+(?:(?:also|then|further|however|in turn|finally),?\s+)?"
    r"(?P<verb>" + SPEECH_VERBS + r"|was|were|had|noted|reported|gave|provided)\b",
    re.I,
)
_CHAIR = re.compile(
    rf"^(?:{_CUE_PREFIX})*(?P<label>The (?:Committee )?(?:Chairperson|Chair|Vice-Chairperson)"
    rf"(?: of the Committee)?)(?:,\s+(?P<name>{NAME}),)?\s+(?P<verb>{SPEECH_VERBS})\b"
)


_TRAILING_CUE = re.compile(
    r",\s*(?:presenting|introducing|in presenting|when presenting) the "
    r"(?:State party'?s? )?reports?.*$",
    re.I,
)


def _clean_title(title: str) -> str:
    return _TRAILING_CUE.sub("", " ".join(title.split())).strip(" ,")


_ROLE_WORDS = frozenset(
    "committee expert experts country rapporteur co-rapporteur chairperson chair vice-chair "
    "vice-chairperson member task force mr ms mrs miss dr prof professor judge justice "
    "ambassador maître me sir dame mr. ms. mrs. dr. prof.".split()
)


def _strip_role_prefix(cue: SpeakerCue) -> SpeakerCue | None:
    """'Committee Expert Maître Jean Dupont' -> name 'Jean Dupont', roles into the title."""
    words = cue.name.split()
    i = 0
    while i < len(words) - 1 and words[i].lower().rstrip(".") in _ROLE_WORDS | {
        w.rstrip(".") for w in _ROLE_WORDS
    }:
        i += 1
    if i == 0:
        return cue
    prefix = " ".join(w for w in words[:i] if w.lower().rstrip(".") not in _HONORIFIC_WORDS)
    name = " ".join(words[i:])
    if len(name.split()) < 2 and cue.kind == "named":
        return SpeakerCue("honorific", name, cue.title, cue.end - len(name), cue.end, cue.verb)
    title = ", ".join(t for t in (prefix, cue.title) if t) or None
    return SpeakerCue(cue.kind, name, title, cue.end - len(name), cue.end, cue.verb)


_HONORIFIC_WORDS = frozenset(
    "mr ms mrs miss dr prof professor judge justice ambassador maître me sir dame".split()
)


# The words of SPEECH_VERBS, for a set lookup before any regular expression runs.
# ("was struck" is found by "struck", "pointed out" by "pointed".)
_VERB_WORDS = frozenset(re.sub(r"[()?:\[\]]", " ", SPEECH_VERBS.replace("|", " ")).split()) - {
    "was",
    "out",
    "attention",
    "ed",
    "sz",
    "emphasi",
    "to",
    "on",
} | {"emphasised", "emphasized"}
_PUNCT_TO_SPACE = str.maketrans(dict.fromkeys(",.;:()[]\"'“”‘’", " "))


_PRESENTING = re.compile(
    r"^(?:Introducing|Presenting) the (?:State party'?s? )?reports?|, (?:presenting|introducing) "
    r"the (?:State party'?s? )?reports?,|\b(?:presented|introduced) the (?:State party'?s? )?"
    r"reports?\b",
    re.I,
)
_ON_BEHALF = re.compile(
    r"^(?:Also )?[Ss]peaking (?:on behalf|in the name) of (?P<org>[^,]{1,120}),"
)


def find_speaker(sentence: str) -> SpeakerCue | None:
    """The speaker that a sentence opens with, if any."""
    head = sentence[:320]
    if (
        _VERB_WORDS.isdisjoint(head.translate(_PUNCT_TO_SPACE).split())
        and "elegat" not in head
        and "epresentative" not in head
    ):
        return None  # every cue has its verb near the start; most sentences have none
    cue = _find_speaker(sentence)
    behalf = _ON_BEHALF.match(sentence)
    if cue is not None and behalf is not None and cue.kind == "named":
        # "Speaking on behalf of the National Human Rights Commission, NAME, President, said"
        title = ", ".join(t for t in (cue.title, behalf["org"].strip()) if t)
        cue = SpeakerCue(cue.kind, cue.name, title, cue.start, cue.end, cue.verb)
    if cue is not None and cue.kind == "named" and _PRESENTING.search(sentence, 0, 400):
        cue = SpeakerCue(cue.kind, cue.name, cue.title, cue.start, cue.end, cue.verb, True)
    if cue is not None and cue.kind == "named":
        return _strip_role_prefix(cue)
    return cue


def _find_speaker(sentence: str) -> SpeakerCue | None:
    s = sentence
    m = _INTRODUCED_BY.match(s)
    if m:
        return SpeakerCue(
            "named", m["name"], _clean_title(m["title"]), m.start("name"), m.end("name"), m["verb"]
        )
    m = _ROLE_FIRST.match(s)
    if m:
        return SpeakerCue(
            "named", m["name"], _clean_title(m["title"]), m.start("name"), m.end("name"), m["verb"]
        )
    m = _NAMED_TITLED.match(s)
    if m and not re.match(ANON + r"$", m["name"]):
        return SpeakerCue(
            "named", m["name"], _clean_title(m["title"]), m.start("name"), m.end("name"), m["verb"]
        )
    m = _CHAIR.match(s)
    if m:
        if m["name"]:
            return SpeakerCue(
                "named", m["name"], "Chairperson", m.start("name"), m.end("name"), m["verb"]
            )
        return SpeakerCue("chair", m["label"], None, m.start("label"), m.end("label"), m["verb"])
    m = _HONORIFIC_NAME.match(s)
    if m:
        title = _clean_title(m["title"]) if m["title"] else None
        return SpeakerCue("honorific", m["name"], title, m.start("name"), m.end("name"), m["verb"])
    m = _ANONYMOUS.match(s)
    if m:
        return SpeakerCue(
            "anonymous", m["label"], None, m.start("label"), m.end("label"), m["verb"]
        )
    m = _DELEGATION.match(s)
    if m:
        return SpeakerCue(
            "delegation", m["label"], None, m.start("label"), m.end("label"), m["verb"]
        )
    return None


def find_led_by(text: str) -> SpeakerCue | None:
    """'the delegation, led by NAME, TITLE' names the head of delegation without a turn."""
    m = _LED_BY.search(text)
    if not m:
        return None
    return SpeakerCue(
        "named", m["name"], _clean_title(m["title"]), m.start("name"), m.end("name"), None
    )
