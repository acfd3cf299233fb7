"""Reading back what exports said about records, as plain key/values."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.metadata import RecordMetadata


def metadata_items(session: Session, record_id: int) -> list[tuple[str, str, str]]:
    """(source, key, value) in the order the sources gave them."""
    rows = session.execute(
        select(RecordMetadata.source, RecordMetadata.key, RecordMetadata.value)
        .where(RecordMetadata.record_id == record_id)
        .order_by(RecordMetadata.source, RecordMetadata.position)
    ).all()
    return [(r.source, r.key, r.value) for r in rows]


def as_object(items: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """One object per record: a key given again by another source is kept as `key (source)`."""
    out: dict[str, str] = {}
    for source, key, value in items:
        name = key if key not in out else f"{key} ({source})"
        out.setdefault(name, value)
    return out


def metadata_by_record(session: Session, record_ids: Iterable[int]) -> dict[int, dict[str, str]]:
    """`as_object` for many records in one query (listings of whole collections)."""
    ids = list(record_ids)
    grouped: dict[int, list[tuple[str, str, str]]] = {}
    for start in range(0, len(ids), 5000):
        rows = session.execute(
            select(
                RecordMetadata.record_id,
                RecordMetadata.source,
                RecordMetadata.key,
                RecordMetadata.value,
            )
            .where(RecordMetadata.record_id.in_(ids[start : start + 5000]))
            .order_by(RecordMetadata.record_id, RecordMetadata.source, RecordMetadata.position)
        ).all()
        for r in rows:
            grouped.setdefault(r.record_id, []).append((r.source, r.key, r.value))
    return {rid: as_object(items) for rid, items in grouped.items()}


def metadata_text(session: Session, collection_id: int) -> dict[int, str]:
    """Each described record's metadata as one 'key: value' line, for filtering the queue."""
    from models.records import Record

    rows = session.execute(
        select(RecordMetadata.record_id, RecordMetadata.key, RecordMetadata.value)
        .join(Record, Record.id == RecordMetadata.record_id)
        .where(Record.collection_id == collection_id)
        .order_by(RecordMetadata.record_id, RecordMetadata.source, RecordMetadata.position)
    )
    out: dict[int, list[str]] = {}
    for record_id, key, value in rows:
        out.setdefault(record_id, []).append(f"{key}: {value}")
    return {rid: "; ".join(parts) for rid, parts in out.items()}
