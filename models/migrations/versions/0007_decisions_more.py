"""decisions: a record's description and a per-record closure start rule

Revision ID: 0007_decisions_more
Revises: 0003_decisions
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_decisions_more"
down_revision: str | Sequence[str] | None = "0003_decisions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("description", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("closure_start_rule", sa.String(length=20), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_column("closure_start_rule")
        batch_op.drop_column("description")
