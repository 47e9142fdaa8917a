"""The rapporteur/review@1 JSON object (see docs/json.md and rapporteur/data/review.schema.json).

Key order and number formatting are fixed so that the same input gives byte-identical JSON.
"""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..models import Recommendation, Review

SCHEMA = "rapporteur/review@1"


def _state(sp: Any) -> dict[str, Any] | None:
    return None if sp is None else {"name": sp.name, "iso3": sp.iso3}


def _num(v: float | str | None) -> float | int | str | None:
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def to_dict(review: Review) -> dict[str, Any]:
    doc = review.document
    meta = review.metadata
    kind_of = {s.index: s.kind for s in review.sections}
    turn_of = {t.paragraph: t for t in review.turns}
    report = meta.report if meta else None
    nm = meta.next_meeting if meta else None
    return {
        "schema": SCHEMA,
        "analyzer": {"name": "rapporteur", "version": __version__},
        "document": {
            "origin": doc.origin,
            "format": doc.format,
            "sha256": doc.sha256,
            "lines": doc.line_count,
            "title": meta.title if meta else doc.title,
            "kind": review.document_kind,
            "language": review.language,
            "symbol": meta.symbol if meta else None,
            "parts": [
                {
                    "origin": part.origin,
                    "sha256": part.sha256,
                    "symbol": part.symbol,
                    "first_line": part.first_line,
                    "last_line": part.last_line,
                }
                for part in doc.parts
            ],
        },
        "is_dialogue": review.is_dialogue,
        "warnings": list(doc.warnings) + list(review.warnings),
        "review": {
            "committee": meta.committee if meta else None,
            "committee_name": meta.committee_name if meta else None,
            "state_party": _state(meta.state_party) if meta else None,
            "report": None
            if report is None
            else {
                "description": report.description,
                "kind": report.kind,
                "numbers": list(report.numbers),
                "symbol": report.symbol,
            },
            "session": meta.session if meta else None,
            "date": meta.date if meta else None,
            "year": meta.year if meta else None,
            "meeting": meta.meeting if meta else None,
            "chair": meta.chair if meta else None,
            "release_code": meta.release_code if meta else None,
            "next_meeting": None
            if nm is None
            else {
                "state_party": _state(nm.state_party),
                "symbol": nm.symbol,
                "text": nm.text,
                "line": nm.line,
            },
            "next_report": None
            if review.next_report is None
            else {
                "due": review.next_report.due,
                "description": review.next_report.description,
                "line": review.next_report.line,
            },
            "follow_up": None
            if review.follow_up is None
            else {
                "line": review.follow_up.line,
                "paragraph": review.follow_up.paragraph,
                "within": review.follow_up.within,
                "due": review.follow_up.due,
            },
        },
        "recommendations": [_recommendation(r) for r in review.recommendations],
        "participants": [
            {"id": p.id, "name": p.name, "side": p.side, "roles": list(p.roles), "title": p.title}
            for p in review.participants
        ],
        "sections": [
            {
                "kind": s.kind,
                "heading": s.heading,
                "heading_line": s.heading_line,
                "first_line": s.heading_line or s.first_line,
                "last_line": s.last_line,
            }
            for s in review.sections
        ],
        "paragraphs": [
            {
                "line": p.line,
                "last_line": p.last_line,
                "section": kind_of.get(p.section, "other"),
                "side": turn_of[p.index].side if p.index in turn_of else None,
                "speaker": turn_of[p.index].speaker if p.index in turn_of else None,
                "text": p.text,
            }
            for p in review.paragraphs
            if kind_of.get(p.section) not in {"chrome", None}
        ],
        "turns": [
            {
                "line": t.line,
                "side": t.side,
                "speaker": t.speaker,
                "participant": t.participant,
                "inferred": t.inferred,
            }
            for t in review.turns
        ],
        "questions": [
            {
                "id": q.id,
                "line": q.line,
                "text": q.text,
                "kind": q.kind,
                "asker": q.asker,
                "participant": q.participant,
                "asker_inferred": q.asker_inferred,
                "round": q.round,
                "section": kind_of.get(q.section),
                "status": q.status,
                "status_reason": q.status_reason,
                "confidence": None if q.confidence is None else round(q.confidence, 3),
                "needs_check": q.needs_check,
                "status_source": "machine",
                "answers": [
                    {"line": a.line, "text": a.text, "score": round(a.score, 4)} for a in q.answers
                ],
                "themes": list(q.themes),
            }
            for q in review.questions
        ],
        "figures": [
            {
                "line": f.line,
                "mention": f.mention,
                "value": _num(f.value),
                "value_min": _num(f.value_min),
                "value_max": _num(f.value_max),
                "qualifier": f.qualifier,
                "unit": f.unit,
                "subject": f.subject,
                "period": f.period,
                "side": f.side,
                "speaker": f.speaker,
                "themes": list(f.themes),
            }
            for f in review.figures
        ],
        "inconsistencies": [
            {"a": i.a, "b": i.b, "severity": i.severity, "reason": i.reason}
            for i in review.inconsistencies
        ],
        "commitments": [
            {
                "line": c.line,
                "text": c.text,
                "kind": c.kind,
                "side": c.side,
                "speaker": c.speaker,
                "themes": list(c.themes),
            }
            for c in review.commitments
        ],
        "themes": {
            "taxonomy_version": review.taxonomy_version,
            "counts": _theme_counts(review),
        },
    }


def _recommendation(r: Recommendation) -> dict[str, Any]:
    return {
        "id": r.id,
        "paragraph": r.paragraph,
        "letter": r.letter,
        "line": r.line,
        "text": r.text,
        "action": r.action,
        "lead_in": r.lead_in,
        "heading": r.heading,
        "subject": r.subject,
        "concern": r.concern,
        "articles": list(r.articles),
        "themes": list(r.themes),
        "follow_up": r.follow_up,
        "reiterates": None
        if r.reiterates is None
        else {"symbol": r.reiterates.symbol, "paragraph": r.reiterates.paragraph},
        "questions": list(r.questions),
    }


def _theme_counts(review: Review) -> dict[str, int]:
    counts: dict[str, int] = {}
    tagged: list[tuple[str, ...]] = [q.themes for q in review.questions]
    tagged += [r.themes for r in review.recommendations]
    for themes in tagged:
        for t in themes:
            counts[t] = counts.get(t, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
