"""team: the chain's anchor, sealing triggers, and events signed only by their own login

Revision ID: 0008_team_proof
Revises: 0006_team
Create Date: 2026-12-03

On every engine: `audit_anchor`, the chain's end as seen by a trigger on `audit_events` (so
truncating the newest events and rewinding `audit_head` is caught by `reviewer audit verify`).
On PostgreSQL also:
- the anchor's trigger function runs as its owner (SECURITY DEFINER), so team logins, which
  may only read `audit_anchor`, move it by appending events and in no other way;
- statement-level triggers on the covered tables note changed rows in the connection's own
  `audit_queue` (a TEMP table that only the tool's connections create), which the tool seals
  into the chain at commit (`reviewer.audit.seal`); SQLite gets the same as TEMP triggers per
  connection;
- the event guard also refuses an event whose actor is not the team login appending it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_team_proof"
down_revision: str | Sequence[str] | None = "0006_team"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = ("0002_detection",)

GENESIS = "0" * 64
SEALED = {
    "collections": "id",
    "records": "id",
    "entity_dismissals": "id",
    "detection_terms": "id",
    "qa_reviews": "id",
    "qa_batches": "id",
    "detected_entities": "record_id",
}

SQLITE_ANCHOR = f"""
CREATE TRIGGER audit_anchor_move AFTER INSERT ON audit_events
BEGIN
    INSERT OR IGNORE INTO audit_anchor (id, last_event_id, event_count, head_hash)
        VALUES (1, 0, 0, '{GENESIS}');
    UPDATE audit_anchor SET last_event_id = NEW.id, event_count = event_count + 1,
        head_hash = NEW.hash WHERE id = 1;
END
"""

# Statement-level: a bulk import appends thousands of events in one transaction, and updating
# one row once per event in one transaction grows its version chain (quadratic on PostgreSQL).
PG_ANCHOR = f"""
CREATE OR REPLACE FUNCTION records_anchor_move() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    added bigint;
    last_id integer;
    last_hash text;
BEGIN
    SELECT count(*), max(id) INTO added, last_id FROM rr_new_events;
    IF added = 0 THEN
        RETURN NULL;
    END IF;
    SELECT hash INTO last_hash FROM rr_new_events WHERE id = last_id;
    INSERT INTO audit_anchor (id, last_event_id, event_count, head_hash)
        VALUES (1, 0, 0, '{GENESIS}') ON CONFLICT (id) DO NOTHING;
    UPDATE audit_anchor SET last_event_id = GREATEST(last_event_id, last_id),
        event_count = event_count + added,
        head_hash = CASE WHEN last_id >= last_event_id THEN last_hash ELSE head_hash END
        WHERE id = 1;
    RETURN NULL;
END $$
"""

EVENT_GUARD = """
CREATE OR REPLACE FUNCTION records_event_role_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    team text := records_team_role();
BEGIN
    -- Superusers (the server's own administrator, test harnesses) are not team members.
    IF team IN ('reviewer', 'checker', 'admin') AND NEW.actor <> session_user
       AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
        RAISE EXCEPTION 'a % login records changes under its own name only (login %)', team,
            session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF team = 'reviewer' AND NEW.role NOT IN ('appraiser', 'sensitivity') THEN
        RAISE EXCEPTION 'a reviewer login cannot act in the % role (login %)', NEW.role,
            session_user USING ERRCODE = 'insufficient_privilege';
    ELSIF team = 'checker' AND NEW.role <> 'qa' THEN
        RAISE EXCEPTION 'a checker login acts in the qa role only, not % (login %)', NEW.role,
            session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$
"""

OLD_EVENT_GUARD = """
CREATE OR REPLACE FUNCTION records_event_role_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    team text := records_team_role();
BEGIN
    IF team = 'reviewer' AND NEW.role NOT IN ('appraiser', 'sensitivity') THEN
        RAISE EXCEPTION 'a reviewer login cannot act in the % role (login %)', NEW.role,
            session_user USING ERRCODE = 'insufficient_privilege';
    ELSIF team = 'checker' AND NEW.role <> 'qa' THEN
        RAISE EXCEPTION 'a checker login acts in the qa role only, not % (login %)', NEW.role,
            session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$
"""


def _seal_function(table: str, key: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION records_seal_{table}() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF to_regclass('pg_temp.audit_queue') IS NOT NULL THEN
        IF TG_OP <> 'DELETE' THEN
            INSERT INTO pg_temp.audit_queue SELECT DISTINCT '{table}', {key} FROM rr_new
                ON CONFLICT DO NOTHING;
        END IF;
        IF TG_OP <> 'INSERT' THEN
            INSERT INTO pg_temp.audit_queue SELECT DISTINCT '{table}', {key} FROM rr_old
                ON CONFLICT DO NOTHING;
        END IF;
    END IF;
    RETURN NULL;
END $$
"""


def _seal_triggers(table: str) -> list[str]:
    fn = f"records_seal_{table}()"
    return [
        f"CREATE TRIGGER records_seal_ins AFTER INSERT ON {table} REFERENCING NEW TABLE AS rr_new "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {fn}",
        f"CREATE TRIGGER records_seal_upd AFTER UPDATE ON {table} "
        "REFERENCING OLD TABLE AS rr_old NEW TABLE AS rr_new "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {fn}",
        f"CREATE TRIGGER records_seal_del AFTER DELETE ON {table} REFERENCING OLD TABLE AS rr_old "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {fn}",
    ]


def upgrade() -> None:
    op.create_table(
        "audit_anchor",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_event_id", sa.Integer(), nullable=False),
        sa.Column("event_count", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_anchor")),
    )
    # The anchor starts where the chain is now.
    op.execute(
        "INSERT INTO audit_anchor (id, last_event_id, event_count, head_hash) "
        "SELECT 1, COALESCE(MAX(id), 0), COUNT(*), "
        f"COALESCE((SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1), '{GENESIS}') "
        "FROM audit_events"
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_ANCHOR)
        op.execute(
            "CREATE TRIGGER records_anchor_move AFTER INSERT ON audit_events "
            "REFERENCING NEW TABLE AS rr_new_events "
            "FOR EACH STATEMENT EXECUTE FUNCTION records_anchor_move()"
        )
        op.execute(EVENT_GUARD)
        for table, key in SEALED.items():
            op.execute(_seal_function(table, key))
            for sql in _seal_triggers(table):
                op.execute(sql)
    elif op.get_bind().dialect.name == "sqlite":
        op.execute(SQLITE_ANCHOR)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in SEALED:
            for name in ("records_seal_ins", "records_seal_upd", "records_seal_del"):
                op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS records_seal_{table}()")
        op.execute(OLD_EVENT_GUARD)
        op.execute("DROP TRIGGER IF EXISTS records_anchor_move ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS records_anchor_move()")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_anchor_move")
    op.drop_table("audit_anchor")
