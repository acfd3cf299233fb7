"""records: playings of recordings are sealed into the history like the other covered tables

Revision ID: 0013_media_viewings_sealed
Revises: 0012_records_media_viewings
Create Date: 2026-12-03

A playing is what lets an unscannable recording go Open, so it must be proof: the tool now
seals `media_viewings` at commit (`reviewer.audit.seal`) and `reviewer audit verify` reports a
row added, changed or removed by hand. On PostgreSQL that needs the same statement-level
triggers as the tables 0008_team_proof covers (SQLite gets TEMP triggers per connection).
Playings noted before this revision are not in the history: `audit verify` lists them until an
administrator accepts them (`reviewer audit baseline --reason`), and they do not count as
played until someone plays the recording again.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0013_media_viewings_sealed"
down_revision: str | Sequence[str] | None = "0012_records_media_viewings"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "media_viewings"

SEAL_FUNCTION = f"""
CREATE OR REPLACE FUNCTION records_seal_{TABLE}() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF to_regclass('pg_temp.audit_queue') IS NOT NULL THEN
        IF TG_OP <> 'DELETE' THEN
            INSERT INTO pg_temp.audit_queue SELECT DISTINCT '{TABLE}', id FROM rr_new
                ON CONFLICT DO NOTHING;
        END IF;
        IF TG_OP <> 'INSERT' THEN
            INSERT INTO pg_temp.audit_queue SELECT DISTINCT '{TABLE}', id FROM rr_old
                ON CONFLICT DO NOTHING;
        END IF;
    END IF;
    RETURN NULL;
END $$
"""

TRIGGERS = {
    "records_seal_ins": f"AFTER INSERT ON {TABLE} REFERENCING NEW TABLE AS rr_new",
    "records_seal_upd": f"AFTER UPDATE ON {TABLE} REFERENCING OLD TABLE AS rr_old "
    "NEW TABLE AS rr_new",
    "records_seal_del": f"AFTER DELETE ON {TABLE} REFERENCING OLD TABLE AS rr_old",
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(SEAL_FUNCTION)
    for name, when in TRIGGERS.items():
        op.execute(
            f"CREATE TRIGGER {name} {when} FOR EACH STATEMENT "
            f"EXECUTE FUNCTION records_seal_{TABLE}()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name} ON {TABLE}")
    op.execute(f"DROP FUNCTION IF EXISTS records_seal_{TABLE}()")
