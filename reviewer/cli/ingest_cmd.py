"""`reviewer ingest PATH... --collection NAME [--kind case|corporate] [--jobs N]`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reviewer.cli.context import Context, UsageError, eprint, print_json
from reviewer.cli.progress_bar import progress_bar
from reviewer.ingest.manifest import ManifestError, read_manifest
from reviewer.ingest.manifest.attach import MetadataReport
from reviewer.ingest.pipeline import IngestSummary, ingest_paths
from reviewer.progress import Cancelled


def register(sub: Any) -> None:
    parser = sub.add_parser("ingest", help="add files and folders to a collection")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument("--collection", required=True, metavar="NAME")
    parser.add_argument("--kind", choices=("case", "corporate"), default=None)
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes")
    parser.add_argument(
        "--metadata",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="a manifest describing the files (CSV, XLSX, SharePoint Manifest.xml); "
        "manifests and NAME.metadata.json|xml sidecars beside the files are found anyway",
    )
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
    if summary.metadata is not None:
        _report_metadata(summary.metadata)


def _report_metadata(report: MetadataReport) -> None:
    eprint(
        f"metadata: {report.records_described} records described by "
        f"{len(report.manifests)} manifest(s); {report.unmatched_count} rows not used, "
        f"{report.without_row_count} files with no row"
    )
    for source, message in report.problems:
        eprint(f"  manifest    {source}: {message}")
    for source, line, why in report.unmatched_rows[:50]:
        where = f"line {line}" if line else "row"
        eprint(f"  row         {source} {where}: {why}")
    for path in report.files_without_row[:50]:
        eprint(f"  no row      {path}")


def run(args: argparse.Namespace, ctx: Context) -> int:
    missing = [str(p) for p in args.paths if not p.exists() and not p.is_symlink()]
    if missing:
        raise UsageError(f"no such file or folder: {missing[0]}")
    if args.jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    for manifest in args.metadata:
        if not manifest.is_file():
            raise UsageError(f"no such metadata file: {manifest}")
        try:
            read_manifest(manifest)
        except ManifestError as exc:
            raise UsageError(f"metadata file {manifest.name}: {exc}") from exc
    store = ctx.store
    with progress_bar("ingesting") as bar:
        try:
            summary = ingest_paths(
                store,
                args.paths,
                args.collection,
                args.kind,
                args.jobs,
                bar,
                metadata=args.metadata,
            )
        except Cancelled:
            eprint("ingest cancelled: files read so far are stored; run it again to finish")
            return 1
    _report(summary)
    print_json(summary.as_dict())
    return 0
