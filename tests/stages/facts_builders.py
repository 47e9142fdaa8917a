"""Build small Reviews by hand for the fact stages' tests (figures, contradictions,
commitments, themes), without running segmentation or speaker detection.

`build_review([("delegation", "Ana Ruiz", "The quota was 5,000."), ...])` gives a Review
whose document is the paragraphs separated by blank lines, with real offsets, one body
section, one turn per paragraph, and a participant for every named speaker.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace

from rapporteur.models import (
    Document,
    Metadata,
    Paragraph,
    Participant,
    Question,
    Review,
    Section,
    StateParty,
    Turn,
)
from rapporteur.settings import Settings
from rapporteur.stages import commitments, contradictions, figures, themes
from rapporteur.stages.facts_common import paragraph_sentences

SETTINGS = Settings()


def build_review(
    turns: Sequence[tuple[str, str | None, str]],
    *,
    year: int | None = 2023,
    state: str = "Freedonia",
    iso3: str | None = None,
    lead: str | None = None,
) -> Review:
    """A Review from (side, speaker name or None, paragraph text) tuples.

    `lead`, when given, is a first paragraph in a "lead" section (which fact stages skip).
    """
    parts: list[tuple[str, str, str | None, str]] = []
    if lead is not None:
        parts.append(("lead", "other", None, lead))
    parts.extend(("responses", side, speaker, text) for side, speaker, text in turns)
    text = "\n\n".join(p[3] for p in parts) + "\n"
    doc = Document(
        text=text,
        format="text",
        origin="test",
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
    paragraphs: list[Paragraph] = []
    offset = 0
    for index, (kind, _side, _speaker, body) in enumerate(parts):
        line = doc.line_of(offset)
        paragraphs.append(
            Paragraph(
                index=index,
                line=line,
                last_line=line + body.count("\n"),
                start=offset,
                end=offset + len(body),
                text=body,
                section=0 if kind == "lead" or lead is None else 1,
            )
        )
        offset += len(body) + 2
    sections = []
    if lead is not None:
        sections.append(
            Section(
                index=0,
                kind="lead",
                heading=None,
                heading_line=None,
                first_line=1,
                last_line=1,
                paragraphs=(0,),
            )
        )
    sections.append(
        Section(
            index=len(sections),
            kind="responses",
            heading=None,
            heading_line=None,
            first_line=paragraphs[1 if lead else 0].line,
            last_line=doc.line_count,
            paragraphs=tuple(p.index for p in paragraphs if lead is None or p.index > 0),
        )
    )
    participants: dict[str, Participant] = {}
    turn_records = []
    for para, (kind, side, speaker, _body) in zip(paragraphs, parts, strict=True):
        if kind == "lead":
            continue
        pid = None
        if speaker and not re.match(r"(?i)(a|an|another|the)\b", speaker):
            pid = participants.setdefault(
                speaker,
                Participant(
                    id=f"p{len(participants) + 1}", name=speaker, side=side, roles=(), title=None
                ),
            ).id
        turn_records.append(
            Turn(
                paragraph=para.index,
                line=para.line,
                side=side,
                speaker=speaker or ("the delegation" if side == "delegation" else "an Expert"),
                participant=pid,
                inferred=False,
            )
        )
    metadata = Metadata(
        committee="CMW",
        committee_name=None,
        state_party=StateParty(name=state, iso3=iso3),
        report=None,
        session=None,
        date=None,
        release_code=None,
        next_meeting=None,
        title=None,
        year=year,
    )
    return Review(
        document=doc,
        paragraphs=tuple(paragraphs),
        sections=tuple(sections),
        metadata=metadata,
        participants=tuple(participants.values()),
        turns=tuple(turn_records),
    )


def with_questions(review: Review) -> Review:
    """Add a Question for every committee sentence that ends in '?'."""
    turns = {t.paragraph: t for t in review.turns}
    text = review.document.text
    out = []
    for para in review.paragraphs:
        turn = turns.get(para.index)
        if turn is None or turn.side != "committee":
            continue
        for s0, s1 in paragraph_sentences(review, para):
            if not text[s0:s1].rstrip().endswith("?"):
                continue
            out.append(
                Question(
                    id=f"q{len(out) + 1}",
                    line=review.document.line_of(s0),
                    start=s0,
                    end=s1,
                    text=text[s0:s1],
                    kind="direct",
                    asker=turn.speaker,
                    participant=turn.participant,
                    asker_inferred=False,
                    paragraph=para.index,
                    section=para.section,
                    round=1,
                )
            )
    return replace(review, questions=tuple(out))


def analyse(review: Review, settings: Settings = SETTINGS) -> Review:
    """Run the four fact stages in pipeline order."""
    for stage in (figures, contradictions, commitments, themes):
        review = stage.run(review, settings)
    return review
