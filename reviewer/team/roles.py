"""The PostgreSQL group roles and grants of team mode (docs/team.md shows the same statements).

Every person logs in as themselves and is a member of one group: `records_reviewer` (appraisal
and sensitivity review), `records_checker` (QA second review and countersigning) or
`records_admin` (ingest, holds, everything). Grants give each group only the tables it writes;
the 0006_team migration's triggers and row-level security enforce the finer rules.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

GROUPS = ("records_reviewer", "records_checker", "records_admin")
TEAM_GROUPS = ("records_reviewer", "records_checker")

# What reviewers and checkers both change. Decisions, holds and allow/deny lists are never
# deleted by the team (a hold is lifted, a decision changed, through the tool); only the
# administrator may DELETE them, or UPDATE or DELETE history.
TEAM_CHANGES = ("decisions", "holds")  # INSERT, UPDATE
# INSERT only. A model and its scores are never changed once stored: a retrain adds a version
# (the workstation retrains as reviewers save, so every reviewer may add one).
# A playing of a recording is what lets it go Open: it is added, never changed or removed.
TEAM_ADDS = (
    "detection_terms",
    "audit_events",
    "prediction_models",
    "predictions",
    "media_viewings",  # a reviewer played a recording (reviewer.viewings)
)
TEAM_REPLACES = (  # INSERT, UPDATE, DELETE: working data a scan or a reviewer replaces
    "redactions",
    "detected_entities",
    "entity_dismissals",
    "record_scans",
    "scan_cache",
    "scan_claims",
)
CHECKER_CHANGES = ("qa_reviews", "qa_batches", "qa_samples")  # INSERT, UPDATE
# The random sample behind "how many are left" is drawn by a checker (or the administrator),
# never by the reviewers it measures: a reviewer could otherwise redraw until the estimate
# pleased (INSERT only, so a drawn sample cannot be swapped either).
CHECKER_ADDS = ("review_samples",)
CHECKER_REPLACES = ("qa_batch_records", "qa_assignments", "qa_sample_records")
# Kept for callers of the first team-mode release.
SHARED_WRITES = (*TEAM_CHANGES, *TEAM_REPLACES, "detection_terms")
CHECKER_WRITES = (*CHECKER_CHANGES, *CHECKER_REPLACES)


def group_sql() -> list[str]:
    """The three group roles, made only where missing (as a superuser or CREATEROLE role)."""
    return [
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') THEN "
        f"CREATE ROLE {group} NOLOGIN; END IF; END $$"
        for group in GROUPS
    ]


def grant_sql(database: str) -> list[str]:
    """Every grant, as the database's owner; safe to run again (after each upgrade too).

    Starts by revoking the team's table rights, so a right a newer release no longer gives
    (e.g. DELETE on holds in the first team-mode release) is taken away.
    """
    team = ", ".join(TEAM_GROUPS)
    every = ", ".join(GROUPS)
    quoted = database.replace('"', '""')
    return [
        f'GRANT CONNECT, TEMPORARY ON DATABASE "{quoted}" TO {every}',
        f"GRANT USAGE ON SCHEMA public TO {every}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {team}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {team}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {every}",
        f"GRANT INSERT, UPDATE ON {', '.join(TEAM_CHANGES)} TO {team}",
        f"GRANT INSERT ON {', '.join(TEAM_ADDS)} TO {team}",
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(TEAM_REPLACES)} TO {team}",
        # PDF word boxes are made the first time a record is scanned or viewed
        # (`reviewer.ingest.words`): the team may add them, never change a page's text.
        f"GRANT UPDATE (words) ON record_pages TO {team}",
        # The head is locked (SELECT ... FOR UPDATE) and moved by each append; the anchor that
        # catches a rewound head is moved only by its trigger, so the team may only read it.
        f"GRANT INSERT, UPDATE ON audit_head TO {team}",
        f"GRANT INSERT, UPDATE ON {', '.join(CHECKER_CHANGES)} TO records_checker",
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(CHECKER_REPLACES)} TO records_checker",
        f"GRANT INSERT ON {', '.join(CHECKER_ADDS)} TO records_checker",
        "GRANT UPDATE ON qa_batches TO records_reviewer",  # marking a batch done
        "GRANT ALL ON ALL TABLES IN SCHEMA public TO records_admin",
    ]


def admin_script(database: str) -> str:
    """`reviewer team grants DATABASE`: the roles and every grant, as one psql script."""
    lines = [
        f"-- Records Reviewer team grants for database {database}.",
        "-- Run as the database owner (roles need a superuser or CREATEROLE); safe to run again.",
        *[f"{sql};" for sql in group_sql()],
        *[f"{sql};" for sql in grant_sql(database)],
    ]
    return "\n".join(lines) + "\n"


def login_sql(login: str, group: str, password: str | None = None) -> list[str]:
    """One person's login, a member of one group (as a superuser or CREATEROLE role)."""
    if group not in GROUPS:
        raise ValueError(f"group must be one of {', '.join(GROUPS)}")
    secret = f" PASSWORD '{password}'" if password else ""
    return [f'CREATE ROLE "{login}" LOGIN{secret} IN ROLE {group}']


def team_role(session: Session) -> str:
    """The connected login's team role: reviewer, checker, admin, or owner (unrestricted)."""
    if session.get_bind().dialect.name != "postgresql":
        return "owner"
    return str(session.scalar(text("SELECT records_team_role()")))
