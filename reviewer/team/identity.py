"""Who is acting: in team mode the database login, never a name typed on the command line.

On PostgreSQL a login that is a member of one of the group roles (`records_reviewer`,
`records_checker`, `records_admin`) is a team member: every event it appends carries its login
name, and the store refuses an event signed with another name (trigger from migration
0008_team_proof). On a single workstation (SQLite, or a PostgreSQL login in no group) the person
is the operating-system user unless a name is given, recorded with the role `workstation`.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

IDENTITY_KEY = "rr_identity"  # connection.info cache: one query per connection
DEFAULT_ROLE = {"reviewer": "sensitivity", "checker": "qa", "admin": "admin", "owner": "admin"}


@dataclass(frozen=True)
class Identity:
    """The person behind a session: `name`, and `group` (reviewer, checker, admin, owner,
    workstation). `team` is True when the store enforces the name (a team login)."""

    name: str
    group: str

    @property
    def team(self) -> bool:
        return self.group in ("reviewer", "checker", "admin")

    @property
    def default_role(self) -> str:
        """The role recorded for changes made without one (a scan, an ingest)."""
        return DEFAULT_ROLE.get(self.group, "workstation")


class WrongPerson(PermissionError):
    """A team login tried to act under another person's name."""


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in the environment (a service account)
        return "workstation user"


def current_identity(session: Session) -> Identity:
    """The identity of the session's connection (cached on the connection)."""
    conn = session.connection()
    cached = conn.info.get(IDENTITY_KEY)
    if isinstance(cached, Identity):
        return cached
    if conn.dialect.name == "postgresql":
        row = conn.execute(
            text(
                "SELECT session_user, records_team_role(), "
                "(SELECT rolsuper FROM pg_roles WHERE rolname = session_user)"
            )
        ).one()
        ident = Identity(str(row[0]), str(row[1]))
        if not ident.team or row[2]:  # a superuser is the server's administrator, not a member
            ident = Identity(str(row[0]), "owner")
    else:
        ident = Identity(_os_user(), "workstation")
    conn.info[IDENTITY_KEY] = ident
    return ident


def acting_name(session: Session, claimed: str | None) -> str:
    """The name to record for a change: the login in team mode (refusing another name),
    else `claimed` or the workstation user."""
    ident = current_identity(session)
    if ident.team:
        if claimed and claimed.strip() and claimed.strip() != ident.name:
            raise WrongPerson(
                f"you are logged in as {ident.name} ({ident.group}); "
                "a change cannot be recorded under another person's name"
            )
        return ident.name
    return claimed.strip() if claimed and claimed.strip() else ident.name
