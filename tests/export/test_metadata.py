"""TDR metadata.csv: exact headers, TDR value formats, TNA's schema as the judge."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from datetime import date
from pathlib import Path

import pytest

from reviewer.export import tna_schema
from reviewer.export.metadata import (
    CLOSED,
    MetadataError,
    MetadataRow,
    render_csv,
    to_cells,
    validate_cells,
    validate_rows,
    write_metadata_csv,
)

HEADERS = [
    "filepath",
    "filename",
    "date last modified",
    "date of the record",
    "description",
    "former reference",
    "closure status",
    "closure start date",
    "closure period",
    "foi exemption code",
    "foi schedule date",
    "is filename closed",
    "alternate filename",
    "is description closed",
    "alternate description",
    "language",
    "translated filename",
    "copyright",
    "copyright details",
    "related material",
    "restrictions on use",
    "evidence provided by",
    "note",
]

OPEN_ROW = MetadataRow("case1/letter.pdf", "letter.pdf", date(2004, 5, 1), description="A letter")
CLOSED_ROW = MetadataRow(
    "case1/statement.pdf",
    "statement.pdf",
    date(2005, 2, 3),
    date_of_record=date(2004, 7, 9),
    description="Witness statement",
    closure_status=CLOSED,
    closure_start_date=date(2004, 7, 9),
    closure_periods=(84, 40),
    foi_codes=("40(2)", "31"),
    foi_schedule_date=date(2024, 3, 1),
    title_closed=True,
    title_alternate="Statement of [name withheld]",
)


def test_headers_are_tnas_in_order() -> None:
    assert list(tna_schema.tdr_headers()) == HEADERS
    assert "40(2)" in tna_schema.foi_codes()
    assert "30(1)" in tna_schema.foi_codes()


def test_resources_are_shipped_with_licence() -> None:
    root = Path(tna_schema.__file__).resolve().parents[2] / "resources" / "tna"
    assert "MIT" in (root / "LICENSE").read_text()
    json.loads((root / "metadata-schema" / "baseSchema.schema.json").read_text())


def test_values_follow_tdr_formats() -> None:
    cells = to_cells(CLOSED_ROW)
    assert cells["closure period"] == "84;40"
    assert cells["foi exemption code"] == "40(2);31"
    assert cells["date of the record"] == "2004-07-09"
    assert cells["is filename closed"] == "Yes"
    assert cells["is description closed"] == "No"
    assert cells["language"] == "English"
    assert cells["copyright"] == "Crown"


def test_good_rows_pass_tna_schema() -> None:
    assert validate_rows([OPEN_ROW, CLOSED_ROW]) == []


@pytest.mark.parametrize(
    ("change", "column", "words"),
    [
        ({"foi_codes": ("40(2)", "99")}, "foi exemption code", "valid FOI exemption code"),
        ({"closure_periods": (84, 151)}, "closure period", "between 1 and 150"),
        ({"closure_periods": (84,)}, "closure period", "same number"),
        ({"title_alternate": ""}, "alternate filename", "Must not be empty"),
        ({"description_alternate": "[withheld]"}, "is description closed", "Must be Yes"),
        ({"foi_schedule_date": date(1999, 12, 31)}, "foi schedule date", "Invalid FOI"),
        ({"foi_schedule_date": date(2004, 7, 9)}, "foi schedule date", "advisory schedule"),
        ({"closure_start_date": date(2005, 1, 1)}, "closure start date", "Must match"),
        ({"closure_start_date": None}, "closure start date", "closed record"),
        ({"date_of_record": date(2999, 1, 1)}, "date of the record", "future"),
        ({"languages": ("Klingon",)}, "language", "not been recognised"),
        ({"closure_status": "Shut"}, "closure status", "Open or Closed"),
    ],
)
def test_broken_closed_row_fails_with_reason(
    change: dict[str, object], column: str, words: str
) -> None:
    if "date_of_record" in change:
        change = {**change, "closure_start_date": date(2999, 12, 31)}
    row = dataclasses.replace(CLOSED_ROW, **change)  # type: ignore[arg-type]
    problems = validate_rows([row])
    assert any(p.column == column and words in p.reason for p in problems), problems
    assert all(p.filepath == row.filepath for p in problems)


def test_open_row_with_closure_fields_fails() -> None:
    row = dataclasses.replace(OPEN_ROW, foi_codes=("40(2)",), title_closed=True)
    reasons = {(p.column, p.reason) for p in validate_rows([row])}
    assert ("foi exemption code", "Must be empty for an open record") in reasons
    assert ("is filename closed", "Must be No for an open record") in reasons


def test_text_cells_are_checked_not_only_dataclasses() -> None:
    cells = to_cells(CLOSED_ROW) | {"closure period": "84; 40", "is filename closed": "yes please"}
    columns = {p.column for p in validate_cells(cells)}
    assert {"closure period", "is filename closed"} <= columns


def test_duplicate_paths_are_refused() -> None:
    problems = validate_rows([OPEN_ROW, OPEN_ROW])
    assert any("more than once" in p.reason for p in problems)


def test_write_refuses_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "metadata.csv"
    bad = dataclasses.replace(OPEN_ROW, closure_periods=(10,))
    with pytest.raises(MetadataError) as info:
        write_metadata_csv(target, [OPEN_ROW, bad])
    assert info.value.problems[0].filepath == "case1/letter.pdf"
    assert not target.exists()


def test_written_csv_round_trips_and_is_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "metadata.csv"
    write_metadata_csv(target, [OPEN_ROW, CLOSED_ROW])
    assert target.stat().st_mode & 0o777 == 0o600
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert list(rows[0]) == HEADERS
    assert rows[1]["closure status"] == "Closed"
    assert all(validate_cells(r) == [] for r in rows)
    assert render_csv([OPEN_ROW]).startswith(b"filepath,filename,date last modified,")
