"""The review page's question filters: status, Expert, theme, round and checked/unchecked as
GET parameters, counts, rounds that fold, hostile and malformed values, the page cache."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from rapporteur import library
from rapporteur.settings import Settings
from rapporteur.store import Store
from rapporteur.web import create_app
from tests.web.conftest import Client

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "fictional-cmw-review.txt"
SETTINGS = Settings(method="lexical", page_cache=0)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, list[dict[str, Any]]]:
    db = tmp_path_factory.mktemp("filters") / "lib.db"
    summary = library.ingest_paths([EXAMPLE], db, settings=Settings(method="lexical"), workers=1)
    review_id = summary.items[0].review_id
    assert review_id
    with Store(db) as store:
        questions = list(library.get_review(review_id, store).data["questions"])
    return db, review_id, questions


@pytest.fixture
def page(built: tuple[Path, str, list[dict[str, Any]]]) -> Any:
    db, review_id, _ = built
    client = Client(create_app(db, SETTINGS))

    def get(query: str = "") -> str:
        response = client.get(f"/reviews/{review_id}{query}")
        assert response.status_code == 200
        return response.text

    return get


def shown(text: str) -> list[str]:
    """The ids of the questions on the page, in order."""
    return re.findall(r'<div class="qa [a-z]*" id="q-([^"]+)"', text)


def count_line(text: str) -> str:
    match = re.search(r'<p class="filter-count"[^>]*>(.*?)</p>', text, re.S)
    assert match
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))).strip()


def ids(questions: list[dict[str, Any]], test: Any) -> list[str]:
    return [q["id"] for q in questions if test(q)]


def test_unfiltered_page_shows_every_question_with_its_reason(page: Any, built: Any) -> None:
    _, _, questions = built
    text = page()
    assert shown(text) == [q["id"] for q in questions]
    assert count_line(text) == f"{len(questions)} of {len(questions)} questions"
    assert "clear filters" not in text and "filter-notice" not in text
    for q in questions:
        assert str(escape(q["status_reason"])) in text
    assert text.count('<details class="round" open>') == len({q["round"] for q in questions})
    assert "no question matches" not in text


@pytest.mark.parametrize("status", ["answered", "partial", "unanswered"])
def test_status_filter(page: Any, built: Any, status: str) -> None:
    _, _, questions = built
    text = page(f"?status={status}")
    expected = ids(questions, lambda q: q["status"] == status)
    assert expected and shown(text) == expected
    assert count_line(text) == (
        f"{len(expected)} of {len(questions)} questions: {status} · clear filters"
    )
    for q in questions:
        if q["status"] == status:  # the reason stays beside each status shown
            assert str(escape(q["status_reason"])) in text


def test_unanswered_evidence_stays_labelled_closest_passage(page: Any, built: Any) -> None:
    _, _, questions = built
    text = page("?status=unanswered")
    with_passage = [q for q in questions if q["status"] == "unanswered" and q.get("answers")]
    assert with_passage
    assert text.count("Closest passage (not an answer)") == sum(
        len(q["answers"]) for q in with_passage
    )
    assert "match 0." not in text


def test_asker_theme_round_and_check_filters(page: Any, built: Any) -> None:
    _, _, questions = built
    asker = questions[0]["asker"]
    cases = {
        f"?asker={asker}": lambda q: q["asker"] == asker,
        "?theme=labour-rights": lambda q: "labour-rights" in q["themes"],
        "?round=2": lambda q: q["round"] == 2,
        "?round=02": lambda q: q["round"] == 2,
        "?check=sure": lambda q: q.get("needs_check") is False,
        "?check=to-check": lambda q: q.get("needs_check") is not False,
    }
    for query, test in cases.items():
        text = page(query)
        expected = ids(questions, test)
        assert expected and shown(text) == expected, query
        assert count_line(text).startswith(f"{len(expected)} of {len(questions)} questions: ")
        assert "filter-notice" not in text
    assert count_line(page(f"?asker={asker}")).endswith(f": {asker} · clear filters")
    assert ": round 2 ·" in count_line(page("?round=2"))
    assert ": to check ·" in count_line(page("?check=to-check"))
    assert ": theme " in count_line(page("?theme=labour-rights"))


def test_filters_combine_and_empty_rounds_fold(page: Any, built: Any) -> None:
    _, _, questions = built
    asker = "Margareta Lindqvist"
    text = page(f"?status=unanswered&asker={asker}&check=to-check")
    expected = ids(
        questions,
        lambda q: (
            q["status"] == "unanswered"
            and q["asker"] == asker
            and q.get("needs_check") is not False
        ),
    )
    assert expected and shown(text) == expected
    assert count_line(text) == (
        f"{len(expected)} of {len(questions)} questions: unanswered, {asker}, to check"
        " · clear filters"
    )
    assert f'href="/reviews/{built[1]}#dialogue">clear filters</a>' in text
    # round 2 has no question of hers: closed, and says so
    rounds = {q["round"] for q in questions if q["id"] in expected}
    assert 2 not in rounds
    assert text.count('<details class="round" open>') == len(rounds)
    assert text.count('<details class="round">') == 3 - len(rounds)
    assert "no question matches" in text
    # the form keeps the chosen values
    assert '<option value="unanswered" selected>' in text
    assert f'<option value="{asker}" selected>' in text
    none = page("?status=partial&round=3")
    assert shown(none) == [] and count_line(none).startswith(f"0 of {len(questions)} ")


def test_hostile_and_malformed_values_are_ignored_with_a_notice(page: Any, built: Any) -> None:
    _, _, questions = built
    every = [q["id"] for q in questions]
    text = page('?asker=<script>alert("x")</script>')
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in text
    assert shown(text) == every and "filter-notice" in text
    malformed = page("?round=abc")
    assert shown(malformed) == every
    assert "The round filter “abc” is not among this review&#39;s; ignored." in malformed
    assert "clear filters" in malformed
    for query in ("?status=maybe", "?theme=nope", "?round=99", "?check=yes", "?round=-1"):
        text = page(query)
        assert shown(text) == every and "filter-notice" in text, query
    long = page("?asker=" + "x" * 500)
    assert "x" * 41 not in long and "filter-notice" in long
    # a valid filter still applies beside an ignored one
    both = page("?status=partial&round=abc")
    assert shown(both) == ids(questions, lambda q: q["status"] == "partial")
    # empty values (the form's "any") are no filter and no notice
    blank = page("?status=&asker=&theme=&round=&check=")
    assert shown(blank) == every and "filter-notice" not in blank


def test_options_come_from_the_review_and_are_escaped(built: Any, tmp_path: Path) -> None:
    _, _, questions = built
    db, review_id, _ = built
    text = Client(create_app(db, SETTINGS)).get(f"/reviews/{review_id}").text
    start = text.index('<form class="filters question-filters"')
    form = text[start : text.index("</form>", start)]
    for asker in {q["asker"] for q in questions}:
        assert f'<option value="{escape(asker)}">' in form
    for theme in {t for q in questions for t in q["themes"]}:
        assert f'<option value="{theme}">' in form
    assert form.count('name="round"') == 1
    for n in {q["round"] for q in questions}:
        assert f'<option value="{n}">round {n}</option>' in form


def test_escaping_of_a_hostile_asker_in_the_options(tmp_path: Path) -> None:
    import copy

    from tests.web.conftest import REVIEW, REVIEW_ID

    data = copy.deepcopy(REVIEW)
    data["questions"][1]["asker"] = '<img src=x onerror=alert(1)>"'
    db = tmp_path / "lib.db"
    with Store(db) as store:
        store.put(data)
    client = Client(create_app(db, SETTINGS))
    text = client.get(f"/reviews/{REVIEW_ID}").text
    assert "<img src=x" not in text
    assert '<option value="&lt;img src=x onerror=alert(1)&gt;&#34;">' in text
    filtered = client.get(f"/reviews/{REVIEW_ID}", params={"asker": data["questions"][1]["asker"]})
    assert shown(filtered.text) == ["q002-bbbbbb"] and "<img src=x" not in filtered.text


def test_the_rest_of_the_page_is_the_same_under_a_filter(page: Any) -> None:
    def outside_dialogue(text: str) -> str:
        start, end = text.index('<section id="dialogue">'), text.index('<section id="figures">')
        return text[:start] + text[end:]

    plain = page()
    assert outside_dialogue(page("?status=partial&round=2")) == outside_dialogue(plain)
    assert outside_dialogue(page("?round=abc")) == outside_dialogue(plain)


def test_cache_keeps_filtered_and_unfiltered_pages_apart(built: Any) -> None:
    db, review_id, questions = built
    app = create_app(db, Settings(method="lexical", page_cache=8))
    client = Client(app)
    url = f"/reviews/{review_id}"
    plain = client.get(url).text
    partial = client.get(url + "?status=partial").text
    assert shown(plain) != shown(partial)
    assert client.get(url).text == plain
    assert client.get(url + "?status=partial").text == partial
    assert client.get(url + "?status=unanswered").text != partial
    assert app.state.page_cache.hits == 2
    assert len(shown(client.get(url).text)) == len(questions)
