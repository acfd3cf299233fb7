"""A terminal progress bar that implements the `Progress` protocol; Ctrl-C asks work to stop."""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class BarProgress:
    """Feeds a rich progress bar on stderr; the first Ctrl-C cancels, a second one kills."""

    def __init__(self, bar: Progress, task: TaskID) -> None:
        self._bar = bar
        self._task = task
        self.cancelled = False

    def set_progress(self, done: int, total: int | None, message: str = "") -> None:
        self._bar.update(self._task, completed=done, total=total, description=message or "working")

    def is_cancelled(self) -> bool:
        return self.cancelled


@contextmanager
def progress_bar(description: str) -> Iterator[BarProgress]:
    """Show a bar while the block runs (hidden when stderr is not a terminal)."""
    console = Console(file=sys.stderr)
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    task = bar.add_task(description, total=None)
    reporter = BarProgress(bar, task)
    previous = signal.getsignal(signal.SIGINT)

    def on_interrupt(_sig: int, _frame: FrameType | None) -> None:
        if reporter.cancelled:
            raise KeyboardInterrupt
        reporter.cancelled = True
        console.print("[yellow]Stopping after the current file; Ctrl-C again to kill.[/]")

    signal.signal(signal.SIGINT, on_interrupt)
    try:
        with bar:
            yield reporter
    finally:
        signal.signal(signal.SIGINT, previous)
