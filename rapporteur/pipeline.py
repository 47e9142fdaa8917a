"""The ordered list of analysis stages and the check that their order can work.

Each stage declares what it needs from the Review and what it adds; `check` refuses an
order in which a stage would read a field nobody has filled (spaCy's pipe analysis idea).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .errors import PipelineError
from .models import Review
from .settings import Settings

StageFn = Callable[[Review, Settings], Review]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    module: str
    requires: frozenset[str]
    provides: frozenset[str]
    optional: bool = False  # skipped when its module is absent (later issues add them)

    def load(self) -> StageFn | None:
        try:
            mod = importlib.import_module(f"rapporteur.stages.{self.module}")
        except ModuleNotFoundError as exc:
            if self.optional and exc.name == f"rapporteur.stages.{self.module}":
                return None
            raise
        fn: StageFn = mod.run
        return fn


def _s(name: str, module: str, requires: str, provides: str, optional: bool = False) -> Stage:
    return Stage(name, module, frozenset(requires.split()), frozenset(provides.split()), optional)


STAGES: tuple[Stage, ...] = (
    _s("segment", "segment", "document", "paragraphs sections document_kind"),
    _s("metadata", "metadata", "paragraphs sections", "metadata"),
    _s("speakers", "speakers", "paragraphs sections document_kind", "participants turns"),
    _s("questions", "questions", "turns sections", "questions"),
    _s("dialogue", "alignment", "questions turns", "answers", optional=True),
    _s("figures", "figures", "turns metadata", "figures", optional=True),
    _s("contradictions", "contradictions", "figures", "inconsistencies", optional=True),
    _s("commitments", "commitments", "turns", "commitments", optional=True),
    _s("themes", "themes", "questions", "themes", optional=True),
    _s("genre", "genre", "metadata turns questions", "is_dialogue"),
)
DEFAULT = tuple(s.name for s in STAGES)


def check(names: Sequence[str]) -> list[Stage]:
    """Stages in the given order, or PipelineError naming the first unmet requirement."""
    by_name = {s.name: s for s in STAGES}
    have = {"document"}
    out = []
    for name in names:
        if name not in by_name:
            raise PipelineError(f"There is no analysis stage called {name!r}.")
        stage = by_name[name]
        missing = stage.requires - have
        if missing:
            raise PipelineError(
                f"The {name} stage needs {', '.join(sorted(missing))}, which no earlier stage "
                "provides."
            )
        have |= stage.provides
        out.append(stage)
    return out


def run(review: Review, settings: Settings, names: Sequence[str] = DEFAULT) -> Review:
    for stage in check([n for n in names if settings.align or n != "dialogue"]):
        fn = stage.load()
        if fn is not None:
            review = fn(review, settings)
    return review
