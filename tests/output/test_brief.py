"""The follow-up brief in Markdown and self-contained HTML."""

from __future__ import annotations

import re
from typing import Any

import lxml.html

from rapporteur.output import brief, digest
from tests.output.samples import (
    NOTE,
    certainty_data,
    contradiction_data,
    decided_review,
    hostile_data,
    minimal_data,
)


def test_brief_every_sample_has_every_section(sample: tuple[str, dict[str, Any]]) -> None:
    _, data = sample
    md = brief.markdown(data)
    page = brief.html(data)
    tree = lxml.html.fromstring(page)
    h2 = [h.text_content().strip() for h in tree.iter("h2")]
    assert h2 == list(brief.SECTION_HEADINGS)
    for heading in brief.SECTION_HEADINGS:
        assert f"\n## {heading}\n" in md
    assert tree.findtext(".//h1") == brief.TITLE


def test_brief_counts_match_the_questions(sample: tuple[str, dict[str, Any]]) -> None:
    _, data = sample
    statuses = [q["status"] for q in data["questions"]]
    md = brief.markdown(data)
    expected = (
        f"{len(statuses)} questions asked: {statuses.count('answered')} answered, "
        f"{statuses.count('partial')} partly answered, {statuses.count('unanswered')} unanswered."
    )
    assert expected in md
    per_expert = digest.counts_by_expert(data)
    assert sum(r.total for r in per_expert) == len(statuses)
    page = brief.html(data)
    if statuses:
        assert page.count("<svg") >= 1
        for row in per_expert:
            assert f"| {brief.md_escape(row.name)} | {row.total} | {row.answered} |" in md


def test_brief_lists_unanswered_and_partial_questions_in_full_with_their_source(
    sample: tuple[str, dict[str, Any]],
) -> None:
    _, data = sample
    md = brief.markdown(data)
    page = lxml.html.fromstring(brief.html(data))
    for q in data["questions"]:
        if q["status"] == "answered":
            continue
        assert brief.md_escape(q["text"]) in md
        li = page.get_element_by_id(q["id"])
        assert q["text"] in li.text_content()
        assert f"line {q['line']}" in li.text_content()


def test_brief_marks_contradictions_and_lists_commitments() -> None:
    data = contradiction_data()
    md = brief.markdown(data)
    assert "⚠ contradicts F2 (1.2 million vs 1.4 million workers abroad)" in md
    assert "⚠ contradicts F1" in md
    assert "A census would be held in 2026." in md
    assert "Responses by the Delegation, line 11" in md
    page = lxml.html.fromstring(brief.html(data))
    conflict_rows = page.xpath("//tr[contains(@class, 'conflict')]")
    assert [r.get("id") for r in conflict_rows] == ["F1", None, "F2", None]
    assert "contradicts F2" in conflict_rows[1].text_content()
    assert "1.2 million vs 1.4 million" in conflict_rows[1].text_content()
    assert "F1 “About 1.2 million workers” (Presentation of Report, line 3) contradicts F2" in (
        " ".join(page.get_element_by_id("figures").text_content().split())
    )
    partial = page.get_element_by_id("q001")
    assert "There were 1.4 million workers abroad." in partial.text_content()
    assert "migration-statistics" in page.get_element_by_id("overview").text_content()


def test_brief_escapes_document_text() -> None:
    data = hostile_data()
    page = brief.html(data)
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    tree = lxml.html.fromstring(page)
    assert not tree.xpath("//script")
    assert any("<script>alert('x')</script>" in li.text_content() for li in tree.iter("li"))
    md = brief.markdown(data)
    assert "<script" not in md
    assert "&lt;script&gt;alert('x')&lt;/script&gt; &amp; \\*bold\\* \\[link\\](http://x)" in md
    assert "hostile &lt;script&gt;.txt" in md  # metadata too


def test_brief_html_is_self_contained_and_prints_on_a4() -> None:
    page = brief.html(contradiction_data())
    assert "@page { size: A4;" in page
    assert not re.search(r"<(script|link|iframe|img|object)\b", page, re.I)
    assert not re.search(r"\b(src|href)\s*=", page, re.I)
    assert "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page  # even a pasted link cannot load anything


def test_brief_of_an_empty_review_says_what_is_missing() -> None:
    md = brief.markdown(minimal_data())
    assert "No named participants were found." in md
    assert "No questions were found." in md
    assert "No figures were found." in md
    assert "No commitments were found." in md
    page = brief.html(minimal_data())
    assert "No themes were assigned to the questions." in page
    assert "<svg" not in page


def test_brief_is_deterministic(sample: tuple[str, dict[str, Any]]) -> None:
    _, data = sample
    assert brief.html(data) == brief.html(data)
    assert brief.markdown(data) == brief.markdown(data)


def test_brief_md_escape_keeps_every_character_visible() -> None:
    assert brief.md_escape("a <b> & c") == "a &lt;b&gt; &amp; c"
    assert brief.md_escape("# not a heading") == "\\# not a heading"
    assert brief.md_escape("1.2 million") == "1.2 million"  # no needless backslashes
    assert brief.md_escape("a | b") == "a \\| b"
    assert brief.md_escape("two\nlines") == "two lines"


def test_brief_names_themes_by_their_taxonomy_label() -> None:
    from rapporteur.stages.themes import load_taxonomy

    taxonomy = load_taxonomy()
    theme = taxonomy.themes[0]
    data = contradiction_data()
    data["questions"][0]["themes"] = [theme.id]
    data["themes"] = {"taxonomy_version": taxonomy.version, "counts": {theme.id: 1}}
    md = brief.markdown(data)
    assert f"| {brief.md_escape(theme.label)} | 1 | 0 | 1 | 0 |" in md
    assert f"theme id: {theme.id}" in brief.html(data)
    data["themes"]["taxonomy_version"] = "my-own-taxonomy"  # unknown labels: show the ids
    assert f"| {brief.md_escape(theme.id)} | 1 |" in brief.markdown(data)


def test_brief_md_says_how_sure_each_status_is() -> None:
    md = brief.markdown(certainty_data())
    assert "**Status: partial — please check (confidence 55%)**" in md
    assert "**Status: unanswered — please check (confidence 40%)**" in md
    assert "**Status: unanswered — sure (88%)**" in md
    assert "Why: No delegation passage mentions consulates." in md
    assert md.count("Closest passage (not an answer):") == 2
    assert "not judged an answer" not in md
    assert "The tool is not sure of 2 of these 4 statuses" in md


def test_brief_html_flags_the_statuses_to_check() -> None:
    page = lxml.html.fromstring(brief.html(certainty_data()))
    partial = page.get_element_by_id("q002")
    assert "⚑ Check this" in partial.text_content()
    assert "Status: partial — please check (confidence 55%)" in partial.text_content()
    sure = page.get_element_by_id("q004")
    assert "Status: unanswered — sure (88%)" in sure.text_content()
    assert "Check this" not in sure.text_content()
    assert "Closest passage (not an answer):" in sure.text_content()
    assert "Why: No delegation passage mentions the ILO Convention." in sure.text_content()
    overview = page.get_element_by_id("overview").text_content()
    assert "The tool is not sure of 2 of these 4 statuses" in overview


def test_brief_md_says_who_checked_a_status_with_their_note() -> None:
    data, _, _ = decided_review()
    md = brief.markdown(data)
    assert "**Status: partial — checked by Ben Osei (6 December 2026)**" in md
    assert f"Note by Ben Osei: {brief.md_escape(NOTE)}" in md
    assert "<b>" not in md and "&lt;b&gt;Only&lt;/b&gt;" in md
    assert "   - The tool says unanswered — please check (confidence " in md
    assert "   - What the delegation said (chosen by Ben Osei):" in md
    total = len(data["questions"])
    assert f"**2 of {total} statuses checked by a person. The tool is not sure of " in md
    assert "a status marked “checked by” was checked against the record" in md


def test_brief_html_says_who_checked_a_status_with_their_note() -> None:
    data, _, differ = decided_review()
    source = brief.html(data)
    assert "<b>Only</b>" not in source and "&lt;b&gt;Only&lt;/b&gt;" in source
    page = lxml.html.fromstring(source)
    item = page.get_element_by_id(differ["id"]).text_content()
    assert "✓ Checked by Ben Osei" in item and "Check this" not in item
    assert "Status: partial — checked by Ben Osei (6 December 2026)" in item
    assert f"Note by Ben Osei: {NOTE}" in item
    assert "The tool says unanswered — please check" in item
    assert "What the delegation said (chosen by Ben Osei):" in item
    assert "score" not in item
    overview = page.get_element_by_id("overview").text_content()
    assert f"2 of {len(data['questions'])} statuses checked by a person." in overview


def test_brief_check_note_counts_people_and_the_tool() -> None:
    assert brief.check_note(3, 10).startswith("The tool is not sure of 3 of these 10")
    assert brief.check_note(0, 10, 2) == (
        "2 of 10 statuses checked by a person. The tool is sure of the other 8."
    )
    assert brief.check_note(1, 10, 10) == "10 of 10 statuses checked by a person."
    assert brief.check_note(1, 3, 2).endswith(
        "of the other 1 (marked “please check”): check it against the record before quoting it."
    )


def test_brief_escapes_the_status_reason() -> None:
    data = certainty_data()
    data["questions"][2]["status_reason"] = "<script>alert(1)</script> *x*"
    assert "<script>" not in brief.html(data)
    assert "Why: &lt;script&gt;alert(1)&lt;/script&gt; \\*x\\*" in brief.markdown(data)


# ---------------------------------------------------------------- concluding observations


def test_brief_concluding_observations_follow_up_first_then_subjects() -> None:
    from tests.output.samples import concluding_data

    data = concluding_data("cmw-co2")
    md = brief.markdown(data)
    tree = lxml.html.fromstring(brief.html(data))
    h2 = [h.text_content().strip() for h in tree.iter("h2")]
    assert h2 == list(brief.CONCLUDING_HEADINGS)
    for heading in brief.CONCLUDING_HEADINGS:
        assert f"\n## {heading}\n" in md
    assert "Questions at a glance" not in md and "Participants" not in md
    # the follow-up table: the three items with their due date
    rows = tree.xpath('//section[@id="follow-up"]//tbody/tr')
    assert [r.xpath("string(td[1])") for r in rows] == [
        "CMW/C/ARD/CO/2, para. 18 (a)",
        "CMW/C/ARD/CO/2, para. 28 (b)",
        "CMW/C/ARD/CO/2, para. 42 (a)",
    ]
    assert {r.xpath("string(td[4])") for r in rows} == {"11 April 2026"}
    assert "| CMW/C/ARD/CO/2, para. 18 (a) | Data collection |" in md
    # every recommendation once, under its subject, with its eId as anchor
    items = tree.xpath('//section[@id="subjects"]//li')
    assert len(items) == len(data["recommendations"])
    assert tree.xpath('//li[@id="para_18__point_a"]//span[contains(@class, "follow-up")]')
    assert "↻ repeats CMW/C/ARD/CO/1, para. 19" in md
    repeated = tree.xpath('//section[@id="repeated"]//tbody/tr')
    assert len(repeated) == sum(1 for r in data["recommendations"] if r["reiterates"])
    next_report = tree.xpath('string(//section[@id="next-report"])')
    assert "Third periodic report, due by 1 May 2029" in next_report
    assert md.index("## For follow-up") < md.index("## Recommendations by subject")


def test_brief_concluding_observations_without_follow_up() -> None:
    from tests.output.samples import concluding_data

    md = brief.markdown(concluding_data("crc-co5"))
    assert "The Committee asked for no follow-up report on particular recommendations." in md
    assert "Combined seventh and eighth periodic reports, due by 4 October 2031" in md


def test_brief_concluding_observations_escape_a_hostile_heading() -> None:
    from tests.output.samples import HOSTILE_HEADING, hostile_concluding_data

    data = hostile_concluding_data()
    page = brief.html(data)
    assert "<script>" not in page and "<b>act</b>" not in page
    assert "&lt;script&gt;alert(&#34;h&#34;)&lt;/script&gt;" in page
    tree = lxml.html.fromstring(page)
    assert HOSTILE_HEADING in [h.text_content() for h in tree.iter("h4")]
    md = brief.markdown(data)
    assert "<script>" not in md and "<b>act</b>" not in md
    assert "\\*Data\\* collection" in md and "\\[x\\](http://x)" in md
