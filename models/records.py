"""Collections, the roots they were ingested from, records and their extracted text."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UTCDateTime, utcnow


class Collection(Base):
    """A named body of records under review: one case file set or one corporate series."""

    __tablename__ = "collections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="case")  # case | corporate
    source_root: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    roots: Mapped[list[IngestRoot]] = relationship(
        back_populates="collection", cascade="all, delete-orphan"
    )
    records: Mapped[list[Record]] = relationship(
        back_populates="collection", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"Collection(id={self.id!r}, name={self.name!r}, kind={self.kind!r})"


class IngestRoot(Base):
    """A folder a collection's files were ingested from; record paths are relative to it."""

    __tablename__ = "ingest_roots"
    __table_args__ = (UniqueConstraint("collection_id", "path"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("collections.id", ondelete="CASCADE"))
    path: Mapped[str] = mapped_column(Text)

    collection: Mapped[Collection] = relationship(back_populates="roots")

    def __repr__(self) -> str:
        return f"IngestRoot(id={self.id!r}, path={self.path!r})"


class Record(Base):
    """One file, container member or email attachment, as found at ingest."""

    __tablename__ = "records"
    __table_args__ = (
        UniqueConstraint("collection_id", "path"),
        Index("ix_records_collection_id_sha256", "collection_id", "sha256"),
        Index("ix_records_parent_id", "parent_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    collection_id: Mapped[int] = mapped_column(ForeignKey("collections.id", ondelete="CASCADE"))
    root_id: Mapped[int | None] = mapped_column(ForeignKey("ingest_roots.id", ondelete="SET NULL"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"))
    # Relative to the ingest root with "/" separators; a child's path is PARENT_PATH/MEMBER_NAME.
    path: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    # Set only when the on-disk name is not valid UTF-8: the exact relative path bytes, hex.
    raw_path_hex: Mapped[str | None] = mapped_column(Text)
    member_name: Mapped[str | None] = mapped_column(Text)
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    mtime: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sha256: Mapped[str | None] = mapped_column(String(64))
    previous_sha256: Mapped[str | None] = mapped_column(String(64))
    puid: Mapped[str | None] = mapped_column(String(40))
    format_name: Mapped[str | None] = mapped_column(Text)
    format_version: Mapped[str | None] = mapped_column(Text)
    mime: Mapped[str | None] = mapped_column(String(200))
    id_method: Mapped[str | None] = mapped_column(String(20))  # Signature|Extension|Container
    id_basis: Mapped[str | None] = mapped_column(Text)
    extension_mismatch: Mapped[bool] = mapped_column(Boolean, default=False)
    page_count: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="ok")
    message: Mapped[str] = mapped_column(Text, default="")
    needs_ocr: Mapped[bool] = mapped_column(Boolean, default=False)
    text_sha256: Mapped[str | None] = mapped_column(String(64))
    duplicate_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("records.id", ondelete="SET NULL")
    )
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    collection: Mapped[Collection] = relationship(back_populates="records")
    pages: Mapped[list[RecordPage]] = relationship(
        back_populates="record", cascade="all, delete-orphan", order_by="RecordPage.page_no"
    )

    def __repr__(self) -> str:
        return f"Record(id={self.id!r}, path={self.path!r}, status={self.status!r})"


class RecordPage(Base):
    """Extracted text of one page (page 1 only for unpaged formats).

    `words` holds PDF word boxes (start, end, x0, y0, x1, y1) — offsets within this page's
    text — packed as float32s (`reviewer.ingest.types.pack_words`/`unpack_words`), so
    highlights found in text land on the page.
    """

    __tablename__ = "record_pages"
    __table_args__ = (UniqueConstraint("record_id", "page_no"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"))
    page_no: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    words: Mapped[bytes | None] = mapped_column(LargeBinary)
    width: Mapped[float | None] = mapped_column()
    height: Mapped[float | None] = mapped_column()
    # Set when the page's text came from OCR: Tesseract's mean word confidence, 0-100.
    ocr_confidence: Mapped[float | None] = mapped_column()

    record: Mapped[Record] = relationship(back_populates="pages")

    def __repr__(self) -> str:
        return f"RecordPage(record_id={self.record_id!r}, page_no={self.page_no!r})"
