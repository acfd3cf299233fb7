"""Getting a record's evidence back: its original bytes (checked against the stored hash) and text.

Children (archive members, attachments) are not copied into the store; they are pulled out of
their parent again, read-only, whenever a viewer or an export needs them.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.records import IngestRoot, Record, RecordPage
from reviewer.ingest.boundary import inside_root, open_regular
from reviewer.ingest.containers import read_member
from reviewer.ingest.types import PAGE_SEPARATOR, Identification, PageText, WordBox, unpack_words


class EvidenceError(Exception):
    """The record's bytes cannot be had, or are no longer the bytes that were ingested."""


def _record(session: Session, record_id: int) -> Record:
    record = session.get(Record, record_id)
    if record is None:
        raise EvidenceError(f"record {record_id} does not exist")
    return record


def source_path(session: Session, record: Record) -> Path:
    """Where a top-level record's file is on disk."""
    root = session.get(IngestRoot, record.root_id) if record.root_id else None
    if root is None:
        raise EvidenceError(f"record {record.id} has no ingest folder on record")
    if record.raw_path_hex:
        return Path(
            os.fsdecode(os.path.join(os.fsencode(root.path), bytes.fromhex(record.raw_path_hex)))
        )
    return Path(root.path).joinpath(*record.path.split("/"))


def _ident(record: Record) -> Identification:
    return Identification(
        puid=record.puid,
        format_name=record.format_name,
        format_version=record.format_version,
        mime=record.mime,
        method=record.id_method,
        basis=record.id_basis,
        extension_mismatch=record.extension_mismatch,
    )


def record_bytes(session: Session, record_id: int, *, verify: bool = True) -> bytes:
    """The record's original bytes; raises `EvidenceError` if missing or changed since ingest."""
    record = _record(session, record_id)
    if record.parent_id is None:
        path = source_path(session, record)
        root = session.get(IngestRoot, record.root_id)
        if root is None or not inside_root(path, Path(root.path)):
            raise EvidenceError(f"record {record.id}: its file is outside the ingested folder")
        try:
            with open_regular(Path(os.path.realpath(path))) as handle:
                data = handle.read()
        except OSError as exc:
            raise EvidenceError(
                f"record {record.id}: source file cannot be read ({exc.strerror or 'error'})"
            ) from exc
    else:
        parent = _record(session, record.parent_id)
        parent_data = record_bytes(session, parent.id, verify=verify)
        try:
            data = read_member(
                parent_data, parent.name, _ident(parent), record.member_name or record.name
            )
        except Exception as exc:
            raise EvidenceError(
                f"record {record.id}: member cannot be read from its parent"
            ) from exc
    if verify and record.sha256 and hashlib.sha256(data).hexdigest() != record.sha256:
        raise EvidenceError(
            f"record {record.id}: bytes on disk differ from those ingested (SHA-256)"
        )
    return data


def record_pages(session: Session, record_id: int) -> list[PageText]:
    """The record's pages, with PDF word boxes once computed (`reviewer.ingest.words`)."""
    rows = session.scalars(
        select(RecordPage).where(RecordPage.record_id == record_id).order_by(RecordPage.page_no)
    )
    pages = []
    for row in rows:
        words: tuple[WordBox, ...] | None = None
        if row.words is not None:
            words = unpack_words(row.words)
        pages.append(PageText(row.text, words, row.width, row.height))
    return pages


def record_text(session: Session, record_id: int) -> str:
    """The record's whole text: pages joined by a form feed, as `reviewer text` prints it."""
    texts = session.scalars(
        select(RecordPage.text)
        .where(RecordPage.record_id == record_id)
        .order_by(RecordPage.page_no)
    )
    return PAGE_SEPARATOR.join(texts)
