"""Property-based tests: no exceptions on arbitrary text, exact spans, determinism."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rapporteur.api import analyze_text
from rapporteur.errors import RapporteurError
from rapporteur.output.json_out import dumps, to_dict
from rapporteur.stages.questions import question_kind
from rapporteur.stages.sentences import split_spans

WORDS = st.sampled_from(
    "The Committee Expert asked said delegation Ms. Mr. JANE DOE , Country Rapporteur ? . "
    "Report Questions by Committee Experts Responses by the Delegation Concluding Remarks "
    "would be useful if information could be provided 1,200 per cent 2.5 billion dollars "
    "Türkiye Kyrgyzstan combined fifth to seventh periodic report of (CMW/C/KGZ/2) \n \n\n "
    "A Another Expert In response , the delegation said Was there ; what how".split(" ")
)
TEXT = st.lists(WORDS, max_size=120).map(" ".join) | st.text(max_size=400)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXT)
def test_properties_pipeline_never_crashes_and_spans_are_exact(text: str) -> None:
    try:
        review = analyze_text(text)
    except RapporteurError:
        return  # empty or binary input is refused with a sentence, which is fine
    doc = review.document
    for q in review.questions:
        assert doc.text[q.start : q.end] == q.text
        assert doc.line_of(q.start) == q.line
    for s in review.sentences:
        assert doc.text[s.start : s.end] == s.text
    for p in review.paragraphs:
        assert doc.text[p.start : p.end] == p.text
    for f in review.figures:
        assert f.mention in doc.line_text(f.line)
    data = to_dict(review)
    assert dumps(data) == dumps(to_dict(analyze_text(text)))


@SETTINGS
@given(st.text(max_size=300))
def test_properties_sentence_spans_cover_text_in_order(text: str) -> None:
    last = 0
    for start, end in split_spans(text):
        assert last <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
        last = end


@SETTINGS
@given(st.text(max_size=200))
def test_properties_question_kind_is_total(text: str) -> None:
    assert question_kind(text) in {None, "direct", "indirect", "request"}
