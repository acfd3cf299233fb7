"""qa: batches, assignments, samples and blind second reviews

Revision ID: 0004_qa
Revises: 0003_decisions
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0004_qa"
down_revision: str | Sequence[str] | None = "0003_decisions"
branch_labels: str | Sequence[str] | None = ("qa",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "qa_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("collection_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("split_by", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("countersigned_by", sa.String(length=200), nullable=True),
        sa.Column("countersigned_at", models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("countersign_note", sa.Text(), nullable=False),
        sa.Column("countersign_figures", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["collection_id"],
            ["collections.id"],
            name=op.f("fk_qa_batches_collection_id_collections"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qa_batches")),
        sa.UniqueConstraint("collection_id", "name", name=op.f("uq_qa_batches_collection_id_name")),
    )
    with op.batch_alter_table("qa_batches", schema=None) as batch_op:
        batch_op.create_index("ix_qa_batches_collection_id", ["collection_id"], unique=False)

    op.create_table(
        "qa_batch_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["qa_batches.id"],
            name=op.f("fk_qa_batch_records_batch_id_qa_batches"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["records.id"],
            name=op.f("fk_qa_batch_records_record_id_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qa_batch_records")),
        sa.UniqueConstraint("record_id", name=op.f("uq_qa_batch_records_record_id")),
    )
    with op.batch_alter_table("qa_batch_records", schema=None) as batch_op:
        batch_op.create_index("ix_qa_batch_records_batch_id", ["batch_id"], unique=False)

    op.create_table(
        "qa_assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("person", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("assigned_by", sa.String(length=200), nullable=False),
        sa.Column("assigned_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["qa_batches.id"],
            name=op.f("fk_qa_assignments_batch_id_qa_batches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qa_assignments")),
    )
    with op.batch_alter_table("qa_assignments", schema=None) as batch_op:
        batch_op.create_index("ix_qa_assignments_batch_id", ["batch_id"], unique=False)

    op.create_table(
        "qa_samples",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("collection_id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("rate", sa.Float(), nullable=True),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.Column("reviewer", sa.String(length=200), nullable=True),
        sa.Column("stratify", sa.JSON(), nullable=False),
        sa.Column("population", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["qa_batches.id"],
            name=op.f("fk_qa_samples_batch_id_qa_batches"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["collection_id"],
            ["collections.id"],
            name=op.f("fk_qa_samples_collection_id_collections"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qa_samples")),
    )
    with op.batch_alter_table("qa_samples", schema=None) as batch_op:
        batch_op.create_index("ix_qa_samples_collection_id", ["collection_id"], unique=False)

    op.create_table(
        "qa_sample_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sample_id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("stratum", sa.String(length=300), nullable=False),
        sa.Column("first_reviewer", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["records.id"],
            name=op.f("fk_qa_sample_records_record_id_records"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sample_id"],
            ["qa_samples.id"],
            name=op.f("fk_qa_sample_records_sample_id_qa_samples"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qa_sample_records")),
        sa.UniqueConstraint(
            "sample_id", "record_id", name=op.f("uq_qa_sample_records_sample_id_record_id")
        ),
    )
    with op.batch_alter_table("qa_sample_records", schema=None) as batch_op:
        batch_op.create_index("ix_qa_sample_records_record_id", ["record_id"], unique=False)

    op.create_table(
        "qa_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("collection_id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("sample_id", sa.Integer(), nullable=True),
        sa.Column("checker", sa.String(length=200), nullable=False),
        sa.Column("first_reviewer", sa.String(length=200), nullable=False),
        sa.Column("first_decision", sa.JSON(), nullable=False),
        sa.Column("checker_decision", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("agrees", sa.Boolean(), nullable=False),
        sa.Column("submitted_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("outcome_note", sa.Text(), nullable=False),
        sa.Column("outcome_at", models.base.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["collection_id"],
            ["collections.id"],
            name=op.f("fk_qa_reviews_collection_id_collections"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["records.id"],
            name=op.f("fk_qa_reviews_record_id_records"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sample_id"],
            ["qa_samples.id"],
            name=op.f("fk_qa_reviews_sample_id_qa_samples"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_qa_reviews")),
        sa.UniqueConstraint("record_id", "checker", name=op.f("uq_qa_reviews_record_id_checker")),
    )
    with op.batch_alter_table("qa_reviews", schema=None) as batch_op:
        batch_op.create_index("ix_qa_reviews_collection_id", ["collection_id"], unique=False)


def downgrade() -> None:
    for table, index in (
        ("qa_reviews", "ix_qa_reviews_collection_id"),
        ("qa_sample_records", "ix_qa_sample_records_record_id"),
        ("qa_samples", "ix_qa_samples_collection_id"),
        ("qa_assignments", "ix_qa_assignments_batch_id"),
        ("qa_batch_records", "ix_qa_batch_records_batch_id"),
        ("qa_batches", "ix_qa_batches_collection_id"),
    ):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(index)
        op.drop_table(table)
