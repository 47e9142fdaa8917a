"""The status model (rapporteur/stages/status_model.py): monotone, calibrated on held-out reviews,
and the packaged coefficients agree with the features the code computes."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import numpy as np
import pytest

from rapporteur.api import analyze_text
from rapporteur.settings import Settings
from rapporteur.stages import alignment, status_model
from rapporteur.stages.status_model import FEATURES, LABELS
from tests.stages.test_alignment import document

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.mark.parametrize("method", status_model.METHODS)
def test_status_model_packaged_for_both_methods(method: str) -> None:
    model = status_model.load(method)
    assert model.names == tuple(n for n, _ in FEATURES)
    assert model.cuts[0] < model.cuts[1]
    assert 0.3 <= model.temperature <= 3.0
    assert all(0.0 <= c <= 1.01 for c in model.check_below)
    assert "fictional" in model.trained_on
    for (name, monotone), w in zip(FEATURES, model.weights, strict=True):
        if monotone:
            assert w >= 0, name


def test_status_model_a_stronger_passage_never_gives_a_weaker_status() -> None:
    """Raising any evidence-strength feature never lowers the status (scores and statuses never
    contradict each other)."""
    model = status_model.load("semantic")
    rng = np.random.default_rng(3)
    monotone = [i for i, (_, m) in enumerate(FEATURES) if m]
    base = rng.uniform(0, 1, size=(300, len(FEATURES)))
    for col in (FEATURES.index(("multi", False)), FEATURES.index(("missing_type", False))):
        base[:, col] = rng.integers(0, 2, size=300)
    before, _ = model.judge(base)
    for i, step in itertools.product(monotone, (0.1, 0.5)):
        raised = base.copy()
        raised[:, i] += step
        after, _ = model.judge(raised)
        assert (after >= before).all(), FEATURES[i][0]


def test_status_model_probabilities_are_a_distribution() -> None:
    model = status_model.load("lexical")
    x = np.random.default_rng(5).uniform(0, 2, size=(50, len(FEATURES)))
    status, probs = model.judge(x)
    assert np.allclose(probs.sum(axis=1), 1.0)
    assert ((probs >= 0) & (probs <= 1)).all()
    assert set(status.tolist()) <= {0, 1, 2}


def test_status_model_every_question_gets_a_confidence_and_a_reason() -> None:
    for method in status_model.METHODS:
        review = analyze_text(document(), settings=Settings(method=method))
        for q in review.questions:
            assert q.status in LABELS
            assert q.confidence is not None and 0.0 <= q.confidence <= 1.0
            assert isinstance(q.needs_check, bool)
            assert q.status_reason.endswith(".")
            if q.status == "unanswered" and q.answers:
                assert "not an answer" in q.status_reason or "not its specific" in q.status_reason


def test_status_model_without_linking_nothing_is_sure() -> None:
    review = analyze_text(document(), settings=Settings(align=False))
    assert all(q.confidence is None and q.needs_check for q in review.questions)


def test_status_model_long_reviews_fall_back_to_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(alignment, "MAX_SEMANTIC_SENTENCES", 5)
    review = analyze_text(document())
    assert any("by their words only" in w for w in review.warnings)
    assert all(q.confidence is not None for q in review.questions)


@pytest.mark.slow
def test_status_model_is_calibrated_on_held_out_fictional_reviews() -> None:
    """Each fictional review judged by a model trained on the others (leave-one-review-out):
    the sure verdicts are right at least as often as their confidence says, within 0.05, and
    the confidence overall is within 0.08 of the accuracy (expected calibration error)."""
    sys.path.insert(0, str(BENCH))
    import train_status
    from alignment_eval import load_docs

    docs = load_docs()
    x, y, found, group, _ = train_status.table(docs, semantic=True)
    shipped = status_model.load("semantic")
    models = train_status.loo_models(x, y, found, group, "semantic")
    probs = train_status.held_out(models, x, group, shipped.temperature)[found]
    status, conf = status_model.choose(probs, shipped.class_weights)
    right = status == y[found]
    sure = conf >= np.array(shipped.check_below)[status]
    assert sure.sum() >= 50
    assert right[sure].mean() >= conf[sure].mean() - 0.05
    bins = np.digitize(conf, [0.5, 0.6, 0.7, 0.8, 0.9])
    ece = sum(
        abs(conf[bins == b].mean() - right[bins == b].mean()) * (bins == b).mean()
        for b in np.unique(bins)
    )
    assert ece <= 0.08, ece
