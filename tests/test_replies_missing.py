"""The first part of a review without the delegation's replies (issue 12): every surface says
the replies are missing instead of presenting the questions as unanswered for sure, and the
two parts read together answer them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rapporteur import library
from rapporteur.cli import main
from rapporteur.output import brief
from rapporteur.settings import Settings
from rapporteur.web import create_app
from tests.conftest import EXAMPLES
from tests.web.conftest import Client

SAYS = "replies are not in this document"


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The fictional CMW summary cut where the replies begin: questions, then replies."""
    whole = (EXAMPLES / "fictional-cmw-review.txt").read_text(encoding="utf-8")
    cut = whole.index("Responses by the Delegation")
    folder = tmp_path_factory.mktemp("parts")
    first, second = folder / "questions.txt", folder / "replies.txt"
    first.write_text(whole[:cut], encoding="utf-8")
    second.write_text(whole[cut:], encoding="utf-8")
    return first, second


def test_replies_missing_text_and_json_say_so(parts: tuple[Path, Path]) -> None:
    run = CliRunner().invoke(main, ["analyze", str(parts[0]), "--method", "lexical"])
    assert run.exit_code == 0 and SAYS in run.output
    assert "may be answered in the next part" in run.output
    data = CliRunner().invoke(
        main, ["analyze", str(parts[0]), "--method", "lexical", "--format", "json"]
    )
    review = json.loads(data.output)
    assert any(SAYS in w for w in review["warnings"])
    assert all(q["needs_check"] for q in review["questions"] if q["status"] == "unanswered")
    assert SAYS in brief.markdown(review)


def test_replies_missing_web_page_says_so(parts: tuple[Path, Path], tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    item = library.ingest_bytes(
        parts[0].read_bytes(), "questions.txt", db, settings=Settings(method="lexical")
    )
    client = Client(create_app(db))
    page = client.get(f"/reviews/{item.review_id}")
    assert page.status_code == 200 and SAYS in page.text


def test_replies_missing_two_parts_read_together_answer_the_questions(
    parts: tuple[Path, Path],
) -> None:
    run = CliRunner().invoke(
        main, ["analyze", str(parts[0]), str(parts[1]), "--method", "lexical", "--format", "json"]
    )
    assert run.exit_code == 0, run.output
    review = json.loads(run.output)
    assert not any(SAYS in w for w in review["warnings"])
    assert any(q["status"] == "answered" for q in review["questions"])
