"""The body's language in the library: a column of its own, a filter and a search facet."""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path
from typing import Any

import pytest

from rapporteur import library
from rapporteur.api import analyze
from rapporteur.errors import InvalidQuery
from rapporteur.output.json_out import to_dict
from rapporteur.settings import Settings
from rapporteur.store import Filters, Store

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "fictional-cmw-review.txt"


@pytest.fixture(scope="module")
def review() -> dict[str, Any]:
    return to_dict(analyze(SAMPLE, Settings(method="lexical")))


def test_language_filter_and_facet(tmp_path: Path, review: dict[str, Any]) -> None:
    french = copy.deepcopy(review)
    french["document"]["sha256"] = hashlib.sha256(b"une autre").hexdigest()
    french["document"]["language"] = "fr"
    with Store(tmp_path / "lib.db") as store:
        store.put(review)
        store.put(french)
        result = store.search("remittances", facets=True)
        assert set(result.facets["language"]) == {"en", "fr"}
        assert result.facets["language"]["en"] == result.facets["language"]["fr"]
        only = store.search("remittances", Filters(language="fr"), facets=True)
        assert set(only.facets["language"]) == {"fr"} and only.total * 2 == result.total
        listed = store.list_reviews(Filters(language="fr")).reviews
        assert [r.sha256 for r in listed] == [french["document"]["sha256"]]


def test_language_filter_values() -> None:
    assert library.make_filters(language="French").language == "fr"
    assert library.make_filters(language="ES").language == "es"
    assert library.make_filters(language=" ").language is None
    with pytest.raises(InvalidQuery, match="not a language code"):
        library.make_filters(language="Klingon")
