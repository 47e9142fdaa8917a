"""The follow-up brief: what a civil-society officer circulates before a follow-up meeting.

Two renderings of one context built from the rapporteur/review@1 object:

- `markdown(data)`: GitHub-flavoured Markdown. Document text is escaped so that a `<script>`
  or a `*` in the source shows as written and never becomes markup.
- `html(data)`: one self-contained HTML file (inline CSS, inline SVG charts, no scripts, no
  external resources) that prints cleanly on A4. Rendered with Jinja2 autoescaping; the
  template is `rapporteur/data/brief.html.j2`.

Sections, in order (`SECTION_HEADINGS`): metadata, participants, counts of questions per
Expert and per theme, unanswered and partly answered questions in full grouped by asker,
figures with contradictions marked, commitments, and a note on how the brief was made. Every
item says where it comes from (section and line of the analysed text).

Concluding observations get a brief of their own (`CONCLUDING_HEADINGS`): what a follow-up
officer needs first is the recommendations the State party must report on early and by when,
then every recommendation by subject, the ones repeated from the last cycle, and when the
next report is due.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import jinja2

from . import certainty, digest
from . import recommendations as co

TITLE = "Follow-up brief"
SECTION_HEADINGS = (
    "Review",
    "Participants",
    "Questions at a glance",
    "Unanswered questions",
    "Partly answered questions",
    "Figures on the record",
    "Commitments",
    "About this brief",
)
CONCLUDING_HEADINGS = (
    "Concluding observations",
    "For follow-up",
    "Recommendations by subject",
    "Repeated from the last cycle",
    "Next report",
    "About this brief",
)
STATUS_LABELS = {"answered": "answered", "partial": "partly answered", "unanswered": "unanswered"}
STATUS_COLOURS = {"answered": "#2e7d32", "partial": "#e0a100", "unanswered": "#c62828"}
EVIDENCE = {  # section -> (label of the passages shown, how many)
    "unanswered": ("Closest passage (not an answer)", 1),
    "partial": ("What the delegation said", 10),
}


# ---------------------------------------------------------------- shared context


@dataclass(frozen=True, slots=True)
class Bar:
    """One row of a stacked bar chart, geometry in SVG user units."""

    name: str
    label: str
    y: float
    segments: tuple[tuple[str, float, float, int], ...]  # (status, x, width, count)
    total: int
    total_x: float


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    label_width: int
    bars: tuple[Bar, ...]
    title: str


def chart(rows: list[digest.StatusCount], title: str) -> Chart | None:
    """A horizontal stacked bar chart of answered / partial / unanswered per row."""
    if not rows:
        return None
    label_width, bar_area, row_h, top = 210, 380, 20, 4
    biggest = max(r.total for r in rows) or 1
    bars = []
    for i, r in enumerate(rows):
        y = top + i * row_h
        x = float(label_width)
        segments = []
        for status in digest.STATUS_ORDER:
            count = getattr(r, status)
            w = bar_area * count / biggest
            if count:
                segments.append((status, round(x, 2), round(w, 2), count))
            x += w
        label = r.name if len(r.name) <= 32 else r.name[:31] + "…"
        bars.append(
            Bar(
                name=r.name,
                label=label,
                y=y,
                segments=tuple(segments),
                total=r.total,
                total_x=round(x + 4, 2),
            )
        )
    return Chart(
        width=label_width + bar_area + 40,
        height=top * 2 + row_h * len(rows),
        label_width=label_width,
        bars=tuple(bars),
        title=title,
    )


def check_note(to_check: int, total: int, checked: int = 0) -> str:
    """The sentence under the counts that says how many statuses a person checked and how
    many of the tool's statuses are still to check."""
    if not total:
        return ""
    if checked:
        head = certainty.checked_note(checked, total) + "."
        rest = total - checked
        if not rest:
            return head
        if not to_check:
            return f"{head} The tool is sure of the other {rest}."
        many = to_check != 1
        return (
            f"{head} The tool is not sure of {to_check} of the other {rest} (marked “please "
            f"check”): check {'them' if many else 'it'} against the record before quoting "
            f"{'them' if many else 'it'}."
        )
    if not to_check:
        return "The tool is sure of every status."
    many = to_check != 1
    return (
        f"The tool is not sure of {to_check} of these {total} statuses (marked “please check”): "
        f"check {'them' if many else 'it'} against the record before quoting "
        f"{'them' if many else 'it'}."
    )


def concluding_context(data: dict[str, Any]) -> dict[str, Any]:
    """What both renderings show of concluding observations, computed once."""
    doc = data.get("document") or {}
    review = data.get("review") or {}
    view = co.view(data, digest.theme_labels(data))
    rows = digest.metadata_rows(data)
    extra = [("Symbol", view["symbol"]), ("Adopted", view["adopted"])]
    rows = [(k, v) for k, v in rows if k != "Date"]
    rows[3:3] = [(k, v) for k, v in extra if v]  # after committee, State and report
    state = (review.get("state_party") or {}).get("name")
    committee = review.get("committee")
    subtitle = " ".join(
        x for x in (f"{committee} recommendations" if committee else "Recommendations",) if x
    ) + (f" to {state}" if state else "")
    return {
        "title": TITLE,
        "subtitle": subtitle,
        "doc_title": doc.get("title") or "",
        "warnings": list(data.get("warnings") or []),
        "metadata": rows,
        "headings": dict(
            zip(
                ("review", "follow_up", "subjects", "repeated", "next_report", "about"),
                CONCLUDING_HEADINGS,
                strict=True,
            )
        ),
        "concluding": view,
        "analyzer": " ".join(
            str(v) for v in ((data.get("analyzer") or {}).get(k) for k in ("name", "version")) if v
        )
        or "rapporteur",
        "status_colours": STATUS_COLOURS,
    }


def context(data: dict[str, Any]) -> dict[str, Any]:
    """Everything both renderings show, computed once."""
    secs = digest.sections(data)
    figures = list(data.get("figures") or [])
    conflicts = digest.conflicts(data)
    by_expert = digest.counts_by_expert(data)
    by_theme = digest.counts_by_theme(data)
    review = data.get("review") or {}
    doc = data.get("document") or {}
    labels = digest.theme_labels(data)
    by_theme = [
        digest.StatusCount(
            name=labels.get(r.name, r.name),
            answered=r.answered,
            partial=r.partial,
            unanswered=r.unanswered,
            note=f"theme id: {r.name}" if r.name in labels else "",
        )
        for r in by_theme
    ]
    by_expert = [
        dataclasses.replace(r, note="as written: " + ", ".join(r.labels)) if r.labels else r
        for r in by_expert
    ]

    def src(line: Any) -> str:
        return digest.where(secs, line if isinstance(line, int) else None)

    def q_item(q: dict[str, Any]) -> dict[str, Any]:
        sure = certainty.of(q)
        return {
            "id": q.get("id") or "",
            "text": q.get("text") or "",
            "asker": q.get("asker") or "",
            "kind": q.get("kind") or "",
            "themes": [labels.get(t, t) for t in q.get("themes") or []],
            "status_label": sure.label,
            "needs_check": sure.needs_check,
            "checked": sure.checked,
            "checked_by": sure.by or "",
            "note": sure.note or "",
            "tool": sure.tool_text[:1].upper() + sure.tool_text[1:] if sure.tool_text else "",
            "disagrees": sure.disagrees,
            "chosen_by": sure.by if sure.check and sure.check.chose_evidence else "",
            # a person's status has their note instead of the tool's reason
            "reason": "" if sure.checked else q.get("status_reason") or "",
            "source": src(q.get("line")),
            "answers": [
                {"text": a.get("text") or "", "source": src(a.get("line")), "score": a.get("score")}
                for a in q.get("answers") or []
            ],
        }

    inconsistencies = []
    for inc in data.get("inconsistencies") or []:
        a, b = inc.get("a"), inc.get("b")
        if not (isinstance(a, int) and isinstance(b, int)):
            continue
        if not (0 <= a < len(figures) and 0 <= b < len(figures)):
            continue
        inconsistencies.append(
            {
                "a": a + 1,
                "b": b + 1,
                "a_mention": figures[a].get("mention") or "",
                "b_mention": figures[b].get("mention") or "",
                "a_source": src(figures[a].get("line")),
                "b_source": src(figures[b].get("line")),
                "severity": inc.get("severity") or "conflict",
                "reason": inc.get("reason") or "",
            }
        )

    return {
        "title": TITLE,
        "subtitle": digest.review_title(data),
        "headings": dict(
            zip(
                (
                    "review",
                    "participants",
                    "overview",
                    "unanswered",
                    "partial",
                    "figures",
                    "commitments",
                    "about",
                ),
                SECTION_HEADINGS,
                strict=True,
            )
        ),
        "doc_title": doc.get("title") or "",
        "is_dialogue": data.get("is_dialogue", True),
        "warnings": list(data.get("warnings") or []),
        "metadata": digest.metadata_rows(data),
        "participants": [
            {
                "name": p.get("name") or p.get("id") or "",
                "side": p.get("side") or "",
                "roles": ", ".join(p.get("roles") or []),
                "title": p.get("title") or "",
            }
            for p in data.get("participants") or []
        ],
        "anonymous": digest.anonymous_labels(data),
        "totals": digest.totals(data),
        "n_checked": certainty.count_checked(data.get("questions")),
        "check_note": check_note(
            certainty.count_to_check(data.get("questions")),
            len(data.get("questions") or []),
            certainty.count_checked(data.get("questions")),
        ),
        "by_expert": by_expert,
        "by_theme": by_theme,
        "expert_chart": chart(by_expert, "Questions per Expert by status"),
        "theme_chart": chart(by_theme, "Questions per theme by status"),
        "taxonomy_version": (data.get("themes") or {}).get("taxonomy_version"),
        "unanswered": [
            (name, [q_item(q) for q in qs])
            for name, qs in digest.questions_by_asker(data, "unanswered")
        ],
        "partial": [
            (name, [q_item(q) for q in qs])
            for name, qs in digest.questions_by_asker(data, "partial")
        ],
        "figures": [
            {
                "n": i + 1,
                "mention": f.get("mention") or "",
                "value": digest.figure_value(f),
                "unit": "" if f.get("unit") in (None, "other") else str(f["unit"]),
                "subject": f.get("subject") or "",
                "period": f.get("period") or "",
                "who": f.get("speaker") or f.get("side") or "",
                "source": src(f.get("line")),
                "conflicts": [
                    {"n": other + 1, "severity": sev, "reason": why}
                    for other, sev, why in conflicts.get(i, [])
                ],
            }
            for i, f in enumerate(figures)
        ],
        "inconsistencies": inconsistencies,
        "commitments": [
            {
                "n": i,
                "text": c.get("text") or "",
                "kind": c.get("kind") or "",
                "who": c.get("speaker") or c.get("side") or "",
                "source": src(c.get("line")),
            }
            for i, c in enumerate(data.get("commitments") or [], start=1)
        ],
        "analyzer": " ".join(
            str(v) for v in ((data.get("analyzer") or {}).get(k) for k in ("name", "version")) if v
        )
        or "rapporteur",
        "committee": review.get("committee") or "",
        "status_labels": STATUS_LABELS,
        "evidence": EVIDENCE,
        "status_colours": STATUS_COLOURS,
        "statuses": digest.STATUS_ORDER,
        "unnamed": digest.UNNAMED_EXPERTS,
    }


# ---------------------------------------------------------------- HTML


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["number"] = digest.number
    return env


def html(data: dict[str, Any]) -> str:
    """The brief as one self-contained HTML document."""
    source = resources.files("rapporteur").joinpath("data", "brief.html.j2").read_text("utf-8")
    if co.is_concluding_observations(data):
        return _environment().from_string(source).render(**concluding_context(data))
    return _environment().from_string(source).render(concluding=None, **context(data))


# ---------------------------------------------------------------- Markdown

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}|~#])")


def md_escape(text: Any) -> str:
    """Document text made inert in Markdown: HTML entities for <, >, & and backslashes for
    inline Markdown punctuation, so every character shows as written. Newlines are folded and
    the brief never starts a line with document text (a list marker, a table pipe or a
    heading marker always comes first), so '-', '1.' or '>' in the text cannot open a block."""
    s = str(text or "")
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    return s.replace("\r", "").replace("\n", " ")


def _table(header: list[str], rows: list[list[str]], right: set[int] | None = None) -> list[str]:
    right = right or set()
    align = ["---:" if i in right else "---" for i in range(len(header))]
    out = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return [*out, ""]


def _counts_table(first: str, rows: list[digest.StatusCount]) -> list[str]:
    body = [
        [md_escape(r.name), str(r.total), str(r.answered), str(r.partial), str(r.unanswered)]
        for r in rows
    ]
    return _table([first, "Asked", "Answered", "Partly answered", "Unanswered"], body, {1, 2, 3, 4})


def _question_lines(ctx: dict[str, Any], key: str) -> list[str]:
    groups = ctx[key]
    out: list[str] = []
    if not groups:
        none = (
            "No question is marked as unanswered."
            if key == "unanswered"
            else ("No question is marked as partly answered.")
        )
        return [none, ""]
    for name, items in groups:
        out += [f"### {md_escape(name)} ({len(items)})", ""]
        for i, q in enumerate(items, start=1):
            extra = []
            if name == ctx["unnamed"] and q["asker"]:
                extra.append(f"asked by {md_escape(q['asker'])}")
            if q["kind"] and q["kind"] != "direct":
                extra.append(md_escape(q["kind"]))
            if q["themes"]:
                extra.append("themes: " + ", ".join(md_escape(t) for t in q["themes"]))
            extra.append(md_escape(q["source"]))
            out.append(f"{i}. {md_escape(q['text'])}  ")
            out.append(f"   *{'; '.join(extra)}*")
            out.append(f"   - **Status: {md_escape(q['status_label'])}**")
            if q["note"]:
                out.append(f"   - Note by {md_escape(q['checked_by'])}: {md_escape(q['note'])}")
            if q["tool"]:
                out.append(f"   - {md_escape(q['tool'])}")
            if q["reason"]:
                out.append(f"   - Why: {md_escape(q['reason'])}")
            if q["answers"]:
                label, limit = EVIDENCE[key]
                if q["chosen_by"]:
                    label += f" (chosen by {md_escape(q['chosen_by'])})"
                out.append(f"   - {label}:")
                for a in q["answers"][:limit]:
                    out.append(f"     - {md_escape(a['text'])} ({md_escape(a['source'])})")
            out.append("")
    return out


def _recommendation_md(r: dict[str, Any]) -> list[str]:
    """One recommendation as a list item: its paragraph, the action, then its marks."""
    marks = []
    if r["follow_up"]:
        marks.append(f"★ follow-up: report {md_escape(r['follow_up_when'])}".rstrip())
    if r["repeats"]:
        marks.append(f"↻ {md_escape(r['repeats'])}")
    if r["articles"]:
        marks.append(md_escape(r["articles"]))
    if r["themes"]:
        marks.append("themes: " + ", ".join(md_escape(t) for t in r["themes"]))
    marks.append(f"line {r['line']}")
    out = [f"- **{md_escape(r['label'])}**: {md_escape(r['action'])}  ", f"  *{'; '.join(marks)}*"]
    if r["questions"]:
        ids = ", ".join(md_escape(q["id"]) for q in r["questions"])
        out.append(f"  - Questions of the dialogue on this subject: {ids}")
    return out


def concluding_markdown(data: dict[str, Any]) -> str:
    """The brief of concluding observations as GitHub-flavoured Markdown."""
    ctx = concluding_context(data)
    view = ctx["concluding"]
    h = ctx["headings"]
    out = [f"# {TITLE}: {md_escape(ctx['subtitle'])}", ""]
    if ctx["doc_title"]:
        out += [f"*{md_escape(ctx['doc_title'])}*", ""]
    if ctx["warnings"]:
        out.append("> **Analysis notes**")
        out += [f"> - {md_escape(w)}" for w in ctx["warnings"]]
        out.append("")
    out += [f"## {h['review']}", ""]
    out += _table(["Field", "Value"], [[md_escape(k), md_escape(v)] for k, v in ctx["metadata"]])
    out += [f"{md_escape(view['counts'])}.", ""]

    out += [f"## {h['follow_up']}", ""]
    if view["follow_up"]:
        out += [md_escape(view["follow_up"]), ""]
    if view["follow_up_items"]:
        out += _table(
            ["Recommendation", "Subject", "What the State party is to do", "Report by"],
            [
                [
                    md_escape(r["citation"]),
                    md_escape(r["heading"] or r["subject"]),
                    md_escape(r["action"]),
                    md_escape(view["follow_up_due"] or view["follow_up_when"]),
                ]
                for r in view["follow_up_items"]
            ],
        )
    elif not view["follow_up"]:
        out += ["The Committee asked for no follow-up report on particular recommendations.", ""]

    out += [f"## {h['subjects']}", ""]
    if not view["subjects"]:
        out += ["No recommendations were found in this document.", ""]
    for subject in view["subjects"]:
        out += [f"### {md_escape(subject['name'])} ({subject['count']})", ""]
        for group in subject["groups"]:
            if group["heading"]:
                out += [f"#### {md_escape(group['heading'])}", ""]
            for r in group["recs"]:
                out += _recommendation_md(r)
            out.append("")

    out += [f"## {h['repeated']}", ""]
    if view["repeated"]:
        out += _table(
            ["Recommendation", "Repeats", "Subject", "What the State party is to do"],
            [
                [
                    md_escape(r["citation"]),
                    md_escape(r["repeats"].removeprefix("repeats ")),
                    md_escape(r["heading"] or r["subject"]),
                    md_escape(r["short"]),
                ]
                for r in view["repeated"]
            ],
        )
    else:
        out += ["No recommendation says it repeats one of the previous observations.", ""]

    out += [f"## {h['next_report']}", ""]
    if view["next_report"]:
        line = f" (line {view['next_report_line']})" if view["next_report_line"] else ""
        out += [
            f"{md_escape(view['next_report'][:1].upper() + view['next_report'][1:])}{line}.",
            "",
        ]
    else:
        out += ["The document gives no date for the next report.", ""]

    out += [f"## {h['about']}", ""]
    out += [
        f"Made by {md_escape(ctx['analyzer'])} from the Committee's concluding observations. "
        "Line numbers refer to the analysed text (for a plain-text source, the file itself; "
        "`rapporteur analyze SOURCE --show-text` prints it with line numbers). Recommendations, "
        "follow-up marks and due dates are found automatically: check them against the "
        "document before quoting them.",
        "",
    ]
    return "\n".join(out).rstrip("\n") + "\n"


def markdown(data: dict[str, Any]) -> str:
    """The brief as GitHub-flavoured Markdown."""
    if co.is_concluding_observations(data):
        return concluding_markdown(data)
    ctx = context(data)
    h = ctx["headings"]
    out = [f"# {TITLE}: {md_escape(ctx['subtitle'])}", ""]
    if ctx["doc_title"]:
        out += [f"*{md_escape(ctx['doc_title'])}*", ""]
    if not ctx["is_dialogue"] or ctx["warnings"]:
        out.append("> **Analysis notes**")
        if not ctx["is_dialogue"]:
            out.append("> - This document does not look like a treaty-body dialogue.")
        out += [f"> - {md_escape(w)}" for w in ctx["warnings"]]
        out.append("")

    out += [f"## {h['review']}", ""]
    out += _table(["Field", "Value"], [[md_escape(k), md_escape(v)] for k, v in ctx["metadata"]])

    out += [f"## {h['participants']}", ""]
    if ctx["participants"]:
        out += _table(
            ["Name", "Side", "Roles", "Title"],
            [
                [
                    md_escape(p["name"]),
                    md_escape(p["side"]),
                    md_escape(p["roles"]),
                    md_escape(p["title"]),
                ]
                for p in ctx["participants"]
            ],
        )
    else:
        out += ["No named participants were found.", ""]
    if ctx["anonymous"]:
        labels = ", ".join(md_escape(a) for a in ctx["anonymous"])
        out += [f"Also speaking, not named in the text: {labels}.", ""]

    t = ctx["totals"]
    out += [f"## {h['overview']}", ""]
    out += [
        f"{t.total} questions asked: {t.answered} answered, {t.partial} partly answered, "
        f"{t.unanswered} unanswered.",
        "",
        *([f"**{md_escape(ctx['check_note'])}**", ""] if ctx["check_note"] else []),
    ]
    out += ["### By Expert", ""]
    out += (
        _counts_table("Expert", ctx["by_expert"])
        if ctx["by_expert"]
        else ["No questions were found.", ""]
    )
    out += ["### By theme", ""]
    out += (
        _counts_table("Theme", ctx["by_theme"])
        if ctx["by_theme"]
        else ["No themes were assigned to the questions.", ""]
    )

    out += [f"## {h['unanswered']}", "", *_question_lines(ctx, "unanswered")]
    out += [f"## {h['partial']}", "", *_question_lines(ctx, "partial")]

    out += [f"## {h['figures']}", ""]
    if ctx["figures"]:
        rows = []
        for f in ctx["figures"]:
            mark = "; ".join(
                f"⚠ {'contradicts' if c['severity'] == 'conflict' else 'may contradict'} "
                f"F{c['n']}" + (f" ({md_escape(c['reason'])})" if c["reason"] else "")
                for c in f["conflicts"]
            )
            rows.append(
                [
                    f"F{f['n']}",
                    md_escape(f["mention"]),
                    md_escape(f["value"]),
                    md_escape(f["unit"]),
                    md_escape(f["subject"]),
                    md_escape(f["period"]),
                    md_escape(f["who"]),
                    md_escape(f["source"]),
                    mark,
                ]
            )
        out += _table(
            [
                "#",
                "As written",
                "Value",
                "Unit",
                "Subject",
                "Period",
                "Who",
                "Source",
                "Contradiction",
            ],
            rows,
        )
        if ctx["inconsistencies"]:
            out += ["### Contradictions", ""]
            for inc in ctx["inconsistencies"]:
                word = "contradicts" if inc["severity"] == "conflict" else "may contradict"
                why = f": {md_escape(inc['reason'])}" if inc["reason"] else ""
                out.append(
                    f"- ⚠ F{inc['a']} “{md_escape(inc['a_mention'])}” "
                    f"({md_escape(inc['a_source'])}) "
                    f"{word} F{inc['b']} “{md_escape(inc['b_mention'])}” "
                    f"({md_escape(inc['b_source'])}){why}"
                )
            out.append("")
        else:
            out += ["No contradictions between figures were found.", ""]
    else:
        out += ["No figures were found.", ""]

    out += [f"## {h['commitments']}", ""]
    if ctx["commitments"]:
        for c in ctx["commitments"]:
            meta = "; ".join(
                x for x in (md_escape(c["kind"]), md_escape(c["who"]), md_escape(c["source"])) if x
            )
            out.append(f"{c['n']}. {md_escape(c['text'])}  ")
            out.append(f"   *{meta}*")
        out.append("")
    else:
        out += ["No commitments were found.", ""]

    out += [f"## {h['about']}", ""]
    out += [
        f"Made by {md_escape(ctx['analyzer'])} from the public record of the dialogue. "
        "Line numbers refer to the analysed text (for a plain-text source, the file itself; "
        "`rapporteur analyze SOURCE --show-text` prints it with line numbers). Statuses, "
        "figures and commitments are found automatically: check them against the source "
        "before quoting them"
        + (
            "; a status marked “checked by” was checked against the record by the person "
            "named, on the day given."
            if ctx["n_checked"]
            else "."
        ),
        "",
    ]
    return "\n".join(out).rstrip("\n") + "\n"
