"""`reviewer` / `reviewer gui [--collection NAME] [--screenshot FILE.png]`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reviewer.cli.context import Context, print_json
from reviewer.records_view import list_records
from reviewer.sample import ensure_sample_collection


def register(sub: Any) -> None:
    parser = sub.add_parser("gui", help="open the review workstation (the default command)")
    parser.add_argument("--collection", metavar="NAME", help="collection to open (default: sample)")
    parser.add_argument("--screenshot", type=Path, metavar="FILE.png", help="save a PNG and exit")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    name = args.collection or ensure_sample_collection(ctx.store)
    # Until the workstation window lands, show what the store holds for the collection.
    with ctx.store.session() as session:
        rows = list_records(session, name)
    print_json([r.as_dict() for r in rows])
    return 0
