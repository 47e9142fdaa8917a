"""Question units asked by the Committee, each with its kind and asker.

A unit is a sentence of a committee-side body paragraph that asks for something:
- direct: ends in "?" ("Was this done in practice?"), or is plainly a question though it
  ends in "." ("Was other data available ...");
- indirect: reports the asking ("asked if ...", "asked for more information about ...");
- request: a polite request ("It would be useful if information ... could be provided").
Statements of concern, opinion or recommendation are not units. The lead repeats the body,
so only body sections count.

The patterns' words are each language's data (`rapporteur/data/lang/<language>/questions.toml`):
which verbs report asking and which make a request differ by language, not only their words
("requested information" is reported asking in English, "solicitó información" a request in
Spanish), so the kinds come with the words.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from .. import languages
from ..models import Question, Review
from ..settings import Settings

DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class _Cues:
    """One language's question patterns, built once from its `questions.toml`."""

    reported: re.Pattern[str]
    ask_object: re.Pattern[str]
    question_after_clause: re.Pattern[str]
    request: re.Pattern[str]
    request_object: re.Pattern[str]
    not_a_question: re.Pattern[str]
    inverted: re.Pattern[str] | None
    wh: re.Pattern[str] | None
    opening_mark: str


def _alt(items: Iterable[str]) -> str:
    return "|".join(items)


def _optional(pattern: str) -> re.Pattern[str] | None:
    return re.compile(pattern) if pattern else None


@cache
def _cues(language: str) -> _Cues:
    """The question patterns of a language (English for one rapporteur has no cues for)."""
    d = languages.cues("questions", language) or languages.cues("questions", DEFAULT_LANGUAGE)
    return _Cues(
        reported=re.compile(rf"\b({_alt(d['reported'])})\b", re.I),
        ask_object=re.compile(_alt(d["ask_object"]), re.I),
        question_after_clause=re.compile(d["question_after_clause"], re.I),
        request=re.compile(rf"\b({_alt(d['request'])})", re.I),
        request_object=re.compile(rf"\b({_alt(d['request_object'])})\b", re.I),
        not_a_question=re.compile(d["not_a_question"], re.I),
        inverted=_optional(d["inverted"]),
        wh=_optional(d["wh"]),
        opening_mark=d["opening_mark"],
    )


def question_kind(sentence: str, language: str = DEFAULT_LANGUAGE) -> str | None:
    """The unit kind of one sentence, or None when it asks for nothing.

    Whitespace is collapsed first: a hard-wrapped text file breaks lines inside the phrases
    the patterns spell with single spaces ("would be\nwelcome")."""
    s = " ".join(sentence.split())
    if not s:
        return None
    c = _cues(language)
    reported = bool(c.reported.search(s) and c.ask_object.search(s))
    if s.endswith("?") or re.search(r"\?[\"'”’)\]» ]*$", s):
        return "indirect" if reported and _reported_before_question(s, c) else "direct"
    if reported:
        return "indirect"
    if c.request.search(s) and c.request_object.search(s) and not c.not_a_question.match(s):
        return "request"
    if (c.inverted is not None and c.inverted.match(s)) or (c.wh is not None and c.wh.match(s)):
        return "direct"
    return None


def _reported_before_question(s: str, c: _Cues) -> bool:
    """'X asked if ...?' reports the asking; a question that merely contains 'asked' does not."""
    m = c.ask_object.search(s)
    if not m:
        return False
    head = s[: m.start()]
    # The reporting verb must come before any inverted question of its own.
    return not c.question_after_clause.search(head) and m.start() < 250


def question_units(sentence: str, language: str = DEFAULT_LANGUAGE) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each question unit in a sentence, offsets in the sentence.

    A sentence is one unit, except in a language that opens direct questions with a mark
    ("¿" in Spanish): each marked question is a unit from its mark to its "?", and the words
    before the first mark are one more when they report asking or request ("Preguntó si ...
    y, en tal caso, ¿cuántos?")."""
    mark = _cues(language).opening_mark
    first = sentence.find(mark) if mark else -1
    if first < 0:
        kind = question_kind(sentence, language)
        return [(0, len(sentence), kind)] if kind else []
    units = []
    lead = sentence[:first].rstrip(" ,;:\u00a0")
    kind = question_kind(lead, language) if lead.strip() else None
    if kind in {"indirect", "request"}:
        units.append((0, len(lead), kind))
    at = first
    while at >= 0:
        end = sentence.find("?", at)
        end = len(sentence) if end < 0 else end + 1
        units.append((at, end, "direct"))
        at = sentence.find(mark, end)
    return units


def run(review: Review, settings: Settings) -> Review:
    sentences = review.sentences
    language = review.language
    rounds = section_rounds(review)
    questions: list[Question] = []
    for turn in review.turns:
        p = review.paragraphs[turn.paragraph]
        section = review.sections[p.section]
        for si in range(*p.sentences):
            voice = turn.voice_at(si)
            if voice is None or voice.side != "committee":
                continue
            sent = sentences[si]
            for a, b, kind in question_units(sent.text, language):
                text = sent.text[a:b]
                start, end = sent.start + a, sent.start + b
                digest = hashlib.sha1(f"{start}:{end}:{text}".encode()).hexdigest()
                questions.append(
                    Question(
                        id=f"q{len(questions) + 1:03d}-{digest[:6]}",
                        line=sent.line + sent.text.count("\n", 0, a),
                        start=start,
                        end=end,
                        text=text,
                        kind=kind,
                        asker=voice.speaker,
                        participant=voice.participant,
                        asker_inferred=voice.inferred,
                        paragraph=p.index,
                        section=section.index,
                        round=rounds.get(section.index, 1),
                    )
                )
    return replace(review, questions=tuple(questions))


def section_rounds(review: Review) -> dict[int, int]:
    """Round number of each section: a new round starts at each questions section after answers."""
    out: dict[int, int] = {}
    current = 0
    last = None
    for s in review.sections:
        if s.kind == "questions" and last != "questions":
            current += 1
        if s.kind in {"questions", "responses", "concluding"}:
            out[s.index] = max(current, 1)
            last = s.kind
        elif s.kind == "presentation":
            out[s.index] = 0
    return out
