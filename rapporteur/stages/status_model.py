"""The status judgement: answered / partial / unanswered, a calibrated confidence, a reason.

Why a learned model: the statuses are ordered (unanswered < partial < answered), and no single
threshold on one score separates them; several weak signals do together (how much of the
question the best passage covers, how close in meaning it is, where it sits, whether it gives
the figure or date asked). An ordinal logistic model (cumulative logit) weighs them:

    P(status >= partial)  = sigmoid(w . x - cut_partial)
    P(status >= answered) = sigmoid(w . x - cut_answered)

The weights of the evidence-strength features are constrained to be non-negative, so a
stronger passage never gives a weaker status. The coefficients are trained on the FICTIONAL
annotated reviews only (bench/train_status.py), never on a real document, and shipped in
rapporteur/data/status-model.json. `confidence` is the probability of the chosen status after
temperature scaling fitted on leave-one-review-out predictions; `needs_check` is set when the
confidence is below the threshold chosen (per status) on those same held-out predictions.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from ..models import Answer
from ..settings import METHODS as METHODS

LABELS = ("unanswered", "partial", "answered")


@dataclass(frozen=True, slots=True)
class Features:
    """What the status judgement looks at for one question (also read by the training bench)."""

    answers: tuple[Answer, ...]
    score: float
    """Combined score (lexical, semantic and structural) of the best evidence; 0 without any."""
    lexical: float
    """Lexical score of the best evidence alone (1.0: every term of the question matched once)."""
    cover: float
    """Share of the question's own idf mass found in the evidence (best sentence, its
    neighbours, the runners-up)."""
    head_cover: float
    """The same for the question's rarer half of terms, the specific words."""
    part_covers: tuple[float, ...]
    """The same for each part of a multi-part question (one value for a single ask)."""
    where: str
    """Where the best evidence is, in words ("in the responses to round 2")."""
    kind: str = ""
    """Section kind of the best evidence (responses, presentation, concluding, other)."""
    same_round: bool = False
    """The best evidence is in the responses that follow the question's own round."""
    adjacent: bool = False
    """The best evidence is in the first delegation paragraph after the question."""
    semantic: float = 0.0
    """Cosine similarity of the question and the best evidence sentence (0 without the model)."""
    semantic_passage: float = 0.0
    """The same for the best evidence's paragraph."""
    semantic_contrast: float = 0.0
    """How far the best evidence's similarity stands above the typical delegation sentence."""
    semantic_top: float = 0.0
    """The highest similarity of the question to any delegation sentence."""
    agree: bool = False
    """Words alone and meaning alone point to the same delegation paragraph."""
    margin: float = 0.0
    """How far the best evidence's combined score stands above the runner-up's (share)."""
    missing_type: str = ""
    """The answer type asked ("quantity", "time", "reason") that the best passage lacks."""
    yes_no: bool = False
    """The question can be answered by yes or no."""
    short_reply: bool = False
    """A yes/no question whose next delegation turn opens with a bare confirmation or denial
    ("That was correct.", "It had not.")."""
    empty: str = ""
    """Why there is no evidence at all, when there is none."""


# Feature vector: (name, monotone). A monotone feature's weight is kept >= 0 in training.
FEATURES: tuple[tuple[str, bool], ...] = (
    ("lexical", True),
    ("score", True),
    ("cover", True),
    ("head_cover", True),
    ("min_part", True),
    ("multi", False),
    ("missing_type", False),
    ("same_round", False),
    ("adjacent", False),
    ("presentation", False),
    ("semantic", True),
    ("semantic_passage", True),
    ("semantic_contrast", True),
    ("semantic_top", True),
    ("agree", True),
    ("margin", False),
    ("yes_no", False),
    ("short_reply", True),
)


def vector(f: Features) -> list[float]:
    """The numeric features of `FEATURES`, in order."""
    values = {
        "lexical": min(f.lexical, 3.0),
        "score": min(f.score, 3.0),
        "cover": f.cover,
        "head_cover": f.head_cover,
        "min_part": min(f.part_covers) if f.part_covers else 0.0,
        "multi": float(len(f.part_covers) > 1),
        "missing_type": float(bool(f.missing_type)),
        "same_round": float(f.same_round),
        "adjacent": float(f.adjacent),
        "presentation": float(f.kind == "presentation"),
        "semantic": f.semantic,
        "semantic_passage": f.semantic_passage,
        "semantic_contrast": f.semantic_contrast,
        "semantic_top": f.semantic_top,
        "agree": float(f.agree),
        "margin": f.margin,
        "yes_no": float(f.yes_no),
        "short_reply": float(f.short_reply),
    }
    return [values[name] for name, _ in FEATURES]


@dataclass(frozen=True, slots=True)
class Verdict:
    status: str
    probabilities: tuple[float, float, float]
    """P(unanswered), P(partial), P(answered)."""
    confidence: float
    needs_check: bool
    reason: str


@dataclass(frozen=True, slots=True)
class OrdinalModel:
    """Cumulative-logit model over standardised features (see the module docstring)."""

    method: str
    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    cuts: tuple[float, float]
    temperature: float = 1.0
    class_weights: tuple[float, float, float] = (1.0, 1.0, 1.0)
    """The verdict is the status of highest weighted probability: the middle status is rarely
    the most probable one on its own, so it is weighted up (chosen on held-out reviews)."""
    check_below: tuple[float, float, float] = (0.0, 0.0, 0.0)
    """Per status (LABELS order): a confidence below this needs a person's check."""
    trained_on: str = ""

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Rows of P(unanswered), P(partial), P(answered) for feature rows x."""
        z = ((x - self.mean) / self.scale) @ self.weights
        t = self.temperature
        ge_partial = _sigmoid((z - self.cuts[0]) / t)
        ge_answered = _sigmoid((z - self.cuts[1]) / t)
        out: np.ndarray = np.stack(
            [1 - ge_partial, np.clip(ge_partial - ge_answered, 0, 1), ge_answered], axis=-1
        )
        return out

    def judge(self, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Status index and probabilities (after the ceilings) of every feature row."""
        probs = capped(self.probabilities(x), ceilings(x, self.names))
        return choose(probs, self.class_weights)[0], probs

    def predict(self, f: Features) -> Verdict:
        if f.empty:
            return Verdict("unanswered", (1.0, 0.0, 0.0), 1.0, False, f.empty)
        status, probs_rows = self.judge(np.array([vector(f)], dtype=float))
        k, p = int(status[0]), probs_rows[0]
        confidence = float(p[k])
        probs = (float(p[0]), float(p[1]), float(p[2]))
        needs_check = confidence < self.check_below[k]
        return Verdict(LABELS[k], probs, confidence, needs_check, reason(LABELS[k], f))

    def to_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "features": list(self.names),
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "weights": [round(float(v), 6) for v in self.weights],
            "cuts": [round(c, 6) for c in self.cuts],
            "temperature": round(self.temperature, 6),
            "class_weights": [round(c, 4) for c in self.class_weights],
            "check_below": [round(c, 4) for c in self.check_below],
            "trained_on": self.trained_on,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> OrdinalModel:
        names = tuple(d["features"])
        if names != tuple(n for n, _ in FEATURES):
            raise ValueError("the status model was trained on other features; retrain it")
        cuts = d["cuts"]
        check = d.get("check_below", [0.0, 0.0, 0.0])
        cw = d.get("class_weights", [1.0, 1.0, 1.0])
        return cls(
            method=d["method"],
            names=names,
            mean=np.array(d["mean"], dtype=float),
            scale=np.array(d["scale"], dtype=float),
            weights=np.array(d["weights"], dtype=float),
            cuts=(float(cuts[0]), float(cuts[1])),
            temperature=float(d.get("temperature", 1.0)),
            class_weights=(float(cw[0]), float(cw[1]), float(cw[2])),
            check_below=(float(check[0]), float(check[1]), float(check[2])),
            trained_on=d.get("trained_on", ""),
        )


def choose(probs: np.ndarray, class_weights: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    """The verdict of each row of probabilities (the status of highest weighted probability)
    and its confidence (that status's own probability): the pipeline's decision, which the
    training bench and the calibration test share."""
    status: np.ndarray = np.argmax(probs * np.asarray(class_weights), axis=-1)
    confidence: np.ndarray = np.take_along_axis(probs, status[..., None], axis=-1)[..., 0]
    return status, confidence


PART_COVER = 0.4
"""A part of a multi-part question counts as addressed from this share of its key terms."""


def ceilings(x: np.ndarray, names: Sequence[str]) -> np.ndarray:
    """The highest status each row may get, by the annotation rules the model cannot learn
    from a weighted sum: a multi-part question with a part left unaddressed, or one asking for
    a figure, a date or a reason that the best passage does not give, is at most partial."""
    col = {n: i for i, n in enumerate(names)}
    short = (x[:, col["multi"]] > 0) & (x[:, col["min_part"]] < PART_COVER)
    short |= x[:, col["missing_type"]] > 0
    out: np.ndarray = np.where(short, 1, 2)
    return out


def capped(probs: np.ndarray, ceiling: np.ndarray) -> np.ndarray:
    """Probabilities with the mass above each row's ceiling moved down to the ceiling."""
    out = probs.copy()
    at_most_partial = ceiling == 1
    out[at_most_partial, 1] += out[at_most_partial, 2]
    out[at_most_partial, 2] = 0.0
    return out


def _sigmoid(z: np.ndarray) -> np.ndarray:
    out: np.ndarray = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    return out


MODEL_FILE = "status-model.json"


@lru_cache(maxsize=4)
def load(method: str) -> OrdinalModel:
    """The packaged status model for a retrieval method ("semantic" or "lexical")."""
    path = resources.files("rapporteur") / "data" / MODEL_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    return OrdinalModel.from_dict(data[method])


# --- reasons in words ---------------------------------------------------------------------

_TYPE_WORDS = {"quantity": "figure", "time": "date or time frame", "reason": "reason"}


_COUNT = ("no", "one", "two", "three", "four", "five", "six")


def _closeness(similarity: float) -> str:
    return "close" if similarity >= 0.6 else "related" if similarity >= 0.4 else "distant"


def reason(status: str, f: Features) -> str:
    """One or two plain sentences on why: where the passage is, what of the question it covers,
    how close it is in meaning, and what is missing."""
    where = f.where or "in the delegation's statements"
    covered = f"{f.cover:.0%} of the question's key terms"
    meaning = f" and is {_closeness(f.semantic)} in meaning" if f.semantic > 0 else ""
    parts = len(f.part_covers)
    if status == "answered":
        if f.short_reply:
            return f"The delegation's next reply ({where}) confirms or denies it directly."
        return f"The best passage ({where}) covers {covered}{meaning}."
    if status == "partial":
        if f.missing_type:
            return (
                f"The best passage ({where}) addresses the topic but gives no "
                f"{_TYPE_WORDS.get(f.missing_type, f.missing_type)}, which the question asks for."
            )
        done = sum(c >= PART_COVER for c in f.part_covers)
        if parts > 1 and done < parts:
            n = _COUNT[done] if done < len(_COUNT) else str(done)
            total = _COUNT[parts] if parts < len(_COUNT) else str(parts)
            verb = "is" if done == 1 else "are"
            return (
                f"Only {n} of the question's {total} parts {verb} addressed; the best passage "
                f"is {where}."
            )
        return (
            f"The best passage ({where}) addresses the topic only in part: it covers "
            f"{covered}{meaning}."
        )
    if not f.answers:
        return "No delegation passage shares the question's key terms or meaning."
    close = f.semantic >= 0.6
    if f.head_cover == 0:
        text = (
            f"The closest passage ({where}) shares only the question's common words, not its "
            "specific ones."
        )
    else:
        text = (
            f"The closest passage ({where}) covers {covered} but does not appear to give what "
            "was asked: not an answer."
        )
    if close:
        text += " It is close in meaning, so it is worth reading."
    return text
