"""Frozen records the library returns: review rows, stored reviews, filters, search hits."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewSummary:
    """One row of the library: what `list` prints and the library page shows.

    `id` is the short review id (the first 12 hex digits of `sha256`); the counts are
    taken from the stored analysis.
    """

    id: str
    sha256: str
    origin: str
    format: str
    title: str | None
    committee: str | None
    state_name: str | None
    state_iso3: str | None
    year: int | None
    session: int | None
    date: str | None
    report: str | None
    report_symbol: str | None
    is_dialogue: bool
    analyzer_version: str
    participants: int
    questions: int
    answered: int
    partial: int
    unanswered: int
    figures: int
    contradictions: int
    commitments: int
    added_at: str
    updated_at: str


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredReview:
    """A review as stored: its summary row and the full rapporteur/review@1 object."""

    summary: ReviewSummary
    data: Mapping[str, Any]


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewPage:
    """One page of `list`: `total` counts every review that matches the filters."""

    total: int
    limit: int
    offset: int
    reviews: tuple[ReviewSummary, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Filters:
    """Filters shared by listing and search; None (or empty) means "any".

    `years` is an inclusive (first, last) range, either end open. A State matches when its
    ISO 3166 alpha-3 code is `country_iso3` or its name is `country` (case-insensitive).
    `side`, `status` and `kinds` only apply to search hits; `status` matches questions with
    that status and answer passages whose best status (among the questions they answer) it
    is.
    """

    committee: str | None = None
    country: str | None = None
    country_iso3: str | None = None
    years: tuple[int | None, int | None] | None = None
    session: int | None = None
    side: str | None = None
    status: str | None = None
    kinds: tuple[str, ...] = ()


NO_FILTERS = Filters()


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchHit:
    """One matching question, answer passage, paragraph, figure or commitment.

    `snippet` is plain text, never markup; `marks` are [start, end) offsets of the matched
    terms inside it, so that each front end highlights after escaping. `question_ids` are
    the question itself (kind "question") or the questions an answer passage answers.
    `score` is BM25, higher is better; scores are comparable within one kind. `needs_check`
    is set on question hits only: True when the tool is not sure of the question's status.
    """

    kind: str
    review_id: str
    committee: str | None
    state_name: str | None
    state_iso3: str | None
    year: int | None
    title: str | None
    line: int
    side: str | None
    status: str | None
    needs_check: bool | None
    speaker: str | None
    question_ids: tuple[str, ...]
    text: str
    snippet: str
    marks: tuple[tuple[int, int], ...]
    score: float


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchResult:
    """Hits for one page, the total over all pages and, on request, facet counts
    (facet -> value -> hits) for committee, country, year, kind, side and status."""

    query: str
    total: int
    limit: int
    offset: int
    hits: tuple[SearchHit, ...]
    facets: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
