"""`reviewer records --collection NAME --format json|csv|table`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from reviewer import csv_cells
from reviewer.cli import looked_at_cmd, record_date_cmd
from reviewer.cli.context import Context, UsageError, print_json
from reviewer.records_view import FIELDS, NoSuchCollection, RecordView, list_records
from reviewer.safe_text import escape


def register(sub: Any) -> None:
    parser = sub.add_parser("records", help="list a collection's records")
    parser.add_argument("--collection", metavar="NAME")
    parser.add_argument("--format", choices=("json", "csv", "table"), default="table")
    parser.set_defaults(func=run)
    actions = parser.add_subparsers(dest="records_action", metavar="ACTION")
    record_date_cmd.register(actions)
    looked_at_cmd.register(actions)


def _shown(value: str) -> Text:
    """A name or message as plain text: control characters escaped, no Rich markup run."""
    return Text(escape(value))


def _table(rows: list[RecordView]) -> None:
    table = Table(show_lines=False)
    for column in ("id", "path", "size", "puid", "status", "pages", "duplicate_of", "message"):
        table.add_column(column, overflow="fold")
    for r in rows:
        table.add_row(
            str(r.id),
            _shown(r.path),
            f"{r.size:,}",
            r.puid or "",
            r.status,
            "" if r.pages is None else str(r.pages),
            "" if r.duplicate_of is None else str(r.duplicate_of),
            _shown(r.message),
        )
    Console(file=sys.stdout, width=200).print(table)


def run(args: argparse.Namespace, ctx: Context) -> int:
    if not args.collection:
        raise UsageError("records: --collection NAME is required")
    try:
        with ctx.store.session() as session:
            rows = list_records(session, args.collection)
    except NoSuchCollection as exc:
        raise UsageError(str(exc)) from exc
    if args.format == "json":
        print_json([r.as_dict() for r in rows])
    elif args.format == "csv":
        items = []
        for r in rows:
            item = r.as_dict()
            item["metadata"] = json.dumps(r.metadata, ensure_ascii=False) if r.metadata else ""
            items.append(item)
        # Cells a spreadsheet would run (a file named "=HYPERLINK(...)") are neutralised.
        csv_cells.write_rows(sys.stdout, FIELDS, items)
    else:
        _table(rows)
    return 0
