"""Scanning records of the store: cache by text hash, worker processes for `--jobs`, one writer.

Workers only detect (`parallel.in_order`); the calling process detects too, and writes every
result, a task per transaction, so a cancelled scan keeps what it committed and the store never
has two writers.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from models import Store
from models.base import utcnow
from models.entities import DetectedEntity, RecordScan, ScanCache
from models.records import Collection, Record
from reviewer.detect.entities.corrections import apply_deny_terms, deny_terms
from reviewer.detect.entities.feed import Feed, Item
from reviewer.detect.entities.parallel import MIN_TASKS_FOR_WORKERS, in_order
from reviewer.detect.entities.worker import SpanTuple
from reviewer.detect.pipeline import normalise, pipeline_version
from reviewer.detect.positions import locate_all
from reviewer.detect.span import Span
from reviewer.progress import Cancelled, NullProgress, Progress
from reviewer.spawning import default_jobs  # the GUI's and the sample's scans

__all__ = ["ScanSummary", "default_jobs", "scan_collection", "scan_records"]

WINDOW = 256  # records read from the store at a time
BATCH = 64  # at most this many records per detection task ...
TASK_CHARS = 60_000  # ... and about this many characters (tiny tasks cost more in IPC than NER)


@dataclass
class ScanSummary:
    """What a scan did, counted per record."""

    scanned: int = 0
    cached: int = 0
    unchanged: int = 0
    skipped: int = 0
    spans: int = 0
    seconds: float = 0.0
    by_workers: int = 0  # records detected in worker processes (the rest here or from cache)
    skipped_ids: list[int] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "scanned": self.scanned,
            "cached": self.cached,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "spans": self.spans,
            "seconds": round(self.seconds, 2),
        }


def _write(
    session: Session, item: Item, spans: list[SpanTuple], version: str, from_cache: bool
) -> int:
    """Replace the record's detected spans (manual ones stay) and remember the scan."""
    now = utcnow()
    session.execute(
        delete(DetectedEntity).where(
            DetectedEntity.record_id == item.record_id, DetectedEntity.source.in_(("auto", "deny"))
        )
    )
    located = locate_all(
        [Span(s, e, lab, item.text[s:e], sc, why) for s, e, lab, sc, why in spans], item.pages
    )
    if located:
        # One executemany of plain rows: ORM objects per span cost more than detection on
        # span-dense records, and this process is the only writer.
        session.execute(
            insert(DetectedEntity),
            [
                {
                    "record_id": item.record_id,
                    "start": span.start,
                    "end": span.end,
                    "label": span.label,
                    "text": span.text,
                    "term": normalise(span.text),
                    "page": span.page,
                    "rects": json.dumps([list(r) for r in span.rects]) if span.rects else "[]",
                    "score": span.score,
                    "reason": span.reason,
                    "source": "auto",
                    "pipeline_version": version,
                    "text_sha256": item.sha,
                    "created_at": now,
                }
                for span in located
            ],
        )
    session.flush()
    denied = apply_deny_terms(
        session, item.record_id, item.text, item.pages, deny_terms(session, item.collection_id)
    )
    scan = session.get(RecordScan, item.record_id) or RecordScan(record_id=item.record_id)
    scan.text_sha256, scan.pipeline_version = item.sha, version
    scan.span_count = len(located) + denied
    session.add(scan)
    if not from_cache:
        exists = session.scalars(
            select(ScanCache.id).where(
                ScanCache.text_sha256 == item.sha, ScanCache.pipeline_version == version
            )
        ).first()
        if exists is None:
            session.add(
                ScanCache(text_sha256=item.sha, pipeline_version=version, spans=json.dumps(spans))
            )
    session.flush()
    return len(located) + denied


def _cached_spans(session: Session, sha: str, version: str) -> list[SpanTuple]:
    """Spans the scan cache holds for this text (an earlier record of the scan wrote them)."""
    spans = session.scalars(
        select(ScanCache.spans).where(
            ScanCache.text_sha256 == sha, ScanCache.pipeline_version == version
        )
    ).one()
    return [tuple(s) for s in json.loads(spans)]


def scan_records(
    store: Store,
    record_ids: Sequence[int],
    jobs: int = 1,
    progress: Progress | None = None,
    *,
    force: bool = False,
    min_tasks: int = MIN_TASKS_FOR_WORKERS,
) -> ScanSummary:
    """Detect personal data in these records; unchanged texts are skipped or served from cache.

    With `jobs` > 1, `jobs - 1` worker processes detect alongside this one, but only for at
    least `min_tasks` detection tasks (a small job is done here rather than wait for spaCy
    to load in a worker). Results are written here, one transaction per task, in record order.
    """
    progress = progress or NullProgress()
    summary = ScanSummary()
    started = time.perf_counter()
    version = pipeline_version()
    ids = list(record_ids)
    total = len(ids)
    done = 0

    def settled(count: int) -> None:
        nonlocal done
        done += count
        progress.set_progress(done, total, "scanning records")

    feed = Feed(
        store,
        ids,
        version,
        force=force,
        window=WINDOW,
        batch=BATCH,
        task_chars=TASK_CHARS,
        on_settled=settled,
    )
    try:
        if progress.is_cancelled():
            raise Cancelled()
        for task, found, by_worker in in_order(feed, jobs, min_tasks):
            with store.session() as session:
                for i, item in enumerate(task.items):
                    if found is not None:
                        spans, from_cache = found[i], False
                    elif item.copy:
                        spans, from_cache = _cached_spans(session, item.sha, version), True
                    else:
                        spans, from_cache = item.known or [], True
                    summary.spans += _write(session, item, spans, version, from_cache)
            if found is None:
                summary.cached += len(task.items)
            else:
                summary.scanned += len(task.items)
                summary.by_workers += len(task.items) if by_worker else 0
            settled(len(task.items))
            if progress.is_cancelled():
                raise Cancelled()
    finally:
        summary.unchanged = feed.counts.unchanged
        summary.skipped_ids = feed.counts.skipped_ids
        summary.skipped = len(summary.skipped_ids)
        summary.seconds = time.perf_counter() - started
    return summary


def scan_collection(
    store: Store, name: str, jobs: int = 1, progress: Progress | None = None, *, force: bool = False
) -> ScanSummary:
    """`scan_records` over every record of the named collection."""
    with store.session() as session:
        collection = session.scalars(select(Collection).where(Collection.name == name)).first()
        if collection is None:
            raise LookupError(f"no collection named {name!r}")
        ids = list(
            session.scalars(
                select(Record.id).where(Record.collection_id == collection.id).order_by(Record.id)
            ).all()
        )
    return scan_records(store, ids, jobs, progress, force=force)
