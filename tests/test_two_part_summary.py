"""A meeting summary published in two parts (the Experts' questions one day, the delegation's
replies the next) is joined on ingest into one review, whatever order the parts arrive in,
with each part's provenance; the joined review answers the first part's questions (issue 12).
The parts are made from the bundled fictional summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapporteur import library
from rapporteur.api import analyze
from rapporteur.settings import Settings
from rapporteur.store import Store
from tests.conftest import EXAMPLES

SETTINGS = Settings(method="lexical")
SECOND_LEAD = (
    "Skip to main content\n\nCommittee on Migrant Workers Concludes Its Dialogue with Senegal\n\n"
    "The Committee on the Protection of the Rights of All Migrant Workers and Members of Their "
    "Families this morning concluded its consideration of the third periodic report of Senegal "
    "(CMW/C/SEN/3), hearing the replies of the delegation to the questions raised by Committee "
    "Experts at the previous meeting.\n\n"
)
RECONVENE = (
    "The Committee will reconvene at 10 a.m. on Wednesday, 13 September to hear the replies of "
    "the delegation of Senegal to the questions raised by Committee Experts.\n\n"
    "FICTIONAL SAMPLE for rapporteur tests: not a UN record.\n"
)


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    whole = (EXAMPLES / "fictional-cmw-review.txt").read_text(encoding="utf-8")
    cut = whole.index("Responses by the Delegation")
    folder = tmp_path_factory.mktemp("two-part")
    first, second = folder / "questions.txt", folder / "replies.txt"
    first.write_text(whole[:cut] + RECONVENE, encoding="utf-8")
    second.write_text(SECOND_LEAD + whole[cut:], encoding="utf-8")
    return [first, second]


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_two_part_summary_is_joined_on_ingest(
    parts: list[Path], order: tuple[int, int], tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"
    for i in order:  # one ingest per part, as they would be published
        assert library.ingest_paths([parts[i]], db, settings=SETTINGS, workers=1).ok
    group = library.list_groups(db).groups
    assert len(group) == 1 and len(group[0].documents) == 3
    joined = next(d for d in group[0].documents if " + " in d.origin)
    data = library.get_review(joined.id, db).data
    assert [p["origin"] for p in data["document"]["parts"]] == [str(p) for p in parts]
    assert not any("replies are not in this document" in w for w in data["warnings"])
    whole = analyze(EXAMPLES / "fictional-cmw-review.txt", SETTINGS)
    assert len(data["questions"]) == len(whole.questions)
    answered = sum(q["status"] != "unanswered" for q in data["questions"])
    assert answered >= sum(q.status != "unanswered" for q in whole.questions) - 2
    with Store(db) as store:  # the parts are found through the joined review only
        superseded = {r[0] for r in store.conn.execute("SELECT id FROM reviews WHERE superseded")}
    assert superseded == {d.id for d in group[0].documents if d.id != joined.id}


def test_two_summaries_of_one_review_with_their_replies_are_not_joined(tmp_path: Path) -> None:
    """Two complete summaries of the same review (say, saved twice in different forms) are
    kept apart: neither lacks its replies, so joining would count the dialogue twice."""
    db = tmp_path / "lib.db"
    text = (EXAMPLES / "fictional-cmw-review.txt").read_text(encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_text(text.replace("Skip to main content", "Meeting Summaries", 1), encoding="utf-8")
    sources = [EXAMPLES / "fictional-cmw-review.txt", copy]
    assert library.ingest_paths(sources, db, settings=SETTINGS, workers=1).ok
    group = library.list_groups(db).groups
    assert len(group) == 1 and len(group[0].documents) == 2
    assert not any(" + " in d.origin for d in group[0].documents)
