"""A street named on its own is a place, not a person: the bundled sample's statement flagged
"Calder Row" (the street of the pub's address) as a person three times. Names whose surname is
a street word ("Sarah Street", "Margaret Hill") stay people. All values are fictional."""

from __future__ import annotations

from spacy.language import Language

from reviewer.detect import Span, detect_text

STATEMENT = (
    "I have worked at The Old Fleece, 7 Calder Row, Leeds LS1 4QT, for two years. Dean walked "
    "him to the front door and out onto Calder Row. That was at about 10.50pm. I saw HARTIGAN "
    "walk quickly up Calder Row from the taxi rank. By the time I got outside HARTIGAN was "
    "running back down\nCalder Row towards the taxi rank.\n"
)
SURNAMES = "I saw Sarah Street, Margaret Hill and Jack Hill at the bar. Jack Hill left first.\n"
OWN_LANE = (
    "Statement of Ruth OKAFOR, 12 Mill Lane, Otley LS21 3AB. I ran down Mill Lane after him "
    "and Sarah Street followed me. She lost sight of him near Victoria Road.\n"
)
NO_ADDRESS = "I walked up Bramley Rise to the car park on Ashcroft Terrace.\n"


def spans(text: str, label: str) -> list[Span]:
    return [s for s in detect_text(text, min_score=0.5) if s.label == label]


def texts(text: str, label: str) -> set[str]:
    return {s.text for s in spans(text, label)}


def test_a_street_of_the_texts_address_is_never_a_person(nlp: Language) -> None:
    assert not {p for p in texts(STATEMENT, "PERSON") if "Calder" in p}
    streets = [s for s in spans(STATEMENT, "LOCATION") if s.text == "Calder Row"]
    assert len(streets) == 3  # each later mention, with the reason shown to reviewers
    assert all("street named in an address" in s.reason for s in streets)


def test_the_address_itself_stays_one_address(nlp: Language) -> None:
    assert texts(STATEMENT, "ADDRESS") == {"7 Calder Row, Leeds LS1 4QT"}
    assert texts(STATEMENT, "POSTCODE") == {"LS1 4QT"}
    assert {"Dean", "HARTIGAN"} <= texts(STATEMENT, "PERSON")


def test_a_given_name_and_a_street_word_surname_stay_a_person(nlp: Language) -> None:
    people = [s.text for s in spans(SURNAMES, "PERSON")]
    assert people.count("Jack Hill") == 2
    assert "Margaret Hill" in people
    assert any(s.start == SURNAMES.index("Sarah") for s in spans(SURNAMES, "PERSON"))
    assert not texts(SURNAMES, "LOCATION")


def test_a_surname_street_word_is_a_street_where_an_address_names_it(nlp: Language) -> None:
    people = texts(OWN_LANE, "PERSON")
    assert not {"Mill", "Mill Lane"} & people
    assert "Mill Lane" in texts(OWN_LANE, "LOCATION")
    assert {"Ruth OKAFOR", "Sarah"} <= people  # no address names a Sarah Street here
    assert "12 Mill Lane, Otley LS21 3AB" in texts(OWN_LANE, "ADDRESS")


def test_a_street_type_no_one_bears_as_a_surname_makes_a_street(nlp: Language) -> None:
    assert "Victoria" not in texts(OWN_LANE, "PERSON")  # a given name, but "Road" follows
    assert "Victoria Road" in texts(OWN_LANE, "LOCATION")
    assert not texts(NO_ADDRESS, "PERSON")
    assert {"Bramley Rise", "Ashcroft Terrace"} <= texts(NO_ADDRESS, "LOCATION")


def test_a_title_before_the_name_keeps_it_a_person(nlp: Language) -> None:
    text = "4 Amber Row, Leeds LS2 7QA. Mrs Victoria Road and Mr Amber Row agreed.\n"
    assert {"Victoria", "Amber Row"} <= texts(text, "PERSON")
