"""Link every question to the delegation's answers and say whether it was answered.

Method (docs/alignment.md explains it at length):
1. Evidence: every sentence the delegation speaks in the body (presentation, responses,
   concluding remarks, other sections; never the lead, which repeats the body).
2. Terms: `thesaurus.Analyzer` folds, maps domain synonyms to one concept, drops stopwords
   and the genre's frame words, and stems. A question keeps its own terms (the reporting
   frame "X, Committee Expert, asked ..." removed) and borrows the terms of the previous
   sentence of the same paragraph at a low weight, or a higher one when it is anaphoric
   ("What was being done in this regard?").
3. Lexical score: BM25 (bm25s) of each query term against every evidence sentence and every
   delegation paragraph, normalised by the query's idf mass so that 1.0 means "every term
   matched once"; a sentence's score mixes its own score and its paragraph's.
4. Structure: the score is multiplied by a prior on where answers sit: the responses of the
   question's own round first, in roughly the order asked; later rounds, earlier rounds and
   the presentation less; a sentence giving the type of answer asked (`answer_types`: a
   figure for "How many?") more. These are weights, not restrictions.
5. Status: the best evidence must reach a score threshold, and the evidence (best sentence,
   its neighbours and the other top answers) must cover enough of the question's idf mass;
   a multi-part question ("..., and how was it funded?") is answered only when every part is
   covered, and one asking for a figure, a date or a reason only when the best passage gives
   it. Coverage weighs rare words most, so a question whose frequent words turn up in an
   unrelated answer stays unanswered.
All thresholds and weights are in `PARAMS`, set by bench/calibrate_alignment.py on the
fictional annotated reviews in examples/ and bench/alignment_data/ (never on the corpus
document).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import bm25s
import numpy as np

from ..models import Answer, Question, Review, Sentence
from ..settings import Settings
from . import answer_types
from .questions import section_rounds
from .thesaurus import Analyzer, load, words

EVIDENCE_KINDS = frozenset({"presentation", "responses", "concluding", "other"})
MAX_ANSWERS = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class Params:
    """Weights and thresholds of the method (see the module docstring)."""

    k1: float = 1.2
    b: float = 0.5
    context_weight: float = 0.25
    """Weight of the previous sentence's terms in the query."""
    anaphor_weight: float = 0.6
    """The same, when the question points back ("this", "those", "them")."""
    context_terms: int = 3
    """Earlier sentences are read until they have given this many new terms ..."""
    context_sentences: int = 3
    """... or this many sentences have been read ..."""
    context_decay: float = 0.5
    """... each one further back weighing this much less."""
    paragraph_weight: float = 0.3
    """Share of the passage's score in a sentence's lexical score."""
    passage: int = -1
    """Sentences either side of a sentence that make its passage; -1: the whole paragraph."""
    same_round: float = 0.5
    later_round: float = 0.25
    earlier_round: float = 0.15
    presentation: float = 0.15
    other: float = 0.05
    order: float = 0.2
    """Bonus for evidence at the same relative place in its round as the question."""
    window: int = 1
    """Sentences either side of the best one that count as its evidence."""
    runner_up: float = 0.8
    """Other answers count as evidence when they score this share of the best."""
    answered_score: float = 0.5
    partial_score: float = 0.25
    answered_cover: float = 0.6
    partial_cover: float = 0.3
    partial_head: float = 0.01
    """Share of the head terms' idf mass the evidence must cover for a partial answer."""
    part_cover: float = 0.5
    """A part of a multi-part question counts as covered from this share of its idf mass."""
    identifier_clash: float = 0.3
    """Factor for evidence naming another instrument of the same kind ("Convention 189")."""
    quantity_boost: float = 0.0
    """Bonus for evidence that states a quantity when the question asks for one ("How many
    ...?", "What proportion ...?", "statistics on ..."): the expected type of the answer."""
    time_boost: float = 0.0
    """The same for a date when the question asks when."""
    reason_boost: float = 0.0
    """The same for a reason ("because", "in order to") when the question asks why."""
    typed_status: float = 0.0
    """1: an answer whose best passage lacks the expected type (no figure for "How many?")
    is at most partial; 0: the type only ranks evidence."""
    focus_share: float = 0.34
    """Share of the question's own terms, rarest in the whole document first, that are its
    focus: the specific thing asked ("returned" in "how many citizens had returned?")."""
    partial_focus: float = 0.0
    """Share of the focus terms' idf mass the evidence must cover for a partial answer."""
    answered_focus: float = 0.0
    """The same for an answered one; below it the answer is at most partial."""


# Chosen by bench/calibrate_alignment.py on the FICTIONAL annotated reviews only: examples/
# (tests/fixtures/annotations) and bench/alignment_data/ (507 question units, fourteen reviews,
# four of them full-length and written to the habits of real summaries: CRC Philippines, CERD
# Georgia, CAT Tunisia, CMW Guatemala). The corpus document was not used. Re-run the script
# after changing the method or the thesaurus, and paste its output here. The focus thresholds
# came out at 0 (no gain).
PARAMS = Params(
    k1=1.5,
    context_weight=0.0,
    anaphor_weight=0.45,
    context_terms=3,
    context_decay=0.3,
    paragraph_weight=0.45,
    same_round=0.75,
    later_round=0.4,
    earlier_round=0.3,
    presentation=0.2,
    other=0.1,
    order=0.0,
    runner_up=0.9,
    answered_score=0.25,
    partial_score=0.2,
    answered_cover=0.3,
    partial_cover=0.3,
    partial_head=0.01,
    part_cover=0.4,
    quantity_boost=1.0,
    typed_status=1.0,
    partial_focus=0.0,
    answered_focus=0.0,
)

_FRAME = re.compile(
    r"^.{0,200}?\b(?:asked|inquired|enquired|queried|wondered|requested|sought|"
    r"wished to (?:know|hear|learn)|wanted to (?:know|hear|learn)|would like to (?:know|hear)|"
    r"raised the question|invited the (?:delegation|State party) to \w+)\b",
    re.I | re.S,
)
_ANAPHOR = re.compile(
    r"\b(?:this|these|those|such|them|they|it|its|their|thereof|the latter|the former|"
    r"the above|above-mentioned|aforementioned)\b",
    re.I,
)
_IDENTIFIER = re.compile(
    r"\b(Convention|Protocol|Article|Recommendation|Resolution)\s+(?:No\.\s*)?(\d+)\b", re.I
)
_PART_SPLIT = re.compile(
    r"\s*;\s*|,?\s+(?:and|or|as well as)\s+(?=(?:how|what|whether|if|why|which|who|whom|when|"
    r"where|was|were|did|does|do|had|has|have|is|are|could|would|can|to)\b)",
    re.I,
)


@dataclass(slots=True)
class _Evidence:
    sentence: Sentence
    kind: str
    round: int
    position: float  # relative place among the delegation's sentences of its round
    paragraph: int  # index into the evidence paragraphs
    index: int  # index into the evidence sentences
    terms: list[str]


@dataclass(slots=True)
class _Query:
    weights: dict[str, float]
    parts: list[set[str]]
    context_terms: set[str] = field(default_factory=set)
    identifiers: frozenset[tuple[str, str]] = frozenset()


def run(review: Review, settings: Settings) -> Review:
    """Fill `answers`, `status` and `status_reason` of every question."""
    return align(review, PARAMS)


def align(review: Review, params: Params = PARAMS) -> Review:
    if not review.questions:
        return review
    evidence = _evidence(review, load(), _review_stopwords(review))
    if not evidence:
        reason = "The delegation has no passage in the body that could answer it."
        return replace(
            review,
            questions=tuple(
                replace(q, answers=(), status="unanswered", status_reason=reason)
                for q in review.questions
            ),
        )
    out = []
    for q, f in zip(review.questions, features(review, params, evidence), strict=True):
        status, reason = decide(f, params)
        out.append(replace(q, answers=f.answers, status=status, status_reason=reason))
    return replace(review, questions=tuple(out))


def features(
    review: Review,
    params: Params = PARAMS,
    evidence: list[_Evidence] | None = None,
    focus: bool | None = None,
) -> list[Features]:
    """The decision features of every question (calibration calls this directly).

    `focus` computes the focus cover (document-level idf: analyses every body sentence, about
    30 ms on a 35 KB summary); by default only when a focus threshold is in use."""
    analyzer = load()
    extra = _review_stopwords(review)
    if evidence is None:
        evidence = _evidence(review, analyzer, extra)
    if not evidence:
        empty = "The delegation has no passage in the body that could answer it."
        return [Features((), 0.0, 0.0, 0.0, (), "", empty) for _ in review.questions]
    scorer = _Scorer(evidence, params)
    if focus or (focus is None and (params.partial_focus > 0 or params.answered_focus > 0)):
        scorer.doc_idf = _doc_idf(review, analyzer, extra)
    positions = _question_positions(review.questions)
    contexts = _contexts(review)
    return [
        question_features(
            q, _query(q, contexts[q.id], analyzer, extra, params), positions[q.id], scorer, params
        )
        for q in review.questions
    ]


# --- evidence -------------------------------------------------------------------------------


_GENERIC_NAME_WORDS = frozenset(
    "republic federation kingdom state states united democratic people peoples islamic "
    "plurinational bolivarian federal socialist arab of the and great northern".split()
)


@dataclass(frozen=True, slots=True)
class _Stop:
    """Words of this review that match nothing: names of people and of the State party, and
    the State's demonym (a capitalised word sharing the name's first letters: Kenya, Kenyan)."""

    words: frozenset[str]
    prefixes: tuple[str, ...]


def _review_stopwords(review: Review) -> _Stop:
    out: set[str] = set()
    prefixes: list[str] = []
    for p in review.participants:
        out.update(w.casefold() for w in words(p.name))
    meta = review.metadata
    if meta is not None and meta.state_party is not None:
        names = [w.casefold() for w in words(meta.state_party.name)]
        out.update(names)
        main = max((n for n in names if n not in _GENERIC_NAME_WORDS), key=len, default="")
        if len(main) >= 4:
            prefixes.append(main[: max(4, len(main) - 4)])
    return _Stop(frozenset(out), tuple(prefixes))


def _evidence(review: Review, analyzer: Analyzer, extra: _Stop) -> list[_Evidence]:
    rounds = section_rounds(review)
    rows: list[tuple[Sentence, str, int]] = []
    for turn in review.turns:
        p = review.paragraphs[turn.paragraph]
        section = review.sections[p.section]
        if section.kind not in EVIDENCE_KINDS:
            continue
        for si in range(*p.sentences):
            voice = turn.voice_at(si)
            if (voice.side if voice else turn.side) == "delegation":
                rows.append((review.sentences[si], section.kind, rounds.get(section.index, 0)))
    # Relative position of each sentence among the delegation's sentences of its round.
    per_round: dict[tuple[str, int], list[int]] = {}
    for i, (_, kind, rnd) in enumerate(rows):
        per_round.setdefault((kind, rnd), []).append(i)
    position = {}
    for members in per_round.values():
        for j, i in enumerate(members):
            position[i] = j / (len(members) - 1) if len(members) > 1 else 0.0
    out = []
    para_index: dict[int, int] = {}
    for i, (sent, kind, rnd) in enumerate(rows):
        pi = para_index.setdefault(sent.paragraph, len(para_index))
        out.append(
            _Evidence(
                sentence=sent,
                kind=kind,
                round=rnd,
                position=position[i],
                paragraph=pi,
                index=i,
                terms=analyzer.terms(sent.text, extra.words, extra.prefixes),
            )
        )
    return out


class _Scorer:
    """BM25 over evidence sentences and over passages around them, per-term vectors cached.

    A passage is the sentence with `params.passage` sentences either side in its paragraph,
    or the whole paragraph when `params.passage` is negative.
    """

    def __init__(self, evidence: list[_Evidence], params: Params) -> None:
        self.evidence = evidence
        self.params = params
        par_terms: list[list[str]]
        if params.passage < 0:
            n_par = max(e.paragraph for e in evidence) + 1
            par_terms = [[] for _ in range(n_par)]
            for e in evidence:
                par_terms[e.paragraph].extend(e.terms)
            self.par_of = np.array([e.paragraph for e in evidence])
        else:
            n_par = len(evidence)
            par_terms = []
            w = params.passage
            for i, e in enumerate(evidence):
                passage: list[str] = []
                for j in range(max(0, i - w), min(len(evidence), i + w + 1)):
                    if evidence[j].paragraph == e.paragraph:
                        passage.extend(evidence[j].terms)
                par_terms.append(passage)
            self.par_of = np.arange(n_par)
        self.sent_index = _index([e.terms for e in evidence], params)
        self.par_index = _index(par_terms, params)
        self.sent_df = _df([e.terms for e in evidence])
        self.par_df = _df(par_terms)
        self.n_sent = len(evidence)
        self.n_par = n_par
        self.term_sets = [set(e.terms) for e in evidence]
        self.is_response = np.array([e.kind == "responses" for e in evidence])
        self.is_presentation = np.array([e.kind == "presentation" for e in evidence])
        self.types = [answer_types.provided(e.sentence.text) for e in evidence]
        boosts = {
            answer_types.QUANTITY: params.quantity_boost,
            answer_types.TIME: params.time_boost,
            answer_types.REASON: params.reason_boost,
        }
        self.type_factor = {
            kind: 1 + boost * np.array([kind in t for t in self.types])
            for kind, boost in boosts.items()
        }
        """Factor of every evidence sentence for a question asking for each answer type."""
        self.rounds = np.array([e.round for e in evidence])
        self.starts = np.array([e.sentence.start for e in evidence])
        self.positions = np.array([e.position for e in evidence])
        self._cache: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.doc_idf: dict[str, float] = {}
        """Idf over every sentence of the body, questions included (see `_doc_idf`)."""

    def prior(self, q: Question, q_pos: float) -> np.ndarray:
        """Structural factor of every evidence sentence for a question (see `_prior`)."""
        p = self.params
        same = self.is_response & (self.rounds == q.round) & (self.starts > q.start)
        later = self.is_response & ~same & (self.rounds > q.round)
        earlier = self.is_response & ~same & ~later
        out = np.full(len(self.evidence), 1 + p.other)
        out[self.is_presentation] = 1 + p.presentation
        out[earlier] = 1 + p.earlier_round
        out[later] = 1 + p.later_round
        out[same] = (1 + p.same_round + p.order * (1 - np.abs(q_pos - self.positions)))[same]
        return out

    def idf(self, term: str) -> float:
        return _idf(self.sent_df.get(term, 0), self.n_sent)

    def lexical(self, weights: dict[str, float]) -> np.ndarray:
        """Normalised lexical score of every evidence sentence for a weighted query."""
        sent = np.zeros(self.n_sent)
        par = np.zeros(self.n_par)
        sent_mass = par_mass = 0.0
        for term in sorted(weights):
            w = weights[term]
            s_vec, p_vec = self._vectors(term)
            sent += w * s_vec
            par += w * p_vec
            sent_mass += w * self.idf(term)
            par_mass += w * _idf(self.par_df.get(term, 0), self.n_par)
        if sent_mass <= 0:
            return sent
        lam = self.params.paragraph_weight
        out: np.ndarray = (1 - lam) * sent / sent_mass + lam * (par / par_mass)[self.par_of]
        return out

    def _vectors(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        hit = self._cache.get(term)
        if hit is None:
            if term in self.sent_df:
                hit = (
                    self.sent_index.get_scores([term]).astype(float),
                    self.par_index.get_scores([term]).astype(float),
                )
            else:
                hit = (np.zeros(self.n_sent), np.zeros(self.n_par))
            self._cache[term] = hit
        return hit


def _index(corpus: list[list[str]], params: Params) -> bm25s.BM25:
    index = bm25s.BM25(k1=params.k1, b=params.b, method="lucene")
    # An empty document would break bm25s's length statistics: give it a placeholder token.
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


def _doc_idf(review: Review, analyzer: Analyzer, extra: _Stop) -> dict[str, float]:
    """Idf of every term over all the body's sentences, the Experts' and the delegation's: a
    word the Experts use in many questions ("migrant", "women") is a topic, not the ask."""
    lead = {s.index for s in review.sections if s.kind in ("lead", "chrome", "boilerplate")}
    corpus = [
        analyzer.terms(review.sentences[i].text, extra.words, extra.prefixes)
        for p in review.paragraphs
        if p.section not in lead
        for i in range(*p.sentences)
    ]
    df = _df(corpus)
    return {t: _idf(d, len(corpus)) for t, d in df.items()}


# --- questions ------------------------------------------------------------------------------


def _contexts(review: Review) -> dict[str, list[tuple[str, bool]]]:
    """The sentences before each question, nearest first, each with whether it is itself a
    question: its paragraph's, then, when the paragraph continues the same asker's turn, the
    previous paragraph's."""
    out: dict[str, list[tuple[str, bool]]] = {}
    inherited = {t.paragraph for t in review.turns if t.inferred}
    asked = {q.start for q in review.questions}
    for q in review.questions:
        first, last = review.paragraphs[q.paragraph].sentences
        before = [s for s in review.sentences[first:last] if s.end <= q.start]
        if q.paragraph in inherited and q.paragraph > 0:
            pf, pl = review.paragraphs[q.paragraph - 1].sentences
            before = list(review.sentences[pf:pl]) + before
        out[q.id] = [(s.text, s.start in asked) for s in before[::-1]]
    return out


def own_text(question: Question) -> str:
    """The question without its reporting frame ("X, Committee Expert, asked whether")."""
    text = question.text
    if question.kind == "indirect":
        m = _FRAME.search(text)
        if m:
            text = text[m.end() :]
    return text


def _query(
    q: Question,
    context: list[tuple[str, bool]],
    analyzer: Analyzer,
    extra: _Stop,
    params: Params,
) -> _Query:
    text = own_text(q)
    weights: dict[str, float] = {}
    parts: list[set[str]] = []
    for chunk in _PART_SPLIT.split(text):
        terms = analyzer.terms(chunk, extra.words, extra.prefixes)
        if terms:
            parts.append(set(terms))
        for t in terms:
            weights[t] = 1.0
    ctx_terms: set[str] = set()
    dependent = bool(_ANAPHOR.search(text)) or len(weights) <= 1
    gamma = params.anaphor_weight if dependent else params.context_weight
    # Walk back until the lead-in has given enough content (a bare "Was this done in
    # practice?" before the question gives none), each step further weighing less. An earlier
    # question is another ask: it lends its terms only to a question that points back to it.
    for sentence, is_question in context[: params.context_sentences]:
        if is_question and not dependent:
            break
        for t in analyzer.terms(sentence, extra.words, extra.prefixes):
            if t not in weights:
                weights[t] = gamma
                ctx_terms.add(t)
        if len(ctx_terms) >= params.context_terms:
            break
        gamma *= params.context_decay
    return _Query(
        weights=weights, parts=parts, context_terms=ctx_terms, identifiers=_identifiers(text)
    )


def _question_positions(questions: Sequence[Question]) -> dict[str, float]:
    """Relative place of each question among the questions of its round."""
    per_round: dict[int, list[Question]] = {}
    for q in questions:
        per_round.setdefault(q.round, []).append(q)
    out = {}
    for members in per_round.values():
        for j, q in enumerate(members):
            out[q.id] = j / (len(members) - 1) if len(members) > 1 else 0.0
    return out


# --- judging --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Features:
    """What the status decision looks at for one question (also used by calibration)."""

    answers: tuple[Answer, ...]
    score: float
    """Combined score (lexical x structural prior) of the best evidence; 0 without any."""
    cover: float
    """Share of the question's own idf mass found in the evidence (best sentence, its
    neighbours, the runners-up)."""
    head_cover: float
    """The same for the question's head terms: its rarer half by idf, the specific words."""
    part_covers: tuple[float, ...]
    """The same for each part of a multi-part question (one value for a single ask)."""
    where: str
    empty: str = ""
    """Why there is no evidence at all, when there is none."""
    focus_cover: float = 0.0
    """The same for the question's focus terms (its rarest words in the whole document)."""
    missing_type: str = ""
    """The answer type the question asks for ("quantity", "time", "reason") that the best
    sentence and its neighbours do not give; empty when none is asked or it is there."""


def question_features(
    q: Question, query: _Query, q_pos: float, scorer: _Scorer, params: Params
) -> Features:
    if not query.weights:
        return Features((), 0.0, 0.0, 0.0, (), "", "The question has no content words to look for.")
    lexical = scorer.lexical(query.weights)
    evidence = scorer.evidence
    factor = scorer.prior(q, q_pos)
    wanted = answer_types.expected(own_text(q))
    for kind in wanted:
        factor = factor * scorer.type_factor[kind]
    if query.identifiers:
        factor *= np.array(
            [params.identifier_clash if _clash(query.identifiers, e) else 1.0 for e in evidence]
        )
    combined = lexical * factor
    order = sorted(
        (i for i in range(len(evidence)) if lexical[i] > 0), key=lambda i: (-combined[i], i)
    )
    if not order:
        return Features(
            (), 0.0, 0.0, 0.0, (), "", "No delegation passage shares the question's key terms."
        )
    best = order[0]
    best_score = float(combined[best])
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
    # Evidence terms: the runners-up and the sentences next to the best one.
    b = evidence[best]
    # The best sentence and its neighbours in the same paragraph.
    window = [
        i
        for i in range(max(0, best - params.window), min(len(evidence), best + params.window + 1))
        if evidence[i].paragraph == b.paragraph
    ]
    near: set[str] = set().union(*(scorer.term_sets[i] for i in window))
    seen = set(near)
    for i in order[:MAX_ANSWERS]:
        if combined[i] >= params.runner_up * best_score:
            seen |= scorer.term_sets[i]
    own = {t: w for t, w in query.weights.items() if t not in query.context_terms}
    basis = own if len(own) >= 2 else query.weights
    cover = _cover(basis, seen, scorer)
    idfs = sorted(scorer.idf(t) for t in basis)
    median = idfs[(len(idfs) - 1) // 2] if idfs else 0.0
    head = {t: 1.0 for t in basis if scorer.idf(t) >= median}
    part_covers = tuple(_cover(dict.fromkeys(p, 1.0), seen, scorer) for p in query.parts)
    # Focus: the question's rarest terms over the whole document (an Expert's recurring topic
    # word is not the ask), judged on the best sentence and its neighbours only.
    own_terms = sorted(basis, key=lambda t: (-scorer.doc_idf.get(t, 0.0), t))
    k = max(1, math.ceil(params.focus_share * len(own_terms)))
    focus = {t: scorer.doc_idf.get(t, 0.0) for t in own_terms[:k]}
    f_total = sum(focus.values())
    focus_cover = sum(v for t, v in focus.items() if t in near) / f_total if f_total else 0.0
    missing = sorted(wanted.difference(*(scorer.types[i] for i in window)))
    return Features(
        answers,
        best_score,
        cover,
        _cover(head, seen, scorer),
        part_covers,
        _where(b),
        focus_cover=focus_cover,
        missing_type=missing[0] if missing else "",
    )


def _clash(identifiers: frozenset[tuple[str, str]], e: _Evidence) -> bool:
    """The evidence names another instrument of the same kind ("Convention 189" for 143)."""
    found = _identifiers(e.sentence.text)
    if not found or found & identifiers:
        return False
    kinds = {k for k, _ in identifiers}
    return any(k in kinds for k, _ in found)


def _identifiers(text: str) -> frozenset[tuple[str, str]]:
    return frozenset((m.group(1).lower(), m.group(2)) for m in _IDENTIFIER.finditer(text))


def decide(f: Features, params: Params) -> tuple[str, str]:
    """Status and its reason from the features, against the thresholds in `params`."""
    if f.empty:
        return "unanswered", f.empty
    score, cover, where = f.score, f.cover, f.where
    pct = f"{cover:.0%}"
    if score < params.partial_score:
        return "unanswered", (
            f"Best evidence scored {score:.2f}, below the {params.partial_score:.2f} needed "
            f"for a partial answer ({where})."
        )
    if f.head_cover < params.partial_head:
        return "unanswered", (
            f"The closest delegation passage ({where}) shares none of the question's most "
            f"specific terms, only its common ones."
            if f.head_cover == 0
            else f"The closest delegation passage ({where}) covers only {f.head_cover:.0%} of "
            f"the question's most specific terms (at least {params.partial_head:.0%} needed)."
        )
    if f.focus_cover < params.partial_focus:
        return "unanswered", (
            f"The closest delegation passage ({where}) does not address the specific thing "
            f"asked: it covers {f.focus_cover:.0%} of the question's focus terms."
        )
    if cover < params.partial_cover:
        return "unanswered", (
            f"The closest delegation passage ({where}) covers only {pct} of the question's "
            f"key terms (at least {params.partial_cover:.0%} needed)."
        )
    covered = sum(c >= params.part_cover for c in f.part_covers)
    if len(f.part_covers) > 1 and covered < len(f.part_covers):
        return "partial", (
            f"Only {covered} of the question's {len(f.part_covers)} parts are addressed; "
            f"best evidence scored {score:.2f} {where}."
        )
    if score < params.answered_score:
        return "partial", (
            f"Best evidence scored {score:.2f} (answered at >= {params.answered_score:.2f}) "
            f"{where}."
        )
    if f.focus_cover < params.answered_focus:
        return "partial", (
            f"Best evidence scored {score:.2f} {where} and addresses the topic, but only "
            f"{f.focus_cover:.0%} of the specific thing asked."
        )
    if cover < params.answered_cover:
        return "partial", (
            f"Best evidence scored {score:.2f} {where} but covers only {pct} of the "
            f"question's key terms (answered at >= {params.answered_cover:.0%})."
        )
    if params.typed_status and f.missing_type:
        return "partial", (
            f"Best evidence scored {score:.2f} {where} and addresses the topic, but gives no "
            f"{_TYPE_WORDS[f.missing_type]}, which the question asks for."
        )
    return "answered", (
        f"Best evidence scored {score:.2f} (answered at >= {params.answered_score:.2f}) {where}, "
        f"covering {pct} of the question's key terms."
    )


_TYPE_WORDS = {
    answer_types.QUANTITY: "figure",
    answer_types.TIME: "date or time frame",
    answer_types.REASON: "reason",
}


def _cover(weights: dict[str, float], seen: set[str], scorer: _Scorer) -> float:
    total = hit = 0.0
    for term, w in weights.items():
        mass = w * scorer.idf(term)
        total += mass
        if term in seen:
            hit += mass
    return hit / total if total else 0.0


def _where(e: _Evidence) -> str:
    if e.kind == "responses":
        return f"in the responses to round {e.round}" if e.round else "in the responses"
    if e.kind == "presentation":
        return "in the presentation of the report"
    if e.kind == "concluding":
        return "in the concluding remarks"
    return "in a delegation statement"
