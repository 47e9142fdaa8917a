"""Question–answer alignment on small fictional dialogues (rapporteur/stages/alignment.py)."""

from __future__ import annotations

import pytest

from rapporteur.api import analyze_text
from rapporteur.models import Question, Review
from rapporteur.output.json_out import dumps, to_dict
from rapporteur.settings import Settings
from rapporteur.stages.alignment import AWAITING, PARAMS, own_text
from rapporteur.stages.thesaurus import load
from tests.conftest import EXAMPLES

TITLE = "Experts of the Committee on Migrant Workers Review the Report of Ruritania"
LEAD = (
    "The Committee on Migrant Workers today considered the second periodic report of "
    "Ruritania, with Experts asking about domestic workers and labour inspection."
)
PRESENTATION = (
    "ANNA BERG, Deputy Minister of Labour of Ruritania and head of delegation, said twelve "
    "migrant resource centres operated in the regions and offered legal advice and language "
    "courses to newcomers."
)
ROUND_1 = (
    "PEDRO ALVES, Committee Expert and Country Rapporteur, said the Committee welcomed the "
    "report.  How many migrant resource centres were in operation, and what services did they "
    "offer?  How many domestic workers were registered, and what was their average monthly "
    "wage?  Were labour inspectors able to enter private homes?  What was the annual budget of "
    "the Ombudsperson's office?"
)
RESPONSES_1 = (
    "The delegation said 4,500 domestic workers were registered with the social insurance "
    "fund.  Labour inspectors had carried out 300 inspections on construction sites last year."
)
ROUND_2 = (
    "A Committee Expert asked whether the State intended to ratify International Labour "
    "Organization Convention 143 on migrant workers?"
)
RESPONSES_2 = (
    "The delegation said the annual budget of the Ombudsman's office had doubled to two "
    "million euros.  Ruritania would ratify International Labour Organization Convention 189 "
    "on domestic workers next year."
)
CLOSING = "Ms. Berg thanked the Committee for the constructive dialogue."


def document(*, responses: bool = True) -> str:
    parts = [TITLE, LEAD, "Presentation of Report", PRESENTATION]
    parts += ["Questions by Committee Experts", ROUND_1]
    if responses:
        parts += ["Responses by the Delegation", RESPONSES_1]
    parts += ["Questions by Committee Experts", ROUND_2]
    if responses:
        parts += ["Responses by the Delegation", RESPONSES_2]
    parts += ["Concluding Remarks", CLOSING]
    return "\n\n".join(parts) + "\n"


def line_of(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if fragment in line)


def question(review: Review, fragment: str) -> Question:
    return next(q for q in review.questions if fragment in q.text)


def test_alignment_answer_in_a_later_round_found_through_the_thesaurus() -> None:
    text = document()
    review = analyze_text(text)
    q = question(review, "budget of the Ombudsperson")
    assert q.round == 1
    assert q.answers[0].line == line_of(text, "budget of the Ombudsman's office had doubled")
    assert q.status == "answered"
    assert "round 2" in q.status_reason


def test_alignment_answer_before_the_question_in_the_presentation() -> None:
    text = document()
    review = analyze_text(text)
    q = question(review, "migrant resource centres were in operation")
    assert q.answers[0].line == line_of(text, "twelve migrant resource centres")
    assert q.status != "unanswered"
    assert "presentation" in q.status_reason


def test_alignment_multi_part_question_half_answered_is_partial() -> None:
    text = document()
    review = analyze_text(text)
    q = question(review, "How many domestic workers were registered")
    assert q.answers[0].line == line_of(text, "4,500 domestic workers")
    assert q.status == "partial"
    assert "parts" in q.status_reason


def test_alignment_words_in_an_unrelated_answer_leave_the_question_unanswered() -> None:
    review = analyze_text(document())
    # "labour inspectors" recurs in an answer about construction sites, not private homes.
    assert question(review, "enter private homes").status == "unanswered"
    # The answer names another convention with the same words around it.
    assert question(review, "Convention 143").status == "unanswered"


def test_alignment_review_without_responses_leaves_everything_unanswered() -> None:
    text = "\n\n".join(
        [TITLE, LEAD, "Questions by Committee Experts", ROUND_1, ROUND_2.replace("A Co", "Co")]
    )
    review = analyze_text(text + "\n")
    assert review.questions
    for q in review.questions:
        assert q.status == "unanswered"
        assert q.answers == ()
        assert q.status_reason == AWAITING and q.needs_check
    assert any("replies are not in this document" in w for w in review.warnings)


def test_alignment_first_part_of_a_review_says_its_replies_are_elsewhere() -> None:
    """A summary cut before the delegation's replies (the Committee reconvenes to hear them):
    a warning, and no unanswered status given as sure; the whole review gives neither."""
    whole = (EXAMPLES / "fictional-cmw-review.txt").read_text(encoding="utf-8")
    first = whole[: whole.index("Responses by the Delegation")]
    part = analyze_text(first, settings=Settings(method="lexical"))
    assert part.questions
    assert any("replies are not in this document" in w for w in part.warnings)
    unanswered = [q for q in part.questions if q.status == "unanswered"]
    assert unanswered and all(q.needs_check and q.status_reason == AWAITING for q in unanswered)
    full = analyze_text(whole, settings=Settings(method="lexical"))
    assert not any("replies are not in this document" in w for w in full.warnings)
    assert all(q.status_reason != AWAITING for q in full.questions)


def test_alignment_evidence_is_an_exact_sentence_of_its_line() -> None:
    text = document()
    review = analyze_text(text)
    lines = text.split("\n")
    for q in review.questions:
        assert q.status in {"answered", "partial", "unanswered"}
        assert q.status_reason.endswith(".")
        scores = [a.score for a in q.answers]
        assert scores == sorted(scores, reverse=True)
        for a in q.answers:
            assert a.text in lines[a.line - 1]
            assert review.document.text[a.start : a.end] == a.text


def test_alignment_is_deterministic() -> None:
    text = document()
    first = dumps(to_dict(analyze_text(text)))
    second = dumps(to_dict(analyze_text(text)))
    assert first == second


def test_alignment_own_text_drops_the_reporting_frame() -> None:
    review = analyze_text(document())
    q = question(review, "ratify International Labour")
    assert own_text(q).strip().startswith("whether the State intended")


def test_thesaurus_maps_synonyms_and_drops_genre_filler() -> None:
    analyzer = load()
    assert analyzer.terms("the Ombudsperson") == analyzer.terms("the Ombudsman")
    assert analyzer.terms("the ILO") == analyzer.terms("International Labour Organization")
    assert analyzer.terms("a blacklist") == analyzer.terms("an entry ban")
    assert analyzer.terms("The delegation provided information on measures") == []
    assert analyzer.terms("Convention 143") == ["143"]
    assert analyzer.terms("aids to navigation") != analyzer.terms("AIDS")


def test_alignment_lexical_method_uses_no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--method lexical` never loads the sentence-embedding model."""
    from rapporteur.settings import Settings
    from rapporteur.stages import embeddings

    def refuse() -> None:
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(embeddings, "encoder", refuse)
    review = analyze_text(document(), settings=Settings(method="lexical"))
    q = question(review, "budget of the Ombudsperson")
    assert q.status == "answered" and q.confidence is not None


def test_alignment_semantic_method_finds_a_paraphrased_answer() -> None:
    """An answer sharing almost no word with the question ranks first by its meaning."""
    text = "\n\n".join(
        [
            TITLE,
            LEAD,
            "Questions by Committee Experts",
            "PEDRO ALVES, Committee Expert, asked about schooling.  What proportion of the "
            "children of migrant workers attended school?",
            "Responses by the Delegation",
            "The delegation said the labour code had been revised in 2021 to cover seasonal "
            "workers.  Some 87 per cent of pupils born to foreign employees were enrolled in "
            "primary or secondary education.",
        ]
    )
    review = analyze_text(text + "\n")
    q = question(review, "What proportion")
    assert q.answers[0].text.startswith("Some 87 per cent of pupils")


def test_calibration_reviews_are_fictional_and_exact() -> None:
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    for ann_path in sorted((root / "bench" / "alignment_data").glob("*.json")):
        ann = json.loads(ann_path.read_text(encoding="utf-8"))
        assert ann["fictional"] is True
        lines = (root / ann["document"]).read_text(encoding="utf-8").split("\n")
        assert "FICTIONAL SAMPLE" in [x for x in lines if x.strip()][-1]
        for q in ann["questions"]:
            assert q["text"] in lines[q["line"] - 1]
            for a in q["answers"]:
                assert a["evidence"] in lines[a["line"] - 1]


def shelters_review(rest_of_answer: str) -> Review:
    """One Expert asks how many shelters there were; the delegation says who runs them and
    then `rest_of_answer`."""
    return analyze_text(
        "\n\n".join(
            [
                TITLE,
                LEAD,
                "Questions by Committee Experts",
                "PEDRO ALVES, Committee Expert, said shelters were scarce.  How many shelters "
                "for victims of trafficking were there?",
                "Responses by the Delegation",
                "The delegation said shelters for victims of trafficking were run by the "
                f"Ministry of Social Affairs {rest_of_answer}",
            ]
        )
    )


def test_alignment_quantity_questions_prefer_evidence_with_a_quantity() -> None:
    from dataclasses import replace

    from rapporteur.stages.alignment import align
    from rapporteur.stages.answer_types import states_quantity

    assert states_quantity("In 2022, 41 persons had died in custody.")
    assert states_quantity("Some 94.6 per cent of births were registered.")
    assert states_quantity("Two shelters had opened.")
    # A year or an article number is not a quantity.
    assert not states_quantity("In 2022, a law on shelters was adopted.")
    assert not states_quantity("Article 76 of the Convention applied.")
    review = shelters_review(
        "under a law adopted in 2021.  Eleven shelters now operated in the country."
    )
    boosted = align(review, replace(PARAMS, quantity_boost=1.0)).questions[0]
    assert boosted.answers[0].text.startswith("Eleven shelters")
    plain = align(review, replace(PARAMS, quantity_boost=0.0)).questions[0]
    assert plain.answers[0].text.startswith("The delegation said shelters")


def test_alignment_answer_without_the_asked_type_is_partial() -> None:
    """ "How many ...?" answered with a policy and no figure is at most a partial answer."""
    review = shelters_review("and offered legal advice.")
    q = review.questions[0]
    assert q.status == "partial"
    assert "gives no figure" in q.status_reason
    with_figure = shelters_review("and eleven of them now operated in the country.")
    assert with_figure.questions[0].status == "answered"


def yes_no_review(reply: str) -> Review:
    """A turn-by-turn exchange: one yes/no question, then the delegation's next reply."""
    return analyze_text(
        "\n\n".join(
            [
                TITLE,
                LEAD,
                "Questions by Committee Experts",
                "PEDRO ALVES, Committee Expert, said the Committee had read about a new quota.  "
                "Was it true that the quota for women candidates had been abolished?",
                "Responses by the Delegation",
                reply,
                "Questions by Committee Experts",
                "A Committee Expert asked how many labour inspectors there were.",
                "Responses by the Delegation",
                "A delegate said there were 240 labour inspectors, a third of them women.",
            ]
        )
        + "\n"
    )


def test_alignment_short_reply_answers_a_yes_no_question_in_the_next_turn() -> None:
    review = yes_no_review("A delegate said that was correct.")
    q = question(review, "quota for women candidates")
    assert q.answers[0].text == "A delegate said that was correct."
    assert q.status == "answered"
    assert "confirms or denies" in q.status_reason
    # The same words two turns later, after a reply about something else, are no answer.
    other = yes_no_review("A delegate said the electoral code was being revised.")
    assert question(other, "quota for women candidates").status != "answered"


def test_alignment_a_figure_of_something_else_does_not_answer_how_many() -> None:
    """ "How many citizens returned?" is not answered by a number of institutions."""
    from rapporteur.stages import answer_types
    from rapporteur.stages.thesaurus import load

    terms = load().terms
    assert answer_types.counted("How many Ruritanian citizens returned home?") == "citizens"
    assert answer_types.counted("How many women had been elected?") == "women"
    assert answer_types.counted("What was the number of complaints received?") == "complaints"
    citizens = set(terms("citizens"))
    assert answer_types.counts("Some 5,300 Ruritanian citizens had come back.", citizens, terms)
    assert answer_types.counts("Returning citizens numbered 5,300.", citizens, terms)
    assert not answer_types.counts("Citizens had returned from 58 countries.", citizens, terms)
    review = shelters_review("and 14 ministries shared the cost.")
    q = review.questions[0]
    assert q.status != "answered"
    assert "gives no figure" in q.status_reason
    counted = shelters_review("and eleven of them now operated in the country.")
    assert counted.questions[0].status == "answered"


def test_alignment_long_input_is_read_in_windows_with_the_same_verdicts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past MAX_SEMANTIC_SENTENCES the questions of each chunk of sentences are matched against
    the sentences around it; with a reach covering the whole review the verdicts are those of
    one pass."""
    from rapporteur.stages import alignment

    text = (EXAMPLES / "fictional-cmw-review.txt").read_text(encoding="utf-8")
    lexical = Settings(method="lexical")
    whole = analyze_text(text, settings=lexical)
    monkeypatch.setattr(alignment, "MAX_SEMANTIC_SENTENCES", 10)
    monkeypatch.setattr(alignment, "WINDOW_CHUNK", 7)
    windowed = analyze_text(text, settings=lexical)
    assert [(q.status, q.answers) for q in windowed.questions] == [
        (q.status, q.answers) for q in whole.questions
    ]
    monkeypatch.setattr(alignment, "WINDOW_REACH", 5)
    narrow = analyze_text(text, settings=lexical)
    assert len(narrow.questions) == len(whole.questions)
    assert any(q.answers for q in narrow.questions)
