"""Batches of a collection for reviewers: split by folder, size or count; assign; track status.

A record and its children (email attachments, container members) always stay in one batch.
Status moves assigned → in review → done → checked → accepted | returned, and a returned batch
goes back to in review; `countersign` (in `reviewer.qa.signoff`) makes the last step.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.qa import BATCH_STATUSES, QaAssignment, QaBatch, QaBatchRecord
from models.records import Record
from reviewer.audit.chain import append_event
from reviewer.decisions.types import DecisionError

SPLITS = ("folder", "size", "count")
ASSIGN_ROLES = ("reviewer", "checker")
TRANSITIONS = {
    "assigned": ("in review",),
    "in review": ("done", "assigned"),
    "done": ("checked", "in review"),
    "checked": ("accepted", "returned"),
    "returned": ("in review",),
    "accepted": (),
}


@dataclass(frozen=True)
class BatchView:
    id: int
    name: str
    split_by: str
    status: str
    records: int
    reviewer: str
    checker: str
    countersigned_by: str | None
    countersigned_at: datetime | None
    countersign_note: str


def _units(session: Session, collection_id: int) -> list[tuple[str, list[tuple[int, int]]]]:
    """Families not yet in a batch: (top record's path, [(record id, size), ...]) in path order."""
    taken = select(QaBatchRecord.record_id)
    rows = session.execute(
        select(Record.id, Record.parent_id, Record.path, Record.size)
        .where(Record.collection_id == collection_id, Record.id.not_in(taken))
        .order_by(Record.path, Record.id)
    ).all()
    parent = {r.id: r.parent_id for r in rows}
    path = {r.id: r.path for r in rows}
    families: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for r in rows:
        top = r.id
        while parent.get(top) is not None and parent[top] in parent:
            top = parent[top]
        families[top].append((r.id, int(r.size or 0)))
    return sorted(((path[t], m) for t, m in families.items()), key=lambda u: u[0])


def _folder_key(path: str, depth: int) -> str:
    parts = path.split("/")[:-1]
    return "/".join(parts[:depth]) if parts else "(top level)"


def plan_batches(
    units: list[tuple[str, list[tuple[int, int]]]], by: str, value: int
) -> list[tuple[str, list[int]]]:
    """Group families into batches: (folder name or "", record ids)."""
    out: list[tuple[str, list[int]]] = []
    if by == "folder":
        groups: dict[str, list[int]] = {}
        for path, members in units:
            groups.setdefault(_folder_key(path, value), []).extend(m for m, _ in members)
        return list(groups.items())
    current: list[int] = []
    load = 0
    for _, members in units:
        weight = len(members) if by == "count" else sum(s for _, s in members)
        if current and load + weight > value:
            out.append(("", current))
            current, load = [], 0
        current.extend(m for m, _ in members)
        load += weight
    if current:
        out.append(("", current))
    return out


def create_batches(
    session: Session,
    collection_id: int,
    by: str,
    value: int,
    *,
    actor: str,
    reviewer: str | None = None,
    prefix: str = "Batch",
) -> list[BatchView]:
    """Split the records not yet batched: `folder` (value = folder depth), `size` (bytes per
    batch) or `count` (records per batch). Optionally assign every new batch to `reviewer`."""
    problems = []
    if by not in SPLITS:
        problems.append(f"split by {', '.join(SPLITS)}")
    if value < 1:
        problems.append("the split value must be at least 1")
    if not actor.strip():
        problems.append("say who creates the batches")
    if problems:
        raise DecisionError(problems)
    existing = int(
        session.scalar(select(func.count()).where(QaBatch.collection_id == collection_id)) or 0
    )
    created = []
    for i, (folder, ids) in enumerate(plan_batches(_units(session, collection_id), by, value)):
        name = f"{prefix} {existing + i + 1}" + (f": {folder}" if folder else "")
        batch = QaBatch(
            collection_id=collection_id, name=name, split_by=by, status="assigned", created_by=actor
        )
        batch.records = [QaBatchRecord(record_id=r) for r in ids]
        session.add(batch)
        session.flush()
        created.append(batch.id)
        if reviewer:
            assign(session, batch.id, reviewer, "reviewer", actor=actor)
    return [batch_view(session, b) for b in created]


def _batch(session: Session, batch_id: int) -> QaBatch:
    batch = session.get(QaBatch, batch_id)
    if batch is None:
        raise DecisionError([f"batch {batch_id} does not exist"])
    return batch


def _current(batch: QaBatch, role: str) -> str:
    found = [a.person for a in batch.assignments if a.role == role]
    return found[-1] if found else ""


def batch_view(session: Session, batch_id: int) -> BatchView:
    b = _batch(session, batch_id)
    return BatchView(
        id=b.id,
        name=b.name,
        split_by=b.split_by,
        status=b.status,
        records=len(b.records),
        reviewer=_current(b, "reviewer"),
        checker=_current(b, "checker"),
        countersigned_by=b.countersigned_by,
        countersigned_at=b.countersigned_at,
        countersign_note=b.countersign_note or "",
    )


def list_batches(session: Session, collection_id: int) -> list[BatchView]:
    ids = session.scalars(
        select(QaBatch.id).where(QaBatch.collection_id == collection_id).order_by(QaBatch.id)
    )
    return [batch_view(session, i) for i in list(ids)]


def batch_records(session: Session, batch_id: int) -> list[int]:
    return list(
        session.scalars(
            select(QaBatchRecord.record_id)
            .where(QaBatchRecord.batch_id == batch_id)
            .order_by(QaBatchRecord.record_id)
        )
    )


def _event(
    session: Session, b: QaBatch, actor: str, kind: str, before: object, after: object
) -> None:
    append_event(
        session,
        actor=actor,
        role="qa",
        kind=kind,
        target=f"qa_batch:{b.id}",
        before=before,
        after=after,
        collection_id=b.collection_id,
    )


def assign(session: Session, batch_id: int, person: str, role: str, *, actor: str) -> BatchView:
    """Give a batch to a reviewer or a checker (earlier assignments stay as history)."""
    if role not in ASSIGN_ROLES:
        raise DecisionError([f"assign as {' or '.join(ASSIGN_ROLES)}"])
    if not person.strip():
        raise DecisionError(["say who the batch is assigned to"])
    b = _batch(session, batch_id)
    if role == "checker":
        from reviewer.qa.own_batch import own_batch_problem

        own = own_batch_problem(session, b, person, "check their")
        if own:
            raise DecisionError([own])
    before = _current(b, role)
    b.assignments.append(QaAssignment(person=person.strip(), role=role, assigned_by=actor))
    b.updated_at = utcnow()
    _event(session, b, actor, "qa_assign", {role: before}, {role: person.strip()})
    session.flush()
    return batch_view(session, batch_id)


def set_status(
    session: Session, batch_id: int, status: str, *, actor: str, force: bool = False
) -> BatchView:
    """Move a batch on; refused when the step is not one of `TRANSITIONS` (unless `force`)."""
    if status not in BATCH_STATUSES:
        raise DecisionError([f"status must be one of {', '.join(BATCH_STATUSES)}"])
    b = _batch(session, batch_id)
    if status != b.status and status not in TRANSITIONS[b.status] and not force:
        allowed = ", ".join(TRANSITIONS[b.status]) or "nothing (it is final)"
        raise DecisionError([f"batch {batch_id} is {b.status}: it can move to {allowed}"])
    if status in ("accepted", "returned") and not force:
        raise DecisionError(["a batch is accepted or returned by countersigning it"])
    if status != b.status:
        _event(session, b, actor, "qa_batch_status", {"status": b.status}, {"status": status})
        b.status = status
        b.updated_at = utcnow()
        session.flush()
    return batch_view(session, batch_id)
