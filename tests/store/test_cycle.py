"""rapporteur.store: schema 3 (kinds, review grouping, recommendations and their links)."""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from rapporteur.store import SCHEMA_VERSION, Filters, Store
from tests.test_store import downgrade


@pytest.fixture
def library(cycle: dict[str, dict[str, Any]]) -> Any:
    with Store(":memory:") as store:
        for name in ("co1", "co2", "summary"):
            store.put(copy.deepcopy(cycle[name]))
        yield store


def test_cycle_migration_from_schema_2_keeps_and_groups_the_reviews(
    tmp_path: Path, cycle: dict[str, dict[str, Any]]
) -> None:
    path = tmp_path / "lib.db"
    with Store(path) as store:
        for name in ("co1", "co2", "summary"):
            store.put(copy.deepcopy(cycle[name]))
        before = {s.id: s.questions for s in store.list_reviews().reviews}
    downgrade(path, 2)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == 2
    conn.close()
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION == 5
        assert {s.id: s.questions for s in store.list_reviews().reviews} == before
        page = store.list_groups()
        assert page.total == 2
        kinds = {g.report_symbol: [d.kind for d in g.documents] for g in page.groups}
        assert kinds == {
            "CMW/C/ARD/2": ["meeting_summary", "concluding_observations"],
            "CMW/C/ARD/1": ["concluding_observations"],
        }
        hits = store.search("detention", Filters(kinds=("recommendation",)))
        assert hits.total > 0
        assert store.stale_groups()  # links are computed by the next ingest
        assert store.integrity_check() == "ok"


def test_cycle_migration_4_from_either_schema_3(
    tmp_path: Path, cycle: dict[str, dict[str, Any]]
) -> None:
    """Schema 3 as released (no superseded column) and as a development build left it (with
    it) both migrate to 4; the links are then due again."""
    for keep_column in (False, True):
        path = tmp_path / f"lib-{keep_column}.db"
        with Store(path) as store:
            store.put(copy.deepcopy(cycle["co2"]))
            store.conn.execute("UPDATE reviews SET linked = 1")
        if keep_column:
            downgrade(path, 4)
            conn = sqlite3.connect(path)
            conn.execute("DELETE FROM schema_version WHERE version > 3")
            conn.commit()
            conn.close()
        else:
            downgrade(path, 3)
        with Store(path) as store:
            assert store.schema_version() == SCHEMA_VERSION
            assert store.stale_groups()
            assert store.search("detention").total > 0


def test_cycle_recommendation_rows(library: Store, cycle: dict[str, dict[str, Any]]) -> None:
    co2 = library.lookup(cycle["co2"]["document"]["sha256"])
    assert co2 is not None
    rows = library.recommendations(co2[0])
    assert len(rows) == len(cycle["co2"]["recommendations"])
    by_id = {r.rid: r for r in rows}
    assert by_id["r18a"].follow_up and by_id["r18a"].follow_up_due == "2026-04-11"
    assert by_id["r18a"].reference == "para. 18 (a)"
    assert (by_id["r18a"].reiterates_symbol, by_id["r18a"].reiterates_paragraph) == (
        "CMW/C/ARD/CO/1",
        19,
    )
    assert by_id["r18a"].repeated and not by_id["r14"].repeated
    assert not by_id["r14"].follow_up and by_id["r14"].follow_up_due is None


def test_cycle_search_over_recommendations_with_facets(library: Store) -> None:
    result = library.search("detention", Filters(kinds=("recommendation",)))
    assert result.total >= 2
    assert {h.kind for h in result.hits} == {"recommendation"}
    hit = result.hits[0]
    assert hit.reference and hit.reference.startswith("para. ")
    assert hit.follow_up is not None and hit.repeated is not None
    facets = result.facets
    assert set(facets["follow_up"]) <= {"yes", "no"} and sum(facets["follow_up"].values()) == (
        result.total
    )
    assert sum(facets["repeated"].values()) == result.total
    assert facets["theme"] and facets["committee"] == {"CMW": result.total}
    followed = library.search("detention", Filters(follow_up=True))
    assert followed.total == facets["follow_up"].get("yes", 0)
    assert all(h.follow_up for h in followed.hits)
    repeated = library.search("detention", Filters(repeated=False))
    assert repeated.total == facets["repeated"].get("no", 0)
    theme = next(iter(facets["theme"]))
    themed = library.search("detention", Filters(kinds=("recommendation",), theme=theme))
    assert themed.total == facets["theme"][theme]
    # Without a kind, questions of the meeting summary are found too; the theme filter keeps
    # only questions and recommendations.
    everything = library.search("detention", Filters(theme=theme))
    assert {h.kind for h in everything.hits} <= {"question", "recommendation"}


def test_cycle_links_are_replaced_not_added(library: Store, cycle: dict[str, Any]) -> None:
    co1, co2, summary = (library.lookup(cycle[n]["document"]["sha256"]) for n in cycle)
    assert co1 and co2 and summary
    group = library.group_of(co2[0])
    stamps = {d.id: d.updated_at for d in group.documents}
    data = copy.deepcopy(dict(library.get(co2[0]).data))
    data["recommendations"][0]["questions"] = ["q1"]
    rows = [(co2[0], data["recommendations"][0]["id"], summary[0], "q1", 0, 0.9, "words")]
    previous = [(co2[0], "r12", co1[0], "r11", 11, None, 1.0, "explicitly reiterates")]
    for _ in range(2):
        assert library.save_links(group.key, {co2[0]: data}, rows, previous, stamps)
        stamps = {d.id: d.updated_at for d in library.group_of(co2[0]).documents}
    recs = {r.rid: r for r in library.recommendations(co2[0])}
    first = recs[data["recommendations"][0]["id"]]
    assert [(q["qid"], q["dialogue_id"]) for q in first.questions] == [("q1", summary[0])]
    assert recs["r12"].previous and recs["r12"].previous["previous_rid"] == "r11"
    assert library.get(co2[0]).data["recommendations"][0]["questions"] == ["q1"]
    assert group.key not in library.stale_groups()
    # A changed document (another process) makes the pass write nothing.
    assert not library.save_links(group.key, {}, [], [], {})
    # The previous cycle deleted: its links go with it.
    library.delete(co1[0])
    assert library.recommendations(co2[0])[0].previous is None
    assert all(r.previous is None for r in library.recommendations(co2[0]))
    assert library.previous_observations(co2[0]) is None
