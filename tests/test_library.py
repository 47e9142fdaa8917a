"""rapporteur.library: ingest (idempotent, parallel, re-analysis), list, show, search."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from rapporteur import __version__, library
from rapporteur.errors import InvalidQuery, NotADialogue, ReviewNotFound, SourceTooLarge
from rapporteur.settings import Settings
from rapporteur.store import Store
from tests.fictional import review_text, write_reviews


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three reviews, one duplicate, a non-dialogue, an empty file, a binary and a .png."""
    root = tmp_path / "docs"
    write_reviews(root, 3)
    (root / "nested").mkdir()
    (root / "nested" / "copy-of-0.txt").write_text(review_text(0), encoding="utf-8")
    (root / "nested" / "shopping.txt").write_text(
        "Buy apples, bread and milk. Then walk the dog and call the plumber about the sink.\n" * 5,
        encoding="utf-8",
    )
    (root / "empty.html").write_text("   \n", encoding="utf-8")
    (root / "binary.pdf").write_bytes(b"\x7fELF" + bytes(range(256)) * 8)
    (root / "picture.png").write_bytes(b"\x89PNG not picked up")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "secret.txt").write_text(review_text(99), encoding="utf-8")
    return root


def test_library_ingest_folder_with_good_and_bad_files(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    seen: list[library.IngestItem] = []
    totals: list[int] = []
    summary = library.ingest_paths(
        [folder], db, workers=1, progress=seen.append, on_total=totals.append
    )
    assert (summary.added, summary.updated, summary.skipped, summary.failed) == (3, 0, 1, 3)
    assert summary.reviews == 3 and not summary.ok
    assert totals == [7] and len(seen) == 7
    by_name = {Path(i.source).name: i for i in summary.items}
    # Paths are taken in sorted order: nested/copy-of-0.txt comes before review-00000.txt.
    duplicate = by_name["review-00000.txt"]
    assert duplicate.outcome == "skipped"
    assert duplicate.reason == f"same content as {folder / 'nested' / 'copy-of-0.txt'}"
    assert duplicate.review_id == by_name["copy-of-0.txt"].review_id
    assert by_name["shopping.txt"].code == "not_a_dialogue"
    assert by_name["empty.html"].code == "empty_document"
    assert by_name["binary.pdf"].outcome == "failed"
    assert "secret.txt" not in by_name and "picture.png" not in by_name
    added = [i for i in summary.items if i.outcome == "added"]
    assert all(i.review_id and len(i.review_id) == 12 and i.label for i in added)
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_library_ingest_is_idempotent(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    library.ingest_paths([folder], db, workers=1)
    again = library.ingest_paths([folder], db, workers=1)
    assert (again.added, again.updated, again.skipped, again.failed) == (0, 0, 4, 3)
    assert {i.reason for i in again.items if i.outcome == "skipped"} == {
        "already in the library",
        f"same content as {folder / 'nested' / 'copy-of-0.txt'}",
    }
    forced = library.ingest_paths([folder / "review-00001.txt"], db, force=True)
    assert forced.updated == 1 and forced.reviews == 3


def test_library_parallel_ingest_matches_serial(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_reviews(docs, 6)
    serial = library.ingest_paths([docs], tmp_path / "a.db", workers=1)
    parallel = library.ingest_paths([docs], tmp_path / "b.db", workers=2)
    assert serial.added == parallel.added == 6
    with Store(tmp_path / "a.db") as a, Store(tmp_path / "b.db") as b:
        assert [r.id for r in a.list_reviews(sort="id").reviews] == [
            r.id for r in b.list_reviews(sort="id").reviews
        ]
        for r in a.list_reviews().reviews:
            assert a.get(r.id).data == b.get(r.id).data


def test_library_reanalyses_reviews_of_an_older_analyser(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    path = tmp_path / "one.txt"
    path.write_text(review_text(7), encoding="utf-8")
    first = library.ingest_paths([path], db)
    review_id = first.items[0].review_id
    assert review_id is not None
    conn = sqlite3.connect(db)
    old = json.loads(conn.execute("SELECT data FROM reviews").fetchone()[0])
    old["analyzer"]["version"] = "0.0.1"
    old["questions"] = old["questions"][:1]
    conn.execute(
        "UPDATE reviews SET analyzer_version = '0.0.1', data = ?, n_questions = 1",
        (json.dumps(old),),
    )
    conn.commit()
    conn.close()
    again = library.ingest_paths([path], db)
    assert again.items[0].outcome == "updated" and again.items[0].review_id == review_id
    stored = library.get_review(review_id, db)
    assert stored.summary.analyzer_version == __version__
    assert stored.summary.questions == len(stored.data["questions"]) > 1
    assert stored.summary.added_at == library.get_review(review_id, db).summary.added_at


def test_library_reports_sources_that_do_not_exist_and_url_lists(tmp_path: Path) -> None:
    urls = tmp_path / "list.urls"
    urls.write_text("# a comment\n\nhttps://example.invalid/review.html\nnot a url\n")
    summary = library.ingest_paths(
        [tmp_path / "missing.txt", urls, tmp_path / "nothing-here"],
        tmp_path / "lib.db",
        settings=Settings(fetch_timeout=2),
    )
    reasons = {i.source: (i.code, i.reason) for i in summary.items}
    assert reasons[str(tmp_path / "missing.txt")][0] == "source_not_found"
    assert reasons[f"{urls}:4"][0] == "ingest_error"
    assert reasons["https://example.invalid/review.html"][0] == "fetch_error"
    assert summary.failed == 4 and summary.reviews == 0


def test_library_url_list_flag_reads_txt_files(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text("https://example.invalid/a\n")
    jobs, bad = library.plan([listing], url_list=True)
    assert [j.source for j in jobs] == ["https://example.invalid/a"] and not bad
    jobs, bad = library.plan([listing])
    assert [j.source for j in jobs] == [str(listing)]


def test_library_ingest_bytes(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    data = review_text(11).encode()
    item = library.ingest_bytes(data, "../../etc/review.txt", db)
    assert item.outcome == "added" and item.source == "review.txt"
    assert library.ingest_bytes(data, "again.txt", db).outcome == "skipped"
    with Store(db) as store:
        assert store.source(item.review_id or "") == data
    with pytest.raises(NotADialogue):
        library.ingest_bytes(b"Dear diary, today it rained all day long." * 20, "diary.txt", db)
    with pytest.raises(SourceTooLarge):
        library.ingest_bytes(data, "big.txt", db, settings=Settings(max_upload_bytes=100))
    assert library.list_reviews(db).total == 1


def test_library_filters(tmp_path: Path) -> None:
    db = tmp_path / "lib.db"
    docs = tmp_path / "docs"
    docs.mkdir()
    for seed, committee, state, year in [
        (1, "CMW", ("Senegal", "SEN"), 2015),
        (2, "CMW", ("Chile", "CHL"), 2019),
        (3, "CRC", ("Senegal", "SEN"), 2022),
    ]:
        text = review_text(seed, committee=committee, state=state, year=year)
        (docs / f"{seed}.txt").write_text(text, encoding="utf-8")
    library.ingest_paths([docs], db, workers=1)

    def count(**kwargs: object) -> int:
        return library.list_reviews(db, filters=library.make_filters(**kwargs)).total  # type: ignore[arg-type]

    assert count() == 3
    assert count(committee="cmw") == 2
    assert count(country="SEN") == 2
    assert count(country="senegal") == 2
    assert count(country="Republic of Chile") == 1
    assert count(year=2019) == 1
    assert count(year="2016-") == 2
    assert count(year="-2019") == 2
    assert count(year="2015-2019") == 2
    assert count(committee="CRC", country="SEN") == 1
    result = library.search("remittances OR shelters OR detention", db)
    assert result.total > 0
    with pytest.raises(InvalidQuery):
        library.make_filters(year="last year")
    with pytest.raises(InvalidQuery):
        library.make_filters(side="government")
    with pytest.raises(InvalidQuery):
        library.make_filters(status="maybe")
    with pytest.raises(InvalidQuery):
        library.make_filters(kind="tweets")
    with pytest.raises(ReviewNotFound):
        library.get_review("abcdef", db)


def test_library_default_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("RAPPORTEUR_DB", raising=False)
    assert library.resolve_db().name == "library.db"  # type: ignore[union-attr]
    monkeypatch.setenv("RAPPORTEUR_DB", str(tmp_path / "env.db"))
    assert library.resolve_db() == tmp_path / "env.db"
    assert library.resolve_db(tmp_path / "given.db") == tmp_path / "given.db"
