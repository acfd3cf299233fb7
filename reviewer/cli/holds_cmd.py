"""`reviewer holds list|add|lift`: legal holds (destruction moratoria) on a collection."""

from __future__ import annotations

import argparse
import getpass
from datetime import date
from typing import Any

from sqlalchemy import select

from models.records import Record
from reviewer.cli.context import Context, UsageError, eprint, print_json
from reviewer.decisions import (
    Actor,
    DecisionError,
    HoldView,
    active_holds_for,
    collection_id_of,
    create_hold,
    lift_hold,
    list_holds,
)
from reviewer.decisions.markers import HELD_DESTROY, held_destroy


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date YYYY-MM-DD") from exc


def register(sub: Any) -> None:
    parser = sub.add_parser("holds", help="list, add or lift legal holds")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    ls = actions.add_parser("list", help="holds of a collection, with the records each covers")
    ls.add_argument("--collection", required=True, metavar="NAME")
    ls.add_argument("--active", action="store_true", help="only holds in force")
    ls.set_defaults(func=run_list)
    add = actions.add_parser("add", help="place a named hold")
    add.add_argument("--collection", required=True, metavar="NAME")
    add.add_argument("--name", required=True, help='e.g. "Undercover Policing Inquiry"')
    add.add_argument("--reason", default="")
    add.add_argument("--keyword", action="append", default=[], help="repeat for several")
    add.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD")
    add.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD")
    add.add_argument("--by", default=getpass.getuser(), help="who places it")
    add.add_argument("--role", default="appraiser", choices=("appraiser", "sensitivity", "qa"))
    add.set_defaults(func=run_add)
    lift = actions.add_parser("lift", help="lift a hold (kept in the history)")
    lift.add_argument("hold_id", type=int, metavar="ID")
    lift.add_argument("--reason", default="")
    lift.add_argument("--by", default=getpass.getuser())
    lift.add_argument("--role", default="appraiser", choices=("appraiser", "sensitivity", "qa"))
    lift.set_defaults(func=run_lift)


def _json(h: HoldView, records: int | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": h.id,
        "name": h.name,
        "reason": h.reason,
        "keywords": list(h.keywords),
        "date_from": h.date_from,
        "date_to": h.date_to,
        "active": h.active,
        "created_by": h.created_by,
        "created_at": h.created_at,
        "lifted_by": h.lifted_by,
        "lifted_at": h.lifted_at,
        "lift_reason": h.lift_reason,
    }
    if records is not None:
        out["records"] = records
    return out


def _cid(session: Any, name: str) -> int:
    try:
        return collection_id_of(session, name)
    except DecisionError as exc:
        raise UsageError(exc.problems[0]) from exc


def _suspended(session: Any, cid: int) -> dict[int, list[dict[str, Any]]]:
    """hold id -> the records decided destroy that it covers ("held: destroy suspended")."""
    held = held_destroy(session, cid)
    stmt = select(Record.id, Record.path).where(Record.id.in_(list(held)))
    paths: dict[int, str] = {rid: path for rid, path in session.execute(stmt)}
    out: dict[int, list[dict[str, Any]]] = {}
    for rid, holds in sorted(held.items(), key=lambda kv: paths.get(kv[0], "")):
        for h in holds:
            out.setdefault(h.id, []).append(
                {"record_id": rid, "path": paths.get(rid, ""), "marker": HELD_DESTROY}
            )
    return out


def _run_list(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store.session() as session:
        cid = _cid(session, args.collection)
        holds = list_holds(session, cid, include_lifted=not args.active)
        counts: dict[int, int] = {}
        for hs in active_holds_for(session, cid).values():
            for h in hs:
                counts[h.id] = counts.get(h.id, 0) + 1
        suspended = _suspended(session, cid)
    out = []
    for h in holds:
        item = _json(h, counts.get(h.id, 0) if h.active else None)
        if h.active:
            item["destroy_suspended"] = suspended.get(h.id, [])
            for r in item["destroy_suspended"]:
                eprint(f"hold {h.id}: {r['path']}: {HELD_DESTROY}")
        out.append(item)
    print_json(out)
    return 0


def _run_add(args: argparse.Namespace, ctx: Context) -> int:
    try:
        with ctx.store.session() as session:
            hold = create_hold(
                session,
                _cid(session, args.collection),
                Actor(args.by, args.role),
                args.name,
                reason=args.reason,
                keywords=args.keyword,
                date_from=args.date_from,
                date_to=args.date_to,
            )
            suspended = _suspended(session, hold.collection_id).get(hold.id, [])
    except DecisionError as exc:
        raise UsageError("; ".join(exc.problems)) from exc
    eprint(f"hold {hold.id} placed")
    # A hold over records already decided destroy says so, naming each one.
    for r in suspended:
        eprint(f"  {r['path']}: {HELD_DESTROY} (it was decided destroy)")
    if suspended:
        eprint(f"{len(suspended)} record(s) decided destroy are now held: destroy suspended")
    print_json({**_json(hold), "destroy_suspended": suspended})
    return 0


def _run_lift(args: argparse.Namespace, ctx: Context) -> int:
    try:
        with ctx.store.session() as session:
            hold = lift_hold(session, args.hold_id, Actor(args.by, args.role), args.reason)
    except DecisionError as exc:
        eprint(f"reviewer: {'; '.join(exc.problems)}")
        return 1
    eprint(f"hold {hold.id} lifted")
    print_json(_json(hold))
    return 0


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    return _run_list(args, ctx)


def run_add(args: argparse.Namespace, ctx: Context) -> int:
    return _run_add(args, ctx)


def run_lift(args: argparse.Namespace, ctx: Context) -> int:
    return _run_lift(args, ctx)
