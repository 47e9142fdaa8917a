from rapporteur.stages.sentences import split_spans


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_spans(text)]


def test_sentences_do_not_break_after_honorifics_and_initials() -> None:
    text = "Ms. Lindqvist thanked J. Smith at 3 p.m. on Friday.  Was this done?  Yes."
    assert _split(text) == [
        "Ms. Lindqvist thanked J. Smith at 3 p.m. on Friday.",
        "Was this done?",
        "Yes.",
    ]


def test_sentences_question_mark_before_lower_case_still_splits() -> None:
    assert _split("Why? because it was.") == ["Why?", "because it was."]


def test_sentences_quotes_close_the_sentence() -> None:
    assert _split("What was the “blacklist”? It was a list.") == [
        "What was the “blacklist”?",
        "It was a list.",
    ]
