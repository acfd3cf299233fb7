"""`reviewer audit verify` (exit 0 intact, 1 naming the first altered or removed event) and
`reviewer audit log [--collection NAME] [--record ID]`; `reviewer audit baseline --reason TEXT`
(the administrator accepts a store's present state into the history, e.g. after an upgrade)."""

from __future__ import annotations

import argparse
from typing import Any

from reviewer.audit import history, record_history, verify
from reviewer.cli.context import Context, UsageError, eprint, print_json
from reviewer.decisions import DecisionError, collection_id_of

SHOWN = 50  # problems listed on stderr


def register(sub: Any) -> None:
    parser = sub.add_parser("audit", help="check or show the decision history")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    ver = actions.add_parser("verify", help="check the hash chain of the decision history")
    ver.set_defaults(func=run_verify)
    log = actions.add_parser("log", help="print history events as JSON")
    log.add_argument("--collection", metavar="NAME")
    log.add_argument("--record", type=int, metavar="ID")
    log.set_defaults(func=run_log)
    base = actions.add_parser(
        "baseline",
        help="accept every row the history does not account for (administrator; kept in history)",
    )
    base.add_argument("--reason", required=True, metavar="TEXT", help="why, kept in the history")
    base.set_defaults(func=run_baseline)


def _run_verify(args: argparse.Namespace, ctx: Context) -> int:
    from reviewer.audit.baseline import baseline_events

    with ctx.store.session() as session:
        result = verify(session)
        baselines = baseline_events(session) if result.ok or result.problems else []
    print_json(
        {
            "ok": result.ok,
            "events": result.events,
            "events_checked": result.events,
            "first_bad_event_id": result.first_bad_event_id,
            "reason": result.reason,
            # Verified head when intact; when broken, what the stored head claims (or null).
            "head_hash": result.head_hash,
            # Every row the history does not account for, by table and key.
            "unchecked": list(result.unchecked),
            "problems": [
                {"table": p.table, "key": p.key, "change": p.change, "event_id": p.event_id}
                for p in result.problems
            ],
            # Each time the present state was accepted into the history, by whom and why.
            "baselines": baselines,
        }
    )
    head = result.head_hash or "none"
    for b in baselines:
        eprint(
            f"baseline: event {b['event_id']} by {b['by']} at {b['at']} accepted "
            f"{b['rows']} row(s): {b['reason']}"
        )
    for table in result.unchecked:
        eprint(f"not checked with this login: {table} (hidden from reviewers until QA is complete)")
    if result.ok:
        eprint(f"history intact: {result.events} events checked, head hash {head}")
        return 0
    if not result.problems:
        eprint(
            f"history broken at event {result.first_bad_event_id}: {result.reason} "
            f"({result.events} events checked, stored head hash {head})"
        )
        return 1
    eprint(
        f"history intact ({result.events} events, head hash {head}) but "
        f"{len(result.problems)} row(s) were changed outside the tool:"
    )
    for problem in result.problems[:SHOWN]:
        eprint(f"  {problem}")
    if len(result.problems) > SHOWN:
        eprint(f"  ... and {len(result.problems) - SHOWN} more (all are in the JSON)")
    return 1


def _run_log(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store.session() as session:
        if args.record is not None:
            events = record_history(session, args.record)
        else:
            cid = None
            if args.collection:
                try:
                    cid = collection_id_of(session, args.collection)
                except DecisionError as exc:
                    raise UsageError(exc.problems[0]) from exc
            events = history(session, cid)
    print_json([e.__dict__ for e in events])
    return 0


def run_baseline(args: argparse.Namespace, ctx: Context) -> int:
    from reviewer.audit.baseline import BaselineRefused, take_baseline
    from reviewer.team.identity import current_identity

    with ctx.store.session() as session:
        try:
            done = take_baseline(session, current_identity(session).name, args.reason)
        except BaselineRefused as exc:
            eprint(f"reviewer: refused: {exc}")
            return 2
        session.commit()
    print_json({"event_id": done.event_id, "accepted": done.accepted})
    if done.event_id is None:
        eprint("history intact: nothing to accept")
    else:
        total = sum(done.accepted.values())
        eprint(
            f"baseline taken: {total} row(s) accepted into the history from event {done.event_id}"
        )
    return 0


def run_verify(args: argparse.Namespace, ctx: Context) -> int:
    return _run_verify(args, ctx)


def run_log(args: argparse.Namespace, ctx: Context) -> int:
    return _run_log(args, ctx)
