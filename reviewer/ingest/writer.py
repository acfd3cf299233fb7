"""Writing what the workers learnt into the store: one transaction per top-level file.

A file and all its members land together or not at all, so an interrupted ingest leaves the
store consistent and a re-run simply carries on.
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Connection, Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from models.base import utcnow
from models.records import Collection, IngestRoot, Record, RecordPage
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


_RECORDS = cast(Table, Record.__table__)
_PAGES = cast(Table, RecordPage.__table__)
_INSERT_RECORD = insert(_RECORDS).returning(_RECORDS.c.id)
_INSERT_PAGES = insert(_PAGES)


def _fields(result: FileResult) -> dict[str, Any]:
    """A record's columns from what the worker learnt."""
    ext = result.extraction
    ident = result.ident
    return {
        "name": result.name,
        "raw_path_hex": result.raw_path_hex,
        "member_name": result.member_name,
        "size": result.size,
        "mtime": result.mtime,
        "sha256": result.sha256,
        "puid": ident.puid,
        "format_name": ident.format_name,
        "format_version": ident.format_version,
        "mime": ident.mime,
        "id_method": ident.method,
        "id_basis": ident.basis,
        "extension_mismatch": ident.extension_mismatch,
        "page_count": ext.page_count,
        "status": ext.status,
        "message": ext.message,
        "needs_ocr": ext.needs_ocr,
        "text_sha256": result.text_sha256,
        "updated_at": utcnow(),
    }


def _insert_pages(conn: Connection, record_id: int, result: FileResult) -> None:
    """All pages of a record in one executemany."""
    pages = result.extraction.pages
    if pages:
        conn.execute(
            _INSERT_PAGES,
            [
                {
                    "record_id": record_id,
                    "page_no": i,
                    "text": page.text,
                    "words": page.packed_words(),
                    "width": page.width,
                    "height": page.height,
                }
                for i, page in enumerate(pages, start=1)
            ],
        )


class Duplicates:
    """Which record first held each SHA-256 in a collection, for linking exact copies.

    Records only ever get larger ids, so the first copy of some bytes is the smallest id with
    that hash. Answers are remembered; when the collection was empty at the start every
    answer is known without asking the store.
    """

    def __init__(self, collection_id: int, complete: bool) -> None:
        self.collection_id = collection_id
        self.complete = complete
        self._first: dict[str, int] = {}

    def first_copy(self, conn: Connection, sha256: str | None, size: int) -> int | None:
        """The record an exact copy with these bytes should point at (None if it is the first)."""
        if not sha256 or size == 0:  # empty files are not copies of each other
            return None
        if sha256 in self._first or self.complete:
            return self._first.get(sha256)
        first: int | None = conn.scalar(
            select(func.min(_RECORDS.c.id)).where(
                _RECORDS.c.collection_id == self.collection_id,
                _RECORDS.c.sha256 == sha256,
                _RECORDS.c.size > 0,
            )
        )
        if first is not None:
            self._first[sha256] = first
        return first

    def added(self, sha256: str | None, size: int, record_id: int) -> None:
        if sha256 and size:
            self._first.setdefault(sha256, record_id)

    def forget(self) -> None:
        """Records were deleted or changed their bytes: ask the store from now on."""
        self._first.clear()
        self.complete = False


def _add(
    conn: Connection,
    collection_id: int,
    root_id: int,
    parent_id: int | None,
    result: FileResult,
    dups: Duplicates,
) -> int:
    first = dups.first_copy(conn, result.sha256, result.size)
    values = _fields(result)
    values.update(
        collection_id=collection_id,
        root_id=root_id,
        parent_id=parent_id,
        path=result.rel_path,
        duplicate_of_id=first,
    )
    record_id = conn.execute(_INSERT_RECORD, values).scalar_one()
    dups.added(result.sha256, result.size, record_id)
    _insert_pages(conn, record_id, result)
    return 1 + sum(_add(conn, collection_id, root_id, record_id, c, dups) for c in result.children)


def write_result(
    session: Session,
    collection_id: int,
    root_id: int,
    existing: Record | None,
    result: FileResult,
    dups: Duplicates,
) -> int:
    """Store one top-level file with its members; returns how many records were written.

    Plain Core inserts (one statement per record, one executemany for its pages) rather than
    the ORM's unit of work: ingest speed is measured against text extraction alone.
    """
    conn = session.connection()
    if existing is None:
        return _add(conn, collection_id, root_id, None, result, dups)
    # The file's bytes changed since the last ingest: keep the old hash, re-read everything.
    dups.forget()
    previous = existing.sha256
    conn.execute(delete(_RECORDS).where(_RECORDS.c.parent_id == existing.id))
    # The old text goes; the new text is inserted below.
    conn.execute(delete(_PAGES).where(_PAGES.c.record_id == existing.id))
    values = _fields(result)
    note = "content changed since the previous ingest (new SHA-256)"
    values["message"] = f"{values['message']}; {note}" if values["message"] else note
    values["previous_sha256"] = previous
    first = dups.first_copy(conn, result.sha256, result.size)
    values["duplicate_of_id"] = first if first is not None and first < existing.id else None
    conn.execute(update(_RECORDS).where(_RECORDS.c.id == existing.id).values(values))
    session.expire(existing)
    _insert_pages(conn, existing.id, result)
    return 1 + sum(
        _add(conn, collection_id, root_id, existing.id, c, dups) for c in result.children
    )
