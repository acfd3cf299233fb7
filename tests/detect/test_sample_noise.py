"""Two mistakes seen on the bundled sample's witness statements. The MG11 contact page put its
next label into the address ("41 Cobbler's Rise, Headingley, Leeds\\nPostcode"), and the station
named alone after the form's "Station:" label was flagged as a person. Every name, address and
number here is fictional (Ofcom drama and reserved 0113 496 numbers)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from reviewer.detect import Span, detect_text

CONTACT_PAGE = (
    "Witness contact details (not to be disclosed to the defence)\n"
    "Home address:\n"
    "17 Wrenfield Rise, Meanwood, Leeds\n"
    "Postcode:\n"
    "LS6 4QR\n"
    "Home telephone:\n"
    "0113 496 0123\n"
)
TAB_FORM = (
    "Home address\t112 Ashgrove Close, Harehills, Leeds\n"
    "Postcode\tLS8 5NW\n"
    "Home telephone\t0113 496 0719\n"
    "Mobile\t07700 900769\n"
)


def spans(text: str, label: str) -> list[Span]:
    return [s for s in detect_text(text, min_score=0.5) if s.label == label]


def texts(text: str, label: str) -> set[str]:
    return {s.text for s in spans(text, label)}


def test_an_address_stops_before_the_postcode_label(nlp: Language) -> None:
    assert texts(CONTACT_PAGE, "ADDRESS") == {"17 Wrenfield Rise, Meanwood, Leeds"}
    assert texts(CONTACT_PAGE, "POSTCODE") == {"LS6 4QR"}  # still found, on its own
    assert texts(TAB_FORM, "ADDRESS") == {"112 Ashgrove Close, Harehills, Leeds"}
    assert texts(TAB_FORM, "POSTCODE") == {"LS8 5NW"}


@pytest.mark.parametrize(
    "label",
    [
        "Postcode",
        "Post code",
        "Signature",
        "Date of birth",
        "Home telephone",
        "Preferred contact",
        "Station",
    ],
)
def test_no_form_label_is_taken_for_a_town(nlp: Language, label: str) -> None:
    for sep in (":\n", ": ", "\t"):
        text = f"Address: 9 Linden Grove, Armley, Leeds\n{label}{sep}see overleaf\n"
        assert texts(text, "ADDRESS") == {"9 Linden Grove, Armley, Leeds"}, (label, sep)


def test_a_label_in_front_of_the_postcode_ends_the_address(nlp: Language) -> None:
    text = "Flat 2, 9 Linden Grove, Armley, Leeds, West Yorkshire\nPostcode LS12 3AB\n"
    assert texts(text, "ADDRESS") == {"Flat 2, 9 Linden Grove, Armley, Leeds, West Yorkshire"}
    assert texts(text, "POSTCODE") == {"LS12 3AB"}


def test_towns_on_their_own_lines_still_join_the_address(nlp: Language) -> None:
    text = "Address:\n9 Linden Grove\nArmley\nLeeds\nLS12 3AB\nTelephone: 0113 496 0555\n"
    assert texts(text, "ADDRESS") == {"9 Linden Grove\nArmley\nLeeds\nLS12 3AB"}
    text = "Address: 9 Linden Grove, Station Road, Leeds LS12 3AB\n"  # a street, not the label
    assert texts(text, "ADDRESS") == {"9 Linden Grove, Station Road, Leeds LS12 3AB"}


STATION_FORM = (
    "Statement taken by:\nPC 2210 Joan PELLOW\nStation:\nStannard, Leeds\n"
    "Time and place taken:\n13:20 to 15:05, at the witness's home address\n"
)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (STATION_FORM, "Stannard"),
        ("He was arrested and taken to Colbeck where he was booked in.\n", "Colbeck"),
        ("He was kept in custody at Hesketh overnight.\n", "Hesketh"),
        ("He was interviewed at Stannard police station the next day.\n", "Stannard"),
        ("I went to Kessler Station to make a statement.\n", "Kessler"),
        ("I waited for Victoria Station to open.\n", "Victoria"),
    ],
)
def test_a_police_station_named_alone_is_a_place(nlp: Language, text: str, place: str) -> None:
    assert not {p for p in texts(text, "PERSON") if place in p}
    places = [s for s in spans(text, "LOCATION") if place in s.text]
    assert len(places) == 1
    assert "not a person" in places[0].reason


def test_the_station_guard_leaves_people_alone(nlp: Language) -> None:
    assert "Joan PELLOW" in texts(STATION_FORM, "PERSON")
    text = "The steward said Hesketh was taken to hospital. Sarah was taken to Dean by him.\n"
    assert {"Hesketh", "Dean"} <= texts(text, "PERSON")
    assert "Colbeck" in texts("PC Colbeck Station was there.\n", "PERSON")  # a title first
