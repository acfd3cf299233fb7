"""Appraisal and sensitivity decisions, redaction marks and legal holds.

A `Decision` belongs either to one record (`record_id`) or to a folder of a collection
(`scope_path`, a path prefix with "/" separators): a folder decision applies to every record under
it unless the record, or a nearer folder or parent record, has its own. The appraisal part and the
sensitivity part are inherited separately (a folder may be appraised "select" while each record
gets its own closure). Rows are only changed through `reviewer.decisions`, which appends an audit
event in the same transaction (see `models.audit`).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, utcnow


class Decision(Base):
    """A record's (or folder's) appraisal and sensitivity decision; `version` counts changes."""

    __tablename__ = "decisions"
    __table_args__ = (
        UniqueConstraint("record_id"),
        UniqueConstraint("collection_id", "scope_path"),
        Index("ix_decisions_collection_id", "collection_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("collections.id", ondelete="CASCADE"))
    record_id: Mapped[int | None] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"))
    scope_path: Mapped[str | None] = mapped_column(Text)  # folder prefix, for folder decisions
    version: Mapped[int] = mapped_column(Integer, default=0)
    record_date: Mapped[date | None] = mapped_column(Date)  # "date of the record" (TDR end_date)
    description: Mapped[str] = mapped_column(Text, default="", server_default="")  # TDR description
    # Who confirmed they looked at a record no scan could read (image, scan, audio, video): only
    # then may it go Open. Per record, never inherited; each confirmation is an audit event.
    looked_at_by: Mapped[str] = mapped_column(String(200), default="", server_default="")

    appraisal: Mapped[str | None] = mapped_column(String(20))  # select|retain|destroy|defer
    criteria: Mapped[list[str]] = mapped_column(JSON, default=list)
    rationale: Mapped[str] = mapped_column(Text, default="")
    appraised_by: Mapped[str] = mapped_column(String(200), default="")
    appraised_role: Mapped[str] = mapped_column(String(20), default="")
    appraised_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    closure_status: Mapped[str | None] = mapped_column(String(10))  # Open|Closed
    redacted: Mapped[bool] = mapped_column(Boolean, default=False)
    redact_labels: Mapped[list[str]] = mapped_column(JSON, default=list)
    exemptions: Mapped[list[list[str | int]]] = mapped_column(JSON, default=list)
    closure_start_date: Mapped[date | None] = mapped_column(Date)
    # Instead of a fixed date: "record_date" or "year_end", resolved per record (folder decisions).
    closure_start_rule: Mapped[str | None] = mapped_column(String(20))
    # Why a closure period outside the exemption's usual periods is right (history, reports).
    period_justification: Mapped[str] = mapped_column(Text, default="", server_default="")
    foi_schedule_date: Mapped[date | None] = mapped_column(Date)
    title_closed: Mapped[bool] = mapped_column(Boolean, default=False)
    title_alternate: Mapped[str] = mapped_column(Text, default="")
    description_closed: Mapped[bool] = mapped_column(Boolean, default=False)
    description_alternate: Mapped[str] = mapped_column(Text, default="")
    reviewed_by: Mapped[str] = mapped_column(String(200), default="")
    reviewed_role: Mapped[str] = mapped_column(String(20), default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    last_event_id: Mapped[int | None] = mapped_column(Integer)

    def __repr__(self) -> str:
        target = f"record_id={self.record_id!r}" if self.record_id else f"scope={self.scope_path!r}"
        return f"Decision(id={self.id!r}, {target}, version={self.version!r})"


class Redaction(Base):
    """A box or text span to remove from a record's produced copy."""

    __tablename__ = "redactions"
    __table_args__ = (Index("ix_redactions_record_id", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"))
    entity_id: Mapped[int | None] = mapped_column(Integer)  # detection's entity, if from one
    page: Mapped[int | None] = mapped_column(Integer)
    x0: Mapped[float | None] = mapped_column(Float)
    y0: Mapped[float | None] = mapped_column(Float)
    x1: Mapped[float | None] = mapped_column(Float)
    y1: Mapped[float | None] = mapped_column(Float)
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(40), default="")
    created_by: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"Redaction(id={self.id!r}, record_id={self.record_id!r}, page={self.page!r})"


class Hold(Base):
    """A named legal hold (destruction moratorium) on a collection, keywords or a date range."""

    __tablename__ = "holds"
    __table_args__ = (Index("ix_holds_collection_id", "collection_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("collections.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(300))
    reason: Mapped[str] = mapped_column(Text, default="")
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)
    date_from: Mapped[date | None] = mapped_column(Date)
    date_to: Mapped[date | None] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    lifted_by: Mapped[str | None] = mapped_column(String(200))
    lifted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    lift_reason: Mapped[str] = mapped_column(Text, default="")
    last_event_id: Mapped[int | None] = mapped_column(Integer)

    def __repr__(self) -> str:
        return f"Hold(id={self.id!r}, name={self.name!r}, lifted={self.lifted_at is not None})"
