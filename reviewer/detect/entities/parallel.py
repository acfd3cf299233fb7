"""Detection results in scan order, from this process and `jobs - 1` spawned workers.

The scheme of `reviewer.ingest.pipeline._results`: workers get tasks once one of them has
loaded spaCy; until then, and whenever the task to write next is not back yet, this process
detects a later task itself rather than wait. So `--jobs 2` starts one worker, not two, and a
scan never waits for start-up. Tasks stay queued on the workers while this process reads the
next window of records and writes results, so the workers do not idle on the writer.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from reviewer.detect.entities import worker
from reviewer.detect.entities.feed import Feed, Task
from reviewer.detect.entities.worker import SpanTuple
from reviewer.spawning import plain_main, spawn_context

Found = list[list[SpanTuple]]
# Tasks queued per worker: enough to cover this process reading a window and writing a task.
WINDOW = 3
# Fewer detection tasks than this are done here: a worker needs ~5 s to load spaCy, in which
# this process detects about as many tasks itself.
MIN_TASKS_FOR_WORKERS = 6


def _here(task: Task) -> Found | None:
    """Detect in this process (the pipeline loads here on first use); known spans need none."""
    return worker.detect_batch(task.texts) if task.detect else None


def _enough_work(feed: Feed, min_tasks: int) -> bool:
    """Read windows until `min_tasks` detection tasks are known, or the records run out."""
    while feed.detect_tasks() < min_tasks and not feed.exhausted():
        feed.has(len(feed.tasks))
    return feed.detect_tasks() >= min_tasks


def _stop(pool: ProcessPoolExecutor) -> None:
    """Shut the pool down now: a worker still loading spaCy must not hold up a finished or
    cancelled scan, nor outlive it (workers only detect; they hold nothing to lose)."""
    processes = list((pool._processes or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=10)


def in_order(
    feed: Feed, jobs: int, min_tasks: int = MIN_TASKS_FOR_WORKERS
) -> Iterator[tuple[Task, Found | None, bool]]:
    """`(task, spans per record or None when known, detected by a worker)` in task order."""
    workers = jobs - 1  # this process detects too
    if workers < 1 or not _enough_work(feed, min_tasks):
        index = 0
        while feed.has(index):
            yield feed.tasks[index], _here(feed.tasks[index]), False
            index += 1
        return
    context = spawn_context()
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=worker.warm_up)
    futures: dict[int, Future[Found]] = {}
    ready: dict[int, tuple[Found | None, bool]] = {}
    taken, broken = 0, False  # tasks handed out so far (to the pool or done here)
    try:
        with plain_main():
            started = pool.submit(worker.worker_ready)  # done once a worker has loaded spaCy
        index = 0
        while feed.has(index):
            while index not in ready:
                if not broken and started.done():
                    broken = started.exception() is not None
                    while not broken and len(futures) < workers * WINDOW and feed.has(taken):
                        task = feed.tasks[taken]
                        if task.detect:
                            try:
                                with plain_main():
                                    futures[taken] = pool.submit(worker.detect_batch, task.texts)
                            except BrokenProcessPool:
                                broken = True
                                break
                        else:
                            ready[taken] = (None, False)
                        taken += 1
                head = futures.get(index)
                if head is None:  # not handed to a worker: detect it here
                    ready[index] = (_here(feed.tasks[index]), False)
                    taken = max(taken, index + 1)
                elif head.done() or not feed.has(taken):
                    del futures[index]
                    try:
                        ready[index] = (head.result(), True)
                    except BrokenProcessPool:  # a worker died (killed, out of memory)
                        broken = True
                        ready[index] = (_here(feed.tasks[index]), False)
                else:  # the task to write next is not back: detect a later one meanwhile
                    ready[taken] = (_here(feed.tasks[taken]), False)
                    taken += 1
            found, by_worker = ready.pop(index)
            yield feed.tasks[index], found, by_worker
            index += 1
    finally:
        _stop(pool)
