"""Quality checking of sensitivity decisions: batches, assignments, samples, blind second reviews.

A `QaBatch` is a slice of a collection handed to a contractor's reviewer and later checked; its
records are `QaBatchRecord` rows and who works on it is kept as `QaAssignment` rows (newest wins,
older ones stay as history). A `QaSample` records the seed and parameters it was drawn with so it
can be drawn again identically. A `QaReview` is the checker's blind decision on one record, the
first decision it was compared with (frozen at submit time), and the outcome (uphold/overturn).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UTCDateTime, utcnow

BATCH_STATUSES = ("assigned", "in review", "done", "checked", "accepted", "returned")
OUTCOMES = ("uphold", "overturn")


class QaBatch(Base):
    """A slice of a collection for one reviewer; status runs assigned → … → accepted/returned."""

    __tablename__ = "qa_batches"
    __table_args__ = (
        UniqueConstraint("collection_id", "name"),
        Index("ix_qa_batches_collection_id", "collection_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("collections.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    split_by: Mapped[str] = mapped_column(String(20))  # folder | size | count
    status: Mapped[str] = mapped_column(String(20), default="assigned")
    created_by: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    countersigned_by: Mapped[str | None] = mapped_column(String(200))
    countersigned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    countersign_note: Mapped[str] = mapped_column(Text, default="")
    # The figures the countersignature was given on, frozen (error rate, interval, threshold).
    countersign_figures: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    records: Mapped[list[QaBatchRecord]] = relationship(
        back_populates="batch", cascade="all, delete-orphan"
    )
    assignments: Mapped[list[QaAssignment]] = relationship(
        back_populates="batch", cascade="all, delete-orphan", order_by="QaAssignment.id"
    )

    def __repr__(self) -> str:
        return f"QaBatch(id={self.id!r}, name={self.name!r}, status={self.status!r})"


class QaBatchRecord(Base):
    """Membership of a record in a batch (a record is in at most one batch)."""

    __tablename__ = "qa_batch_records"
    __table_args__ = (
        UniqueConstraint("record_id"),
        Index("ix_qa_batch_records_batch_id", "batch_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("qa_batches.id", ondelete="CASCADE"))
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"))

    batch: Mapped[QaBatch] = relationship(back_populates="records")

    def __repr__(self) -> str:
        return f"QaBatchRecord(batch_id={self.batch_id!r}, record_id={self.record_id!r})"


class QaAssignment(Base):
    """Who works on a batch in which role (reviewer | checker); the newest per role is current."""

    __tablename__ = "qa_assignments"
    __table_args__ = (Index("ix_qa_assignments_batch_id", "batch_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("qa_batches.id", ondelete="CASCADE"))
    person: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))  # reviewer | checker
    assigned_by: Mapped[str] = mapped_column(String(200), default="")
    assigned_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    batch: Mapped[QaBatch] = relationship(back_populates="assignments")

    def __repr__(self) -> str:
        return (
            f"QaAssignment(batch_id={self.batch_id!r}, person={self.person!r}, role={self.role!r})"
        )


class QaSample(Base):
    """A drawn sample with everything needed to draw it again: seed, rate or size, filters."""

    __tablename__ = "qa_samples"
    __table_args__ = (Index("ix_qa_samples_collection_id", "collection_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("collections.id", ondelete="CASCADE"))
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("qa_batches.id", ondelete="SET NULL"))
    seed: Mapped[int] = mapped_column(Integer)
    rate: Mapped[float | None] = mapped_column(Float)
    size: Mapped[int | None] = mapped_column(Integer)
    reviewer: Mapped[str | None] = mapped_column(String(200))
    stratify: Mapped[list[str]] = mapped_column(JSON, default=list)
    population: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    items: Mapped[list[QaSampleRecord]] = relationship(
        back_populates="sample", cascade="all, delete-orphan", order_by="QaSampleRecord.position"
    )

    def __repr__(self) -> str:
        return f"QaSample(id={self.id!r}, seed={self.seed!r}, items={len(self.items)!r})"


class QaSampleRecord(Base):
    """One sampled record, with the stratum and first reviewer it was drawn under."""

    __tablename__ = "qa_sample_records"
    __table_args__ = (
        UniqueConstraint("sample_id", "record_id"),
        Index("ix_qa_sample_records_record_id", "record_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sample_id: Mapped[int] = mapped_column(ForeignKey("qa_samples.id", ondelete="CASCADE"))
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    stratum: Mapped[str] = mapped_column(String(300), default="")
    first_reviewer: Mapped[str] = mapped_column(String(200), default="")

    sample: Mapped[QaSample] = relationship(back_populates="items")

    def __repr__(self) -> str:
        return f"QaSampleRecord(sample_id={self.sample_id!r}, record_id={self.record_id!r})"


class QaReview(Base):
    """A checker's second review of one record: their decision, the first one, and the outcome.

    `first_decision` and `checker_decision` are plain JSON in the shape of the decisions
    snapshot (closure_status, redacted, exemptions, dates, title/description closure) plus a
    `redactions` list, so the comparison shown at submit time can always be shown again.
    """

    __tablename__ = "qa_reviews"
    __table_args__ = (
        UniqueConstraint("record_id", "checker"),
        Index("ix_qa_reviews_collection_id", "collection_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("collections.id", ondelete="CASCADE"))
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"))
    sample_id: Mapped[int | None] = mapped_column(ForeignKey("qa_samples.id", ondelete="SET NULL"))
    checker: Mapped[str] = mapped_column(String(200))
    first_reviewer: Mapped[str] = mapped_column(String(200), default="")
    first_decision: Mapped[dict[str, Any]] = mapped_column(JSON)
    checker_decision: Mapped[dict[str, Any]] = mapped_column(JSON)
    source: Mapped[str] = mapped_column(String(20), default="gui")  # gui | import
    agrees: Mapped[bool] = mapped_column(Boolean, default=True)
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    outcome: Mapped[str | None] = mapped_column(String(20))  # uphold | overturn
    outcome_note: Mapped[str] = mapped_column(Text, default="")
    outcome_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    def __repr__(self) -> str:
        return f"QaReview(id={self.id!r}, record_id={self.record_id!r}, outcome={self.outcome!r})"
