"""Link each recommendation to the one it repeats in the previous cycle of the same State and
committee.

Trackers need to know which recommendations the Committee keeps making. Two sources, in order:
1. explicit: the text reiterates or recalls a cited paragraph ("(CMW/C/ARD/CO/1, para. 19)"):
   the link goes to that paragraph (to its item most like this one), score 1.0;
2. words: the same lexical tools as question-answer retrieval (`thesaurus` terms, BM25 from
   bm25s) over the previous recommendations with their headings, normalised by the query's idf
   mass so that 1.0 means "every term matched once"; a shared sub-heading adds a little. The
   best candidate is linked when its score reaches `THRESHOLD`; its score is capped at 0.99,
   so that 1.0 always means an explicit reiteration.
`THRESHOLD` and `HEADING_BONUS` were set on the fictional Ardenia cycles in examples/cycle/
(the only annotated pair so far): treat them as provisional.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import bm25s
import numpy as np

from .recommendations import Recommendation
from .thesaurus import Analyzer, load, words

THRESHOLD = 0.4
HEADING_BONUS = 0.15
K1, B = 1.2, 0.75
# The frame of every recommendation: they say nothing about its subject.
FRAME = frozenset(
    "committee recommends recommend urges encourages reiterates reiterate recalls recalling "
    "previous recommendation recommendations invites calls state party consider "
    "take measures necessary".split()
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    """This cycle's recommendation `recommendation` repeats the previous cycle's `previous`."""

    recommendation: str
    previous: str | None
    """Id of the previous recommendation, or None when the cited paragraph is not one."""
    paragraph: int
    letter: str | None
    score: float
    reason: str


def link_previous(
    current: Sequence[Recommendation],
    previous: Sequence[Recommendation],
    previous_symbol: str | None = None,
    threshold: float = THRESHOLD,
) -> tuple[Link, ...]:
    """At most one link per current recommendation, explicit reiterations first."""
    if not previous:
        return ()
    analyzer = load()
    docs = [_terms(analyzer, p) for p in previous]
    index = bm25s.BM25(k1=K1, b=B, method="lucene")
    index.index([d or ["\x00"] for d in docs], show_progress=False)
    df: dict[str, int] = {}
    for d in docs:
        for t in set(d):
            df[t] = df.get(t, 0) + 1
    out: list[Link] = []
    for rec in current:
        scores = _scores(index, df, len(docs), _terms(analyzer, rec))
        for j, p in enumerate(previous):
            if _same_heading(rec, p):
                scores[j] += HEADING_BONUS
        link = _explicit(rec, previous, previous_symbol, scores)
        if link is None:
            j = int(np.argmax(scores))
            if scores[j] >= threshold:
                p = previous[j]
                link = Link(
                    recommendation=rec.id,
                    previous=p.id,
                    paragraph=p.paragraph,
                    letter=p.letter,
                    score=round(min(float(scores[j]), 0.99), 3),
                    reason=f"similar wording (score {scores[j]:.2f}) to para. {_cite(p)}"
                    + (" under the same heading" if _same_heading(rec, p) else ""),
                )
        if link is not None:
            out.append(link)
    return tuple(out)


def _explicit(
    rec: Recommendation,
    previous: Sequence[Recommendation],
    previous_symbol: str | None,
    scores: np.ndarray,
) -> Link | None:
    cited = rec.reiterates
    if cited is None or cited.paragraph is None:
        return None
    if cited.symbol and previous_symbol and cited.symbol != previous_symbol:
        return None  # cites an older cycle
    where = f"{cited.symbol or 'the previous concluding observations'}, para. {cited.paragraph}"
    same = [j for j, p in enumerate(previous) if p.paragraph == cited.paragraph]
    if not same:
        return Link(
            recommendation=rec.id,
            previous=None,
            paragraph=cited.paragraph,
            letter=None,
            score=1.0,
            reason=f"explicitly reiterates {where}",
        )
    best = max(same, key=lambda j: (scores[j], -j))
    p = previous[best]
    return Link(
        recommendation=rec.id,
        previous=p.id,
        paragraph=p.paragraph,
        letter=p.letter,
        score=1.0,
        reason=f"explicitly reiterates {where}",
    )


def _terms(analyzer: Analyzer, rec: Recommendation) -> list[str]:
    text = " ".join(x for x in (rec.heading, rec.action) if x)
    return analyzer.terms(text, FRAME)


def _scores(index: bm25s.BM25, df: dict[str, int], n: int, query: list[str]) -> np.ndarray:
    """BM25 of the query against every previous recommendation, over its idf mass."""
    total = np.zeros(n)
    mass = 0.0
    for term in sorted(set(query)):
        mass += math.log(1 + (n - df.get(term, 0) + 0.5) / (df.get(term, 0) + 0.5))
        if term in df:
            total += np.asarray(index.get_scores([term]), dtype=float)
    return total / mass if mass > 0 else total


def _fold(text: str) -> str:
    return " ".join(words(text)).casefold()


def _same_heading(a: Recommendation, b: Recommendation) -> bool:
    return bool(a.heading and b.heading and _fold(a.heading) == _fold(b.heading))


def _cite(rec: Recommendation) -> str:
    return f"{rec.paragraph} ({rec.letter})" if rec.letter else str(rec.paragraph)
