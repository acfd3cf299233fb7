"""Written justifications of closure periods outside the usual ones, as a tag file of the bag.

TDR's `metadata.csv` has a fixed set of columns and none for a justification (its `note` is
published with the record's description on Discovery, which is no place for "the youngest person
named was 9"). TNA reads closure justifications with the closure schedule the Advisory Council
approves, so the bag carries them beside `metadata.csv` as `closure-justifications.csv`: one row
per closed record that has one, keyed by the same `filepath` as its `metadata.csv` row, listed
and checksummed in `tagmanifest-sha256.txt` like the other tag files. Values are exact, as in
`metadata.csv` (the file is for the archive, not a spreadsheet), so a row joins its record.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from reviewer.export.metadata import CLOSED
from reviewer.export.rows import Placement

JUSTIFICATIONS_NAME = "closure-justifications.csv"
JUSTIFICATION_HEADERS = (
    "filepath",
    "foi exemption code",
    "closure period",
    "closure start date",
    "closure period justification",
)


def justification_rows(placements: Sequence[Placement]) -> list[tuple[str, str, str, str, str]]:
    """(filepath, codes, periods, start date, justification) of each closed original whose
    decision carries a written justification, in bag order (lists `;`-separated as in TDR)."""
    out = []
    for placement in placements:
        view = placement.item.decision
        why = (view.period_justification or "").strip()
        if not why or view.closure_status != CLOSED:
            continue
        start = view.closure_start_date.isoformat() if view.closure_start_date else ""
        out.append(
            (
                placement.path,
                ";".join(c for c, _ in view.exemptions),
                ";".join(str(p) for _, p in view.exemptions),
                start,
                why,
            )
        )
    return out


def render_justifications(rows: Sequence[tuple[str, str, str, str, str]]) -> bytes | None:
    """The tag file's bytes from `justification_rows` (UTF-8 CSV, CRLF like TDR's), or None
    when no record needs one."""
    if not rows:
        return None
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(JUSTIFICATION_HEADERS)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")
