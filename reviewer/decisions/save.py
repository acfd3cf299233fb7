"""Saving appraisal and sensitivity decisions on records and folders, after checking every rule."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.records import Record
from reviewer.decisions.criteria import criterion_ids
from reviewer.decisions.holds import active_holds_for
from reviewer.decisions.rules import validate_sensitivity
from reviewer.decisions.store import (
    apply_change,
    check_actor,
    collection_kind,
    date_last_modified,
    folder_decision,
    folder_row,
    folder_scope,
    get_decision,
    get_record,
    own_row,
)
from reviewer.decisions.types import APPRAISALS, Actor, DecisionError, DecisionView


def appraisal_problems(
    session: Session,
    collection_id: int,
    record_ids: Sequence[int],
    actor: Actor,
    outcome: str,
    criteria: Sequence[str],
) -> list[str]:
    """Why this appraisal cannot be saved (empty if it can)."""
    problems = check_actor(actor)
    if outcome not in APPRAISALS:
        problems.append(f"appraisal must be one of {', '.join(APPRAISALS)}")
    known = criterion_ids(collection_kind(session, collection_id))
    unknown = [c for c in criteria if c not in known]
    if unknown:
        problems.append(f"unknown criteria: {', '.join(unknown)}")
    if outcome == "destroy":
        for rid, holds in active_holds_for(session, collection_id, record_ids).items():
            for hold in holds:
                problems.append(
                    f"record {rid} is under legal hold '{hold.name}' (hold {hold.id}): "
                    "it cannot be decided destroy"
                )
    return problems


def _appraisal_changes(
    actor: Actor, outcome: str, criteria: Sequence[str], rationale: str
) -> dict[str, Any]:
    return {
        "appraisal": outcome,
        "criteria": list(dict.fromkeys(criteria)),
        "rationale": rationale.strip(),
        "appraised_by": actor.name,
        "appraised_role": actor.role,
        "appraised_at": utcnow(),
    }


def save_appraisal(
    session: Session,
    record_id: int,
    actor: Actor,
    outcome: str,
    criteria: Sequence[str] = (),
    rationale: str = "",
    *,
    expected_version: int | None = None,
    kind: str = "appraisal",
) -> DecisionView:
    """Record the appraisal outcome of one record (refused with reasons, e.g. a hold on destroy)."""
    record = get_record(session, record_id)
    problems = appraisal_problems(
        session, record.collection_id, [record_id], actor, outcome, criteria
    )
    if problems:
        raise DecisionError(problems)
    apply_change(
        session,
        own_row(session, record),
        collection_id=record.collection_id,
        record_id=record.id,
        scope=None,
        actor=actor,
        kind=kind,
        changes=_appraisal_changes(actor, outcome, criteria, rationale),
        expected_version=expected_version,
    )
    return get_decision(session, record_id)


def records_under(session: Session, collection_id: int, scope: str) -> list[int]:
    stmt = select(Record.id).where(Record.collection_id == collection_id)
    if scope:
        stmt = stmt.where(Record.path.startswith(scope + "/", autoescape=True))
    return list(session.scalars(stmt))


def save_folder_appraisal(
    session: Session,
    collection_id: int,
    folder: str,
    actor: Actor,
    outcome: str,
    criteria: Sequence[str] = (),
    rationale: str = "",
) -> DecisionView:
    """Appraise a folder ("" = whole collection): its records inherit it unless they override it."""
    scope = folder_scope(folder)
    ids = records_under(session, collection_id, scope)
    problems = appraisal_problems(session, collection_id, ids, actor, outcome, criteria)
    if problems:
        raise DecisionError(problems)
    apply_change(
        session,
        folder_row(session, collection_id, scope),
        collection_id=collection_id,
        record_id=None,
        scope=scope,
        actor=actor,
        kind="folder_appraisal",
        changes=_appraisal_changes(actor, outcome, criteria, rationale),
    )
    view = folder_decision(session, collection_id, scope)
    assert view is not None
    return view


def _sensitivity_changes(actor: Actor, fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "closure_status": fields["closure_status"],
        "redacted": bool(fields.get("redacted", False)),
        "redact_labels": list(fields.get("redact_labels") or []),
        "exemptions": [[c, p] for c, p in fields.get("exemptions") or ()],
        "closure_start_date": fields.get("closure_start_date"),
        "foi_schedule_date": fields.get("foi_schedule_date"),
        "title_closed": bool(fields.get("title_closed", False)),
        "title_alternate": (fields.get("title_alternate") or "").strip(),
        "description_closed": bool(fields.get("description_closed", False)),
        "description_alternate": (fields.get("description_alternate") or "").strip(),
        "reviewed_by": actor.name,
        "reviewed_role": actor.role,
        "reviewed_at": utcnow(),
    }


RULE_FIELDS = (
    "closure_status",
    "redacted",
    "exemptions",
    "closure_start_date",
    "foi_schedule_date",
    "title_closed",
    "title_alternate",
    "description_closed",
    "description_alternate",
)


def _rule_fields(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: fields[k] for k in RULE_FIELDS if k in fields}


def save_sensitivity(
    session: Session,
    record_id: int,
    actor: Actor,
    *,
    closure_status: str,
    redacted: bool = False,
    exemptions: Sequence[tuple[str, int]] = (),
    closure_start_date: date | None = None,
    foi_schedule_date: date | None = None,
    title_closed: bool = False,
    title_alternate: str = "",
    description_closed: bool = False,
    description_alternate: str = "",
    redact_labels: Sequence[str] = (),
    expected_version: int | None = None,
    kind: str = "sensitivity",
    today: date | None = None,
) -> DecisionView:
    """Record the sensitivity decision of one record, refused with every TDR rule it breaks."""
    fields = dict(locals())
    record = get_record(session, record_id)
    row = own_row(session, record)
    problems = check_actor(actor) + validate_sensitivity(
        **_rule_fields(fields),
        record_date=row.record_date if row else None,
        date_last_modified=date_last_modified(record),
        today=today,
    )
    if problems:
        raise DecisionError(problems)
    apply_change(
        session,
        row,
        collection_id=record.collection_id,
        record_id=record.id,
        scope=None,
        actor=actor,
        kind=kind,
        changes=_sensitivity_changes(actor, fields),
        expected_version=expected_version,
    )
    return get_decision(session, record_id)


def save_folder_sensitivity(
    session: Session, collection_id: int, folder: str, actor: Actor, **fields: Any
) -> DecisionView:
    """A sensitivity decision the records under `folder` inherit (checked without record dates)."""
    scope = folder_scope(folder)
    problems = check_actor(actor) + validate_sensitivity(**_rule_fields(fields))
    if problems:
        raise DecisionError(problems)
    apply_change(
        session,
        folder_row(session, collection_id, scope),
        collection_id=collection_id,
        record_id=None,
        scope=scope,
        actor=actor,
        kind="folder_sensitivity",
        changes=_sensitivity_changes(actor, fields),
    )
    view = folder_decision(session, collection_id, scope)
    assert view is not None
    return view


_CLEAR: dict[str, dict[str, Any]] = {
    "appraisal": {"appraisal": None, "criteria": [], "rationale": "", "appraised_at": None},
    "sensitivity": {
        "closure_status": None,
        "redacted": False,
        "redact_labels": [],
        "exemptions": [],
        "closure_start_date": None,
        "foi_schedule_date": None,
        "title_closed": False,
        "title_alternate": "",
        "description_closed": False,
        "description_alternate": "",
        "reviewed_at": None,
    },
}


def clear_decision(session: Session, record_id: int, actor: Actor, part: str) -> DecisionView:
    """Remove the record's own appraisal or sensitivity decision so it inherits again."""
    if part not in _CLEAR:
        raise DecisionError(["part must be appraisal or sensitivity"])
    problems = check_actor(actor)
    if problems:
        raise DecisionError(problems)
    record = get_record(session, record_id)
    row = own_row(session, record)
    if row is not None:
        changes = dict(_CLEAR[part])
        who = "appraised" if part == "appraisal" else "reviewed"
        changes.update({f"{who}_by": actor.name, f"{who}_role": actor.role})
        apply_change(
            session,
            row,
            collection_id=record.collection_id,
            record_id=record.id,
            scope=None,
            actor=actor,
            kind=f"clear_{part}",
            changes=changes,
        )
    return get_decision(session, record_id)
