"""Recordings played by a reviewer: the evidence that a video or audio record was reviewed.

Such a record cannot be scanned for personal data, so a transfer check can ask whether anyone
played it (`unplayed`) before it is released.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.viewings import MediaViewing

MEDIA_MESSAGE_MARK = "needs viewing"  # in the message of every recording's record


def record_played(
    session: Session, record_id: int, reviewer: str, role: str = "", reached_seconds: float = 0.0
) -> None:
    """Note that `reviewer` played the recording (to `reached_seconds`); the caller commits."""
    session.add(
        MediaViewing(
            record_id=record_id,
            reviewer=reviewer,
            role=role,
            reached_seconds=max(0.0, reached_seconds),
        )
    )


def viewings(session: Session, record_id: int) -> list[tuple[str, str, float]]:
    """(reviewer, ISO time, seconds reached) of each playing, oldest first."""
    rows = session.scalars(
        select(MediaViewing).where(MediaViewing.record_id == record_id).order_by(MediaViewing.id)
    )
    return [(v.reviewer, v.played_at.isoformat(), v.reached_seconds) for v in rows]


def unplayed(session: Session, record_ids: Iterable[int]) -> set[int]:
    """Which of these recordings nobody has played yet."""
    ids = set(record_ids)
    if not ids:
        return set()
    played = set(
        session.scalars(
            select(MediaViewing.record_id).where(MediaViewing.record_id.in_(ids)).distinct()
        )
    )
    return ids - played
