"""`reviewer records set-date`: the date of the record (TDR "date of the record"), or a suggestion.

Without a date it shows what the record suggests and why, and changes nothing; the suggestion
is applied only with `--accept-suggested` (a reviewer's explicit confirmation).
"""

from __future__ import annotations

import argparse
import getpass
from datetime import date
from typing import Any

from reviewer.cli.context import Context, UsageError, eprint, print_json
from reviewer.cli.lookup import record_at
from reviewer.decisions import Actor, DecisionError, set_record_date
from reviewer.decisions.date_suggest import suggest_record_dates
from reviewer.decisions.types import ROLES


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"{value!r} is not a date YYYY-MM-DD") from exc


def register(actions: Any) -> None:
    """Adds `set-date` under `reviewer records`."""
    p = actions.add_parser(
        "set-date",
        help="set the date of the record (TDR 'date of the record'), or see what it suggests",
    )
    p.add_argument("--collection", required=True, metavar="NAME")
    p.add_argument("path", metavar="PATH", help="the record's path as `reviewer records` lists it")
    p.add_argument("date", metavar="YYYY-MM-DD", nargs="?")
    p.add_argument(
        "--accept-suggested",
        action="store_true",
        help="apply the date the record itself suggests (e-mail header, signature, properties)",
    )
    p.add_argument("--by", default=getpass.getuser(), metavar="NAME", help="who sets it")
    p.add_argument("--role", default="sensitivity", choices=ROLES)
    p.set_defaults(func=run_set_date)


def run_set_date(args: argparse.Namespace, ctx: Context) -> int:
    given = _date(args.date)
    if given is not None and args.accept_suggested:
        raise UsageError("give a date or --accept-suggested, not both")
    with ctx.store.session() as session:
        rid = record_at(session, args.collection, args.path)
        suggestions = suggest_record_dates(session, rid)
        chosen = given
        reason = "given by the reviewer"
        if args.accept_suggested:
            if not suggestions:
                eprint("reviewer: the record suggests no date; give one (YYYY-MM-DD)")
                return 1
            chosen, reason = suggestions[0].date, f"suggested: {suggestions[0].reason}"
        out: dict[str, Any] = {
            "path": args.path,
            "suggested": [s.as_dict() for s in suggestions],
        }
        if chosen is None:
            out["record_date"] = _current(session, rid)
            print_json(out)
            eprint("nothing changed: give a date, or --accept-suggested to apply the first")
            return 0
        try:
            view = set_record_date(session, rid, Actor(args.by, args.role), chosen)
        except DecisionError as exc:
            for problem in exc.problems:
                eprint(f"refused: {problem}")
            return 1
    out["record_date"] = view.record_date.isoformat() if view.record_date else None
    print_json(out)
    eprint(f"date of the record set to {chosen.isoformat()} ({reason})")
    return 0


def _current(session: Any, record_id: int) -> str | None:
    from reviewer.decisions import get_decision

    current = get_decision(session, record_id).record_date
    return current.isoformat() if current else None
