"""A hard-wrapped text file (a mail, a copy from a terminal, a PDF saved as text) must give
the same analysis as the same review with one paragraph per line."""

from __future__ import annotations

import textwrap

from rapporteur.api import analyze_bytes
from rapporteur.models import Review
from tests.conftest import EXAMPLES


def _wrapped(text: str, width: int) -> str:
    return "\n\n".join(
        "\n".join(textwrap.wrap(p, width)) if len(p) > width else p for p in text.split("\n\n")
    )


def _facts(review: Review) -> dict[str, list]:
    flat = " ".join
    return {
        "questions": [(flat(q.text.split()), q.kind, q.asker) for q in review.questions],
        "statuses": [q.status for q in review.questions],
        "figures": [(f.value, f.unit, f.side, f.period) for f in review.figures],
        "commitments": [(c.kind, c.side) for c in review.commitments],
        "inconsistencies": [(i.a, i.b, i.severity) for i in review.inconsistencies],
        "themes": [q.themes for q in review.questions],
    }


def test_wrapped_review_gives_the_same_facts() -> None:
    text = (EXAMPLES / "fictional-cmw-review.txt").read_text(encoding="utf-8")
    plain = _facts(analyze_bytes(text.encode(), "review.txt"))
    assert plain["questions"] and plain["figures"] and plain["commitments"]
    for width in (60, 72):
        wrapped = _facts(analyze_bytes(_wrapped(text, width).encode(), "review.txt"))
        for key, value in plain.items():
            assert wrapped[key] == value, (width, key)


def test_wrapped_commitment_text_stays_on_its_line() -> None:
    """The JSON contract: a commitment's text is a substring of its line, so on a wrapped file
    it is the part of the sentence on the line where it starts."""
    text = (EXAMPLES / "fictional-cmw-review.txt").read_text(encoding="utf-8")
    plain = analyze_bytes(text.encode(), "review.txt").commitments
    wrapped_text = _wrapped(text, 60)
    wrapped = analyze_bytes(wrapped_text.encode(), "review.txt").commitments
    lines = wrapped_text.split("\n")
    assert len(wrapped) == len(plain)
    for w, p in zip(wrapped, plain, strict=True):
        assert w.text and w.text in lines[w.line - 1]
        assert " ".join(p.text.split()).startswith(" ".join(w.text.split()))


def test_single_line_breaks_between_paragraphs_give_the_same_facts() -> None:
    """A page copied from a browser: one line break between paragraphs, no blank lines."""
    for name in ("fictional-cmw-review.txt", "fictional-cedaw-pressrelease.txt"):
        text = (EXAMPLES / name).read_text(encoding="utf-8")
        plain = _facts(analyze_bytes(text.encode(), name))
        single = analyze_bytes(text.replace("\n\n", "\n").encode(), name)
        assert single.is_dialogue, single.warnings
        for key, value in _facts(single).items():
            assert value == plain[key], (name, key)


def test_no_line_breaks_at_all_give_the_same_questions() -> None:
    """A page flattened into one line: the headings, the genre's fixed phrases and the
    speakers' turns put the paragraphs back (rapporteur/stages/runon.py)."""
    for name in ("fictional-cmw-review.txt", "fictional-cedaw-pressrelease.txt"):
        text = (EXAMPLES / name).read_text(encoding="utf-8")
        plain = analyze_bytes(text.encode(), name)
        flat = analyze_bytes((" ".join(text.split()) + "\n").encode(), name)
        assert flat.is_dialogue, flat.warnings
        assert _facts(flat)["questions"] == _facts(plain)["questions"], name
        assert flat.metadata is not None and plain.metadata is not None
        for field in ("committee", "state_party", "report", "release_code"):
            assert getattr(flat.metadata, field) == getattr(plain.metadata, field), field
        # Everyone is found; a surname alone may still count as one more participant.
        assert {p.name for p in plain.participants} <= {p.name for p in flat.participants}
