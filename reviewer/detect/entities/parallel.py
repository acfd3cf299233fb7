"""Detection results in scan order, from this process and `jobs - 1` spawned workers.

Ingest's scheme (`reviewer.spawning.in_order`): workers get tasks once one of them has loaded
spaCy; until then, and whenever the task to write next is not back yet, this process detects
a later task itself rather than wait. Tasks stay queued on the workers while this process
reads the next window of records and writes results, so the workers do not idle on the writer.
"""

from __future__ import annotations

from collections.abc import Iterator

from reviewer import spawning
from reviewer.detect.entities import worker
from reviewer.detect.entities.feed import Feed, Task
from reviewer.detect.entities.worker import SpanTuple

Found = list[list[SpanTuple]]
# Fewer detection tasks than this are done here: a worker needs 1.5 s to load spaCy (~5 s
# where Python may not cache compiled modules), in which this process detects several itself.
MIN_TASKS_FOR_WORKERS = 6


def _here(task: Task) -> Found | None:
    """Detect in this process (the pipeline loads here on first use); known spans need none."""
    return worker.detect_batch(task.texts) if task.detect else None


def _enough_work(feed: Feed, min_tasks: int) -> bool:
    """Read windows until `min_tasks` detection tasks are known, or the records run out."""
    while feed.detect_tasks() < min_tasks and not feed.exhausted():
        feed.has(len(feed.tasks))
    return feed.detect_tasks() >= min_tasks


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
    results = spawning.in_order(
        feed.has,
        lambda i: _here(feed.tasks[i]),
        lambda i: (worker.detect_batch, (feed.tasks[i].texts,)) if feed.tasks[i].detect else None,
        workers=workers,
        initializer=worker.warm_up,
        ready=worker.worker_ready,
    )
    for index, found, by_worker in results:
        yield feed.tasks[index], found, by_worker
