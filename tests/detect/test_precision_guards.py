"""Guards against what a reviewer sees as noise on real pages: headings, markings, towns, titles."""

from __future__ import annotations

from spacy.language import Language

from reviewer.detect import detect_text
from tests.detect.conftest import flagged

MINUTES = (
    "RESTRICTED - MANAGEMENT\n"
    "AREA MANAGEMENT BOARD\n"
    "Minutes of the meeting held on Tuesday 15 March 2005 at 10:00, Boardroom, Area Headquarters, "
    "Leeds\n"
    "Present: Christopher Dunmore (Chair), Rehana Mirza\n"
    "The Chair reported that cases charged at Leeds had risen. The files were sent to the "
    "Departmental Records Officer. The Board noted the backlog in the digital case file pilot.\n"
)
STATEMENT = (
    "Officer in the case: DC 2318 Michael FAIRBROTHER, Leeds District CID\n"
    "A 7 cm laceration to the left side of the neck was closed with 16 sutures.\n"
)


def test_headings_markings_and_common_words_are_not_people_or_orgs(nlp: Language) -> None:
    people = flagged(MINUTES, "PERSON")
    assert {"Christopher Dunmore", "Rehana Mirza"} <= people
    assert not people & {"The", "Area", "Leeds", "The Board", "Chair", "Area Headquarters"}
    orgs = flagged(MINUTES, "ORG")
    assert not orgs & {"RESTRICTED - MANAGEMENT", "RESTRICTED", "Boardroom", "Chair", "Board"}


def test_a_town_tagged_as_a_person_becomes_a_location(nlp: Language) -> None:
    spans = detect_text("Leeds was busy that night and Leeds said nothing more.")
    assert all(s.label != "PERSON" for s in spans if s.text == "Leeds")


def test_officer_with_collar_number_and_injury_detail(nlp: Language) -> None:
    spans = detect_text(STATEMENT, min_score=0.5)
    people = {s.text for s in spans if s.label == "PERSON"}
    assert people == {"Michael FAIRBROTHER"}
    assert not any("2318" in s.text for s in spans if s.label == "PERSON")
    health = {s.text for s in spans if s.label == "SPECIAL_CATEGORY"}
    assert "laceration to the left side of the neck" in health


def test_a_title_still_makes_a_common_surname_a_person(nlp: Language) -> None:
    assert "Brown" in flagged("Statement taken from Mrs Brown at her home.", "PERSON")


def test_a_possessive_given_name_is_a_person_not_an_organisation(nlp: Language) -> None:
    text = "He struck Daniel's neck. Daniel's head was cut. Barclays's profits rose."
    assert "Daniel's" not in flagged(text, "ORG")
    assert "Daniel" not in flagged(text, "ORG")
    assert "Daniel" in flagged(text, "PERSON")
    assert "Barclays" not in flagged(text, "PERSON")
