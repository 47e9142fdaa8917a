"""Themes: the packaged taxonomy, malformed taxonomy files, and tagging invented reviews."""

from __future__ import annotations

from pathlib import Path

import pytest

from rapporteur.errors import ConfigError
from rapporteur.models import Document, Recommendation, Review
from rapporteur.settings import Settings
from rapporteur.stages import themes
from rapporteur.stages.themes import Matcher, load_taxonomy
from tests.stages.facts_builders import analyse, build_review, with_questions


def test_themes_packaged_taxonomy_is_valid_and_versioned() -> None:
    tax = load_taxonomy(None)
    ids = [t.id for t in tax.themes]
    assert tax.version
    assert len(ids) == len(set(ids)) >= 20
    for needed in (
        "children",
        "women",
        "trafficking",
        "nhri",
        "cmw-part3-rights-all-migrants",
        "cmw-part4-documented",
        "cmw-part6-sound-conditions",
    ):
        assert needed in ids
    assert all(t.label and t.description and t.cues for t in tax.themes)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("version = \n", "not valid TOML"),
        ('[[theme]]\nid = "x"\nlabel = "X"\ncues = ["x"]\n', "version"),
        ('version = "1"\n', "defines no themes"),
        ('version = "1"\n[[theme]]\nid = "Bad Id"\nlabel = "X"\ncues = ["x"]\n', "needs an id"),
        (
            'version = "1"\n[[theme]]\nid = "a"\nlabel = "A"\ncues = ["a"]\n'
            '[[theme]]\nid = "a"\nlabel = "B"\ncues = ["b"]\n',
            "used twice",
        ),
        ('version = "1"\n[[theme]]\nid = "a"\nlabel = "A"\ncues = []\n', "non-empty list"),
        ('version = "1"\n[[theme]]\nid = "a"\nlabel = "A"\ncues = ["Upper"]\n', "lower-case"),
        ('version = "1"\n[[theme]]\nid = "a"\ncues = ["a"]\n', "needs a label"),
    ],
)
def test_themes_malformed_taxonomy_file(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_taxonomy(path)
    assert str(path) in err.value.message
    assert problem in err.value.message
    assert "\n" not in err.value.message


def test_themes_missing_taxonomy_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        load_taxonomy(tmp_path / "nope.toml")


def test_themes_matcher_stems_phrases_and_ranking() -> None:
    m = Matcher(load_taxonomy(None))
    assert m.rank("How many people were trafficked?")[0] == "trafficking"
    assert "violence" in m.rank("Were there shelters for victims of gender-based violence?")
    # "consular protection" counts for its Convention part and for "consul*".
    tags = m.rank("What consular protection did migrants receive?")
    assert {"consular-assistance", "cmw-part3-rights-all-migrants"} <= set(tags)
    assert m.rank("Nothing relevant here at all.") == ()


def test_themes_tag_questions_figures_commitments_and_version() -> None:
    review = with_questions(
        build_review(
            [
                (
                    "committee",
                    "Lina Park",
                    "Ms. Park said HIV testing was required for residence permits. "
                    "Could more information be provided? How many women were trafficked?",
                ),
                (
                    "delegation",
                    None,
                    "In 2022, 40 victims of trafficking were identified. A pilot project on "
                    "reintegration of returning migrants was launched.",
                ),
            ]
        )
    )
    out = analyse(review)
    assert out.taxonomy_version == load_taxonomy(None).version
    vague, trafficked = out.questions
    assert "health" in vague.themes  # from the sentence before it
    assert trafficked.themes[0] in {"trafficking", "women"}
    assert "trafficking" in out.figures[0].themes
    assert "cmw-part6-sound-conditions" in out.commitments[0].themes


def test_themes_every_question_falls_back_to_its_paragraph() -> None:
    review = with_questions(
        build_review(
            [("committee", None, "An Expert raised remittances and their cost. Why was that?")]
        )
    )
    [q] = analyse(review).questions
    assert q.themes[0] == "development-poverty"


def test_themes_custom_taxonomy_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        'version = "test-2"\n[[theme]]\nid = "water"\nlabel = "Water"\ncues = ["water*"]\n',
        encoding="utf-8",
    )
    review = with_questions(build_review([("committee", None, "Was the water safe?")]))
    out = themes.run(review, Settings(taxonomy=path))
    assert out.taxonomy_version == "test-2"
    assert out.questions[0].themes == ("water",)


def _recommendation(
    action: str, subject: str | None = None, heading: str | None = None
) -> Recommendation:
    return Recommendation(
        id="r1",
        paragraph=1,
        letter=None,
        line=1,
        text=action,
        action=action,
        lead_in=None,
        heading=heading,
        subject=subject,
        articles=(),
        concern=None,
        follow_up=False,
        reiterates=None,
    )


def _tag(*recs: Recommendation) -> tuple[tuple[str, ...], ...]:
    review = Review(
        document=Document(text="x", format="text", origin="test", sha256="0"),
        recommendations=recs,
    )
    return tuple(r.themes for r in themes.run(review, Settings()).recommendations)


def test_themes_recommendations_not_tagged_by_the_conventions_own_name() -> None:
    """ "Migrant workers and members of their families" is how the CMW names everyone it
    covers, and the title of its parts: it says nothing of family life or of definitions."""
    [detention, reunification, disability, part_title] = _tag(
        _recommendation(
            "Reduce the maximum period of immigration detention of all migrant workers and "
            "members of their families, in line with the International Convention on the "
            "Protection of the Rights of All Migrant Workers and Members of Their Families.",
            subject="Human rights of all migrant workers and members of their families "
            "(arts. 8-35)",
            heading="Detention",
        ),
        _recommendation("Facilitate family reunification for migrant workers and their families."),
        _recommendation("Ensure that persons with disabilities have access to justice."),
        _recommendation(
            "Strengthen the inspection of private recruitment agencies.",
            subject="Promotion of sound, equitable, humane and lawful conditions in connection "
            "with international migration of workers and members of their families (arts. 64-71)",
        ),
    )
    assert "detention" in detention
    assert not {"family", "cmw-part1-scope"} & set(detention + part_title)
    assert "cmw-part6-sound-conditions" in part_title
    assert "family" in reunification  # family named on its own still counts
    assert "disability" in disability  # a formula naming one group is the subject


def test_themes_convention_names_made_neutral() -> None:
    text = themes.without_convention_names(
        "the rights of all migrant workers and members of their families under the "
        "Convention on the Rights of the Child and the Committee against Torture"
    )
    assert text == "the rights of migrant workers under the Convention and the Convention"
