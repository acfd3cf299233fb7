"""PDF word boxes, computed the first time a record needs them rather than at ingest.

Ingest stores each PDF page's text only: the boxes cost a third as much again as the text,
and most of a large collection is never opened page by page. Scanning, viewing, redacting and
marking by hand need them, so those paths call `fill_word_boxes` first; it reopens the
evidence read-only (checked against its SHA-256), finds MuPDF's words in the stored page text
and keeps the boxes, so each page pays once.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.records import RecordPage
from reviewer.ingest.access import EvidenceError, record_bytes
from reviewer.ingest.types import pack_words

log = logging.getLogger(__name__)

# A PDF page (only they have a size) whose word boxes have not been made yet.
_LACKING = (RecordPage.words.is_(None), RecordPage.width.is_not(None))


def page_word_boxes(data: bytes, texts: Mapping[int, str]) -> dict[int, bytes]:
    """Packed word boxes of the given 1-based pages of a PDF, aligned to their stored texts.

    Pages that cannot be read are left out; a PDF that will not open gives nothing.
    """
    from reviewer.ingest.extract import pdf

    pymupdf = pdf.module()
    boxes: dict[int, bytes] = {}
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception:
        return boxes
    try:
        if doc.needs_pass and not doc.authenticate(""):
            return boxes
        for page_no, text in texts.items():
            if not 1 <= page_no <= doc.page_count:
                continue
            try:
                page = doc.load_page(page_no - 1)
                words = page.get_textpage(flags=pymupdf.TEXTFLAGS_WORDS).extractWORDS()
            except Exception:
                continue
            boxes[page_no] = pack_words(pdf.align_words(text, words)) or b""
    finally:
        doc.close()
    return boxes


def fill_word_boxes(session: Session, record_id: int, *, most: int | None = None) -> bool:
    """Give the record's PDF pages that lack them their word boxes; False if it did not.

    Only pages with a page size (PDF pages) ever have boxes. The evidence is read again only
    when some page lacks them, and a missing or changed source leaves them absent (highlights
    then have no rectangles) rather than failing the caller. With `most`, a record lacking
    boxes on more pages than that is left alone (about 1.5 ms a page: a caller that must
    answer at once leaves a long document to a background task).
    """
    rows = session.scalars(
        select(RecordPage).where(RecordPage.record_id == record_id, *_LACKING)
    ).all()
    if not rows:
        return True
    if most is not None and len(rows) > most:
        return False
    try:
        data = record_bytes(session, record_id)
    except EvidenceError:
        log.warning("record %d: word boxes not available (evidence cannot be read)", record_id)
        return False
    boxes = page_word_boxes(data, {row.page_no: row.text or "" for row in rows})
    for row in rows:
        if row.page_no in boxes:
            row.words = boxes[row.page_no]
    session.flush()
    return len(boxes) == len(rows)


def lacking_word_boxes(session: Session, record_ids: Sequence[int]) -> list[int]:
    """Those of the records with some PDF page that has no word boxes yet, in id order."""
    return list(
        session.scalars(
            select(RecordPage.record_id)
            .where(RecordPage.record_id.in_(record_ids), *_LACKING)
            .distinct()
            .order_by(RecordPage.record_id)
        )
    )


def stored_word_boxes(session: Session, record_id: int) -> tuple[bytes | None, ...]:
    """The record's packed word boxes, page by page."""
    return tuple(
        session.scalars(
            select(RecordPage.words)
            .where(RecordPage.record_id == record_id)
            .order_by(RecordPage.page_no)
        )
    )
