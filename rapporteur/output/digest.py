"""Derived views of a rapporteur/review@1 object, shared by the brief, CSV and Akoma Ntoso exports.

The exports work on the JSON object (not on the `Review` record) so that a review read back
from the library and a review analysed on the fly go through exactly the same code. Every
field may be missing or empty while the pipeline grows: the helpers here return empty
collections rather than failing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..models import SECTION_LABELS

STATUS_ORDER = ("answered", "partial", "unanswered")
UNNAMED_EXPERTS = "Experts not named in the summary"
NO_THEME = "(no theme)"


@dataclass(frozen=True, slots=True)
class SectionRef:
    """A section of the analysed text, with a label that tells repeated headings apart."""

    index: int
    kind: str
    heading: str | None
    first_line: int
    last_line: int
    label: str


@dataclass(frozen=True, slots=True)
class StatusCount:
    """Questions of one group (an Expert, a theme) by status."""

    name: str
    answered: int = 0
    partial: int = 0
    unanswered: int = 0
    labels: tuple[str, ...] = field(default=())
    """Anonymous labels as written, for the unnamed Experts' row."""
    note: str = ""
    """A line shown under the name in the brief."""

    @property
    def total(self) -> int:
        return self.answered + self.partial + self.unanswered


def sections(data: dict[str, Any]) -> list[SectionRef]:
    """Sections with labels like "Questions by Committee Experts (2 of 3)"."""
    raw = list(data.get("sections") or [])
    names = [s.get("heading") or SECTION_LABELS.get(s.get("kind") or "other", "Other") for s in raw]
    totals = Counter(names)
    seen: Counter[str] = Counter()
    out = []
    for i, (s, name) in enumerate(zip(raw, names, strict=True)):
        seen[name] += 1
        label = f"{name} ({seen[name]} of {totals[name]})" if totals[name] > 1 else name
        out.append(
            SectionRef(
                index=i,
                kind=s.get("kind") or "other",
                heading=s.get("heading"),
                first_line=int(s.get("first_line") or 1),
                last_line=int(s.get("last_line") or s.get("first_line") or 1),
                label=label,
            )
        )
    return out


def section_at(secs: list[SectionRef], line: int | None) -> SectionRef | None:
    """The section holding a line (None outside every section)."""
    if line is None:
        return None
    for s in secs:
        if s.first_line <= line <= s.last_line:
            return s
    return None


def where(secs: list[SectionRef], line: int | None) -> str:
    """Provenance as text: 'Questions by Committee Experts (2 of 3), line 81'."""
    if line is None:
        return ""
    sec = section_at(secs, line)
    return f"{sec.label}, line {line}" if sec else f"line {line}"


def participants_by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {p["id"]: p for p in data.get("participants") or [] if p.get("id")}


def asker_group(question: dict[str, Any], people: dict[str, dict[str, Any]]) -> str:
    """Named Experts by name; anonymous labels ('Another Expert') grouped together."""
    pid = question.get("participant")
    if pid and pid in people:
        return str(people[pid]["name"])
    return UNNAMED_EXPERTS


def _count(groups: dict[str, dict[str, int]], labels: dict[str, set[str]]) -> list[StatusCount]:
    rows = [
        StatusCount(
            name=name,
            answered=c.get("answered", 0),
            partial=c.get("partial", 0),
            unanswered=c.get("unanswered", 0),
            labels=tuple(sorted(labels.get(name, ()))),
        )
        for name, c in groups.items()
    ]
    return rows


def status_of(question: dict[str, Any]) -> str:
    status = question.get("status")
    return status if status in STATUS_ORDER else "unanswered"


def counts_by_expert(data: dict[str, Any]) -> list[StatusCount]:
    """Per asker, in order of first question; the unnamed Experts last."""
    people = participants_by_id(data)
    groups: dict[str, dict[str, int]] = {}
    labels: dict[str, set[str]] = {}
    for q in data.get("questions") or []:
        name = asker_group(q, people)
        groups.setdefault(name, Counter())[status_of(q)] += 1
        if name == UNNAMED_EXPERTS and q.get("asker"):
            labels.setdefault(name, set()).add(str(q["asker"]))
    rows = _count(groups, labels)
    return sorted(rows, key=lambda r: r.name == UNNAMED_EXPERTS)


def counts_by_theme(data: dict[str, Any]) -> list[StatusCount]:
    """Per theme (a question with two themes counts in both), most questions first.

    Empty when no question has a theme, so that the brief can say so instead of showing one
    '(no theme)' row.
    """
    questions = data.get("questions") or []
    if not any(q.get("themes") for q in questions):
        return []
    groups: dict[str, dict[str, int]] = {}
    for q in questions:
        for theme in q.get("themes") or [NO_THEME]:
            groups.setdefault(str(theme), Counter())[status_of(q)] += 1
    rows = _count(groups, {})
    return sorted(rows, key=lambda r: (r.name == NO_THEME, -r.total, r.name))


def totals(data: dict[str, Any]) -> StatusCount:
    c = Counter(status_of(q) for q in data.get("questions") or [])
    return StatusCount(
        name="All questions",
        answered=c["answered"],
        partial=c["partial"],
        unanswered=c["unanswered"],
    )


def questions_by_asker(data: dict[str, Any], status: str) -> list[tuple[str, list[dict[str, Any]]]]:
    """Questions of one status grouped by asker group, in document order."""
    people = participants_by_id(data)
    groups: dict[str, list[dict[str, Any]]] = {}
    for q in data.get("questions") or []:
        if status_of(q) == status:
            groups.setdefault(asker_group(q, people), []).append(q)
    return sorted(groups.items(), key=lambda kv: kv[0] == UNNAMED_EXPERTS)


def conflicts(data: dict[str, Any]) -> dict[int, list[tuple[int, str, str]]]:
    """Figure index -> [(other figure index, severity, reason)] for every inconsistency."""
    n = len(data.get("figures") or [])
    out: dict[int, list[tuple[int, str, str]]] = {}
    for inc in data.get("inconsistencies") or []:
        a, b = inc.get("a"), inc.get("b")
        if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < n and 0 <= b < n):
            continue
        severity = str(inc.get("severity") or "conflict")
        reason = str(inc.get("reason") or "")
        out.setdefault(a, []).append((b, severity, reason))
        out.setdefault(b, []).append((a, severity, reason))
    return out


def number(value: Any) -> str:
    """A figure value as people write it: 2600000 -> '2,600,000', 2.76 -> '2.76'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,}"
    return str(value)


def figure_value(fig: dict[str, Any]) -> str:
    """'2,600,000', '6–12' for ranges, with the qualifier: 'around 7,000,000'."""
    if fig.get("value") is not None:
        text = number(fig["value"])
    elif fig.get("value_min") is not None or fig.get("value_max") is not None:
        text = f"{number(fig.get('value_min'))}–{number(fig.get('value_max'))}"
    else:
        text = ""
    qualifier = fig.get("qualifier")
    if qualifier and text:
        text = f"{str(qualifier).replace('_', ' ')} {text}"
    return text


def review_title(data: dict[str, Any]) -> str:
    """'CMW review of Kyrgyzstan' or the best that can be said."""
    review = data.get("review") or {}
    committee = review.get("committee")
    state = (review.get("state_party") or {}).get("name")
    if committee and state:
        return f"{committee} review of {state}"
    if state:
        return f"Review of {state}"
    if committee:
        return f"{committee} review"
    doc = data.get("document") or {}
    return str(doc.get("title") or doc.get("origin") or "Treaty-body review")


def report_text(data: dict[str, Any]) -> str:
    report = (data.get("review") or {}).get("report")
    if not report:
        return ""
    text = str(report.get("description") or "")
    if report.get("symbol"):
        text = f"{text} ({report['symbol']})" if text else str(report["symbol"])
    return text


def metadata_rows(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) pairs for the metadata table; unknown values are left out."""
    review = data.get("review") or {}
    doc = data.get("document") or {}
    analyzer = data.get("analyzer") or {}
    state = review.get("state_party") or {}
    nm = review.get("next_meeting") or {}
    rows = [
        ("Committee", _join(review.get("committee_name"), review.get("committee"))),
        ("State party", _join(state.get("name"), state.get("iso3"))),
        ("Report", report_text(data)),
        ("Session", str(review["session"]) if review.get("session") else ""),
        ("Date", str(review.get("date") or "")),
        ("Year", "" if review.get("date") else str(review.get("year") or "")),
        ("Press release", str(review.get("release_code") or "")),
        ("Next meeting", str(nm.get("text") or "")),
        ("Document title", str(doc.get("title") or "")),
        ("Source", str(doc.get("origin") or "")),
        ("Source SHA-256", str(doc.get("sha256") or "")),
        ("Analysed text", f"{doc['lines']} lines" if doc.get("lines") else ""),
        ("Analyser", _join(analyzer.get("name"), analyzer.get("version"), sep=" ")),
    ]
    return [(k, v) for k, v in rows if v]


def _join(a: Any, b: Any, sep: str = " / ") -> str:
    if a and b:
        return f"{a} ({b})" if sep == " / " else f"{a}{sep}{b}"
    return str(a or b or "")


def theme_labels(data: dict[str, Any]) -> dict[str, str]:
    """Theme id -> label from the packaged taxonomy, when the review was tagged with it (same
    version); empty otherwise, and callers show the ids."""
    version = (data.get("themes") or {}).get("taxonomy_version")
    if not version:
        return {}
    try:
        from ..stages.themes import load_taxonomy

        taxonomy = load_taxonomy()
    except Exception:  # a broken packaged taxonomy must not stop an export
        return {}
    if taxonomy.version != version:
        return {}
    return {t.id: t.label for t in taxonomy.themes}


def anonymous_labels(data: dict[str, Any]) -> list[str]:
    """Anonymous speaker labels as written ('A Committee Expert', 'The delegation')."""
    headings = {s.get("heading_line") for s in data.get("sections") or []}
    seen: dict[str, None] = {}
    for t in data.get("turns") or []:
        if t.get("line") in headings:
            continue  # the turn of a heading paragraph is a section label, not a speaker
        if not t.get("participant") and t.get("speaker"):
            seen.setdefault(str(t["speaker"]), None)
    return list(seen)
