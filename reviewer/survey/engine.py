"""Hashing and identifying every listed file, writing results back to the index as they come.

With `jobs > 1`, three processes work as a pipeline: a small hashing process (no Siegfried,
~20 MB) reads each file once, into the page cache where Siegfried's own read then finds it;
one identification process holds the only Siegfried and spreads each batch over `jobs` Go
threads (`identify_many(workers=jobs)`), so both cores are used without a second copy of the
signatures (~120 MB a process); this process writes results to the index. Siegfried holds the
GIL while it works, so threads could not overlap hashing with it. Each finished batch is
committed in one transaction (with its archives' members), so an interrupted run loses at most
the batches in flight. With `jobs == 1` everything runs in this process.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path, PurePosixPath
from typing import TypeVar

from reviewer.progress import Cancelled, Progress
from reviewer.spawning import spawn_context
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
            identifier = Identifier(workers=1)

            def hash_now(batch: Batch) -> Future[list[Hashed]]:
                return _done(hash_batch([(i, p) for i, p, _ in batch], scratch))

            def inspect_now(batch: Batch, hashed: list[Hashed]) -> Future[list[FileResult]]:
                return _done(inspect_batch(batch, hashed, identifier, Path(scratch)))

            _run(conn, hash_now, inspect_now, report, progress)
            return
        context = spawn_context()
        with (
            _go_gc_for_children(),
            ProcessPoolExecutor(max_workers=1, mp_context=context) as hasher,
            ProcessPoolExecutor(max_workers=identify_processes, mp_context=context) as siegfried,
        ):
            threads = max(1, jobs // identify_processes)

            def hash_later(batch: Batch) -> Future[list[Hashed]]:
                return hasher.submit(hash_batch, [(i, p) for i, p, _ in batch], scratch)

            def inspect_later(batch: Batch, hashed: list[Hashed]) -> Future[list[FileResult]]:
                return siegfried.submit(inspect_in_worker, batch, hashed, threads, scratch)

            try:
                _run(conn, hash_later, inspect_later, report, progress, identify_processes)
            except BaseException:
                hasher.shutdown(wait=True, cancel_futures=True)
                siegfried.shutdown(wait=True, cancel_futures=True)
                raise


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
) -> None:
    """Hash the next batches and identify `in_flight` batches while the oldest is stored."""
    hashing: deque[tuple[Batch, Future[list[Hashed]]]] = deque()
    inspecting: deque[tuple[Batch, Future[list[FileResult]]]] = deque()

    def identify_next() -> None:
        batch, hashed = hashing.popleft()
        inspecting.append((batch, inspect_async(batch, hashed.result())))

    def store_next() -> None:
        batch, results = inspecting.popleft()
        store(conn, results.result())
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
