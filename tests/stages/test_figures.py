"""Figures on invented review sentences: numbers, units, qualifiers, periods, non-figures."""

from __future__ import annotations

from rapporteur.models import Figure, Review
from rapporteur.stages import figures
from tests.stages.facts_builders import SETTINGS, build_review


def _figures(*paragraphs: str, side: str = "delegation", year: int | None = 2023) -> list[Figure]:
    review = build_review([(side, None, p) for p in paragraphs], year=year)
    return list(figures.run(review, SETTINGS).figures)


def _one(text: str, **kw: object) -> Figure:
    found = _figures(text, **kw)  # type: ignore[arg-type]
    assert len(found) == 1, [f.mention for f in found]
    return found[0]


def test_figures_number_words() -> None:
    found = _figures(
        "Twenty-four crisis centres had been opened and Fifty-two complaints were received."
    )
    assert [(f.value, f.unit) for f in found] == [(24, "centres"), (52, "cases")]


def test_figures_digits_scales_and_decimals() -> None:
    assert _one("Remittances reached 2.35 billion dollars.").value == 2_350_000_000
    assert _one("The programme reached 1 million people.").value == 1_000_000
    assert _one("Some 12,400 workers were registered.").value == 12_400


def test_figures_ranges() -> None:
    f = _one("Detention could last from three to 18 months.")
    assert (f.value, f.value_min, f.value_max, f.unit) == (None, 3, 18, "months")
    f = _one("Fees fell by between 15 and 20 per cent.")
    assert (f.value_min, f.value_max, f.unit) == (15, 20, "percent")
    assert f.mention == "between 15 and 20 per cent"
    f = _one("Shelters took in children aged five to nine.")
    assert (f.value_min, f.value_max, f.unit) == (5, 9, "years")


def test_figures_currencies_other_than_dollars() -> None:
    assert _one("The fund received 3.5 million euros.").unit == "eur"
    assert _one("Each permit cost CHF 200.").unit == "chf"
    assert _one("A grant of £40 million was made.").unit == "gbp"
    assert _one("The fine was KZT 5,000.").unit == "kzt"
    assert _one("Migrants sent home 900 million roubles.").unit == "rub"


def test_figures_currency_names_shared_by_several_states_follow_the_state() -> None:
    def unit(text: str, state: str, iso3: str) -> str:
        review = build_review([("delegation", None, text)], state=state, iso3=iso3)
        [f] = figures.run(review, SETTINGS).figures
        return f.unit

    assert unit("Benefits rose to 1,200 lei a month.", "Republic of Moldova", "MDA") == "mdl"
    assert unit("Benefits rose to 1,200 lei a month.", "Romania", "ROU") == "ron"
    assert unit("Grants reached 1.5 million CFA francs.", "Senegal", "SEN") == "xof"
    assert unit("The fine was 500 pesos.", "Chile", "CHL") == "clp"
    assert unit("Fees were 30 Swiss francs.", "Senegal", "SEN") == "chf"
    assert unit("The levy was 2,000 JPY per worker.", "Japan", "JPN") == "jpy"


def test_figures_qualifiers_are_normalised() -> None:
    cases = {
        "More than 1,500 migrants were assisted.": "more_than",
        "Nearly 40 per cent of them were women.": "around",
        "The law foresaw up to five years of imprisonment.": "up_to",
        "At least 300 families were reunited.": "at_least",
        "Fewer than 20 cases were reported.": "less_than",
        "Exactly 75 inspectors were trained.": None,
    }
    for sentence, qualifier in cases.items():
        assert _one(sentence).qualifier == qualifier, sentence


def test_figures_about_after_a_noun_is_not_a_qualifier() -> None:
    assert _one("A decision about 4,000 people was taken.").qualifier is None
    assert _one("There were about 4,000 people.").qualifier == "around"


def test_figures_head_noun_gives_the_unit() -> None:
    assert _one("There were 9 recruitment firms.").unit == "companies"
    assert _one("Police questioned 1,100 serving officers.").unit == "people"
    assert _one("Some 40,000 Uzbeks worked there.").unit == "people"
    assert _one("Inspectors visited 31 detention facilities.").unit == "institutions"
    assert _one("They received 640 applications.").unit == "requests"
    assert _one("Officials opened 7 consular posts.").unit == "other"


def test_figures_elliptical_number_takes_the_unit_before_it() -> None:
    found = _figures("For 2022, the quota was 9,000 workers. For 2023, it would be 12,000.")
    assert [(f.value, f.unit, f.period) for f in found] == [
        (9000, "workers", "2022"),
        (12000, "workers", "2023"),
    ]
    assert found[1].subject == "quota"


def test_figures_each_figure_takes_its_own_year() -> None:
    found = _figures("Women were 48 per cent of emigrants in 2010, and 57 per cent in 2020.")
    assert [(f.value, f.period) for f in found] == [(48, "2010"), (57, "2020")]


def test_figures_relative_years_use_the_review_year() -> None:
    assert _one("Last year, 35 cases were registered.").period == "2022"
    assert _one("This year, 12 shelters were opened.").period == "2023"
    assert _one("Last year, 35 cases were registered.", year=None).period is None
    assert _one("In the past year, 35 cases were registered.").period is None


def test_figures_symbols_articles_dates_and_years_are_not_figures() -> None:
    found = _figures(
        "The report (CMW/C/FRE/1) was considered at the 512th meeting on 12 March 2023 at "
        "10 a.m. under article 7 of the Convention. Conventions 97 and 143 and ILO Convention "
        "No. 189 were discussed. In 2021, the 2019 law was amended."
    )
    assert found == []


def test_figures_one_as_a_pronoun_is_not_a_figure() -> None:
    assert _figures("One Expert asked whether one of the laws applied to everyone.") == []
    assert _one("The permit lasted one year.").value == 1


def test_figures_fractions_and_multipliers() -> None:
    f = _one("Half of the budget went to shelters.")
    assert (f.value, f.unit) == (50, "percent")
    f = _one("Fees had been doubled.")
    assert (f.value, f.unit) == (2, "other")


def test_figures_side_speaker_and_body_only() -> None:
    review = build_review(
        [
            ("committee", "Maria Lopez", "Ms. Lopez said 300 people had been expelled."),
            ("committee", "Another Expert", "Another Expert said 250 people were expelled."),
            ("delegation", None, "The delegation said 200 people had been expelled."),
        ],
        lead="The delegation said 200 people had been expelled.",
    )
    found = figures.run(review, SETTINGS).figures
    assert [(f.value, f.side, f.speaker) for f in found] == [
        (300, "committee", "Maria Lopez"),
        (250, "committee", None),
        (200, "delegation", None),
    ]


def test_figures_mentions_are_substrings_of_their_lines() -> None:
    review: Review = build_review(
        [
            (
                "delegation",
                None,
                "Over 1,200 families with children up to the age of 17 received help.",
            )
        ]
    )
    found = figures.run(review, SETTINGS).figures
    assert [(f.value, f.qualifier, f.unit) for f in found] == [
        (1200, "more_than", "families"),
        (17, "up_to", "years"),
    ]
    for f in found:
        assert f.mention in review.document.line_text(f.line)
        assert review.document.text[f.start : f.end] == f.mention


def test_figures_offsets_survive_characters_that_lower_to_two() -> None:
    review = build_review([("delegation", None, "İzmir and İstanbul hosted 300 refugees.")])
    [f] = figures.run(review, SETTINGS).figures
    assert review.document.text[f.start : f.end] == f.mention == "300 refugees"
