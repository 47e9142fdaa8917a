"""The library facade: add documents to a library of reviews, list, show and search them.

Every front end (the `ingest`/`list`/`show`/`search` commands, the web pages and the JSON
API) calls these functions and nothing below them. `db` is a path, an open `Store`, or None
for the default library: `$RAPPORTEUR_DB`, else `library.db` in the user's data folder.

Ingest is idempotent by the SHA-256 of a document's bytes: content already stored by the
current analyser is skipped; content stored by an older analyser version is analysed again
and replaced. Documents are analysed in worker processes; only this (parent) process writes
to SQLite, one transaction per review.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .errors import IngestError, InvalidQuery, NotADialogue, RapporteurError, SourceNotFound
from .linking import LinkReport, link_stale
from .models import SIDES, STATUSES
from .settings import Settings
from .store import (
    SEARCH_KINDS,
    Filters,
    GroupPage,
    ReviewGroup,
    ReviewPage,
    ReviewSummary,
    SearchHit,
    SearchResult,
    Store,
    StoredRecommendation,
    StoredReview,
    is_older,
)

if TYPE_CHECKING:
    from .overview import StateOverview

__all__ = [
    "DOCUMENT_SUFFIXES",
    "Filters",
    "IngestItem",
    "IngestSummary",
    "ReviewPage",
    "ReviewSummary",
    "SearchHit",
    "SearchResult",
    "Store",
    "StoredReview",
    "default_db_path",
    "dialogue_of",
    "get_review",
    "ingest_bytes",
    "ingest_paths",
    "list_groups",
    "list_reviews",
    "make_filters",
    "open_library",
    "resolve_db",
    "review_of",
    "review_recommendations",
    "search",
    "state_overview",
    "states",
]

DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx")
"""What `ingest FOLDER` picks up (recursively, hidden files and folders excepted)."""
URL_LIST_SUFFIXES = (".urls",)
"""Files read as lists of URLs even without --url-list."""

LibraryRef = Store | str | Path | None


# --------------------------------------------------------------------------- where


def default_db_path() -> Path:
    """`library.db` in the user's data folder (e.g. ~/.local/share/rapporteur on Linux)."""
    from platformdirs import user_data_path

    return user_data_path("rapporteur", appauthor=False) / "library.db"


def resolve_db(db: str | Path | None = None) -> Path | str:
    """The library file to use: `db`, else $RAPPORTEUR_DB, else the default."""
    if db is not None and str(db) != "":
        return db if str(db) == ":memory:" else Path(db).expanduser()
    env = os.environ.get("RAPPORTEUR_DB")
    if env:
        return Path(env).expanduser()
    return default_db_path()


def open_library(db: str | Path | None = None) -> Store:
    """Open (creating or migrating as needed) a library; the caller closes it."""
    return Store(resolve_db(db))


@contextmanager
def _opened(db: LibraryRef) -> Iterator[Store]:
    if isinstance(db, Store):
        yield db
        return
    with open_library(db) as store:
        yield store


# --------------------------------------------------------------------------- filters


def _years(value: int | str | None) -> tuple[int | None, int | None] | None:
    if value is None or value == "":
        return None
    if isinstance(value, int):
        return (value, value)
    m = re.fullmatch(r"\s*(\d{4})?\s*(?:(-|–|\.\.)\s*(\d{4})?)?\s*", str(value))
    if not m or not (m.group(1) or m.group(3)):
        raise InvalidQuery(
            f"{value!r} is not a year or a range of years.",
            hint="Use 2019, 2015-2020, 2015- or -2010.",
        )
    first = int(m.group(1)) if m.group(1) else None
    last = int(m.group(3)) if m.group(3) else (first if not m.group(2) else None)
    return (first, last)


def _country(value: str | None) -> tuple[str | None, str | None]:
    """(name, iso3) to match a State given by ISO 3166 alpha-3 code or by name."""
    if not value or not value.strip():
        return None, None
    value = value.strip()
    if re.fullmatch(r"[A-Za-z]{3}", value):
        return value, value.upper()
    from .reference import country_index, fold

    hit = country_index()[0].get(fold(re.sub(r"^the\s+", "", value, flags=re.I)))
    return value, (hit[1] if hit else None)


def _yes_no(name: str, value: bool | str | None) -> bool | None:
    if value is None or value == "" or isinstance(value, bool):
        return value if isinstance(value, bool) else None
    folded = value.strip().lower()
    if folded in {"yes", "true", "1"}:
        return True
    if folded in {"no", "false", "0"}:
        return False
    raise InvalidQuery(f"{name} must be yes or no, not {value!r}.")


def _language(value: str | None) -> str | None:
    """'fr', 'French' or 'français' -> 'fr'; InvalidQuery names the languages there are."""
    from .languages import SUPPORTED

    if value is None or not value.strip():
        return None
    wanted = value.strip().casefold()
    for code, name in SUPPORTED.items():
        if wanted in {code, name.casefold()}:
            return code
    if len(wanted) == 2 and wanted.isalpha():
        return wanted
    raise InvalidQuery(
        f"{value!r} is not a language code.",
        hint="Use a two-letter code: " + ", ".join(SUPPORTED) + ".",
    )


def make_filters(
    *,
    committee: str | None = None,
    country: str | None = None,
    year: int | str | None = None,
    session: int | None = None,
    side: str | None = None,
    status: str | None = None,
    kind: str | Sequence[str] | None = None,
    theme: str | None = None,
    follow_up: bool | str | None = None,
    repeated: bool | str | None = None,
    to_check: bool | str | None = None,
    checked: bool | str | None = None,
    language: str | None = None,
) -> Filters:
    """Validate user-given filter values into a `Filters` record (InvalidQuery if wrong)."""
    if side and side not in SIDES:
        raise InvalidQuery(f"{side!r} is not a side.", hint=f"Use one of: {', '.join(SIDES)}.")
    if status and status not in STATUSES:
        raise InvalidQuery(
            f"{status!r} is not a question status.", hint=f"Use one of: {', '.join(STATUSES)}."
        )
    kinds: tuple[str, ...] = ()
    if kind:
        kinds = tuple(k.strip() for k in ([kind] if isinstance(kind, str) else kind) if k)
        kinds = tuple(k[:-1] if k.endswith("s") else k for k in kinds)  # "questions" is fine
        for k in kinds:
            if k not in SEARCH_KINDS:
                raise InvalidQuery(
                    f"{k!r} is not something rapporteur searches.",
                    hint=f"Use one of: {', '.join(SEARCH_KINDS)}.",
                )
    name, iso3 = _country(country)
    return Filters(
        committee=committee.strip().upper() if committee and committee.strip() else None,
        country=name,
        country_iso3=iso3,
        years=_years(year),
        session=session,
        side=side or None,
        status=status or None,
        kinds=kinds,
        theme=theme.strip() if theme and theme.strip() else None,
        follow_up=_yes_no("follow-up", follow_up),
        repeated=_yes_no("repeated", repeated),
        to_check=_yes_no("to-check", to_check),
        checked=_yes_no("checked", checked),
        language=_language(language),
    )


# --------------------------------------------------------------------------- reads


def list_reviews(
    db: LibraryRef = None,
    *,
    filters: Filters | None = None,
    sort: str = "year",
    descending: bool | None = None,
    limit: int = 100,
    offset: int = 0,
) -> ReviewPage:
    """Reviews in the library, filtered and sorted; `total` counts every match."""
    with _opened(db) as store:
        return store.list_reviews(
            filters or Filters(), sort=sort, descending=descending, limit=limit, offset=offset
        )


def get_review(review_id: str, db: LibraryRef = None) -> StoredReview:
    """One stored review by id (or a unique prefix of its SHA-256)."""
    with _opened(db) as store:
        return store.get(review_id)


def search(
    query: str,
    db: LibraryRef = None,
    *,
    filters: Filters | None = None,
    limit: int = 20,
    offset: int = 0,
    facets: bool = True,
) -> SearchResult:
    """Full-text search (BM25-ranked) over questions, answers, paragraphs, figures and
    commitments. Words are stemmed (remittance = remittances) and accents ignored; quote a
    phrase ("domestic workers"), use OR / NOT, or end a word with * for a prefix."""
    with _opened(db) as store:
        return store.search(query, filters or Filters(), limit=limit, offset=offset, facets=facets)


def list_groups(
    db: LibraryRef = None,
    *,
    filters: Filters | None = None,
    sort: str = "year",
    descending: bool | None = None,
    limit: int = 100,
    offset: int = 0,
) -> GroupPage:
    """Reviews with their documents (meeting summary, summary records, concluding
    observations) grouped; `total` counts reviews, not documents."""
    with _opened(db) as store:
        return store.list_groups(
            filters or Filters(), sort=sort, descending=descending, limit=limit, offset=offset
        )


def state_overview(
    state: str,
    db: LibraryRef = None,
    *,
    labels: Mapping[str, str] | None = None,
    today: date | None = None,
) -> StateOverview:
    """A State's reviews over time per committee, open follow-up recommendations, subjects
    raised in more than one cycle and repeated recommendations. `state` is a name or an
    ISO 3166 alpha-3 code; InvalidQuery when empty, ReviewNotFound when not in the library."""
    from .overview import state_overview as build

    name, iso3 = _country(state)
    if not name:
        raise InvalidQuery(
            "Give the name or the ISO code of a State.", hint="For example: Ardenia, or KGZ."
        )
    with _opened(db) as store:
        return build(store, name, iso3=iso3, labels=labels, today=today)


def review_recommendations(
    review_id: str, db: LibraryRef = None
) -> tuple[StoredReview, tuple[StoredRecommendation, ...]]:
    """A stored document and its recommendations with their links (none unless it is
    concluding observations)."""
    with _opened(db) as store:
        stored = store.get(review_id)
        return stored, store.recommendations(stored.summary.id)


def review_of(review_id: str, db: LibraryRef = None) -> ReviewGroup:
    """The review (all its documents) a stored document belongs to."""
    with _opened(db) as store:
        return store.group_of(review_id)


def dialogue_of(review_id: str, db: LibraryRef = None) -> str | None:
    """The dialogue document whose question ids fill `recommendations[].questions` of stored
    concluding observations (for links from the review page), or None."""
    with _opened(db) as store:
        group = store.group_of(review_id)
        traced = {q["dialogue_id"] for r in store.recommendations(review_id) for q in r.questions}
    best = None
    for doc in group.documents:  # the one with most questions, first listed on ties
        if doc.id in traced and (best is None or doc.questions > best.questions):
            best = doc
    return best.id if best else None


def states(db: LibraryRef = None) -> list[tuple[str, str | None, int]]:
    """(name, ISO code, reviews) of every State in the library."""
    with _opened(db) as store:
        return store.states()


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestItem:
    """What happened to one source: added, updated, skipped or failed (with the reason)."""

    source: str
    outcome: str
    review_id: str | None = None
    reason: str | None = None
    code: str | None = None
    label: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestSummary:
    db: str
    items: tuple[IngestItem, ...]
    reviews: int
    """Documents in the library after the ingest (the name is the JSON output's)."""
    groups: int = 0
    """Reviews those documents belong to (a summary, its records and the concluding
    observations of one dialogue are one review)."""
    links: LinkReport = field(default_factory=LinkReport)
    """Reviews whose recommendations were linked (to the dialogue, to the last cycle)."""

    def count(self, outcome: str) -> int:
        return sum(item.outcome == outcome for item in self.items)

    @property
    def added(self) -> int:
        return self.count("added")

    @property
    def updated(self) -> int:
        return self.count("updated")

    @property
    def skipped(self) -> int:
        return self.count("skipped")

    @property
    def failed(self) -> int:
        return self.count("failed")

    @property
    def ok(self) -> bool:
        return self.failed == 0


@dataclass(frozen=True, slots=True, kw_only=True)
class _Job:
    source: str
    url: bool = False
    sha256: str | None = None
    attempts: int = 0


def _is_url(text: str) -> bool:
    return bool(re.match(r"^https?://\S+$", text, re.I))


def _read_url_list(path: Path) -> tuple[list[_Job], list[IngestItem]]:
    jobs: list[_Job] = []
    bad: list[IngestItem] = []
    try:
        lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError as exc:
        return [], [_failed(str(path), f"{path} could not be read: {exc.strerror or exc}.")]
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if _is_url(line):
            jobs.append(_Job(source=line, url=True))
        else:
            bad.append(
                _failed(f"{path}:{n}", f"line {n} of {path} is not an http(s) URL: {line[:80]!r}.")
            )
    return jobs, bad


def _failed(source: str, reason: str, code: str = "ingest_error") -> IngestItem:
    return IngestItem(source=source, outcome="failed", reason=reason, code=code)


def plan(
    sources: Iterable[str | Path], *, url_list: bool = False
) -> tuple[list[_Job], list[IngestItem]]:
    """Expand paths, folders, URLs and URL lists into jobs; sources that cannot be used
    become failed items right away."""
    jobs: list[_Job] = []
    bad: list[IngestItem] = []
    for raw in sources:
        source = str(raw)
        if _is_url(source):
            jobs.append(_Job(source=source, url=True))
            continue
        path = Path(source).expanduser()
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in DOCUMENT_SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                bad.append(
                    _failed(
                        source,
                        f"{source} contains no {', '.join(DOCUMENT_SUFFIXES)} files.",
                        "source_not_found",
                    )
                )
            jobs.extend(_Job(source=str(p)) for p in found)
        elif path.is_file() and (url_list or path.suffix.lower() in URL_LIST_SUFFIXES):
            more, wrong = _read_url_list(path)
            jobs.extend(more)
            bad.extend(wrong)
        elif path.exists():
            jobs.append(_Job(source=str(path)))
        else:
            bad.append(_failed(source, f"{source} does not exist.", "source_not_found"))
    return jobs, bad


def _hash_file(path: str, settings: Settings) -> str | None:
    """SHA-256 of a file's bytes, or None when it will fail anyway (the worker says why)."""
    try:
        if os.path.getsize(path) > settings.max_bytes:
            return None
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None


def _analyse(source: str, url: bool, settings: Settings) -> dict[str, Any]:
    """Worker: analyse one source into {'ok', 'data', 'raw'} or {'ok', 'reason', 'code'}.

    Runs in a worker process; returns plain data, never raises for a bad document.
    """
    from . import api
    from .output.json_out import to_dict
    from .stages import ingest

    try:
        raw: bytes | None = None
        if url:
            document = ingest.load(source, settings)
        else:
            path = Path(source)
            if not path.is_file() or path.stat().st_size > settings.max_bytes:
                ingest.read_path(path, settings)  # raises the standard error
            try:
                raw = path.read_bytes()
            except OSError as exc:
                raise IngestError(f"{path} could not be read: {exc.strerror or exc}.") from exc
            document = ingest.document_from_bytes(raw, str(path), settings, name=path.name)
        review = api.analyze_document(document, settings)
        if not review.is_dialogue:
            reason = review.warnings[-1] if review.warnings else "not a treaty-body review"
            return {"ok": False, "reason": reason, "code": NotADialogue.code}
        return {"ok": True, "data": to_dict(review), "raw": raw}
    except RapporteurError as exc:
        return {"ok": False, "reason": str(exc), "code": exc.code}
    except Exception as exc:  # a bug in one document must not stop the batch
        return {
            "ok": False,
            "reason": f"rapporteur failed unexpectedly on this document "
            f"({exc.__class__.__name__}: {exc}); please report it.",
            "code": "internal_error",
        }


def _label(data: dict[str, Any]) -> str:
    meta = data.get("review") or {}
    state = (meta.get("state_party") or {}).get("name") or "unknown State"
    parts = [meta.get("committee") or "?", state]
    if meta.get("year"):
        parts.append(str(meta["year"]))
    return " · ".join(parts)


class _Ingest:
    """State of one ingest run: decides skip/add/update and writes results as they come.

    Content seen twice in one run is analysed once; the later sources wait for the first
    one's outcome and are then reported as skipped (same review id) or failed (same reason).
    """

    def __init__(self, store: Store, force: bool, progress: Callable[[IngestItem], None] | None):
        self.store = store
        self.force = force
        self.progress = progress
        self.items: list[IngestItem] = []
        self.first: dict[str, str] = {}  # sha256 -> first source with that content
        self.done: dict[str, IngestItem] = {}  # sha256 -> outcome of that first source
        self.waiting: dict[str, list[str]] = {}  # sha256 -> later sources with that content

    def emit(self, item: IngestItem) -> None:
        self.items.append(item)
        if self.progress:
            self.progress(item)

    def _duplicate(self, source: str, sha: str) -> IngestItem:
        original, outcome = self.first[sha], self.done[sha]
        if outcome.outcome == "failed":
            reason = f"same content as {original}: {outcome.reason}"
            return _failed(source, reason, outcome.code or "ingest_error")
        return IngestItem(
            source=source,
            outcome="skipped",
            review_id=outcome.review_id,
            reason=f"same content as {original}",
        )

    def finish(self, sha: str | None, item: IngestItem) -> None:
        self.emit(item)
        if sha is None:
            return
        self.done.setdefault(sha, item)
        for source in self.waiting.pop(sha, []):
            self.emit(self._duplicate(source, sha))

    def claim(self, source: str, sha: str) -> bool:
        """True when `source` must be analysed and stored; otherwise it has been reported
        (or will be, once the first source with the same content is done)."""
        if sha in self.first:
            if sha in self.done:
                self.emit(self._duplicate(source, sha))
            else:
                self.waiting.setdefault(sha, []).append(source)
            return False
        self.first[sha] = source
        known = self.store.lookup(sha)
        if known and not self.force and not is_older(known[1], __version__):
            self.finish(
                sha,
                IngestItem(
                    source=source,
                    outcome="skipped",
                    review_id=known[0],
                    reason="already in the library",
                ),
            )
            return False
        return True

    def record(self, job: _Job, result: dict[str, Any]) -> None:
        if not result["ok"]:
            self.finish(job.sha256, _failed(job.source, result["reason"], result["code"]))
            return
        data = result["data"]
        sha = data["document"]["sha256"]
        if job.sha256 != sha:  # a URL (or a file changed since it was hashed)
            if job.sha256 is not None:
                self.finish(job.sha256, _failed(job.source, f"{job.source} changed while read."))
            if not self.claim(job.source, sha):
                return
        known = self.store.lookup(sha)  # another process may have stored it meanwhile
        if known and not self.force and not is_older(known[1], __version__):
            skipped = IngestItem(
                source=job.source,
                outcome="skipped",
                review_id=known[0],
                reason="already in the library (added meanwhile)",
            )
            self.finish(sha, skipped)
            return
        outcome, review_id = self.store.put(data, result.get("raw"))
        self.finish(
            sha,
            IngestItem(source=job.source, outcome=outcome, review_id=review_id, label=_label(data)),
        )

    def close(self) -> None:
        """Report sources still waiting for an original that never finished."""
        for sha, sources in list(self.waiting.items()):
            for source in sources:
                self.emit(_failed(source, f"same content as {self.first[sha]}, not processed."))
        self.waiting.clear()


def ingest_paths(
    sources: Iterable[str | Path],
    db: LibraryRef = None,
    *,
    settings: Settings | None = None,
    url_list: bool = False,
    workers: int | None = None,
    force: bool = False,
    progress: Callable[[IngestItem], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Add files, folders (recursively), URLs and URL-list files to the library.

    Failures never stop the batch: each becomes a failed item with its reason; a document
    that is not a treaty-body dialogue is failed and not stored. `workers` processes analyse
    in parallel (default: settings.workers, 0 = one per CPU). `force` re-analyses documents
    already stored by the current analyser. `progress` is called once per source, in the
    order they finish; `on_total` once, with the number of sources, before the work starts.
    """
    settings = settings or Settings()
    jobs, bad = plan(sources, url_list=url_list)
    if on_total:
        on_total(len(jobs) + len(bad))
    with _opened(db) as store:
        run = _Ingest(store, force, progress)
        for item in bad:
            run.emit(item)
        todo: list[_Job] = []
        for job in jobs:
            if not job.url:
                job = _Job(source=job.source, sha256=_hash_file(job.source, settings))
                if job.sha256 and not run.claim(job.source, job.sha256):
                    continue
            todo.append(job)
        n = workers if workers is not None else settings.workers
        n = n if n and n > 0 else (os.cpu_count() or 1)
        if n == 1 or len(todo) <= 1:
            for job in todo:
                run.record(job, _analyse(job.source, job.url, settings))
        else:
            _run_pool(todo, min(n, len(todo)), settings, run)
        run.close()
        links = link_stale(store, settings)
        return IngestSummary(
            db=store.path,
            items=tuple(run.items),
            reviews=store.count(),
            groups=store.count_groups(),
            links=links,
        )


def _run_pool(todo: list[_Job], n: int, settings: Settings, run: _Ingest) -> None:
    """Analyse in `n` processes with a bounded number of jobs in flight; the parent writes.

    If a worker process dies (out of memory, a crash in a native library), the jobs then in
    flight are retried once in a fresh pool and fail with the reason after that."""
    queue = deque(todo)
    while queue:
        pool = ProcessPoolExecutor(max_workers=n)
        pending: dict[Future[dict[str, Any]], _Job] = {}
        broken = False
        try:
            while queue or pending:
                while queue and not broken and len(pending) < n * 4:
                    job = queue.popleft()
                    pending[pool.submit(_analyse, job.source, job.url, settings)] = job
                if not pending:
                    break
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    job = pending.pop(future)
                    try:
                        result = future.result()
                    except BrokenProcessPool:
                        broken = True
                        if job.attempts == 0:
                            queue.appendleft(
                                _Job(source=job.source, url=job.url, sha256=job.sha256, attempts=1)
                            )
                            continue
                        result = {
                            "ok": False,
                            "reason": "the analysis process stopped unexpectedly on this "
                            "document (out of memory?).",
                            "code": "internal_error",
                        }
                    run.record(job, result)
        finally:
            pool.shutdown(wait=not broken, cancel_futures=True)


def ingest_bytes(
    data: bytes,
    name: str,
    db: LibraryRef = None,
    *,
    settings: Settings | None = None,
) -> IngestItem:
    """Analyse one uploaded document and add it; raise (and store nothing) when it is not
    a readable treaty-body dialogue. Returns the item: added, updated or skipped."""
    from . import api
    from .output.json_out import to_dict
    from .stages import ingest

    settings = settings or Settings()
    if len(data) > settings.max_upload_bytes:
        from .errors import SourceTooLarge

        raise SourceTooLarge(
            f"{name} is {len(data) / 1_048_576:.1f} MB, over the upload limit of "
            f"{settings.max_upload_bytes / 1_048_576:.0f} MB."
        )
    safe_name = Path(name.replace("\\", "/")).name or "upload"
    with _opened(db) as store:
        sha = hashlib.sha256(data).hexdigest()
        known = store.lookup(sha)
        if known and not is_older(known[1], __version__):
            return IngestItem(
                source=safe_name,
                outcome="skipped",
                review_id=known[0],
                reason="already in the library",
            )
        document = ingest.document_from_bytes(data, safe_name, settings, name=safe_name)
        review = api.analyze_document(document, settings)
        if not review.is_dialogue:
            reason = review.warnings[-1] if review.warnings else "it is not a treaty-body review"
            raise NotADialogue(
                f"{safe_name} was not added: {reason}",
                hint="Upload the meeting summary or summary record of a treaty-body review.",
            )
        payload = to_dict(review)
        outcome, review_id = store.put(payload, data)
        link_stale(store, settings)
        return IngestItem(
            source=safe_name, outcome=outcome, review_id=review_id, label=_label(payload)
        )


def require_sources(sources: Sequence[str]) -> None:
    """CLI helper: at least one source must be given."""
    if not sources:
        raise SourceNotFound(
            "Give at least one file, folder or URL to ingest.",
            hint="For example: rapporteur ingest ~/reviews/",
        )
