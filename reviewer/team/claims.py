"""The shared scan queue: one claim row per record, handed out with `FOR UPDATE SKIP LOCKED`.

Workers on any number of machines call `claim` for a few records at a time. On PostgreSQL the
candidate rows are locked with `SKIP LOCKED`, so two workers never take the same record and never
wait for each other; on SQLite the single `UPDATE ... RETURNING` runs under its one writer lock.
A claim expires unless its worker renews it, so a killed worker's records are taken again.
Times come from the database server, so machines with drifting clocks agree on expiry.
"""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    exists,
    func,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import Insert as PgInsert
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import Insert as SqliteInsert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from models.base import utcnow
from models.records import Record
from models.team import ScanClaim

DEFAULT_TTL = timedelta(minutes=5)


def worker_name() -> str:
    """A name unique to this worker process: host, process id and a random tag."""
    return f"{socket.gethostname()[:120]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def db_now(session: Session) -> datetime:
    """The database server's clock on PostgreSQL (shared by every machine), else this one's."""
    if session.get_bind().dialect.name == "postgresql":
        now = session.scalar(select(func.now()))
        if isinstance(now, datetime):
            return now
    return utcnow()


def enqueue(session: Session, collection_id: int) -> int:
    """Add a pending claim for each record of the collection not yet queued; returns how many."""
    rows = select(Record.id, Record.collection_id, literal(0)).where(
        Record.collection_id == collection_id,
        ~exists().where(ScanClaim.record_id == Record.id),
    )
    columns = ["record_id", "collection_id", "attempts"]
    dialect = session.get_bind().dialect.name
    stmt: PgInsert | SqliteInsert
    if dialect == "postgresql":
        stmt = pg_insert(ScanClaim).from_select(columns, rows).on_conflict_do_nothing()
    else:
        stmt = sqlite_insert(ScanClaim).from_select(columns, rows).on_conflict_do_nothing()
    return len(session.execute(stmt.returning(ScanClaim.record_id)).all())


def _claimable(collection_id: int, now: datetime) -> ColumnElement[bool]:
    return and_(
        ScanClaim.collection_id == collection_id,
        ScanClaim.done_at.is_(None),
        or_(ScanClaim.claimed_by.is_(None), ScanClaim.expires_at < now),
    )


def claim(
    session: Session, collection_id: int, worker: str, limit: int, ttl: timedelta = DEFAULT_TTL
) -> list[int]:
    """Take up to `limit` pending (or expired) records for `worker`; their ids, ascending."""
    now = db_now(session)
    candidates = (
        select(ScanClaim.record_id)
        .where(_claimable(collection_id, now))
        .order_by(ScanClaim.record_id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    stmt = (
        update(ScanClaim)
        .where(ScanClaim.record_id.in_(candidates.scalar_subquery()))
        .values(
            claimed_by=worker,
            claimed_at=now,
            expires_at=now + ttl,
            attempts=ScanClaim.attempts + 1,
        )
        .returning(ScanClaim.record_id)
        .execution_options(synchronize_session=False)
    )
    return sorted(int(rid) for rid in session.scalars(stmt))


def renew(session: Session, worker: str, ttl: timedelta = DEFAULT_TTL) -> int:
    """Push back the expiry of the worker's unfinished claims (it is alive); how many."""
    now = db_now(session)
    stmt = (
        update(ScanClaim)
        .where(ScanClaim.claimed_by == worker, ScanClaim.done_at.is_(None))
        .values(expires_at=now + ttl)
        .execution_options(synchronize_session=False)
    )
    return int(session.execute(stmt).rowcount or 0)  # type: ignore[attr-defined]


def finish(session: Session, worker: str, record_ids: list[int]) -> list[int]:
    """Mark records done if `worker` still holds them; the ids it did (others were taken over)."""
    now = db_now(session)
    stmt = (
        update(ScanClaim)
        .where(
            ScanClaim.record_id.in_(record_ids),
            ScanClaim.claimed_by == worker,
            ScanClaim.done_at.is_(None),
        )
        .values(done_at=now, done_by=worker)
        .returning(ScanClaim.record_id)
        .execution_options(synchronize_session=False)
    )
    return sorted(int(rid) for rid in session.scalars(stmt))


def still_held(session: Session, worker: str, record_ids: list[int]) -> list[int]:
    """Which of these records `worker` still holds (not expired and taken by another)."""
    stmt = select(ScanClaim.record_id).where(
        ScanClaim.record_id.in_(record_ids),
        ScanClaim.claimed_by == worker,
        ScanClaim.done_at.is_(None),
    )
    return sorted(int(rid) for rid in session.scalars(stmt))


def release(session: Session, worker: str) -> int:
    """Give back the worker's unfinished claims at once (a clean stop), so others need not wait."""
    stmt = (
        update(ScanClaim)
        .where(ScanClaim.claimed_by == worker, ScanClaim.done_at.is_(None))
        .values(claimed_by=None, expires_at=None)
        .execution_options(synchronize_session=False)
    )
    return int(session.execute(stmt).rowcount or 0)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class QueueState:
    """A collection's scan queue: records done, held by live workers, and waiting."""

    total: int
    done: int
    held: int
    waiting: int
    next_expiry: datetime | None


def queue_state(session: Session, collection_id: int) -> QueueState:
    now = db_now(session)
    live = and_(ScanClaim.claimed_by.is_not(None), ScanClaim.expires_at >= now)
    row = session.execute(
        select(
            func.count(),
            func.count(ScanClaim.done_at),
            func.sum(case((and_(ScanClaim.done_at.is_(None), live), 1), else_=0)),
            func.min(ScanClaim.expires_at).filter(ScanClaim.done_at.is_(None), live),
        ).where(ScanClaim.collection_id == collection_id)
    ).one()
    total, done, held, expiry = int(row[0]), int(row[1]), int(row[2] or 0), row[3]
    return QueueState(total, done, held, total - done - held, expiry)
