"""Decisions as a table (`reviewer decisions import|export`): one row per record, CSV or JSON.

The contract's columns (`COLUMNS`, in their order) are followed by `EXTRA_COLUMNS` (the date of
the record and the record's description), which an imported file may leave out. Reading,
writing and parsing cells live here; applying rows is `reviewer.decisions.table_import`.
"""

from __future__ import annotations

import csv
import importlib
import io
import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.records import Record
from reviewer import csv_cells
from reviewer.decisions.store import all_decisions
from reviewer.decisions.types import DecisionView

COLUMNS = (
    "path",
    "appraisal",
    "criteria",
    "rationale",
    "closure_status",
    "redact_labels",
    "foi_exemption_code",
    "closure_period",
    "closure_start_date",
    "foi_schedule_date",
    "title_closed",
    "title_alternate",
    "description_closed",
    "description_alternate",
    "reviewer",
    "role",
)
CLOSURE_COLUMNS = COLUMNS[5:14]
# Beyond the first contract, after its columns: the date of the record (TDR "date of the record",
# in the contract since round 2) and the record's TDR description.
# `version`: the record's decision version when exported; an import refuses a row whose
# decision changed since (a conflict, reported with both values), as the GUI does.
EXTRA_COLUMNS = ("date_of_the_record", "description", "closure_period_justification", "version")
ALL_COLUMNS = COLUMNS + EXTRA_COLUMNS
# Read too: the name the date column had before it joined the contract.
OLD_DATE_COLUMN = "record_date"
READ_COLUMNS = (*ALL_COLUMNS, OLD_DATE_COLUMN)
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class TableError(ValueError):
    """The file as a whole cannot be read (not CSV, no header, missing columns): one line."""


def _yes_no(value: bool) -> str:
    return "Yes" if value else "No"


def to_row(path: str, v: DecisionView) -> dict[str, str]:
    """A record's effective decision in the table's exact string form (TDR value formats)."""
    closed = v.closure_status is not None
    sens_by = v.reviewed_by if closed else ""
    return {
        "path": path,
        "appraisal": v.appraisal or "",
        "criteria": ";".join(v.criteria),
        "rationale": v.rationale,
        "closure_status": v.closure_status or "",
        "redact_labels": ";".join(v.redact_labels),
        "foi_exemption_code": ";".join(c for c, _ in v.exemptions),
        "closure_period": ";".join(str(p) for _, p in v.exemptions),
        "closure_start_date": v.closure_start_date.isoformat() if v.closure_start_date else "",
        "foi_schedule_date": v.foi_schedule_date.isoformat() if v.foi_schedule_date else "",
        "title_closed": _yes_no(v.title_closed) if closed else "",
        "title_alternate": v.title_alternate,
        "description_closed": _yes_no(v.description_closed) if closed else "",
        "description_alternate": v.description_alternate,
        "reviewer": sens_by or v.appraised_by,
        "role": (v.reviewed_role if sens_by else v.appraised_role) or "",
        "date_of_the_record": v.record_date.isoformat() if v.record_date else "",
        "description": v.description,
        "closure_period_justification": v.period_justification,
        "version": str(v.version),
    }


def export_rows(session: Session, collection_id: int) -> list[tuple[int, dict[str, str]]]:
    """(record id, row) for every record of the collection, in path order."""
    views = all_decisions(session, collection_id)
    stmt = select(Record.id, Record.path).where(Record.collection_id == collection_id)
    rows = session.execute(stmt.order_by(Record.path))
    return [(rid, to_row(path, views[rid])) for rid, path in rows]


def write_csv(rows: Iterable[dict[str, str]]) -> str:
    """The table as CSV; cells a spreadsheet would run are neutralised (`csv_cells`)."""
    out = io.StringIO()
    csv_cells.write_rows(out, ALL_COLUMNS, rows)
    return out.getvalue()


def read_csv(data: bytes) -> list[tuple[int, dict[str, str]]]:
    """(line number of the row's first line, row) for every data row; TableError if unreadable."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TableError(f"not UTF-8 text (byte {exc.start})") from exc
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise TableError("the file is empty or has no header row")
        names = [h.strip().lower() for h in header]
        missing = [c for c in COLUMNS if c not in names]
        if missing:
            raise TableError(f"missing columns: {', '.join(missing)}")
        rows = []
        line = reader.line_num + 1
        for cells in reader:
            if any(c.strip() for c in cells):
                padded = cells + [""] * (len(names) - len(cells))
                kept = ((n, padded[i]) for i, n in enumerate(names) if n in READ_COLUMNS)
                cells_by = {n: csv_cells.restore(cell) for n, cell in kept}
                rows.append((line, cells_by))
                if len(cells) > len(names):
                    rows[-1][1]["__extra__"] = "1"
            line = reader.line_num + 1
    except csv.Error as exc:
        raise TableError(f"line {reader.line_num}: malformed CSV ({exc})") from exc
    return rows


def split_list(value: str) -> list[str]:
    return [p.strip() for p in value.split(";") if p.strip()] if value.strip() else []


def parse_date(value: str, name: str, problems: list[str]) -> date | None:
    if not value.strip():
        return None
    try:
        if not DATE_RE.match(value.strip()):
            raise ValueError
        return date.fromisoformat(value.strip())
    except ValueError:
        problems.append(f"{name} must be a date YYYY-MM-DD")
        return None


def _bool(value: str, name: str, problems: list[str]) -> bool:
    if value.strip() in ("", "No"):
        return False
    if value.strip() == "Yes":
        return True
    problems.append(f"{name} must be Yes or No")
    return False


def _labels() -> set[str] | None:
    try:
        return set(importlib.import_module("reviewer.detect").LABELS)
    except (ImportError, AttributeError):
        return None


def parse_row_sensitivity(row: dict[str, str], problems: list[str]) -> dict[str, Any] | None:
    """The sensitivity kwargs a row gives (None when it gives no closure status)."""
    status = row["closure_status"].strip()
    if not status:
        if any(row[c].strip() for c in CLOSURE_COLUMNS):
            problems.append("closure fields are given without a closure status")
        return None
    codes = split_list(row["foi_exemption_code"])
    periods: list[int] = []
    for p in split_list(row["closure_period"]):
        if not p.isdigit():
            problems.append("closure period must be whole years (several separated by ;)")
            return None
        periods.append(int(p))
    if len(codes) != len(periods):
        problems.append(f"{len(codes)} FOI exemption code(s) but {len(periods)} closure period(s)")
    labels = split_list(row["redact_labels"])
    known = _labels()
    if known is not None and any(lab not in known for lab in labels):
        # Named by position, never quoted: a cell may hold anything, personal data included.
        items = ", ".join(str(i) for i, x in enumerate(labels, 1) if x not in known)
        problems.append(f"redact_labels: item {items} is not a label the detector uses")
    return {
        "closure_status": status,
        "redacted": bool(labels),
        "redact_labels": labels,
        "exemptions": list(zip(codes, periods, strict=False)),
        "closure_start_date": parse_date(row["closure_start_date"], "closure start date", problems),
        "foi_schedule_date": parse_date(row["foi_schedule_date"], "FOI schedule date", problems),
        "title_closed": _bool(row["title_closed"], "title_closed", problems),
        "title_alternate": row["title_alternate"],
        "description_closed": _bool(row["description_closed"], "description_closed", problems),
        "description_alternate": row["description_alternate"],
        "period_justification": row.get("closure_period_justification", "").strip(),
    }


def date_cell(row: dict[str, str]) -> str:
    """The row's date of the record: `date_of_the_record`, else the older `record_date` column."""
    return row.get("date_of_the_record", "").strip() or row.get(OLD_DATE_COLUMN, "").strip()
