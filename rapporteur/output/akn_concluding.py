"""The Akoma Ntoso `doc` of concluding observations: one hcontainer per subject, one
paragraph per numbered recommendation, workflow, analysis and proprietary blocks.

Concluding observations (`build_concluding`) become a `<doc name="concludingObservations">`:
the work is `/akn/un/doc/<committee>/<date>/<symbol>`; the preface gives the title, committee,
symbol, session and adoption date; the mainBody holds one `hcontainer name="subject"` per
subject heading, and in it one `paragraph` per numbered recommendation (`num`, its `heading`)
with either its `content` or its lead-in (`intro`) and one `point` per lettered item. Every
recommendation's eId is its paragraph and letter (`para_10__point_a`, `para_8`); a follow-up
item has `refersTo="#followUpReport"` and class "follow-up"; a repeated one class "reiterates"
and, in `analysis/otherReferences`, an `implicitReference` from its eId to the earlier
paragraph (`activeRef` in the references names the earlier document). `workflow` steps date
the adoption, the follow-up report and the next report; rap:recommendation elements in the
proprietary block keep every JSON field (articles, themes, linked question ids).
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from . import recommendations as co
from .akn_common import (
    LINE,
    Ids,
    Refs,
    add,
    frbr_date,
    frbr_uris,
    identification,
    node,
    preface_line,
    proponent,
    proprietary_review,
    rap,
    review_number,
    session,
    set_attrs,
    slug,
    xml_text,
)

CO_NAME = "concludingObservations"
FOLLOW_UP_EVENT = "followUpReport"
NEXT_REPORT_EVENT = "nextReport"
ADOPTION_EVENT = "adoption"


def _co_number(data: dict[str, Any]) -> str:
    sym = co.symbol(data)
    return slug(sym) if sym else review_number(data)


def _co_title(data: dict[str, Any]) -> str:
    """'Concluding observations on the second periodic report of Ardenia'."""
    review = data.get("review") or {}
    report = (review.get("report") or {}).get("description")
    state = (review.get("state_party") or {}).get("name")
    text = "Concluding observations"
    if report:
        text += f" on the {report}"
    if state:
        text += f" of {state}" if report else f" on {state}"
    return text


def _previous_href(data: dict[str, Any], symbol: str | None, paragraph: Any) -> str:
    """Where a repeated recommendation lives. Its document's date is not in this text, so the
    work is named by committee and symbol: /akn/un/doc/cmw/cmw-c-ard-co-1/!main#para_19."""
    author = slug(str((data.get("review") or {}).get("committee") or "treaty-body"))
    doc = slug(symbol) if symbol else "previous-observations"
    anchor = f"#para_{paragraph}" if isinstance(paragraph, int) else ""
    return f"/akn/un/doc/{author}/{doc}/!main{anchor}"


def _co_preface(data: dict[str, Any], refs: Refs) -> etree._Element:
    review = data.get("review") or {}
    preface = node("preface")
    long_title = add(preface, "longTitle")
    add(add(long_title, "p"), "docTitle", text=_co_title(data))
    date, date_name = frbr_date(review)
    preface_line(
        preface,
        [
            proponent(review, refs),
            node("docNumber", text=co.symbol(data)) if co.symbol(data) else None,
            session(review),
            node("docDate", {"date": date}, f"adopted {co.long_date(date)}")
            if date_name == "review"
            else None,
        ],
    )
    return preface


def _recommendation_attrs(rec: dict[str, Any], eid: str) -> dict[str, str]:
    attrib = {"eId": eid, "class": "recommendation"}
    if rec.get("follow_up"):
        attrib["class"] += " follow-up"
        attrib["refersTo"] = f"#{FOLLOW_UP_EVENT}"
    if isinstance(rec.get("reiterates"), dict):
        attrib["class"] += " reiterates"
    return attrib


def _co_body(data: dict[str, Any], ids: Ids, eids: dict[str, str]) -> etree._Element:
    """Subjects as hcontainers; each recommendation paragraph (num and heading) holds either
    its text or its lead-in and lettered points. `eids` maps each recommendation id to its
    eId (para_10__point_a)."""
    body = node("mainBody")
    recs = co.recommendations(data)
    for n, subject in enumerate(co.by_subject(recs), start=1):
        sub_eid = ids.take(f"hcontainer_{n}")
        container = add(body, "hcontainer", {"name": "subject", "eId": sub_eid})
        add(container, "heading", text=subject.name)
        for group in subject.groups:
            paragraphs: dict[Any, list[dict[str, Any]]] = {}
            for r in group.items:
                paragraphs.setdefault(r.get("paragraph"), []).append(r)
            for number, items in paragraphs.items():
                first = items[0]
                lettered = [r for r in items if r.get("letter")]
                para_eid = ids.take(f"para_{number}" if isinstance(number, int) else "para")
                if lettered and len(lettered) == len(items):
                    para = add(container, "paragraph", {"eId": para_eid})
                    para.set(LINE, str(first.get("line")))
                    if isinstance(number, int):
                        add(para, "num", text=f"{number}.")
                    if group.heading:
                        add(para, "heading", text=group.heading)
                    if first.get("lead_in"):
                        intro = add(para, "intro", {"eId": ids.take(f"{para_eid}__intro")})
                        add(intro, "p", text=str(first["lead_in"]))
                    for r in items:
                        eid = ids.take(f"{para_eid}__point_{slug(str(r['letter']))}")
                        eids[str(r.get("id") or eid)] = eid
                        point = add(para, "point", _recommendation_attrs(r, eid))
                        point.set(LINE, str(r.get("line")))
                        add(point, "num", text=f"({r['letter']})")
                        content = add(point, "content", {"eId": ids.take(f"{eid}__content")})
                        add(content, "p", text=co.action(r))
                else:
                    for k, r in enumerate(items):
                        eid = para_eid if k == 0 else ids.take(f"para_{number}")
                        eids[str(r.get("id") or eid)] = eid
                        para = add(container, "paragraph", _recommendation_attrs(r, eid))
                        para.set(LINE, str(r.get("line")))
                        if isinstance(number, int):
                            add(para, "num", text=f"{number}.")
                        if group.heading:
                            add(para, "heading", text=group.heading)
                        content = add(para, "content", {"eId": ids.take(f"{eid}__content")})
                        add(content, "p", text=co.action(r))
    if not len(body):
        add(body, "p", text="No recommendations were recognised in this document.")
    return body


def _co_workflow(data: dict[str, Any], refs: Refs) -> etree._Element | None:
    """Dated steps: adoption, the follow-up report due, the next report due."""
    review = data.get("review") or {}
    steps: list[tuple[str, str]] = []
    date, date_name = frbr_date(review)
    if date_name == "review":
        steps.append((date, ADOPTION_EVENT))
    for value, event in (
        (co.follow_up(data).get("due"), FOLLOW_UP_EVENT),
        (co.next_report(data).get("due"), NEXT_REPORT_EVENT),
    ):
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            steps.append((value, event))
    if not steps:
        return None
    flow = node("workflow", {"source": "#rapporteur"})
    for when, event in steps:
        # the Committee adopts; the State party is to report
        actor = refs.committee if event == ADOPTION_EVENT else refs.state or refs.committee
        add(flow, "step", {"date": when, "by": f"#{actor}", "refersTo": f"#{event}"})
    return flow


def _co_events(data: dict[str, Any], refs: Refs) -> None:
    """TLCEvents the paragraphs and workflow steps refer to, and the repeated documents."""
    review = data.get("review") or {}
    if frbr_date(review)[1] == "review":
        refs.extra.append(
            (
                "TLCEvent",
                refs.ids.take(ADOPTION_EVENT),
                "/akn/ontology/event/un/adoption",
                "Adoption of the concluding observations",
            )
        )
    fu = co.follow_up(data)
    if fu or any(r.get("follow_up") for r in co.recommendations(data)):
        when = co.follow_up_when(data)
        refs.extra.append(
            (
                "TLCEvent",
                refs.ids.take(FOLLOW_UP_EVENT),
                "/akn/ontology/event/un/followUpReport",
                "Follow-up report" + (f" due {when}" if when else ""),
            )
        )
    if co.next_report(data):
        refs.extra.append(
            (
                "TLCEvent",
                refs.ids.take(NEXT_REPORT_EVENT),
                "/akn/ontology/event/un/nextPeriodicReport",
                "Next report: " + co.next_report_text(data),
            )
        )
    seen: set[str] = set()
    for r in co.recommendations(data):
        reit = r.get("reiterates")
        if isinstance(reit, dict) and reit.get("symbol") and str(reit["symbol"]) not in seen:
            sym = str(reit["symbol"])
            seen.add(sym)
            refs.extra.append(
                (
                    "activeRef",
                    refs.ids.take(f"ref-{slug(sym)}"),
                    _previous_href(data, sym, None),
                    sym,
                )
            )


def _co_analysis(data: dict[str, Any], eids: dict[str, str]) -> etree._Element | None:
    """Each repeated recommendation's earlier one, as an implicit reference from its eId."""
    others = node("otherReferences", {"source": "#rapporteur"})
    for r in co.recommendations(data):
        reit = r.get("reiterates")
        rid = str(r.get("id") or "")
        if not isinstance(reit, dict) or rid not in eids:
            continue
        show = co.reiterates_text(r).removeprefix("repeats ")
        add(
            others,
            "implicitReference",
            {
                "for": f"#{eids[rid]}",
                "href": _previous_href(data, reit.get("symbol"), reit.get("paragraph")),
                "showAs": xml_text(show),
            },
        )
    if not len(others):
        return None
    analysis = node("analysis", {"source": "#rapporteur"})
    analysis.append(others)
    return analysis


def _co_proprietary(data: dict[str, Any], eids: dict[str, str]) -> etree._Element:
    doc = data.get("document") or {}
    prop, root = proprietary_review(data, kind=doc.get("kind"), symbol=doc.get("symbol"))
    fu = co.follow_up(data)
    if fu:
        set_attrs(
            etree.SubElement(root, rap("followUp")),
            line=fu.get("line"),
            paragraph=fu.get("paragraph"),
            within=fu.get("within"),
            due=fu.get("due"),
        )
    nr = co.next_report(data)
    if nr:
        ne = etree.SubElement(root, rap("nextReport"))
        set_attrs(ne, line=nr.get("line"), due=nr.get("due"))
        ne.text = xml_text(nr.get("description") or "")
    last_concern = None
    for r in co.recommendations(data):
        rid = str(r.get("id") or "")
        reit = r.get("reiterates") if isinstance(r.get("reiterates"), dict) else {}
        re_ = etree.SubElement(root, rap("recommendation"))
        set_attrs(
            re_,
            id=rid,
            href=f"#{eids[rid]}" if rid in eids else None,
            line=r.get("line"),
            paragraph=r.get("paragraph"),
            letter=r.get("letter"),
            followUp=bool(r.get("follow_up")),
            followUpDue=co.follow_up_due(data, r),
            reiteratesSymbol=(reit or {}).get("symbol"),
            reiteratesParagraph=(reit or {}).get("paragraph"),
            articles=list(r.get("articles") or []),
            themes=list(r.get("themes") or []),
            questions=list(r.get("questions") or []),
        )
        if r.get("concern") and r["concern"] != last_concern:
            # the items of one paragraph share its concern: written once, on the first
            ce = etree.SubElement(re_, rap("concern"))
            ce.text = xml_text(r["concern"])
        last_concern = r.get("concern")
    return prop


def build_concluding(data: dict[str, Any], language: str = "eng") -> etree._Element:
    """The <akomaNtoso> element of concluding observations: a `doc` named
    concludingObservations whose mainBody holds one hcontainer per subject, one paragraph
    per numbered recommendation and one point per lettered item."""
    ids = Ids()
    refs = Refs(data, ids, delegation=False)
    eids: dict[str, str] = {}
    body = _co_body(data, ids, eids)
    _co_events(data, refs)
    number = _co_number(data)
    root = node("akomaNtoso")
    doc = add(root, "doc", {"name": CO_NAME})
    meta = add(doc, "meta")
    meta.append(
        identification(
            data,
            refs,
            language,
            uris=frbr_uris(data, language, "doc", number),
            subtype=CO_NAME,
            number=number,
            title=_co_title(data),
        )
    )
    flow = _co_workflow(data, refs)
    if flow is not None:
        meta.append(flow)
    analysis = _co_analysis(data, eids)
    if analysis is not None:
        meta.append(analysis)
    meta.append(refs.element())
    meta.append(_co_proprietary(data, eids))
    doc.append(_co_preface(data, refs))
    doc.append(body)
    return root
