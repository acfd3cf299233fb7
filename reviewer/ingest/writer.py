"""Writing what the workers learnt into the store: one transaction per top-level file.

A file and all its members land together or not at all, so an interrupted ingest leaves the
store consistent and a re-run simply carries on.
"""

from __future__ import annotations

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.records import Collection, IngestRoot, Record, RecordPage
from reviewer.ingest.hashing import sha256_bytes
from reviewer.ingest.types import pack_words
from reviewer.ingest.worker import FileResult


def get_or_create_collection(session: Session, name: str, kind: str | None) -> Collection:
    """The named collection, created with `kind` (default case) if new."""
    collection = session.scalar(select(Collection).where(Collection.name == name))
    if collection is None:
        collection = Collection(name=name, kind=kind or "case")
        session.add(collection)
        session.flush()
    elif kind and collection.kind != kind:
        collection.kind = kind
    return collection


def get_or_create_root(session: Session, collection: Collection, path: str) -> IngestRoot:
    root = session.scalar(
        select(IngestRoot).where(IngestRoot.collection_id == collection.id, IngestRoot.path == path)
    )
    if root is None:
        root = IngestRoot(collection_id=collection.id, path=path)
        session.add(root)
        session.flush()
        if collection.source_root is None:
            collection.source_root = path
    return root


def _fill(record: Record, result: FileResult) -> None:
    ext = result.extraction
    ident = result.ident
    record.name = result.name
    record.raw_path_hex = result.raw_path_hex
    record.member_name = result.member_name
    record.size = result.size
    record.mtime = result.mtime
    record.sha256 = result.sha256
    record.puid = ident.puid
    record.format_name = ident.format_name
    record.format_version = ident.format_version
    record.mime = ident.mime
    record.id_method = ident.method
    record.id_basis = ident.basis
    record.extension_mismatch = ident.extension_mismatch
    record.page_count = ext.page_count
    record.status = ext.status
    record.message = ext.message
    record.needs_ocr = ext.needs_ocr
    record.text_sha256 = sha256_bytes(ext.text.encode("utf-8")) if ext.pages else None
    record.updated_at = utcnow()


def _insert_pages(session: Session, record_id: int, result: FileResult) -> None:
    """All pages of a record in one executemany (the ORM unit of work is slow for thousands)."""
    pages = result.extraction.pages
    if pages:
        session.execute(
            insert(RecordPage),
            [
                {
                    "record_id": record_id,
                    "page_no": i,
                    "text": page.text,
                    "words": pack_words(page.words),
                    "width": page.width,
                    "height": page.height,
                }
                for i, page in enumerate(pages, start=1)
            ],
        )


def _link_duplicate(session: Session, record: Record) -> None:
    """Point an exact copy at the first record with the same bytes (empty files are not copies)."""
    if not record.sha256 or record.size == 0:
        record.duplicate_of_id = None
        return
    first = session.scalar(
        select(func.min(Record.id)).where(
            Record.collection_id == record.collection_id,
            Record.sha256 == record.sha256,
            Record.size > 0,
            Record.id != record.id,
        )
    )
    record.duplicate_of_id = first if first is not None and first < record.id else None


def _add(
    session: Session, collection_id: int, root_id: int, parent: Record | None, result: FileResult
) -> int:
    record = Record(
        collection_id=collection_id,
        root_id=root_id,
        parent_id=parent.id if parent else None,
        path=result.rel_path,
    )
    _fill(record, result)
    session.add(record)
    session.flush()
    _insert_pages(session, record.id, result)
    _link_duplicate(session, record)
    return 1 + sum(_add(session, collection_id, root_id, record, c) for c in result.children)


def write_result(
    session: Session, collection_id: int, root_id: int, existing: Record | None, result: FileResult
) -> int:
    """Store one top-level file with its members; returns how many records were written."""
    if existing is None:
        return _add(session, collection_id, root_id, None, result)
    # The file's bytes changed since the last ingest: keep the old hash, re-read everything.
    previous = existing.sha256
    session.execute(delete(Record).where(Record.parent_id == existing.id))
    # The old text goes; the new text is inserted below.
    session.execute(delete(RecordPage).where(RecordPage.record_id == existing.id))
    _fill(existing, result)
    _insert_pages(session, existing.id, result)
    existing.previous_sha256 = previous
    note = "content changed since the previous ingest (new SHA-256)"
    existing.message = f"{existing.message}; {note}" if existing.message else note
    session.flush()
    _link_duplicate(session, existing)
    return 1 + sum(_add(session, collection_id, root_id, existing, c) for c in result.children)
