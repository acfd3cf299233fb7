"""`reviewer team grants DATABASE` (the administrator's SQL) and `reviewer team whoami`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reviewer.cli.context import Context, print_json
from reviewer.team.identity import current_identity
from reviewer.team.roles import admin_script


def register(sub: Any) -> None:
    parser = sub.add_parser("team", help="team mode on PostgreSQL: roles, grants, identity")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    grants = actions.add_parser(
        "grants", help="print the SQL that creates the group roles and grants (safe to re-run)"
    )
    grants.add_argument("database", metavar="DATABASE", help="the database's name on the server")
    grants.set_defaults(func=run_grants)
    who = actions.add_parser("whoami", help="the login and team role this store sees")
    who.set_defaults(func=run_whoami)


def run_grants(args: argparse.Namespace, ctx: Context) -> int:
    """Prints only: nothing is connected to, so the administrator can read it first."""
    sys.stdout.write(admin_script(args.database))
    return 0


def run_whoami(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store.session() as session:
        ident = current_identity(session)
    print_json({"name": ident.name, "group": ident.group, "team": ident.team})
    return 0
