"""`reviewer ingest PATH... --collection NAME [--kind case|corporate] [--jobs N]`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reviewer.cli.context import Context, UsageError, eprint, print_json
from reviewer.cli.progress_bar import progress_bar
from reviewer.ingest.pipeline import IngestSummary, ingest_paths
from reviewer.progress import Cancelled


def register(sub: Any) -> None:
    parser = sub.add_parser("ingest", help="add files and folders to a collection")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument("--collection", required=True, metavar="NAME")
    parser.add_argument("--kind", choices=("case", "corporate"), default=None)
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes")
    parser.set_defaults(func=run)


def _report(summary: IngestSummary) -> None:
    eprint(
        f"{summary.files_seen} files: {summary.added} added, {summary.changed} changed, "
        f"{summary.unchanged} unchanged; {summary.records_written} records written "
        f"in {summary.seconds:.1f} s"
    )
    for path, status, message in summary.problems[:50]:
        eprint(f"  {status:<11} {path}: {message}")
    if len(summary.problems) > 50:
        eprint(f"  ... and {len(summary.problems) - 50} more (see `reviewer records`)")
    for path in summary.changed_paths:
        eprint(f"  changed     {path}: content differs from the previous ingest")


def run(args: argparse.Namespace, ctx: Context) -> int:
    missing = [str(p) for p in args.paths if not p.exists() and not p.is_symlink()]
    if missing:
        raise UsageError(f"no such file or folder: {missing[0]}")
    if args.jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    store = ctx.store
    with progress_bar("ingesting") as bar:
        try:
            summary = ingest_paths(store, args.paths, args.collection, args.kind, args.jobs, bar)
        except Cancelled:
            eprint("ingest cancelled: files read so far are stored; run it again to finish")
            return 1
    _report(summary)
    print_json(summary.as_dict())
    return 0
