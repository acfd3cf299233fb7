"""TDR `metadata.csv`: rows built from plain values, checked against TNA's schemas before writing.

Validation runs on the CSV text itself, converted to typed JSON the way TDR converts an uploaded
CSV (empty -> null, `Yes`/`No` -> booleans, `;`-lists -> arrays, integers parsed), so what is
checked is exactly what is written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reviewer.csv_cells import formula_like
from reviewer.export import tna_schema

OPEN = "Open"
CLOSED = "Closed"
SCHEDULE_DATE_FLOOR = date(2000, 1, 1)
# TNA's matchEndDateOrDateLastModified accepts this legacy date as a closure start date.
LEGACY_START = "2006-12-31"


@dataclass(frozen=True)
class MetadataRow:
    """One file's TDR metadata; values as users think of them, formatted by `to_cells`."""

    filepath: str
    filename: str
    date_last_modified: date
    date_of_record: date | None = None
    description: str = ""
    former_reference: str = ""
    closure_status: str = OPEN
    closure_start_date: date | None = None
    closure_periods: tuple[int, ...] = ()
    foi_codes: tuple[str, ...] = ()
    foi_schedule_date: date | None = None
    title_closed: bool = False
    title_alternate: str = ""
    description_closed: bool = False
    description_alternate: str = ""
    languages: tuple[str, ...] = ("English",)
    translated_filename: str = ""
    copyright: tuple[str, ...] = ("Crown",)
    copyright_details: str = ""
    related_material: str = ""
    restrictions_on_use: str = ""
    evidence_provided_by: str = ""
    note: str = ""


@dataclass(frozen=True)
class RowProblem:
    """A rule one row breaks: which file, which column, TNA's reason."""

    filepath: str
    column: str
    reason: str

    def __str__(self) -> str:
        return f"{self.filepath}: {self.column}: {self.reason}"


class MetadataError(Exception):
    """Rows broke TDR's rules; nothing was written."""

    def __init__(self, problems: Sequence[RowProblem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems[:5]))


def _d(value: date | None) -> str:
    return value.isoformat() if value else ""


def _yn(value: bool) -> str:
    return "Yes" if value else "No"


def to_cells(row: MetadataRow) -> dict[str, str]:
    """The row as TDR CSV text keyed by header: dates YYYY-MM-DD, Yes/No, `;`-lists."""
    by_key = {
        "file_path": row.filepath,
        "file_name": row.filename,
        "date_last_modified": _d(row.date_last_modified),
        "end_date": _d(row.date_of_record),
        "description": row.description,
        "former_reference_department": row.former_reference,
        "closure_type": row.closure_status,
        "closure_start_date": _d(row.closure_start_date),
        "closure_period": ";".join(str(p) for p in row.closure_periods),
        "foi_exemption_code": ";".join(row.foi_codes),
        "foi_exemption_asserted": _d(row.foi_schedule_date),
        "title_closed": _yn(row.title_closed),
        "title_alternate": row.title_alternate,
        "description_closed": _yn(row.description_closed),
        "description_alternate": row.description_alternate,
        "language": ";".join(row.languages),
        "file_name_translation": row.translated_filename,
        "rights_copyright": ";".join(row.copyright),
        "copyright_details": row.copyright_details,
        "related_material": row.related_material,
        "restrictions_on_use": row.restrictions_on_use,
        "evidence_provided_by": row.evidence_provided_by,
        "note": row.note,
    }
    return {header: by_key[key] for key, header in tna_schema.tdr_columns()}


def _convert(key: str, text: str) -> Any:
    """One CSV cell to the JSON value TDR validates (empty -> null, as TDR does)."""
    if text == "":
        return None
    prop = tna_schema.base_property(key)
    kind = prop.get("type")
    kind = kind[0] if isinstance(kind, list) else kind
    if kind == "boolean":
        return {"Yes": True, "No": False}.get(text, text)
    if kind == "integer":
        return int(text) if text.strip().isdigit() else text
    if kind == "array":
        item_kind = prop.get("items", {}).get("type")
        parts = text.split(";")
        if item_kind == "integer":
            return [int(p) if p.isdigit() else p for p in parts]
        return parts
    return text


def to_instance(cells: dict[str, str]) -> dict[str, Any]:
    """CSV cells (by header) -> the JSON object TNA's schemas describe (by schema key)."""
    return {key: _convert(key, cells.get(header, "")) for key, header in tna_schema.tdr_columns()}


def _header_of(key: str) -> str:
    return dict(tna_schema.tdr_columns()).get(key, key)


def _schema_reason(process: str, key: str, keyword: str, fmt: str | None) -> str:
    msgs = tna_schema.messages()
    for candidate in (
        f"{process}.{key}.{keyword}.{fmt}" if fmt else None,
        f"{process}.{key}.{keyword}",
        f"SCHEMA_BASE.{key}.{keyword}",
    ):
        if candidate and candidate in msgs:
            return msgs[candidate]
    # No TNA wording for this rule: name the rule, never the value (it may be personal data).
    return f"breaks TNA rule '{keyword}' ({process})"


def _row_rules(inst: dict[str, Any]) -> list[tuple[str, str]]:
    """TNA's row-wide checks that are not expressible in the schema files."""
    msgs = tna_schema.messages()
    out: list[tuple[str, str]] = []
    start, asserted = inst.get("closure_start_date"), inst.get("foi_exemption_asserted")
    if inst.get("closure_type") == CLOSED:
        codes, periods = inst.get("foi_exemption_code"), inst.get("closure_period")
        if isinstance(codes, list) and isinstance(periods, list) and len(codes) != len(periods):
            reason = msgs["SCHEMA_CLOSURE_CLOSED.closureCodeAndPeriodMismatch"]
            out.append(("closure_period", reason))
        if isinstance(asserted, str) and asserted < SCHEDULE_DATE_FLOOR.isoformat():
            out.append(
                ("foi_exemption_asserted", msgs["SCHEMA_CLOSURE_CLOSED.exemptionDateBefore2000"])
            )
        if isinstance(asserted, str) and asserted == start:
            key = "SCHEMA_CLOSURE_CLOSED.exemptionDateAndClosureStartDateSame"
            out.append(("foi_exemption_asserted", msgs[key]))
    if isinstance(start, str) and start != LEGACY_START:
        anchor = inst.get("end_date") or inst.get("date_last_modified")
        if isinstance(anchor, str) and start not in (anchor, f"{anchor[:4]}-12-31"):
            key = "SCHEMA_BASE.closure_start_date.matchEndDateOrDateLastModified"
            out.append(("closure_start_date", msgs[key]))
    return out


def validate_cells(cells: dict[str, str]) -> list[RowProblem]:
    """Every TDR rule one CSV row breaks, each with its column and TNA's own message."""
    inst = to_instance(cells)
    path = cells.get(_header_of("file_path"), "") or "(no filepath)"
    found: list[tuple[str, str]] = []
    for process, validator in tna_schema.validators():
        for err in validator.iter_errors(inst):
            key = str(err.absolute_path[0]) if err.absolute_path else ""
            if err.validator == "required" and not key:
                missing = [k for k in err.validator_value if k not in inst]
                key = missing[0] if missing else ""
            fmt = err.validator_value if err.validator == "format" else None
            found.append((key, _schema_reason(process, key, str(err.validator), fmt)))
    found.extend(_row_rules(inst))
    problems: list[RowProblem] = []
    for key, reason in found:
        problem = RowProblem(path, _header_of(key) if key else "(row)", reason)
        if problem not in problems:
            problems.append(problem)
    return problems


def validate_rows(rows: Iterable[MetadataRow]) -> list[RowProblem]:
    """Problems of all rows, plus duplicate file paths (TNA's ROW_VALIDATION.duplicate)."""
    problems: list[RowProblem] = []
    seen: set[str] = set()
    for row in rows:
        problems.extend(validate_cells(to_cells(row)))
        if row.filepath in seen:
            dup = tna_schema.messages()["ROW_VALIDATION.duplicate"]
            problems.append(RowProblem(row.filepath, _header_of("file_path"), dup))
        seen.add(row.filepath)
    return problems


def render_csv(rows: Sequence[MetadataRow]) -> bytes:
    """The CSV bytes (UTF-8, TNA's headers) after every row passed validation."""
    problems = validate_rows(rows)
    if problems:
        raise MetadataError(problems)
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=list(tna_schema.tdr_headers()), lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(to_cells(row))
    return buf.getvalue().encode("utf-8")


def count_formula_cells(data: bytes) -> int:
    """Cells of a bag CSV (header row aside) that a spreadsheet would take for a formula
    (`= + - @`, tab, CR). The bag keeps TDR's exact values, so these are counted, not changed."""
    rows = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    next(rows, None)
    return sum(1 for row in rows for cell in row if formula_like(cell))


def write_metadata_csv(path: Path, rows: Sequence[MetadataRow]) -> None:
    """Validate, then write `metadata.csv` readable by the owner only (it may hold names)."""
    data = render_csv(rows)
    path.write_bytes(data)
    path.chmod(0o600)
