"""What the two Akoma Ntoso document kinds share: namespaces, element helpers, unique eIds,
FRBR identification and the TLC references of the committee, State and speakers.

FRBR of a debate: the work is `/akn/un/debate/<committee>/<date>/<number>` (country "un":
the author is a UN treaty body, as in the AKN4UN naming convention), the expression adds the
language (`eng@`) and the manifestation `.akn`. `<date>` is the review date, else 1 January
of the review year (FRBRdate name "year"), else 0001-01-01 (name "unknown"); `<number>` is the
press-release code, else the State code and report numbers, else the first 12 hex digits of
the source SHA-256.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from . import digest

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
RAP_NS = "urn:rapporteur:akn:1"
DEBATE_NAME = "treatyBodyDialogue"
NSMAP = {None: AKN_NS, "rap": RAP_NS}
LINE = f"{{{RAP_NS}}}line"
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_DELEGATION_LABELS = {"the delegation", "delegation", "a delegate", "the delegate"}


def node(tag: str, attrib: dict[str, str] | None = None, text: str | None = None) -> etree._Element:
    el = etree.Element(f"{{{AKN_NS}}}{tag}", nsmap=NSMAP)
    for k, v in (attrib or {}).items():
        el.set(k, v)
    if text is not None:
        el.text = xml_text(text)
    return el


def add(
    parent: etree._Element, tag: str, attrib: dict[str, str] | None = None, text: str | None = None
) -> etree._Element:
    el = node(tag, attrib, text)
    parent.append(el)
    return el


def xml_text(text: Any) -> str:
    """Text that XML 1.0 can hold (control characters dropped)."""
    return _XML_INVALID.sub("", str(text))


def slug(text: str, fallback: str = "x") -> str:
    """An ASCII token usable in an eId and a URI: 'Can Ünver' -> 'can-unver'."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return out or fallback


class Ids:
    """Hands out eIds that are unique in the document (the XSD enforces it)."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, wanted: str) -> str:
        eid, n = wanted, 2
        while eid in self.used:
            eid, n = f"{wanted}-{n}", n + 1
        self.used.add(eid)
        return eid


def frbr_date(review: dict[str, Any]) -> tuple[str, str]:
    date = review.get("date")
    if isinstance(date, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return date, "review"
    year = review.get("year")
    if isinstance(year, int) and 1 <= year <= 9999:
        return f"{year:04d}-01-01", "year"
    return "0001-01-01", "unknown"


def review_number(data: dict[str, Any]) -> str:
    review = data.get("review") or {}
    if review.get("release_code"):
        return slug(str(review["release_code"]))
    iso3 = (review.get("state_party") or {}).get("iso3")
    numbers = (review.get("report") or {}).get("numbers") or []
    if iso3:
        return slug("-".join([str(iso3), *(str(n) for n in numbers)]))
    sha = str((data.get("document") or {}).get("sha256") or "")
    return sha[:12] or "review"


def frbr_uris(
    data: dict[str, Any], language: str, doc_type: str = "debate", number: str | None = None
) -> dict[str, str]:
    review = data.get("review") or {}
    date, _ = frbr_date(review)
    author = slug(str(review.get("committee") or "treaty-body"))
    work = f"/akn/un/{doc_type}/{author}/{date}/{number or review_number(data)}"
    expr = f"{work}/{language}@"
    return {
        "work": work,
        "work_this": f"{work}/!main",
        "expr": expr,
        "expr_this": f"{expr}/!main",
        "manif": f"{expr}.akn",
        "manif_this": f"{expr}/!main.xml",
    }


def identification(
    data: dict[str, Any],
    refs: Refs,
    language: str,
    *,
    uris: dict[str, str] | None = None,
    subtype: str = DEBATE_NAME,
    number: str | None = None,
    title: str | None = None,
) -> etree._Element:
    review = data.get("review") or {}
    date, date_name = frbr_date(review)
    uris = uris or frbr_uris(data, language)
    ident = node("identification", {"source": "#rapporteur"})

    work = add(ident, "FRBRWork")
    add(work, "FRBRthis", {"value": uris["work_this"]})
    add(work, "FRBRuri", {"value": uris["work"]})
    add(work, "FRBRdate", {"date": date, "name": date_name})
    add(work, "FRBRauthor", {"href": f"#{refs.committee}"})
    add(work, "FRBRcountry", {"value": "un"})
    add(work, "FRBRsubtype", {"value": subtype})
    add(work, "FRBRnumber", {"value": number or review_number(data)})
    add(work, "FRBRname", {"value": xml_text(title or digest.review_title(data))})

    expr = add(ident, "FRBRExpression")
    add(expr, "FRBRthis", {"value": uris["expr_this"]})
    add(expr, "FRBRuri", {"value": uris["expr"]})
    add(expr, "FRBRdate", {"date": date, "name": date_name})
    add(expr, "FRBRauthor", {"href": f"#{refs.committee}"})
    add(expr, "FRBRlanguage", {"language": language})

    manif = add(ident, "FRBRManifestation")
    add(manif, "FRBRthis", {"value": uris["manif_this"]})
    add(manif, "FRBRuri", {"value": uris["manif"]})
    add(manif, "FRBRdate", {"date": date, "name": "source"})
    add(manif, "FRBRauthor", {"href": "#rapporteur"})
    add(manif, "FRBRformat", {"value": "application/akn+xml"})
    return ident


class Refs:
    """TLC references, and the `by` / `as` of every speaker label."""

    def __init__(self, data: dict[str, Any], ids: Ids, *, delegation: bool = True) -> None:
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
        refs = node("references", {"source": "#rapporteur"})
        for eid, href, show in self.orgs:
            add(refs, "TLCOrganization", {"eId": eid, "href": href, "showAs": xml_text(show)})
        for eid, href, show in self.people:
            add(refs, "TLCPerson", {"eId": eid, "href": href, "showAs": xml_text(show)})
        for eid, href, show in self.roles.values():
            add(refs, "TLCRole", {"eId": eid, "href": href, "showAs": xml_text(show)})
        for tag, eid, href, show in self.extra:
            add(refs, tag, {"eId": eid, "href": href, "showAs": xml_text(show)})
        return refs


def proponent(review: dict[str, Any], refs: Refs) -> etree._Element | None:
    """<docProponent>: the committee, as the preface of either kind of document names it."""
    name = review.get("committee_name") or review.get("committee")
    if not name:
        return None
    return node("docProponent", {"refersTo": f"#{refs.committee}"}, str(name))


def session(review: dict[str, Any]) -> etree._Element | None:
    if not review.get("session"):
        return None
    return node("session", {"value": str(review["session"])}, f"session {review['session']}")


def preface_line(preface: etree._Element, parts: list[etree._Element | None]) -> None:
    """The preface's line of facts ("Committee, session 38, ..."), when it has any."""
    present = [part for part in parts if part is not None]
    if not present:
        return
    p = add(preface, "p")
    for i, part in enumerate(present):
        if i:
            present[i - 1].tail = ", "
        p.append(part)


def rap(tag: str) -> str:
    return f"{{{RAP_NS}}}{tag}"


def set_attrs(el: etree._Element, **values: Any) -> None:
    for k, v in values.items():
        if v is None or v == "" or v == []:
            continue
        if isinstance(v, bool):
            v = "true" if v else "false"
        elif isinstance(v, list | tuple):
            v = " ".join(str(x) for x in v)
        el.set(k, xml_text(v))


def proprietary_review(data: dict[str, Any], **attrs: Any) -> tuple[etree._Element, etree._Element]:
    """`<proprietary>` with its `rap:review` (the given attributes, then `rap:source`: where
    the text came from), shared by the debate and the concluding observations."""
    prop = node("proprietary", {"source": "#rapporteur"})
    root = etree.SubElement(prop, rap("review"), nsmap={"rap": RAP_NS})
    doc = data.get("document") or {}
    set_attrs(root, schema=data.get("schema"), **attrs)
    src = etree.SubElement(root, rap("source"))
    set_attrs(
        src,
        origin=doc.get("origin"),
        format=doc.get("format"),
        sha256=doc.get("sha256"),
        lines=doc.get("lines"),
    )
    return prop, root
