"""Concluding observations as every output shows them, from a rapporteur/review@1 object.

Concluding observations hold the Committee's recommendations, not a dialogue: the text, CSV,
brief, Akoma Ntoso and web outputs switch on `is_concluding_observations` and share the
wording here, so that a recommendation is cited the same way everywhere ("CMW/C/ARD/CO/2,
para. 10 (a)") and dates read as people write them ("11 April 2026"). Every field may be
missing (a review stored before recommendations were read): the helpers return empty values.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

KIND = "concluding_observations"
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# "The Committee recommends that the State party" / "urges the State party to": the opening
# every recommendation shares, dropped when the action is shortened so that what differs shows.
_OPENING = re.compile(
    r"^The Committee (?:also |further |strongly )?(?:recommends|urges|encourages|calls upon|"
    r"calls on|requests|invites)(?: that)? the State party(?: to)? (?=\w)"
)
NO_SUBJECT = "Other recommendations"


def is_concluding_observations(data: dict[str, Any]) -> bool:
    """The document is the Committee's concluding observations (it has recommendations,
    not questions), whichever way the stored JSON says so."""
    kind = (data.get("document") or {}).get("kind")
    return kind == KIND or bool(data.get("recommendations"))


def recommendations(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The recommendations, in document order; empty for a dialogue or older stored JSON."""
    return [r for r in data.get("recommendations") or [] if isinstance(r, dict)]


def symbol(data: dict[str, Any]) -> str:
    """The document's own symbol ('CMW/C/ARD/CO/2'), or '' when the text gives none."""
    return str((data.get("document") or {}).get("symbol") or "")


def paragraph_label(rec: dict[str, Any]) -> str:
    """'para. 10 (a)' or 'para. 8': how a tracker cites one item."""
    para = rec.get("paragraph")
    letter = rec.get("letter")
    text = f"para. {para}" if para is not None else "para. ?"
    return f"{text} ({letter})" if letter else text


def citation(data: dict[str, Any], rec: dict[str, Any]) -> str:
    """'CMW/C/ARD/CO/2, para. 10 (a)'; just the paragraph when the symbol is unknown."""
    sym = symbol(data)
    return f"{sym}, {paragraph_label(rec)}" if sym else paragraph_label(rec)


def element_id(rec: dict[str, Any]) -> str:
    """A stable id made of paragraph and letter ('para_10__point_a', 'para_8'), the Akoma
    Ntoso naming; the JSON id ('r10a') is kept alongside."""
    para = rec.get("paragraph")
    base = f"para_{para}" if isinstance(para, int) else f"para_{rec.get('id') or 'x'}"
    letter = rec.get("letter")
    return f"{base}__point_{letter}" if letter else base


def long_date(value: Any) -> str:
    """'2026-04-11' -> '11 April 2026'; anything else as given."""
    if not isinstance(value, str):
        return "" if value is None else str(value)
    m = _ISO.fullmatch(value)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return value
    return f"{int(m.group(3))} {_MONTHS[int(m.group(2)) - 1]} {m.group(1)}"


def articles_text(articles: Any) -> str:
    """'art. 51', 'arts. 51, 73 and 84', 'arts. 8–35' (runs of three or more joined)."""
    nums = sorted({a for a in articles or [] if isinstance(a, int)})
    if not nums:
        return ""
    parts: list[str] = []
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        if j - i >= 2:
            parts.append(f"{nums[i]}–{nums[j]}")
        else:
            parts.extend(str(n) for n in nums[i : j + 1])
        i = j + 1
    if len(nums) == 1:
        return f"art. {nums[0]}"
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"arts. {joined}"


def follow_up(data: dict[str, Any]) -> dict[str, Any]:
    """review.follow_up, or {} when the Committee asked for no follow-up report."""
    value = (data.get("review") or {}).get("follow_up")
    return value if isinstance(value, dict) else {}


def next_report(data: dict[str, Any]) -> dict[str, Any]:
    """review.next_report, or {}."""
    value = (data.get("review") or {}).get("next_report")
    return value if isinstance(value, dict) else {}


def follow_up_when(data: dict[str, Any]) -> str:
    """'within two years, by 11 April 2026' (as much as the document says), or ''."""
    fu = follow_up(data)
    parts = []
    if fu.get("within"):
        parts.append(f"within {fu['within']}")
    if fu.get("due"):
        parts.append(f"by {long_date(fu['due'])}")
    return ", ".join(parts)


def follow_up_text(data: dict[str, Any]) -> str:
    """'to report on within two years, by 11 April 2026': the mark of a follow-up item."""
    when = follow_up_when(data)
    return f"to report on {when}" if when else "to report on under the follow-up procedure"


def follow_up_sentence(data: dict[str, Any]) -> str:
    """'The State party is to report on paras. 18 (a), 28 (b) and 42 (a) within two years,
    by 11 April 2026.' or '' when the Committee asked for no follow-up report."""
    chosen = [r for r in recommendations(data) if r.get("follow_up")]
    if not follow_up(data) and not chosen:
        return ""
    which = list_paragraphs(chosen) or "the recommendations named in the request"
    when = follow_up_when(data)
    return f"The State party is to report on {which}{f' {when}' if when else ''}."


def follow_up_source(data: dict[str, Any]) -> str:
    """Where the request is: 'para. 49, line 227'."""
    fu = follow_up(data)
    parts = [f"para. {fu['paragraph']}"] if fu.get("paragraph") is not None else []
    if fu.get("line") is not None:
        parts.append(f"line {fu['line']}")
    return ", ".join(parts)


def follow_up_due(data: dict[str, Any], rec: dict[str, Any]) -> str:
    """The ISO due date of a follow-up recommendation, '' for the others."""
    return str(follow_up(data).get("due") or "") if rec.get("follow_up") else ""


def reiterates_text(rec: dict[str, Any]) -> str:
    """'repeats CMW/C/ARD/CO/1, para. 11', or '' when it repeats nothing."""
    reit = rec.get("reiterates")
    if not isinstance(reit, dict):
        return ""
    where = [str(reit["symbol"])] if reit.get("symbol") else ["the previous observations"]
    if reit.get("paragraph") is not None:
        where.append(f"para. {reit['paragraph']}")
    return "repeats " + ", ".join(where)


def next_report_text(data: dict[str, Any]) -> str:
    """'third periodic report, due by 1 May 2029', or ''."""
    nr = next_report(data)
    if not nr:
        return ""
    what = str(nr.get("description") or "next periodic report")
    return f"{what}, due by {long_date(nr['due'])}" if nr.get("due") else what


def action(rec: dict[str, Any]) -> str:
    """The whole recommended action ('action', else the line's 'text')."""
    return str(rec.get("action") or rec.get("text") or "")


def short_action(rec: dict[str, Any], limit: int = 160) -> str:
    """The action for a list: the shared opening ("The Committee recommends that the State
    party") dropped, the trailing ';' or '.' removed, and cut at a word before `limit`."""
    text = " ".join(action(rec).split())
    m = _OPENING.match(text)
    if m:
        text = text[m.end() :]
        text = text[:1].upper() + text[1:]
    text = text.rstrip(" ;.,:")
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


@dataclass(frozen=True, slots=True)
class Group:
    """Recommendations under one heading of one subject, in document order."""

    heading: str
    items: tuple[dict[str, Any], ...]


@dataclass(frozen=True, slots=True)
class Subject:
    """One subject heading ('General principles (arts. 7 and 83)') and its headings."""

    name: str
    groups: tuple[Group, ...]

    @property
    def count(self) -> int:
        return sum(len(g.items) for g in self.groups)

    @property
    def articles(self) -> tuple[int, ...]:
        """The articles every recommendation of the subject cites (the heading's own)."""
        sets = [set(r.get("articles") or []) for g in self.groups for r in g.items]
        return tuple(sorted(set.intersection(*sets))) if sets else ()

    def own_articles(self, rec: dict[str, Any]) -> str:
        """A recommendation's articles when they say more than the subject's, else ''."""
        mine = tuple(sorted(set(rec.get("articles") or [])))
        return articles_text(mine) if mine and mine != self.articles else ""


def by_subject(recs: list[dict[str, Any]]) -> list[Subject]:
    """Recommendations grouped by subject, then by heading, in the order they come."""
    subjects: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for r in recs:
        subject = str(r.get("subject") or NO_SUBJECT)
        heading = str(r.get("heading") or "")
        subjects.setdefault(subject, {}).setdefault(heading, []).append(r)
    return [
        Subject(name, tuple(Group(h, tuple(items)) for h, items in headings.items()))
        for name, headings in subjects.items()
    ]


def list_paragraphs(recs: list[dict[str, Any]]) -> str:
    """'paras. 18 (a), 28 (b) and 42 (a)' for a sentence."""
    labels = [paragraph_label(r).removeprefix("para. ") for r in recs]
    if not labels:
        return ""
    if len(labels) == 1:
        return f"para. {labels[0]}"
    return "paras. " + ", ".join(labels[:-1]) + " and " + labels[-1]


def counts_text(data: dict[str, Any]) -> str:
    """'37 recommendations in 24 paragraphs: 3 for follow-up, 13 repeating earlier ones'."""
    recs = recommendations(data)
    paras = {r.get("paragraph") for r in recs}
    n_fu = sum(bool(r.get("follow_up")) for r in recs)
    n_rep = sum(isinstance(r.get("reiterates"), dict) for r in recs)
    text = (
        f"{len(recs)} recommendation{'' if len(recs) == 1 else 's'} in {len(paras)} "
        f"paragraph{'' if len(paras) == 1 else 's'}"
    )
    extras = []
    if n_fu:
        extras.append(f"{n_fu} for follow-up")
    if n_rep:
        extras.append(f"{n_rep} repeating the previous observations")
    return text + (": " + ", ".join(extras) if extras else "")


def view(
    data: dict[str, Any],
    theme_labels: dict[str, str] | None = None,
    question_href: Callable[[str], str | None] | None = None,
    asked: Mapping[str, Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """Plain values for the brief and the web review page: the follow-up items first, the
    repeated ones, every recommendation by subject and heading, and the due dates.

    `question_href(qid)` gives the link of a linked question of the dialogue (None: the id
    is shown without a link); `asked` gives its text and status when known (the library's
    links), so a reader sees what was asked rather than an id."""
    labels = theme_labels or {}
    recs = recommendations(data)
    review = data.get("review") or {}
    subjects = by_subject(recs)
    subject_of = {id(r): s for s in subjects for g in s.groups for r in g.items}
    when = follow_up_when(data)

    def item(r: dict[str, Any]) -> dict[str, Any]:
        subject = subject_of.get(id(r))
        return {
            "id": str(r.get("id") or ""),
            "eid": element_id(r),
            "label": paragraph_label(r),
            "citation": citation(data, r),
            "action": action(r),
            "short": short_action(r),
            "lead_in": str(r.get("lead_in") or ""),
            "concern": str(r.get("concern") or ""),
            "line": r.get("line"),
            "subject": str(r.get("subject") or ""),
            "heading": str(r.get("heading") or ""),
            "follow_up": bool(r.get("follow_up")),
            "follow_up_when": when if r.get("follow_up") else "",
            "repeats": reiterates_text(r),
            "articles": subject.own_articles(r) if subject else articles_text(r.get("articles")),
            "all_articles": articles_text(r.get("articles")),
            "themes": [labels.get(str(t), str(t)) for t in r.get("themes") or []],
            "questions": [
                {
                    "id": str(q),
                    "href": question_href(str(q)) if question_href else None,
                    "text": str((asked or {}).get(str(q), {}).get("text") or ""),
                    "status": str((asked or {}).get(str(q), {}).get("status") or ""),
                }
                for q in r.get("questions") or []
            ],
        }

    items = {id(r): item(r) for r in recs}
    nr = next_report(data)
    fu = follow_up(data)
    repeated = [items[id(r)] for r in recs if isinstance(r.get("reiterates"), dict)]
    return {
        "symbol": symbol(data),
        "adopted": long_date(review.get("date")),
        "count": len(recs),
        "counts": counts_text(data),
        "follow_up": _with_source(follow_up_sentence(data), follow_up_source(data)),
        "follow_up_source": follow_up_source(data),
        "follow_up_when": when,
        "follow_up_due": long_date(fu.get("due")),
        "follow_up_items": [items[id(r)] for r in recs if r.get("follow_up")],
        "repeated": repeated,
        "previous": sorted(
            {
                str(r.get("reiterates", {}).get("symbol") or "")
                for r in recs
                if isinstance(r.get("reiterates"), dict)
            }
            - {""}
        ),
        "next_report": next_report_text(data),
        "next_report_due": long_date(nr.get("due")),
        "next_report_line": nr.get("line"),
        "subjects": [
            {
                "name": s.name,
                "articles": articles_text(s.articles),
                "count": s.count,
                "groups": [
                    {"heading": g.heading, "recs": [items[id(r)] for r in g.items]}
                    for g in s.groups
                ],
            }
            for s in subjects
        ],
    }


def _with_source(sentence: str, source: str) -> str:
    """'… by 11 April 2026 (para. 49, line 227).'"""
    if not sentence or not source:
        return sentence
    return f"{sentence.rstrip('.')} ({source})."
