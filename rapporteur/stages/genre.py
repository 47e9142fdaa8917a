"""Is this a treaty-body dialogue in a language rapporteur reads? Said once, with the reason,
for every front end."""

from __future__ import annotations

import re
from dataclasses import replace

from ..languages import ANALYSED, refusal
from ..models import BODY_KINDS, Review
from ..settings import Settings
from . import recommendations

_ENDS_SENTENCE = re.compile(r"[.?!:;\"'”’)\]]\s*$")


def _structure_warnings(review: Review) -> list[str]:
    """Duplicated paragraphs and a document cut off mid-sentence: analysed, but said."""
    out = []
    kinds = {s.index: s.kind for s in review.sections}
    body = [p for p in review.paragraphs if kinds.get(p.section) in BODY_KINDS]
    seen: dict[str, int] = {}
    repeated = []
    for p in body:
        if len(p.text) >= 80:
            if p.text in seen:
                repeated.append(p.line)
            else:
                seen[p.text] = p.line
    if repeated:
        lines = ", ".join(str(n) for n in repeated[:5]) + (" ..." if len(repeated) > 5 else "")
        out.append(
            f"{len(repeated)} paragraph(s) of the dialogue repeat an earlier one (line {lines}); "
            "their questions and figures are counted twice."
        )
    has_footer = any(s.kind == "boilerplate" for s in review.sections)
    if body and not has_footer and not _ENDS_SENTENCE.search(body[-1].text):
        out.append(
            f"The document seems to be cut off: its last paragraph (line {body[-1].line}) ends "
            "in the middle of a sentence."
        )
    elif body and not has_footer and all(s.kind != "concluding" for s in review.sections):
        out.append(
            "The document may be cut off: it has neither concluding remarks nor the closing "
            "footer of a UN summary."
        )
    return out


READ_KINDS = frozenset({"summary_record", "concluding_observations"})
"""Committee documents that a registered genre has read: never refused as unread."""


def not_yet_read(text: str, kind: str | None = None) -> str | None:
    """A warning for a Committee document that no genre read: concluding observations whose
    recommendations could not be found, so that they are refused with the reason rather than
    misread as a meeting summary. (Summary records are a genre of their own.)"""
    if kind in READ_KINDS:
        return None
    verdict = recommendations.detect(text)
    if verdict.titled:
        return (
            "This has the title or symbol of the Committee's concluding observations but not "
            f"their body ({verdict.reason}), so rapporteur cannot read its recommendations."
        )
    return None


def run(review: Review, settings: Settings) -> Review:
    warnings = list(review.warnings)
    other = not_yet_read(review.document.text, review.document_kind)
    if other is not None:
        warnings.append(other)
        return replace(review, warnings=tuple(warnings), is_dialogue=False)
    lang = review.language
    if lang in ANALYSED and review.document_kind == "concluding_observations":
        return _concluding_observations(review, warnings)
    meta = review.metadata
    committee_turns = sum(t.side == "committee" for t in review.turns)
    delegation_turns = sum(t.side == "delegation" for t in review.turns)
    if lang not in ANALYSED:
        warnings.append(refusal(lang))
        return replace(review, warnings=tuple(warnings), is_dialogue=False)
    named = meta is not None and meta.committee is not None
    talk = bool(committee_turns or delegation_turns)
    # Questions put by one side and answered by the other: a hearing or an interview reads
    # like a review even when no treaty body is named.
    exchange = bool(committee_turns and delegation_turns and review.questions)
    is_dialogue = (named and talk) or exchange
    if not is_dialogue:
        warnings.append(_not_a_review(meta.committee_name if named and meta else None))
    else:
        if not named:
            warnings.append(
                "No UN treaty body is named in this document: it was analysed as a dialogue "
                "between questioners and respondents, but it may not be a treaty-body review."
            )
        warnings.extend(_structure_warnings(review))
        if not review.questions:
            warnings.append("No questions by Committee Experts were found.")
        if not delegation_turns:
            warnings.append("No statements by the delegation were found.")
        if meta is not None and meta.state_party is None:
            warnings.append("The State party under review could not be identified.")
    return replace(review, warnings=tuple(warnings), is_dialogue=is_dialogue)


def _not_a_review(committee: str | None) -> str:
    """Why a document is not read as a review, naming exactly what is missing."""
    if committee:
        return (
            f"This does not look like a treaty-body review: it names the {committee} but holds "
            "no dialogue between Experts and a delegation."
        )
    return (
        "This does not look like a treaty-body review: it names no UN treaty body and holds no "
        "dialogue between Experts and a delegation."
    )


def _concluding_observations(review: Review, warnings: list[str]) -> Review:
    """Concluding observations are a review's record when they hold recommendations of a
    named Committee; they have no dialogue to check."""
    meta = review.metadata
    ok = bool(review.recommendations) and meta is not None and meta.committee is not None
    if not review.recommendations:
        warnings.append("No recommendations of the Committee were found.")
    elif not ok:
        warnings.append(
            "The Committee that adopted these concluding observations could not be identified."
        )
    if ok and meta is not None and meta.state_party is None:
        warnings.append("The State party under review could not be identified.")
    if ok and review.next_report is None:
        warnings.append("No date for the next periodic report was found.")
    return replace(review, warnings=tuple(warnings), is_dialogue=ok)
