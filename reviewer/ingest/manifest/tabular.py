"""CSV and XLSX manifests: a header row, then one row per file."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time
from pathlib import Path

from reviewer.ingest.manifest.rows import Manifest, ManifestError, rows_from_table

MAX_BYTES = 200 << 20  # a manifest is a table of file descriptions, not a data set


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise ManifestError("cannot tell the text encoding of this CSV") from None
        return str(best)


def read_csv(path: Path) -> Manifest:
    data = _read(path)
    text = _decode(data)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:8192], ",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        headers = next(reader)
        body = [(reader.line_num, row) for row in reader]
    except StopIteration:
        raise ManifestError("the CSV is empty") from None
    except csv.Error as exc:
        raise ManifestError(f"not a readable CSV (line {reader.line_num}: {exc})") from None
    return rows_from_table("csv", headers, body)


def cell_text(value: object) -> str:
    """A cell as the text a user sees: dates ISO (no time at midnight), whole numbers without .0."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_xlsx(path: Path) -> Manifest:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(_read(path)), read_only=True, data_only=True)
    except Exception as exc:
        raise ManifestError(f"not a readable XLSX workbook ({type(exc).__name__})") from None
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        first = next(rows, None)
        if first is None:
            raise ManifestError("the workbook's first sheet is empty")
        headers = [cell_text(v) for v in first]
        while headers and not headers[-1]:
            headers.pop()
        body = []
        for number, values in enumerate(rows, 2):
            cells = [cell_text(v) for v in values]
            extra = cells[len(headers) :]
            cells = cells[: len(headers)] + [c for c in extra if c]
            cells += [""] * (len(headers) - len(cells))
            body.append((number, cells))
    finally:
        book.close()
    return rows_from_table("xlsx", headers, body)


def _read(path: Path) -> bytes:
    with path.open("rb") as handle:  # read-only: the manifest is evidence too
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ManifestError(f"larger than {MAX_BYTES >> 20} MB: not read as a manifest")
    return data
