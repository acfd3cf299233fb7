"""Fictional people and identifiers for the sample collection.

Every value is either from a reserved range (Ofcom drama numbers, ``example.com``) or drawn from a
seeded random generator so that it passes the format rules a detector checks (NINO prefixes, NHS
mod-11, PNC/CRO check letters) without being anybody's real number.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

SEED = 20040814
NBSP = "\u00a0"

# The check-letter alphabet used by the PNC and CRO (no I, O or S).
CHECK_LETTERS = "ZABCDEFGHJKLMNPQRTUVWXY"
NINO_BAD_LETTERS = set("DFIQUV")
NINO_BAD_PAIRS = {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}
# Stricter than HMRC's rules so every recognizer accepts the values: no O or R first (some
# validators refuse them) and no administrative prefixes.
NINO_AVOID_FIRST = set("OR")
NINO_ADMIN_PAIRS = {"OO", "CR", "FY", "MW", "NC", "PP", "PY", "PZ"}


def nino(rng: random.Random) -> str:
    """A National Insurance number that passes HMRC's prefix rules, spaced as on a payslip."""
    letters = [c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c not in NINO_BAD_LETTERS]
    while True:
        first, second = rng.choice(letters), rng.choice(letters)
        pair = first + second
        if second == "O" or first in NINO_AVOID_FIRST or pair in NINO_BAD_PAIRS | NINO_ADMIN_PAIRS:
            continue
        digits = f"{rng.randrange(10**6):06d}"
        suffix = rng.choice("ABCD")
        return f"{first}{second} {digits[0:2]} {digits[2:4]} {digits[4:6]} {suffix}"


def nhs_check_digit(nine: str) -> int | None:
    """The NHS number check digit (weights 10..2, mod 11), or None when 10 (never issued)."""
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def nhs_number(rng: random.Random) -> str:
    """A mod-11-valid NHS number in the 999 series, which is not issued to patients."""
    while True:
        nine = "999" + f"{rng.randrange(10**6):06d}"
        check = nhs_check_digit(nine)
        if check is not None:
            digits = nine + str(check)
            return f"{digits[0:3]} {digits[3:6]} {digits[6:10]}"


def pnc_id(rng: random.Random, year: int) -> str:
    """A Police National Computer ID ``YY/NNNNNNL`` with a correct mod-23 check letter."""
    yy = f"{year % 100:02d}"
    serial = rng.randrange(100_000, 999_999)
    return f"{yy}/{serial}{CHECK_LETTERS[int(yy + f'{serial:07d}') % 23]}"


def cro_number(rng: random.Random, year: int) -> str:
    """A Criminal Records Office number ``NNNNNN/YYL`` with a correct mod-23 check letter."""
    yy = f"{year % 100:02d}"
    serial = rng.randrange(100_000, 999_999)
    return f"{serial}/{yy}{CHECK_LETTERS[int(yy + f'{serial:06d}') % 23]}"


def vehicle_registration(rng: random.Random, age_identifier: str) -> str:
    """A current-format registration (``YG04 XKT``) with a Leeds (Y) memory tag."""
    random_letters = "ABCDEFGHJKLMNOPRSTUVWXYZ"  # I and Q are never used
    local = rng.choice("ABCDEFGHJK")
    tail = "".join(rng.choice(random_letters) for _ in range(3))
    return f"Y{local}{age_identifier} {tail}"


class PhoneBook:
    """Distinct numbers from Ofcom's drama ranges: 07700 900xxx and 0113 496 0xxx."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._used: set[str] = set()

    def _draw(self, template: str) -> str:
        while True:
            number = template.format(self._rng.randrange(1000))
            if number not in self._used:
                self._used.add(number)
                return number

    def mobile(self) -> str:
        return self._draw("07700 900{:03d}")

    def leeds(self) -> str:
        return self._draw("0113 496 0{:03d}")


@dataclass(frozen=True)
class Values:
    """The random-but-valid identifiers planted in the case file."""

    defendant_nino: str
    victim_nino: str
    victim_nhs: str
    defendant_pnc: str
    defendant_cro: str
    vehicle: str
    phones: dict[str, str]


def make_values() -> Values:
    """Draw every random identifier once, in a fixed order, from the fixed seed."""
    rng = random.Random(SEED)
    book = PhoneBook(rng)
    phones = {
        "kendrick_mobile": book.mobile(),
        "hussain_mobile": book.mobile(),
        "hussain_home": book.leeds(),
        "fairbrother_mobile": book.mobile(),
        "fairbrother_desk": book.leeds(),
        "amberley_desk": book.leeds(),
        "marchbank_desk": book.leeds(),
        "pickersgill_desk": book.leeds(),
        "whitcombe_mother": book.leeds(),
        "ackroyd_desk": book.leeds(),
        "ross_desk": book.leeds(),
    }
    return Values(
        defendant_nino=nino(rng),
        victim_nino=nino(rng),
        victim_nhs=nhs_number(rng),
        defendant_pnc=pnc_id(rng, 1997),
        defendant_cro=cro_number(rng, 1997),
        vehicle=vehicle_registration(rng, "04"),
        phones=phones,
    )
