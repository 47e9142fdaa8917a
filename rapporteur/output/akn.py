"""Akoma Ntoso 3.0 documents (OASIS LegalDocML) from a rapporteur/review@1 object: a dialogue
is a `debate`, concluding observations a `doc` (see below).

The dialogue becomes:

    <akomaNtoso>
      <debate name="treatyBodyDialogue">
        <meta>
          <identification source="#rapporteur">  FRBRWork / FRBRExpression / FRBRManifestation
          <references source="#rapporteur">      TLCOrganization (rapporteur, committee, State,
                                                 delegation), TLCPerson (participants and
                                                 anonymous speakers), TLCRole (their roles)
          <proprietary source="#rapporteur">     rapporteur's own data: question status with
                                                 its confidence and needsCheck, answers,
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

FRBR: the work is `/akn/un/debate/<committee>/<date>/<number>` (country "un": the author is a
UN treaty body, as in the AKN4UN naming convention), the expression adds the language (`eng@`)
and the manifestation `.akn`. `<date>` is the review date, else 1 January of the review year
(FRBRdate name "year"), else 0001-01-01 (name "unknown"); `<number>` is the press-release code,
else the State code and report numbers, else the first 12 hex digits of the source SHA-256.

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

`validate()` checks a document against the OASIS XSD. The XSD is not shipped with rapporteur
(see docs/exports.md for where to get it); it is looked up in `schema`, then
$RAPPORTEUR_AKN_SCHEMA, then `../shared/schemas/akomantoso30/akomantoso30.xsd`.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from ..errors import ExportError
from . import certainty, digest
from . import recommendations as co

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
RAP_NS = "urn:rapporteur:akn:1"
SCHEMA_ENV = "RAPPORTEUR_AKN_SCHEMA"
SCHEMA_NAME = "akomantoso30.xsd"
SCHEMA_URL = "https://docs.oasis-open.org/legaldocml/akn-core/v1.0/cs01/part2-specs/schemas/"
DEBATE_NAME = "treatyBodyDialogue"
_NSMAP = {None: AKN_NS, "rap": RAP_NS}
_LINE = f"{{{RAP_NS}}}line"
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_DELEGATION_LABELS = {"the delegation", "delegation", "a delegate", "the delegate"}


def _el(tag: str, attrib: dict[str, str] | None = None, text: str | None = None) -> etree._Element:
    el = etree.Element(f"{{{AKN_NS}}}{tag}", nsmap=_NSMAP)
    for k, v in (attrib or {}).items():
        el.set(k, v)
    if text is not None:
        el.text = _clean(text)
    return el


def _sub(
    parent: etree._Element, tag: str, attrib: dict[str, str] | None = None, text: str | None = None
) -> etree._Element:
    el = _el(tag, attrib, text)
    parent.append(el)
    return el


def _clean(text: Any) -> str:
    """Text that XML 1.0 can hold (control characters dropped)."""
    return _XML_INVALID.sub("", str(text))


def slug(text: str, fallback: str = "x") -> str:
    """An ASCII token usable in an eId and a URI: 'Can Ünver' -> 'can-unver'."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return out or fallback


class _Ids:
    """Hands out eIds that are unique in the document (the XSD enforces it)."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, wanted: str) -> str:
        eid, n = wanted, 2
        while eid in self.used:
            eid, n = f"{wanted}-{n}", n + 1
        self.used.add(eid)
        return eid


# ---------------------------------------------------------------- identification


def _frbr_date(review: dict[str, Any]) -> tuple[str, str]:
    date = review.get("date")
    if isinstance(date, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return date, "review"
    year = review.get("year")
    if isinstance(year, int) and 1 <= year <= 9999:
        return f"{year:04d}-01-01", "year"
    return "0001-01-01", "unknown"


def _number(data: dict[str, Any]) -> str:
    review = data.get("review") or {}
    if review.get("release_code"):
        return slug(str(review["release_code"]))
    iso3 = (review.get("state_party") or {}).get("iso3")
    numbers = (review.get("report") or {}).get("numbers") or []
    if iso3:
        return slug("-".join([str(iso3), *(str(n) for n in numbers)]))
    sha = str((data.get("document") or {}).get("sha256") or "")
    return sha[:12] or "review"


def _uris(
    data: dict[str, Any], language: str, doc_type: str = "debate", number: str | None = None
) -> dict[str, str]:
    review = data.get("review") or {}
    date, _ = _frbr_date(review)
    author = slug(str(review.get("committee") or "treaty-body"))
    work = f"/akn/un/{doc_type}/{author}/{date}/{number or _number(data)}"
    expr = f"{work}/{language}@"
    return {
        "work": work,
        "work_this": f"{work}/!main",
        "expr": expr,
        "expr_this": f"{expr}/!main",
        "manif": f"{expr}.akn",
        "manif_this": f"{expr}/!main.xml",
    }


def _identification(
    data: dict[str, Any],
    refs: _Refs,
    language: str,
    *,
    uris: dict[str, str] | None = None,
    subtype: str = DEBATE_NAME,
    number: str | None = None,
    title: str | None = None,
) -> etree._Element:
    review = data.get("review") or {}
    date, date_name = _frbr_date(review)
    uris = uris or _uris(data, language)
    ident = _el("identification", {"source": "#rapporteur"})

    work = _sub(ident, "FRBRWork")
    _sub(work, "FRBRthis", {"value": uris["work_this"]})
    _sub(work, "FRBRuri", {"value": uris["work"]})
    _sub(work, "FRBRdate", {"date": date, "name": date_name})
    _sub(work, "FRBRauthor", {"href": f"#{refs.committee}"})
    _sub(work, "FRBRcountry", {"value": "un"})
    _sub(work, "FRBRsubtype", {"value": subtype})
    _sub(work, "FRBRnumber", {"value": number or _number(data)})
    _sub(work, "FRBRname", {"value": _clean(title or digest.review_title(data))})

    expr = _sub(ident, "FRBRExpression")
    _sub(expr, "FRBRthis", {"value": uris["expr_this"]})
    _sub(expr, "FRBRuri", {"value": uris["expr"]})
    _sub(expr, "FRBRdate", {"date": date, "name": date_name})
    _sub(expr, "FRBRauthor", {"href": f"#{refs.committee}"})
    _sub(expr, "FRBRlanguage", {"language": language})

    manif = _sub(ident, "FRBRManifestation")
    _sub(manif, "FRBRthis", {"value": uris["manif_this"]})
    _sub(manif, "FRBRuri", {"value": uris["manif"]})
    _sub(manif, "FRBRdate", {"date": date, "name": "source"})
    _sub(manif, "FRBRauthor", {"href": "#rapporteur"})
    _sub(manif, "FRBRformat", {"value": "application/akn+xml"})
    return ident


# ---------------------------------------------------------------- references


class _Refs:
    """TLC references, and the `by` / `as` of every speaker label."""

    def __init__(self, data: dict[str, Any], ids: _Ids, *, delegation: bool = True) -> None:
        self.ids = ids
        self.orgs: list[tuple[str, str, str]] = []  # eId, href, showAs
        self.people: list[tuple[str, str, str]] = []
        self.roles: dict[str, tuple[str, str, str]] = {}
        review = data.get("review") or {}
        analyzer = data.get("analyzer") or {}

        self.rapporteur = self._org(
            "rapporteur",
            "/akn/ontology/organization/rapporteur",
            " ".join(
                str(v) for v in (analyzer.get("name") or "rapporteur", analyzer.get("version")) if v
            ),
        )
        acronym = str(review.get("committee") or "")
        self.committee = self._org(
            slug(acronym, "committee") if acronym else "committee",
            f"/akn/ontology/organization/un/{slug(acronym, 'treaty-body')}",
            str(review.get("committee_name") or acronym or "Treaty body"),
        )
        state = review.get("state_party") or {}
        self.state: str | None = None
        if state.get("name"):
            code = slug(str(state.get("iso3") or state["name"]))
            self.state = self._org(
                slug(str(state["name"]), "state-party"),
                f"/akn/ontology/organization/{code}/state",
                str(state["name"]),
            )
        self.delegation = ""
        if delegation:  # concluding observations have no delegation speaking
            self.delegation = self._org(
                "delegation",
                f"/akn/ontology/organization/{slug(str(state.get('iso3') or 'state'))}/delegation",
                f"Delegation of {state['name']}" if state.get("name") else "The delegation",
            )
        self.extra: list[tuple[str, str, str, str]] = []  # tag, eId, href, showAs

        self.participant: dict[str, str] = {}
        self.participant_role: dict[str, str] = {}
        for p in data.get("participants") or []:
            pid = str(p.get("id") or slug(str(p.get("name") or "person")))
            eid = self._person(
                slug(pid, "person"),
                f"/akn/ontology/person/{slug(pid, 'person')}",
                str(p.get("name") or pid),
            )
            self.participant[pid] = eid
            roles = [self.role(str(r)) for r in p.get("roles") or [] if r]
            if roles:
                # the most specific role names the capacity in which a person speaks
                self.participant_role[pid] = roles[-1]
        self.labels: dict[str, str] = {}

    def _org(self, wanted: str, href: str, show: str) -> str:
        eid = self.ids.take(wanted)
        self.orgs.append((eid, href, show))
        return eid

    def _person(self, wanted: str, href: str, show: str) -> str:
        eid = self.ids.take(wanted)
        self.people.append((eid, href, show))
        return eid

    def role(self, name: str) -> str:
        key = slug(name, "role")
        if key not in self.roles:
            eid = self.ids.take(key)
            self.roles[key] = (eid, f"/akn/ontology/role/{key}", name)
        return self.roles[key][0]

    def speaker(self, turn: dict[str, Any]) -> tuple[str, str | None]:
        """(`by`, `as`) for a turn: a participant, the delegation, the committee or a label."""
        pid = turn.get("participant")
        if pid and pid in self.participant:
            return self.participant[pid], self.participant_role.get(pid)
        label = str(turn.get("speaker") or "")
        folded = label.strip().lower()
        side = turn.get("side")
        if folded in _DELEGATION_LABELS or (side == "delegation" and "delegation" in folded):
            return self.delegation, None
        if folded in {"the committee", "committee"}:
            return self.committee, None
        if label not in self.labels:
            self.labels[label] = self._person(
                f"speaker-{slug(label, 'unnamed')}",
                f"/akn/ontology/person/anonymous/{slug(label, 'unnamed')}",
                label or "Unnamed speaker",
            )
        role = self.role("Committee Expert") if side == "committee" else None
        return self.labels[label], role

    def element(self) -> etree._Element:
        refs = _el("references", {"source": "#rapporteur"})
        for eid, href, show in self.orgs:
            _sub(refs, "TLCOrganization", {"eId": eid, "href": href, "showAs": _clean(show)})
        for eid, href, show in self.people:
            _sub(refs, "TLCPerson", {"eId": eid, "href": href, "showAs": _clean(show)})
        for eid, href, show in self.roles.values():
            _sub(refs, "TLCRole", {"eId": eid, "href": href, "showAs": _clean(show)})
        for tag, eid, href, show in self.extra:
            _sub(refs, tag, {"eId": eid, "href": href, "showAs": _clean(show)})
        return refs


# ---------------------------------------------------------------- body


def _preface(data: dict[str, Any], refs: _Refs) -> etree._Element | None:
    review = data.get("review") or {}
    doc = data.get("document") or {}
    preface = _el("preface")
    title = doc.get("title")
    if title:
        long_title = _sub(preface, "longTitle")
        p = _sub(long_title, "p")
        _sub(p, "docTitle", text=str(title))
    p = _el("p")
    parts: list[etree._Element] = []
    if review.get("committee_name") or review.get("committee"):
        parts.append(
            _el(
                "docProponent",
                {"refersTo": f"#{refs.committee}"},
                str(review.get("committee_name") or review.get("committee")),
            )
        )
    if review.get("session"):
        parts.append(
            _el("session", {"value": str(review["session"])}, f"session {review['session']}")
        )
    report = review.get("report") or {}
    if report.get("description") or report.get("symbol"):
        parts.append(_el("docNumber", text=digest.report_text(data)))
    date, date_name = _frbr_date(review)
    if date_name == "review":
        parts.append(_el("docDate", {"date": date}, date))
    for i, part in enumerate(parts):
        if i:
            parts[i - 1].tail = ", "
        p.append(part)
    if parts:
        preface.append(p)
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
        before = _clean(text[cursor:at])
        if last is None:
            p.text = (p.text or "") + before
        else:
            last.tail = (last.tail or "") + before
        n += 1
        eid = f"{parent_eid}__span_{n}"
        span = _sub(
            p,
            "span",
            {
                "eId": eid,
                "class": f"question {digest.status_of(q)}"
                + (" needs-check" if certainty.needs_check(q) else ""),
                "title": _clean(q.get("id") or ""),
            },
            qtext,
        )
        spans[str(q.get("id") or "")] = eid
        last = span
        cursor = at + len(qtext)
    rest = _clean(text[cursor:])
    if last is None:
        p.text = (p.text or "") + rest
    else:
        last.tail = (last.tail or "") + rest


def _body(data: dict[str, Any], refs: _Refs, spans: dict[str, str]) -> etree._Element:
    body = _el("debateBody")
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
        section = _sub(body, "debateSection", {"name": sec.kind, "eId": sec_eid})
        section.set(_LINE, str(sec.first_line))
        if heading:
            _sub(section, "heading", text=str(heading))
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
                el = _sub(section, tag, {"eId": eid}, text)
                el.set(_LINE, str(line))
                continue
            assert turn is not None
            by, as_ = refs.speaker(turn)
            attrib = {"eId": eid, "by": f"#{by}"}
            if as_:
                attrib["as"] = f"#{as_}"
            el = _sub(section, tag, attrib)
            el.set(_LINE, str(line))
            _sub(el, "from", text=str(turn.get("speaker")))
            last_line = para.get("last_line") if isinstance(para.get("last_line"), int) else line
            mine = [
                q
                for q in questions
                if isinstance(q.get("line"), int) and line <= q["line"] <= last_line
            ]
            p_eid = refs.ids.take(f"{eid}__p_1")
            p = _sub(el, "p", {"eId": p_eid})
            _mark_questions(p, text, mine, p_eid, spans)
    if not len(body):
        # the schema wants at least one section: say that nothing was recognised
        empty = _sub(body, "debateSection", {"name": "empty", "eId": refs.ids.take("dbsect_1")})
        _sub(empty, "narrative", text="No dialogue was recognised in this document.")
    return body


# ---------------------------------------------------------------- proprietary


def _r(tag: str) -> str:
    return f"{{{RAP_NS}}}{tag}"


def _attrs(el: etree._Element, **values: Any) -> None:
    for k, v in values.items():
        if v is None or v == "" or v == []:
            continue
        if isinstance(v, bool):
            v = "true" if v else "false"
        elif isinstance(v, list | tuple):
            v = " ".join(str(x) for x in v)
        el.set(k, _clean(v))


def _proprietary(data: dict[str, Any], spans: dict[str, str]) -> etree._Element:
    prop = _el("proprietary", {"source": "#rapporteur"})
    root = etree.SubElement(prop, _r("review"), nsmap={"rap": RAP_NS})
    doc = data.get("document") or {}
    _attrs(root, schema=data.get("schema"), isDialogue=data.get("is_dialogue"))
    src = etree.SubElement(root, _r("source"))
    _attrs(
        src,
        origin=doc.get("origin"),
        format=doc.get("format"),
        sha256=doc.get("sha256"),
        lines=doc.get("lines"),
    )
    for q in data.get("questions") or []:
        qe = etree.SubElement(root, _r("question"))
        qid = str(q.get("id") or "")
        _attrs(
            qe,
            id=qid,
            href=f"#{spans[qid]}" if qid in spans else None,
            line=q.get("line"),
            kind=q.get("kind"),
            asker=q.get("asker"),
            participant=q.get("participant"),
            status=digest.status_of(q),
            confidence=certainty.confidence_of(q),
            needsCheck=certainty.needs_check(q),
            reason=q.get("status_reason"),
            themes=list(q.get("themes") or []),
        )
        for a in q.get("answers") or []:
            ae = etree.SubElement(qe, _r("answer"))
            _attrs(ae, line=a.get("line"), score=a.get("score"))
            ae.text = _clean(a.get("text") or "")
    for i, f in enumerate(data.get("figures") or [], start=1):
        fe = etree.SubElement(root, _r("figure"))
        _attrs(
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
        fe.text = _clean(f.get("mention") or "")
    for inc in data.get("inconsistencies") or []:
        ie = etree.SubElement(root, _r("inconsistency"))
        a, b = inc.get("a"), inc.get("b")
        _attrs(
            ie,
            a=a + 1 if isinstance(a, int) else None,
            b=b + 1 if isinstance(b, int) else None,
            severity=inc.get("severity"),
        )
        ie.text = _clean(inc.get("reason") or "")
    for c in data.get("commitments") or []:
        ce = etree.SubElement(root, _r("commitment"))
        _attrs(
            ce, line=c.get("line"), kind=c.get("kind"), side=c.get("side"), speaker=c.get("speaker")
        )
        ce.text = _clean(c.get("text") or "")
    return prop


# ---------------------------------------------------------------- concluding observations

CO_NAME = "concludingObservations"
FOLLOW_UP_EVENT = "followUpReport"
NEXT_REPORT_EVENT = "nextReport"
ADOPTION_EVENT = "adoption"


def _co_number(data: dict[str, Any]) -> str:
    sym = co.symbol(data)
    return slug(sym) if sym else _number(data)


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


def _co_preface(data: dict[str, Any], refs: _Refs) -> etree._Element:
    review = data.get("review") or {}
    preface = _el("preface")
    long_title = _sub(preface, "longTitle")
    _sub(_sub(long_title, "p"), "docTitle", text=_co_title(data))
    p = _el("p")
    parts: list[etree._Element] = []
    if review.get("committee_name") or review.get("committee"):
        parts.append(
            _el(
                "docProponent",
                {"refersTo": f"#{refs.committee}"},
                str(review.get("committee_name") or review.get("committee")),
            )
        )
    if co.symbol(data):
        parts.append(_el("docNumber", text=co.symbol(data)))
    if review.get("session"):
        parts.append(
            _el("session", {"value": str(review["session"])}, f"session {review['session']}")
        )
    date, date_name = _frbr_date(review)
    if date_name == "review":
        parts.append(_el("docDate", {"date": date}, f"adopted {co.long_date(date)}"))
    for i, part in enumerate(parts):
        if i:
            parts[i - 1].tail = ", "
        p.append(part)
    if parts:
        preface.append(p)
    return preface


def _recommendation_attrs(rec: dict[str, Any], eid: str) -> dict[str, str]:
    attrib = {"eId": eid, "class": "recommendation"}
    if rec.get("follow_up"):
        attrib["class"] += " follow-up"
        attrib["refersTo"] = f"#{FOLLOW_UP_EVENT}"
    if isinstance(rec.get("reiterates"), dict):
        attrib["class"] += " reiterates"
    return attrib


def _co_body(data: dict[str, Any], ids: _Ids, eids: dict[str, str]) -> etree._Element:
    """Subjects as hcontainers; each recommendation paragraph (num and heading) holds either
    its text or its lead-in and lettered points. `eids` maps each recommendation id to its
    eId (para_10__point_a)."""
    body = _el("mainBody")
    recs = co.recommendations(data)
    for n, subject in enumerate(co.by_subject(recs), start=1):
        sub_eid = ids.take(f"hcontainer_{n}")
        container = _sub(body, "hcontainer", {"name": "subject", "eId": sub_eid})
        _sub(container, "heading", text=subject.name)
        for group in subject.groups:
            paragraphs: dict[Any, list[dict[str, Any]]] = {}
            for r in group.items:
                paragraphs.setdefault(r.get("paragraph"), []).append(r)
            for number, items in paragraphs.items():
                first = items[0]
                lettered = [r for r in items if r.get("letter")]
                para_eid = ids.take(f"para_{number}" if isinstance(number, int) else "para")
                if lettered and len(lettered) == len(items):
                    para = _sub(container, "paragraph", {"eId": para_eid})
                    para.set(_LINE, str(first.get("line")))
                    if isinstance(number, int):
                        _sub(para, "num", text=f"{number}.")
                    if group.heading:
                        _sub(para, "heading", text=group.heading)
                    if first.get("lead_in"):
                        intro = _sub(para, "intro", {"eId": ids.take(f"{para_eid}__intro")})
                        _sub(intro, "p", text=str(first["lead_in"]))
                    for r in items:
                        eid = ids.take(f"{para_eid}__point_{slug(str(r['letter']))}")
                        eids[str(r.get("id") or eid)] = eid
                        point = _sub(para, "point", _recommendation_attrs(r, eid))
                        point.set(_LINE, str(r.get("line")))
                        _sub(point, "num", text=f"({r['letter']})")
                        content = _sub(point, "content", {"eId": ids.take(f"{eid}__content")})
                        _sub(content, "p", text=co.action(r))
                else:
                    for k, r in enumerate(items):
                        eid = para_eid if k == 0 else ids.take(f"para_{number}")
                        eids[str(r.get("id") or eid)] = eid
                        para = _sub(container, "paragraph", _recommendation_attrs(r, eid))
                        para.set(_LINE, str(r.get("line")))
                        if isinstance(number, int):
                            _sub(para, "num", text=f"{number}.")
                        if group.heading:
                            _sub(para, "heading", text=group.heading)
                        content = _sub(para, "content", {"eId": ids.take(f"{eid}__content")})
                        _sub(content, "p", text=co.action(r))
    if not len(body):
        _sub(body, "p", text="No recommendations were recognised in this document.")
    return body


def _co_workflow(data: dict[str, Any], refs: _Refs) -> etree._Element | None:
    """Dated steps: adoption, the follow-up report due, the next report due."""
    review = data.get("review") or {}
    steps: list[tuple[str, str]] = []
    date, date_name = _frbr_date(review)
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
    flow = _el("workflow", {"source": "#rapporteur"})
    for when, event in steps:
        # the Committee adopts; the State party is to report
        actor = refs.committee if event == ADOPTION_EVENT else refs.state or refs.committee
        _sub(flow, "step", {"date": when, "by": f"#{actor}", "refersTo": f"#{event}"})
    return flow


def _co_events(data: dict[str, Any], refs: _Refs) -> None:
    """TLCEvents the paragraphs and workflow steps refer to, and the repeated documents."""
    review = data.get("review") or {}
    if _frbr_date(review)[1] == "review":
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
    others = _el("otherReferences", {"source": "#rapporteur"})
    for r in co.recommendations(data):
        reit = r.get("reiterates")
        rid = str(r.get("id") or "")
        if not isinstance(reit, dict) or rid not in eids:
            continue
        show = co.reiterates_text(r).removeprefix("repeats ")
        _sub(
            others,
            "implicitReference",
            {
                "for": f"#{eids[rid]}",
                "href": _previous_href(data, reit.get("symbol"), reit.get("paragraph")),
                "showAs": _clean(show),
            },
        )
    if not len(others):
        return None
    analysis = _el("analysis", {"source": "#rapporteur"})
    analysis.append(others)
    return analysis


def _co_proprietary(data: dict[str, Any], eids: dict[str, str]) -> etree._Element:
    prop = _el("proprietary", {"source": "#rapporteur"})
    root = etree.SubElement(prop, _r("review"), nsmap={"rap": RAP_NS})
    doc = data.get("document") or {}
    _attrs(root, schema=data.get("schema"), kind=doc.get("kind"), symbol=doc.get("symbol"))
    src = etree.SubElement(root, _r("source"))
    _attrs(
        src,
        origin=doc.get("origin"),
        format=doc.get("format"),
        sha256=doc.get("sha256"),
        lines=doc.get("lines"),
    )
    fu = co.follow_up(data)
    if fu:
        _attrs(
            etree.SubElement(root, _r("followUp")),
            line=fu.get("line"),
            paragraph=fu.get("paragraph"),
            within=fu.get("within"),
            due=fu.get("due"),
        )
    nr = co.next_report(data)
    if nr:
        ne = etree.SubElement(root, _r("nextReport"))
        _attrs(ne, line=nr.get("line"), due=nr.get("due"))
        ne.text = _clean(nr.get("description") or "")
    last_concern = None
    for r in co.recommendations(data):
        rid = str(r.get("id") or "")
        reit = r.get("reiterates") if isinstance(r.get("reiterates"), dict) else {}
        re_ = etree.SubElement(root, _r("recommendation"))
        _attrs(
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
            ce = etree.SubElement(re_, _r("concern"))
            ce.text = _clean(r["concern"])
        last_concern = r.get("concern")
    return prop


def build_concluding(data: dict[str, Any], language: str = "eng") -> etree._Element:
    """The <akomaNtoso> element of concluding observations: a `doc` named
    concludingObservations whose mainBody holds one hcontainer per subject, one paragraph
    per numbered recommendation and one point per lettered item."""
    ids = _Ids()
    refs = _Refs(data, ids, delegation=False)
    eids: dict[str, str] = {}
    body = _co_body(data, ids, eids)
    _co_events(data, refs)
    number = _co_number(data)
    root = _el("akomaNtoso")
    doc = _sub(root, "doc", {"name": CO_NAME})
    meta = _sub(doc, "meta")
    meta.append(
        _identification(
            data,
            refs,
            language,
            uris=_uris(data, language, "doc", number),
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


# ---------------------------------------------------------------- document


def build(data: dict[str, Any], language: str = "eng") -> etree._Element:
    """The <akomaNtoso> element for one review (a debate; concluding observations a doc)."""
    if co.is_concluding_observations(data):
        return build_concluding(data, language)
    ids = _Ids()
    refs = _Refs(data, ids)
    spans: dict[str, str] = {}
    body = _body(data, refs, spans)  # first: it registers anonymous speakers and roles
    root = _el("akomaNtoso")
    debate = _sub(root, "debate", {"name": DEBATE_NAME})
    meta = _sub(debate, "meta")
    meta.append(_identification(data, refs, language))
    meta.append(refs.element())
    meta.append(_proprietary(data, spans))
    preface = _preface(data, refs)
    if preface is not None:
        debate.append(preface)
    debate.append(body)
    return root


def to_xml(data: dict[str, Any], language: str = "eng") -> str:
    """The Akoma Ntoso document as UTF-8 XML text (deterministic)."""
    root = build(data, language)
    etree.cleanup_namespaces(root, top_nsmap=_NSMAP)
    raw: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return raw.decode("utf-8")


# ---------------------------------------------------------------- validation


def find_schema(schema: str | os.PathLike[str] | None = None) -> Path:
    """The OASIS XSD: `schema`, else $RAPPORTEUR_AKN_SCHEMA, else ../shared/schemas/…"""
    candidates: list[Path] = []
    if schema:
        candidates.append(Path(schema))
    elif os.environ.get(SCHEMA_ENV):
        candidates.append(Path(os.environ[SCHEMA_ENV]))
    else:
        here = Path(__file__).resolve()
        candidates += [
            Path(__file__).resolve().parent.parent / "data" / SCHEMA_NAME,
            Path.cwd().parent / "shared" / "schemas" / "akomantoso30" / SCHEMA_NAME,
            Path.cwd() / "schemas" / "akomantoso30" / SCHEMA_NAME,
            here.parents[3] / "shared" / "schemas" / "akomantoso30" / SCHEMA_NAME,
        ]
    for c in candidates:
        path = c / SCHEMA_NAME if c.is_dir() else c
        if path.is_file():
            return path
    raise ExportError(
        "The Akoma Ntoso 3.0 schema (akomantoso30.xsd) was not found.",
        hint=f"Download akomantoso30.xsd and xml.xsd from {SCHEMA_URL} into one folder and "
        f"pass --schema PATH or set {SCHEMA_ENV} (see docs/exports.md).",
    )


@lru_cache(maxsize=4)
def _load_schema(path: str) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    try:
        return etree.XMLSchema(etree.parse(path, parser))
    except (OSError, etree.XMLSyntaxError, etree.XMLSchemaParseError) as exc:
        raise ExportError(
            f"Cannot load the Akoma Ntoso schema {path}: {exc}.",
            hint="xml.xsd must be in the same folder as akomantoso30.xsd.",
        ) from exc


def validate(xml: str | bytes, schema: str | os.PathLike[str] | None = None) -> list[str]:
    """Schema errors of a document ('line N: message'), empty when it is valid."""
    xsd = _load_schema(str(find_schema(schema)))
    raw = xml.encode("utf-8") if isinstance(xml, str) else xml
    doc = etree.fromstring(raw, etree.XMLParser(no_network=True, resolve_entities=False))
    if xsd.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in xsd.error_log]
