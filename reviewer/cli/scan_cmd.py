"""`reviewer scan --collection NAME [--jobs N | --worker]`: detection over a collection's records.

With `--worker` this process joins a scan shared by any number of machines on one PostgreSQL
store (`reviewer.team.worker`): it claims records, scans them and stops when all are done.
"""

from __future__ import annotations

import argparse
import sys

from reviewer.cli.context import Context, UsageError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("scan", help="detect personal data in a collection's records")
    parser.add_argument("--collection", required=True, metavar="NAME")
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes")
    parser.add_argument(
        "--force",
        action="store_true",
        help="re-detect even where the text and pipeline are unchanged",
    )
    parser.add_argument(
        "--worker",
        action="store_true",
        help="share the scan with workers on other machines (claims records from the store)",
    )
    parser.add_argument(
        "--claim-seconds",
        type=float,
        default=300.0,
        metavar="S",
        help="with --worker: a claim held this long without renewal is given to another worker",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.worker:
        return _run_worker(args, ctx)
    from reviewer.cli.progress_bar import progress_bar
    from reviewer.detect.entities import scan_collection
    from reviewer.progress import Cancelled

    try:
        with progress_bar("scanning") as bar:
            summary = scan_collection(ctx.store, args.collection, args.jobs, bar, force=args.force)
    except LookupError as exc:
        raise UsageError(str(exc)) from exc
    except Cancelled:
        sys.stderr.write("scan stopped; records finished so far are saved\n")
        return 1
    sys.stderr.write(
        f"scanned {summary.scanned}, from cache {summary.cached}, unchanged {summary.unchanged}, "
        f"skipped {summary.skipped} (not ok or no text); {summary.spans} spans; "
        f"{summary.seconds:.1f} s\n"
    )
    return 0


def _run_worker(args: argparse.Namespace, ctx: Context) -> int:
    from datetime import timedelta

    from reviewer.cli.context import print_json
    from reviewer.cli.progress_bar import progress_bar
    from reviewer.progress import Cancelled
    from reviewer.team.worker import run_worker

    if args.jobs != 1 or args.force:
        raise UsageError("--worker scans one record at a time; start more workers instead")
    if not 5 <= args.claim_seconds <= 86400:
        raise UsageError("--claim-seconds must be between 5 and 86400")
    try:
        with progress_bar("scanning (shared)") as bar:
            summary = run_worker(
                ctx.store,
                args.collection,
                ttl=timedelta(seconds=args.claim_seconds),
                poll=min(1.0, args.claim_seconds / 10),
                progress=bar,
            )
    except LookupError as exc:
        raise UsageError(str(exc)) from exc
    except Cancelled:
        sys.stderr.write("worker stopped; its unfinished records are back in the queue\n")
        return 1
    print_json(summary.as_json())
    sys.stderr.write(
        f"worker {summary.worker}: finished {summary.finished} records (scanned {summary.scanned}, "
        f"from cache {summary.cached}, unchanged {summary.unchanged}, skipped {summary.skipped}); "
        f"{summary.seconds:.1f} s\n"
    )
    return 0
