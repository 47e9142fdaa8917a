"""The links of the review cycle, computed in the library after documents are stored.

For each review whose documents changed (`Store.stale_groups`):
- every recommendation of its concluding observations is traced to the question units of
  each dialogue document of the same review (meeting summary, summary records) with
  `stages.tracing.trace`; the links (recommendation -> dialogue document, question id,
  rank, score, reason) are stored, and `recommendations[].questions` of the stored analysis
  is filled with the question ids of the main dialogue (the one with most questions), so
  that the review page shows them;
- each recommendation is linked to the one it repeats in the concluding observations of the
  previous review of the same State by the same committee (`link_previous`: explicit
  reiterations first, then wording).
Links of a review are replaced in one transaction: re-ingesting a document never loses or
duplicates them. The dialogue is re-analysed from the stored original bytes (question ids
are stable), so documents fetched by URL, whose bytes are not kept, are not traced.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from .models import Recommendation, Reiteration, Review
from .settings import Settings
from .store import CO, DIALOGUE_KINDS, ReviewSummary, Store


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkReport:
    """What one linking pass did: reviews linked, and how many links of each kind exist."""

    reviews: int = 0
    question_links: int = 0
    previous_links: int = 0
    traced: bool = True
    """False when the tracing stage is not installed: no recommendation -> question links."""


def recommendation_of(r: Mapping[str, Any]) -> Recommendation:
    """A models.Recommendation from its review@1 JSON object."""
    cited = r.get("reiterates")
    return Recommendation(
        id=str(r["id"]),
        paragraph=int(r["paragraph"]),
        letter=r.get("letter"),
        line=int(r["line"]),
        text=str(r["text"]),
        action=str(r.get("action") or r["text"]),
        lead_in=r.get("lead_in"),
        heading=r.get("heading"),
        subject=r.get("subject"),
        articles=tuple(int(a) for a in r.get("articles") or ()),
        concern=r.get("concern"),
        follow_up=bool(r.get("follow_up")),
        reiterates=Reiteration(symbol=cited.get("symbol"), paragraph=cited.get("paragraph"))
        if cited
        else None,
        themes=tuple(r.get("themes") or ()),
        questions=tuple(r.get("questions") or ()),
    )


def _tracer() -> Any:
    """`stages.tracing.trace`, or None while that stage is not installed."""
    try:
        from .stages import tracing
    except ImportError:
        return None
    return tracing.trace


def _reanalyse(store: Store, doc: ReviewSummary, settings: Settings) -> Review | None:
    """The dialogue's full analysis from its stored bytes (None when they were not kept)."""
    from . import api
    from .errors import RapporteurError
    from .stages import ingest

    raw = store.source(doc.id)
    if raw is None:
        return None
    name = PurePath(doc.origin).name or "document"
    try:
        document = ingest.document_from_bytes(raw, doc.origin, settings, name=name)
        return api.analyze_document(document, settings)
    except RapporteurError:
        return None


def link_group(store: Store, key: str, settings: Settings) -> tuple[int, int] | None:
    """Compute and store the links of one review; (question links, previous links), or None
    when a document of it changed meanwhile (another process: its ingest will link)."""
    from .stages.recommendation_links import link_previous

    group = store.group(key)
    if group is None:
        return (0, 0)
    stamps = {d.id: d.updated_at for d in group.documents}
    observations = [d for d in group.documents if d.kind == CO]
    dialogues = [d for d in group.documents if d.kind in DIALOGUE_KINDS and d.questions]
    trace = _tracer()
    reviews: dict[str, Review] = {}
    if observations and trace is not None:
        for d in dialogues:
            review = _reanalyse(store, d, settings)
            if review is not None and review.questions:
                reviews[d.id] = review
    main: str | None = None  # the dialogue with most questions, first listed on ties
    for d in dialogues:
        if d.id in reviews and (
            main is None or len(reviews[d.id].questions) > len(reviews[main].questions)
        ):
            main = d.id
    updated: dict[str, dict[str, Any]] = {}
    question_rows: list[tuple[str, str, str, str, int, float | None, str | None]] = []
    previous_rows: list[tuple[str, str, str, str | None, int, str | None, float, str]] = []
    for co in observations:
        data = copy.deepcopy(dict(store.get(co.id).data))
        items = list(data.get("recommendations") or [])
        recs = [recommendation_of(r) for r in items]
        for dialogue_id, review in reviews.items():
            links = trace(recs, review, settings)
            for rid, found in links.items():
                for rank, link in enumerate(found):
                    qid = str(getattr(link.question, "id", link.question))
                    question_rows.append(
                        (co.id, rid, dialogue_id, qid, rank, link.score, link.reason)
                    )
            if dialogue_id == main:
                for item in items:
                    item["questions"] = [
                        str(getattr(link.question, "id", link.question))
                        for link in links.get(item["id"], ())
                    ]
        if main is None:
            for item in items:
                item["questions"] = []
        data["recommendations"] = items
        updated[co.id] = data
        previous_rows += _previous_rows(store, co.id, recs, link_previous)
    if not store.save_links(key, updated, question_rows, previous_rows, stamps):
        return None
    return len(question_rows), len(previous_rows)


def _previous_rows(
    store: Store, co_id: str, recs: Sequence[Recommendation], link_previous: Any
) -> list[tuple[str, str, str, str | None, int, str | None, float, str]]:
    previous_id = store.previous_observations(co_id)
    if previous_id is None:
        return []
    before = store.get(previous_id)
    earlier = [recommendation_of(r) for r in before.data.get("recommendations") or []]
    return [
        (
            co_id,
            link.recommendation,
            previous_id,
            link.previous,
            link.paragraph,
            link.letter,
            link.score,
            link.reason,
        )
        for link in link_previous(recs, earlier, before.summary.symbol)
    ]


def link_stale(store: Store, settings: Settings) -> LinkReport:
    """Link every review whose documents changed since it was last linked."""
    reviews = questions = previous = 0
    for key in store.stale_groups():
        counts = link_group(store, key, settings)
        if counts is not None:
            reviews += 1
            questions += counts[0]
            previous += counts[1]
    return LinkReport(
        reviews=reviews,
        question_links=questions,
        previous_links=previous,
        traced=_tracer() is not None,
    )
