"""`in_order`: results in order, and with `queue_first` a worker busy from the start."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

import pytest

from reviewer.spawning import in_order
from tests.spawning import tasks


def _run(tmp_path: Path, queue_first: bool) -> tuple[list[tuple[int, int, bool]], bool]:
    marker = tmp_path / "task1.txt"
    seen_during_task0: list[bool] = []

    def here(i: int) -> int:
        if i == 0:  # this process stays in task 0 until a worker has done task 1 (or 60 s)
            deadline = time.monotonic() + (60 if queue_first else 3)
            while not marker.exists() and time.monotonic() < deadline:
                time.sleep(0.05)
            seen_during_task0.append(marker.exists())
        return i

    results = list(
        in_order(
            lambda i: i < 4,
            here,
            lambda i: (tasks.mark, (str(marker), i)) if i == 1 else (tasks.echo, (i,)),
            workers=1,
            initializer=tasks.nothing,
            ready=tasks.ready,
            queue_first=queue_first,
        )
    )
    return results, seen_during_task0[0]


def test_queue_first_gives_the_worker_task_1_while_this_process_does_task_0(
    tmp_path: Path,
) -> None:
    results, worker_ran_meanwhile = _run(tmp_path, queue_first=True)
    assert [(i, r) for i, r, _ in results] == [(0, 0), (1, 1), (2, 2), (3, 3)]
    assert worker_ran_meanwhile
    assert results[1][2] is True  # done by the worker
    assert multiprocessing.active_children() == []


@pytest.mark.timeout(120)
def test_without_it_no_task_leaves_before_this_process_looks_again(tmp_path: Path) -> None:
    results, worker_ran_meanwhile = _run(tmp_path, queue_first=False)
    assert [(i, r) for i, r, _ in results] == [(0, 0), (1, 1), (2, 2), (3, 3)]
    assert not worker_ran_meanwhile
