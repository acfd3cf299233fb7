"""Outcomes of disagreements (uphold or overturn, with a note) and feedback for reviewers.

Overturning saves the checker's decision through the decisions API in role `qa`, so the first
decision and the correction both stay in the audit history. Upholding restores the first decision
when a checker's imported decision had replaced it. Each outcome also appends its own event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.base import utcnow
from models.qa import OUTCOMES, QaReview
from models.records import Record
from reviewer.audit.chain import append_event
from reviewer.decisions.exemptions import suggest_closure_start
from reviewer.decisions.save import save_sensitivity
from reviewer.decisions.store import get_decision
from reviewer.decisions.types import Actor, DecisionError
from reviewer.qa.blind import submit_review
from reviewer.qa.compare import Comparison, compare
from reviewer.qa.sources import checker_decisions, decision_from_view, first_decisions, paths_of
from reviewer.qa.types import QaDecision


@dataclass(frozen=True)
class ReviewView:
    """A second review as reports and the reviewer's feedback show it."""

    id: int
    record_id: int
    path: str
    first_reviewer: str
    checker: str
    first: QaDecision
    second: QaDecision
    comparison: Comparison
    outcome: str | None
    note: str
    submitted_at: datetime | None
    outcome_at: datetime | None
    source: str
    sample_id: int | None


def _view(row: QaReview, path: str) -> ReviewView:
    first = QaDecision.from_json(row.first_decision)
    second = QaDecision.from_json(row.checker_decision)
    return ReviewView(
        id=row.id,
        record_id=row.record_id,
        path=path,
        first_reviewer=row.first_reviewer,
        checker=row.checker,
        first=first,
        second=second,
        comparison=compare(first, second),
        outcome=row.outcome,
        note=row.outcome_note,
        submitted_at=row.submitted_at,
        outcome_at=row.outcome_at,
        source=row.source,
        sample_id=row.sample_id,
    )


def sync_imported(session: Session, collection_id: int) -> int:
    """Turn checkers' decisions that arrived through the decisions store (role `qa`, e.g.
    `decisions import`) into second reviews; returns how many were added or refreshed."""
    firsts = first_decisions(session, collection_id)
    changed = 0
    for rid, qa in checker_decisions(session, collection_id).items():
        first = firsts.get(rid)
        if first is None or first.person == qa.person:
            continue
        row = session.scalar(
            select(QaReview).where(QaReview.record_id == rid, QaReview.checker == qa.person)
        )
        if row is not None and (row.outcome is not None or row.source != "import"):
            continue
        if row is not None and QaDecision.from_json(row.checker_decision) == qa.decision:
            continue
        try:
            submit_review(session, rid, qa.person, qa.decision, source="import")
        except DecisionError:
            continue  # an imported decision QA cannot read is left for the decisions checks
        changed += 1
    return changed


def list_reviews(session: Session, collection_id: int) -> list[ReviewView]:
    rows = list(
        session.scalars(
            select(QaReview).where(QaReview.collection_id == collection_id).order_by(QaReview.id)
        )
    )
    ids = [r.record_id for r in rows]
    paths = paths_of(session, ids)
    return [_view(r, paths.get(r.record_id, "")) for r in rows]


def get_review(session: Session, review_id: int) -> ReviewView:
    row = session.get(QaReview, review_id)
    if row is None:
        raise DecisionError([f"QA review {review_id} does not exist"])
    record = session.get(Record, row.record_id)
    return _view(row, record.path if record else "")


def _key(d: QaDecision) -> tuple[object, ...]:
    return (
        d.closure_status,
        d.redacted,
        d.exemptions,
        d.title_closed,
        d.title_alternate,
        d.description_closed,
        d.description_alternate,
        d.closure_start_date,
        d.foi_schedule_date,
    )


def _save(session: Session, record_id: int, checker: str, target: QaDecision, kind: str) -> None:
    """Make `target` the record's sensitivity decision, unless it already is."""
    current = decision_from_view(get_decision(session, record_id))
    if _key(current) == _key(target):
        return
    save_sensitivity(
        session,
        record_id,
        Actor(checker, "qa"),
        closure_status=target.closure_status or "",
        redacted=target.redacted,
        exemptions=target.exemptions,
        closure_start_date=target.closure_start_date,
        foi_schedule_date=target.foi_schedule_date,
        title_closed=target.title_closed,
        title_alternate=target.title_alternate,
        description_closed=target.description_closed,
        description_alternate=target.description_alternate,
        kind=kind,
    )


def _with_dates(
    session: Session, record_id: int, checker: QaDecision, first: QaDecision
) -> QaDecision:
    """The checker's judgment, with dates the checker left out taken from the first decision,
    else (closure start) from the date of the record as TNA's rule gives it."""
    if checker.closure_status != "Closed":
        return QaDecision(
            **{**checker.__dict__, "closure_start_date": None, "foi_schedule_date": None}
        )
    return QaDecision(
        **{
            **checker.__dict__,
            "closure_start_date": checker.closure_start_date
            or first.closure_start_date
            or _suggested_start(session, record_id),
            "foi_schedule_date": checker.foi_schedule_date or first.foi_schedule_date,
        }
    )


def _suggested_start(session: Session, record_id: int) -> date | None:
    record = session.get(Record, record_id)
    mtime = record.mtime.astimezone(UTC).date() if record and record.mtime else None
    return suggest_closure_start(get_decision(session, record_id).record_date, mtime)


def record_outcome(
    session: Session, review_id: int, outcome: str, note: str, checker: str
) -> ReviewView:
    """Uphold or overturn a disagreement; overturning corrects the record's decision."""
    row = session.get(QaReview, review_id)
    problems = []
    if row is None:
        raise DecisionError([f"QA review {review_id} does not exist"])
    if outcome not in OUTCOMES:
        problems.append(f"outcome must be {' or '.join(OUTCOMES)}")
    if checker != row.checker:
        problems.append("only the checker who made the second review records its outcome")
    if row.agrees:
        problems.append(
            f"record {row.record_id}: the decisions agree, nothing to uphold or overturn"
        )
    if outcome == "overturn" and not note.strip():
        problems.append("say why the decision is overturned (a note for the reviewer)")
    if problems:
        raise DecisionError(problems)
    first = QaDecision.from_json(row.first_decision)
    second = QaDecision.from_json(row.checker_decision)
    try:
        if outcome == "overturn":
            target = _with_dates(session, row.record_id, second, first)
            _save(session, row.record_id, checker, target, "qa_overturn")
        else:
            _save(session, row.record_id, checker, first, "qa_uphold")
    except DecisionError as exc:
        problems = [f"the corrected decision cannot be saved: {p}" for p in exc.problems]
        raise DecisionError(problems) from exc
    before = {"outcome": row.outcome, "note": row.outcome_note}
    row.outcome = outcome
    row.outcome_note = note.strip()
    row.outcome_at = utcnow()
    append_event(
        session,
        actor=checker,
        role="qa",
        kind="qa_outcome",
        target=f"qa_review:{row.id}",
        before=before,
        after={
            "outcome": row.outcome,
            "note": row.outcome_note,
            "first_reviewer": row.first_reviewer,
        },
        collection_id=row.collection_id,
        record_id=row.record_id,
    )
    session.flush()
    return get_review(session, review_id)


def feedback(session: Session, collection_id: int, reviewer: str | None = None) -> list[ReviewView]:
    """Disagreeing second reviews of a reviewer's records (everyone's if None), newest first."""
    out = [
        r
        for r in list_reviews(session, collection_id)
        if not r.comparison.agrees and (reviewer is None or r.first_reviewer == reviewer)
    ]
    return sorted(out, key=lambda r: r.outcome_at or r.submitted_at or utcnow(), reverse=True)
