"""Appending events to the hash chain: canonical JSON, SHA-256, and the chain head.

The hash of event N is SHA-256 over the canonical JSON (sorted keys, no spaces, UTF-8) of its id,
collection, record, target, actor, role, time, kind, before, after and the hash of event N-1
(64 zeros for the first). The head row is moved in the same transaction as the append.
"""

from __future__ import annotations

import hashlib
import json
import weakref
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from models.audit import AuditEvent, AuditHead, authorise
from models.base import utcnow

GENESIS = "0" * 64
HEAD_ID = 1
ACTOR_KEY = "audit_last_actor"  # session.info: (actor, role) of the transaction's last event
HEAD_KEY = "audit_head_locked"  # session.info: (weakref to the transaction, its locked head)


def canonical(value: Any) -> str:
    """Deterministic JSON text: sorted keys, compact, dates as ISO strings."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def event_hash(
    *,
    id: int,
    collection_id: int | None,
    record_id: int | None,
    target: str,
    actor: str,
    role: str,
    at: datetime,
    kind: str,
    before: str,
    after: str,
    prev_hash: str,
) -> str:
    """SHA-256 (hex) of the event's canonical JSON including the previous hash."""
    payload = {
        "id": id,
        "collection_id": collection_id,
        "record_id": record_id,
        "target": target,
        "actor": actor,
        "role": role,
        "at": at.isoformat(timespec="microseconds"),
        "kind": kind,
        "before": before,
        "after": after,
        "prev_hash": prev_hash,
    }
    return hashlib.sha256(canonical(payload).encode("utf-8")).hexdigest()


def hash_of(ev: AuditEvent) -> str:
    """The hash `ev` should carry given its stored fields."""
    return event_hash(
        id=ev.id,
        collection_id=ev.collection_id,
        record_id=ev.record_id,
        target=ev.target,
        actor=ev.actor,
        role=ev.role,
        at=ev.at,
        kind=ev.kind,
        before=ev.before,
        after=ev.after,
        prev_hash=ev.prev_hash,
    )


@dataclass(frozen=True)
class EventView:
    """One history entry as the GUI, QA and reports see it (before/after parsed from JSON)."""

    id: int
    collection_id: int | None
    record_id: int | None
    target: str
    actor: str
    role: str
    at: datetime
    kind: str
    before: Any
    after: Any
    hash: str


def to_view(ev: AuditEvent) -> EventView:
    return EventView(
        id=ev.id,
        collection_id=ev.collection_id,
        record_id=ev.record_id,
        target=ev.target,
        actor=ev.actor,
        role=ev.role,
        at=ev.at,
        kind=ev.kind,
        before=json.loads(ev.before),
        after=json.loads(ev.after),
        hash=ev.hash,
    )


def _create_head(session: Session) -> None:
    """Insert the empty head unless a concurrent writer just did (no unique-key error)."""
    values = {"id": HEAD_ID, "last_event_id": 0, "event_count": 0, "head_hash": GENESIS}
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(pg_insert(AuditHead).values(**values).on_conflict_do_nothing())
    elif dialect == "sqlite":
        session.execute(sqlite_insert(AuditHead).values(**values).on_conflict_do_nothing())
    else:
        session.add(AuditHead(**values))
        session.flush()


def lock_head(session: Session) -> AuditHead:
    """The chain head, locked until the transaction ends: appenders queue here one at a time.

    `SELECT ... FOR UPDATE` serialises appenders on PostgreSQL (each re-reads the head after the
    previous one committed, so the chain stays linear); SQLite has one writer at a time anyway.
    """
    tx = session.get_transaction()
    cached = session.info.get(HEAD_KEY)
    if cached is not None and tx is not None and cached[0]() is tx and cached[1] in session:
        # Already locked by this transaction: re-reading would drop unflushed appends.
        locked: AuditHead = cached[1]
        return locked
    stmt = (
        select(AuditHead)
        .where(AuditHead.id == HEAD_ID)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    head = session.scalars(stmt).first()
    if head is None:
        _create_head(session)
        head = session.scalars(stmt).one()
    if tx is not None:
        session.info[HEAD_KEY] = (weakref.ref(tx), head)
    return head


def append_event(
    session: Session,
    *,
    actor: str,
    role: str,
    kind: str,
    target: str,
    before: Any,
    after: Any,
    collection_id: int | None = None,
    record_id: int | None = None,
    covers: tuple[object, ...] = (),
) -> AuditEvent:
    """Append one event and move the head; `covers` are the ORM rows this event authorises.

    In team mode the actor must be the database login (`WrongPerson` otherwise): nobody signs
    as somebody else, whatever name a caller passes.
    """
    from reviewer.team.identity import WrongPerson, current_identity

    ident = current_identity(session)
    if ident.team and actor != ident.name:
        raise WrongPerson(
            f"you are logged in as {ident.name} ({ident.group}); "
            "a change cannot be recorded under another person's name"
        )
    head = lock_head(session)
    at = utcnow()
    ev = AuditEvent(
        id=head.last_event_id + 1,
        collection_id=collection_id,
        record_id=record_id,
        target=target,
        actor=actor,
        role=role,
        at=at,
        kind=kind,
        before=canonical(before),
        after=canonical(after),
        prev_hash=head.head_hash,
        hash="",
    )
    ev.hash = hash_of(ev)
    session.add(ev)
    head.last_event_id = ev.id
    head.event_count += 1
    head.head_hash = ev.hash
    for obj in covers:
        authorise(session, obj)
    session.info[ACTOR_KEY] = (actor, role)
    return ev
