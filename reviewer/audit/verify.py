"""Checking the history: every hash, every link, the head, and that live rows match their events.

What it detects: an event edited in place (its hash no longer matches), an event deleted or
inserted in the middle (the next event's `prev_hash` no longer links), the newest event(s) deleted
or the chain truncated (the head's id, count and hash disagree), and a decision or hold changed in
place without an event (its row no longer equals the `after` of its last event).
What it cannot detect: someone with write access who rewrites the whole chain and the head
consistently (there is no secret key; keep off-site copies of the head hash, e.g. in the appraisal
report, to catch that), or who deletes the head row together with every event.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.audit import AuditEvent, AuditHead
from models.decisions import Decision, Hold
from reviewer.audit.chain import GENESIS, HEAD_ID, canonical, hash_of


@dataclass(frozen=True)
class VerifyResult:
    """`ok`, else the first event found altered or missing (or whose successor was) and why.

    `events` is the number of events checked; `head_hash` the verified chain head when `ok`, else
    the hash the stored head claims (None when the head row is gone).
    """

    ok: bool
    first_bad_event_id: int | None
    reason: str
    events: int = 0
    head_hash: str | None = GENESIS


def _check_chain(session: Session) -> VerifyResult:
    stored = session.get(AuditHead, HEAD_ID)
    claimed = stored.head_hash if stored is not None else None
    result = _walk(session)
    if not result.ok:
        return replace(result, head_hash=claimed)
    return result


def _walk(session: Session) -> VerifyResult:
    prev_hash = GENESIS
    prev_id = 0
    count = 0
    for ev in session.scalars(select(AuditEvent).order_by(AuditEvent.id)).yield_per(1000):
        count += 1
        if ev.id != prev_id + 1:
            return VerifyResult(
                False, prev_id + 1, f"event {prev_id + 1} is missing (next is {ev.id})", count
            )
        if ev.prev_hash != prev_hash:
            return VerifyResult(
                False, ev.id, f"event {ev.id} does not link to event {prev_id}", count
            )
        if hash_of(ev) != ev.hash:
            return VerifyResult(False, ev.id, f"event {ev.id} was altered", count)
        prev_hash, prev_id = ev.hash, ev.id
    head = session.get(AuditHead, HEAD_ID)
    if head is None:
        if count:
            return VerifyResult(False, 1, "the chain head is missing", count)
        return VerifyResult(True, None, "no events", 0)
    if head.last_event_id != prev_id or head.event_count != count or head.head_hash != prev_hash:
        if head.last_event_id > prev_id:
            return VerifyResult(
                False,
                prev_id + 1,
                f"event {prev_id + 1} is missing: the head records {head.last_event_id} events",
                count,
            )
        return VerifyResult(False, head.last_event_id or 1, "the chain head does not match", count)
    return VerifyResult(True, None, f"{count} events intact", count, prev_hash)


def _check_rows(session: Session, result: VerifyResult) -> VerifyResult:
    from reviewer.decisions.snapshot import LATER_FIELDS, decision_state, hold_state

    rows: list[tuple[str, Decision | Hold, dict[str, object]]] = []
    for d in session.scalars(select(Decision).order_by(Decision.id)):
        rows.append((f"decision {d.id}", d, decision_state(d)))
    for h in session.scalars(select(Hold).order_by(Hold.id)):
        rows.append((f"hold {h.id}", h, hold_state(h)))
    for label, row, state in rows:
        ev = session.get(AuditEvent, row.last_event_id) if row.last_event_id else None
        if ev is None:
            reason = f"{label} has no event"
            return replace(result, ok=False, first_bad_event_id=row.last_event_id, reason=reason)
        after = json.loads(ev.after)
        if isinstance(row, Decision) and isinstance(after, dict):
            # An event written before a field existed implies that field's default.
            after = {**{k: v for k, v in LATER_FIELDS.items() if k in state}, **after}
        if canonical(state) != canonical(after):
            reason = f"{label} was changed without an event"
            return replace(result, ok=False, first_bad_event_id=ev.id, reason=reason)
    return result


def verify(session: Session) -> VerifyResult:
    """Check the whole history; read-only."""
    result = _check_chain(session)
    if not result.ok:
        return result
    return _check_rows(session, result)


def event_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)
