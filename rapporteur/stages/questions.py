"""Question units asked by the Committee, each with its kind and asker.

A unit is a sentence of a committee-side body paragraph that asks for something:
- direct: ends in "?" ("Was this done in practice?"), or is plainly a question though it
  ends in "." ("Was other data available ...");
- indirect: reports the asking ("asked if ...", "asked for more information about ...");
- request: a polite request ("It would be useful if information ... could be provided").
Statements of concern, opinion or recommendation are not units. The lead repeats the body,
so only body sections count.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from ..models import Question, Review
from ..settings import Settings

_REPORTED = re.compile(
    r"\b(asked|inquired|enquired|queried|wondered|requested|sought|wished to know|"
    r"wanted to know|would (?:also |further )?like to know|wished to hear|wanted to hear|"
    r"raised the question|"
    r"invited the (?:delegation|State party) to (?:explain|clarify|provide|describe|indicate|"
    r"comment|elaborate|specify|say|share|give|tell)|"
    r"asked the delegation|requested (?:more |further |additional |updated )?information|"
    r"(?:would|should) like (?:more |further |additional )?(?:information|details|clarification))"
    r"\b",
    re.I,
)
_ASK_OBJECT = re.compile(
    r"\b(asked|inquired|enquired|queried|wondered)\s+(?:the delegation\s+|the State party\s+|"
    r"also\s+|further\s+)?(?:to\s+\w+\s+)?(if|whether|what|how|why|which|who|whom|when|where|"
    r"about|for|to what|to which|in what|the delegation|the State|it)\b|"
    r"\b(requested|sought)\s+(?:more |further |additional |updated |up-to-date |some )?"
    r"(information|details|data|clarification|statistics|an explanation|explanations|"
    r"an update|figures|a response|comments?)\b|"
    r"\b(wished|wanted|would (?:also |further )?like) to (know|hear|learn|understand|receive)\b|"
    r"\binvited the (?:delegation|State party) to\b|\braised the question\b",
    re.I,
)
_REQUEST = re.compile(
    r"\b(it would be (?:useful|helpful|good|interesting|enlightening|important|appreciated|"
    r"welcome|valuable|instructive|informative)\s+(?:if|to|for)|"
    r"would be (?:welcome|appreciated|grateful|useful|helpful)\b|"
    r"(?:the Committee|she|he|they|experts?)\s+would (?:appreciate|welcome|be grateful for)|"
    r"(?:please|kindly) (?:provide|explain|clarify|describe|indicate|elaborate)|"
    r"(?:the delegation|the State party) (?:was|is) (?:invited|requested|encouraged) to "
    r"(?:provide|explain|clarify|describe|indicate|share|comment)|"
    r"(?:clarification|information|details|data|statistics|an explanation|an update|more "
    r"information|further information|additional information)\b[^.?!]{0,160}?"
    r"(?:would be (?:welcome|appreciated|useful|helpful)|was requested|were requested|"
    r"(?:could|should|might) be (?:provided|shared|given|supplied)))",
    re.I,
)
_REQUEST_OBJECT = re.compile(
    r"\b(information|data|details|statistics|figures|clarification|explanation|update|"
    r"learn|hear|know|understand|receive|provide|provided|shared|explain|clarify|describe|"
    r"copy|copies|breakdown|list|examples?|documents?|"
    r"indicate|elaborate|comment)\b",
    re.I,
)
_INVERTED = re.compile(
    r"^(?:And |But |So |Also |Further(?:more)?,? |Moreover,? |Finally,? |Lastly,? |In addition,? )?"
    r"(?:Was|Were|Is|Are|Did|Does|Do|Had|Has|Have|Could|Can|Would|Will|Should|Shall|May|Might|"
    r"Must)\s+(?:there|the|a|an|this|that|these|those|it|they|he|she|any|other|its|their|"
    r"such|all|some|more|further|[A-Z][\w-]*)\b"
)
_WH = re.compile(
    r"^(?:What|How|Why|Which|Who|Whom|Whose|When|Where|To what extent|In what way)"
    r"\s+(?:was|were|is|are|did|does|do|had|has|have|could|can|would|will|should|"
    r"measures|steps|action|actions|kind|type|types|percentage|proportion|number|"
    r"many|much|long|often|far)\b"
)
_NOT_A_QUESTION = re.compile(
    r"^(?:(?:It|This|That) (?:was|is) (?:important|essential|crucial|necessary|worth|"
    r"recommended|regrettable|concerning|worrying|encouraging|commendable|noted)|"
    r"(?:The|This) Committee (?:recommended|urged|encouraged|noted))",
    re.I,
)


def question_kind(sentence: str) -> str | None:
    """The unit kind of one sentence, or None when it asks for nothing.

    Whitespace is collapsed first: a hard-wrapped text file breaks lines inside the phrases
    the patterns spell with single spaces ("would be\nwelcome")."""
    s = " ".join(sentence.split())
    if not s:
        return None
    reported = bool(_REPORTED.search(s) and _ASK_OBJECT.search(s))
    if s.endswith("?") or re.search(r"\?[\"'”’)\]]*$", s):
        return "indirect" if reported and _reported_before_question(s) else "direct"
    if reported:
        return "indirect"
    if _REQUEST.search(s) and _REQUEST_OBJECT.search(s) and not _NOT_A_QUESTION.match(s):
        return "request"
    if _INVERTED.match(s) or _WH.match(s):
        return "direct"
    return None


def _reported_before_question(s: str) -> bool:
    """'X asked if ...?' reports the asking; a question that merely contains 'asked' does not."""
    m = _ASK_OBJECT.search(s)
    if not m:
        return False
    head = s[: m.start()]
    # The reporting verb must come before any inverted question of its own.
    return (
        not re.search(r"[;:]\s*(how|what|why|was|were|did|could|would)\b", head, re.I)
        and m.start() < 250
    )


def run(review: Review, settings: Settings) -> Review:
    sentences = review.sentences
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
            kind = question_kind(sent.text)
            if kind is None:
                continue
            digest = hashlib.sha1(f"{sent.start}:{sent.end}:{sent.text}".encode()).hexdigest()
            questions.append(
                Question(
                    id=f"q{len(questions) + 1:03d}-{digest[:6]}",
                    line=sent.line,
                    start=sent.start,
                    end=sent.end,
                    text=sent.text,
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
