"""team: scan claims; on PostgreSQL, the store's own enforcement of team roles

Revision ID: 0006_team
Revises: 0004_qa
Create Date: 2026-11-26

On every engine: the `scan_claims` table. On PostgreSQL only (SQLite has one user): a function
telling which team role the connected login has, from its membership of the group roles
`records_admin`, `records_checker` and `records_reviewer` (see docs/team.md), and
- a trigger refusing a countersignature of a QA batch by a reviewer login,
- a trigger refusing audit events whose role the login may not act in (a reviewer login cannot
  append `qa` events, a checker login only `qa` events),
- row-level security on `qa_reviews`: reviewer logins cannot write second reviews and see one
  only once the check is complete (outcome decided, or its batch checked or countersigned).
Logins that are in none of the groups (the owner, a single user) are not restricted; superusers
and the tables' owner bypass row-level security anyway.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0006_team"
down_revision: str | Sequence[str] | None = "0004_qa"
branch_labels: str | Sequence[str] | None = ("team",)
depends_on: str | Sequence[str] | None = None

TEAM_ROLE_FUNCTION = """
CREATE OR REPLACE FUNCTION records_team_role() RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    grp text;
BEGIN
    FOREACH grp IN ARRAY ARRAY['records_admin', 'records_checker', 'records_reviewer'] LOOP
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = grp)
           AND pg_has_role(session_user, grp, 'MEMBER') THEN
            RETURN substr(grp, 9);
        END IF;
    END LOOP;
    RETURN 'owner';
END $$
"""

COUNTERSIGN_GUARD = """
CREATE OR REPLACE FUNCTION records_countersign_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.countersigned_by IS DISTINCT FROM OLD.countersigned_by
        OR NEW.countersigned_at IS DISTINCT FROM OLD.countersigned_at
        OR (NEW.status IS DISTINCT FROM OLD.status AND NEW.status IN ('accepted', 'returned')))
       AND records_team_role() = 'reviewer' THEN
        RAISE EXCEPTION 'a sensitivity reviewer cannot countersign QA (login %)', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$
"""

EVENT_ROLE_GUARD = """
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

REVIEW_VISIBLE = """
records_team_role() <> 'reviewer'
OR outcome IS NOT NULL
OR EXISTS (
    SELECT 1 FROM qa_batch_records br JOIN qa_batches b ON b.id = br.batch_id
    WHERE br.record_id = qa_reviews.record_id AND b.status IN ('checked', 'accepted', 'returned')
)
"""

POSTGRES_UP = [
    TEAM_ROLE_FUNCTION,
    COUNTERSIGN_GUARD,
    "CREATE TRIGGER records_countersign_guard BEFORE UPDATE ON qa_batches "
    "FOR EACH ROW EXECUTE FUNCTION records_countersign_guard()",
    EVENT_ROLE_GUARD,
    "CREATE TRIGGER records_event_role_guard BEFORE INSERT ON audit_events "
    "FOR EACH ROW EXECUTE FUNCTION records_event_role_guard()",
    "ALTER TABLE qa_reviews ENABLE ROW LEVEL SECURITY",
    f"CREATE POLICY qa_reviews_read ON qa_reviews FOR SELECT USING ({REVIEW_VISIBLE})",
    "CREATE POLICY qa_reviews_insert ON qa_reviews FOR INSERT "
    "WITH CHECK (records_team_role() <> 'reviewer')",
    "CREATE POLICY qa_reviews_update ON qa_reviews FOR UPDATE "
    "USING (records_team_role() <> 'reviewer') WITH CHECK (records_team_role() <> 'reviewer')",
    "CREATE POLICY qa_reviews_delete ON qa_reviews FOR DELETE "
    "USING (records_team_role() IN ('admin', 'owner'))",
]

POSTGRES_DOWN = [
    "DROP POLICY IF EXISTS qa_reviews_delete ON qa_reviews",
    "DROP POLICY IF EXISTS qa_reviews_update ON qa_reviews",
    "DROP POLICY IF EXISTS qa_reviews_insert ON qa_reviews",
    "DROP POLICY IF EXISTS qa_reviews_read ON qa_reviews",
    "ALTER TABLE qa_reviews DISABLE ROW LEVEL SECURITY",
    "DROP TRIGGER IF EXISTS records_event_role_guard ON audit_events",
    "DROP FUNCTION IF EXISTS records_event_role_guard()",
    "DROP TRIGGER IF EXISTS records_countersign_guard ON qa_batches",
    "DROP FUNCTION IF EXISTS records_countersign_guard()",
    "DROP FUNCTION IF EXISTS records_team_role()",
]


def upgrade() -> None:
    op.create_table(
        "scan_claims",
        sa.Column("record_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("collection_id", sa.Integer(), nullable=False),
        sa.Column("claimed_by", sa.String(length=200), nullable=True),
        sa.Column("claimed_at", models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("expires_at", models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("done_at", models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("done_by", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["collection_id"],
            ["collections.id"],
            name=op.f("fk_scan_claims_collection_id_collections"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["records.id"],
            name=op.f("fk_scan_claims_record_id_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_scan_claims")),
    )
    with op.batch_alter_table("scan_claims", schema=None) as batch_op:
        batch_op.create_index(
            "ix_scan_claims_collection_id_done_at", ["collection_id", "done_at"], unique=False
        )
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRES_UP:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRES_DOWN:
            op.execute(statement)
    with op.batch_alter_table("scan_claims", schema=None) as batch_op:
        batch_op.drop_index("ix_scan_claims_collection_id_done_at")
    op.drop_table("scan_claims")
