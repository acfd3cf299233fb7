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

# Tables reviewers and checkers both change (decisions, redactions, holds, detection, scans).
SHARED_WRITES = (
    "decisions",
    "redactions",
    "holds",
    "detected_entities",
    "entity_dismissals",
    "detection_terms",
    "record_scans",
    "scan_cache",
    "scan_claims",
)
CHECKER_WRITES = (
    "qa_reviews",
    "qa_batches",
    "qa_batch_records",
    "qa_assignments",
    "qa_samples",
    "qa_sample_records",
)


def group_sql() -> list[str]:
    """Once per server, as a superuser (or a role with CREATEROLE)."""
    return [f"CREATE ROLE {group} NOLOGIN" for group in GROUPS]


def grant_sql(database: str) -> list[str]:
    """Once per database after it is created and after each upgrade, as its owner."""
    team = ", ".join(TEAM_GROUPS)
    every = ", ".join(GROUPS)
    return [
        f'GRANT CONNECT ON DATABASE "{database}" TO {every}',
        f"GRANT USAGE ON SCHEMA public TO {every}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {team}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {every}",
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(SHARED_WRITES)} TO {team}",
        # PDF word boxes are made the first time a record is scanned or viewed
        # (`reviewer.ingest.words`): the team may add them, never change a page's text.
        f"GRANT UPDATE (words) ON record_pages TO {team}",
        # History is append-only for the team: no UPDATE or DELETE of events.
        f"GRANT INSERT ON audit_events TO {team}",
        f"GRANT INSERT, UPDATE ON audit_head TO {team}",
        f"GRANT INSERT, UPDATE, DELETE ON {', '.join(CHECKER_WRITES)} TO records_checker",
        "GRANT UPDATE ON qa_batches TO records_reviewer",  # marking a batch done
        "GRANT ALL ON ALL TABLES IN SCHEMA public TO records_admin",
    ]


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
