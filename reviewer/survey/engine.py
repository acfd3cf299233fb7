"""Hashing and identifying every listed file, writing results back to the index as they come.

With `jobs > 1`, three processes work as a pipeline: a small hashing process (no Siegfried,
~20 MB) reads each file once, into the page cache where Siegfried's own read then finds it;
one identification process holds the only Siegfried and spreads each batch over `jobs` Go
threads (`identify_many(workers=jobs)`), so both cores are used without a second copy of the
signatures (~120 MB a process); this process writes results to the index. Siegfried holds the
GIL while it works, so threads could not overlap hashing with it. Each finished batch is
committed in one transaction (with its archives' members), so an interrupted run loses at most
the batches in flight. With `jobs == 1` everything runs in this process.

Siegfried maps files into memory, so a file truncated while it reads it kills the process
(SIGBUS); so can the kernel's out-of-memory killer. The identification processes are then
started afresh, the batch in hand is retried file by file, and a file that kills the process
again gets DROID's status `Error`; a bounded number of restarts keeps a Siegfried that crashes
on everything from looping.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path, PurePosixPath
from typing import TypeVar

from reviewer.progress import Cancelled, Progress
from reviewer.spawning import Workers
from reviewer.survey import index
from reviewer.survey.examine import FileResult, inspect_batch, inspect_in_worker
from reviewer.survey.hashing import Hashed, hash_batch
from reviewer.survey.identify_batch import Identifier
from reviewer.survey.rules import rot_kind

_T = TypeVar("_T")
BATCH = 256
# Go's collector at 50% growth instead of 100%: Siegfried's peak RSS falls by ~25-40 MB for the
# same CPU time (measured); GOMEMLIMIT instead costs ~80% more CPU. The Go runtime reads it from
# the environment the process started with (setting it later has no effect), hence a process.
GO_GC_PERCENT = "50"
# Identification processes started afresh in one survey run before it stops: each file that
# kills Siegfried costs two (its batch, then itself alone), so a few such files get through.
MAX_RESTARTS = 10
DIED = "identification process died reading this file (changed or truncated while read?)"

Batch = list[tuple[int, bytes, int]]

_UPDATE = (
    "UPDATE node SET done = 1, status = ?, note = ?, sha256 = ?, puid = ?, format_name = ?,"
    " format_version = ?, mime = ?, method = ?, mismatch = ?, container = ?, protected = ?"
    " WHERE id = ?"
)
_MEMBER = (
    "INSERT INTO node (parent_id, kind, path, name, top, size, mtime, status, note, rot, done,"
    " sha256, puid, format_name, format_version, mime, method, mismatch, protected)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _batches(conn: sqlite3.Connection) -> Iterator[Batch]:
    last = 0
    while True:
        rows = conn.execute(
            "SELECT id, path, size FROM node WHERE kind = ? AND done = 0 AND id > ? "
            "ORDER BY id LIMIT ?",
            (index.FILE, last, BATCH),
        ).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        yield [(int(i), bytes(p), int(s or 0)) for i, p, s in rows]


def _store_members(conn: sqlite3.Connection, result: FileResult) -> None:
    (top,) = conn.execute("SELECT top FROM node WHERE id = ?", (result.node_id,)).fetchone()
    folders: dict[str, int] = {}
    for m in result.members:
        name = PurePosixPath(m.path).name
        i = m.ident
        cur = conn.execute(
            _MEMBER,
            (
                folders.get(str(PurePosixPath(m.path).parent), result.node_id),
                index.MEMBER_FOLDER if m.is_dir else index.MEMBER,
                m.path.encode("utf-8", errors="replace"),
                name,
                top,
                m.size,
                m.mtime,
                m.status,
                m.note,
                None if m.is_dir else rot_kind(name),
                m.sha256,
                i.puid,
                i.format_name,
                i.format_version,
                i.mime,
                i.method,
                int(i.extension_mismatch),
                int(m.protected),
            ),
        )
        if m.is_dir:
            folders[m.path] = int(cur.lastrowid or 0)


def store(conn: sqlite3.Connection, results: list[FileResult]) -> None:
    """Write one batch's results (and members) in a single transaction."""
    conn.execute("BEGIN")
    conn.executemany(
        _UPDATE,
        [
            (r.status, r.note, r.sha256, r.ident.puid, r.ident.format_name,
             r.ident.format_version, r.ident.mime, r.ident.method,
             int(r.ident.extension_mismatch), int(r.container), int(r.protected), r.node_id)
            for r in results
        ],
    )  # fmt: skip
    for r in results:
        if r.members:
            _store_members(conn, r)
    conn.execute("COMMIT")


def _counts(conn: sqlite3.Connection) -> tuple[int, int]:
    total, done = conn.execute(
        "SELECT COUNT(*), COALESCE(SUM(done), 0) FROM node WHERE kind = ?", (index.FILE,)
    ).fetchone()
    return int(done), int(total)


@contextlib.contextmanager
def _go_gc_for_children() -> Iterator[None]:
    """GOGC for processes started meanwhile (Go reads it once, from its initial environment)."""
    before = os.environ.get("GOGC")
    os.environ["GOGC"] = before or GO_GC_PERCENT
    try:
        yield
    finally:
        if before is None:
            del os.environ["GOGC"]


class _Siegfried:
    """The identification processes, started afresh (at most `MAX_RESTARTS` times) when one dies.

    `inspect_in_worker` is looked up here at each submit, so a test can stand in for it.
    """

    def __init__(self, processes: int, threads: int, scratch: str) -> None:
        self.processes = processes
        self.threads = threads
        self.scratch = scratch
        self.restarts = 0
        self.pool = self._start()

    def _start(self) -> Workers:
        return Workers(self.processes)

    def submit(self, batch: Batch, hashed: list[Hashed]) -> Future[list[FileResult]]:
        try:
            return self.pool.submit(inspect_in_worker, batch, hashed, self.threads, self.scratch)
        except BrokenProcessPool as exc:  # died before this batch: handled when it is stored
            failed: Future[list[FileResult]] = Future()
            failed.set_exception(exc)
            return failed

    def shutdown(self) -> None:
        self.pool.stop()

    def restart(self) -> None:
        """A fresh pool; the dead one's unfinished futures all end with `BrokenProcessPool`."""
        self.shutdown()
        self.restarts += 1
        if self.restarts > MAX_RESTARTS:
            raise BrokenProcessPool(f"identification process died {self.restarts} times")
        self.pool = self._start()

    def one_by_one(self, batch: Batch, hashed: list[Hashed]) -> list[FileResult]:
        """After a crash: each file of `batch` alone, so only a file that kills it again fails."""
        self.restart()
        results: list[FileResult] = []
        for item, one in zip(batch, _still_there(hashed), strict=True):
            if one[1] is None:  # not readable: inspect_batch needs no Siegfried for it
                results.append(FileResult(item[0], status=one[2], note=one[3]))
                continue
            try:
                results += self.submit([item], [one]).result()
            except BrokenProcessPool:
                _discard(one)
                results.append(FileResult(item[0], status="Error", note=DIED))
                self.restart()
        return results


def _still_there(hashed: list[Hashed]) -> list[Hashed]:
    """`hashed` with samples a dead process already removed replaced by the file itself."""
    return [
        (i, digest, status, note, sample if sample and os.path.exists(sample) else None)
        for i, digest, status, note, sample in hashed
    ]


def _discard(one: Hashed) -> None:
    if one[4]:
        with contextlib.suppress(OSError):
            os.unlink(one[4])


def inspect_all(
    conn: sqlite3.Connection, jobs: int, progress: Progress, identify_processes: int = 1
) -> None:
    """Hash and identify every file not yet done, on `jobs` cores.

    `identify_processes` Siegfried processes (~160 MB each) share the `jobs` cores as Go
    threads. pygfried's Go threads add only ~15% over one thread (measured); two processes
    side by side were 1.5x faster on free cores, 8% on the loaded development machine.
    """
    done, total = _counts(conn)

    def report(n: int) -> None:
        nonlocal done
        done += n
        progress.set_progress(done, total, f"Identifying and hashing: {done:,} of {total:,} files")

    report(0)
    with tempfile.TemporaryDirectory(prefix="reviewer-survey-") as scratch:  # 0o700
        if jobs <= 1:
            # Siegfried in this process: a SIGBUS (file truncated while read) ends the program.
            identifier = Identifier(workers=1)

            def hash_now(batch: Batch) -> Future[list[Hashed]]:
                return _done(hash_batch([(i, p) for i, p, _ in batch], scratch))

            def inspect_now(batch: Batch, hashed: list[Hashed]) -> Future[list[FileResult]]:
                return _done(inspect_batch(batch, hashed, identifier, Path(scratch)))

            _run(conn, hash_now, inspect_now, report, progress)
            return
        threads = max(1, jobs // identify_processes)
        with (
            _go_gc_for_children(),  # for the processes started after a crash too
            Workers(1) as hasher,
        ):
            siegfried = _Siegfried(identify_processes, threads, scratch)

            def hash_later(batch: Batch) -> Future[list[Hashed]]:
                return hasher.submit(hash_batch, [(i, p) for i, p, _ in batch], scratch)

            try:
                _run(
                    conn,
                    hash_later,
                    siegfried.submit,
                    report,
                    progress,
                    identify_processes,
                    siegfried.one_by_one,
                )
            finally:
                siegfried.shutdown()


def _done(value: _T) -> Future[_T]:
    future: Future[_T] = Future()
    future.set_result(value)
    return future


def _run(
    conn: sqlite3.Connection,
    hash_async: Callable[[Batch], Future[list[Hashed]]],
    inspect_async: Callable[[Batch, list[Hashed]], Future[list[FileResult]]],
    report: Callable[[int], None],
    progress: Progress,
    in_flight: int = 1,
    one_by_one: Callable[[Batch, list[Hashed]], list[FileResult]] | None = None,
) -> None:
    """Hash the next batches and identify `in_flight` batches while the oldest is stored.

    When the identification process died (`BrokenProcessPool`), `one_by_one` retries the
    oldest batch file by file in a fresh process, then the other batches it held are sent
    again whole, to the fresh process.
    """
    hashing: deque[tuple[Batch, Future[list[Hashed]]]] = deque()
    inspecting: deque[tuple[Batch, list[Hashed], Future[list[FileResult]]]] = deque()

    def identify_next() -> None:
        batch, hashed = hashing.popleft()
        done = hashed.result()
        inspecting.append((batch, done, inspect_async(batch, done)))

    def resend_lost() -> None:
        for n, (batch, hashed, future) in enumerate(inspecting):
            if future.cancelled() or isinstance(future.exception(), BrokenProcessPool):
                hashed = _still_there(hashed)
                inspecting[n] = (batch, hashed, inspect_async(batch, hashed))

    def store_next() -> None:
        batch, hashed, future = inspecting.popleft()
        try:
            results = future.result()
        except BrokenProcessPool:
            if one_by_one is None:
                raise
            results = one_by_one(batch, hashed)
            resend_lost()
        store(conn, results)
        report(len(batch))
        if progress.is_cancelled():
            raise Cancelled()

    for batch in _batches(conn):
        hashing.append((batch, hash_async(batch)))
        if len(hashing) > 1:
            identify_next()
        if len(inspecting) > in_flight:
            store_next()
    while hashing or inspecting:
        if hashing:
            identify_next()
        store_next()
