"""Detected personal-data spans, reviewers' corrections to them, and the scan cache."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, utcnow


class DetectedEntity(Base):
    """One span in a record's text: found by a scan (`auto`, `deny`) or added by hand (`manual`)."""

    __tablename__ = "detected_entities"
    __table_args__ = (
        Index("ix_detected_entities_record_id", "record_id"),
        Index("ix_detected_entities_record_page", "record_id", "page"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    # `text` casefolded with single spaces: what dismissals and allow terms are matched against,
    # so "is this span dismissed?" is one SQL join instead of Python per row.
    term: Mapped[str] = mapped_column(Text, default="")
    page: Mapped[int | None] = mapped_column(Integer)
    rects: Mapped[str] = mapped_column(Text, default="[]")  # JSON [[x0, y0, x1, y1], ...]
    score: Mapped[float] = mapped_column(Float, default=1.0)
    reason: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(10), default="auto")  # auto | manual | deny
    pipeline_version: Mapped[str] = mapped_column(String(120), default="")
    text_sha256: Mapped[str | None] = mapped_column(String(64))
    created_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"DetectedEntity(id={self.id!r}, record_id={self.record_id!r}, label={self.label!r})"


class EntityDismissal(Base):
    """A reviewer's "not personal data": one span (`once`) or its text in a whole record."""

    __tablename__ = "entity_dismissals"
    __table_args__ = (Index("ix_entity_dismissals_record_id", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"))
    scope: Mapped[str] = mapped_column(String(10))  # once | record
    label: Mapped[str] = mapped_column(String(40))
    term: Mapped[str] = mapped_column(Text)  # normalised span text
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"EntityDismissal(id={self.id!r}, record={self.record_id!r}, scope={self.scope!r})"


class DetectionTerm(Base):
    """A collection's allow list (never flag) or deny list (always flag) entry."""

    __tablename__ = "detection_terms"
    __table_args__ = (UniqueConstraint("collection_id", "kind", "term", "label"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("collections.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))  # allow | deny
    term: Mapped[str] = mapped_column(Text)  # normalised
    label: Mapped[str] = mapped_column(String(40), default="")  # "" = any label (allow)
    actor: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"DetectionTerm(id={self.id!r}, kind={self.kind!r}, label={self.label!r})"


class RecordScan(Base):
    """When a record was last scanned, of which text, by which pipeline version."""

    __tablename__ = "record_scans"

    record_id: Mapped[int] = mapped_column(
        ForeignKey("records.id", ondelete="CASCADE"), primary_key=True
    )
    text_sha256: Mapped[str] = mapped_column(String(64))
    pipeline_version: Mapped[str] = mapped_column(String(120))
    span_count: Mapped[int] = mapped_column(Integer, default=0)
    scanned_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"RecordScan(record_id={self.record_id!r}, spans={self.span_count!r})"


class ScanCache(Base):
    """Spans found in a text, keyed by its SHA-256 and pipeline version, for instant re-scans."""

    __tablename__ = "scan_cache"
    __table_args__ = (UniqueConstraint("text_sha256", "pipeline_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text_sha256: Mapped[str] = mapped_column(String(64))
    pipeline_version: Mapped[str] = mapped_column(String(120))
    spans: Mapped[str] = mapped_column(Text)  # JSON [[start, end, label, score, reason], ...]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"ScanCache(id={self.id!r}, version={self.pipeline_version!r})"
