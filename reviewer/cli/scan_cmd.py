"""`reviewer scan --collection NAME [--jobs N]`: detection over a collection's records."""

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
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
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
