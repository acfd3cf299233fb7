"""Records to scan, read from the store a window at a time and cut into detection tasks.

Windows are read lazily, so the scan can read the next window while earlier tasks are still
being detected. A text seen earlier in the same scan is not detected again: its copies are
written from the scan cache once the first one is written.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select

from models import Store
from models.entities import RecordScan, ScanCache
from models.records import Record
from reviewer.detect.entities.records import joined_text, load_pages
from reviewer.detect.entities.worker import SpanTuple
from reviewer.ingest.types import OK, PageText
from reviewer.ingest.words import fill_word_boxes, lacking_word_boxes


@dataclass
class Item:
    """One record to write; `known` holds its spans when they need no detection."""

    record_id: int
    collection_id: int
    text: str
    sha: str
    pages: list[PageText]
    known: list[SpanTuple] | None = None
    # Same text as an earlier record of this scan: written from the scan cache, which holds
    # the earlier record's spans by then (tasks are written in order).
    copy: bool = False


@dataclass
class Task:
    """Records written together in one transaction; detected together unless `detect` is off."""

    items: list[Item]
    detect: bool

    @property
    def texts(self) -> list[str]:
        return [item.text for item in self.items]


@dataclass
class Counts:
    """Records settled while reading, before any detection."""

    unchanged: int = 0
    skipped_ids: list[int] = field(default_factory=list)


class Feed:
    """Tasks in scan order; `has(i)` reads windows from the store until task `i` exists."""

    def __init__(
        self,
        store: Store,
        ids: Sequence[int],
        version: str,
        *,
        force: bool,
        window: int,
        batch: int,
        task_chars: int,
        on_settled: Callable[[int], None],
    ) -> None:
        self.store, self.ids, self.version, self.force = store, list(ids), version, force
        self.window, self.batch, self.task_chars = window, batch, task_chars
        self.on_settled = on_settled  # told how many records a window settled without a task
        self.tasks: list[Task] = []
        self.counts = Counts()
        self.pos = 0  # records read so far
        self.seen: set[str] = set()  # text hashes read so far in this scan

    def has(self, index: int) -> bool:
        while index >= len(self.tasks) and self.pos < len(self.ids):
            self._read(self.ids[self.pos : self.pos + self.window])
            self.pos += self.window
        return index < len(self.tasks)

    def detect_tasks(self) -> int:
        """Detection tasks read so far."""
        return sum(1 for task in self.tasks if task.detect)

    def exhausted(self) -> bool:
        return self.pos >= len(self.ids)

    def _read(self, ids: Sequence[int]) -> None:
        fresh: list[Item] = []
        known: list[Item] = []
        settled = 0
        with self.store.session() as session:
            lacking = lacking_word_boxes(session, ids)
        for record_id in lacking:
            # PDF word boxes first, each record in its own short transaction: made inside the
            # window's, they would hold the store's write lock (and a reviewer's save in the
            # GUI) for as long as the whole window took to compute.
            with self.store.session() as session:
                fill_word_boxes(session, record_id)
        with self.store.session() as session:
            records = session.scalars(select(Record).where(Record.id.in_(ids))).all()
            for record in sorted(records, key=lambda r: r.id):
                pages = load_pages(session, record.id)
                text = joined_text(pages)
                if record.status != OK or not text.strip():
                    self.counts.skipped_ids.append(record.id)
                    settled += 1
                    continue
                sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
                done = session.get(RecordScan, record.id)
                if (
                    not self.force
                    and done is not None
                    and done.text_sha256 == sha
                    and done.pipeline_version == self.version
                ):
                    self.counts.unchanged += 1
                    settled += 1
                    continue
                item = Item(record.id, record.collection_id, text, sha, pages)
                if sha in self.seen:
                    item.copy = True
                    known.append(item)
                    continue
                self.seen.add(sha)
                if not self.force:
                    hit = session.scalars(
                        select(ScanCache.spans).where(
                            ScanCache.text_sha256 == sha, ScanCache.pipeline_version == self.version
                        )
                    ).first()
                    if hit is not None:
                        item.known = [tuple(s) for s in json.loads(hit)]
                        known.append(item)
                        continue
                fresh.append(item)
        self.tasks.extend(Task(batch, True) for batch in self._batches(fresh))
        if known:  # after the window's detection tasks: copies follow their originals
            self.tasks.append(Task(known, False))
        self.on_settled(settled)

    def _batches(self, items: list[Item]) -> list[list[Item]]:
        """Tasks of up to `batch` records and about `task_chars` characters each."""
        out: list[list[Item]] = []
        current: list[Item] = []
        size = 0
        for item in items:
            if current and (len(current) >= self.batch or size + len(item.text) > self.task_chars):
                out.append(current)
                current, size = [], 0
            current.append(item)
            size += len(item.text)
        if current:
            out.append(current)
        return out
