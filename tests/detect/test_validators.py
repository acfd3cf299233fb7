"""Identifier validators: real formats accepted, near misses refused."""

from __future__ import annotations

import pytest

from reviewer.detect import validators as v


@pytest.mark.parametrize(
    "value", ["AB 12 34 56 C", "JE123456A", "ce-12-34-56-d".upper(), "PZ 99 88 77 B"]
)
def test_valid_nino(value: str) -> None:
    assert v.valid_nino(value)


@pytest.mark.parametrize(
    "value",
    [
        "QQ 12 34 56 C",
        "DA123456A",
        "AO123456A",
        "GB123456A",
        "NK123456A",
        "ZZ123456A",
        "AB123456E",
        "AB12345A",
    ],
)
def test_invalid_nino(value: str) -> None:
    assert not v.valid_nino(value)


def test_nhs_mod11() -> None:
    assert v.valid_nhs_number("943 476 5919")
    assert v.valid_nhs_number("401-023-2137")
    assert not v.valid_nhs_number("943 476 5918")
    assert not v.valid_nhs_number("1111111111")


@pytest.mark.parametrize(
    "value", ["SW1A 1AA", "LS1 4AB", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A1BB"]
)
def test_valid_postcodes(value: str) -> None:
    assert v.valid_postcode(value)


@pytest.mark.parametrize("value", ["QA1 1AA", "LS1 4CI", "12 4AB", "LSS1 4AB"])
def test_invalid_postcodes(value: str) -> None:
    assert not v.valid_postcode(value)


def test_phones_including_ofcom_drama_ranges() -> None:
    assert v.phone_kind("07700 900123") == "drama"
    assert v.phone_kind("0113 496 0999") == "drama"
    assert v.phone_kind("+44 20 7946 0001") == "drama"
    assert v.phone_kind("020 7219 3000") == "valid"
    assert v.phone_kind("0123") is None
    assert v.phone_kind("07700 90012") is None


def test_cards_luhn_and_scheme() -> None:
    assert v.valid_payment_card("4111 1111 1111 1111")
    assert v.valid_payment_card("5555-5555-5555-4444")
    assert not v.valid_payment_card("4111 1111 1111 1112")
    assert not v.valid_payment_card("9111 1111 1111 1113")


def test_pnc_and_cro_check_characters() -> None:
    assert v.valid_pnc_id("98/123456G")
    assert v.valid_pnc_id("1998/0123456G")
    assert not v.valid_pnc_id("98/123456X")
    assert v.valid_cro_number("123456/98E")
    assert not v.valid_cro_number("123456/98X")
    assert v.valid_cro_number("SF98/123456E") is (
        "ZABCDEFGHJKLMNPQRTUVWXY"[int("98123456") % 23] == "E"
    )


def test_vehicle_and_licence_formats() -> None:
    assert v.valid_current_vehicle_reg("YK19 ABC")
    assert not v.valid_current_vehicle_reg("YK99 ABC")  # age identifier not yet issued
    assert v.valid_driving_licence("MORGA753116SM9IJ")
    assert not v.valid_driving_licence("MORGA713316SM9IJ")  # month 13


def test_ip_and_dates() -> None:
    assert v.valid_ip("192.168.1.20")
    assert v.valid_ip("2001:db8::1")
    assert not v.valid_ip("300.1.1.1")
    assert v.valid_numeric_date("31/12/1999")
    assert not v.valid_numeric_date("12/31/1999")
