"""decisions: a written justification for an unusual closure period; who looked at a record
that could not be scanned for personal data

Revision ID: 0010_decisions_checks
Revises: 0007_decisions_more
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_decisions_checks"
down_revision: str | Sequence[str] | None = "0007_decisions_more"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("period_justification", sa.Text(), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("looked_at_by", sa.String(length=200), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_column("looked_at_by")
        batch_op.drop_column("period_justification")
