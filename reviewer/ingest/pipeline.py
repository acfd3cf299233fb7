"""Ingest: files on disk -> records in the store, with progress, cancel and `--jobs` workers."""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import InterfaceError, OperationalError, StatementError
from sqlalchemy.orm import Session

from models import Store
from models.records import Record
from reviewer import scratch
from reviewer.ingest.manifest.attach import MetadataReport, attach_metadata
from reviewer.ingest.types import ERROR, Extraction
from reviewer.ingest.walker import FoundFile, roots_and_files
from reviewer.ingest.worker import FileResult, IngestLimits, read_files, warm_up, worker_ready
from reviewer.ingest.writer import (
    Duplicates,
    NewRecords,
    get_or_create_collection,
    get_or_create_root,
    write_changed,
)
from reviewer.progress import Cancelled, NullProgress, Progress
from reviewer.spawning import in_order

# Commit at least this often: a killed process loses at most this much reading, never consistency.
COMMIT_SECONDS = 0.5
COMMIT_FILES = 200
# Files read together: one Siegfried call and one round trip to a worker per batch. Siegfried
# costs a third less a file in batches of 64 than of 16 (its Go threads wake once per call).
BATCH_FILES = 64
# Fewer batches than this are read here: a worker takes most of a second to start (PyMuPDF),
# in which this process reads some 250 files itself.
MIN_BATCHES_FOR_WORKERS = 4


@dataclass
class IngestSummary:
    """What an ingest run did; `problems` lists (path, status, message) for files not `ok`."""

    collection: str
    files_seen: int = 0
    added: int = 0
    unchanged: int = 0
    changed: int = 0
    records_written: int = 0
    bytes_read: int = 0
    pages: int = 0
    seconds: float = 0.0
    cancelled: bool = False
    statuses: Counter[str] = field(default_factory=Counter)
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    changed_paths: list[str] = field(default_factory=list)
    metadata: MetadataReport | None = None  # manifests and sidecars attached, if any

    def as_dict(self) -> dict[str, object]:
        return {
            "collection": self.collection,
            "files_seen": self.files_seen,
            "added": self.added,
            "unchanged": self.unchanged,
            "changed": self.changed,
            "records_written": self.records_written,
            "bytes": self.bytes_read,
            "pages": self.pages,
            "seconds": round(self.seconds, 3),
            "cancelled": self.cancelled,
            "statuses": dict(self.statuses),
            "problems": [{"path": p, "status": s, "message": m} for p, s, m in self.problems],
            "changed_paths": self.changed_paths,
            "metadata": self.metadata.as_dict() if self.metadata else None,
        }


@dataclass(frozen=True)
class _Job:
    root_id: int
    found: FoundFile
    known_sha256: str | None


def _tally(summary: IngestSummary, result: FileResult) -> None:
    summary.statuses[result.extraction.status] += 1
    summary.pages += len(result.extraction.pages) if result.extraction.paged else 0
    if result.extraction.status != "ok":
        summary.problems.append(
            (result.rel_path, result.extraction.status, result.extraction.message)
        )
    for child in result.children:
        _tally(summary, child)


def _batches(jobs: Sequence[_Job], size: int, processes: int = 1) -> list[Sequence[_Job]]:
    """Batches of `size`; with several processes the last files go in quarter batches, so
    that no process is left waiting long for another's last batch."""
    tail = size * processes * 2 if processes > 1 else 0
    batches: list[Sequence[_Job]] = []
    start = 0
    while start < len(jobs):
        step = size if len(jobs) - start > tail else max(1, size // 4)
        batches.append(jobs[start : start + step])
        start += step
    return batches


def _items(batch: Sequence[_Job]) -> list[tuple[FoundFile, str | None]]:
    return [(job.found, job.known_sha256) for job in batch]


def _results(
    jobs: Sequence[_Job], workers: int, limits: IngestLimits
) -> Iterator[list[tuple[_Job, FileResult]]]:
    """Results batch by batch in job order (one Siegfried call and one round trip a batch).

    With `workers` > 1, `workers - 1` spawned processes read batches ahead while the main
    process writes; whenever the batch it must write next is not back yet (workers still
    starting, or busy) the main process reads a later batch itself rather than wait. If the
    pool breaks, the rest is read here.
    """
    if workers <= 1 or math.ceil(len(jobs) / BATCH_FILES) < MIN_BATCHES_FOR_WORKERS:
        for batch in _batches(jobs, BATCH_FILES):
            yield list(zip(batch, read_files(_items(batch), limits), strict=True))
        return
    batches = _batches(jobs, BATCH_FILES, workers)
    results = in_order(
        lambda i: i < len(batches),
        lambda i: read_files(_items(batches[i]), limits),
        lambda i: (read_files, (_items(batches[i]), limits)),
        # The main process reads too (whenever it has nothing to write), so `jobs` processes
        # read in all: one spawned worker fewer to start (each loads PyMuPDF, ~0.7 s).
        workers=workers - 1,
        initializer=warm_up,
        ready=worker_ready,
        queue_first=True,  # a worker starts in 0.3-0.5 s; this process reads 3+ batches
    )
    for index, found, _by_worker in results:
        yield list(zip(batches[index], found, strict=True))


def ingest_paths(
    store: Store,
    paths: Iterable[Path],
    collection: str,
    kind: str | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
    limits: IngestLimits | None = None,
    metadata: Sequence[Path] = (),
) -> IngestSummary:
    """Add files and folders to `collection` (created if new); re-running adds nothing new.

    Manifests and sidecars among the files, and those in `metadata`, describe the records
    afterwards (`manifest.attach.attach_metadata`).

    Raises `Cancelled` only through `progress`; everything committed so far is kept.
    """
    progress = progress or NullProgress()
    limits = limits or IngestLimits()
    started = time.perf_counter()
    summary = IngestSummary(collection=collection)
    progress.set_progress(0, None, "finding files")
    scratch.sweep()  # scratch folders of killed runs (their copies of members)
    found = list(roots_and_files([Path(p) for p in paths]))
    with store.session() as session:
        coll = get_or_create_collection(session, collection, kind)
        coll_id = coll.id
        roots = dict.fromkeys(root for root, _ in found)  # each root once, in order
        root_ids = {root: get_or_create_root(session, coll, str(root)).id for root in roots}
        rows = session.execute(
            select(Record.path, Record.sha256, Record.root_id).where(
                Record.collection_id == coll_id, Record.parent_id.is_(None)
            )
        ).all()
        owner = {path: root_id for path, _sha, root_id in rows}
        known = {path: sha for path, sha, _root in rows}
    queued: list[_Job] = []
    seen: set[tuple[int, str]] = set()
    for root, item in found:
        root_id = root_ids[root]
        if (root_id, item.rel_path) in seen:  # the same file named twice on the command line
            continue
        seen.add((root_id, item.rel_path))
        if owner.setdefault(item.rel_path, root_id) != root_id:
            # Another root already holds this relative path: keep both, told apart by folder.
            item = replace(item, rel_path=f"{root.name}/{item.rel_path}")
            if owner.setdefault(item.rel_path, root_id) != root_id:
                continue
        queued.append(_Job(root_id, item, known.get(item.rel_path)))
    summary.files_seen = len(queued)
    total = len(queued)
    progress.set_progress(0, total, "reading files")
    # A new collection: every exact copy's first record is one this run writes.
    new = NewRecords(coll_id, Duplicates(coll_id, complete=not rows))
    session = store.sessionmaker()
    try:
        last_commit, pending, done = time.perf_counter(), 0, 0
        for batch in _results(queued, jobs, limits):
            if pending == 0:
                _begin(session)
            try:
                before = _Tallies.of(summary)
                handled: list[tuple[_Job, FileResult]] = []
                try:
                    with session.begin_nested():  # one savepoint a batch, not a file
                        for job, result in batch:
                            handled.append((job, result))
                            _store_result(session, coll_id, job, result, summary, known, new)
                            pending += 1
                            done += 1
                            progress.set_progress(done, total, "reading files")
                            if progress.is_cancelled():
                                summary.cancelled = True
                                break
                        summary.records_written += new.flush(session.connection())
                except StatementError as exc:
                    if not refused_value(exc):
                        raise
                    # The store refused a value: write the batch file by file, so that one
                    # bad value is one record with an error, never a stopped batch.
                    before.restore(summary)
                    new.discard()
                    for job, result in handled:
                        _store_alone(session, coll_id, job, result, summary, known, new)
            except BaseException:
                # Files land whole or not at all: a failed write (a full disk, Ctrl-C) takes
                # the uncommitted files with it, and a re-run reads them again. (Cheaper than
                # a savepoint per file: a tenth of ingest.)
                session.rollback()
                raise
            if summary.cancelled:
                raise Cancelled()
            # Checked when a batch is written, before the next is read: what was read is
            # committed then, not after another batch's worth of reading.
            if pending >= COMMIT_FILES or time.perf_counter() - last_commit > COMMIT_SECONDS:
                session.commit()
                last_commit, pending = time.perf_counter(), 0
    finally:
        # Whatever stopped the run, every file written completely so far is kept.
        session.commit()
        session.close()
        summary.seconds = time.perf_counter() - started
    summary.metadata = _attach(store, coll_id, list(root_ids.values()), queued, metadata)
    summary.seconds = time.perf_counter() - started
    return summary


def _attach(
    store: Store, coll_id: int, root_ids: list[int], queued: list[_Job], given: Sequence[Path]
) -> MetadataReport | None:
    """Metadata from the export's manifests, once every file is stored (one transaction)."""
    files = [
        (j.root_id, j.found.rel_path, j.found.source) for j in queued if not j.found.problem_status
    ]
    with store.session() as session:
        report = attach_metadata(session.connection(), coll_id, root_ids, files, given)
        session.commit()
    return report if report.manifests or report.problems else None


def _begin(session: Session) -> None:
    """Open the transaction that the next files' savepoints nest in.

    SQLite's Python driver starts a transaction only at the first INSERT, so a savepoint taken
    before it would be the transaction itself, and releasing it would commit (and sync to
    disk) every file on its own.
    """
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        raw = conn.connection.dbapi_connection
        if raw is not None and not getattr(raw, "in_transaction", True):
            conn.exec_driver_sql("BEGIN")


def _same_unreadable(existing: Record | None, result: FileResult) -> bool:
    """An entry with no bytes (a link, an unreadable file) that is as it was last time."""
    return (
        existing is not None
        and existing.sha256 is None
        and result.sha256 is None
        and existing.status == result.extraction.status
    )


@dataclass
class _Tallies:
    """The summary's counts before a batch, to undo a batch that is written again."""

    counts: tuple[int, ...]
    statuses: Counter[str]
    lengths: tuple[int, int]

    @classmethod
    def of(cls, s: IngestSummary) -> _Tallies:
        counts = (s.added, s.unchanged, s.changed, s.records_written, s.bytes_read, s.pages)
        return cls(counts, Counter(s.statuses), (len(s.problems), len(s.changed_paths)))

    def restore(self, s: IngestSummary) -> None:
        s.added, s.unchanged, s.changed, s.records_written, s.bytes_read, s.pages = self.counts
        s.statuses = Counter(self.statuses)
        del s.problems[self.lengths[0] :], s.changed_paths[self.lengths[1] :]


def refused_value(exc: StatementError) -> bool:
    """The store refused a value in a statement (not the store failing: a full disk, a lost
    connection or a lock stop the run as before, and a re-run reads the files again)."""
    return not isinstance(exc, OperationalError | InterfaceError)


def _store_alone(
    session: Session,
    coll_id: int,
    job: _Job,
    result: FileResult,
    summary: IngestSummary,
    known: dict[str, str | None],
    new: NewRecords,
) -> None:
    """One file in its own savepoint; if the store refuses it, the file is stored as an error
    record without its text or members (the error names no value)."""
    before = _Tallies.of(summary)
    try:
        with session.begin_nested():
            _store_result(session, coll_id, job, result, summary, known, new)
            summary.records_written += new.flush(session.connection())
        return
    except StatementError as exc:
        if not refused_value(exc):
            raise
        before.restore(summary)
        new.discard()
        what = type(exc.orig).__name__ if exc.orig is not None else type(exc).__name__
    refused = replace(
        result,
        extraction=Extraction(
            status=ERROR, message=f"could not be stored: the store refused a value ({what})"
        ),
        children=(),
        text_sha256=None,
    )
    with session.begin_nested():
        _store_result(session, coll_id, job, refused, summary, known, new)
        summary.records_written += new.flush(session.connection())


def _store_result(
    session: Session,
    coll_id: int,
    job: _Job,
    result: FileResult,
    summary: IngestSummary,
    known: dict[str, str | None],
    new: NewRecords,
) -> None:
    """Queue a new file for writing, or rewrite a changed one at once."""
    summary.bytes_read += result.size
    if result.unchanged:
        summary.unchanged += 1
        return
    existing = None
    if job.found.rel_path in known:
        existing = session.scalar(
            select(Record).where(Record.collection_id == coll_id, Record.path == result.rel_path)
        )
        if _same_unreadable(existing, result):
            summary.unchanged += 1
            return
    if existing is None:
        new.add(job.root_id, result)
        summary.added += 1
    else:
        summary.records_written += write_changed(session, job.root_id, existing, result, new)
        summary.changed += 1
        summary.changed_paths.append(result.rel_path)
    _tally(summary, result)
