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
    kind: str | None = None
    """document.kind: meeting_summary, press_release, summary_record, concluding_observations
    (None for documents stored before rapporteur knew kinds)."""
    symbol: str | None = None
    """The document's UN symbol (CMW/C/ARD/CO/2, CMW/C/SR.545), when it has one."""
    review_key: str | None = None
    """Shared by the documents of one review (`store.grouping`)."""


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
    theme: str | None = None
    """A theme id: only questions and recommendations carry themes."""
    follow_up: bool | None = None
    """Only recommendations in (True) or not in (False) the follow-up procedure."""
    repeated: bool | None = None
    """Only recommendations repeated (True) or not (False) from the previous cycle."""
    to_check: bool | None = None
    """Only questions whose status the tool is not sure of (True: a person should check it
    before quoting it) or is sure of (False)."""
    checked: bool | None = None
    """Only questions whose status a person checked in the library (True) or did not (False)."""
    language: str | None = None
    """Only reviews whose body is in this language (ISO 639-1: en, fr, es)."""


NO_FILTERS = Filters()


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchHit:
    """One matching question, answer passage, paragraph, figure or commitment.

    `snippet` is plain text, never markup; `marks` are [start, end) offsets of the matched
    terms inside it, so that each front end highlights after escaping. `question_ids` are
    the question itself (kind "question") or the questions an answer passage answers.
    `score` is BM25, higher is better; scores are comparable within one kind. `needs_check`
    and `checked` are set on question hits only: True when the tool is not sure of the
    question's status, and when a person checked it (then `needs_check` is False).
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
    follow_up: bool | None = None
    """Recommendation hits: in the follow-up procedure."""
    repeated: bool | None = None
    """Recommendation hits: repeated from the previous cycle."""
    reference: str | None = None
    """Recommendation hits: "para. 23 (b)"."""
    checked: bool | None = None
    """Question hits: a person checked the status (status_source "person")."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchResult:
    """Hits for one page, the total over all pages and, on request, facet counts
    (facet -> value -> hits) for committee, country, year, kind, side and status, for
    question hits to_check and checked, and for recommendation hits theme, follow_up and
    repeated ("yes"/"no")."""

    query: str
    total: int
    limit: int
    offset: int
    hits: tuple[SearchHit, ...]
    facets: Mapping[str, Mapping[str, int]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, kw_only=True)
class ReviewGroup:
    """One review (a State's dialogue with a committee on one report) and the documents of it
    in the library: meeting summaries, summary records, concluding observations."""

    key: str
    committee: str | None
    state_name: str | None
    state_iso3: str | None
    year: int | None
    session: int | None
    report_symbol: str | None
    report: str | None
    documents: tuple[ReviewSummary, ...]

    @property
    def main(self) -> ReviewSummary:
        """The document with most questions (the fullest record of the dialogue), else the
        first: a review's counts are its, not a sum over records of the same dialogue."""
        return max(self.documents, key=lambda d: d.questions)

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds of document present, in the order listed."""
        return tuple(dict.fromkeys(d.kind or "meeting_summary" for d in self.documents))


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupPage:
    """One page of reviews with their documents; `total` counts the reviews."""

    total: int
    limit: int
    offset: int
    groups: tuple[ReviewGroup, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredRecommendation:
    """A recommendation row with its links: to dialogue question units and to the previous
    cycle's recommendation it repeats."""

    review_id: str
    rid: str
    paragraph: int
    letter: str | None
    line: int
    heading: str | None
    subject: str | None
    text: str
    articles: tuple[int, ...]
    themes: tuple[str, ...]
    follow_up: bool
    follow_up_due: str | None
    reiterates_symbol: str | None
    reiterates_paragraph: int | None
    repeated: bool
    questions: tuple[Mapping[str, Any], ...] = ()
    """{dialogue_id, qid, rank, score, reason, text, status, dialogue_kind, dialogue_symbol}:
    per dialogue document, best first."""
    previous: Mapping[str, Any] | None = None
    """{previous_id, previous_rid, paragraph, letter, score, reason, symbol, text}."""

    @property
    def reference(self) -> str:
        return (
            f"para. {self.paragraph} ({self.letter})" if self.letter else f"para. {self.paragraph}"
        )
