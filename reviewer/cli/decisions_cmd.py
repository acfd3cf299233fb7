"""`reviewer decisions import FILE.csv --collection NAME` and
`reviewer decisions export --collection NAME --format csv|json`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reviewer.cli import decide_actions
from reviewer.cli.context import Context, UsageError, eprint, print_json
from reviewer.decisions import DecisionError, collection_id_of
from reviewer.decisions.table import TableError, export_rows, read_csv, write_csv
from reviewer.decisions.table_import import import_rows


def register(sub: Any) -> None:
    parser = sub.add_parser("decisions", help="import or export a collection's decisions")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = actions.add_parser("import", help="import a decisions CSV (bad rows are reported)")
    imp.add_argument("file", metavar="FILE.csv", type=Path)
    imp.add_argument("--collection", required=True, metavar="NAME")
    imp.set_defaults(func=run_import)
    exp = actions.add_parser("export", help="print one decision row per record")
    exp.add_argument("--collection", required=True, metavar="NAME")
    exp.add_argument("--format", choices=("csv", "json"), default="csv")
    exp.set_defaults(func=run_export)
    decide_actions.register(actions)


def _collection(session: Any, name: str) -> int:
    try:
        return collection_id_of(session, name)
    except DecisionError as exc:
        raise UsageError(exc.problems[0]) from exc


def _run_import(args: argparse.Namespace, ctx: Context) -> int:
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {args.file.name}: {exc.strerror}") from exc
    try:
        rows = read_csv(data)
    except TableError as exc:
        raise UsageError(f"{args.file.name}: {exc}") from exc
    with ctx.store.session() as session:
        cid = _collection(session, args.collection)
        report = import_rows(session, cid, rows)
    for line, reason in report.problems:
        eprint(f"line {line}: {reason}")
    for line, stored, in_file in report.conflicts:
        eprint(
            f"line {line}: conflict: the decision changed since the file was exported "
            f"(file version {in_file['version']}, now {stored['version']} by "
            f"{stored['changed_by'] or 'someone'}): kept the stored decision"
        )
    eprint(
        f"{report.saved} row(s) saved, {report.unchanged} unchanged, "
        f"{len(report.problems)} rejected, {len(report.conflicts)} conflict(s)"
    )
    print_json(report.as_dict())
    return 0


def _run_export(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store.session() as session:
        cid = _collection(session, args.collection)
        rows = export_rows(session, cid)
    if args.format == "json":
        print_json([{"record_id": rid, **row} for rid, row in rows])
    else:
        sys.stdout.write(write_csv(row for _, row in rows))
    return 0


def run_import(args: argparse.Namespace, ctx: Context) -> int:
    return _run_import(args, ctx)


def run_export(args: argparse.Namespace, ctx: Context) -> int:
    return _run_export(args, ctx)
