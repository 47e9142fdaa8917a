"""Stage declarations: every stage reads only the Review fields it declares and writes only
the ones it declares, checked by running it on fictional reviews with a recording Review."""

from __future__ import annotations

import dataclasses
import sys
from typing import Any

import pytest

from rapporteur import pipeline
from rapporteur.errors import PipelineError
from rapporteur.models import Review
from rapporteur.settings import Settings
from rapporteur.stages.ingest import document_from_bytes
from tests.conftest import EXAMPLES, FIXTURES

FIELDS = frozenset(f.name for f in dataclasses.fields(Review))
SAMPLES = [
    EXAMPLES / "fictional-cmw-review.txt",
    EXAMPLES / "fictional-cedaw-pressrelease.txt",
    FIXTURES / "mini-crc-review.txt",
    EXAMPLES / "cycle" / "fictional-cmw-ardenia-co2.txt",
    EXAMPLES / "cycle" / "fictional-cmw-ardenia-sr545.txt",
]


class UndeclaredRead(AssertionError):
    pass


class _Poison:
    """Stands in for a field the stage did not declare: any use of the value fails."""

    __slots__ = ("_field",)

    def __init__(self, field: str) -> None:
        object.__setattr__(self, "_field", field)

    def _fail(self, *args: Any, **kwargs: Any) -> Any:
        raise UndeclaredRead(f"the stage used Review.{object.__getattribute__(self, '_field')}")

    __getattr__ = __iter__ = __len__ = __bool__ = __getitem__ = __contains__ = _fail
    __eq__ = __lt__ = __hash__ = __index__ = __int__ = __float__ = __str__ = _fail  # type: ignore[assignment]
    __copy__ = __deepcopy__ = __reduce_ex__ = _fail


class _Recording(Review):
    """A Review that notes which fields are read (except by dataclasses.replace, which copies
    every field it is not given)."""

    __slots__ = ("_reads",)

    def __getattribute__(self, name: str) -> Any:
        if name in FIELDS:
            try:
                reads = object.__getattribute__(self, "_reads")
            except AttributeError:
                reads = None  # a copy the stage made: its poisoned fields still fail on use
            if reads is not None and sys._getframe(1).f_globals.get("__name__") != "dataclasses":
                reads.add(name)
        return super().__getattribute__(name)


def _recording(review: Review, declared: frozenset[str]) -> tuple[_Recording, set[str]]:
    values = {name: getattr(review, name) if name in declared else _Poison(name) for name in FIELDS}
    rec = _Recording(**values)
    reads: set[str] = set()
    object.__setattr__(rec, "_reads", reads)
    return rec, reads


def _observe(settings: Settings) -> dict[str, tuple[set[str], set[str]]]:
    """Stage name -> (fields read, fields written) over every sample."""
    seen: dict[str, tuple[set[str], set[str]]] = {s.name: (set(), set()) for s in pipeline.STAGES}
    for path in SAMPLES:
        document = document_from_bytes(path.read_bytes(), path.name, settings, name=path.name)
        review = Review(document=document)
        for stage in pipeline.check(pipeline.DEFAULT):
            fn = stage.load()
            rec, reads = _recording(review, stage.reads)
            try:
                out = fn(rec, settings)
            except UndeclaredRead as exc:
                pytest.fail(f"{stage.name} on {path.name}: {exc}, which it does not declare")
            seen[stage.name][0].update(reads)
            seen[stage.name][1].update(
                name
                for name in FIELDS
                if object.__getattribute__(out, name) is not object.__getattribute__(rec, name)
            )
            review = fn(review, settings)
    return seen


@pytest.fixture(scope="module")
def observed() -> dict[str, tuple[set[str], set[str]]]:
    semantic = _observe(Settings())
    lexical = _observe(Settings(method="lexical"))
    return {k: (semantic[k][0] | lexical[k][0], semantic[k][1] | lexical[k][1]) for k in semantic}


@pytest.mark.parametrize("stage", pipeline.STAGES, ids=lambda s: s.name)
def test_pipeline_stage_reads_only_what_it_declares(
    stage: pipeline.Stage, observed: dict[str, tuple[set[str], set[str]]]
) -> None:
    reads, _ = observed[stage.name]
    assert reads <= stage.reads, f"{stage.name} reads {sorted(reads - stage.reads)} undeclared"
    # And declares nothing it never reads, so that the order check is not stricter than needed.
    assert stage.reads <= reads, f"{stage.name} declares {sorted(stage.reads - reads)} unread"


@pytest.mark.parametrize("stage", pipeline.STAGES, ids=lambda s: s.name)
def test_pipeline_stage_writes_only_what_it_declares(
    stage: pipeline.Stage, observed: dict[str, tuple[set[str], set[str]]]
) -> None:
    _, writes = observed[stage.name]
    assert writes <= stage.writes, f"{stage.name} writes {sorted(writes - stage.writes)}"


def test_pipeline_recording_review_notices_an_undeclared_read() -> None:
    document = document_from_bytes(b"Some text.\n", "x.txt", Settings(), name="x.txt")
    rec, reads = _recording(Review(document=document), frozenset({"document"}))
    assert rec.document.text == "Some text.\n"
    with pytest.raises(UndeclaredRead):
        len(rec.paragraphs)
    copy = dataclasses.replace(rec, turns=())
    assert reads == {"document", "paragraphs"}  # replace's own copying is not a read
    with pytest.raises(UndeclaredRead):
        bool(copy.metadata)


def test_pipeline_declarations_name_review_fields() -> None:
    for stage in pipeline.STAGES:
        assert stage.reads | stage.writes <= FIELDS, stage.name
    with pytest.raises(ValueError, match="does not have"):
        pipeline._s("x", "segment", "document answers", "paragraphs")


def test_pipeline_missing_stage_module_is_an_error() -> None:
    stage = pipeline.Stage("ghost", "no_such_stage", frozenset(), frozenset())
    with pytest.raises(PipelineError, match="missing"):
        stage.load()
    for stage in pipeline.STAGES:
        assert callable(stage.load())


def test_pipeline_check_refuses_a_read_before_its_write() -> None:
    with pytest.raises(PipelineError, match="questions"):
        pipeline.check(["language", "segment", "metadata", "speakers", "themes"])
    with pytest.raises(PipelineError, match="no analysis stage"):
        pipeline.check(["language", "segment", "topics"])
    assert [s.name for s in pipeline.check(pipeline.DEFAULT)] == list(pipeline.DEFAULT)


def test_pipeline_start_is_what_a_new_review_holds() -> None:
    """Only fields a fresh Review(document=...) fills may be read before any stage writes."""
    defaults = {f.name for f in dataclasses.fields(Review) if f.default is not dataclasses.MISSING}
    assert pipeline.START - {"document"} <= defaults
