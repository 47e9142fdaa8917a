"""rapporteur.store: schema and migrations, writes, ids, FTS5 search."""

from __future__ import annotations

import contextlib
import copy
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from rapporteur import store as store_module
from rapporteur.api import analyze_text
from rapporteur.errors import (
    AmbiguousReview,
    InvalidQuery,
    ReviewNotFound,
    SchemaTooNew,
    StoreError,
)
from rapporteur.output.json_out import to_dict
from rapporteur.store import SCHEMA_VERSION, Filters, Store, is_older, safe_match, version_key
from tests.fictional import review_text


def downgrade(path: Path, version: int) -> None:
    """Undo the migrations after `version` on a library file, as an older rapporteur left it."""
    conn = sqlite3.connect(path)
    if version < 5:
        for table in ("login_failures", "sessions", "users", "decisions"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("ALTER TABLE questions DROP COLUMN checked")
        conn.execute("ALTER TABLE reviews DROP COLUMN n_checked")
        conn.execute("ALTER TABLE reviews DROP COLUMN language")
    if version < 4:
        conn.execute("ALTER TABLE reviews DROP COLUMN superseded")
    if version < 3:
        for table in (
            "recommendation_questions",
            "recommendation_previous",
            "recommendations_fts",
            "recommendations",
            "review_aliases",
        ):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DROP INDEX reviews_review_key")
        conn.execute("DROP INDEX reviews_linked")
        for column in ("kind", "symbol", "review_key", "linked"):
            conn.execute(f"ALTER TABLE reviews DROP COLUMN {column}")
    if version < 2:
        conn.execute("ALTER TABLE questions DROP COLUMN needs_check")
    conn.execute("DELETE FROM schema_version WHERE version > ?", (version,))
    conn.commit()
    conn.close()


def analysed(seed: int, **kwargs: Any) -> dict[str, Any]:
    return to_dict(analyze_text(review_text(seed, **kwargs), origin=f"review-{seed}.txt"))


@pytest.fixture(scope="module")
def samples() -> list[dict[str, Any]]:
    return [
        analysed(1, committee="CMW", state=("Senegal", "SEN"), year=2019),
        analysed(2, committee="CRC", state=("Norway", "NOR"), year=2021),
        analysed(3, committee="CMW", state=("Chile", "CHL"), year=2012),
    ]


@pytest.fixture
def fresh_store() -> Any:
    with Store(":memory:") as store:
        yield store


@pytest.fixture
def filled(fresh_store: Store, samples: list[dict[str, Any]]) -> Store:
    for data in samples:
        fresh_store.put(data)
    return fresh_store


def test_store_creates_the_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "lib.db"
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        journal = store.conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert journal == "wal"
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {
        "schema_version",
        "reviews",
        "participants",
        "paragraphs",
        "questions",
        "answers",
        "figures",
        "commitments",
        "questions_fts",
        "answers_fts",
        "paragraphs_fts",
        "figures_fts",
        "commitments_fts",
    } <= tables


def test_store_refuses_a_newer_schema_and_leaves_it_alone(tmp_path: Path) -> None:
    path = tmp_path / "lib.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (?, 'future')", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(SchemaTooNew) as info:
        Store(path)
    assert "newer rapporteur" in info.value.message
    assert info.value.exit_code == 6
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == (
        SCHEMA_VERSION + 1
    )


def test_store_runs_pending_migrations_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lib.db"
    Store(path).close()
    later = (
        *store_module.MIGRATIONS,
        ("CREATE TABLE notes (review_id TEXT, text TEXT)",),
        ("ALTER TABLE notes ADD COLUMN author TEXT",),
    )
    monkeypatch.setattr(store_module.schema, "MIGRATIONS", later)
    monkeypatch.setattr(store_module.schema, "SCHEMA_VERSION", len(later))
    with Store(path) as store:
        assert store.schema_version() == len(later)
        columns = [r[1] for r in store.conn.execute("PRAGMA table_info(notes)")]
    assert columns == ["review_id", "text", "author"]
    versions = [r[0] for r in sqlite3.connect(path).execute("SELECT version FROM schema_version")]
    assert versions == list(range(1, len(later) + 1))


def test_store_refuses_files_that_are_not_libraries(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE things (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a rapporteur library"):
        Store(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a rapporteur library or is damaged"):
        Store(junk)


def test_store_put_is_an_upsert_by_sha256(fresh_store: Store, samples: list[dict]) -> None:
    assert fresh_store.put(samples[0]) == ("added", samples[0]["document"]["sha256"][:12])
    outcome, _ = fresh_store.put(samples[0])
    assert outcome == "updated"
    assert fresh_store.count() == 1
    n_questions = len(samples[0]["questions"])
    rows = fresh_store.conn.execute("SELECT count(*) FROM questions").fetchone()[0]
    assert rows == n_questions
    assert fresh_store.integrity_check() == "ok"
    text = samples[0]["questions"][0]["text"]
    hits = fresh_store.search(f'"{text.rstrip("?")}"', Filters(kinds=("question",)))
    assert [h.text for h in hits.hits].count(text) == 1


def test_store_write_is_all_or_nothing(fresh_store: Store, samples: list[dict]) -> None:
    broken = copy.deepcopy(samples[1])
    broken["figures"].append({"line": 1})  # no mention: the insert fails midway
    with pytest.raises(KeyError):
        fresh_store.put(broken)
    assert fresh_store.count() == 0
    for table in ("questions", "paragraphs", "figures", "participants"):
        assert fresh_store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    assert fresh_store.search("Committee", facets=False).total == 0


def test_store_resolves_ids_prefixes_and_shas(filled: Store, samples: list[dict]) -> None:
    sha = samples[0]["document"]["sha256"]
    assert filled.resolve_id(sha[:12]) == sha[:12]
    assert filled.resolve_id(sha) == sha[:12]
    assert filled.resolve_id(sha[:6].upper()) == sha[:12]
    with pytest.raises(ReviewNotFound):
        filled.resolve_id("0000000000")
    with pytest.raises(ReviewNotFound, match="hexadecimal"):
        filled.resolve_id("<script>")
    stored = filled.get(sha[:8])
    assert stored.summary.id == sha[:12]
    assert stored.data == samples[0]


def test_store_reports_ambiguous_prefixes(fresh_store: Store, samples: list[dict]) -> None:
    a = copy.deepcopy(samples[0])
    b = copy.deepcopy(samples[1])
    a["document"]["sha256"] = "abcd" + "0" * 60
    b["document"]["sha256"] = "abcd" + "1" * 60
    fresh_store.put(a)
    fresh_store.put(b)
    with pytest.raises(AmbiguousReview):
        fresh_store.resolve_id("abcd")
    assert fresh_store.resolve_id("abcd1") == "abcd11111111"


def test_store_summary_counts(filled: Store, samples: list[dict]) -> None:
    page = filled.list_reviews()
    assert page.total == 3
    assert [r.year for r in page.reviews] == [2021, 2019, 2012]
    first = next(r for r in page.reviews if r.state_iso3 == "SEN")
    data = samples[0]
    assert first.questions == len(data["questions"])
    assert first.answered + first.partial + first.unanswered == first.questions
    assert first.figures == len(data["figures"])
    assert first.committee == "CMW"
    assert first.session == data["review"]["session"]


def test_store_list_filters_and_sorts(filled: Store) -> None:
    cmw = filled.list_reviews(Filters(committee="cmw"))
    assert {r.state_iso3 for r in cmw.reviews} == {"SEN", "CHL"}
    assert filled.list_reviews(Filters(country_iso3="nor")).total == 1
    assert filled.list_reviews(Filters(country="senegal")).total == 1
    assert filled.list_reviews(Filters(years=(2013, None))).total == 2
    assert filled.list_reviews(Filters(years=(None, 2013))).total == 1
    by_state = filled.list_reviews(sort="state")
    assert [r.state_name for r in by_state.reviews] == ["Chile", "Norway", "Senegal"]
    page = filled.list_reviews(sort="state", limit=1, offset=1)
    assert page.total == 3 and [r.state_name for r in page.reviews] == ["Norway"]
    with pytest.raises(InvalidQuery):
        filled.list_reviews(sort="nonsense")


def test_store_search_stems_folds_accents_and_ranks(filled: Store) -> None:
    result = filled.search("remittance")
    assert result.total > 0
    assert any("remittances" in h.text.lower() for h in result.hits)
    scores = [h.score for h in result.hits if h.kind == result.hits[0].kind]
    assert scores == sorted(scores, reverse=True)
    for hit in result.hits:
        for start, end in hit.marks:
            assert hit.snippet[start:end].lower().startswith("remittance")


def test_store_search_ignores_accents(fresh_store: Store) -> None:
    data = analysed(
        5, extra="Had the Committee received the report of Ms. Ünver on the Çelik case?"
    )
    fresh_store.put(data)
    assert fresh_store.search("unver").total >= 1
    assert fresh_store.search("celik").total >= 1


def test_store_search_filters_by_side_status_and_kind(filled: Store) -> None:
    everything = filled.search("delegation OR Committee OR report")
    assert everything.facets["kind"]
    questions = filled.search("What OR How", Filters(kinds=("question",)))
    assert questions.hits and {h.kind for h in questions.hits} == {"question"}
    unanswered = filled.search("What OR How", Filters(status="unanswered"))
    assert unanswered.hits
    assert {h.kind for h in unanswered.hits} <= {"question", "answer"}
    assert all(h.status == "unanswered" for h in unanswered.hits if h.kind == "question")
    delegation = filled.search("said", Filters(side="delegation"))
    assert delegation.hits and {h.side for h in delegation.hits} == {"delegation"}
    chile = filled.search("Committee", Filters(country_iso3="CHL"))
    assert chile.facets["country"] == {"CHL": chile.total}


def test_store_search_facets_add_up(filled: Store) -> None:
    result = filled.search("the", limit=5)
    assert len(result.hits) == 5
    for facet in ("committee", "country", "year", "kind"):
        assert sum(result.facets[facet].values()) == result.total
    assert set(result.facets["year"]) == {"2012", "2019", "2021"}
    assert filled.search("the", facets=False).total == result.total


def test_store_answer_passages_are_stored_once(fresh_store: Store, samples: list[dict]) -> None:
    data = copy.deepcopy(samples[0])
    passage = {"line": 3, "text": "The same passage answers two questions.", "score": 0.5}
    data["questions"][0]["answers"] = [passage]
    data["questions"][1]["answers"] = [dict(passage, score=0.7)]
    fresh_store.put(data)
    hits = fresh_store.search('"same passage"', Filters(kinds=("answer",)))
    assert hits.total == 1
    assert hits.hits[0].question_ids == (data["questions"][0]["id"], data["questions"][1]["id"])
    assert hits.hits[0].side == "delegation"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("remittances", '"remittances"'),
        ("follow-up art. 2", '"follow-up" "art." "2"'),
        ('"domestic workers" OR trafficking', '"domestic workers" OR "trafficking"'),
        ("migra*", '"migra"*'),
        ("OR AND", ""),
        ('"unterminated', '"unterminated"'),
        ("CMW/C/KGZ/2", '"CMW/C/KGZ/2"'),
        ("   ", ""),
        ("NOT", ""),
    ],
)
def test_store_safe_match(query: str, expected: str) -> None:
    assert safe_match(query) == expected


def test_store_search_never_raises_fts_syntax_errors(filled: Store) -> None:
    for query in ['"', "a AND", "(x", "col:val", "NEAR(a b)", "*", "-x", "'; DROP TABLE x;"]:
        with contextlib.suppress(InvalidQuery):
            filled.search(query)


def test_store_versions() -> None:
    assert version_key("0.10.2") == (0, 10, 2)
    assert is_older("0.1.0", "0.2.0")
    assert is_older("0.9.9", "0.10.0")
    assert not is_older("0.2.0", "0.2.0")
    assert not is_older("1.0.0", "0.9.0")


def _with_certainty(data: dict[str, Any]) -> dict[str, Any]:
    """A review whose questions alternate between sure (0.9) and to check (0.45)."""
    data = copy.deepcopy(data)
    for n, q in enumerate(data["questions"]):
        sure = n % 2 == 1
        q.update(confidence=0.9 if sure else 0.45, needs_check=not sure)
    return data


def test_store_keeps_confidence_and_needs_check_from_ingest_to_reading_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    from rapporteur import api, library

    real = api.analyze_document

    def analyze_with_certainty(*args: Any, **kwargs: Any) -> Any:
        review = real(*args, **kwargs)
        questions = tuple(
            dataclasses.replace(q, confidence=0.9, needs_check=False)
            if n % 2
            else dataclasses.replace(q, confidence=0.45, needs_check=True)
            for n, q in enumerate(review.questions)
        )
        return dataclasses.replace(review, questions=questions)

    monkeypatch.setattr(api, "analyze_document", analyze_with_certainty)
    db = tmp_path / "lib.db"
    text = review_text(4, committee="CMW", state=("Ghana", "GHA"), year=2020)
    item = library.ingest_bytes(text.encode(), "ghana.txt", db)
    stored = library.get_review(item.review_id or "", db)
    questions = stored.data["questions"]
    assert questions, "the fictional review has questions"
    assert [(q["confidence"], q["needs_check"]) for q in questions] == [
        (0.9, False) if n % 2 else (0.45, True) for n in range(len(questions))
    ]
    with Store(db) as store:
        rows = dict(store.conn.execute("SELECT qid, needs_check FROM questions").fetchall())
    assert rows == {q["id"]: int(q["needs_check"]) for q in questions}


def test_store_question_hits_say_whether_to_check(fresh_store: Store, samples: list[dict]) -> None:
    data = _with_certainty(samples[0])
    fresh_store.put(data)
    wanted = {q["id"]: q["needs_check"] for q in data["questions"]}
    hits = fresh_store.search("the", Filters(kinds=("question",)), limit=100).hits
    assert hits and all(h.needs_check == wanted[h.question_ids[0]] for h in hits)
    others = fresh_store.search("the", Filters(kinds=("answer", "paragraph"))).hits
    assert others and {h.needs_check for h in others} == {None}


def test_store_migration_2_takes_needs_check_from_the_stored_analysis(
    tmp_path: Path, samples: list[dict]
) -> None:
    path = tmp_path / "lib.db"
    checked = _with_certainty(samples[0])
    old = copy.deepcopy(samples[1])
    for q in old["questions"]:  # analysed before the fields existed
        q.pop("confidence", None)
        q.pop("needs_check", None)
    with Store(path) as store:
        store.put(checked)
        store.put(old)
    downgrade(path, 1)  # back to schema 1, as an older rapporteur left it
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        rows = dict(store.conn.execute("SELECT qid, needs_check FROM questions").fetchall())
    assert {q["id"]: rows[q["id"]] for q in checked["questions"]} == {
        q["id"]: int(q["needs_check"]) for q in checked["questions"]
    }
    assert {rows[q["id"]] for q in old["questions"]} == {1}
