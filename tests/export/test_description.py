"""A closed description with its alternate reaches `metadata.csv` and passes TNA's schemas."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

import bagit
from sqlalchemy import update

from models.decisions import Decision
from reviewer.decisions.save import save_sensitivity
from reviewer.decisions.store import set_description
from reviewer.export.metadata import validate_cells
from reviewer.export.transfer import export_transfer, list_problems
from tests.export.conftest import COLLECTION, REVIEWER, Built

DESCRIPTION = "Letter to Jo Bloggs about the hearing date"
ALTERNATE = "Letter to [name withheld] about a hearing"


def _close_description(store: Any, built: Built) -> None:
    rid = built.ids["case1/letter.pdf"]
    with store.session() as s:
        set_description(s, rid, REVIEWER, DESCRIPTION)
        save_sensitivity(
            s,
            rid,
            REVIEWER,
            closure_status="Closed",
            exemptions=[("40(2)", 84)],
            closure_start_date=date(2004, 12, 31),
            foi_schedule_date=date(2024, 3, 1),
            description_closed=True,
            description_alternate=ALTERNATE,
        )


def _rows(out: Path) -> dict[str, dict[str, str]]:
    text = (out / "metadata.csv").read_text("utf-8")
    return {r["filepath"]: r for r in csv.DictReader(io.StringIO(text))}


def test_closed_description_with_alternate_exports_and_passes_schema(
    store: Any, built: Built, tmp_path: Path
) -> None:
    _close_description(store, built)
    out = tmp_path / "bag"
    export_transfer(store, COLLECTION, out)
    bagit.Bag(str(out)).validate()
    rows = _rows(out)
    letter = rows["case1/letter.pdf"]
    assert validate_cells(letter) == []
    assert letter["description"] == DESCRIPTION
    assert letter["is description closed"] == "Yes"
    assert letter["alternate description"] == ALTERNATE
    assert letter["closure status"] == "Closed"
    # The redacted copies of other records are open: their rows carry no closed description.
    assert all(validate_cells(r) == [] for r in rows.values())


def test_redacted_copy_shows_only_the_alternate_description(
    store: Any, built: Built, tmp_path: Path
) -> None:
    rid = built.ids["case1/statement.pdf"]
    with store.session() as s:
        set_description(s, rid, REVIEWER, "Statement of Jo Bloggs")
        save_sensitivity(
            s,
            rid,
            REVIEWER,
            closure_status="Closed",
            redacted=True,
            exemptions=[("40(2)", 84)],
            closure_start_date=date(2004, 12, 31),
            foi_schedule_date=date(2024, 3, 1),
            description_closed=True,
            description_alternate="Statement of [name withheld]",
        )
    out = tmp_path / "bag"
    export_transfer(store, COLLECTION, out)
    rows = _rows(out)
    assert rows["case1/statement.pdf"]["description"] == "Statement of Jo Bloggs"
    assert rows["case1/statement_R.pdf"]["description"] == "Statement of [name withheld]"
    assert "Jo Bloggs" not in (out / "metadata.csv").read_text("utf-8").split("statement_R")[1]
    assert all(validate_cells(r) == [] for r in rows.values())


def test_missing_description_is_a_named_export_problem(store: Any, built: Built) -> None:
    """A description emptied behind the API's back is still caught before anything is written."""
    _close_description(store, built)
    rid = built.ids["case1/letter.pdf"]
    with store.engine.begin() as conn:
        conn.execute(update(Decision).where(Decision.record_id == rid).values(description=""))
    tampered, *problems = list_problems(store, COLLECTION)
    assert tampered.record_id is None and "outside the tool" in tampered.reason
    assert [p.record_id for p in problems] == [rid]
    assert "description" in problems[0].reason
