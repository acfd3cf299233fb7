"""Records as plain values for listings (`reviewer records`) and other read-only views."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.records import Collection, Record


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
    rows = session.scalars(
        select(Record).where(Record.collection_id == collection.id).order_by(Record.path, Record.id)
    )
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
        )
        for r in rows
    ]
