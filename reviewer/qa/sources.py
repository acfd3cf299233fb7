"""Where QA finds the two decisions it compares.

A checker's decision imported with role `qa` (or saved by other tools) replaces the record's
decision row, so the first reviewer's decision is then only in the audit history. The first
decision is the record's effective decision when it was last made in role `sensitivity`, else
the newest history event that left it in that role; the checker's is the newest `qa` event
that is not one of QA's own corrections (uphold/overturn), which copy one side or the other.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.audit import AuditEvent
from models.decisions import Redaction
from models.records import Record
from reviewer.audit.chain import to_view
from reviewer.decisions.store import all_decisions
from reviewer.decisions.types import DecisionView
from reviewer.qa.types import Mark, QaDecision, Reviewed

FIRST_ROLE = "sensitivity"
QA_ROLE = "qa"
CORRECTION_KINDS = ("qa_overturn", "qa_uphold")


def paths_of(session: Session, record_ids: Iterable[int]) -> dict[int, str]:
    """Record paths by id (for listings; paths are relative to the ingest root)."""
    ids = list(set(record_ids))
    if not ids:
        return {}
    rows = session.execute(select(Record.id, Record.path).where(Record.id.in_(ids)))
    return {int(rid): str(path) for rid, path in rows}


def decision_from_view(view: DecisionView) -> QaDecision:
    return QaDecision(
        closure_status=view.closure_status,
        redacted=view.redacted,
        exemptions=tuple(view.exemptions),
        title_closed=view.title_closed,
        title_alternate=view.title_alternate,
        description_closed=view.description_closed,
        description_alternate=view.description_alternate,
        closure_start_date=view.closure_start_date,
        foi_schedule_date=view.foi_schedule_date,
    )


def redaction_marks(session: Session, record_id: int, created_by: str) -> tuple[Mark, ...]:
    """Redactions `created_by` made on a record, in a stable order."""
    stmt = (
        select(Redaction)
        .where(Redaction.record_id == record_id, Redaction.created_by == created_by)
        .order_by(Redaction.id)
    )
    out = []
    for r in session.scalars(stmt):
        rect = None
        if None not in (r.x0, r.y0, r.x1, r.y1):
            rect = (float(r.x0 or 0), float(r.y0 or 0), float(r.x1 or 0), float(r.y1 or 0))
        out.append(Mark(page=r.page, rect=rect, start=r.start, end=r.end, label=r.label or ""))
    return tuple(out)


def _with_marks(session: Session, reviewed: Reviewed) -> Reviewed:
    marks = redaction_marks(session, reviewed.record_id, reviewed.person)
    d = reviewed.decision
    decision = QaDecision(**{**d.__dict__, "redactions": marks})
    return Reviewed(reviewed.record_id, reviewed.person, decision, reviewed.at)


def _events(session: Session, collection_id: int, role: str) -> list[Any]:
    stmt = (
        select(AuditEvent)
        .where(
            AuditEvent.collection_id == collection_id,
            AuditEvent.record_id.is_not(None),
            AuditEvent.role == role,
        )
        .order_by(AuditEvent.id)
    )
    return [to_view(ev) for ev in session.scalars(stmt)]


def _latest_by_record(events: list[Any], role: str) -> dict[int, Reviewed]:
    out: dict[int, Reviewed] = {}
    for ev in events:
        after = ev.after if isinstance(ev.after, dict) else {}
        if ev.kind in CORRECTION_KINDS or after.get("reviewed_role") != role:
            continue
        if after.get("closure_status") not in ("Open", "Closed"):
            continue
        rid = int(ev.record_id)
        out[rid] = Reviewed(
            rid, str(after.get("reviewed_by") or ev.actor), QaDecision.from_json(after), ev.at
        )
    return out


def first_decisions(session: Session, collection_id: int) -> dict[int, Reviewed]:
    """Each record's first (contractor) sensitivity decision, by record id."""
    out: dict[int, Reviewed] = {}
    for rid, view in all_decisions(session, collection_id).items():
        if view.reviewed_role == FIRST_ROLE and view.closure_status is not None:
            out[rid] = Reviewed(rid, view.reviewed_by, decision_from_view(view), view.reviewed_at)
    history = _latest_by_record(_events(session, collection_id, FIRST_ROLE), FIRST_ROLE)
    for rid, reviewed in history.items():
        out.setdefault(rid, reviewed)
    return {rid: _with_marks(session, r) for rid, r in out.items()}


def first_decision(session: Session, collection_id: int, record_id: int) -> Reviewed | None:
    return first_decisions(session, collection_id).get(record_id)


def checker_decisions(session: Session, collection_id: int) -> dict[int, Reviewed]:
    """Checkers' own decisions that reached the decisions store (e.g. `decisions import`)."""
    found = _latest_by_record(_events(session, collection_id, QA_ROLE), QA_ROLE)
    return {rid: _with_marks(session, r) for rid, r in found.items()}
