"""`reviewer allow|deny add|remove|list`: a collection's never-flag and always-flag terms.

Allow terms hide matching spans (of one label, or any label when `--label` is left out) in every
record of the collection; deny terms flag every occurrence with their label, now and on each scan.
Each change is recorded in the audit history with who made it.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from sqlalchemy import select

from reviewer.cli.context import Context, UsageError, print_json

ROLES = ("appraiser", "sensitivity", "qa")


def register(sub: Any) -> None:
    for kind, what in (
        ("allow", "terms never flagged as personal data in a collection"),
        ("deny", "terms always flagged as personal data in a collection"),
    ):
        parser = sub.add_parser(kind, help=f"add, remove or list {what}")
        actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
        for action in ("add", "remove"):
            p = actions.add_parser(action, help=f"{action} a {kind} term")
            p.add_argument("term", metavar="TERM")
            p.add_argument("--collection", required=True, metavar="NAME")
            p.add_argument(
                "--label",
                required=kind == "deny",
                default="",
                help="label the term is flagged with"
                if kind == "deny"
                else "only spans of this label (default: any label)",
            )
            p.add_argument("--by", default=getpass.getuser(), help="who makes the change")
            p.add_argument("--role", default="sensitivity", choices=ROLES)
            p.set_defaults(func=run_change, kind=kind)
        ls = actions.add_parser("list", help=f"the collection's {kind} list as JSON")
        ls.add_argument("--collection", required=True, metavar="NAME")
        ls.set_defaults(func=run_list, kind=kind)


def _collection_id(session: Any, name: str) -> int:
    from models.records import Collection

    cid = session.scalar(select(Collection.id).where(Collection.name == name))
    if cid is None:
        raise UsageError(f"no collection named {name!r}")
    return int(cid)


def _check_label(label: str) -> None:
    from reviewer.detect import LABELS

    if label and label not in LABELS:
        raise UsageError(f"unknown label {label!r} (one of {' '.join(LABELS)})")


def run_change(args: argparse.Namespace, ctx: Context) -> int:
    from reviewer.detect.entities import (
        add_allow_term,
        add_deny_term,
        remove_allow_term,
        remove_deny_term,
    )

    _check_label(args.label)
    if not args.term.strip():
        raise UsageError("the term cannot be empty")
    with ctx.store.session() as session:
        cid = _collection_id(session, args.collection)
        if args.kind == "allow":
            allow = add_allow_term if args.action == "add" else remove_allow_term
            changed = allow(session, cid, args.term, args.by, args.label, role=args.role)
        else:
            deny = add_deny_term if args.action == "add" else remove_deny_term
            changed = deny(session, cid, args.term, args.label, args.by, role=args.role)
    done = "added" if args.action == "add" else "removed"
    if changed:
        sys.stderr.write(f"{args.kind} term {done}\n")
    else:
        state = "already listed" if args.action == "add" else "not listed"
        sys.stderr.write(f"{args.kind} term {state}; nothing changed\n")
    print_json({"kind": args.kind, "action": args.action, "changed": bool(changed)})
    return 0


def run_list(args: argparse.Namespace, ctx: Context) -> int:
    from reviewer.detect.entities import list_terms

    with ctx.store.session() as session:
        cid = _collection_id(session, args.collection)
        rows = list_terms(session, cid, args.kind)
    print_json([{"term": t, "label": lab, "added_by": who} for t, lab, who in rows])
    return 0
