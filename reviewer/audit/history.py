"""Reading the history back: per record (for the GUI's history pane and QA) or per collection."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.audit import AuditEvent
from reviewer.audit.chain import EventView, to_view


def record_history(session: Session, record_id: int) -> list[EventView]:
    """Every event about one record, oldest first."""
    stmt = select(AuditEvent).where(AuditEvent.record_id == record_id).order_by(AuditEvent.id)
    return [to_view(ev) for ev in session.scalars(stmt)]


def history(
    session: Session, collection_id: int | None = None, kinds: tuple[str, ...] = ()
) -> list[EventView]:
    """Events of a collection (all when None), optionally only some kinds, oldest first."""
    stmt = select(AuditEvent).order_by(AuditEvent.id)
    if collection_id is not None:
        stmt = stmt.where(AuditEvent.collection_id == collection_id)
    if kinds:
        stmt = stmt.where(AuditEvent.kind.in_(kinds))
    return [to_view(ev) for ev in session.scalars(stmt)]
