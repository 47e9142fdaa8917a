"""rapporteur.linking: the cycle's links made on ingest, whatever the order, kept on re-ingest."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from rapporteur import library
from rapporteur.settings import Settings
from rapporteur.store import Store

CYCLE = Path(__file__).resolve().parent.parent / "examples" / "cycle"
CO1 = CYCLE / "fictional-cmw-ardenia-co1.txt"
CO2 = CYCLE / "fictional-cmw-ardenia-co2.txt"
SUMMARY = CYCLE / "fictional-cmw-ardenia-summary.txt"
LEXICAL = Settings(method="lexical")
TRACING = importlib.util.find_spec("rapporteur.stages.tracing") is not None


def _links(path: Path) -> tuple[set[tuple[object, ...]], set[tuple[object, ...]], int, int]:
    with Store(path) as store:
        sym = dict(store.conn.execute("SELECT id, coalesce(symbol, kind) FROM reviews"))
        questions = {
            (sym[a], rid, sym[d], qid, rank, score)
            for a, rid, d, qid, rank, score in store.conn.execute(
                "SELECT review_id, rid, dialogue_id, qid, rank, score FROM recommendation_questions"
            )
        }
        previous = {
            (sym[a], rid, sym[p], prid, score)
            for a, rid, p, prid, score in store.conn.execute(
                "SELECT review_id, rid, previous_id, previous_rid, score "
                "FROM recommendation_previous"
            )
        }
        (nq,) = store.conn.execute("SELECT count(*) FROM recommendation_questions").fetchone()
        (np_,) = store.conn.execute("SELECT count(*) FROM recommendation_previous").fetchone()
    return questions, previous, nq, np_


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lib") / "lib.db"
    for source in (CO1, CO2, SUMMARY):  # one at a time, oldest first
        summary = library.ingest_paths([source], path, settings=LEXICAL, workers=1)
        assert summary.ok
    return path


def test_linking_does_not_depend_on_the_order(ingested: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    summary = library.ingest_paths([SUMMARY, CO2, CO1], other, settings=LEXICAL, workers=1)
    assert summary.ok and summary.links.reviews >= 1
    assert _links(other) == _links(ingested)
    with Store(other) as a, Store(ingested) as b:
        assert {(g.report_symbol, g.kinds) for g in a.list_groups().groups} == {
            (g.report_symbol, g.kinds) for g in b.list_groups().groups
        }


def test_linking_explicit_reiterations_point_to_the_cited_paragraph(ingested: Path) -> None:
    _, previous, _, _ = _links(ingested)
    explicit = {(rid, prid) for co, rid, prev, prid, score in previous if score == 1.0}
    assert {co for co, *_ in previous} == {"CMW/C/ARD/CO/2"}
    assert {prev for _, _, prev, _, _ in previous} == {"CMW/C/ARD/CO/1"}
    # Every recommendation of co2 that cites CO/1 para. N is linked to an item of para. N.
    with Store(ingested) as store:
        co2 = store.conn.execute(
            "SELECT id FROM reviews WHERE symbol = 'CMW/C/ARD/CO/2'"
        ).fetchone()[0]
        cited = {
            r.rid: r.reiterates_paragraph
            for r in store.recommendations(co2)
            if r.reiterates_symbol == "CMW/C/ARD/CO/1"
        }
        found = {r.rid: r.previous for r in store.recommendations(co2) if r.previous}
    assert cited and set(cited) == {rid for rid, _ in explicit}
    assert all(found[rid]["paragraph"] == para for rid, para in cited.items())


@pytest.mark.skipif(not TRACING, reason="the tracing stage is not installed")
def test_linking_traces_recommendations_to_the_dialogue(ingested: Path) -> None:
    questions, _, _, _ = _links(ingested)
    assert questions and {(co, d) for co, _, d, *_ in questions} == {
        ("CMW/C/ARD/CO/2", "meeting_summary")
    }
    with Store(ingested) as store:
        data = store.conn.execute(
            "SELECT id FROM reviews WHERE symbol = 'CMW/C/ARD/CO/2'"
        ).fetchone()[0]
        stored = store.get(data).data
    filled = {r["id"]: r["questions"] for r in stored["recommendations"]}
    assert any(filled.values())
    assert {(rid, q) for rid, qs in filled.items() for q in qs} == {
        (rid, qid) for _, rid, _, qid, _, _ in questions
    }


def test_linking_reingest_keeps_links_without_duplicates(ingested: Path) -> None:
    before = _links(ingested)
    again = library.ingest_paths(
        [CO2, SUMMARY, CO1], ingested, settings=LEXICAL, workers=1, force=True
    )
    assert again.updated == 3
    assert _links(ingested) == before
    assert before[2] == len(before[0]) and before[3] == len(before[1])
    skipped = library.ingest_paths([CO1, CO2, SUMMARY], ingested, settings=LEXICAL, workers=1)
    assert skipped.skipped == 3 and skipped.links.reviews == 0
    assert _links(ingested) == before


def test_linking_resumes_after_an_ingest_killed_before_linking(tmp_path: Path) -> None:
    """Documents stored but not linked (the process died in between) are linked by the
    next ingest, even one that skips every document."""
    path = tmp_path / "lib.db"
    from rapporteur.api import analyze
    from rapporteur.output.json_out import to_dict

    with Store(path) as store:
        for source in (CO1, CO2):
            store.put(to_dict(analyze(source, LEXICAL)), source.read_bytes())
    summary = library.ingest_paths([CO1, CO2], path, settings=LEXICAL, workers=1)
    assert summary.skipped == 2 and summary.links.previous_links > 0


SR545 = CYCLE / "fictional-cmw-ardenia-sr545.txt"
SR546 = CYCLE / "fictional-cmw-ardenia-sr546.txt"


def _records(path: Path) -> tuple[list[tuple[str, str]], set[str]]:
    with Store(path) as store:
        docs = sorted(
            (str(kind), str(symbol))
            for kind, symbol in store.conn.execute(
                "SELECT kind, symbol FROM reviews WHERE kind = 'summary_record'"
            )
        )
        traced = {
            str(symbol)
            for (symbol,) in store.conn.execute(
                "SELECT DISTINCT d.symbol FROM recommendation_questions q "
                "JOIN reviews d ON d.id = q.dialogue_id"
            )
        }
    return docs, traced


def test_linking_joins_the_summary_records_of_a_review(tmp_path: Path) -> None:
    """Two summary records of one review are also read as one (questions of the first
    meeting find answers in the second) and traced as one, whatever the order; the join is
    not duplicated by a re-ingest."""
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    for source in (SR546, CO2, SR545):
        assert library.ingest_paths([source], first, settings=LEXICAL, workers=1).ok
    assert library.ingest_paths([SR545, SR546, CO2], second, settings=LEXICAL, workers=1).ok
    joined = "CMW/C/SR.545 + CMW/C/SR.546"
    expected = sorted(
        [
            ("summary_record", "CMW/C/SR.545"),
            ("summary_record", "CMW/C/SR.546"),
            ("summary_record", joined),
        ]
    )
    for path in (first, second):
        docs, traced = _records(path)
        assert docs == expected
        if TRACING:
            assert traced == {joined}
    assert _links(first) == _links(second)
    again = library.ingest_paths([SR545, SR546], first, settings=LEXICAL, workers=1, force=True)
    assert again.updated == 2
    assert _records(first)[0] == expected
    with Store(first) as store:
        group = store.list_groups().groups
        assert len(group) == 1 and group[0].kinds == ("summary_record", "concluding_observations")
        assert group[0].main.symbol == joined
        # Search shows each passage of the records once: in the joined review.
        hits = store.search("Vardel", limit=100).hits
        found = {h.review_id for h in hits if h.kind == "question"}
        assert found == {group[0].main.id}


def test_linking_a_failure_does_not_fail_the_ingest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug while linking one review leaves its documents stored and the review due; the
    next ingest links it."""
    from rapporteur.stages import recommendation_links

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("broken on purpose")

    path = tmp_path / "lib.db"
    monkeypatch.setattr(recommendation_links, "link_previous", broken)
    summary = library.ingest_paths([CO1, CO2], path, settings=LEXICAL, workers=1)
    assert summary.ok and summary.added == 2
    assert summary.links.failed and "broken on purpose" in summary.links.failed[0][1]
    monkeypatch.undo()
    again = library.ingest_paths([CO1, CO2], path, settings=LEXICAL, workers=1)
    assert again.skipped == 2 and again.links.previous_links == 26 and not again.links.failed
