"""A form's next label is not part of the name before it; a capital that only starts a quoted
sentence is not a name (both seen on the bundled sample's witness statements)."""

from __future__ import annotations

from spacy.language import Language

from tests.detect.conftest import flagged

STATEMENT = (
    'I heard HARTIGAN say something like "You owe me for that", and Daniel held his hands up '
    'with his palms out and said "Calm down mate, it\'s a game of pool". Later "Steady on" '
    "was shouted from the bar.\n"
    "Signature: S. Kendrick Signature witnessed by: R. Amberley PC 4471\n"
    "Signature: I. Hussain          Signature witnessed by: DC 2318 Michael FAIRBROTHER\n"
)


def test_the_next_form_label_is_not_part_of_a_name(nlp: Language) -> None:
    people = flagged(STATEMENT, "PERSON")
    assert {"S. Kendrick", "I. Hussain", "Michael FAIRBROTHER"} <= people
    assert not {p for p in people if "Signature" in p}


def test_a_word_capitalised_only_to_open_a_quote_is_not_flagged(nlp: Language) -> None:
    people = flagged(STATEMENT, "PERSON")
    assert {"HARTIGAN", "Daniel"} <= people
    assert not people & {"Calm", "Steady"}
