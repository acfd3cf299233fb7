"""A closure period outside the usual ones travels with its written justification (issue 15):
not as a column of TDR's fixed `metadata.csv`, but as the bag's `closure-justifications.csv` tag
file, keyed by the same filepath, in the tag manifest; the bag still validates."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

import bagit

from reviewer.decisions.save import save_sensitivity
from reviewer.export.justifications import JUSTIFICATION_HEADERS, JUSTIFICATIONS_NAME
from reviewer.export.metadata import validate_cells
from reviewer.export.tna_schema import tdr_columns
from reviewer.export.transfer import export_transfer
from tests.export.conftest import COLLECTION, REVIEWER, Built

WHY = "The youngest person named was 40 at the record's date, so 60 years is their lifetime."


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8"), newline="")))


def test_an_unusual_period_and_its_justification_ride_in_the_bag(
    store: Any, built: Built, tmp_path: Path
) -> None:
    with store.session() as s:
        save_sensitivity(
            s, built.ids["case1/letter.pdf"], REVIEWER, closure_status="Closed",
            exemptions=[("40(2)", 60)], closure_start_date=date(2004, 12, 31),
            foi_schedule_date=date(2024, 3, 1), period_justification=WHY,
        )  # fmt: skip
    out = tmp_path / "bag"
    summary = export_transfer(store, COLLECTION, out)
    assert summary.justified_periods == 1 and summary.as_dict()["justified_periods"] == 1
    bagit.Bag(str(out)).validate()  # the tag file is in the tag manifest, checksummed
    tagmanifest = (out / "tagmanifest-sha256.txt").read_text()
    assert f" {JUSTIFICATIONS_NAME}\n" in tagmanifest
    text = (out / JUSTIFICATIONS_NAME).read_text("utf-8")
    assert text.splitlines()[0] == ",".join(JUSTIFICATION_HEADERS)
    rows = _csv(out / JUSTIFICATIONS_NAME)
    assert rows == [
        {
            "filepath": "case1/letter.pdf",
            "foi exemption code": "40(2)",
            "closure period": "60",
            "closure start date": "2004-12-31",
            "closure period justification": WHY,
        }
    ]
    # metadata.csv keeps TNA's exact columns, and the row the justification names is there.
    meta = _csv(out / "metadata.csv")
    assert list(meta[0]) == [h for _, h in tdr_columns()]
    letter = next(r for r in meta if r["filepath"] == rows[0]["filepath"])
    assert (letter["closure status"], letter["closure period"]) == ("Closed", "60")
    assert letter["note"] == "" and WHY not in (out / "metadata.csv").read_text("utf-8")
    assert all(validate_cells(r) == [] for r in meta)


def test_no_justification_no_tag_file(store: Any, built: Built, tmp_path: Path) -> None:
    out = tmp_path / "bag"
    assert export_transfer(store, COLLECTION, out).justified_periods == 0
    assert not (out / JUSTIFICATIONS_NAME).exists()
    assert JUSTIFICATIONS_NAME not in (out / "tagmanifest-sha256.txt").read_text()
