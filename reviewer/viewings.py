"""Recordings played by a reviewer: the evidence that a video or audio record was reviewed.

Such a record cannot be scanned for personal data, so a transfer check asks whether anyone
played it (`unplayed`) before it is released. A playing is a history event (`media_played`,
signed by the reviewer, on the record's history) as well as a `media_viewings` row, which the
commit seals like the other covered tables: only playings the history holds count, and a row
put in, changed or taken out by hand is reported by `reviewer audit verify`.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.audit import AuditEvent
from models.records import Record
from models.viewings import MediaViewing
from reviewer.audit.chain import append_event

MEDIA_MESSAGE_MARK = "needs viewing"  # in the message of every recording's record
PLAYED_KIND = "media_played"


def record_played(
    session: Session, record_id: int, reviewer: str, role: str = "", reached_seconds: float = 0.0
) -> int:
    """Note that `reviewer` played the recording (to `reached_seconds`) and put it in the
    history; the caller commits. Returns the playing's id. In team mode `reviewer` must be the
    login (`WrongPerson` otherwise): nobody vouches for a recording in someone else's name."""
    record = session.get(Record, record_id)
    if record is None:
        raise LookupError(f"no record {record_id}")
    viewing = MediaViewing(
        record_id=record_id,
        reviewer=reviewer,
        role=role,
        reached_seconds=max(0.0, float(reached_seconds)),
    )
    session.add(viewing)
    session.flush()
    append_event(
        session,
        actor=reviewer,
        role=role,
        kind=PLAYED_KIND,
        target=f"playing:{viewing.id}",
        before=None,
        after={"reached_seconds": viewing.reached_seconds},
        collection_id=record.collection_id,
        record_id=record_id,
    )
    return int(viewing.id)


def viewings(session: Session, record_id: int) -> list[tuple[str, str, float]]:
    """(reviewer, ISO time, seconds reached) of each playing, oldest first."""
    rows = session.scalars(
        select(MediaViewing).where(MediaViewing.record_id == record_id).order_by(MediaViewing.id)
    )
    return [(v.reviewer, v.played_at.isoformat(), v.reached_seconds) for v in rows]


def unplayed(session: Session, record_ids: Iterable[int]) -> set[int]:
    """Which of these recordings nobody has played yet, by the history's `media_played` events
    (a `media_viewings` row the history does not hold proves nothing)."""
    ids = set(record_ids)
    if not ids:
        return set()
    stmt = (
        select(AuditEvent.record_id)
        .where(AuditEvent.kind == PLAYED_KIND, AuditEvent.record_id.in_(ids))
        .distinct()
    )
    return ids - set(session.scalars(stmt))
