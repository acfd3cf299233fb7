"""`reviewer survey PATH --out DIR`: profile a folder tree (DROID CSV, summary, report)."""

from __future__ import annotations

import argparse
import os
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from reviewer.cli.context import Context, UsageError, eprint, print_json
from reviewer.cli.progress_bar import progress_bar
from reviewer.progress import Cancelled
from reviewer.survey import SurveySummary, survey
from reviewer.survey.charts import human_bytes


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "survey",
        help="profile a folder tree without ingesting it (droid.csv, summary.json, report.html)",
        description="Walk PATH, hash and identify every file (PRONOM), and write DIR/droid.csv, "
        "DIR/summary.json and DIR/report.html. Interrupted, the same command continues.",
    )
    parser.add_argument("path", metavar="PATH", type=Path, help="folder to survey")
    parser.add_argument("--out", metavar="DIR", type=Path, required=True, help="output folder")
    parser.add_argument(
        "--jobs",
        metavar="N",
        type=int,
        default=os.cpu_count() or 1,
        help="cores to use: Siegfried threads, plus a hashing process when N > 1; "
        "with 1, Siegfried runs in this process, so a file truncated while read ends the survey",
    )
    parser.add_argument(
        "--identify-processes",
        metavar="K",
        type=int,
        default=1,
        help="copies of Siegfried (~160 MB each): 1 keeps the survey near 250 MB in all; "
        "2 is faster only when two cores are free (~410 MB)",
    )
    parser.set_defaults(func=run)


def _describe(summary: SurveySummary) -> list[str]:
    t, d = summary.totals, summary.duplicates
    lines = [
        f"{t.files:,} files in {t.folders:,} folders, {human_bytes(t.bytes)}; "
        f"{t.members:,} archive members",
        f"{len(summary.by_format):,} formats; {t.identified:,} files identified",
        f"{d.sets:,} duplicate sets, {human_bytes(d.reclaimable_bytes)} reclaimable",
        f"{summary.overdue_files:,} files due for transfer under the 20-year rule",
    ]
    lines += [f"{g.label}: {g.count:,}" for g in [*summary.risks, *summary.rot] if g.count]
    lines += [f"{g.label}: {g.count:,}" for g in summary.problems if g.count]
    return lines


def run(args: argparse.Namespace, ctx: Context) -> int:
    root: Path = args.path
    out: Path = args.out
    if not root.is_dir():
        raise UsageError(f"not a folder: {root}")
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.identify_processes < 1:
        raise UsageError("--identify-processes must be at least 1")
    if out.resolve().is_relative_to(root.resolve()):
        raise UsageError("--out must be outside the surveyed folder")
    try:
        with progress_bar("Surveying") as bar:
            summary = survey(
                root, out, jobs=args.jobs, progress=bar, identify_processes=args.identify_processes
            )
    except Cancelled:
        eprint("Survey stopped; run the same command again to continue where it left off.")
        return 1
    except BrokenProcessPool:
        eprint(
            "A hashing or identification process stopped unexpectedly (a file changed or "
            "vanished while it was read?); run the same command again to continue."
        )
        return 1
    for line in _describe(summary):
        eprint(line)
    print_json(
        {
            "root": summary.root,
            "droid_csv": str(out / "droid.csv"),
            "summary_json": str(out / "summary.json"),
            "report_html": str(out / "report.html"),
            "files": summary.totals.files,
            "folders": summary.totals.folders,
            "bytes": summary.totals.bytes,
            "duplicate_sets": summary.duplicates.sets,
            "reclaimable_bytes": summary.duplicates.reclaimable_bytes,
            "risks": {g.key: g.count for g in summary.risks},
        }
    )
    return 0
