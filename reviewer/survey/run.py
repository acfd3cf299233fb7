"""`survey(root, out_dir)`: list, inspect and profile a folder tree without ingesting it.

Three resumable phases write to the index in `out_dir` (listing, then hashing and
identification on all cores, then the outputs). Interrupted at any point, calling it again
with the same arguments continues where it stopped; after a finished survey it starts afresh.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from reviewer.progress import NullProgress, Progress
from reviewer.survey import index
from reviewer.survey.analysis import summarise
from reviewer.survey.droid import write_droid_csv
from reviewer.survey.engine import inspect_all
from reviewer.survey.report import write_report
from reviewer.survey.summary import SUMMARY_NAME, SurveySummary
from reviewer.survey.walk import walk


def _prepare(conn: sqlite3.Connection, root: Path) -> None:
    same = index.get_meta(conn, "root") == str(root)
    finished = index.get_meta(conn, "phase") == "complete"
    if not same or finished or index.get_meta(conn, "version") != index.SCHEMA_VERSION:
        index.reset(conn)
        index.set_meta(conn, "root", str(root))
        index.set_meta(conn, "version", index.SCHEMA_VERSION)
        index.set_meta(conn, "phase", "listing")


def write_summary(summary: SurveySummary, out_dir: Path) -> Path:
    target = out_dir / SUMMARY_NAME
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(fd, "w", encoding="utf-8") as handle:
        handle.write(summary.to_json())
    return target


def survey(
    root: Path,
    out_dir: Path,
    jobs: int | None = None,
    progress: Progress | None = None,
    *,
    identify_processes: int = 1,
) -> SurveySummary:
    """Survey `root` into `out_dir` (droid.csv, summary.json, report.html); returns the summary.

    `jobs` cores (default: all); `identify_processes` copies of Siegfried (1 keeps the whole
    survey near 250 MB; 2 needs ~410 MB and is faster only when two cores are free).

    Raises `reviewer.progress.Cancelled` when the progress asks to stop; what was done stays
    in `out_dir` and the next call continues from there.
    """
    progress = progress or NullProgress()
    root = root.resolve()
    jobs = jobs or os.cpu_count() or 1
    conn = index.open_index(out_dir)
    try:
        _prepare(conn, root)
        if index.get_meta(conn, "phase") == "listing":
            walk(conn, root, progress)
            index.set_meta(conn, "phase", "inspecting")
        inspect_all(conn, jobs, progress, max(1, min(identify_processes, jobs)))
        progress.set_progress(0, None, "Writing droid.csv and the report")
        write_droid_csv(conn, out_dir)
        summary = summarise(conn, root)
        write_summary(summary, out_dir)
        write_report(summary, out_dir)
        index.set_meta(conn, "phase", "complete")
        return summary
    finally:
        conn.close()
