"""Link every question to the delegation's answers and say, with a confidence, whether it was
answered.

Two halves (docs/alignment.md explains both):
- `retrieval` finds and scores the passages that could answer a question: BM25 over the
  delegation's sentences and paragraphs, a prior on where answers sit, and the answer type
  asked. With the default `semantic` method, the meaning of question and passage (sentence
  embeddings from the packaged model, `embeddings`) is added to the lexical score, so that a
  paraphrased answer can rank first and a passage that only shares words ranks lower.
- `status_model` judges the status from the best evidence's features (coverage of the
  question's terms and parts, similarity in meaning, place, answer type, a bare "That was
  correct." after a yes/no question) and gives the probability that it is right; a status
  it is unsure of is marked `needs_check`.
Embeddings are computed once per review: every delegation sentence and every question.

In French and Spanish the words are read with that language's stemmer, thesaurus and cues,
and the meaning model (English only) is not used: `languages_note` says so once per document,
and every status the words alone give is marked `needs_check`, since the status model was
trained and calibrated on English reviews only.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from .. import deadline
from ..languages import name as language_name
from ..models import Answer, Question, Review
from ..settings import Settings
from . import answer_types, embeddings, status_model
from .retrieval import (
    PARAMS,
    Evidence,
    Params,
    Query,
    Scorer,
    clash,
    collect_evidence,
    contexts,
    cover,
    is_yes_no,
    own_text,
    query,
    question_positions,
    review_stopwords,
    where,
)
from .status_model import Features
from .thesaurus import load, read_as

MAX_ANSWERS = 3
NO_EVIDENCE = "The delegation has no passage in the body that could answer it."
MAX_SEMANTIC_SENTENCES = 5000
"""Above this (about 20 s of encoding on one core, a 500 KB record), words alone link, and
each block of questions is matched against the delegation's sentences around it."""
SEMANTIC_FLOOR = 0.3
"""A passage sharing no word with the question is a candidate only from this similarity on."""

__all__ = ["MAX_ANSWERS", "PARAMS", "Features", "Params", "align", "features", "own_text", "run"]


def run(review: Review, settings: Settings) -> Review:
    """Fill `answers`, `status`, `status_reason`, `confidence` and `needs_check`."""
    return align(review, PARAMS, method=settings.method)


ENGLISH_ONLY = (
    "The status model was trained and calibrated on English reviews only: a person should "
    "check this status."
)
"""Added to the reason of every status of a record in another language."""


def english_only(language: str, method: str) -> str:
    """The warning, once per document, that a record not in English was linked by its words
    only and that its statuses all need a check."""
    model = (
        " (the meaning model reads English only, so the semantic method fell back to words)"
        if method == "semantic"
        else ""
    )
    return (
        f"The record is in {language_name(language)}: questions were linked to answers by "
        f"their words only{model}, and every status that rests on them is marked for "
        "checking, as the status model was trained on English reviews."
    )


def align(review: Review, params: Params = PARAMS, method: str = "semantic") -> Review:
    if not review.questions:
        return review
    # A language rapporteur has no cues for reads as English (such a record is refused).
    english = read_as(review.language) == "en"
    semantic = method == "semantic" and embeddings.available() and english
    warnings = review.warnings
    if not english:
        warnings += (english_only(review.language, method),)
    elif semantic and len(review.sentences) > MAX_SEMANTIC_SENTENCES:
        semantic = False
        warnings += (
            f"The review has {len(review.sentences):,} sentences, more than the "
            f"{MAX_SEMANTIC_SENTENCES:,} the meaning model reads in reasonable time: questions "
            "were linked to answers by their words only.",
        )
    elif method == "semantic" and not semantic:
        warnings += (
            "The sentence-embedding model is not installed: questions were linked to answers "
            "by their words only.",
        )
    model = status_model.load("semantic" if semantic else "lexical")
    awaiting = replies_missing(review)
    if awaiting is not None:
        warnings += (
            f"{REPLIES_MISSING}: nobody answers for the State "
            f"after the Experts' questions begin (line {awaiting}), so a question marked "
            "unanswered may be answered in the next part of the review. Add the record of the "
            "next meeting to the library to read the two parts together.",
        )
    out = []
    for q, f in zip(review.questions, features(review, params, semantic), strict=True):
        v = model.predict(f)
        reason, sure = v.reason, not v.needs_check
        if awaiting is not None and v.status == "unanswered":
            reason, sure = AWAITING, False
        elif not english and f.empty != NO_EVIDENCE:
            # A delegation that says nothing at all is the same in every language; any other
            # verdict rests on the language's word lists and on a calibration that was never
            # checked outside English.
            reason, sure = f"{reason} {ENGLISH_ONLY}", False
        out.append(
            replace(
                q,
                answers=f.answers,
                status=v.status,
                status_reason=reason,
                confidence=v.confidence,
                needs_check=not sure,
            )
        )
    return replace(review, questions=tuple(out), warnings=warnings)


REPLIES_MISSING = "The delegation's replies are not in this document"
"""How the warning of a first part without replies begins (the library joins such a part
with the rest of its review)."""
AWAITING = (
    "The delegation's replies are not in this document, so this may be answered in the next "
    "part of the review."
)


def replies_missing(review: Review) -> int | None:
    """The line where the Experts' questions begin when no delegation turn follows it: the
    document is the first part of a review whose replies come in another (a summary that
    ends "to hear the replies", or the first of two summary records). None otherwise."""
    first = min(review.questions, key=lambda q: q.line)
    if any(t.side == "delegation" and t.paragraph > first.paragraph for t in review.turns):
        return None
    return first.line


@dataclass(slots=True)
class _Meaning:
    """Unit vectors of the evidence sentences, their paragraphs and the questions."""

    sentences: np.ndarray
    paragraphs: np.ndarray
    questions: dict[str, np.ndarray]


def features(review: Review, params: Params = PARAMS, semantic: bool = True) -> list[Features]:
    """The judgement features of every question (the training bench calls this directly)."""
    language = read_as(review.language)
    analyzer = load(language)
    extra = review_stopwords(review)
    evidence = collect_evidence(review, analyzer, extra)
    if not evidence:
        return [
            Features((), 0.0, 0.0, 0.0, 0.0, (), "", empty=NO_EVIDENCE) for _ in review.questions
        ]
    positions = question_positions(review.questions)
    before = contexts(review)
    queries = [query(q, before[q.id], analyzer, extra, params) for q in review.questions]
    if len(review.sentences) > MAX_SEMANTIC_SENTENCES:
        return _windowed(review.questions, queries, positions, evidence, params, language)
    scorer = Scorer(evidence, params, language)
    meaning = None
    if semantic and params.semantic_weight:
        meaning = _meaning(review.questions, queries, evidence, params.semantic_context)
    out = []
    for q, qry in zip(review.questions, queries, strict=True):
        deadline.check()
        out.append(question_features(q, qry, positions[q.id], scorer, params, meaning))
    return out


WINDOW_CHUNK = 3000
"""Delegation sentences whose questions (those asked among them) are judged together."""
WINDOW_REACH = 1500
"""Delegation sentences before and after a chunk that its questions can be answered in: more
than a whole review of 150 KB holds, so only input far longer than any one review is cut up."""


def _windowed(
    questions: Sequence[Question],
    queries: list[Query],
    positions: dict[str, float],
    evidence: list[Evidence],
    params: Params,
    language: str = "en",
) -> list[Features]:
    """Words-only features for a document too long to read whole (several reviews saved as
    one file, a multi-megabyte paste): the questions asked within each chunk of the
    delegation's sentences are matched against that chunk and the sentences around it, so
    every sentence is indexed about twice and time grows linearly with the input instead of
    with questions times sentences."""
    starts = [e.sentence.start for e in evidence]
    chunks: dict[int, list[int]] = {}
    for i, q in enumerate(questions):
        chunks.setdefault(bisect_left(starts, q.start) // WINDOW_CHUNK, []).append(i)
    out: dict[int, Features] = {}
    for c, members in sorted(chunks.items()):
        lo = max(0, c * WINDOW_CHUNK - WINDOW_REACH)
        scorer = Scorer(evidence[lo : (c + 1) * WINDOW_CHUNK + WINDOW_REACH], params, language)
        for i in members:
            deadline.check()
            q = questions[i]
            out[i] = question_features(q, queries[i], positions[q.id], scorer, params)
    return [out[i] for i in range(len(questions))]


def _counts_what_was_asked(
    q: Question, evidence: list[Evidence], window: list[int], language: str = "en"
) -> bool:
    """For "How many X?", whether the passage gives a number of X (or a synonym), not only
    a number of something else ("repatriated from 58 institutions" for "How many citizens
    returned?"). True when the question names nothing to count."""
    noun = answer_types.counted(own_text(q, language), language)
    terms = load(language).terms
    wanted = set(terms(noun)) if noun else set()
    if not wanted:
        return True
    return any(
        answer_types.counts(evidence[i].sentence.text, wanted, terms, language) for i in window
    )


def _meaning(
    questions: Sequence[Question], queries: Sequence[Query], evidence: list[Evidence], lead: float
) -> _Meaning:
    leads = [qry.context for qry in queries if lead and qry.dependent and qry.context]
    texts = [e.sentence.text for e in evidence] + [own_text(q) for q in questions] + leads
    vectors = embeddings.encoder().encode(texts)
    sentences = vectors[: len(evidence)]
    paragraph = np.array([e.paragraph for e in evidence])
    sums = np.zeros((int(paragraph.max()) + 1, sentences.shape[1]), dtype=np.float32)
    np.add.at(sums, paragraph, sentences)
    sums /= np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-9)
    asked = vectors[len(evidence) : len(evidence) + len(questions)].copy()
    lead_vectors = iter(vectors[len(evidence) + len(questions) :])
    for i, qry in enumerate(queries):
        if lead and qry.dependent and qry.context:
            v = asked[i] + lead * next(lead_vectors)
            asked[i] = v / max(float(np.linalg.norm(v)), 1e-9)
    return _Meaning(sentences, sums[paragraph], {q.id: asked[i] for i, q in enumerate(questions)})


def question_features(
    q: Question,
    qry: Query,
    q_pos: float,
    scorer: Scorer,
    params: Params,
    meaning: _Meaning | None = None,
) -> Features:
    evidence = scorer.evidence
    language = scorer.language
    yes_no = is_yes_no(q, language)
    if not qry.weights and meaning is None:
        return Features(
            (), 0.0, 0.0, 0.0, 0.0, (), "", empty="The question has no content words to look for."
        )
    lexical = scorer.lexical(qry.weights) if qry.weights else np.zeros(len(evidence))
    prior = scorer.prior(q, q_pos)
    wanted = answer_types.expected(own_text(q, language), language)
    for kind in wanted:
        prior = prior * scorer.type_factor[kind]
    reply = scorer.reply_to(q)
    confirm = scorer.confirms & reply if yes_no else np.zeros(len(evidence), dtype=bool)
    if meaning is not None:
        qv = meaning.questions[q.id]
        sim = meaning.sentences @ qv
        sim_par = meaning.paragraphs @ qv
        mix = params.semantic_sentence * sim + (1 - params.semantic_sentence) * sim_par
        top = float(lexical.max())
        base = (lexical / top if top > 0 else lexical) + params.semantic_weight * np.clip(
            mix, 0, None
        )
        candidates = (lexical > 0) | (sim >= SEMANTIC_FLOOR)
    else:
        sim = sim_par = np.zeros(len(evidence))
        base = lexical.copy()
        candidates = lexical > 0
    base = base + params.confirm * confirm
    candidates |= confirm
    idx = np.flatnonzero(candidates)
    if qry.identifiers and len(idx):
        # Only candidates can be ranked, so only they are checked: per question the cost
        # follows the passages that share its words, not the length of the whole review.
        prior = prior.copy()
        prior[idx] *= np.array(
            [
                params.identifier_clash if clash(qry.identifiers, evidence[i], language) else 1.0
                for i in idx
            ]
        )
    combined = base * prior
    # Best first, ties in document order; only the first few are read.
    order = idx[np.lexsort((idx, -combined[idx]))][: MAX_ANSWERS + 1].tolist()
    if not order:
        return Features(
            (),
            0.0,
            0.0,
            0.0,
            0.0,
            (),
            "",
            empty="No delegation passage shares the question's key terms or meaning.",
        )
    best = order[0]
    b = evidence[best]
    answers = tuple(
        Answer(
            line=evidence[i].sentence.line,
            start=evidence[i].sentence.start,
            end=evidence[i].sentence.end,
            text=evidence[i].sentence.text,
            score=round(float(combined[i]), 4),
            paragraph=evidence[i].sentence.paragraph,
        )
        for i in order[:MAX_ANSWERS]
    )
    # The terms the evidence offers: the best sentence, its neighbours, close runners-up.
    window = [
        i
        for i in range(max(0, best - params.window), min(len(evidence), best + params.window + 1))
        if evidence[i].paragraph == b.paragraph
    ]
    seen: set[str] = set().union(*(scorer.term_sets[i] for i in window))
    for i in order[:MAX_ANSWERS]:
        if combined[i] >= params.runner_up * combined[best]:
            seen |= scorer.term_sets[i]
    own = {t: w for t, w in qry.weights.items() if t not in qry.context_terms}
    basis = own if len(own) >= 2 else qry.weights
    idfs = sorted(scorer.idf(t) for t in basis)
    median = idfs[(len(idfs) - 1) // 2] if idfs else 0.0
    head = {t: 1.0 for t in basis if scorer.idf(t) >= median}
    missing = sorted(wanted.difference(*(scorer.types[i] for i in window)))
    if (
        answer_types.QUANTITY in wanted
        and not missing
        and not _counts_what_was_asked(q, evidence, window, language)
    ):
        missing = [answer_types.QUANTITY]
    same_round = bool(b.kind == "responses" and b.round == q.round and b.sentence.start > q.start)
    return Features(
        answers,
        float(combined[best]),
        float(lexical[best]),
        cover(basis, seen, scorer),
        cover(head, seen, scorer),
        tuple(cover(dict.fromkeys(p, 1.0), seen, scorer) for p in qry.parts),
        where(b),
        kind=b.kind,
        same_round=same_round,
        adjacent=bool(reply[best]),
        semantic=float(sim[best]),
        semantic_passage=float(sim_par[best]),
        semantic_contrast=float(sim[best] - np.median(sim)) if meaning is not None else 0.0,
        semantic_top=float(sim.max()),
        agree=bool(
            meaning is not None
            and lexical.max() > 0
            and evidence[int(np.argmax(lexical * prior))].paragraph
            == evidence[int(np.argmax(sim * prior))].paragraph
        ),
        margin=1 - float(combined[order[1]] / combined[best])
        if len(order) > 1 and combined[best] > 0
        else 1.0,
        missing_type=missing[0] if missing else "",
        yes_no=yes_no,
        short_reply=bool(confirm[best]) or bool(confirm.any() and reply[best]),
    )
