"""`reviewer records confirm-looked`: a reviewer confirms someone looked at a record that no scan
could read (image, scan without text, audio, video, or never scanned), so it may go Open."""

from __future__ import annotations

import argparse
import getpass
from typing import Any

from reviewer.cli.context import Context, eprint, print_json
from reviewer.cli.lookup import record_at
from reviewer.decisions import Actor, DecisionError
from reviewer.decisions.looked_at import confirm_looked_at
from reviewer.decisions.types import ROLES


def register(actions: Any) -> None:
    """Adds `confirm-looked` under `reviewer records`."""
    p = actions.add_parser(
        "confirm-looked",
        help="confirm someone looked at a record no scan could read (kept in the history)",
    )
    p.add_argument("--collection", required=True, metavar="NAME")
    p.add_argument("path", metavar="PATH", help="the record's path as `reviewer records` lists it")
    p.add_argument("--withdraw", action="store_true", help="withdraw the confirmation")
    p.add_argument("--by", default=getpass.getuser(), metavar="NAME", help="who looked")
    p.add_argument("--role", default="sensitivity", choices=ROLES)
    p.set_defaults(func=run_confirm)


def run_confirm(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store.session() as session:
        rid = record_at(session, args.collection, args.path)
        try:
            view = confirm_looked_at(session, rid, Actor(args.by, args.role), undo=args.withdraw)
        except DecisionError as exc:
            for problem in exc.problems:
                eprint(f"refused: {problem}")
            return 1
    print_json({"path": args.path, "looked_at_by": view.looked_at_by})
    eprint("confirmation withdrawn" if args.withdraw else f"{args.by} looked at {args.path}")
    return 0
