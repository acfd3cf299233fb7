"""A refusal by the store (a team role without the right) as one line, never a traceback.

PostgreSQL refuses with `insufficient_privilege` (SQLSTATE 42501): a missing grant ("permission
denied for table holds"), row-level security, or one of the team triggers ("a sensitivity
reviewer cannot countersign QA"). The line names the login, its team role and the action.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from models import Store
from reviewer.team.identity import WrongPerson, acting_name

INSUFFICIENT_PRIVILEGE = "42501"
_ACTION = re.compile(
    r"^\s*(INSERT|UPDATE|DELETE|SELECT)\b(?:.*?\b(?:INTO|FROM)\s+|\s+)(\w+)?", re.I | re.S
)


def _who(store: Store) -> str:
    login = store.engine.url.username or "?"
    try:
        with store.engine.connect() as conn:
            role = conn.execute(text("SELECT records_team_role()")).scalar()
    except Exception:  # the reason is the refusal, not this look-up
        return f"login {login}"
    return f"login {login}, {role}"


def refusal_line(exc: BaseException, store: Store | None) -> str | None:
    """The one-line message for a refused action, or None when `exc` is something else."""
    if isinstance(exc, WrongPerson):
        return f"refused: {exc}"
    if not isinstance(exc, DBAPIError):
        return None
    if getattr(exc.orig, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
        return None
    diag = getattr(exc.orig, "diag", None)
    reason = getattr(diag, "message_primary", None) or str(exc.orig).splitlines()[0]
    action = ""
    match = _ACTION.match(exc.statement or "")
    if match:
        verb, table = match.group(1).upper(), match.group(2)
        action = f" {verb}{f' on {table}' if table else ''}"
    who = f" ({_who(store)})" if store is not None else ""
    return f"refused by the store{who}:{action} — {reason}"


def _given(argv: Sequence[str], option: str) -> bool:
    return any(a == option or a.startswith(f"{option}=") for a in argv)


def call(func: Callable[[Any, Any], int], args: Any, ctx: Any, argv: Sequence[str] = ()) -> int:
    """Run a command; a refusal by the store becomes a `UsageError` (one line, exit 2).

    A `--by NAME` left at its default (the operating-system user) becomes the person the store
    knows: in team mode the login, so nobody has to type their own name and nobody can type
    another's (`append_event` refuses that).
    """
    from reviewer.cli.context import UsageError

    try:
        if isinstance(getattr(args, "by", None), str) and not _given(argv, "--by"):
            with ctx.store.session() as session:
                args.by = acting_name(session, None)
        return func(args, ctx)
    except (DBAPIError, WrongPerson) as exc:
        line = refusal_line(exc, ctx.opened_store())
        if line is None:
            raise
        raise UsageError(line) from None
