"""Reading a record's text and pages from the store, as detection sees them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.records import Record, RecordPage
from reviewer.ingest.types import PAGE_SEPARATOR, PageText, WordBox, unpack_words
from reviewer.ingest.words import fill_word_boxes


def load_pages(session: Session, record_id: int) -> list[PageText]:
    """The record's pages in order, with word boxes where the format has them.

    PDF word boxes are computed here the first time a record needs them (see
    `reviewer.ingest.words`); the caller's transaction keeps them.
    """
    fill_word_boxes(session, record_id)
    rows = session.scalars(
        select(RecordPage).where(RecordPage.record_id == record_id).order_by(RecordPage.page_no)
    ).all()
    pages: list[PageText] = []
    for row in rows:
        words: tuple[WordBox, ...] | None = None
        if row.words is not None:
            words = unpack_words(row.words)
        pages.append(PageText(row.text or "", words, row.width, row.height))
    return pages


def joined_text(pages: list[PageText]) -> str:
    """Pages joined by the page separator: the text all offsets refer to."""
    return PAGE_SEPARATOR.join(p.text for p in pages)


def get_record(session: Session, record_id: int) -> Record:
    """The record row, or a clear error naming only its id."""
    record = session.get(Record, record_id)
    if record is None:
        raise LookupError(f"record {record_id} not found")
    return record
