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
from reviewer.team.conflicts import conflict, lock_current_row


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


def date_last_modified(record: Record, session: Session | None = None) -> date | None:
    """The file's own last-modified date, else its container's (as the transfer export does)."""
    current: Record | None = record
    seen: set[int] = set()
    while current is not None and current.id not in seen:
        if current.mtime is not None:
            return current.mtime.astimezone(UTC).date()
        seen.add(current.id)
        if session is None or current.parent_id is None:
            return None
        current = session.get(Record, current.parent_id)
    return None


def _blank(collection_id: int, record_id: int | None, scope: str | None) -> Decision:
    return Decision(
        collection_id=collection_id,
        record_id=record_id,
        scope_path=scope,
        version=0,
        record_date=None,
        description="",
        looked_at_by="",
        period_justification="",
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
    flush: bool = True,
) -> Decision:
    """Change (or create) a decision row and append its event; the only writer of decisions.

    `flush=False` leaves the write to the next flush (bulk imports flush in batches).
    """
    # Concurrent saves queue on the chain head; the row is then re-read as committed now.
    row = lock_current_row(
        session, row, collection_id=collection_id, record_id=record_id, scope=scope
    )
    current = row.version if row is not None else 0
    if expected_version is not None and expected_version != current:
        if row is None:
            raise DecisionError([f"the decision you opened (version {expected_version}) is gone"])
        raise conflict(session, row, target_of(row), expected_version)
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
    if flush:
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
        view = resolver.decided(rid)
        if view is not None and view.decided:
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


EARLIEST_YEAR = 1000  # earlier "dates" are systems' empty values, not a record's date


def record_date_problems(value: date) -> list[str]:
    """Why `value` cannot be a record's date (the window, the CLI and the decisions table)."""
    if value > date.today():
        return ["the date of the record is in the future"]
    if value.year < EARLIEST_YEAR:
        return [
            f"the date of the record is before the year {EARLIEST_YEAR}: "
            "a system's empty date (0001-01-01) is not the record's"
        ]
    return []


def set_record_date(
    session: Session, record_id: int, actor: Actor, record_date: date | None
) -> DecisionView:
    """Set the "date of the record" (TDR end date), which drives closure start and transfer year."""
    problems = check_actor(actor)
    if record_date is not None:
        problems += record_date_problems(record_date)
    if problems:
        raise DecisionError(problems)
    return change_own_field(
        session,
        get_record(session, record_id),
        actor,
        "record_date",
        "record_date",
        record_date,
        always=True,
    )


def change_own_field(
    session: Session,
    record: Record,
    actor: Actor,
    kind: str,
    field: str,
    value: object,
    *,
    always: bool = False,
) -> DecisionView:
    """Set one field of the record's own decision row as one history event of `kind`.

    Nothing is written when the field already holds `value` (an empty field counts as ""),
    unless `always`: setting a date again is itself a reviewer's statement worth keeping.
    """
    row = own_row(session, record)
    if not always and row is not None and (getattr(row, field) or "") == value:
        return get_decision(session, record.id)
    apply_change(
        session,
        row,
        collection_id=record.collection_id,
        record_id=record.id,
        scope=None,
        actor=actor,
        kind=kind,
        changes={field: value},
    )
    return get_decision(session, record.id)


DESCRIPTION_MAX = 8000


def set_description(session: Session, record_id: int, actor: Actor, text: str) -> DecisionView:
    """Set the record's description (TDR `description`, shown to the public unless closed).

    A closed description with an alternate needs the description itself, so it cannot be
    emptied while the record's effective decision closes it.
    """
    text = text.strip()
    problems = check_actor(actor)
    if len(text) > DESCRIPTION_MAX:
        problems.append(f"the description is longer than {DESCRIPTION_MAX} characters")
    record = get_record(session, record_id)
    if not text and get_decision(session, record_id).description_alternate:
        problems.append(
            "the description is closed with an alternate; it cannot be empty (open it first)"
        )
    if problems:
        raise DecisionError(problems)
    return change_own_field(session, record, actor, "description", "description", text)


def folder_scope(folder: str) -> str:
    return normalise_scope(folder)
