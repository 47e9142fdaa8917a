"""The library database: SQLite with a versioned schema and FTS5 search.

Only this package touches SQLite. It keeps the `rapporteur/review@1` object of each review
as analysed, plus tables derived from it (participants, paragraphs, questions, answers,
figures, commitments, recommendations), one FTS5 index per searchable table (`schema.py`),
the grouping of documents into reviews (`grouping.py`) and the links of the review cycle
(recommendation -> question units, recommendation -> previous cycle; `cycle.py`).

One module per job: `connection` (opening, WAL, migrations, the one place where sqlite3
errors become sentences), `reads`, `writes` (one review per transaction), `cycle` (reviews
as groups of documents, a State's reviews, recommendations and their links), `search` (FTS5
queries), `write` (rows derived from one review@1 object), `decisions` and `deciding`
(people's decisions on statuses, applied in `put`), `users` (accounts and web sessions).
`Store` is all of them.

Guarantees:
- All rows of one review are written in one transaction (`BEGIN IMMEDIATE ... COMMIT`) in
  WAL mode: a process killed mid-ingest leaves the library as it was before that review,
  and rerunning the ingest completes the job. The grouping is updated in the same
  transaction; links are marked stale there (`reviews.linked = 0`) and recomputed by the
  next ingest, so an ingest killed between storing and linking loses no link for good.
- The schema is versioned (`schema_version`, one row per applied migration); migrations
  run in order inside one transaction. A library written by a newer rapporteur is refused
  with `SchemaTooNew` and left untouched.
- sqlite3 errors become `StoreError` with a sentence for the user in
  `Connection._translate`, and nowhere else.
"""

from __future__ import annotations

from .cycle import CO, DIALOGUE_KINDS
from .decisions import STATUSES, Decision
from .reads import DESCENDING_FIRST, SORTS
from .records import (
    NO_FILTERS,
    Filters,
    GroupPage,
    ReviewGroup,
    ReviewPage,
    ReviewSummary,
    SearchHit,
    SearchResult,
    StoredRecommendation,
    StoredReview,
)
from .schema import MIGRATIONS, SCHEMA_VERSION, SEARCH_KINDS
from .search import safe_match
from .users import Users
from .versions import is_older, version_key
from .write import now
from .writes import ID_LENGTH

__all__ = [
    "CO",
    "DESCENDING_FIRST",
    "DIALOGUE_KINDS",
    "ID_LENGTH",
    "MIGRATIONS",
    "NO_FILTERS",
    "SCHEMA_VERSION",
    "SEARCH_KINDS",
    "SORTS",
    "STATUSES",
    "Decision",
    "Filters",
    "GroupPage",
    "ReviewGroup",
    "ReviewPage",
    "ReviewSummary",
    "SearchHit",
    "SearchResult",
    "Store",
    "StoredRecommendation",
    "StoredReview",
    "is_older",
    "now",
    "safe_match",
    "version_key",
]


class Store(Users):
    """An open library: `Connection` + `Reads` + `Writes` + `Cycle` + `Deciding` + `Users`.
    Use it as a context manager, or call `close()`; it must stay in the thread that opened
    it."""

    def __enter__(self) -> Store:
        return self
