"""Concluding observations against their hand annotations (tests/fixtures/annotations/cycle):
every recommendation with its paragraph, letter, heading, articles, follow-up flag and
reiteration; the same documents saved from a PDF (hard-wrapped, page furniture, footnotes)
give the same records; a meeting summary is not taken for concluding observations; and the
second Ardenia CMW cycle is linked to the first."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from rapporteur.genres.co_layout import blocks
from rapporteur.stages.co_meta import dates
from rapporteur.stages.recommendation_links import link_previous
from rapporteur.stages.recommendations import (
    Reiteration,
    articles_in,
    detect,
    read,
    reiteration,
    text_articles,
)
from tests.conftest import EXAMPLES, FIXTURES, ROOT

ANNOTATIONS = sorted((FIXTURES / "annotations" / "cycle").glob("*.json"))


def _gold(name: str) -> dict:
    return json.loads((FIXTURES / "annotations" / "cycle" / f"{name}.json").read_text("utf-8"))


def _text(gold: dict) -> str:
    return (ROOT / gold["document"]).read_text(encoding="utf-8")


def _flat(s: str | None) -> str:
    return " ".join((s or "").split())


def _key(paragraph: int, letter: str | None) -> str:
    return f"{paragraph} ({letter})" if letter else str(paragraph)


@pytest.fixture(params=ANNOTATIONS, ids=lambda p: p.stem)
def gold(request: pytest.FixtureRequest) -> dict:
    return json.loads(Path(request.param).read_text(encoding="utf-8"))


def test_recommendations_every_annotated_item(gold: dict) -> None:
    text = _text(gold)
    co = read(text)
    got = {_key(r.paragraph, r.letter): r for r in co.recommendations}
    want = {_key(r["paragraph"], r["letter"]): r for r in gold["recommendations"]}
    assert list(got) == list(want)
    lines = text.split("\n")
    for key, w in want.items():
        r = got[key]
        assert r.line == w["line"], key
        assert r.text == w["text"] and r.text in lines[r.line - 1], key
        assert (r.heading, r.subject) == (w["heading"], w["subject"]), key
        assert list(r.articles) == w["articles"], key
        assert r.follow_up == w["follow_up"], key
        reit = w["reiterates"] and Reiteration(**w["reiterates"])
        assert r.reiterates == (reit or None), key
        concern = next(
            (ln for ln in lines if ln.startswith(f"{w['concern_paragraph']}.\t")), ""
        ).split("\t", 1)[1]
        assert r.concern == concern, key


def test_recommendations_metadata(gold: dict) -> None:
    co = read(_text(gold))
    assert (co.symbol, co.committee) == (gold["symbol"], gold["committee"])
    assert list(co.header.report_symbols) == gold["reports"]
    assert list(co.header.meetings) == gold["meetings"]
    assert list(co.header.meeting_dates) == gold["meeting_dates"]
    assert co.header.adopted == gold["adopted"]
    assert co.header.state_party == "Ardenia"
    assert co.next_report is not None and co.next_report.due == gold["next_report"]["due"]
    kinds = [s.kind for s in co.sections]
    assert [k for k in kinds if k in gold["sections"]] == gold["sections"]
    for a, b in zip(co.sections, co.sections[1:], strict=False):
        assert a.first_line <= a.last_line < b.first_line
    up = gold["follow_up_paragraph"]
    assert (co.follow_up.paragraph if co.follow_up else None) == up


def test_recommendations_detects_concluding_observations(gold: dict) -> None:
    verdict = detect(_text(gold))
    assert verdict.is_concluding_observations, verdict.reason
    assert gold["symbol"] in verdict.reason


@pytest.mark.parametrize("name", ["fictional-cmw-review.txt", "fictional-cedaw-pressrelease.txt"])
def test_recommendations_meeting_summary_is_not_concluding_observations(name: str) -> None:
    verdict = detect((EXAMPLES / name).read_text(encoding="utf-8"))
    assert not verdict.is_concluding_observations
    assert verdict.reason


def test_recommendations_summary_quoting_a_symbol_is_not_concluding_observations() -> None:
    text = (
        "CMW/C/ARD/CO/1\n\nThe Committee today reviewed Ardenia. In its concluding "
        "observations (CMW/C/ARD/CO/1) the Committee recommends that the State party act.\n"
    )
    assert not detect(text).is_concluding_observations


# --- the same documents saved from a PDF ----------------------------------------------------

FOOTNOTES = {
    "fictional-cmw-ardenia-co2": [
        (
            "held on 11 April 2024, it adopted the present concluding observations.",
            "The summary records are issued as CMW/C/SR.545, 546 and 556.",
        ),
        ("by employers;", "See joint general comment No. 3 (2017)."),
    ],
    "fictional-cmw-ardenia-co1": [
        (
            "of all migrant workers and members of their families (arts. 8–35)",
            "The rights of migrant workers in an irregular situation are those set out in"
            " part III of the Convention, which applies to all migrant workers and members of"
            " their families without distinction.",
        ),
    ],
    "fictional-crc-ardenia-co5": [("(CRC/C/ARD/RQ/5-6)", "Issued in English only.")],
}


def pdf_like(text: str, symbol: str, notes: list[tuple[str, str]], page: int = 38) -> str:
    """The text as a PDF saved as text reads: wrapped at 80 columns, a footer with the job
    number and page number and a running header with the symbol every `page` lines,
    footnote markers glued to the words and footnotes at the foot of their page."""
    for n, (after, _) in enumerate(notes, 1):
        assert after in text, after
        text = text.replace(after, f"{after}{n}", 1)
    out: list[str] = []
    pending: list[str] = []
    count, number = 0, 1
    for line in text.split("\n"):
        for piece in textwrap.wrap(line, 80) or [""]:
            out.append(piece)
            count += 1
            for n, (after, note) in enumerate(notes, 1):
                if f"{after.split()[-1]}{n}" in piece:
                    pending.extend(textwrap.wrap(f"{n} {note}", 80))
            if count >= page:
                out.extend(["", *pending, "", f"GE.24-06{number:03d}\t{number}", "*2406123*"])
                out.extend([f"\f{symbol}", ""])
                pending, count, number = [], 0, number + 1
    out.extend(["", *pending])
    return "\n".join(out)


def _record(r: object) -> tuple:
    from rapporteur.stages.recommendations import Recommendation

    assert isinstance(r, Recommendation)
    return (
        r.id,
        r.paragraph,
        r.letter,
        r.heading,
        r.subject,
        r.articles,
        r.follow_up,
        r.reiterates,
        _flat(r.action),
        _flat(r.concern),
    )


@pytest.mark.parametrize(("page", "sep"), [(38, "\t"), (23, " "), (51, "  ")])
def test_recommendations_same_from_pdf_text(gold: dict, page: int, sep: str) -> None:
    """`sep` is what follows a paragraph number or letter: a tab (DOCX), one or two spaces
    (PDF text tools)."""
    name = Path(gold["document"]).stem
    plain = read(_text(gold))
    source = re.sub(
        r"^(\d{1,2}\.|\([a-z]\)|[A-H]\.|[IVX]+\.)\t", rf"\1{sep}", _text(gold), flags=re.M
    )
    wrapped_text = pdf_like(source, gold["symbol"], FOOTNOTES[name], page)
    assert "\f" in wrapped_text and max(map(len, wrapped_text.split("\n"))) <= 80
    wrapped = read(wrapped_text)
    assert [_record(r) for r in wrapped.recommendations] == [
        _record(r) for r in plain.recommendations
    ]
    assert wrapped.header == plain.header
    assert wrapped.next_report is not None and plain.next_report is not None
    assert wrapped.next_report.due == plain.next_report.due
    assert wrapped.follow_up is not None or plain.follow_up is None
    lines = wrapped_text.split("\n")
    for r in wrapped.recommendations:
        # the JSON contract: text is the part of the item on the line where it starts
        assert r.text and r.text in lines[r.line - 1], r.id
        assert _flat(r.action).startswith(_flat(r.text).rstrip("0123456789")), r.id
    assert detect(wrapped_text).is_concluding_observations
    notes = [b for b in blocks(wrapped_text) if b.kind == "footnote"]
    assert {b.text.split()[0] for b in notes} == {
        str(n) for n in range(1, len(FOOTNOTES[name]) + 1)
    }


# --- small pieces ---------------------------------------------------------------------------


def test_recommendations_articles_of_headings_and_text() -> None:
    assert articles_in("General measures of implementation (arts. 73 and 84)") == [73, 84]
    assert articles_in("Family environment (arts. 5, 9–11, 18 (1) and (2), 20)") == [
        5,
        9,
        10,
        11,
        18,
        20,
    ]
    assert articles_in("Special protection (arts. 37 (b)–(d) and 38–40)") == [37, 38, 39, 40]
    assert articles_in("Data collection") == []
    assert text_articles("in accordance with article 51 of the Convention.") == [51]
    assert text_articles(
        "the declarations provided for in articles 76 and 77 of the Convention"
    ) == [76, 77]
    assert (
        text_articles("article 3 of the Labour Code and article 2 of ILO Convention No. 189") == []
    )


def test_recommendations_reiteration_forms() -> None:
    cited = "The Committee reiterates its previous recommendation (CMW/C/ARD/CO/1, para. 23) and"
    assert reiteration(cited) == Reiteration(symbol="CMW/C/ARD/CO/1", paragraph=23)
    recalling = "Recalling its previous recommendations (CRC/C/ARD/CO/3-4, paras. 12 and 14), the"
    assert reiteration(recalling) == Reiteration(symbol="CRC/C/ARD/CO/3-4", paragraph=12)
    bare = "The Committee reiterates its recommendation that the State party ratify"
    assert reiteration(bare) == Reiteration(symbol=None, paragraph=None)
    assert reiteration("Recalling its general comment No. 12 (2009), the Committee") is None
    assert reiteration("The Committee reiterates its concern that children") is None


def test_recommendations_meeting_dates() -> None:
    assert dates("5 and 6 April 2024") == ["2024-04-05", "2024-04-06"]
    assert dates("30 September and 1 October 2024") == ["2024-09-30", "2024-10-01"]


# --- across cycles --------------------------------------------------------------------------


def test_recommendations_links_second_cmw_cycle_to_the_first() -> None:
    first, second = _gold("fictional-cmw-ardenia-co1"), _gold("fictional-cmw-ardenia-co2")
    co1, co2 = read(_text(first)), read(_text(second))
    links = link_previous(co2.recommendations, co1.recommendations, co1.symbol)
    predicted = {(link.recommendation, link.paragraph) for link in links}
    expected = {
        (f"r{r['paragraph']}{r['letter'] or ''}", p)
        for r in second["recommendations"]
        for p in r["previous"]
    }
    explicit = {
        (f"r{r['paragraph']}{r['letter'] or ''}", r["reiterates"]["paragraph"])
        for r in second["recommendations"]
        if r["reiterates"] and r["reiterates"]["paragraph"]
    }
    hits = predicted & expected
    precision, recall = len(hits) / len(predicted), len(hits) / len(expected)
    explicit_recall = len(predicted & explicit) / len(explicit)
    print(
        f"\nCMW Ardenia CO2 -> CO1 links: precision {precision:.2f}, recall {recall:.2f} "
        f"({len(hits)}/{len(expected)}), explicit reiterations recall {explicit_recall:.2f} "
        f"({len(predicted & explicit)}/{len(explicit)})"
    )
    assert explicit_recall == 1.0
    assert precision >= 0.9 and recall >= 0.85
    for link in links:
        assert link.reason and 0 < link.score <= 1.0
        if (link.recommendation, link.paragraph) in explicit:
            assert link.score == 1.0 and "explicitly reiterates CMW/C/ARD/CO/1" in link.reason


def test_recommendations_links_ignore_a_citation_of_an_older_cycle() -> None:
    co1 = read(_text(_gold("fictional-cmw-ardenia-co1")))
    co2 = read(_text(_gold("fictional-cmw-ardenia-co2")))
    links = link_previous(co2.recommendations, co1.recommendations, "CMW/C/ARD/CO/0")
    assert not any(link.reason.startswith("explicitly") for link in links)


def test_recommendations_links_need_a_previous_cycle() -> None:
    co2 = read(_text(_gold("fictional-cmw-ardenia-co2")))
    assert link_previous(co2.recommendations, ()) == ()


def test_recommendations_marker_lines_are_what_the_annotations_say() -> None:
    """The annotations' `text` is what follows the marker; guard against editing drift."""
    for path in ANNOTATIONS:
        g = json.loads(path.read_text(encoding="utf-8"))
        lines = _text(g).split("\n")
        assert lines[-2 if lines[-1] == "" else -1].startswith("FICTIONAL SAMPLE")
        for r in g["recommendations"]:
            marker = f"({r['letter']})\t" if r["letter"] else f"{r['paragraph']}.\t"
            assert re.match(re.escape(marker), lines[r["line"] - 1]), (path.name, r["line"])


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "\f\f",
        "(a)\n(b)\n1.\n2.",
        "A. Introduction\n1. x",
        "1.\tThe Committee recommends",
    ],
)
def test_recommendations_odd_input_reads_without_error(text: str) -> None:
    assert not detect(text).is_concluding_observations
    co = read(text)
    assert co.symbol is None and co.next_report is None


def test_recommendations_no_other_sample_is_concluding_observations() -> None:
    samples = sorted(EXAMPLES.glob("*.txt")) + sorted((EXAMPLES / "calibration").glob("*.txt"))
    assert samples
    for path in samples:
        verdict = detect(path.read_text(encoding="utf-8"))
        assert not verdict.is_concluding_observations, (path.name, verdict.reason)
