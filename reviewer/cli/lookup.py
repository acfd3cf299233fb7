"""Finding what a command names (a collection, a record by its path) or saying plainly that it is
not there: a one-line usage error, never a traceback."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.records import Record
from reviewer.cli.context import UsageError
from reviewer.decisions import DecisionError, collection_id_of


def collection_named(session: Session, name: str) -> int:
    """The id of the collection called `name`."""
    try:
        return collection_id_of(session, name)
    except DecisionError as exc:
        raise UsageError(exc.problems[0]) from exc


def record_at(session: Session, collection: str, path: str) -> int:
    """The id of the record at `path` (as `reviewer records` lists it) in `collection`."""
    cid = collection_named(session, collection)
    rid = session.scalar(select(Record.id).where(Record.collection_id == cid, Record.path == path))
    if rid is None:
        raise UsageError(f"no record with path {path!r} in {collection!r}")
    return rid
