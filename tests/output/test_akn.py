"""Akoma Ntoso 3.0 debate documents: valid against the OASIS XSD, with FRBR identification,
references for every speaker and role, and the dialogue's questions and answers."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree

from rapporteur.errors import ExportError
from rapporteur.output import akn
from tests.output.samples import (
    AKN_XSD,
    DECIDED_AT,
    NOTE,
    certainty_data,
    contradiction_data,
    decided_review,
    hostile_data,
    minimal_data,
)

NS = {"a": akn.AKN_NS, "rap": akn.RAP_NS}
needs_xsd = pytest.mark.skipif(
    not AKN_XSD.exists(), reason="the Akoma Ntoso XSD lives in ../shared/schemas (absent here)"
)


def _tree(data: dict[str, Any]) -> etree._Element:
    return etree.fromstring(akn.to_xml(data).encode("utf-8"))


@needs_xsd
def test_akn_every_sample_validates(sample: tuple[str, dict[str, Any]]) -> None:
    name, data = sample
    assert akn.validate(akn.to_xml(data), AKN_XSD) == [], name


@needs_xsd
def test_akn_edge_cases_validate() -> None:
    for data in (minimal_data(), contradiction_data(), hostile_data()):
        assert akn.validate(akn.to_xml(data), AKN_XSD) == []


@needs_xsd
def test_akn_validation_reports_errors() -> None:
    tree = _tree(contradiction_data())
    tree.find(".//a:FRBRWork/a:FRBRcountry", NS).getparent().remove(
        tree.find(".//a:FRBRWork/a:FRBRcountry", NS)
    )
    errors = akn.validate(etree.tostring(tree), AKN_XSD)
    assert errors and "FRBR" in errors[0]


def test_akn_identification_has_work_expression_manifestation(
    sample: tuple[str, dict[str, Any]],
) -> None:
    _, data = sample
    tree = _tree(data)
    ident = tree.find("a:debate/a:meta/a:identification", NS)
    assert ident.get("source") == "#rapporteur"
    assert [c.tag.split("}")[1] for c in ident] == [
        "FRBRWork",
        "FRBRExpression",
        "FRBRManifestation",
    ]
    work_uri = ident.find("a:FRBRWork/a:FRBRuri", NS).get("value")
    assert work_uri.startswith("/akn/un/debate/")
    assert ident.find("a:FRBRExpression/a:FRBRuri", NS).get("value") == f"{work_uri}/eng@"
    assert ident.find("a:FRBRWork/a:FRBRcountry", NS).get("value") == "un"
    if data["review"]["release_code"]:
        assert ident.find("a:FRBRWork/a:FRBRnumber", NS).get("value") == akn.slug(
            data["review"]["release_code"]
        )


def test_akn_references_every_participant_role_and_speaker(
    sample: tuple[str, dict[str, Any]],
) -> None:
    _, data = sample
    tree = _tree(data)
    refs = tree.find("a:debate/a:meta/a:references", NS)
    people = {p.get("showAs"): p.get("eId") for p in refs.findall("a:TLCPerson", NS)}
    for p in data["participants"]:
        assert p["name"] in people
    roles = {r.get("showAs") for r in refs.findall("a:TLCRole", NS)}
    assert {r for p in data["participants"] for r in p["roles"]} <= roles
    orgs = [o.get("eId") for o in refs.findall("a:TLCOrganization", NS)]
    assert "rapporteur" in orgs and "delegation" in orgs
    if data["review"]["state_party"]:
        names = {o.get("showAs") for o in refs.findall("a:TLCOrganization", NS)}
        assert data["review"]["state_party"]["name"] in names
    ids = {e.get("eId") for e in refs}
    for el in tree.iterfind(".//a:debateBody//*[@by]", NS):
        assert el.get("by").removeprefix("#") in ids
        if el.get("as"):
            assert el.get("as").removeprefix("#") in ids


def test_akn_body_mirrors_the_dialogue(sample: tuple[str, dict[str, Any]]) -> None:
    _, data = sample
    tree = _tree(data)
    body = tree.find("a:debate/a:debateBody", NS)
    names = [s.get("name") for s in body.findall("a:debateSection", NS)]
    kinds = [s["kind"] for s in data["sections"] if s["kind"] not in {"chrome", "boilerplate"}]
    assert set(names) <= set(kinds)
    if "questions" in kinds:
        assert body.findall(".//a:question", NS)
        for q in body.iterfind(".//a:question", NS):
            assert q.find("a:from", NS) is not None and q.find("a:p", NS) is not None
    if "responses" in kinds:
        assert body.findall(".//a:answer", NS)
    if "presentation" in kinds or "concluding" in kinds:
        assert body.findall(".//a:speech", NS)
    # every question unit is marked in the text and linked from the proprietary block
    spans = {s.get("eId"): s for s in body.iterfind(".//a:span", NS)}
    linked = tree.findall(".//rap:question", NS)
    assert len(linked) == len(data["questions"])
    found = [q for q in linked if q.get("href")]
    assert len(found) >= 0.9 * len(linked)
    for q in found:
        span = spans[q.get("href").removeprefix("#")]
        assert span.get("title") == q.get("id")
        assert q.get("status") in span.get("class")
    # every element from the text says which line it starts on
    lines = [int(e.get(f"{{{akn.RAP_NS}}}line")) for e in body.iterfind(".//a:question", NS)]
    assert lines == sorted(lines)


def test_akn_keeps_the_text_exact() -> None:
    data = hostile_data()
    xml = akn.to_xml(data)
    tree = etree.fromstring(xml.encode("utf-8"))
    texts = ["".join(p.itertext()) for p in tree.iterfind(".//a:question/a:p", NS)]
    assert any("<script>alert('x')</script>" in t for t in texts)
    assert "<script>" not in xml  # escaped by the serializer


def test_akn_drops_characters_xml_cannot_hold() -> None:
    data = contradiction_data()
    data["paragraphs"][1]["text"] = "An Expert asked\x00 how many\x1b workers were abroad?"
    tree = _tree(data)
    assert "An Expert asked how many workers were abroad?" in "".join(tree.itertext())


def test_akn_unknown_date_and_number_fall_back() -> None:
    tree = _tree(minimal_data())
    date = tree.find(".//a:FRBRWork/a:FRBRdate", NS)
    assert (date.get("date"), date.get("name")) == ("0001-01-01", "unknown")
    data = minimal_data()
    data["review"]["year"] = 2024
    data["review"]["date"] = None
    date = _tree(data).find(".//a:FRBRWork/a:FRBRdate", NS)
    assert (date.get("date"), date.get("name")) == ("2024-01-01", "year")
    data["review"]["date"] = "2024-03-05"
    tree = _tree(data)
    assert tree.find(".//a:FRBRWork/a:FRBRdate", NS).get("date") == "2024-03-05"
    assert tree.find(".//a:preface//a:docDate", NS).get("date") == "2024-03-05"


def test_akn_is_deterministic(sample: tuple[str, dict[str, Any]]) -> None:
    _, data = sample
    assert akn.to_xml(data) == akn.to_xml(data)


def test_akn_missing_schema_is_a_clear_error(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ExportError) as err:
        akn.find_schema(tmp_path / "nowhere.xsd")
    assert "akomantoso30.xsd" in err.value.message and "--schema" in (err.value.hint or "")
    monkeypatch.setenv(akn.SCHEMA_ENV, str(tmp_path))
    with pytest.raises(ExportError):
        akn.find_schema()


@needs_xsd
def test_akn_schema_found_by_folder_and_environment(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert akn.find_schema(AKN_XSD.parent) == AKN_XSD
    monkeypatch.setenv(akn.SCHEMA_ENV, str(AKN_XSD))
    assert akn.find_schema() == AKN_XSD


def _certainty_data() -> dict[str, Any]:
    """certainty_data with its question units written in the Committee's paragraph."""
    data = certainty_data()
    text = "An Expert asked: " + " ".join(q["text"] for q in data["questions"])
    data["paragraphs"][1]["text"] = text
    return data


def test_akn_records_confidence_and_needs_check_next_to_the_status() -> None:
    tree = _tree(_certainty_data())
    recorded = [
        (q.get("status"), q.get("confidence"), q.get("needsCheck"))
        for q in tree.findall(".//rap:question", NS)
    ]
    assert recorded == [
        ("answered", "0.92", "false"),
        ("partial", "0.55", "true"),
        ("unanswered", "0.4", "true"),
        ("unanswered", "0.88", "false"),
    ]
    classes = [s.get("class") for s in tree.iterfind(".//a:debateBody//a:span", NS)]
    assert classes == [
        "question answered",
        "question partial needs-check",
        "question unanswered needs-check",
        "question unanswered",
    ]


def test_akn_unknown_confidence_is_left_out_and_needs_check() -> None:
    tree = _tree(contradiction_data())  # a question written before confidence existed
    (question,) = tree.findall(".//rap:question", NS)
    assert question.get("confidence") is None and question.get("needsCheck") == "true"


@needs_xsd
def test_akn_with_confidence_validates() -> None:
    assert akn.validate(akn.to_xml(_certainty_data()), AKN_XSD) == []


def test_akn_says_who_decided_each_status() -> None:
    data, agree, differ = decided_review()
    tree = _tree(data)
    people = {
        p.get("eId"): p.get("showAs")
        for p in tree.findall(".//a:references/a:TLCPerson", NS)
        if p.get("eId").startswith("checker-")
    }
    assert people == {"checker-ana-lima": "Ana Lima", "checker-ben-osei": "Ben Osei"}
    questions = {q.get("id"): q for q in tree.findall(".//rap:question", NS)}
    ana, ben = questions[agree["id"]], questions[differ["id"]]
    assert (ana.get("source"), ana.get("checkedBy"), ana.get("disagrees")) == (
        "person",
        "#checker-ana-lima",
        "false",
    )
    assert (ben.get("status"), ben.get("machineStatus"), ben.get("disagrees")) == (
        "partial",
        "unanswered",
        "true",
    )
    assert ben.get("checkedAt") == DECIDED_AT and ben.get("needsCheck") == "false"
    assert ben.get("confidence") is None
    assert ben.find("rap:note", NS).text == NOTE
    (chosen,) = ben.findall("rap:answer", NS)
    assert chosen.get("source") == "person" and chosen.get("score") is None
    machine = ben.find("rap:machine", NS)
    assert machine.get("status") == "unanswered" and machine.get("confidence")
    assert machine.findall("rap:answer", NS)[0].get("score")
    others = [q for i, q in questions.items() if i not in (agree["id"], differ["id"])]
    assert {q.get("source") for q in others} == {"machine"}
    assert all(q.get("checkedBy") is None and q.find("rap:machine", NS) is None for q in others)
    classes = {s.get("title"): s.get("class") for s in tree.iterfind(".//a:debateBody//a:span", NS)}
    assert classes[differ["id"]] == "question partial checked"
    assert classes[agree["id"]] == "question answered checked"


@needs_xsd
def test_akn_with_decisions_validates() -> None:
    assert akn.validate(akn.to_xml(decided_review()[0]), AKN_XSD) == []


# ---------------------------------------------------------------- concluding observations


@needs_xsd
@pytest.mark.parametrize("name", ["cmw-co1", "cmw-co2", "crc-co5"])
def test_akn_concluding_observations_validate(name: str) -> None:
    from tests.output.samples import concluding_data

    assert akn.validate(akn.to_xml(concluding_data(name)), AKN_XSD) == []


@needs_xsd
def test_akn_concluding_observations_with_a_hostile_heading_validate() -> None:
    from tests.output.samples import hostile_concluding_data

    xml = akn.to_xml(hostile_concluding_data())
    assert akn.validate(xml, AKN_XSD) == []
    assert "<script>" not in xml


def test_akn_concluding_observations_one_element_per_recommendation() -> None:
    from tests.output.samples import concluding_data

    data = concluding_data("cmw-co2")
    tree = _tree(data)
    doc = tree.find("a:doc", NS)
    assert doc is not None and doc.get("name") == "concludingObservations"
    assert tree.find("a:debate", NS) is None
    work = doc.find("a:meta/a:identification/a:FRBRWork", NS)
    assert work.find("a:FRBRuri", NS).get("value") == "/akn/un/doc/cmw/2024-04-11/cmw-c-ard-co-2"
    recs = doc.xpath(".//*[contains(concat(' ', @class, ' '), ' recommendation ')]", namespaces=NS)
    assert len(recs) == len(data["recommendations"])
    eids = [r.get("eId") for r in recs]
    assert eids[:3] == ["para_8", "para_10__point_a", "para_10__point_b"]
    point = doc.find(".//a:point[@eId='para_18__point_a']", NS)
    assert point.findtext("a:num", namespaces=NS) == "(a)"
    assert point.getparent().findtext("a:heading", namespaces=NS) == "Data collection"
    assert point.get("refersTo") == "#followUpReport"
    subject = point.getparent().getparent()
    assert subject.tag.endswith("hcontainer") and subject.findtext("a:heading", namespaces=NS)
    ref = doc.find(".//a:implicitReference[@for='#para_18__point_a']", NS)
    assert ref.get("showAs") == "CMW/C/ARD/CO/1, para. 19"
    assert ref.get("href").endswith("cmw-c-ard-co-1/!main#para_19")
    steps = {s.get("refersTo"): s.get("date") for s in doc.iterfind(".//a:workflow/a:step", NS)}
    assert steps == {
        "#adoption": "2024-04-11",
        "#followUpReport": "2026-04-11",
        "#nextReport": "2029-05-01",
    }
    prop = doc.findall(".//rap:recommendation", NS)
    assert [p.get("id") for p in prop] == [r["id"] for r in data["recommendations"]]
    follow = [p for p in prop if p.get("followUp") == "true"]
    assert [p.get("href") for p in follow] == [
        "#para_18__point_a",
        "#para_28__point_b",
        "#para_42__point_a",
    ]
    assert {p.get("followUpDue") for p in follow} == {"2026-04-11"}
