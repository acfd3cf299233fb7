"""detection: detected entities, dismissals, allow/deny terms, record scans, scan cache

Revision ID: 0002_detection
Revises: 0001_foundation
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import models.base

revision: str = "0002_detection"
down_revision: str | Sequence[str] | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = ("detection",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "detected_entities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("rects", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("pipeline_version", sa.String(length=120), nullable=False),
        sa.Column("text_sha256", sa.String(length=64), nullable=True),
        sa.Column("created_by", sa.String(length=200), nullable=True),
        sa.Column("created_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["records.id"],
            name=op.f("fk_detected_entities_record_id_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_detected_entities")),
    )
    with op.batch_alter_table("detected_entities", schema=None) as batch_op:
        batch_op.create_index("ix_detected_entities_record_id", ["record_id"], unique=False)

    op.create_table(
        "entity_dismissals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=10), nullable=False),
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("created_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["records.id"],
            name=op.f("fk_entity_dismissals_record_id_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity_dismissals")),
    )
    with op.batch_alter_table("entity_dismissals", schema=None) as batch_op:
        batch_op.create_index("ix_entity_dismissals_record_id", ["record_id"], unique=False)

    op.create_table(
        "detection_terms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("collection_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("created_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["collection_id"],
            ["collections.id"],
            name=op.f("fk_detection_terms_collection_id_collections"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_detection_terms")),
        sa.UniqueConstraint(
            "collection_id",
            "kind",
            "term",
            "label",
            name=op.f("uq_detection_terms_collection_id_kind_term_label"),
        ),
    )
    op.create_table(
        "record_scans",
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("text_sha256", sa.String(length=64), nullable=False),
        sa.Column("pipeline_version", sa.String(length=120), nullable=False),
        sa.Column("span_count", sa.Integer(), nullable=False),
        sa.Column("scanned_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["records.id"],
            name=op.f("fk_record_scans_record_id_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_record_scans")),
    )
    op.create_table(
        "scan_cache",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text_sha256", sa.String(length=64), nullable=False),
        sa.Column("pipeline_version", sa.String(length=120), nullable=False),
        sa.Column("spans", sa.Text(), nullable=False),
        sa.Column("created_at", models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan_cache")),
        sa.UniqueConstraint(
            "text_sha256",
            "pipeline_version",
            name=op.f("uq_scan_cache_text_sha256_pipeline_version"),
        ),
    )


def downgrade() -> None:
    op.drop_table("scan_cache")
    op.drop_table("record_scans")
    op.drop_table("detection_terms")
    with op.batch_alter_table("entity_dismissals", schema=None) as batch_op:
        batch_op.drop_index("ix_entity_dismissals_record_id")
    op.drop_table("entity_dismissals")
    with op.batch_alter_table("detected_entities", schema=None) as batch_op:
        batch_op.drop_index("ix_detected_entities_record_id")
    op.drop_table("detected_entities")
