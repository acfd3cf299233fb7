"""detection speed: normalised span term (SQL-side dismissal checks) and a (record, page) index

Revision ID: 0005_detection_speed
Revises: 0002_detection
Create Date: 2026-11-26
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_detection_speed"
down_revision: str | Sequence[str] | None = "0002_detection"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _normalise(text: str) -> str:
    # Same rule as reviewer.detect.pipeline.normalise (copied: migrations must not import app code).
    return re.sub(r"\s+", " ", text).strip().casefold()


def upgrade() -> None:
    with op.batch_alter_table("detected_entities", schema=None) as batch_op:
        batch_op.add_column(sa.Column("term", sa.Text(), nullable=True))
    bind = op.get_bind()
    table = sa.table(
        "detected_entities",
        sa.column("id", sa.Integer()),
        sa.column("text", sa.Text()),
        sa.column("term", sa.Text()),
    )
    rows = bind.execute(sa.select(table.c.id, table.c.text)).all()
    if rows:
        bind.execute(
            table.update().where(table.c.id == sa.bindparam("rid")).values(term=sa.bindparam("t")),
            [{"rid": rid, "t": _normalise(text or "")} for rid, text in rows],
        )
    with op.batch_alter_table("detected_entities", schema=None) as batch_op:
        batch_op.alter_column("term", existing_type=sa.Text(), nullable=False)
        batch_op.create_index(
            "ix_detected_entities_record_page", ["record_id", "page"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("detected_entities", schema=None) as batch_op:
        batch_op.drop_index("ix_detected_entities_record_page")
        batch_op.drop_column("term")
