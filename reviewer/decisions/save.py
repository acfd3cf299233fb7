"""Saving appraisal and sensitivity decisions on records and folders, after checking every rule."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from models.base import utcnow
from reviewer.decisions.criteria import criterion_ids
from reviewer.decisions.folder_check import (
    conflict_problems,
    folder_sensitivity_conflicts,
    records_under,
)
from reviewer.decisions.holds import active_holds_for
from reviewer.decisions.resolve import start_from_rule
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
from reviewer.decisions.types import (
    APPRAISALS,
    CLOSURE_START_RULES,
    Actor,
    DecisionError,
    DecisionView,
)


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


def appraisal_changes(
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
        changes=appraisal_changes(actor, outcome, criteria, rationale),
        expected_version=expected_version,
    )
    return get_decision(session, record_id)


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
        changes=appraisal_changes(actor, outcome, criteria, rationale),
    )
    view = folder_decision(session, collection_id, scope)
    assert view is not None
    return view


def sensitivity_changes(actor: Actor, fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "closure_status": fields["closure_status"],
        "redacted": bool(fields.get("redacted", False)),
        "redact_labels": list(fields.get("redact_labels") or []),
        "exemptions": [[c, p] for c, p in fields.get("exemptions") or ()],
        "closure_start_date": fields.get("closure_start_date"),
        "closure_start_rule": fields.get("closure_start_rule"),
        "period_justification": (fields.get("period_justification") or "").strip(),
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
    "closure_start_rule",
    "period_justification",
    "foi_schedule_date",
    "title_closed",
    "title_alternate",
    "description_closed",
    "description_alternate",
)


def _rule_fields(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: fields[k] for k in RULE_FIELDS if k in fields}


def record_rule_problems(
    fields: dict[str, Any],
    *,
    record_date: date | None,
    date_last_modified: date | None,
    description: str,
    today: date | None = None,
) -> list[str]:
    """TDR problems of a sensitivity decision as it would apply to one record with these dates.

    A start rule is resolved to the date it gives this record, so that date is checked as TDR
    would check it.
    """
    rule_fields = _rule_fields(fields)
    rule = rule_fields.get("closure_start_rule")
    if (
        rule is not None
        and rule in CLOSURE_START_RULES
        and rule_fields.get("closure_status") == ("Closed")
    ):
        if rule_fields.get("closure_start_date") is not None:
            return ["give a closure start date or a rule to take it from, not both"]
        start = start_from_rule(rule, record_date or date_last_modified)
        if start is None:
            return ["the record has no date to take the closure start date from"]
        rule_fields = {**rule_fields, "closure_start_rule": None, "closure_start_date": start}
    return validate_sensitivity(
        **rule_fields,
        record_date=record_date,
        date_last_modified=date_last_modified,
        description=description,
        today=today,
    )


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
    closure_start_rule: str | None = None,
    period_justification: str = "",
) -> DecisionView:
    """Record the sensitivity decision of one record, refused with every TDR rule it breaks.

    `closure_start_rule` ("record_date"|"year_end") instead of `closure_start_date` keeps the
    start following the record's date (checked here with the date the rule gives now).
    """
    fields = dict(locals())
    record = get_record(session, record_id)
    row = own_row(session, record)
    problems = check_actor(actor) + record_rule_problems(
        fields,
        record_date=row.record_date if row else None,
        date_last_modified=date_last_modified(record, session),
        description=row.description if row else "",
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
        changes=sensitivity_changes(actor, fields),
        expected_version=expected_version,
    )
    return get_decision(session, record_id)


def save_folder_sensitivity(
    session: Session,
    collection_id: int,
    folder: str,
    actor: Actor,
    *,
    allow_conflicts: bool = False,
    **fields: Any,
) -> DecisionView:
    """A sensitivity decision the records under `folder` inherit.

    Checked as a whole, then for every record that would inherit it with that record's dates
    and description (`folder_sensitivity_conflicts`): refused naming each record that TDR would
    refuse, offering `closure_start_rule` when a single start date does not fit them all, unless
    `allow_conflicts` (those records then need their own decision or date before export).
    """
    scope = folder_scope(folder)
    problems = check_actor(actor) + validate_sensitivity(**_rule_fields(fields))
    if problems:
        raise DecisionError(problems)
    if not allow_conflicts:
        conflicts = folder_sensitivity_conflicts(session, collection_id, scope, **fields)
        if conflicts:
            raise DecisionError(conflict_problems(conflicts))
    apply_change(
        session,
        folder_row(session, collection_id, scope),
        collection_id=collection_id,
        record_id=None,
        scope=scope,
        actor=actor,
        kind="folder_sensitivity",
        changes=sensitivity_changes(actor, fields),
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
        "closure_start_rule": None,
        "period_justification": "",
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
