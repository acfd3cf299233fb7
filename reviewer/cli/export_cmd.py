"""`reviewer export transfer` (the TDR BagIt bag) and `reviewer export appraisal-report` (a PDF)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reviewer.cli.context import Context, UsageError, print_json
from reviewer.cli.progress_bar import progress_bar
from reviewer.export.appraisal_report import write_appraisal_report
from reviewer.export.bag import BagInfo
from reviewer.export.readiness import check_session
from reviewer.export.transfer import TransferRefused, export_transfer
from reviewer.export.verification_file import NoReport, read_report
from reviewer.progress import Cancelled
from reviewer.records_view import NoSuchCollection
from reviewer.safe_text import escape_lines


def eprint(message: str) -> None:
    """A message for the user on stderr (never personal data beyond record paths)."""
    sys.stderr.write(escape_lines(message) + "\n")


def register(sub: Any) -> None:
    parser = sub.add_parser("export", help="export a transfer bag or an appraisal report")
    what = parser.add_subparsers(dest="export_what", metavar="WHAT", required=True)

    transfer = what.add_parser(
        "transfer", help="a BagIt bag of the records selected for transfer, with TDR metadata"
    )
    transfer.add_argument("--collection", required=True, metavar="NAME")
    transfer.add_argument("--out", metavar="DIR", type=Path, help="where the bag goes")
    transfer.add_argument(
        "--check",
        action="store_true",
        help="only check: every record left out or refused and why, as JSON (exit 0)",
    )
    transfer.add_argument("--source-organization", default="", metavar="TEXT")
    transfer.add_argument("--series", default="", metavar="REF", help="TNA series, e.g. 'ABC 1'")
    transfer.add_argument("--contact-name", default="", metavar="TEXT")
    transfer.add_argument("--contact-email", default="", metavar="EMAIL")
    transfer.set_defaults(func=run_transfer)

    verification = what.add_parser(
        "verification", help="print the redaction verification report of a transfer bag"
    )
    verification.add_argument("--bag", required=True, metavar="DIR", type=Path)
    verification.set_defaults(func=run_verification)

    report = what.add_parser("appraisal-report", help="a PDF of the collection's appraisal")
    report.add_argument("--collection", required=True, metavar="NAME")
    report.add_argument("--out", required=True, metavar="FILE.pdf", type=Path)
    report.set_defaults(func=run_report)


def run_transfer(args: argparse.Namespace, ctx: Context) -> int:
    info = BagInfo(
        source_organization=args.source_organization,
        consignment_series=args.series,
        contact_name=args.contact_name,
        contact_email=args.contact_email,
        internal_sender_identifier=args.collection,
    )
    if args.check:
        return _run_check(args, ctx, info)
    if args.out is None:
        raise UsageError("give --out DIR for the bag (or --check to only check)")
    out: Path = args.out
    if not out.resolve().parent.is_dir():
        raise UsageError(f"the folder to hold {out.name} does not exist")
    try:
        with progress_bar("exporting") as progress:
            summary = export_transfer(ctx.store, args.collection, out, progress, info)
    except NoSuchCollection as exc:
        raise UsageError(str(exc)) from exc
    except TransferRefused as exc:
        eprint(f"reviewer: transfer refused, nothing written ({len(exc.problems)} problem(s)):")
        for problem in exc.problems:
            eprint(f"  {problem}")
        return 1
    except Cancelled:
        eprint("reviewer: export cancelled, nothing written")
        return 1
    if summary.missing_bag_info:
        eprint(f"reviewer: note: bag-info.txt lacks {', '.join(summary.missing_bag_info)}")
    if summary.formula_paths:
        eprint(
            f"reviewer: warning: {len(summary.formula_paths)} name(s) in metadata.csv start with "
            "= + - @, a tab or CR; TDR needs the exact names, so they are kept, but a "
            "spreadsheet may run them as formulas: open metadata.csv as text, e.g. "
            f"{summary.formula_paths[0]}"
        )
    print_json(summary.as_dict())
    return 0


def run_verification(args: argparse.Namespace, ctx: Context) -> int:
    """The bag's redaction-verification.txt on stdout; exit 1 when a copy failed."""
    try:
        text = read_report(args.bag)
    except NoReport as exc:
        raise UsageError(str(exc)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError("the verification report cannot be read") from exc
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 1 if "FAILED" in text else 0


def _run_check(args: argparse.Namespace, ctx: Context, info: BagInfo) -> int:
    """The readiness check alone: JSON on stdout, the summary on stderr, exit 0."""
    try:
        with ctx.store.session() as session:
            readiness = check_session(session, args.collection, info)
    except NoSuchCollection as exc:
        raise UsageError(str(exc)) from exc
    print_json(readiness.as_dict())
    eprint(readiness.sentence())
    if readiness.formula_paths:
        eprint(
            f"warning: {len(readiness.formula_paths)} name(s) start with = + - @, a tab or CR; "
            "metadata.csv keeps them exact for TDR: open it as text, not in a spreadsheet"
        )
    if readiness.missing_bag_info:
        eprint(f"bag-info.txt lacks {', '.join(readiness.missing_bag_info)}")
    return 0


def run_report(args: argparse.Namespace, ctx: Context) -> int:
    out: Path = args.out
    if not out.resolve().parent.is_dir():
        raise UsageError(f"the folder to hold {out.name} does not exist")
    try:
        report = write_appraisal_report(ctx.store, args.collection, out)
    except NoSuchCollection as exc:
        raise UsageError(str(exc)) from exc
    print_json({"out": str(out), "counts": report.counts, "selected": len(report.selected)})
    return 0
