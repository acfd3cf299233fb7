"""Legal holds (destruction moratoria): named, on a whole collection or on records matched by
keywords and/or a date range. Creating and lifting are both audit events; lifted holds are kept.

A hold with keywords matches records whose path or text contains any keyword (whole words, any
case); with a date range, records whose date (date of the record, else last modified) falls in
it, and records whose date is unknown (a moratorium errs on the side of keeping). With neither,
it covers the whole collection.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.audit import authorise
from models.base import utcnow
from models.decisions import Decision, Hold
from models.records import Record, RecordPage
from reviewer.audit.chain import append_event
from reviewer.decisions.snapshot import hold_state
from reviewer.decisions.types import Actor, DecisionError


@dataclass(frozen=True)
class HoldView:
    """A hold as shown to people; `active` until lifted."""

    id: int
    collection_id: int
    name: str
    reason: str
    keywords: tuple[str, ...]
    date_from: date | None
    date_to: date | None
    created_by: str
    created_at: datetime
    lifted_by: str | None
    lifted_at: datetime | None
    lift_reason: str

    @property
    def active(self) -> bool:
        return self.lifted_at is None

    @property
    def scope(self) -> str:
        if not self.keywords and self.date_from is None and self.date_to is None:
            return "collection"
        return "records"


def _view(h: Hold) -> HoldView:
    return HoldView(
        id=h.id,
        collection_id=h.collection_id,
        name=h.name,
        reason=h.reason or "",
        keywords=tuple(h.keywords or ()),
        date_from=h.date_from,
        date_to=h.date_to,
        created_by=h.created_by or "",
        created_at=h.created_at,
        lifted_by=h.lifted_by,
        lifted_at=h.lifted_at,
        lift_reason=h.lift_reason or "",
    )


def create_hold(
    session: Session,
    collection_id: int,
    actor: Actor,
    name: str,
    *,
    reason: str = "",
    keywords: Sequence[str] = (),
    date_from: date | None = None,
    date_to: date | None = None,
) -> HoldView:
    """Place a named hold; records it covers cannot be decided destroy until it is lifted."""
    problems = []
    if not name.strip():
        problems.append("a hold needs a name")
    if not actor.name.strip():
        problems.append("the reviewer's name is required")
    if date_from and date_to and date_from > date_to:
        problems.append("the hold's date range ends before it starts")
    if problems:
        raise DecisionError(problems)
    with session.no_autoflush:
        hold = Hold(
            collection_id=collection_id,
            name=name.strip(),
            reason=reason.strip(),
            keywords=[k.strip() for k in keywords if k.strip()],
            date_from=date_from,
            date_to=date_to,
            created_by=actor.name,
            created_at=utcnow(),
            lifted_by=None,
            lifted_at=None,
            lift_reason="",
        )
        session.add(hold)
        authorise(session, hold)
    session.flush()  # the hold's id names it in the event
    with session.no_autoflush:
        ev = append_event(
            session,
            actor=actor.name,
            role=actor.role,
            kind="hold_created",
            target=f"hold:{hold.id}",
            before=None,
            after=hold_state(hold),
            collection_id=collection_id,
            covers=(hold,),
        )
        hold.last_event_id = ev.id
    session.flush()
    return _view(hold)


def lift_hold(session: Session, hold_id: int, actor: Actor, reason: str = "") -> HoldView:
    """Lift a hold (kept, marked lifted, with who, when and why)."""
    hold = session.get(Hold, hold_id)
    if hold is None:
        raise DecisionError([f"hold {hold_id} does not exist"])
    if hold.lifted_at is not None:
        raise DecisionError([f"hold {hold_id} was already lifted"])
    if not actor.name.strip():
        raise DecisionError(["the reviewer's name is required"])
    with session.no_autoflush:
        before = hold_state(hold)
        hold.lifted_by = actor.name
        hold.lifted_at = utcnow()
        hold.lift_reason = reason.strip()
        ev = append_event(
            session,
            actor=actor.name,
            role=actor.role,
            kind="hold_lifted",
            target=f"hold:{hold.id}",
            before=before,
            after=hold_state(hold),
            collection_id=hold.collection_id,
            covers=(hold,),
        )
        hold.last_event_id = ev.id
    session.flush()
    return _view(hold)


def list_holds(session: Session, collection_id: int, include_lifted: bool = True) -> list[HoldView]:
    stmt = select(Hold).where(Hold.collection_id == collection_id).order_by(Hold.id)
    if not include_lifted:
        stmt = stmt.where(Hold.lifted_at.is_(None))
    return [_view(h) for h in session.scalars(stmt)]


def _matcher(keywords: Iterable[str]) -> re.Pattern[str] | None:
    words = [re.escape(k) for k in keywords if k]
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)


def active_holds_for(
    session: Session, collection_id: int, record_ids: Iterable[int] | None = None
) -> dict[int, list[HoldView]]:
    """Active holds covering each record (all of the collection when None); unheld ones omitted."""
    holds = list_holds(session, collection_id, include_lifted=False)
    if not holds:
        return {}
    stmt = select(Record.id, Record.path, Record.mtime, Decision.record_date).outerjoin(
        Decision, Decision.record_id == Record.id
    )
    stmt = stmt.where(Record.collection_id == collection_id)
    ids = None if record_ids is None else list(record_ids)
    if ids is not None:
        stmt = stmt.where(Record.id.in_(ids))
    rows = session.execute(stmt).all()
    need_text = any(h.keywords for h in holds)
    texts: dict[int, list[str]] = {}
    if need_text and rows:
        pstmt = select(RecordPage.record_id, RecordPage.text).where(
            RecordPage.record_id.in_([r[0] for r in rows])
        )
        for rid, text in session.execute(pstmt):
            texts.setdefault(rid, []).append(text or "")
    out: dict[int, list[HoldView]] = {}
    for rid, path, mtime, record_date in rows:
        when = record_date or (mtime.astimezone(UTC).date() if mtime else None)
        for hold in holds:
            if _covers(hold, path, "\f".join(texts.get(rid, [])), when):
                out.setdefault(rid, []).append(hold)
    return out


def _covers(hold: HoldView, path: str, text: str, when: date | None) -> bool:
    pattern = _matcher(hold.keywords)
    if pattern is not None and not (pattern.search(path) or pattern.search(text)):
        return False
    if hold.date_from is None and hold.date_to is None:
        return True
    if when is None:
        return True
    if hold.date_from and when < hold.date_from:
        return False
    return not (hold.date_to and when > hold.date_to)


def active_holds(session: Session, record_id: int) -> list[HoldView]:
    """Holds in force on one record."""
    cid = session.scalar(select(Record.collection_id).where(Record.id == record_id))
    if cid is None:
        return []
    return active_holds_for(session, int(cid), [record_id]).get(record_id, [])


def destroy_conflicts(session: Session, collection_id: int) -> dict[int, list[HoldView]]:
    """Records whose effective appraisal is destroy but are held (a hold placed after deciding)."""
    from reviewer.decisions.store import decision_summaries

    held = active_holds_for(session, collection_id)
    if not held:
        return {}
    views = decision_summaries(session, collection_id)
    return {
        rid: hs for rid, hs in held.items() if rid in views and views[rid].appraisal == "destroy"
    }
