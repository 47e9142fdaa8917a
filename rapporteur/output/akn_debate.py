"""The Akoma Ntoso `debate` of a dialogue: its preface, debate body and proprietary block.

The dialogue becomes:

    <akomaNtoso>
      <debate name="treatyBodyDialogue">
        <meta>
          <identification source="#rapporteur">  FRBRWork / FRBRExpression / FRBRManifestation
          <references source="#rapporteur">      TLCOrganization (rapporteur, committee, State,
                                                 delegation), TLCPerson (participants and
                                                 anonymous speakers), TLCRole (their roles)
          <proprietary source="#rapporteur">     rapporteur's own data: question status with
                                                 who decided it (source machine|person), its
                                                 confidence and needsCheck or the person's
                                                 decision and the tool's verdict, answers,
                                                 figures, commitments (namespace RAP_NS)
        <preface>                                title, committee, session, report symbol, date
        <debateBody>
          <debateSection name="questions" eId="dbsect_4">   one per section of the text
            <heading>Questions by Committee Experts</heading>
            <question by="#jasminka-dzumhur" as="#country-rapporteur" rap:line="47">
              <from>Jasminka Dzumhur</from>
              <p>… <span class="question unanswered needs-check" title="q001-5e274f">…</span> …</p>

Committee paragraphs in question sections are `question`s, delegation paragraphs in response
sections are `answer`s, every other paragraph with a speaker (presentation, concluding remarks)
is a `speech`, and paragraphs without a speaker are `narrative`s; the lead (the summary at the
top of a press release) is a section of `summary` elements. Every element taken from the text
carries `rap:line`, the 1-based line it starts on (foreign attributes are allowed by the
schema's `core` attribute group).

A status a person checked in the library (`status_source` "person") says so everywhere: the
span's class has `checked` instead of `needs-check`, the person is a `TLCPerson`
(`checker-<name>`, under `/akn/ontology/person/rapporteur-user/`), and `rap:question` has
`source="person"`, `checkedBy` (a reference to that TLCPerson), `checkedAt`, `machineStatus`
and `disagrees`, the note as `rap:note`, the passages the person chose as `rap:answer
source="person"` (no score) and the tool's own verdict as `rap:machine`.
"""

from __future__ import annotations

from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from . import certainty, digest
from .akn_common import (
    DEBATE_NAME,
    LINE,
    Ids,
    Refs,
    add,
    frbr_date,
    identification,
    node,
    preface_line,
    proponent,
    proprietary_review,
    rap,
    session,
    set_attrs,
    slug,
    xml_text,
)


def _preface(data: dict[str, Any], refs: Refs) -> etree._Element | None:
    review = data.get("review") or {}
    doc = data.get("document") or {}
    preface = node("preface")
    title = doc.get("title")
    if title:
        long_title = add(preface, "longTitle")
        p = add(long_title, "p")
        add(p, "docTitle", text=str(title))
    report = review.get("report") or {}
    date, date_name = frbr_date(review)
    preface_line(
        preface,
        [
            proponent(review, refs),
            session(review),
            node("docNumber", text=digest.report_text(data))
            if report.get("description") or report.get("symbol")
            else None,
            node("docDate", {"date": date}, date) if date_name == "review" else None,
        ],
    )
    return preface if len(preface) else None


def _mark_questions(
    p: etree._Element,
    text: str,
    questions: list[dict[str, Any]],
    parent_eid: str,
    spans: dict[str, str],
) -> None:
    """Put the paragraph text in `p`, each question unit wrapped in a <span>."""
    cursor = 0
    last: etree._Element | None = None
    p.text = ""
    n = 0
    for q in questions:
        qtext = str(q.get("text") or "")
        at = text.find(qtext, cursor) if qtext else -1
        if at < 0:
            continue
        before = xml_text(text[cursor:at])
        if last is None:
            p.text = (p.text or "") + before
        else:
            last.tail = (last.tail or "") + before
        n += 1
        eid = f"{parent_eid}__span_{n}"
        sure = certainty.of(q)
        mark = " checked" if sure.checked else " needs-check" if sure.needs_check else ""
        span = add(
            p,
            "span",
            {
                "eId": eid,
                "class": f"question {sure.status}{mark}",
                "title": xml_text(q.get("id") or ""),
            },
            qtext,
        )
        spans[str(q.get("id") or "")] = eid
        last = span
        cursor = at + len(qtext)
    rest = xml_text(text[cursor:])
    if last is None:
        p.text = (p.text or "") + rest
    else:
        last.tail = (last.tail or "") + rest


def _body(data: dict[str, Any], refs: Refs, spans: dict[str, str]) -> etree._Element:
    body = node("debateBody")
    secs = [s for s in digest.sections(data) if s.kind not in {"chrome", "boilerplate"}]
    raw_sections = list(data.get("sections") or [])
    headings = {s.get("heading_line") for s in raw_sections if s.get("heading_line")}
    turns = {t.get("line"): t for t in data.get("turns") or []}
    paragraphs = list(data.get("paragraphs") or [])
    questions = list(data.get("questions") or [])
    title = (data.get("document") or {}).get("title")
    title_line = next(
        (
            s.get("heading_line")
            for s in raw_sections
            if s.get("kind") == "lead" and title and s.get("heading") == title
        ),
        None,
    )

    n = 0
    for sec in secs:
        raw = raw_sections[sec.index]
        heading = raw.get("heading") if raw.get("heading_line") != title_line else None
        mine_paras = [
            para
            for para in paragraphs
            if isinstance(para.get("line"), int)
            and sec.first_line <= para["line"] <= sec.last_line
            and para["line"] not in headings
        ]
        if not heading and not mine_paras:
            continue  # e.g. the headline, which is the preface's longTitle
        n += 1
        sec_eid = refs.ids.take(f"dbsect_{n}")
        section = add(body, "debateSection", {"name": sec.kind, "eId": sec_eid})
        section.set(LINE, str(sec.first_line))
        if heading:
            add(section, "heading", text=str(heading))
        counters: dict[str, int] = {}
        for para in mine_paras:
            line = para["line"]
            text = str(para.get("text") or "")
            turn = turns.get(line)
            if sec.kind == "lead":
                tag = "summary"
            elif turn is None or not turn.get("speaker"):
                tag = "narrative"
            elif sec.kind == "questions" and turn.get("side") == "committee":
                tag = "question"
            elif sec.kind == "responses" and turn.get("side") == "delegation":
                tag = "answer"
            else:
                tag = "speech"
            counters[tag] = counters.get(tag, 0) + 1
            eid = refs.ids.take(f"{sec_eid}__{tag}_{counters[tag]}")
            if tag in {"summary", "narrative"}:
                el = add(section, tag, {"eId": eid}, text)
                el.set(LINE, str(line))
                continue
            assert turn is not None
            by, as_ = refs.speaker(turn)
            attrib = {"eId": eid, "by": f"#{by}"}
            if as_:
                attrib["as"] = f"#{as_}"
            el = add(section, tag, attrib)
            el.set(LINE, str(line))
            add(el, "from", text=str(turn.get("speaker")))
            last_line = para.get("last_line") if isinstance(para.get("last_line"), int) else line
            mine = [
                q
                for q in questions
                if isinstance(q.get("line"), int) and line <= q["line"] <= last_line
            ]
            p_eid = refs.ids.take(f"{eid}__p_1")
            p = add(el, "p", {"eId": p_eid})
            _mark_questions(p, text, mine, p_eid, spans)
    if not len(body):
        # the schema wants at least one section: say that nothing was recognised
        empty = add(body, "debateSection", {"name": "empty", "eId": refs.ids.take("dbsect_1")})
        add(empty, "narrative", text="No dialogue was recognised in this document.")
    return body


def _checkers(data: dict[str, Any], refs: Refs) -> dict[str, str]:
    """A TLCPerson for every person who checked a status: name -> eId."""
    out: dict[str, str] = {}
    for q in data.get("questions") or []:
        name = certainty.of(q).by
        if name is None or name in out:
            continue
        key = slug(name, "person")
        out[name] = refs.ids.take(f"checker-{key}")
        href = f"/akn/ontology/person/rapporteur-user/{key}"
        refs.extra.append(("TLCPerson", out[name], href, name))
    return out


def _question(
    root: etree._Element, q: dict[str, Any], spans: dict[str, str], checkers: dict[str, str]
) -> None:
    """One `rap:question`: the status and who decided it, then the passages."""
    qe = etree.SubElement(root, rap("question"))
    qid = str(q.get("id") or "")
    sure = certainty.of(q)
    set_attrs(
        qe,
        id=qid,
        href=f"#{spans[qid]}" if qid in spans else None,
        line=q.get("line"),
        kind=q.get("kind"),
        asker=q.get("asker"),
        participant=q.get("participant"),
        status=sure.status,
        source=sure.source,
        confidence=sure.confidence,
        needsCheck=sure.needs_check,
        checkedBy=f"#{checkers[sure.by]}" if sure.by in checkers else None,
        checkedAt=sure.at,
        machineStatus=sure.machine_status if sure.checked else None,
        disagrees=sure.disagrees if sure.checked else None,
        reason=q.get("status_reason"),
        themes=list(q.get("themes") or []),
    )
    if sure.note:
        etree.SubElement(qe, rap("note")).text = xml_text(sure.note)
    chosen = sure.check is not None and sure.check.chose_evidence
    for a in q.get("answers") or []:
        ae = etree.SubElement(qe, rap("answer"))
        if chosen:
            set_attrs(ae, line=a.get("line"), source="person")
        else:
            set_attrs(ae, line=a.get("line"), score=a.get("score"))
        ae.text = xml_text(a.get("text") or "")
    if sure.machine is not None:
        tool = q.get("machine") or {}
        me = etree.SubElement(qe, rap("machine"))
        set_attrs(
            me,
            status=sure.machine.status,
            confidence=sure.machine.confidence,
            needsCheck=sure.machine.needs_check,
            reason=tool.get("status_reason"),
        )
        for a in tool.get("answers") or []:
            ae = etree.SubElement(me, rap("answer"))
            set_attrs(ae, line=a.get("line"), score=a.get("score"))
            ae.text = xml_text(a.get("text") or "")


def _proprietary(
    data: dict[str, Any], spans: dict[str, str], checkers: dict[str, str]
) -> etree._Element:
    prop, root = proprietary_review(data, isDialogue=data.get("is_dialogue"))
    for q in data.get("questions") or []:
        _question(root, q, spans, checkers)
    for i, f in enumerate(data.get("figures") or [], start=1):
        fe = etree.SubElement(root, rap("figure"))
        set_attrs(
            fe,
            n=i,
            line=f.get("line"),
            value=f.get("value"),
            min=f.get("value_min"),
            max=f.get("value_max"),
            qualifier=f.get("qualifier"),
            unit=f.get("unit"),
            subject=f.get("subject"),
            period=f.get("period"),
            side=f.get("side"),
            speaker=f.get("speaker"),
        )
        fe.text = xml_text(f.get("mention") or "")
    for inc in data.get("inconsistencies") or []:
        ie = etree.SubElement(root, rap("inconsistency"))
        a, b = inc.get("a"), inc.get("b")
        set_attrs(
            ie,
            a=a + 1 if isinstance(a, int) else None,
            b=b + 1 if isinstance(b, int) else None,
            severity=inc.get("severity"),
        )
        ie.text = xml_text(inc.get("reason") or "")
    for c in data.get("commitments") or []:
        ce = etree.SubElement(root, rap("commitment"))
        set_attrs(
            ce, line=c.get("line"), kind=c.get("kind"), side=c.get("side"), speaker=c.get("speaker")
        )
        ce.text = xml_text(c.get("text") or "")
    return prop


def build_debate(data: dict[str, Any], language: str = "eng") -> etree._Element:
    """The <akomaNtoso> element of a dialogue: a `debate` with one debateSection per section
    of the text."""
    ids = Ids()
    refs = Refs(data, ids)
    spans: dict[str, str] = {}
    body = _body(data, refs, spans)  # first: it registers anonymous speakers and roles
    checkers = _checkers(data, refs)
    root = node("akomaNtoso")
    debate = add(root, "debate", {"name": DEBATE_NAME})
    meta = add(debate, "meta")
    meta.append(identification(data, refs, language))
    meta.append(refs.element())
    meta.append(_proprietary(data, spans, checkers))
    preface = _preface(data, refs)
    if preface is not None:
        debate.append(preface)
    debate.append(body)
    return root
