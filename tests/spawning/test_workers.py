"""Worker pools never leave a caller waiting forever nor a process behind them.

Python 3.11's pool can drop a task submitted while it handles a worker's death, and leave a
worker it started then running; CI once hung for 90 minutes at exit on such a process.
"""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import Future, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import pytest

from reviewer.spawning import Workers
from tests.spawning import tasks


def test_results_come_back_and_no_process_outlives_stop() -> None:
    with Workers(2) as workers:
        futures = [workers.submit(tasks.echo, n) for n in range(20)]
        assert [f.result(timeout=60) for f in futures] == list(range(20))
    assert multiprocessing.active_children() == []


def test_stop_ends_a_busy_worker_at_once() -> None:
    workers = Workers(1)
    busy = workers.submit(tasks.sleep_then, 600, 1)
    while not busy.running():
        time.sleep(0.01)
    started = time.monotonic()
    workers.stop()
    assert time.monotonic() - started < 10
    assert multiprocessing.active_children() == []


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_tasks_of_a_pool_whose_manager_thread_died_end_broken() -> None:
    """The race's outcome, made certain: the pool forgets a task, which kills its manager
    thread (in the race it dies of "dictionary changed size during iteration"). No future
    may wait forever, and no worker may outlive `stop`."""
    workers = Workers(1)
    dying = workers.submit(tasks.die_after, 1.0)
    lost = workers.submit(tasks.echo, 7)
    workers.pool._pending_work_items.clear()
    with pytest.raises(BrokenProcessPool):
        dying.result(timeout=60)
    done, _ = wait([lost], timeout=30)
    assert lost in done
    with pytest.raises(BrokenProcessPool):
        lost.result()
    workers.stop()
    assert multiprocessing.active_children() == []


# On a busy machine this hits the race: the pool's thread dies of "dictionary changed size".
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_submitting_while_a_worker_dies_leaves_nothing_pending() -> None:
    """Submit in quick bursts while a worker dies: every future ends, no process is left."""
    for round_ in range(5):
        workers = Workers(2)
        futures: list[Future[Any]] = [workers.submit(tasks.die_after, 0.2 + round_ * 0.03)]
        until = time.monotonic() + 10
        while time.monotonic() < until:
            try:
                futures.append(workers.submit(tasks.echo, 1))
            except BrokenProcessPool:
                break
            if len(futures) % 50 == 0:
                time.sleep(0.001)  # let the workers run
        else:
            pytest.fail("the pool never noticed its worker's death")
        _, pending = wait(futures, timeout=60)
        assert not pending
        workers.stop()
        assert multiprocessing.active_children() == []


def test_a_worker_ends_when_its_parents_sentinel_is_ready() -> None:
    """The way a worker notices its parent has gone on Windows too (where no parent id
    changes and there is no prctl): multiprocessing's sentinel for the parent becomes ready.
    A pipe whose writing end closes stands in for the parent here."""
    import os
    import threading

    from reviewer.spawning import exit_when_ready

    read_end, write_end = os.pipe()
    ended: list[int] = []
    waiter = threading.Thread(target=exit_when_ready, args=(read_end, ended.append), daemon=True)
    waiter.start()
    waiter.join(0.3)
    assert waiter.is_alive() and ended == []  # the parent is still there: keep working
    os.close(write_end)  # the parent ends
    waiter.join(5)
    assert ended == [1]
    os.close(read_end)
