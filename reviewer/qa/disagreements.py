"""The disagreements CSV: one row per differing field of each second review."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from pathlib import Path

from reviewer.qa.outcomes import ReviewView

HEADERS = (
    "review_id",
    "record_id",
    "path",
    "first_reviewer",
    "checker",
    "field",
    "first",
    "checker_value",
    "outcome",
    "note",
    "submitted_at",
    "outcome_at",
)


def disagreement_rows(reviews: Iterable[ReviewView]) -> list[dict[str, str]]:
    rows = []
    for r in reviews:
        for diff in r.comparison.differences:
            rows.append(
                {
                    "review_id": str(r.id),
                    "record_id": str(r.record_id),
                    "path": r.path,
                    "first_reviewer": r.first_reviewer,
                    "checker": r.checker,
                    "field": diff.label,
                    "first": diff.first,
                    "checker_value": diff.checker,
                    "outcome": r.outcome or "pending",
                    "note": r.note,
                    "submitted_at": r.submitted_at.isoformat() if r.submitted_at else "",
                    "outcome_at": r.outcome_at.isoformat() if r.outcome_at else "",
                }
            )
    return rows


def write_disagreements(reviews: Iterable[ReviewView], path: Path) -> int:
    """Write the CSV (UTF-8, owner-only: paths and notes may name people); returns rows."""
    rows = disagreement_rows(reviews)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=HEADERS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    write_private(path, buf.getvalue().encode("utf-8"))
    return len(rows)


def write_private(path: Path, data: bytes) -> None:
    """Create or replace `path` readable by the owner only."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.chmod(path, 0o600)
