"""Server-rendered pages: library, review, State, search, upload. No SQL here, no JavaScript
there.

Each view calls one `rapporteur.library` function and hands plain data to a template;
`review_context` arranges a stored review@1 object for the review page, and
`checking.review_checks` adds what a person needs to check its statuses.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping
from datetime import date
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from .. import library
from ..errors import InvalidQuery, RapporteurError
from ..languages import SUPPORTED
from ..models import STATUSES
from ..output import certainty, recommendations
from ..overview import kind_name
from ..store import DESCENDING_FIRST, SEARCH_KINDS, SORTS
from . import checking, guard
from .pages import render

router = APIRouter(include_in_schema=False)

PAGE = 50
HITS = 20
NOTICES = {  # after an upload: /reviews/{id}?added=1
    "added": "The document was analysed and added to the library.",
    "updated": "The document was analysed again and its review updated.",
    "skipped": "This document was already in the library: here is its review.",
}


def _params(request: Request) -> dict[str, Any]:
    """The query string as a dict (repeated keys as lists), for links that change one."""
    out: dict[str, Any] = {}
    for key, value in request.query_params.multi_items():
        if key in out:
            out[key] = [*(out[key] if isinstance(out[key], list) else [out[key]]), value]
        else:
            out[key] = value
    return out


def _cached(
    request: Request, build: Callable[[], Response], generation: str | None = None
) -> Response:
    """The page for this path and query from the app's PageCache, else built and kept.

    The key holds the library's generation, so a page never outlives a change to the
    library (or `generation`, a narrower token: a review page's), and what the visitor may do
    (the page shows it); the page is kept with the placeholder of the anti-forgery token,
    filled in for each visitor. Errors are raised by `build` and never cached."""
    cache = request.app.state.page_cache
    if not cache.size:
        return build()
    store = request.app.state.library.store()
    visitor = guard.visitor_of(request)
    key = (
        request.url.path,
        request.url.query,
        generation or store.generation(),
        visitor.cache_key,
    )
    body = cache.get(key)
    if body is None:
        with guard.tokens_deferred():
            response = build()
        if response.status_code != 200:
            return response
        body = bytes(response.body)
        cache.put(key, body)
    return HTMLResponse(guard.fill_tokens(body.decode("utf-8")))


def _int(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


@router.get("/", response_class=HTMLResponse)
def library_page(
    request: Request,
    committee: str | None = None,
    country: str | None = None,
    year: str | None = None,
    session: str | None = None,
    sort: str = "year",
    order: str | None = None,
    page: Annotated[int, Query(ge=1)] = 1,
) -> Response:
    store = request.app.state.library.store()
    filters = library.make_filters(
        committee=committee or None, country=country or None, year=year, session=_int(session)
    )
    sort = sort if sort in SORTS else "year"
    descending = order == "desc" if order in {"asc", "desc"} else sort in DESCENDING_FIRST
    result = library.list_groups(
        store,
        filters=filters,
        sort=sort,
        descending=descending,
        limit=PAGE,
        offset=(page - 1) * PAGE,
    )
    return render(
        "library.html",
        kind_name=kind_name,
        state_href=state_href,
        page=result,
        page_number=page,
        pages=max(1, -(-result.total // PAGE)),
        params=_params(request),
        sort=sort,
        order="desc" if descending else "asc",
        choices=store.values(),
        selected={
            "committee": committee or "",
            "country": country or "",
            "year": year or "",
            "session": session or "",
        },
    )


@router.get("/reviews/{review_id}", response_class=HTMLResponse)
def review_page(request: Request, review_id: str) -> Response:
    store = request.app.state.library.store()
    if not request.app.state.page_cache.size:
        return review_page_response(request, review_id)
    return _cached(
        request,
        lambda: review_page_response(request, review_id),
        store.review_generation(review_id),
    )


def review_page_response(
    request: Request,
    review_id: str,
    draft: checking.Draft | None = None,
    status_code: int = 200,
) -> Response:
    """The review page; `draft` is a decision that could not be saved, shown back in its
    form with why (`status_code` then says so too)."""
    stored = library.get_review(review_id, request.app.state.library.store())
    labels = theme_labels(request.app.state.settings.taxonomy)
    notice = next((NOTICES[k] for k in NOTICES if k in request.query_params), None)
    store = request.app.state.library.store()
    dialogue_id = None
    asked: dict[str, Mapping[str, Any]] = {}
    if stored.summary.kind == "concluding_observations":
        dialogue_id = library.dialogue_of(stored.summary.id, store)
        _, recs = library.review_recommendations(stored.summary.id, store)
        asked = {
            str(q["qid"]): q for r in recs for q in r.questions if q["dialogue_id"] == dialogue_id
        }
    query = {k: v for k, v in request.query_params.items() if k in FILTERS}
    context = review_context(stored.summary, stored.data, labels, dialogue_id, asked, query)
    group = library.review_of(stored.summary.id, store)
    others = [d for d in group.documents if d.id != stored.summary.id]
    checks = checking.review_checks(request, stored.summary.id, context, draft)
    return render(
        "review.html",
        status_code,
        notice=checks.pop("notice", None) or notice,
        others=others,
        state_link=state_href(stored.summary.state_name, stored.summary.state_iso3),
        **context,
        **checks,
    )


def state_href(name: str | None, iso3: str | None) -> str | None:
    """The State page of a State (by ISO code when it has one, else by name)."""
    if not (iso3 or name):
        return None
    return "/state/" + quote(iso3 or name or "", safe="")


@router.get("/states", response_class=HTMLResponse)
def states_page(request: Request) -> Response:
    store = request.app.state.library.store()
    return render("states.html", states=library.states(store), state_href=state_href)


@router.get("/state/{state:path}", response_class=HTMLResponse)
def state_page(request: Request, state: str, as_of: str | None = None) -> Response:
    return _cached(request, lambda: _state_page(request, state, as_of))


def _state_page(request: Request, state: str, as_of: str | None) -> Response:
    store = request.app.state.library.store()
    labels = theme_labels(request.app.state.settings.taxonomy)
    view = library.state_overview(state, store, labels=labels, today=_day(as_of))
    return render(
        "state.html",
        view=view,
        kind_name=kind_name,
        theme_labels=labels,
        state_href=state_href,
    )


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidQuery(
            f"{value[:40]!r} is not a date.", hint="Write it as YYYY-MM-DD, e.g. 2026-04-11."
        ) from None


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    q: str = "",
    committee: str | None = None,
    country: str | None = None,
    year: str | None = None,
    session: str | None = None,
    side: str | None = None,
    status: str | None = None,
    kind: Annotated[list[str] | None, Query()] = None,
    theme: str | None = None,
    follow_up: str | None = None,
    repeated: str | None = None,
    to_check: str | None = None,
    checked: str | None = None,
    language: str | None = None,
    page: Annotated[int, Query(ge=1)] = 1,
) -> Response:
    def build() -> Response:
        extra = {
            "language": language,
            "theme": theme,
            "follow_up": follow_up,
            "repeated": repeated,
            "to_check": to_check,
            "checked": checked,
        }
        return _search_page(
            request, q, committee, country, year, session, side, status, kind, page, extra
        )

    return _cached(request, build)


def _search_page(
    request: Request,
    q: str,
    committee: str | None,
    country: str | None,
    year: str | None,
    session: str | None,
    side: str | None,
    status: str | None,
    kind: list[str] | None,
    page: int,
    extra: Mapping[str, str | None] | None = None,
) -> Response:
    """`extra`: the filters of recommendations and questions (theme; follow_up, repeated,
    to_check, checked: "yes"/"no")."""
    extra = {k: v or None for k, v in (extra or {}).items()}
    params = _params(request)
    context: dict[str, Any] = {
        "q": q,
        "params": params,
        "result": None,
        "page_number": page,
        "pages": 1,
        "statuses": STATUSES,
        "country_names": {},
        "kinds": tuple(SEARCH_KINDS),
        "selected": {
            "committee": committee or "",
            "country": country or "",
            "year": year or "",
            "side": side or "",
            "status": status or "",
            "kind": [k for k in kind or [] if k],
            "theme": extra.get("theme") or "",
            "follow_up": extra.get("follow_up") or "",
            "repeated": extra.get("repeated") or "",
            "to_check": extra.get("to_check") or "",
            "checked": extra.get("checked") or "",
            "language": extra.get("language") or "",
        },
        "theme_labels": theme_labels(request.app.state.settings.taxonomy),
        "language_names": dict(SUPPORTED),
    }
    if q.strip():
        filters = library.make_filters(
            committee=committee or None,
            country=country or None,
            year=year,
            session=_int(session),
            side=side or None,
            status=status or None,
            kind=[k for k in kind or [] if k] or None,
            theme=extra.get("theme"),
            follow_up=extra.get("follow_up"),
            repeated=extra.get("repeated"),
            to_check=extra.get("to_check"),
            checked=extra.get("checked"),
            language=extra.get("language"),
        )
        store = request.app.state.library.store()
        context["country_names"] = {value: name for value, name, _ in store.values()["country"]}
        result = library.search(
            q,
            store,
            filters=filters,
            limit=HITS,
            offset=(page - 1) * HITS,
        )
        context["result"] = result
        context["pages"] = max(1, -(-result.total // HITS))
    return render("search.html", **context)


@router.get("/upload", response_class=HTMLResponse)
def upload_form(request: Request) -> Response:
    return render(
        "upload.html",
        limit_mb=request.app.state.settings.max_upload_bytes / 1_048_576,
        visitor=guard.visitor_of(request),
    )


@router.post("/upload")
async def upload(request: Request) -> Response:
    """Add an uploaded document: only for a visitor who may write, from this site, with
    the upload page's anti-forgery token (read with the body, checked before analysis)."""
    from .api import ingest_upload

    guard.require_write(request)
    guard.check_same_origin(request)

    def token_check(fields: Mapping[str, str]) -> None:
        guard.check_token(request, fields.get(guard.CSRF_FIELD))

    item, _ = await ingest_upload(request, before=token_check)
    return RedirectResponse(f"/reviews/{item.review_id}?{item.outcome}=1", status_code=303)


# ------------------------------------------------------------------ the review page


def _anchor_lines(paragraphs: list[Mapping[str, Any]]) -> tuple[list[int], list[int]]:
    starts = [int(p["line"]) for p in paragraphs]
    return starts, [int(p.get("last_line", p["line"])) for p in paragraphs]


def theme_labels(taxonomy: Any = None) -> dict[str, str]:
    """Theme id -> label from the taxonomy in use; ids stand for themselves without one."""
    try:
        from ..stages.themes import load_taxonomy

        return {theme.id: theme.label for theme in load_taxonomy(taxonomy).themes}
    except (ImportError, RapporteurError):
        return {}


FILTERS = ("status", "asker", "theme", "round", "check")  # the review page's query filters
CHECKS = {
    "sure": "sure",
    "to-check": "to check",
    "checked": "checked by a person",
    "unchecked": "not checked by a person",
}
EXPERT = "Committee Expert"  # how a question without a named asker is shown


def _asker(question: Mapping[str, Any]) -> str:
    return str(question.get("asker") or EXPERT)


def _round(question: Mapping[str, Any]) -> int:
    value = question.get("round")
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 1


def question_filters(
    questions: list[Mapping[str, Any]],
    query: Mapping[str, str] | None,
    labels: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The review page's filters: the choices present in the review, the values of `query`
    that are among them (`selected`), a notice for each that is not (ignored, never an
    error), a test `matches(question)` and a plain-words description of the filter."""
    labels = labels or {}
    askers = list(dict.fromkeys(_asker(q) for q in questions))
    themes = sorted(
        {str(t) for q in questions for t in q.get("themes") or []},
        key=lambda t: (labels.get(t, t).lower(), t),
    )
    rounds = sorted({_round(q) for q in questions})
    choices: dict[str, list[tuple[str, str]]] = {
        "status": [(s, s) for s in STATUSES],
        "asker": [(a, a) for a in askers],
        "theme": [(t, labels.get(t, t)) for t in themes],
        "round": [(str(n), f"round {n}") for n in rounds],
        "check": list(CHECKS.items()),
    }
    selected: dict[str, str] = {}
    notices: list[str] = []
    for key in FILTERS:
        value = (query or {}).get(key, "").strip()
        if not value:
            continue
        if key == "round" and value.isdigit():
            value = str(int(value))
        if value in {v for v, _ in choices[key]}:
            selected[key] = value
        else:
            shown = value if len(value) <= 40 else value[:40] + "…"
            notices.append(f"The {key} filter “{shown}” is not among this review's; ignored.")

    def matches(q: Mapping[str, Any]) -> bool:
        facets = {
            "status": {str(q.get("status"))},
            "asker": {_asker(q)},
            "round": {str(_round(q))},
            "check": {
                "to-check" if certainty.needs_check(q) else "sure",
                "checked" if certainty.is_checked(q) else "unchecked",
            },
            "theme": {str(t) for t in q.get("themes") or []},
        }
        return all(value in facets[key] for key, value in selected.items())

    names = dict(choices["theme"])
    words = [
        f"theme {names[v]}" if k == "theme" else dict(choices[k])[v] for k, v in selected.items()
    ]
    return {
        "choices": choices,
        "selected": selected,
        "notices": notices,
        "matches": matches,
        "description": ", ".join(words),
    }


def review_context(
    summary: Any,
    data: Mapping[str, Any],
    labels: Mapping[str, str] | None = None,
    dialogue_id: str | None = None,
    asked: Mapping[str, Mapping[str, Any]] | None = None,
    query: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Arrange a stored review for the template: rounds of questions with their answers and
    how sure the tool is of each status (`sure`), figures with their contradictions, chart
    rows (themes by label). Concluding observations get `concluding`: their recommendations
    by subject; a linked question points into the dialogue's review `dialogue_id` when known.

    `query` filters the dialogue's questions (`FILTERS`, see `question_filters`): a round
    keeps only its matching questions and says how many (`shown`); the counts, charts and
    everything else describe the whole review."""
    labels = labels or {}
    concluding = None
    if recommendations.is_concluding_observations(dict(data)):

        def question_href(qid: str) -> str | None:
            return f"/reviews/{dialogue_id}#q-{qid}" if dialogue_id else None

        concluding = recommendations.view(dict(data), dict(labels), question_href, asked)
    questions = list(data.get("questions") or [])
    paragraphs = list(data.get("paragraphs") or [])
    starts, ends = _anchor_lines(paragraphs)

    def anchor(line: int) -> str:
        """The paragraph anchor for a line (every line of a paragraph has one)."""
        i = bisect_right(starts, line) - 1
        return f"L{line}" if i >= 0 and line <= ends[i] else f"L{starts[i] if i >= 0 else line}"

    filters = question_filters(questions, query, labels)
    rounds: list[dict[str, Any]] = []
    shown = 0
    for q in questions:
        number = q.get("round") or 1
        if not rounds or rounds[-1]["number"] != number:
            rounds.append({"number": number, "groups": [], "shown": 0, "total": 0})
        rounds[-1]["total"] += 1
        if not filters["matches"](q):
            continue
        rounds[-1]["shown"] += 1
        shown += 1
        groups = rounds[-1]["groups"]
        if not groups or groups[-1]["asker"] != q.get("asker"):
            groups.append({"asker": q.get("asker"), "questions": []})
        groups[-1]["questions"].append(q)

    counts = {status: 0 for status in STATUSES}
    for q in questions:
        if q.get("status") in counts:
            counts[q["status"]] += 1
    theme_counts: dict[str, int] = dict((data.get("themes") or {}).get("counts") or {})
    if not theme_counts:
        for q in questions:
            for theme in q.get("themes") or []:
                theme_counts[theme] = theme_counts.get(theme, 0) + 1

    figures = list(data.get("figures") or [])
    inconsistencies = list(data.get("inconsistencies") or [])
    flags: dict[int, list[str]] = {}
    for inc in inconsistencies:
        for key, other in (("a", "b"), ("b", "a")):
            index = inc.get(key)
            if isinstance(index, int) and 0 <= index < len(figures):
                partner = inc.get(other)
                line = figures[partner]["line"] if isinstance(partner, int) else "?"
                flags.setdefault(index, []).append(f"{inc.get('reason')} (see line {line})")

    return {
        "summary": summary,
        "data": data,
        "meta": data.get("review") or {},
        "participants": data.get("participants") or [],
        "rounds": rounds,
        "questions": questions,
        "filters": filters,
        "shown": shown,
        "status_rows": [(s.capitalize(), counts[s], s) for s in STATUSES],
        "to_check": certainty.count_to_check(questions),
        "sure": certainty.of,
        "closest": certainty.CLOSEST[:1].upper() + certainty.CLOSEST[1:],
        "theme_rows": sorted(
            ((labels.get(t, t), n, "theme") for t, n in theme_counts.items()),
            key=lambda r: (-r[1], r[0]),
        )[:12],
        "theme_labels": labels,
        "figures": figures,
        "figure_flags": flags,
        "inconsistencies": inconsistencies,
        "commitments": data.get("commitments") or [],
        "paragraphs": paragraphs,
        "anchor": anchor,
        "warnings": data.get("warnings") or [],
        "concluding": concluding,
    }
