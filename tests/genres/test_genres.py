"""The genre registry: one entry per genre, detected not told, consistent with the models."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from rapporteur import genres
from rapporteur.models import DOCUMENT_KINDS, SECTION_KINDS, SIDES
from rapporteur.output import json_schema
from rapporteur.stages.segment import split_paragraphs
from tests.conftest import EXAMPLES, FIXTURES, make_review

HEADED = EXAMPLES / "fictional-cmw-review.txt"
HEADLESS = EXAMPLES / "fictional-cedaw-pressrelease.txt"


def _framed(path: Path) -> genres.Frame:
    text = path.read_text(encoding="utf-8")
    return genres.frame([text[s:e] for s, e in split_paragraphs(text)])


def test_genres_registry_names_are_document_kinds_of_the_contract() -> None:
    names = [g.name for g in genres.REGISTRY]
    assert len(names) == len(set(names))
    assert set(names) <= set(DOCUMENT_KINDS)
    assert {"meeting_summary", "press_release"} <= set(names)


def test_genres_schema_enum_lists_every_document_kind() -> None:
    document = json_schema.load()["properties"]["document"]["properties"]
    assert [k for k in document["kind"]["enum"] if k is not None] == list(DOCUMENT_KINDS)


@pytest.mark.parametrize("genre", genres.REGISTRY, ids=lambda g: g.name)
def test_genres_kinds_and_sides_are_known(genre: genres.Genre) -> None:
    assert genre.section_kinds <= set(SECTION_KINDS)
    assert set(genre.default_sides) <= genre.section_kinds
    assert set(genre.default_sides.values()) <= set(SIDES)


def test_genres_fallback_is_last_and_detects_anything() -> None:
    assert genres.REGISTRY[-1] is genres.FALLBACK
    assert genres.FALLBACK.detects(genres.frame([]))
    assert genres.FALLBACK.detects(genres.frame(["Just a line of text."]))
    assert genres.by_name(None) is genres.FALLBACK
    with pytest.raises(KeyError):
        genres.by_name("pamphlet")


@pytest.mark.parametrize(
    ("path", "name"),
    [
        (HEADED, "meeting_summary"),
        (FIXTURES / "mini-crc-review.txt", "meeting_summary"),
        (HEADLESS, "press_release"),
    ],
)
def test_genres_detects_the_fictional_samples(path: Path, name: str) -> None:
    framed = _framed(path)
    genre = genres.detect(framed)
    assert genre.name == name
    kinds, _ = genre.classify(framed)
    assert set(kinds) <= genre.section_kinds
    # The genres before it in the registry did not claim the document.
    for earlier in genres.REGISTRY[: genres.REGISTRY.index(genre)]:
        assert not earlier.detects(framed)


def test_genres_document_kind_is_recorded_and_exported() -> None:
    from rapporteur.output.json_out import to_dict

    headed = make_review(
        "Committee on the Rights of the Child considers the report of Freedonia",
        "The Committee on the Rights of the Child today considered the report of Freedonia.",
        "Questions by Committee Experts",
        "Ana Lima, Committee Expert and Country Rapporteur, asked how many children were in care.",
        "Responses by the Delegation",
        "The delegation said that 4,000 children were in care.",
    )
    assert headed.document_kind == "meeting_summary"
    assert to_dict(headed)["document"]["kind"] == "meeting_summary"
    headless = make_review(
        "Committee on the Rights of the Child considers the report of Freedonia",
        "The Committee on the Rights of the Child today considered the report of Freedonia.",
        "Ana Lima, Committee Expert and Country Rapporteur, asked how many children were in care.",
        "In response, the delegation said that 4,000 children were in care.",
    )
    assert headless.document_kind == "press_release"
    assert to_dict(headless)["document"]["kind"] == "press_release"


def test_genres_import_nothing_above_the_models() -> None:
    """Stages import the registry, never the other way round: no cycle, one layering."""
    package = Path(genres.__file__).parent
    for path in package.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level >= 2:
                assert node.module == "models", f"{path.name} imports ..{node.module}"
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            for name in names:
                assert not name.startswith("rapporteur") or name == "rapporteur.models", name
