"""Writing what the workers learnt into the store, a batch of files at a time.

The pipeline commits only between whole files, so a file and all its members land together or
not at all: an interrupted ingest leaves the store consistent and a re-run simply carries on.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from models.base import utcnow
from models.metadata import RecordMetadata
from models.records import Collection, IngestRoot, Record, RecordPage
from reviewer.ingest.storable import replaced_note, storable, storable_text
from reviewer.ingest.types import PageText
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
# Many rows in one statement, ids returned in the rows' order (SQLAlchemy's insertmanyvalues).
_INSERT_RECORDS = insert(_RECORDS).returning(_RECORDS.c.id, sort_by_parameter_order=True)
_INSERT_PAGES = insert(_PAGES)


def _fields(result: FileResult, now: datetime) -> dict[str, Any]:
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
        "message": "; ".join(filter(None, (ext.message, _mismatch(result)))),
        "needs_ocr": ext.needs_ocr,
        "text_sha256": result.text_sha256,
        "updated_at": now,
    }


def _mismatch(result: FileResult) -> str:
    """A plain note when the name's extension is not one of the identified format's (a PDF
    saved as .docx): TNA's transfer checks flag it, so the reviewer should see it first."""
    ident = result.ident
    if not ident.extension_mismatch:
        return ""
    dot = result.name.rfind(".")
    named = f"extension {result.name[dot:]}" if dot > 0 else "name has no extension and"
    found = ident.format_name or ident.puid or "unknown"
    if ident.format_version and ident.format_version not in found:
        found = f"{found} {ident.format_version}"
    return f"{named} does not match its format ({found})"


def storable_result(result: FileResult) -> FileResult:
    """The result with every value the store cannot hold replaced (`storable`): a NUL in a
    text file or an e-mail subject is one note on that record, not a failed batch on
    PostgreSQL, and both engines store the same thing. Children are made storable as they
    are queued."""
    ext = result.extraction
    replaced = 0
    pages: list[PageText] = []
    for page in ext.pages:
        text, count = storable_text(page.text)
        replaced += count
        pages.append(page if not count else replace(page, text=text))
    message = storable("; ".join(filter(None, (ext.message, replaced_note(replaced)))))
    if not replaced and message == ext.message and storable(result.name) == result.name:
        return result
    return replace(
        result,
        name=storable(result.name),
        rel_path=storable(result.rel_path),
        member_name=None if result.member_name is None else storable(result.member_name),
        extraction=replace(ext, pages=tuple(pages), message=message),
    )


def _page_rows(record_id: int, result: FileResult) -> list[dict[str, Any]]:
    return [
        {
            "record_id": record_id,
            "page_no": i,
            "text": page.text,
            "words": page.packed_words(),
            "width": page.width,
            "height": page.height,
            "ocr_confidence": page.confidence,
        }
        for i, page in enumerate(result.extraction.pages, start=1)
    ]


OWN_METADATA = "the file itself"  # `RecordMetadata.source` of what a file states about itself


def _own_metadata(record_id: int, result: FileResult) -> list[dict[str, Any]]:
    """What the file states about itself (a recording's duration and codecs), as key/values."""
    return [
        {"record_id": record_id, "source": OWN_METADATA, "position": i, "key": k, "value": v}
        for i, (k, v) in enumerate(result.extraction.metadata)
    ]


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


@dataclass
class _Row:
    """A record waiting to be inserted; its parent is a known id or an earlier row."""

    root_id: int
    result: FileResult
    parent_id: int | None = None
    parent_row: int | None = None


class NewRecords:
    """Records not yet in the store, inserted a batch at a time (`add`, then `flush`).

    Ids come out as if each record were inserted on its own, depth first (a file, then its
    members, then the next file), so duplicate links do not depend on how files were
    batched. Rows go in as few multi-row INSERTs as that order allows: a new statement starts
    only where a row needs the id of a row in the same statement (its parent, or the first
    copy of its bytes). A whole batch's pages go in one executemany. (One statement per record
    and one per record's pages was most of the store's share of ingest time.)
    """

    def __init__(self, collection_id: int, dups: Duplicates) -> None:
        self.collection_id = collection_id
        self.dups = dups
        self._rows: list[_Row] = []

    def add(self, root_id: int, result: FileResult, parent_id: int | None = None) -> None:
        """Queue `result` and its members (under `parent_id` when it is a member itself)."""
        self._queue(_Row(root_id, result, parent_id=parent_id))

    def _queue(self, row: _Row) -> None:
        row.result = storable_result(row.result)
        index = len(self._rows)
        self._rows.append(row)
        for child in row.result.children:
            self._queue(_Row(row.root_id, child, parent_row=index))

    def discard(self) -> None:
        """Forget what is queued and what was learnt of first copies: the savepoint these
        records were being written in was rolled back."""
        self._rows = []
        self.dups.forget()

    def flush(self, conn: Connection) -> int:
        """Insert every queued record and its pages; returns how many records were written."""
        rows, self._rows = self._rows, []
        ids: list[int] = []
        now = utcnow()
        start = 0
        statement: list[dict[str, Any]] = []
        copies: set[str] = set()  # bytes whose first copy is in `statement`
        for index, row in enumerate(rows):
            sha = row.result.sha256 if row.result.size else None
            needs_pending = (row.parent_row is not None and row.parent_row >= start) or (
                sha is not None and sha in copies
            )
            if needs_pending:
                ids += self._insert(conn, rows[start:index], statement)
                start, statement, copies = index, [], set()
            values = _fields(row.result, now)
            values.update(
                collection_id=self.collection_id,
                root_id=row.root_id,
                parent_id=row.parent_id if row.parent_row is None else ids[row.parent_row],
                path=row.result.rel_path,
                duplicate_of_id=self.dups.first_copy(conn, sha, row.result.size),
            )
            statement.append(values)
            if sha is not None and values["duplicate_of_id"] is None:
                copies.add(sha)
        ids += self._insert(conn, rows[start:], statement)
        pages = [p for row, i in zip(rows, ids, strict=True) for p in _page_rows(i, row.result)]
        if pages:
            conn.execute(_INSERT_PAGES, pages)
        described = [
            m for row, i in zip(rows, ids, strict=True) for m in _own_metadata(i, row.result)
        ]
        if described:
            conn.execute(insert(RecordMetadata), described)
        return len(rows)

    def _insert(
        self, conn: Connection, rows: list[_Row], statement: list[dict[str, Any]]
    ) -> list[int]:
        if not statement:
            return []
        ids = list(conn.execute(_INSERT_RECORDS, statement).scalars())
        for row, record_id in zip(rows, ids, strict=True):
            self.dups.added(row.result.sha256, row.result.size, record_id)
        return ids


def write_changed(
    session: Session, root_id: int, existing: Record, result: FileResult, new: NewRecords
) -> int:
    """Store a file whose bytes changed since the last ingest; returns records written.

    The record keeps its id and notes the previous hash; its members are replaced. Queued
    new records are written first, so ids keep the order files were met in.
    """
    conn = session.connection()
    result = storable_result(result)
    written = new.flush(conn)
    new.dups.forget()
    previous = existing.sha256
    conn.execute(delete(_RECORDS).where(_RECORDS.c.parent_id == existing.id))
    # The old text goes; the new text is inserted below.
    conn.execute(delete(_PAGES).where(_PAGES.c.record_id == existing.id))
    values = _fields(result, utcnow())
    note = "content changed since the previous ingest (new SHA-256)"
    values["message"] = f"{values['message']}; {note}" if values["message"] else note
    values["previous_sha256"] = previous
    first = new.dups.first_copy(conn, result.sha256, result.size)
    values["duplicate_of_id"] = first if first is not None and first < existing.id else None
    conn.execute(update(_RECORDS).where(_RECORDS.c.id == existing.id).values(values))
    session.expire(existing)
    pages = _page_rows(existing.id, result)
    if pages:
        conn.execute(_INSERT_PAGES, pages)
    conn.execute(
        delete(RecordMetadata).where(
            RecordMetadata.record_id == existing.id, RecordMetadata.source == OWN_METADATA
        )
    )
    described = _own_metadata(existing.id, result)
    if described:
        conn.execute(insert(RecordMetadata), described)
    for child in result.children:
        new.add(root_id, child, parent_id=existing.id)
    return written + 1 + new.flush(conn)
