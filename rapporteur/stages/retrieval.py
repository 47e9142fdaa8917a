"""Find and score the delegation passages that could answer each question.

The retrieval half of the dialogue stage (`alignment` judges the status):
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
4. Structure: a prior on where answers sit: the responses of the question's own round first,
   the first delegation reply after the question more, later rounds, earlier rounds and the
   presentation less; a sentence giving the type of answer asked (`answer_types`: a figure for
   "How many?") more. These are weights, not restrictions.
The weights are in `PARAMS`, set by bench/calibrate_alignment.py on the fictional annotated
reviews in examples/ and bench/alignment_data/ (never on the corpus document).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import bm25s
import numpy as np

from ..models import EVIDENCE_KINDS, Question, Review, Sentence
from . import answer_types
from .dialogue_cues import for_language
from .questions import section_rounds
from .thesaurus import Analyzer, words


@dataclass(frozen=True, slots=True, kw_only=True)
class Params:
    """Weights of the method (see the module docstring)."""

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
    part_cover: float = 0.4
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
    adjacent: float = 0.0
    """Bonus for the first delegation paragraph after the question: in a turn-by-turn record
    the reply follows its question."""
    confirm: float = 0.0
    """Bonus for a bare confirmation or denial ("That was correct.", "It had not.") opening
    that reply, when the question can be answered by yes or no."""
    semantic_weight: float = 1.0
    """Weight of meaning (sentence-embedding similarity) against the lexical score, which is
    scaled so that the question's best lexical match is 1; 0 turns meaning off."""
    semantic_context: float = 0.0
    """Weight of the lead-in sentence's meaning in a question that points back to it."""
    semantic_sentence: float = 0.7
    """Share of the sentence's own similarity in its meaning score; the rest is its
    paragraph's."""


# Chosen by bench/calibrate_alignment.py on the FICTIONAL annotated reviews only: examples/
# (tests/fixtures/annotations) and bench/alignment_data/. The corpus document was not used.
# Re-run the script after changing the method or the thesaurus, and paste its output here.
PARAMS = Params(
    k1=1.5,
    context_decay=0.3,
    paragraph_weight=0.15,
    later_round=0.4,
    earlier_round=0.1,
    presentation=0.2,
    other=0.1,
    order=0.0,
    runner_up=0.9,
    quantity_boost=0.5,
    confirm=2.0,
    semantic_weight=1.5,
    semantic_context=0.25,
)

FRAME = re.compile(
    r"^.{0,200}?\b(?:asked|inquired|enquired|queried|wondered|requested|sought|"
    r"wished to (?:know|hear|learn)|wanted to (?:know|hear|learn)|would like to (?:know|hear)|"
    r"raised the question|invited the (?:delegation|State party) to \w+)\b",
    re.I | re.S,
)
ANAPHOR = re.compile(
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
class Evidence:
    sentence: Sentence
    kind: str
    round: int
    position: float  # relative place among the delegation's sentences of its round
    paragraph: int  # index into the evidence paragraphs
    index: int  # index into the evidence sentences
    terms: list[str]


@dataclass(slots=True)
class Query:
    weights: dict[str, float]
    parts: list[set[str]]
    context_terms: set[str] = field(default_factory=set)
    identifiers: frozenset[tuple[str, str]] = frozenset()
    dependent: bool = False
    """The question points back ("Was there a law in place?") or says almost nothing alone."""
    context: str = ""
    """The sentence before it in the same turn, when it is not itself another question."""


# --- evidence -------------------------------------------------------------------------------


_GENERIC_NAME_WORDS = frozenset(
    "republic federation kingdom state states united democratic people peoples islamic "
    "plurinational bolivarian federal socialist arab of the and great northern".split()
)
_GENERIC_NAME_WORDS_OTHER = _GENERIC_NAME_WORDS | frozenset(
    "republique royaume etat etats unis democratique populaire islamique federale federal "
    "socialiste arabe de du des la le les et republica reino estado estados unidos unida "
    "democratica popular islamica federativa socialista arabe del el las los y".split()
)
"""The same in French and Spanish (folded), for the State's name as those records spell it."""


@dataclass(frozen=True, slots=True)
class Stop:
    """Words of this review that match nothing: names of people and of the State party, and
    the State's demonym (a capitalised word sharing the name's first letters: Kenya, Kenyan)."""

    words: frozenset[str]
    prefixes: tuple[str, ...]


def review_stopwords(review: Review) -> Stop:
    out: set[str] = set()
    prefixes: list[str] = []
    for p in review.participants:
        out.update(w.casefold() for w in words(p.name))
    meta = review.metadata
    generic = _GENERIC_NAME_WORDS if review.language == "en" else _GENERIC_NAME_WORDS_OTHER
    if meta is not None and meta.state_party is not None:
        names = [w.casefold() for w in words(meta.state_party.name)]
        out.update(names)
        main = max((n for n in names if n not in generic), key=len, default="")
        if len(main) >= 4:
            prefixes.append(main[: max(4, len(main) - 4)])
    return Stop(frozenset(out), tuple(prefixes))


def collect_evidence(review: Review, analyzer: Analyzer, extra: Stop) -> list[Evidence]:
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
            Evidence(
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


class Scorer:
    """BM25 over evidence sentences and over passages around them, per-term vectors cached.

    A passage is the sentence with `params.passage` sentences either side in its paragraph,
    or the whole paragraph when `params.passage` is negative.
    """

    def __init__(self, evidence: list[Evidence], params: Params, language: str = "en") -> None:
        self.evidence = evidence
        self.params = params
        self.language = language
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
        self.sent_index = bm25_index([e.terms for e in evidence], params.k1, params.b)
        self.par_index = bm25_index(par_terms, params.k1, params.b)
        self.sent_df = doc_freqs([e.terms for e in evidence])
        self.par_df = doc_freqs(par_terms)
        self.n_sent = len(evidence)
        self.n_par = n_par
        self.term_sets = [set(e.terms) for e in evidence]
        self.is_response = np.array([e.kind == "responses" for e in evidence])
        self.is_presentation = np.array([e.kind == "presentation" for e in evidence])
        self.types = [answer_types.provided(e.sentence.text, language) for e in evidence]
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
        self.paragraph_of = np.array([e.paragraph for e in evidence])
        self.confirms = np.array(
            [i == 0 or evidence[i - 1].paragraph != e.paragraph for i, e in enumerate(evidence)]
        ) & np.array([is_confirmation(e.sentence.text, language) for e in evidence])
        """A bare confirmation or denial opening a delegation paragraph."""
        self._cache: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def reply_to(self, q: Question) -> np.ndarray:
        """Mask of the first delegation paragraph after the question: its direct reply."""
        i = int(np.searchsorted(self.starts, q.end))
        if i >= self.n_sent:
            return np.zeros(self.n_sent, dtype=bool)
        out: np.ndarray = self.paragraph_of == self.paragraph_of[i]
        return out

    def prior(self, q: Question, q_pos: float) -> np.ndarray:
        """Structural factor of every evidence sentence for a question (module docstring)."""
        p = self.params
        same = self.is_response & (self.rounds == q.round) & (self.starts > q.start)
        later = self.is_response & ~same & (self.rounds > q.round)
        earlier = self.is_response & ~same & ~later
        out = np.full(len(self.evidence), 1 + p.other)
        out[self.is_presentation] = 1 + p.presentation
        out[earlier] = 1 + p.earlier_round
        out[later] = 1 + p.later_round
        out[same] = (1 + p.same_round + p.order * (1 - np.abs(q_pos - self.positions)))[same]
        if p.adjacent:
            out[self.reply_to(q)] += p.adjacent
        return out

    def idf(self, term: str) -> float:
        return bm25_idf(self.sent_df.get(term, 0), self.n_sent)

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
            par_mass += w * bm25_idf(self.par_df.get(term, 0), self.n_par)
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


def bm25_index(corpus: list[list[str]], k1: float, b: float) -> bm25s.BM25:
    """A BM25 (Lucene) index of term lists; shared with the tracing of recommendations."""
    index = bm25s.BM25(k1=k1, b=b, method="lucene")
    # An empty document would break bm25s's length statistics: give it a placeholder token.
    index.index([terms or ["\x00"] for terms in corpus], show_progress=False)
    return index


def doc_freqs(corpus: Sequence[list[str]]) -> dict[str, int]:
    """How many documents of the corpus hold each term."""
    df: dict[str, int] = {}
    for terms in corpus:
        for t in set(terms):
            df[t] = df.get(t, 0) + 1
    return df


def bm25_idf(df: int, n: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


# --- questions ------------------------------------------------------------------------------


CONTEXT = 8
"""Sentences of lead-in kept per question (the query reads at most `context_sentences`)."""


def contexts(review: Review) -> dict[str, list[tuple[str, bool]]]:
    """The sentences before each question, nearest first (at most `CONTEXT`), each with
    whether it is itself a question: its paragraph's, then, when the paragraph continues the
    same asker's turn, the previous paragraph's. A binary search finds the question's place,
    so a paragraph of thousands of sentences costs no more per question than a short one."""
    out: dict[str, list[tuple[str, bool]]] = {}
    inherited = {t.paragraph for t in review.turns if t.inferred}
    asked = {q.start for q in review.questions}
    sentences = review.sentences
    for q in review.questions:
        first, last = review.paragraphs[q.paragraph].sentences
        k = bisect_right(sentences, q.start, lo=first, hi=last, key=lambda s: s.end)
        before = list(sentences[max(first, k - CONTEXT) : k])
        if q.paragraph in inherited and q.paragraph > 0 and len(before) < CONTEXT:
            pf, pl = review.paragraphs[q.paragraph - 1].sentences
            before = list(sentences[max(pf, pl - CONTEXT + len(before)) : pl]) + before
        out[q.id] = [(s.text, s.start in asked) for s in before[::-1]]
    return out


_YES_NO = re.compile(
    r"^\W*(?:was|were|did|does|do|had|has|have|is|are|could|would|can|will|should|might|"
    r"must|may)\b|\b(?:asked|wondered|inquired|enquired|know) (?:whether|if)\b",
    re.I,
)
_CONFIRM = re.compile(
    r"^(?:[^,.;]{0,80}?\b(?:said|replied|answered|responded|explained|noted|stated)\b"
    r"(?: that)?,?\s*)?"
    r"(?:that was (?:correct|right|true|so|indeed the case|the case|not the case|not correct|"
    r"incorrect)|(?:yes|no|indeed|correct|not yet|not at all)\b|(?:it|they|he|she) (?:had|has|"
    r"did|does|was|were|is|would|could)(?:\s*not|n't)?\s*[,.;:\u2014\u2013-]|there (?:had|has|"
    r"was|were) (?:not|no)\b|no such \w+|(?:he|she|it|they) confirmed\b|the delegation "
    r"confirmed\b|confirmed that\b)",
    re.I,
)


def is_yes_no(question: Question, language: str = "en") -> bool:
    """A question that can be answered by yes or no ("Had the law been adopted?"). In French
    and Spanish: an indirect question whose own words open with "si", or a direct one with no
    interrogative word among its first words ("Le Gouvernement entendait-il ...?",
    "¿Existía un mecanismo ...?")."""
    cues = for_language(language)
    if cues is None:
        return bool(
            _YES_NO.search(own_text(question) if question.kind != "indirect" else question.text)
        )
    own = own_text(question, language)
    if question.kind == "indirect":
        return own != question.text and bool(cues.whether.match(own))
    return not cues.interrogative.search(own)


def is_confirmation(sentence: str, language: str = "en") -> bool:
    """A sentence that opens with a bare yes or no ("A delegate said that was correct.",
    "It had not; the bill was before the Senate.", "No such cases had been recorded.")."""
    cues = for_language(language)
    return bool((_CONFIRM if cues is None else cues.confirm).search(sentence.strip()))


def own_text(question: Question, language: str = "en") -> str:
    """The question without its reporting frame ("X, Committee Expert, asked whether")."""
    text = question.text
    if question.kind == "indirect":
        cues = for_language(language)
        m = (FRAME if cues is None else cues.frame).search(text)
        if m:
            text = text[m.end() :]
    return text


def query(
    q: Question,
    context: list[tuple[str, bool]],
    analyzer: Analyzer,
    extra: Stop,
    params: Params,
) -> Query:
    cues = for_language(analyzer.language)
    text = own_text(q, analyzer.language)
    weights: dict[str, float] = {}
    parts: list[set[str]] = []
    for chunk in (_PART_SPLIT if cues is None else cues.part_split).split(text):
        terms = analyzer.terms(chunk, extra.words, extra.prefixes)
        if terms:
            parts.append(set(terms))
        for t in terms:
            weights[t] = 1.0
    ctx_terms: set[str] = set()
    dependent = bool((ANAPHOR if cues is None else cues.anaphor).search(text)) or len(weights) <= 1
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
    lead_in = context[0][0] if context and not context[0][1] else ""
    return Query(
        weights=weights,
        parts=parts,
        context_terms=ctx_terms,
        identifiers=_identifiers(text, analyzer.language),
        dependent=dependent,
        context=lead_in,
    )


def question_positions(questions: Sequence[Question]) -> dict[str, float]:
    """Relative place of each question among the questions of its round."""
    per_round: dict[int, list[Question]] = {}
    for q in questions:
        per_round.setdefault(q.round, []).append(q)
    out = {}
    for members in per_round.values():
        for j, q in enumerate(members):
            out[q.id] = j / (len(members) - 1) if len(members) > 1 else 0.0
    return out


def clash(identifiers: frozenset[tuple[str, str]], e: Evidence, language: str = "en") -> bool:
    """The evidence names another instrument of the same kind ("Convention 189" for 143)."""
    found = _identifiers(e.sentence.text, language)
    if not found or found & identifiers:
        return False
    kinds = {k for k, _ in identifiers}
    return any(k in kinds for k, _ in found)


@lru_cache(maxsize=8192)
def _identifiers(text: str, language: str = "en") -> frozenset[tuple[str, str]]:
    """Cached: a sentence is checked once for every question it is a candidate for."""
    cues = for_language(language)
    pattern = _IDENTIFIER if cues is None else cues.identifier
    return frozenset((m.group(1).lower(), m.group(2)) for m in pattern.finditer(text))


def cover(weights: dict[str, float], seen: set[str], scorer: Scorer) -> float:
    total = hit = 0.0
    for term, w in weights.items():
        mass = w * scorer.idf(term)
        total += mass
        if term in seen:
            hit += mass
    return hit / total if total else 0.0


def where(e: Evidence) -> str:
    if e.kind == "responses":
        return f"in the responses to round {e.round}" if e.round else "in the responses"
    if e.kind == "presentation":
        return "in the presentation of the report"
    if e.kind == "concluding":
        return "in the concluding remarks"
    return "in a delegation statement"
