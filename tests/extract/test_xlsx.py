"""XLSX: one page per sheet, tab-separated values; damage and bombs."""

from __future__ import annotations

from reviewer.ingest.extract import Limits, extract
from reviewer.ingest.types import Identification
from tests.extract import builders


def test_sheets_and_rows(no_ident: Identification) -> None:
    result = extract(builders.xlsx(), "contacts.xlsx", no_ident)
    assert result.status == "ok"
    assert not result.paged
    assert [p.text for p in result.pages] == [
        "Sheet: Contacts\nName\tPhone\tBorn\tCount\n"
        f"{builders.NAME}\t{builders.PHONE}\t1980-05-17\t3",
        "Sheet: Notes\nCharging decision",
    ]


def test_truncated_xlsx_is_corrupt(no_ident: Identification) -> None:
    data = builders.xlsx()
    result = extract(data[: len(data) // 2], "cut.xlsx", no_ident)
    assert result.status == "corrupt"
    assert result.message == "damaged or unreadable Excel workbook"


def test_xlsx_with_oversized_part_is_refused(no_ident: Identification) -> None:
    result = extract(builders.xlsx(), "big.xlsx", no_ident, Limits(max_member_bytes=500))
    assert result.status == "too_large"
