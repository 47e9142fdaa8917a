"""Akoma Ntoso 3.0 `debate` documents (OASIS LegalDocML) from a rapporteur/review@1 object.

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


def _uris(data: dict[str, Any], language: str) -> dict[str, str]:
    review = data.get("review") or {}
    date, _ = _frbr_date(review)
    author = slug(str(review.get("committee") or "treaty-body"))
    work = f"/akn/un/debate/{author}/{date}/{_number(data)}"
    expr = f"{work}/{language}@"
    return {
        "work": work,
        "work_this": f"{work}/!main",
        "expr": expr,
        "expr_this": f"{expr}/!main",
        "manif": f"{expr}.akn",
        "manif_this": f"{expr}/!main.xml",
    }


def _identification(data: dict[str, Any], refs: _Refs, language: str) -> etree._Element:
    review = data.get("review") or {}
    date, date_name = _frbr_date(review)
    uris = _uris(data, language)
    ident = _el("identification", {"source": "#rapporteur"})

    work = _sub(ident, "FRBRWork")
    _sub(work, "FRBRthis", {"value": uris["work_this"]})
    _sub(work, "FRBRuri", {"value": uris["work"]})
    _sub(work, "FRBRdate", {"date": date, "name": date_name})
    _sub(work, "FRBRauthor", {"href": f"#{refs.committee}"})
    _sub(work, "FRBRcountry", {"value": "un"})
    _sub(work, "FRBRsubtype", {"value": DEBATE_NAME})
    _sub(work, "FRBRnumber", {"value": _number(data)})
    title = digest.review_title(data)
    _sub(work, "FRBRname", {"value": _clean(title)})

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

    def __init__(self, data: dict[str, Any], ids: _Ids) -> None:
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
        self.delegation = self._org(
            "delegation",
            f"/akn/ontology/organization/{slug(str(state.get('iso3') or 'state'))}/delegation",
            f"Delegation of {state['name']}" if state.get("name") else "The delegation",
        )

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


# ---------------------------------------------------------------- document


def build(data: dict[str, Any], language: str = "eng") -> etree._Element:
    """The <akomaNtoso> element for one review."""
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
