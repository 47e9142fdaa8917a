"""Summary records (rapporteur/genres/summary_record.py): detected from their header, every
numbered paragraph given its speaker and side by the form of the name, sectioned by the
speaker, and the participants named as the records name them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from rapporteur import genres
from rapporteur.api import analyze, analyze_bytes
from rapporteur.genres import record_cues, summary_record
from rapporteur.models import Review
from rapporteur.stages.segment import split_paragraphs
from tests.conftest import EXAMPLES, FIXTURES, make_review

CYCLE = EXAMPLES / "cycle"
SR545 = CYCLE / "fictional-cmw-ardenia-sr545.txt"
DIALOGUES = sorted((FIXTURES / "annotations" / "dialogue").glob("*.json"))
RECORDS = [CYCLE / Path(r).name for d in DIALOGUES for r in json.loads(d.read_text())["records"]]


def _framed(path: Path) -> genres.Frame:
    text = path.read_text(encoding="utf-8")
    return genres.frame([text[s:e] for s, e in split_paragraphs(text)])


@pytest.fixture(scope="module")
def sr545() -> Review:
    return analyze(SR545)


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.stem)
def test_summary_record_is_detected_and_read(path: Path) -> None:
    framed = _framed(path)
    assert genres.detect(framed) is summary_record.GENRE
    kinds, _ = summary_record.classify(framed)
    assert set(kinds) <= summary_record.RECORD_KINDS


@pytest.mark.parametrize(
    "path",
    [
        CYCLE / "fictional-cmw-ardenia-summary.txt",
        CYCLE / "fictional-crc-ardenia-summary.txt",
        EXAMPLES / "fictional-cmw-review.txt",
        EXAMPLES / "fictional-cedaw-pressrelease.txt",
        FIXTURES / "mini-crc-review.txt",
        CYCLE / "fictional-cmw-ardenia-co2.txt",
        CYCLE / "fictional-crc-ardenia-co5.txt",
    ],
    ids=lambda p: p.stem,
)
def test_summary_record_other_genres_are_not_taken_for_a_record(path: Path) -> None:
    """Meeting summaries cite "summary records" and CO cite SR symbols in passing: no header."""
    assert not summary_record.GENRE.detects(_framed(path))


def test_summary_record_a_sentence_that_mentions_a_record_is_no_title() -> None:
    review = make_review(
        "Committee on the Rights of the Child considers the report of Freedonia",
        "The Committee today considered the report of Freedonia. The summary record of the "
        "2921st meeting gives the full dialogue (CRC/C/SR.2921).",
        "Questions by Committee Experts",
        "Ana Lima, Committee Expert and Country Rapporteur, asked how many children were in care.",
    )
    assert review.document_kind == "meeting_summary"


# Record paragraph number -> (speaker, side) in SR.545; 1 and 22 are procedural notes.
SR545_SPEAKERS = {
    **dict.fromkeys(range(2, 9), ("Dobrova", "delegation")),
    **dict.fromkeys(range(9, 14), ("Vasconcelos", "committee")),
    **dict.fromkeys(range(14, 17), ("Kanouté", "committee")),
    **dict.fromkeys(range(17, 19), ("Haddadi", "committee")),
    **dict.fromkeys(range(19, 21), ("Qureshi", "committee")),
    21: ("Estévez Rincón", "committee"),
    **dict.fromkeys(range(23, 25), ("Dobrova", "delegation")),
    **dict.fromkeys(range(25, 27), ("Lindar", "delegation")),
    27: ("Sevic", "delegation"),
    28: ("Kanouté", "committee"),
    29: ("Lindar", "delegation"),
    30: ("Vasconcelos", "committee"),
    31: ("Lindar", "delegation"),
    32: ("Vasconcelos", "committee"),
    33: ("Lindar", "delegation"),
    34: ("Okonjo", "committee"),  # "The Chair said": the Chair of the header
}


def _numbered(review: Review) -> dict[int, int]:
    """Record paragraph number -> index of the paragraph."""
    out = {}
    for p in review.paragraphs:
        m = re.match(r"(\d{1,3})\.\t", p.text)
        if m:
            out[int(m[1])] = p.index
    return out


def test_summary_record_every_paragraph_has_its_speaker_and_side(sr545: Review) -> None:
    numbered = _numbered(sr545)
    assert sorted(numbered) == list(range(1, 35))
    turns = {t.paragraph: t for t in sr545.turns}
    got = {n: (turns[i].speaker, turns[i].side) for n, i in numbered.items() if i in turns}
    assert got == SR545_SPEAKERS
    # Who speaks is read, not inherited, wherever the paragraph names a speaker.
    named = {n for n, i in numbered.items() if i in turns and not turns[i].inferred}
    assert named == {2, 9, 14, 17, 19, 21, 23, 25, 27, 28, 29, 30, 31, 32, 33, 34}


def test_summary_record_the_speaker_decides_the_section(sr545: Review) -> None:
    kind = {p.index: sr545.sections[p.section].kind for p in sr545.paragraphs}
    numbered = _numbered(sr545)
    by_number = {n: kind[i] for n, i in numbered.items()}
    assert by_number[1] == by_number[22] == "boilerplate"
    assert {by_number[n] for n in range(2, 9)} == {"presentation"}
    assert {by_number[n] for n in range(9, 22)} == {"questions"}
    assert {by_number[n] for n in (23, 24, 25, 26, 27, 29, 31, 33)} == {"responses"}
    assert {by_number[n] for n in (28, 30, 32)} == {"questions"}
    assert by_number[34] == "other"
    assert sr545.sections[0].kind == "chrome"
    lead = next(s for s in sr545.sections if s.kind == "lead")
    assert lead.heading == "Summary record of the 545th meeting"


def test_summary_record_paragraph_numbers_are_not_sentences(sr545: Review) -> None:
    assert not any(re.fullmatch(r"\d{1,3}\.", s.text) for s in sr545.sentences)
    q = sr545.questions[0]
    assert q.text.startswith("She wished to know whether it was true")


def test_summary_record_metadata(sr545: Review) -> None:
    meta = sr545.metadata
    assert meta is not None
    assert (meta.committee, meta.session, meta.symbol) == ("CMW", 38, "CMW/C/SR.545")
    assert (meta.meeting, meta.date, meta.chair) == (545, "2024-04-05", "Ms. Okonjo")
    assert meta.title == "Summary record of the 545th meeting"
    assert meta.report is not None
    assert (meta.report.numbers, meta.report.symbol) == ((2,), "CMW/C/ARD/2")


@pytest.mark.parametrize("dialogue", DIALOGUES, ids=lambda p: p.stem)
def test_summary_record_participants_are_named_as_the_annotations_say(dialogue: Path) -> None:
    gold = json.loads(dialogue.read_text(encoding="utf-8"))
    seen: dict[str, str] = {}
    for record in gold["records"]:
        for p in analyze(CYCLE / Path(record).name).participants:
            seen[p.name] = p.side
    want = {}
    for p in gold["participants"]:
        form = p["in_record"]
        if form == "The Chair":
            surname = p["name"].split()[-1]
        else:
            surname = re.sub(r"^(?:Mr|Ms|Mrs|Dr)\.\s+|\s*\(.*\)$", "", form)
        want[surname] = p["side"]
    assert seen == want


@pytest.mark.parametrize(
    ("sentence", "name", "side", "title"),
    [
        (
            "Ms. Vasconcelos (Country Rapporteur) said that",
            "Vasconcelos",
            "committee",
            "Country Rapporteur",
        ),
        ("Mr. Lindar (Ardenia) said that that was correct.", "Lindar", "delegation", None),
        ("Mr. Haddadi said that the extension was welcome.", "Haddadi", "committee", None),
        ("Mr. Estévez Rincón asked how many staff served.", "Estévez Rincón", "committee", None),
        (
            "12.\tMs. Qureshi wished to know whether fees were charged.",
            "Qureshi",
            "committee",
            None,
        ),
        (
            "Ms. Ayala (Coordinator of the Country Task Force) said",
            "Ayala",
            "committee",
            "Coordinator of the Country Task Force",
        ),
        (
            "Mr. Kim (Secretary of the Committee) said that",
            "Kim",
            "other",
            "Secretary of the Committee",
        ),
        (
            "Ms. Rahmani (Islamic Republic of Iran), introducing the report, said",
            "Rahmani",
            "delegation",
            None,
        ),
        ("Chair:\tMr. Holmqvist", "Holmqvist", "committee", "Chair"),
    ],
)
def test_summary_record_speaker_forms(
    sentence: str, name: str, side: str, title: str | None
) -> None:
    cue = record_cues.find_speaker(sentence)
    assert cue is not None
    assert (cue.kind, cue.name, cue.side, cue.title) == ("named", name, side, title)
    assert sentence[cue.start : cue.end] == name


def test_summary_record_chair_and_delegation_forms() -> None:
    chair = record_cues.find_speaker("The Chair invited the delegation to continue its replies.")
    assert chair is not None and (chair.kind, chair.side) == ("chair", "committee")
    delegate = record_cues.find_speaker("A representative of Freedonia said that it had not.")
    assert delegate is not None and (delegate.kind, delegate.side) == ("delegation", "delegation")
    assert record_cues.find_speaker("The Committee had received reports of hate speech.") is None
    presenting = record_cues.find_speaker(
        "Ms. Dobrova (Ardenia), introducing her country's second periodic report, said that"
    )
    assert presenting is not None and presenting.presenting


def test_summary_record_header_of_another_committee() -> None:
    text = (
        "United Nations\tCAT/C/SR.2100\n\nCommittee against Torture\nEightieth session\n"
        "Summary record of the 2100th meeting\n"
        "Held at the Palais Wilson, Geneva, on Tuesday, 14 July 2026, at 10 a.m.\n\n"
        "Chair:\tMr. Tuzmukhamedov (Vice-Chair)\n"
    )
    header = summary_record.meeting_header(text)
    assert header is not None
    assert (header.meeting, header.date, header.chair, header.committee) == (
        2100,
        "2026-07-14",
        "Mr. Tuzmukhamedov (Vice-Chair)",
        "Committee against Torture",
    )


@pytest.mark.parametrize("blank", [True, False], ids=["blank-lines", "single-breaks"])
def test_summary_record_hard_wrapped_gives_the_same_questions(sr545: Review, blank: bool) -> None:
    """A record saved from a PDF: lines wrapped at 72, often no blank line between numbered
    paragraphs; each numbered paragraph is found again with its wrapped lines."""
    import textwrap

    from rapporteur.api import analyze_bytes

    lines = SR545.read_text(encoding="utf-8").split("\n")
    joiner = "\n\n" if blank else "\n"
    text = joiner.join("\n".join(textwrap.wrap(x, 72)) if len(x) > 72 else x for x in lines)
    wrapped = analyze_bytes(text.encode(), "sr545.txt")
    assert wrapped.document_kind == "summary_record"

    def facts(review: Review) -> list[tuple[str, str]]:
        return [(" ".join(q.text.split()), q.asker) for q in review.questions]

    assert facts(wrapped) == facts(sr545)
    assert [(t.speaker, t.side) for t in wrapped.turns] == [
        (t.speaker, t.side) for t in sr545.turns
    ]


def test_summary_record_read_alone_a_continued_dialogue_opens_with_responses() -> None:
    """SR.546 continues the dialogue ("Second periodic report of Ardenia (continued)"): the
    delegation's first paragraphs reply to questions of the previous meeting."""
    review = analyze(CYCLE / "fictional-cmw-ardenia-sr546.txt")
    body = [s.kind for s in review.sections if s.kind in {"presentation", "responses"}]
    assert body and set(body) == {"responses"}
    first = analyze(SR545)
    assert next(s.kind for s in first.sections if s.kind in {"presentation", "responses"}) == (
        "presentation"
    )


def test_summary_record_particles_and_a_change_of_chair() -> None:
    cue = record_cues.find_speaker("Mr. de Frouville said that the Committee was concerned.")
    assert cue is not None and (cue.name, cue.side) == ("de Frouville", "committee")
    text = SR545.read_text(encoding="utf-8").replace(
        "22.\tThe meeting was suspended at 4.20 p.m. and resumed at 4.45 p.m.",
        "22.\tMr. Kanouté (Vice-Chair) took the Chair.",
    )
    framed = genres.frame([text[s:e] for s, e in split_paragraphs(text)])
    kinds, _ = summary_record.classify(framed)
    took = next(i for i, t in enumerate(framed.texts) if "took the Chair" in t)
    assert kinds[took] == "boilerplate"


def test_summary_record_running_headers_do_not_interrupt_a_speaker() -> None:
    """A record saved from a PDF repeats its symbol, job number and page number on each page;
    the paragraph after them continues the speaker before them."""
    text = SR545.read_text(encoding="utf-8").replace(
        "\n10.\t",
        "\n\nCMW/C/SR.545\n\nGE.24-06234\t3\n\n4\n\nThe State party had been one of the "
        "first. She asked whether it was true.\n11.\t",
    )
    review = analyze_bytes(text.encode(), "sr545.txt")
    turns = {t.line: t for t in review.turns}
    lines = text.split("\n")
    continued = next(
        i + 1 for i, x in enumerate(lines) if x.startswith("The State party had been one")
    )
    assert turns[continued].speaker == "Vasconcelos" and turns[continued].side == "committee"
    header = next(i + 1 for i, x in enumerate(lines) if x == "CMW/C/SR.545")
    kinds = {s.first_line: s.kind for s in review.sections}
    assert kinds[header] == "chrome"


def test_summary_record_without_paragraph_numbers_reads_the_same(sr545: Review) -> None:
    """Word keeps a record's paragraph numbers in its list format: the text has none, and the
    body begins after the agenda item that follows the call to order."""
    lines = SR545.read_text(encoding="utf-8").split("\n")
    plain = [" ".join(re.sub(r"^\d{1,3}\.\t", "", x).split()) for x in lines]
    text = "\n\n".join(x for x in plain if x) + "\n"
    review = analyze_bytes(text.encode(), "sr545.docx.txt")
    assert review.document_kind == "summary_record"
    assert [q.text for q in review.questions] == [q.text for q in sr545.questions]
    assert [(t.speaker, t.side) for t in review.turns] == [(t.speaker, t.side) for t in sr545.turns]


def test_summary_record_header_date_wrapped_over_two_lines() -> None:
    header = summary_record.meeting_header(
        "Human Rights Committee\nSummary record (partial) of the 4012th meeting\n"
        "Held at the Palais Wilson, Geneva, on Monday,\n3 March 2025, at 10 a.m.\n"
    )
    assert header is not None
    assert (header.meeting, header.date, header.committee) == (
        4012,
        "2025-03-03",
        "Human Rights Committee",
    )
