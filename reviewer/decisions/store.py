"""Reading and changing decisions; every change appends its audit event in the same transaction."""

from __future__ import annotations

from datetime import UTC, date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.decisions import Decision
from models.records import Collection, Record
from reviewer.audit.chain import append_event
from reviewer.decisions.resolve import Resolver, normalise_scope
from reviewer.decisions.snapshot import decision_state
from reviewer.decisions.types import ROLES, Actor, DecisionError, DecisionView


def get_record(session: Session, record_id: int) -> Record:
    record = session.get(Record, record_id)
    if record is None:
        raise DecisionError([f"record {record_id} does not exist"])
    return record


def collection_id_of(session: Session, name: str) -> int:
    """The id of the collection called `name` (DecisionError if there is none)."""
    cid = session.scalar(select(Collection.id).where(Collection.name == name))
    if cid is None:
        raise DecisionError([f"no collection named {name!r}"])
    return int(cid)


def collection_kind(session: Session, collection_id: int) -> str:
    return str(session.scalar(select(Collection.kind).where(Collection.id == collection_id)))


def check_actor(actor: Actor) -> list[str]:
    problems = []
    if not actor.name.strip():
        problems.append("the reviewer's name is required")
    if actor.role not in ROLES:
        problems.append(f"role must be one of {', '.join(ROLES)}")
    return problems


def date_last_modified(record: Record) -> date | None:
    return record.mtime.astimezone(UTC).date() if record.mtime else None


def _blank(collection_id: int, record_id: int | None, scope: str | None) -> Decision:
    return Decision(
        collection_id=collection_id,
        record_id=record_id,
        scope_path=scope,
        version=0,
        record_date=None,
        appraisal=None,
        criteria=[],
        rationale="",
        appraised_by="",
        appraised_role="",
        closure_status=None,
        redacted=False,
        redact_labels=[],
        exemptions=[],
        title_closed=False,
        title_alternate="",
        description_closed=False,
        description_alternate="",
        reviewed_by="",
        reviewed_role="",
    )


def own_row(session: Session, record: Record) -> Decision | None:
    return session.scalar(select(Decision).where(Decision.record_id == record.id))


def folder_row(session: Session, collection_id: int, scope: str) -> Decision | None:
    return session.scalar(
        select(Decision).where(
            Decision.collection_id == collection_id,
            Decision.record_id.is_(None),
            Decision.scope_path == scope,
        )
    )


def target_of(row: Decision) -> str:
    if row.record_id is not None:
        return f"record:{row.record_id}"
    return f"folder:{row.collection_id}:{row.scope_path}"


def apply_change(
    session: Session,
    row: Decision | None,
    *,
    collection_id: int,
    record_id: int | None,
    scope: str | None,
    actor: Actor,
    kind: str,
    changes: dict[str, Any],
    expected_version: int | None = None,
) -> Decision:
    """Change (or create) a decision row and append its event; the only writer of decisions."""
    current = row.version if row is not None else 0
    if expected_version is not None and expected_version != current:
        raise DecisionError(
            [
                f"the decision was changed by someone else (version {current}, expected "
                f"{expected_version}); reload it"
            ]
        )
    with session.no_autoflush:
        before = decision_state(row) if row is not None else None
        if row is None:
            row = _blank(collection_id, record_id, scope)
            session.add(row)
        for key, value in changes.items():
            setattr(row, key, value)
        row.version = current + 1
        after: dict[str, Any] = decision_state(row)
        ev = append_event(
            session,
            actor=actor.name,
            role=actor.role,
            kind=kind,
            target=target_of(row),
            before=before,
            after=after,
            collection_id=collection_id,
            record_id=record_id,
            covers=(row,),
        )
        row.last_event_id = ev.id
    session.flush()
    return row


def get_decision(session: Session, record_id: int) -> DecisionView:
    """The record's effective decision (own, else inherited part by part)."""
    record = get_record(session, record_id)
    return Resolver(session, record.collection_id, [record_id]).view(record_id)


def decision_summaries(session: Session, collection_id: int) -> dict[int, DecisionView]:
    """Effective decisions of every decided record of a collection, in bulk (for the queue)."""
    resolver = Resolver(session, collection_id)
    out = {}
    for rid in resolver.records:
        view = resolver.view(rid)
        if view.decided:
            out[rid] = view
    return out


def all_decisions(session: Session, collection_id: int) -> dict[int, DecisionView]:
    """Effective decision of every record of a collection (undecided ones too)."""
    resolver = Resolver(session, collection_id)
    return {rid: resolver.view(rid) for rid in resolver.records}


def folder_decisions(session: Session, collection_id: int) -> dict[str, DecisionView]:
    """Decisions made on folders, keyed by folder path ("" = whole collection); record_id is 0."""
    out = {}
    stmt = select(Decision).where(
        Decision.collection_id == collection_id, Decision.record_id.is_(None)
    )
    for row in session.scalars(stmt):
        out[row.scope_path or ""] = Resolver.for_folder(row).view(0)
    return out


def folder_decision(session: Session, collection_id: int, folder: str) -> DecisionView | None:
    """The decision made on one folder, if any (record_id is 0)."""
    row = folder_row(session, collection_id, normalise_scope(folder))
    return Resolver.for_folder(row).view(0) if row is not None else None


def set_record_date(
    session: Session, record_id: int, actor: Actor, record_date: date | None
) -> DecisionView:
    """Set the "date of the record" (TDR end date), which drives closure start and transfer year."""
    problems = check_actor(actor)
    if record_date is not None and record_date > date.today():
        problems.append("the date of the record is in the future")
    if problems:
        raise DecisionError(problems)
    record = get_record(session, record_id)
    row = own_row(session, record)
    apply_change(
        session,
        row,
        collection_id=record.collection_id,
        record_id=record.id,
        scope=None,
        actor=actor,
        kind="record_date",
        changes={"record_date": record_date},
    )
    return get_decision(session, record_id)


def folder_scope(folder: str) -> str:
    return normalise_scope(folder)
