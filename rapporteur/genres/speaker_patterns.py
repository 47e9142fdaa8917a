"""Each language's speaker patterns, built once from its data file.

`rapporteur/data/lang/<language>/speakers.toml` holds the words (honorifics, speech verbs,
the phrases that open a turn, anonymous and delegation labels); the shapes of the patterns are
here, the same for every language, so that a language is a data file. The genres import
nothing above the models, so this module reads its cue files itself (the files
`rapporteur.languages.cues` gives the stages). `cues.py` matches sentences against them.
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


@cache
def speaker_data(language: str) -> Mapping[str, Any] | None:
    """A language's `speakers.toml`, or None when rapporteur has no speaker cues for it."""
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
