"""The one place the GUI runs work off its thread: `reviewer.progress.Progress` on a QThreadPool.

Long work stays a plain function `fn(progress) -> result` from `reviewer/`; a task calls it on a
pool thread and reports back through Qt signals, which arrive on the GUI thread. Each function
opens its own store session; only ids and frozen dataclasses cross between threads.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reviewer.progress import Cancelled

log = logging.getLogger(__name__)

# The garbage collector must not run on a pool thread: when it frees a reference cycle that
# holds Qt objects (a closed dialog, an old window's wrappers), their C++ destructors run on
# that thread and Qt crashes (seen once in the test suite: a segfault "Garbage-collecting"
# in a worker). So automatic collection is paused while any task runs, for all task managers
# at once, and resumes when the last ends; until then only cycles wait (plain references are
# still freed at once), and any collection happens on the GUI thread.
_running = 0
_paused_gc = False


def _task_started() -> None:
    global _running, _paused_gc
    _running += 1
    if _running == 1 and gc.isenabled():
        gc.disable()
        _paused_gc = True


def _tasks_ended(count: int = 1) -> None:
    global _running, _paused_gc
    _running = max(0, _running - count)
    if _running == 0 and _paused_gc:
        _paused_gc = False
        gc.enable()


class TaskSignals(QObject):
    """Signals of one task; created on the GUI thread so slots run there."""

    progress = Signal(int, object, str)  # done, total (int or None), message
    finished = Signal(object)  # the function's result
    failed = Signal(str)  # a plain message, never record contents
    cancelled = Signal()
    ended = Signal()  # after any of the three above


class Task(QRunnable):
    """Runs `fn(self)`; `self` is the `Progress` the function reports to and checks."""

    def __init__(self, fn: Callable[[Task], Any], name: str) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.name = name
        self.signals = TaskSignals()
        self._cancel = threading.Event()

    # The Progress protocol, called from the worker thread.
    def set_progress(self, done: int, total: int | None, message: str = "") -> None:
        self.signals.progress.emit(done, total, message)

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the function to stop at its next check; what it committed stays."""
        self._cancel.set()

    def run(self) -> None:
        try:
            result = self.fn(self)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:
            log.exception("task %s failed", self.name)
            self.signals.failed.emit(f"{self.name} failed: {type(exc).__name__}")
        else:
            self.signals.finished.emit(result)
        self.signals.ended.emit()


class TaskManager(QObject):
    """Starts tasks, keeps them alive until their signals are delivered, cancels on close."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._active: list[Task] = []

    def run(
        self,
        fn: Callable[[Task], Any],
        *,
        name: str = "work",
        on_done: Callable[[Any], object] | None = None,
        on_failed: Callable[[str], object] | None = None,
        on_progress: Callable[[int, int | None, str], object] | None = None,
        on_cancelled: Callable[[], object] | None = None,
        on_ended: Callable[[], object] | None = None,
    ) -> Task:
        """Start `fn(progress)` on the pool; callbacks run on the GUI thread.

        Every callback is connected before the task starts: one connected afterwards can miss
        a task that ends at once (a dialog then stayed busy for ever)."""
        task = Task(fn, name)
        if on_done is not None:
            task.signals.finished.connect(on_done)
        if on_failed is not None:
            task.signals.failed.connect(on_failed)
        if on_progress is not None:
            task.signals.progress.connect(on_progress)
        if on_cancelled is not None:
            task.signals.cancelled.connect(on_cancelled)
        if on_ended is not None:
            task.signals.ended.connect(on_ended)
        task.signals.ended.connect(lambda: self._forget(task))
        self._active.append(task)
        _task_started()
        if len(self._active) == 1:
            self.busy_changed.emit(True)
        self.pool.start(task)
        return task

    def _forget(self, task: Task) -> None:
        if task in self._active:
            self._active.remove(task)
            _tasks_ended()
            if not self._active:
                self.busy_changed.emit(False)

    def active_count(self) -> int:
        """Tasks started whose end has not yet been delivered to the GUI thread."""
        return len(self._active)

    def cancel_all(self) -> None:
        for task in list(self._active):
            task.cancel()

    def shutdown(self, msecs: int = 10000) -> bool:
        """Cancel everything and wait for the pool threads; True when all stopped."""
        self.cancel_all()
        done = self.pool.waitForDone(msecs)
        if done and self._active:  # their end will not be delivered now: stop counting them
            _tasks_ended(len(self._active))
            self._active.clear()
        return done
