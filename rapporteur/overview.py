"""A State's review cycle from the library: its reviews over time per committee, the
follow-up recommendations still open with their due dates, the subjects raised in more than
one cycle and the recommendations repeated from the previous cycle.

What the `state` command, the State page and `/api/states/...` show; built from `Store`
reads only (no analysis).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from .errors import ReviewNotFound
from .store import CO, GroupPage, ReviewGroup, ReviewSummary, Store, StoredRecommendation


@dataclass(frozen=True, slots=True, kw_only=True)
class CycleReview:
    """One review of the State, with its concluding observations' dates when stored."""

    group: ReviewGroup
    observations: str | None
    """Review id of its concluding observations, if in the library."""
    symbol: str | None
    recommendations: int
    follow_up_due: str | None
    next_report_due: str | None
    next_report: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class OpenFollowUp:
    """A recommendation the State must report on within the stated time."""

    committee: str | None
    symbol: str | None
    review_id: str
    recommendation: StoredRecommendation
    due: str | None
    past_due: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Recurring:
    """A theme (or subject heading) raised in more than one review by one committee."""

    committee: str | None
    theme: str
    label: str
    years: tuple[int | None, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Repeated:
    """A recommendation of the latest review that repeats one of the review before."""

    committee: str | None
    symbol: str | None
    review_id: str
    recommendation: StoredRecommendation


@dataclass(frozen=True, slots=True, kw_only=True)
class StateOverview:
    state_name: str
    state_iso3: str | None
    today: str
    committees: Mapping[str, tuple[CycleReview, ...]]
    """committee -> its reviews of the State, oldest first."""
    follow_up: tuple[OpenFollowUp, ...]
    recurring_themes: tuple[Recurring, ...]
    recurring_subjects: tuple[Recurring, ...]
    repeated: tuple[Repeated, ...]


KIND_NAMES = {
    "meeting_summary": "meeting summary",
    "press_release": "press release",
    "summary_record": "summary record",
    "concluding_observations": "concluding observations",
    None: "meeting summary",
}


def kind_name(kind: str | None, symbol: str | None = None, origin: str | None = None) -> str:
    """ "summary record"; "summary records, joined" for records read as one review, "meeting
    summary in parts, joined" for a summary whose replies came in another (a joined document's
    symbol or origin names its parts with " + ")."""
    name = KIND_NAMES.get(kind, (kind or "document").replace("_", " "))
    if " + " not in (symbol or "") + (origin or ""):
        return name
    return "summary records, joined" if kind == "summary_record" else f"{name} in parts, joined"


def theme_labels(taxonomy: Any = None) -> dict[str, str]:
    """Theme id -> label from the taxonomy in use; ids stand for themselves without one."""
    from .errors import RapporteurError

    try:
        from .stages.themes import load_taxonomy

        return {theme.id: theme.label for theme in load_taxonomy(taxonomy).themes}
    except (ImportError, RapporteurError):
        return {}


def _fold(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def state_overview(
    store: Store,
    state: str,
    *,
    iso3: str | None = None,
    labels: Mapping[str, str] | None = None,
    today: date | None = None,
) -> StateOverview:
    """Everything the library knows of one State's reviews (ReviewNotFound when none)."""
    labels = labels or {}
    day = (today or date.today()).isoformat()
    groups = store.state_groups(state, iso3)
    if not groups:
        raise ReviewNotFound(
            f"The library holds no review of {state!r}.",
            hint="`rapporteur list` shows the States in the library (name or ISO code).",
        )
    named = next((g for g in groups if g.state_name), groups[0])
    committees: dict[str, list[CycleReview]] = {}
    recs: dict[str, tuple[StoredRecommendation, ...]] = {}
    for g in groups:
        co = next((d for d in g.documents if d.kind == CO), None)
        follow = nxt = None
        if co is not None:
            data = store.get(co.id).data
            meta = data.get("review") or {}
            follow = (meta.get("follow_up") or {}).get("due")
            nxt = meta.get("next_report") or None
            recs[co.id] = store.recommendations(co.id)
        committees.setdefault(g.committee or "?", []).append(
            CycleReview(
                group=g,
                observations=co.id if co else None,
                symbol=co.symbol if co else None,
                recommendations=len(recs.get(co.id, ())) if co else 0,
                follow_up_due=follow,
                next_report_due=(nxt or {}).get("due"),
                next_report=(nxt or {}).get("description"),
            )
        )
    follow_up: list[OpenFollowUp] = []
    repeated: list[Repeated] = []
    themes: list[Recurring] = []
    subjects: list[Recurring] = []
    ids = [d.id for g in groups for d in g.documents]
    by_doc = store.themes_of(ids)
    for committee, reviews in committees.items():
        with_co = [r for r in reviews if r.observations]
        if with_co:
            latest = with_co[-1]
            assert latest.observations is not None
            for rec in recs[latest.observations]:
                if rec.follow_up:
                    due = rec.follow_up_due or latest.follow_up_due
                    follow_up.append(
                        OpenFollowUp(
                            committee=committee,
                            symbol=latest.symbol,
                            review_id=latest.observations,
                            recommendation=rec,
                            due=due,
                            past_due=bool(due and due < day),
                        )
                    )
                if rec.repeated:
                    repeated.append(
                        Repeated(
                            committee=committee,
                            symbol=latest.symbol,
                            review_id=latest.observations,
                            recommendation=rec,
                        )
                    )
        seen: dict[str, list[int | None]] = {}
        headings: dict[str, tuple[str, list[int | None]]] = {}
        for r in reviews:
            theme_set: set[str] = set()
            for d in r.group.documents:
                theme_set |= by_doc.get(d.id, set())
            for theme in theme_set:
                seen.setdefault(theme, []).append(r.group.year)
            if r.observations:
                for heading in {rec.heading for rec in recs[r.observations] if rec.heading}:
                    entry = headings.setdefault(_fold(heading), (heading, []))
                    entry[1].append(r.group.year)
        themes += [
            Recurring(committee=committee, theme=t, label=labels.get(t, t), years=tuple(ys))
            for t, ys in seen.items()
            if len(ys) > 1
        ]
        subjects += [
            Recurring(committee=committee, theme=k, label=h, years=tuple(ys))
            for k, (h, ys) in headings.items()
            if len(ys) > 1
        ]
    return StateOverview(
        state_name=named.state_name or state,
        state_iso3=named.state_iso3,
        today=day,
        committees={c: tuple(r) for c, r in sorted(committees.items())},
        follow_up=tuple(sorted(follow_up, key=lambda f: (f.due or "9999", f.committee or ""))),
        recurring_themes=tuple(sorted(themes, key=lambda t: (t.committee or "", t.label))),
        recurring_subjects=tuple(sorted(subjects, key=lambda t: (t.committee or "", t.label))),
        repeated=tuple(repeated),
    )


# ------------------------------------------------------------------ JSON-ready dicts


def document_dict(doc: ReviewSummary) -> dict[str, Any]:
    return {
        "id": doc.id,
        "kind": doc.kind,
        "symbol": doc.symbol,
        "title": doc.title,
        "date": doc.date,
        "questions": doc.questions,
        "url": f"/api/reviews/{doc.id}",
        "page": f"/reviews/{doc.id}",
    }


def group_dict(group: ReviewGroup) -> dict[str, Any]:
    """One review and its documents (the CLI's --format json and the API share it)."""
    return {
        "key": group.key,
        "committee": group.committee,
        "state_name": group.state_name,
        "state_iso3": group.state_iso3,
        "year": group.year,
        "session": group.session,
        "report": group.report,
        "report_symbol": group.report_symbol,
        "kinds": list(group.kinds),
        "documents": [document_dict(d) for d in group.documents],
    }


def groups_dict(page: GroupPage) -> dict[str, Any]:
    return {
        "total": page.total,
        "limit": page.limit,
        "offset": page.offset,
        "reviews": [group_dict(g) for g in page.groups],
    }


def recommendation_dict(rec: StoredRecommendation) -> dict[str, Any]:
    out = asdict(rec)
    out["reference"] = rec.reference
    out["articles"] = list(rec.articles)
    out["themes"] = list(rec.themes)
    out["questions"] = [dict(q) for q in rec.questions]
    out["previous"] = dict(rec.previous) if rec.previous else None
    return out


def overview_dict(view: StateOverview) -> dict[str, Any]:
    def recurring(r: Recurring) -> dict[str, Any]:
        return {"committee": r.committee, "id": r.theme, "label": r.label, "years": r.years}

    return {
        "state_name": view.state_name,
        "state_iso3": view.state_iso3,
        "today": view.today,
        "committees": {
            committee: [
                {
                    **group_dict(r.group),
                    "observations": r.observations,
                    "symbol": r.symbol,
                    "recommendations": r.recommendations,
                    "follow_up_due": r.follow_up_due,
                    "next_report": r.next_report,
                    "next_report_due": r.next_report_due,
                }
                for r in reviews
            ]
            for committee, reviews in view.committees.items()
        },
        "follow_up": [
            {
                "committee": f.committee,
                "symbol": f.symbol,
                "review_id": f.review_id,
                "due": f.due,
                "past_due": f.past_due,
                "recommendation": recommendation_dict(f.recommendation),
            }
            for f in view.follow_up
        ],
        "recurring_themes": [recurring(r) for r in view.recurring_themes],
        "recurring_subjects": [recurring(r) for r in view.recurring_subjects],
        "repeated": [
            {
                "committee": r.committee,
                "symbol": r.symbol,
                "review_id": r.review_id,
                "recommendation": recommendation_dict(r.recommendation),
            }
            for r in view.repeated
        ],
    }
