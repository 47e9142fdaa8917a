"""The JSON API under /api/: the same functions as `rapporteur list/show/search/ingest`.

Success bodies carry `"ok": true`; failures the error envelope of `app.error_body`. Who may
write is decided in `guard`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from .. import library
from ..output.library_out import page_dict, search_dict, summary_dict
from ..overview import group_dict, overview_dict, recommendation_dict
from . import guard
from .uploads import read_upload

router = APIRouter(prefix="/api", tags=["library"])

Side = Literal["committee", "delegation", "other"]
Status = Literal["answered", "partial", "unanswered"]
Kind = Literal["question", "answer", "paragraph", "figure", "commitment", "recommendation"]
YesNo = Literal["yes", "no"]
SortKey = Literal[
    "year", "committee", "state", "session", "date", "questions", "unanswered", "added", "id"
]

_ERROR = {
    "description": "Error: {ok: false, error, errors, status, code}",
    "content": {
        "application/json": {
            "example": {
                "ok": False,
                "error": "There is no review 'abc123' in the library.",
                "errors": [
                    "There is no review 'abc123' in the library.",
                    "`rapporteur list` shows the ids.",
                ],
                "status": 404,
                "code": "review_not_found",
            }
        }
    },
}

Committee = Annotated[str | None, Query(description="Committee acronym, e.g. CMW.")]
Country = Annotated[str | None, Query(description="ISO 3166 alpha-3 code or State name.")]
Year = Annotated[str | None, Query(description="A year or a range: 2019, 2015-2020, 2015-.")]
Session = Annotated[int | None, Query(ge=1, description="Session number.")]
Language = Annotated[
    str | None, Query(description="The record's language: en, fr or es (or its name).")
]


@router.get("/reviews", responses={400: _ERROR, 422: _ERROR})
def list_reviews(
    request: Request,
    committee: Committee = None,
    country: Country = None,
    year: Year = None,
    session: Session = None,
    language: Language = None,
    sort: SortKey = "year",
    order: Literal["asc", "desc"] | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """Reviews in the library (like `rapporteur list`)."""
    filters = library.make_filters(
        committee=committee, country=country, year=year, session=session, language=language
    )
    page = library.list_reviews(
        request.app.state.library.store(),
        filters=filters,
        sort=sort,
        descending=None if order is None else order == "desc",
        limit=limit,
        offset=offset,
    )
    return {"ok": True, **page_dict(page)}


@router.get("/reviews/{review_id}", responses={404: _ERROR})
def get_review(request: Request, review_id: str) -> dict[str, Any]:
    """One review: its library `summary` and the full rapporteur/review@1 `analysis`."""
    stored = library.get_review(review_id, request.app.state.library.store())
    return {"ok": True, "summary": summary_dict(stored.summary), "analysis": stored.data}


@router.get("/search", responses={400: _ERROR, 422: _ERROR})
def search(
    request: Request,
    q: Annotated[str, Query(description='Words, "a phrase", OR, NOT, prefix*.')],
    committee: Committee = None,
    country: Country = None,
    year: Year = None,
    session: Session = None,
    language: Language = None,
    side: Side | None = None,
    status: Status | None = None,
    kind: Annotated[list[Kind] | None, Query(description="Repeat to search several.")] = None,
    theme: Annotated[
        str | None, Query(description="A theme id: questions and recommendations on it.")
    ] = None,
    follow_up: Annotated[
        YesNo | None, Query(description="Recommendations in the follow-up procedure or not.")
    ] = None,
    repeated: Annotated[
        YesNo | None, Query(description="Recommendations repeated from the previous cycle.")
    ] = None,
    to_check: Annotated[
        YesNo | None,
        Query(description="Questions whose status the tool is not sure of (yes) or is (no)."),
    ] = None,
    checked: Annotated[
        YesNo | None,
        Query(description="Questions whose status a person checked (yes) or not (no)."),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
    facets: bool = True,
) -> dict[str, Any]:
    """Full-text search (like `rapporteur search`): BM25-ranked hits with snippets
    (`marks` are [start, end) offsets of matched terms in `snippet`) and facet counts."""
    filters = library.make_filters(
        committee=committee,
        country=country,
        year=year,
        session=session,
        side=side,
        status=status,
        kind=kind,
        theme=theme,
        follow_up=follow_up,
        repeated=repeated,
        to_check=to_check,
        checked=checked,
        language=language,
    )
    result = library.search(
        q,
        request.app.state.library.store(),
        filters=filters,
        limit=limit,
        offset=offset,
        facets=facets,
    )
    return {"ok": True, **search_dict(result)}


@router.get("/reviews/{review_id}/recommendations", responses={404: _ERROR})
def review_recommendations(request: Request, review_id: str) -> dict[str, Any]:
    """The recommendations of stored concluding observations, one per paragraph or lettered
    item, each with the dialogue's question units it was traced to (`questions`: dialogue
    review id, question id, rank, score, reason) and the previous cycle's recommendation it
    repeats (`previous`); `review` is the review the document belongs to, with all of its
    documents. Other documents have no recommendations (an empty list)."""
    store = request.app.state.library.store()
    stored, recommendations = library.review_recommendations(review_id, store)
    return {
        "ok": True,
        "id": stored.summary.id,
        "kind": stored.summary.kind,
        "symbol": stored.summary.symbol,
        "review": group_dict(library.review_of(stored.summary.id, store)),
        "recommendations": [recommendation_dict(r) for r in recommendations],
    }


@router.get("/states/{state:path}", responses={400: _ERROR, 404: _ERROR})
def state_overview(request: Request, state: str) -> dict[str, Any]:
    """One State (ISO 3166 alpha-3 code or name): its reviews over time per committee with
    their documents, the open follow-up recommendations and their due dates (`past_due`),
    the subjects and themes raised in more than one cycle, and the recommendations repeated
    from the previous cycle (like `rapporteur state`)."""
    from .views import theme_labels

    view = library.state_overview(
        state,
        request.app.state.library.store(),
        labels=theme_labels(request.app.state.settings.taxonomy),
    )
    return {"ok": True, **overview_dict(view)}


_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                    "required": ["file"],
                }
            },
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
        },
    }
}


@router.post(
    "/reviews",
    status_code=201,
    openapi_extra=_UPLOAD_BODY,
    responses={200: {"description": "Already in the library"}, 413: _ERROR, 422: _ERROR},
)
async def upload(request: Request, filename: str | None = None) -> JSONResponse:
    """Analyse an uploaded document and add it to the library (like `rapporteur ingest`).

    Send a multipart form with the document in `file`, or the document itself as the body
    with `?filename=`. 201 when added, 200 when already there; 413 over the size limit;
    422 when it is not a treaty-body dialogue; 403 when the server is read-only, or when
    writes need an account and the request has no session (cookie `rapporteur_session` and
    its token in `X-CSRF-Token`). A refused upload changes nothing."""
    guard.check_api_write(request, guard.UPLOAD_FROM_ELSEWHERE)
    item, stored = await ingest_upload(request, filename)
    body = {
        "ok": True,
        "outcome": item.outcome,
        "id": item.review_id,
        "url": f"/api/reviews/{item.review_id}",
        "page": f"/reviews/{item.review_id}",
        "summary": summary_dict(stored.summary),
    }
    return JSONResponse(body, status_code=201 if item.outcome == "added" else 200)


async def ingest_upload(
    request: Request,
    filename: str | None = None,
    before: Callable[[Mapping[str, str]], object] | None = None,
) -> tuple[library.IngestItem, library.StoredReview]:
    """Read the upload within the limit, then analyse and store it in a worker thread
    (the thread's own connection: a Store never crosses threads). `before` is given the
    form's text fields once the body is read, and may refuse the upload by raising."""
    settings = request.app.state.settings
    fields: dict[str, str] = {}
    name, data = await read_upload(
        request.headers.get("content-type", ""),
        request.headers.get("content-length"),
        request.stream(),
        settings.max_upload_bytes,
        filename,
        fields,
    )
    if before is not None:
        before(fields)
    handle = request.app.state.library

    def work() -> tuple[library.IngestItem, library.StoredReview]:
        store = handle.store()
        item = library.ingest_bytes(data, name, store, settings=settings)
        return item, library.get_review(item.review_id or "", store)

    return await run_in_threadpool(work)
