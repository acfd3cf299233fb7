"""The redaction verification report that rides in the bag, and reading it back.

A reviewer (or the receiving archive) should be able to see, without the workstation, how each
redacted copy was checked: how many words were compared and kept in place, how many redacted,
which places were searched for the redacted strings. The report is a tag file in the bag root
(covered by the tag manifest); it names copies by their bag path, which never holds a closed
title, and holds no redacted text.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from reviewer.export.verify_copy import VerificationReport

REPORT_NAME = "redaction-verification.txt"


class _HasReport(Protocol):
    @property
    def report(self) -> VerificationReport: ...


class NoReport(Exception):
    """The folder is not a bag with a verification report."""


def render_reports(reports: Sequence[tuple[str, _HasReport]]) -> bytes:
    """The report file: one section per redacted copy, by its path under `data/`."""
    passed = sum(1 for _, r in reports if r.report.ok)
    lines = [
        "Redaction verification",
        f"{len(reports)} redacted cop{'y' if len(reports) == 1 else 'ies'}, {passed} passed.",
        "Each copy was compared with its original word by word (every word outside the",
        "redactions at the same place, no box over a kept word) and searched for every redacted",
        "string, ignoring case, spacing and punctuation.",
        "",
    ]
    for path, result in reports:
        report = result.report
        body = report.as_text().splitlines()
        lines.append(f"data/{path}: {'passed' if report.ok else 'FAILED'}")
        lines.extend(body[1:])
        lines.append("")
    return "\n".join(lines).encode("utf-8")


def read_report(bag: Path) -> str:
    """The report text of the bag at `bag` (its root folder)."""
    path = bag / REPORT_NAME
    if not (bag / "bagit.txt").is_file():
        raise NoReport(f"{bag.name or bag} is not a bag (no bagit.txt)")
    if not path.is_file():
        raise NoReport("this bag has no redacted copies, so no verification report")
    return path.read_text("utf-8")
