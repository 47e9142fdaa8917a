"""CSV tables: one file per table, UTF-8 with BOM, CRLF, header row, defused formulas."""

from __future__ import annotations

import csv
import io
from typing import Any

from rapporteur.output import csv_tables
from tests.output.samples import (
    NOTE,
    certainty_data,
    contradiction_data,
    decided_review,
    hostile_data,
    minimal_data,
)


def _read(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff"), "UTF-8 BOM so that Excel reads the file as UTF-8"
    raw = text.encode("utf-8")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_csv_tables_every_sample_has_four_tables_with_headers(
    sample: tuple[str, dict[str, Any]],
) -> None:
    _, data = sample
    files = csv_tables.tables(data)
    assert list(files) == ["questions.csv", "answers.csv", "figures.csv", "commitments.csv"]
    for name, text in files.items():
        header = text.lstrip("\ufeff").split("\r\n", 1)[0]
        assert header == ",".join(csv_tables.COLUMNS[name.removesuffix(".csv")])
    questions = _read(files["questions.csv"])
    assert len(questions) == len(data["questions"])
    assert len(_read(files["answers.csv"])) == sum(len(q["answers"]) for q in data["questions"])
    assert len(_read(files["figures.csv"])) == len(data["figures"])
    assert len(_read(files["commitments.csv"])) == len(data["commitments"])
    for row, q in zip(questions, data["questions"], strict=True):
        assert row["id"] == q["id"]
        assert row["line"] == str(q["line"])
        assert row["status"] == q["status"]
        assert row["question"].removeprefix("'") == q["text"]
        assert row["section"], "every question says which section it comes from"


def test_csv_tables_rows_end_with_crlf() -> None:
    text = csv_tables.table(contradiction_data(), "figures")
    lines = text.split("\r\n")
    assert lines[-1] == "" and len(lines) == 4  # header, two figures, final CRLF
    assert all("\n" not in line for line in lines)


def test_csv_tables_mark_contradictions_with_figure_numbers() -> None:
    rows = _read(csv_tables.table(contradiction_data(), "figures"))
    assert [r["figure"] for r in rows] == ["1", "2"]
    assert rows[0]["contradicts"] == "2" and rows[1]["contradicts"] == "1"
    assert rows[0]["contradiction"] == "conflict: 1.2 million vs 1.4 million workers abroad"
    assert rows[0]["value"] == "1200000" and rows[0]["qualifier"] == "around"
    assert rows[0]["section"] == "Presentation of Report" and rows[0]["line"] == "3"


def test_csv_tables_answers_and_commitments() -> None:
    data = contradiction_data()
    answers = _read(csv_tables.table(data, "answers"))
    assert answers == [
        {
            "question_id": "q001",
            "rank": "1",
            "question_line": "7",
            "asker": "An Expert",
            "status": "partial",
            "section": "Responses by the Delegation",
            "line": "11",
            "score": "0.61",
            "text": "There were 1.4 million workers abroad.",
        }
    ]
    (commitment,) = _read(csv_tables.table(data, "commitments"))
    assert commitment["text"] == "A census would be held in 2026."
    assert commitment["kind"] == "plan" and commitment["line"] == "11"
    (question,) = _read(csv_tables.table(data, "questions"))
    assert question["answer_lines"] == "11" and question["themes"] == "migration-statistics"
    assert (question["answer_line"], question["score"]) == ("11", "0.6100")
    assert question["answer_text"] == "There were 1.4 million workers abroad."


def test_csv_tables_questions_extend_the_analyze_csv_columns() -> None:
    assert set(csv_tables.ANALYZE_COLUMNS) <= set(csv_tables.QUESTION_COLUMNS)
    assert csv_tables.ANALYZE_COLUMNS[:7] == (
        "id",
        "line",
        "asker",
        "kind",
        "status",
        "score",
        "answer_line",
    )


def test_csv_tables_questions_say_how_sure_each_status_is() -> None:
    rows = _read(csv_tables.table(certainty_data(), "questions"))
    assert [(r["status"], r["confidence"], r["needs_check"]) for r in rows] == [
        ("answered", "0.920", "false"),
        ("partial", "0.550", "true"),
        ("unanswered", "0.400", "true"),
        ("unanswered", "0.880", "false"),
    ]


def test_csv_tables_unknown_confidence_is_empty_and_needs_check() -> None:
    data = contradiction_data()  # a question written before confidence existed
    (row,) = _read(csv_tables.table(data, "questions"))
    assert (row["confidence"], row["needs_check"]) == ("", "true")
    data["questions"][0].update(confidence=None, needs_check=True)
    (row,) = _read(csv_tables.table(data, "questions"))
    assert (row["confidence"], row["needs_check"]) == ("", "true")


def test_csv_tables_analyze_csv_is_the_questions_table_for_pipes() -> None:
    data = certainty_data()
    text = csv_tables.analyze_csv(data)
    assert not text.startswith("\ufeff") and "\r\n" not in text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(csv_tables.ANALYZE_COLUMNS)
    table = _read(csv_tables.table(data, "questions"))
    for row, full in zip(rows, table, strict=True):
        assert row == {c: full[c] for c in csv_tables.ANALYZE_COLUMNS}
    assert (rows[1]["confidence"], rows[1]["needs_check"]) == ("0.550", "true")


def test_csv_tables_defuse_formulas_but_keep_text() -> None:
    data = contradiction_data()
    data["questions"][0]["text"] = '=HYPERLINK("http://evil.example","click")?'
    data["questions"][0]["asker"] = "@Expert"
    data["figures"][0]["value"] = -5  # numbers are never altered
    (row,) = _read(csv_tables.table(data, "questions"))
    assert row["question"] == '\'=HYPERLINK("http://evil.example","click")?'
    assert row["asker"] == "'@Expert"
    assert _read(csv_tables.table(data, "figures"))[0]["value"] == "-5"
    rows = _read(csv_tables.table(hostile_data(), "questions"))
    assert any("<script>alert('x')</script>" in r["question"] for r in rows), (
        "CSV keeps text as written: escaping is for HTML, not for spreadsheets"
    )


def test_csv_tables_say_who_decided_each_status() -> None:
    data, agree, differ = decided_review()
    rows = {r["id"]: r for r in _read(csv_tables.table(data, "questions"))}
    columns = ("status", "confidence", "needs_check", "status_source", "checked_by")
    more = ("checked_at", "machine_status", "score")
    assert tuple(rows[agree["id"]][c] for c in columns + more) == (
        "answered",
        "",
        "false",
        "person",
        "Ana Lima",
        "2026-12-06T10:00:00Z",
        "answered",
        f"{agree['answers'][0]['score']:.4f}",  # the tool's passages, kept by Ana
    )
    assert rows[agree["id"]]["note"] == "Confirmed."
    # Ben disagrees with the tool; his passage has no score; his note is defused
    assert tuple(rows[differ["id"]][c] for c in columns + more) == (
        "partial",
        "",
        "false",
        "person",
        "Ben Osei",
        "2026-12-06T10:00:00Z",
        "unanswered",
        "",
    )
    assert rows[differ["id"]]["note"] == "'" + NOTE
    others = [r for i, r in rows.items() if i not in (agree["id"], differ["id"])]
    assert {r["status_source"] for r in others} == {"machine"}
    assert all(r["machine_status"] == r["status"] and not r["checked_by"] for r in others)
    answers = [
        r for r in _read(csv_tables.table(data, "answers")) if r["question_id"] == differ["id"]
    ]
    assert [(a["status"], a["score"]) for a in answers] == [("partial", "")]


def test_csv_tables_defuse_the_names_people_give() -> None:
    data, _, differ = decided_review()
    hostile = {**differ, "decision": {**differ["decision"], "by": "=cmd|'/c calc'!A1"}}
    data = {**data, "questions": [hostile]}
    (row,) = _read(csv_tables.table(data, "questions"))
    assert row["checked_by"] == "'=cmd|'/c calc'!A1"


def test_csv_tables_analyze_csv_says_the_tool_decided() -> None:
    rows = list(csv.DictReader(io.StringIO(csv_tables.analyze_csv(certainty_data()))))
    assert list(rows[0])[-5:] == [
        "status_source",
        "checked_by",
        "checked_at",
        "note",
        "machine_status",
    ]
    assert {(r["status_source"], r["checked_by"], r["note"]) for r in rows} == {("machine", "", "")}
    assert [r["machine_status"] for r in rows] == [r["status"] for r in rows]


def test_csv_tables_of_an_empty_review_are_headers_only() -> None:
    for name, text in csv_tables.tables(minimal_data()).items():
        assert text.count("\r\n") == 1, name


def test_csv_tables_keep_non_ascii_names() -> None:
    data = contradiction_data()
    data["questions"][0]["asker"] = "Can Ünver"
    text = csv_tables.table(data, "questions")
    assert "Can Ünver" in text.encode("utf-8").decode("utf-8-sig")


# ---------------------------------------------------------------- concluding observations


def test_csv_concluding_observations_one_row_per_sub_paragraph() -> None:
    from tests.output.samples import concluding_data

    data = concluding_data("cmw-co2")
    files = csv_tables.tables(data)
    assert list(files) == ["recommendations.csv"]
    rows = _read(files["recommendations.csv"])
    assert files["recommendations.csv"].count("\r\n") == len(rows) + 1
    assert list(rows[0]) == list(csv_tables.RECOMMENDATION_COLUMNS)
    expected = [(r["paragraph"], r["letter"]) for r in data["recommendations"]]
    assert [(int(r["paragraph"]), r["letter"] or None) for r in rows] == expected
    assert len({(r["paragraph"], r["letter"]) for r in rows}) == len(rows)
    by_id = {r["id"]: r for r in rows}
    assert by_id["r10a"]["citation"] == "CMW/C/ARD/CO/2, para. 10 (a)"
    assert by_id["r10a"]["symbol"] == "CMW/C/ARD/CO/2"
    assert by_id["r10a"]["text"].startswith("Bring the Migration Act")
    assert by_id["r10b"]["articles"] == "51; 73; 84"
    assert by_id["r12"]["reiterates_symbol"] == "CMW/C/ARD/CO/1"
    assert by_id["r12"]["reiterates_paragraph"] == "11"


def test_csv_concluding_observations_follow_up_rows_carry_the_due_date() -> None:
    from tests.output.samples import concluding_data

    rows = _read(csv_tables.table(concluding_data("cmw-co2"), "recommendations"))
    follow = [r for r in rows if r["follow_up"] == "true"]
    assert [r["id"] for r in follow] == ["r18a", "r28b", "r42a"]
    assert {r["follow_up_due"] for r in follow} == {"2026-04-11"}
    assert {r["follow_up_due"] for r in rows if r["follow_up"] == "false"} == {""}


def test_csv_concluding_observations_are_defused() -> None:
    from tests.output.samples import HOSTILE_HEADING, hostile_concluding_data

    rows = _read(csv_tables.table(hostile_concluding_data(), "recommendations"))
    assert rows[0]["text"].startswith("'=HYPERLINK(")
    assert HOSTILE_HEADING in {r["heading"] for r in rows}


def test_csv_analyze_of_concluding_observations_lists_recommendations() -> None:
    from tests.output.samples import concluding_data

    data = concluding_data("crc-co5")
    text = csv_tables.analyze_csv(data)
    assert not text.startswith("\ufeff") and "\r\n" not in text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(data["recommendations"])
    assert rows[0]["citation"] == "CRC/C/ARD/CO/5-6, para. 6"
