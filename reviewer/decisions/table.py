"""Decisions as a table (`reviewer decisions import|export`): one row per record, CSV or JSON.

Import checks each row on its own and saves it in its own savepoint: a bad row is reported with
its line number and reason and the good rows are kept; a row only ever adds to what is stored
(an empty appraisal or closure status leaves that part as it is).
"""

from __future__ import annotations

import csv
import importlib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.records import Record
from reviewer.decisions.save import save_appraisal, save_sensitivity
from reviewer.decisions.store import all_decisions
from reviewer.decisions.types import Actor, DecisionError, DecisionView

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
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class TableError(ValueError):
    """The file as a whole cannot be read (not CSV, no header, missing columns): one line."""


@dataclass
class ImportReport:
    rows: int = 0
    saved: int = 0
    unchanged: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "saved": self.saved,
            "unchanged": self.unchanged,
            "rejected": len(self.problems),
            "problems": [{"line": n, "reason": r} for n, r in self.problems],
        }


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
    }


def export_rows(session: Session, collection_id: int) -> list[tuple[int, dict[str, str]]]:
    """(record id, row) for every record of the collection, in path order."""
    views = all_decisions(session, collection_id)
    stmt = select(Record.id, Record.path).where(Record.collection_id == collection_id)
    rows = session.execute(stmt.order_by(Record.path))
    return [(rid, to_row(path, views[rid])) for rid, path in rows]


def write_csv(rows: Iterable[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
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
                rows.append((line, {n: padded[i] for i, n in enumerate(names) if n in COLUMNS}))
                if len(cells) > len(names):
                    rows[-1][1]["__extra__"] = "1"
            line = reader.line_num + 1
    except csv.Error as exc:
        raise TableError(f"line {reader.line_num}: malformed CSV ({exc})") from exc
    return rows


def _split(value: str) -> list[str]:
    return [p.strip() for p in value.split(";") if p.strip()] if value.strip() else []


def _date(value: str, name: str, problems: list[str]) -> date | None:
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


def parse_sensitivity(row: dict[str, str], problems: list[str]) -> dict[str, Any] | None:
    """The sensitivity kwargs a row gives (None when it gives no closure status)."""
    status = row["closure_status"].strip()
    if not status:
        if any(row[c].strip() for c in CLOSURE_COLUMNS):
            problems.append("closure fields are given without a closure status")
        return None
    codes = _split(row["foi_exemption_code"])
    periods: list[int] = []
    for p in _split(row["closure_period"]):
        if not p.isdigit():
            problems.append("closure period must be whole years (several separated by ;)")
            return None
        periods.append(int(p))
    if len(codes) != len(periods):
        problems.append(f"{len(codes)} FOI exemption code(s) but {len(periods)} closure period(s)")
    labels = _split(row["redact_labels"])
    known = _labels()
    if known is not None and any(lab not in known for lab in labels):
        unknown = ", ".join(x for x in labels if x not in known)
        problems.append(f"unknown redaction labels: {unknown}")
    return {
        "closure_status": status,
        "redacted": bool(labels),
        "redact_labels": labels,
        "exemptions": list(zip(codes, periods, strict=False)),
        "closure_start_date": _date(row["closure_start_date"], "closure start date", problems),
        "foi_schedule_date": _date(row["foi_schedule_date"], "FOI schedule date", problems),
        "title_closed": _bool(row["title_closed"], "title_closed", problems),
        "title_alternate": row["title_alternate"],
        "description_closed": _bool(row["description_closed"], "description_closed", problems),
        "description_alternate": row["description_alternate"],
    }


def _same_sensitivity(v: DecisionView, s: dict[str, Any]) -> bool:
    return (
        v.closure_status == s["closure_status"]
        and v.redact_labels == tuple(s["redact_labels"])
        and v.exemptions == tuple(s["exemptions"])
        and v.closure_start_date == s["closure_start_date"]
        and v.foi_schedule_date == s["foi_schedule_date"]
        and v.title_closed == s["title_closed"]
        and v.title_alternate == s["title_alternate"].strip()
        and v.description_closed == s["description_closed"]
        and v.description_alternate == s["description_alternate"].strip()
    )


def import_rows(
    session: Session, collection_id: int, rows: list[tuple[int, dict[str, str]]]
) -> ImportReport:
    """Save each good row (own savepoint); report each bad one as (line, reason)."""
    report = ImportReport(rows=len(rows))
    stmt = select(Record.path, Record.id).where(Record.collection_id == collection_id)
    paths: dict[str, int] = {path: rid for path, rid in session.execute(stmt)}
    current = all_decisions(session, collection_id)
    for line, row in rows:
        problems: list[str] = []
        if row.pop("__extra__", None):
            problems.append("more cells than columns")
        rid = paths.get(row["path"].strip().replace("\\", "/"))
        if rid is None:
            report.problems.append((line, "no record with this path in the collection"))
            continue
        appraisal = row["appraisal"].strip()
        criteria = _split(row["criteria"])
        if criteria and not appraisal:
            problems.append("criteria are given without an appraisal")
        sensitivity = parse_sensitivity(row, problems)
        actor = Actor(row["reviewer"].strip(), row["role"].strip())
        if problems:
            report.problems.append((line, "; ".join(problems)))
            continue
        view = current[rid]
        do_app = bool(appraisal) and (
            view.appraisal != appraisal
            or view.criteria != tuple(criteria)
            or view.rationale != row["rationale"].strip()
        )
        # A checker agreeing with the first review is still a review: record it as theirs.
        same_author = view.reviewed_by == actor.name and view.reviewed_role == actor.role
        do_sen = sensitivity is not None and not (
            same_author and _same_sensitivity(view, sensitivity)
        )
        if not (do_app or do_sen):
            report.unchanged += 1
            continue
        try:
            with session.begin_nested():
                if do_app:
                    save_appraisal(session, rid, actor, appraisal, criteria, row["rationale"])
                if do_sen and sensitivity is not None:
                    save_sensitivity(session, rid, actor, **sensitivity)
        except DecisionError as exc:
            report.problems.append((line, "; ".join(exc.problems)))
            continue
        report.saved += 1
    return report
