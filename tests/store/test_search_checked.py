"""Search: the "checked by a person" / "not checked" filter and facet of questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapporteur import library
from rapporteur.errors import InvalidQuery
from rapporteur.store import Filters, Store
from tests.output.samples import decide_two


@pytest.fixture(scope="module")
def decided(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str, str]:
    db = tmp_path_factory.mktemp("checked") / "lib.db"
    return (db, *decide_two(db))


def test_search_checked_facet_counts_questions_people_checked(decided: tuple) -> None:
    db, _, ana, ben = decided
    with Store(db) as store:
        every = store.search("the", Filters(kinds=("question",)), limit=100)
        assert every.facets["checked"] == {"no": every.total - 2, "yes": 2}
        checked = store.search("the", Filters(checked=True), limit=100)
        assert {h.question_ids[0] for h in checked.hits} == {ana, ben}
        assert all(h.kind == "question" and h.checked and not h.needs_check for h in checked.hits)
        assert checked.facets["checked"] == {"yes": 2}
        rest = store.search("the", Filters(checked=False), limit=100)
        assert rest.total == every.total - 2
        assert {h.checked for h in rest.hits} == {False}
        others = store.search("the", Filters(kinds=("answer", "paragraph")))
        assert others.hits and {h.checked for h in others.hits} == {None}
        assert "checked" not in {k for k, v in others.facets.items() if v}


def test_search_checked_combines_with_the_other_filters(decided: tuple) -> None:
    db, _, _, ben = decided
    with Store(db) as store:
        partial = store.search("the", Filters(checked=True, status="partial"), limit=100)
        assert [h.question_ids[0] for h in partial.hits] == [ben]
        none = store.search("the", Filters(checked=True, to_check=True), limit=100)
        assert none.total == 0  # a status a person checked is never to check


def test_make_filters_reads_yes_and_no() -> None:
    assert library.make_filters(checked="yes").checked is True
    assert library.make_filters(checked="no").checked is False
    assert library.make_filters().checked is None
    with pytest.raises(InvalidQuery):
        library.make_filters(checked="maybe")
