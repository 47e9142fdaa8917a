"""The review cycle on the command line: `library` (reviews with their documents), `state`
(a State's cycle) and `search --kind recommendation` with its filters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rapporteur import cli

CYCLE = Path(__file__).resolve().parent.parent / "examples" / "cycle"
SOURCES = [
    CYCLE / "fictional-cmw-ardenia-co1.txt",
    CYCLE / "fictional-cmw-ardenia-co2.txt",
    CYCLE / "fictional-cmw-ardenia-summary.txt",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cycle") / "lib.db"
    args = ["ingest", *map(str, SOURCES), "--db", str(path), "-j", "1", "--method", "lexical"]
    result = CliRunner().invoke(cli.main, args)
    assert result.exit_code == 0, result.output
    assert "Linked 2 reviews:" in result.output and "26 to recommendations of the previous" in (
        result.output
    )
    # Three documents, two reviews: the summary and CO/2 are one review, CO/1 another.
    assert "holds 3 documents of 2 reviews." in result.output
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_library_groups_documents_under_their_review(db: Path) -> None:
    code, out, _ = run("library", "--db", str(db))
    assert code == 0
    blocks = out.split("\n\n")
    second = next(b for b in blocks if "CMW/C/ARD/2" in b.splitlines()[0])
    assert "meeting summary" in second and "concluding observations  CMW/C/ARD/CO/2" in second
    first = next(b for b in blocks if "CMW/C/ARD/1" in b.splitlines()[0])
    assert "CMW/C/ARD/CO/1" in first and "meeting summary" not in first
    code, out, _ = run("library", "--db", str(db), "--format", "json")
    page = json.loads(out)
    assert page["total"] == 2
    assert {tuple(r["kinds"]) for r in page["reviews"]} == {
        ("meeting_summary", "concluding_observations"),
        ("concluding_observations",),
    }


def test_cli_state_shows_follow_up_with_due_dates(db: Path) -> None:
    code, out, _ = run("state", "Ardenia", "--db", str(db), "--as-of", "2026-01-01")
    assert code == 0
    assert "2017  CMW/C/ARD/1" in out and "2024  CMW/C/ARD/2" in out
    assert "follow-up information due 2026-04-11" in out
    assert "CMW/C/ARD/CO/2 para. 18 (a): Data collection, due 2026-04-11\n" in out
    assert "PAST DUE" not in out
    late = run("state", "ardenia", "--db", str(db), "--as-of", "2026-05-01")[1]
    assert "para. 18 (a): Data collection, due 2026-04-11  PAST DUE" in late
    assert "Subjects raised in more than one cycle" in out and "Detention" in out
    assert "para. 12 (Articles 76 and 77) repeats CMW/C/ARD/CO/1 para. 11" in out
    data = json.loads(run("state", "Ardenia", "--db", str(db), "--format", "json")[1])
    follow = {f["recommendation"]["reference"]: f["due"] for f in data["follow_up"]}
    assert follow == {
        "para. 18 (a)": "2026-04-11",
        "para. 28 (b)": "2026-04-11",
        "para. 42 (a)": "2026-04-11",
    }
    assert [r["year"] for r in data["committees"]["CMW"]] == [2017, 2024]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["state", "Nowhere"], "no review of 'Nowhere'"),
        (["state", "Ardenia", "--as-of", "soon"], "'soon' is not a date"),
        (["search", "detention", "--theme", "x", "--follow-up", "maybe"], "maybe"),
    ],
)
def test_cli_cycle_bad_input_is_one_sentence(db: Path, args: list[str], words: str) -> None:
    code, out, err = run(*args, "--db", str(db))
    assert code != 0 and words in (err or out)
    assert "Traceback" not in err + out


def test_cli_search_finds_recommendations(db: Path) -> None:
    code, out, _ = run(
        "search", "detention", "--kind", "recommendation", "--follow-up", "yes", "--db", str(db)
    )
    assert code == 0
    assert "recommendation" in out and "immigration detention of children" in out
    # Both cycles asked for follow-up information on the detention of children.
    assert "1–2 of 2 matches" in out and "2017" in out and "2024" in out
    data = json.loads(
        run("search", "detention", "--repeated", "yes", "--format", "json", "--db", str(db))[1]
    )
    assert data["hits"] and all(h["kind"] == "recommendation" for h in data["hits"])
    assert all(h["repeated"] for h in data["hits"])
    assert data["facets"]["repeated"] == {"yes": data["total"]}
