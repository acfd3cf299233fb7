"""records: who played a video or audio record, and how far (media_viewings)

Revision ID: 0012_records_media_viewings
Revises: 0011_records_ocr
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0012_records_media_viewings"
down_revision: str | Sequence[str] | None = "0011_records_ocr"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "media_viewings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("reviewer", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("played_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("reached_seconds", sa.Double(), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["records.id"],
            name=op.f("fk_media_viewings_record_id_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_media_viewings")),
    )
    op.create_index("ix_media_viewings_record_id", "media_viewings", ["record_id"])


def downgrade() -> None:
    op.drop_index("ix_media_viewings_record_id", table_name="media_viewings")
    op.drop_table("media_viewings")
