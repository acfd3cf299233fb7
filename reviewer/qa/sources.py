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
from reviewer.decisions.store import all_decisions, get_decision
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


def _mark(r: Redaction) -> Mark:
    rect = None
    if r.x0 is not None and r.y0 is not None and r.x1 is not None and r.y1 is not None:
        rect = (float(r.x0), float(r.y0), float(r.x1), float(r.y1))
    return Mark(page=r.page, rect=rect, start=r.start, end=r.end, label=r.label or "")


def redaction_marks(
    session: Session, collection_id: int, record_ids: Iterable[int] | None = None
) -> dict[tuple[int, str], tuple[Mark, ...]]:
    """Redactions by (record id, who made them), in one query."""
    stmt = (
        select(Redaction)
        .join(Record, Record.id == Redaction.record_id)
        .where(Record.collection_id == collection_id)
        .order_by(Redaction.id)
    )
    if record_ids is not None:
        stmt = stmt.where(Redaction.record_id.in_(list(record_ids)))
    out: dict[tuple[int, str], list[Mark]] = {}
    for r in session.scalars(stmt):
        out.setdefault((r.record_id, r.created_by or ""), []).append(_mark(r))
    return {k: tuple(v) for k, v in out.items()}


def _with_marks(
    session: Session, collection_id: int, found: dict[int, Reviewed], one: int | None = None
) -> dict[int, Reviewed]:
    marks = redaction_marks(session, collection_id, None if one is None else [one])
    out = {}
    for rid, reviewed in found.items():
        extra = marks.get((rid, reviewed.person), ())
        decision = QaDecision(**{**reviewed.decision.__dict__, "redactions": extra})
        out[rid] = Reviewed(rid, reviewed.person, decision, reviewed.at)
    return out


def _events(
    session: Session, collection_id: int, role: str, record_id: int | None = None
) -> list[Any]:
    stmt = (
        select(AuditEvent)
        .where(
            AuditEvent.collection_id == collection_id,
            AuditEvent.record_id.is_not(None),
            AuditEvent.role == role,
        )
        .order_by(AuditEvent.id)
    )
    if record_id is not None:
        stmt = stmt.where(AuditEvent.record_id == record_id)
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


def _firsts(
    session: Session, collection_id: int, views: dict[int, DecisionView], one: int | None
) -> dict[int, Reviewed]:
    out: dict[int, Reviewed] = {}
    for rid, view in views.items():
        if view.reviewed_role == FIRST_ROLE and view.closure_status is not None:
            out[rid] = Reviewed(rid, view.reviewed_by, decision_from_view(view), view.reviewed_at)
    events = _events(session, collection_id, FIRST_ROLE, one)
    for rid, reviewed in _latest_by_record(events, FIRST_ROLE).items():
        out.setdefault(rid, reviewed)
    return _with_marks(session, collection_id, out, one)


def first_decisions(session: Session, collection_id: int) -> dict[int, Reviewed]:
    """Each record's first (contractor) sensitivity decision, by record id."""
    return _firsts(session, collection_id, all_decisions(session, collection_id), None)


def first_decision(session: Session, collection_id: int, record_id: int) -> Reviewed | None:
    """One record's first decision (without resolving the whole collection)."""
    views = {record_id: get_decision(session, record_id)}
    return _firsts(session, collection_id, views, record_id).get(record_id)


def checker_decisions(session: Session, collection_id: int) -> dict[int, Reviewed]:
    """Checkers' own decisions that reached the decisions store (e.g. `decisions import`)."""
    found = _latest_by_record(_events(session, collection_id, QA_ROLE), QA_ROLE)
    return _with_marks(session, collection_id, found)
