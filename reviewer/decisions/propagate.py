"""Propagating a record's decision to its exact duplicates and an email's attachments.

Two steps, so the reviewer confirms: `preview_propagation` says what WOULD change (and what would
be refused, e.g. a hold or a closure date that does not fit the other record), then
`apply_propagation` applies the confirmed records. Each applied change is its own audit event,
whose kind names the source record.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.records import Record
from reviewer.decisions.save import (
    appraisal_problems,
    record_rule_problems,
    save_appraisal,
    save_sensitivity,
)
from reviewer.decisions.store import (
    check_actor,
    date_last_modified,
    get_decision,
    get_record,
    set_record_date,
)
from reviewer.decisions.types import Actor, DecisionError, DecisionView

PARTS = ("date", "appraisal", "sensitivity")
EMAIL_MIMES = ("message/rfc822", "application/vnd.ms-outlook")


@dataclass(frozen=True)
class PropagationChange:
    """What propagating would do to one record."""

    record_id: int
    path: str
    relation: str  # duplicate | attachment | member
    before: DecisionView
    parts: tuple[str, ...]  # the parts that would change
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class PropagationResult:
    applied: tuple[DecisionView, ...] = ()
    refused: dict[int, list[str]] = field(default_factory=dict)


def _is_email(rec: Record) -> bool:
    return (rec.mime or "") in EMAIL_MIMES or rec.name.lower().endswith((".eml", ".msg"))


def propagation_targets(session: Session, record_id: int) -> list[tuple[Record, str]]:
    """Exact duplicates (same SHA-256 in the collection) and contained records, with relation."""
    src = get_record(session, record_id)
    out: list[tuple[Record, str]] = []
    if src.sha256:
        stmt = select(Record).where(
            Record.collection_id == src.collection_id,
            Record.sha256 == src.sha256,
            Record.id != src.id,
        )
        out += [(r, "duplicate") for r in session.scalars(stmt.order_by(Record.path))]
    relation = "attachment" if _is_email(src) else "member"
    frontier = [src.id]
    seen = {src.id} | {r.id for r, _ in out}
    while frontier:
        kids = list(session.scalars(select(Record).where(Record.parent_id.in_(frontier))))
        frontier = []
        for kid in sorted(kids, key=lambda r: r.path):
            if kid.id not in seen:
                seen.add(kid.id)
                out.append((kid, relation))
                frontier.append(kid.id)
    return out


def _appraisal_key(v: DecisionView) -> tuple[object, ...]:
    return (v.appraisal, v.criteria, v.rationale)


def _sensitivity_key(v: DecisionView) -> tuple[object, ...]:
    return (
        v.closure_status,
        v.redacted,
        v.redact_labels,
        v.exemptions,
        v.closure_start_date,
        v.period_justification,
        v.foi_schedule_date,
        v.title_closed,
        v.title_alternate,
        v.description_closed,
        v.description_alternate,
    )


def _sensitivity_kwargs(v: DecisionView) -> dict[str, object]:
    """The source's sensitivity as save_sensitivity's arguments; a start rule is copied as the
    rule, so each target takes the start date from its own date."""
    return {
        "closure_status": v.closure_status,
        "redacted": v.redacted,
        "exemptions": v.exemptions,
        "closure_start_date": None if v.closure_start_rule else v.closure_start_date,
        "closure_start_rule": v.closure_start_rule,
        "period_justification": v.period_justification,
        "foi_schedule_date": v.foi_schedule_date,
        "title_closed": v.title_closed,
        "title_alternate": v.title_alternate,
        "description_closed": v.description_closed,
        "description_alternate": v.description_alternate,
    }


def preview_propagation(
    session: Session, record_id: int, actor: Actor, parts: Sequence[str] = PARTS
) -> list[PropagationChange]:
    """Records whose decision would change if the source's decision were copied to them."""
    source = get_decision(session, record_id)
    changes = []
    for rec, relation in propagation_targets(session, record_id):
        before = get_decision(session, rec.id)
        todo: list[str] = []
        problems: list[str] = []
        app_changes = _appraisal_key(before) != _appraisal_key(source) or before.appraisal_inherited
        sen_changes = (
            _sensitivity_key(before) != _sensitivity_key(source) or before.sensitivity_inherited
        )
        if "appraisal" in parts and source.appraisal is not None and app_changes:
            todo.append("appraisal")
            problems += appraisal_problems(
                session, rec.collection_id, [rec.id], actor, source.appraisal, source.criteria
            )
        # A copy or an attachment with no date of its own takes the source's (an attachment is
        # dated by its e-mail, not by the mailbox file): shown as a part, applied on confirmation.
        record_date = before.record_date
        if "date" in parts and record_date is None and source.record_date is not None:
            todo.append("date_of_the_record")
            record_date = source.record_date
        if "sensitivity" in parts and source.closure_status is not None and sen_changes:
            todo.append("sensitivity")
            problems += record_rule_problems(
                _sensitivity_kwargs(source),
                record_date=record_date,
                date_last_modified=date_last_modified(rec, session),
                description=before.description,
            )
        if todo and todo != ["date_of_the_record"]:
            changes.append(
                PropagationChange(rec.id, rec.path, relation, before, tuple(todo), tuple(problems))
            )
    return changes


def apply_propagation(
    session: Session,
    record_id: int,
    actor: Actor,
    record_ids: Sequence[int] | None = None,
    parts: Sequence[str] = PARTS,
) -> PropagationResult:
    """Copy the source's decision to the confirmed records (all previewed when None).

    Each record is saved in its own savepoint: one refused record does not stop the others.
    """
    problems = check_actor(actor)
    if problems:
        raise DecisionError(problems)
    source = get_decision(session, record_id)
    wanted = None if record_ids is None else set(record_ids)
    applied: list[DecisionView] = []
    refused: dict[int, list[str]] = {}
    for change in preview_propagation(session, record_id, actor, parts):
        if wanted is not None and change.record_id not in wanted:
            continue
        if change.problems:
            refused[change.record_id] = list(change.problems)
            continue
        try:
            with session.begin_nested():
                view = change.before
                if "date_of_the_record" in change.parts and source.record_date is not None:
                    view = set_record_date(session, change.record_id, actor, source.record_date)
                if "appraisal" in change.parts and source.appraisal is not None:
                    view = save_appraisal(
                        session,
                        change.record_id,
                        actor,
                        source.appraisal,
                        source.criteria,
                        source.rationale,
                        kind=f"appraisal from record {record_id}",
                    )
                if "sensitivity" in change.parts and source.closure_status is not None:
                    view = save_sensitivity(
                        session,
                        change.record_id,
                        actor,
                        redact_labels=source.redact_labels,
                        kind=f"sensitivity from record {record_id}",
                        **_sensitivity_kwargs(source),  # type: ignore[arg-type]
                    )
            applied.append(view)
        except DecisionError as exc:
            refused[change.record_id] = exc.problems
    return PropagationResult(tuple(applied), refused)
