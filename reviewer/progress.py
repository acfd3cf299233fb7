"""The small, Qt-free protocol long work reports through, so CLI and GUI can drive the same code.

Long functions in `reviewer/` take a `progress: Progress` argument, call `set_progress` as they go
and check `is_cancelled` between units of work, raising `Cancelled` to stop cleanly.
"""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):
    """Raised by long work when the user asked it to stop; what was committed stays."""


class Progress(Protocol):
    """What a caller (CLI bar, Qt worker, test) gives long work to report to and cancel it by."""

    def set_progress(self, done: int, total: int | None, message: str = "") -> None:
        """`done` of `total` units (None while unknown); `message` never holds personal data."""

    def is_cancelled(self) -> bool:
        """True once the user has asked the work to stop."""


class NullProgress:
    """Reports nowhere and never cancels."""

    def set_progress(self, done: int, total: int | None, message: str = "") -> None:
        return None

    def is_cancelled(self) -> bool:
        return False


class RecordingProgress:
    """Keeps every report and can cancel after a number of reports; for tests and scripts."""

    def __init__(self, cancel_after: int | None = None) -> None:
        self.reports: list[tuple[int, int | None, str]] = []
        self.cancel_after = cancel_after

    def set_progress(self, done: int, total: int | None, message: str = "") -> None:
        self.reports.append((done, total, message))

    def is_cancelled(self) -> bool:
        return self.cancel_after is not None and len(self.reports) >= self.cancel_after


def check_cancel(progress: Progress) -> None:
    """Raise `Cancelled` if the user asked to stop."""
    if progress.is_cancelled():
        raise Cancelled()
