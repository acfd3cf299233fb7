"""Scanning records of the store: cache by text hash, a process pool for `--jobs`, one writer.

Workers only detect; the calling process writes every result, a batch per transaction, so a
cancelled scan keeps what it committed and the store never has two writers.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from models import Store
from models.base import utcnow
from models.entities import DetectedEntity, RecordScan, ScanCache
from models.records import Collection, Record
from reviewer.detect.entities.corrections import apply_deny_terms, deny_terms
from reviewer.detect.entities.records import joined_text, load_pages
from reviewer.detect.entities.worker import SpanTuple, detect_batch, warm_up
from reviewer.detect.pipeline import normalise, pipeline_version
from reviewer.detect.positions import locate_all
from reviewer.detect.span import Span
from reviewer.ingest.types import OK, PageText
from reviewer.progress import Cancelled, NullProgress, Progress

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


@dataclass
class _Item:
    record_id: int
    collection_id: int
    text: str
    sha: str
    pages: list[PageText]


def _batches(items: list[_Item]) -> list[list[_Item]]:
    """Detection tasks of up to BATCH records and about TASK_CHARS characters each."""
    out: list[list[_Item]] = []
    current: list[_Item] = []
    size = 0
    for item in items:
        if current and (len(current) >= BATCH or size + len(item.text) > TASK_CHARS):
            out.append(current)
            current, size = [], 0
        current.append(item)
        size += len(item.text)
    if current:
        out.append(current)
    return out


def _windows(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for i in range(0, len(ids), WINDOW):
        yield ids[i : i + WINDOW]


def _load(
    session: Session, ids: Sequence[int], version: str, force: bool, summary: ScanSummary
) -> tuple[list[_Item], dict[int, list[SpanTuple]]]:
    """Items needing detection, and cached results by record id, for one window of records."""
    todo: list[_Item] = []
    cached: dict[int, list[SpanTuple]] = {}
    for record in session.scalars(select(Record).where(Record.id.in_(ids))).all():
        pages = load_pages(session, record.id)
        text = joined_text(pages)
        if record.status != OK or not text.strip():
            summary.skipped += 1
            summary.skipped_ids.append(record.id)
            continue
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        done = session.get(RecordScan, record.id)
        if not force and done and done.text_sha256 == sha and done.pipeline_version == version:
            summary.unchanged += 1
            continue
        item = _Item(record.id, record.collection_id, text, sha, pages)
        hit = session.scalars(
            select(ScanCache).where(
                ScanCache.text_sha256 == sha, ScanCache.pipeline_version == version
            )
        ).first()
        if hit is not None and not force:
            cached[record.id] = [tuple(s) for s in json.loads(hit.spans)]
        todo.append(item)
    return todo, cached


def _write(
    session: Session, item: _Item, spans: list[SpanTuple], version: str, from_cache: bool
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


def scan_records(
    store: Store,
    record_ids: Sequence[int],
    jobs: int = 1,
    progress: Progress | None = None,
    *,
    force: bool = False,
) -> ScanSummary:
    """Detect personal data in these records; unchanged texts are skipped or served from cache."""
    progress = progress or NullProgress()
    summary = ScanSummary()
    started = time.perf_counter()
    version = pipeline_version()
    ids = list(record_ids)
    total = len(ids)
    done = 0
    pool: ProcessPoolExecutor | None = None
    if jobs > 1:
        ctx = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=warm_up)
    try:
        for window in _windows(ids):
            if progress.is_cancelled():
                raise Cancelled()
            with store.session() as session:
                todo, cached = _load(session, window, version, force, summary)
            done += len(window) - len(todo)
            progress.set_progress(done, total, "scanning records")
            for item in [i for i in todo if i.record_id in cached]:
                with store.session() as session:
                    summary.spans += _write(session, item, cached[item.record_id], version, True)
                summary.cached += 1
                done += 1
            fresh = [i for i in todo if i.record_id not in cached]
            batches = _batches(fresh)
            if pool is not None:
                futures: list[Future[list[list[SpanTuple]]]] = [
                    pool.submit(detect_batch, [i.text for i in b]) for b in batches
                ]
                results: Iterator[list[list[SpanTuple]]] = (f.result() for f in futures)
            else:
                results = (detect_batch([i.text for i in b]) for b in batches)
            for batch, found in zip(batches, results, strict=True):
                with store.session() as session:
                    for item, spans in zip(batch, found, strict=True):
                        summary.spans += _write(session, item, spans, version, False)
                summary.scanned += len(batch)
                done += len(batch)
                progress.set_progress(done, total, "scanning records")
                if progress.is_cancelled():
                    raise Cancelled()
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
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
