"""The append-only, hash-chained history of every decision, hold and redaction change.

Each `AuditEvent` stores SHA-256 over a canonical JSON of its own fields plus the previous event's
hash. `AuditHead` (one row) holds the newest event's id and hash and the number of events, updated
with every append in the same transaction, so deleting the last event is caught too.

A flush guard refuses to write a change to a `Decision`, `Hold` or `Redaction` that was not
authorised by appending its event (`reviewer.audit.chain.append_event`), so no code path can update
a decision in place without its event.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index, Integer, String, Text, event
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, UTCDateTime
from models.decisions import Decision, Hold, Redaction

GUARDED = (Decision, Hold, Redaction)
AUTHORISED_KEY = "audit_authorised"


class AuditEvent(Base):
    """One change: who (and in what role) changed what, when, from what to what."""

    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_record_id", "record_id"),
        Index("ix_audit_events_collection_id", "collection_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    # No foreign keys: history outlives the rows it describes.
    collection_id: Mapped[int | None] = mapped_column(Integer)
    record_id: Mapped[int | None] = mapped_column(Integer)
    target: Mapped[str] = mapped_column(String(300))  # e.g. "record:12", "folder:3:a/b", "hold:4"
    actor: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(String(40))
    before: Mapped[str] = mapped_column(Text)  # canonical JSON
    after: Mapped[str] = mapped_column(Text)  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    def __repr__(self) -> str:
        return f"AuditEvent(id={self.id!r}, kind={self.kind!r}, target={self.target!r})"


class AuditHead(Base):
    """The chain's newest event (id 1 is the only row); moved forward by every append."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_event_id: Mapped[int] = mapped_column(Integer, default=0)
    event_count: Mapped[int] = mapped_column(Integer, default=0)
    head_hash: Mapped[str] = mapped_column(String(64))

    def __repr__(self) -> str:
        return f"AuditHead(last_event_id={self.last_event_id!r}, count={self.event_count!r})"


class AuditAnchor(Base):
    """The chain's end as the database itself last saw it: moved only by a trigger on
    `audit_events` (migration 0008_team_proof), never by the tool, and not writable by team
    logins. Cutting off the newest events and rewinding `audit_head` leaves it disagreeing."""

    __tablename__ = "audit_anchor"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_event_id: Mapped[int] = mapped_column(Integer, default=0)
    event_count: Mapped[int] = mapped_column(Integer, default=0)
    head_hash: Mapped[str] = mapped_column(String(64))

    def __repr__(self) -> str:
        return f"AuditAnchor(last_event_id={self.last_event_id!r}, count={self.event_count!r})"


def authorise(session: Session, obj: object) -> None:
    """Mark `obj`'s pending change as covered by an event appended in this session."""
    session.info.setdefault(AUTHORISED_KEY, set()).add(id(obj))


class UnauditedChange(RuntimeError):
    """A decision, hold or redaction was about to be written without its audit event."""


@event.listens_for(Session, "before_flush")
def _refuse_unaudited(session: Session, _ctx: Any, _instances: Any) -> None:
    allowed: set[int] = session.info.get(AUTHORISED_KEY, set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, GUARDED) and id(obj) not in allowed:
            if obj in session.dirty and not session.is_modified(obj):
                continue
            raise UnauditedChange(f"{type(obj).__name__} changed without an audit event")


@event.listens_for(Session, "after_flush")
def _forget_flushed(session: Session, _ctx: Any) -> None:
    allowed: set[int] = session.info.get(AUTHORISED_KEY, set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        allowed.discard(id(obj))
