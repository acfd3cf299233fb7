"""Worker processes, started the same way everywhere, and results from them in order.

Ingest and scan share one scheme (`in_order`): tasks go to spawned workers once one of them
has started; until then, and whenever the result due next is not back, the calling process
does a later task itself rather than wait, so `--jobs 2` starts one worker, not two, and a
small job never waits for start-up.
"""

from __future__ import annotations

import ctypes
import functools
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import time
import types
from collections.abc import Callable, Iterator
from concurrent.futures import Future, InvalidStateError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from multiprocessing.context import SpawnContext
from multiprocessing.process import BaseProcess
from types import TracebackType
from typing import Any, TypeVar

R = TypeVar("R")
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
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


def exit_when_ready(sentinel: Any, end: Callable[[int], object] = os._exit) -> None:
    """Wait until `sentinel` (a parent's, see `die_with_parent`) is ready, then `end(1)`."""
    multiprocessing.connection.wait([sentinel])
    end(1)


def die_with_parent(parent: int) -> None:
    """Make this (worker) process end when its parent does, however the parent ends.

    A parent killed outright (kill -9, out of memory, a crash) runs none of `stop`, and its
    workers would read on, and keep Python's resource tracker alive, for as long as their
    queue lasts. On Linux the kernel sends SIGKILL the moment the parent goes
    (prctl PR_SET_PDEATHSIG); on every system a thread waits on the parent's sentinel (on
    Windows the parent's process handle), and on POSIX another notices within half a second
    that the parent's id has changed. All are cheap; a worker holds nothing worth saving.
    """
    if sys.platform.startswith("linux"):
        with suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent went before (or while) this process started
        os._exit(1)
    # Everywhere, Windows included: multiprocessing hands a spawned child its parent's
    # sentinel (a pipe on POSIX, the parent's process handle on Windows), ready once the
    # parent has ended, however it ended.
    ours = multiprocessing.parent_process()
    if ours is not None and ours.sentinel is not None:
        threading.Thread(
            target=exit_when_ready, args=(ours.sentinel,), name="parent-sentinel", daemon=True
        ).start()

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    if os.name == "nt":  # pragma: no cover - Windows: a parent's id never changes there
        return
    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def start_worker(initializer: Callable[[], None] | None, parent: int) -> None:
    """What every worker runs first: tie its life to `parent`'s (the process that started
    it, by id: once orphaned, `os.getppid` names the new parent), then warm up."""
    die_with_parent(parent)
    if initializer is not None:
        initializer()


class Workers:
    """Spawned worker processes (a `ProcessPoolExecutor`) that never leave a future unfinished
    or a process running after `stop`.

    Python 3.11's pool marks itself broken, when a worker dies, without the lock `submit`
    holds. A task submitted at that moment can drop out of its books (the future is never
    done, so a caller waiting on it hangs), a worker started for it is never stopped (so the
    program hangs at exit, joining it), and the pool's manager thread can die of "dictionary
    changed size during iteration". So every future is also kept here, and once the manager
    thread has ended (nothing can finish a future after that) those still pending end with
    `BrokenProcessPool`; `stop` terminates every process the pool ever started.
    """

    def __init__(self, workers: int, initializer: Callable[[], None] | None = None) -> None:
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=spawn_context(),
            initializer=functools.partial(start_worker, initializer, os.getpid()),
        )
        # The pool's own dict, which keeps every process it starts (it is dropped by shutdown).
        self._processes: dict[int, BaseProcess] = self.pool._processes  # type: ignore[assignment]
        self._pending: set[Future[Any]] = set()
        self._lock = threading.RLock()  # a future's done callback may run in `_watch`
        self._manager: threading.Thread | None = None
        self._ended = False

    def submit(self, fn: Callable[..., R], *args: Any) -> Future[R]:
        """`pool.submit` (which raises `BrokenProcessPool` once the pool is broken)."""
        with plain_main():
            future = self.pool.submit(fn, *args)
        with self._lock:
            if self._ended:  # the manager thread ended between our submit and now
                _break(future)
            else:
                self._pending.add(future)
                future.add_done_callback(self._forget)
        if self._manager is None:
            self._manager = getattr(self.pool, "_executor_manager_thread", None)
            if self._manager is not None:
                threading.Thread(target=self._watch, name="pool-watch", daemon=True).start()
        return future

    def _watch(self) -> None:
        assert self._manager is not None
        self._manager.join()
        with self._lock:
            self._ended = True
            for future in list(self._pending):
                _break(future)
            self._pending.clear()

    def _forget(self, future: Future[Any]) -> None:
        with self._lock:
            self._pending.discard(future)

    def stop(self) -> None:
        """Shut down now: cancel what has not started, terminate every worker. Workers only
        compute; they hold nothing to lose, and a worker still starting must not hold up a
        finished or cancelled job, nor outlive it."""
        self.pool.shutdown(wait=False, cancel_futures=True)
        processes = list(self._processes.values())
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=10)
        if self._manager is not None:
            self._manager.join(timeout=10)

    def __enter__(self) -> Workers:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()


def _break(future: Future[Any]) -> None:
    with suppress(InvalidStateError):  # finished meanwhile
        future.set_exception(BrokenProcessPool("a worker process died"))


def in_order(
    has: Callable[[int], bool],
    here: Callable[[int], R],
    remote: Callable[[int], tuple[Callable[..., R], tuple[Any, ...]] | None],
    *,
    workers: int,
    initializer: Callable[[], None],
    ready: Callable[[], bool],
    queue_first: bool = False,
) -> Iterator[tuple[int, R, bool]]:
    """`(index, result, done by a worker)` for tasks 0, 1, 2… while `has(index)`, in order.

    `here(i)` does task i in this process; `remote(i)` is the (function, arguments) a worker
    runs for it, or None when it needs no worker. `ready` is a task that returns once a worker
    has run `initializer`. At the end this process takes back a task no worker has started
    rather than wait for it; if the pool breaks (a worker killed), the rest is done here.

    With `queue_first`, task 1 is queued behind `ready` at once, so the first worker starts on
    it the moment it is warm instead of idling until this process has done task 0 and looked
    again. Only for callers whose workers start in well under the time this process takes for
    the tasks it can do meanwhile (ingest: 0.3-0.5 s against three batches or more); this
    process may wait for that one task if its worker is slow to start.
    """
    pool = Workers(workers, initializer)
    futures: dict[int, Future[R]] = {}
    done: dict[int, tuple[R, bool]] = {}
    taken, broken = 0, False  # tasks handed out so far, to the pool or done here
    try:
        started = pool.submit(ready)
        if queue_first and has(1) and (call := remote(1)) is not None:
            futures[1] = pool.submit(call[0], *call[1])
            taken = 2  # task 0 is done here first, next
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
        pool.stop()


def _take_back(futures: dict[int, Future[Any]]) -> int | None:
    """The last task handed out, if no worker has started it (it is cancelled); else None."""
    last = max(futures)
    return last if futures[last].cancel() else None
