"""Participants and turns: one person however the name is written; anonymous labels kept."""

from __future__ import annotations

import dataclasses

import pytest

from rapporteur import genres
from rapporteur.settings import Settings
from rapporteur.stages import speakers
from rapporteur.stages.speakers import display_name, fold_name, side_of_title, split_title
from tests.conftest import make_review

HEADED = (
    "Experts of the Committee on Migrant Workers Review the Report of Ecuador",
    "The Committee on Migrant Workers today concluded its consideration of the third periodic "
    "report of Ecuador.",
    "Presentation of Report",
    "MARÍA JOSÉ ALBÁN-TORRES, Vice-Minister of Human Mobility, Ministry of Foreign Affairs and "
    "Human Mobility of Ecuador and head of delegation, said Ecuador hosted many migrants.",
    "The Government had created a registry of returning migrants.",
    "Questions by Committee Experts",
    "PABLO CERIANI CERNADAS, Committee Expert and Country Rapporteur, asked how many migrants "
    "had been regularised?",
    "What was being done for children?",
    "Another Expert asked if consular services were available abroad?",
    "Responses by the Delegation",
    "The delegation said 120,000 migrants had been regularised.",
    "Concluding Remarks",
    "Mr. Ceriani Cernadas thanked the delegation.",
    "Ms. Albán-Torres said Ecuador would continue to cooperate with the Committee.",
)


def test_speakers_one_participant_per_person_whatever_the_spelling() -> None:
    review = make_review(*HEADED)
    names = {p.name: p for p in review.participants}
    assert set(names) == {"María José Albán-Torres", "Pablo Ceriani Cernadas"}
    head = names["María José Albán-Torres"]
    assert head.side == "delegation"
    assert head.roles == ("head of delegation",)
    assert head.title and head.title.startswith("Vice-Minister of Human Mobility, Ministry")
    expert = names["Pablo Ceriani Cernadas"]
    assert expert.side == "committee"
    assert expert.roles == ("Committee Expert", "Country Rapporteur")


def test_speakers_turns_inherit_and_resolve_honorifics() -> None:
    review = make_review(*HEADED)
    by_line = {t.line: t for t in review.turns}
    # Presentation paragraph without a name inherits the head of delegation.
    assert by_line[9].speaker == "María José Albán-Torres" and by_line[9].inferred
    # A question paragraph without a name inherits the previous Expert.
    assert by_line[15].speaker == "Pablo Ceriani Cernadas" and by_line[15].inferred
    assert by_line[17].speaker == "Another Expert" and by_line[17].participant is None
    assert by_line[21].side == "delegation" and by_line[21].speaker == "The delegation"
    assert by_line[25].participant == "pablo-ceriani-cernadas"
    assert by_line[27].side == "delegation"


def test_speakers_cue_first_and_introduced_by_forms() -> None:
    review = make_review(
        "CEDAW REVIEWS REPORT OF JORDAN",
        "GENEVA (6 March 2017) - The Committee on the Elimination of Discrimination against Women "
        "today considered the sixth periodic report of Jordan.",
        "Introducing the report was Salma Al-Nims, Secretary-General of the Jordanian National "
        "Commission for Women, who said that women's participation had grown.",
        "Committee Expert Hilary Gbedemah asked about the nationality law?",
        "In response, the delegation said the law was under review.",
    )
    names = {p.name: p.side for p in review.participants}
    assert names == {"Salma Al-Nims": "delegation", "Hilary Gbedemah": "committee"}
    assert [t.side for t in review.turns] == ["delegation", "committee", "delegation"]


def test_speakers_led_by_names_the_head_of_delegation() -> None:
    review = make_review(
        "CRC REVIEWS REPORT OF GHANA",
        "The Committee on the Rights of the Child today considered the report of Ghana. The "
        "delegation, led by Kwame Mensah-Boateng, Minister for Gender, Children and Social "
        "Protection, answered questions.",
        "Questions by Committee Experts",
        "A Committee Expert asked about birth registration?",
        "Responses by the Delegation",
        "The delegation said registration was free.",
    )
    head = next(p for p in review.participants if p.name == "Kwame Mensah-Boateng")
    assert head.side == "delegation" and "head of delegation" in head.roles


def test_speakers_name_helpers() -> None:
    assert display_name("JASMINE O'NEILL DE LA CRUZ") == "Jasmine O'Neill de la Cruz"
    assert fold_name("Ms. Ünver") == fold_name("UNVER")
    assert fold_name("Taghi-Zada") == fold_name("Taghizada")
    assert side_of_title("Committee Expert and Country Rapporteur") == "committee"
    assert side_of_title("Permanent Representative of Chile to the United Nations") == "delegation"
    assert side_of_title("Chairperson of the National Human Rights Commission") == "other"
    assert split_title("Committee Expert and Country Rapporteur", "committee") == (
        ("Committee Expert", "Country Rapporteur"),
        None,
    )


def test_speakers_nhri_dotless_i_and_role_first_names() -> None:
    review = make_review(
        "Aller au contenu principal",
        "Résumés des réunions",
        "Human Rights Committee Asks Türkiye about Pre-trial Detention",
        "The Human Rights Committee this afternoon concluded its review of the second periodic "
        "report of Türkiye. Introducing the report, Yusuf Kemal Aydın, Deputy Minister of "
        "Justice and head of delegation, said fair trial rights were guaranteed.",
        "Presentation of Report",
        "YUSUF KEMAL AYDIN, Deputy Minister of Justice and head of delegation, said reforms had "
        "been adopted.",
        "Speaking on behalf of the Human Rights and Equality Institution of Türkiye, MERVE "
        "ÖZTÜRK, President, said the Institution had received many applications.",
        "Questions by Committee Experts",
        "Committee Vice-Chair HÉLÈNE TIGROUDJA, Country Task Force member, asked why journalists "
        "were detained?",
        "Responses by the Delegation",
        "A delegate from the Ministry of Interior said that shelters had been provided.",
    )
    sides = {p.name: p.side for p in review.participants}
    assert sides == {
        "Yusuf Kemal Aydın": "delegation",
        "Merve Öztürk": "other",
        "Hélène Tigroudja": "committee",
    }
    assert [t.side for t in review.turns] == ["delegation", "other", "committee", "delegation"]
    assert review.sections[0].kind == "chrome" and review.sections[1].kind == "lead"
    assert review.questions[0].asker == "Hélène Tigroudja"


def test_speakers_other_reporting_verbs_open_a_turn() -> None:
    """ "X, Committee Expert, returned to ..." starts X's turn like "said" does."""
    review = make_review(
        "Questions by Committee Experts",
        "ANA MARTINEZ, Committee Expert and Country Rapporteur, said the Committee was concerned "
        "about police custody.  How long could a person be held before seeing a judge?",
        "PETER OKAFOR, Committee Expert, returned to the question of prison overcrowding.  How "
        "many prisoners were held in facilities built for fewer?",
        "LINA HADDAD, Committee Expert, turned to the national preventive mechanism.  Did it "
        "have its own budget line?",
    )
    assert [q.asker for q in review.questions] == ["Ana Martinez", "Peter Okafor", "Lina Haddad"]


def test_speakers_take_patterns_and_default_sides_from_the_genre(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A new genre plugs in through the registry: its speaker patterns and default sides."""
    review = make_review(*HEADED)
    assert review.document_kind == "meeting_summary"
    questions = {s.index for s in review.sections if s.kind == "questions"}
    before = [t for t in review.turns if review.paragraphs[t.paragraph].section in questions]
    assert before[0].side == "committee"
    mute = dataclasses.replace(
        genres.by_name("meeting_summary"),
        name="summary_record",
        find_speaker=lambda sentence, language="en": None,
        find_led_by=lambda text, language="en": None,
        default_sides={"questions": "delegation"},
    )
    monkeypatch.setattr(genres, "REGISTRY", (mute, *genres.REGISTRY))
    after = speakers.run(dataclasses.replace(review, document_kind="summary_record"), Settings())
    turns = [t for t in after.turns if after.paragraphs[t.paragraph].section in questions]
    assert {(t.side, t.speaker, t.inferred) for t in turns} == {
        ("delegation", "The delegation", True)
    }
    assert after.participants == ()
