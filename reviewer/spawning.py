"""Worker processes, started the same way everywhere, and results from them in order.

Ingest and scan share one scheme (`in_order`): tasks go to spawned workers once one of them
has started; until then, and whenever the result due next is not back, the calling process
does a later task itself rather than wait, so `--jobs 2` starts one worker, not two, and a
small job never waits for start-up.
"""

from __future__ import annotations

import multiprocessing
import sys
import types
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing.context import SpawnContext
from typing import Any, TypeVar

R = TypeVar("R")
# Tasks queued per worker: enough to cover the calling process writing a result or two.
WINDOW = 3


def spawn_context() -> SpawnContext:
    """Spawn, never fork: Siegfried's Go runtime deadlocks in a forked child, and a forked GUI
    process would copy Qt's threads' locks."""
    return multiprocessing.get_context("spawn")


def default_jobs() -> int:
    """Processes for work nobody sized (the GUI's ingest and scan, the first-run sample): every
    core, 2 to 4. Small jobs still run in one process (the pipelines decide)."""
    from reviewer.ingest.worker import cpu_count

    return max(2, min(4, cpu_count()))


@contextmanager
def plain_main() -> Iterator[None]:
    """Start worker processes without re-running the program's main module in each.

    A spawned process first imports the parent's `__main__` (for the `reviewer` command: every
    command and the store, about a second); workers need only the module of their task, which
    the first task imports. Processes start inside `submit`, so that is where this goes.
    """
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


def in_order(
    has: Callable[[int], bool],
    here: Callable[[int], R],
    remote: Callable[[int], tuple[Callable[..., R], tuple[Any, ...]] | None],
    *,
    workers: int,
    initializer: Callable[[], None],
    ready: Callable[[], bool],
) -> Iterator[tuple[int, R, bool]]:
    """`(index, result, done by a worker)` for tasks 0, 1, 2… while `has(index)`, in order.

    `here(i)` does task i in this process; `remote(i)` is the (function, arguments) a worker
    runs for it, or None when it needs no worker. `ready` is a task that returns once a worker
    has run `initializer`. At the end this process takes back a task no worker has started
    rather than wait for it; if the pool breaks (a worker killed), the rest is done here.
    """
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=spawn_context(), initializer=initializer
    )
    futures: dict[int, Future[R]] = {}
    done: dict[int, tuple[R, bool]] = {}
    taken, broken = 0, False  # tasks handed out so far, to the pool or done here
    try:
        with plain_main():
            started = pool.submit(ready)
        index = 0
        while has(index):
            while index not in done:
                if not broken and started.done():
                    broken = started.exception() is not None
                    while not broken and len(futures) < workers * WINDOW and has(taken):
                        call = remote(taken)
                        if call is None:
                            done[taken] = (here(taken), False)
                        else:
                            try:
                                with plain_main():
                                    futures[taken] = pool.submit(call[0], *call[1])
                            except BrokenProcessPool:
                                broken = True
                                break
                        taken += 1
                head = futures.get(index)
                if head is None:  # not handed to a worker: do it here
                    done[index] = (here(index), False)
                    taken = max(taken, index + 1)
                elif (
                    not head.done() and not has(taken) and (back := _take_back(futures)) is not None
                ):
                    del futures[back]  # nothing left to hand out: do a queued task here
                    done[back] = (here(back), False)
                elif head.done() or not has(taken):
                    del futures[index]
                    try:
                        done[index] = (head.result(), True)
                    except BrokenProcessPool:  # a worker died (killed, out of memory)
                        broken = True
                        done[index] = (here(index), False)
                else:  # the result due next is not back: do a later task meanwhile
                    done[taken] = (here(taken), False)
                    taken += 1
            result, by_worker = done.pop(index)
            yield index, result, by_worker
            index += 1
    finally:
        _stop(pool)


def _take_back(futures: dict[int, Future[Any]]) -> int | None:
    """The last task handed out, if no worker has started it (it is cancelled); else None."""
    last = max(futures)
    return last if futures[last].cancel() else None


def _stop(pool: ProcessPoolExecutor) -> None:
    """Shut the pool down now: a worker still starting must not hold up a finished or
    cancelled job, nor outlive it (workers only compute; they hold nothing to lose)."""
    processes = list((pool._processes or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=10)
