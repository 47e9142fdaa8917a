"""Trace each recommendation of concluding observations back to the dialogue's question units.

Why: a tracker wants to know whether the Committee raised a recommendation's subject in the
dialogue (and what the delegation said), or whether it appears first in the concluding
observations. Both documents are analysed on their own; this module joins them. It is pure:
no I/O, and the same inputs always give the same links.

Signals, for every recommendation x question pair:
1. words: the question (its reporting frame removed, plus the lead-in sentence before it at a
   low weight, a higher one when it points back: "What had been done in response?") is the
   query; BM25 (bm25s, the same `thesaurus` terms as question-answer retrieval) scores it
   against every recommendation's action, and against its context (subject and sub-heading,
   lead-in and the paragraph of concern before it), normalised by the query's idf mass so that
   1.0 means "every term matched once". Words common to every recommendation (the
   Convention's name, "State party") weigh little through their idf.
2. themes: the share of the two theme lists (same taxonomy) that they have in common.
3. meaning (method "semantic" only): cosine of the packaged MiniLM encoder's vectors of the
   question and the recommendation (sub-heading and action).
The score mixes them (`Params`); a pair is linked when its score reaches `threshold` and is
close to the best score of its recommendation or of its question (`relative`): a question
usually leads to one or two recommendations, a recommendation to one to three questions.

What was tuned on what: `PARAMS_LEXICAL` and `PARAMS_SEMANTIC` were chosen by a small grid in
bench/trace_eval.py on the one annotated pair there is (the fictional Ardenia CMW dialogue and
its concluding observations, tests/fixtures/annotations/dialogue/). The figures on that pair
are therefore optimistic; sets annotated later are reported by the bench as held out.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import bm25s
import numpy as np

from ..models import Question, Recommendation, Review
from ..settings import Settings
from . import embeddings
from .retrieval import ANAPHOR, Stop, contexts, own_text, review_stopwords
from .themes import load_taxonomy
from .thesaurus import Analyzer, load, words


@dataclass(frozen=True, slots=True)
class TraceLink:
    """One question unit of the dialogue that raised a recommendation's subject."""

    question: str
    """Id of the question unit (`Question.id` of the dialogue's review)."""
    score: float
    """0-1: how surely the question raised the recommendation's subject."""
    reason: str
    """One sentence a reader can check: the shared subject, themes and words."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Params:
    """Weights and thresholds of the method (module docstring)."""

    k1: float = 1.2
    b: float = 0.75
    context_weight: float = 0.25
    """Weight of the lead-in sentence's terms in the question's query ..."""
    anaphor_weight: float = 0.6
    """... or this, when the question points back to it."""
    context_share: float = 0.35
    """Share of the recommendation's context (headings, concern) in its lexical score."""
    theme_weight: float = 0.15
    semantic_weight: float = 0.0
    """Weight of meaning against words (0 for the lexical method)."""
    threshold: float = 0.3
    relative: float = 0.7


PARAMS_LEXICAL = Params()
PARAMS_SEMANTIC = Params(semantic_weight=0.5)

FRAME = frozenset(
    "committee recommends recommend urges encourages reiterates reiterate recalls recalling "
    "previous recommendation recommendations invites calls state party consider take measures "
    "necessary ensure concerned notes regrets including particular".split()
)
"""The frame of every recommendation and concern: it says nothing about the subject."""


def params_for(settings: Settings) -> Params:
    """The tuned weights of the settings' method; meaning only when the model is installed."""
    if settings.method == "semantic" and embeddings.available():
        return PARAMS_SEMANTIC
    return PARAMS_LEXICAL


def trace(
    recommendations: Sequence[Recommendation],
    dialogue: Review,
    settings: Settings,
    params: Params | None = None,
) -> dict[str, tuple[TraceLink, ...]]:
    """Question units of `dialogue` that raised each recommendation, best first; an empty
    tuple means the recommendation's subject was not raised in the dialogue."""
    out: dict[str, tuple[TraceLink, ...]] = {r.id: () for r in recommendations}
    questions = dialogue.questions
    if not recommendations or not questions:
        return out
    p = params or params_for(settings)
    matrix = Matrix(recommendations, dialogue, settings, p)
    scores = matrix.scores
    best_r = scores.max(axis=1, keepdims=True)
    best_q = scores.max(axis=0, keepdims=True)
    close = (scores >= p.relative * best_r) | (scores >= p.relative * best_q)
    linked = (scores >= p.threshold) & close & (scores > 0)
    for i, rec in enumerate(recommendations):
        cols = [int(j) for j in np.flatnonzero(linked[i])]
        cols.sort(key=lambda j: (-scores[i, j], j))
        out[rec.id] = tuple(
            TraceLink(
                question=questions[j].id,
                score=round(float(min(1.0, scores[i, j])), 3),
                reason=matrix.reason(i, j),
            )
            for j in cols
        )
    return out


def with_questions(
    recommendations: Sequence[Recommendation], links: dict[str, tuple[TraceLink, ...]]
) -> tuple[Recommendation, ...]:
    """The recommendations with `questions` filled from `trace`'s links (best first)."""
    return tuple(
        replace(r, questions=tuple(link.question for link in links.get(r.id, ())))
        for r in recommendations
    )


# --- scoring ---------------------------------------------------------------------------------


class Matrix:
    """Scores of every recommendation (rows) against every question (columns), and what each
    pair shares, for the reasons."""

    def __init__(
        self,
        recommendations: Sequence[Recommendation],
        dialogue: Review,
        settings: Settings,
        params: Params,
    ) -> None:
        self.recs = list(recommendations)
        self.questions = list(dialogue.questions)
        self.params = params
        self.analyzer = load()
        stop = review_stopwords(dialogue)
        self.stop = Stop(stop.words | FRAME, stop.prefixes)
        an, st = self.analyzer, self.stop
        action_docs = [an.terms(r.action, st.words, st.prefixes) for r in self.recs]
        context_docs = [an.terms(_context_text(r), st.words, st.prefixes) for r in self.recs]
        self.rec_terms = [set(a) | set(c) for a, c in zip(action_docs, context_docs, strict=True)]
        self.heading_terms = [
            set(an.terms(r.heading or r.subject or "", st.words, st.prefixes)) for r in self.recs
        ]
        lead = contexts(dialogue)
        self.queries = [self._query(q, lead.get(q.id, [])) for q in self.questions]
        lexical = self._lexical(action_docs, context_docs, params)
        themes = self._themes()
        self.semantic: np.ndarray | None = None
        scores = lexical + params.theme_weight * themes
        if params.semantic_weight > 0:
            self.semantic = self._semantic()
            scores = (scores + params.semantic_weight * np.clip(self.semantic, 0, 1)) / (
                1 + params.semantic_weight
            )
        self.scores: np.ndarray = scores
        self.theme_scores = themes
        taxonomy = load_taxonomy(settings.taxonomy)
        self.labels = {t.id: t.label for t in taxonomy.themes}

    def _query(self, q: Question, lead: list[tuple[str, bool]]) -> dict[str, float]:
        text = own_text(q)
        weights = {t: 1.0 for t in self.analyzer.terms(text, self.stop.words, self.stop.prefixes)}
        if lead and not lead[0][1]:
            gamma = (
                self.params.anaphor_weight
                if ANAPHOR.search(text) or len(weights) <= 2
                else self.params.context_weight
            )
            for t in self.analyzer.terms(lead[0][0], self.stop.words, self.stop.prefixes):
                weights.setdefault(t, gamma)
        return weights

    def _lexical(
        self, action_docs: list[list[str]], context_docs: list[list[str]], p: Params
    ) -> np.ndarray:
        n = len(self.recs)
        both = [a + c for a, c in zip(action_docs, context_docs, strict=True)]
        df = _df(both)
        action_index = _index(action_docs, p)
        context_index = _index(context_docs, p)
        action_df = _df(action_docs)
        context_df = _df(context_docs)
        cache: dict[str, np.ndarray] = {}

        def vector(term: str) -> np.ndarray:
            hit = cache.get(term)
            if hit is None:
                a = (
                    np.asarray(action_index.get_scores([term]), dtype=float)
                    if term in action_df
                    else np.zeros(n)
                )
                c = (
                    np.asarray(context_index.get_scores([term]), dtype=float)
                    if term in context_df
                    else np.zeros(n)
                )
                hit = (1 - p.context_share) * a + p.context_share * c
                cache[term] = hit
            return hit

        out = np.zeros((n, len(self.questions)))
        for j, weights in enumerate(self.queries):
            mass = 0.0
            col = np.zeros(n)
            for term in sorted(weights):
                w = weights[term]
                mass += w * _idf(df.get(term, 0), n)
                if term in df:
                    col += w * vector(term)
            if mass > 0:
                out[:, j] = col / mass
        return out

    def _themes(self) -> np.ndarray:
        out = np.zeros((len(self.recs), len(self.questions)))
        for j, q in enumerate(self.questions):
            qt = set(q.themes[:3])
            if not qt:
                continue
            for i, r in enumerate(self.recs):
                rt = set(r.themes[:3])
                if rt:
                    out[i, j] = len(qt & rt) / min(len(qt), len(rt))
        return out

    def _semantic(self) -> np.ndarray:
        model = embeddings.encoder()
        rec_vectors = _encode(model, tuple(_semantic_text(r) for r in self.recs))
        q_vectors = _encode(model, tuple(own_text(q) for q in self.questions))
        out: np.ndarray = rec_vectors @ q_vectors.T
        return out.astype(float)

    def reason(self, i: int, j: int) -> str:
        """One sentence: the subject, the shared themes and words, and meaning if it counted."""
        rec, q = self.recs[i], self.questions[j]
        query = self.queries[j]
        shared = [t for t in query if query[t] >= 1.0 and t in self.rec_terms[i]]
        parts = []
        heading = rec.heading or rec.subject
        if heading and self.heading_terms[i] & set(query):
            parts.append(f"same subject: {_plain(heading)}")
        themes = [self.labels.get(t, t) for t in rec.themes[:3] if t in q.themes[:3]]
        if themes:
            parts.append(
                "shared theme"
                + ("s" if len(themes) > 1 else "")
                + ": "
                + ", ".join(_lower(t) for t in themes)
            )
        if shared:
            surface = _surfaces(own_text(q), self.analyzer, self.stop)
            names = list(
                dict.fromkeys(surface.get(t, t.lstrip("~").replace("_", " ")) for t in shared)
            )
            parts.append("shared terms: " + ", ".join(names[:6]))
        if self.semantic is not None and self.semantic[i, j] >= 0.5:
            parts.append("close in meaning")
        if not parts:
            parts.append("similar wording")
        text = "; ".join(parts)
        return text[0].upper() + text[1:] + "."


def _context_text(r: Recommendation) -> str:
    heads = dict.fromkeys(h for h in (r.subject, r.heading) if h)
    return " ".join([*heads, r.lead_in or "", r.concern or ""])


def _semantic_text(r: Recommendation) -> str:
    return f"{r.heading}: {r.action}" if r.heading else r.action


def _encode(model: embeddings.Encoder, texts: tuple[str, ...]) -> np.ndarray:
    return _encode_cached(model, texts)


@lru_cache(maxsize=64)
def _encode_cached(model: embeddings.Encoder, texts: tuple[str, ...]) -> np.ndarray:
    return model.encode(texts)


_ARTS = re.compile(r"\s*\((?:arts?|articles?)\.?[^)]*\)\s*$", re.I)


def _plain(heading: str) -> str:
    """A heading as it reads inside a sentence: no article list, lower case unless a name."""
    return _lower(_ARTS.sub("", heading).strip())


def _lower(text: str) -> str:
    first, _, rest = text.partition(" ")
    if first[1:].islower():
        first = first.lower()
    return f"{first} {rest}".strip()


def _surfaces(text: str, analyzer: Analyzer, stop: Stop) -> dict[str, str]:
    """The words of `text` each term came from ("detention centre" for a concept term)."""
    ws = words(text)
    out: dict[str, str] = {}
    for size in (3, 2, 1):
        for k in range(len(ws) - size + 1):
            chunk = " ".join(ws[k : k + size])
            terms = analyzer.terms(chunk, stop.words, stop.prefixes)
            if len(terms) == 1 and (size == 1 or terms[0].startswith("~")):
                out.setdefault(terms[0], chunk)
    return out


def _index(corpus: list[list[str]], p: Params) -> bm25s.BM25:
    index = bm25s.BM25(k1=p.k1, b=p.b, method="lucene")
    index.index([terms or ["\x00"] for terms in corpus], show_progress=False)
    return index


def _df(corpus: Sequence[list[str]]) -> dict[str, int]:
    df: dict[str, int] = {}
    for terms in corpus:
        for t in set(terms):
            df[t] = df.get(t, 0) + 1
    return df


def _idf(df: int, n: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))
