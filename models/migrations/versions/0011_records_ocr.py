"""records: OCR confidence of a page whose text came from OCR

Revision ID: 0011_records_ocr
Revises: 0008_records_metadata
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_records_ocr"
down_revision: str | Sequence[str] | None = "0008_records_metadata"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("record_pages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ocr_confidence", sa.Double(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("record_pages", schema=None) as batch_op:
        batch_op.drop_column("ocr_confidence")
