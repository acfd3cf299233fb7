"""Records as plain values for listings (`reviewer records`) and other read-only views."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.decisions import Decision
from models.records import Collection, Record
from reviewer.ingest.manifest.stored import metadata_by_record


class NoSuchCollection(LookupError):
    """The named collection is not in the store."""


@dataclass(frozen=True)
class RecordView:
    """One record as the command-line contract lists it."""

    id: int
    parent_id: int | None
    path: str
    size: int
    sha256: str | None
    puid: str | None
    format: str | None
    mime: str | None
    status: str
    message: str
    pages: int | None
    duplicate_of: int | None
    # What a case-system or SharePoint export said about the record (key/values, unchanged).
    metadata: dict[str, str] = field(default_factory=dict)
    record_date: str | None = None  # the date of the record (TDR), YYYY-MM-DD, once set

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


FIELDS = tuple(RecordView.__dataclass_fields__)


def collection_by_name(session: Session, name: str) -> Collection:
    """The collection called `name`, or `NoSuchCollection`."""
    found = session.scalar(select(Collection).where(Collection.name == name))
    if found is None:
        raise NoSuchCollection(f"no collection named {name!r}")
    return found


def _format(record: Record) -> str | None:
    if record.format_name and record.format_version:
        return f"{record.format_name} {record.format_version}"
    return record.format_name


def list_records(session: Session, collection_name: str) -> list[RecordView]:
    """Every record of the collection, parents before their children, in path order."""
    collection = collection_by_name(session, collection_name)
    rows = list(
        session.scalars(
            select(Record)
            .where(Record.collection_id == collection.id)
            .order_by(Record.path, Record.id)
        )
    )
    described = metadata_by_record(session, [r.id for r in rows])
    dated = session.execute(
        select(Decision.record_id, Decision.record_date)
        .join(Record, Record.id == Decision.record_id)
        .where(Record.collection_id == collection.id, Decision.record_date.is_not(None))
    )
    dates = {record_id: when for record_id, when in dated}
    return [
        RecordView(
            id=r.id,
            parent_id=r.parent_id,
            path=r.path,
            size=r.size,
            sha256=r.sha256,
            puid=r.puid,
            format=_format(r),
            mime=r.mime,
            status=r.status,
            message=r.message,
            pages=r.page_count,
            duplicate_of=r.duplicate_of_id,
            metadata=described.get(r.id, {}),
            record_date=_iso(dates.get(r.id)),
        )
        for r in rows
    ]


def _iso(when: date | None) -> str | None:
    return when.isoformat() if when is not None else None
