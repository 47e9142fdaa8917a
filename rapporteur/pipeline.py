"""The ordered list of analysis stages and the check that their order can work.

Each stage declares the `Review` fields it reads and the ones it writes; `check` refuses an
order in which a stage would read a field no earlier stage has written (spaCy's pipe
analysis idea), and tests/test_pipeline.py runs every stage on a Review that records its
reads, so a declaration cannot drift from the code.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields

from . import deadline
from .errors import PipelineError
from .models import Review
from .settings import Settings

StageFn = Callable[[Review, Settings], Review]

REVIEW_FIELDS = frozenset(f.name for f in fields(Review))
START = frozenset({"document", "warnings"})
"""What a new Review holds before any stage runs: the document, and an empty list of warnings
that any stage may add to."""


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    module: str
    reads: frozenset[str]
    writes: frozenset[str]

    def load(self) -> StageFn:
        """The stage's `run`; a missing module is a broken installation, never skipped."""
        path = f"rapporteur.stages.{self.module}"
        try:
            mod = importlib.import_module(path)
        except ModuleNotFoundError as exc:
            if exc.name != path:
                raise
            raise PipelineError(
                f"The {self.name} analysis stage is missing from this installation "
                f"(no module {path}).",
                hint="Reinstall rapporteur.",
            ) from exc
        fn: StageFn = mod.run
        return fn


def _s(name: str, module: str, reads: str, writes: str) -> Stage:
    stage = Stage(name, module, frozenset(reads.split()), frozenset(writes.split()))
    unknown = (stage.reads | stage.writes) - REVIEW_FIELDS
    if unknown:
        raise ValueError(f"stage {name} declares fields Review does not have: {sorted(unknown)}")
    return stage


STAGES: tuple[Stage, ...] = (
    _s("language", "language", "document", "language"),
    _s("segment", "segment", "document language", "document_kind paragraphs sentences sections"),
    _s("metadata", "metadata", "document document_kind language paragraphs sections", "metadata"),
    _s(
        "speakers",
        "speakers",
        "document_kind language paragraphs sections sentences",
        "participants turns",
    ),
    _s("questions", "questions", "language paragraphs sections sentences turns", "questions"),
    _s(
        "dialogue",
        "alignment",
        "language metadata paragraphs participants questions sections sentences turns warnings",
        "questions warnings",
    ),
    _s(
        "figures",
        "figures",
        "document language metadata paragraphs participants sections sentences turns",
        "figures",
    ),
    _s(
        "contradictions",
        "contradictions",
        "document figures language metadata paragraphs sections sentences",
        "inconsistencies",
    ),
    _s(
        "commitments",
        "commitments",
        "document language metadata paragraphs participants sections sentences turns",
        "commitments",
    ),
    _s(
        "recommendations",
        "recommendations",
        "document document_kind language metadata",
        "follow_up metadata next_report recommendations",
    ),
    _s(
        "themes",
        "themes",
        "commitments document figures language paragraphs questions recommendations sentences "
        "turns",
        "commitments figures questions recommendations taxonomy_version",
    ),
    _s(
        "genre",
        "genre",
        "document document_kind language metadata next_report paragraphs questions "
        "recommendations sections turns warnings",
        "is_dialogue warnings",
    ),
)
DEFAULT = tuple(s.name for s in STAGES)


def check(names: Sequence[str]) -> list[Stage]:
    """Stages in the given order, or PipelineError naming the first field read before it is
    written."""
    by_name = {s.name: s for s in STAGES}
    have = set(START)
    out = []
    for name in names:
        if name not in by_name:
            raise PipelineError(f"There is no analysis stage called {name!r}.")
        stage = by_name[name]
        missing = stage.reads - have
        if missing:
            raise PipelineError(
                f"The {name} stage reads {', '.join(sorted(missing))}, which no earlier stage "
                "writes."
            )
        have |= stage.writes
        out.append(stage)
    return out


def run(review: Review, settings: Settings, names: Sequence[str] = DEFAULT) -> Review:
    """Every stage in order under the settings' time limit (checked between stages and in
    the stages' long loops)."""
    stages = check([n for n in names if settings.align or n != "dialogue"])
    with deadline.limit(settings.time_limit):
        for stage in stages:
            deadline.check()
            review = stage.load()(review, settings)
        deadline.check()
    return review
