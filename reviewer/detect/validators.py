"""Check digits and format rules of UK identifiers, so a pattern match is believed only if valid.

Sources: HMRC NIM39110 (NINO prefixes), NHS Data Dictionary (mod-11), Royal Mail PAF postcode
formats, Ofcom's drama number ranges, DVLA licence and registration formats, and the PNC/CRO
check character used by the Ministry of Justice (`ZABCDEFGHJKLMNPQRTUVWXY`, modulus 23).
"""

from __future__ import annotations

import ipaddress
import re
from datetime import date

import phonenumbers

_NINO_BAD_FIRST = set("DFIQUV")
_NINO_BAD_SECOND = set("DFIQUVO")
_NINO_BAD_PREFIX = {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}
_NINO_RE = re.compile(r"([A-Z]{2})(\d{6})([A-D])")


def _compact(value: str) -> str:
    return re.sub(r"[\s\-./()]", "", value).upper()


def valid_nino(value: str) -> bool:
    """Two letters, six digits, suffix A-D; prefixes HMRC never issues are refused."""
    m = _NINO_RE.fullmatch(_compact(value))
    if not m:
        return False
    prefix = m.group(1)
    return (
        prefix[0] not in _NINO_BAD_FIRST
        and prefix[1] not in _NINO_BAD_SECOND
        and prefix not in _NINO_BAD_PREFIX
    )


def valid_nhs_number(value: str) -> bool:
    """Ten digits whose last is the modulus-11 check digit of the first nine."""
    digits = _compact(value)
    if not re.fullmatch(r"\d{10}", digits) or len(set(digits)) == 1:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


_POSTCODE_RE = re.compile(
    r"(GIR0AA|(?:[A-PR-UWYZ]\d{1,2}|[A-PR-UWYZ][A-HK-Y]\d{1,2}|[A-PR-UWYZ]\d[A-HJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y]\d[ABEHMNPRV-Y])\d[ABD-HJLNP-UW-Z]{2})"
)


def valid_postcode(value: str) -> bool:
    """Royal Mail outward + inward code formats (A9 9AA, A99, AA9, AA99, A9A, AA9A)."""
    return bool(_POSTCODE_RE.fullmatch(_compact(value)))


# Ofcom numbers reserved for drama: real-looking, never allocated (national form without 0).
_DRAMA_PREFIXES = (
    "1134960",
    "1144960",
    "1154960",
    "1164960",
    "1174960",
    "1184960",
    "1214960",
    "1314960",
    "1414960",
    "1514960",
    "1614960",
    "2079460",
    "1914980",
    "2890180",
    "2920180",
    "1632960",
    "7700900",
    "8081570",
    "9098790",
    "3069990",
)


def phone_kind(value: str) -> str | None:
    """'valid', 'drama' (Ofcom's reserved fiction ranges) or None for a GB phone number."""
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != 44:
        return "valid" if phonenumbers.is_valid_number(number) else None
    national = str(number.national_number)
    if len(national) == 10 and national.startswith(_DRAMA_PREFIXES):
        return "drama"
    return "valid" if phonenumbers.is_valid_number(number) else None


def luhn_ok(value: str) -> bool:
    """The Luhn checksum of payment card numbers."""
    digits = [int(d) for d in _compact(value) if d.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def valid_payment_card(value: str) -> bool:
    """13-19 digits, a card scheme's leading digits, and the Luhn check."""
    digits = _compact(value)
    if not digits.isdigit() or not 13 <= len(digits) <= 19 or len(set(digits)) == 1:
        return False
    if not re.match(r"4|5[1-5]|2[2-7]|3[47]|6(?:011|5|4[4-9])|3(?:0[0-5]|[68])|35", digits):
        return False
    return luhn_ok(digits)


_CHECK_LETTERS = "ZABCDEFGHJKLMNPQRTUVWXY"


def _check_letter(number: str) -> str:
    return _CHECK_LETTERS[int(number) % 23]


def valid_pnc_id(value: str) -> bool:
    """PNC ID `YY/NNNNNNNC` (or `YYYY/...`): check letter of YY + serial padded to 7 digits."""
    m = re.fullmatch(r"(\d{2}|\d{4})/(\d{1,7})([A-Z])", value.strip().upper())
    if not m:
        return False
    year, serial, check = m.groups()
    return _check_letter(year[-2:] + serial.zfill(7)) == check


def valid_cro_number(value: str) -> bool:
    """CRO number `NNNNNN/YYC` (serial padded to 6) or `SFYY/NNNNNNC` (serial as written)."""
    text = value.strip().upper()
    m = re.fullmatch(r"(\d{1,6})/(\d{2})([A-Z])", text)
    if m:
        serial, year, check = m.groups()
        return _check_letter(year + serial.zfill(6)) == check
    m = re.fullmatch(r"SF(\d{2})/(\d{1,6})([A-Z])", text)
    if m:
        year, serial, check = m.groups()
        return _check_letter(year + (serial.lstrip("0") or "0")) == check
    return False


def valid_current_vehicle_reg(value: str) -> bool:
    """Post-2001 `AB12 CDE`: letters DVLA uses (no I or Q; no Z in the memory tag), and an age
    identifier for a half-year that has happened."""
    m = re.fullmatch(r"[A-HJ-PR-Y]{2}(\d{2})[A-HJ-PR-Z]{3}", _compact(value))
    if not m:
        return False
    age = int(m.group(1))
    today = date.today()
    latest_march = today.year % 100
    latest_sept = latest_march + 50 if today.month >= 9 else latest_march + 49
    return 2 <= age <= latest_march or 51 <= age <= latest_sept


def valid_driving_licence(value: str) -> bool:
    """DVLA licence: surname(5), decade, month (+50 for women), day, year digit, initials."""
    m = re.fullmatch(r"[A-Z9]{5}\d(\d{2})(\d{2})\d[A-Z9]{2}\d[A-Z]{2}(?:\d{2})?", _compact(value))
    if not m:
        return False
    month, day = int(m.group(1)), int(m.group(2))
    month = month - 50 if month > 50 else month
    return 1 <= month <= 12 and 1 <= day <= 31


def valid_ip(value: str) -> bool:
    """IPv4 or IPv6 as the standard library parses it."""
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def valid_numeric_date(value: str) -> bool:
    """`d/m/y` (or with `.`/`-`, or spaces before a four-digit year: "1 01 1951", as tribunal
    decisions write them) with a real day and month."""
    m = re.fullmatch(r"(\d{1,2})([/.\-])(\d{1,2})[/.\-](\d{2}|\d{4})", value) or re.fullmatch(
        r"(\d{1,2})( )(\d{1,2}) (\d{4})", value
    )
    if not m:
        return False
    day, month = int(m.group(1)), int(m.group(3))
    return 1 <= day <= 31 and 1 <= month <= 12


def valid_uk_iban(value: str) -> bool:
    """A UK IBAN: GB, two check digits, a four-letter bank code, sort code and account
    number (14 digits), and the ISO 13616 check: the rearranged number modulo 97 is 1."""
    iban = _compact(value)
    if not re.fullmatch(r"GB\d{2}[A-Z]{4}\d{14}", iban):
        return False
    digits = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    return int(digits) % 97 == 1


def valid_sort_code(value: str) -> bool:
    """Six digits in three pairs."""
    return bool(re.fullmatch(r"\d{6}", _compact(value)))


VALIDATORS = {
    "nino": valid_nino,
    "nhs": valid_nhs_number,
    "postcode": valid_postcode,
    "phone": lambda v: phone_kind(v) is not None,
    "card": valid_payment_card,
    "pnc": valid_pnc_id,
    "cro": valid_cro_number,
    "vehicle_current": valid_current_vehicle_reg,
    "driving_licence": valid_driving_licence,
    "ip": valid_ip,
    "numeric_date": valid_numeric_date,
    "sort_code": valid_sort_code,
    "uk_iban": valid_uk_iban,
}
