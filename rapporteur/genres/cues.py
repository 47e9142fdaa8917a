"""The speaker patterns of UN Geneva meeting summaries and press releases: who speaks.

"Ms. Dzumhur, Country Rapporteur, asked ...", "An Expert asked ...", "The delegation said ...";
"Mme X, membre du Comité, a demandé ...", "La Sra. X, experta del Comité, preguntó ...".
Both genres share these patterns; a genre whose records name speakers differently (summary
records: "Mr. X (Kyrgyzstan) said") gives its own `find_speaker` in its registry entry.

The shapes of the patterns are here; their words (honorifics, speech verbs, the phrases that
open a turn) are each language's data, `rapporteur/data/lang/<language>/speakers.toml`, so
that a language is a data file, not a fork of this module.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

# A personal name: 1-6 capitalised tokens (ALL CAPS allowed), with particles and initials.
_NAME_TOKEN = r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*(?:-[\w'’]+)*)"
_PARTICLE = r"(?:de|da|del|della|der|di|do|dos|das|du|van|von|den|la|le|al|el|bin|ibn|y|e|ter)"
NAME = rf"{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_TOKEN}){{1,5}}"
"""An English name; a language may write its tokens otherwise ("d’Auvergne")."""

DEFAULT_LANGUAGE = "en"
"""Whose cues a record in a language rapporteur has none for is read with."""


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


@cache
def speaker_data(language: str) -> Mapping[str, Any] | None:
    """A language's `speakers.toml` (the genres import nothing above the models, so they read
    their cue files themselves, the files `rapporteur.languages.cues` gives the stages)."""
    package = (__package__ or "rapporteur.genres").rpartition(".")[0]
    resource = files(package) / "data" / "lang" / language / "speakers.toml"
    if not resource.is_file():
        return None
    return tomllib.loads(resource.read_text(encoding="utf-8"))


def cue_language(language: str) -> str:
    """The language whose cues read a record: its own when rapporteur has them, else English."""
    return language if speaker_data(language) is not None else DEFAULT_LANGUAGE


def _alt(items: Iterable[str]) -> str:
    return "|".join(items)


_CLASS = re.compile(r"^([^\[\]]*)\[(\w+)\]([^\[\]]*)$")
_NOT_A_WORD = re.compile(r"[^\w'’-]")


def _plain_words(phrases: Iterable[str], ignore: Iterable[str]) -> frozenset[str]:
    """The words of the verb phrases, for a set lookup before any pattern runs ("was struck"
    is found by "struck"; "emphasi[sz]ed" gives both spellings)."""
    words: set[str] = set()
    for phrase in phrases:
        for token in phrase.translate(_PHRASE_PUNCT).split():
            m = _CLASS.match(token)
            forms = [m[1] + c + m[3] for c in m[2]] if m else [token]
            words.update(f for f in forms if not _NOT_A_WORD.search(f))
    return frozenset(words) - frozenset(ignore)


_WORD_BREAK = re.compile(r"[\s,.;:()\[\]\"'“”‘’]+")
"""What separates the words of a sentence's head for the quick test (faster than a
translation table on accented text)."""
_PHRASE_PUNCT = str.maketrans(dict.fromkeys(",.;:()\"'“”‘’", " "))


@dataclass(frozen=True, slots=True)
class SpeakerPatterns:
    """One language's speaker patterns, built once from its data file."""

    honorific: str
    verbs: str
    anonymous_label: re.Pattern[str]
    named_titled: re.Pattern[str]
    introduced_by: re.Pattern[str] | None
    led_by: re.Pattern[str] | None
    led_by_markers: tuple[str, ...]
    role_first: re.Pattern[str]
    honorific_name: re.Pattern[str]
    anonymous: re.Pattern[str]
    delegation: re.Pattern[str]
    chair: re.Pattern[str]
    chair_title: str
    vice_chair: re.Pattern[str]
    according_to: re.Pattern[str] | None
    trailing_cue: re.Pattern[str]
    presenting: re.Pattern[str]
    on_behalf: re.Pattern[str] | None
    verb_words: frozenset[str]
    prefilter_substrings: tuple[str, ...]
    role_words: frozenset[str]
    honorific_words: frozenset[str]
    name_articles: frozenset[str]
    after_honorific: re.Pattern[str]
    leading_honorific: re.Pattern[str] | None
    """An honorific a name pattern took in as a name token ("M. Rocheval-Sainte"): the rest is
    a surname to resolve; None where such names stay as they are (English)."""
    presenter_heads_delegation: bool
    """Whether the person presenting the report heads the delegation when no one is named so."""


def _verbs(data: Mapping[str, Any]) -> str:
    """The verb group: simple forms, and participles after an auxiliary ("a demandé", "s'est
    en outre enquise") where the language has them."""
    simple = f"(?:{_alt(data['verbs'])})"
    if not data["participles"]:
        return simple
    adverbs = _alt(data["verb_adverbs"])
    compound = (
        f"(?:{_alt(data['auxiliaries'])})\\s+(?:(?:{adverbs}),?\\s+){{0,3}}"
        f"(?:{_alt(data['participles'])})"
    )
    return f"(?:{compound}|{_alt(data['verbs'])})"


def _optional(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    return re.compile(pattern, flags) if pattern else None


def patterns(language: str) -> SpeakerPatterns:
    """The speaker patterns of a language (English for one rapporteur has no cues for)."""
    return _patterns(cue_language(language))


@cache
def _patterns(language: str) -> SpeakerPatterns:
    d = speaker_data(language)
    assert d is not None, "the English cues ship with rapporteur"
    token = d["name_token"] or _NAME_TOKEN
    name = rf"{token}(?:\s+(?:{_PARTICLE}\s+)*{token}){{1,5}}"
    # After an honorific a surname may open with a particle ("Sra. dos Santos", "M. de Souza").
    lead = rf"(?:(?:{d['surname_particles']})\s+)*" if d["surname_particles"] else ""
    surname = rf"{lead}{token}(?:\s+(?:{_PARTICLE}\s+)*{token}){{0,3}}"
    article = d["honorific_article"]
    hon = f"(?:{_alt(d['honorifics'])})\\.?"
    if article:
        hon = f"(?:{article})?{hon}"
    verbs = _verbs(d)
    prefix = f"(?:{_alt(d['cue_prefix'])})"
    adverbs = _alt(d["adverbs"])
    anon = d["anonymous"]
    title = r"(?P<title>[^.?!]{3,220}?)"
    named_titled = (
        rf"^(?:{prefix})*(?:(?:{hon})\s+)?(?P<name>{name}),\s+{title},\s+"
        rf"(?:(?:{_alt(d['adverbs_named'])}),?\s+)?"
        rf"(?:{d['relative']}\s+)?(?P<verb>{verbs})\b"
    )
    introduced_by = (
        rf"^{d['introduced_by']}"
        rf"(?:(?:{hon})\s+)?(?P<name>{name}),"
        rf"\s+{title},\s+{d['relative']}\s+(?P<verb>{verbs})\b"
    )
    led_by = rf"{d['led_by']}(?:(?:{hon})\s+)?(?P<name>{name}),\s+{title}(?:,|\.|$)"
    role_first = (
        rf"^(?:{prefix})*(?P<title>{d['role_first']})\s+"
        rf"(?:(?:{hon})\s+)?(?P<name>{name}),?\s+(?P<verb>{verbs})\b"
    )
    honorific_name = (
        rf"^(?:{prefix})*(?P<hon>{hon})\s+(?P<name>{surname})(?:,\s+(?P<title>[^,.?!]{{3,120}}),)?,?\s+"
        rf"(?:(?:{adverbs}),?\s+)?(?P<verb>{verbs})\b"
    )
    anonymous = (
        rf"^(?:{prefix})*(?P<label>{anon})(?:,\s+[^,]{{2,60}},)?\s+(?:(?:{adverbs}),?\s+)?"
        rf"(?P<verb>{verbs})\b"
    )
    delegation = (
        rf"^(?:{prefix})*(?P<label>{d['delegation']})(?:{d['delegation_of']})?,?\s+"
        rf"(?:(?:{adverbs}),?\s+)?(?P<verb>{verbs}|{_alt(d['delegation_verbs'])})\b"
    )
    chair = (
        rf"^(?:{prefix})*(?P<label>{d['chair']})(?:,\s+(?P<name>{name}),)?\s+"
        rf"(?P<verb>{verbs})\b"
    )
    according_to = (
        rf"^(?:{prefix})*(?P<verb>{d['according_to']})\s+(?P<hon>{hon})\s+"
        rf"(?P<name>{surname}),"
        if d["according_to"]
        else ""
    )
    return SpeakerPatterns(
        honorific=hon,
        verbs=verbs,
        anonymous_label=re.compile(anon + r"$"),
        named_titled=re.compile(named_titled),
        introduced_by=_optional(introduced_by if d["introduced_by"] else ""),
        led_by=_optional(led_by if d["led_by"] else ""),
        led_by_markers=tuple(d["led_by_markers"]),
        role_first=re.compile(role_first),
        honorific_name=re.compile(honorific_name),
        anonymous=re.compile(anonymous),
        delegation=re.compile(delegation, re.I),
        chair=re.compile(chair),
        chair_title=d["chair_title"],
        vice_chair=re.compile(d["vice_chair"]),
        according_to=_optional(according_to),
        trailing_cue=re.compile(d["trailing_cue"], re.I),
        presenting=re.compile(d["presenting"], re.I),
        on_behalf=_optional(d["on_behalf"]),
        verb_words=_plain_words([*d["verbs"], *d["participles"]], d["prefilter_ignore"]),
        prefilter_substrings=tuple(d["prefilter_substrings"]),
        role_words=frozenset(d["role_words"]),
        honorific_words=frozenset(d["honorific_words"]),
        name_articles=frozenset(d["name_articles"]),
        after_honorific=re.compile(rf"(?:{hon})\s+$"),
        leading_honorific=_optional(rf"^(?:{hon})\s+" if d["led_by_surnames"] else ""),
        presenter_heads_delegation=d["presenter_heads_delegation"],
    )


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
