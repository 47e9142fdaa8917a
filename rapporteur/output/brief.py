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
import markupsafe

from .. import languages
from ..models import SECTION_LABELS
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
LANGUAGES = ("en", "fr", "es")
"""The languages the brief's own wording is written in (rapporteur/data/lang/*/brief.toml)."""


# ---------------------------------------------------------------- the brief's own words


@dataclass(frozen=True, slots=True)
class Words:
    """The brief's fixed wording in one language, from `lang/<language>/brief.toml`; a key
    that language lacks falls back to English. Document text never goes through here."""

    language: str

    def _find(self, table: Any, key: str) -> Any:
        for part in key.split("."):
            if not isinstance(table, dict) or part not in table:
                return None
            table = table[part]
        return table

    def __call__(self, key: str, **fill: Any) -> str:
        """The wording of `key` ("headings.review"), its {placeholders} filled."""
        found = self._find(dict(languages.cues("brief", self.language)), key)
        if found is None:
            found = self._find(dict(languages.cues("brief", "en")), key)
        if found is None:
            raise KeyError(f"brief.toml has no {key!r}")
        return str(found).format(**fill) if fill else str(found)

    def html(self, key: str, **fill: Any) -> markupsafe.Markup:
        """The wording of `key` for the HTML template: the wording's own <, > and & escaped
        (quotes kept as written), and every value filled in escaped by markupsafe."""
        raw = self(key)
        return (
            markupsafe.Markup(
                markupsafe.escape(raw).replace("&#39;", "'").replace("&#34;", '"')
            ).format(**fill)
            if fill
            else markupsafe.Markup(
                markupsafe.escape(raw).replace("&#39;", "'").replace("&#34;", '"')
            )
        )

    def term(self, group: str, value: str) -> str:
        """A word of the tool's vocabulary (a side, a role, a kind, a metadata label) in this
        language; the value itself when there is no translation."""
        found = self._find(dict(languages.cues("brief", self.language)), group)
        if isinstance(found, dict) and isinstance(found.get(value), str):
            return str(found[value])
        return value

    def date(self, stamp: str) -> str:
        """'2026-12-06T10:00:00Z' -> '6 December 2026' / '6 décembre 2026'."""
        try:
            year, month, day = (int(part) for part in stamp[:10].split("-"))
            months = self._find(dict(languages.cues("brief", self.language)), "months")
            if not isinstance(months, list) or not 1 <= day <= 31:
                return stamp
            return self("date", day=day, month=months[month - 1], year=year)
        except (ValueError, IndexError):
            return stamp

    def where(self, secs: list[digest.SectionRef], line: int | None) -> str:
        """Provenance: 'Questions by Committee Experts (2 of 3), line 81' in this language."""
        if line is None:
            return ""
        sec = digest.section_at(secs, line)
        if sec is None:
            return self("sections.line", line=line)
        return self("sections.at", section=self.section_label(secs, sec), line=line)

    def section_label(self, secs: list[digest.SectionRef], sec: digest.SectionRef) -> str:
        """A section's label; one without a heading is named in this language."""
        if self.language == "en":
            return sec.label

        def key(s: digest.SectionRef) -> str:
            return s.heading or SECTION_LABELS.get(s.kind, "Other")

        same = [s for s in secs if key(s) == key(sec)]
        name = sec.heading or self.term("sections", key(sec))
        if len(same) < 2:
            return name
        return self("sections.count", name=name, n=same.index(sec) + 1, total=len(same))

    def status_label(self, sure: certainty.QuestionStatus) -> str:
        """'partial — please check (confidence 55%)' in this language."""
        return f"{self.term('status_word', sure.status)} — {self.sureness(sure)}"

    def sureness(self, sure: certainty.QuestionStatus) -> str:
        if sure.check is not None:
            return self(
                "sureness.checked_by", by=self.person(sure.check.by), date=self.date(sure.check.at)
            )
        return f"{self.sure_word(sure)} ({self.confidence(sure)})"

    def sure_word(self, sure: certainty.QuestionStatus) -> str:
        if sure.checked:
            return self("sureness.checked")
        return self("sureness.check") if sure.needs_check else self("sureness.sure")

    def confidence(self, sure: certainty.QuestionStatus) -> str:
        if sure.percent is None:
            return self("sureness.unknown")
        key = "sureness.confidence" if sure.needs_check else "sureness.percent"
        return self(key, percent=sure.percent)

    def person(self, by: str) -> str:
        return self("sureness.a_person") if by == "a person" else by

    def tool_text(self, sure: certainty.QuestionStatus) -> str:
        """The tool's verdict on a checked question; '' for the tool's own status."""
        m = sure.machine
        if m is None:
            return ""
        if not sure.disagrees:
            return self(
                "sureness.tool_agrees", word=self.sure_word(m), confidence=self.confidence(m)
            )
        return self("sureness.tool_says", label=self.status_label(m))

    def metadata(self, rows: list[tuple[str, str]], lines: Any = None) -> list[tuple[str, str]]:
        """The Review table's labels in this language (and 'N lines')."""
        out = []
        for k, v in rows:
            if k == "Analysed text" and lines:
                v = self("metadata.lines", n=lines)
            out.append((self.term("metadata", k), v))
        return out


def words(data: dict[str, Any], language: str | None = None) -> Words:
    """The words of the brief: in `language` when given, else in the review's language (the
    JSON's `document.language`), else English."""
    lang = language or str((data.get("document") or {}).get("language") or "en")
    return Words(lang if lang in LANGUAGES else "en")


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


def check_note(to_check: int, total: int, checked: int = 0, w: Words | None = None) -> str:
    """The sentence under the counts that says how many statuses a person checked and how
    many of the tool's statuses are still to check."""
    w = w or Words("en")
    if not total:
        return ""
    if checked:
        key = "counts.checked_many" if total != 1 else "counts.checked_one"
        head = w(key, checked=checked, total=total) + "."
        rest = total - checked
        if not rest:
            return head
        if not to_check:
            return w("counts.sure_rest", head=head, rest=rest)
        key = "counts.rest_many" if to_check != 1 else "counts.rest_one"
        return w(key, head=head, n=to_check, rest=rest)
    if not to_check:
        return w("counts.sure_all")
    key = "counts.not_sure_many" if to_check != 1 else "counts.not_sure_one"
    return w(key, n=to_check, total=total)


def concluding_context(data: dict[str, Any], language: str | None = None) -> dict[str, Any]:
    """What both renderings show of concluding observations, computed once."""
    w = words(data, language)
    doc = data.get("document") or {}
    review = data.get("review") or {}
    view = co.view(data, digest.theme_labels(data))
    rows = digest.metadata_rows(data)
    extra = [("Symbol", view["symbol"]), ("Adopted", view["adopted"])]
    rows = [(k, v) for k, v in rows if k != "Date"]
    rows[3:3] = [(k, v) for k, v in extra if v]  # after committee, State and report
    state = (review.get("state_party") or {}).get("name")
    committee = review.get("committee")
    subtitle = (
        w("subtitle.co_committee", committee=committee) if committee else w("subtitle.co_none")
    ) + (w("subtitle.co_to_state", state=state) if state else "")
    return {
        "w": w,
        "lang": w.language,
        "title": w("title"),
        "subtitle": subtitle,
        "doc_title": doc.get("title") or "",
        "warnings": list(data.get("warnings") or []),
        "metadata": w.metadata(rows, doc.get("lines")),
        "code_rows": (w.term("metadata", "Source"), w.term("metadata", "Source SHA-256")),
        "headings": {
            k: w(f"headings.{'co_' if k != 'about' else ''}{k}")
            for k in ("review", "follow_up", "subjects", "repeated", "next_report", "about")
        },
        "concluding": view,
        "analyzer": " ".join(
            str(v) for v in ((data.get("analyzer") or {}).get(k) for k in ("name", "version")) if v
        )
        or "rapporteur",
        "status_colours": STATUS_COLOURS,
    }


def subtitle(data: dict[str, Any], w: Words) -> str:
    """'CMW review of Kyrgyzstan' or the best that can be said, in the brief's language."""
    if w.language == "en":
        return digest.review_title(data)
    review = data.get("review") or {}
    committee = review.get("committee")
    state = (review.get("state_party") or {}).get("name")
    if committee and state:
        return w("subtitle.committee_state", committee=committee, state=state)
    if state:
        return w("subtitle.state", state=state)
    if committee:
        return w("subtitle.committee", committee=committee)
    doc = data.get("document") or {}
    return str(doc.get("title") or doc.get("origin") or w("subtitle.none"))


def context(data: dict[str, Any], language: str | None = None) -> dict[str, Any]:
    """Everything both renderings show, computed once; the brief's own words in `language`
    (default: the review's language)."""
    w = words(data, language)
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
            note=w("labels.theme_id", id=r.name) if r.name in labels else "",
        )
        for r in by_theme
    ]
    by_expert = [
        dataclasses.replace(r, note=w("labels.as_written", labels=", ".join(r.labels)))
        if r.labels
        else r
        for r in by_expert
    ]
    by_expert = [
        dataclasses.replace(r, name=w("labels.unnamed_experts"))
        if r.name == digest.UNNAMED_EXPERTS
        else r
        for r in by_expert
    ]

    def src(line: Any) -> str:
        return w.where(secs, line if isinstance(line, int) else None)

    def q_item(q: dict[str, Any]) -> dict[str, Any]:
        sure = certainty.of(q)
        return {
            "id": q.get("id") or "",
            "text": q.get("text") or "",
            "asker": q.get("asker") or "",
            "kind": q.get("kind") or "",
            "kind_label": w.term("kinds", q.get("kind") or ""),
            "themes": [labels.get(t, t) for t in q.get("themes") or []],
            "status_label": w.status_label(sure),
            "needs_check": sure.needs_check,
            "checked": sure.checked,
            "checked_by": w.person(sure.by) if sure.by else "",
            "note": sure.note or "",
            "tool": w.tool_text(sure)[:1].upper() + w.tool_text(sure)[1:],
            "disagrees": sure.disagrees,
            "chosen_by": w.person(sure.by or "")
            if sure.check and sure.check.chose_evidence
            else "",
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
        "w": w,
        "lang": w.language,
        "title": w("title"),
        "subtitle": subtitle(data, w),
        "headings": {
            k: w(f"headings.{k}")
            for k in (
                "review",
                "participants",
                "overview",
                "unanswered",
                "partial",
                "figures",
                "commitments",
                "about",
                "by_expert",
                "by_theme",
                "contradictions",
            )
        },
        "doc_title": doc.get("title") or "",
        "is_dialogue": data.get("is_dialogue", True),
        "warnings": list(data.get("warnings") or []),
        "metadata": w.metadata(digest.metadata_rows(data), doc.get("lines")),
        "code_rows": (w.term("metadata", "Source"), w.term("metadata", "Source SHA-256")),
        "participants": [
            {
                "name": p.get("name") or p.get("id") or "",
                "side": w.term("sides", p.get("side") or ""),
                "roles": ", ".join(w.term("roles", r) for r in p.get("roles") or []),
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
            w,
        ),
        "by_expert": by_expert,
        "by_theme": by_theme,
        "expert_chart": chart(by_expert, w("labels.chart_experts")),
        "theme_chart": chart(by_theme, w("labels.chart_themes")),
        "taxonomy_version": (data.get("themes") or {}).get("taxonomy_version"),
        "unanswered": [
            (
                w("labels.unnamed_experts") if name == digest.UNNAMED_EXPERTS else name,
                [q_item(q) for q in qs],
            )
            for name, qs in digest.questions_by_asker(data, "unanswered")
        ],
        "partial": [
            (
                w("labels.unnamed_experts") if name == digest.UNNAMED_EXPERTS else name,
                [q_item(q) for q in qs],
            )
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
                "who": f.get("speaker") or w.term("sides", f.get("side") or ""),
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
                "kind": w.term("kinds", c.get("kind") or ""),
                "who": c.get("speaker") or w.term("sides", c.get("side") or ""),
                "source": src(c.get("line")),
            }
            for i, c in enumerate(data.get("commitments") or [], start=1)
        ],
        "analyzer": " ".join(
            str(v) for v in ((data.get("analyzer") or {}).get(k) for k in ("name", "version")) if v
        )
        or "rapporteur",
        "committee": review.get("committee") or "",
        "status_labels": {k: w(f"status.{k}") for k in STATUS_LABELS},
        "evidence": {
            "unanswered": (w("labels.closest"), EVIDENCE["unanswered"][1]),
            "partial": (w("labels.delegation_said"), EVIDENCE["partial"][1]),
        },
        "status_colours": STATUS_COLOURS,
        "statuses": digest.STATUS_ORDER,
        "unnamed": w("labels.unnamed_experts"),
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


def html(data: dict[str, Any], language: str | None = None) -> str:
    """The brief as one self-contained HTML document; its own words in `language` (default:
    the review's language)."""
    source = resources.files("rapporteur").joinpath("data", "brief.html.j2").read_text("utf-8")
    if co.is_concluding_observations(data):
        return _environment().from_string(source).render(**concluding_context(data, language))
    return _environment().from_string(source).render(concluding=None, **context(data, language))


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


def _counts_table(first: str, rows: list[digest.StatusCount], w: Words) -> list[str]:
    body = [
        [md_escape(r.name), str(r.total), str(r.answered), str(r.partial), str(r.unanswered)]
        for r in rows
    ]
    header = [first, *(w(f"columns.{c}") for c in ("asked", "answered", "partial", "unanswered"))]
    return _table(header, body, {1, 2, 3, 4})


def _question_lines(ctx: dict[str, Any], key: str) -> list[str]:
    groups = ctx[key]
    w: Words = ctx["w"]
    out: list[str] = []
    if not groups:
        return [w(f"empty.{key}"), ""]
    for name, items in groups:
        out += [f"### {md_escape(name)} ({len(items)})", ""]
        for i, q in enumerate(items, start=1):
            extra = []
            if name == ctx["unnamed"] and q["asker"]:
                extra.append(w("labels.asked_by", asker=md_escape(q["asker"])))
            if q["kind"] and q["kind"] != "direct":
                extra.append(md_escape(q["kind_label"]))
            if q["themes"]:
                extra.append(
                    w("labels.themes", themes=", ".join(md_escape(t) for t in q["themes"]))
                )
            extra.append(md_escape(q["source"]))
            out.append(f"{i}. {md_escape(q['text'])}  ")
            out.append(f"   *{'; '.join(extra)}*")
            out.append(f"   - **{w('labels.status', label=md_escape(q['status_label']))}**")
            if q["note"]:
                note = w("labels.note_by", by=md_escape(q["checked_by"]), note=md_escape(q["note"]))
                out.append(f"   - {note}")
            if q["tool"]:
                out.append(f"   - {md_escape(q['tool'])}")
            if q["reason"]:
                out.append(f"   - {w('labels.why', reason=md_escape(q['reason']))}")
            if q["answers"]:
                label, limit = ctx["evidence"][key]
                if q["chosen_by"]:
                    label = w("labels.chosen_by", label=label, by=md_escape(q["chosen_by"]))
                out.append(f"   - {label}:")
                for a in q["answers"][:limit]:
                    out.append(f"     - {md_escape(a['text'])} ({md_escape(a['source'])})")
            out.append("")
    return out


def _recommendation_md(r: dict[str, Any], w: Words) -> list[str]:
    """One recommendation as a list item: its paragraph, the action, then its marks."""
    marks = []
    if r["follow_up"]:
        marks.append(w("labels.follow_up_report", when=md_escape(r["follow_up_when"])).rstrip())
    if r["repeats"]:
        marks.append(f"↻ {md_escape(r['repeats'])}")
    if r["articles"]:
        marks.append(md_escape(r["articles"]))
    if r["themes"]:
        marks.append(w("labels.themes", themes=", ".join(md_escape(t) for t in r["themes"])))
    marks.append(w("labels.line", line=r["line"]))
    out = [f"- **{md_escape(r['label'])}**: {md_escape(r['action'])}  ", f"  *{'; '.join(marks)}*"]
    if r["questions"]:
        ids = ", ".join(md_escape(q["id"]) for q in r["questions"])
        out.append(f"  - {w('labels.dialogue_questions', ids=ids)}")
    return out


_SHOW_TEXT = "`rapporteur analyze SOURCE --show-text`"


def _about(w: Words, before: str, after: str, **fill: Any) -> str:
    """The 'About this brief' paragraph on one line, around the command that shows the text."""
    return (w(before, **fill) + _SHOW_TEXT + w(after)).replace("\n", " ")


def concluding_markdown(data: dict[str, Any], language: str | None = None) -> str:
    """The brief of concluding observations as GitHub-flavoured Markdown."""
    ctx = concluding_context(data, language)
    w: Words = ctx["w"]
    view = ctx["concluding"]
    h = ctx["headings"]
    out = [f"# {ctx['title']}: {md_escape(ctx['subtitle'])}", ""]
    if ctx["doc_title"]:
        out += [f"*{md_escape(ctx['doc_title'])}*", ""]
    if ctx["warnings"]:
        out.append(f"> **{w('analysis_notes')}**")
        out += [f"> - {md_escape(x)}" for x in ctx["warnings"]]
        out.append("")
    out += [f"## {h['review']}", ""]
    out += _table(
        [w("columns.field"), w("columns.value")],
        [[md_escape(k), md_escape(v)] for k, v in ctx["metadata"]],
    )
    out += [f"{md_escape(view['counts'])}.", ""]

    out += [f"## {h['follow_up']}", ""]
    if view["follow_up"]:
        out += [md_escape(view["follow_up"]), ""]
    if view["follow_up_items"]:
        out += _table(
            [w(f"columns.{c}") for c in ("recommendation", "subject", "action", "report_by")],
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
        out += [w("empty.co_follow_up"), ""]

    out += [f"## {h['subjects']}", ""]
    if not view["subjects"]:
        out += [w("empty.co_subjects"), ""]
    for subject in view["subjects"]:
        out += [f"### {md_escape(subject['name'])} ({subject['count']})", ""]
        for group in subject["groups"]:
            if group["heading"]:
                out += [f"#### {md_escape(group['heading'])}", ""]
            for r in group["recs"]:
                out += _recommendation_md(r, w)
            out.append("")

    out += [f"## {h['repeated']}", ""]
    if view["repeated"]:
        out += _table(
            [w(f"columns.{c}") for c in ("recommendation", "repeats", "subject", "action")],
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
        out += [w("empty.co_repeated"), ""]

    out += [f"## {h['next_report']}", ""]
    if view["next_report"]:
        line = (
            " " + w("labels.in_line", line=view["next_report_line"])
            if view["next_report_line"]
            else ""
        )
        out += [
            f"{md_escape(view['next_report'][:1].upper() + view['next_report'][1:])}{line}.",
            "",
        ]
    else:
        out += [w("empty.co_next_report"), ""]

    out += [f"## {h['about']}", ""]
    out += [_about(w, "about.co_before", "about.co_after", analyzer=md_escape(ctx["analyzer"])), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def markdown(data: dict[str, Any], language: str | None = None) -> str:
    """The brief as GitHub-flavoured Markdown; its own words in `language` (default: the
    review's language)."""
    if co.is_concluding_observations(data):
        return concluding_markdown(data, language)
    ctx = context(data, language)
    w: Words = ctx["w"]
    h = ctx["headings"]
    out = [f"# {ctx['title']}: {md_escape(ctx['subtitle'])}", ""]
    if ctx["doc_title"]:
        out += [f"*{md_escape(ctx['doc_title'])}*", ""]
    if not ctx["is_dialogue"] or ctx["warnings"]:
        out.append(f"> **{w('analysis_notes')}**")
        if not ctx["is_dialogue"]:
            out.append(f"> - {w('not_dialogue')}")
        out += [f"> - {md_escape(x)}" for x in ctx["warnings"]]
        out.append("")

    out += [f"## {h['review']}", ""]
    out += _table(
        [w("columns.field"), w("columns.value")],
        [[md_escape(k), md_escape(v)] for k, v in ctx["metadata"]],
    )

    out += [f"## {h['participants']}", ""]
    if ctx["participants"]:
        out += _table(
            [w(f"columns.{c}") for c in ("name", "side", "roles", "title")],
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
        out += [w("empty.participants"), ""]
    if ctx["anonymous"]:
        labels = ", ".join(md_escape(a) for a in ctx["anonymous"])
        out += [w("labels.also_speaking", labels=labels), ""]

    t = ctx["totals"]
    out += [f"## {h['overview']}", ""]
    out += [
        w(
            "counts.questions",
            total=t.total,
            answered=t.answered,
            partial=t.partial,
            unanswered=t.unanswered,
        ),
        "",
        *([f"**{md_escape(ctx['check_note'])}**", ""] if ctx["check_note"] else []),
    ]
    out += [f"### {h['by_expert']}", ""]
    out += (
        _counts_table(w("columns.expert"), ctx["by_expert"], w)
        if ctx["by_expert"]
        else [w("empty.questions"), ""]
    )
    out += [f"### {h['by_theme']}", ""]
    out += (
        _counts_table(w("columns.theme"), ctx["by_theme"], w)
        if ctx["by_theme"]
        else [w("empty.themes"), ""]
    )

    out += [f"## {h['unanswered']}", "", *_question_lines(ctx, "unanswered")]
    out += [f"## {h['partial']}", "", *_question_lines(ctx, "partial")]

    def verb(severity: str) -> str:
        return w("labels.contradicts" if severity == "conflict" else "labels.may_contradict")

    out += [f"## {h['figures']}", ""]
    if ctx["figures"]:
        rows = []
        for f in ctx["figures"]:
            mark = "; ".join(
                f"⚠ {verb(c['severity'])} F{c['n']}"
                + (f" ({md_escape(c['reason'])})" if c["reason"] else "")
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
        columns = ("number", "as_written", "value", "unit", "subject", "period", "who")
        out += _table(
            [
                *(w(f"columns.{c}") for c in columns),
                w("metadata.Source"),
                w("columns.contradiction"),
            ],
            rows,
        )
        if ctx["inconsistencies"]:
            out += [f"### {h['contradictions']}", ""]
            for inc in ctx["inconsistencies"]:
                why = f": {md_escape(inc['reason'])}" if inc["reason"] else ""
                out.append(
                    f"- ⚠ F{inc['a']} “{md_escape(inc['a_mention'])}” "
                    f"({md_escape(inc['a_source'])}) "
                    f"{verb(inc['severity'])} F{inc['b']} “{md_escape(inc['b_mention'])}” "
                    f"({md_escape(inc['b_source'])}){why}"
                )
            out.append("")
        else:
            out += [w("empty.contradictions"), ""]
    else:
        out += [w("empty.figures"), ""]

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
        out += [w("empty.commitments"), ""]

    out += [f"## {h['about']}", ""]
    about = _about(
        w, "about.dialogue_before", "about.dialogue_after", analyzer=md_escape(ctx["analyzer"])
    )
    checked = w("about.dialogue_checked").replace("\n", " ") if ctx["n_checked"] else ""
    out += [f"{about}{checked}.", ""]
    return "\n".join(out).rstrip("\n") + "\n"
