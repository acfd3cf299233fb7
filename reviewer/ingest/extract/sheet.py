"""XLSX text: one page per sheet, a `Sheet: NAME` line then tab-separated rows of values."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from reviewer.ingest.extract.common import corrupt, error, failed
from reviewer.ingest.extract.limits import Limits
from reviewer.ingest.extract.zipguard import package_problem
from reviewer.ingest.types import EMPTY, OK, TOO_LARGE, Extraction, PageText

WHAT = "Excel workbook"


def cell_text(value: Any) -> str:
    """A cell as a reviewer reads it: whole numbers without `.0`, dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _sheet_text(sheet: Any) -> str:
    lines = [f"Sheet: {sheet.title}"]
    for row in sheet.iter_rows(values_only=True):
        cells = [cell_text(v) for v in row]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            lines.append("\t".join(c.replace("\t", " ") for c in cells))
    return "\n".join(lines)


def extract_xlsx(data: bytes, limits: Limits) -> Extraction:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            problem = package_problem(archive, limits)
    except Exception:
        return corrupt(WHAT)
    if problem:
        return failed(TOO_LARGE, problem)
    try:
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        return corrupt(WHAT)
    try:
        pages = tuple(PageText(_sheet_text(sheet)) for sheet in book.worksheets)
    except (KeyError, ValueError, zipfile.BadZipFile, EOFError, TypeError):
        return corrupt(WHAT)
    except Exception as exc:
        return error(exc, WHAT)
    finally:
        book.close()
    has_values = any("\n" in page.text for page in pages)
    return Extraction(
        status=OK if has_values else EMPTY,
        message="" if has_values else "workbook has no cell values",
        pages=pages,
        page_count=len(pages),
        paged=False,
    )
