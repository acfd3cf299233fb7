"""Hashing and identifying every listed file, writing results back to the index as they come.

One process holds one Siegfried and spreads each batch over `jobs` Go threads
(`identify_many(workers=jobs)`): both cores are used without a second copy of Siegfried's
signatures (~120 MB a process) or pickled results. Siegfried holds the GIL while it works, so
Python threads cannot hash meanwhile; with `jobs > 1` a small hashing process (no Siegfried,
~25 MB) runs a batch ahead instead, reading each file once into the page cache, where
Siegfried's own read finds it. Each finished batch is committed in one transaction (with its
archives' members), so an interrupted run loses at most the batches in flight.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path, PurePosixPath

from reviewer.progress import Cancelled, Progress
from reviewer.survey import index
from reviewer.survey.examine import FileResult, inspect_batch
from reviewer.survey.hashing import Hashed, hash_batch
from reviewer.survey.identify_batch import Identifier
from reviewer.survey.rules import rot_kind

BATCH = 256
HASH_AHEAD = 2  # batches hashed ahead of identification
# Go's collector at 50% growth instead of 100%: Siegfried's peak RSS falls from ~176 to ~152 MB
# for the same CPU time (measured); GOMEMLIMIT instead costs ~80% more CPU. Read by the Go
# runtime once, when Siegfried is first loaded in the process.
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


def inspect_all(conn: sqlite3.Connection, jobs: int, progress: Progress) -> None:
    """Hash and identify every file not yet done, on `jobs` cores."""
    done, total = _counts(conn)

    def report(n: int) -> None:
        nonlocal done
        done += n
        progress.set_progress(done, total, f"Identifying and hashing: {done:,} of {total:,} files")

    report(0)
    if "pygfried" not in sys.modules:
        os.environ.setdefault("GOGC", GO_GC_PERCENT)
    identifier = Identifier(workers=jobs)
    with tempfile.TemporaryDirectory(prefix="reviewer-survey-") as scratch:  # 0o700

        def now(batch: Batch) -> Future[list[Hashed]]:
            future: Future[list[Hashed]] = Future()
            future.set_result(hash_batch([(i, p) for i, p, _ in batch], scratch))
            return future

        if jobs <= 1:
            _run(conn, now, identifier, Path(scratch), report, progress)
            return
        context = multiprocessing.get_context("spawn")  # Go runtimes hang in forked children
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as hasher:

            def later(batch: Batch) -> Future[list[Hashed]]:
                return hasher.submit(hash_batch, [(i, p) for i, p, _ in batch], scratch)

            try:
                _run(conn, later, identifier, Path(scratch), report, progress)
            except BaseException:
                hasher.shutdown(wait=True, cancel_futures=True)
                raise


def _run(
    conn: sqlite3.Connection,
    hash_async: Callable[[Batch], Future[list[Hashed]]],
    identifier: Identifier,
    scratch: Path,
    report: Callable[[int], None],
    progress: Progress,
) -> None:
    ahead: deque[tuple[Batch, Future[list[Hashed]]]] = deque()

    def step() -> None:
        batch, hashed = ahead.popleft()
        store(conn, inspect_batch(batch, hashed.result(), identifier, scratch))
        report(len(batch))
        if progress.is_cancelled():
            raise Cancelled()

    for batch in _batches(conn):
        ahead.append((batch, hash_async(batch)))
        if len(ahead) > HASH_AHEAD:
            step()
    while ahead:
        step()
