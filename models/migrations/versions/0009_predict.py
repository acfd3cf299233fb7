"""predictive review: models, scores, elusion samples

Revision ID: 0009_predict
Revises: 0001_foundation
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from models.base import UTCDateTime

revision: str = "0009_predict"
down_revision: str | Sequence[str] | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = ("predict",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "prediction_models",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "collection_id",
            sa.Integer(),
            sa.ForeignKey("collections.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("task", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("trained_at", UTCDateTime(), nullable=False),
        sa.Column("trained_by", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("n_records", sa.Integer(), nullable=False),
        sa.Column("n_labelled", sa.Integer(), nullable=False),
        sa.Column("n_positive", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
    )
    op.create_index(
        "ix_prediction_models_coll_task", "prediction_models", ["collection_id", "task", "version"]
    )
    op.create_table(
        "predictions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "model_id",
            sa.Integer(),
            sa.ForeignKey("prediction_models.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "record_id",
            sa.Integer(),
            sa.ForeignKey("records.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
    )
    op.create_index(
        "ix_predictions_model_record", "predictions", ["model_id", "record_id"], unique=True
    )
    op.create_table(
        "review_samples",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "collection_id",
            sa.Integer(),
            sa.ForeignKey("collections.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("task", sa.String(20), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("drawn_at", UTCDateTime(), nullable=False),
        sa.Column("drawn_by", sa.String(200), nullable=False),
        sa.Column("unreviewed", sa.Integer(), nullable=False),
        sa.Column("found", sa.Integer(), nullable=False),
        sa.Column("reviewed", sa.Integer(), nullable=False),
        sa.Column("record_ids", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("review_samples")
    op.drop_index("ix_predictions_model_record", table_name="predictions")
    op.drop_table("predictions")
    op.drop_index("ix_prediction_models_coll_task", table_name="prediction_models")
    op.drop_table("prediction_models")
