"""rapporteur.store.grouping: documents of one review share a key, whatever their order."""

from __future__ import annotations

import copy
import itertools
from typing import Any

from rapporteur.store import Filters, Store
from rapporteur.store.grouping import aliases, cited_meetings


def test_grouping_reads_the_meetings_cited_by_concluding_observations() -> None:
    text = "at its 545th and 546th meetings (see CMW/C/SR.545 and 546), held on 5 and 6 April"
    assert cited_meetings(text) == ["CMW/C/SR.545", "CMW/C/SR.546"]
    assert cited_meetings("(see CRC/C/SR.2801-2803)") == [
        "CRC/C/SR.2801",
        "CRC/C/SR.2802",
        "CRC/C/SR.2803",
    ]
    assert cited_meetings("CMW/C/SR.380, CMW/C/SR.381 and 392") == [
        "CMW/C/SR.380",
        "CMW/C/SR.381",
        "CMW/C/SR.392",
    ]


def test_grouping_aliases_of_the_ardenia_cycle(cycle: dict[str, dict[str, Any]]) -> None:
    co2 = aliases(cycle["co2"])
    assert "report:CMW|CMW/C/ARD/2" in co2
    assert {"doc:CMW/C/SR.545", "doc:CMW/C/SR.546", "doc:CMW/C/ARD/CO/2"} <= set(co2)
    assert "report:CMW|CMW/C/ARD/2" in aliases(cycle["summary"])
    assert "report:CMW|CMW/C/ARD/1" in aliases(cycle["co1"])


def _partition(store: Store) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for symbol, kind, key in store.conn.execute("SELECT symbol, kind, review_key FROM reviews"):
        groups.setdefault(key, set()).add(symbol or kind)
    return {frozenset(g) for g in groups.values()}


def test_grouping_does_not_depend_on_the_order(cycle: dict[str, dict[str, Any]]) -> None:
    seen = set()
    for order in itertools.permutations(cycle):
        with Store(":memory:") as store:
            for name in order:
                store.put(copy.deepcopy(cycle[name]))
            keys = dict(store.conn.execute("SELECT symbol, review_key FROM reviews"))
            seen.add((frozenset(_partition(store)), keys["CMW/C/ARD/CO/2"]))
    assert seen == {
        (
            frozenset(
                {frozenset({"CMW/C/ARD/CO/1"}), frozenset({"CMW/C/ARD/CO/2", "meeting_summary"})}
            ),
            "report:CMW|CMW/C/ARD/2",
        )
    }


def test_grouping_a_summary_record_joins_through_the_symbol_cited(
    cycle: dict[str, dict[str, Any]],
) -> None:
    """A document that names neither State nor report joins the concluding observations that
    cite its symbol, before or after them; it leaves when it is deleted."""
    record = copy.deepcopy(cycle["summary"])
    record["document"].update(kind="summary_record", symbol="CMW/C/SR.546", sha256="f" * 64)
    record["review"]["report"] = None
    for first, second in ((record, cycle["co2"]), (cycle["co2"], record)):
        with Store(":memory:") as store:
            store.put(copy.deepcopy(first))
            store.put(copy.deepcopy(second))
            assert _partition(store) == {frozenset({"CMW/C/ARD/CO/2", "CMW/C/SR.546"})}
            store.delete("f" * 12)
            assert _partition(store) == {frozenset({"CMW/C/ARD/CO/2"})}


def test_grouping_a_document_takes_the_state_of_its_review(
    cycle: dict[str, dict[str, Any]],
) -> None:
    """The fictional meeting summary does not name a State rapporteur knows; its review does,
    so listing and search by State find it."""
    assert cycle["summary"]["review"]["state_party"] is None
    with Store(":memory:") as store:
        store.put(copy.deepcopy(cycle["summary"]))
        assert store.list_reviews(Filters(country="Ardenia")).total == 0
        store.put(copy.deepcopy(cycle["co2"]))
        assert store.list_reviews(Filters(country="Ardenia")).total == 2
        hits = store.search("Vardel", Filters(country="Ardenia", kinds=("question",)))
        assert hits.total > 0 and {h.state_name for h in hits.hits} == {"Ardenia"}
