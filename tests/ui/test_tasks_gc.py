"""The garbage collector never runs on a task's thread (freeing Qt objects there crashes Qt)."""

from __future__ import annotations

import gc
import threading
from typing import Any


def test_collection_is_paused_while_any_task_runs(qtbot: Any) -> None:
    from ui.tasks import TaskManager

    first, second = TaskManager(), TaskManager()
    release = threading.Event()
    seen: list[bool] = []

    def work(_progress: Any) -> None:
        seen.append(gc.isenabled())
        release.wait(10)

    assert gc.isenabled()
    one = first.run(work, name="one")
    two = second.run(work, name="two")
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert seen == [False, False]
    with qtbot.waitSignal(one.signals.ended, timeout=5000):
        release.set()
    qtbot.waitUntil(lambda: first.active_count() == 0 and second.active_count() == 0, timeout=5000)
    assert gc.isenabled()  # both managers' tasks ended: collection is back, on the GUI thread
    assert two.signals is not None
    for manager in (first, second):
        manager.shutdown()


def test_a_shutdown_with_undelivered_ends_does_not_leave_collection_paused(qtbot: Any) -> None:
    from ui.tasks import TaskManager

    manager = TaskManager()
    manager.run(lambda _p: None, name="quick")
    assert not gc.isenabled()
    assert manager.shutdown()  # the task's end is never delivered to the GUI thread here
    assert gc.isenabled()
