"""Inconsistencies: two figures that measure the same thing for the same period but disagree.

Two figures measure the same thing when they have compatible units and the words around
them overlap strongly. Words are weighted by how rare they are among the document's figure
contexts (a word that surrounds every figure, such as the State's name or "migrant", says
nothing), and a small synonym table joins "remittances" and "transferred". Values disagree
when their intervals do not overlap, so a qualifier-only difference ("more than 1 million"
against "around 1 million") and rounding ("2.6 million" against "2,600,000") are not
reported. Figures of one sentence are never compared: a sentence that gives two numbers
gives two different things. Which words count, and how they are stemmed, is the review's
language's (`measure_words`).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass, replace
from itertools import pairwise

from ..models import Figure, Inconsistency, Review
from ..settings import Settings
from .facts_common import (
    body_paragraphs,
    flat_text,
    lower_keeping_offsets,
    paragraph_sentences,
)
from .measure_words import MeasureWords, measure_words

# Below this weighted overlap two figure contexts are about different things.
THRESHOLD = 0.45
# At least one shared word must occur in no more than this share of the body's sentences,
RARE = 0.05
# unless the overlap is at least this strong and covers two words or more.
STRONG = 0.8

_COMPATIBLE = {"workers": "people"}
"""Units that count the same kind of thing: workers are people ("25,000 foreign citizens"
and "16,000 workers" can both state a labour quota)."""


def _terms(text: str, ignore: tuple[str, ...], words: MeasureWords) -> frozenset[str]:
    out = set()
    for token in text.lower().split():
        term = words.term(token.strip(words.strip))
        if term and not (ignore and term.startswith(ignore)):
            out.add(term)
    return frozenset(out)


def _bag(text: str, ignore: tuple[str, ...], unit: str, words: MeasureWords) -> frozenset[str]:
    """Content words of a figure's context, without the words that name its unit (two
    counts of "children" are not about the same thing because both count children)."""
    return _terms(text, ignore, words) - words.unit_words.get(unit, frozenset())


def _clauses(text: str, s0: int, s1: int, words: MeasureWords) -> list[tuple[int, int]]:
    cuts = [s0, *(s0 + m.start() for m in words.clause_break.finditer(text[s0:s1])), s1]
    return list(pairwise(cuts))


def _contexts(review: Review, words: MeasureWords) -> list[str]:
    """The words that say what each figure measures: its clause ("..., and the rest would
    be replaced by 2026" says nothing about the figure before it); an elliptical clause
    ("and 54 per cent in 2022") brings the clause before, and a pronoun subject ("For 2023,
    it was 16,000") the sentence before."""
    text = flat_text(review)
    by_para = {p.index: p for p in review.paragraphs}
    spans_of: dict[int, list[tuple[int, int]]] = {}
    out = []
    for f in review.figures:
        if f.paragraph not in spans_of:  # once per paragraph, not once per figure
            para = by_para.get(f.paragraph)
            spans_of[f.paragraph] = paragraph_sentences(review, para) if para else []
        spans = spans_of[f.paragraph]
        ctx = f.mention
        for k, (s0, s1) in enumerate(spans):
            if not s0 <= f.start < s1:
                continue
            clauses = _clauses(text, s0, s1, words)
            c = next(n for n, (c0, c1) in enumerate(clauses) if c0 <= f.start < c1)
            c0, c1 = clauses[c]
            ctx = text[c0:c1]
            if c and not _terms(ctx, (), words) - words.unit_words.get(f.unit, frozenset()):
                # "..., and 54 per cent in 2022": an elliptical clause means the same thing
                ctx = text[clauses[c - 1][0] : c1]
            if k == 0 and (intro := words.speaker_intro.match(ctx)):
                ctx = ctx[intro.end() :]
            if words.attribution is not None and (source := words.attribution.match(ctx)):
                ctx = ctx[source.end() :]
            if k and words.anaphor.search(text, c0, f.start):
                p0, p1 = spans[k - 1]
                ctx = text[p0:p1] + " " + ctx
            break
        out.append(ctx)
    return out


def _sentences_of(review: Review) -> list[tuple[int, int]]:
    """The (start, end) of each figure's sentence."""
    by_para = {p.index: p for p in review.paragraphs}
    spans_of: dict[int, list[tuple[int, int]]] = {}
    out = []
    for f in review.figures:
        if f.paragraph not in spans_of:  # once per paragraph, not once per figure
            para = by_para.get(f.paragraph)
            spans_of[f.paragraph] = paragraph_sentences(review, para) if para else []
        span = next(
            (sp for sp in spans_of[f.paragraph] if sp[0] <= f.start < sp[1]),
            (f.start, f.end),
        )
        out.append(span)
    return out


@dataclass(frozen=True, slots=True)
class _Interval:
    lo: float
    hi: float


def _interval(f: Figure) -> _Interval | None:
    """The values a figure allows, with the rounding its digits imply."""
    if isinstance(f.value, str) or isinstance(f.value_min, str):
        return None
    if f.value is None:
        if f.value_min is None or f.value_max is None:
            return None
        return _Interval(float(f.value_min), float(f.value_max))
    v = float(f.value)
    slack = _rounding(v)
    q = f.qualifier
    if q == "more_than":
        return _Interval(v - slack, math.inf)
    if q == "at_least":
        return _Interval(v - slack, math.inf)
    if q == "less_than" or q == "up_to":
        return _Interval(-math.inf, v + slack)
    if q == "around":
        slack = max(slack, 0.05 * abs(v))
    return _Interval(v - slack, v + slack)


def _rounding(v: float) -> float:
    """Half the place of the last significant digit of a round number: "25,000" may be
    anything from 24,500 to 25,500, "2.6 million" 2.64 million; numbers below 1,000 are
    taken as exact."""
    if abs(v) < 1000 or v != int(v):
        if abs(v) >= 1000:
            # 2.76 billion: the mantissa's last decimal.
            digits = f"{v:.0f}".rstrip("0")
            return 0.5 * 10.0 ** (len(f"{v:.0f}") - len(digits))
        return 0.0
    s = f"{int(v)}"
    zeros = len(s) - len(s.rstrip("0"))
    return 0.5 * 10.0**zeros if zeros else 0.0


def _shorter(x: str, y: str) -> str:
    return min((s for s in (x, y) if s), key=len, default="the same thing")


def _value_text(f: Figure) -> str:
    return f"'{f.mention}' (line {f.line}, {f.side})"


@dataclass(frozen=True, slots=True)
class Candidate:
    """Two figures that disagree, with how strongly their contexts overlap (0 to 1)."""

    a: int
    b: int
    score: float
    shared: tuple[str, ...]
    rare: bool
    """Whether a shared word is rare in the review (see RARE)."""
    same_head: bool = False
    """Both mentions count the same specific noun ("femicides") for the same stated year."""

    @property
    def same_thing(self) -> bool:
        """Strong enough overlap: a rare shared word, several words shared almost completely,
        or the same counted noun in the same year (a review about hate crimes says "hate
        crimes" too often for the words to be rare)."""
        if self.score < THRESHOLD:
            return False
        return self.rare or self.same_head or (self.score >= STRONG and len(self.shared) >= 2)


def candidates(review: Review) -> list[Candidate]:
    """Every pair of disagreeing figures with compatible units and periods, scored."""
    figs = review.figures
    measured = [i for i, f in enumerate(figs) if f.unit != "date"]
    if len(measured) < 2:
        return []
    words = measure_words(review.language)
    sentences = _sentences_of(review)
    if words.target is not None:
        text = flat_text(review)
        measured = [i for i in measured if not _is_target(text[slice(*sentences[i])], words)]
    ignore = _ignored_prefixes(review, words)
    contexts = _contexts(review, words)
    bags = [_bag(contexts[i], ignore, f.unit, words) for i, f in enumerate(figs)]
    units = [_COMPATIBLE.get(f.unit, f.unit) for f in figs]
    heads = [_head(f, words) for f in figs]
    intervals = [_interval(f) for f in figs]
    pairs: list[tuple[int, int, frozenset[str]]] = []
    for i, j in _sharing(measured, bags):
        a, b = figs[i], figs[j]
        if sentences[i] == sentences[j]:
            continue
        if units[i] != units[j] and not _victims_of(i, j, units, heads, bags, words):
            continue
        if units[i] == "other" and (heads[i] is None or heads[i] != heads[j]):
            continue  # "other" is a catch-all: "doubled" and "112 communities" never compare
        if a.period and b.period and a.period != b.period:
            continue
        ia, ib = intervals[i], intervals[j]
        if ia is None or ib is None or not (ia.hi < ib.lo or ib.hi < ia.lo):
            continue  # the values can both be true
        shared = bags[i] & bags[j]
        if words.modifiers_follow and _qualified_apart(contexts[i], contexts[j], words):
            continue  # "mortalité infantile" and "mortalité néonatale"
        if shared:
            pairs.append((i, j, shared))
    if not pairs:
        return []
    paired = {i for p in pairs for i in p[:2]}
    needed = frozenset().union(*(bags[i] for i in paired))
    df, n = _sentence_frequencies(review, needed, ignore, words)
    idf = {w: math.log((n + 1) / (df.get(w, 0) + 0.5)) for w in needed}
    mass = {i: sum(idf[w] for w in bags[i]) for i in paired}
    common = max(3, RARE * n)
    out = []
    for i, j, shared in pairs:
        rare = min(df.get(w, 0) for w in shared) <= common
        weight = sum(idf[w] for w in shared)
        norm = min(mass[i], mass[j])
        score = weight / norm if norm else 0.0
        a, b = figs[i], figs[j]
        # Victims of femicide against femicides: the same counted thing (see `_victims_of`).
        counted = heads[i] == heads[j] or units[i] != units[j]
        same_head = bool(heads[i] and counted and a.period and a.period == b.period)
        out.append(Candidate(i, j, score, tuple(sorted(shared)), rare, same_head))
    return out


PAIR_LIMIT = 150
"""How many later figures each figure is compared with at most, reached through its rarest
words first (a pair that can be the same thing shares a rare word)."""
FIGURE_REACH = 450
"""How far apart (in figures) two figures compared can be. A review has a few hundred figures
at most, so within one review every pair that shares a word is compared; in a document of
many megabytes (several reviews saved as one file) figures far apart are not, and time stays
linear."""


def _sharing(measured: list[int], bags: list[frozenset[str]]) -> list[tuple[int, int]]:
    """The pairs (i < j) of measured figures whose context bags share a word, in order: only
    they can be the same thing, so the others are never looked at."""
    by_word: dict[str, list[int]] = {}
    for i in measured:
        for w in bags[i]:
            by_word.setdefault(w, []).append(i)
    place = {w: {i: k for k, i in enumerate(members)} for w, members in by_word.items()}
    pairs: list[tuple[int, int]] = []
    for i in measured:
        partners: set[int] = set()
        for w in sorted(bags[i], key=lambda w: (len(by_word[w]), w)):
            members = by_word[w]
            k = place[w][i]
            end = min(k + 1 + PAIR_LIMIT - len(partners), bisect_right(members, i + FIGURE_REACH))
            partners.update(members[k + 1 : end])
            if len(partners) >= PAIR_LIMIT:
                break
        pairs.extend((i, j) for j in partners)
    return sorted(pairs)


def _head(f: Figure, words: MeasureWords) -> str | None:
    """The specific noun a figure counts ("612 hate crimes" gives "crime", "147 feminicidios"
    "feminicidio"), if any: the last word in English, the first after the number in French
    and Spanish."""
    if words.head_first:
        tokens = f.mention.split()
        first = next((k for k, w in enumerate(tokens) if w[:1].isdigit()), len(tokens))
        alpha = [w for w in tokens[first:] if w[:1].isalpha()][:1]
    else:
        alpha = [w for w in f.mention.split() if w[:1].isalpha()][-1:]
    if not alpha:
        return None
    term = words.term(alpha[0].lower().strip(words.strip))
    if not term or term in words.unit_words.get(f.unit, frozenset()):
        return None
    return term


def _is_target(sentence: str, words: MeasureWords) -> bool:
    """A question or a recommendation states no fact a figure could contradict."""
    return sentence.rstrip().endswith("?") or bool(words.target and words.target.search(sentence))


def _qualified_apart(a: str, b: str, words: MeasureWords) -> bool:
    """Whether a noun both contexts share is followed by a different adjective in each, one the
    other never uses ("taux de mortalité infantile" / "taux de mortalité néonatale")."""
    after_a, after_b = _followers(a, words), _followers(b, words)
    terms_a, terms_b = set(after_a), set(after_b)
    for noun in after_a.keys() & after_b.keys():
        fa, fb = after_a[noun], after_b[noun]
        if fa and fb and not fa & fb and not (fa & terms_b or fb & terms_a):
            return True
    return False


def _followers(text: str, words: MeasureWords) -> dict[str, set[str]]:
    """Each term of a text with the terms right after it ("mortalite" -> {"infantil"})."""
    terms = [words.term(t.strip(words.strip)) for t in text.lower().split()]
    out: dict[str, set[str]] = {}
    for t, u in pairwise(terms):
        if t:
            out.setdefault(t, set())
            if u:
                out[t].add(u)
    return out


def _victims_of(
    i: int,
    j: int,
    units: list[str],
    heads: list[str | None],
    bags: list[frozenset[str]],
    words: MeasureWords,
) -> bool:
    """A count of people who were victims of something against a count of those cases
    ("212 mujeres habían sido víctimas de feminicidio" / "147 feminicidios"): one victim per
    case, so the two can be compared."""
    if not words.victims or {units[i], units[j]} != {"people", "cases"}:
        return False
    people, cases = (i, j) if units[i] == "people" else (j, i)
    head = heads[cases]
    return bool(head and head in bags[people] and words.victims & bags[people])


def _sentence_frequencies(
    review: Review, terms: frozenset[str], ignore: tuple[str, ...], words: MeasureWords
) -> tuple[dict[str, int], int]:
    """In how many body sentences each of `terms` occurs, and how many sentences there are.

    Rarity is measured over the whole body: "migration" surrounds most of what a CMW review
    says, "quota" and "remittances" only a few sentences. Only the surface forms of the
    wanted terms are looked up, with set intersections, so this costs one pass of `split`.
    """
    text = lower_keeping_offsets(flat_text(review))
    sentences = [
        text[s0:s1].split()
        for para in body_paragraphs(review)
        for s0, s1 in paragraph_sentences(review, para)
    ]
    vocab = set().union(*sentences) if sentences else set()
    surface = {}
    for raw in vocab:  # raw tokens keep their punctuation: "remittances," maps to "remit"
        term = words.term(raw.strip(words.strip))
        if term in terms and not (ignore and term.startswith(ignore)):
            surface[raw] = term
    df: dict[str, int] = {}
    for tokens in sentences:
        for term in {surface[t] for t in surface.keys() & set(tokens)}:
            df[term] = df.get(term, 0) + 1
    return df, len(sentences)


def run(review: Review, settings: Settings) -> Review:
    """Pair figures about the same thing and period whose values cannot both be true."""
    figs = review.figures
    found: list[Inconsistency] = []
    for cand in candidates(review):
        if not cand.same_thing:
            continue
        a, b = figs[cand.a], figs[cand.b]
        same_period = bool(a.period and a.period == b.period)
        severity = "conflict" if a.side == b.side and same_period else "possible"
        if same_period:
            period = f"for {a.period}"
        elif a.period or b.period:
            period = f"for {a.period or b.period} on one side and an unstated period on the other"
        else:
            period = "for an unstated period"
        found.append(
            Inconsistency(
                a=cand.a,
                b=cand.b,
                severity=severity,
                reason=(
                    f"{_value_text(a)} and {_value_text(b)} both appear to measure "
                    f'"{_shorter(a.subject, b.subject)}" {period}, but their values differ.'
                ),
            )
        )
    return replace(review, inconsistencies=tuple(found))


def _ignored_prefixes(review: Review, words: MeasureWords) -> tuple[str, ...]:
    """The State's own name ("Kyrgyzstan", "Kyrgyz") surrounds every figure and means nothing."""
    md = review.metadata
    if not md or not md.state_party:
        return ()
    names = md.state_party.name.split()
    return tuple(words.fold(w[:5].lower()) for w in names if len(w) >= 5)
