"""What a system export said about a record: key/values kept exactly as the export gave them.

A case-system or SharePoint export describes its files in a manifest (a CSV or XLSX row per
file, SharePoint's `Manifest.xml`) or a sidecar beside each file (`NAME.metadata.json|xml`).
The record's true date, reference and description often live only there, so every column is
kept, in its order, never altered; `source` names where it came from.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class RecordMetadata(Base):
    """One key/value of one source's description of a record."""

    __tablename__ = "record_metadata"
    __table_args__ = (Index("ix_record_metadata_record_id", "record_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"))
    # e.g. "metadata.csv line 4", "Manifest.xml", "statement.pdf.metadata.json"
    source: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)  # the key's place in its source
    key: Mapped[str] = mapped_column(Text)
    value: Mapped[str] = mapped_column(Text, default="")

    def __repr__(self) -> str:
        return f"RecordMetadata(record_id={self.record_id!r}, key={self.key!r})"
