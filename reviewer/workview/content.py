"""Loading what the viewer shows for one record: page texts, word boxes (parsed lazily), sizes.

Returns a frozen `RecordContent`, never ORM rows. Word boxes stay JSON strings until a page is
drawn, so opening a 1,000-page PDF costs one query and no parsing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date
from functools import lru_cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.records import IngestRoot, Record, RecordPage
from reviewer.ingest.manifest.stored import metadata_items
from reviewer.ingest.types import PAGE_SEPARATOR, unpack_words
from reviewer.ingest.words import fill_word_boxes

KIND_PDF = "pdf"
KIND_IMAGE = "image"
KIND_TABLE = "table"
KIND_EMAIL = "email"
KIND_TEXT = "text"
KIND_MEDIA = "media"

_SHEET_EXT = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv")
_IMAGE_EXT = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp")
_EMAIL_EXT = (".eml", ".msg", ".mbox")
_MEDIA_EXT = (".mp4", ".m4v", ".mov", ".avi", ".mkv", ".webm", ".wmv", ".mpg", ".mpeg", ".3gp")
_AUDIO_EXT = (".mp3", ".wav", ".m4a", ".wma", ".flac", ".ogg", ".aac", ".amr")

Rect = tuple[float, float, float, float]


def view_kind(name: str, mime: str | None) -> str:
    """Which viewer suits a record, from its PRONOM mime and name."""
    lower = name.lower()
    mime = (mime or "").lower()
    if mime == "application/pdf" or lower.endswith(".pdf"):
        return KIND_PDF
    if mime.startswith("image/") or lower.endswith(_IMAGE_EXT):
        return KIND_IMAGE
    if mime.startswith(("video/", "audio/")) or lower.endswith(_MEDIA_EXT + _AUDIO_EXT):
        return KIND_MEDIA
    if "spreadsheet" in mime or "excel" in mime or "csv" in mime or lower.endswith(_SHEET_EXT):
        return KIND_TABLE
    if mime in ("message/rfc822", "application/vnd.ms-outlook") or lower.endswith(_EMAIL_EXT):
        return KIND_EMAIL
    return KIND_TEXT


@dataclass(frozen=True)
class Child:
    id: int
    name: str


@dataclass(frozen=True)
class RecordContent:
    """Everything the viewer needs about one record, loaded in one go."""

    record_id: int
    collection_id: int
    name: str
    path: str
    format: str
    kind: str
    status: str
    message: str
    page_texts: tuple[str, ...]
    page_sizes: tuple[tuple[float, float] | None, ...]
    words_json: tuple[bytes | None, ...] = field(repr=False)
    source_file: Path | None
    parent_id: int | None
    children: tuple[Child, ...]
    modified: date | None = None  # the file's last-modified day (for the closure start)
    # What a system export said about the record: (source, key, value), unchanged.
    metadata: tuple[tuple[str, str, str], ...] = ()
    # Per page: OCR's mean word confidence (0-100) where the page's text came from OCR.
    ocr_confidence: tuple[float | None, ...] = ()

    @property
    def text(self) -> str:
        return PAGE_SEPARATOR.join(self.page_texts)

    def page_starts(self) -> list[int]:
        """Offset in `text` where each page begins."""
        starts, pos = [], 0
        for t in self.page_texts:
            starts.append(pos)
            pos += len(t) + len(PAGE_SEPARATOR)
        return starts

    def words(self, page_index: int) -> tuple[tuple[int, int, float, float, float, float], ...]:
        """Word boxes of page `page_index` (0-based): (start, end, x0, y0, x1, y1)."""
        if page_index >= len(self.words_json):
            return ()
        return _parse_words(self.words_json[page_index])


FILL_NOW_PAGES = 100  # about 0.15 s


@lru_cache(maxsize=64)
def _parse_words(raw: bytes | None) -> tuple[tuple[int, int, float, float, float, float], ...]:
    return unpack_words(raw)


def load_content(session: Session, record_id: int) -> RecordContent | None:
    rec = session.get(Record, record_id)
    if rec is None:
        return None
    # A PDF's word boxes, the first time it is opened: here if quick, else in the background
    # (`reviewer.workview.record.load_marks`), so a long unscanned document opens at once.
    fill_word_boxes(session, record_id, most=FILL_NOW_PAGES)
    pages = session.execute(
        select(
            RecordPage.text,
            RecordPage.words,
            RecordPage.width,
            RecordPage.height,
            RecordPage.ocr_confidence,
        )
        .where(RecordPage.record_id == record_id)
        .order_by(RecordPage.page_no)
    ).all()
    source: Path | None = None
    if rec.parent_id is None and rec.root_id is not None:
        root = session.get(IngestRoot, rec.root_id)
        if root is not None:
            source = Path(root.path).joinpath(*rec.path.split("/"))
    children = session.execute(
        select(Record.id, Record.member_name, Record.name)
        .where(Record.parent_id == record_id)
        .order_by(Record.path)
    ).all()
    kind = view_kind(rec.name, rec.mime)
    if kind == KIND_IMAGE and any(p.ocr_confidence is not None for p in pages):
        kind = KIND_PDF  # a scan read by OCR: shown as a page, so highlights land on it
    return RecordContent(
        record_id=rec.id,
        collection_id=rec.collection_id,
        name=rec.name,
        path=rec.path,
        format=rec.format_name or "",
        kind=kind,
        status=rec.status,
        message=rec.message or "",
        page_texts=tuple(p.text or "" for p in pages),
        page_sizes=tuple((p.width, p.height) if p.width and p.height else None for p in pages),
        words_json=tuple(p.words for p in pages),
        source_file=source,
        parent_id=rec.parent_id,
        children=tuple(Child(cid, member or name) for cid, member, name in children),
        modified=rec.mtime.astimezone(UTC).date() if rec.mtime else None,
        metadata=tuple(metadata_items(session, record_id)),
        ocr_confidence=tuple(p.ocr_confidence for p in pages),
    )


def record_bytes(session: Session, content: RecordContent) -> bytes | None:
    """The record's original bytes: the evidence file read-only, else the ingest access API."""
    if content.source_file is not None and content.source_file.is_file():
        return content.source_file.read_bytes()
    try:
        from reviewer.ingest.access import record_bytes as access_bytes
    except ImportError:
        return None
    try:
        return bytes(access_bytes(session, content.record_id))
    except Exception:
        return None
