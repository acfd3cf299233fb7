"""Team mode tables: claims that hand a collection's records to scan workers on many machines.

A worker claims a few pending records at a time (`SELECT ... FOR UPDATE SKIP LOCKED` on
PostgreSQL), scans them and marks them done. A claim carries an expiry that the worker renews
while it is alive; a killed worker's claims expire and another worker takes them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime


class ScanClaim(Base):
    """One record's place in a collection's shared scan: pending, claimed (until), or done."""

    __tablename__ = "scan_claims"
    __table_args__ = (Index("ix_scan_claims_collection_id_done_at", "collection_id", "done_at"),)

    record_id: Mapped[int] = mapped_column(
        ForeignKey("records.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    collection_id: Mapped[int] = mapped_column(ForeignKey("collections.id", ondelete="CASCADE"))
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    done_by: Mapped[str | None] = mapped_column(String(200))

    def __repr__(self) -> str:
        return (
            f"ScanClaim(record_id={self.record_id!r}, claimed_by={self.claimed_by!r}, "
            f"done={self.done_at is not None})"
        )
