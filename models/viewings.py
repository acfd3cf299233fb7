"""Who played a recording, and when: a video or audio record cannot be scanned for personal
data, so the only evidence that it was reviewed is that someone watched or listened to it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, utcnow


class MediaViewing(Base):
    """One playing of a recording in the viewer."""

    __tablename__ = "media_viewings"
    __table_args__ = (Index("ix_media_viewings_record_id", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"))
    reviewer: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(20), default="")
    played_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # How far into the recording the reviewer got, in seconds (the furthest point played).
    reached_seconds: Mapped[float] = mapped_column(default=0.0)

    def __repr__(self) -> str:
        return f"MediaViewing(record_id={self.record_id!r}, reviewer={self.reviewer!r})"
