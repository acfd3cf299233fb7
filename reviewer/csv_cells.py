"""CSV cells a spreadsheet will not run, that still read back exactly.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is taken as a formula
by Excel and LibreOffice (OWASP "CSV injection"): a file named `=HYPERLINK(...)` could run
when a reviewer opens an export. User-facing exports prefix such a cell with a single quote,
as OWASP recommends; `restore` removes exactly that quote again on import, so every value
round-trips. A value that already starts with quotes before a trigger gets one more, so the
mapping is one to one. (The bag's `metadata.csv` is TDR's and keeps exact values.)
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from typing import TextIO

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _armed(value: str) -> bool:
    return value.lstrip("'").startswith(TRIGGERS)


def neutralise(value: str) -> str:
    """The cell as written to a user-facing CSV."""
    return f"'{value}" if _armed(value) else value


def restore(value: str) -> str:
    """The value `neutralise` was given, from the cell it wrote."""
    return value[1:] if value.startswith("'") and _armed(value[1:]) else value


def formula_like(value: str) -> bool:
    """A value a spreadsheet would take for a formula (for warnings where it must stay)."""
    return value.startswith(TRIGGERS)


def write_rows(
    out: TextIO,
    fieldnames: Sequence[str],
    rows: Iterable[Mapping[str, object]],
    *,
    header: bool = True,
    lineterminator: str = "\n",
) -> None:
    """Rows as CSV, every cell neutralised; a row with a carriage return in a cell is fully
    quoted (the csv module leaves a lone CR unquoted when lines end in LF, which splits the
    row for every reader)."""
    plain = csv.DictWriter(out, fieldnames=fieldnames, lineterminator=lineterminator)
    quoted = csv.DictWriter(
        out, fieldnames=fieldnames, lineterminator=lineterminator, quoting=csv.QUOTE_ALL
    )
    if header:
        plain.writeheader()
    for row in rows:
        cells = {k: neutralise("" if v is None else str(v)) for k, v in row.items()}
        (quoted if any("\r" in c for c in cells.values()) else plain).writerow(cells)
