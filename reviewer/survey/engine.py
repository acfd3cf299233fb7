"""Inspecting every listed file on all cores, writing results back to the index as they come.

A bounded number of batches is in flight at once, so memory does not grow with the tree.
Each finished batch is committed in one transaction (with its archives' members), so an
interrupted run loses at most the batches being worked on.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import PurePosixPath

from reviewer.progress import Cancelled, Progress
from reviewer.survey import index
from reviewer.survey.examine import FileResult, inspect_batch
from reviewer.survey.rules import rot_kind

BATCH = 64
IN_FLIGHT_PER_JOB = 4
# Siegfried's Go heap otherwise grows to ~180 MB per worker; this keeps it near ~130 MB
# (the signature set itself is ~80 MB) at no measurable cost in speed.
GO_MEMORY_LIMIT = "100MiB"


def _limit_go_memory() -> None:
    """Runs in each worker before Siegfried loads (the Go runtime reads it once, at load)."""
    os.environ.setdefault("GOMEMLIMIT", GO_MEMORY_LIMIT)


Batch = list[tuple[int, bytes, int]]


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


def _ident_cols(result: FileResult) -> tuple[object, ...]:
    i = result.ident
    return (i.puid, i.format_name, i.format_version, i.mime, i.method, int(i.extension_mismatch))


def _store_members(conn: sqlite3.Connection, result: FileResult) -> None:
    (top,) = conn.execute("SELECT top FROM node WHERE id = ?", (result.node_id,)).fetchone()
    folders: dict[str, int] = {}
    for m in result.members:
        parent_path = str(PurePosixPath(m.path).parent)
        parent = folders.get(parent_path, result.node_id)
        i = m.ident
        cur = conn.execute(
            "INSERT INTO node (parent_id, kind, path, name, top, size, mtime, status, note, rot,"
            " done, sha256, puid, format_name, format_version, mime, method, mismatch, protected)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                parent,
                index.MEMBER_FOLDER if m.is_dir else index.MEMBER,
                m.path.encode("utf-8", errors="replace"),
                PurePosixPath(m.path).name,
                top,
                m.size,
                m.mtime,
                m.status,
                m.note,
                None if m.is_dir else rot_kind(PurePosixPath(m.path).name),
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
    for r in results:
        conn.execute(
            "UPDATE node SET done = 1, status = ?, note = ?, sha256 = ?, puid = ?,"
            " format_name = ?, format_version = ?, mime = ?, method = ?, mismatch = ?,"
            " container = ?, protected = ? WHERE id = ?",
            (
                r.status,
                r.note,
                r.sha256,
                *_ident_cols(r),
                int(r.container),
                int(r.protected),
                r.node_id,
            ),
        )
        if r.members:
            _store_members(conn, r)
    conn.execute("COMMIT")


def _counts(conn: sqlite3.Connection) -> tuple[int, int]:
    total, done = conn.execute(
        "SELECT COUNT(*), COALESCE(SUM(done), 0) FROM node WHERE kind = ?", (index.FILE,)
    ).fetchone()
    return int(done), int(total)


def inspect_all(conn: sqlite3.Connection, jobs: int, progress: Progress) -> None:
    """Hash and identify every file not yet done, on `jobs` processes (in-process when 1)."""
    done, total = _counts(conn)

    def report(n: int) -> None:
        nonlocal done
        done += n
        progress.set_progress(done, total, f"Identifying and hashing: {done:,} of {total:,} files")

    report(0)
    if jobs <= 1:
        _limit_go_memory()  # effective unless Siegfried is already loaded in this process
        for batch in _batches(conn):
            if progress.is_cancelled():
                raise Cancelled()
            store(conn, inspect_batch(batch))
            report(len(batch))
        return
    context = multiprocessing.get_context("spawn")  # no fork of a process with threads
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_limit_go_memory
    ) as pool:
        running: set[Future[list[FileResult]]] = set()
        source = _batches(conn)
        try:
            for batch in source:
                running.add(pool.submit(inspect_batch, batch))
                while len(running) >= jobs * IN_FLIGHT_PER_JOB:
                    running = _collect(conn, running, report, progress)
            while running:
                running = _collect(conn, running, report, progress)
        except Cancelled:
            pool.shutdown(wait=True, cancel_futures=True)
            raise


def _collect(
    conn: sqlite3.Connection,
    running: set[Future[list[FileResult]]],
    report: Callable[[int], None],
    progress: Progress,
) -> set[Future[list[FileResult]]]:
    finished, still = wait(running, return_when=FIRST_COMPLETED)
    for future in finished:
        results = future.result()
        store(conn, results)
        report(len(results))
    if progress.is_cancelled():
        raise Cancelled()
    return still
