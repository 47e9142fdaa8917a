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
When a review has two or more summary records, or a meeting summary holding the questions
without the replies and another summary of the same review, they are also joined into one
review with `api.analyze_parts` (stored as its own document, `document.parts` naming the
parts), so that questions asked at one meeting find their answers at the next; the joined
review, not its parts, is then traced. Links of a review are replaced in one transaction:
re-ingesting a document never loses or duplicates them. The dialogue is re-analysed from the
stored original bytes (question ids are stable), so documents fetched by URL, whose bytes
are not kept, are not traced.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from . import __version__
from .errors import StoreError
from .models import Document, Recommendation, Reiteration, Review
from .settings import Settings
from .stages.alignment import REPLIES_MISSING
from .store import CO, DIALOGUE_KINDS, ReviewSummary, Store, is_older


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkReport:
    """What one linking pass did: reviews linked, and how many links of each kind exist."""

    reviews: int = 0
    question_links: int = 0
    previous_links: int = 0
    traced: bool = True
    """False when the tracing stage is not installed: no recommendation -> question links."""
    failed: tuple[tuple[str, str], ...] = ()
    """(review key, reason) of reviews that could not be linked; the next ingest retries."""


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


def _document(store: Store, doc: ReviewSummary, settings: Settings) -> Document | None:
    """A stored document's text from its original bytes (None when they were not kept)."""
    from .errors import RapporteurError
    from .stages import ingest

    raw = store.source(doc.id)
    if raw is None:
        return None
    name = PurePath(doc.origin).name or "document"
    try:
        return ingest.document_from_bytes(raw, doc.origin, settings, name=name)
    except RapporteurError:
        return None


def _parts(data: Mapping[str, Any]) -> list[str]:
    """SHA-256 of the parts of a joined review (empty for a document read on its own)."""
    return [str(p["sha256"]) for p in (data.get("document") or {}).get("parts") or []]


def _reanalyse(store: Store, doc: ReviewSummary, settings: Settings) -> Review | None:
    """The dialogue's full analysis, from its stored bytes or, for a joined review, from the
    stored bytes of its parts; None when they were not kept."""
    from . import api, parts
    from .errors import RapporteurError

    shas = _parts(store.get(doc.id).data)
    try:
        if not shas:
            document = _document(store, doc, settings)
            return api.analyze_document(document, settings) if document else None
        documents = []
        for sha in shas:
            known = store.lookup(sha)
            part = _document(store, store.get(known[0]).summary, settings) if known else None
            if part is None:
                return None
            documents.append(part)
        return api.analyze_document(parts.join(documents), settings)
    except RapporteurError:
        return None


SUMMARY_KINDS = ("meeting_summary", "press_release")


def _first_part(data: Mapping[str, Any]) -> bool:
    """A stored summary that holds the questions but not the replies (its analysis warned)."""
    return any(str(w).startswith(REPLIES_MISSING) for w in data.get("warnings") or [])


def join_records(store: Store, key: str, settings: Settings) -> set[str]:
    """Join the parts of review `key` into one stored review, dropping joins whose parts are
    no longer all there; return the ids of the documents read as part of a join (traced
    through it rather than alone). The parts are its summary records (two or more), and its
    meeting summaries when one of them holds the questions without the replies (a summary
    in two parts: that one first)."""
    group = store.group(key)
    if group is None:
        return set()
    records: list[ReviewSummary] = []
    summaries: list[ReviewSummary] = []
    joins: list[ReviewSummary] = []
    first: set[str] = set()
    for d in group.documents:
        data = store.get(d.id).data
        if _parts(data):
            joins.append(d)
        elif d.kind == "summary_record":
            records.append(d)
        elif d.kind in SUMMARY_KINDS:
            summaries.append(d)
            if _first_part(data):
                first.add(d.id)
    if not first:
        summaries = []
    summaries.sort(key=lambda d: d.id not in first)  # stable: otherwise as listed
    wanted = {sha for sha in (_join(store, ds, settings) for ds in (records, summaries)) if sha}
    for d in joins:
        if d.sha256 not in wanted:
            store.delete(d.id)
    by_sha = {d.sha256: d.id for d in (*records, *summaries)}
    ids: set[str] = set()
    for sha in wanted:
        found = store.lookup(sha)
        if found:
            ids |= {by_sha[p] for p in _parts(store.get(found[0]).data) if p in by_sha}
    store.supersede(key, sorted(ids))
    return ids


def _join(store: Store, members: Sequence[ReviewSummary], settings: Settings) -> str | None:
    """Store the joined analysis of two or more parts (unless stored by this version);
    its SHA-256, or None when there is nothing to join or the parts cannot be joined."""
    from . import api, parts
    from .errors import RapporteurError
    from .output.json_out import to_dict

    documents = [doc for doc in (_document(store, d, settings) for d in members) if doc]
    if len(documents) < 2:
        return None
    try:
        joined = parts.joined(documents, settings)
    except RapporteurError:
        return None  # parts of different genres: each is kept on its own
    known = store.lookup(joined.sha256)
    if known is None or is_older(known[1], __version__):
        review = api.analyze_document(joined, settings)
        if not review.is_dialogue:
            return None
        store.put(to_dict(review))
    return joined.sha256


def link_group(store: Store, key: str, settings: Settings) -> tuple[int, int] | None:
    """Compute and store the links of one review; (question links, previous links), or None
    when a document of it changed meanwhile (another process: its ingest will link)."""
    from .stages.recommendation_links import link_previous

    joined = join_records(store, key, settings)
    group = store.group(key)
    if group is None:
        return (0, 0)
    stamps = {d.id: d.updated_at for d in group.documents}
    observations = [d for d in group.documents if d.kind == CO]
    dialogues = [
        d
        for d in group.documents
        if d.kind in DIALOGUE_KINDS and d.questions and d.id not in joined
    ]
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
    known = {i: {str(q["id"]) for q in store.get(i).data.get("questions") or []} for i in reviews}
    updated: dict[str, dict[str, Any]] = {}
    question_rows: list[tuple[str, str, str, str, int, float | None, str | None]] = []
    previous_rows: list[tuple[str, str, str, str | None, int, str | None, float, str]] = []
    for co in observations:
        data = copy.deepcopy(dict(store.get(co.id).data))
        items = list(data.get("recommendations") or [])
        recs = [recommendation_of(r) for r in items]
        for dialogue_id, review in reviews.items():
            # Only question units the stored analysis has (one stored by an older analyser
            # may number them otherwise; its next re-analysis brings the links back).
            stored = known[dialogue_id]
            links = {
                rid: tuple(
                    link
                    for link in found
                    if str(getattr(link.question, "id", link.question)) in stored
                )
                for rid, found in trace(recs, review, settings).items()
            }
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
    done: set[str] = set()
    totals: dict[str, tuple[int, int]] = {}
    failed: dict[str, str] = {}
    for _ in range(3):  # joining records of one review can make the next cycle's links due
        stale = store.stale_groups()
        if not stale:
            break
        for key in stale:
            if key in failed:
                continue
            try:
                counts = link_group(store, key, settings)
            except StoreError:
                raise  # the library itself is in trouble: say so, as for any write
            except Exception as exc:  # a bug in one review's linking must not fail the ingest
                failed[key] = f"{exc.__class__.__name__}: {exc}"
                continue
            if counts is not None:
                done.add(key)
                totals[key] = counts
    return LinkReport(
        reviews=len(done),
        question_links=sum(q for q, _ in totals.values()),
        previous_links=sum(p for _, p in totals.values()),
        traced=_tracer() is not None,
        failed=tuple(failed.items()),
    )
