"""`reviewer scan --worker`: take records from the shared queue, scan them, mark them done.

Any number of workers on any number of machines run this against one PostgreSQL store. Each
takes a few records at a time, renews its claims while it scans, and stops once every record is
done. When nothing is left to take but others still hold claims, it waits: if one of them was
killed, its claims expire and this worker scans those records.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from models import Store
from models.records import Collection
from reviewer.detect.entities import scan_records
from reviewer.detect.entities.worker import warm_up
from reviewer.progress import Cancelled, NullProgress, Progress
from reviewer.team.claims import (
    DEFAULT_TTL,
    claim,
    enqueue,
    finish,
    queue_state,
    release,
    renew,
    still_held,
    worker_name,
)

RETRIES = 3  # a batch hitting a unique key another worker just wrote (shared scan cache)


@dataclass
class WorkerSummary:
    """What one worker did."""

    worker: str
    claimed: int = 0
    finished: int = 0
    scanned: int = 0
    cached: int = 0
    unchanged: int = 0
    skipped: int = 0
    spans: int = 0
    taken_over: list[int] = field(default_factory=list)
    seconds: float = 0.0

    def as_json(self) -> dict[str, object]:
        return {
            "worker": self.worker,
            "claimed": self.claimed,
            "finished": self.finished,
            "scanned": self.scanned,
            "cached": self.cached,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "spans": self.spans,
            "taken_over": len(self.taken_over),
            "seconds": round(self.seconds, 2),
        }


class _Renewing:
    """Passes progress on and renews this worker's claims every third of their lifetime."""

    def __init__(self, store: Store, worker: str, ttl: timedelta, outer: Progress) -> None:
        self.store, self.worker, self.ttl, self.outer = store, worker, ttl, outer
        self.last = time.monotonic()

    def set_progress(self, done: int, total: int | None, message: str = "") -> None:
        self.tick()

    def is_cancelled(self) -> bool:
        self.tick()
        return self.outer.is_cancelled()

    def tick(self) -> None:
        if time.monotonic() - self.last >= self.ttl.total_seconds() / 3:
            with self.store.session() as session:
                renew(session, self.worker, self.ttl)
            self.last = time.monotonic()


def _collection_id(store: Store, name: str) -> int:
    with store.session() as session:
        cid = session.scalar(select(Collection.id).where(Collection.name == name))
    if cid is None:
        raise LookupError(f"no collection named {name!r}")
    return int(cid)


def _scan(store: Store, ids: list[int], summary: WorkerSummary, progress: _Renewing) -> None:
    for attempt in range(RETRIES):
        try:
            result = scan_records(store, ids, 1, progress)
        except IntegrityError:
            if attempt == RETRIES - 1:
                raise
            continue  # what was written stays; the retry finds it unchanged or cached
        summary.scanned += result.scanned
        summary.cached += result.cached
        summary.unchanged += result.unchanged
        summary.skipped += result.skipped
        summary.spans += result.spans
        return


def run_worker(
    store: Store,
    collection: str,
    *,
    worker: str | None = None,
    batch: int = 8,
    ttl: timedelta = DEFAULT_TTL,
    poll: float = 1.0,
    progress: Progress | None = None,
) -> WorkerSummary:
    """Scan the collection's records together with other workers until all are done."""
    progress = progress or NullProgress()
    summary = WorkerSummary(worker or worker_name())
    started = time.perf_counter()
    cid = _collection_id(store, collection)
    with store.session() as session:
        enqueue(session, cid)
    warm_up()  # load the model before claiming: its load time must not eat the first claims
    renewing = _Renewing(store, summary.worker, ttl, progress)
    try:
        while True:
            if progress.is_cancelled():
                raise Cancelled()
            with store.session() as session:
                ids = claim(session, cid, summary.worker, batch, ttl)
            if not ids:
                with store.session() as session:
                    state = queue_state(session, cid)
                progress.set_progress(state.done, state.total, "scanning records (shared)")
                if state.waiting == 0 and state.held == 0:
                    break
                time.sleep(poll)  # the rest is held by other workers, unless they died
                continue
            summary.claimed += len(ids)
            _scan(store, ids, summary, renewing)
            with store.session() as session:
                done = finish(session, summary.worker, ids)
            summary.finished += len(done)
            summary.taken_over += sorted(set(ids) - set(done))
    except BaseException:
        with store.session() as session:
            release(session, summary.worker)
        raise
    finally:
        summary.seconds = time.perf_counter() - started
    return summary


__all__ = ["WorkerSummary", "run_worker", "still_held"]
