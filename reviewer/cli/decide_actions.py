"""`reviewer decisions propagate` and `reviewer decisions folder`: decide for many records at once.

Propagation prints what would change and only applies with `--apply` (the reviewer's
confirmation); folder decisions are inherited by every record under the folder unless a record
has its own.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from reviewer.cli.context import Context, UsageError, eprint, print_json
from reviewer.cli.lookup import collection_named, record_at
from reviewer.decisions import Actor, DecisionError
from reviewer.decisions.propagate import apply_propagation, preview_propagation
from reviewer.decisions.save import save_folder_appraisal, save_folder_sensitivity

ROLES = ("appraiser", "sensitivity", "qa")


def register(actions: Any) -> None:
    """Add `propagate` and `folder` to the `decisions` command's actions."""
    prop = actions.add_parser(
        "propagate", help="copy a record's decision to its exact copies and attachments"
    )
    prop.add_argument("--collection", required=True, metavar="NAME")
    prop.add_argument("--path", required=True, help="the record whose decision is copied")
    _who(prop)
    prop.add_argument("--apply", action="store_true", help="apply (without it: only show)")
    prop.set_defaults(func=run_propagate)
    folder = actions.add_parser("folder", help="decide for every record under a folder")
    folder.add_argument("--collection", required=True, metavar="NAME")
    folder.add_argument("--folder", required=True, help='folder path ("" = the whole collection)')
    _who(folder)
    folder.add_argument("--appraisal", choices=("select", "retain", "destroy", "defer"))
    folder.add_argument("--criteria", default="", help="criterion ids separated by ;")
    folder.add_argument("--rationale", default="")
    folder.add_argument("--closure-status", choices=("Open", "Closed"))
    folder.add_argument("--foi-codes", default="", help="FOI exemption codes separated by ;")
    folder.add_argument("--periods", default="", help="closure periods in years separated by ;")
    folder.add_argument(
        "--period-justification",
        default="",
        metavar="TEXT",
        help="why a period outside the exemption's usual periods is right (kept in the history)",
    )
    folder.add_argument(
        "--start-rule",
        choices=("record_date", "year_end"),
        help="closure start from each record's own date, or 31 December of its year",
    )
    folder.add_argument("--schedule-date", type=date.fromisoformat, metavar="YYYY-MM-DD")
    folder.set_defaults(func=run_folder)


def _who(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reviewer", required=True, metavar="NAME")
    parser.add_argument("--role", required=True, choices=ROLES)


def run_propagate(args: argparse.Namespace, ctx: Context) -> int:
    actor = Actor(args.reviewer, args.role)
    with ctx.store.session() as session:
        record_id = record_at(session, args.collection, args.path)
        changes = preview_propagation(session, record_id, actor)
        preview = [
            {
                "record_id": c.record_id,
                "path": c.path,
                "relation": c.relation,
                "parts": list(c.parts),
                "problems": list(c.problems),
            }
            for c in changes
        ]
        if not args.apply:
            print_json(preview)
            eprint(f"{len(changes)} related record(s) would change; add --apply to apply")
            return 0
        # Every previewed record is attempted: one with problems is refused WITH its reasons
        # (leaving it out silently printed "applied to 0, refused 0" after a preview of problems).
        result = apply_propagation(session, record_id, actor, [c.record_id for c in changes])
    paths = {c.record_id: c.path for c in changes}
    refused: list[dict[str, Any]] = [
        {"record_id": rid, "path": paths.get(rid, ""), "reasons": reasons}
        for rid, reasons in result.refused.items()
    ]
    print_json({"applied": [v.record_id for v in result.applied], "refused": refused})
    for item in refused:
        eprint(f"refused {item['path']}: {'; '.join(item['reasons'])}")
    eprint(f"applied to {len(result.applied)}, refused {len(result.refused)}")
    return 0


def _split(value: str) -> list[str]:
    return [v for v in value.split(";") if v]


def run_folder(args: argparse.Namespace, ctx: Context) -> int:
    if args.appraisal is None and args.closure_status is None:
        raise UsageError("give --appraisal and/or --closure-status")
    actor = Actor(args.reviewer, args.role)
    codes, periods = _split(args.foi_codes), _split(args.periods)
    if len(codes) != len(periods) or not all(p.isdigit() for p in periods):
        raise UsageError("--foi-codes and --periods need the same number of values (whole years)")
    try:
        with ctx.store.session() as session:
            cid = collection_named(session, args.collection)
            if args.appraisal:
                save_folder_appraisal(
                    session,
                    cid,
                    args.folder,
                    actor,
                    args.appraisal,
                    _split(args.criteria),
                    args.rationale,
                )
            if args.closure_status:
                save_folder_sensitivity(
                    session,
                    cid,
                    args.folder,
                    actor,
                    closure_status=args.closure_status,
                    exemptions=list(zip(codes, map(int, periods), strict=True)),
                    closure_start_rule=args.start_rule,
                    foi_schedule_date=args.schedule_date,
                    period_justification=args.period_justification,
                )
    except DecisionError as exc:
        for problem in exc.problems:
            eprint(f"refused: {problem}")
        return 1
    eprint(f"folder {args.folder or '(whole collection)'} decided")
    return 0
