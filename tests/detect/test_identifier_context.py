"""Identifiers the text introduces as what they are: flagged even where a strict rule fails,
at a lower score with a reason that says so; without the introduction the strict rules stay."""

from __future__ import annotations

import pytest
from spacy.language import Language

from reviewer.detect import detect_text


def found(text: str, label: str) -> list[tuple[str, float, str]]:
    return [(s.text, s.score, s.reason) for s in detect_text(text) if s.label == label]


def shown(text: str, label: str) -> set[str]:
    return {s.text for s in detect_text(text, min_score=0.5) if s.label == label}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The vehicle HL86 IZN was stopped on the A64.", "HL86 IZN"),
        ("Registration WY39ABB belongs to the defendant.", "WY39ABB"),
        ("VRM: YX15 QQA seen leaving.", "YX15 QQA"),
    ],
)
def test_a_vehicle_registration_introduced_as_one_is_flagged(
    nlp: Language, text: str, value: str
) -> None:
    spans = found(text, "VEHICLE_REG")
    assert [s[0] for s in spans] == [value]
    _text, score, reason = spans[0]
    assert 0.5 <= score < 0.9
    assert "introduced as" in reason


def test_without_context_the_strict_rules_stay(nlp: Language) -> None:
    # Not yet issued (age 86, 39), letters never used (I, Q): no vehicle without an introduction.
    assert not shown("Reference HL86 IZN and WY39ABB appear in the table.", "VEHICLE_REG")
    assert not shown("The form QQ 12 34 56 C is HMRC's example.", "NINO")


def test_a_nino_introduced_as_one_is_flagged_though_its_prefix_is_never_issued(
    nlp: Language,
) -> None:
    # "DQ": D is never a first letter, but the text says it is his NI number (a typing slip?).
    spans = found("His NI number is DQ 12 34 56 C according to the form.", "NINO")
    assert spans and spans[0][0] == "DQ 12 34 56 C" and 0.5 <= spans[0][1] < 0.9
    assert not shown("The form DQ 12 34 56 C was filed.", "NINO")
    # HMRC's documentation example (prefix QQ) is no one's number, introduced or not.
    assert not found("NI number QQ 12 34 56 C", "NINO")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Contact tel:07700900123.", "07700900123"),
        ("Tel07700 900123 (mobile)", "07700 900123"),
        ("mob.07700900456/07700900789", "07700900456"),
        ("(07700 900123)", "07700 900123"),
        ("Ring 0113 496 0000x or write.", "0113 496 0000"),
        ("phone:+447700900123,", "+447700900123"),
    ],
)
def test_phone_boundaries_do_not_depend_on_the_next_character(
    nlp: Language, text: str, value: str
) -> None:
    assert value in shown(text, "PHONE")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He gave his date of birth as 02/11/1950 to the officer.", "02/11/1950"),
        ("The defendant was born on 2 November 1950 in Leeds.", "2 November 1950"),
        ("DOB: 02.11.1950", "02.11.1950"),
        ("D.O.B. 2/11/50", "2/11/50"),
        ("Jane Smith (born 2nd November 1950) gave evidence.", "2nd November 1950"),
        ("whose date of birth is 2 November 1950,", "2 November 1950"),
        ("She was born on the 2nd of November 1950.", "2nd of November 1950"),
        ("Date of birth given as 02/11/1950.", "02/11/1950"),
    ],
)
def test_a_date_introduced_as_a_birth_date_is_date_of_birth(
    nlp: Language, text: str, value: str
) -> None:
    assert value in shown(text, "DATE_OF_BIRTH")
    assert value not in shown(text, "DATE")


def test_a_plain_date_is_no_date_of_birth(nlp: Language) -> None:
    assert not shown("The order was made on 2 November 1950 in Leeds.", "DATE_OF_BIRTH")


def test_uk_ibans_are_bank_accounts_checked_by_mod_97(nlp: Language) -> None:
    assert "GB82 WEST 1234 5698 7654 32" in shown(
        "Pay to GB82 WEST 1234 5698 7654 32 by Friday.", "BANK_ACCOUNT"
    )
    assert "GB29NWBK60161331926819" in shown("IBAN:GB29NWBK60161331926819", "BANK_ACCOUNT")
    # A wrong check digit: refused without context, possible-but-shown with "IBAN" before it.
    assert not shown("Pay to GB83 WEST 1234 5698 7654 32 by Friday.", "BANK_ACCOUNT")
    spans = found("IBAN GB83 WEST 1234 5698 7654 32", "BANK_ACCOUNT")
    assert spans and 0.5 <= spans[0][1] < 0.9 and "introduced as" in spans[0][2]


def test_sort_code_and_account_number_pairs(nlp: Language) -> None:
    text = "Paid from sort code 40-47-84 account number 70872490 on 3 May."
    assert "70872490" in shown(text, "BANK_ACCOUNT")
    assert "40-47-84" in shown(text, "SORT_CODE")
    assert "40-47-84 70872490" in shown("Bank details: 40-47-84 70872490", "BANK_ACCOUNT")
